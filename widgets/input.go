package widgets

import (
	"net/url"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// Template names of Django's widgets.
const (
	tplText         = "django/forms/widgets/text.html"
	tplNumber       = "django/forms/widgets/number.html"
	tplEmail        = "django/forms/widgets/email.html"
	tplURL          = "django/forms/widgets/url.html"
	tplPassword     = "django/forms/widgets/password.html"
	tplHidden       = "django/forms/widgets/hidden.html"
	tplMultiHidden  = "django/forms/widgets/multiple_hidden.html"
	tplFile         = "django/forms/widgets/file.html"
	tplClearable    = "django/forms/widgets/clearable_file_input.html"
	tplTextarea     = "django/forms/widgets/textarea.html"
	tplDate         = "django/forms/widgets/date.html"
	tplDateTime     = "django/forms/widgets/datetime.html"
	tplTime         = "django/forms/widgets/time.html"
	tplCheckbox     = "django/forms/widgets/checkbox.html"
	tplSelect       = "django/forms/widgets/select.html"
	tplSelectOption = "django/forms/widgets/select_option.html"
	tplRadio        = "django/forms/widgets/radio.html"
	tplRadioOption  = "django/forms/widgets/radio_option.html"
	tplCheckboxes   = "django/forms/widgets/checkbox_select.html"
	tplCheckboxOpt  = "django/forms/widgets/checkbox_option.html"
	tplMulti        = "django/forms/widgets/multiwidget.html"
	tplSplitDT      = "django/forms/widgets/splitdatetime.html"
	tplSplitHidden  = "django/forms/widgets/splithiddendatetime.html"
	tplSelectDate   = "django/forms/widgets/select_date.html"
)

// template returns the overriding template name, or def.
func (b *Base) template(def string) string {
	if b.Template != "" {
		return b.Template
	}
	return def
}

// fieldset returns the overriding use_fieldset, or def.
func (b *Base) fieldset(def bool) bool {
	if b.Fieldset != nil {
		return *b.Fieldset
	}
	return def
}

// clone returns a copy of b whose attrs can change alone.
func (b Base) clone() Base {
	if b.Attrs != nil {
		b.Attrs = b.Attrs.Clone()
	}
	return b
}

// Input is the part every <input> widget shares.
type Input struct {
	Common
	// Type overrides the widget type's input type; constructors take it
	// from attrs["type"], as Django's Input does.
	Type string
}

// newInput is Django's Input.__init__: attrs copied, "type" taken out.
func newInput(attrs renderers.Attrs) Input {
	in := Input{}
	if attrs != nil {
		attrs = attrs.Clone()
		if t, ok := attrs["type"]; ok {
			delete(attrs, "type")
			if s, ok := t.(string); ok {
				in.Type = s
			}
		}
		in.Attrs = attrs
	}
	return in
}

func (in *Input) input() *Input { return in }

func (in *Input) typeOr(def string) string {
	if in.Type != "" {
		return in.Type
	}
	return def
}

// FormatValue implements Widget: str(value), nothing for None and "".
func (in *Input) FormatValue(value any) any { return formatValue(value, in.Localized, in.Formats) }

// ValueFromData implements Widget: the last value submitted under name.
func (in *Input) ValueFromData(data url.Values, files Files, name string) any {
	return dataValue(data, name)
}

// ValueOmitted implements Widget.
func (in *Input) ValueOmitted(data url.Values, files Files, name string) bool {
	_, ok := data[name]
	return !ok
}

// IDForLabel implements Widget: the id itself.
func (in *Input) IDForLabel(id string) string { return id }

// UseFieldset implements Widget.
func (in *Input) UseFieldset() bool { return in.fieldset(false) }

// inputTyped is a widget whose input type a MultiWidget may change.
type inputTyped interface {
	Widget
	input() *Input
}

// inputContext is Input.get_context: the base context and the type.
func inputContext(w Widget, typ, name string, value any, attrs renderers.Attrs) map[string]any {
	ctx := BaseContext(w, name, value, attrs)
	ctx["type"] = typ
	return ctx
}

// TextInput is <input type="text">.
type TextInput struct{ Input }

// NewTextInput returns a TextInput with the given attributes.
func NewTextInput(attrs renderers.Attrs) *TextInput { return &TextInput{newInput(attrs)} }

// Context implements Widget.
func (w *TextInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("text"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *TextInput) IsHidden() bool { return w.typeOr("text") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *TextInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *TextInput) TemplateName() string { return w.template(tplText) }

// Clone implements Widget.
func (w *TextInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// NumberInput is <input type="number">.
type NumberInput struct{ Input }

// NewNumberInput returns a NumberInput with the given attributes.
func NewNumberInput(attrs renderers.Attrs) *NumberInput { return &NumberInput{newInput(attrs)} }

// Context implements Widget.
func (w *NumberInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("number"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *NumberInput) IsHidden() bool { return w.typeOr("number") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *NumberInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *NumberInput) TemplateName() string { return w.template(tplNumber) }

// Clone implements Widget.
func (w *NumberInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// EmailInput is <input type="email">.
type EmailInput struct{ Input }

// NewEmailInput returns an EmailInput with the given attributes.
func NewEmailInput(attrs renderers.Attrs) *EmailInput { return &EmailInput{newInput(attrs)} }

// Context implements Widget.
func (w *EmailInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("email"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *EmailInput) IsHidden() bool { return w.typeOr("email") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *EmailInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *EmailInput) TemplateName() string { return w.template(tplEmail) }

// Clone implements Widget.
func (w *EmailInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// URLInput is <input type="url">.
type URLInput struct{ Input }

// NewURLInput returns a URLInput with the given attributes.
func NewURLInput(attrs renderers.Attrs) *URLInput { return &URLInput{newInput(attrs)} }

// Context implements Widget.
func (w *URLInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("url"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *URLInput) IsHidden() bool { return w.typeOr("url") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *URLInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *URLInput) TemplateName() string { return w.template(tplURL) }

// Clone implements Widget.
func (w *URLInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// PasswordInput is <input type="password">. It writes no value unless
// RenderValue is set.
type PasswordInput struct {
	Input
	RenderValue bool
}

// NewPasswordInput returns a PasswordInput with the given attributes.
func NewPasswordInput(attrs renderers.Attrs) *PasswordInput {
	return &PasswordInput{Input: newInput(attrs)}
}

// Context implements Widget.
func (w *PasswordInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	if !w.RenderValue {
		value = nil
	}
	return inputContext(w, w.typeOr("password"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *PasswordInput) IsHidden() bool { return w.typeOr("password") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *PasswordInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *PasswordInput) TemplateName() string { return w.template(tplPassword) }

// Clone implements Widget.
func (w *PasswordInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// HiddenInput is <input type="hidden">.
type HiddenInput struct{ Input }

// NewHiddenInput returns a HiddenInput with the given attributes.
func NewHiddenInput(attrs renderers.Attrs) *HiddenInput { return &HiddenInput{newInput(attrs)} }

// Context implements Widget.
func (w *HiddenInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("hidden"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *HiddenInput) IsHidden() bool { return w.typeOr("hidden") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *HiddenInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *HiddenInput) TemplateName() string { return w.template(tplHidden) }

// Clone implements Widget.
func (w *HiddenInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// MultipleHiddenInput is one <input type="hidden"> per value of a list.
type MultipleHiddenInput struct{ Input }

// NewMultipleHiddenInput returns a MultipleHiddenInput with the given
// attributes.
func NewMultipleHiddenInput(attrs renderers.Attrs) *MultipleHiddenInput {
	return &MultipleHiddenInput{newInput(attrs)}
}

// FormatValue implements Widget: the list of values, empty for None.
func (w *MultipleHiddenInput) FormatValue(value any) any {
	if isNone(value) {
		return []any{}
	}
	if items, ok := asList(value); ok {
		return items
	}
	if s, ok := value.(string); ok {
		// Python iterates a string by characters.
		items := []any{}
		for _, r := range s {
			items = append(items, string(r))
		}
		return items
	}
	return []any{value}
}

// Context implements Widget: "subwidgets" holds one hidden input's
// context per value, ids suffixed with the value's index.
func (w *MultipleHiddenInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	ctx := inputContext(w, w.typeOr("hidden"), name, value, attrs)
	final := ctx["attrs"].(renderers.Attrs)
	id, _ := final["id"].(string)
	values, _ := ctx["value"].([]any)
	subs := make([]any, 0, len(values))
	for i, v := range values {
		wa := final.Clone()
		if id != "" {
			wa["id"] = id + "_" + itoa(i)
		}
		h := &HiddenInput{}
		h.Required = w.Required
		subs = append(subs, h.Context(name, v, wa))
	}
	ctx["subwidgets"] = subs
	return ctx
}

// ValueFromData implements Widget: every value submitted under name.
func (w *MultipleHiddenInput) ValueFromData(data url.Values, files Files, name string) any {
	return dataList(data, name)
}

// IsHidden implements Widget.
func (w *MultipleHiddenInput) IsHidden() bool { return w.typeOr("hidden") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *MultipleHiddenInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *MultipleHiddenInput) TemplateName() string { return w.template(tplMultiHidden) }

// Clone implements Widget.
func (w *MultipleHiddenInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// FileInput is <input type="file">. It never writes a value and reads
// its value from the uploaded files.
type FileInput struct{ Input }

// NewFileInput returns a FileInput with the given attributes.
func NewFileInput(attrs renderers.Attrs) *FileInput { return &FileInput{newInput(attrs)} }

// FormatValue implements Widget: a file input never shows a value.
func (w *FileInput) FormatValue(value any) any { return nil }

// Context implements Widget.
func (w *FileInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("file"), name, value, attrs)
}

// ValueFromData implements Widget: the file uploaded under name.
func (w *FileInput) ValueFromData(data url.Values, files Files, name string) any {
	return fileValue(files, name)
}

// ValueOmitted implements Widget.
func (w *FileInput) ValueOmitted(data url.Values, files Files, name string) bool {
	_, ok := files[name]
	return !ok
}

// IsHidden implements Widget.
func (w *FileInput) IsHidden() bool { return w.typeOr("file") == "hidden" }

// UseRequiredAttribute implements Widget: not when there is an initial
// file.
func (w *FileInput) UseRequiredAttribute(initial any) bool {
	return !w.IsHidden() && !truthy(initial)
}

// NeedsMultipart reports that a form with this widget must be sent as
// multipart/form-data.
func (w *FileInput) NeedsMultipart() bool { return true }

// TemplateName implements Widget.
func (w *FileInput) TemplateName() string { return w.template(tplFile) }

// Clone implements Widget.
func (w *FileInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// Textarea is <textarea>, 40 columns by 10 rows unless attrs say otherwise.
type Textarea struct{ Common }

// NewTextarea returns a Textarea with Django's default cols and rows
// under the given attributes.
func NewTextarea(attrs renderers.Attrs) *Textarea {
	a := renderers.Attrs{"cols": "40", "rows": "10"}
	a.Update(attrs)
	return &Textarea{Common{Attrs: a}}
}

// Context implements Widget.
func (w *Textarea) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return BaseContext(w, name, value, attrs)
}

// FormatValue implements Widget.
func (w *Textarea) FormatValue(value any) any { return formatValue(value, w.Localized, w.Formats) }

// ValueFromData implements Widget.
func (w *Textarea) ValueFromData(data url.Values, files Files, name string) any {
	return dataValue(data, name)
}

// ValueOmitted implements Widget.
func (w *Textarea) ValueOmitted(data url.Values, files Files, name string) bool {
	_, ok := data[name]
	return !ok
}

// IDForLabel implements Widget.
func (w *Textarea) IDForLabel(id string) string { return id }

// UseRequiredAttribute implements Widget.
func (w *Textarea) UseRequiredAttribute(initial any) bool { return true }

// IsHidden implements Widget.
func (w *Textarea) IsHidden() bool { return false }

// UseFieldset implements Widget.
func (w *Textarea) UseFieldset() bool { return w.fieldset(false) }

// TemplateName implements Widget.
func (w *Textarea) TemplateName() string { return w.template(tplTextarea) }

// Clone implements Widget.
func (w *Textarea) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// DateInput is a text input showing a date in Format, by default
// "%Y-%m-%d" (Django's first DATE_INPUT_FORMATS).
type DateInput struct {
	Input
	// Format is the strftime format of the shown value.
	Format string
}

// NewDateInput returns a DateInput with the given attributes.
func NewDateInput(attrs renderers.Attrs) *DateInput { return &DateInput{Input: newInput(attrs)} }

// FormatValue implements Widget: dates in Format, strings as given.
func (w *DateInput) FormatValue(value any) any {
	return localizeInput(value, orDefault(w.Format, dateFormats(w.Formats)[0]), w.Formats)
}

// Context implements Widget.
func (w *DateInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("text"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *DateInput) IsHidden() bool { return w.typeOr("text") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *DateInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *DateInput) TemplateName() string { return w.template(tplDate) }

// Clone implements Widget.
func (w *DateInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// DateTimeInput is a text input showing a date and time in Format, by
// default "%Y-%m-%d %H:%M:%S".
type DateTimeInput struct {
	Input
	// Format is the strftime format of the shown value.
	Format string
}

// NewDateTimeInput returns a DateTimeInput with the given attributes.
func NewDateTimeInput(attrs renderers.Attrs) *DateTimeInput {
	return &DateTimeInput{Input: newInput(attrs)}
}

// FormatValue implements Widget.
func (w *DateTimeInput) FormatValue(value any) any {
	return localizeInput(value, orDefault(w.Format, dateTimeFormats(w.Formats)[0]), w.Formats)
}

// Context implements Widget.
func (w *DateTimeInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("text"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *DateTimeInput) IsHidden() bool { return w.typeOr("text") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *DateTimeInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *DateTimeInput) TemplateName() string { return w.template(tplDateTime) }

// Clone implements Widget.
func (w *DateTimeInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// TimeInput is a text input showing a time in Format, by default
// "%H:%M:%S".
type TimeInput struct {
	Input
	// Format is the strftime format of the shown value.
	Format string
}

// NewTimeInput returns a TimeInput with the given attributes.
func NewTimeInput(attrs renderers.Attrs) *TimeInput { return &TimeInput{Input: newInput(attrs)} }

// FormatValue implements Widget.
func (w *TimeInput) FormatValue(value any) any {
	return localizeInput(value, orDefault(w.Format, timeFormats(w.Formats)[0]), w.Formats)
}

// Context implements Widget.
func (w *TimeInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return inputContext(w, w.typeOr("text"), name, value, attrs)
}

// IsHidden implements Widget.
func (w *TimeInput) IsHidden() bool { return w.typeOr("text") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *TimeInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *TimeInput) TemplateName() string { return w.template(tplTime) }

// Clone implements Widget.
func (w *TimeInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

// CheckboxInput is <input type="checkbox">, checked when CheckTest says
// so of the value.
type CheckboxInput struct {
	Input
	// CheckTest reports whether a value checks the box; nil means
	// Django's boolean_check: anything but false, nil and "".
	CheckTest func(value any) bool
}

// NewCheckboxInput returns a CheckboxInput with the given attributes.
func NewCheckboxInput(attrs renderers.Attrs) *CheckboxInput {
	return &CheckboxInput{Input: newInput(attrs)}
}

// booleanCheck is Django's boolean_check.
func booleanCheck(v any) bool {
	return !(v == false || isNone(v) || v == "")
}

// FormatValue implements Widget: str(value) unless it is a bool, None
// or "".
func (w *CheckboxInput) FormatValue(value any) any {
	if _, ok := value.(bool); ok || isNone(value) || value == "" {
		return nil
	}
	return pyfmt.Str(value)
}

// Context implements Widget: checked when CheckTest passes.
func (w *CheckboxInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	check := w.CheckTest
	if check == nil {
		check = booleanCheck
	}
	if check(value) {
		attrs = attrsOf(attrs)
		attrs["checked"] = true
	}
	return inputContext(w, w.typeOr("checkbox"), name, value, attrs)
}

// ValueFromData implements Widget: false when not submitted (an
// unchecked box sends nothing), "true" and "false" in any case as the
// bools they name, and otherwise whether the value is non-empty.
func (w *CheckboxInput) ValueFromData(data url.Values, files Files, name string) any {
	v, ok := dataGet(data, name)
	if !ok {
		return false
	}
	switch lower(v) {
	case "true":
		return true
	case "false":
		return false
	}
	return v != ""
}

// ValueOmitted implements Widget: never known for a checkbox.
func (w *CheckboxInput) ValueOmitted(data url.Values, files Files, name string) bool {
	return false
}

// IsHidden implements Widget.
func (w *CheckboxInput) IsHidden() bool { return w.typeOr("checkbox") == "hidden" }

// UseRequiredAttribute implements Widget.
func (w *CheckboxInput) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// TemplateName implements Widget.
func (w *CheckboxInput) TemplateName() string { return w.template(tplCheckbox) }

// Clone implements Widget.
func (w *CheckboxInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
