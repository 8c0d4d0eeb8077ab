package forms

import (
	"reflect"
	"strings"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// Field cleans one value of a form: it turns what was submitted into a Go
// value (ToPython), checks it (Validate, then the validators) and says how
// its widget is set up. Concrete fields embed FieldCore, which holds the
// settings every field has.
//
// A field is declared once and shared by every form built from the
// declaration: after Declare it is read, never written.
type Field interface {
	// Core returns the settings every field has.
	Core() *FieldCore
	// ToPython turns submitted data into the field's Go value.
	ToPython(value any) (any, error)
	// Validate checks the converted value (required and the field's own
	// rules); the validators run after it.
	Validate(value any) error
}

// The hooks below are optional: a field implements the ones where it
// differs from Django's Field.

// Cleaner replaces the whole to_python / validate / validators pipeline.
type Cleaner interface {
	Clean(value any) (any, error)
}

// FileCleaner cleans a file field, which also sees the initial value.
type FileCleaner interface {
	CleanFile(value, initial any) (any, error)
}

// WidgetAttrser adds HTML attributes to the field's widget (maxlength,
// min, step...).
type WidgetAttrser interface {
	WidgetAttrs(w widgets.Widget) renderers.Attrs
}

// ValuePreparer turns a value into what the widget is given to render.
type ValuePreparer interface {
	PrepareValue(value any) any
}

// ChangeDetector decides whether submitted data differs from the initial
// value.
type ChangeDetector interface {
	HasChanged(initial, data any) bool
}

// BoundDataer chooses the value a bound form shows, from the data and the
// initial value.
type BoundDataer interface {
	BoundData(data, initial any) any
}

// DefaultWidgeter gives the widget a field uses when none is set.
type DefaultWidgeter interface {
	DefaultWidget() widgets.Widget
}

// HiddenWidgeter gives the widget used to render the field as hidden.
type HiddenWidgeter interface {
	HiddenWidget() widgets.Widget
}

// ValidatorSource gives validators a field type always runs: Django's
// default_validators first, then the user's, then these (built from
// max_length, min_value, step_size...).
type ValidatorSource interface {
	DefaultValidators() []validators.Validator
	ExtraValidators() []validators.Validator
}

// ErrorMessager gives a field type's default error messages by code.
type ErrorMessager interface {
	DefaultErrorMessages() map[string]string
}

// FieldCore holds what every field has, with Django's meaning. Fields made
// with a New... constructor start as Django's do (Required true); the zero
// value is an optional field.
type FieldCore struct {
	Required bool
	// Widget renders the field; nil means the field type's default widget.
	Widget widgets.Widget
	// Label is shown in the label tag; "" means the field's name made
	// pretty ("first_name" → "First name"), unless HideLabel is set.
	Label     string
	HideLabel bool
	// LabelSuffix, when not nil, overrides the form's label suffix.
	LabelSuffix *string
	// Initial is the value an unbound form shows; a func() any is called.
	Initial           any
	HelpText          string
	Disabled          bool
	ShowHiddenInitial bool
	// ErrorMessages override messages by error code.
	ErrorMessages map[string]string
	Localize      bool
	// Validators run after the field's own checks.
	Validators []validators.Validator

	prepared   bool
	widget     widgets.Widget
	validators []validators.Validator
	messages   map[string]string
}

// Core returns c itself.
func (c *FieldCore) Core() *FieldCore { return c }

// ToPython returns value unchanged: Django's Field.to_python.
func (c *FieldCore) ToPython(value any) (any, error) { return value, nil }

// Validate reports a required field left empty: Django's Field.validate.
func (c *FieldCore) Validate(value any) error {
	if c.Required && IsEmpty(value) {
		return c.Error("required", "This field is required.", nil)
	}
	return nil
}

// Error returns a validation error with the field's message for code:
// the user's override if any, otherwise def.
func (c *FieldCore) Error(code, def string, params map[string]any) *validators.ValidationError {
	return validators.NewError(c.Message(code, def), code, params)
}

// Message returns the field's message for code, def when none is set.
func (c *FieldCore) Message(code, def string) string {
	if m, ok := c.ErrorMessages[code]; ok {
		return m
	}
	if m, ok := c.messages[code]; ok {
		return m
	}
	return def
}

// messageFor returns the field's message for code, the user's first.
func (c *FieldCore) messageFor(code string) (string, bool) {
	if m, ok := c.ErrorMessages[code]; ok {
		return m, true
	}
	m, ok := c.messages[code]
	return m, ok
}

// BoundWidget returns the widget the field renders with, set up for it.
func (c *FieldCore) BoundWidget() widgets.Widget { return c.widget }

// prepare sets a field up once, as Django's Field.__init__ does: the
// widget (a copy, told whether the field is required and localized, with
// the field's extra attributes), the merged messages and the validators.
func prepare(f Field) {
	c := f.Core()
	if c.prepared {
		return
	}
	c.prepared = true
	w := c.Widget
	if w == nil {
		if d, ok := f.(DefaultWidgeter); ok {
			w = d.DefaultWidget()
		} else {
			w = widgets.NewTextInput(nil)
		}
	} else {
		w = w.Clone()
	}
	b := w.Base()
	if b.Attrs == nil {
		b.Attrs = renderers.Attrs{}
	}
	if c.Localize {
		b.Localized = true
	}
	b.Required = c.Required
	if cs, ok := f.(interface{ WidgetChoices() []widgets.Choice }); ok {
		setWidgetChoices(w, cs.WidgetChoices())
	}
	if wa, ok := f.(WidgetAttrser); ok {
		b.Attrs.Update(wa.WidgetAttrs(w))
	}
	c.widget = w
	c.messages = map[string]string{"required": "This field is required."}
	if em, ok := f.(ErrorMessager); ok {
		for k, v := range em.DefaultErrorMessages() {
			c.messages[k] = v
		}
	}
	var vs []validators.Validator
	src, hasSrc := f.(ValidatorSource)
	if hasSrc {
		vs = append(vs, src.DefaultValidators()...)
	}
	vs = append(vs, c.Validators...)
	if hasSrc {
		vs = append(vs, src.ExtraValidators()...)
	}
	c.validators = vs
	if pp, ok := f.(partsPreparer); ok {
		pp.prepareParts()
	}
}

// Prepare sets f up for use outside a form (a sub-field of a ComboField or
// MultiValueField, say). Declare prepares a form's fields itself.
func Prepare(f Field) Field {
	prepare(f)
	return f
}

// Clean runs a field's whole cleaning: ToPython, Validate, then the
// validators, returning the cleaned value or a *validators.ValidationError.
func Clean(f Field, value any) (any, error) { return clean(f, value, f.ToPython) }

// clean is Clean with the field's ToPython given: a bound field's reads
// through its memory (parse_once.go).
func clean(f Field, value any, toPython func(any) (any, error)) (any, error) {
	prepare(f)
	if c, ok := f.(Cleaner); ok {
		return c.Clean(value)
	}
	v, err := toPython(value)
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

// RunValidators runs the field's validators on a non-empty value and
// collects every error, with the field's own messages for their codes.
func RunValidators(f Field, value any) error {
	if IsEmpty(value) {
		return nil
	}
	c := f.Core()
	var errs []*validators.ValidationError
	for _, v := range c.validators {
		err := v.Validate(value)
		if err == nil {
			continue
		}
		for _, e := range validators.AsValidationError(err).Flatten() {
			if m, ok := c.messageFor(e.Code); ok && e.Code != "" {
				e = &validators.ValidationError{Message: m, Code: e.Code, Params: e.Params}
			}
			errs = append(errs, e)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return &validators.ValidationError{List: errs}
}

// HasChanged reports whether data differs from initial for f, as
// Django's Field.has_changed.
func HasChanged(f Field, initial, data any) bool { return hasChanged(f, initial, data, f.ToPython) }

// hasChanged is HasChanged with the field's ToPython given.
func hasChanged(f Field, initial, data any, toPython func(any) (any, error)) bool {
	if cd, ok := f.(ChangeDetector); ok {
		return cd.HasChanged(initial, data)
	}
	return baseHasChanged(f, initial, data, toPython)
}

// baseHasChanged is Django's Field.has_changed, for fields that add to it.
func baseHasChanged(f Field, initial, data any, toPython func(any) (any, error)) bool {
	if f.Core().Disabled {
		return false
	}
	d, err := toPython(data)
	if err != nil {
		return true
	}
	if initial == nil {
		initial = ""
	}
	if d == nil {
		d = ""
	}
	return !Equal(initial, d)
}

// IsEmpty reports whether v is one of Django's empty values: None, "",
// an empty list or an empty map.
func IsEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case []string:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// PrettyName turns a field name into a label: "first_name" → "First name".
func PrettyName(name string) string {
	if name == "" {
		return ""
	}
	s := strings.ReplaceAll(name, "_", " ")
	return capitalize(s)
}

// capitalize is Python's str.capitalize: first letter upper, rest lower.
func capitalize(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

// setWidgetChoices gives a choice widget its options: Django's
// ChoiceField sets widget.choices.
func setWidgetChoices(w widgets.Widget, choices []widgets.Choice) {
	if cw, ok := w.(interface{ SetChoices([]widgets.Choice) }); ok {
		cw.SetChoices(choices)
		return
	}
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return
	}
	fv := v.Elem().FieldByName("Choices")
	if fv.IsValid() && fv.CanSet() && fv.Type() == reflect.TypeOf(choices) {
		fv.Set(reflect.ValueOf(choices))
	}
}
