package validators

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestOverridesAndCallableLimit(t *testing.T) {
	limit := 10
	tests := []struct {
		name     string
		v        Validator
		value    any
		wantMsg  string
		wantCode string
	}{
		{"callable limit", &MinValueValidator{LimitValue: func() any { return limit }}, 9,
			"Ensure this value is greater than or equal to 10.", "min_value"},
		{"typed callable", &MaxValueValidator{LimitValue: func() float64 { return 0.5 }}, 0.75,
			"Ensure this value is less than or equal to 0.5.", "max_value"},
		{"code override", &MaxLengthValidator{LimitValue: 1, Code: "short"}, "ab",
			"Ensure this value has at most 1 character (it has 2).", "short"},
		{"message override", &StepValueValidator{LimitValue: 2, Message: "Even, please (%(value)s)."}, 3,
			"Even, please (3).", "step_size"},
		{"regex code", &RegexValidator{Regex: "^x", Code: "x"}, "y", "Enter a valid value.", "x"},
		{"ip message", &IPAddressValidator{Protocol: "IPV4", Message: "IPv4!"}, "::1", "IPv4!", "invalid"},
		{"url max length", &URLValidator{MaxLength: 20}, "http://example.com/abc", "Enter a valid URL.", "invalid"},
		{"zero URLValidator", &URLValidator{}, "ftp://x", "Enter a valid URL.", "invalid"},
		{"zero DecimalValidator", Decimal(-1, -1), "NaN", "Enter a number.", "invalid"},
		{"float NaN decimal", Decimal(5, 2), math.NaN(), "Enter a number.", "invalid"},
		{"float decimal", Decimal(3, 1), 1.25, "Ensure that there are no more than 1 decimal place.", "max_decimal_places"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Validate(tt.value)
			ve, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("Validate(%v) = %v, want a ValidationError", tt.value, err)
			}
			if ve.Error() != tt.wantMsg || ve.Code != tt.wantCode {
				t.Errorf("got %q (%s), want %q (%s)", ve.Error(), ve.Code, tt.wantMsg, tt.wantCode)
			}
		})
	}
}

// Decimal values are checked against decimal steps exactly, as the
// project asked, where Django converts both to float and allows 1e-9.
// These are the cases where the two differ.
func TestStepValueDecimalExact(t *testing.T) {
	tests := []struct {
		value, step string
		valid       bool // Django: the opposite
	}{
		{"1.0000000001", "1", false},
		{"0.9999999999", "1", false},
		{"10000000000000000.1", "0.1", true},
		{"123456789012345678", "3", true},
	}
	for _, tt := range tests {
		err := StepValue(decimal.RequireFromString(tt.step)).Validate(decimal.RequireFromString(tt.value))
		if (err == nil) != tt.valid {
			t.Errorf("StepValue(%s).Validate(%s) = %v, want valid=%v", tt.step, tt.value, err, tt.valid)
		}
	}
}

func TestMisuseIsPlainError(t *testing.T) {
	tests := []struct {
		name  string
		v     Validator
		value any
	}{
		{"length of int", MinLength(1), 5},
		{"length of nil", MaxLength(1), nil},
		{"compare string and int", MinValue(1), "a"},
		{"zero step", StepValue(0), 1},
		{"zero decimal step", StepValue(decimal.Zero), decimal.NewFromInt(1)},
		{"step of string", StepValue(1), "a"},
		{"email of int", Email(), 5},
		{"file without name", FileExtension("txt"), 5},
		{"decimal of bool", Decimal(1, 1), struct{}{}},
		{"unknown protocol", &IPAddressValidator{Protocol: "ipv5"}, "1.2.3.4"},
		{"bad regex", &RegexValidator{Regex: "(?=a)"}, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Validate(tt.value)
			var ve *ValidationError
			if err == nil || errors.As(err, &ve) {
				t.Fatalf("Validate(%v) = %v, want a plain error", tt.value, err)
			}
		})
	}
}

func TestIPAddressValidators(t *testing.T) {
	for _, p := range []string{"both", "ipv4", "ipv6", "IPv4"} {
		vs, msg, err := IPAddressValidators(p, false)
		if err != nil || len(vs) != 1 || !strings.HasPrefix(msg, "Enter a valid IPv") {
			t.Errorf("IPAddressValidators(%q) = %v, %q, %v", p, vs, msg, err)
		}
	}
	if _, _, err := IPAddressValidators("ipv4", true); err == nil {
		t.Error("unpack_ipv4 with ipv4 should be an error")
	}
	if _, _, err := IPAddressValidators("ipv5", false); err == nil || !strings.Contains(err.Error(), "ipv5") {
		t.Errorf("unknown protocol: %v", err)
	}
}

func TestPunycode(t *testing.T) {
	// Expected values from Python's "idna" codec.
	tests := []struct{ in, want string }{
		{"bücher.de", "xn--bcher-kva.de"},
		{"例え.テスト", "xn--r8jz45g.xn--zckzah"},
		{"ÉXAMPLE.com.", "xn--xample-9ua.com."},
		{"a\u3002b", "a.b"},
		{"ﬁ.com", "fi.com"},
		{"мой-сайт.рф", "xn----8sbzclmxk.xn--p1ai"},
	}
	for _, tt := range tests {
		got, err := punycode(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("punycode(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"a..b", "ä" + strings.Repeat("a", 70), "a\u200eb.com", "xn--ä.com"} {
		if got, err := punycode(bad); err == nil {
			t.Errorf("punycode(%q) = %q, want an error", bad, got)
		}
	}
}

func ExampleURLValidator() {
	v := URL()
	for _, u := range []string{"https://例え.テスト/path", "http://-bad.example/", "file:///etc/passwd"} {
		fmt.Printf("%s: %v\n", u, v.Validate(u))
	}
	// Output:
	// https://例え.テスト/path: <nil>
	// http://-bad.example/: Enter a valid URL.
	// file:///etc/passwd: Enter a valid URL.
}

func ExampleStepValue() {
	step := StepValue(decimal.RequireFromString("0.1"))
	fmt.Println(step.Validate(decimal.RequireFromString("0.3")))
	fmt.Println(step.Validate(decimal.RequireFromString("0.35")))
	// Output:
	// <nil>
	// Ensure this value is a multiple of step size 0.1.
}
