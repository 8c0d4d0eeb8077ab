package forms

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// numberLimits are the bounds and step of a number field as the
// validators and the widget see them; nil means none.
type numberLimits struct {
	MaxValue, MinValue, StepSize any
}

func (l numberLimits) validators() []validators.Validator {
	var vs []validators.Validator
	if l.MaxValue != nil {
		vs = append(vs, validators.MaxValue(l.MaxValue))
	}
	if l.MinValue != nil {
		vs = append(vs, validators.MinValue(l.MinValue))
	}
	if l.StepSize != nil {
		vs = append(vs, validators.StepValue(l.StepSize))
	}
	return vs
}

// limitsOf turns a field's typed bounds and step into numberLimits: a
// nil bound and a zero step are unset.
func limitsOf[T comparable](maxV, minV *T, step T) numberLimits {
	var l numberLimits
	if maxV != nil {
		l.MaxValue = *maxV
	}
	if minV != nil {
		l.MinValue = *minV
	}
	var zero T
	if step != zero {
		l.StepSize = step
	}
	return l
}

func isNumberInput(w widgets.Widget) bool {
	_, ok := w.(*widgets.NumberInput)
	return ok
}

func (l numberLimits) attrs(w widgets.Widget) renderers.Attrs {
	a := renderers.Attrs{}
	if isNumberInput(w) {
		if l.MinValue != nil {
			a["min"] = l.MinValue
		}
		if l.MaxValue != nil {
			a["max"] = l.MaxValue
		}
		if l.StepSize != nil {
			a["step"] = l.StepSize
		}
	}
	return a
}

// IntegerField cleans a whole number into an int64. Python's int has no
// limit, and neither has Django's IntegerField: a whole number beyond
// int64's range cleans to a decimal.Decimal holding that integer, so that
// MaxValue and MinValue judge it as Django does. A form declared with For
// from an integer struct field instead rejects what the Go type cannot
// hold, and Cleaned[int64] reports such a value as missing.
type IntegerField struct {
	FieldCore
	// MaxValue and MinValue bound the value; nil means no bound.
	MaxValue, MinValue *int64
	// StepSize, when not 0, makes only its multiples valid; it must be
	// positive.
	StepSize int64
}

// NewIntegerField returns an IntegerField with Django's defaults: the
// same as &IntegerField{}.
func NewIntegerField() *IntegerField { return &IntegerField{} }

func (f *IntegerField) limits() numberLimits { return limitsOf(f.MaxValue, f.MinValue, f.StepSize) }

// DefaultWidget is a NumberInput, or a TextInput when localized.
func (f *IntegerField) DefaultWidget() widgets.Widget { return numberWidget(f.Localize) }

func numberWidget(localize bool) widgets.Widget {
	if localize {
		return widgets.NewTextInput(nil)
	}
	return widgets.NewNumberInput(nil)
}

// DefaultErrorMessages implements ErrorMessager.
func (f *IntegerField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a whole number."}
}

// DefaultValidators implements ValidatorSource.
func (f *IntegerField) DefaultValidators() []validators.Validator { return nil }

// ExtraValidators are the bounds and step validators.
func (f *IntegerField) ExtraValidators() []validators.Validator { return f.limits().validators() }

// WidgetAttrs writes min, max and step on a NumberInput.
func (f *IntegerField) WidgetAttrs(w widgets.Widget) renderers.Attrs { return f.limits().attrs(w) }

// ToPython reads the number as Python's int() after dropping a trailing
// ".0".
func (f *IntegerField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	switch x := value.(type) {
	case int:
		return int64(x), nil
	case int64:
		return x, nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, f.Error("invalid", "Enter a whole number.", nil)
		}
		return int64(math.Trunc(x)), nil
	case decimal.Decimal:
		return intFromDecimal(x.Truncate(0)), nil
	}
	s := pyStr(value)
	if f.Localize {
		s = sanitizeSeparators(s)
	}
	s = trimTrailingDecimal(s)
	n, err := pynum.ParseInt(s)
	if err != nil {
		return nil, f.Error("invalid", "Enter a whole number.", nil)
	}
	if b, ok := n.(*big.Int); ok {
		return decimal.NewFromBigInt(b, 0), nil
	}
	return n, nil
}

// trimTrailingDecimal is Django's re.sub(r"\.0*\s*$", "", s) with Go's
// ASCII \s, without a regexp: only the last '.' can start a match, since
// any earlier one has that '.' after it.
func trimTrailingDecimal(s string) string {
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return s
	}
	j := i + 1
	for j < len(s) && s[j] == '0' {
		j++
	}
	for ; j < len(s); j++ {
		switch s[j] {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			return s
		}
	}
	return s[:i]
}

func intFromDecimal(d decimal.Decimal) any {
	if d.IsInteger() {
		b := d.BigInt()
		if b.IsInt64() {
			return b.Int64()
		}
		return decimal.NewFromBigInt(b, 0)
	}
	return d
}

// sanitizeSeparators is Django's sanitize_separators for the English
// formats with USE_THOUSAND_SEPARATOR off (Django's default): the decimal
// separator is already "." and thousands separators are not removed.
func sanitizeSeparators(s string) string { return s }

// FloatField cleans a number into a float64.
type FloatField struct {
	FieldCore
	// MaxValue and MinValue bound the value; nil means no bound.
	MaxValue, MinValue *float64
	// StepSize, when not 0, makes only its multiples valid; it must be
	// positive.
	StepSize float64
}

// NewFloatField returns a FloatField with Django's defaults: the same as
// &FloatField{}.
func NewFloatField() *FloatField { return &FloatField{} }

func (f *FloatField) limits() numberLimits {
	l := limitsOf(f.MaxValue, f.MinValue, f.StepSize)
	l.MaxValue, l.MinValue, l.StepSize = wholeFloat(l.MaxValue), wholeFloat(l.MinValue), wholeFloat(l.StepSize)
	return l
}

// wholeFloat makes a whole float64 bound an int64. A Django FloatField is
// given its bounds as Python numbers, nearly always ints (min_value=0),
// and shows them as such (min="0", "greater than or equal to 0."); a Go
// float64 cannot tell 0 from 0.0, so a whole bound is taken to be the
// int a Django user writes. It compares as the same number.
func wholeFloat(v any) any {
	x, ok := v.(float64)
	if ok && x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return int64(x)
	}
	return v
}

// DefaultWidget implements DefaultWidgeter.
func (f *FloatField) DefaultWidget() widgets.Widget { return numberWidget(f.Localize) }

// DefaultErrorMessages implements ErrorMessager.
func (f *FloatField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a number."}
}

// DefaultValidators implements ValidatorSource.
func (f *FloatField) DefaultValidators() []validators.Validator { return nil }

// ExtraValidators are the bounds and step validators.
func (f *FloatField) ExtraValidators() []validators.Validator { return f.limits().validators() }

// WidgetAttrs writes min, max and step ("any" without a step size).
func (f *FloatField) WidgetAttrs(w widgets.Widget) renderers.Attrs {
	a := f.limits().attrs(w)
	if isNumberInput(w) {
		if _, has := w.Base().Attrs["step"]; !has {
			if _, set := a["step"]; !set {
				a["step"] = "any"
			}
		}
	}
	return a
}

// ToPython reads the number as Python's float().
func (f *FloatField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	switch x := value.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case decimal.Decimal:
		v, _ := x.Float64()
		return v, nil
	}
	s := pyStr(value)
	if f.Localize {
		s = sanitizeSeparators(s)
	}
	v, err := pynum.ParseFloat(s)
	if err != nil {
		return nil, f.Error("invalid", "Enter a number.", nil)
	}
	return v, nil
}

// Validate rejects infinities and NaN.
func (f *FloatField) Validate(value any) error {
	if err := f.FieldCore.Validate(value); err != nil {
		return err
	}
	if x, ok := value.(float64); ok && (math.IsInf(x, 0) || math.IsNaN(x)) {
		return f.Error("invalid", "Enter a number.", nil)
	}
	return nil
}

// DecimalField cleans a number into an exact decimal.Decimal, keeping the
// digits as typed ("1.50" keeps its trailing zero).
type DecimalField struct {
	FieldCore
	// MaxValue and MinValue bound the value; nil means no bound.
	MaxValue, MinValue *decimal.Decimal
	// StepSize, when not zero, makes only its multiples valid; it must be
	// positive.
	StepSize decimal.Decimal
	// MaxDigits and DecimalPlaces limit the digits; nil means no limit.
	MaxDigits, DecimalPlaces *int
}

// NewDecimalField returns a DecimalField with Django's defaults (no
// digit limits): the same as &DecimalField{}.
func NewDecimalField() *DecimalField { return &DecimalField{} }

func intOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

func (f *DecimalField) limits() numberLimits {
	var l numberLimits
	if f.MaxValue != nil {
		l.MaxValue = *f.MaxValue
	}
	if f.MinValue != nil {
		l.MinValue = *f.MinValue
	}
	if !f.StepSize.IsZero() {
		l.StepSize = f.StepSize
	}
	return l
}

// DefaultWidget implements DefaultWidgeter.
func (f *DecimalField) DefaultWidget() widgets.Widget { return numberWidget(f.Localize) }

// DefaultErrorMessages implements ErrorMessager.
func (f *DecimalField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a number."}
}

// DefaultValidators implements ValidatorSource.
func (f *DecimalField) DefaultValidators() []validators.Validator { return nil }

// ExtraValidators are the bounds, step and digits validators.
func (f *DecimalField) ExtraValidators() []validators.Validator {
	return append(f.limits().validators(), validators.Decimal(intOr(f.MaxDigits, -1), intOr(f.DecimalPlaces, -1)))
}

// WidgetAttrs writes min, max and step (from DecimalPlaces, else "any").
func (f *DecimalField) WidgetAttrs(w widgets.Widget) renderers.Attrs {
	a := f.limits().attrs(w)
	if isNumberInput(w) {
		if _, has := w.Base().Attrs["step"]; !has {
			if _, set := a["step"]; !set {
				if f.DecimalPlaces != nil {
					a["step"] = strings.ToLower(pyfmt.DecimalStr(decimal.New(1, -int32(*f.DecimalPlaces))))
				} else {
					a["step"] = "any"
				}
			}
		}
	}
	return a
}

// ToPython reads the number as Python's Decimal(str(value)).
func (f *DecimalField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	switch x := value.(type) {
	case decimal.Decimal:
		return x, nil
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int64:
		return decimal.NewFromInt(x), nil
	}
	s := pyStr(value)
	if f.Localize {
		s = sanitizeSeparators(s)
	}
	d, err := f.parseDecimalField(s) // digit limit: fields_number_limits.go
	if err != nil {
		return nil, err
	}
	return d, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
