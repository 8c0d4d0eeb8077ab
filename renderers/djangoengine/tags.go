package djangoengine

import (
	"bytes"
	"math"
	"strconv"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/renderers"
)

// Django's {% ifchanged %} and {% widthratio %}, in place of pongo2's:
// pongo2's ifchanged keeps its last value in the parsed template, shared
// by every render and goroutine, and crashes without an else branch;
// its widthratio rounds up where Django rounds half to even, and fails
// on a zero maximum.

// ifChangedNode is {% ifchanged [expr ...] %}...{% else %}...{% endifchanged %}:
// its body when the expressions (or, with none, the body's own output)
// differ from the last item of the enclosing loop, else the else branch.
// As in Django, the state lives in the loop's forloop, so that an inner
// loop starts afresh for each item of an outer one.
type ifChangedNode struct {
	exprs       []pongo2.IEvaluator
	then, else_ *pongo2.NodeWrapper
}

// changedKey is the forloop key under which a loop keeps each ifchanged
// node's last value.
const changedKey = "_fw_ifchanged"

func parseIfChanged(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	n := &ifChangedNode{}
	for args.Remaining() > 0 {
		e, err := args.ParseExpression()
		if err != nil {
			return nil, err
		}
		n.exprs = append(n.exprs, e)
	}
	w, endargs, err := doc.WrapUntilTag("else", "endifchanged")
	if err != nil {
		return nil, err
	}
	if endargs.Count() > 0 {
		return nil, endargs.Error("arguments not allowed here", nil)
	}
	n.then = w
	if w.Endtag == "else" {
		if n.else_, endargs, err = doc.WrapUntilTag("endifchanged"); err != nil {
			return nil, err
		}
		if endargs.Count() > 0 {
			return nil, endargs.Error("arguments not allowed here", nil)
		}
	}
	return n, nil
}

func (n *ifChangedNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	var now []any
	var out []byte
	if len(n.exprs) == 0 {
		var buf bytes.Buffer
		if err := n.then.Execute(ctx, &buf); err != nil {
			return err
		}
		out = buf.Bytes()
		now = []any{string(out)}
	} else {
		for _, e := range n.exprs {
			v, err := e.Evaluate(ctx)
			if err != nil {
				return err
			}
			now = append(now, v)
		}
	}
	// Outside a loop the node runs once per render: always changed.
	loop, _ := ctx.Private["forloop"].(map[string]any)
	changed := true
	if loop != nil {
		last, _ := loop[changedKey].(map[*ifChangedNode][]any)
		if last == nil {
			last = map[*ifChangedNode][]any{}
			loop[changedKey] = last
		}
		prev, seen := last[n]
		changed = !seen || !sameValues(prev, now)
		if changed {
			last[n] = now
		}
	}
	switch {
	case changed && out != nil:
		_, _ = w.Write(out)
	case changed:
		return n.then.Execute(ctx, w)
	case n.else_ != nil:
		return n.else_.Execute(ctx, w)
	}
	return nil
}

func sameValues(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		switch x := a[i].(type) {
		case string:
			if y, ok := b[i].(string); !ok || x != y {
				return false
			}
		case *pongo2.Value:
			y, ok := b[i].(*pongo2.Value)
			if !ok || !x.EqualValueTo(y) {
				return false
			}
		}
	}
	return true
}

// widthRatioNode is {% widthratio value max_value max_width [as name] %}:
// round(value / max_value * max_width), Python's round (half to even);
// "0" for a zero max_value, "" for values that are not numbers.
type widthRatioNode struct {
	value, max, width pongo2.IEvaluator
	as                string
}

func parseWidthRatio(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	n := &widthRatioNode{}
	var err *pongo2.Error
	for _, e := range []*pongo2.IEvaluator{&n.value, &n.max, &n.width} {
		if *e, err = args.ParseExpression(); err != nil {
			return nil, err
		}
	}
	if args.MatchOne(pongo2.TokenKeyword, "as") != nil {
		tok := args.MatchType(pongo2.TokenIdentifier)
		if tok == nil {
			return nil, args.Error("widthratio: expected a name after 'as'", nil)
		}
		n.as = tok.Val
	}
	if args.Remaining() > 0 {
		return nil, args.Error("widthratio takes at least three arguments", nil)
	}
	return n, nil
}

func (n *widthRatioNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	eval := func(e pongo2.IEvaluator) (float64, bool, *pongo2.Error) {
		v, err := e.Evaluate(ctx)
		if err != nil {
			return 0, false, err
		}
		f, ok := number(v)
		return f, ok, nil
	}
	width, ok, err := eval(n.width)
	if err != nil {
		return err
	}
	if !ok || width != math.Trunc(width) {
		return ctx.Error("widthratio final argument must be a number", nil)
	}
	value, okV, err := eval(n.value)
	if err != nil {
		return err
	}
	max, okM, err := eval(n.max)
	if err != nil {
		return err
	}
	var result string
	switch {
	case !okV || !okM:
		result = ""
	case max == 0:
		result = "0"
	default:
		r := math.RoundToEven(value / max * width)
		if math.IsInf(r, 0) || math.IsNaN(r) {
			result = ""
		} else {
			result = strconv.FormatFloat(r, 'f', 0, 64)
		}
	}
	if n.as != "" {
		ctx.Private[n.as] = result
		return nil
	}
	_, _ = w.WriteString(result)
	return nil
}

// number is float(v) in Python, for numbers and their text.
func number(v *pongo2.Value) (float64, bool) {
	switch {
	case isNone(v):
		return 0, false
	case v.IsBool():
		if v.Bool() {
			return 1, true
		}
		return 0, true
	case v.IsNumber():
		return v.Float(), true
	case v.IsString():
		f, err := strconv.ParseFloat(v.String(), 64)
		return f, err == nil
	}
	return 0, false
}

// regroupNode is Django's {% regroup list by attr as name %}: the items
// of list in runs of equal attr (a dotted path looked up on each item as
// a template variable is), each run a mapping with its grouper and list.
type regroupNode struct {
	list pongo2.IEvaluator
	by   []string
	as   string
}

func init() {
	must(pongo2.RegisterTag("regroup", parseRegroup))
}

func parseRegroup(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	list, err := args.ParseExpression()
	if err != nil {
		return nil, err
	}
	n := &regroupNode{list: list}
	if args.Match(pongo2.TokenIdentifier, "by") == nil {
		return nil, args.Error("regroup: second argument must be 'by'", nil)
	}
	var path []string
	for {
		tok := args.MatchType(pongo2.TokenIdentifier)
		if tok == nil {
			if tok = args.MatchType(pongo2.TokenNumber); tok == nil {
				return nil, args.Error("regroup: expected an attribute after 'by'", nil)
			}
		}
		path = append(path, tok.Val)
		if args.Match(pongo2.TokenSymbol, ".") == nil {
			break
		}
	}
	n.by = path
	if args.Match(pongo2.TokenKeyword, "as") == nil && args.Match(pongo2.TokenIdentifier, "as") == nil {
		return nil, args.Error("regroup: next-to-last argument must be 'as'", nil)
	}
	v := args.MatchType(pongo2.TokenIdentifier)
	if v == nil || args.Remaining() > 0 {
		return nil, args.Error("regroup: expected 'as' and a variable name", nil)
	}
	n.as = v.Val
	return n, nil
}

func (n *regroupNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	val, err := n.list.Evaluate(ctx)
	if err != nil {
		return err
	}
	// Django gives an empty list for a value that is not a list.
	items := renderers.IterItems(raw(val), false)
	var groups []any
	var last any
	for i, it := range items {
		g := attrPath(it, n.by)
		if i == 0 || !pyval.Equal(unwrap(g), unwrap(last)) {
			groups = append(groups, map[string]any{"grouper": g, "list": []any{}})
		}
		cur := groups[len(groups)-1].(map[string]any)
		cur["list"] = append(cur["list"].([]any), it)
		last = g
	}
	if groups == nil {
		groups = []any{}
	}
	ctx.Private[n.as] = groups
	return nil
}

// attrPath is the value at path in v, as a template variable's lookup
// finds it: an Object's or a mapping's key (an Object's computed
// attribute called), a list's index; nil when missing.
func attrPath(v any, path []string) any {
	for _, part := range path {
		switch x := v.(type) {
		case renderers.Object:
			e, ok := x[part]
			if !ok {
				return nil
			}
			if f, ok := e.(func() any); ok {
				e = f()
			}
			v = e
		case map[string]any:
			v = x[part]
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}
