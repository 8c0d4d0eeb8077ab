package l10n_test

import (
	"fmt"
	"testing"

	"github.com/formwork/formwork/l10n"
)

// The expected values are the reference Django's sanitize_separators
// (with and without USE_THOUSAND_SEPARATOR) and number_format.
func TestSanitize(t *testing.T) {
	tests := []struct {
		lang, in  string
		thousands bool
		want      string
	}{
		{"de", "1234,5", false, "1234.5"},
		{"de", "1.234,5", false, "1.234.5"},
		{"de", "1.234,5", true, "1234.5"},
		{"de", "1.5", true, "1.5"},
		{"de", "1.234.567,89", true, "1234567.89"},
		{"fr", "1 234,5", true, "1234.5"},
		{"fr", "1\u00a0234,5", true, "1234.5"},
		{"en", "1,234.5", true, "1234.5"},
		{"en", "1,234.5", false, "1,234.5"},
		{"en", "1.5", false, "1.5"},
		{"pl", "-0,25", false, "-0.25"},
		{"ja", "3.25", false, "3.25"},
	}
	for _, tt := range tests {
		if got := l10n.For(tt.lang).Sanitize(tt.in, tt.thousands); got != tt.want {
			t.Errorf("%s: Sanitize(%q, %v) = %q, want %q", tt.lang, tt.in, tt.thousands, got, tt.want)
		}
	}
	var none *l10n.Formats
	if got := none.Sanitize("1.5", false); got != "1.5" {
		t.Errorf("nil formats: %q", got)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		f        *l10n.Formats
		in       string
		grouping bool
		want     string
	}{
		{l10n.For("de"), "1234567.891", true, "1.234.567,891"},
		{l10n.For("de"), "-1234.5", true, "-1.234,5"},
		{l10n.For("de"), "-1234.5", false, "-1234,5"},
		{l10n.For("hi"), "1234567.8", true, "1234567.8"},
		{l10n.For("fr"), "1234567", true, "1\u00a0234\u00a0567"},
		{l10n.For("en"), "-1234567.5", true, "-1,234,567.5"},
		{&l10n.Formats{DecimalSeparator: ".", ThousandSeparator: ",", NumberGrouping: []int{3, 2, 0}}, "1234567890", true, "1,23,45,67,890"},
		{&l10n.Formats{DecimalSeparator: ".", ThousandSeparator: ",", NumberGrouping: []int{3, 2}}, "1234567890", true, "1,23,45,67,890"},
		{&l10n.Formats{DecimalSeparator: ".", ThousandSeparator: ",", NumberGrouping: []int{4}}, "1234567890", true, "12,3456,7890"},
	}
	for _, tt := range tests {
		if got := tt.f.FormatNumber(tt.in, tt.grouping); got != tt.want {
			t.Errorf("%s: FormatNumber(%q) = %q, want %q", tt.f.Code, tt.in, got, tt.want)
		}
	}
}

func TestFor(t *testing.T) {
	if len(l10n.Codes()) != 98 {
		t.Errorf("%d languages with formats, want Django's 98", len(l10n.Codes()))
	}
	de := l10n.For("DE")
	if de == nil || de.DateInputFormats[0] != "%d.%m.%Y" || de.FirstDayOfWeek != 1 {
		t.Fatalf("de: %+v", de)
	}
	// Django appends the ISO format to a language's own.
	if last := de.DateInputFormats[len(de.DateInputFormats)-1]; last != "%Y-%m-%d" {
		t.Errorf("de's date input formats end with %q", last)
	}
	if l10n.For("tlh") != nil {
		t.Error("For(tlh) is not nil")
	}
	if l10n.English().Code != "en" {
		t.Errorf("English is %q", l10n.English().Code)
	}
}

func ExampleFormats_Sanitize() {
	pl := l10n.For("pl")
	fmt.Println(pl.Sanitize("1234,5", false))
	fmt.Println(pl.FormatNumber("1234.5", false))
	// Output:
	// 1234.5
	// 1234,5
}
