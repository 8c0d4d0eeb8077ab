package forms

import (
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// A form's translator is its active language (Django's
// translation.override): besides messages, the language's formats
// decide how localized numbers and dates are read and shown. This file
// applies them, on copies of the shared fields and widgets.

// Localizer is a validators.Translator that is a language with formats,
// as *i18n.Translator is. Forms whose translator is one read and show
// numbers and dates in its formats.
type Localizer interface {
	validators.Translator
	Formats() *l10n.Formats
}

// formatsOf returns the formats of the language tr is, nil (English)
// when tr has none.
func formatsOf(tr validators.Translator) *l10n.Formats {
	if l, ok := tr.(Localizer); ok {
		return l.Formats()
	}
	return nil
}

// formats returns the form's active formats, nil for English.
func (f *Form) formats() *l10n.Formats { return formatsOf(f.opts.Translator) }

// labelPunctuation is Django's _(":?.!"): the characters that, ending a
// label, keep the label suffix off.
func (f *Form) labelPunctuation() string { return translateText(f.opts.Translator, ":?.!") }

// localized returns the field and value to clean (or compare) as Django
// does with a language active: a localized number field reads the value
// with the language's separators (sanitize_separators, which Django's
// to_python runs first), and a date or time field without input formats
// of its own reads the language's. f itself, and value, without formats.
func localized(f Field, value any, loc *l10n.Formats) (Field, any) {
	if loc == nil {
		return f, value
	}
	switch x := f.(type) {
	case *IntegerField, *FloatField, *DecimalField:
		if s, ok := value.(string); ok && f.Core().Localize {
			value = loc.Sanitize(s, false)
		}
	case *DateField:
		if x.InputFormats == nil {
			c := *x
			c.InputFormats = loc.DateInputFormats
			return &c, value
		}
	case *TimeField:
		if x.InputFormats == nil {
			c := *x
			c.InputFormats = loc.TimeInputFormats
			return &c, value
		}
	case *DateTimeField:
		if x.InputFormats == nil {
			c := *x
			c.InputFormats = append(append([]string(nil), loc.DateTimeInputFormats...), loc.DateInputFormats...)
			return &c, value
		}
	case *SplitDateTimeField:
		prepare(x)
		c := *x
		c.Fields = make([]Field, len(x.Fields))
		for i, sub := range x.Fields {
			c.Fields[i], _ = localized(sub, nil, loc)
		}
		return &c, value
	}
	return f, value
}

// localizedWidget returns the bound field's widget for the form's
// language: the shared widget itself in English, otherwise a copy (made
// once per bound field) with the language's formats.
func (bf *BoundField) localizedWidget(w widgets.Widget) widgets.Widget {
	loc := bf.form.formats()
	if loc == nil || w == nil {
		return w
	}
	if bf.localWidget != nil {
		return bf.localWidget
	}
	c := w.Clone()
	c.Base().Formats = loc
	bf.localWidget = c
	return c
}

// localizeWidget is Django's as_widget setting is_localized on the widget
// it is given (a hidden widget, say) when the field is localized; a
// copy, since widgets are shared.
func (bf *BoundField) localizeWidget(w widgets.Widget) widgets.Widget {
	if !bf.field.Core().Localize || w.Base().Localized {
		return w
	}
	c := w.Clone()
	c.Base().Localized = true
	return c
}

// translateMonths returns a SelectDateWidget showing Django's month names
// (MONTHS, translated when shown) in tr's language; w itself when it has
// months of its own.
func translateMonths(w *widgets.SelectDateWidget, tr validators.Translator) widgets.Widget {
	if w.Months != nil {
		return w
	}
	c, ok := w.Clone().(*widgets.SelectDateWidget)
	if !ok {
		return w
	}
	c.Months = widgets.EnglishMonths()
	for i := range c.Months {
		c.Months[i].Label = tr.Translate(c.Months[i].Label)
	}
	return c
}
