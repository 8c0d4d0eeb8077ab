package validators

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestByNameErrors(t *testing.T) {
	tests := []struct {
		class string
		args  map[string]any
		want  string // in the error
	}{
		{"NoSuchValidator", nil, `unknown validator "NoSuchValidator"`},
		{"MinValueValidator", map[string]any{}, "missing required argument limit_value"},
		{"MinValueValidator", map[string]any{"limit_value": 1.5, "code": "x"}, "unexpected argument code"},
		{"MinLengthValidator", map[string]any{"limit_value": 1.5}, "limit_value must be an integer"},
		{"MinLengthValidator", map[string]any{"limit_value": "3"}, "limit_value must be an integer"},
		{"RegexValidator", map[string]any{"regex": 5}, "regex must be a string"},
		{"RegexValidator", map[string]any{"regex": `(?<=a)b`}, "lookaround"},
		{"RegexValidator", map[string]any{"regex": `(a)\1`}, "backreferences"},
		{"RegexValidator", map[string]any{"regex": `a`, "flags": 64}, "unsupported flags"},
		{"RegexValidator", map[string]any{"regex": `[a`}, "unterminated character set"},
		{"URLValidator", map[string]any{"schemes": "http"}, "schemes must be a list of strings"},
		{"EmailValidator", map[string]any{"allowlist": []any{1}}, "allowlist must be a list of strings"},
		{"DecimalValidator", map[string]any{"max_digits": 5}, "missing required argument decimal_places"},
		{"StepValueValidator", map[string]any{"limit_value": map[string]any{"$nope": "1"}}, `unknown typed value "$nope"`},
		{"validate_slug", map[string]any{"message": "x"}, "unexpected argument message"},
		{"int_list_validator", map[string]any{"allow_negative": "yes"}, "allow_negative must be a boolean"},
	}
	for _, tt := range tests {
		t.Run(tt.class+"_"+tt.want, func(t *testing.T) {
			v, err := ByName(tt.class, tt.args)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ByName(%q, %v) = %v, %v; want error containing %q", tt.class, tt.args, v, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.class) {
				t.Errorf("error %q does not name %s", err, tt.class)
			}
		})
	}
}

func TestByNameArguments(t *testing.T) {
	// The whole case object, "type" included, may be passed; JSON numbers
	// that are whole become ints, so the message shows "3", not "3.0".
	v, err := ByName("StepValueValidator", map[string]any{"type": "StepValueValidator", "limit_value": 3.0})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Validate(4).Error(); got != "Ensure this value is a multiple of step size 3." {
		t.Errorf("got %q", got)
	}
	// A decimal string is a decimal limit, kept exact.
	v, err = ByName("MaxValueValidator", map[string]any{"limit_value": "1.50"})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Validate(decimal.RequireFromString("1.51")).Error(); got != "Ensure this value is less than or equal to 1.50." {
		t.Errorf("got %q", got)
	}
	v, err = ByName("MinValueValidator", map[string]any{"limit_value": map[string]any{"$duration": 90}})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(60_000_000_000 * 1); err == nil {
		t.Error("an int compared with a duration should be an error")
	}
}

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
		{"float NaN decimal", Decimal(5, 2), nanFloat(), "Enter a number.", "invalid"},
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

func ExampleByName() {
	v, err := ByName("MinLengthValidator", map[string]any{"limit_value": 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	err = v.Validate("xy")
	var ve *ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Code)
		fmt.Println(ve.Message)
		fmt.Println(ve.Error())
	}
	// Output:
	// min_length
	// Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).
	// Ensure this value has at least 3 characters (it has 2).
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
