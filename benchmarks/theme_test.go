package benchmarks

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"
)

// themeCase is the workload the theme benchmarks share: the contact
// form, invalid POST, div style.
const themeCase = "contact_invalid_div"

// copyTemplates copies the named templates (all when names is empty) of
// src into a map and into dir, the same theme embedded and on disk.
func copyTemplates(tb testing.TB, src fs.FS, dir string, names ...string) fstest.MapFS {
	tb.Helper()
	m := fstest.MapFS{}
	add := func(name string) {
		b, err := fs.ReadFile(src, name)
		if err != nil {
			tb.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	if len(names) > 0 {
		for _, n := range names {
			add(n)
		}
		return m
	}
	err := fs.WalkDir(src, "django", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			add(p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// themes are the renderers a theme author would time: the built-in
// templates, a theme overriding the form template only (embedded, on
// disk, in jet) and one overriding every template. Each overriding
// template is a copy of the built-in one, so every variant prints the
// built-in path's bytes.
func themes(tb testing.TB) []struct {
	name string
	r    renderers.Renderer
} {
	const div = "django/forms/div.html"
	dj, djDir := copyTemplates(tb, templates.Django, tb.TempDir(), div), tb.TempDir()
	copyTemplates(tb, templates.Django, djDir, div)
	jetDir := tb.TempDir()
	copyTemplates(tb, templates.Jet, jetDir, div)
	allDj := copyTemplates(tb, templates.Django, tb.TempDir())
	allJet := copyTemplates(tb, templates.Jet, tb.TempDir())
	return []struct {
		name string
		r    renderers.Renderer
	}{
		{"builtin", renderers.NewDjangoDivFormRenderer()},
		{"theme_div_pongo2", &renderers.DjangoTemplates{FormTemplate: div, Overlay: dj}},
		{"theme_div_pongo2_disk", &renderers.DjangoTemplates{FormTemplate: div, Overlay: os.DirFS(djDir)}},
		{"theme_div_jet", &renderers.Jinja2{FormTemplate: div, Overlay: os.DirFS(jetDir)}},
		{"theme_all_pongo2", &renderers.DjangoTemplates{FormTemplate: div, Overlay: allDj}},
		{"theme_all_jet", &renderers.Jinja2{FormTemplate: div, Overlay: allJet}},
	}
}

// BenchmarkTheme times the contact form (bind, validate, render) with
// each theme; every variant's output is checked against the reference's
// first.
func BenchmarkTheme(b *testing.B) {
	var bc benchCase
	for _, c := range loadCases(b) {
		if c.name == themeCase {
			bc = c
		}
	}
	c, err := formspec.Load(bc.path)
	if err != nil {
		b.Fatal(err)
	}
	for _, th := range themes(b) {
		b.Run(th.name, func(b *testing.B) {
			p, err := c.PrepareWith(th.r)
			if err != nil {
				b.Fatal(err)
			}
			got, err := p.RenderFirst()
			if err != nil {
				b.Fatal(err)
			}
			checkGolden(b, bc, got)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := p.RenderFirst(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkThemeRender times rendering alone, the form bound and
// validated once.
func BenchmarkThemeRender(b *testing.B) {
	var bc benchCase
	for _, c := range loadCases(b) {
		if c.name == themeCase {
			bc = c
		}
	}
	c, err := formspec.Load(bc.path)
	if err != nil {
		b.Fatal(err)
	}
	for _, th := range themes(b) {
		b.Run(th.name, func(b *testing.B) {
			p, err := c.PrepareWith(th.r)
			if err != nil {
				b.Fatal(err)
			}
			f := p.Form()
			f.IsValid()
			got, err := f.AsDiv()
			if err != nil {
				b.Fatal(err)
			}
			checkGolden(b, bc, string(got))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := f.AsDiv(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
