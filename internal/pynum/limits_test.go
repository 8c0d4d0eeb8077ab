package pynum

import (
	"errors"
	"strings"
	"testing"
)

// TestParseIntDigitLimit holds Python 3.11's answers for int() at and
// past its 4,300-digit limit (python3 -c 'int("1"*4301)' raises
// ValueError; leading zeros count, underscores and whitespace do not).
func TestParseIntDigitLimit(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		ok   bool
	}{
		{"4300 digits", strings.Repeat("1", 4300), true},
		{"4301 digits", strings.Repeat("1", 4301), false},
		{"4301 zeros", strings.Repeat("0", 4301), false},
		{"leading zeros count", strings.Repeat("0", 4300) + "1", false},
		{"underscores do not count", strings.Repeat("1_", 2200) + "1", true},
		{"sign and spaces do not count", " -" + strings.Repeat("9", 4300) + " ", true},
		{"Arabic-Indic digits count", strings.Repeat("\u0661", 4301), false},
		{"a million digits", strings.Repeat("7", 1_000_000), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseInt(tt.in)
			if tt.ok && err != nil {
				t.Fatalf("ParseInt: %v, Python accepts it", err)
			}
			if !tt.ok && !errors.Is(err, ErrTooManyDigits) {
				t.Fatalf("ParseInt: %v, want ErrTooManyDigits", err)
			}
			if !tt.ok && !errors.Is(err, ErrSyntax) {
				t.Fatalf("ErrTooManyDigits must wrap ErrSyntax (Python raises ValueError for both)")
			}
		})
	}
}

func TestParseDecimalDigitLimit(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		max  int
		want error
	}{
		{"at the limit", strings.Repeat("1", 10), 10, nil},
		{"past the limit", strings.Repeat("1", 11), 10, ErrTooManyDigits},
		{"fraction digits count", "1." + strings.Repeat("1", 10), 10, ErrTooManyDigits},
		{"leading zeros do not", strings.Repeat("0", 100_000) + "1.5", 10, nil},
		{"nor zeros after the point", "0." + strings.Repeat("0", 5000) + "1", 10, nil},
		{"trailing zeros do", "1" + strings.Repeat("0", 10), 10, ErrTooManyDigits},
		{"exponent digits do not", "1e" + "1000", 1, nil},
		{"not a number is a syntax error", "x" + strings.Repeat("1", 100), 10, ErrSyntax},
		{"underscores ignored", "1_1_1", 3, nil},
		{"default limit", strings.Repeat("3", DefaultMaxDecimalDigits+1), DefaultMaxDecimalDigits, ErrTooManyDigits},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDecimalMax(tt.in, tt.max)
			if tt.want == nil && err != nil {
				t.Fatalf("ParseDecimalMax: %v", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("ParseDecimalMax: %v, want %v", err, tt.want)
			}
			if errors.Is(tt.want, ErrSyntax) && tt.want == ErrSyntax && IsTooManyDigits(err) {
				t.Fatalf("a string that is no number must not be reported as too long")
			}
		})
	}
	if _, err := ParseDecimal(strings.Repeat("3", DefaultMaxDecimalDigits+1)); !IsTooManyDigits(err) {
		t.Errorf("ParseDecimal past DefaultMaxDecimalDigits: %v, want ErrTooManyDigits", err)
	}
}

func TestSignificantDigits(t *testing.T) {
	for in, want := range map[string]int{
		"0": 1, "000": 1, "0.000": 1, "000120.50": 5, "1e5": 1, "-12.3E-7": 3, "\u0661\u0660": 2,
	} {
		if got := SignificantDigits(in, 100); got != want {
			t.Errorf("SignificantDigits(%q) = %d, want %d", in, got, want)
		}
	}
}

// BenchmarkParseLong shows that refusing a long number costs time in
// proportion to its length (run with -bench ParseLong and compare ns/op
// across sizes: ten times the input, about ten times the time).
func BenchmarkParseLong(b *testing.B) {
	for _, n := range []int{1 << 10, 10 << 10, 100 << 10, 1 << 20} {
		s := strings.Repeat("7", n)
		b.Run("int/"+sizeName(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				ParseInt(s)
			}
		})
		b.Run("decimal/"+sizeName(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				ParseDecimal(s)
			}
		})
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return itoa(n>>20) + "MiB"
	}
	return itoa(n>>10) + "KiB"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
