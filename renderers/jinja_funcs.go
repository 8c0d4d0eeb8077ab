package renderers

import (
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/CloudyKit/jet/v6"

	"github.com/formwork/formwork/internal/pyfmt"
)

// isTextTemplate reports whether a template writes text, not HTML (the
// error lists' as_text).
func isTextTemplate(name string) bool { return strings.HasSuffix(name, ".txt") }

// jetTextSet is the set text templates render with: their values are
// escaped as Django's Jinja2 backend escapes them (markupsafe: ' as &#39;,
// " as &#34;), since text is compared byte for byte; HTML templates keep
// the renderers' shared table, equal as HTML.
func (r *Jinja2) jetTextSet() *jet.Set {
	r.textOnce.Do(func() {
		r.jetSet() // the loader
		r.textSet = jet.NewSet(r.loader,
			jet.WithSafeWriter(markupsafeEscapeTo),
			jet.WithTemplateNameExtensions([]string{""}),
			jet.DevelopmentMode(r.Reload),
		)
		addJetGlobals(r.textSet)
	})
	return r.textSet
}

var markupsafe = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func markupsafeEscapeTo(w io.Writer, b []byte) { _, _ = markupsafe.WriteString(w, string(b)) }

// addJinjaGlobals adds the functions the templates TranslateJinja writes
// call: what Jinja's loops visit, its "in" and its filters.
func addJinjaGlobals(set *jet.Set) {
	for name, fn := range map[string]jet.Func{
		"jinja_print":      jinjaPrint,
		"jinja_div":        jinjaDiv,
		"jinja_int":        jinjaInt,
		"jinja_index":      jinjaIndex,
		"jinja_attr":       jinjaAttr,
		"jinja_list":       jinjaList,
		"jinja_items":      jinjaItems,
		"jinja_in":         jinjaIn,
		"jinja_escape":     jinjaEscape,
		"jinja_default":    jinjaDefault,
		"jinja_lower":      jinjaString(strings.ToLower),
		"jinja_upper":      jinjaString(strings.ToUpper),
		"jinja_trim":       jinjaString(strings.TrimSpace),
		"jinja_capitalize": jinjaString(capitalize),
		"jinja_title":      jinjaString(title),
		"jinja_join":       jinjaJoin,
		"jinja_length":     jinjaLength,
		"jinja_first":      jinjaEnd(true),
		"jinja_last":       jinjaEnd(false),
	} {
		set.AddGlobalFunc(name, fn)
	}
}

// jinjaPrint is what {{ x }} prints: Python's str() of booleans and
// floats (True, 2.0), everything else as jet prints it.
func jinjaPrint(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("print", 1, 1)
	v := a.Get(0)
	switch x := valueOf(v).(type) {
	case bool, float64, float32:
		return reflect.ValueOf(pyfmt.Str(x))
	}
	return v
}

// jinjaIndex is x[i] as Python reads it: a list's item (negative from
// the end), a string's character, a mapping's value; nil (undefined)
// where there is none.
func jinjaIndex(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("[]", 2, 2)
	x, i := valueOf(a.Get(0)), valueOf(a.Get(1))
	if n, ok := i.(int); ok {
		var items []any
		switch v := x.(type) {
		case string:
			for _, r := range v {
				items = append(items, string(r))
			}
		case nil, jetObject, map[string]any, Attrs:
		default:
			if rv := reflect.ValueOf(x); rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
				items = IterItems(x, false)
			}
		}
		if items != nil {
			if n < 0 {
				n += len(items)
			}
			if n >= 0 && n < len(items) {
				return reflect.ValueOf(newJetConverter().conv(items[n]))
			}
			return reflect.Value{}
		}
	}
	return lookup(x, pyfmt.Str(i))
}

// jinjaAttr is x.name of a computed value: its key, or nil (undefined).
func jinjaAttr(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("attr", 2, 2)
	return lookup(valueOf(a.Get(0)), pyfmt.Str(valueOf(a.Get(1))))
}

func lookup(x any, key string) reflect.Value {
	switch m := x.(type) {
	case jetObject:
		if v, ok := m[key]; ok {
			return reflect.ValueOf(v)
		}
	case Attrs:
		if v, ok := m[key]; ok {
			return reflect.ValueOf(newJetConverter().conv(v))
		}
	case map[string]any:
		if v, ok := m[key]; ok {
			return reflect.ValueOf(newJetConverter().conv(v))
		}
	}
	return reflect.Value{}
}

// jinjaInt is an integer literal.
func jinjaInt(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("int", 1, 1)
	n, err := strconv.Atoi(pyfmt.Str(valueOf(a.Get(0))))
	if err != nil {
		a.Panicf("int: %v", err)
	}
	return reflect.ValueOf(n)
}

// jinjaDiv is Python's true division: a float.
func jinjaDiv(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("/", 2, 2)
	x, xok := toFloat(valueOf(a.Get(0)))
	y, yok := toFloat(valueOf(a.Get(1)))
	if !xok || !yok {
		a.Panicf("/: unsupported operand types")
	}
	if y == 0 {
		a.Panicf("division by zero")
	}
	return reflect.ValueOf(x / y)
}

func toFloat(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}

// jinjaValues returns what Jinja's for loop visits in v, converted for
// jet: an Object's items, a slice's items, a mapping's keys.
func jinjaValues(v any) []any {
	c := newJetConverter()
	var items []any
	switch x := v.(type) {
	case nil:
	case jetObject:
		for _, e := range Object(x).Items() {
			items = append(items, c.conv(e))
		}
	case string:
		for _, r := range x {
			items = append(items, string(r))
		}
	default:
		for _, e := range IterItems(v, false) {
			items = append(items, c.conv(e))
		}
	}
	return items
}

// jinjaLength is the length filter, Python's len(): an Object's number
// of items (an error list's messages, a form's fields), not of its keys.
func jinjaLength(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("length", 1, 1)
	switch x := valueOf(a.Get(0)).(type) {
	case jetObject:
		return reflect.ValueOf(len(Object(x).Items()))
	case string:
		return reflect.ValueOf(utf8.RuneCountInString(x))
	case nil:
		a.Panicf("length: object of type 'NoneType' has no len()")
	}
	v := a.Get(0)
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String:
		return reflect.ValueOf(v.Len())
	}
	a.Panicf("length: object of type %s has no len()", v.Type())
	return reflect.Value{}
}

// jinjaList is the list a translated for loop visits.
func jinjaList(a jet.Arguments) reflect.Value {
	return reflect.ValueOf(jinjaValues(argument(a, "jinja_list")))
}

// jinjaItems is mapping.items(): [name, value] pairs in order, Attrs in
// Attrs.Keys() order.
func jinjaItems(a jet.Arguments) reflect.Value {
	r := jetItems(a).Interface().(*jetRanger)
	out := make([]any, len(r.keys))
	for i, k := range r.keys {
		out[i] = []any{k, r.values[i]}
	}
	return reflect.ValueOf(out)
}

// jinjaIn is Python's "a in b": a substring, an item, a mapping's key.
func jinjaIn(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("in", 2, 2)
	item, container := a.Get(0), a.Get(1)
	if !container.IsValid() {
		a.Panicf("in: argument of type NoneType is not iterable")
	}
	if s, ok := valueOf(container).(string); ok {
		return reflect.ValueOf(strings.Contains(s, pyfmt.Str(valueOf(item))))
	}
	if m, ok := valueOf(container).(jetObject); ok {
		_, found := m[pyfmt.Str(valueOf(item))]
		return reflect.ValueOf(found)
	}
	want := valueOf(item)
	for _, e := range jinjaValues(valueOf(container)) {
		if reflect.DeepEqual(e, want) || pyfmt.Str(e) == pyfmt.Str(want) && reflect.TypeOf(e) == reflect.TypeOf(want) {
			return reflect.ValueOf(true)
		}
	}
	return reflect.ValueOf(false)
}

func valueOf(v reflect.Value) any {
	if !v.IsValid() || (v.Kind() == reflect.Interface && v.IsNil()) {
		return nil
	}
	return v.Interface()
}

// jinjaEscape is the escape filter: markup stays as it is, anything else
// is escaped once and becomes markup.
func jinjaEscape(a jet.Arguments) reflect.Value {
	switch x := argument(a, "escape").(type) {
	case jetSafe:
		return reflect.ValueOf(x)
	case jetObject:
		return reflect.ValueOf(jetSafe(x.String()))
	case nil:
		return reflect.ValueOf(jetSafe("None"))
	default:
		return reflect.ValueOf(jetSafe(Escape(pyfmt.Str(x))))
	}
}

// jinjaDefault is default(value, default=""): the default where the
// value is nil, which is how an undefined attribute (a missing key)
// reaches jet; Jinja would print an explicit None.
func jinjaDefault(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("default", 1, 2)
	if v := a.Get(0); v.IsValid() && !(v.Kind() == reflect.Interface && v.IsNil()) {
		return v
	}
	if a.NumOfArguments() == 2 {
		return a.Get(1)
	}
	return reflect.ValueOf("")
}

// jinjaString makes a filter of a string function; markup stays markup.
func jinjaString(f func(string) string) jet.Func {
	return func(a jet.Arguments) reflect.Value {
		switch x := argument(a, "filter").(type) {
		case jetSafe:
			return reflect.ValueOf(jetSafe(f(string(x))))
		case jetObject:
			return reflect.ValueOf(jetSafe(f(x.String())))
		case nil:
			return reflect.ValueOf(f("None"))
		default:
			return reflect.ValueOf(f(pyfmt.Str(x)))
		}
	}
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// title is Jinja's title filter: each word's first letter upper-cased,
// the rest lower-cased.
func title(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if unicode.IsSpace(r) || r == '-' || r == '(' || r == '{' || r == '[' || r == '<' {
			start = true
			b.WriteRune(r)
			continue
		}
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = false
	}
	return b.String()
}

// jinjaJoin is join(values, d=""): the items' strings joined; markup
// when any item is, the others escaped then.
func jinjaJoin(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("join", 1, 2)
	sep := ""
	if a.NumOfArguments() == 2 {
		sep = pyfmt.Str(valueOf(a.Get(1)))
	}
	items := jinjaValues(valueOf(a.Get(0)))
	safe := false
	for _, e := range items {
		switch e.(type) {
		case jetSafe, jetObject:
			safe = true
		}
	}
	parts := make([]string, len(items))
	for i, e := range items {
		switch x := e.(type) {
		case jetSafe:
			parts[i] = string(x)
		case jetObject:
			parts[i] = x.String()
		default:
			parts[i] = pyfmt.Str(x)
			if safe {
				parts[i] = Escape(parts[i])
			}
		}
	}
	if safe {
		return reflect.ValueOf(jetSafe(strings.Join(parts, Escape(sep))))
	}
	return reflect.ValueOf(strings.Join(parts, sep))
}

// jinjaEnd makes the first and last filters.
func jinjaEnd(first bool) jet.Func {
	return func(a jet.Arguments) reflect.Value {
		items := jinjaValues(argument(a, "first"))
		if len(items) == 0 {
			return reflect.ValueOf(nil)
		}
		if first {
			return reflect.ValueOf(items[0])
		}
		return reflect.ValueOf(items[len(items)-1])
	}
}

// jetFuncWithArgs wraps a context func of fixed arguments and one result
// (label_tag_kwargs...) so that what it returns is converted as every
// context value is: markup it returns prints unescaped.
func jetFuncWithArgs(fn reflect.Value) jet.Func {
	t := fn.Type()
	return func(a jet.Arguments) reflect.Value {
		a.RequireNumOfArguments("method", t.NumIn(), t.NumIn())
		in := make([]reflect.Value, t.NumIn())
		for i := range in {
			v := a.Get(i)
			if v.Kind() == reflect.Interface && !v.IsNil() {
				v = v.Elem()
			}
			switch {
			case !v.IsValid():
				in[i] = reflect.Zero(t.In(i))
			case v.Type().AssignableTo(t.In(i)):
				in[i] = v
			case v.Type().ConvertibleTo(t.In(i)):
				in[i] = v.Convert(t.In(i))
			default:
				a.Panicf("method: argument %d is %s, want %s", i+1, v.Type(), t.In(i))
			}
		}
		return reflect.ValueOf(newJetConverter().conv(fn.Call(in)[0].Interface()))
	}
}
