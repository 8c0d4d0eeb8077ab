package renderers

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/CloudyKit/jet/v6"

	"github.com/formwork/formwork/internal/pyfmt"
)

// HTML is markup that is already safe: templates print it as it is. An
// empty HTML is false in a template condition.
type HTML string

// String returns the markup.
func (h HTML) String() string { return string(h) }

// templateHTML is how HTML travels inside template engines: pongo2 escapes
// every value of string kind, so safe markup is carried as a byte slice
// with a String method, which it prints untouched; jet calls Render.
type templateHTML []byte

func (h templateHTML) String() string               { return string(h) }
func (h templateHTML) Render(r *jet.Runtime)        { r.Writer.Write(h) }
func (h templateHTML) MarshalText() ([]byte, error) { return h, nil }

// Safe turns markup into the value a template context carries for it.
func Safe(h HTML) any { return templateHTML(h) }

// IsSafe reports whether a context value is safe markup, and returns it.
func IsSafe(v any) (string, bool) {
	switch x := v.(type) {
	case templateHTML:
		return string(x), true
	case HTML:
		return string(x), true
	}
	return "", false
}

// HTMLKey is the attribute of an Object that gives its HTML form: what
// {{ obj }} prints. Its value is an HTML, or a func() HTML called when
// printed.
const HTMLKey = "__html__"

// IterKey is the attribute of an Object that a for loop iterates over.
const IterKey = "__iter__"

// Object is a template value with attributes and an HTML form of its own:
// a bound field, a form, an error list. Attributes that cost something to
// compute are funcs with no arguments: Django-syntax templates call them
// when named ({{ field.label_tag }}), Jinja-style templates call them
// explicitly ({{ field.label_tag() }}). An empty Object is false in a
// condition and prints nothing.
type Object map[string]any

// String returns the Object's HTML form.
func (o Object) String() string {
	switch h := o[HTMLKey].(type) {
	case func() HTML:
		return string(h())
	case HTML:
		return string(h)
	case string:
		return Escape(h)
	}
	return ""
}

// Render prints the Object's HTML in a jet template.
func (o Object) Render(r *jet.Runtime) { r.Writer.Write([]byte(o.String())) }

// Items returns what a loop over the Object visits.
func (o Object) Items() []any {
	if items, ok := o[IterKey].([]any); ok {
		return items
	}
	if f, ok := o[IterKey].(func() []any); ok {
		return f()
	}
	return nil
}

// Attrs are the HTML attributes of an element. A value true writes the
// bare attribute name, false leaves the attribute out, anything else is
// written as Python's str() of it. Attributes print in a stable order: the
// order in which Django usually builds them, then by name.
type Attrs map[string]any

// Clone returns a copy of a, safe to change.
func (a Attrs) Clone() Attrs {
	out := make(Attrs, len(a)+2)
	for k, v := range a {
		out[k] = v
	}
	return out
}

// Update copies every attribute of b into a.
func (a Attrs) Update(b Attrs) {
	for k, v := range b {
		a[k] = v
	}
}

var attrRank = map[string]int{
	"type": 1, "name": 2, "value": 3, "class": 4, "cols": 5, "rows": 6,
	"maxlength": 7, "minlength": 8, "min": 9, "max": 10, "step": 11,
	"placeholder": 12, "autocomplete": 13, "pattern": 14, "size": 15,
	"multiple": 20, "checked": 21, "selected": 22, "required": 30,
	"aria-describedby": 31, "aria-invalid": 32, "autofocus": 33,
	"disabled": 34, "readonly": 35, "id": 40, "lang": 41,
}

// Keys returns the attribute names in print order.
func (a Attrs) Keys() []string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, rj := attrRank[keys[i]], attrRank[keys[j]]
		if ri == 0 {
			ri = 25
		}
		if rj == 0 {
			rj = 25
		}
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Pairs returns [name, value] pairs in print order: what a template's
// loop over attrs.items visits.
func (a Attrs) Pairs() []any {
	keys := a.Keys()
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = []any{k, a[k]}
	}
	return out
}

// Write writes the attributes as Django's attrs.html does, each with a
// leading space, values escaped.
func (a Attrs) Write(b *strings.Builder) {
	for _, k := range a.Keys() {
		v := a[k]
		switch x := v.(type) {
		case bool:
			if x {
				b.WriteByte(' ')
				b.WriteString(Escape(k))
			}
			continue
		case nil:
			b.WriteByte(' ')
			b.WriteString(Escape(k))
			b.WriteString(`="None"`)
			continue
		}
		b.WriteByte(' ')
		b.WriteString(Escape(k))
		b.WriteString(`="`)
		b.WriteString(Escape(pyfmt.Str(v)))
		b.WriteByte('"')
	}
}

// String returns the attributes as HTML.
func (a Attrs) String() string {
	var b strings.Builder
	a.Write(&b)
	return b.String()
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#x27;")

// Escape escapes s for HTML text and attribute values, as Django's escape().
func Escape(s string) string {
	if !strings.ContainsAny(s, `&<>"'`) {
		return s
	}
	return escaper.Replace(s)
}

// ConditionalEscape escapes v unless it is already safe markup.
func ConditionalEscape(v any) string {
	if s, ok := IsSafe(v); ok {
		return s
	}
	if o, ok := v.(Object); ok {
		return o.String()
	}
	return Escape(pyfmt.Str(v))
}

// Errorf builds an error about a template, naming it.
func templateError(name string, err error) error {
	return fmt.Errorf("template %q: %w", name, err)
}

// IterItems returns what a template loop over v visits, as Django would:
// the items of a sequence, the keys of a mapping (or [key, value] pairs
// when two loop variables unpack them), the HTML attributes in order.
func IterItems(v any, pairs bool) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	case Object:
		// {% for name, errors in form.errors.items %} is rewritten to a
		// loop over form.errors with two variables: a mapping's pairs.
		if items, ok := x["items"].([]any); ok && pairs {
			return items
		}
		return x.Items()
	case Attrs:
		if pairs {
			return x.Pairs()
		}
		keys := x.Keys()
		out := make([]any, len(keys))
		for i, k := range keys {
			out[i] = k
		}
		return out
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = rv.Index(i).Interface()
		}
		return out
	case reflect.Map:
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		out := make([]any, len(keys))
		for i, k := range keys {
			if pairs {
				out[i] = []any{k.Interface(), rv.MapIndex(k).Interface()}
			} else {
				out[i] = k.Interface()
			}
		}
		return out
	case reflect.String:
		var out []any
		for _, r := range rv.String() {
			out = append(out, string(r))
		}
		return out
	}
	return nil
}
