package djangoengine

import (
	"strings"
	"time"

	"github.com/flosch/pongo2/v6"
	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/renderers"
)

// Values a template reads from an Object ({{ field.value }},
// {{ field.initial }}, {{ field.field.widget.attrs }}) print as Python's
// str() of them, as in Django: None as None, a list as its repr, a
// timedelta as 1:00:00, a dict as its repr. pongo2 prints a nil value as
// nothing and other values with Go's formatting, so the engine gives
// pongo2 wrappers of them whose String is Python's, keeping the kind that
// pongo2's truthiness, length and iteration read: None is an empty array
// (false, of length 0), a list stays a slice, a timedelta an integer. The
// wrappers never leave the engine: raw unwraps them for formwork's filters
// and tags. The jet engine and the generated writers see the Objects as
// they are.

// pyNone is Python's None read from an Object's attribute. (pongo2 cannot
// tell a nil value from an undefined name; an Object can: a present key
// is None, a missing key is undefined and prints nothing.)
type pyNone [0]struct{}

func (pyNone) String() string { return "None" }

type pyStrs []string

func (s pyStrs) String() string { return renderers.Escape(s.pyStr()) }
func (s pyStrs) pyStr() string  { return pyfmt.Str([]string(s)) }

type pyList []any

func (l pyList) String() string { return renderers.Escape(l.pyStr()) }
func (l pyList) pyStr() string  { return pyfmt.Str([]any(l)) }

// pyTuple is a pair (or other tuple) taken out of a list a theme reads,
// form.fields.items or a field's choices, by |first or |last: it prints
// as Python's repr of the tuple, ('name', 'Label'), where pongo2 would
// print Go's name of the slice.
type pyTuple []any

func (t pyTuple) String() string { return renderers.Escape(t.pyStr()) }
func (t pyTuple) pyStr() string  { return pyRepr([]any(t)) }

// tupled is v, a pair a filter picked from a list, as a pyTuple.
func tupled(v any) any {
	if x, ok := v.(*pongo2.Value); ok {
		v = x.Interface()
	}
	if x, ok := v.([]any); ok {
		return pyTuple(x)
	}
	return v
}

type pyDuration time.Duration

func (d pyDuration) String() string { return pyfmt.DurationStr(time.Duration(d)) }

// pyFloat is a float as a template prints it (localize), in a language
// whose decimal separator is "."; pyFloatComma in one where it is ",",
// the only other (two types, as a float must stay a float for pongo2's
// comparisons).
type (
	pyFloat      float64
	pyFloatComma float64
)

func (f pyFloat) String() string { return pyfmt.NumberText(float64(f)) }
func (f pyFloatComma) String() string {
	return strings.Replace(pyfmt.NumberText(float64(f)), ".", ",", 1)
}
func (f pyFloat) pyStr() string      { return pyfmt.FloatRepr(float64(f)) }
func (f pyFloatComma) pyStr() string { return pyfmt.FloatRepr(float64(f)) }

// pyDecimal is a Decimal as a template prints it (localize): its digits
// as Python keeps them ("1.50", where decimal.Decimal's String drops the
// trailing zero) in plain notation, with the language's decimal
// separator.
type pyDecimal struct {
	d    decimal.Decimal
	lang renderers.Translator
	off  bool // in {% localize off %}: English's separator
}

func (d pyDecimal) String() string {
	f := l10n.English()
	if !d.off {
		f = langFormats(d.lang)
	}
	return f.FormatNumber(pyfmt.NumberText(d.d), false)
}
func (d pyDecimal) pyStr() string { return pyfmt.DecimalStr(d.d) }

// pyZeroDecimal is a Decimal zero as a template holds it: false in a
// condition, |default and {% firstof %}, as Python's Decimal("0.00") is,
// where pongo2 finds any struct true. pongo2 reads an empty slice as
// false, so the decimal is kept past the slice's length, in its capacity;
// it prints as pyDecimal does.
type pyZeroDecimal []pyDecimal

func zeroDecimal(d pyDecimal) pyZeroDecimal {
	z := make(pyZeroDecimal, 1)
	z[0] = d
	return z[:0]
}

func (z pyZeroDecimal) decimal() pyDecimal { return z[:1][0] }
func (z pyZeroDecimal) String() string     { return z.decimal().String() }
func (z pyZeroDecimal) pyStr() string      { return z.decimal().pyStr() }

// pyTime is a date, a date and time or a time of day as a Django template
// prints it (formats.localize): in its language's DATE_FORMAT,
// DATETIME_FORMAT or TIME_FORMAT.
type pyTime struct {
	t    time.Time
	lang renderers.Translator
	off  bool // in {% localize off %}: English's formats, lang's words
}

func (p pyTime) String() string { return renderers.Escape(p.localized()) }

// pyStr is Python's str() of the time, what a stringfilter reads.
func (p pyTime) pyStr() string { return pyfmt.TimeStr(p.t) }

func (p pyTime) localized() string {
	kind := l10n.KindOf(p.t)
	f := l10n.English()
	if !p.off {
		f = langFormats(p.lang)
	}
	format := f.DateTimeFormat
	switch kind {
	case l10n.Date:
		format = f.DateFormat
	case l10n.TimeOfDay:
		format = f.TimeFormat
	}
	s, err := l10n.FormatDate(p.t, kind, format, p.lang)
	if err != nil {
		return "" // a language's own format never mixes them up
	}
	return s
}

// pyErrorData is an error list's as_data: its messages, so that it tests
// and counts as the list does (false when empty), printing as Django's
// repr of a list of ValidationErrors.
type pyErrorData []string

func (d pyErrorData) String() string { return renderers.Escape(d.pyStr()) }

func (d pyErrorData) pyStr() string {
	var b strings.Builder
	b.WriteByte('[')
	for i, m := range d {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("ValidationError([" + pyfmt.Repr(m) + "])")
	}
	b.WriteByte(']')
	return b.String()
}

// pyErrorDataDict is an error dict's as_data: its fields' as_data in
// order, printing as the repr of the dict.
type pyErrorDataDict []fieldErrorData

type fieldErrorData struct {
	name string
	data pyErrorData
}

func (d pyErrorDataDict) String() string { return renderers.Escape(d.pyStr()) }

func (d pyErrorDataDict) pyStr() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range d {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyfmt.Repr(f.name) + ": " + f.data.pyStr())
	}
	b.WriteByte('}')
	return b.String()
}

// pyAttrs is a widget's attrs as Python's dict repr prints them.
type pyAttrs renderers.Attrs

func (a pyAttrs) String() string { return renderers.Escape(a.pyStr()) }

func (a pyAttrs) pyStr() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range renderers.Attrs(a).Keys() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyfmt.Repr(k))
		b.WriteString(": ")
		b.WriteString(pyfmt.Repr(a[k]))
	}
	b.WriteByte('}')
	return b.String()
}

// pyText is a wrapper that prints one text and has another for filters:
// its String is what {{ v }} prints, localized and escaped (pongo2
// autoescapes only values of string kind, and a list's repr quotes its
// strings); pyStr is Python's str() of it unescaped, what Django's
// stringfilters (|safe, |escape, |upper...) read: a date or a number
// unlocalized.
type pyText interface{ pyStr() string }

// text is v's text unescaped.
func text(v *pongo2.Value) string {
	if s, ok := plainText(v); ok {
		return s
	}
	return v.String()
}

// plainText is the text of a value whose String is escaped: a wrapper of
// this file, or an Object printing a plain string (the repr of a choice
// group, of an error list's get_json_data).
func plainText(v *pongo2.Value) (string, bool) {
	if v.IsNil() {
		return "", false
	}
	switch x := v.Interface().(type) {
	case pyText:
		return x.pyStr(), true
	case renderers.Object:
		s, ok := x[renderers.HTMLKey].(string)
		return s, ok
	}
	return "", false
}

// raw is the value in v as formwork's values spell it: a wrapper of this
// file unwrapped, nil for None.
func raw(v *pongo2.Value) any {
	if v.IsNil() {
		return nil
	}
	return unwrap(v.Interface())
}

func unwrap(v any) any {
	switch x := v.(type) {
	case pyNone:
		return nil
	case pyStrs:
		return []string(x)
	case pyList:
		return []any(x)
	case pyTuple:
		return []any(x)
	case pyDuration:
		return time.Duration(x)
	case pyFloat:
		return float64(x)
	case pyFloatComma:
		return float64(x)
	case pyDecimal:
		return x.d
	case pyZeroDecimal:
		return x.decimal().d
	case pyAttrs:
		return renderers.Attrs(x)
	case pyTime:
		return x.t
	}
	return v
}

// isNone reports whether v is Python's None: nil, undefined, or None read
// from an Object.
func isNone(v *pongo2.Value) bool {
	if v.IsNil() {
		return true
	}
	_, ok := v.Interface().(pyNone)
	return ok
}

// py converts a render's values to what pongo2 sees, for a render in
// lang's language (nil for English): a date prints as Django's localize()
// prints it in that language; with off (inside {% localize off %}) in
// English's formats, as localize(value, use_l10n=False) does.
type py struct {
	lang renderers.Translator
	off  bool
}

// object is o as pongo2 sees it: the values its attributes compute
// (funcs with no arguments), and those it holds, wrapped by value; its
// nested Objects and the Objects it iterates over likewise.
func (c py) object(o renderers.Object) renderers.Object {
	out := make(renderers.Object, len(o))
	for k, v := range o {
		switch x := v.(type) {
		case nil:
			// A key holding nil is None (sub.id_for_label of a select's
			// option); a missing key is undefined.
			out[k] = pyNone{}
		case func() any:
			out[k] = func() any { return c.value(x()) }
		case func() []any:
			if k == renderers.IterKey {
				out[k] = func() []any { return c.items(x()) }
			} else {
				out[k] = v
			}
		case renderers.Object:
			out[k] = c.object(x)
		case time.Time:
			out[k] = c.value(x)
		case renderers.Attrs:
			out[k] = pyAttrs(x)
		case []any:
			out[k] = c.items(x)
		default:
			out[k] = v
		}
	}
	return out
}

// items is a list's items with their Objects, and the pairs holding
// Objects, as pongo2 sees them.
func (c py) items(items []any) []any {
	var out []any
	for i, it := range items {
		var conv any
		switch x := it.(type) {
		case renderers.Object:
			conv = c.object(x)
		case []any:
			conv = c.items(x)
		default:
			continue
		}
		if out == nil {
			out = make([]any, len(items))
			copy(out, items)
		}
		out[i] = conv
	}
	if out == nil {
		return items
	}
	return out
}

// value is the value of an Object's attribute as pongo2 sees it.
func (c py) value(v any) any {
	switch x := v.(type) {
	case nil:
		return pyNone{}
	case renderers.Object:
		return c.object(x)
	case renderers.Attrs:
		return pyAttrs(x)
	case time.Time:
		return pyTime{t: x, lang: c.lang, off: c.off}
	case []string:
		return pyStrs(x)
	case []any:
		// A list of Objects (form.visible_fields) is iterated, not
		// printed; a list of plain values prints as its repr.
		for _, it := range x {
			switch it.(type) {
			case renderers.Object, []any:
				return c.items(x)
			}
		}
		return pyList(x)
	case time.Duration:
		return pyDuration(x)
	case float64:
		if !c.off && langFormats(c.lang).DecimalSeparator == "," {
			return pyFloatComma(x)
		}
		return pyFloat(x)
	case decimal.Decimal:
		if x.IsZero() {
			return zeroDecimal(pyDecimal{x, c.lang, c.off})
		}
		return pyDecimal{x, c.lang, c.off}
	}
	return v
}

// context is a render's context value as pongo2 sees it.
func (c py) context(v any) any {
	switch x := v.(type) {
	case renderers.Object:
		return c.object(x)
	case []any:
		return c.items(x)
	}
	return v
}
