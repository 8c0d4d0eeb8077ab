package specreg

import (
	"encoding/json"
	"fmt"
	"github.com/formwork/formwork/validators"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ValidatorByName builds a validator from its Django name (a class such as
// "MinValueValidator" or a function such as "validate_slug") and Django's
// keyword arguments, as test cases written against Django name them.
//
// Arguments are the values encoding/json produces (float64 or
// json.Number, string, bool, nil, []any, map[string]any) or Go values. A
// whole-valued number is an integer. A limit_value may also be a decimal
// string ("0.25") or a typed value ({"$decimal": "1.50"}, {"$date":
// "2022-08-03"}, {"$datetime": ...}, {"$time": ...}, {"$duration":
// SECONDS}); an argument of None is Django's default. A "type" key is
// ignored, so that a case's whole validator object can be passed. An
// unknown name, an unknown or missing argument or one of the wrong type is
// an error naming it.
func ValidatorByName(class string, args map[string]any) (validators.Validator, error) {
	a := argReader{class: class, args: args, used: map[string]bool{"type": true}}
	v, err := build(class, &a)
	if err != nil {
		return nil, err
	}
	if err := a.unused(); err != nil {
		return nil, err
	}
	return v, nil
}

func build(class string, a *argReader) (validators.Validator, error) {
	switch class {
	case "MinValueValidator", "MaxValueValidator", "StepValueValidator":
		limit, err := a.limit()
		if err != nil {
			return nil, err
		}
		msg, err := a.str("message")
		if err != nil {
			return nil, err
		}
		switch class {
		case "MinValueValidator":
			return &validators.MinValueValidator{LimitValue: limit, Message: msg}, nil
		case "MaxValueValidator":
			return &validators.MaxValueValidator{LimitValue: limit, Message: msg}, nil
		}
		return &validators.StepValueValidator{LimitValue: limit, Message: msg}, nil
	case "MinLengthValidator", "MaxLengthValidator":
		n, ok, err := a.integer("limit_value")
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, a.missing("limit_value")
		}
		msg, err := a.str("message")
		if err != nil {
			return nil, err
		}
		if class == "MinLengthValidator" {
			return &validators.MinLengthValidator{LimitValue: n, Message: msg}, nil
		}
		return &validators.MaxLengthValidator{LimitValue: n, Message: msg}, nil
	case "DecimalValidator":
		v := &validators.DecimalValidator{}
		for _, name := range []string{"max_digits", "decimal_places"} {
			if _, given := a.args[name]; !given {
				return nil, a.missing(name)
			}
			n, ok, err := a.integer(name)
			if err != nil {
				return nil, err
			}
			if ok && name == "max_digits" {
				v.MaxDigits = &n
			} else if ok {
				v.DecimalPlaces = &n
			}
		}
		return v, nil
	case "RegexValidator":
		v := &validators.RegexValidator{}
		if err := a.regexArgs(v); err != nil {
			return nil, err
		}
		if _, err := validators.NewRegex(v.Regex, v.Flags); err != nil {
			return nil, err
		}
		return v, nil
	case "URLValidator":
		v := &validators.URLValidator{}
		schemes, ok, err := a.strings("schemes")
		if err != nil {
			return nil, err
		}
		if ok {
			v.Schemes = schemes
		}
		if v.Message, err = a.str("message"); err != nil {
			return nil, err
		}
		if v.Code, err = a.str("code"); err != nil {
			return nil, err
		}
		return v, nil
	case "EmailValidator":
		v := &validators.EmailValidator{}
		list, ok, err := a.strings("allowlist")
		if err != nil {
			return nil, err
		}
		if ok {
			v.Allowlist = list
		}
		if v.Message, err = a.str("message"); err != nil {
			return nil, err
		}
		if v.Code, err = a.str("code"); err != nil {
			return nil, err
		}
		return v, nil
	case "FileExtensionValidator":
		v := &validators.FileExtensionValidator{}
		list, ok, err := a.strings("allowed_extensions")
		if err != nil {
			return nil, err
		}
		if ok {
			v.AllowedExtensions = list
		}
		if v.Message, err = a.str("message"); err != nil {
			return nil, err
		}
		if v.Code, err = a.str("code"); err != nil {
			return nil, err
		}
		return v, nil
	case "ProhibitNullCharactersValidator":
		v := &validators.ProhibitNullCharactersValidator{}
		var err error
		if v.Message, err = a.str("message"); err != nil {
			return nil, err
		}
		if v.Code, err = a.str("code"); err != nil {
			return nil, err
		}
		return v, nil
	case "int_list_validator":
		sep := ","
		if s, given := a.args["sep"]; given && s != nil {
			var err error
			if sep, err = a.str("sep"); err != nil {
				return nil, err
			}
		}
		msg, err := a.str("message")
		if err != nil {
			return nil, err
		}
		code, err := a.str("code")
		if err != nil {
			return nil, err
		}
		neg, err := a.boolean("allow_negative")
		if err != nil {
			return nil, err
		}
		return validators.IntList(sep, msg, code, neg), nil
	case "validate_email":
		return validators.Email(), nil
	case "validate_slug":
		return validators.Slug(), nil
	case "validate_unicode_slug":
		return validators.UnicodeSlug(), nil
	case "validate_integer":
		return validators.Integer(), nil
	case "validate_comma_separated_integer_list":
		return validators.CommaSeparatedIntegerList(), nil
	case "validate_ipv4_address":
		return validators.IPv4(), nil
	case "validate_ipv6_address":
		return validators.IPv6(), nil
	case "validate_ipv46_address":
		return validators.IPv46(), nil
	}
	return nil, fmt.Errorf("validators: unknown validator %q", class)
}

// argReader reads keyword arguments, remembering which were used.
type argReader struct {
	class string
	args  map[string]any
	used  map[string]bool
}

func (a *argReader) get(name string) (any, bool) {
	a.used[name] = true
	v, ok := a.args[name]
	if !ok || v == nil {
		return nil, false
	}
	return v, true
}

func (a *argReader) bad(name string, v any, want string) error {
	return fmt.Errorf("validators: %s: argument %s must be %s, not %s", a.class, name, want, typeName(v))
}

func (a *argReader) missing(name string) error {
	return fmt.Errorf("validators: %s: missing required argument %s", a.class, name)
}

func (a *argReader) unused() error {
	var extra []string
	for name := range a.args {
		if !a.used[name] {
			extra = append(extra, name)
		}
	}
	if len(extra) == 0 {
		return nil
	}
	sort.Strings(extra)
	return fmt.Errorf("validators: %s: unexpected argument %s", a.class, strings.Join(extra, ", "))
}

func (a *argReader) str(name string) (string, error) {
	v, ok := a.get(name)
	if !ok {
		return "", nil
	}
	s, isStr := v.(string)
	if !isStr {
		return "", a.bad(name, v, "a string")
	}
	return s, nil
}

func (a *argReader) boolean(name string) (bool, error) {
	v, ok := a.get(name)
	if !ok {
		return false, nil
	}
	b, isBool := v.(bool)
	if !isBool {
		return false, a.bad(name, v, "a boolean")
	}
	return b, nil
}

func (a *argReader) strings(name string) ([]string, bool, error) {
	v, ok := a.get(name)
	if !ok {
		return nil, false, nil
	}
	switch x := v.(type) {
	case []string:
		return append([]string{}, x...), true, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, item := range x {
			s, isStr := item.(string)
			if !isStr {
				return nil, false, a.bad(name, item, "a list of strings")
			}
			out = append(out, s)
		}
		return out, true, nil
	}
	return nil, false, a.bad(name, v, "a list of strings")
}

// integer reads a whole number; ok is false when the argument is absent
// or None.
func (a *argReader) integer(name string) (int, bool, error) {
	v, ok := a.get(name)
	if !ok {
		return 0, false, nil
	}
	switch n := plainNumber(v).(type) {
	case int:
		return n, true, nil
	case int64:
		if n == int64(int(n)) {
			return int(n), true, nil
		}
	}
	return 0, false, a.bad(name, v, "an integer")
}

func (a *argReader) regexArgs(v *validators.RegexValidator) error {
	var err error
	if v.Regex, err = a.str("regex"); err != nil {
		return err
	}
	if v.Message, err = a.str("message"); err != nil {
		return err
	}
	if v.Code, err = a.str("code"); err != nil {
		return err
	}
	if v.InverseMatch, err = a.boolean("inverse_match"); err != nil {
		return err
	}
	flags, _, err := a.integer("flags")
	v.Flags = flags
	return err
}

// limit reads limit_value.
func (a *argReader) limit() (any, error) {
	v, ok := a.get("limit_value")
	if !ok {
		return nil, a.missing("limit_value")
	}
	switch x := v.(type) {
	case string:
		if d, err := decimal.NewFromString(x); err == nil {
			return d, nil
		}
		return x, nil
	case map[string]any:
		t, err := typedValue(x)
		if err != nil {
			return nil, fmt.Errorf("validators: %s: argument limit_value: %w", a.class, err)
		}
		return t, nil
	}
	if n := plainNumber(v); n != nil {
		return n, nil
	}
	switch v.(type) {
	case decimal.Decimal, time.Time, time.Duration, func() any, func() int, func() int64,
		func() float64, func() decimal.Decimal, func() time.Time, func() time.Duration:
		return v, nil
	}
	if isNumber(v) {
		return v, nil
	}
	return nil, a.bad("limit_value", v, "a number, a decimal string or a typed value")
}

// plainNumber returns a JSON number as an int (when whole and in range) or
// a float64, and Go integers as they are; nil for anything else.
func plainNumber(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.Atoi(string(x)); err == nil {
			return i
		}
		if f, err := x.Float64(); err == nil {
			return f
		}
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int(x)
		}
		return x
	case int, int64:
		return x
	case int32:
		return int(x)
	}
	return nil
}

// typedValue reads the corpus's typed values: {"$decimal": "1.50"} and
// the like.
func typedValue(m map[string]any) (any, error) {
	if len(m) != 1 {
		return nil, fmt.Errorf("a typed value has one key, not %d", len(m))
	}
	for k, v := range m {
		s, isStr := v.(string)
		switch k {
		case "$decimal":
			if isStr {
				return decimal.NewFromString(s)
			}
		case "$date":
			if isStr {
				return time.Parse("2006-01-02", s)
			}
		case "$datetime":
			if isStr {
				for _, layout := range []string{"2006-01-02T15:04:05.999999", "2006-01-02T15:04:05.999999Z07:00"} {
					if t, err := time.Parse(layout, s); err == nil {
						return t, nil
					}
				}
				return nil, fmt.Errorf("bad $datetime %q", s)
			}
		case "$time":
			if isStr {
				return time.Parse("15:04:05.999999", s)
			}
		case "$duration":
			switch n := plainNumber(v).(type) {
			case int:
				return time.Duration(n) * time.Second, nil
			case float64:
				return time.Duration(math.Round(n * float64(time.Second))), nil
			}
		default:
			return nil, fmt.Errorf("unknown typed value %q", k)
		}
		return nil, fmt.Errorf("bad %s value %v", k, v)
	}
	return nil, nil
}

// typeName names v's Go type, or None for nil, in argument errors.
func typeName(v any) string {
	if v == nil {
		return "None"
	}
	return reflect.TypeOf(v).String()
}

// isNumber reports whether v is a Go number the validators compare
// (bool counts, as in Python).
func isNumber(v any) bool {
	switch x := v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, bool, float32, float64, decimal.Decimal:
		return true
	case *big.Int:
		return x != nil
	case *decimal.Decimal:
		return x != nil
	}
	return false
}
