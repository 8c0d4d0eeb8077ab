package i18n_test

import (
	"strings"
	"testing"

	"github.com/formwork/formwork/i18n"
)

// FuzzNegotiate feeds hostile Accept-Language headers: Negotiate always
// answers with a language of the bundle, never panics, and a header's
// languages are well formed.
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "fr-CA,fr;q=0.9", "*", "zh-Hans-CN;q=0.5, x-klingon", "de;q=1.5", strings.Repeat("a-", 300)} {
		f.Add(s)
	}
	codes := map[string]bool{}
	for _, c := range i18n.Codes() {
		codes[c] = true
	}
	f.Fuzz(func(t *testing.T, header string) {
		tr := i18n.Negotiate(header)
		if !codes[tr.Code()] {
			t.Fatalf("Negotiate(%q) = %q, not a built-in language", header, tr.Code())
		}
		for _, l := range i18n.ParseAcceptLanguage(header) {
			if l.Code == "" || l.Quality < 0 || l.Quality > 1 {
				t.Fatalf("ParseAcceptLanguage(%q) gave %+v", header, l)
			}
		}
		if _, err := i18n.For(header); err == nil && header == "" {
			t.Fatal("For(\"\") found a language")
		}
	})
}
