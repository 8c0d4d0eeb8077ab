package validators_test

// Fuzz targets of the number validators. Run one for a minute with
//
//	go test -run='^$' -fuzz=FuzzStepValueDecimal -fuzztime=60s ./validators
//
// (see loadtest/README.md for every target of the project).

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/validators"
)

// maxFuzzNumber caps the length of a fuzzed decimal string: the
// validators must be cheap for any value a field lets through, and a short
// string can already carry an exponent of a billion.
const maxFuzzNumber = 64

// FuzzStepValueDecimal checks StepValue, MinValue, MaxValue and Decimal on
// arbitrary decimal strings: none may panic or take time or memory in
// proportion to an exponent, and StepValue must agree with exact rational
// arithmetic whenever the exponents are small enough to compute it.
func FuzzStepValueDecimal(f *testing.F) {
	seeds := [][2]string{
		{"1.5", "0.5"}, {"1.25", "0.5"}, {"0", "0.1"}, {"-3", "1.5"},
		{"10", "3"}, {"1e3", "0.001"}, {"1E-7", "1e-8"}, {"123456789.123456789", "0.000000001"},
		{"1e2000000000", "1"}, {"1", "1e-2000000000"}, {"1e-2000000000", "7"},
		{"9e2147483647", "3e-2147483648"}, {"0.0", "0.00"}, {"-0", "2"},
		{"1", "0"}, {"NaN", "1"}, {"Infinity", "2"}, {"1.0000000000000000000000001", "0.1"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, value, step string) {
		if len(value) > maxFuzzNumber || len(step) > maxFuzzNumber {
			return
		}
		v, errV := decimal.NewFromString(value)
		s, errS := decimal.NewFromString(step)
		if errV != nil || errS != nil {
			// The validators still take what a caller passes: a
			// string is not a number and must be an error, not a panic.
			_ = validators.StepValue(step).Validate(value)
			_ = validators.Decimal(5, 2).Validate(value)
			return
		}
		for _, val := range []validators.Validator{
			validators.StepValue(s),
			validators.MinValue(s),
			validators.MaxValue(s),
			validators.Decimal(10, 3),
			validators.Decimal(0, 0),
		} {
			if err := val.Validate(v); err != nil {
				// Messages are formatted with the value: that must be
				// cheap too.
				if len(err.Error()) > 10*maxFuzzNumber+200 {
					t.Fatalf("%T(%s).Validate(%s): message of %d bytes", val, step, value, len(err.Error()))
				}
			}
		}
		// Integers against a decimal step take the decimal path too.
		if v.IsInteger() && v.Exponent() >= 0 && v.Exponent() < 10 && v.Coefficient().IsInt64() {
			_ = validators.StepValue(s).Validate(v.IntPart())
		}

		if s.IsZero() {
			var ve *validators.ValidationError
			if err := validators.StepValue(s).Validate(v); err == nil || errors.As(err, &ve) {
				t.Fatalf("StepValue(%s).Validate(%s) = %v; want a plain error for a zero step", step, value, err)
			}
			return
		}
		// Exact answer for modest exponents: v/s is an integer.
		if abs32(v.Exponent()) > 400 || abs32(s.Exponent()) > 400 {
			return
		}
		q := new(big.Rat).Quo(v.Rat(), s.Rat())
		want := q.IsInt()
		err := validators.StepValue(s).Validate(v)
		if got := err == nil; got != want {
			t.Fatalf("StepValue(%s).Validate(%s) = %v; want multiple=%v", step, value, err, want)
		}
		if err != nil {
			var ve *validators.ValidationError
			if !errors.As(err, &ve) || !strings.Contains(ve.Error(), "multiple of step size") {
				t.Fatalf("StepValue(%s).Validate(%s) = %v; want Django's step_size error", step, value, err)
			}
		}
	})
}

func abs32(n int32) int64 {
	if n < 0 {
		return -int64(n)
	}
	return int64(n)
}
