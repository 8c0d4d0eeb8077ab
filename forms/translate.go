package forms

import (
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// ParamTranslator is a validators.Translator that also sees a message's
// parameters, so that a message that counts can take the plural form its
// language needs for the count among them (French writes the singular
// for 0, Serbian has three forms). Error lists use TranslateParams when
// the form's translator has it.
type ParamTranslator interface {
	validators.Translator
	TranslateParams(message string, params map[string]any) string
}

// errorText is e's message translated by tr and interpolated.
func errorText(e *validators.ValidationError, tr validators.Translator) string {
	pt, ok := tr.(ParamTranslator)
	if !ok || e.Params == nil {
		return e.Text(tr)
	}
	c := *e
	c.Message = pt.TranslateParams(e.Message, e.Params)
	return c.Text(nil)
}

// translateText translates a label or help text: Django declares them
// with gettext_lazy, so they are message ids until the form renders.
func translateText(tr validators.Translator, s string) string {
	if tr == nil || s == "" {
		return s
	}
	return tr.Translate(s)
}

// translateWidget returns w with the texts it shows by itself (Django's
// "Currently", "Change", "Clear" of a clearable file input and the
// "Unknown", "Yes", "No" of a NullBooleanSelect) translated by tr; w
// itself when there is nothing to translate; and with tr and the formats
// of tr's language (l10n.go). The declared widget is shared by every form, so a
// translated copy is made.
func translateWidget(w widgets.Widget, tr validators.Translator) widgets.Widget {
	if tr == nil {
		return w
	}
	// Always a copy: the declared widget has no translator of its own
	// (and comparing translators could panic on one of an incomparable
	// type).
	w = w.Clone()
	w.Base().Translator = tr
	if loc := formatsOf(tr); loc != nil {
		w.Base().Formats = loc
	}
	switch x := w.(type) {
	case *widgets.ClearableFileInput:
		c, ok := x.Clone().(*widgets.ClearableFileInput)
		if !ok {
			return w
		}
		c.InputText = tr.Translate(orString(x.InputText, "Change"))
		c.InitialText = tr.Translate(orString(x.InitialText, "Currently"))
		c.ClearCheckboxLabel = tr.Translate(orString(x.ClearCheckboxLabel, "Clear"))
		return c
	case *widgets.NullBooleanSelect:
		c, ok := x.Clone().(*widgets.NullBooleanSelect)
		if !ok {
			return w
		}
		src := x.Choices
		if src == nil {
			src = widgets.NullBooleanChoices()
		}
		c.Choices = make([]widgets.Choice, len(src))
		for i, ch := range src {
			ch.Label = tr.Translate(ch.Label)
			c.Choices[i] = ch
		}
		return c
	case *widgets.SelectDateWidget:
		return translateMonths(x, tr)
	}
	return w
}
