package i18n

import (
	"regexp"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// djangoLanguage is one language of Django's catalogs as the generator
// writes it (catalogs_django.go).
type djangoLanguage struct {
	code, name, nameLocal string
	bidi                  bool
	// nplurals and pluralSource are the catalog's Plural-Forms header;
	// plural is pluralSource compiled.
	nplurals     int
	pluralSource string
	plural       func(n int64) int
	// messages are the translations of djangoMessages, by index.
	messages []string
}

// countParam finds the parameter a counting message counts: the first
// it names ("%(limit_value)d character", "%(max)s digit", "%(num)d form").
var countParam = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%\((\w+)\)`) })

// catalog decodes the language's generated messages.
func (l *djangoLanguage) catalog() *Catalog {
	tag, err := language.Parse(l.code)
	if err != nil {
		tag = language.Und
	}
	c := &Catalog{Tag: tag, Code: l.code, Bidi: l.bidi, Plural: l.plural, Messages: map[string]string{}}
	for i, s := range l.messages {
		if s == "" {
			continue
		}
		id := djangoMessages[i]
		one, other, counting := strings.Cut(id, "\x00")
		if !counting {
			c.Messages[id] = s
			continue
		}
		p := PluralMessage{One: one, Other: other, Forms: strings.Split(s, "\x00")}
		if m := countParam().FindStringSubmatch(one); m != nil {
			p.Count = m[1]
		}
		c.Plurals = append(c.Plurals, p)
	}
	return c
}
