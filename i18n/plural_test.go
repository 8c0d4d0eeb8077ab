package i18n

import (
	"testing"

	"github.com/formwork/formwork/internal/plural"
)

// Every language's compiled plural rule picks the form its catalog's
// Plural-Forms expression picks, for every count up to 10000 (the rules
// look at n%100 and n%1000000 at most; a million and some around it are
// tried too), and never a form the catalog lacks.
func TestPluralRulesMatchTheirExpressions(t *testing.T) {
	counts := []int64{1000000, 1000001, 2000000, 1000011}
	for n := int64(0); n <= 10000; n++ {
		counts = append(counts, n)
	}
	for _, l := range djangoLanguages {
		h, err := plural.ParseHeader("nplurals=" + itoa(l.nplurals) + "; plural=" + l.pluralSource + ";")
		if err != nil {
			t.Errorf("%s: %v", l.code, err)
			continue
		}
		for _, n := range counts {
			want := h.Expr.Eval(n)
			got := l.plural(n)
			if int64(got) != want {
				t.Errorf("%s: plural(%d) = %d, the expression %q gives %d", l.code, n, got, l.pluralSource, want)
				break
			}
			if got < 0 || got >= l.nplurals {
				t.Errorf("%s: plural(%d) = %d, outside its %d forms", l.code, n, got, l.nplurals)
				break
			}
		}
	}
}

// Every counting message of every language has as many forms as its
// rule picks from.
func TestPluralFormsCounted(t *testing.T) {
	for _, l := range djangoLanguages {
		c := l.catalog()
		for _, p := range c.Plurals {
			if len(p.Forms) != l.nplurals {
				t.Errorf("%s: %q has %d forms, nplurals is %d", l.code, p.One, len(p.Forms), l.nplurals)
			}
			if p.Count == "" {
				t.Errorf("%s: %q counts no parameter", l.code, p.One)
			}
		}
		if len(l.messages) != len(djangoMessages) {
			t.Errorf("%s: %d messages, want %d", l.code, len(l.messages), len(djangoMessages))
		}
	}
}

func itoa(n int) string {
	return string(rune('0' + n)) // nplurals is 1 to 6
}
