package orm

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// Filter is a conjunction of Django-style lookups ("age__gte": 40) for
// List and Exists. The zero Filter matches every row.
type Filter struct {
	conds []cond
}

type cond struct {
	key    string // as written, for error messages
	field  string
	viaID  bool // "author__id": the ForeignKey's target id
	lookup string
	value  any
}

var lookups = map[string]bool{
	"exact": true, "iexact": true, "gt": true, "gte": true, "lt": true, "lte": true,
	"in": true, "isnull": true, "contains": true, "icontains": true, "startswith": true,
	"year": true, "month": true, "day": true,
}

// ParseFilter parses Django lookups: "field" or "field__LOOKUP" with
// LOOKUP one of exact, iexact, gt, gte, lt, lte, in, isnull, contains,
// icontains, startswith, or year, month and day (a date or datetime
// field's part equals the integer value); a ForeignKey may be written "author" or
// "author__id". Values may be the spec's typed JSON values. Field names
// are checked against the model when the filter is used.
//
// contains and startswith are case-sensitive and take % and _ literally
// on both backends. iexact and icontains fold case with the database's
// lower(): ASCII letters only on SQLite, all letters on PostgreSQL.
func ParseFilter(lookupsByKey map[string]any) (Filter, error) {
	keys := make([]string, 0, len(lookupsByKey))
	for k := range lookupsByKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var f Filter
	for _, k := range keys {
		c, err := parseCond(k, lookupsByKey[k])
		if err != nil {
			return Filter{}, fmt.Errorf("orm: filter %q: %w", k, err)
		}
		f.conds = append(f.conds, c)
	}
	return f, nil
}

// Where returns a filter of one lookup; see ParseFilter.
func Where(key string, value any) (Filter, error) {
	return ParseFilter(map[string]any{key: value})
}

func parseCond(key string, value any) (cond, error) {
	parts := strings.Split(key, "__")
	c := cond{key: key, lookup: "exact"}
	if len(parts) > 1 && lookups[parts[len(parts)-1]] {
		c.lookup = parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	}
	switch {
	case len(parts) == 1 && parts[0] != "":
		c.field = parts[0]
	case len(parts) == 2 && parts[0] != "" && parts[1] == "id":
		c.field, c.viaID = parts[0], true
	case len(parts) == 2 && parts[0] != "":
		return cond{}, fmt.Errorf("unknown lookup %q", parts[1])
	default:
		return cond{}, fmt.Errorf("unsupported lookup path (only field, field__id and one lookup)")
	}
	if c.field == "pk" {
		c.field = "id"
	}
	v := value
	switch c.lookup {
	case "in":
		rv := reflect.ValueOf(v)
		if v == nil || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) {
			return cond{}, fmt.Errorf("in needs a list, not %T", v)
		}
		list := make([]any, rv.Len())
		for i := range list {
			list[i] = rv.Index(i).Interface()
		}
		v = list
	case "isnull":
		if _, ok := v.(bool); !ok {
			return cond{}, fmt.Errorf("isnull needs true or false, not %T", v)
		}
	case "exact":
		if v == nil { // Django turns field=None into field__isnull=True.
			c.lookup, v = "isnull", true
		}
	default:
		if v == nil {
			return cond{}, fmt.Errorf("%s cannot compare with null", c.lookup)
		}
	}
	c.value = v
	return c, nil
}

// And returns the filter matching rows that match both f and g.
func (f Filter) And(g Filter) Filter {
	return Filter{conds: append(append([]cond(nil), f.conds...), g.conds...)}
}

// String returns the lookups, for messages: `age__gte=40 AND name="Ann"`.
func (f Filter) String() string {
	parts := make([]string, len(f.conds))
	for i, c := range f.conds {
		parts[i] = fmt.Sprintf("%s=%#v", c.key, c.value)
	}
	return strings.Join(parts, " AND ")
}

// Check reports whether the filter can be used on m: its fields exist
// and its lookups suit their types. List and Exists would fail with the
// same error.
func (f Filter) Check(m *Model) error {
	if m == nil {
		return fmt.Errorf("orm: filter check on a nil Model")
	}
	var args []any
	_, err := f.whereSQL(m, sqliteDialect{}, &args)
	return err
}

// whereSQL compiles the filter for m, appending arguments to args.
func (f Filter) whereSQL(m *Model, d dialect, args *[]any) (string, error) {
	if len(f.conds) == 0 {
		return "", nil
	}
	parts := make([]string, 0, len(f.conds))
	for _, c := range f.conds {
		s, err := c.sql(m, d, args)
		if err != nil {
			return "", fmt.Errorf("orm: filter %q on %s: %w", c.key, m.name, err)
		}
		parts = append(parts, s)
	}
	return " WHERE " + strings.Join(parts, " AND "), nil
}

func (c cond) sql(m *Model, d dialect, args *[]any) (string, error) {
	fld, ok := m.Field(c.field)
	if !ok {
		return "", fmt.Errorf("unknown field %q", c.field)
	}
	if c.viaID && fld.Type != ForeignKey {
		return "", fmt.Errorf("field %q is not a ForeignKey", c.field)
	}
	if fld.IsManyToMany() || fld.Type == JSONField {
		return "", fmt.Errorf("cannot filter on %s %q", fld.Type, c.field)
	}
	col := quoteIdent(fld.Column())
	arg := func(v any) string {
		*args = append(*args, d.encode(fld, v))
		return d.placeholder(len(*args))
	}
	conv := func(v any) (any, error) { return convert(fld, v, false) }
	switch c.lookup {
	case "isnull":
		if c.value.(bool) {
			return col + " IS NULL", nil
		}
		return col + " IS NOT NULL", nil
	case "exact", "in":
		values := []any{c.value}
		if c.lookup == "in" {
			values = c.value.([]any)
		}
		var phs []string
		for _, v := range values {
			if v == nil {
				continue // SQL's IN never matches NULL; nor does Django's.
			}
			x, err := conv(v)
			if err != nil {
				return "", err
			}
			if dec, ok := x.(decimal.Decimal); ok {
				// Compare at the column's scale; a value with more places
				// than the column cannot equal any stored value.
				fit, err := fitDecimal(fld, dec)
				if err != nil {
					continue
				}
				x = fit
			}
			phs = append(phs, arg(x))
		}
		switch len(phs) {
		case 0:
			return "1 = 0", nil
		case 1:
			return col + " = " + phs[0], nil
		}
		return col + " IN (" + strings.Join(phs, ", ") + ")", nil
	case "gt", "gte", "lt", "lte":
		x, err := conv(c.value)
		if err != nil {
			return "", err
		}
		op := map[string]string{"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}[c.lookup]
		lhs, rhs := d.comparable(fld, col, arg(x))
		return lhs + " " + op + " " + rhs, nil
	case "year", "month", "day":
		if !fld.Type.isDateLike() {
			return "", fmt.Errorf("lookup %s needs a DateField or DateTimeField, %s is a %s", c.lookup, fld.Name, fld.Type)
		}
		n, ok := toInt64(c.value)
		if !ok {
			return "", fmt.Errorf("lookup %s needs an integer, not %T", c.lookup, c.value)
		}
		*args = append(*args, n)
		return d.datePart(c.lookup, col) + " = " + d.placeholder(len(*args)), nil
	case "iexact", "contains", "icontains", "startswith":
		if !fld.Type.isString() {
			return "", fmt.Errorf("lookup %s needs a text field, %s is a %s", c.lookup, fld.Name, fld.Type)
		}
		x, err := conv(c.value)
		if err != nil {
			return "", err
		}
		switch c.lookup {
		case "iexact":
			return "lower(" + col + ") = lower(" + arg(x) + ")", nil
		case "contains":
			return d.position(col, arg(x)) + " > 0", nil
		case "icontains":
			return d.position("lower("+col+")", "lower("+arg(x)+")") + " > 0", nil
		default: // startswith
			return d.position(col, arg(x)) + " = 1", nil
		}
	}
	return "", fmt.Errorf("unknown lookup %q", c.lookup)
}

// quoteIdent quotes a name as an SQL identifier. Names are checked to be
// plain identifiers when a model is built; quoting also keeps reserved
// words ("order", "select") usable as field names.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
