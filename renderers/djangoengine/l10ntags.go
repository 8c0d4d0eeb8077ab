package djangoengine

import (
	"fmt"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/renderers"
)

// Django's l10n library ({% load l10n %} is dropped at load time):
// {% localize on %}/{% localize off %} ... {% endlocalize %}, which prints
// the numbers and dates of its body in the render's language or, off, as
// Django's localize(value, use_l10n=False) does (English's formats and
// separators, the language's month and day names); and the filters
// |localize and |unlocalize, which give that text of one value.
func init() {
	must(pongo2.RegisterTag("localize", parseLocalize))
	must(pongo2.RegisterFilter("localize", func(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		return localizeFilter(in, false)
	}))
	must(pongo2.RegisterFilter("unlocalize", func(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		return localizeFilter(in, true)
	}))
}

type localizeNode struct {
	on   bool
	body *pongo2.NodeWrapper
}

func parseLocalize(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	n := &localizeNode{on: true}
	if tok := args.MatchType(pongo2.TokenIdentifier); tok != nil {
		switch tok.Val {
		case "on":
		case "off":
			n.on = false
		default:
			return nil, args.Error("localize: argument must be 'on' or 'off'", tok)
		}
	}
	if args.Remaining() > 0 {
		return nil, args.Error("localize: takes one argument, 'on' or 'off'", nil)
	}
	body, endargs, err := doc.WrapUntilTag("endlocalize")
	if err != nil {
		return nil, err
	}
	if endargs.Count() > 0 {
		return nil, endargs.Error("arguments not allowed here", nil)
	}
	n.body = body
	return n, nil
}

// Execute renders the body in a child context whose values print
// localized or not: the variables in scope are converted again, the
// Objects lazily, as the render converted them at first.
func (n *localizeNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	c := py{lang: contextTranslator(ctx), off: !n.on}
	child := pongo2.NewChildExecutionContext(ctx)
	for k, v := range ctx.Private {
		child.Private[k] = c.rewrap(v)
	}
	// Public is shared with the parent: shadow it in Private, which
	// pongo2 reads first.
	for k, v := range ctx.Public {
		if _, ok := child.Private[k]; !ok {
			child.Private[k] = c.rewrap(v)
		}
	}
	return n.body.Execute(child, w)
}

// rewrap is v, a value as pongo2 sees it, converted again by c: its
// numbers and dates print as c says.
func (c py) rewrap(v any) any {
	switch x := v.(type) {
	case renderers.Object:
		out := make(renderers.Object, len(x))
		for k, e := range x {
			switch f := e.(type) {
			case func() any:
				out[k] = func() any { return c.rewrap(f()) }
			case func() []any:
				if k == renderers.IterKey {
					out[k] = func() []any { return c.rewrapList(f()) }
				} else {
					out[k] = e
				}
			default:
				out[k] = c.rewrap(e)
			}
		}
		return out
	case []any:
		return c.rewrapList(x)
	case pyFloat, pyFloatComma, pyDecimal, pyZeroDecimal, pyTime:
		return c.value(unwrap(v))
	}
	return v
}

func (c py) rewrapList(items []any) []any {
	out := make([]any, len(items))
	for i, it := range items {
		out[i] = c.rewrap(it)
	}
	return out
}

// localizeFilter is |localize (off false) and |unlocalize: Django's
// str(formats.localize(value, use_l10n=...)), a plain string (escaped
// when printed).
func localizeFilter(in *pongo2.Value, off bool) (*pongo2.Value, *pongo2.Error) {
	in, lang := withLang(in)
	switch v := (py{lang: lang, off: off}).value(raw(in)).(type) {
	case pyTime:
		return pongo2.AsValue(v.localized()), nil
	case pyFloat, pyFloatComma, pyDecimal, pyZeroDecimal:
		return pongo2.AsValue(v.(fmt.Stringer).String()), nil // no markup
	case pyText:
		return pongo2.AsValue(v.pyStr()), nil
	case string:
		return pongo2.AsValue(v), nil
	default:
		return pongo2.AsValue(pongo2.AsValue(v).String()), nil
	}
}
