package djangoengine

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/flosch/pongo2/v6"
	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/renderers"
)

// Django's list filters that pongo2 lacks, as
// django.template.defaultfilters has them:
//
//   - safeseq marks each item of a sequence safe, as its str(): markup
//     (a bound field, a safe string) stays as it is;
//   - dictsort and dictsortreversed sort a sequence by a key, an index
//     (itemgetter, when the argument reads as a float) or a dotted path of
//     item and attribute lookups (a bound field's name or label, a
//     subwidget's data.value), making the comparisons CPython's sort
//     makes: a key Python cannot compare (None, a bound method, a number
//     and a text) gives "", as do a missing attribute and a value that is
//     not iterable, while a missing index or key fails the render;
//   - unordered_list writes nested lists as <li> items, Django's tabs and
//     newlines included, escaping items that are not markup;
//   - json_script writes the value as Django's json.dumps with its
//     DjangoJSONEncoder does (non-ASCII as \uXXXX, dates in ISO 8601,
//     decimals as text), <, > and & as \u003C, \u003E and \u0026, in a
//     <script type="application/json"> with the id given, if any.
//
// A value that Python cannot iterate (None, a number) fails safeseq and
// unordered_list, as Django raises; an undefined name is Django's "".
// A list nested in a list a theme reads (form.fields.items,
// field.field.choices) is a tuple in Django: its str() is the tuple's.
func init() {
	must(pongo2.RegisterFilter("safeseq", filterSafeseq))
	must(pongo2.RegisterFilter("dictsort", func(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		return dictsort(in, param, false)
	}))
	must(pongo2.RegisterFilter("dictsortreversed", func(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		return dictsort(in, param, true)
	}))
	must(pongo2.RegisterFilter("unordered_list", filterUnorderedList))
	must(pongo2.RegisterFilter("json_script", filterJSONScript))
}

// pySeq is a Python list a filter made (safeseq's, dictsort's): it
// iterates, counts and tests as its items, and prints as Python's repr of
// the list, escaped; its items are the values as the filter found them.
type pySeq []any

func (s pySeq) String() string { return renderers.Escape(s.pyStr()) }
func (s pySeq) pyStr() string  { return reprItems([]any(s), "[", "]") }

// pyMethod is a method a lookup found without calling it (dictsort's
// lookups do not call what they find): Python orders no two of them.
type pyMethod struct{ name string }

// pyErrMsg is an error of an error list as the list holds it (a
// ValidationError): equal to an error with the same message, ordered
// against none.
type pyErrMsg struct{ msg string }

// ---------------------------------------------------------------- safeseq

func filterSafeseq(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	items, ok := pyIter(in)
	if !ok {
		return nil, notIterable("safeseq", in)
	}
	out := make(pySeq, len(items))
	for i, it := range items {
		out[i] = markSafe(it)
	}
	if _, ok := renderers.IsSafe(in.Interface()); ok {
		// Django marks safe what an is_safe filter makes of safe text:
		// the list's str().
		return pongo2.AsSafeValue(renderers.Safe(renderers.HTML(out.pyStr()))), nil
	}
	return pongo2.AsValue(out), nil
}

// markSafe is Django's mark_safe(v): markup (what has __html__) as it is,
// anything else its str() marked safe.
func markSafe(v any) any {
	if _, ok := renderers.IsSafe(v); ok {
		return v
	}
	if o, ok := v.(renderers.Object); ok {
		if s, plain := o[renderers.HTMLKey].(string); plain {
			// A list or dict that prints as its repr.
			return renderers.Safe(renderers.HTML(s))
		}
		return v
	}
	return renderers.Safe(renderers.HTML(pyStrOf(v)))
}

// ---------------------------------------------------------------- dictsort

// pyErr is an exception a lookup or a comparison raised: silent for the
// TypeError and AttributeError that dictsort turns into "", else one that
// fails the render, as Django's KeyError and IndexError do.
type pyErr struct {
	silent bool
	msg    string
}

func (e *pyErr) Error() string { return e.msg }

func typeError(format string, args ...any) *pyErr {
	return &pyErr{silent: true, msg: "TypeError: " + fmt.Sprintf(format, args...)}
}

func attributeError(name string) *pyErr {
	return &pyErr{silent: true, msg: "AttributeError: no attribute " + pyfmt.Repr(name)}
}

func dictsort(in, param *pongo2.Value, reverse bool) (*pongo2.Value, *pongo2.Error) {
	name := "dictsort"
	if reverse {
		name = "dictsortreversed"
	}
	fail := func(err error) *pongo2.Error { return &pongo2.Error{Sender: "filter:" + name, OrigError: err} }
	if param.IsNil() {
		// No argument (or an undefined one, which Django reports too).
		return nil, fail(fmt.Errorf("%s requires 2 arguments, 1 provided", name))
	}
	key, err := propertyResolver(param)
	if err == nil {
		var keys, vals []any
		items, ok := pyIter(in)
		if !ok {
			err = typeError("%s object is not iterable", pyTypeName(in.Interface()))
		}
		for _, it := range items {
			if err != nil {
				break
			}
			var k any
			k, err = key(it)
			keys, vals = append(keys, k), append(vals, it)
		}
		if err == nil {
			err = pySort(keys, vals, reverse)
		}
		if err == nil {
			return pongo2.AsValue(pySeq(vals)), nil
		}
	}
	var pe *pyErr
	if errors.As(err, &pe) && pe.silent {
		return pongo2.AsValue(""), nil
	}
	return nil, fail(err)
}

// propertyResolver is Django's _property_resolver(arg): itemgetter(arg)
// when float(arg) succeeds, else a lookup of each dotted part, as an item
// and then as an attribute.
func propertyResolver(param *pongo2.Value) (func(any) (any, error), error) {
	switch arg := raw(param).(type) {
	case nil:
		return nil, typeError("float() argument must be a string or a real number, not 'NoneType'")
	case bool:
		idx := 0
		if arg {
			idx = 1
		}
		return func(v any) (any, error) { return getItem(v, idx) }, nil
	case float64:
		return func(v any) (any, error) { return getItem(v, arg) }, nil
	case string:
		if pyFloatText(arg) {
			return func(v any) (any, error) { return getItem(v, arg) }, nil
		}
		if arg == "" {
			return nil, errors.New("IndexError: string index out of range")
		}
		if strings.Contains(arg, "._") || arg[0] == '_' {
			return nil, &pyErr{silent: true, msg: "AttributeError: Access to private variables is forbidden."}
		}
		parts := strings.Split(arg, ".")
		return func(v any) (any, error) {
			for _, part := range parts {
				var err error
				if v, err = lookupPart(v, part); err != nil {
					return nil, err
				}
			}
			return v, nil
		}, nil
	}
	if s, ok := renderers.IsSafe(param.Interface()); ok {
		return propertyResolver(pongo2.AsValue(s))
	}
	if param.IsInteger() {
		idx := param.Integer()
		return func(v any) (any, error) { return getItem(v, idx) }, nil
	}
	if param.IsFloat() {
		f := param.Float()
		return func(v any) (any, error) { return getItem(v, f) }, nil
	}
	return nil, typeError("float() argument must be a string or a real number")
}

var pyFloatRe = sync.OnceValue(func() *regexp.Regexp {
	const digits = `[0-9](?:_?[0-9])*`
	return regexp.MustCompile(`^[+-]?(?:(?:` + digits + `(?:\.(?:` + digits + `)?)?|\.` + digits + `)(?:[eE][+-]?` + digits + `)?|(?i:inf|infinity|nan))$`)
})

// pyFloatText reports whether Python's float() reads s.
func pyFloatText(s string) bool {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f })
	return pyFloatRe().MatchString(s)
}

// dictLike reports whether o is looked up by key, not by index (a form,
// form.fields, an error dict): o[0] is a KeyError.
func dictLike(o renderers.Object) bool {
	if _, ok := o["items"].([]any); ok {
		return true
	}
	_, isForm := o["visible_fields"]
	return isForm
}

// getItem is Python's v[idx] for an index that is an int, a float or a
// string (operator.itemgetter).
func getItem(v any, idx any) (any, error) {
	if o, ok := v.(renderers.Object); ok {
		if dictLike(o) {
			if s, ok := idx.(string); ok {
				if x, found := o[s]; found && !strings.HasPrefix(s, "__") {
					return attrValue(x), nil
				}
			}
			return nil, fmt.Errorf("KeyError: %s", pyfmt.Repr(idx))
		}
		if _, iterable := o[renderers.IterKey]; !iterable && len(o) > 0 {
			return nil, typeError("object is not subscriptable")
		}
		// An error list or a bound field (its subwidgets).
		return indexItem(o.Items(), idx, "list")
	}
	if d, ok := dictPairs(v); ok {
		if s, ok := idx.(string); ok {
			for _, p := range d {
				if p.key == s {
					return p.val, nil
				}
			}
		}
		return nil, fmt.Errorf("KeyError: %s", pyfmt.Repr(idx))
	}
	if s, ok := pyString(v); ok {
		runes := []rune(s)
		items := make([]any, len(runes))
		for i, r := range runes {
			items[i] = string(r)
		}
		return indexItem(items, idx, "string")
	}
	if items, ok := pySequence(v); ok {
		return indexItem(items, idx, "tuple")
	}
	return nil, typeError("%s object is not subscriptable", pyTypeName(v))
}

func indexItem(items []any, idx any, kind string) (any, error) {
	i, ok := idx.(int)
	if !ok {
		return nil, typeError("%s indices must be integers or slices", kind)
	}
	if i < 0 {
		i += len(items)
	}
	if i < 0 || i >= len(items) {
		return nil, fmt.Errorf("IndexError: %s index out of range", kind)
	}
	return items[i], nil
}

// Django's methods among an Object's attributes: a lookup finds them
// uncalled. (A form's field of such a name is found instead: an Object.)
var objectMethods = map[string]bool{
	// BoundField
	"value": true, "label_tag": true, "legend_tag": true, "css_classes": true, "as_widget": true,
	"as_hidden": true, "as_text": true, "as_textarea": true,
	// BoundWidget
	"tag": true,
	// Form
	"is_valid": true, "has_changed": true, "as_div": true, "as_p": true, "as_table": true, "as_ul": true,
	"non_field_errors": true, "visible_fields": true, "hidden_fields": true, "is_multipart": true,
	// ErrorList, ErrorDict, dict
	"as_json": true, "get_json_data": true, "as_data": true, "items": true, "keys": true, "values": true,
}

var (
	dictMethods = map[string]bool{"clear": true, "copy": true, "fromkeys": true, "get": true, "items": true,
		"keys": true, "pop": true, "popitem": true, "setdefault": true, "update": true, "values": true}
	listMethods = map[string]bool{"append": true, "clear": true, "copy": true, "count": true, "extend": true,
		"index": true, "insert": true, "pop": true, "remove": true, "reverse": true, "sort": true}
	strMethods = sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, name := range strings.Fields(`capitalize casefold center count encode endswith expandtabs find
			format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric
			isprintable isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix
			removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip
			swapcase title translate upper zfill`) {
			m[name] = true
		}
		return m
	})
)

// lookupPart is one part of a dotted dictsort argument: v[part], else
// getattr(v, part), neither calling what it finds.
func lookupPart(v any, part string) (any, error) {
	switch x := v.(type) {
	case renderers.Object:
		val, ok := x[part]
		if !ok {
			return nil, attributeError(part)
		}
		if _, isObject := val.(renderers.Object); objectMethods[part] && !isObject {
			return pyMethod{part}, nil
		}
		return attrValue(val), nil
	case pyNone, nil:
		return nil, attributeError(part)
	}
	if d, ok := dictPairs(v); ok {
		for _, p := range d {
			if p.key == part {
				return p.val, nil
			}
		}
		if dictMethods[part] {
			return pyMethod{part}, nil
		}
		return nil, attributeError(part)
	}
	if t, ok := pyTimeOf(v); ok {
		kind := l10n.KindOf(t)
		attrs := map[string]int{}
		if kind != l10n.TimeOfDay {
			attrs["year"], attrs["month"], attrs["day"] = t.Year(), int(t.Month()), t.Day()
		}
		if kind != l10n.Date {
			attrs["hour"], attrs["minute"], attrs["second"], attrs["microsecond"] = t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000
		}
		if n, ok := attrs[part]; ok {
			return n, nil
		}
		return nil, attributeError(part)
	}
	if _, ok := pyString(v); ok {
		if strMethods()[part] {
			return pyMethod{part}, nil
		}
		return nil, attributeError(part)
	}
	if _, ok := pySequence(v); ok {
		if listMethods[part] {
			return pyMethod{part}, nil
		}
	}
	return nil, attributeError(part)
}

// attrValue is an Object's attribute as a lookup reads it: a property
// computed.
func attrValue(v any) any {
	switch f := v.(type) {
	case func() any:
		return f()
	case func() []any:
		return f()
	case func() renderers.HTML:
		return renderers.Safe(f())
	}
	if reflect.ValueOf(v).Kind() == reflect.Func {
		return pyMethod{}
	}
	return v
}

// pySort sorts vals by their keys as CPython 3.11's list.sort does a
// list of fewer than 64 items, making the same comparisons in the same
// order (a run counted from the start, then binary insertion), so that a
// pair of keys Python cannot compare raises where it raises in Python.
// Longer lists are sorted the same way: the same order, as the sort is
// stable, though Python's merges would compare other pairs. reverse
// sorts the reversed list and reverses the result, as Python does, so
// that equal keys keep their order.
func pySort(keys, vals []any, reverse bool) error {
	n := len(keys)
	if n < 2 {
		return nil
	}
	rev := func(lo, hi int) {
		for i, j := lo, hi-1; i < j; i, j = i+1, j-1 {
			keys[i], keys[j] = keys[j], keys[i]
			vals[i], vals[j] = vals[j], vals[i]
		}
	}
	if reverse {
		rev(0, n)
	}
	run := 2
	desc, err := pyLess(keys[1], keys[0])
	if err != nil {
		return err
	}
	for ; run < n; run++ {
		lt, err := pyLess(keys[run], keys[run-1])
		if err != nil {
			return err
		}
		if lt != desc {
			break
		}
	}
	if desc {
		rev(0, run)
	}
	for start := run; start < n; start++ {
		pk, pv := keys[start], vals[start]
		l, r := 0, start
		for l < r {
			p := l + (r-l)>>1
			lt, err := pyLess(pk, keys[p])
			if err != nil {
				return err
			}
			if lt {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(keys[l+1:start+1], keys[l:start])
		copy(vals[l+1:start+1], vals[l:start])
		keys[l], vals[l] = pk, pv
	}
	if reverse {
		rev(0, n)
	}
	return nil
}

// ---------------------------------------------------------------- comparisons

type pyKind int

const (
	kOther pyKind = iota
	kNone
	kNum
	kStr
	kDate
	kDateTime
	kTime
	kDelta
	kSeq
	kDict
	kErrMsg
)

// pyNum is a number: a float, or an exact rational (an int, a bool, a
// Decimal).
type pyNum struct {
	isFloat bool
	f       float64
	r       *big.Rat
}

func (n pyNum) rat() (*big.Rat, bool) {
	if !n.isFloat {
		return n.r, true
	}
	if math.IsInf(n.f, 0) || math.IsNaN(n.f) {
		return nil, false
	}
	return new(big.Rat).SetFloat64(n.f), true
}

func (n pyNum) float() float64 {
	if n.isFloat {
		return n.f
	}
	f, _ := n.r.Float64()
	return f
}

// cmpNum compares two numbers; ok is false when one is NaN.
func cmpNum(a, b pyNum) (int, bool) {
	ra, okA := a.rat()
	rb, okB := b.rat()
	if okA && okB {
		return ra.Cmp(rb), true
	}
	fa, fb := a.float(), b.float()
	switch {
	case math.IsNaN(fa) || math.IsNaN(fb):
		return 0, false
	case fa < fb:
		return -1, true
	case fa > fb:
		return 1, true
	}
	return 0, true
}

// classify is the kind of Python value v is, and v as the comparisons
// read it.
func classify(v any) (pyKind, any) {
	switch x := v.(type) {
	case nil, pyNone:
		return kNone, nil
	case pyErrMsg:
		return kErrMsg, x.msg
	case pyMethod:
		return kOther, v
	case bool:
		r := new(big.Rat)
		if x {
			r.SetInt64(1)
		}
		return kNum, pyNum{r: r}
	case float64:
		return kNum, pyNum{isFloat: true, f: x}
	case float32:
		return kNum, pyNum{isFloat: true, f: float64(x)}
	case pyFloat:
		return kNum, pyNum{isFloat: true, f: float64(x)}
	case pyFloatComma:
		return kNum, pyNum{isFloat: true, f: float64(x)}
	case decimal.Decimal:
		return kNum, pyNum{r: x.Rat()}
	case pyDecimal:
		return kNum, pyNum{r: x.d.Rat()}
	case pyZeroDecimal:
		return kNum, pyNum{r: new(big.Rat)}
	case *big.Int:
		return kNum, pyNum{r: new(big.Rat).SetInt(x)}
	case time.Duration:
		return kDelta, x
	case pyDuration:
		return kDelta, time.Duration(x)
	case renderers.Object:
		if isErrorList(x) {
			items := x.Items()
			msgs := make([]any, len(items))
			for i, m := range items {
				msgs[i] = pyErrMsg{pyfmt.Str(m)}
			}
			return kSeq, msgs
		}
		return kOther, v
	}
	if t, ok := pyTimeOf(v); ok {
		switch l10n.KindOf(t) {
		case l10n.Date:
			return kDate, t
		case l10n.TimeOfDay:
			return kTime, t
		}
		return kDateTime, t
	}
	if s, ok := pyString(v); ok {
		return kStr, s
	}
	if items, ok := pySequence(v); ok {
		return kSeq, items
	}
	if d, ok := dictPairs(v); ok {
		return kDict, d
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kNum, pyNum{r: new(big.Rat).SetInt64(rv.Int())}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kNum, pyNum{r: new(big.Rat).SetUint64(rv.Uint())}
	}
	return kOther, v
}

// isErrorList reports whether o is an error list (an empty Object is an
// empty one): a list in Django.
func isErrorList(o renderers.Object) bool {
	if len(o) == 0 {
		return true
	}
	_, ok := o["error_class"]
	return ok
}

// pyLess is Python's a < b, or the TypeError it raises.
func pyLess(a, b any) (bool, error) {
	ka, va := classify(a)
	kb, vb := classify(b)
	if ka == kb {
		switch ka {
		case kNum:
			c, ok := cmpNum(va.(pyNum), vb.(pyNum))
			return ok && c < 0, nil
		case kStr:
			return va.(string) < vb.(string), nil
		case kDate, kDateTime, kTime:
			return va.(time.Time).Before(vb.(time.Time)), nil
		case kDelta:
			return va.(time.Duration) < vb.(time.Duration), nil
		case kSeq:
			x, y := va.([]any), vb.([]any)
			for i := 0; i < len(x) && i < len(y); i++ {
				if !pyEqual(x[i], y[i]) {
					return pyLess(x[i], y[i])
				}
			}
			return len(x) < len(y), nil
		}
	}
	return false, typeError("'<' not supported between instances of %s and %s", pyTypeName(a), pyTypeName(b))
}

// pyEqual is Python's a == b.
func pyEqual(a, b any) bool {
	ka, va := classify(a)
	kb, vb := classify(b)
	if ka != kb {
		return false
	}
	switch ka {
	case kNone:
		return true
	case kNum:
		c, ok := cmpNum(va.(pyNum), vb.(pyNum))
		return ok && c == 0
	case kStr, kErrMsg:
		return va.(string) == vb.(string)
	case kDate, kDateTime, kTime:
		return va.(time.Time).Equal(vb.(time.Time))
	case kDelta:
		return va.(time.Duration) == vb.(time.Duration)
	case kSeq:
		x, y := va.([]any), vb.([]any)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if !pyEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case kDict:
		x, y := va.([]dictPair), vb.([]dictPair)
		if len(x) != len(y) {
			return false
		}
	next:
		for _, p := range x {
			for _, q := range y {
				if p.key == q.key {
					if !pyEqual(p.val, q.val) {
						return false
					}
					continue next
				}
			}
			return false
		}
		return true
	}
	// Objects are equal only to themselves.
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Kind() == reflect.Map && rb.Kind() == reflect.Map {
		return ra.UnsafePointer() == rb.UnsafePointer()
	}
	return false
}

// pyTypeName is the name of v's Python type, for messages.
func pyTypeName(v any) string {
	switch k, _ := classify(v); k {
	case kNone:
		return "'NoneType'"
	case kNum:
		if _, ok := v.(bool); ok {
			return "'bool'"
		}
		return "'number'"
	case kStr:
		return "'str'"
	case kSeq:
		return "'list'"
	case kDict:
		return "'dict'"
	}
	if _, ok := v.(pyMethod); ok {
		return "'method'"
	}
	return "'object'"
}

// ---------------------------------------------------------------- values

// pyIter is what Python's iteration over the value a filter was given
// visits; ok is false where iter() raises TypeError. An undefined name is
// Django's "", which has nothing to visit.
func pyIter(in *pongo2.Value) ([]any, bool) {
	if in.IsNil() {
		return nil, true
	}
	v := in.Interface()
	if o, ok := v.(renderers.Object); ok {
		if _, iterable := o[renderers.IterKey]; iterable || len(o) == 0 {
			return o.Items(), true
		}
		return nil, false
	}
	if s, ok := pyString(v); ok {
		var out []any
		for _, r := range s {
			out = append(out, string(r))
		}
		return out, true
	}
	if items, ok := pySequence(v); ok {
		return items, true
	}
	if d, ok := dictPairs(v); ok {
		out := make([]any, len(d))
		for i, p := range d {
			out[i] = p.key
		}
		return out, true
	}
	return nil, false
}

func notIterable(filter string, in *pongo2.Value) *pongo2.Error {
	return &pongo2.Error{Sender: "filter:" + filter, OrigError: fmt.Errorf("TypeError: %s object is not iterable", pyTypeName(in.Interface()))}
}

// pyString is v's text when v is a Python str (a safe one too).
func pyString(v any) (string, bool) {
	if s, ok := renderers.IsSafe(v); ok {
		return s, true
	}
	if v == nil {
		return "", false
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return rv.String(), true
	}
	return "", false
}

// pySequence is the items of v when v is a Python list or tuple.
func pySequence(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case pyList:
		return x, true
	case pySeq:
		return x, true
	case []string:
		return stringItems(x), true
	case pyStrs:
		return stringItems(x), true
	}
	return nil, false
}

func stringItems(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func pyTimeOf(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, true
	case pyTime:
		return x.t, true
	}
	return time.Time{}, false
}

type dictPair struct {
	key string
	val any
}

// dictPairs is v's items when v is a dict: attrs in their order, a
// widget's context by name.
func dictPairs(v any) ([]dictPair, bool) {
	var a renderers.Attrs
	switch x := v.(type) {
	case renderers.Attrs:
		a = x
	case pyAttrs:
		a = renderers.Attrs(x)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			if !strings.HasPrefix(k, "__") {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		out := make([]dictPair, len(keys))
		for i, k := range keys {
			out[i] = dictPair{k, x[k]}
		}
		return out, true
	default:
		return nil, false
	}
	keys := a.Keys()
	out := make([]dictPair, len(keys))
	for i, k := range keys {
		out[i] = dictPair{k, a[k]}
	}
	return out, true
}

// pyStrOf is Python's str() of v, unescaped.
func pyStrOf(v any) string {
	if s, ok := pyString(v); ok {
		return s
	}
	switch x := v.(type) {
	case pyText:
		return x.pyStr()
	case renderers.Object:
		if s, ok := x[renderers.HTMLKey].(string); ok {
			return s
		}
		return x.String()
	case []any, pyErrMsg, pyMethod, renderers.Attrs, pyAttrs, map[string]any:
		return pyRepr(x)
	}
	return pyfmt.Str(unwrap(v))
}

// pyRepr is Python's repr() of v as an item of a list: a nested list is
// a tuple (form.fields.items, a field's choices).
func pyRepr(v any) string {
	if s, ok := pyString(v); ok {
		return pyfmt.Repr(s)
	}
	switch x := v.(type) {
	case nil, pyNone:
		return "None"
	case []any:
		if len(x) == 1 {
			return "(" + pyRepr(x[0]) + ",)"
		}
		return reprItems(x, "(", ")")
	case pySeq:
		return x.pyStr()
	case pyList:
		return reprItems(x, "[", "]")
	case []string:
		return pyfmt.Str(x)
	case pyStrs:
		return x.pyStr()
	case pyErrMsg:
		return "ValidationError([" + pyfmt.Repr(x.msg) + "])"
	case pyMethod:
		return "<bound method " + x.name + ">"
	case renderers.Object:
		if s, ok := x[renderers.HTMLKey].(string); ok {
			return s
		}
		if isErrorList(x) {
			// ErrorList's repr is its messages'.
			return reprItems(x.Items(), "[", "]")
		}
		return x.String()
	case renderers.Attrs:
		return pyAttrs(x).pyStr()
	case pyAttrs:
		return x.pyStr()
	case map[string]any:
		d, _ := dictPairs(x)
		parts := make([]string, len(d))
		for i, p := range d {
			parts[i] = pyfmt.Repr(p.key) + ": " + pyRepr(p.val)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case pyFloat:
		return pyfmt.FloatRepr(float64(x))
	case pyFloatComma:
		return pyfmt.FloatRepr(float64(x))
	}
	return pyfmt.Repr(unwrap(v))
}

func reprItems(items []any, open, end string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = pyRepr(it)
	}
	return open + strings.Join(parts, ", ") + end
}

// ---------------------------------------------------------------- unordered_list

// filterUnorderedList is Django's unordered_list: each item an <li>,
// indented with tabs, and a list that follows an item its nested <ul>.
// Items are escaped unless they are markup. (Django does not escape
// them inside {% autoescape off %}, which a filter here cannot see.)
func filterUnorderedList(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	items, ok := pyIter(in)
	if !ok {
		return nil, notIterable("unordered_list", in)
	}
	return pongo2.AsSafeValue(listFormatter(items, 1)), nil
}

func listFormatter(items []any, tabs int) string {
	indent := strings.Repeat("\t", tabs)
	var out []string
	walkItems(items, func(item any, children []any) {
		sublist := ""
		if len(children) > 0 {
			sublist = "\n" + indent + "<ul>\n" + listFormatter(children, tabs+1) + "\n" + indent + "</ul>\n" + indent
		}
		out = append(out, indent+"<li>"+conditionalEscape(item)+sublist+"</li>")
	})
	return strings.Join(out, "\n")
}

// walkItems is Django's walk_items: each item with the list that follows
// it, if one does.
func walkItems(items []any, yield func(item any, children []any)) {
	if len(items) == 0 {
		return
	}
	item, i := items[0], 1
	for {
		if i == len(items) {
			yield(item, nil)
			return
		}
		next := items[i]
		i++
		if children, ok := childList(next); ok {
			yield(item, children)
			if i == len(items) {
				return
			}
			item = items[i]
			i++
			continue
		}
		yield(item, nil)
		item = next
	}
}

// childList is the items of v when v is a list or a tuple (an error
// list, a choice group's choices).
func childList(v any) ([]any, bool) {
	if o, ok := v.(renderers.Object); ok {
		if _, isDict := o["items"]; isDict {
			return nil, false
		}
		if _, plain := o[renderers.HTMLKey].(string); plain || isErrorList(o) {
			return o.Items(), true
		}
		return nil, false
	}
	return pySequence(v)
}

// conditionalEscape is Django's conditional_escape(v): markup as it is,
// anything else its str() escaped.
func conditionalEscape(v any) string {
	if s, ok := renderers.IsSafe(v); ok {
		return s
	}
	if o, ok := v.(renderers.Object); ok {
		if s, plain := o[renderers.HTMLKey].(string); plain {
			return renderers.Escape(s)
		}
		return o.String()
	}
	return renderers.Escape(pyStrOf(v))
}

// ---------------------------------------------------------------- json_script

var jsonScriptEscapes = strings.NewReplacer(">", `\u003E`, "<", `\u003C`, "&", `\u0026`)

// filterJSONScript is Django's json_script: the value as json.dumps
// writes it with DjangoJSONEncoder, <, > and & escaped, in a <script
// type="application/json">, with the id given when it is true. The id is
// escaped unless it is markup (Django leaves a literal's alone, as its
// literals are safe; pongo2 does not say which it is).
func filterJSONScript(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	var b strings.Builder
	var err error
	if in.IsNil() {
		b.WriteString(`""`) // Django's "" for an undefined name
	} else {
		err = writeJSON(&b, in.Interface())
	}
	if err != nil {
		return nil, &pongo2.Error{Sender: "filter:json_script", OrigError: err}
	}
	data := jsonScriptEscapes.Replace(b.String())
	if isNone(param) || !param.IsTrue() {
		return pongo2.AsSafeValue(`<script type="application/json">` + data + `</script>`), nil
	}
	return pongo2.AsSafeValue(`<script id="` + conditionalEscape(param.Interface()) + `" type="application/json">` + data + `</script>`), nil
}

// writeJSON writes v as Python's json.dumps(v, cls=DjangoJSONEncoder).
func writeJSON(b *strings.Builder, v any) error {
	if s, ok := pyString(v); ok {
		b.WriteString(pyfmt.JSONQuote(s))
		return nil
	}
	switch x := v.(type) {
	case nil, pyNone:
		b.WriteString("null")
		return nil
	case bool:
		b.WriteString(strconv.FormatBool(x))
		return nil
	case decimal.Decimal:
		b.WriteString(pyfmt.JSONQuote(pyfmt.DecimalStr(x)))
		return nil
	case pyDecimal:
		b.WriteString(pyfmt.JSONQuote(pyfmt.DecimalStr(x.d)))
		return nil
	case pyZeroDecimal:
		b.WriteString(pyfmt.JSONQuote(pyfmt.DecimalStr(x.decimal().d)))
		return nil
	case *big.Int:
		b.WriteString(x.String())
		return nil
	case time.Duration:
		b.WriteString(pyfmt.JSONQuote(durationISO(x)))
		return nil
	case pyDuration:
		b.WriteString(pyfmt.JSONQuote(durationISO(time.Duration(x))))
		return nil
	case renderers.Object:
		return writeObjectJSON(b, x)
	}
	if t, ok := pyTimeOf(v); ok {
		b.WriteString(pyfmt.JSONQuote(timeISO(t)))
		return nil
	}
	if k, n := classify(v); k == kNum {
		num := n.(pyNum)
		switch f := num.f; {
		case !num.isFloat:
			b.WriteString(num.r.FloatString(0))
		case math.IsNaN(f):
			b.WriteString("NaN")
		case math.IsInf(f, 1):
			b.WriteString("Infinity")
		case math.IsInf(f, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(pyfmt.FloatRepr(f))
		}
		return nil
	}
	if items, ok := pySequence(v); ok {
		return writeJSONList(b, items)
	}
	if d, ok := dictPairs(v); ok {
		b.WriteByte('{')
		for i, p := range d {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(pyfmt.JSONQuote(p.key) + ": ")
			if err := writeJSON(b, p.val); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	}
	return notSerializable(v)
}

func writeJSONList(b *strings.Builder, items []any) error {
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := writeJSON(b, it); err != nil {
			return err
		}
	}
	b.WriteByte(']')
	return nil
}

// writeObjectJSON writes the Objects that are dicts and lists in Django:
// an error dict (and its get_json_data), an error list (and its
// get_json_data, whose errors are dicts of a message and a code), a
// choice group's choices. Other Objects (a bound field, a form) are not
// serializable. An empty Object is an empty error dict or an empty error
// list, which formwork does not tell apart: it is written as the dict,
// {}, what form.errors and a formset's errors give when there are none
// (Django writes field.errors and non_field_errors as []).
func writeObjectJSON(b *strings.Builder, o renderers.Object) error {
	if items, ok := o["items"].([]any); ok {
		b.WriteByte('{')
		for i, it := range items {
			pair, ok := it.([]any)
			if !ok || len(pair) != 2 {
				return notSerializable(o)
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(jsonKey(pair[0]) + ": ")
			if err := writeJSON(b, pair[1]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	}
	if len(o) == 0 {
		b.WriteString("{}")
		return nil
	}
	_, iterable := o[renderers.IterKey]
	msg, hasMsg := o["message"]
	code, hasCode := o["code"]
	if hasMsg && hasCode && !iterable {
		b.WriteString(`{"message": `)
		if err := writeJSON(b, msg); err != nil {
			return err
		}
		b.WriteString(`, "code": `)
		if err := writeJSON(b, code); err != nil {
			return err
		}
		b.WriteByte('}')
		return nil
	}
	if _, plain := o[renderers.HTMLKey].(string); (plain && iterable) || isErrorList(o) {
		return writeJSONList(b, o.Items())
	}
	return notSerializable(o)
}

// jsonKey is a dict key as json.dumps writes it.
func jsonKey(k any) string {
	if s, ok := pyString(k); ok {
		return pyfmt.JSONQuote(s)
	}
	var b strings.Builder
	if err := writeJSON(&b, k); err != nil {
		return `""`
	}
	return `"` + b.String() + `"`
}

func notSerializable(v any) error {
	name := "object"
	if o, ok := v.(renderers.Object); ok {
		switch {
		case o["html_name"] != nil:
			name = "BoundField"
		case o["visible_fields"] != nil:
			name = "Form"
		}
	}
	return fmt.Errorf("TypeError: Object of type %s is not JSON serializable", name)
}

// timeISO is DjangoJSONEncoder's text of a date, a date and time
// (isoformat, to the millisecond) or a time of day.
func timeISO(t time.Time) string {
	ms := ""
	if us := t.Nanosecond() / 1000; us != 0 {
		ms = fmt.Sprintf(".%03d", us/1000)
	}
	switch l10n.KindOf(t) {
	case l10n.Date:
		return t.Format("2006-01-02")
	case l10n.TimeOfDay:
		return t.Format("15:04:05") + ms
	}
	return t.Format("2006-01-02T15:04:05") + ms
}

// durationISO is Django's duration_iso_string.
func durationISO(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	us := d.Microseconds()
	days := us / (86400 * 1e6)
	secs := us % (86400 * 1e6) / 1e6
	frac := ""
	if r := us % 1e6; r != 0 {
		frac = fmt.Sprintf(".%06d", r)
	}
	return fmt.Sprintf("%sP%dDT%02dH%02dM%02d%sS", sign, days, secs/3600, secs%3600/60, secs%60, frac)
}
