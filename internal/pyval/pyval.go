// Package pyval compares and tests values as Python does: == across
// number types and lists, and bool(v). It serves the forms packages,
// which follow Django's semantics; it is not part of formwork's API.
package pyval

import (
	"reflect"
	"time"

	"github.com/shopspring/decimal"
)

// Equal compares two values as Python's == does for the values fields
// produce: numbers of any kind by value (True is 1), decimals exactly,
// lists element by element, everything else by Go equality.
func Equal(a, b any) bool {
	if na, ok := number(a); ok {
		if nb, ok := number(b); ok {
			return na.Equal(nb)
		}
		return false
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case nil:
		return b == nil
	}
	la, okA := list(a)
	lb, okB := list(b)
	if okA && okB {
		if len(la) != len(lb) {
			return false
		}
		for i := range la {
			if !Equal(la[i], lb[i]) {
				return false
			}
		}
		return true
	}
	if okA != okB {
		return false
	}
	defer func() { _ = recover() }() // uncomparable values are unequal
	return reflect.DeepEqual(a, b)
}

func number(v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case int:
		return decimal.NewFromInt(int64(x)), true
	case int64:
		return decimal.NewFromInt(x), true
	case int32:
		return decimal.NewFromInt(int64(x)), true
	case float64:
		return decimal.NewFromFloat(x), true
	case decimal.Decimal:
		return x, true
	case bool:
		if x {
			return decimal.NewFromInt(1), true
		}
		return decimal.Zero, true
	case time.Duration:
		return decimal.NewFromInt(int64(x)), false
	}
	return decimal.Decimal{}, false
}

func list(v any) ([]any, bool) {
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
	return nil, false
}

// Truthy is Python's bool(v) for the values forms hold: zero numbers
// (a Decimal or a Duration too, as Decimal("0") and timedelta(0) are
// false), empty strings and empty lists or dicts are false.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case decimal.Decimal:
		return !x.IsZero()
	case time.Duration:
		return x != 0
	}
	switch r := reflect.ValueOf(v); r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return !r.IsZero()
	case reflect.Slice, reflect.Map, reflect.Array, reflect.String:
		return r.Len() > 0
	case reflect.Pointer, reflect.Interface:
		return !r.IsNil()
	}
	return true
}
