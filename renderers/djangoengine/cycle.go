package djangoengine

import "github.com/flosch/pongo2/v6"

// Django's {% cycle %} and {% resetcycle %}. pongo2's cycle keeps its
// position in the parsed template, which every render shares: a second
// render of a cached template went on where the first stopped, and
// concurrent renders raced. Django keeps it per render (render_context),
// as this does, in the render's own context map; a template included
// anew starts its cycles again, as in Django. Values print as {{ }}
// prints them: escaped unless safe.

func init() {
	must(pongo2.ReplaceTag("cycle", parseCycle))
	must(pongo2.RegisterTag("resetcycle", parseResetCycle))
	must(pongo2.ReplaceTag("firstof", parseFirstOf))
}

// cycleStateKey holds a render's cycle positions in its public context,
// the map pongo2 makes for each render and shares with every nested
// context of it.
const cycleStateKey = "_fw_cycles"

// cycleLastKey holds the cycle a render ran last: what {% resetcycle %}
// without a name resets.
const cycleLastKey = "_fw_cycle_last"

type cycleNode struct {
	args   []pongo2.IEvaluator
	asName string
	silent bool
}

// cycleValue is what {% cycle ... as name %} names: the cycle and its
// current value; {% cycle name %} moves that cycle on.
type cycleValue struct {
	node  *cycleNode
	value *pongo2.Value
}

func (v *cycleValue) String() string { return v.value.String() }

func parseCycle(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	n := &cycleNode{}
	for args.Remaining() > 0 {
		e, err := args.ParseExpression()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, e)
		if args.MatchOne(pongo2.TokenKeyword, "as") != nil {
			name := args.MatchType(pongo2.TokenIdentifier)
			if name == nil {
				return nil, args.Error("Name (identifier) expected after 'as'.", nil)
			}
			n.asName = name.Val
			if args.MatchOne(pongo2.TokenIdentifier, "silent") != nil {
				n.silent = true
			}
			break
		}
	}
	if args.Remaining() > 0 || len(n.args) == 0 {
		return nil, args.Error("'cycle' tag requires at least one argument", nil)
	}
	return n, nil
}

// positions is the render's cycle positions.
func positions(ctx *pongo2.ExecutionContext) map[*cycleNode]int {
	p, _ := ctx.Public[cycleStateKey].(map[*cycleNode]int)
	if p == nil {
		p = map[*cycleNode]int{}
		ctx.Public[cycleStateKey] = p
	}
	return p
}

// namedKey holds a render's named cycles by name, for {% resetcycle name %}
// outside the loop that named it.
const namedKey = "_fw_cycle_names"

func named(ctx *pongo2.ExecutionContext) map[string]*cycleNode {
	m, _ := ctx.Public[namedKey].(map[string]*cycleNode)
	if m == nil {
		m = map[string]*cycleNode{}
		ctx.Public[namedKey] = m
	}
	return m
}

// next moves n on and returns its value.
func (n *cycleNode) next(ctx *pongo2.ExecutionContext) (*pongo2.Value, *pongo2.Error) {
	p := positions(ctx)
	i := p[n]
	p[n] = i + 1
	ctx.Public[cycleLastKey] = n
	return n.args[i%len(n.args)].Evaluate(ctx)
}

func (n *cycleNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	if len(n.args) == 1 {
		v, err := n.args[0].Evaluate(ctx)
		if err != nil {
			return err
		}
		if named, ok := v.Interface().(*cycleValue); ok {
			// {% cycle name %}: the named cycle moves on.
			val, err := named.node.next(ctx)
			if err != nil {
				return err
			}
			named.value = val
			if !named.node.silent {
				_, _ = w.WriteString(printed(ctx, val))
			}
			return nil
		}
	}
	val, err := n.next(ctx)
	if err != nil {
		return err
	}
	if n.asName != "" {
		ctx.Private[n.asName] = &cycleValue{node: n, value: val}
		named(ctx)[n.asName] = n
	}
	if !n.silent {
		_, _ = w.WriteString(printed(ctx, val))
	}
	return nil
}

// resetCycleNode is {% resetcycle [name] %}: the named cycle, else the
// one that ran last (Django's: the last one before it in the template,
// the same one in a loop), starts again.
type resetCycleNode struct{ name string }

func parseResetCycle(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	n := &resetCycleNode{}
	if name := args.MatchType(pongo2.TokenIdentifier); name != nil {
		n.name = name.Val
	}
	if args.Remaining() > 0 {
		return nil, args.Error("'resetcycle' tag accepts at most one argument.", nil)
	}
	return n, nil
}

func (n *resetCycleNode) Execute(ctx *pongo2.ExecutionContext, _ pongo2.TemplateWriter) *pongo2.Error {
	var target *cycleNode
	if n.name != "" {
		// A cycle that has not run yet is at its start already. (Django
		// also refuses, when parsing, a name no cycle of the template
		// has; pongo2 gives a tag no view of the others.)
		target = named(ctx)[n.name]
	} else {
		target, _ = ctx.Public[cycleLastKey].(*cycleNode)
	}
	if target != nil {
		delete(positions(ctx), target)
	}
	return nil
}

// firstOfNode is Django's {% firstof a b ... [as name] %}: the first true
// value, printed as {{ }} prints it, or kept under name (pongo2's firstof
// has no as).
type firstOfNode struct {
	args   []pongo2.IEvaluator
	asName string
}

func parseFirstOf(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	n := &firstOfNode{}
	for args.Remaining() > 0 {
		if args.MatchOne(pongo2.TokenKeyword, "as") != nil {
			name := args.MatchType(pongo2.TokenIdentifier)
			if name == nil || args.Remaining() > 0 {
				return nil, args.Error("Name (identifier) expected after 'as'.", nil)
			}
			n.asName = name.Val
			break
		}
		e, err := args.ParseExpression()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, e)
	}
	if len(n.args) == 0 {
		return nil, args.Error("'firstof' statement requires at least one argument", nil)
	}
	return n, nil
}

func (n *firstOfNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	out := ""
	for _, e := range n.args {
		v, err := e.Evaluate(ctx)
		if err != nil {
			return err
		}
		if v.IsTrue() {
			out = printed(ctx, v)
			break
		}
	}
	if n.asName != "" {
		ctx.Private[n.asName] = pongo2.AsSafeValue(out)
		return nil
	}
	_, _ = w.WriteString(out)
	return nil
}
