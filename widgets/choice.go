package widgets

import (
	"net/url"
	"strings"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// Chooser is a widget with choices: a choice field sets them.
type Chooser interface {
	Widget
	// ChoiceList returns the widget's choices.
	ChoiceList() []Choice
	// SetChoices replaces the widget's choices.
	SetChoices(choices []Choice)
}

// choiceKind is what sets one ChoiceWidget subclass apart in Django.
type choiceKind struct {
	inputType      string
	optionTemplate string
	addIDIndex     bool
	inheritsAttrs  bool
	checked        string // the attribute a selected option gets
	labelNoIndex   bool   // id_for_label without an index is ""
}

var (
	selectKind   = choiceKind{"select", tplSelectOption, false, false, "selected", false}
	radioKind    = choiceKind{"radio", tplRadioOption, true, true, "checked", true}
	checkboxKind = choiceKind{"checkbox", tplCheckboxOpt, true, true, "checked", true}
)

// idForLabel is ChoiceWidget.id_for_label with an index.
func (k choiceKind) idForLabel(id, index string) string {
	if id != "" && k.addIDIndex {
		return id + "_" + index
	}
	return id
}

// choiceFormatValue is ChoiceWidget.format_value: the selected values as
// strings.
func choiceFormatValue(value any, multiple bool) []string {
	if isNone(value) && multiple {
		return []string{}
	}
	items, ok := asList(value)
	if !ok {
		items = []any{value}
	}
	out := make([]string, len(items))
	for i, v := range items {
		if !isNone(v) {
			out[i] = pyfmt.Str(v)
		}
	}
	return out
}

// choiceSet is the widget value an option's str() is looked up in:
// Python's "in" over a list, or over a string (a substring test) for the
// NullBooleanSelect value.
func choiceIn(value any, s string) bool {
	switch v := value.(type) {
	case []string:
		for _, x := range v {
			if x == s {
				return true
			}
		}
	case string:
		return strings.Contains(v, s)
	}
	return false
}

// optgroups is ChoiceWidget.optgroups.
func optgroups(b *Base, k choiceKind, choices []Choice, multiple bool, name string, value any, attrs renderers.Attrs) []any {
	groups := make([]any, 0, len(choices))
	hasSelected := false
	for index, c := range choices {
		optValue := c.Value
		if isNone(optValue) {
			optValue = ""
		}
		var groupName any
		var subs []Choice
		sub := -1
		if c.Group != nil {
			groupName = pyfmt.Str(optValue)
			subs = c.Group
			sub = 0
		} else {
			subs = []Choice{{Value: optValue, Label: c.Label}}
		}
		options := make([]any, 0, len(subs))
		for _, s := range subs {
			str := pyfmt.Str(s.Value)
			selected := (!hasSelected || multiple) && choiceIn(value, str)
			hasSelected = hasSelected || selected
			idx := itoa(index)
			if sub >= 0 {
				idx += "_" + itoa(sub)
				sub++
			}
			options = append(options, createOption(b, k, name, str, s.Label, selected, idx, attrs))
		}
		groups = append(groups, []any{groupName, options, index})
	}
	return groups
}

// createOption is ChoiceWidget.create_option.
func createOption(b *Base, k choiceKind, name, value, label string, selected bool, index string, attrs renderers.Attrs) map[string]any {
	var oa renderers.Attrs
	if k.inheritsAttrs {
		oa = BuildAttrs(b.Attrs, attrs)
	} else {
		oa = renderers.Attrs{}
	}
	if selected {
		oa[k.checked] = true
	}
	if id, ok := oa["id"]; ok {
		oa["id"] = k.idForLabel(pyfmt.Str(id), index)
	}
	return map[string]any{
		"name":          name,
		"value":         value,
		"label":         label,
		"selected":      selected,
		"index":         index,
		"attrs":         oa,
		"type":          k.inputType,
		"template_name": k.optionTemplate,
		"wrap_label":    true,
	}
}

// choiceContext is ChoiceWidget.get_context.
func choiceContext(w Widget, k choiceKind, choices []Choice, multiple bool, name string, value any, attrs renderers.Attrs) map[string]any {
	ctx := BaseContext(w, name, value, attrs)
	ctx["optgroups"] = optgroups(w.Base(), k, choices, multiple, name, ctx["value"], attrs)
	return ctx
}

// choiceOptions is ChoiceWidget.subwidgets: the options, flat.
func choiceOptions(w Widget, k choiceKind, choices []Choice, multiple bool, name string, value any, attrs renderers.Attrs) []map[string]any {
	var out []map[string]any
	for _, g := range optgroups(w.Base(), k, choices, multiple, name, w.FormatValue(value), attrs) {
		for _, o := range g.([]any)[1].([]any) {
			out = append(out, o.(map[string]any))
		}
	}
	return out
}

// choiceValue is ChoiceWidget.value_from_datadict.
func choiceValue(data url.Values, name string, multiple bool) any {
	if multiple {
		return dataList(data, name)
	}
	return dataValue(data, name)
}

func cloneChoices(c []Choice) []Choice {
	if c == nil {
		return nil
	}
	return append([]Choice(nil), c...)
}

// Select is a <select> of Choices.
type Select struct {
	Common
	// Choices are the options, in order.
	Choices []Choice
	// AllowMultipleSelected makes it a <select multiple>.
	AllowMultipleSelected bool
}

// NewSelect returns a Select with the given attributes and no choices.
func NewSelect(attrs renderers.Attrs) *Select { return &Select{Common: Base{Attrs: copyAttrs(attrs)}} }

// ChoiceList implements Chooser.
func (w *Select) ChoiceList() []Choice { return w.Choices }

// SetChoices implements Chooser.
func (w *Select) SetChoices(c []Choice) { w.Choices = c }

// Context implements Widget: "optgroups" holds the options.
func (w *Select) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return selectContext(w, w.Choices, w.AllowMultipleSelected, name, value, attrs)
}

func selectContext(w Widget, choices []Choice, multiple bool, name string, value any, attrs renderers.Attrs) map[string]any {
	ctx := choiceContext(w, selectKind, choices, multiple, name, value, attrs)
	if multiple {
		ctx["attrs"].(renderers.Attrs)["multiple"] = true
	}
	return ctx
}

// Options returns the options a loop over the bound field visits.
func (w *Select) Options(name string, value any, attrs renderers.Attrs) []map[string]any {
	return choiceOptions(w, selectKind, w.Choices, w.AllowMultipleSelected, name, value, attrs)
}

// FormatValue implements Widget: the selected values as []string.
func (w *Select) FormatValue(value any) any {
	return choiceFormatValue(value, w.AllowMultipleSelected)
}

// ValueFromData implements Widget.
func (w *Select) ValueFromData(data url.Values, files Files, name string) any {
	return choiceValue(data, name, w.AllowMultipleSelected)
}

// ValueOmitted implements Widget.
func (w *Select) ValueOmitted(data url.Values, files Files, name string) bool {
	_, ok := data[name]
	return !ok
}

// IDForLabel implements Widget.
func (w *Select) IDForLabel(id string) string { return selectKind.idForLabel(id, "0") }

// UseRequiredAttribute implements Widget: not when the first option has
// a value, as that is invalid HTML, except for <select multiple>.
func (w *Select) UseRequiredAttribute(initial any) bool {
	return selectUseRequired(w.Choices, w.AllowMultipleSelected)
}

func selectUseRequired(choices []Choice, multiple bool) bool {
	if multiple {
		return true
	}
	if len(choices) == 0 {
		return false
	}
	v := choices[0].Value
	return isNone(v) || v == ""
}

// IsHidden implements Widget.
func (w *Select) IsHidden() bool { return false }

// UseFieldset implements Widget.
func (w *Select) UseFieldset() bool { return w.fieldset(false) }

// TemplateName implements Widget.
func (w *Select) TemplateName() string { return w.template(tplSelect) }

// Clone implements Widget.
func (w *Select) Clone() Widget {
	c := *w
	c.Common = w.Common.clone()
	c.Choices = cloneChoices(w.Choices)
	return &c
}

// SelectMultiple is a <select multiple> of Choices.
type SelectMultiple struct{ Select }

// NewSelectMultiple returns a SelectMultiple with the given attributes.
func NewSelectMultiple(attrs renderers.Attrs) *SelectMultiple {
	return &SelectMultiple{Select{Common: Base{Attrs: copyAttrs(attrs)}, AllowMultipleSelected: true}}
}

// Context implements Widget.
func (w *SelectMultiple) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return selectContext(w, w.Choices, true, name, value, attrs)
}

// Options returns the options a loop over the bound field visits.
func (w *SelectMultiple) Options(name string, value any, attrs renderers.Attrs) []map[string]any {
	return choiceOptions(w, selectKind, w.Choices, true, name, value, attrs)
}

// FormatValue implements Widget.
func (w *SelectMultiple) FormatValue(value any) any { return choiceFormatValue(value, true) }

// ValueFromData implements Widget: every value submitted under name.
func (w *SelectMultiple) ValueFromData(data url.Values, files Files, name string) any {
	return dataList(data, name)
}

// ValueOmitted implements Widget: never known, as an empty <select
// multiple> sends nothing.
func (w *SelectMultiple) ValueOmitted(data url.Values, files Files, name string) bool {
	return false
}

// UseRequiredAttribute implements Widget.
func (w *SelectMultiple) UseRequiredAttribute(initial any) bool { return true }

// Clone implements Widget.
func (w *SelectMultiple) Clone() Widget {
	c := *w
	c.Common = w.Common.clone()
	c.Choices = cloneChoices(w.Choices)
	return &c
}

// NullBooleanSelect is a Select of Unknown, Yes and No for a value that
// may be true, false or nil.
type NullBooleanSelect struct{ Select }

// NullBooleanChoices are NullBooleanSelect's choices.
func NullBooleanChoices() []Choice {
	return []Choice{{Value: "unknown", Label: "Unknown"}, {Value: "true", Label: "Yes"}, {Value: "false", Label: "No"}}
}

// NewNullBooleanSelect returns a NullBooleanSelect with the given
// attributes.
func NewNullBooleanSelect(attrs renderers.Attrs) *NullBooleanSelect {
	return &NullBooleanSelect{Select{Common: Base{Attrs: copyAttrs(attrs)}, Choices: NullBooleanChoices()}}
}

func (w *NullBooleanSelect) choices() []Choice {
	if w.Choices == nil {
		return NullBooleanChoices()
	}
	return w.Choices
}

// Context implements Widget.
func (w *NullBooleanSelect) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return selectContext(w, w.choices(), false, name, value, attrs)
}

// Options returns the options a loop over the bound field visits.
func (w *NullBooleanSelect) Options(name string, value any, attrs renderers.Attrs) []map[string]any {
	return choiceOptions(w, selectKind, w.choices(), false, name, value, attrs)
}

// FormatValue implements Widget: "true", "false" or "unknown" (a string,
// as in Django).
func (w *NullBooleanSelect) FormatValue(value any) any {
	switch value {
	case true, "true", "2":
		return "true"
	case false, "false", "3":
		return "false"
	}
	return "unknown"
}

// ValueFromData implements Widget: true, false or nil.
func (w *NullBooleanSelect) ValueFromData(data url.Values, files Files, name string) any {
	v, _ := dataGet(data, name)
	switch v {
	case "True", "true", "2":
		return true
	case "False", "false", "3":
		return false
	}
	return nil
}

// UseRequiredAttribute implements Widget.
func (w *NullBooleanSelect) UseRequiredAttribute(initial any) bool {
	return selectUseRequired(w.choices(), false)
}

// Clone implements Widget.
func (w *NullBooleanSelect) Clone() Widget {
	c := *w
	c.Common = w.Common.clone()
	c.Choices = cloneChoices(w.Choices)
	return &c
}

// RadioSelect is a list of radio buttons, one per choice.
type RadioSelect struct {
	Common
	// Choices are the options, in order.
	Choices []Choice
	// AllowMultipleSelected lets several options be checked.
	AllowMultipleSelected bool
}

// NewRadioSelect returns a RadioSelect with the given attributes.
func NewRadioSelect(attrs renderers.Attrs) *RadioSelect {
	return &RadioSelect{Common: Base{Attrs: copyAttrs(attrs)}}
}

// ChoiceList implements Chooser.
func (w *RadioSelect) ChoiceList() []Choice { return w.Choices }

// SetChoices implements Chooser.
func (w *RadioSelect) SetChoices(c []Choice) { w.Choices = c }

// Context implements Widget.
func (w *RadioSelect) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return choiceContext(w, radioKind, w.Choices, w.AllowMultipleSelected, name, value, attrs)
}

// Options returns the options a loop over the bound field visits.
func (w *RadioSelect) Options(name string, value any, attrs renderers.Attrs) []map[string]any {
	return choiceOptions(w, radioKind, w.Choices, w.AllowMultipleSelected, name, value, attrs)
}

// FormatValue implements Widget.
func (w *RadioSelect) FormatValue(value any) any {
	return choiceFormatValue(value, w.AllowMultipleSelected)
}

// ValueFromData implements Widget.
func (w *RadioSelect) ValueFromData(data url.Values, files Files, name string) any {
	return choiceValue(data, name, w.AllowMultipleSelected)
}

// ValueOmitted implements Widget.
func (w *RadioSelect) ValueOmitted(data url.Values, files Files, name string) bool {
	_, ok := data[name]
	return !ok
}

// IDForLabel implements Widget: "", so that the <label> of the whole list
// points at no single button.
func (w *RadioSelect) IDForLabel(id string) string { return "" }

// IDForLabelIndex returns the id of the button at index.
func (w *RadioSelect) IDForLabelIndex(id string, index int) string {
	return radioKind.idForLabel(id, itoa(index))
}

// UseRequiredAttribute implements Widget.
func (w *RadioSelect) UseRequiredAttribute(initial any) bool { return true }

// IsHidden implements Widget.
func (w *RadioSelect) IsHidden() bool { return false }

// UseFieldset implements Widget: a list of buttons is a fieldset.
func (w *RadioSelect) UseFieldset() bool { return w.fieldset(true) }

// TemplateName implements Widget.
func (w *RadioSelect) TemplateName() string { return w.template(tplRadio) }

// Clone implements Widget.
func (w *RadioSelect) Clone() Widget {
	c := *w
	c.Common = w.Common.clone()
	c.Choices = cloneChoices(w.Choices)
	return &c
}

// CheckboxSelectMultiple is a list of checkboxes, one per choice.
type CheckboxSelectMultiple struct{ RadioSelect }

// NewCheckboxSelectMultiple returns a CheckboxSelectMultiple with the
// given attributes.
func NewCheckboxSelectMultiple(attrs renderers.Attrs) *CheckboxSelectMultiple {
	return &CheckboxSelectMultiple{RadioSelect{Common: Base{Attrs: copyAttrs(attrs)}, AllowMultipleSelected: true}}
}

// Context implements Widget.
func (w *CheckboxSelectMultiple) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return choiceContext(w, checkboxKind, w.Choices, true, name, value, attrs)
}

// Options returns the options a loop over the bound field visits.
func (w *CheckboxSelectMultiple) Options(name string, value any, attrs renderers.Attrs) []map[string]any {
	return choiceOptions(w, checkboxKind, w.Choices, true, name, value, attrs)
}

// FormatValue implements Widget.
func (w *CheckboxSelectMultiple) FormatValue(value any) any { return choiceFormatValue(value, true) }

// ValueFromData implements Widget: every value submitted under name.
func (w *CheckboxSelectMultiple) ValueFromData(data url.Values, files Files, name string) any {
	return dataList(data, name)
}

// ValueOmitted implements Widget: never known for checkboxes.
func (w *CheckboxSelectMultiple) ValueOmitted(data url.Values, files Files, name string) bool {
	return false
}

// IDForLabelIndex returns the id of the checkbox at index.
func (w *CheckboxSelectMultiple) IDForLabelIndex(id string, index int) string {
	return checkboxKind.idForLabel(id, itoa(index))
}

// UseRequiredAttribute implements Widget: never, as browsers would then
// require every box to be checked.
func (w *CheckboxSelectMultiple) UseRequiredAttribute(initial any) bool { return false }

// TemplateName implements Widget.
func (w *CheckboxSelectMultiple) TemplateName() string { return w.template(tplCheckboxes) }

// Clone implements Widget.
func (w *CheckboxSelectMultiple) Clone() Widget {
	c := *w
	c.Common = w.Common.clone()
	c.Choices = cloneChoices(w.Choices)
	return &c
}

// copyAttrs copies attrs, keeping nil as nil.
func copyAttrs(a renderers.Attrs) renderers.Attrs {
	if a == nil {
		return nil
	}
	return a.Clone()
}

func (w *Select) inputType() string                 { return selectKind.inputType }
func (w *RadioSelect) inputType() string            { return radioKind.inputType }
func (w *CheckboxSelectMultiple) inputType() string { return checkboxKind.inputType }

// SelectDateWidget's input_type is "select", a class attribute in Django
// that its template does not use.
func (w *SelectDateWidget) inputType() string { return "select" }

// InputType is the widget's input_type attribute in Django, as a template
// reads it (field.field.widget.input_type): an input's type ("text",
// "hidden"...), a choice widget's ("select", "radio", "checkbox"); false
// for a widget without one (Textarea, a MultiWidget, SelectDateWidget).
func InputType(w Widget) (string, bool) {
	switch x := w.(type) {
	case interface{ inputType() string }:
		return x.inputType(), true
	case inputTyped:
		if t := x.input().Type; t != "" {
			return t, true
		}
		// The widget type's own input type, which its context names.
		t, ok := x.Context("", nil, nil)["type"].(string)
		return t, ok
	}
	return "", false
}
