package renderers

import (
	"bytes"
	"sort"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/internal/pyfmt"
)

// TranslatorKey is the attribute of a form's or bound field's Object that
// holds the form's translator (a value with a Translate(string) string
// method, such as an *i18n.Translator; nil for English).  The translate
// tag of the Django-syntax templates reads it, so that the texts a
// template adds of its own ("There is a problem", "(required)") show in
// the form's language.
const TranslatorKey = "__translator__"

// Translator translates an English message into the one to show: the
// method set of validators.Translator, which this package cannot import.
type Translator interface {
	Translate(message string) string
}

// translatorHolders are the template variables the translate tag looks in
// for a TranslatorKey, in order: the bound field of label.html, the form
// of a form template (or of a formset template's loop), the formset.
var translatorHolders = []string{"field", "form", "formset"}

// TranslatorOf returns the translator a template context names: the
// context's own TranslatorKey, else that of its field, form or formset
// (whose management form shares the formset's translator); nil when there
// is none, which means English.
func TranslatorOf(ctx Context) Translator {
	if t, ok := ctx[TranslatorKey].(Translator); ok {
		return t
	}
	for _, name := range translatorHolders {
		if t := objectTranslator(ctx[name]); t != nil {
			return t
		}
	}
	return nil
}

func objectTranslator(v any) Translator {
	o, ok := v.(Object)
	if !ok {
		return nil
	}
	if t, ok := o[TranslatorKey].(Translator); ok {
		return t
	}
	if mf, ok := o["management_form"].(Object); ok {
		if t, ok := mf[TranslatorKey].(Translator); ok {
			return t
		}
	}
	return nil
}

func init() {
	must(pongo2.RegisterTag("translate", parseTranslate))
	must(pongo2.RegisterTag("langattrs", parseLangAttrs))
}

// Language is a translator that is a language: its code for the HTML
// lang attribute and its direction for dir ("rtl" or "ltr"), as
// *i18n.Translator is.
type Language interface {
	Code() string
	Dir() string
}

// langAttrsNode is {% langattrs %}: formwork's tag writing the lang and
// dir attributes of the context's language (TranslatorOf) on an element
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
	l, ok := contextTranslator(ctx).(Language)
	if !ok {
		return nil
	}
	_, _ = w.WriteString(` lang="` + Escape(l.Code()) + `" dir="` + Escape(l.Dir()) + `"`)
	return nil
}

// The translate and langattrs tags on the generated writers of the
// accessible templates, which find the translator in the view
// (internal/tmplgen compiles TranslatorOf's search of field, form and
// formset into the writer).

// firstTranslator returns the first translator that is not nil, as
// TranslatorOf takes the first variable that holds one.
func firstTranslator(ts ...Translator) Translator {
	for _, t := range ts {
		if t != nil {
			return t
		}
	}
	return nil
}

// writeTranslated writes what {% translate message name=value ... %}
// prints: message translated by t (nil: English), interpolated with
// params when there are any, escaped.
func writeTranslated(b *bytes.Buffer, t Translator, message string, params map[string]any) {
	if t != nil {
		message = t.Translate(message)
	}
	if params != nil {
		message = pyfmt.Interpolate(message, params)
	}
	EscapeTo(b, message)
}

// writeLangAttrs writes what {% langattrs %} prints for translator t.
func writeLangAttrs(b *bytes.Buffer, t Translator) {
	l, ok := t.(Language)
	if !ok {
		return
	}
	b.WriteString(` lang="`)
	EscapeTo(b, l.Code())
	b.WriteString(`" dir="`)
	EscapeTo(b, l.Dir())
	b.WriteByte('"')
}

// contextTranslator is TranslatorOf for a template's execution context.
func contextTranslator(ctx *pongo2.ExecutionContext) Translator {
	look := make(Context, len(translatorHolders)+1)
	for _, k := range append([]string{TranslatorKey}, translatorHolders...) {
		if v, ok := ctx.Private[k]; ok {
			look[k] = v
		} else if v, ok := ctx.Public[k]; ok {
			look[k] = v
		}
	}
	return TranslatorOf(look)
}

// translateNode is {% translate "message" name=expr ... %}: Django's
// {% translate %} (the i18n library; {% load i18n %} is dropped at load
// time), extended with %(name)s parameters so that a message with a
// number ("Form %(number)s") is one message to translate, not two.  The
// text, translated by the context's translator (TranslatorOf) and
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
			params[k] = v.Interface()
		}
		msg = pyfmt.Interpolate(msg, params)
	}
	if ctx.Autoescape {
		msg = Escape(msg)
	}
	_, _ = w.WriteString(msg)
	return nil
}
