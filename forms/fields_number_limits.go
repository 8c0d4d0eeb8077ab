package forms

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/validators"
)

// parseDecimalField reads s for a DecimalField with a digit limit checked
// before any big-number work, since turning digits into a coefficient
// costs time in the square of their number: at most
// pynum.DefaultMaxDecimalDigits (4,300) significant digits, or MaxDigits
// when that is larger. Up to that bound the value is parsed and then
// validated as Django does; past it the field answers at once: with
// MaxDigits set, with the DecimalValidator's own "max_digits" error, the
// one the reference gives for such a number (it would also list the
// bounds' errors, which need the value); without, "Enter a number.", as
// for a string that is no number.
func (f *DecimalField) parseDecimalField(s string) (decimal.Decimal, error) {
	limit := pynum.DefaultMaxDecimalDigits
	if f.MaxDigits != nil && *f.MaxDigits > limit {
		limit = *f.MaxDigits
	}
	d, err := pynum.ParseDecimalMax(s, limit)
	if err == nil {
		return d, nil
	}
	if pynum.IsTooManyDigits(err) && f.MaxDigits != nil && *f.MaxDigits >= 0 && *f.MaxDigits < math.MaxInt32 {
		return decimal.Decimal{}, f.tooManyDigits(s)
	}
	return decimal.Decimal{}, f.Error("invalid", "Enter a number.", nil)
}

// tooManyDigits is the "max_digits" error DecimalValidator gives a value
// of more than MaxDigits digits, with the field's own message for the
// code, as RunValidators would set it.
func (f *DecimalField) tooManyDigits(s string) error {
	n := *f.MaxDigits
	// 1e(n) has n+1 digits: the validator's message without the value's.
	ve := validators.AsValidationError(validators.Decimal(n, -1).Validate(decimal.New(1, int32(n))))
	params := map[string]any{"value": s}
	for k, v := range ve.Params {
		if k != "value" {
			params[k] = v
		}
	}
	msg := ve.Message
	if m, ok := f.Core().messageFor(ve.Code); ok {
		msg = m
	}
	return validators.NewError(msg, ve.Code, params)
}
