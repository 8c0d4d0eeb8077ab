// Package i18n translates formwork's messages: the catalogs of every
// validator, field, formset and widget text in French, German, Simplified
// Chinese and Serbian (Latin), the choice of a language from a request's
// Accept-Language header, and the Translator that forms apply to error
// messages, labels and help texts when they render.
//
// A Translator is a validators.Translator: give it to a form in
// forms.Options.Translator.
//
//	tr := i18n.Negotiate(r.Header.Get("Accept-Language"))
//	f := contact.Bind(r.PostForm, nil, forms.Options{Translator: tr})
//
// Messages are looked up by their English text, as gettext looks up a
// msgid; a message missing from the chosen catalog shows in English.
// Messages that count (Django's ngettext) take the form the language's
// plural rule picks for the count among the message's parameters.
package i18n

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/formwork/formwork/validators"
)

// Catalog holds one language's translations, keyed by the English text.
type Catalog struct {
	// Tag is the catalog's language.
	Tag language.Tag
	// Messages maps English messages to their translation.
	Messages map[string]string
	// Plurals are the messages that count.
	Plurals []PluralMessage
	// Plural returns the index in PluralMessage.Forms of the form for n,
	// as a .po file's Plural-Forms expression; nil means English's rule
	// (0 for one, 1 otherwise).
	Plural func(n int64) int
}

// PluralMessage is a message that counts: its English singular and
// plural forms, the parameter holding the count, and the translated
// forms in the order of the catalog's Plural rule.
type PluralMessage struct {
	One, Other string
	// Count names the parameter that holds the count ("limit_value").
	Count string
	Forms []string
}

// Bundle is a set of catalogs and the language matcher over them. Build
// one with NewBundle to add an application's own messages (labels, help
// texts) to the built-in catalogs. A Bundle must not be changed once
// translators are taken from it.
type Bundle struct {
	catalogs []*Catalog // index 0 is English, which has no messages
	matcher  language.Matcher
}

// NewBundle returns a bundle of the built-in catalogs followed by cats.
// A catalog of a language already present adds its messages to it.
func NewBundle(cats ...*Catalog) *Bundle {
	b := &Bundle{catalogs: []*Catalog{{Tag: language.English}}}
	for _, c := range builtinCatalogs() {
		b.add(c)
	}
	for _, c := range formworkCatalogs() {
		b.add(c)
	}
	for _, c := range cats {
		b.add(c)
	}
	return b
}

// add merges c into the bundle's catalog of c's language.
func (b *Bundle) add(c *Catalog) {
	if c == nil {
		return
	}
	b.matcher = nil
	for _, have := range b.catalogs {
		if have.Tag != c.Tag {
			continue
		}
		if have.Messages == nil {
			have.Messages = map[string]string{}
		}
		for k, v := range c.Messages {
			have.Messages[k] = v
		}
		have.Plurals = append(have.Plurals, c.Plurals...)
		if c.Plural != nil {
			have.Plural = c.Plural
		}
		return
	}
	cc := *c
	b.catalogs = append(b.catalogs, &cc)
}

// Add adds a catalog (or more messages of a language already present) to
// the bundle. Call it before taking translators from the bundle.
func (b *Bundle) Add(c *Catalog) { b.add(c) }

// Languages returns the bundle's languages, English first.
func (b *Bundle) Languages() []language.Tag {
	out := make([]language.Tag, len(b.catalogs))
	for i, c := range b.catalogs {
		out[i] = c.Tag
	}
	return out
}

func (b *Bundle) match() language.Matcher {
	if b.matcher == nil {
		b.matcher = language.NewMatcher(b.Languages())
	}
	return b.matcher
}

// Match returns the translator of the best of the bundle's languages for
// the tags, in order of preference; English when none fits. Script and
// region tags fall back to their language: zh-Hans-CN to zh-Hans, fr-CA
// to fr, sr-Latn-RS to sr-Latn.
func (b *Bundle) Match(tags ...language.Tag) *Translator {
	if len(tags) == 0 {
		return b.translator(0)
	}
	_, idx, conf := b.match().Match(tags...)
	if conf == language.No {
		idx = 0
	}
	return b.translator(idx)
}

// Negotiate returns the translator for an Accept-Language header value
// ("fr-CA,fr;q=0.9,en;q=0.5"); English when the header is empty, invalid
// or names no language of the bundle.
func (b *Bundle) Negotiate(acceptLanguage string) *Translator {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil {
		return b.translator(0)
	}
	return b.Match(tags...)
}

// Translator returns the translator of a language tag ("fr", "zh-Hans-CN").
// It is an error when the tag is not well formed or the bundle has no
// catalog for its language.
func (b *Bundle) Translator(tag string) (*Translator, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return nil, fmt.Errorf("i18n: language tag %q: %w", tag, err)
	}
	_, idx, conf := b.match().Match(t)
	if conf == language.No || conf == language.Low {
		return nil, fmt.Errorf("i18n: no catalog for language %q", tag)
	}
	return b.translator(idx), nil
}

func (b *Bundle) translator(idx int) *Translator {
	return &Translator{cat: b.catalogs[idx]}
}

// builtin is the bundle of the built-in catalogs, built on first use and
// never changed.
var builtin = sync.OnceValue(func() *Bundle {
	b := NewBundle()
	b.match()
	return b
})

// Negotiate returns the built-in translator for an Accept-Language header
// value, English when nothing fits. See Bundle.Negotiate.
func Negotiate(acceptLanguage string) *Translator {
	return builtin().Negotiate(acceptLanguage)
}

// For returns the built-in translator of a language tag, or an error
// naming the tag when no built-in catalog fits it.
func For(tag string) (*Translator, error) { return builtin().Translator(tag) }

// Languages returns the languages of the built-in catalogs, English first.
func Languages() []language.Tag { return builtin().Languages() }

// Translator translates messages into one language. Its zero value, and
// a nil *Translator, translate nothing (English).
type Translator struct {
	cat *Catalog
}

var _ validators.Translator = (*Translator)(nil)

// Language returns the translator's language.
func (t *Translator) Language() language.Tag {
	if t == nil || t.cat == nil {
		return language.English
	}
	return t.cat.Tag
}

// Translate implements validators.Translator: it returns the translation
// of an English message, or the message itself when the catalog has
// none. A message that counts gets the form of the English one it is
// given (singular or plural); TranslateParams chooses by the count.
func (t *Translator) Translate(message string) string {
	if t == nil || t.cat == nil {
		return message
	}
	if s, ok := t.cat.Messages[message]; ok {
		return s
	}
	for _, p := range t.cat.Plurals {
		switch message {
		case p.One:
			return t.form(p, 1)
		case p.Other:
			return t.form(p, 2)
		}
	}
	return message
}

// TranslateParams translates a message given with its parameters: a
// message that counts takes the form the language's plural rule picks for
// the count parameter (French uses the singular for 0, Serbian has three
// forms). It implements forms.ParamTranslator.
func (t *Translator) TranslateParams(message string, params map[string]any) string {
	if t == nil || t.cat == nil {
		return message
	}
	for _, p := range t.cat.Plurals {
		if message != p.One && message != p.Other {
			continue
		}
		if n, ok := count(params[p.Count]); ok {
			return t.form(p, n)
		}
	}
	return t.Translate(message)
}

// Plural returns the message for n of the English singular and plural
// forms, translated: Django's ngettext.
func (t *Translator) Plural(singular, plural string, n int64) string {
	if t != nil && t.cat != nil {
		for _, p := range t.cat.Plurals {
			if p.One == singular && p.Other == plural {
				return t.form(p, n)
			}
		}
	}
	if n == 1 {
		return t.Translate(singular)
	}
	return t.Translate(plural)
}

func (t *Translator) form(p PluralMessage, n int64) string {
	rule := t.cat.Plural
	if rule == nil {
		rule = pluralGermanic
	}
	i := rule(n)
	if i < 0 || i >= len(p.Forms) {
		i = len(p.Forms) - 1
	}
	if i < 0 {
		if n == 1 {
			return p.One
		}
		return p.Other
	}
	return p.Forms[i]
}

// String returns the translator's language tag.
func (t *Translator) String() string { return t.Language().String() }

// count reads a count parameter as an integer.
func count(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	case int32:
		return int64(n), true
	case uint:
		return int64(n), true
	case uint64:
		return int64(n), true
	case float64:
		return int64(n), true
	case fmt.Stringer:
		var i int64
		if _, err := fmt.Sscan(strings.TrimSpace(n.String()), &i); err == nil {
			return i, true
		}
	}
	return 0, false
}

// The plural rules of the built-in catalogs, as their .po files' Plural-Forms.

func pluralGermanic(n int64) int {
	if n == 1 {
		return 0
	}
	return 1
}

func pluralFrench(n int64) int {
	if n > 1 {
		return 1
	}
	return 0
}

func pluralNone(int64) int { return 0 }

func pluralSerbian(n int64) int {
	switch {
	case n%10 == 1 && n%100 != 11:
		return 0
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 10 || n%100 >= 20):
		return 1
	}
	return 2
}

// Lazy is a message that stays an English message id until it is shown
// in a language: Django's gettext_lazy. Labels and help texts of fields
// are treated that way by forms (translated by the form's Translator when
// it renders); Lazy serves an application's other texts, such as page
// titles, with the same catalogs.
type Lazy string

// String returns the English text.
func (l Lazy) String() string { return string(l) }

// In returns the text translated by tr (English when tr is nil).
func (l Lazy) In(tr validators.Translator) string {
	if tr == nil {
		return string(l)
	}
	return tr.Translate(string(l))
}
