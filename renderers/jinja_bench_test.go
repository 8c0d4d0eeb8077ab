package renderers

import (
	"bytes"
	"io/fs"
	"testing"
)

// The cost of Jinja2 syntax: Django's div.html translated (JinjaFS)
// against formwork's hand port of it to jet, both through the engine, on
// the reference's golden context; and the translation itself.
func BenchmarkJinjaDivTemplate(b *testing.B) {
	var ctx Context
	for _, c := range loadGolden(&testing.T{}) {
		if c.Name == "form-div-errors" {
			ctx = goldenContext(c)
		}
	}
	if ctx == nil {
		b.Fatal("no golden context form-div-errors")
	}
	for _, bc := range []struct {
		name string
		r    *Jinja2
	}{
		{"ported", &Jinja2{}},
		{"translated", &Jinja2{Overlay: JinjaFS(djangoJinja2)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var buf bytes.Buffer
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := bc.r.Render(&buf, "django/forms/div.html", ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("translate", func(b *testing.B) {
		src, err := fs.ReadFile(djangoJinja2, "django/forms/div.html")
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < b.N; i++ {
			if _, err := TranslateJinja("div.html", string(src)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
