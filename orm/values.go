package orm

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/formwork/formwork/internal/pynum"

	"github.com/shopspring/decimal"
)

// Row is one table row: field name → value. The Go types are int64 (id,
// integer fields, a ForeignKey's target id), string (text fields, a
// UUID in canonical form, a stored file's name), float64,
// decimal.Decimal (with exactly the field's decimal places), bool,
// time.Time (a date: midnight UTC; a time: on 0000-01-01 UTC; a
// datetime: naive, in UTC), JSON, []int64 (a ManyToManyField: the
// sorted ids of its targets) and nil for NULL. A ForeignKey with a
// to_field holds the target field's value.
type Row map[string]any

// JSON is a JSONField's value: the JSON text, as Python's json.dumps
// writes it when the value came from Go.
type JSON string

// ID returns the row's "id" and whether it has one.
func (r Row) ID() (int64, bool) {
	id, ok := r["id"].(int64)
	return id, ok
}

// normalize converts v to the field's Go type and checks that the field
// can hold it, so that both backends accept and refuse the same values.
func normalize(f Field, v any) (any, error) {
	return convert(f, v, true)
}

// convert is normalize; limits=false skips max_length and decimal
// precision, which a lookup value need not meet (it just matches nothing).
func convert(f Field, v any, limits bool) (any, error) {
	if v == nil {
		return nil, nil
	}
	if f.Type == JSONField {
		// Any JSON value, objects included.
		if j, ok := v.(JSON); ok {
			if !json.Valid([]byte(j)) {
				return nil, fmt.Errorf("%q is not JSON", string(j))
			}
			return j, nil
		}
		text, err := pyDumps(v)
		if err != nil {
			return nil, err
		}
		return JSON(text), nil
	}
	if f.target != nil {
		return convert(f.valueField(), v, limits)
	}
	if rv := reflect.ValueOf(v); (f.Type.isString() || f.Type == UUIDField) && rv.Kind() == reflect.String && rv.Type() != reflect.TypeOf("") {
		v = rv.String() // a named string type (forms.UUID, ...)
	}
	switch f.Type {
	case TimeField:
		switch t := v.(type) {
		case time.Time:
			return time.Date(0, 1, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000*1000, time.UTC), nil
		case string:
			for _, layout := range []string{"15:04:05.999999", "15:04"} {
				if p, err := time.Parse(layout, t); err == nil {
					return time.Date(0, 1, 1, p.Hour(), p.Minute(), p.Second(), p.Nanosecond(), time.UTC), nil
				}
			}
			return nil, fmt.Errorf("%q is not a time (HH:MM:SS)", t)
		}
		return nil, typeError(f, v)
	case DateTimeField:
		switch t := v.(type) {
		case time.Time:
			y, mo, d := t.Date()
			return checkDate(time.Date(y, mo, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000*1000, time.UTC))
		case string:
			for _, layout := range []string{"2006-01-02T15:04:05.999999", "2006-01-02 15:04:05.999999", "2006-01-02T15:04", "2006-01-02 15:04", time.DateOnly} {
				if p, err := time.Parse(layout, t); err == nil {
					return checkDate(p)
				}
			}
			return nil, fmt.Errorf("%q is not a date and time (YYYY-MM-DD HH:MM:SS)", t)
		}
		return nil, typeError(f, v)
	case UUIDField:
		s, ok := v.(string)
		if !ok {
			return nil, typeError(f, v)
		}
		u, ok := canonicalUUID(s)
		if !ok {
			return nil, fmt.Errorf("%q is not a UUID", s)
		}
		return u, nil
	case ManyToManyField:
		return idList(v)
	}
	switch {
	case f.Type.isString():
		s, ok := v.(string)
		if !ok {
			return nil, typeError(f, v)
		}
		if err := checkText(s); err != nil {
			return nil, err
		}
		if limits && f.MaxLength > 0 {
			if n := utf8.RuneCountInString(s); n > f.MaxLength {
				return nil, fmt.Errorf("value has %d characters, more than max_length %d", n, f.MaxLength)
			}
		}
		return s, nil
	case f.Type.isInteger():
		n, ok := toInt64(v)
		if !ok {
			return nil, typeError(f, v)
		}
		// As on SQLite, which the reference uses, an integer field has no
		// range but int64's; the positive types start at 0.
		if f.Type.isPositive() && n < 0 {
			return nil, fmt.Errorf("value %d is out of range for %s", n, f.Type)
		}
		return n, nil
	case f.Type == FloatField:
		x, ok := toFloat64(v)
		if !ok {
			return nil, typeError(f, v)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("value %v is not a finite number", x)
		}
		return x, nil
	case f.Type == DecimalField:
		d, ok := toDecimal(v)
		if !ok {
			return nil, typeError(f, v)
		}
		if !limits {
			return d, nil
		}
		return fitDecimal(f, d)
	case f.Type == BooleanField:
		b, ok := v.(bool)
		if !ok {
			return nil, typeError(f, v)
		}
		return b, nil
	case f.Type == DateField:
		switch t := v.(type) {
		case time.Time:
			return checkDate(toDate(t))
		case string:
			d, err := time.Parse(time.DateOnly, t)
			if err != nil {
				return nil, fmt.Errorf("%q is not a date (YYYY-MM-DD)", t)
			}
			return checkDate(d)
		}
		return nil, typeError(f, v)
	}
	return nil, fmt.Errorf("unknown field type %q", f.Type)
}

func typeError(f Field, v any) error {
	return fmt.Errorf("%T value %v does not fit a %s", v, v, f.Type)
}

// checkText refuses strings PostgreSQL cannot store, on every backend.
func checkText(s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("string contains a NUL byte")
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("string is not valid UTF-8")
	}
	return nil
}

func toDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func checkDate(t time.Time) (any, error) {
	if y := t.Year(); y < 1 || y > 9999 {
		return nil, fmt.Errorf("date %s is outside years 1 to 9999", t.Format(time.DateOnly))
	}
	return t, nil
}

// fitDecimal checks that d fits max_digits and decimal_places without
// rounding and returns it with exactly decimal_places places.
func fitDecimal(f Field, d decimal.Decimal) (any, error) {
	places := int32(f.DecimalPlaces)
	r := d.Round(places)
	if !r.Equal(d) {
		return nil, fmt.Errorf("value %s has more than %d decimal places", d.String(), f.DecimalPlaces)
	}
	r = rescale(r, places)
	digits := len(new(big.Int).Abs(r.Coefficient()).String())
	if whole := digits - int(places); whole > f.MaxDigits-f.DecimalPlaces && !r.IsZero() {
		return nil, fmt.Errorf("value %s has more than %d digits before the decimal point", d.String(), f.MaxDigits-f.DecimalPlaces)
	}
	return r, nil
}

// rescale returns d with exponent -places, so that d.StringFixed and
// d.Exponent agree with the column's scale ("1.50", not "1.5").
func rescale(d decimal.Decimal, places int32) decimal.Decimal {
	if d.Exponent() == -places {
		return d
	}
	r, err := decimal.NewFromString(d.StringFixed(places))
	if err != nil { // unreachable: StringFixed always parses
		return d
	}
	return r
}

func toInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int8:
		return int64(n), true
	case int16:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case uint:
		return int64(n), uint64(n) <= math.MaxInt64
	case uint8:
		return int64(n), true
	case uint16:
		return int64(n), true
	case uint32:
		return int64(n), true
	case uint64:
		return int64(n), n <= math.MaxInt64
	case float64:
		// JSON numbers arrive as float64; only whole ones are integers.
		if n != math.Trunc(n) || math.Abs(n) > 1<<53 {
			return 0, false
		}
		return int64(n), true
	case float32:
		return toInt64(float64(n))
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	}
	return 0, false
}

func toFloat64(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case float32:
		return float64(n), true
	case json.Number:
		x, err := n.Float64()
		return x, err == nil
	}
	if i, ok := toInt64(v); ok {
		return float64(i), true
	}
	return 0, false
}

func toDecimal(v any) (decimal.Decimal, bool) {
	switch n := v.(type) {
	case decimal.Decimal:
		return n, true
	case *decimal.Decimal:
		if n == nil {
			return decimal.Decimal{}, false
		}
		return *n, true
	case string:
		d, err := decimal.NewFromString(n)
		return d, err == nil
	case json.Number:
		d, err := decimal.NewFromString(string(n))
		return d, err == nil
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return decimal.Decimal{}, false
		}
		return decimal.NewFromFloat(n), true
	}
	if i, ok := toInt64(v); ok {
		return decimal.NewFromInt(i), true
	}
	return decimal.Decimal{}, false
}

// canonicalUUID reads a UUID as Python's uuid.UUID(hex) does and writes
// it lower-case and hyphenated.
func canonicalUUID(s string) (string, bool) {
	h := strings.ReplaceAll(strings.ReplaceAll(s, "urn:", ""), "uuid:", "")
	h = strings.ReplaceAll(strings.Trim(h, "{}"), "-", "")
	if len(h) != 32 {
		return "", false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return "", false
		}
	}
	h = strings.ToLower(h)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], true
}

// idList reads a many-to-many value: a list of target ids (or values
// with a PK method), returned sorted without repeats.
func idList(v any) ([]int64, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("a many-to-many value must be a list of ids, not %T", v)
	}
	seen := map[int64]bool{}
	out := []int64{}
	for i := 0; i < rv.Len(); i++ {
		x := rv.Index(i).Interface()
		if p, ok := x.(interface{ PK() (int64, bool) }); ok {
			id, saved := p.PK()
			if !saved {
				return nil, fmt.Errorf("item %d of a many-to-many value is not saved", i)
			}
			x = id
		}
		id, ok := toInt64(x)
		if !ok {
			return nil, fmt.Errorf("item %d of a many-to-many value is %T, not an id", i, x)
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// pyDumps writes a Go value as JSON with Python's json.dumps separators
// (", " and ": "); map keys are sorted, having no order.
func pyDumps(v any) (string, error) {
	var b strings.Builder
	if err := writeJSON(&b, v, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeJSON(b *strings.Builder, v any, depth int) error {
	if depth > 1000 {
		return fmt.Errorf("JSON value nested too deeply")
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
		return nil
	case bool, string, float64, json.Number, int, int64:
		if f, ok := x.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			return fmt.Errorf("JSON cannot hold %v", f)
		}
		enc, err := json.Marshal(x)
		if err != nil {
			return err
		}
		if s, ok := x.(string); ok {
			var sb strings.Builder
			jenc := json.NewEncoder(&sb)
			jenc.SetEscapeHTML(false)
			if err := jenc.Encode(s); err != nil {
				return err
			}
			enc = []byte(strings.TrimSuffix(sb.String(), "\n"))
		}
		b.Write(enc)
		return nil
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeJSON(b, e, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeJSON(b, k, depth+1); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := writeJSON(b, x[k], depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	}
	enc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("%T is not a JSON value: %w", v, err)
	}
	b.Write(enc)
	return nil
}

// Lookup converts a submitted value for a lookup on the field, as
// Django's get_prep_value does: text as it is, integers as Python's
// int() reads them, the other types as convert reads their text. An
// error means the value cannot name a row (Django's ValueError).
func Lookup(f Field, v any) (any, error) {
	f = f.valueField()
	if s, ok := v.(string); ok && f.Type.isInteger() {
		n, err := pynum.ParseInt(s)
		if err != nil {
			return nil, err
		}
		id, ok := n.(int64)
		if !ok {
			return nil, fmt.Errorf("%q is out of range", s)
		}
		return id, nil
	}
	if s, ok := v.(string); ok && f.Type == BooleanField {
		switch s {
		case "True", "true", "1", "t":
			return true, nil
		case "False", "false", "0", "f":
			return false, nil
		}
		return nil, fmt.Errorf("%q is not true or false", s)
	}
	return convert(f, v, false)
}
