// Package validators holds Django's validators (django.core.validators,
// as of Django 4.1) ported to Go with the same behaviour, messages, codes
// and parameters.
//
// A validator receives a cleaned Go value (string, int64 or int, float64,
// decimal.Decimal, time.Time, time.Duration, ...) and returns nil when the
// value is acceptable or a *ValidationError carrying Django's untranslated
// message (with its %(name)s placeholders), its code and its parameters.
// A validator that is misused (a value of a type it cannot handle, a zero
// step size) returns a plain error instead, as Django would raise a
// TypeError or ValueError.
//
// Patterns are written in Python's re syntax and translated to Go's
// (Unicode \d, \w and \s, \Z, Python's "$"); the built-in URL and email
// patterns have their lookarounds rewritten. Internationalized domain
// names go through a port of Python's "idna" codec (IDNA 2003), as
// Django's punycode() does.
package validators

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Validator checks one cleaned value.
type Validator interface {
	// Validate returns nil when value is acceptable, a *ValidationError
	// when it is not, and a plain error when the validator cannot handle
	// the value at all.
	Validate(value any) error
}

// Func adapts an ordinary function to the Validator interface, as a plain
// function can be used as a validator in Django.
type Func func(value any) error

// Validate calls f(value).
func (f Func) Validate(value any) error { return f(value) }

// fail returns the validation error for a message and code, applying the
// optional overrides.
func fail(message, override, code, codeOverride string, params map[string]any) error {
	if override != "" {
		message = override
	}
	if codeOverride != "" {
		code = codeOverride
	}
	return NewError(message, code, params)
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// ngettext picks the English singular or plural form as Django's
// ngettext does for the untranslated message.
func ngettext(singular, plural string, n int64) string {
	if n == 1 {
		return singular
	}
	return plural
}

// resolveLimit calls a limit given as a function, as Django's BaseValidator
// calls a callable limit_value.
func resolveLimit(limit any) any {
	switch f := limit.(type) {
	case func() any:
		return f()
	case func() int:
		return f()
	case func() int64:
		return f()
	case func() float64:
		return f()
	case func() decimal.Decimal:
		return f()
	case func() time.Time:
		return f()
	case func() time.Duration:
		return f()
	}
	return limit
}

// numKind tells how a numeric value is held.
type numKind int

const (
	notNumber numKind = iota
	intNumber
	floatNumber
	decimalNumber
)

// number is a numeric value of any supported Go type.
type number struct {
	kind numKind
	i    *big.Int
	f    float64
	d    decimal.Decimal
}

// smallInts returns a and b when both are an int or an int64.
func smallInts(a, b any) (x, y int64, ok bool) {
	switch v := a.(type) {
	case int:
		x = int64(v)
	case int64:
		x = v
	default:
		return 0, 0, false
	}
	switch v := b.(type) {
	case int:
		y = int64(v)
	case int64:
		y = v
	default:
		return 0, 0, false
	}
	return x, y, true
}

// asNumber classifies v; bool counts as an integer as in Python.
func asNumber(v any) number {
	switch x := v.(type) {
	case int:
		return number{kind: intNumber, i: big.NewInt(int64(x))}
	case int8:
		return number{kind: intNumber, i: big.NewInt(int64(x))}
	case int16:
		return number{kind: intNumber, i: big.NewInt(int64(x))}
	case int32:
		return number{kind: intNumber, i: big.NewInt(int64(x))}
	case int64:
		return number{kind: intNumber, i: big.NewInt(x)}
	case uint:
		return number{kind: intNumber, i: new(big.Int).SetUint64(uint64(x))}
	case uint8:
		return number{kind: intNumber, i: big.NewInt(int64(x))}
	case uint16:
		return number{kind: intNumber, i: big.NewInt(int64(x))}
	case uint32:
		return number{kind: intNumber, i: big.NewInt(int64(x))}
	case uint64:
		return number{kind: intNumber, i: new(big.Int).SetUint64(x)}
	case *big.Int:
		if x == nil {
			return number{}
		}
		return number{kind: intNumber, i: new(big.Int).Set(x)}
	case bool:
		if x {
			return number{kind: intNumber, i: big.NewInt(1)}
		}
		return number{kind: intNumber, i: big.NewInt(0)}
	case float64:
		return number{kind: floatNumber, f: x}
	case float32:
		return number{kind: floatNumber, f: float64(x)}
	case decimal.Decimal:
		return number{kind: decimalNumber, d: x}
	case *decimal.Decimal:
		if x == nil {
			return number{}
		}
		return number{kind: decimalNumber, d: *x}
	}
	return number{}
}

// exact returns the exact decimal value of a finite number.
func (n number) exact() decimal.Decimal {
	switch n.kind {
	case intNumber:
		return decimal.NewFromBigInt(n.i, 0)
	case floatNumber:
		return exactFloat(n.f)
	}
	return n.d
}

// float returns the number rounded to a float64, as Python's float() does.
func (n number) float() float64 {
	switch n.kind {
	case intNumber:
		f, _ := new(big.Float).SetInt(n.i).Float64()
		return f
	case decimalNumber:
		// Out of range, ParseFloat returns ±Inf or 0 as Python's float()
		// does, so its error is of no interest.
		f, _ := strconv.ParseFloat(n.d.String(), 64)
		return f
	}
	return n.f
}

// exactFloat returns the exact decimal value of a finite float64 (not the
// shortest decimal that rounds to it), so that comparisons with integers
// and decimals are as exact as Python's.
func exactFloat(f float64) decimal.Decimal {
	if f == 0 {
		return decimal.Zero
	}
	mant, exp := math.Frexp(f) // f = mant * 2^exp, 0.5 <= |mant| < 1
	m := int64(mant * (1 << 53))
	exp -= 53
	for m%2 == 0 && exp < 0 {
		m /= 2
		exp++
	}
	bm := big.NewInt(m)
	if exp >= 0 {
		return decimal.NewFromBigInt(bm.Lsh(bm, uint(exp)), 0)
	}
	// m / 2^k == m * 5^k / 10^k
	k := int64(-exp)
	five := new(big.Int).Exp(big.NewInt(5), big.NewInt(k), nil)
	return decimal.NewFromBigInt(bm.Mul(bm, five), int32(-k))
}

// compareResult is the outcome of comparing two values.
type compareResult int

const (
	less compareResult = iota
	equal
	greater
	unordered // a NaN took part: every ordering comparison is false
)

// compare orders a and b as Python's < and > would. It supports numbers of
// any kind against each other, strings, time.Time and time.Duration.
func compare(a, b any) (compareResult, error) {
	if x, y, ok := smallInts(a, b); ok {
		// The common case, without big.Int.
		switch {
		case x < y:
			return less, nil
		case x > y:
			return greater, nil
		}
		return equal, nil
	}
	na, nb := asNumber(a), asNumber(b)
	if na.kind != notNumber && nb.kind != notNumber {
		return compareNumbers(na, nb), nil
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return fromCmp(cmpStrings(x, y)), nil
		}
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return fromCmp(x.Compare(y)), nil
		}
	case time.Duration:
		if y, ok := b.(time.Duration); ok {
			switch {
			case x < y:
				return less, nil
			case x > y:
				return greater, nil
			}
			return equal, nil
		}
	}
	return unordered, fmt.Errorf("validators: cannot compare %s with %s", typeName(a), typeName(b))
}

func cmpStrings(a, b string) int {
	// UTF-8 byte order is code point order, which is Python's str order.
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func fromCmp(c int) compareResult {
	switch {
	case c < 0:
		return less
	case c > 0:
		return greater
	}
	return equal
}

func compareNumbers(a, b number) compareResult {
	if a.kind == floatNumber || b.kind == floatNumber {
		fa, fb := a.f, b.f
		if a.kind != floatNumber {
			fa = 0
		}
		if b.kind != floatNumber {
			fb = 0
		}
		if math.IsNaN(fa) || math.IsNaN(fb) {
			return unordered
		}
		ia, ib := a.kind == floatNumber && math.IsInf(fa, 0), b.kind == floatNumber && math.IsInf(fb, 0)
		switch {
		case ia && ib:
			return fromCmp(cmpFloat(fa, fb))
		case ia:
			return fromCmp(int(math.Copysign(1, fa)))
		case ib:
			return fromCmp(-int(math.Copysign(1, fb)))
		}
	}
	return fromCmp(a.exact().Cmp(b.exact()))
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func typeName(v any) string {
	if v == nil {
		return "None"
	}
	return reflect.TypeOf(v).String()
}
