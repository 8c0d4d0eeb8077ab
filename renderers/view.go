package renderers

import (
	"bytes"
	"strconv"
)

// The view model: what the built-in templates see, typed. Forms, bound
// fields, widgets and formsets describe themselves with these values,
// and the writers generated from the built-in templates
// (builtin_gen.go, made by internal/tmplgen) print them. A template
// variable is a field or method here: {{ widget.name }} is
// WidgetView.Name, {{ field.label_tag }} is FieldView.WriteLabelTag.

// Markup is a value that prints itself as HTML, already escaped: a bound
// field ({{ field }}), an error list, a form.
type Markup interface {
	WriteHTML(b *bytes.Buffer) error
}

// MarkupList is an error list as a form template sees it: printed as its
// HTML, true when it holds errors, its messages visited by a loop.
type MarkupList interface {
	Markup
	ErrorItems
}

// Value is a context value of a widget: a string (unboxed) or any other
// value, printed as {{ v }} prints it. The zero Value is None.
type Value struct {
	s    string
	v    any
	kind uint8 // 0 None, 1 string, 2 any
}

// StringValue is the Value of a string.
func StringValue(s string) Value { return Value{s: s, kind: 1} }

// AnyValue is the Value of v; nil is None.
func AnyValue(v any) Value {
	if v == nil {
		return Value{}
	}
	if s, ok := v.(string); ok {
		return StringValue(s)
	}
	return Value{v: v, kind: 2}
}

// Any returns the value as a context holds it.
func (v Value) Any() any {
	switch v.kind {
	case 1:
		return v.s
	case 2:
		return v.v
	}
	return nil
}

// IsNone reports whether v is None ({% if v != None %}).
func (v Value) IsNone() bool { return v.kind == 0 }

// IsTrue reports whether v is the boolean true ({% if v is True %}).
func (v Value) IsTrue() bool { b, ok := v.v.(bool); return v.kind == 2 && ok && b }

// IsFalse reports whether v is the boolean false ({% if v is False %}).
func (v Value) IsFalse() bool { b, ok := v.v.(bool); return v.kind == 2 && ok && !b }

// write prints v as {{ v }} does.
func (v Value) write(b *bytes.Buffer) {
	switch v.kind {
	case 0:
		b.WriteString("None")
	case 1:
		EscapeTo(b, v.s)
	default:
		writeValue(b, v.v)
	}
}

// truth is Python's truth of v; ok is false for a value of a kind the
// generated writers do not know, when the engine must render instead.
func (v Value) truth() (t, ok bool) {
	switch v.kind {
	case 0:
		return false, true
	case 1:
		return v.s != "", true
	}
	return truthy(v.v)
}

// WidgetView is a widget (or one option of a choice widget) as its
// template sees it: {{ widget }}.
type WidgetView struct {
	Name  string
	Type  string
	Value Value
	Attrs AttrSet
	// Optgroups are a choice widget's options, in groups.
	Optgroups []OptGroupView
	// TemplateName is an option's template.
	TemplateName string
	// Label is an option's label.
	Label string
	// WrapLabel is an option's wrap_label.
	WrapLabel bool
	// Required is the widget's required (its field's).
	Required bool
	// IsInitial is a ClearableFileInput's is_initial: Value is a stored
	// file, shown as a link.
	IsInitial bool
	// Subwidgets are a multi-part widget's parts, each printed with its
	// own TemplateName.
	Subwidgets []*WidgetView
	// The texts and the clear box of a ClearableFileInput: initial_text,
	// input_text, checkbox_name, checkbox_id and clear_checkbox_label.
	InitialText, InputText   string
	CheckboxName, CheckboxID string
	ClearCheckboxLabel       string
}

// Reset empties v for reuse, keeping its attribute storage.
func (v *WidgetView) Reset() {
	v.Attrs.Reset()
	v.Name, v.Type, v.TemplateName, v.Label = "", "", "", ""
	v.Value, v.Optgroups, v.WrapLabel = Value{}, nil, false
	v.Required, v.IsInitial, v.Subwidgets = false, false, nil
	v.InitialText, v.InputText, v.CheckboxName, v.CheckboxID, v.ClearCheckboxLabel = "", "", "", "", ""
}

// OptGroupView is one group of a choice widget's options: (name, options,
// index), name "" for options outside a group. Its options are
// Src.Option(i) for i from Start to End, made one at a time as the
// template visits them.
type OptGroupView struct {
	Name       string
	Index      int
	Start, End int
	Src        OptionSource
}

// OptionSource makes the options of a choice widget's view. The view it
// returns may be reused for the next option: it is valid until the next
// call.
type OptionSource interface {
	Option(i int) *WidgetView
}

// LabelText is the text of a label: Text and Suffix escaped, or HTML
// (already safe) when IsHTML.
type LabelText struct {
	Text, Suffix string
	HTML         HTML
	IsHTML       bool
}

// WriteHTML prints the label text.
func (t *LabelText) WriteHTML(b *bytes.Buffer) error {
	if t.IsHTML {
		b.WriteString(string(t.HTML))
		return nil
	}
	EscapeTo(b, t.Text)
	EscapeTo(b, t.Suffix)
	return nil
}

// LabelView is what label.html sees.
type LabelView struct {
	UseTag bool
	Tag    string
	Label  LabelText
	Attrs  AttrSet
	// Field is the bound field labelled, which the accessible label.html
	// reads (its legend's id, whether it is required, its translator).
	Field FieldView
}

// Reset empties v for reuse, keeping its attribute storage.
func (v *LabelView) Reset() {
	v.Attrs.Reset()
	v.UseTag, v.Tag, v.Label, v.Field = false, "", LabelText{}, nil
}

// ErrorItems are the messages of an error list, printed escaped.
type ErrorItems interface {
	Len() int
	WriteItem(b *bytes.Buffer, i int)
}

// errorItem is the i-th message of an error list, in a template's loop.
type errorItem struct {
	items ErrorItems
	i     int
}

func (e errorItem) WriteHTML(b *bytes.Buffer) error {
	e.items.WriteItem(b, e.i)
	return nil
}

// ErrorListView is what an error list template sees: errors and
// error_class.
type ErrorListView struct {
	Errors     ErrorItems
	ErrorClass string
}

// ErrorDictView is what an error dict template sees: errors, the
// (field, error list) pairs in order, and error_class.
type ErrorDictView struct {
	Errors     []ErrorDictItem
	ErrorClass string
}

// ErrorDictItem is one field's errors in an ErrorDictView.
type ErrorDictItem struct {
	Field  string
	Errors ErrorListMarkup
}

// ErrorListMarkup is an error list inside an error dict: printed as its
// own HTML ({{ error }}), or its messages visited one by one
// ({% for error in errors %}).
type ErrorListMarkup interface {
	Markup
	ErrorItems
}

// FieldView is a bound field as a form template sees it.
type FieldView interface {
	// WriteHTML prints {{ field }}: its widget(s).
	WriteHTML(b *bytes.Buffer) error
	CSSClasses() string
	UseFieldset() bool
	Label() string
	HelpText() string
	WriteLabelTag(b *bytes.Buffer) error
	WriteLegendTag(b *bytes.Buffer) error
	IDForLabel() string
	// Errors is field.errors: its messages and class.
	Errors() ErrorListView
	// Required is field.field.required.
	Required() bool
	// Translator is the form's translator (TranslatorKey), nil for
	// English.
	Translator() Translator

	// What the accessible templates read besides (the keys of the bound
	// field's Object of the same names: invalid, helptext_id, ...).
	Invalid() bool
	HelpTextID() string
	ErrorsID() string
	FocusID() string
	LegendID() string
	AccessibleLabel() string
	AccessibleFieldset() bool
	WriteAccessibleWidget(b *bytes.Buffer) error
}

// FieldRowView is one (field, errors) pair of a form template's loop.
type FieldRowView struct {
	Field  FieldView
	Errors MarkupList
}

// FormView is what a form template sees: errors (the form's own and its
// hidden fields'), fields (the visible ones with their errors) and
// hidden_fields; and of form, what the accessible div.html reads.
type FormView struct {
	Errors MarkupList
	Fields []FieldRowView
	Hidden []FieldView
	// HasErrors is the truth of form.errors (and of its HTML).
	HasErrors bool
	// Translator is the form's translator (TranslatorKey), nil for
	// English.
	Translator Translator
}

// FormMarkup is a form of a formset as its template prints it.
type FormMarkup interface {
	WriteHTML(b *bytes.Buffer) error
	WriteAsDiv(b *bytes.Buffer) error
	WriteAsP(b *bytes.Buffer) error
	WriteAsTable(b *bytes.Buffer) error
	WriteAsUL(b *bytes.Buffer) error
	// Parts are what the accessible formset template reads of the form.
	Parts() FormParts
}

// FormParts is what the accessible formset template reads of one of its
// forms: form.non_field_errors, form.hidden_fields and
// form.visible_fields (each field with its errors), and the form's
// translator.
type FormParts interface {
	NonFieldErrors() ErrorListView
	HiddenFields() []FieldView
	VisibleFields() []FieldView
	Translator() Translator
}

// FormsetView is what a formset template sees as formset.
type FormsetView struct {
	ManagementForm FormMarkup
	Forms          []FormMarkup
	// Formset is what the accessible formset template reads of the
	// formset itself.
	Formset FormsetParts
}

// FormsetParts is what the accessible formset template reads of a
// formset: formset.total_error_count, formset.non_form_errors, and the
// translator of its management form (TranslatorOf).
type FormsetParts interface {
	TotalErrorCount() int
	NonFormErrors() ErrorListView
	Translator() Translator
}

// attrItem is one (name, value) of attrs.items, in print order.
type attrItem struct {
	Key string
	Val Value
}

// item returns the i-th attribute.
func (s *AttrSet) item(i int) attrItem {
	if s.isStr&(1<<i) != 0 {
		return attrItem{s.keys[i], StringValue(s.strs[i])}
	}
	return attrItem{s.keys[i], AnyValue(s.vals[i])}
}

// Lookup returns the value of attribute k ({{ attrs.k }}), None when s
// has none.
func (s *AttrSet) Lookup(k string) Value {
	for i := 0; i < s.n; i++ {
		if s.keys[i] == k {
			return s.item(i).Val
		}
	}
	return Value{}
}

func writeInt(b *bytes.Buffer, n int) { b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(n), 10)) }
