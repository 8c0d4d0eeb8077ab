package formspec

import (
	"bytes"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"
)

// TestProgramsMatchEngine sweeps every corpus case through the theme
// programs (renderers/program.go) and through pongo2 alone, requiring
// identical bytes: with an overlay holding a copy of every built-in
// template (so that every template runs on its program), and with each
// theme pack (whose templates run on programs where they compile).
// Cases with their own templates or theme go through them in
// TestFastPathMatchesEngines.
func TestProgramsMatchEngine(t *testing.T) {
	all := copyTemplates(t, templates.Django)
	variants := []progVariant{
		{"every template copied, table", func(e bool) renderers.Renderer { return &renderers.DjangoTemplates{Overlay: all, NoFastPath: e} }},
		{"every template copied, div", func(e bool) renderers.Renderer {
			return &renderers.DjangoTemplates{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Overlay: all, NoFastPath: e}
		}},
	}
	for _, th := range templates.ThemeNames() {
		th := th
		variants = append(variants, progVariant{"theme " + th, func(e bool) renderers.Renderer {
			return &renderers.DjangoTemplates{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Theme: th, NoFastPath: e}
		}})
	}
	sweepPrograms(t, variants)
}

// TestJetProgramsMatchEngine is TestProgramsMatchEngine for the Jinja2
// renderers: every corpus case through the theme programs compiled from
// jet templates and through jet alone, with an overlay holding a copy of
// every built-in jet template and with each theme pack's jet templates.
func TestJetProgramsMatchEngine(t *testing.T) {
	all := copyTemplates(t, templates.Jet)
	variants := []progVariant{
		{"every jet template copied, table", func(e bool) renderers.Renderer { return &renderers.Jinja2{Overlay: all, NoFastPath: e} }},
		{"every jet template copied, div", func(e bool) renderers.Renderer {
			return &renderers.Jinja2{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Overlay: all, NoFastPath: e}
		}},
	}
	for _, th := range templates.ThemeNames() {
		th := th
		variants = append(variants, progVariant{"jet theme " + th, func(e bool) renderers.Renderer {
			return &renderers.Jinja2{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Theme: th, NoFastPath: e}
		}})
	}
	sweepPrograms(t, variants)
}

// progVariant is a renderer the sweep runs each case through, with its
// programs (engine false) and with its engine alone (engine true).
type progVariant struct {
	label string
	mk    func(engine bool) renderers.Renderer
}

// copyTemplates returns an overlay holding a copy of every template of
// fsys under django/.
func copyTemplates(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	all := fstest.MapFS{}
	err := fs.WalkDir(fsys, "django", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			all[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// sweepPrograms renders every corpus case through each variant with its
// programs and with its engine, requiring the same bytes (or errors).
func sweepPrograms(t *testing.T, variants []progVariant) {
	t.Helper()
	paths, cases := loadCorpus(t)
	compared, differ := 0, 0
	for i, c := range cases {
		p := paths[i]
		for _, v := range variants {
			fr, ferr := c.RunWith(v.mk(false))
			er, eerr := c.RunWith(v.mk(true))
			if (ferr == nil) != (eerr == nil) || (ferr != nil && ferr.Error() != eerr.Error()) {
				t.Errorf("%s (%s): program error %v, engine error %v", p, v.label, ferr, eerr)
				continue
			}
			if ferr != nil {
				continue
			}
			fj, err1 := fr.JSON()
			ej, err2 := er.JSON()
			if err1 != nil || err2 != nil {
				t.Errorf("%s (%s): %v %v", p, v.label, err1, err2)
				continue
			}
			compared++
			if !bytes.Equal(fj, ej) {
				differ++
				if differ <= 20 {
					t.Errorf("%s (%s): the programs and the engine differ\nprograms: %s\nengine:   %s", p, v.label, fj, ej)
				}
			}
		}
	}
	if compared == 0 {
		t.Fatal("nothing compared")
	}
	t.Logf("%d renderings compared, %d differ", compared, differ)
}

// TestProgramsConcurrent renders one case from many goroutines with one
// renderer whose every template runs on a theme program (compiled by the
// first renders, then shared), wanting the engine's bytes from each: run
// with -race, it checks that a program holds no mutable state.
func TestProgramsConcurrent(t *testing.T) {
	all := copyTemplates(t, templates.Django)
	concurrentPrograms(t, "../../testdata/cases/contact_invalid_DjangoTemplates.json", func(engine bool) renderers.Renderer {
		return &renderers.DjangoTemplates{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Overlay: all, NoFastPath: engine}
	})
}

// TestJetProgramsConcurrent is TestProgramsConcurrent for programs
// compiled from jet templates.
func TestJetProgramsConcurrent(t *testing.T) {
	all := copyTemplates(t, templates.Jet)
	concurrentPrograms(t, "../../testdata/cases/contact_invalid_Jinja2.json", func(engine bool) renderers.Renderer {
		return &renderers.Jinja2{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Overlay: all, NoFastPath: engine}
	})
}

// concurrentPrograms renders the case from many goroutines with one
// renderer made by mk(false), wanting mk(true)'s bytes from each.
func concurrentPrograms(t *testing.T, casePath string, mk func(engine bool) renderers.Renderer) {
	c, err := Load(casePath)
	if err != nil {
		t.Fatal(err)
	}
	er, err := c.RunWith(mk(true))
	if err != nil {
		t.Fatal(err)
	}
	want, err := er.JSON()
	if err != nil {
		t.Fatal(err)
	}
	shared := mk(false)
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 5; i++ {
				r, err := c.RunWith(shared)
				if err != nil {
					errs <- err
					return
				}
				got, err := r.JSON()
				if err == nil && !bytes.Equal(got, want) {
					err = fmt.Errorf("concurrent render differs from the engine:\n%s\n%s", got, want)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestAccessibleProgramsMatchEngine is TestProgramsMatchEngine for the
// AccessibleFormRenderer with an overlay: a copy of every built-in
// Django template (laid over the accessible ones, so that Django's div
// style runs on programs again), a copy of the accessible templates
// (which the programs cannot compile: pongo2 renders them, the rest on
// Django's writers) and each theme pack's Django templates.
func TestAccessibleProgramsMatchEngine(t *testing.T) {
	django := copyTemplates(t, templates.Django)
	acc := copyTemplates(t, templates.Accessible)
	variants := []progVariant{
		{"accessible, every Django template copied", func(e bool) renderers.Renderer { return &renderers.Accessible{Overlay: django, NoFastPath: e} }},
		{"accessible, every accessible template copied", func(e bool) renderers.Renderer { return &renderers.Accessible{Overlay: acc, NoFastPath: e} }},
	}
	for _, th := range templates.ThemeNames() {
		pack, _ := templates.LookupTheme(th)
		variants = append(variants, progVariant{"accessible, theme " + th, func(e bool) renderers.Renderer {
			return &renderers.Accessible{Overlay: pack.Django, NoFastPath: e}
		}})
	}
	sweepPrograms(t, variants)
}
