package specreg

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/formwork/formwork/orm"
	"github.com/shopspring/decimal"
	"math"
	"sort"
	"strings"
	"time"
)

// ModelFromSpec builds a model from a form-spec declaration: {"name",
// "fields": [{"name", "type", ...Django model-field arguments}],
// "unique_together", "ordering", "verbose_name", "str", "rows"}. "rows" is
// accepted and left to RowFromSpec. Errors name the offending key.
func ModelFromSpec(spec map[string]any) (*orm.Model, error) {
	var def orm.ModelDef
	name, _ := spec["name"].(string)
	if name == "" {
		return nil, fmt.Errorf("orm: model spec: \"name\" must be a non-empty string")
	}
	def.Name = name
	fail := func(format string, args ...any) (*orm.Model, error) {
		return nil, fmt.Errorf("orm: model spec %s: "+format, append([]any{name}, args...)...)
	}
	for _, k := range sortedKeys(spec) {
		v := spec[k]
		switch k {
		case "name", "rows":
		case "str":
			s, ok := v.(string)
			if !ok {
				return fail("\"str\" must be a string")
			}
			def.Str = s
		case "verbose_name":
			s, ok := v.(string)
			if !ok {
				return fail("\"verbose_name\" must be a string")
			}
			def.VerboseName = s
		case "fields":
			list, ok := v.([]any)
			if !ok {
				return fail("\"fields\" must be a list")
			}
			for i, item := range list {
				obj, ok := item.(map[string]any)
				if !ok {
					return fail("fields[%d] must be an object", i)
				}
				f, err := fieldFromSpec(obj)
				if err != nil {
					return fail("fields[%d]: %w", i, err)
				}
				def.Fields = append(def.Fields, f)
			}
		case "unique_together":
			groups, ok := v.([]any)
			if !ok {
				return fail("\"unique_together\" must be a list of lists of field names")
			}
			for i, g := range groups {
				names, err := stringList(g)
				if err != nil {
					return fail("unique_together[%d]: %w", i, err)
				}
				def.UniqueTogether = append(def.UniqueTogether, names)
			}
		case "ordering":
			names, err := stringList(v)
			if err != nil {
				return fail("ordering: %w", err)
			}
			def.Ordering = names
		default:
			return fail("unknown key %q", k)
		}
	}
	return orm.NewModel(def)
}

func fieldFromSpec(spec map[string]any) (orm.Field, error) {
	var f orm.Field
	f.Name, _ = spec["name"].(string)
	if f.Name == "" {
		return orm.Field{}, fmt.Errorf("\"name\" must be a non-empty string")
	}
	typ, _ := spec["type"].(string)
	f.Type = orm.FieldType(typ)
	if typ == "" {
		return orm.Field{}, fmt.Errorf("field %s: unknown \"type\" %v", f.Name, spec["type"])
	}
	for _, k := range sortedKeys(spec) {
		v := spec[k]
		var err error
		switch k {
		case "name", "type":
		case "to":
			f.To, err = str(v)
		case "related_name":
			f.RelatedName, err = str(v)
		case "to_field":
			f.ToField, err = str(v)
		case "unique_for_date":
			f.UniqueForDate, err = str(v)
		case "unique_for_month":
			f.UniqueForMonth, err = str(v)
		case "unique_for_year":
			f.UniqueForYear, err = str(v)
		case "upload_to":
			f.UploadTo, err = str(v)
		case "limit_choices_to":
			m, ok := v.(map[string]any)
			if !ok {
				err = fmt.Errorf("must be an object of lookups")
				break
			}
			f.LimitChoicesTo, err = DecodeLookups(m)
		case "verbose_name":
			f.VerboseName, err = str(v)
		case "help_text":
			f.HelpText, err = str(v)
		case "max_length":
			f.MaxLength, err = integer(v)
		case "max_digits":
			f.MaxDigits, err = integer(v)
		case "decimal_places":
			f.DecimalPlaces, err = integer(v)
		case "null":
			f.Null, err = boolean(v)
		case "blank":
			f.Blank, err = boolean(v)
		case "unique":
			f.Unique, err = boolean(v)
		case "editable":
			var editable bool
			editable, err = boolean(v)
			f.NotEditable = !editable
		case "default":
			f.Default, f.HasDefault = v, true
			if f.Type != orm.JSONField {
				f.Default, err = DecodeValue(v)
			}
		case "choices":
			f.Choices, err = choicesFromSpec(v)
		case "on_delete":
			// Accepted for Django compatibility; deletes are never cascaded here.
			_, err = str(v)
		default:
			return orm.Field{}, fmt.Errorf("field %s: unknown key %q", f.Name, k)
		}
		if err != nil {
			return orm.Field{}, fmt.Errorf("field %s: %q: %w", f.Name, k, err)
		}
	}
	return f, nil
}

func choicesFromSpec(v any) ([][2]any, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("must be a list of [value, label] pairs")
	}
	out := make([][2]any, 0, len(list))
	for i, item := range list {
		pair, ok := item.([]any)
		if !ok || len(pair) != 2 {
			return nil, fmt.Errorf("choice %d must be a [value, label] pair", i)
		}
		if group, ok := pair[1].([]any); ok {
			inner, err := choicesFromSpec(group)
			if err != nil {
				return nil, fmt.Errorf("group %d: %w", i, err)
			}
			out = append(out, [2]any{pair[0], inner})
			continue
		}
		out = append(out, [2]any{pair[0], pair[1]})
	}
	return out, nil
}

// RowFromSpec converts one entry of a model spec's "rows" to a Row of m,
// keyed by field name ("pk" is "id"); Insert converts each value to its
// field's Go type. A ForeignKey's value is the target's id.
func RowFromSpec(m *orm.Model, spec map[string]any) (orm.Row, error) {
	r := make(orm.Row, len(spec))
	for _, k := range sortedKeys(spec) {
		f, ok := m.Field(k)
		if !ok {
			return nil, fmt.Errorf("orm: row of %s: unknown field %q", m.Name(), k)
		}
		v := spec[k] // converted to f's Go type by Insert
		if f.Type != orm.JSONField {
			var err error
			if v, err = DecodeList(v); err != nil {
				return nil, fmt.Errorf("orm: row of %s: field %s: %w", m.Name(), k, err)
			}
		}
		r[f.Name] = v
	}
	return r, nil
}

// RowToSpec converts a row to the spec's result form: decimals and dates
// as typed values, with "id" and every field of m.
func RowToSpec(m *orm.Model, r orm.Row) map[string]any {
	out := make(map[string]any, len(m.Fields()))
	for _, f := range m.Fields() {
		out[f.Name] = FieldToSpec(f, r[f.Name])
	}
	return out
}

// LoadModels builds the models of a spec's "models" list, registers them in
// reg, creates their tables in s and inserts their rows in order, so that
// ids are 1, 2, ... per table. It returns the models in order.
func LoadModels(ctx context.Context, s orm.Store, reg *orm.Registry, models []any) ([]*orm.Model, error) {
	var out []*orm.Model
	var rows [][]any
	for i, item := range models {
		spec, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("orm: models[%d] must be an object", i)
		}
		m, err := ModelFromSpec(spec)
		if err != nil {
			return nil, err
		}
		if err := reg.Register(m); err != nil {
			return nil, err
		}
		list, ok := spec["rows"].([]any)
		if !ok && spec["rows"] != nil {
			return nil, fmt.Errorf("orm: model spec %s: \"rows\" must be a list", m.Name())
		}
		out, rows = append(out, m), append(rows, list)
	}
	err := s.InTx(ctx, func(tx orm.Store) error {
		if err := tx.CreateTables(ctx, out...); err != nil {
			return err
		}
		for i, m := range out {
			for j, item := range rows[i] {
				obj, ok := item.(map[string]any)
				if !ok {
					return fmt.Errorf("orm: model spec %s: rows[%d] must be an object", m.Name(), j)
				}
				r, err := RowFromSpec(m, obj)
				if err != nil {
					return fmt.Errorf("rows[%d]: %w", j, err)
				}
				if _, err := tx.Insert(ctx, m, r); err != nil {
					return fmt.Errorf("rows[%d]: %w", j, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func str(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("must be a string, not %T", v)
	}
	return s, nil
}

func integer(v any) (int, error) {
	n, ok := wholeNumber(v)
	if !ok || n < 0 || n > 1<<30 {
		return 0, fmt.Errorf("must be a non-negative integer, not %v", v)
	}
	return int(n), nil
}

func boolean(v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("must be true or false, not %v", v)
	}
	return b, nil
}

func stringList(v any) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("must be a list of strings")
	}
	out := make([]string, len(list))
	for i, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("item %d must be a string, not %T", i, x)
		}
		out[i] = s
	}
	return out, nil
}

// FieldToSpec is ToSpecValue for a value of the field f: times,
// datetimes and UUIDs as {"$time"}, {"$datetime"} and {"$uuid"}, JSON
// decoded, a many-to-many list as a list of ids.
func FieldToSpec(f orm.Field, v any) any {
	if v == nil {
		return nil
	}
	vf := f
	if t, ok := f.Target(); ok {
		vf = t
	}
	switch x := v.(type) {
	case time.Time:
		switch vf.Type {
		case orm.TimeField:
			return map[string]any{"$time": orm.StrValue(vf, x)}
		case orm.DateTimeField:
			s := x.Format("2006-01-02T15:04:05")
			if us := x.Nanosecond() / 1000; us != 0 {
				s += fmt.Sprintf(".%06d", us)
			}
			return map[string]any{"$datetime": s}
		}
	case string:
		if vf.Type == orm.UUIDField {
			return map[string]any{"$uuid": x}
		}
	case orm.JSON:
		// Numbers as written: Python's json keeps 99999999999999999999,
		// a float64 would print 100000000000000000000.
		var out any
		dec := json.NewDecoder(strings.NewReader(string(x)))
		dec.UseNumber()
		if err := dec.Decode(&out); err != nil {
			return string(x)
		}
		return out
	case []int64:
		out := make([]any, len(x))
		for i, id := range x {
			out[i] = id
		}
		return out
	}
	return ToSpecValue(v)
}

// ToSpecValue is FromSpecValue's inverse for row values: decimals become
// {"$decimal": "9.99"} (with the value's own places) and dates
// {"$date": "2022-08-03"}; other values are returned unchanged.
func ToSpecValue(v any) any {
	switch x := v.(type) {
	case decimal.Decimal:
		places := max(-x.Exponent(), 0)
		return map[string]any{"$decimal": x.StringFixed(places)}
	case time.Time:
		return map[string]any{"$date": x.Format(time.DateOnly)}
	}
	return v
}

// wholeNumber reads a JSON or Go integer.
func wholeNumber(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
			return int64(n), true
		}
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	}
	return 0, false
}

// DecodeValue unwraps the case format's typed JSON values into the Go
// values orm takes: {"$decimal": "1.50"} → decimal.Decimal, {"$date":
// "2022-08-03"} → time.Time, {"$pk": 3} → int64; {"$datetime"}, {"$time"},
// {"$uuid"} and {"$file"} → their string, which the field reads. Other
// values are returned unchanged.
func DecodeValue(v any) (any, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return v, nil
	}
	if len(obj) != 1 {
		return nil, fmt.Errorf("object %v is not a typed value", obj)
	}
	for k, x := range obj {
		switch k {
		case "$decimal":
			s, ok := x.(string)
			if !ok {
				if n, isNum := x.(float64); isNum {
					return decimal.NewFromFloat(n), nil
				}
				return nil, fmt.Errorf("$decimal needs a string, not %T", x)
			}
			d, err := decimal.NewFromString(s)
			if err != nil {
				return nil, fmt.Errorf("$decimal %q is not a number", s)
			}
			return d, nil
		case "$date":
			s, _ := x.(string)
			d, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return nil, fmt.Errorf("$date %v is not a date (YYYY-MM-DD)", x)
			}
			return d, nil
		case "$pk":
			n, ok := wholeNumber(x)
			if !ok {
				return nil, fmt.Errorf("$pk %v is not an integer", x)
			}
			return n, nil
		case "$datetime", "$time", "$uuid", "$file":
			// Read by the field they are written to (see convert).
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("%s needs a string, not %T", k, x)
			}
			return s, nil
		}
		return nil, fmt.Errorf("unknown typed value %q", k)
	}
	return v, nil
}

// DecodeList is DecodeValue for a value and, when it is a list, each of
// its items.
func DecodeList(v any) (any, error) {
	list, ok := v.([]any)
	if !ok {
		return DecodeValue(v)
	}
	out := make([]any, len(list))
	for i, x := range list {
		var err error
		if out[i], err = DecodeValue(x); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DecodeLookups decodes the values of a case's lookups (a queryset
// filter, limit_choices_to) for orm.ParseFilter.
func DecodeLookups(m map[string]any) (map[string]any, error) {
	if m == nil {
		return nil, nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		d, err := DecodeList(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		out[k] = d
	}
	return out, nil
}
