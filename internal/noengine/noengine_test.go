// Package noengine checks that the built-in templates need no template
// engine: its test binary, unlike every other that renders, does not link
// renderers/djangoengine (pongo2), so a rendering that reaches for it
// fails with renderers.ErrNoDjangoEngine.
package noengine

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
)

// TestBuiltinRenderersNeedNoEngine renders every corpus case (the
// reference's and formwork's own) that brings no templates of its own,
// with its own renderer and with each built-in renderer, and wants none
// of them to need the Django template engine. That the generated writers
// print what the engine prints is TestFastPathMatchesEngines' part.
func TestBuiltinRenderersNeedNoEngine(t *testing.T) {
	paths, err := formspec.CorpusPaths("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	builtins := []func() renderers.Renderer{
		func() renderers.Renderer { return renderers.NewDjangoTemplates() },
		func() renderers.Renderer { return renderers.NewDjangoDivFormRenderer() },
		func() renderers.Renderer { return renderers.NewJinja2() },
		func() renderers.Renderer { return renderers.NewJinja2DivFormRenderer() },
		func() renderers.Renderer { return renderers.NewAccessible() },
	}
	runs, cases := 0, 0
	for _, p := range paths {
		c, err := formspec.Load(p)
		if err != nil || c.OwnTemplates() {
			continue // unreadable cases are the conformance tests' part
		}
		cases++
		check := func(label string, run func() (*formspec.Result, error)) {
			runs++
			if _, err := run(); errors.Is(err, renderers.ErrNoDjangoEngine) {
				t.Errorf("%s (%s): %v", filepath.Base(p), label, err)
			}
		}
		check("its renderer", c.Run)
		for _, mk := range builtins {
			check(label(mk()), func() (*formspec.Result, error) { return c.RunWith(mk()) })
		}
	}
	if cases < 1000 {
		t.Fatalf("only %d cases without templates of their own", cases)
	}
	t.Logf("%d renderings of %d cases, none needing a template engine", runs, cases)
}

func label(r renderers.Renderer) string {
	switch r.(type) {
	case *renderers.Accessible:
		return "Accessible"
	case *renderers.Jinja2:
		return "Jinja2 " + r.FormTemplateName()
	}
	return "DjangoTemplates " + r.FormTemplateName()
}
