package forms_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

// The project-wide renderer (Django's FORM_RENDERER) renders a form that
// names none, and always the errors dictionary's own template, as Django
// 4.2 does; the error lists inside are the form's.
func TestDefaultRenderer(t *testing.T) {
	project := &renderers.DjangoTemplates{Overlay: fstest.MapFS{
		"django/forms/errors/dict/ul.html": {Data: []byte(`<ul class="project">{% for field, error in errors %}<li>{{ field }}{{ error }}</li>{% endfor %}</ul>`)},
		"django/forms/errors/list/ul.html": {Data: []byte(`<ol class="project">{% for error in errors %}<li>{{ error }}</li>{% endfor %}</ol>`)},
	}}
	name := forms.NewCharField()
	decl := forms.Declare(forms.Named("name", name))
	data := url.Values{}
	for _, tt := range []struct {
		name         string
		renderer     renderers.Renderer
		dict, inside string
	}{
		{"no renderer: the project's", nil, `<ul class="project">`, `<ol class="project">`},
		{"own renderer: the project's dict, its own lists", renderers.NewDjangoDivFormRenderer(), `<ul class="project">`, `<ul class="errorlist">`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := decl.Bind(data, nil, forms.Options{Renderer: tt.renderer, DefaultRenderer: project})
			want := project
			if tt.renderer != nil {
				if f.Renderer() != tt.renderer {
					t.Error("the form's own renderer was replaced")
				}
			} else if f.Renderer() != renderers.Renderer(want) {
				t.Errorf("Renderer() = %T, want the project's", f.Renderer())
			}
			h, err := f.Errors().AsUL()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(h), tt.dict) || !strings.Contains(string(h), tt.inside) {
				t.Errorf("Errors().AsUL() = %s, want %s... holding %s", h, tt.dict, tt.inside)
			}
		})
	}
}

// A project keeps its renderer (Django's FORM_RENDERER) in one place and
// hands it to every form as DefaultRenderer; a form that names its own
// renderer still renders with it.
func ExampleOptions_defaultRenderer() {
	project := renderers.NewDjangoDivFormRenderer()
	search := forms.Declare(forms.Named("q", &forms.CharField{MaxLength: 20}))
	html, err := search.New(forms.Options{DefaultRenderer: project}).Render()
	fmt.Println(strings.Join(strings.Fields(string(html)), " "), err)
	html, err = search.New(forms.Options{DefaultRenderer: project, Renderer: renderers.NewDjangoTemplates()}).Render()
	fmt.Println(strings.Join(strings.Fields(string(html)), " "), err)
	// Output:
	// <div> <label for="id_q">Q:</label> <input type="text" name="q" maxlength="20" id="id_q"> </div> <nil>
	// <tr> <th><label for="id_q">Q:</label></th> <td> <input type="text" name="q" maxlength="20" id="id_q"> </td> </tr> <nil>
}
