package validators

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Default messages of the limit validators.
const (
	msgMinValue      = "Ensure this value is greater than or equal to %(limit_value)s."
	msgMaxValue      = "Ensure this value is less than or equal to %(limit_value)s."
	msgStepValue     = "Ensure this value is a multiple of step size %(limit_value)s."
	msgMinLength     = "Ensure this value has at least %(limit_value)d character (it has %(show_value)d)."
	msgMinLengthPl   = "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d)."
	msgMaxLength     = "Ensure this value has at most %(limit_value)d character (it has %(show_value)d)."
	msgMaxLengthPl   = "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
	stepCloseEnough  = 1e-9
	codeMinValue     = "min_value"
	codeMaxValue     = "max_value"
	codeStepSize     = "step_size"
	codeMinLength    = "min_length"
	codeMaxLength    = "max_length"
	limitParamsValue = "value"
)

// limitParams builds the parameters Django's BaseValidator passes.
func limitParams(limit, shown, value any) map[string]any {
	return map[string]any{"limit_value": limit, "show_value": shown, limitParamsValue: value}
}

// MinValueValidator is Django's MinValueValidator: the value must be
// greater than or equal to LimitValue.
type MinValueValidator struct {
	// LimitValue is the smallest acceptable value: a number of any kind, a
	// string, a time.Time or a time.Duration, or a func() returning one.
	LimitValue any
	// Message replaces the default message when not empty.
	Message string
	// Code replaces the default code ("min_value") when not empty.
	Code string
}

// MinValue returns a MinValueValidator for limit.
func MinValue(limit any) *MinValueValidator { return &MinValueValidator{LimitValue: limit} }

// Validate implements Validator.
func (v *MinValueValidator) Validate(value any) error {
	limit := resolveLimit(v.LimitValue)
	c, err := compare(value, limit)
	if err != nil {
		return fmt.Errorf("MinValueValidator: %w", err)
	}
	if c == less {
		return fail(msgMinValue, v.Message, codeMinValue, v.Code, limitParams(limit, value, value))
	}
	return nil
}

// MaxValueValidator is Django's MaxValueValidator: the value must be less
// than or equal to LimitValue.
type MaxValueValidator struct {
	// LimitValue is the largest acceptable value: a number of any kind, a
	// string, a time.Time or a time.Duration, or a func() returning one.
	LimitValue any
	// Message replaces the default message when not empty.
	Message string
	// Code replaces the default code ("max_value") when not empty.
	Code string
}

// MaxValue returns a MaxValueValidator for limit.
func MaxValue(limit any) *MaxValueValidator { return &MaxValueValidator{LimitValue: limit} }

// Validate implements Validator.
func (v *MaxValueValidator) Validate(value any) error {
	limit := resolveLimit(v.LimitValue)
	c, err := compare(value, limit)
	if err != nil {
		return fmt.Errorf("MaxValueValidator: %w", err)
	}
	if c == greater {
		return fail(msgMaxValue, v.Message, codeMaxValue, v.Code, limitParams(limit, value, value))
	}
	return nil
}

// StepValueValidator is Django's StepValueValidator: the value must be a
// multiple of the step size LimitValue.
//
// Integers against an integer step are checked exactly. A float64 value,
// or an integer against a float64 step, is checked as Django does:
// math.remainder(value, step) must be within 1e-9 of zero. A
// decimal.Decimal value, or an integer against a decimal step, is checked
// exactly with decimal arithmetic (a float64 step is then read as the
// shortest decimal that rounds to it).
type StepValueValidator struct {
	// LimitValue is the step size: an integer, a float64 or a
	// decimal.Decimal, or a func() returning one.
	LimitValue any
	// Message replaces the default message when not empty.
	Message string
	// Code replaces the default code ("step_size") when not empty.
	Code string
}

// StepValue returns a StepValueValidator for the step size step.
func StepValue(step any) *StepValueValidator { return &StepValueValidator{LimitValue: step} }

// errZeroStep is returned for a step size of zero, where Python raises
// "ValueError: math domain error".
var errZeroStep = errors.New("StepValueValidator: the step size must not be zero")

// Validate implements Validator.
func (v *StepValueValidator) Validate(value any) error {
	limit := resolveLimit(v.LimitValue)
	bad, err := offStep(value, limit)
	if err != nil {
		return err
	}
	if bad {
		return fail(msgStepValue, v.Message, codeStepSize, v.Code, limitParams(limit, value, value))
	}
	return nil
}

// offStep reports whether value is not a multiple of step.
func offStep(value, step any) (bool, error) {
	if x, y, ok := smallInts(value, step); ok {
		if y == 0 {
			return false, errZeroStep
		}
		// Go's remainder has the dividend's sign, Python's the divisor's;
		// only whether it is zero matters here.
		return x%y != 0, nil
	}
	nv, ns := asNumber(value), asNumber(step)
	if nv.kind == notNumber || ns.kind == notNumber {
		return false, fmt.Errorf("StepValueValidator: cannot use %s with a step size of %s", typeName(value), typeName(step))
	}
	switch {
	case nv.kind == floatNumber || (nv.kind == intNumber && ns.kind == floatNumber):
		s := ns.float()
		if s == 0 {
			return false, errZeroStep
		}
		// math.isclose(math.remainder(a, b), 0, abs_tol=1e-9)
		r := math.Remainder(nv.float(), s)
		return !(math.Abs(r) <= stepCloseEnough), nil
	case nv.kind == intNumber && ns.kind == intNumber:
		if ns.i.Sign() == 0 {
			return false, errZeroStep
		}
		return new(big.Int).Rem(nv.i, ns.i).Sign() != 0, nil
	}
	// A decimal value, or an integer value with a decimal step.
	var sd decimal.Decimal
	if ns.kind == floatNumber {
		if math.IsNaN(ns.f) || math.IsInf(ns.f, 0) {
			return true, nil
		}
		sd = decimal.NewFromFloat(ns.f)
	} else {
		sd = ns.exact()
	}
	if sd.IsZero() {
		return false, errZeroStep
	}
	return !decimalMultiple(nv.exact(), sd), nil
}

// decimalMultiple reports exactly whether a is an integer multiple of b
// (b not zero), without building huge powers of ten.
func decimalMultiple(a, b decimal.Decimal) bool {
	if a.IsZero() {
		return true
	}
	if multiple, ok := smallDecimalMultiple(a, b); ok {
		return multiple
	}
	return bigDecimalMultiple(a, b)
}

// bigDecimalMultiple is decimalMultiple for any a and b, in math/big.
func bigDecimalMultiple(a, b decimal.Decimal) bool {
	am, ae := stripZeros(a)
	bm, be := stripZeros(b)
	if ae < be {
		// am is not a multiple of ten, so am*10^ae cannot be a multiple
		// of bm*10^be.
		return false
	}
	bm.Abs(bm)
	// am * 10^(ae-be) mod bm == 0
	k := big.NewInt(int64(ae) - int64(be))
	p := new(big.Int).Exp(big.NewInt(10), k, bm)
	r := new(big.Int).Mod(new(big.Int).Abs(am), bm)
	r.Mul(r, p)
	r.Mod(r, bm)
	return r.Sign() == 0
}

// smallDecimalMultiple is decimalMultiple in machine integers, for the
// usual values and steps (coefficients of at most 18 digits, exponents
// close together): math/big allocates on every step of the exact test.
// ok is false when the operands are too large for it.
func smallDecimalMultiple(a, b decimal.Decimal) (multiple, ok bool) {
	if a.NumDigits() > 18 || b.NumDigits() > 18 {
		return false, false
	}
	am, ae := stripZeros64(a.CoefficientInt64(), int64(a.Exponent()))
	bm, be := stripZeros64(b.CoefficientInt64(), int64(b.Exponent()))
	if ae < be {
		// As in decimalMultiple: am is not a multiple of ten.
		return false, true
	}
	if ae-be > 64 {
		return false, false
	}
	// am * 10^(ae-be) mod bm == 0; below 10^18, r*10 fits in a uint64.
	m := absU64(bm)
	r := absU64(am) % m
	for k := ae - be; k > 0 && r != 0; k-- {
		r = r * 10 % m
	}
	return r == 0, true
}

// stripZeros64 is stripZeros for a coefficient that fits an int64.
func stripZeros64(m, e int64) (int64, int64) {
	if m == 0 {
		return m, e
	}
	for m%10 == 0 {
		m /= 10
		e++
	}
	return m, e
}

func absU64(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// stripZeros returns the coefficient and exponent of d with the trailing
// zeros of its coefficient moved into the exponent.
func stripZeros(d decimal.Decimal) (*big.Int, int64) {
	m := new(big.Int).Set(d.Coefficient())
	e := int64(d.Exponent())
	if m.Sign() == 0 {
		return m, e
	}
	ten := big.NewInt(10)
	q, r := new(big.Int), new(big.Int)
	for {
		q.QuoRem(m, ten, r)
		if r.Sign() != 0 {
			return m, e
		}
		m.Set(q)
		e++
	}
}

// MinLengthValidator is Django's MinLengthValidator: the value must have
// at least LimitValue characters (Unicode code points) or items.
type MinLengthValidator struct {
	// LimitValue is the smallest acceptable length.
	LimitValue int
	// Message replaces both default forms of the message when not empty.
	Message string
	// Code replaces the default code ("min_length") when not empty.
	Code string
}

// MinLength returns a MinLengthValidator for limit.
func MinLength(limit int) *MinLengthValidator { return &MinLengthValidator{LimitValue: limit} }

// Validate implements Validator.
func (v *MinLengthValidator) Validate(value any) error {
	n, err := length(value)
	if err != nil {
		return fmt.Errorf("MinLengthValidator: %w", err)
	}
	if n < v.LimitValue {
		msg := ngettext(msgMinLength, msgMinLengthPl, int64(v.LimitValue))
		return fail(msg, v.Message, codeMinLength, v.Code, limitParams(v.LimitValue, n, value))
	}
	return nil
}

// MaxLengthValidator is Django's MaxLengthValidator: the value must have
// at most LimitValue characters (Unicode code points) or items.
type MaxLengthValidator struct {
	// LimitValue is the largest acceptable length.
	LimitValue int
	// Message replaces both default forms of the message when not empty.
	Message string
	// Code replaces the default code ("max_length") when not empty.
	Code string
}

// MaxLength returns a MaxLengthValidator for limit.
func MaxLength(limit int) *MaxLengthValidator { return &MaxLengthValidator{LimitValue: limit} }

// Validate implements Validator.
func (v *MaxLengthValidator) Validate(value any) error {
	n, err := length(value)
	if err != nil {
		return fmt.Errorf("MaxLengthValidator: %w", err)
	}
	if n > v.LimitValue {
		msg := ngettext(msgMaxLength, msgMaxLengthPl, int64(v.LimitValue))
		return fail(msg, v.Message, codeMaxLength, v.Code, limitParams(v.LimitValue, n, value))
	}
	return nil
}

// length is Python's len(): code points of a string, items of a slice,
// array or map.
func length(value any) (int, error) {
	switch x := value.(type) {
	case string:
		return utf8.RuneCountInString(x), nil
	case []byte:
		return len(x), nil
	case []rune:
		return len(x), nil
	case nil:
		return 0, errors.New("object of type 'NoneType' has no len()")
	}
	rv := reflect.ValueOf(value)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
		return rv.Len(), nil
	case reflect.String:
		return utf8.RuneCountInString(rv.String()), nil
	}
	return 0, fmt.Errorf("object of type %s has no len()", typeName(value))
}
