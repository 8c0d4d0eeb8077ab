package formsets_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/renderers"
)

// TestFormsetTemplatePrintingItself: a formset template printing
// {{ formset }} renders the formset inside itself; the rendering ends in
// a RecursionError on both engines (before, Go's stack overflowed and
// the process died).
func TestFormsetTemplatePrintingItself(t *testing.T) {
	const name = "django/forms/formsets/div.html"
	overlay := fstest.MapFS{name: {Data: []byte(`x{{ formset }}`)}}
	decl := formsets.MustDeclare(forms.MustDeclare(forms.Named("a", forms.NewCharField())))
	for _, r := range []renderers.Renderer{
		&renderers.DjangoTemplates{FormsetTemplate: name, Overlay: overlay},
		&renderers.Jinja2{FormsetTemplate: name, Overlay: overlay},
	} {
		fs := decl.New(formsets.Options{Renderer: r})
		html, err := fs.Render()
		if err == nil || !strings.Contains(err.Error(), "RecursionError: maximum template include depth") {
			t.Errorf("%T: Render() = %.200q, %.300v; want a RecursionError", r, html, err)
		}
	}
}
