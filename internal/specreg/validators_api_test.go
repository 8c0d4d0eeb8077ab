package specreg

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/formwork/formwork/validators"
	"github.com/shopspring/decimal"
)

func TestValidatorByNameErrors(t *testing.T) {
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
			v, err := ValidatorByName(tt.class, tt.args)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ValidatorByName(%q, %v) = %v, %v; want error containing %q", tt.class, tt.args, v, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.class) {
				t.Errorf("error %q does not name %s", err, tt.class)
			}
		})
	}
}

func TestValidatorByNameArguments(t *testing.T) {
	// The whole case object, "type" included, may be passed; JSON numbers
	// that are whole become ints, so the message shows "3", not "3.0".
	v, err := ValidatorByName("StepValueValidator", map[string]any{"type": "StepValueValidator", "limit_value": 3.0})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Validate(4).Error(); got != "Ensure this value is a multiple of step size 3." {
		t.Errorf("got %q", got)
	}
	// A decimal string is a decimal limit, kept exact.
	v, err = ValidatorByName("MaxValueValidator", map[string]any{"limit_value": "1.50"})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Validate(decimal.RequireFromString("1.51")).Error(); got != "Ensure this value is less than or equal to 1.50." {
		t.Errorf("got %q", got)
	}
	v, err = ValidatorByName("MinValueValidator", map[string]any{"limit_value": map[string]any{"$duration": 90}})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(60_000_000_000 * 1); err == nil {
		t.Error("an int compared with a duration should be an error")
	}
}

func ExampleValidatorByName() {
	v, err := ValidatorByName("MinLengthValidator", map[string]any{"limit_value": 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	err = v.Validate("xy")
	var ve *validators.ValidationError
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

func TestDecodeValue(t *testing.T) {
	if _, err := DecodeLookups(map[string]any{"price": map[string]any{"$money": "1"}}); err == nil || !strings.Contains(err.Error(), `price: unknown typed value "$money"`) {
		t.Errorf("DecodeLookups($money) error = %v", err)
	}
	got, err := DecodeList([]any{map[string]any{"$pk": 2.0}, map[string]any{"$decimal": "1.50"}, "x"})
	if err != nil {
		t.Fatal(err)
	}
	if l := got.([]any); l[0] != int64(2) || l[1].(decimal.Decimal).String() != "1.5" || l[2] != "x" {
		t.Errorf("DecodeList = %#v", got)
	}
}
