package djangoengine

import (
	"sort"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/renderers"
)

// formwork's own tags, which the accessible renderer's templates use: the
// texts a template adds of its own, translated (see renderers.TranslatorKey),
// and the lang and dir of the form's language.
func init() {
	must(pongo2.RegisterTag("translate", parseTranslate))
	must(pongo2.RegisterTag("trans", parseTranslate))
	must(pongo2.RegisterTag("langattrs", parseLangAttrs))
}

// langAttrsNode is {% langattrs %}: formwork's tag writing the lang and
// dir attributes of the context's language (renderers.TranslatorOf) on an element
// the template owns, such as the accessible renderer's error summary, so
// that it reads in the form's language and direction inside a page in
// another; nothing when the form has no language.
type langAttrsNode struct{}

func parseLangAttrs(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	if args.Remaining() > 0 {
		return nil, args.Error("langattrs takes no arguments", nil)
	}
	return langAttrsNode{}, nil
}

func (langAttrsNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	l, ok := contextTranslator(ctx).(renderers.Language)
	if !ok {
		return nil
	}
	_, _ = w.WriteString(` lang="` + renderers.Escape(l.Code()) + `" dir="` + renderers.Escape(l.Dir()) + `"`)
	return nil
}

// contextTranslator is renderers.TranslatorOf for a template's execution
// context.
func contextTranslator(ctx *pongo2.ExecutionContext) renderers.Translator {
	return renderers.TranslatorFrom(func(name string) any {
		if v, ok := ctx.Private[name]; ok {
			return v
		}
		return ctx.Public[name]
	})
}

// translateNode is {% translate "message" name=expr ... %}: Django's
// {% translate %} (the i18n library; {% load i18n %} is dropped at load
// time), extended with %(name)s parameters so that a message with a
// number ("Form %(number)s") is one message to translate, not two.  The
// text, translated by the context's translator (renderers.TranslatorOf) and
// interpolated, is escaped unless the template turns autoescape off.
type translateNode struct {
	message string
	params  map[string]pongo2.IEvaluator
}

func parseTranslate(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	tok := args.MatchType(pongo2.TokenString)
	if tok == nil {
		return nil, args.Error(`translate: expected a quoted message, as in {% translate "There is a problem" %}`, nil)
	}
	node := &translateNode{message: tok.Val}
	for args.Remaining() > 0 {
		name := args.MatchType(pongo2.TokenIdentifier)
		if name == nil || args.Match(pongo2.TokenSymbol, "=") == nil {
			return nil, args.Error("translate: expected name=value parameters after the message", nil)
		}
		expr, err := args.ParseExpression()
		if err != nil {
			return nil, err
		}
		if node.params == nil {
			node.params = map[string]pongo2.IEvaluator{}
		}
		node.params[name.Val] = expr
	}
	return node, nil
}

func (n *translateNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	msg := n.message
	if t := contextTranslator(ctx); t != nil {
		msg = t.Translate(msg)
	}
	if len(n.params) > 0 {
		params := make(map[string]any, len(n.params))
		names := make([]string, 0, len(n.params))
		for k := range n.params {
			names = append(names, k)
		}
		sort.Strings(names) // evaluate in a stable order
		for _, k := range names {
			v, err := n.params[k].Evaluate(ctx)
			if err != nil {
				return err
			}
			params[k] = raw(v)
		}
		msg = pyfmt.Interpolate(msg, params)
	}
	if ctx.Autoescape {
		msg = renderers.Escape(msg)
	}
	_, _ = w.WriteString(msg)
	return nil
}

// The filters that print in the active language in Django (floatformat's
// separators, yesno's default words) take it from the render: Translate
// writes |fw_lang:_fw_lang before them, which hands them the value
// together with the translator Render put in the context under langKey
// (a pongo2 filter sees its value and argument, not the context).
const langKey = "_fw_lang"

// langValue is a filter's value with the render's translator (nil for
// English).
type langValue struct {
	v    *pongo2.Value
	lang renderers.Translator
}

// filterLang is |fw_lang:_fw_lang, which Translate writes.
func filterLang(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	t, _ := param.Interface().(renderers.Translator)
	return pongo2.AsValue(langValue{v: in, lang: t}), nil
}

// withLang is a filter's value and the render's translator, when fw_lang
// passed them on; else the value and nil.
func withLang(in *pongo2.Value) (*pongo2.Value, renderers.Translator) {
	if lv, ok := in.Interface().(langValue); ok {
		return lv.v, lv.lang
	}
	return in, nil
}

// langFormats are the number formats of a translator's language, English's
// when it has none.
func langFormats(t renderers.Translator) *l10n.Formats {
	if f, ok := t.(interface{ Formats() *l10n.Formats }); ok {
		if fs := f.Formats(); fs != nil {
			return fs
		}
	}
	return l10n.English()
}
