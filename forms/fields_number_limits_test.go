package forms_test

import (
	"net/url"
	"runtime"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
)

// longNumberFields are the number fields a long digit string is sent to:
// each must refuse it at a cost that grows with its length, not its
// square (before the digit limit, a million digits took 6-12 s and about
// 2 GB per field).
func longNumberFields() []struct {
	name  string
	field func() forms.Field
	value func(digits string) string
	want  string // the error the field gives for a million digits
} {
	id := func(s string) string { return s }
	return []struct {
		name  string
		field func() forms.Field
		value func(digits string) string
		want  string
	}{
		{"IntegerField", func() forms.Field { return forms.NewIntegerField() }, id, "Enter a whole number."},
		{"IntegerField trailing .0", func() forms.Field { return forms.NewIntegerField() }, func(s string) string { return s + ".000" }, "Enter a whole number."},
		{"DecimalField", func() forms.Field { return forms.NewDecimalField() }, id, "Enter a number."},
		{"DecimalField fraction", func() forms.Field { return forms.NewDecimalField() }, func(s string) string { return "0." + s }, "Enter a number."},
		{"DecimalField max_digits", func() forms.Field {
			return &forms.DecimalField{FieldCore: forms.FieldCore{Required: true}, MaxDigits: forms.Int(5), DecimalPlaces: forms.Int(2), MaxValue: int64(100)}
		}, id, "Ensure that there are no more than 5 digits in total."},
		{"FloatField", func() forms.Field { return forms.NewFloatField() }, id, "Enter a number."},
		{"DurationField days", func() forms.Field { return forms.NewDurationField() }, func(s string) string { return s + " 00:00:00" },
			"The number of days must be between -999999999 and 999999999."},
	}
}

// TestLongNumbersLinear binds a million digits (a quarter of that with
// -short) to each number field and
// checks the error and the memory cleaning, change detection and
// rendering allocate: a bounded multiple of the input's size.
func TestLongNumbersLinear(t *testing.T) {
	n := 1 << 20
	if testing.Short() {
		n = 256 << 10 // still past the quadratic path's reach
	}
	digits := strings.Repeat("7", n)
	for _, tt := range longNumberFields() {
		t.Run(tt.name, func(t *testing.T) {
			decl := forms.Declare(forms.Named("n", tt.field()))
			data := url.Values{"n": {tt.value(digits)}}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f := decl.Bind(data, nil, forms.Options{})
			valid := f.IsValid()
			f.HasChanged()
			if _, err := f.Render(); err != nil {
				t.Fatalf("Render: %v", err)
			}
			runtime.ReadMemStats(&after)
			if valid {
				t.Fatal("a million digits are valid")
			}
			if got := f.Errors().Get("n").Messages()[0]; got != tt.want {
				t.Errorf("error %q, want %q", got, tt.want)
			}
			// The rendered form holds the value a few times over (every
			// style writes it once, escaped); quadratic parsing allocated
			// over 2 GB.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("cleaning and rendering 1 MiB allocated %d MiB", alloc>>20)
			}
		})
	}
}

// TestIntegerDigitLimit is Python 3.11's int() limit as Django's
// IntegerField shows it (testdata/cases-extra/h_digits_* hold the
// reference's answers for whole forms and formsets).
func TestIntegerDigitLimit(t *testing.T) {
	for _, tt := range []struct {
		in    string
		valid bool
	}{
		{strings.Repeat("1", 4300), true},
		{strings.Repeat("1", 4300) + ".0", true},
		{strings.Repeat("1", 4301), false},
		{strings.Repeat("0", 4301), false},
		{"-" + strings.Repeat("1_", 2200) + "1", true},
	} {
		_, err := forms.Clean(forms.NewIntegerField(), tt.in)
		if tt.valid && err != nil {
			t.Errorf("%d characters: %v", len(tt.in), err)
		}
		if !tt.valid && (err == nil || err.Error() != "Enter a whole number.") {
			t.Errorf("%d characters: %v, want Enter a whole number.", len(tt.in), err)
		}
	}
}

// TestDecimalMaxDigitsMessage: past the digit limit a DecimalField with
// max_digits answers with that setting's message, the field's own one
// when it has one.
func TestDecimalMaxDigitsMessage(t *testing.T) {
	f := &forms.DecimalField{FieldCore: forms.FieldCore{ErrorMessages: map[string]string{"max_digits": "Too long: at most %(max)s."}}, MaxDigits: forms.Int(1)}
	_, err := forms.Clean(f, strings.Repeat("9", 5000))
	if err == nil || err.Error() != "Too long: at most 1." {
		t.Fatalf("got %v", err)
	}
	big := &forms.DecimalField{MaxDigits: forms.Int(6000)}
	if _, err := forms.Clean(big, strings.Repeat("9", 5000)); err != nil {
		t.Fatalf("max_digits above the default limit raises it: %v", err)
	}
}

// BenchmarkCleanLongNumber cleans a number field bound to 1 KiB to 1 MiB
// of digits: ns/op grows tenfold with a tenfold input (it grew a
// hundredfold before the digit limit).
func BenchmarkCleanLongNumber(b *testing.B) {
	for _, tt := range longNumberFields() {
		for _, n := range []int{1 << 10, 10 << 10, 100 << 10, 1 << 20} {
			data := url.Values{"n": {tt.value(strings.Repeat("7", n))}}
			decl := forms.Declare(forms.Named("n", tt.field()))
			b.Run(strings.ReplaceAll(tt.name, " ", "_")+"/"+size(n), func(b *testing.B) {
				b.SetBytes(int64(n))
				for b.Loop() {
					f := decl.Bind(data, nil, forms.Options{})
					f.IsValid()
					f.HasChanged()
				}
			})
		}
	}
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return "1MiB"
	case n >= 100<<10:
		return "100KiB"
	case n >= 10<<10:
		return "10KiB"
	}
	return "1KiB"
}
