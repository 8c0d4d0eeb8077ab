package forms

import (
	"reflect"

	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// ComboField cleans a value with each of its Fields in turn: the value
// must satisfy them all.
type ComboField struct {
	FieldCore
	Fields []Field
}

// NewComboField returns a required ComboField over fields.
func NewComboField(fields ...Field) *ComboField {
	return &ComboField{Fields: fields}
}

func (f *ComboField) prepareParts() {
	for _, sub := range f.Fields {
		// The ComboField itself checks required.
		sub.Core().Optional = true
		prepare(sub)
	}
}

// Clean implements Cleaner.
func (f *ComboField) Clean(value any) (any, error) {
	if _, err := cleanSteps(f, value); err != nil {
		return nil, err
	}
	for _, sub := range f.Fields {
		v, err := Clean(sub, value)
		if err != nil {
			return nil, err
		}
		value = v
	}
	return value, nil
}

// MultiValueField cleans a list of values, one per sub-field (the parts
// of a MultiWidget), then compresses the cleaned parts into one value.
type MultiValueField struct {
	FieldCore
	Fields []Field
	// AllowIncomplete is Django's require_all_fields=False: each part is
	// then required only when its own field is, and a missing required
	// part gives an "incomplete" error.
	AllowIncomplete bool
	// Compress turns the cleaned parts into the field's value; it gets an
	// empty list for an empty optional field.
	Compress func(parts []any) (any, error)
}

// NewMultiValueField returns a required MultiValueField.
func NewMultiValueField(compress func([]any) (any, error), fields ...Field) *MultiValueField {
	return &MultiValueField{Fields: fields, Compress: compress}
}

// DefaultErrorMessages implements ErrorMessager.
func (f *MultiValueField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a list of values.", "incomplete": "Enter a complete value."}
}

// RequireAllFields reports whether every part is required.
func (f *MultiValueField) RequireAllFields() bool { return !f.AllowIncomplete }

// SubfieldsRequired reports which parts are required.
func (f *MultiValueField) SubfieldsRequired() []bool {
	out := make([]bool, len(f.Fields))
	for i, sub := range f.Fields {
		out[i] = sub.Core().Required()
	}
	return out
}

func (f *MultiValueField) prepareParts() {
	incomplete := f.Message("incomplete", "Enter a complete value.")
	for _, sub := range f.Fields {
		c := sub.Core()
		if _, ok := c.ErrorMessages["incomplete"]; !ok {
			m := make(map[string]string, len(c.ErrorMessages)+1)
			for k, v := range c.ErrorMessages {
				m[k] = v
			}
			m["incomplete"] = incomplete
			c.ErrorMessages = m
		}
		if f.Disabled {
			c.Disabled = true
		}
		if !f.AllowIncomplete {
			c.Optional = true
		}
		prepare(sub)
	}
}

// Validate accepts everything: the parts are validated.
func (f *MultiValueField) Validate(any) error { return nil }

// Clean implements Cleaner.
func (f *MultiValueField) Clean(value any) (any, error) { return f.clean(f, value) }

// clean is Django's MultiValueField.clean; self is the outermost field,
// whose Validate and validators run on the compressed value.
func (f *MultiValueField) clean(self Field, value any) (any, error) {
	var cleaned []any
	var errs []*validators.ValidationError
	if f.Disabled {
		if _, ok := value.([]any); !ok {
			if parts, ok := widgets.Decompress(f.widget, value); ok {
				value = parts
			}
		}
	}
	list, isList := asList(value)
	if !truthy(value) || isList {
		empty := true
		for _, v := range list {
			if !IsEmpty(v) {
				empty = false
				break
			}
		}
		if !truthy(value) || empty {
			if f.Required() {
				return nil, f.Error("required", "This field is required.", nil)
			}
			return f.compress(nil)
		}
	} else {
		return nil, f.Error("invalid", "Enter a list of values.", nil)
	}
	for i, sub := range f.Fields {
		var v any
		if i < len(list) {
			v = list[i]
		}
		if IsEmpty(v) {
			if !f.AllowIncomplete {
				if f.Required() {
					return nil, f.Error("required", "This field is required.", nil)
				}
			} else if sub.Core().Required() {
				// Django collects the bare message, so the error has no code.
				e := validators.NewError(sub.Core().Message("incomplete", "Enter a complete value."), "", nil)
				errs = appendUnique(errs, e)
				continue
			}
		}
		c, err := Clean(sub, v)
		if err != nil && !isValidationError(err) {
			return nil, err
		}
		if err != nil {
			for _, e := range validators.AsValidationError(err).Flatten() {
				errs = appendUnique(errs, e)
			}
			continue
		}
		cleaned = append(cleaned, c)
	}
	if len(errs) > 0 {
		if len(errs) == 1 {
			return nil, errs[0]
		}
		return nil, &validators.ValidationError{List: errs}
	}
	out, err := f.compress(cleaned)
	if err != nil {
		return nil, err
	}
	if err := self.Validate(out); err != nil {
		return nil, err
	}
	if err := RunValidators(self, out); err != nil {
		return nil, err
	}
	return out, nil
}

// appendUnique appends e unless errs holds an equal error, as Django's
// MultiValueField skips duplicates: equal as ValidationError's __eq__
// has it, by message (before interpolation), code and params, so that two
// parts rejected by the same validator for different values ("Enter a
// valid email address." for each of two addresses) are both listed.
func appendUnique(errs []*validators.ValidationError, e *validators.ValidationError) []*validators.ValidationError {
	for _, have := range errs {
		if have.Message == e.Message && have.Code == e.Code && reflect.DeepEqual(have.Params, e.Params) {
			return errs
		}
	}
	return append(errs, e)
}

func (f *MultiValueField) compress(parts []any) (any, error) {
	if f.Compress == nil {
		if len(parts) == 0 {
			return nil, nil
		}
		return parts, nil
	}
	return f.Compress(parts)
}

// HasChanged compares part by part.
func (f *MultiValueField) HasChanged(initial, data any) bool {
	if f.Disabled {
		return false
	}
	dl, _ := asList(data)
	var il []any
	if initial == nil {
		il = make([]any, len(dl))
		for i := range il {
			il[i] = ""
		}
	} else if l, ok := initial.([]any); ok {
		il = l
	} else if parts, ok := widgets.Decompress(f.widget, initial); ok {
		il = parts
	}
	for i, sub := range f.Fields {
		if i >= len(il) || i >= len(dl) {
			break
		}
		iv, err := sub.ToPython(il[i])
		if err != nil {
			return true
		}
		if HasChanged(sub, iv, dl[i]) {
			return true
		}
	}
	return false
}

// partsPreparer is a field with sub-fields to set up with it.
type partsPreparer interface{ prepareParts() }
