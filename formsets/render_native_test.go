package formsets_test

import (
	"testing"

	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/renderers"
)

// TestNativeMatchesTemplates renders the same bound formsets with the
// Go-written formset templates and, with Reload set (which turns the
// native path off), with the template engines: the HTML must not differ.
func TestNativeMatchesTemplates(t *testing.T) {
	data := mgmt(3, 1, "form-0-title", "a", "form-0-qty", "0", "form-1-title", "", "form-1-qty", "x",
		"form-2-title", "c", "form-2-DELETE", "on")
	renderersByName := map[string][2]renderers.Renderer{
		"django": {renderers.NewDjangoTemplates(), &renderers.DjangoTemplates{Reload: true}},
		"jinja2": {renderers.NewJinja2(), &renderers.Jinja2{Reload: true}},
	}
	styles := map[string]func(*formsets.Formset) (renderers.HTML, error){
		"Render":  (*formsets.Formset).Render,
		"AsDiv":   (*formsets.Formset).AsDiv,
		"AsP":     (*formsets.Formset).AsP,
		"AsTable": (*formsets.Formset).AsTable,
		"AsUL":    (*formsets.Formset).AsUL,
	}
	for rname, rs := range renderersByName {
		for sname, style := range styles {
			var out [2]renderers.HTML
			for i, r := range rs {
				d := formsets.MustDeclare(itemForm(), formsets.CanDelete(true), formsets.CanOrder(true), formsets.Renderer(r))
				fs := d.Bind(data, nil, formsets.Options{})
				fs.IsValid()
				h, err := style(fs)
				if err != nil {
					t.Fatalf("%s %s (reload %v): %v", rname, sname, i == 1, err)
				}
				out[i] = h
			}
			if out[0] == "" || out[0] != out[1] {
				t.Errorf("%s %s: native and template renderings differ\nnative:   %q\ntemplate: %q", rname, sname, out[0], out[1])
			}
		}
	}
}
