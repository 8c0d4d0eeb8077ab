package djangoengine

import (
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// Django's {% blocktranslate %} (and {% blocktrans %}) with count, with,
// trimmed, context and asvar, and {% get_current_language as x %},
// {% get_current_language_bidi as x %}. pongo2 has no tag that sees its
// body as text, so Translate rewrites each block into one
// {% fw_blocktranslate %} tag carrying the singular and plural messages
// as Django builds them (each {{ name }} as %(name)s, % as %%); the tag
// translates them in the render's language, picks the plural form for
// the count and interpolates the variables, localized and escaped as
// Django's render_value_in_context does. The message itself is not
// escaped, as in Django. The rewritten tag's own arguments start with
// _fw_, which a template's variables never do (Django refuses names with
// a leading underscore).
func init() {
	must(pongo2.RegisterTag("fw_blocktranslate", parseBlockTranslate))
	// Translate rewrites every closed block; what reaches pongo2 as
	// blocktranslate is not closed.
	for _, name := range []string{"blocktranslate", "blocktrans"} {
		must(pongo2.RegisterTag(name, func(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
			return nil, args.Error("Unclosed tag '"+start.Val+"'. Looking for one of: end"+start.Val+".", start)
		}))
	}
	must(pongo2.RegisterTag("get_current_language", parseCurrentLanguage))
	must(pongo2.RegisterTag("get_current_language_bidi", parseCurrentLanguage))
}

var (
	blockTransRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)\{%-?\s*blocktrans(?:late)?\b(.*?)-?%\}(.*?)\{%-?\s*endblocktrans(?:late)?\s*-?%\}`)
	})
	blockVarRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)\{\{\s*(.*?)\s*\}\}`) })
	pluralTagRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{%-?\s*plural\s*-?%\}`) })
	otherTagRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{%`) })
	simpleNameRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_]\w*$`) })
)

// newlineMark stands for a newline of a message in the rewritten tag,
// whose string literals cannot hold one.
const newlineMark = "\ue000"

// rewriteBlockTranslate is Translate's rewriting of blocktranslate blocks;
// the newlines of a block stay in its tag, so that lines keep their
// numbers.
func rewriteBlockTranslate(src string) string {
	if !strings.Contains(src, "blocktrans") {
		return src
	}
	return blockTransRe().ReplaceAllStringFunc(src, func(block string) string {
		m := blockTransRe().FindStringSubmatch(block)
		args, body := m[1], m[2]
		lines := strings.Repeat("\n", strings.Count(block, "\n"))
		singular, plural, hasPlural := body, "", false
		if loc := pluralTagRe().FindStringIndex(body); loc != nil {
			singular, plural, hasPlural = body[:loc[0]], body[loc[1]:], true
		}
		var vars []string
		msg := func(text string) (string, bool) {
			var b strings.Builder
			last := 0
			for _, loc := range blockVarRe().FindAllStringSubmatchIndex(text, -1) {
				b.WriteString(strings.ReplaceAll(text[last:loc[0]], "%", "%%"))
				name := text[loc[2]:loc[3]]
				if !simpleNameRe().MatchString(name) {
					return "", false
				}
				b.WriteString("%(" + name + ")s")
				vars = append(vars, name)
				last = loc[1]
			}
			b.WriteString(strings.ReplaceAll(text[last:], "%", "%%"))
			return b.String(), true
		}
		s, ok1 := msg(singular)
		p, ok2 := msg(plural)
		if !ok1 || !ok2 {
			return `{% fw_fail "blocktranslate: only simple variable names are allowed inside it" ` + lines + `%}`
		}
		if otherTagRe().MatchString(singular) || otherTagRe().MatchString(plural) {
			return `{% fw_fail "blocktranslate: it doesn't allow other block tags inside it" ` + lines + `%}`
		}
		out := "{% fw_blocktranslate " + strings.TrimSpace(strings.ReplaceAll(args, "\n", " ")) +
			` _fw_singular="` + quoteLiteral(s) + `"`
		if hasPlural {
			out += ` _fw_plural="` + quoteLiteral(p) + `"`
		}
		out += " _fw_vars=\"" + strings.Join(vars, " ") + "\" " + lines + "%}"
		return out
	})
}

// quoteLiteral is s as the inside of a pongo2 string literal.
func quoteLiteral(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	return strings.ReplaceAll(s, "\n", newlineMark)
}

type blockTranslateNode struct {
	countVar  string
	count     pongo2.IEvaluator
	with      map[string]pongo2.IEvaluator
	trimmed   bool
	asVar     string
	singular  string
	plural    string
	hasPlural bool
	vars      []string
}

func parseBlockTranslate(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	n := &blockTranslateNode{with: map[string]pongo2.IEvaluator{}}
	assign := func(dst map[string]pongo2.IEvaluator) (string, *pongo2.Error) {
		name := args.MatchType(pongo2.TokenIdentifier)
		if name == nil || args.Match(pongo2.TokenSymbol, "=") == nil {
			return "", args.Error("blocktranslate: expected name=value", nil)
		}
		e, err := args.ParseExpression()
		if err != nil {
			return "", err
		}
		dst[name.Val] = e
		return name.Val, nil
	}
	for args.Remaining() > 0 {
		tok := args.MatchType(pongo2.TokenIdentifier)
		if tok == nil {
			tok = args.MatchType(pongo2.TokenKeyword)
		}
		if tok == nil {
			return nil, args.Error("blocktranslate: unknown argument", nil)
		}
		switch tok.Val {
		case "count":
			c := map[string]pongo2.IEvaluator{}
			name, err := assign(c)
			if err != nil {
				return nil, err
			}
			n.countVar, n.count = name, c[name]
		case "with":
			if _, err := assign(n.with); err != nil {
				return nil, err
			}
			for t := args.PeekTypeN(0, pongo2.TokenIdentifier); t != nil && !strings.HasPrefix(t.Val, "_fw_") &&
				args.PeekN(1, pongo2.TokenSymbol, "=") != nil; t = args.PeekTypeN(0, pongo2.TokenIdentifier) {
				if _, err := assign(n.with); err != nil {
					return nil, err
				}
			}
		case "trimmed":
			n.trimmed = true
		case "asvar":
			v := args.MatchType(pongo2.TokenIdentifier)
			if v == nil {
				return nil, args.Error("blocktranslate: asvar needs a variable name", nil)
			}
			n.asVar = v.Val
		case "context":
			if args.MatchType(pongo2.TokenString) == nil {
				if _, err := args.ParseExpression(); err != nil {
					return nil, err
				}
			}
		case "_fw_singular", "_fw_plural", "_fw_vars":
			if args.Match(pongo2.TokenSymbol, "=") == nil {
				return nil, args.Error("blocktranslate: malformed", nil)
			}
			s := args.MatchType(pongo2.TokenString)
			if s == nil {
				return nil, args.Error("blocktranslate: malformed", nil)
			}
			val := strings.ReplaceAll(s.Val, newlineMark, "\n")
			switch tok.Val {
			case "_fw_singular":
				n.singular = val
			case "_fw_plural":
				n.plural, n.hasPlural = val, true
			default:
				n.vars = strings.Fields(val)
			}
		default:
			return nil, args.Error("blocktranslate: unknown argument '"+tok.Val+"'", tok)
		}
	}
	if n.count != nil && !n.hasPlural {
		return nil, args.Error("blocktranslate: 'count' needs a {% plural %} part", nil)
	}
	if n.trimmed {
		n.singular, n.plural = trimWhitespace(n.singular), trimWhitespace(n.plural)
	}
	return n, nil
}

var trimRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*\n\s*`) })

// trimWhitespace is Django's translation.trim_whitespace.
func trimWhitespace(s string) string { return trimRe().ReplaceAllString(strings.TrimSpace(s), " ") }

func (n *blockTranslateNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	values := map[string]*pongo2.Value{}
	for name, e := range n.with {
		v, err := e.Evaluate(ctx)
		if err != nil {
			return err
		}
		values[name] = v
	}
	t := contextTranslator(ctx)
	msg := n.singular
	if n.count != nil {
		v, err := n.count.Evaluate(ctx)
		if err != nil {
			return err
		}
		if !v.IsNumber() {
			return ctx.Error("blocktranslate: the 'count' argument must be a number", nil)
		}
		values[n.countVar] = v
		count := int64(v.Integer())
		if v.IsFloat() {
			count = int64(v.Float())
		}
		if p, ok := t.(interface {
			Plural(singular, plural string, n int64) string
		}); ok {
			msg = p.Plural(n.singular, n.plural, count)
		} else if count != 1 {
			msg = n.plural
		}
	} else if t != nil {
		msg = t.Translate(msg)
	}
	params := make(map[string]any, len(n.vars))
	for _, name := range n.vars {
		v, ok := values[name]
		if !ok {
			v = lookup(ctx, name)
		}
		params[name] = printed(ctx, v)
	}
	msg = pyfmt.Interpolate(msg, params)
	if n.asVar != "" {
		ctx.Private[n.asVar] = pongo2.AsSafeValue(msg)
		return nil
	}
	_, _ = w.WriteString(msg)
	return nil
}

// lookup is the value of a template variable, undefined when none.
func lookup(ctx *pongo2.ExecutionContext, name string) *pongo2.Value {
	if v, ok := ctx.Private[name]; ok {
		return pongo2.AsValue(v)
	}
	return pongo2.AsValue(ctx.Public[name])
}

// printed is what {{ v }} prints: v's text, escaped when autoescape is on
// and v is a string not marked safe (the wrappers of pyvalues.go escape
// themselves).
func printed(ctx *pongo2.ExecutionContext, v *pongo2.Value) string {
	if x, ok := v.Interface().(*pongo2.Value); ok {
		v = x
	}
	if ctx.Autoescape && v.IsString() && !isSafeValue(v) {
		return renderers.Escape(v.String())
	}
	return v.String()
}

// isSafeValue reports whether pongo2 marked v safe (|safe, a safe
// filter's result), which pongo2 keeps in an unexported field that
// reflection can read.
func isSafeValue(v *pongo2.Value) bool {
	f := reflect.ValueOf(v).Elem().FieldByName("safe")
	return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
}

type currentLanguageNode struct {
	bidi bool
	as   string
}

func parseCurrentLanguage(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	if args.Match(pongo2.TokenKeyword, "as") == nil && args.Match(pongo2.TokenIdentifier, "as") == nil {
		return nil, args.Error(start.Val+": expected 'as variable'", nil)
	}
	v := args.MatchType(pongo2.TokenIdentifier)
	if v == nil || args.Remaining() > 0 {
		return nil, args.Error(start.Val+": expected 'as variable'", nil)
	}
	return &currentLanguageNode{bidi: start.Val == "get_current_language_bidi", as: v.Val}, nil
}

func (n *currentLanguageNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	t := contextTranslator(ctx)
	if n.bidi {
		b, ok := t.(interface{ Bidi() bool })
		ctx.Private[n.as] = ok && b.Bidi()
		return nil
	}
	code := "en-us" // Django's LANGUAGE_CODE
	if l, ok := t.(renderers.Language); ok {
		code = l.Code()
	}
	ctx.Private[n.as] = code
	return nil
}
