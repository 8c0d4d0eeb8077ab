package renderers

import (
	"io/fs"
	"testing"

	"github.com/CloudyKit/jet/v6"
)

// FuzzTranslateJinja: any source translates or fails with a *JinjaError,
// never a panic or a hang, and what it translates to is a template jet
// parses.
func FuzzTranslateJinja(f *testing.F) {
	_ = fs.WalkDir(djangoJinja2, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := fs.ReadFile(djangoJinja2, p); err == nil {
				f.Add(string(b))
			}
		}
		return nil
	})
	for _, s := range []string{"{{ a|default('x') ~ b }}", "{% for a, b in x.items() %}{{ loop.revindex }}{% else %}-{% endfor %}",
		"{% set x = {'a': [1, 2.5, none]} %}{{ x.a[0] if x else -1 }}", "{#- c -#}{%- if not a is defined -%}{% endif %}",
		"{{ f(a=1) }}", "{{ (", "{% for %}", "{{ 'unterminated }}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := TranslateJinja("fuzz.html", src)
		if err != nil {
			if _, ok := err.(*JinjaError); !ok {
				t.Fatalf("error %T %v, want a *JinjaError", err, err)
			}
			return
		}
		set := jet.NewSet(jet.NewInMemLoader(), jet.WithTemplateNameExtensions([]string{""}))
		addJinjaGlobals(set)
		set.AddGlobalFunc("safe", jetSafeFunc)
		set.AddGlobalFunc("str", jetStr)
		if _, err := set.Parse("/fuzz.html", out); err != nil {
			t.Fatalf("%q translates to %q, which jet does not parse: %v", src, out, err)
		}
	})
}
