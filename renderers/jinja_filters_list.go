package renderers

import (
	"reflect"
	"strings"

	"github.com/formwork/formwork/internal/pyfmt"
)

// boolArg is an optional argument read as Python's bool().
func boolArg(a jinjaArgs, i int) bool {
	return a.NumOfArguments() > i && pyTruthy(a.Get(i))
}

// optArg is an optional argument, undefined when not given.
func optArg(a jinjaArgs, i int) reflect.Value {
	if a.NumOfArguments() > i {
		return a.Get(i)
	}
	return reflect.Value{}
}

// recoverAs turns a panic of a nested getter or test into the filter's
// error.
func recoverAs(a jinjaArgs, fn string) {
	if r := recover(); r != nil {
		if e, ok := r.(error); ok {
			a.Panicf("%s: %v", fn, e)
		}
		a.Panicf("%s: %v", fn, r)
	}
}

// jinjaSort is sort(value, reverse=False, case_sensitive=False,
// attribute=None): Python's sorted(), by the attribute (a dotted path,
// or several separated by commas), strings compared lower-cased unless
// case_sensitive.
func jinjaSort(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("sort", 1, 4)
	defer recoverAs(a, "sort")
	items := append([]any(nil), jinjaItemsOf(a, "sort", a.Get(0))...)
	reverse, caseSensitive := boolArg(a, 1), boolArg(a, 2)
	var getters []attrGetter
	attr := rv(optArg(a, 3))
	if s, ok := valueOf(attr).(string); ok && strings.Contains(s, ",") {
		for _, part := range strings.Split(s, ",") {
			getters = append(getters, attrGetter{fn: "sort", parts: attrPath(a, "sort", reflect.ValueOf(part)), ignoreCase: !caseSensitive})
		}
	} else {
		getters = []attrGetter{{fn: "sort", parts: attrPath(a, "sort", attr), ignoreCase: !caseSensitive}}
	}
	keys := make([]reflect.Value, len(items))
	for i, e := range items {
		if len(getters) == 1 {
			keys[i] = getters[0].get(e)
			continue
		}
		// Several attributes: a list of their values, compared in turn.
		k := make([]any, len(getters))
		for j, g := range getters {
			k[j] = valueAny(g.get(e))
		}
		keys[i] = reflect.ValueOf(k)
	}
	if err := sortValues(items, keys, reverse); err != nil {
		a.Panicf("sort: %v", err)
	}
	return reflect.ValueOf(items)
}

// jinjaDictsort is dictsort(value, case_sensitive=False, by='key',
// reverse=False): a mapping's (key, value) pairs sorted by key or value.
func jinjaDictsort(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("dictsort", 1, 4)
	caseSensitive := boolArg(a, 1)
	by := "key"
	if a.NumOfArguments() > 2 {
		by = pyfmt.Str(valueOf(a.Get(2)))
	}
	if by != "key" && by != "value" {
		a.Panicf(`dictsort: You can only sort by either "key" or "value"`)
	}
	keys, values, ok := jinjaMapping(a.Get(0))
	if !ok {
		a.Panicf("dictsort: '%s' object has no attribute 'items'", pyTypeNameOf(noneOr(a.Get(0))))
	}
	items := make([]any, len(keys))
	sortKeys := make([]reflect.Value, len(keys))
	for i := range keys {
		items[i] = jinjaTuple{keys[i], values[i]}
		k := reflect.ValueOf(keys[i])
		if by == "value" {
			k = reflect.ValueOf(values[i])
		}
		if !caseSensitive {
			k = ignoreCase(k)
		}
		sortKeys[i] = k
	}
	if err := sortValues(items, sortKeys, boolArg(a, 3)); err != nil {
		a.Panicf("dictsort: %v", err)
	}
	return reflect.ValueOf(items)
}

// jinjaUnique is unique(value, case_sensitive=False, attribute=None):
// the items in order, each the first with its value (of the attribute).
func jinjaUnique(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("unique", 1, 3)
	defer recoverAs(a, "unique")
	g := attrGetter{fn: "unique", parts: attrPath(a, "unique", optArg(a, 2)), ignoreCase: !boolArg(a, 1)}
	seen := map[string]bool{}
	out := []any{}
	for _, e := range jinjaItemsOf(a, "unique", a.Get(0)) {
		k, err := pyHashKey(valueAny(g.get(e)))
		if err != nil {
			a.Panicf("unique: %v", err)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return reflect.ValueOf(out)
}

// jinjaMinMax makes min and max(value, case_sensitive=False,
// attribute=None): the first smallest (largest) item; undefined for
// none.
func jinjaMinMax(isMax bool) jinjaFilter {
	fn := "min"
	if isMax {
		fn = "max"
	}
	return func(a jinjaArgs) reflect.Value {
		a.RequireNumOfArguments(fn, 1, 3)
		defer recoverAs(a, fn)
		g := attrGetter{fn: fn, parts: attrPath(a, fn, optArg(a, 2)), ignoreCase: !boolArg(a, 1)}
		items := jinjaItemsOf(a, fn, a.Get(0))
		if len(items) == 0 {
			return reflect.Value{}
		}
		best, bestKey := items[0], g.get(items[0])
		for _, e := range items[1:] {
			k := g.get(e)
			// max keeps the first of equal items: it takes k only when
			// bestKey < k; min only when k < bestKey.
			x, y := k, bestKey
			if isMax {
				x, y = bestKey, k
			}
			less, err := pyLessValues(x, y)
			if err != nil {
				a.Panicf("%s: %v", fn, err)
			}
			if less {
				best, bestKey = e, k
			}
		}
		return reflect.ValueOf(best)
	}
}

// jinjaMap is map(value, name, *args, **kwargs), which applies the
// filter name to each item, or map(value, attribute=..., default=None),
// which reads the attribute of each.
func jinjaMap(a jinjaArgs) reflect.Value {
	value, args, kwnames, kwvals := variadicArgs(a, "map")
	defer recoverAs(a, "map")
	if !pyTruthy(value) {
		return reflect.ValueOf([]any{})
	}
	items := jinjaItemsOf(a, "map", value)
	out := make([]any, 0, len(items))
	if len(args) == 0 && containsName(kwnames, "attribute") {
		g := attrGetter{fn: "map"}
		for i, n := range kwnames {
			switch n {
			case "attribute":
				g.parts = attrPath(a, "map", kwvals[i])
			case "default":
				g.def = kwvals[i]
				if isNone(g.def) {
					g.def = reflect.Value{}
				}
			default:
				a.Panicf("map: Unexpected keyword argument %s", pyfmt.Repr(n))
			}
		}
		for _, e := range items {
			out = append(out, valueAny(g.get(e)))
		}
		return reflect.ValueOf(out)
	}
	if len(args) == 0 {
		a.Panicf("map: map requires a filter argument")
	}
	name, ok := valueOf(args[0]).(string)
	if !ok {
		a.Panicf("map: the filter name must be a string")
	}
	if _, known := jinjaFilterSpecs[name]; !known {
		a.Panicf("map: No filter named %s.", pyfmt.Repr(name))
	}
	for _, e := range items {
		out = append(out, valueAny(callJinjaFilter(name, reflect.ValueOf(e), args[1:], kwnames, kwvals)))
	}
	return reflect.ValueOf(out)
}

func containsName(names []string, n string) bool {
	for _, s := range names {
		if s == n {
			return true
		}
	}
	return false
}

// jinjaSelect makes select, reject (the items that pass, or fail, the
// test: select(value, test, *args); no test is the item's truth) and
// selectattr, rejectattr (the test of an attribute of each item:
// selectattr(value, attribute, test, *args)).
func jinjaSelect(reject, byAttr bool) jinjaFilter {
	fn := map[[2]bool]string{{false, false}: "select", {true, false}: "reject", {false, true}: "selectattr", {true, true}: "rejectattr"}[[2]bool{reject, byAttr}]
	return func(a jinjaArgs) reflect.Value {
		value, args, kwnames, _ := variadicArgs(a, fn)
		defer recoverAs(a, fn)
		if len(kwnames) > 0 {
			a.Panicf("%s: the tests take no keyword arguments (%s given)", fn, kwnames[0])
		}
		if !pyTruthy(value) {
			return reflect.ValueOf([]any{})
		}
		g := attrGetter{fn: fn}
		if byAttr {
			if len(args) == 0 {
				a.Panicf("%s: Missing parameter for attribute name", fn)
			}
			g.parts = attrPath(a, fn, args[0])
			args = args[1:]
		}
		test := ""
		if len(args) > 0 {
			name, ok := valueOf(args[0]).(string)
			if !ok {
				a.Panicf("%s: the test name must be a string", fn)
			}
			if !jinjaTestNames[name] {
				a.Panicf("%s: No test named %s.", fn, pyfmt.Repr(name))
			}
			test, args = name, args[1:]
		}
		out := []any{}
		for _, e := range jinjaItemsOf(a, fn, value) {
			v := g.get(e)
			var pass bool
			if test == "" {
				pass = pyTruthy(v)
			} else {
				pass = callJinjaTest(test, v, args)
			}
			if pass != reject {
				out = append(out, e)
			}
		}
		return reflect.ValueOf(out)
	}
}

// jinjaGroupby is groupby(value, attribute, default=None,
// case_sensitive=False): the items sorted by the attribute and grouped
// by its value, each group a (grouper, list) tuple whose grouper and
// list are attributes too; case-insensitive, a group's grouper is its
// first item's value.
func jinjaGroupby(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("groupby", 2, 4)
	defer recoverAs(a, "groupby")
	caseSensitive := boolArg(a, 3)
	def := optArg(a, 2)
	if isNone(def) {
		def = reflect.Value{}
	}
	parts := attrPath(a, "groupby", a.Get(1))
	key := attrGetter{fn: "groupby", parts: parts, def: def, ignoreCase: !caseSensitive}
	real := attrGetter{fn: "groupby", parts: parts, def: def}
	items := append([]any(nil), jinjaItemsOf(a, "groupby", a.Get(0))...)
	keys := make([]reflect.Value, len(items))
	for i, e := range items {
		keys[i] = key.get(e)
	}
	if err := sortValues(items, keys, false); err != nil {
		a.Panicf("groupby: %v", err)
	}
	var groups []any
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && groupKeyEqual(keys[i], keys[j]) {
			j++
		}
		grouper := keys[i]
		if !caseSensitive {
			grouper = real.get(items[i])
		}
		groups = append(groups, jinjaGroup(valueAny(grouper), append([]any(nil), items[i:j]...)))
		i = j
	}
	if groups == nil {
		groups = []any{}
	}
	return reflect.ValueOf(groups)
}

func groupKeyEqual(a, b reflect.Value) bool {
	ua, ub := jinjaUndefined(rv(a)), jinjaUndefined(rv(b))
	if ua || ub {
		return ua && ub
	}
	return pyEqual(valueAny(a), valueAny(b))
}

// jinjaGroup is one of groupby's (grouper, list) tuples: an Object with
// the attributes grouper and list, items 0 and 1, that iterates (and
// unpacks) as the pair and prints as Python's tuple.
func jinjaGroup(grouper any, list []any) jetObject {
	repr := "(" + pyfmt.Repr(grouper) + ", " + pyfmt.Str(list) + ")"
	return jetObject{
		"grouper": grouper,
		"list":    list,
		"0":       grouper,
		"1":       list,
		IterKey:   []any{grouper, list},
		HTMLKey:   repr,
	}
}

// jinjaBatch is batch(value, linecount, fill_with=None): the items in
// lists of linecount, the last filled up with fill_with when given.
func jinjaBatch(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("batch", 2, 3)
	n := intArg(a, "batch", a.Get(1))
	fill := optArg(a, 2)
	hasFill := !jinjaUndefined(rv(fill)) && !isNone(fill)
	var out []any
	var tmp []any
	for _, e := range jinjaItemsOf(a, "batch", a.Get(0)) {
		if len(tmp) == n {
			out = append(out, tmp)
			tmp = nil
		}
		tmp = append(tmp, e)
	}
	if len(tmp) > 0 {
		if hasFill && len(tmp) < n {
			if n > jinjaMaxWidth {
				a.Panicf("batch: the line count %d is too large to fill (at most %d)", n, jinjaMaxWidth)
			}
			for len(tmp) < n {
				tmp = append(tmp, valueAny(fill))
			}
		}
		out = append(out, tmp)
	}
	if out == nil {
		out = []any{}
	}
	for i, e := range out {
		if e == nil {
			out[i] = []any{}
		}
	}
	return reflect.ValueOf(out)
}

// jinjaSlice is slice(value, slices, fill_with=None): the items in
// slices lists (columns), the shorter ones filled with fill_with when
// given.
func jinjaSlice(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("slice", 2, 3)
	slices := intArg(a, "slice", a.Get(1))
	fill := optArg(a, 2)
	hasFill := !jinjaUndefined(rv(fill)) && !isNone(fill)
	seq := jinjaItemsOf(a, "slice", a.Get(0))
	if slices == 0 {
		a.Panicf("slice: integer division or modulo by zero")
	}
	if slices > jinjaMaxWidth {
		a.Panicf("slice: %d slices are too many (at most %d)", slices, jinjaMaxWidth)
	}
	length := len(seq)
	per := pyFloorDiv(length, slices)
	extra := pyMod(length, slices)
	offset := 0
	out := []any{}
	for n := 0; n < slices; n++ {
		start := offset + n*per
		if n < extra {
			offset++
		}
		end := offset + (n+1)*per
		tmp := append([]any{}, pySlice(seq, start, end)...)
		if hasFill && n >= extra {
			tmp = append(tmp, valueAny(fill))
		}
		out = append(out, tmp)
	}
	return reflect.ValueOf(out)
}

func pyFloorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func pyMod(a, b int) int { return a - b*pyFloorDiv(a, b) }

// pySlice is seq[start:end] as Python slices a list.
func pySlice(seq []any, start, end int) []any {
	n := len(seq)
	clamp := func(i int) int {
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		return min(i, n)
	}
	start, end = clamp(start), clamp(end)
	if start >= end {
		return nil
	}
	return seq[start:end]
}

// jinjaAttrFilter is attr(obj, name): the object's attribute, not its
// item: an Object's attribute (a bound field's name); undefined for a
// mapping's keys and everything else.
func jinjaAttrFilter(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("attr", 2, 2)
	name, ok := valueOf(a.Get(1)).(string)
	if !ok {
		a.Panicf("attr: attribute name must be string")
	}
	switch x := valueAny(a.Get(0)).(type) {
	case jetObject:
		if fields, isForm := x["fields"].(jetObject); isForm && fields[name] != nil && name != "fields" {
			return reflect.Value{} // form["name"], a field, is no attribute
		}
		return lookupProp(x, name)
	}
	return reflect.Value{}
}

// jinjaItemsFilter is items(value): a mapping's (key, value) pairs;
// none for undefined.
func jinjaItemsFilter(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("items", 1, 1)
	if v := rv(a.Get(0)); jinjaUndefined(v) {
		return reflect.ValueOf([]any{})
	}
	keys, values, ok := jinjaMapping(a.Get(0))
	if !ok {
		a.Panicf("items: Can only get item pairs from a mapping.")
	}
	out := make([]any, len(keys))
	for i := range keys {
		out[i] = jinjaTuple{keys[i], values[i]}
	}
	return reflect.ValueOf(out)
}
