package specreg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/formwork/formwork/validators"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/shopspring/decimal"
)

// djangoCase is one case of testdata/validators/cases.json, made by
// testdata/gen_cases.py from Django's own validators.
type djangoCase struct {
	Validator string          `json:"validator"`
	Args      map[string]any  `json:"args"`
	Value     json.RawMessage `json:"value"`
	Expect    *struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Params  map[string]string `json:"params"`
		Raises  string            `json:"raises"`
	} `json:"expect"`
}

// fileName is a value with a name, as Django's File.
type fileName string

func (f fileName) Name() string { return string(f) }

// decodeValue turns a case's value into the Go value a field would pass.
func decodeValue(t *testing.T, raw json.RawMessage) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("bad value %s: %v", raw, err)
	}
	return validatorValue(t, v)
}

func validatorValue(t *testing.T, v any) any {
	switch x := v.(type) {
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			t.Fatalf("bad integer %s", x)
		}
		return int(n)
	case []any:
		for i := range x {
			x[i] = validatorValue(t, x[i])
		}
		return x
	case map[string]any:
		for k, s := range x {
			s := s.(string)
			switch k {
			case "$float":
				var f float64
				if _, err := fmt.Sscan(s, &f); err != nil && s != "nan" {
					t.Fatalf("bad float %q", s)
				}
				if s == "nan" {
					return nanFloat()
				}
				return f
			case "$decimal":
				return s // parsed below: may be NaN or Infinity
			case "$date":
				d, err := time.Parse("2006-01-02", s)
				if err != nil {
					t.Fatal(err)
				}
				return d
			case "$file":
				return fileName(s)
			}
		}
		t.Fatalf("unknown typed value %v", x)
	}
	return v
}

func nanFloat() float64 {
	zero := 0.0
	return zero / zero
}

func TestDjangoCases(t *testing.T) {
	data, err := os.ReadFile("testdata/validators/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []djangoCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 400 {
		t.Fatalf("only %d cases in testdata/validators/cases.json", len(cases))
	}
	for i, c := range cases {
		name := fmt.Sprintf("%d_%s_%s", i, c.Validator, strings.Trim(string(c.Value), `"`))
		t.Run(name, func(t *testing.T) {
			v, err := ValidatorByName(c.Validator, c.Args)
			if err != nil && c.Expect != nil && c.Expect.Raises != "" {
				return // Django raises on first use; ByName already refuses.
			}
			if err != nil {
				t.Fatalf("ValidatorByName(%q, %v): %v", c.Validator, c.Args, err)
			}
			value := decodeValue(t, c.Value)
			if s, ok := value.(string); ok && strings.Contains(string(c.Value), `"$decimal"`) {
				if d, err := decimal.NewFromString(s); err == nil {
					value = d
				} // NaN and the infinities stay strings, which Decimal reads.
			}
			got := v.Validate(value)
			switch {
			case c.Expect == nil:
				if got != nil {
					t.Fatalf("Validate(%#v) = %v, want nil", value, got)
				}
			case c.Expect.Raises != "":
				var ve *validators.ValidationError
				if got == nil || errors.As(got, &ve) {
					t.Fatalf("Validate(%#v) = %v, want a plain error (Django raises %s)", value, got, c.Expect.Raises)
				}
			default:
				ve, ok := got.(*validators.ValidationError)
				if !ok {
					t.Fatalf("Validate(%#v) = %v (%T), want ValidationError %q", value, got, got, c.Expect.Message)
				}
				if ve.Code != c.Expect.Code || ve.Text(nil) != c.Expect.Message {
					t.Errorf("Validate(%#v) = %q (%s), want %q (%s)", value, ve.Text(nil), ve.Code, c.Expect.Message, c.Expect.Code)
				}
				for k, want := range c.Expect.Params {
					if k == "value" && strings.ContainsAny(string(c.Value), "[{") {
						continue // pyfmt has no str() of lists and typed values
					}
					if got := pyfmt.Str(ve.Params[k]); got != want {
						t.Errorf("param %s = %q, want %q", k, got, want)
					}
				}
				if len(ve.Params) != len(c.Expect.Params) {
					t.Errorf("params %v, want %v", ve.Params, c.Expect.Params)
				}
			}
		})
	}
}
