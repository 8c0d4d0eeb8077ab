// Package i18n translates formwork's messages: the catalogs of every
// language Django ships (generated from Django's own .po files, for the
// validator, field, formset, widget and model form texts formwork
// shows), formwork's own texts in the most used languages, the choice of
// a language from a request's Accept-Language header as Django makes it,
// and the Translator that forms apply to error messages, labels and help
// texts when they render.
//
// A Translator is a validators.Translator: give it to a form in
// forms.Options.Translator. It is also the form's active language, so
// its Formats (package l10n) are the ones localized fields read and show.
//
//	tr := i18n.Negotiate(r.Header.Get("Accept-Language"))
//	f := contact.Bind(r.PostForm, nil, forms.Options{Translator: tr})
//
// Messages are looked up by their English text, as gettext looks up a
// msgid; a message missing from the chosen catalog shows in English.
// Messages that count (Django's ngettext) take the form the language's
// plural rule (its catalog's Plural-Forms) picks for the count among the
// message's parameters.
package i18n

//go:generate go run ../internal/i18ngen -catalogs catalogs_django.go

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/validators"
)

// Catalog holds one language's translations, keyed by the English text.
type Catalog struct {
	// Tag is the catalog's language.
	Tag language.Tag
	// Code is Django's code of the language ("pt-br", "zh-hans"); ""
	// means Tag's, lower-cased.
	Code string
	// Bidi reports a language written right to left.
	Bidi bool
	// Messages maps English messages to their translation.
	Messages map[string]string
	// Plurals are the messages that count.
	Plurals []PluralMessage
	// Plural returns the index in PluralMessage.Forms of the form for n,
	// as a .po file's Plural-Forms expression; nil means English's rule
	// (0 for one, 1 otherwise).
	Plural func(n int64) int
}

func (c *Catalog) code() string {
	if c.Code != "" {
		return strings.ToLower(c.Code)
	}
	return strings.ToLower(c.Tag.String())
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

// Bundle is a set of catalogs, one per language, and the choice among
// them. Build one with NewBundle to add an application's own messages
// (labels, help texts) to the built-in catalogs. A Bundle must not be
// changed once translators are taken from it; it is safe for concurrent
// use after that.
type Bundle struct {
	codes    []string // in Django's order of LANGUAGES, then added ones
	catalogs map[string]*entry
}

// entry is one language of a bundle: its catalog, decoded from the
// generated data and merged with the catalogs added for the language
// when a translator for it is first taken.
type entry struct {
	tag  language.Tag
	src  *djangoLanguage
	adds []*Catalog
	once sync.Once
	cat  *Catalog
	tr   *Translator
}

func (e *entry) catalog() *Catalog {
	e.once.Do(func() {
		c := &Catalog{Tag: e.tag, Messages: map[string]string{}}
		if e.src != nil {
			c = e.src.catalog()
		}
		for _, a := range e.adds {
			for k, v := range a.Messages {
				c.Messages[k] = v
			}
			// Later plural messages win: put them first.
			c.Plurals = append(append([]PluralMessage(nil), a.Plurals...), c.Plurals...)
			if a.Plural != nil {
				c.Plural = a.Plural
			}
			c.Bidi = c.Bidi || a.Bidi
		}
		c.Code = ""
		if e.src != nil {
			c.Code = e.src.code
		} else if len(e.adds) > 0 {
			c.Code = e.adds[0].code()
		}
		e.cat = c
		e.tr = &Translator{cat: c, formats: l10n.For(c.code())}
	})
	return e.cat
}

// NewBundle returns a bundle of the built-in catalogs (Django's and
// formwork's own) followed by cats. A catalog of a language already
// present adds its messages to it.
func NewBundle(cats ...*Catalog) *Bundle {
	b := &Bundle{catalogs: make(map[string]*entry, len(djangoLanguages))}
	for i := range djangoLanguages {
		l := &djangoLanguages[i]
		tag, err := language.Parse(l.code)
		if err != nil {
			tag = language.Und
		}
		b.catalogs[l.code] = &entry{tag: tag, src: l}
		b.codes = append(b.codes, l.code)
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
	code := c.code()
	e, ok := b.catalogs[code]
	if !ok {
		e = &entry{tag: c.Tag}
		b.catalogs[code] = e
		b.codes = append(b.codes, code)
	}
	e.adds = append(e.adds, c)
}

// Add adds a catalog (or more messages of a language already present) to
// the bundle. Call it before taking translators from the bundle.
func (b *Bundle) Add(c *Catalog) { b.add(c) }

// Languages returns the bundle's languages, in Django's order of its
// LANGUAGES setting, then those added.
func (b *Bundle) Languages() []language.Tag {
	out := make([]language.Tag, len(b.codes))
	for i, c := range b.codes {
		out[i] = b.catalogs[c].tag
	}
	return out
}

// Codes returns the Django codes of the bundle's languages ("pt-br"), in
// the order of Languages.
func (b *Bundle) Codes() []string { return append([]string(nil), b.codes...) }

// maxCodeLength is Django's LANGUAGE_CODE_MAX_LENGTH: longer language
// codes and Accept-Language headers are cut or refused.
const maxCodeLength = 500

var languageCodeRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?$`)
})

// Supported returns the code of the bundle's language that serves a
// language code ("zh-hans-cn" → "zh-hans", "fr-ca" → "fr", "zh-cn" →
// "zh-hans", "es-419" → "es"), as Django's
// get_supported_language_variant: the code itself, its LANG_INFO
// fallbacks, then each shorter prefix, then the first language of the
// code's generic language ("zh" → "zh-hans"). ok is false when none is.
func (b *Bundle) Supported(code string) (string, bool) {
	code = strings.ToLower(code)
	if code == "" {
		return "", false
	}
	if len(code) > maxCodeLength {
		i := strings.LastIndex(code[:maxCodeLength], "-")
		if i <= 0 {
			return "", false
		}
		code = code[:i]
	}
	possible := []string{code}
	possible = append(possible, djangoFallbacks[code]...)
	for i := len(code); ; {
		i = strings.LastIndex(code[:i], "-")
		if i < 0 {
			break
		}
		possible = append(possible, code[:i])
	}
	generic := possible[len(possible)-1]
	for _, c := range possible {
		if _, ok := b.catalogs[c]; ok && languageCodeRe().MatchString(c) {
			return c, true
		}
	}
	for _, c := range b.codes {
		if strings.HasPrefix(c, generic+"-") {
			return c, true
		}
	}
	return "", false
}

// Match returns the translator of the first of the tags that a language
// of the bundle serves (see Supported); English when none does.
func (b *Bundle) Match(tags ...language.Tag) *Translator {
	for _, t := range tags {
		if c, ok := b.Supported(t.String()); ok {
			return b.translator(c)
		}
	}
	return b.english()
}

// Negotiate returns the translator for an Accept-Language header value
// ("fr-CA,fr;q=0.9,en;q=0.5") as Django's get_language_from_request
// picks it: the languages by quality, the first that a language of the
// bundle serves, stopping at "*"; English (Django's default en-us) when
// the header is empty, malformed or names no language of the bundle.
func (b *Bundle) Negotiate(acceptLanguage string) *Translator {
	for _, l := range ParseAcceptLanguage(acceptLanguage) {
		if l.Code == "*" {
			break
		}
		if !languageCodeRe().MatchString(l.Code) {
			continue
		}
		if c, ok := b.Supported(l.Code); ok {
			return b.translator(c)
		}
	}
	return b.english()
}

// Translator returns the translator of a language tag or Django code
// ("fr", "zh-Hans-CN", "pt-br"), as Supported chooses it. It is an error
// when no language of the bundle serves the tag.
func (b *Bundle) Translator(tag string) (*Translator, error) {
	c, ok := b.Supported(tag)
	if !ok {
		return nil, fmt.Errorf("i18n: no catalog for language %q", tag)
	}
	return b.translator(c), nil
}

func (b *Bundle) english() *Translator {
	if c, ok := b.Supported("en-us"); ok {
		return b.translator(c)
	}
	return &Translator{}
}

func (b *Bundle) translator(code string) *Translator {
	e := b.catalogs[code]
	e.catalog()
	return e.tr
}

// AcceptedLanguage is one language of an Accept-Language header.
type AcceptedLanguage struct {
	// Code is the language range, lower-cased ("fr-ca", "*").
	Code string
	// Quality is its q value, 1 when not given.
	Quality float64
}

var acceptLanguageRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)(?:\s*;\s*q=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?))?(?:\s*,\s*|$)`)
})

// ParseAcceptLanguage reads an Accept-Language header value as Django's
// parse_accept_lang_header: its languages by quality, best first (in
// header order among equals); none when the header is malformed
// anywhere. A header longer than Django's 500 bytes is read up to its
// last comma before that length.
func ParseAcceptLanguage(header string) []AcceptedLanguage {
	if len(header) > maxCodeLength {
		i := strings.LastIndex(header[:maxCodeLength], ",")
		if i <= 0 {
			return nil
		}
		header = header[:i]
	}
	s := strings.ToLower(header)
	var out []AcceptedLanguage
	prev := 0
	for _, m := range acceptLanguageRe().FindAllStringSubmatchIndex(s, -1) {
		if m[0] != prev {
			return nil
		}
		q := 1.0
		if m[4] >= 0 {
			v, err := strconv.ParseFloat(s[m[4]:m[5]], 64)
			if err != nil {
				return nil
			}
			q = v
		}
		out = append(out, AcceptedLanguage{Code: s[m[2]:m[3]], Quality: q})
		prev = m[1]
	}
	if prev != len(s) {
		return nil
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Quality > out[j].Quality })
	return out
}

// builtin is the bundle of the built-in catalogs, built on first use and
// never changed.
var builtin = sync.OnceValue(func() *Bundle { return NewBundle() })

// Negotiate returns the built-in translator for an Accept-Language header
// value, English when nothing fits. See Bundle.Negotiate.
func Negotiate(acceptLanguage string) *Translator {
	return builtin().Negotiate(acceptLanguage)
}

// For returns the built-in translator of a language tag or Django code,
// or an error naming the tag when no built-in language serves it.
func For(tag string) (*Translator, error) { return builtin().Translator(tag) }

// Languages returns the languages of the built-in catalogs, in Django's
// order.
func Languages() []language.Tag { return builtin().Languages() }

// Codes returns the Django codes of the built-in languages.
func Codes() []string { return builtin().Codes() }

// Translator translates messages into one language, and is that
// language for the forms it is given to. Its zero value, and a nil
// *Translator, translate nothing (English).
type Translator struct {
	cat     *Catalog
	formats *l10n.Formats
}

var _ validators.Translator = (*Translator)(nil)

// Language returns the translator's language.
func (t *Translator) Language() language.Tag {
	if t == nil || t.cat == nil {
		return language.English
	}
	return t.cat.Tag
}

// Code returns Django's code of the translator's language ("pt-br").
func (t *Translator) Code() string {
	if t == nil || t.cat == nil {
		return "en"
	}
	return t.cat.code()
}

// Name returns the language's English name ("Brazilian Portuguese") and
// LocalName its name in itself ("Português Brasileiro"), as Django's
// LANGUAGES and LANG_INFO give them, for a language picker; "" for a
// language Django does not have.
func (t *Translator) Name() string {
	if l := t.django(); l != nil {
		return l.name
	}
	return ""
}

// LocalName returns the language's name in itself; see Name.
func (t *Translator) LocalName() string {
	if l := t.django(); l != nil {
		return l.nameLocal
	}
	return ""
}

func (t *Translator) django() *djangoLanguage {
	code := t.Code()
	for i := range djangoLanguages {
		if djangoLanguages[i].code == code {
			return &djangoLanguages[i]
		}
	}
	return nil
}

// Bidi reports whether the language is written right to left (Django's
// LANGUAGES_BIDI): pages in it take dir="rtl".
func (t *Translator) Bidi() bool { return t != nil && t.cat != nil && t.cat.Bidi }

// Dir is the value of the HTML dir attribute for the language: "rtl" or
// "ltr".
func (t *Translator) Dir() string {
	if t.Bidi() {
		return "rtl"
	}
	return "ltr"
}

// Formats returns the language's number and date formats: English's for
// a language Django has no formats for.
func (t *Translator) Formats() *l10n.Formats {
	if t == nil || t.formats == nil {
		return l10n.English()
	}
	return t.formats
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
		return singular
	}
	return plural
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

func pluralGermanic(n int64) int {
	if n == 1 {
		return 0
	}
	return 1
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
