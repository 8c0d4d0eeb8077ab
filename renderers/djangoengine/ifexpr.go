package djangoengine

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/renderers"
)

// Django's {% if %} compares as Python does: "b" > "a" is true, "10" > "9"
// false, 1 == 1.0 true, and a comparison Python refuses (None > 1, "5" > 3)
// is false, as Django's if turns any exception of an operator into False.
// Its comparison operators also bind tighter than not: not x > 1 is
// not (x > 1). pongo2 compares strings as the integers they parse to,
// compares values of Go types that cannot be compared by panicking, and
// reads not x > 1 as (not x) > 1. So Translate parses each if and elif
// condition with Django's precedence and writes each comparison and
// membership test as a call of a function of the template set's globals.

// The functions Translate calls, in every template set's globals.
const (
	cmpKey = "_fw_cmp" // _fw_cmp(a, "op", b): Python's a op b, False when Python raises
	inKey  = "_fw_in"  // _fw_in(a, b, negate): Python's a in b (a not in b), False when Python raises
	numKey = "_fw_num" // _fw_num("-2"): a number literal pongo2 cannot read
)

func init() { must(pongo2.RegisterFilter("fw_index", filterIndex)) }

// globals are the functions Translate's output calls.
func globals() pongo2.Context {
	return pongo2.Context{cmpKey: pyCompareValues, inKey: pyContainsValues, numKey: numberLiteral}
}

// ifOperators are the binding powers of Django's smart if operators
// (django.template.smartif).
var ifOperators = map[string]int{
	"or": 6, "and": 7, "not": 8, "in": 9, "not in": 9, "is": 10, "is not": 10,
	"==": 10, "!=": 10, ">": 10, ">=": 10, "<": 10, "<=": 10,
}

// rewriteCondition rewrites the condition of an if or elif tag body
// ("if COND") into pongo2 with Django's precedence. A condition with no
// comparison or membership test, or one Django's parser would refuse, is
// left as it is: pongo2 reads the first as Django does and reports the
// second.
func rewriteCondition(body string) string {
	word, cond, ok := strings.Cut(body, " ")
	if !ok {
		return body
	}
	tokens := smartSplit(cond)
	needed := false
	for _, t := range tokens {
		if bp, op := ifOperators[t]; op && bp >= 9 && t != "is" {
			needed = true
		}
	}
	if !needed {
		return body
	}
	p := &ifParser{}
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if i+1 < len(tokens) && (t == "not" && tokens[i+1] == "in" || t == "is" && tokens[i+1] == "not") {
			t += " " + tokens[i+1]
			i++
		}
		p.tokens = append(p.tokens, t)
	}
	out, ok := p.expression(0)
	if !ok || p.pos != len(p.tokens) {
		return body
	}
	return word + " " + out
}

// ifParser is Django's smart if parser (a Pratt parser) writing pongo2.
type ifParser struct {
	tokens []string
	pos    int
}

func (p *ifParser) next() (string, bool) {
	if p.pos >= len(p.tokens) {
		return "", false
	}
	t := p.tokens[p.pos]
	p.pos++
	return t, true
}

func (p *ifParser) peekPower() int {
	if p.pos >= len(p.tokens) {
		return 0
	}
	return ifOperators[p.tokens[p.pos]]
}

// expression parses an expression of operators binding tighter than rbp.
func (p *ifParser) expression(rbp int) (string, bool) {
	t, ok := p.next()
	if !ok {
		return "", false
	}
	var left string
	switch bp, isOp := ifOperators[t]; {
	case t == "not":
		x, ok := p.expression(bp)
		if !ok {
			return "", false
		}
		left = "(not " + x + ")"
	case isOp:
		return "", false // an infix operator where an operand belongs
	default:
		left = operand(t)
	}
	for rbp < p.peekPower() {
		op, _ := p.next()
		if op == "not" {
			return "", false // not is not infix
		}
		right, ok := p.expression(ifOperators[op])
		if !ok {
			return "", false
		}
		switch op {
		case "or", "and":
			left = "(" + left + " " + op + " " + right + ")"
		case "in":
			left = inKey + "(" + left + ", " + right + ", false)"
		case "not in":
			left = inKey + "(" + left + ", " + right + ", true)"
		default:
			left = cmpKey + "(" + left + ", \"" + op + "\", " + right + ")"
		}
	}
	return left, true
}

// djangoNumber is a number literal of Django's template language.
var djangoNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+.]?\d[\d.e]*$`) })

// operand writes one operand token for pongo2: a number literal pongo2
// cannot read (-2, +2, .5, 1e3) becomes a numKey call.
func operand(t string) string {
	if djangoNumber().MatchString(t) && !plainNumber(t) {
		return numKey + "(\"" + t + "\")"
	}
	return t
}

// plainNumber reports whether pongo2 reads t as Django does: digits, with
// at most one point between digits.
func plainNumber(t string) bool {
	whole, frac, hasPoint := strings.Cut(t, ".")
	digits := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	return digits(whole) && (!hasPoint || digits(frac))
}

// signedNumbers writes each filter argument that is a number literal
// pongo2 cannot read (|add:-2, |floatformat:-3, |add:.5) as a numKey call,
// outside string literals.
func signedNumbers(code string) string {
	if !strings.Contains(code, ":") {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); {
		c := code[i]
		if c == '"' || c == '\'' {
			j := literalEnd(code, i)
			b.WriteString(code[i:j])
			i = j
			continue
		}
		if c == ':' && i+1 < len(code) && strings.IndexByte("-+.0123456789", code[i+1]) >= 0 {
			j := i + 1
			for j < len(code) && (j == i+1 || strings.IndexByte("0123456789.e", code[j]) >= 0) {
				j++
			}
			if num := code[i+1 : j]; djangoNumber().MatchString(num) && !plainNumber(num) && (j == len(code) || !isIdent(code[j])) {
				b.WriteString(":" + numKey + "(\"" + num + "\")")
				i = j
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// numberLiteral is the value of a number literal as Django's Variable reads
// it: a float when it has a point or an exponent, else an int.
func numberLiteral(lit *pongo2.Value) *pongo2.Value {
	s := lit.String()
	if strings.ContainsAny(s, ".eE") {
		if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.HasSuffix(s, ".") {
			return pongo2.AsValue(f)
		}
		return pongo2.AsValue(nil)
	}
	if n, err := strconv.Atoi(s); err == nil {
		return pongo2.AsValue(n)
	}
	return pongo2.AsValue(nil)
}

// smartSplit splits a tag's arguments as Django's smart_split does: at
// whitespace outside quoted strings.
func smartSplit(s string) []string {
	var out []string
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\'':
			if start < 0 {
				start = i
			}
			i = literalEnd(s, i) - 1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// pyCompareValues is Python's a op b for Django's if: false when Python
// raises (a TypeError between values it cannot order).
func pyCompareValues(a, op, b *pongo2.Value) *pongo2.Value {
	x, y := condValue(a), condValue(b)
	var r bool
	switch op.String() {
	case "==":
		r = condEqual(x, y)
	case "!=":
		r = !condEqual(x, y)
	case "<":
		r, _ = pyOrdered(x, y, false)
	case ">":
		r, _ = pyOrdered(y, x, false)
	case "<=":
		r, _ = pyOrdered(x, y, true)
	case ">=":
		r, _ = pyOrdered(y, x, true)
	case "is":
		r = pyIdentical(x, y)
	case "is not":
		r = !pyIdentical(x, y)
	}
	return pongo2.AsValue(r)
}

// condValue is the Python value a condition's operand holds: nil for an
// undefined variable, the text of safe markup.
func condValue(v *pongo2.Value) any {
	if v == nil || v.IsNil() {
		return nil
	}
	return v.Interface()
}

// pyOrdered is Python's a < b, or a <= b when orEqual; ok is false when
// Python raises.
func pyOrdered(a, b any, orEqual bool) (r, ok bool) {
	less, err := pyLess(a, b)
	if err != nil {
		return false, false
	}
	return less || orEqual && condEqual(a, b), true
}

// condEqual is Python's a == b, where two template objects (a form, a
// bound field, an error dict) are equal when they print the same.
func condEqual(a, b any) bool {
	oa, okA := a.(renderers.Object)
	ob, okB := b.(renderers.Object)
	if okA && okB && !isErrorList(oa) && !isErrorList(ob) {
		return oa.String() == ob.String()
	}
	return pyEqual(a, b)
}

// pyIdentical is Python's a is b for the values a template holds: None,
// True and False are singletons; other values are identical when equal and
// of the same kind, as the small ints and interned strings of a template
// are.
func pyIdentical(a, b any) bool {
	ka, _ := classify(a)
	kb, _ := classify(b)
	if ka != kb {
		return false
	}
	_, boolA := a.(bool)
	_, boolB := b.(bool)
	return boolA == boolB && condEqual(a, b)
}

// pyContainsValues is Python's a in b (a not in b when negate) for
// Django's if: false when Python raises.
func pyContainsValues(a, b, negate *pongo2.Value) *pongo2.Value {
	in, err := pyContains(condValue(b), condValue(a))
	if err != nil {
		return pongo2.AsValue(false)
	}
	return pongo2.AsValue(in != negate.IsTrue())
}

// pyContains is Python's item in container, or the TypeError it raises.
func pyContains(container, item any) (bool, error) {
	if o, ok := container.(renderers.Object); ok && !isErrorList(o) {
		// An error dict holds its field names; a form, its bound fields.
		for _, x := range o.Items() {
			if condEqual(x, item) {
				return true, nil
			}
		}
		return false, nil
	}
	kc, vc := classify(container)
	switch kc {
	case kStr:
		s, ok := pyString(item)
		if !ok {
			if m, isMsg := item.(pyErrMsg); isMsg {
				s, ok = m.msg, true
			}
		}
		if !ok {
			return false, typeError("'in <string>' requires string as left operand, not %s", pyTypeName(item))
		}
		return strings.Contains(vc.(string), s), nil
	case kSeq:
		for _, x := range vc.([]any) {
			if m, isMsg := x.(pyErrMsg); isMsg {
				x = m.msg // an error list holds its messages as str
			}
			if condEqual(x, item) {
				return true, nil
			}
		}
		return false, nil
	case kDict:
		for _, p := range vc.([]dictPair) {
			if pyEqual(p.key, item) {
				return true, nil
			}
		}
		return false, nil
	}
	return false, typeError("argument of type %s is not iterable", pyTypeName(container))
}

// blockSuper spells Django's {{ block.super }} as pongo2's block.Super,
// outside string literals.
func blockSuper(code string) string {
	if !strings.Contains(code, "block.super") {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); {
		c := code[i]
		if c == '"' || c == '\'' {
			j := literalEnd(code, i)
			b.WriteString(code[i:j])
			i = j
			continue
		}
		end := i + len("block.super")
		if strings.HasPrefix(code[i:], "block.super") && (i == 0 || !isIdent(code[i-1]) && code[i-1] != '.') && (end == len(code) || !isIdent(code[end])) {
			b.WriteString("block.Super")
			i = end
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// indexLookups writes each variable's final numeric lookup (field.errors.0,
// field.0) as |fw_index: pongo2 indexes only Go slices and strings, while
// Django's lookup indexes any sequence: an error list, a bound field's
// subwidgets. A lookup followed by more (x.0.name) is left to pongo2.
func indexLookups(code string) string {
	if !strings.Contains(code, ".") {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); {
		c := code[i]
		if c == '"' || c == '\'' {
			j := literalEnd(code, i)
			b.WriteString(code[i:j])
			i = j
			continue
		}
		if c == '.' && i > 0 && isIdent(code[i-1]) && i+1 < len(code) && '0' <= code[i+1] && code[i+1] <= '9' {
			j := i + 1
			for j < len(code) && '0' <= code[j] && code[j] <= '9' {
				j++
			}
			start := i
			for start > 0 && (isIdent(code[start-1]) || code[start-1] == '.') {
				start--
			}
			if isIdentStart(code[start]) && (j == len(code) || !isIdent(code[j]) && code[j] != '.') {
				b.WriteString("|fw_index:" + code[i+1:j])
				i = j
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// filterIndex is Django's lookup of a number on a value: a key of a dict
// first, else the item at that index of a sequence; nothing when neither
// holds.
func filterIndex(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	n := param.Integer()
	if o, ok := in.Interface().(renderers.Object); ok {
		if v, has := o[strconv.Itoa(n)]; has {
			return pongo2.AsValue(v), nil
		}
		if _, isDict := o["items"]; isDict {
			return pongo2.AsValue(nil), nil
		}
		if items, ok := objectItems(in); ok && n < len(items) {
			return pongo2.AsValue(tupled(items[n])), nil
		}
		return pongo2.AsValue(nil), nil
	}
	if in.CanSlice() {
		if n < in.Len() {
			return pongo2.AsValue(tupled(in.Index(n).Interface())), nil
		}
		return pongo2.AsValue(nil), nil
	}
	if pairs, ok := dictPairs(raw(in)); ok {
		for _, p := range pairs {
			if p.key == strconv.Itoa(n) {
				return pongo2.AsValue(p.val), nil
			}
		}
	}
	return pongo2.AsValue(nil), nil
}
