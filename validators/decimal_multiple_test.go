package validators

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestSmallDecimalMultiple checks the machine-integer test against the
// exact one in math/big.
func TestSmallDecimalMultiple(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	coef := func() int64 {
		switch r.IntN(4) {
		case 0:
			return r.Int64N(1e18) - 5e17
		case 1:
			return (r.Int64N(2000) - 1000) * 1000
		default:
			return r.Int64N(200) - 100
		}
	}
	for i := 0; i < 200000; i++ {
		a := decimal.New(coef(), int32(r.IntN(40)-20))
		b := decimal.New(coef(), int32(r.IntN(40)-20))
		if a.IsZero() || b.IsZero() {
			continue
		}
		got, ok := smallDecimalMultiple(a, b)
		if !ok {
			continue
		}
		if want := bigDecimalMultiple(a, b); got != want {
			t.Fatalf("%s multiple of %s: got %v, want %v", a, b, got, want)
		}
	}
	for _, c := range []struct{ a, b string }{{"12.34", "0.01"}, {"12.345", "0.01"}, {"-4.5", "1.5"}, {"100", "0.25"}, {"1e30", "3"}} {
		a, b := decimal.RequireFromString(c.a), decimal.RequireFromString(c.b)
		got, ok := smallDecimalMultiple(a, b)
		if want := bigDecimalMultiple(a, b); ok && got != want {
			t.Fatalf("%s multiple of %s: got %v, want %v", a, b, got, want)
		}
	}
}
