package i18n

import (
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/formwork/formwork/templates"
)

// builtinTexts returns the texts formwork's built-in templates translate
// ({% translate "..." %}), so that a text added to a template without
// its translations fails the test below.
func builtinTexts(t *testing.T) []string {
	t.Helper()
	re := regexp.MustCompile(`\{%-?\s*translate\s+"([^"]*)"`)
	seen := map[string]bool{}
	all := []fs.FS{templates.Accessible, templates.Django, templates.Jet}
	for _, name := range templates.ThemeNames() {
		th, _ := templates.LookupTheme(name)
		all = append(all, th.Django)
	}
	for _, fsys := range all {
		err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, path)
			if err != nil {
				return err
			}
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				seen[m[1]] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var out []string
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// The ten most used languages at least, and every text in each.
func TestFormworkTextsTranslated(t *testing.T) {
	texts := builtinTexts(t)
	if len(texts) < 3 {
		t.Fatalf("found only %q in the templates", texts)
	}
	langs := FormworkLanguages()
	for _, must := range []string{"zh-hans", "es", "hi", "ar", "pt", "bn", "ru", "ja", "fr", "de"} {
		found := false
		for _, l := range langs {
			found = found || l == must
		}
		if !found {
			t.Errorf("formwork's texts are not translated into %s", must)
		}
	}
	for _, code := range langs {
		tr, err := For(code)
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		if tr.Code() != code {
			t.Errorf("%s: For gives %s", code, tr.Code())
		}
		for _, s := range texts {
			if _, ok := formworkTexts[code][s]; !ok {
				t.Errorf("%s: %q is not translated", code, s)
			}
			got := tr.Translate(s)
			if strings.Contains(s, "%(") && !strings.Contains(got, "%(number)s") {
				t.Errorf("%s: %q lost its parameter: %q", code, s, got)
			}
		}
	}
}
