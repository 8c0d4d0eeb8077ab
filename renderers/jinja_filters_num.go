package renderers

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/pynum"
)

// pyNumber is a Python int, float or Decimal (a bool is an int).
type pyNumber struct {
	kind numKind
	i    int
	f    float64
	d    decimal.Decimal
}

type numKind int

const (
	numInt numKind = iota
	numFloat
	numDecimal
)

// pyNumberOf reads a value as a Python number: integers, booleans,
// floats, and the floats and decimals the context holds as their text
// (jetFloat, jetDecimal).
func pyNumberOf(v any) (pyNumber, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return pyNumber{kind: numInt, i: 1}, true
		}
		return pyNumber{kind: numInt}, true
	case int:
		return pyNumber{kind: numInt, i: x}, true
	case int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		n, _ := testInt(x)
		return pyNumber{kind: numInt, i: int(n)}, true
	case float64:
		return pyNumber{kind: numFloat, f: x}, true
	case float32:
		return pyNumber{kind: numFloat, f: float64(x)}, true
	case jetFloat:
		f, err := pynum.ParseFloat(string(x))
		return pyNumber{kind: numFloat, f: f}, err == nil
	case jetDecimal:
		d, err := decimal.NewFromString(string(x))
		return pyNumber{kind: numDecimal, d: d}, err == nil
	}
	return pyNumber{}, false
}

func (n pyNumber) float() float64 {
	switch n.kind {
	case numInt:
		return float64(n.i)
	case numDecimal:
		f, _ := n.d.Float64()
		return f
	}
	return n.f
}

func (n pyNumber) decimal() decimal.Decimal {
	switch n.kind {
	case numInt:
		return decimal.NewFromInt(int64(n.i))
	case numFloat:
		return decimal.NewFromFloat(n.f)
	}
	return n.d
}

func (n pyNumber) isZero() bool {
	switch n.kind {
	case numInt:
		return n.i == 0
	case numDecimal:
		return n.d.IsZero()
	}
	return n.f == 0
}

func (n pyNumber) cmp(m pyNumber) int {
	switch {
	case n.kind == numInt && m.kind == numInt:
		switch {
		case n.i < m.i:
			return -1
		case n.i > m.i:
			return 1
		}
		return 0
	case n.kind == numDecimal || m.kind == numDecimal:
		if (n.kind == numFloat && (math.IsInf(n.f, 0) || math.IsNaN(n.f))) || (m.kind == numFloat && (math.IsInf(m.f, 0) || math.IsNaN(m.f))) {
			break
		}
		return n.decimal().Cmp(m.decimal())
	}
	a, b := n.float(), m.float()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// key is the number's text for hashing: equal numbers of any kind have
// the same key.
func (n pyNumber) key() string {
	switch n.kind {
	case numInt:
		return strconv.Itoa(n.i)
	case numFloat:
		if math.IsInf(n.f, 0) || math.IsNaN(n.f) {
			return pyfmt.Str(n.f)
		}
	}
	return n.decimal().String()
}

// value is the number as a template value: an int, a float64, or a
// Decimal as jet holds it.
func (n pyNumber) value() reflect.Value {
	switch n.kind {
	case numInt:
		return reflect.ValueOf(n.i)
	case numDecimal:
		return reflect.ValueOf(jetDecimal(pyfmt.DecimalStr(n.d)))
	}
	return reflect.ValueOf(n.f)
}

// intArg reads an argument Python uses as an integer (an index, a
// width): an int or a bool, else the TypeError Python raises.
func intArg(a jinjaArgs, fn string, v reflect.Value) int {
	switch x := valueOf(rv(v)).(type) {
	case int:
		return x
	case bool:
		if x {
			return 1
		}
		return 0
	case int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		n, _ := testInt(x)
		return int(n)
	case nil:
		a.Panicf("%s: 'NoneType' object cannot be interpreted as an integer", fn)
	default:
		a.Panicf("%s: '%s' object cannot be interpreted as an integer", fn, pyTypeNameOf(x))
	}
	return 0
}

// pyFloat is Python's float() of a value: a number, or a string that
// reads as one.
func pyFloat(v any) (float64, error) {
	if n, ok := pyNumberOf(v); ok {
		return n.float(), nil
	}
	switch x := v.(type) {
	case string, jetSafe, jetMarkup:
		s := pyfmt.Str(x)
		f, err := pynum.ParseFloat(s)
		if err != nil {
			return 0, fmt.Errorf("could not convert string to float: %s", pyfmt.Repr(s))
		}
		return f, nil
	case nil, jetNone:
		return 0, fmt.Errorf("float() argument must be a string or a real number, not 'NoneType'")
	}
	return 0, fmt.Errorf("float() argument must be a string or a real number, not '%s'", pyTypeNameOf(v))
}

// floatText is Python's "%.Nf" of a float.
func floatText(f float64, prec int) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return strconv.FormatFloat(f, 'f', prec, 64)
}

// jinjaFilesizeformat is filesizeformat(value, binary=False): a size in
// bytes as "13 kB", "4.1 MB", "102 Bytes", with the binary prefixes
// (KiB, MiB) when binary.
func jinjaFilesizeformat(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("filesizeformat", 1, 2)
	bytes, err := pyFloat(valueAny(a.Get(0)))
	if err != nil {
		a.Panicf("filesizeformat: %v", err)
	}
	binary := a.NumOfArguments() > 1 && pyTruthy(a.Get(1))
	base := int64(1000)
	prefixes := []string{"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"}
	if binary {
		base = 1024
		prefixes = []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
	}
	if bytes == 1 {
		return reflect.ValueOf("1 Byte")
	}
	if bytes < float64(base) {
		if math.IsInf(bytes, 0) {
			a.Panicf("filesizeformat: cannot convert float infinity to integer")
		}
		n, _ := new(big.Float).SetFloat64(math.Trunc(bytes)).Int(nil)
		return reflect.ValueOf(n.String() + " Bytes")
	}
	b := new(big.Float).SetFloat64(bytes)
	if math.IsNaN(bytes) {
		b = nil
	}
	var unit *big.Int
	for i, prefix := range prefixes {
		unit = new(big.Int).Exp(big.NewInt(base), big.NewInt(int64(i+2)), nil)
		if b != nil && b.Cmp(new(big.Float).SetInt(unit)) < 0 {
			return reflect.ValueOf(floatText(float64(base)*bytes/bigIntFloat(unit), 1) + " " + prefix)
		}
	}
	return reflect.ValueOf(floatText(float64(base)*bytes/bigIntFloat(unit), 1) + " " + prefixes[len(prefixes)-1])
}

func bigIntFloat(n *big.Int) float64 {
	f, _ := new(big.Float).SetInt(n).Float64()
	return f
}

// jinjaRound is round(value, precision=0, method='common'): Python's
// round() for 'common' (half to even: a float stays a float, an int an
// int, a Decimal a Decimal), math.ceil or math.floor of the value times
// 10**precision, divided back, for 'ceil' and 'floor' (a float).
func jinjaRound(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("round", 1, 3)
	method := "common"
	if a.NumOfArguments() > 2 {
		method, _ = valueOf(a.Get(2)).(string)
	}
	if method != "common" && method != "ceil" && method != "floor" {
		a.Panicf("round: method must be common, ceil or floor")
	}
	prec := 0
	if a.NumOfArguments() > 1 {
		prec = intArg(a, "round", a.Get(1))
	}
	x := valueAny(a.Get(0))
	n, ok := pyNumberOf(x)
	if !ok {
		name := pyTypeNameOf(x)
		if _, undef := x.(jetNone); undef || x == nil {
			name = "NoneType"
		}
		a.Panicf("round: type %s doesn't define __round__ method", name)
	}
	if method == "common" {
		r, err := roundCommon(n, prec)
		if err != nil {
			a.Panicf("round: %v", err)
		}
		return r.value()
	}
	f, err := roundCeilFloor(n, prec, method == "ceil")
	if err != nil {
		a.Panicf("round: %v", err)
	}
	return reflect.ValueOf(f)
}

// roundCommon is Python's round(n, prec).
func roundCommon(n pyNumber, prec int) (pyNumber, error) {
	switch n.kind {
	case numInt:
		if prec >= 0 {
			return n, nil
		}
		if prec < -20 {
			return pyNumber{kind: numInt}, nil
		}
		d := decimal.NewFromInt(int64(n.i)).RoundBank(int32(prec))
		return pyNumber{kind: numInt, i: int(d.IntPart())}, nil
	case numFloat:
		f := n.f
		if math.IsInf(f, 0) || math.IsNaN(f) || f == 0 || prec > 323 {
			return n, nil
		}
		if prec < -308 {
			return pyNumber{kind: numFloat, f: 0 * f}, nil
		}
		var s string
		if prec >= 0 {
			s = strconv.FormatFloat(f, 'f', prec, 64)
		} else {
			exact, err := decimal.NewFromString(new(big.Float).SetFloat64(f).Text('f', 1100))
			if err != nil {
				return n, err
			}
			s = exact.RoundBank(int32(prec)).String()
		}
		r, err := strconv.ParseFloat(s, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
				return n, err
			}
			return n, fmt.Errorf("rounded value too large to represent")
		}
		if r == 0 && math.Signbit(f) {
			r = math.Copysign(0, -1)
		}
		return pyNumber{kind: numFloat, f: r}, nil
	}
	// Decimal.__round__(n): quantize to 10**-n, half to even, at most 28
	// digits (the default context's precision).
	if prec > 400 || prec < -400 {
		return n, fmt.Errorf("[<class 'decimal.InvalidOperation'>]")
	}
	r := n.d.RoundBank(int32(prec))
	coef := new(big.Int).Set(r.Shift(int32(prec)).BigInt())
	if len(strings.TrimPrefix(coef.String(), "-")) > 28 {
		return n, fmt.Errorf("[<class 'decimal.InvalidOperation'>]")
	}
	return pyNumber{kind: numDecimal, d: decimal.NewFromBigInt(coef, int32(-prec))}, nil
}

// roundCeilFloor is math.ceil (or floor) of n * 10**prec, divided by
// 10**prec: a float.
func roundCeilFloor(n pyNumber, prec int, ceil bool) (float64, error) {
	if prec > 400 || prec < -400 {
		return 0, fmt.Errorf("the precision %d is out of range", prec)
	}
	round := math.Floor
	if ceil {
		round = math.Ceil
	}
	if prec < 0 {
		// 10**prec is a float: the product and the quotient are floats.
		p := math.Pow(10, float64(prec))
		m := n.float() * p
		if n.kind == numDecimal {
			m = bigFloat(n.d.Mul(decimal.NewFromFloat(p)))
		}
		if math.IsInf(m, 0) || math.IsNaN(m) {
			return 0, fmt.Errorf("cannot convert float infinity to integer")
		}
		return round(m) / p, nil
	}
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(prec)), nil)
	var c *big.Int
	switch n.kind {
	case numInt:
		c = big.NewInt(int64(n.i)) // an integer times 10**prec, over 10**prec
		c.Mul(c, pow)
	case numDecimal:
		m := n.d.Shift(int32(prec))
		if ceil {
			c = m.Ceil().BigInt()
		} else {
			c = m.Floor().BigInt()
		}
	default:
		if prec > 308 {
			return 0, fmt.Errorf("int too large to convert to float")
		}
		m := n.f * math.Pow10(prec)
		if math.IsInf(m, 0) || math.IsNaN(m) {
			return 0, fmt.Errorf("cannot convert float infinity to integer")
		}
		c, _ = new(big.Float).SetFloat64(round(m)).Int(nil)
	}
	f, _ := new(big.Rat).SetFrac(c, pow).Float64()
	return f, nil
}

func bigFloat(d decimal.Decimal) float64 {
	f, _ := d.Float64()
	return f
}
