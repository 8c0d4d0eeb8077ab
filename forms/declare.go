package forms

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// Declare returns a declaration of fields, checked and prepared for use.
// It keeps copies of the fields, so the declaration cannot change after
// it returns.
//
// A mistake in the declaration is returned as an error naming the field
// and the setting, never shown later to a visitor: a nil field, an empty
// or repeated name, a RegexField pattern that does not compile, a
// negative length or step, a minimum above the maximum, MaxDigits below
// DecimalPlaces, an Initial of another type than the field's choices, a
// widget the field cannot use. Every mistake found is reported (joined
// with errors.Join).
func Declare(fields ...NamedField) (*Declaration, error) {
	d := &Declaration{Fields: fields}
	if err := d.Prepare(); err != nil {
		return nil, err
	}
	return d, nil
}

// MustDeclare is Declare for package-level variables: it panics on a
// declaration mistake, which is found when the program starts.
func MustDeclare(fields ...NamedField) *Declaration {
	d, err := Declare(fields...)
	if err != nil {
		panic(err)
	}
	return d
}

// Prepare checks and sets up the declaration's fields, replacing Fields
// with copies of them. Declare calls it; call it once on a Declaration
// written as a literal, before building forms from it. It returns the
// declaration's mistakes as Declare does; the fields that are usable are
// prepared even then (a nil field is left out), so that a form built from
// the declaration anyway does not crash.
func (d *Declaration) Prepare() error {
	var errs []error
	kept := make([]NamedField, 0, len(d.Fields))
	index := make(map[string]int, len(d.Fields))
	for i, nf := range d.Fields {
		if nf.Name == "" {
			errs = append(errs, fmt.Errorf("forms: field %d (%T) has no name", i, nf.Field))
		}
		if nf.Field == nil || isNilField(nf.Field) {
			errs = append(errs, fmt.Errorf("forms: field %q is nil", nf.Name))
			continue
		}
		if j, dup := index[nf.Name]; dup && nf.Name != "" {
			errs = append(errs, fmt.Errorf("forms: field %q is declared twice (fields %d and %d)", nf.Name, j, i))
			continue
		}
		if err := CheckField(nf.Field); err != nil {
			errs = append(errs, fmt.Errorf("forms: field %q: %w", nf.Name, err))
		}
		f := CopyField(nf.Field)
		prepare(f)
		index[nf.Name] = len(kept)
		kept = append(kept, NamedField{Name: nf.Name, Field: f})
	}
	pretty := make([]string, len(kept))
	for i, nf := range kept {
		pretty[i] = prettyName(nf.Name)
	}
	d.Fields, d.index, d.pretty = kept, index, pretty
	d.orderOf = slices.Clone(d.FieldOrder)
	d.order = fieldOrder(d, d.orderOf)
	before, after, _ := strings.Cut(defaultAutoID, "%s")
	d.ids = make([]string, len(kept))
	for i, nf := range kept {
		d.ids[i] = before + nf.Name + after
	}
	d.prefixed = new(prefixedIDs)
	return errors.Join(errs...)
}

// Field returns a copy of the declared field of that name, or nil: a
// starting point for another declaration (changing it leaves this one as
// it is).
func (d *Declaration) Field(name string) Field {
	if d.index == nil {
		_ = d.Prepare()
	}
	if i, ok := d.index[name]; ok {
		return CopyField(d.Fields[i].Field)
	}
	return nil
}

// IsMultipart reports whether the forms of d need multipart encoding: a
// declared field's widget renders a file input (Django's is_multipart,
// asked of the declaration, as Form.IsMultipart asks it of one form).
// formhttp.Bind keeps no uploaded file for a declaration that has none.
func (d *Declaration) IsMultipart() bool {
	if d.index == nil {
		_ = d.Prepare()
	}
	for _, nf := range d.Fields {
		if widgets.NeedsMultipart(nf.Field.Core().widget) {
			return true
		}
	}
	return false
}

// isNilField reports a typed nil pointer in a Field interface.
func isNilField(f Field) bool {
	v := reflect.ValueOf(f)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// CopyField returns a copy of f as declared, not yet prepared: the
// field's settings, with its own copies of the maps and slices among them
// (error messages, validators, choices, input formats, sub-fields). A
// field type that is not a pointer to a struct is returned as it is.
func CopyField(f Field) Field {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return f
	}
	n := reflect.New(v.Elem().Type())
	n.Elem().Set(v.Elem())
	out, ok := n.Interface().(Field)
	if !ok {
		return f
	}
	c := out.Core()
	c.prepared, c.widget, c.validators, c.messages = false, nil, nil, nil
	c.ErrorMessages = maps.Clone(c.ErrorMessages)
	c.Validators = slices.Clone(c.Validators)
	if cp, ok := out.(partsCopier); ok {
		cp.copyParts()
	}
	return out
}

// partsCopier is a field that holds fields or slices of its own to copy.
type partsCopier interface{ copyParts() }

func (f *ChoiceField) copyParts() { f.Choices = slices.Clone(f.Choices) }

func (f *ComboField) copyParts() { f.Fields = copyFields(f.Fields) }

func (f *MultiValueField) copyParts() { f.Fields = copyFields(f.Fields) }

func (f *SplitDateTimeField) copyParts() {
	f.MultiValueField.copyParts()
	f.InputDateFormats = slices.Clone(f.InputDateFormats)
	f.InputTimeFormats = slices.Clone(f.InputTimeFormats)
}

func (f *DateField) copyParts()     { f.InputFormats = slices.Clone(f.InputFormats) }
func (f *TimeField) copyParts()     { f.InputFormats = slices.Clone(f.InputFormats) }
func (f *DateTimeField) copyParts() { f.InputFormats = slices.Clone(f.InputFormats) }

func copyFields(fs []Field) []Field {
	if fs == nil {
		return nil
	}
	out := make([]Field, len(fs))
	for i, f := range fs {
		out[i] = CopyField(f)
	}
	return out
}

// Checker is a field type that checks its own settings: Declare calls
// Check and reports its error with the field's name. A custom field type
// implements it to have its mistakes caught at declaration.
type Checker interface {
	Check() error
}

// CheckField returns the mistakes in one field's settings, each naming
// the setting (Declare adds the field's name).
func CheckField(f Field) error {
	if f == nil || isNilField(f) {
		return errors.New("the field is nil")
	}
	var errs []error
	c := f.Core()
	if err := checkWidget(f, c.Widget); err != nil {
		errs = append(errs, err)
	}
	for i, v := range c.Validators {
		if v == nil {
			errs = append(errs, fmt.Errorf("Validators[%d] is nil", i))
		}
	}
	if ck, ok := f.(Checker); ok {
		if err := ck.Check(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// checkWidget rejects a widget the field cannot clean the value of: a
// file input on a field that is not a FileField, a MultiWidget on a field
// that is not a MultiValueField (and the reverse), a multiple-choice
// widget on a field that takes one value.
func checkWidget(f Field, w widgets.Widget) error {
	if w == nil {
		return nil
	}
	if isNilWidget(w) {
		return errors.New("Widget is a nil pointer")
	}
	_, fileField := f.(FileCleaner)
	_, multiValue := f.(interface{ RequireAllFields() bool })
	_, multiChoice := f.(interface{ HiddenWidget() widgets.Widget })
	fileWidget := widgets.NeedsMultipart(w)
	multiWidget, multiChoiceWidget := false, false
	switch w.(type) {
	case *widgets.MultiWidget, *widgets.SplitDateTimeWidget, *widgets.SplitHiddenDateTimeWidget:
		multiWidget = true
	case *widgets.SelectMultiple, *widgets.CheckboxSelectMultiple, *widgets.MultipleHiddenInput:
		multiChoiceWidget = true
	}
	name := fmt.Sprintf("%T", w)
	switch {
	case fileWidget && !fileField:
		return fmt.Errorf("Widget %s uploads a file, which a %T cannot clean", name, f)
	case multiWidget && !multiValue:
		return fmt.Errorf("Widget %s submits several values, which a %T cannot clean (use a MultiValueField)", name, f)
	case multiValue && !multiWidget && !w.IsHidden():
		return fmt.Errorf("Widget %s submits one value, but a %T needs a MultiWidget", name, f)
	case multiChoiceWidget && !multiChoice:
		return fmt.Errorf("Widget %s submits a list, which a %T cannot clean (use a MultipleChoiceField)", name, f)
	}
	return nil
}

func isNilWidget(w widgets.Widget) bool {
	v := reflect.ValueOf(w)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// Check implements Checker: the lengths must not be negative.
func (f *CharField) Check() error {
	var errs []error
	if f.MaxLength < 0 {
		errs = append(errs, fmt.Errorf("MaxLength is %d; want 0 (no limit) or more", f.MaxLength))
	}
	if f.MinLength < 0 {
		errs = append(errs, fmt.Errorf("MinLength is %d; want 0 (no limit) or more", f.MinLength))
	}
	return errors.Join(errs...)
}

// Check implements Checker: the pattern must compile.
func (f *RegexField) Check() error {
	errs := []error{f.CharField.Check()}
	if _, err := validators.NewRegex(f.Regex, 0); err != nil {
		errs = append(errs, fmt.Errorf("Regex %q does not compile: %w", f.Regex, err))
	}
	return errors.Join(errs...)
}

// Check implements Checker: Protocol must be one Django knows.
func (f *GenericIPAddressField) Check() error {
	errs := []error{f.CharField.Check()}
	protocol := f.Protocol
	if protocol == "" {
		protocol = "both"
	}
	if _, _, err := validators.IPAddressValidators(protocol, f.UnpackIPv4); err != nil {
		errs = append(errs, fmt.Errorf("Protocol %q: %w", f.Protocol, err))
	}
	return errors.Join(errs...)
}

// Check implements Checker: the step must be positive and the bounds in
// order.
func (f *IntegerField) Check() error {
	var errs []error
	if f.StepSize < 0 {
		errs = append(errs, fmt.Errorf("StepSize is %d; want a positive step, or 0 for none", f.StepSize))
	}
	if f.MinValue != nil && f.MaxValue != nil && *f.MinValue > *f.MaxValue {
		errs = append(errs, fmt.Errorf("MinValue %d is above MaxValue %d", *f.MinValue, *f.MaxValue))
	}
	return errors.Join(errs...)
}

// Check implements Checker: the step must be positive and the bounds in
// order, all of them finite.
func (f *FloatField) Check() error {
	var errs []error
	finite := func(name string, v float64) {
		if v != v || v > maxFloat || v < -maxFloat {
			errs = append(errs, fmt.Errorf("%s is %v; want a finite number", name, v))
		}
	}
	if f.StepSize < 0 {
		errs = append(errs, fmt.Errorf("StepSize is %v; want a positive step, or 0 for none", f.StepSize))
	}
	finite("StepSize", f.StepSize)
	if f.MinValue != nil {
		finite("MinValue", *f.MinValue)
	}
	if f.MaxValue != nil {
		finite("MaxValue", *f.MaxValue)
	}
	if f.MinValue != nil && f.MaxValue != nil && *f.MinValue > *f.MaxValue {
		errs = append(errs, fmt.Errorf("MinValue %v is above MaxValue %v", *f.MinValue, *f.MaxValue))
	}
	return errors.Join(errs...)
}

const maxFloat = 1.7976931348623157e308

// Check implements Checker: the step must be positive, the bounds in
// order and the digit limits consistent.
func (f *DecimalField) Check() error {
	var errs []error
	if f.StepSize.Sign() < 0 {
		errs = append(errs, fmt.Errorf("StepSize is %s; want a positive step, or zero for none", f.StepSize))
	}
	if f.MinValue != nil && f.MaxValue != nil && f.MinValue.GreaterThan(*f.MaxValue) {
		errs = append(errs, fmt.Errorf("MinValue %s is above MaxValue %s", f.MinValue, f.MaxValue))
	}
	if f.MaxDigits != nil && *f.MaxDigits < 1 {
		errs = append(errs, fmt.Errorf("MaxDigits is %d; want 1 or more", *f.MaxDigits))
	}
	if f.DecimalPlaces != nil && *f.DecimalPlaces < 0 {
		errs = append(errs, fmt.Errorf("DecimalPlaces is %d; want 0 or more", *f.DecimalPlaces))
	}
	if f.MaxDigits != nil && f.DecimalPlaces != nil && *f.MaxDigits < *f.DecimalPlaces {
		errs = append(errs, fmt.Errorf("MaxDigits %d is below DecimalPlaces %d", *f.MaxDigits, *f.DecimalPlaces))
	}
	return errors.Join(errs...)
}

// Check implements Checker: a static Initial must be of the type of the
// choices' values (or a string, as submitted).
func (f *ChoiceField) Check() error { return checkChoiceInitial(f.Initial, f.Choices, false) }

// Check implements Checker, for the list of initial choices.
func (f *MultipleChoiceField) Check() error { return checkChoiceInitial(f.Initial, f.Choices, true) }

// Check implements Checker, as ChoiceField.
func (f *TypedChoiceField) Check() error { return f.ChoiceField.Check() }

// Check implements Checker, as MultipleChoiceField.
func (f *TypedMultipleChoiceField) Check() error { return f.MultipleChoiceField.Check() }

func checkChoiceInitial(initial any, choices []Choice, multiple bool) error {
	if initial == nil || len(choices) == 0 {
		return nil
	}
	if _, isFunc := initial.(func() any); isFunc {
		return nil
	}
	types := map[reflect.Type]bool{reflect.TypeOf(""): true}
	var walk func([]Choice)
	walk = func(cs []Choice) {
		for _, c := range cs {
			if c.Group != nil {
				walk(c.Group)
				continue
			}
			if c.Value != nil {
				types[reflect.TypeOf(c.Value)] = true
			}
		}
	}
	walk(choices)
	fits := func(v any) bool { return v == nil || types[reflect.TypeOf(v)] || isNumberValue(v) && hasNumber(types) }
	if multiple {
		list, ok := asList(initial)
		if !ok {
			return fmt.Errorf("Initial has type %T; want a list of choice values", initial)
		}
		for i, v := range list {
			if !fits(v) {
				return fmt.Errorf("Initial[%d] has type %T, not the type of the choices' values", i, v)
			}
		}
		return nil
	}
	if !fits(initial) {
		return fmt.Errorf("Initial has type %T, not the type of the choices' values", initial)
	}
	return nil
}

// isNumberValue reports the Go number types a choice value may have.
func isNumberValue(v any) bool {
	switch v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, decimal.Decimal:
		return true
	}
	return false
}

func hasNumber(types map[reflect.Type]bool) bool {
	for t := range types {
		if isNumberValue(reflect.Zero(t).Interface()) {
			return true
		}
	}
	return false
}
