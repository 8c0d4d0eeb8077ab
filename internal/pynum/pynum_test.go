package pynum

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"strconv"
	"testing"
)

// testdata/pynum.json holds Python's answers, written by testdata/gen.py:
// for each input, str(int(s)), float(s).hex() and Decimal(s).as_tuple(),
// or null where Python raises.
type pyCase struct {
	In      string          `json:"in"`
	Int     *string         `json:"int"`
	Float   *string         `json:"float"`
	Decimal json.RawMessage `json:"decimal"`
}

type pyDecimal struct {
	Str    string `json:"str"`
	Sign   int    `json:"sign"`
	Digits string `json:"digits"`
	Exp    int32  `json:"exp"`
}

func load(t *testing.T) []pyCase {
	t.Helper()
	raw, err := os.ReadFile("testdata/pynum.json")
	if err != nil {
		t.Fatal(err)
	}
	var cs []pyCase
	if err := json.Unmarshal(raw, &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs) < 300 {
		t.Fatalf("only %d cases", len(cs))
	}
	return cs
}

func TestParseInt(t *testing.T) {
	for _, tc := range load(t) {
		v, err := ParseInt(tc.In)
		if tc.Int == nil {
			if err == nil {
				t.Errorf("ParseInt(%q) = %v, Python rejects it", tc.In, v)
			} else if !errors.Is(err, ErrSyntax) {
				t.Errorf("ParseInt(%q) error %v, want ErrSyntax", tc.In, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseInt(%q): %v, Python says %s", tc.In, err, *tc.Int)
			continue
		}
		var got string
		switch x := v.(type) {
		case int64:
			got = strconv.FormatInt(x, 10)
		case *big.Int:
			if x.IsInt64() {
				t.Errorf("ParseInt(%q) = *big.Int %v that fits in int64", tc.In, x)
			}
			got = x.String()
		default:
			t.Fatalf("ParseInt(%q) returned %T", tc.In, v)
		}
		if got != *tc.Int {
			t.Errorf("ParseInt(%q) = %s, Python says %s", tc.In, got, *tc.Int)
		}
	}
}

func TestParseFloat(t *testing.T) {
	for _, tc := range load(t) {
		f, err := ParseFloat(tc.In)
		if tc.Float == nil {
			if err == nil {
				t.Errorf("ParseFloat(%q) = %v, Python rejects it", tc.In, f)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseFloat(%q): %v, Python says %s", tc.In, err, *tc.Float)
			continue
		}
		if *tc.Float == "nan" {
			if !math.IsNaN(f) {
				t.Errorf("ParseFloat(%q) = %v, want NaN", tc.In, f)
			}
			continue
		}
		want, err := strconv.ParseFloat(*tc.Float, 64)
		if err != nil {
			t.Fatalf("bad hex float %q in corpus", *tc.Float)
		}
		if math.Float64bits(f) != math.Float64bits(want) {
			t.Errorf("ParseFloat(%q) = %v, Python says %v", tc.In, f, want)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	for _, tc := range load(t) {
		d, err := ParseDecimal(tc.In)
		switch string(tc.Decimal) {
		case "null":
			if err == nil {
				t.Errorf("ParseDecimal(%q) = %v, Python rejects it", tc.In, d)
			} else if !errors.Is(err, ErrSyntax) {
				t.Errorf("ParseDecimal(%q) error %v, want ErrSyntax", tc.In, err)
			}
			continue
		case `"nonfinite"`:
			if !errors.Is(err, ErrNotFinite) {
				t.Errorf("ParseDecimal(%q) = %v, %v; want ErrNotFinite", tc.In, d, err)
			}
			continue
		}
		var want pyDecimal
		if err := json.Unmarshal(tc.Decimal, &want); err != nil {
			t.Fatal(err)
		}
		if want.Exp > 10000 || want.Exp < -10000 {
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("ParseDecimal(%q) = %v, %v; want ErrSyntax for an exponent out of range", tc.In, d, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v, Python says %s", tc.In, err, want.Str)
			continue
		}
		// Compare coefficient and exponent, not just the value: Python
		// prints Decimal("1.50") and Decimal("1.5") differently. The sign
		// of a zero is lost, shopspring/decimal having no negative zero.
		coef := new(big.Int).Abs(d.Coefficient()).String()
		neg := d.Coefficient().Sign() < 0
		if coef != want.Digits || d.Exponent() != want.Exp || (coef != "0" && neg != (want.Sign == 1)) {
			t.Errorf("ParseDecimal(%q) = %se%d (neg %v), Python says %s (digits %s, exp %d)",
				tc.In, coef, d.Exponent(), neg, want.Str, want.Digits, want.Exp)
		}
	}
}

func TestTrimSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x1c\x1d 1 \x1e\x1f", "1"},
		{"\u00a0\u3000x\u2028", "x"},
		{"\u200bx", "\u200bx"}, // zero-width space is not whitespace to Python
		{"", ""},
	}
	for _, tt := range tests {
		if got := TrimSpace(tt.in); got != tt.want {
			t.Errorf("TrimSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleParseDecimal() {
	d, _ := ParseDecimal(" 1.50 ")
	fmt.Println(d.Coefficient(), d.Exponent())
	n, _ := ParseInt("١_٢")
	fmt.Println(n)
	_, err := ParseInt("1e3")
	fmt.Println(err)
	// Output:
	// 150 -2
	// 12
	// invalid number syntax
}

// TestParseFastPaths checks that the shortcuts for plain numbers read
// exactly what the general paths read, exponent included.
func TestParseFastPaths(t *testing.T) {
	for _, s := range []string{
		"0", "7", "-7", "007", "9.99", "-9.99", "007.50", "0.000", "10.0", "123456789012345678",
		"-123456789012345678", "12345678901234567.8", "1.", ".5", "-", "-.5", "1.2.3", "00", "-0", "-0.0",
	} {
		if plainDecimal(s) {
			want, err := parseDecimal(s, DefaultMaxDecimalDigits)
			if err != nil {
				t.Errorf("parseDecimal(%q): %v", s, err)
				continue
			}
			got, err := ParseDecimal(s)
			if err != nil || got.String() != want.String() || got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
				t.Errorf("ParseDecimal(%q) = %v (exp %d), %v; want %v (exp %d)", s, got, got.Exponent(), err, want, want.Exponent())
			}
		}
		if n, ok := plainInt(s); ok {
			s2 := trimNumberSpace(s)
			want, err := ParseInt(" " + s2 + " ") // the general path
			if err != nil || want != n {
				t.Errorf("plainInt(%q) = %d; ParseInt = %v, %v", s, n, want, err)
			}
		}
	}
}
