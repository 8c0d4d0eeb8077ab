package renderers

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/CloudyKit/jet/v6"

	"github.com/formwork/formwork/internal/pyfmt"
)

// This file holds the table of Jinja2's filters that TranslateJinja
// takes, with their parameters as Jinja2 3.1 declares them, so that
// keyword arguments are bound at translation (sort(attribute='name',
// reverse=true) is jinja_f_sort(x, true, false, "name")), and so that
// map('lower') and select('odd') call a filter or a test by name when
// the template runs.

// jinjaArgs are the arguments of a filter: jet's (*jet.Arguments), or
// those map(), select() and the others pass on (valArgs).
type jinjaArgs interface {
	Get(int) reflect.Value
	NumOfArguments() int
	Panicf(string, ...any)
	RequireNumOfArguments(string, int, int)
}

// valArgs are arguments a filter passes to another.
type valArgs []reflect.Value

func (v valArgs) Get(i int) reflect.Value {
	if i < 0 || i >= len(v) {
		return reflect.Value{}
	}
	return v[i]
}

func (v valArgs) NumOfArguments() int { return len(v) }

func (v valArgs) Panicf(format string, args ...any) { panic(fmt.Errorf(format, args...)) }

func (v valArgs) RequireNumOfArguments(fn string, min, max int) {
	if n := len(v); (min >= 0 && n < min) || (max >= 0 && n > max) {
		v.Panicf("%s: unexpected number of arguments (%d)", fn, n)
	}
}

// jinjaFilter is a filter's function: its first argument is the value.
type jinjaFilter func(jinjaArgs) reflect.Value

// jetFilter makes a jet function of a filter.
func jetFilter(f jinjaFilter) jet.Func {
	return func(a jet.Arguments) reflect.Value { return f(&a) }
}

// jinjaParam is a filter's parameter after the value: its name and its
// default (a nil, bool, int, float64 or string), or required.
type jinjaParam struct {
	name     string
	def      any
	required bool
}

// jinjaFilterSpec is one of Jinja's filters: the jet function it
// translates to, the Go function, and its parameters. A variadic filter
// (map, select, format...) takes *args and **kwargs: it is called as
// fn(value, "k1,k2", positional..., v1, v2), the names of its keyword
// arguments in a string, their values last.
type jinjaFilterSpec struct {
	jet      string
	fn       jinjaFilter
	params   []jinjaParam
	variadic bool
}

func p(name string, def any) jinjaParam { return jinjaParam{name: name, def: def} }
func req(name string) jinjaParam        { return jinjaParam{name: name, required: true} }

// jinjaFilterSpecs are the filters TranslateJinja takes, by name.
var jinjaFilterSpecs map[string]*jinjaFilterSpec

// jinjaFilterNames are the jet functions of the filters, registered by
// addJinjaGlobals.
var jinjaFilterFuncs map[string]jet.Func

func init() {
	specs := map[string]*jinjaFilterSpec{
		"safe":        {jet: "safe", fn: jinjaSafe},
		"escape":      {jet: "jinja_escape", fn: jinjaEscape},
		"forceescape": {jet: "jinja_f_forceescape", fn: jinjaForceescape},
		"length":      {jet: "jinja_length", fn: jinjaLength},
		"default":     {jet: "jinja_default", fn: jinjaDefault, params: []jinjaParam{p("default_value", ""), p("boolean", false)}},
		"lower":       {jet: "jinja_lower", fn: jinjaString(strings.ToLower)},
		"upper":       {jet: "jinja_upper", fn: jinjaString(strings.ToUpper)},
		"trim":        {jet: "jinja_trim", fn: jinjaTrim, params: []jinjaParam{p("chars", nil)}},
		"capitalize":  {jet: "jinja_capitalize", fn: jinjaString(capitalize)},
		"title":       {jet: "jinja_title", fn: jinjaTitle},
		"string":      {jet: "jinja_f_string", fn: jinjaSoftStr},
		"join":        {jet: "jinja_join", fn: jinjaJoin, params: []jinjaParam{p("d", ""), p("attribute", nil)}},
		"first":       {jet: "jinja_first", fn: jinjaEnd(true)},
		"last":        {jet: "jinja_last", fn: jinjaEnd(false)},
		"replace":     {jet: "jinja_replace", fn: jinjaReplace, params: []jinjaParam{req("old"), req("new"), p("count", nil)}},
		"truncate":    {jet: "jinja_truncate", fn: jinjaTruncate, params: []jinjaParam{p("length", 255), p("killwords", false), p("end", "..."), p("leeway", nil)}},
		"wordcount":   {jet: "jinja_wordcount", fn: jinjaWordcount},
		"striptags":   {jet: "jinja_striptags", fn: jinjaStriptags},
		"urlencode":   {jet: "jinja_urlencode", fn: jinjaURLEncode},
		"int":         {jet: "jinja_int_filter", fn: jinjaIntFilter, params: []jinjaParam{p("default", 0), p("base", 10)}},
		"float":       {jet: "jinja_float", fn: jinjaFloatFilter, params: []jinjaParam{p("default", 0.0)}},
		"sum":         {jet: "jinja_sum", fn: jinjaSum, params: []jinjaParam{p("attribute", nil), p("start", 0)}},
		"list":        {jet: "jinja_list_filter", fn: jinjaListFilter},
		"reverse":     {jet: "jinja_reverse", fn: jinjaReverse},
		"abs":         {jet: "jinja_abs", fn: jinjaAbs},

		"center":         {jet: "jinja_f_center", fn: jinjaCenter, params: []jinjaParam{p("width", 80)}},
		"indent":         {jet: "jinja_f_indent", fn: jinjaIndent, params: []jinjaParam{p("width", 4), p("first", false), p("blank", false)}},
		"wordwrap":       {jet: "jinja_f_wordwrap", fn: jinjaWordwrap, params: []jinjaParam{p("width", 79), p("break_long_words", true), p("wrapstring", nil), p("break_on_hyphens", true)}},
		"filesizeformat": {jet: "jinja_f_filesizeformat", fn: jinjaFilesizeformat, params: []jinjaParam{p("binary", false)}},
		"format":         {jet: "jinja_f_format", fn: jinjaFormat, variadic: true},
		"round":          {jet: "jinja_f_round", fn: jinjaRound, params: []jinjaParam{p("precision", 0), p("method", "common")}},
		"sort":           {jet: "jinja_f_sort", fn: jinjaSort, params: []jinjaParam{p("reverse", false), p("case_sensitive", false), p("attribute", nil)}},
		"dictsort":       {jet: "jinja_f_dictsort", fn: jinjaDictsort, params: []jinjaParam{p("case_sensitive", false), p("by", "key"), p("reverse", false)}},
		"unique":         {jet: "jinja_f_unique", fn: jinjaUnique, params: []jinjaParam{p("case_sensitive", false), p("attribute", nil)}},
		"min":            {jet: "jinja_f_min", fn: jinjaMinMax(false), params: []jinjaParam{p("case_sensitive", false), p("attribute", nil)}},
		"max":            {jet: "jinja_f_max", fn: jinjaMinMax(true), params: []jinjaParam{p("case_sensitive", false), p("attribute", nil)}},
		"map":            {jet: "jinja_f_map", fn: jinjaMap, variadic: true},
		"select":         {jet: "jinja_f_select", fn: jinjaSelect(false, false), variadic: true},
		"reject":         {jet: "jinja_f_reject", fn: jinjaSelect(true, false), variadic: true},
		"selectattr":     {jet: "jinja_f_selectattr", fn: jinjaSelect(false, true), variadic: true},
		"rejectattr":     {jet: "jinja_f_rejectattr", fn: jinjaSelect(true, true), variadic: true},
		"groupby":        {jet: "jinja_f_groupby", fn: jinjaGroupby, params: []jinjaParam{req("attribute"), p("default", nil), p("case_sensitive", false)}},
		"batch":          {jet: "jinja_f_batch", fn: jinjaBatch, params: []jinjaParam{req("linecount"), p("fill_with", nil)}},
		"slice":          {jet: "jinja_f_slice", fn: jinjaSlice, params: []jinjaParam{req("slices"), p("fill_with", nil)}},
		"tojson":         {jet: "jinja_f_tojson", fn: jinjaToJSON, params: []jinjaParam{p("indent", nil)}},
		"xmlattr":        {jet: "jinja_f_xmlattr", fn: jinjaXMLAttr, params: []jinjaParam{p("autospace", true)}},
		"attr":           {jet: "jinja_f_attr", fn: jinjaAttrFilter, params: []jinjaParam{req("name")}},
		"items":          {jet: "jinja_f_items", fn: jinjaItemsFilter},
		"pprint":         {jet: "jinja_f_pprint", fn: jinjaPprint},
	}
	specs["e"] = specs["escape"]
	specs["count"] = specs["length"]
	specs["d"] = specs["default"]
	jinjaFilterSpecs = specs
	jinjaFilterFuncs = map[string]jet.Func{}
	for _, s := range specs {
		if s.jet != "safe" && s.jet != "str" { // jet's own, added by addJetGlobals
			jinjaFilterFuncs[s.jet] = jetFilter(s.fn)
		}
	}
}

// jetLiteral writes a parameter's default for jet.
func jetLiteral(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case bool:
		return strconv.FormatBool(x)
	case int:
		return numberLit(strconv.Itoa(x))
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatFloat(x, 'f', 1, 64)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return strconv.Quote(x)
	}
	panic(fmt.Sprintf("jetLiteral: %T", v))
}

// translateFilter writes the call of the filter name on the value, with
// its positional arguments and its keyword arguments ("name", value
// pairs as exprParser.arguments returns them, the names quoted).
func translateFilter(name, value string, args, kwargs []string) (string, error) {
	s, ok := jinjaFilterSpecs[name]
	if !ok {
		return "", fmt.Errorf("the Jinja2 filter %q is not supported", name)
	}
	// The literal none is Python's None, not jet's nil (undefined).
	value = noneLiteral(value)
	args = noneItems(append([]string(nil), args...))
	kwargs = append([]string(nil), kwargs...)
	for i := 1; i < len(kwargs); i += 2 {
		kwargs[i] = noneLiteral(kwargs[i])
	}
	names := make([]string, 0, len(kwargs)/2)
	vals := make([]string, 0, len(kwargs)/2)
	for i := 0; i+1 < len(kwargs); i += 2 {
		k, err := strconv.Unquote(kwargs[i])
		if err != nil {
			k = kwargs[i]
		}
		for _, seen := range names {
			if seen == k {
				return "", fmt.Errorf("the Jinja2 filter %q is given the keyword argument %q twice", name, k)
			}
		}
		names = append(names, k)
		vals = append(vals, kwargs[i+1])
	}
	if s.variadic {
		out := []string{value, strconv.Quote(strings.Join(names, ","))}
		out = append(out, args...)
		out = append(out, vals...)
		return s.jet + "(" + strings.Join(out, ", ") + ")", nil
	}
	bound, err := bindFilterArgs(name, s, len(args), names)
	if err != nil {
		return "", err
	}
	out := []string{value}
	for i, b := range bound {
		switch {
		case b.pos >= 0:
			out = append(out, args[b.pos])
		case b.kw >= 0:
			out = append(out, vals[b.kw])
		default:
			out = append(out, jetLiteral(s.params[i].def))
		}
	}
	return s.jet + "(" + strings.Join(out, ", ") + ")", nil
}

func noneLiteral(e string) string {
	if e == "nil" {
		return "jinja_none()"
	}
	return e
}

// boundArg says where a parameter's value comes from: a positional
// argument, a keyword argument, or (both -1) its default.
type boundArg struct{ pos, kw int }

// bindFilterArgs binds npos positional arguments and the keyword
// arguments names to the filter's parameters, as Python binds a call:
// the parameters up to the last one given, the others defaulted.
func bindFilterArgs(name string, s *jinjaFilterSpec, npos int, names []string) ([]boundArg, error) {
	if npos > len(s.params) {
		if len(s.params) == 0 {
			return nil, fmt.Errorf("the Jinja2 filter %q takes no arguments, %d given", name, npos)
		}
		return nil, fmt.Errorf("the Jinja2 filter %q takes at most %d arguments, %d given", name, len(s.params), npos)
	}
	bound := make([]boundArg, len(s.params))
	for i := range bound {
		bound[i] = boundArg{-1, -1}
		if i < npos {
			bound[i].pos = i
		}
	}
	last := npos - 1
	for k, n := range names {
		i := -1
		for j, prm := range s.params {
			if prm.name == n {
				i = j
			}
		}
		if i < 0 {
			return nil, fmt.Errorf("the Jinja2 filter %q has no argument %q", name, n)
		}
		if bound[i].pos >= 0 {
			return nil, fmt.Errorf("the Jinja2 filter %q is given two values for its argument %q", name, n)
		}
		bound[i].kw = k
		last = max(last, i)
	}
	for i, prm := range s.params {
		if prm.required && bound[i].pos < 0 && bound[i].kw < 0 {
			return nil, fmt.Errorf("the Jinja2 filter %q wants its argument %q", name, prm.name)
		}
	}
	return bound[:last+1], nil
}

// callJinjaFilter calls the filter name on a value at run time (map's
// filter), with positional and keyword arguments.
func callJinjaFilter(name string, value reflect.Value, args []reflect.Value, kwnames []string, kwvals []reflect.Value) reflect.Value {
	s, ok := jinjaFilterSpecs[name]
	if !ok {
		panic(fmt.Errorf("no filter named %q", name))
	}
	if s.variadic {
		in := valArgs{value, reflect.ValueOf(strings.Join(kwnames, ","))}
		in = append(in, args...)
		in = append(in, kwvals...)
		return s.fn(in)
	}
	bound, err := bindFilterArgs(name, s, len(args), kwnames)
	if err != nil {
		panic(err)
	}
	in := valArgs{value}
	for i, b := range bound {
		switch {
		case b.pos >= 0:
			in = append(in, args[b.pos])
		case b.kw >= 0:
			in = append(in, kwvals[b.kw])
		default:
			in = append(in, defaultValue(s.params[i].def))
		}
	}
	return s.fn(in)
}

func defaultValue(def any) reflect.Value {
	if def == nil {
		return reflect.Value{}
	}
	return reflect.ValueOf(def)
}

// variadicArgs splits the arguments of a variadic filter: the value,
// the positional arguments, the keyword arguments' names and values.
func variadicArgs(a jinjaArgs, fn string) (value reflect.Value, args []reflect.Value, kwnames []string, kwvals []reflect.Value) {
	n := a.NumOfArguments()
	if n < 2 {
		a.Panicf("%s: missing arguments", fn)
	}
	value = a.Get(0)
	if names, _ := valueOf(a.Get(1)).(string); names != "" {
		kwnames = strings.Split(names, ",")
	}
	if 2+len(kwnames) > n {
		a.Panicf("%s: missing keyword arguments", fn)
	}
	for i := 2; i < n-len(kwnames); i++ {
		args = append(args, a.Get(i))
	}
	for i := n - len(kwnames); i < n; i++ {
		kwvals = append(kwvals, a.Get(i))
	}
	return
}

// ---------------------------------------------------------------- values

// jinjaUndefined reports whether v is undefined: jet's nil (a missing
// attribute, a variable never set; and, as jet cannot tell them apart,
// the literal none), not Python's None read from an Object (jetNone).
func jinjaUndefined(v reflect.Value) bool {
	return !v.IsValid() || ((v.Kind() == reflect.Interface || v.Kind() == reflect.Map || v.Kind() == reflect.Slice || v.Kind() == reflect.Pointer) && v.IsNil() && !isEmptyValue(v))
}

// isEmptyValue reports whether v is a nil map or slice of a defined type
// (an empty Object, list or Attrs), which is a value, not undefined.
func isEmptyValue(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		return false
	}
	switch v.Interface().(type) {
	case jetObject, []any, Attrs, map[string]any, jinjaTuple:
		return true
	}
	return false
}

// rv is v with its interfaces unwrapped.
func rv(v reflect.Value) reflect.Value {
	for v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	return v
}

// textKind is what Jinja's soft_str gives: a plain string, a string with
// __html__ that string methods turn back into a plain one (Django's
// SafeString: str() of a bound field, an error list, mark_safe'd text),
// or markupsafe's Markup (what safe, escape and the other filters of
// Jinja return), whose methods keep it Markup.
type textKind int

const (
	plainText textKind = iota
	safeText
	markupText
)

// softStr is Jinja's soft_str of a value: its text, and its kind.
func softStr(v reflect.Value) (string, textKind) {
	v = rv(v)
	if jinjaUndefined(v) {
		return "", plainText
	}
	switch x := v.Interface().(type) {
	case jetNone:
		return "None", plainText
	case jetMarkup:
		return string(x), markupText
	case jetSafe:
		return string(x), safeText
	case jetObject:
		return x.String(), safeText
	case string:
		return x, plainText
	}
	return pyfmt.Str(valueOf(v)), plainText
}

// hasHTML reports whether Jinja sees __html__ on the value.
func hasHTML(v reflect.Value) bool {
	v = rv(v)
	if !v.IsValid() {
		return false
	}
	switch v.Interface().(type) {
	case jetMarkup, jetSafe, jetObject:
		return true
	}
	return false
}

// textOf is a string result of that kind.
func textOf(s string, k textKind) reflect.Value {
	switch k {
	case markupText:
		return reflect.ValueOf(jetMarkup(s))
	case safeText:
		return reflect.ValueOf(jetSafe(s))
	}
	return reflect.ValueOf(s)
}

// markupEscape is markupsafe's escape() of a value, as markup text.
func markupEscape(v reflect.Value) string {
	s, k := softStr(v)
	if k != plainText {
		return s
	}
	return markupsafe.Replace(s)
}

// jinjaTuple is a Python tuple: a list that prints as (a, b).
type jinjaTuple []any

func (t jinjaTuple) String() string {
	if r, ok := listRepr(t); ok {
		return r
	}
	parts := make([]string, len(t))
	for i, e := range t {
		parts[i] = pyfmt.Repr(e)
	}
	if len(t) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// jinjaItemsOf is a value's items as a filter iterates them: nothing
// for undefined or None (Jinja's "if value:" skips both), an error
// where the value cannot be iterated.
func jinjaItemsOf(a jinjaArgs, fn string, v reflect.Value) []any {
	v = rv(v)
	if jinjaUndefined(v) {
		return nil
	}
	x := v.Interface()
	if _, ok := x.(jetNone); ok {
		a.Panicf("%s: 'NoneType' object is not iterable", fn)
	}
	if !jinjaIterable(x) {
		a.Panicf("%s: '%s' object is not iterable", fn, pyTypeName(x))
	}
	return jinjaValues(x)
}

// jinjaIterable reports whether Python could iterate the value.
func jinjaIterable(x any) bool {
	switch x.(type) {
	case string, jetSafe, jetMarkup, jetObject, Attrs, nil:
		return true
	case jetDecimal, jetFloat, jetTime, bool:
		return false
	}
	k := reflect.TypeOf(x).Kind()
	return k == reflect.Slice || k == reflect.Array || k == reflect.Map
}

// jinjaMapping reads a value as a mapping: its keys and values in
// order; ok false when it is none.
func jinjaMapping(v reflect.Value) (keys []any, values []any, ok bool) {
	v = rv(v)
	if jinjaUndefined(v) {
		return nil, nil, false
	}
	c := newJetConverter()
	switch x := v.Interface().(type) {
	case Attrs:
		for _, k := range x.Keys() {
			keys = append(keys, k)
			values = append(values, c.attr(x[k]))
		}
		return keys, values, true
	case jetObject:
		items, isMap := x["items"].([]any)
		if !isMap {
			if len(x) == 0 {
				return nil, nil, true // an empty error dict
			}
			return nil, nil, false
		}
		for _, p := range items {
			if kv, ok := p.([]any); ok && len(kv) == 2 {
				keys = append(keys, c.conv(kv[0]))
				values = append(values, c.attr(kv[1]))
			}
		}
		return keys, values, true
	}
	if v.Kind() != reflect.Map {
		return nil, nil, false
	}
	for _, p := range IterItems(v.Interface(), true) {
		kv := p.([]any)
		keys = append(keys, c.conv(kv[0]))
		values = append(values, c.attr(kv[1]))
	}
	return keys, values, true
}

// ---------------------------------------------------------------- attributes

// jinjaGetItem is Jinja's environment.getitem(obj, part): the key or
// index, else the attribute, else undefined (an invalid Value). The
// properties of Django's objects (a bound field's errors) are computed.
func jinjaGetItem(obj reflect.Value, part any) reflect.Value {
	obj = rv(obj)
	if jinjaUndefined(obj) {
		return reflect.Value{}
	}
	x := obj.Interface()
	if n, isInt := part.(int); isInt {
		switch s := x.(type) {
		case string, jetSafe, jetMarkup:
			r := []rune(pyfmt.Str(s))
			if n < 0 {
				n += len(r)
			}
			if n >= 0 && n < len(r) {
				return reflect.ValueOf(string(r[n]))
			}
			return reflect.Value{}
		case jetObject:
			return lookupProp(s, strconv.Itoa(n))
		}
		if k := obj.Kind(); k == reflect.Slice || k == reflect.Array {
			if n < 0 {
				n += obj.Len()
			}
			if n >= 0 && n < obj.Len() {
				return reflect.ValueOf(newJetConverter().conv(obj.Index(n).Interface()))
			}
		}
		return reflect.Value{}
	}
	name, _ := part.(string)
	switch m := x.(type) {
	case jetObject:
		return lookupProp(m, name)
	case Attrs:
		if e, ok := m[name]; ok {
			return reflect.ValueOf(newJetConverter().attr(e))
		}
		return reflect.Value{}
	}
	if obj.Kind() == reflect.Map && obj.Type().Key().Kind() == reflect.String {
		if e := obj.MapIndex(reflect.ValueOf(name).Convert(obj.Type().Key())); e.IsValid() {
			return reflect.ValueOf(newJetConverter().attr(e.Interface()))
		}
	}
	return reflect.Value{}
}

// lookupProp reads an Object's attribute as Jinja reads it without a
// call: a property (errors, data, initial, subwidgets...) is computed.
func lookupProp(o jetObject, name string) reflect.Value {
	e, ok := o[name]
	if !ok {
		return reflect.Value{}
	}
	if fn, isFunc := e.(jet.Func); isFunc && (jinjaProperties[name] || jinjaPropertyOrValue[name]) {
		return fn(jet.Arguments{})
	}
	return reflect.ValueOf(e)
}

// attrPath is Jinja's _prepare_attribute_parts: "a.b.0" as "a", "b", 0.
func attrPath(a jinjaArgs, fn string, attribute reflect.Value) []any {
	attribute = rv(attribute)
	if jinjaUndefined(attribute) {
		return nil
	}
	switch x := attribute.Interface().(type) {
	case jetNone:
		return nil
	case int:
		return []any{x}
	case string, jetSafe, jetMarkup:
		var parts []any
		for _, s := range strings.Split(pyfmt.Str(x), ".") {
			if n, err := strconv.Atoi(s); err == nil && isASCIIDigits(s) {
				parts = append(parts, n)
			} else {
				parts = append(parts, s)
			}
		}
		return parts
	}
	a.Panicf("%s: the attribute must be a string or an integer, not %s", fn, pyTypeName(valueOf(attribute)))
	return nil
}

func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// attrGetter is Jinja's make_attrgetter: it reads the path of parts of
// an item, the default in place of an undefined value (when one is
// given), lower-cased when ignoreCase (the filters' case_sensitive off).
type attrGetter struct {
	fn         string
	parts      []any
	def        reflect.Value
	ignoreCase bool
}

func (g attrGetter) get(item any) reflect.Value {
	v := reflect.ValueOf(item)
	for i, part := range g.parts {
		if i > 0 && jinjaUndefined(rv(v)) {
			panic(fmt.Errorf("%s: %s has no attribute %s (it is undefined)", g.fn, joinParts(g.parts[:i]), pyfmt.Repr(part)))
		}
		v = jinjaGetItem(v, part)
		if g.def.IsValid() && jinjaUndefined(rv(v)) {
			v = g.def
		}
	}
	if g.ignoreCase {
		v = ignoreCase(v)
	}
	return v
}

func joinParts(parts []any) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = fmt.Sprint(p)
	}
	return strings.Join(s, ".")
}

// ignoreCase is Jinja's ignore_case: a string lower-cased.
func ignoreCase(v reflect.Value) reflect.Value {
	switch x := rv(v); {
	case !x.IsValid():
		return v
	default:
		switch s := x.Interface().(type) {
		case string:
			return reflect.ValueOf(strings.ToLower(s))
		case jetSafe:
			return reflect.ValueOf(strings.ToLower(string(s)))
		case jetMarkup:
			return reflect.ValueOf(jetMarkup(strings.ToLower(string(s))))
		}
	}
	return v
}

// ---------------------------------------------------------------- comparisons

// pyKind classifies a value for Python's comparisons.
func pyKind(v any) string {
	switch x := v.(type) {
	case nil:
		return "NoneType"
	case jetNone:
		return "NoneType"
	case string, jetSafe, jetMarkup:
		return "str"
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, jetFloat, jetDecimal:
		return "number"
	case jinjaTuple:
		return "tuple"
	case []any:
		return "list"
	case jetTime:
		return "time"
	case jetObject:
		if _, ok := x["grouper"]; ok {
			return "tuple"
		}
		if _, ok := x["label_tag"]; ok {
			return "BoundField"
		}
		return "object"
	case Attrs, map[string]any:
		return "dict"
	}
	return "object"
}

// pyTypeNameOf is the Python type name of a value for messages.
func pyTypeNameOf(v any) string {
	switch k := pyKind(v); k {
	case "number":
		switch v.(type) {
		case bool:
			return "bool"
		case float32, float64, jetFloat:
			return "float"
		case jetDecimal:
			return "decimal.Decimal"
		}
		return "int"
	case "time":
		return "datetime"
	default:
		return k
	}
}

// pyLess is Python's a < b for the values filters sort; an error where
// Python raises a TypeError.
func pyLess(a, b any) (bool, error) {
	c, err := pyCompare(a, b)
	return c < 0, err
}

func pyCompare(a, b any) (int, error) {
	ka, kb := pyKind(a), pyKind(b)
	if ka == "number" && kb == "number" {
		x, _ := pyNumberOf(a)
		y, _ := pyNumberOf(b)
		return x.cmp(y), nil
	}
	if ka != kb || (ka != "str" && ka != "list" && ka != "tuple" && ka != "time") {
		return 0, fmt.Errorf("'<' not supported between instances of '%s' and '%s'", pyTypeNameOf(a), pyTypeNameOf(b))
	}
	switch ka {
	case "str", "time":
		return strings.Compare(pyfmt.Str(a), pyfmt.Str(b)), nil
	}
	la, lb := seqItems(a), seqItems(b)
	for i := 0; i < len(la) && i < len(lb); i++ {
		if pyEqual(la[i], lb[i]) {
			continue
		}
		return pyCompare(la[i], lb[i])
	}
	return len(la) - len(lb), nil
}

func seqItems(v any) []any {
	switch x := v.(type) {
	case jetObject:
		return Object(x).Items()
	case jinjaTuple:
		return x
	case []any:
		return x
	}
	return nil
}

// pyEqual is Python's a == b for the values filters compare.
func pyEqual(a, b any) bool {
	if _, ok := a.(jetNone); ok {
		a = nil
	}
	if _, ok := b.(jetNone); ok {
		b = nil
	}
	ka, kb := pyKind(a), pyKind(b)
	switch {
	case ka == "number" && kb == "number":
		x, _ := pyNumberOf(a)
		y, _ := pyNumberOf(b)
		return x.cmp(y) == 0
	case ka != kb:
		return false
	case ka == "NoneType":
		return true
	case ka == "str" || ka == "time":
		return pyfmt.Str(a) == pyfmt.Str(b)
	case ka == "list" || ka == "tuple":
		la, lb := seqItems(a), seqItems(b)
		if len(la) != len(lb) {
			return false
		}
		for i := range la {
			if !pyEqual(la[i], lb[i]) {
				return false
			}
		}
		return true
	}
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Kind() == reflect.Map && rb.Kind() == reflect.Map && ra.Type() == rb.Type() {
		if x, ok := a.(jetObject); ok {
			return reflect.ValueOf(x).Pointer() == rb.Pointer()
		}
		if ra.Len() != rb.Len() {
			return false
		}
		it := ra.MapRange()
		for it.Next() {
			e := rb.MapIndex(it.Key())
			if !e.IsValid() || !pyEqual(it.Value().Interface(), e.Interface()) {
				return false
			}
		}
		return true
	}
	defer func() { _ = recover() }()
	return reflect.DeepEqual(a, b)
}

// pyHashKey is a key equal for values Python's hash and == hold equal
// (1, 1.0 and True); an error for what Python cannot hash.
func pyHashKey(v any) (string, error) {
	if _, ok := v.(jetNone); ok {
		v = nil
	}
	switch k := pyKind(v); k {
	case "NoneType":
		return "None", nil
	case "number":
		n, _ := pyNumberOf(v)
		return "n:" + n.key(), nil
	case "str":
		return "s:" + pyfmt.Str(v), nil
	case "time":
		return "t:" + pyfmt.Str(v), nil
	case "tuple":
		var b strings.Builder
		b.WriteString("(")
		for _, e := range seqItems(v) {
			h, err := pyHashKey(e)
			if err != nil {
				return "", err
			}
			b.WriteString(strconv.Quote(h) + ",")
		}
		return b.String() + ")", nil
	case "list", "dict":
		return "", fmt.Errorf("unhashable type: '%s'", k)
	}
	if r := reflect.ValueOf(v); r.Kind() == reflect.Map || r.Kind() == reflect.Pointer || r.Kind() == reflect.Func {
		return fmt.Sprintf("p:%x", r.Pointer()), nil
	}
	return fmt.Sprintf("v:%T:%v", v, v), nil
}

// sortValues sorts items by their keys as Python's sorted() does:
// stably, in reverse keeping equal items in order; the first TypeError
// of a comparison is the error.
func sortValues(items []any, keys []reflect.Value, reverse bool) error {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var err error
	sort.SliceStable(idx, func(i, j int) bool {
		if err != nil {
			return false
		}
		a, b := keys[idx[i]], keys[idx[j]]
		if reverse {
			a, b = b, a
		}
		less, e := pyLessValues(a, b)
		if e != nil {
			err = e
		}
		return less
	})
	if err != nil {
		return err
	}
	sortedItems := make([]any, len(items))
	sortedKeys := make([]reflect.Value, len(items))
	for i, j := range idx {
		sortedItems[i], sortedKeys[i] = items[j], keys[j]
	}
	copy(items, sortedItems)
	copy(keys, sortedKeys)
	return nil
}

// pyLessValues compares two keys; an undefined one cannot be compared.
func pyLessValues(a, b reflect.Value) (bool, error) {
	if jinjaUndefined(rv(a)) || jinjaUndefined(rv(b)) {
		return false, fmt.Errorf("an undefined value cannot be compared")
	}
	return pyLess(valueAny(a), valueAny(b))
}

// valueAny is the value v holds, jetNone kept (None, not undefined).
func valueAny(v reflect.Value) any {
	v = rv(v)
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// ---------------------------------------------------------------- tests

// callJinjaTest is "value is NAME(args...)" at run time: select's and
// reject's test.
func callJinjaTest(name string, v reflect.Value, args []reflect.Value) bool {
	arg := func(n int) reflect.Value {
		if len(args) != n {
			panic(fmt.Errorf("the test %q takes %d argument(s), %d given", name, n, len(args)))
		}
		if n == 0 {
			return reflect.Value{}
		}
		return args[0]
	}
	x := valueAny(v)
	switch name {
	case "string", "number", "integer", "float", "boolean", "mapping", "iterable",
		"sequence", "callable", "odd", "even", "lower", "upper", "escaped":
		arg(0)
		return isTrue(jinjaTest(valArgs{reflect.ValueOf(name), v}))
	case "divisibleby":
		return isTrue(jinjaTest(valArgs{reflect.ValueOf(name), v, arg(1)}))
	case "none":
		arg(0)
		return isNone(v)
	case "defined":
		arg(0)
		return !jinjaUndefined(rv(v))
	case "undefined":
		arg(0)
		return jinjaUndefined(rv(v))
	case "true", "false":
		arg(0)
		b, ok := x.(bool)
		return ok && b == (name == "true")
	case "sameas":
		y := valueAny(arg(1))
		return pySameAs(x, y)
	case "eq", "equalto", "==":
		return pyEqual(x, valueAny(arg(1)))
	case "ne", "!=":
		return !pyEqual(x, valueAny(arg(1)))
	case "lt", "lessthan", "<", "le", "<=", "gt", "greaterthan", ">", "ge", ">=":
		y := arg(1)
		if jinjaUndefined(rv(v)) || jinjaUndefined(rv(y)) {
			panic(fmt.Errorf("the test %q: an undefined value cannot be compared", name))
		}
		c, err := pyCompare(x, valueAny(y))
		if err != nil {
			panic(err)
		}
		switch name {
		case "lt", "lessthan", "<":
			return c < 0
		case "le", "<=":
			return c <= 0
		case "gt", "greaterthan", ">":
			return c > 0
		}
		return c >= 0
	case "in":
		return isTrue(jinjaIn(valArgs{v, arg(1)}))
	case "filter":
		arg(0)
		_, ok := jinjaFilterSpecs[pyfmt.Str(x)]
		return ok
	case "test":
		arg(0)
		return jinjaTestNames[pyfmt.Str(x)]
	}
	panic(fmt.Errorf("no test named %q", name))
}

var jinjaTestNames = map[string]bool{}

func init() {
	for _, n := range strings.Fields("string number integer float boolean mapping iterable sequence callable odd even lower upper escaped divisibleby none defined undefined true false sameas eq equalto == ne != lt lessthan < le <= gt greaterthan > ge >= in filter test") {
		jinjaTestNames[n] = true
	}
}

// pySameAs is Python's "is" for the values a template holds: None,
// booleans, small integers and strings (interned) by value, Objects by
// identity.
func pySameAs(x, y any) bool {
	if _, ok := x.(jetNone); ok {
		x = nil
	}
	if _, ok := y.(jetNone); ok {
		y = nil
	}
	switch a := x.(type) {
	case nil:
		return y == nil
	case bool:
		b, ok := y.(bool)
		return ok && a == b
	case int:
		b, ok := y.(int)
		return ok && a == b && a >= -5 && a <= 256
	case string:
		b, ok := y.(string)
		return ok && a == b
	case jetObject:
		b, ok := y.(jetObject)
		return ok && reflect.ValueOf(a).Pointer() == reflect.ValueOf(b).Pointer()
	}
	return false
}

// pyTruthy is Python's bool() of a value a template holds.
func pyTruthy(v reflect.Value) bool {
	v = rv(v)
	if jinjaUndefined(v) {
		return false
	}
	switch x := v.Interface().(type) {
	case jetNone:
		return false
	case jetDecimal, jetFloat:
		n, ok := pyNumberOf(x)
		return !ok || !n.isZero()
	}
	return isTrue(v)
}
