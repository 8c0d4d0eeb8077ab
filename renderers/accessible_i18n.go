package renderers

import (
	"bytes"

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
// of a form template (or of a formset template's loop), the formset, the
// widget of a widget's template.
var translatorHolders = []string{"field", "form", "formset", "widget"}

// TranslatorOf returns the translator a template context names: the
// context's own TranslatorKey, else that of its field, form or formset
// (whose management form shares the formset's translator); nil when there
// is none, which means English.
func TranslatorOf(ctx Context) Translator {
	return TranslatorFrom(func(name string) any { return ctx[name] })
}

// TranslatorFrom is TranslatorOf for a template engine's own context:
// get returns the value of a template variable, nil when it is unset.
func TranslatorFrom(get func(name string) any) Translator {
	if t, ok := get(TranslatorKey).(Translator); ok {
		return t
	}
	for _, name := range translatorHolders {
		if t := objectTranslator(get(name)); t != nil {
			return t
		}
	}
	return nil
}

func objectTranslator(v any) Translator {
	var o Object
	switch x := v.(type) {
	case Object:
		o = x
	case map[string]any: // a widget's context
		o = x
	default:
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

// Language is a translator that is a language: its code for the HTML
// lang attribute and its direction for dir ("rtl" or "ltr"), as
// *i18n.Translator is.
type Language interface {
	Code() string
	Dir() string
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
