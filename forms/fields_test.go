package forms_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/pyjson"
	"github.com/formwork/formwork/validators"
)

var (
	ab  = []forms.Choice{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}}
	num = []forms.Choice{{Value: "1", Label: "One"}, {Value: "2", Label: "Two"}}
)

func optional[F forms.Field](f F) F {
	f.Core().Optional = true
	return f
}

// fieldBuilders build the fields of testdata/gen_fields.py, key for key.
var fieldBuilders = map[string]func() forms.Field{
	"char":     func() forms.Field { return forms.NewCharField() },
	"char_opt": func() forms.Field { return optional(forms.NewCharField()) },
	"char_len": func() forms.Field {
		f := forms.NewCharField()
		f.MinLength, f.MaxLength = 2, 5
		return f
	},
	"char_nostrip": func() forms.Field {
		f := optional(forms.NewCharField())
		f.NoStrip = true
		return f
	},
	"char_empty_none": func() forms.Field {
		f := optional(forms.NewCharField())
		f.EmptyNil = true
		return f
	},
	"char_msgs": func() forms.Field {
		f := forms.NewCharField()
		f.MaxLength = 3
		f.ErrorMessages = map[string]string{
			"required":   "Say something.",
			"max_length": "At most %(limit_value)d, not %(show_value)d.",
		}
		return f
	},
	"int":     func() forms.Field { return forms.NewIntegerField() },
	"int_opt": func() forms.Field { return optional(forms.NewIntegerField()) },
	"int_range": func() forms.Field {
		f := forms.NewIntegerField()
		f.MinValue, f.MaxValue = new(int64(1)), new(int64(10))
		return f
	},
	"int_step": func() forms.Field {
		f := forms.NewIntegerField()
		f.StepSize = 5
		return f
	},
	"float": func() forms.Field { return forms.NewFloatField() },
	"float_range": func() forms.Field {
		f := forms.NewFloatField()
		f.MinValue, f.MaxValue = new(0.5), new(1.5)
		return f
	},
	"decimal": func() forms.Field {
		f := forms.NewDecimalField()
		f.MaxDigits, f.DecimalPlaces = new(5), new(2)
		return f
	},
	"decimal_opt":  func() forms.Field { return optional(forms.NewDecimalField()) },
	"bool":         func() forms.Field { return forms.NewBooleanField() },
	"bool_opt":     func() forms.Field { return optional(forms.NewBooleanField()) },
	"nullbool":     func() forms.Field { return forms.NewNullBooleanField() },
	"choice":       func() forms.Field { return forms.NewChoiceField(ab...) },
	"choice_opt":   func() forms.Field { return optional(forms.NewChoiceField(ab...)) },
	"typed_choice": func() forms.Field { return forms.NewTypedChoiceField(forms.CoerceInt, num...) },
	"typed_choice_none": func() forms.Field {
		f := optional(forms.NewTypedChoiceField(forms.CoerceInt, num...))
		f.EmptyNil = true
		return f
	},
	"multi":       func() forms.Field { return forms.NewMultipleChoiceField(ab...) },
	"multi_opt":   func() forms.Field { return optional(forms.NewMultipleChoiceField(ab...)) },
	"typed_multi": func() forms.Field { return forms.NewTypedMultipleChoiceField(forms.CoerceInt, num...) },
	"typed_multi_none": func() forms.Field {
		f := optional(forms.NewTypedMultipleChoiceField(forms.CoerceInt, num...))
		f.EmptyNil = true
		return f
	},
	"email": func() forms.Field { return forms.NewEmailField() },
	"url":   func() forms.Field { return forms.NewURLField() },
	"slug":  func() forms.Field { return forms.NewSlugField() },
	"slug_unicode": func() forms.Field {
		f := forms.NewSlugField()
		f.AllowUnicode = true
		return f
	},
	"regex": func() forms.Field { return forms.NewRegexField(`^\d{3}$`) },
	"uuid":  func() forms.Field { return forms.NewUUIDField() },
	"ip":    func() forms.Field { return forms.NewGenericIPAddressField() },
	"ipv4": func() forms.Field {
		f := forms.NewGenericIPAddressField()
		f.Protocol = "IPv4"
		return f
	},
	"ip_unpack": func() forms.Field {
		f := forms.NewGenericIPAddressField()
		f.UnpackIPv4 = true
		return f
	},
	"json":     func() forms.Field { return forms.NewJSONField() },
	"json_opt": func() forms.Field { return optional(forms.NewJSONField()) },
	"date":     func() forms.Field { return forms.NewDateField() },
	"date_formats": func() forms.Field {
		f := forms.NewDateField()
		f.InputFormats = []string{"%d/%m/%Y"}
		return f
	},
	"time":     func() forms.Field { return forms.NewTimeField() },
	"datetime": func() forms.Field { return forms.NewDateTimeField() },
	"duration": func() forms.Field { return forms.NewDurationField() },
	"combo": func() forms.Field {
		c := forms.NewCharField()
		c.MaxLength = 20
		return forms.NewComboField(c, forms.NewEmailField())
	},
	"split_datetime": func() forms.Field { return forms.NewSplitDateTimeField() },
}

// cleanCase is one row of testdata/fields_clean.json: Django's result of
// cleaning Input with the field built under Field.
type cleanCase struct {
	Field  string            `json:"field"`
	Input  any               `json:"input"`
	Value  *string           `json:"value"`
	Errors []forms.JSONError `json:"errors"`
}

func loadCleanCases(t *testing.T) []cleanCase {
	t.Helper()
	b, err := os.ReadFile("testdata/fields_clean.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []cleanCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("testdata/fields_clean.json: %v", err)
	}
	return doc.Cases
}

// input turns a JSON input into what a widget hands a field: a string,
// a []string for a list, nil for null.
func input(v any) any {
	if l, ok := v.([]any); ok {
		s := make([]string, len(l))
		for i, x := range l {
			s[i] = x.(string)
		}
		return s
	}
	return v
}

// canon writes a cleaned value as gen_fields.py does: "type:str(value)".
// kind is the Python type Django produced, which tells a date from a time
// or a datetime (all time.Time in Go).
func canon(v any, kind string) string {
	switch x := v.(type) {
	case nil:
		return "NoneType:None"
	case bool:
		if x {
			return "bool:True"
		}
		return "bool:False"
	case int:
		return fmt.Sprintf("int:%d", x)
	case int64:
		return fmt.Sprintf("int:%d", x)
	case float64:
		return "float:" + pyfmt.FloatRepr(x)
	case decimal.Decimal:
		if kind == "int" {
			return "int:" + x.String()
		}
		return "Decimal:" + pyfmt.DecimalStr(x)
	case forms.UUID:
		return "UUID:" + string(x)
	case string:
		return "str:" + x
	case time.Duration:
		return "timedelta:" + pyfmt.DurationStr(x)
	case time.Time:
		frac := ""
		if us := x.Nanosecond() / 1000; us != 0 {
			frac = fmt.Sprintf(".%06d", us)
		}
		switch kind {
		case "date":
			return "date:" + x.Format("2006-01-02")
		case "time":
			return "time:" + x.Format("15:04:05") + frac
		}
		return "datetime:" + x.Format("2006-01-02 15:04:05") + frac
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = canon(s, "")
		}
		return "list:[" + strings.Join(parts, ", ") + "]"
	case []any:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = canon(s, "")
		}
		return "list:[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprintf("%T:%v", v, v)
}

func errorsOf(err error) []forms.JSONError {
	var out []forms.JSONError
	for _, e := range validators.AsValidationError(err).Flatten() {
		out = append(out, forms.JSONError{Message: e.Text(nil), Code: e.Code})
	}
	return out
}

// knownDifferences are cases where formwork knowingly cleans to another
// value than Django (see /testdata/known-differences.json), by case name,
// with formwork's value: the test fails if that value changes, so that a
// fix removes the entry.
var knownDifferences = map[string]string{
	// shopspring/decimal has no negative zero (x_decimal_5).
	`decimal_opt/"-0.00"`: "Decimal:0.00",
}

func TestFieldCleanMatchesDjango(t *testing.T) {
	cases := loadCleanCases(t)
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/fields_clean.json")
	}
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.Field] = true
		build := fieldBuilders[c.Field]
		if build == nil {
			t.Errorf("fields_clean.json has field %q that fieldBuilders lacks", c.Field)
			continue
		}
		name := fmt.Sprintf("%s/%q", c.Field, c.Input)
		got, err := forms.Clean(build(), input(c.Input))
		switch {
		case c.Value != nil && err != nil:
			t.Errorf("%s: error %v, want value %s", name, errorsOf(err), *c.Value)
		case c.Value != nil:
			kind, _, _ := strings.Cut(*c.Value, ":")
			var s string
			if strings.HasPrefix(c.Field, "json") && got != nil {
				s = "json:" + pyjson.Dumps(got, true)
			} else {
				s = canon(got, kind)
			}
			if kd, ok := knownDifferences[name]; ok {
				if s != kd {
					t.Errorf("%s: value %s; the known difference was %s (Django: %s): update knownDifferences", name, s, kd, *c.Value)
				} else {
					t.Logf("%s: known difference: formwork %s, Django %s", name, s, *c.Value)
				}
			} else if s != *c.Value {
				t.Errorf("%s: value %s, want %s", name, s, *c.Value)
			}
		case err == nil:
			t.Errorf("%s: value %s, want errors %v", name, canon(got, ""), c.Errors)
		default:
			if g := errorsOf(err); fmt.Sprint(g) != fmt.Sprint(c.Errors) {
				t.Errorf("%s: errors\n  %v\nwant\n  %v", name, g, c.Errors)
			}
		}
	}
	for k := range fieldBuilders {
		if !seen[k] {
			t.Errorf("field %q has no case in fields_clean.json", k)
		}
	}
}
