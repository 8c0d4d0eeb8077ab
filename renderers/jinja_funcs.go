package renderers

import (
	"fmt"
	"html"
	"io"
	"math"
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
		"jinja_print":   jinjaPrint,
		"jinja_test":    jetFilter(jinjaTest),
		"jinja_div":     jinjaDiv,
		"jinja_int":     jinjaInt,
		"jinja_index":   jinjaIndex,
		"jinja_attr":    jinjaAttr,
		"jinja_list":    jinjaList,
		"jinja_items":   jinjaItems,
		"jinja_in":      jetFilter(jinjaIn),
		"jinja_cmp":     jetFilter(jinjaCmp),
		"jinja_bool":    jinjaBool,
		"jinja_method":  jinjaMethod,
		"jinja_prop":    jinjaProp,
		"jinja_is_none": jinjaIsNone,
		"jinja_none":    func(jet.Arguments) reflect.Value { return reflect.ValueOf(jetNone{}) },
		"jinja_tuple":   jinjaTupleFunc,
		"jinja_unpack":  jinjaUnpack,
	} {
		set.AddGlobalFunc(name, fn)
	}
	for name, fn := range jinjaFilterFuncs {
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
	case []any, jinjaTuple:
		// A list prints as Python's str(): its items' repr.
		if r, ok := listRepr(x); ok {
			return reflect.ValueOf(r)
		}
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
	if o, ok := valueOf(a.Get(0)).(jetObject); ok {
		// A property (a bound field's errors) is computed, as when read
		// from a name.
		return lookupProp(o, pyfmt.Str(valueOf(a.Get(1))))
	}
	return lookup(valueOf(a.Get(0)), pyfmt.Str(valueOf(a.Get(1))))
}

// jinjaProp reads an attribute of jinjaPropertyOrValue: a method (a
// property of Django's that formwork's template object computes) is
// called, a value is returned as it is.
func jinjaProp(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("property", 2, 2)
	v := lookup(valueOf(a.Get(0)), pyfmt.Str(valueOf(a.Get(1))))
	if v.IsValid() && v.CanInterface() {
		if fn, ok := v.Interface().(jet.Func); ok {
			return fn(jet.Arguments{})
		}
	}
	return v
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
func jinjaLength(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("length", 1, 1)
	switch x := valueOf(a.Get(0)).(type) {
	case jetObject:
		return reflect.ValueOf(len(Object(x).Items()))
	case string:
		return reflect.ValueOf(utf8.RuneCountInString(x))
	case jetSafe:
		return reflect.ValueOf(utf8.RuneCountInString(string(x)))
	case jetMarkup:
		return reflect.ValueOf(utf8.RuneCountInString(string(x)))
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

// jinjaList is the list a translated for loop visits: none for an
// undefined value, an error for None.
func jinjaList(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("jinja_list", 1, 1)
	mustIterate(&a, "for")
	return reflect.ValueOf(jinjaValues(argument(&a, "jinja_list")))
}

// mustIterate fails where the first argument is None, which Jinja
// cannot iterate (an undefined value iterates as empty).
func mustIterate(a jinjaArgs, fn string) {
	if v := a.Get(0); v.IsValid() {
		if _, ok := v.Interface().(jetNone); ok {
			a.Panicf("%s: 'NoneType' object is not iterable", fn)
		}
	}
}

// jinjaIsNone is the test none (and == None): true for None and, as jet
// cannot tell them apart, for nil, an undefined value or a nil that is
// not an Object's attribute (a widget context's value).
func jinjaIsNone(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("none", 1, 1)
	return reflect.ValueOf(isNone(a.Get(0)))
}

// jinjaTest is Jinja's built-in tests of a value ("x is string"), and
// divisibleby with its argument; TranslateJinja writes "in" and the
// comparisons as jinja_in and jet's operators.
func jinjaTest(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("test", 2, 3)
	name, _ := valueOf(a.Get(0)).(string)
	v := valueOf(a.Get(1))
	if a.NumOfArguments() == 3 { // divisibleby
		n, ok1 := testInt(v)
		d, ok2 := testInt(valueOf(a.Get(2)))
		if !ok1 || !ok2 || d == 0 {
			a.Panicf("divisibleby: want two integers, the second not zero")
		}
		return reflect.ValueOf(n%d == 0)
	}
	var is bool
	switch name {
	case "string":
		switch v.(type) {
		case string, jetSafe, jetMarkup:
			is = true
		}
	case "number", "integer", "float", "boolean":
		switch v.(type) {
		case bool:
			is = name == "number" || name == "boolean"
		case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
			is = name == "number" || name == "integer"
		case float32, float64, jetFloat:
			is = name == "number" || name == "float"
		case jetDecimal:
			is = name == "number"
		}
	case "mapping":
		switch x := v.(type) {
		case jetObject:
			_, is = x["items"] // an error dict; a bound field, a form are not
		case Attrs:
			is = true
		default:
			is = v != nil && reflect.TypeOf(v).Kind() == reflect.Map
		}
	case "iterable", "sequence":
		switch x := v.(type) {
		case string, jetSafe, jetMarkup, Attrs:
			is = true
		case jetObject:
			// An empty Object is an empty error list or dict.
			_, is = x[IterKey]
			is = is || len(x) == 0
		default:
			if v != nil {
				k := reflect.TypeOf(v).Kind()
				is = k == reflect.Slice || k == reflect.Array || k == reflect.Map || (name == "iterable" && k == reflect.Pointer)
			}
		}
	case "callable":
		_, is = v.(jet.Func)
	case "odd", "even":
		n, ok := testInt(v)
		if !ok {
			a.Panicf("%s: want an integer, not %s", name, pyTypeName(v))
		}
		is = (n%2 != 0) == (name == "odd")
	case "lower", "upper":
		// Python's str.islower/isupper: some cased letter, and every
		// cased letter in that case.
		s := pyfmt.Str(v)
		if name == "lower" {
			is = s == strings.ToLower(s) && s != strings.ToUpper(s)
		} else {
			is = s == strings.ToUpper(s) && s != strings.ToLower(s)
		}
	case "escaped":
		switch v.(type) {
		case jetSafe, jetMarkup, jetObject:
			is = true
		}
	default:
		a.Panicf("the Jinja2 test %q is not supported", name)
	}
	return reflect.ValueOf(is)
}

// testInt is v as an integer, for the tests that take one.
func testInt(v any) (int64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(rv.Uint()), true
	case reflect.Bool:
		if rv.Bool() {
			return 1, true
		}
		return 0, true
	}
	return 0, false
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
func jinjaIn(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("in", 2, 2)
	item, container := a.Get(0), a.Get(1)
	if valueOf(container) == nil {
		a.Panicf("in: argument of type NoneType is not iterable")
	}
	switch s := valueOf(container).(type) {
	case string, jetSafe, jetMarkup:
		return reflect.ValueOf(strings.Contains(pyfmt.Str(s), pyfmt.Str(valueOf(item))))
	}
	if m, ok := valueOf(container).(jetObject); ok {
		_, found := m[pyfmt.Str(valueOf(item))]
		return reflect.ValueOf(found)
	}
	if pyKind(valueOf(container)) == "number" {
		a.Panicf("in: argument of type '%s' is not iterable", pyTypeNameOf(valueOf(container)))
	}
	want := valueOf(item)
	for _, e := range jinjaValues(valueOf(container)) {
		if reflect.DeepEqual(e, want) || pyfmt.Str(e) == pyfmt.Str(want) && reflect.TypeOf(e) == reflect.TypeOf(want) {
			return reflect.ValueOf(true)
		}
	}
	return reflect.ValueOf(false)
}

// jinjaCmp is Python's a OP b, the comparison Jinja makes: numbers of
// every kind by value, strings by code point, lists item by item; between
// values Python cannot order, the TypeError Jinja lets through.
func jinjaCmp(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("compare", 3, 3)
	x, y := valueOf(a.Get(0)), valueOf(a.Get(2))
	op, _ := valueOf(a.Get(1)).(string)
	switch op {
	case "==":
		return reflect.ValueOf(jinjaEqual(x, y))
	case "!=":
		return reflect.ValueOf(!jinjaEqual(x, y))
	}
	c, err := pyCompare(x, y)
	if err != nil {
		a.Panicf("'%s' not supported between instances of '%s' and '%s'", op, pyTypeNameOf(x), pyTypeNameOf(y))
	}
	var r bool
	switch op {
	case "<":
		r = c < 0
	case "<=":
		r = c <= 0
	case ">":
		r = c > 0
	case ">=":
		r = c >= 0
	default:
		a.Panicf("compare: unknown operator %q", op)
	}
	return reflect.ValueOf(r)
}

// jinjaBool is Python's bool() of a value, which Jinja's conditions
// read: a zero of any number kind (a Decimal's or a float's text, as the
// context holds them), an empty string, list, mapping or Object, None and
// undefined are false.
func jinjaBool(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("bool", 1, 1)
	return reflect.ValueOf(pyTruthy(a.Get(0)))
}

// jinjaEqual is Python's a == b, where two template objects (a form, a
// bound field, an error dict) are equal when they print the same.
func jinjaEqual(x, y any) bool {
	if ox, ok := x.(jetObject); ok {
		if oy, ok := y.(jetObject); ok {
			return ox.String() == oy.String()
		}
	}
	return pyEqual(x, y)
}

// valueOf is the value v holds, nil for undefined and for Python's None
// (jetNone): the Jinja functions read both as None, but for default,
// which replaces only an undefined value.
func valueOf(v reflect.Value) any {
	if !v.IsValid() || (v.Kind() == reflect.Interface && v.IsNil()) {
		return nil
	}
	x := v.Interface()
	if _, ok := x.(jetNone); ok {
		return nil
	}
	return x
}

// jinjaDefault is default(value, default="", boolean=false): the default
// where the value is nil, which is how an undefined attribute (a missing
// key) reaches jet (None, jetNone, stays None, as in Jinja), or, with
// boolean true, where the value is false as Python reads it (None too).
func jinjaDefault(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("default", 1, 3)
	v := a.Get(0)
	use := !v.IsValid() || (v.Kind() == reflect.Interface && v.IsNil())
	if !use && a.NumOfArguments() == 3 && isTrue(a.Get(2)) {
		use = !pyTruthy(v)
	}
	if !use {
		return v
	}
	if a.NumOfArguments() >= 2 {
		return a.Get(1)
	}
	return reflect.ValueOf("")
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

// jinjaJoin is join(value, d="", attribute=None): the items' strings (or
// their attribute's) joined. With autoescape, as Django's Jinja2
// backend runs, markup when an item has __html__ (the other items and
// the separator escaped) or the separator is Markup; a Django safe
// string separator joins plain strings.
func jinjaJoin(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("join", 1, 3)
	sepV := reflect.ValueOf("")
	if a.NumOfArguments() > 1 {
		sepV = a.Get(1)
	}
	mustIterate(a, "join")
	defer recoverAs(a, "join")
	items := jinjaValues(valueOf(a.Get(0)))
	vals := make([]reflect.Value, len(items))
	for i, e := range items {
		vals[i] = reflect.ValueOf(e)
		if e == nil {
			vals[i] = reflect.ValueOf(jetNone{}) // None in a list
		}
	}
	if a.NumOfArguments() > 2 {
		if parts := attrPath(a, "join", a.Get(2)); parts != nil {
			g := attrGetter{fn: "join", parts: parts}
			for i, e := range items {
				vals[i] = g.get(e)
			}
		}
	}
	sep, sk := softStr(sepV)
	parts := make([]string, len(items))
	if sk == plainText {
		markup := false
		for _, e := range vals {
			if hasHTML(e) {
				markup = true
			}
		}
		for i, e := range vals {
			s, k := softStr(e)
			if markup && k == plainText {
				s = markupsafe.Replace(s)
			}
			parts[i] = s
		}
		if markup {
			return reflect.ValueOf(jetMarkup(strings.Join(parts, markupsafe.Replace(sep))))
		}
		return reflect.ValueOf(strings.Join(parts, sep))
	}
	for i, e := range vals {
		s, k := softStr(e)
		if sk == markupText && k == plainText {
			s = markupsafe.Replace(s)
		}
		parts[i] = s
	}
	if sk == markupText {
		return reflect.ValueOf(jetMarkup(strings.Join(parts, sep)))
	}
	return reflect.ValueOf(strings.Join(parts, sep))
}

// jinjaEnd makes the first and last filters.
func jinjaEnd(first bool) jinjaFilter {
	return func(a jinjaArgs) reflect.Value {
		mustIterate(a, "first")
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
			case isNone(v):
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

// jinjaText is a filter's string argument as Jinja's soft_str reads it:
// its text, and whether it is markup (an Object prints its HTML, None
// "None").
func jinjaText(v any) (string, bool) {
	switch x := v.(type) {
	case jetSafe:
		return string(x), true
	case jetMarkup:
		return string(x), true
	case jetObject:
		return x.String(), true
	}
	return pyfmt.Str(v), false
}

// jinjaReplace is replace(s, old, new, count=None). With autoescape, as
// Django's Jinja2 backend runs: Markup replaces in markup, its
// arguments escaped; old or new markup (new only where s is no markup)
// escapes s first; otherwise the plain strings are replaced, and a
// Django safe string gives a plain string.
func jinjaReplace(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("replace", 3, 4)
	s, sk := softStr(a.Get(0))
	old, ok := softStr(a.Get(1))
	repl, nk := softStr(a.Get(2))
	n := -1
	if a.NumOfArguments() == 4 {
		if c := valueOf(a.Get(3)); c != nil {
			i, isInt := c.(int)
			if !isInt {
				a.Panicf("replace: count must be an integer, not %s", pyTypeName(c))
			}
			n = i
		}
	}
	if n < 0 {
		n = -1
	}
	if ok != plainText || (nk != plainText && sk == plainText) {
		if sk == plainText {
			s = markupsafe.Replace(s)
		}
		sk = markupText
	}
	if sk != markupText {
		return reflect.ValueOf(strings.Replace(s, old, repl, n))
	}
	if ok == plainText {
		old = markupsafe.Replace(old)
	}
	if nk == plainText {
		repl = markupsafe.Replace(repl)
	}
	return reflect.ValueOf(jetMarkup(strings.Replace(s, old, repl, n)))
}

// pyTypeName is the Python type name of a value, for error messages.
func pyTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case string, jetSafe, jetMarkup:
		return "str"
	case bool:
		return "bool"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "int"
	case float32, float64:
		return "float"
	case []any:
		return "list"
	case jinjaTuple:
		return "tuple"
	}
	return pyTypeNameOf(v)
}

// jinjaTruncate is truncate(s, length=255, killwords=False, end='...',
// leeway=5): the text cut to length, at a word's end unless killwords,
// with end appended; a text only leeway longer is kept whole.
func jinjaTruncate(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("truncate", 1, 5)
	v := valueOf(a.Get(0))
	if v == nil {
		a.Panicf("truncate: object of type 'NoneType' has no len()")
	}
	s, kind := softStr(a.Get(0))
	length, killwords, end, leeway := 255, false, "...", 5
	intArg := func(i int, def int) int {
		if a.NumOfArguments() <= i {
			return def
		}
		switch x := valueOf(a.Get(i)).(type) {
		case nil:
			return def
		case int:
			return x
		case bool:
			if x {
				return 1
			}
			return 0
		default:
			a.Panicf("truncate: argument %d must be an integer, not %s", i+1, pyTypeName(x))
		}
		return def
	}
	length = intArg(1, length)
	if a.NumOfArguments() > 2 {
		killwords = isTrue(a.Get(2))
	}
	endKind := plainText
	if a.NumOfArguments() > 3 {
		end, endKind = softStr(a.Get(3))
	}
	leeway = intArg(4, leeway)
	endLen := utf8.RuneCountInString(end)
	if length < endLen {
		a.Panicf("truncate: expected length >= %d, got %d", endLen, length)
	}
	if leeway < 0 {
		a.Panicf("truncate: expected leeway >= 0, got %d", leeway)
	}
	runes := []rune(s)
	if len(runes) <= length+leeway {
		return reflect.ValueOf(v)
	}
	head := string(runes[:length-endLen])
	if !killwords {
		if i := strings.LastIndex(head, " "); i >= 0 {
			head = head[:i]
		}
	}
	if kind == markupText {
		if endKind == plainText {
			end = markupsafe.Replace(end)
		}
		return reflect.ValueOf(jetMarkup(head + end))
	}
	return reflect.ValueOf(head + end)
}

// isTrue is Python's truth of a value as jet holds it: None, false, zero,
// empty strings, lists, mappings and Objects are false.
func isTrue(v reflect.Value) bool {
	for v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.IsZero() {
		return false
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.String:
		return v.Len() > 0
	}
	return true
}

// jinjaWordcount is wordcount(s): the number of runs of \w characters.
func jinjaWordcount(a jinjaArgs) reflect.Value {
	s, _ := jinjaText(argument(a, "wordcount"))
	n, in := 0, false
	for _, r := range s {
		w := r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r)
		if w && !in {
			n++
		}
		in = w
	}
	return reflect.ValueOf(n)
}

// jinjaStriptags is striptags(s): comments and tags removed, whitespace
// collapsed to single spaces, entities unescaped; plain text.
func jinjaStriptags(a jinjaArgs) reflect.Value {
	s, _ := jinjaText(argument(a, "striptags"))
	for _, mark := range [][2]string{{"<!--", "-->"}, {"<", ">"}} {
		for {
			start := strings.Index(s, mark[0])
			if start < 0 {
				break
			}
			end := strings.Index(s[start:], mark[1])
			if end < 0 {
				break
			}
			s = s[:start] + s[start+end+len(mark[1]):]
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	return reflect.ValueOf(html.UnescapeString(s))
}

// urlQuote is Jinja's url_quote: the UTF-8 bytes percent-encoded but for
// letters, digits, "_.-~" and, outside a query string, "/"; in a query
// string a space is "+".
func urlQuote(s string, forQS bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_', c == '.', c == '-', c == '~':
			b.WriteByte(c)
		case c == '/' && !forQS:
			b.WriteByte(c)
		case c == ' ' && forQS:
			b.WriteByte('+')
		default:
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)>>4, 16)) + strings.ToUpper(strconv.FormatUint(uint64(c)&15, 16)))
		}
	}
	return b.String()
}

// jinjaURLEncode is urlencode(value): a string (or any scalar) quoted for
// a URL path, a mapping or a list of pairs as a query string.
func jinjaURLEncode(a jinjaArgs) reflect.Value {
	v := argument(a, "urlencode")
	var pairs [][2]any
	switch x := v.(type) {
	case Attrs:
		for _, k := range x.Keys() {
			pairs = append(pairs, [2]any{k, x[k]})
		}
	case map[string]any:
		for _, p := range IterItems(x, true) {
			kv := p.([]any)
			pairs = append(pairs, [2]any{kv[0], kv[1]})
		}
	case []any, jinjaTuple:
		for _, e := range IterItems(x, false) {
			kv := jinjaValues(e)
			if len(kv) != 2 {
				a.Panicf("urlencode: want (key, value) pairs")
			}
			pairs = append(pairs, [2]any{kv[0], kv[1]})
		}
	default:
		s, _ := jinjaText(v)
		return reflect.ValueOf(urlQuote(s, false))
	}
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		k, _ := jinjaText(p[0])
		e, _ := jinjaText(p[1])
		parts[i] = urlQuote(k, true) + "=" + urlQuote(e, true)
	}
	return reflect.ValueOf(strings.Join(parts, "&"))
}

// jinjaIntFilter is int(value, default=0, base=10): Python's int() of the
// value, of its float() where that fails ("42.23" is 42), else default.
func jinjaIntFilter(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("int", 1, 3)
	def := reflect.ValueOf(0)
	if a.NumOfArguments() > 1 {
		def = a.Get(1)
	}
	base := 10
	if a.NumOfArguments() > 2 {
		b, ok := valueOf(a.Get(2)).(int)
		if !ok || b < 2 || b > 36 {
			a.Panicf("int: base must be an integer from 2 to 36")
		}
		base = b
	}
	switch x := valueOf(a.Get(0)).(type) {
	case int:
		return reflect.ValueOf(x)
	case bool:
		if x {
			return reflect.ValueOf(1)
		}
		return reflect.ValueOf(0)
	case string, jetSafe:
		s := strings.TrimSpace(pyfmt.Str(x))
		prefixed := s
		if base == 16 || base == 8 || base == 2 {
			// int("0x1f", 16) accepts the base's prefix.
			neg := strings.HasPrefix(prefixed, "-")
			t := strings.TrimLeft(prefixed, "+-")
			if len(t) > 2 && t[0] == '0' && strings.ContainsRune(map[int]string{16: "xX", 8: "oO", 2: "bB"}[base], rune(t[1])) {
				t = t[2:]
			}
			if neg {
				t = "-" + t
			}
			prefixed = t
		}
		if n, err := strconv.ParseInt(prefixed, base, 64); err == nil {
			return reflect.ValueOf(int(n))
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) && strings.IndexFunc(s, func(r rune) bool { return r == 'x' || r == 'X' || r == '_' }) < 0 {
			return reflect.ValueOf(int(f))
		}
	default:
		if n, ok := pyNumberOf(x); ok && n.kind == numDecimal {
			return reflect.ValueOf(int(n.d.IntPart()))
		}
		if n, ok := pyNumberOf(x); ok && !math.IsInf(n.float(), 0) && !math.IsNaN(n.float()) {
			return reflect.ValueOf(int(n.float()))
		}
	}
	return def
}

// jinjaFloatFilter is float(value, default=0.0).
func jinjaFloatFilter(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("float", 1, 2)
	switch x := valueOf(a.Get(0)).(type) {
	case bool:
		if x {
			return reflect.ValueOf(1.0)
		}
		return reflect.ValueOf(0.0)
	case string, jetSafe:
		s := strings.TrimSpace(pyfmt.Str(x))
		if f, err := strconv.ParseFloat(s, 64); err == nil && strings.IndexFunc(s, func(r rune) bool { return r == 'x' || r == 'X' || r == '_' || r == 'p' || r == 'P' }) < 0 {
			return reflect.ValueOf(f)
		}
	default:
		if n, ok := pyNumberOf(x); ok {
			return reflect.ValueOf(n.float())
		}
	}
	if a.NumOfArguments() > 1 {
		return a.Get(1)
	}
	return reflect.ValueOf(0.0)
}

// jinjaSum is sum(iterable, attribute=None, start=0): the numbers (or
// their attribute) added to start: an int, a float where one is, a
// Decimal where one is (a Decimal and a float do not add, as in Python).
func jinjaSum(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("sum", 1, 3)
	mustIterate(a, "sum")
	defer recoverAs(a, "sum")
	items := jinjaValues(valueOf(a.Get(0)))
	if a.NumOfArguments() > 1 {
		if parts := attrPath(a, "sum", a.Get(1)); parts != nil {
			g := attrGetter{fn: "sum", parts: parts}
			for i, e := range items {
				items[i] = valueAny(g.get(e))
			}
		}
	}
	total := pyNumber{kind: numInt}
	if a.NumOfArguments() > 2 {
		n, ok := pyNumberOf(valueAny(a.Get(2)))
		if !ok {
			a.Panicf("sum: the start must be a number, not %s", pyTypeName(valueAny(a.Get(2))))
		}
		total = n
	}
	for _, e := range items {
		n, ok := pyNumberOf(e)
		if !ok {
			a.Panicf("sum: unsupported operand type(s) for +: '%s' and '%s'", pyTypeNameOf(total.value().Interface()), pyTypeName(e))
		}
		t, err := pyAdd(total, n)
		if err != nil {
			a.Panicf("sum: %v", err)
		}
		total = t
	}
	return total.value()
}

// pyAdd is Python's x + y of two numbers.
func pyAdd(x, y pyNumber) (pyNumber, error) {
	switch {
	case x.kind == numInt && y.kind == numInt:
		return pyNumber{kind: numInt, i: x.i + y.i}, nil
	case (x.kind == numDecimal && y.kind == numFloat) || (x.kind == numFloat && y.kind == numDecimal):
		names := map[numKind]string{numDecimal: "decimal.Decimal", numFloat: "float"}
		return x, fmt.Errorf("unsupported operand type(s) for +: '%s' and '%s'", names[x.kind], names[y.kind])
	case x.kind == numDecimal || y.kind == numDecimal:
		return pyNumber{kind: numDecimal, d: x.decimal().Add(y.decimal())}, nil
	}
	return pyNumber{kind: numFloat, f: x.float() + y.float()}, nil
}

// jinjaListFilter is list(value): a list of what a loop visits, a
// string's characters.
func jinjaListFilter(a jinjaArgs) reflect.Value {
	v := argument(a, "list")
	if v == nil {
		a.Panicf("list: 'NoneType' object is not iterable")
	}
	return reflect.ValueOf(jinjaValues(v))
}

// jinjaReverse is reverse(value): a string reversed, a list's items in
// the other order.
func jinjaReverse(a jinjaArgs) reflect.Value {
	v := argument(a, "reverse")
	if s, ok := v.(string); ok {
		r := []rune(s)
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		return reflect.ValueOf(string(r))
	}
	if v == nil {
		a.Panicf("reverse: argument must be iterable")
	}
	items := jinjaValues(v)
	out := make([]any, len(items))
	for i, e := range items {
		out[len(items)-1-i] = e
	}
	return reflect.ValueOf(out)
}

// jinjaAbs is abs(number): an int, a float or a Decimal.
func jinjaAbs(a jinjaArgs) reflect.Value {
	x := argument(a, "abs")
	n, ok := pyNumberOf(x)
	if !ok {
		a.Panicf("abs: bad operand type for abs(): '%s'", pyTypeName(x))
	}
	switch n.kind {
	case numInt:
		if n.i < 0 {
			n.i = -n.i
		}
	case numFloat:
		n.f = math.Abs(n.f)
	default:
		n.d = n.d.Abs()
	}
	return n.value()
}

// jinjaMethod is x.name() of an error list or dict (as_ul, as_text): the
// Object's method; an empty list or dict, which jet holds as an Object
// without keys, renders as "".
func jinjaMethod(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("method", 2, 2)
	name := pyfmt.Str(valueOf(a.Get(1)))
	switch x := valueOf(a.Get(0)).(type) {
	case jetObject:
		if len(x) == 0 {
			return reflect.ValueOf(jetSafe(""))
		}
		if fn, ok := x[name].(jet.Func); ok {
			return fn(jet.Arguments{}) // no arguments
		}
		a.Panicf("%s(): the object has no method %s", name, name)
	case nil:
		a.Panicf("%s(): 'NoneType' object has no attribute '%s'", name, name)
	}
	a.Panicf("%s(): %s object has no attribute '%s'", name, pyTypeName(valueOf(a.Get(0))), name)
	return reflect.Value{}
}

// jinjaTupleFunc is a tuple literal, (a, b).
func jinjaTupleFunc(a jet.Arguments) reflect.Value {
	t := make(jinjaTuple, a.NumOfArguments())
	for i := range t {
		t[i] = newJetConverter().conv(valueAny(a.Get(i)))
	}
	return reflect.ValueOf(t)
}

// jinjaUnpack is item i of v unpacked into n loop variables: an error,
// as in Python, where v has not n items.
func jinjaUnpack(a jet.Arguments) reflect.Value {
	a.RequireNumOfArguments("unpack", 3, 3)
	n, _ := valueOf(a.Get(1)).(int)
	i, _ := valueOf(a.Get(2)).(int)
	v := valueAny(a.Get(0))
	if _, isNone := v.(jetNone); isNone || v == nil || !jinjaIterable(v) {
		a.Panicf("cannot unpack non-iterable %s object", pyTypeName(valueOf(a.Get(0))))
	}
	items := jinjaValues(v)
	switch {
	case len(items) < n:
		a.Panicf("not enough values to unpack (expected %d, got %d)", n, len(items))
	case len(items) > n:
		a.Panicf("too many values to unpack (expected %d)", n)
	}
	return reflect.ValueOf(items[i])
}
