package orm

import (
	"context"
	"fmt"
	"sort"
)

// ModelFromSpec builds a model from a form-spec declaration: {"name",
// "fields": [{"name", "type", ...Django model-field arguments}],
// "unique_together", "ordering", "verbose_name", "str", "rows"}. "rows" is
// accepted and left to RowFromSpec. Errors name the offending key.
func ModelFromSpec(spec map[string]any) (*Model, error) {
	var def ModelDef
	name, _ := spec["name"].(string)
	if name == "" {
		return nil, fmt.Errorf("orm: model spec: \"name\" must be a non-empty string")
	}
	def.Name = name
	fail := func(format string, args ...any) (*Model, error) {
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
	return NewModel(def)
}

func fieldFromSpec(spec map[string]any) (Field, error) {
	var f Field
	f.Name, _ = spec["name"].(string)
	if f.Name == "" {
		return Field{}, fmt.Errorf("\"name\" must be a non-empty string")
	}
	typ, _ := spec["type"].(string)
	f.Type = FieldType(typ)
	if !f.Type.valid() {
		return Field{}, fmt.Errorf("field %s: unknown \"type\" %v", f.Name, spec["type"])
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
			}
			f.LimitChoicesTo = m
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
		case "choices":
			f.Choices, err = choicesFromSpec(v)
		case "on_delete":
			// Accepted for Django compatibility; deletes are never cascaded here.
			_, err = str(v)
		default:
			return Field{}, fmt.Errorf("field %s: unknown key %q", f.Name, k)
		}
		if err != nil {
			return Field{}, fmt.Errorf("field %s: %q: %w", f.Name, k, err)
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

// RowFromSpec converts one entry of a model spec's "rows" to a Row of m's
// Go types. A ForeignKey's value is the target's id.
func RowFromSpec(m *Model, spec map[string]any) (Row, error) {
	r := make(Row, len(spec))
	for _, k := range sortedKeys(spec) {
		f, ok := m.Field(k)
		if !ok {
			return nil, fmt.Errorf("orm: row of %s: unknown field %q", m.Name(), k)
		}
		v, err := normalize(f, spec[k])
		if err != nil {
			return nil, fmt.Errorf("orm: row of %s: field %s: %w", m.Name(), k, err)
		}
		r[f.Name] = v
	}
	return r, nil
}

// RowToSpec converts a row to the spec's result form: decimals and dates
// as typed values, with "id" and every field of m.
func RowToSpec(m *Model, r Row) map[string]any {
	out := make(map[string]any, len(m.fields))
	for _, f := range m.fields {
		out[f.Name] = FieldToSpec(f, r[f.Name])
	}
	return out
}

// LoadSpec builds the models of a spec's "models" list, registers them in
// reg, creates their tables in s and inserts their rows in order, so that
// ids are 1, 2, ... per table. It returns the models in order.
func LoadSpec(ctx context.Context, s Store, reg *Registry, models []any) ([]*Model, error) {
	var out []*Model
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
	err := s.InTx(ctx, func(tx Store) error {
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
	n, ok := toInt64(v)
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
