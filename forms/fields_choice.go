package forms

import (
	"reflect"
	"strings"

	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/widgets"
)

// BooleanField cleans a checkbox into a bool; a required one must be
// checked.
type BooleanField struct{ FieldCore }

// NewBooleanField returns a required BooleanField (the box must be
// checked), as Django's.
func NewBooleanField() *BooleanField { return &BooleanField{} }

// DefaultWidget implements DefaultWidgeter.
func (f *BooleanField) DefaultWidget() widgets.Widget { return widgets.NewCheckboxInput(nil) }

// ToPython reads "false" and "0" (any case) as false, anything else by
// Python's truth.
func (f *BooleanField) ToPython(value any) (any, error) { return pyBool(value), nil }

func pyBool(value any) bool {
	if s, ok := value.(string); ok {
		l := strings.ToLower(s)
		if l == "false" || l == "0" {
			return false
		}
	}
	return truthy(value)
}

// truthy is Python's bool(value).
func truthy(v any) bool { return pyval.Truthy(v) }

// equal is Python's ==.
func equal(a, b any) bool { return pyval.Equal(a, b) }

// Validate requires a true value when the field is required.
func (f *BooleanField) Validate(value any) error {
	if b, _ := value.(bool); !b && f.Required() {
		return f.Error("required", "This field is required.", nil)
	}
	return nil
}

// HasChanged compares the two as booleans.
func (f *BooleanField) HasChanged(initial, data any) bool {
	if f.Disabled {
		return false
	}
	return pyBool(initial) != pyBool(data)
}

// NullBooleanField cleans into true, false or nil (unknown).
type NullBooleanField struct{ FieldCore }

// NewNullBooleanField returns a NullBooleanField (it is never required:
// nil is a valid answer).
func NewNullBooleanField() *NullBooleanField { return &NullBooleanField{} }

// DefaultWidget implements DefaultWidgeter.
func (f *NullBooleanField) DefaultWidget() widgets.Widget { return widgets.NewNullBooleanSelect(nil) }

// ToPython maps true/"True"/"true"/"1" to true, their false forms to
// false and anything else to nil.
func (f *NullBooleanField) ToPython(value any) (any, error) { return nullBool(value), nil }

func nullBool(value any) any {
	switch x := value.(type) {
	case bool:
		return x
	case int:
		if x == 1 {
			return true
		} else if x == 0 {
			return false
		}
	case int64:
		if x == 1 {
			return true
		} else if x == 0 {
			return false
		}
	case string:
		switch x {
		case "True", "true", "1":
			return true
		case "False", "false", "0":
			return false
		}
	}
	return nil
}

// Validate accepts everything.
func (f *NullBooleanField) Validate(any) error { return nil }

// HasChanged compares the two as booleans, as Django's BooleanField.
func (f *NullBooleanField) HasChanged(initial, data any) bool {
	if f.Disabled {
		return false
	}
	return nullBool(initial) != nullBool(data)
}

// Choice is one option of a choice field, or a group of options.
type Choice = widgets.Choice

// ChoiceField cleans a value that must be one of Choices.
type ChoiceField struct {
	FieldCore
	Choices []Choice
	// ChoicesFunc, when set, gives the choices each time they are needed.
	ChoicesFunc func() []Choice
}

// NewChoiceField returns a required ChoiceField over choices.
func NewChoiceField(choices ...Choice) *ChoiceField {
	return &ChoiceField{Choices: choices}
}

// AllChoices returns the field's choices.
func (f *ChoiceField) AllChoices() []Choice {
	if f.ChoicesFunc != nil {
		return f.ChoicesFunc()
	}
	return f.Choices
}

// DefaultWidget implements DefaultWidgeter.
func (f *ChoiceField) DefaultWidget() widgets.Widget { return widgets.NewSelect(nil) }

// DefaultErrorMessages implements ErrorMessager.
func (f *ChoiceField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid_choice": "Select a valid choice. %(value)s is not one of the available choices."}
}

// WidgetChoices gives the widget its options.
func (f *ChoiceField) WidgetChoices() []Choice { return f.AllChoices() }

// ToPython returns the value as a string ("" when empty).
func (f *ChoiceField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return "", nil
	}
	if _, ok := value.(string); ok {
		return value, nil // already a string: no second box
	}
	return pyStr(value), nil
}

// Validate checks the value is one of the choices.
func (f *ChoiceField) Validate(value any) error {
	if err := f.FieldCore.Validate(value); err != nil {
		return err
	}
	if truthy(value) && !f.ValidValue(value) {
		return f.Error("invalid_choice", "Select a valid choice. %(value)s is not one of the available choices.", map[string]any{"value": value})
	}
	return nil
}

// ValidValue reports whether value is one of the choices, compared as
// Python does: equal, or equal as strings.
func (f *ChoiceField) ValidValue(value any) bool {
	text := pyStr(value)
	for _, c := range f.AllChoices() {
		if c.Group != nil {
			for _, g := range c.Group {
				if equal(value, g.Value) || text == pyStr(g.Value) {
					return true
				}
			}
			continue
		}
		if equal(value, c.Value) || text == pyStr(c.Value) {
			return true
		}
	}
	return false
}

// Coerce turns the submitted string of a valid choice into the value a
// TypedChoiceField or TypedMultipleChoiceField cleans to, as Django's
// coerce argument does; an error makes the choice invalid ("Select a valid
// choice. %(value)s is not one of the available choices."). It is not
// called for the field's empty value. CoerceTo makes one of a typed
// function.
type Coerce func(value string) (any, error)

// CoerceTo returns fn as a Coerce, so that a typed parser serves as one:
// CoerceTo(strconv.Atoi), or a func(string) (Size, error) of one's own.
func CoerceTo[T any](fn func(string) (T, error)) Coerce {
	return func(s string) (any, error) { return fn(s) }
}

// CoerceInt is Python's int() as a coerce function: an int64, or a
// *big.Int past int64 (Python's int has no limit).
func CoerceInt(s string) (any, error) { return pynum.ParseInt(s) }

// CoerceFloat is Python's float() as a coerce function: a float64.
func CoerceFloat(s string) (any, error) { return pynum.ParseFloat(s) }

// CoerceStr is Python's str() as a coerce function: the string itself.
func CoerceStr(s string) (any, error) { return s, nil }

// CoerceDecimal is Python's Decimal() as a coerce function: a
// decimal.Decimal.
func CoerceDecimal(s string) (any, error) { return pynum.ParseDecimal(s) }

// TypedChoiceField is a ChoiceField whose value is converted by Coerce.
type TypedChoiceField struct {
	ChoiceField
	// Coerce converts the chosen string, once it is known to be one of
	// the choices; nil keeps the string.
	Coerce Coerce
	// EmptyValue is what an empty choice cleans to ("" when nil, unless
	// EmptyNil).
	EmptyValue any
	EmptyNil   bool
}

// NewTypedChoiceField returns a required TypedChoiceField.
func NewTypedChoiceField(coerce Coerce, choices ...Choice) *TypedChoiceField {
	return &TypedChoiceField{ChoiceField: ChoiceField{Choices: choices}, Coerce: coerce}
}

func (f *TypedChoiceField) emptyValue() any {
	if f.EmptyNil {
		return nil
	}
	if f.EmptyValue == nil {
		return ""
	}
	return f.EmptyValue
}

func (f *TypedChoiceField) coerce(value any) (any, error) {
	ev := f.emptyValue()
	if equal(value, ev) || IsEmpty(value) {
		return ev, nil
	}
	if f.Coerce == nil {
		return value, nil
	}
	v, err := f.Coerce(pyStr(value))
	if err != nil {
		return nil, f.Error("invalid_choice", "Select a valid choice. %(value)s is not one of the available choices.", map[string]any{"value": value})
	}
	return v, nil
}

// Clean validates the choice, then coerces it.
func (f *TypedChoiceField) Clean(value any) (any, error) {
	v, err := cleanSteps(f, value)
	if err != nil {
		return nil, err
	}
	return f.coerce(v)
}

// HasChanged compares the coerced values.
func (f *TypedChoiceField) HasChanged(initial, data any) bool {
	if f.Disabled {
		return false
	}
	d, _ := f.ToPython(data)
	a, err1 := f.coerce(d)
	b, err2 := f.coerce(initial)
	if err1 != nil || err2 != nil {
		return true
	}
	return !equal(a, b)
}

// cleanSteps is Field.clean: ToPython, Validate and the validators.
func cleanSteps(f Field, value any) (any, error) {
	v, err := f.ToPython(value)
	if err != nil {
		return nil, err
	}
	if err := f.Validate(v); err != nil {
		return nil, err
	}
	if err := RunValidators(f, v); err != nil {
		return nil, err
	}
	return v, nil
}

// MultipleChoiceField cleans a list of values that must each be one of
// Choices, into a []any of strings.
type MultipleChoiceField struct{ ChoiceField }

// NewMultipleChoiceField returns a required MultipleChoiceField.
func NewMultipleChoiceField(choices ...Choice) *MultipleChoiceField {
	return &MultipleChoiceField{ChoiceField{Choices: choices}}
}

// DefaultWidget implements DefaultWidgeter.
func (f *MultipleChoiceField) DefaultWidget() widgets.Widget { return widgets.NewSelectMultiple(nil) }

// HiddenWidget implements HiddenWidgeter.
func (f *MultipleChoiceField) HiddenWidget() widgets.Widget {
	return widgets.NewMultipleHiddenInput(nil)
}

// DefaultErrorMessages implements ErrorMessager.
func (f *MultipleChoiceField) DefaultErrorMessages() map[string]string {
	return map[string]string{
		"invalid_choice": "Select a valid choice. %(value)s is not one of the available choices.",
		"invalid_list":   "Enter a list of values.",
	}
}

// asList returns v as a list when it is one.
func asList(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() != reflect.Uint8 {
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = rv.Index(i).Interface()
		}
		return out, true
	}
	return nil, false
}

// iterList is v as Python's has_changed iterates it: a list's items, a
// string's characters (an initial written as "ab" is two values to
// Django, not one), nothing for None.
func iterList(v any) []any {
	if s, ok := v.(string); ok {
		out := make([]any, 0, len(s))
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
	l, _ := asList(v)
	return l
}

// ToPython returns the values as strings.
func (f *MultipleChoiceField) ToPython(value any) (any, error) {
	if !truthy(value) {
		return []any{}, nil
	}
	list, ok := asList(value)
	if !ok {
		return nil, f.Error("invalid_list", "Enter a list of values.", nil)
	}
	out := list
	if _, callers := value.([]any); callers {
		out = make([]any, len(list)) // the caller's list stays as it was
	}
	for i, v := range list {
		if _, ok := v.(string); ok {
			out[i] = v // already a string: no second box
			continue
		}
		out[i] = pyStr(v)
	}
	return out, nil
}

// Validate checks each value is a choice.
func (f *MultipleChoiceField) Validate(value any) error {
	list, _ := asList(value)
	if f.Required() && len(list) == 0 {
		return f.Error("required", "This field is required.", nil)
	}
	for _, v := range list {
		if !f.ValidValue(v) {
			return f.Error("invalid_choice", "Select a valid choice. %(value)s is not one of the available choices.", map[string]any{"value": v})
		}
	}
	return nil
}

// HasChanged compares the sets of values as strings.
func (f *MultipleChoiceField) HasChanged(initial, data any) bool {
	if f.Disabled {
		return false
	}
	a, b := iterList(initial), iterList(data)
	if len(a) != len(b) {
		return true
	}
	set := func(l []any) map[string]bool {
		m := make(map[string]bool, len(l))
		for _, v := range l {
			m[pyStr(v)] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	if len(sa) != len(sb) {
		return true
	}
	for k := range sa {
		if !sb[k] {
			return true
		}
	}
	return false
}

// TypedMultipleChoiceField is a MultipleChoiceField whose values are
// converted by Coerce.
type TypedMultipleChoiceField struct {
	MultipleChoiceField
	// Coerce converts each chosen string, once all are known to be
	// among the choices; nil keeps the strings.
	Coerce Coerce
	// EmptyValue is what no choice cleans to (an empty list when nil,
	// unless EmptyNil).
	EmptyValue any
	// EmptyNil makes no choice clean to nil (Django's empty_value=None).
	EmptyNil bool
}

// NewTypedMultipleChoiceField returns a required TypedMultipleChoiceField.
func NewTypedMultipleChoiceField(coerce Coerce, choices ...Choice) *TypedMultipleChoiceField {
	return &TypedMultipleChoiceField{MultipleChoiceField: *NewMultipleChoiceField(choices...), Coerce: coerce}
}

func (f *TypedMultipleChoiceField) emptyValue() any {
	if f.EmptyNil {
		return nil
	}
	if f.EmptyValue == nil {
		return []any{}
	}
	return f.EmptyValue
}

func (f *TypedMultipleChoiceField) coerce(value any) (any, error) {
	ev := f.emptyValue()
	if equal(value, ev) || IsEmpty(value) {
		return ev, nil
	}
	list, _ := asList(value)
	out := make([]any, 0, len(list))
	for _, c := range list {
		if f.Coerce == nil {
			out = append(out, c)
			continue
		}
		v, err := f.Coerce(pyStr(c))
		if err != nil {
			return nil, f.Error("invalid_choice", "Select a valid choice. %(value)s is not one of the available choices.", map[string]any{"value": c})
		}
		out = append(out, v)
	}
	return out, nil
}

// Validate checks the choices unless none was made.
func (f *TypedMultipleChoiceField) Validate(value any) error {
	if !equal(value, f.emptyValue()) {
		return f.MultipleChoiceField.Validate(value)
	}
	if f.Required() {
		return f.Error("required", "This field is required.", nil)
	}
	return nil
}

// Clean validates the choices, then coerces them.
func (f *TypedMultipleChoiceField) Clean(value any) (any, error) {
	v, err := cleanSteps(f, value)
	if err != nil {
		return nil, err
	}
	return f.coerce(v)
}
