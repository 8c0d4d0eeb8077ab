package forms_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// TestThemeWidgetIncludingItself: a theme's input.html that includes the
// widget's own template by name (widget.template_name, which extends
// input.html again) runs on a theme program; the rendering must end in a
// RecursionError, on both engines, as the engines themselves do. Before,
// the program path recursed until Go's stack overflowed and killed the
// process (found by FuzzCaseTemplates).
func TestThemeWidgetIncludingItself(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    renderers.Renderer
	}{
		{"pongo2", &renderers.DjangoTemplates{Overlay: fstest.MapFS{
			"django/forms/widgets/input.html": {Data: []byte(`{% include widget.template_name %}`)}}}},
		{"jet", &renderers.Jinja2{Overlay: fstest.MapFS{
			"django/forms/widgets/input.html": {Data: []byte(`{{ include widget.template_name }}`)}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := forms.NewCharField()
			text.Widget = widgets.NewTextInput(nil)
			decl := forms.MustDeclare(forms.Named("a", text))
			html, err := decl.New(forms.Options{Renderer: tt.r}).AsDiv()
			if err == nil || !strings.Contains(err.Error(), "RecursionError: maximum template include depth") {
				t.Fatalf("AsDiv() = %q, %v; want a RecursionError", html, err)
			}
			// pongo2 keeps only the text of the errors of its includes.
			var re *renderers.RecursionError
			if tt.name == "jet" && !errors.As(err, &re) {
				t.Errorf("error does not wrap a *renderers.RecursionError: %v", err)
			}
			if html != "" {
				t.Errorf("a failed render returned markup: %q", html)
			}
		})
	}
}
