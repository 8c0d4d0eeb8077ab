package forms_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// TestThemeTemplateRenderingItself: a theme template that renders, by
// name or through a value, the very thing it is rendering must end in a
// RecursionError, on both engines, as Django's RecursionError does,
// never in a stack overflow that kills the process. Before:
//   - input.html including widget.template_name ran on a theme program
//     that recursed until Go's stack overflowed;
//   - {{ form }} or {{ form.as_div }} in the form template, {% include
//     form %} and {{ field.label_tag }} in the label template each
//     rendered the value again through a new rendering, outside the
//     include chain, and overflowed the stack (found by FuzzCaseTemplates).
//
// {% include form %} names a template by the form's HTML, which at the
// bottom of the recursion is empty: that error is the one returned.
func TestThemeTemplateRenderingItself(t *testing.T) {
	const (
		input = "django/forms/widgets/input.html"
		div   = "django/forms/div.html"
		label = "django/forms/label.html"
	)
	for _, tt := range []struct {
		name    string
		jet     bool
		files   map[string]string
		wrapped bool   // the error wraps a *RecursionError (jet keeps it)
		want    string // a part of the error; RecursionError when empty
	}{
		{"pongo2 widget includes its own template", false, map[string]string{input: `{% include widget.template_name %}`}, false, ""},
		{"jet widget includes its own template", true, map[string]string{input: `{{ include widget.template_name }}`}, true, ""},
		{"pongo2 form template prints the form", false, map[string]string{div: `x{{ form }}`}, false, ""},
		{"jet form template prints the form", true, map[string]string{div: `x{{ form }}`}, true, ""},
		{"pongo2 form template includes the form", false, map[string]string{div: `{% with a=form %}{% include a only %}{% endwith %}`}, false, "include: the template name is empty"},
		{"pongo2 form template prints as_div", false, map[string]string{div: `{{ form.as_div }}`}, false, ""},
		{"pongo2 label template prints the label", false, map[string]string{label: `{{ field.label_tag }}`}, false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range tt.files {
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			var r renderers.Renderer = &renderers.DjangoTemplates{FormTemplate: div, Overlay: fsys}
			if tt.jet {
				r = &renderers.Jinja2{FormTemplate: div, Overlay: fsys}
			}
			text := forms.NewCharField()
			text.Widget = widgets.NewTextInput(nil)
			decl := forms.MustDeclare(forms.Named("a", text))
			f := decl.Bind(url.Values{"a": {""}}, nil, forms.Options{Renderer: r})
			f.IsValid()
			html, err := f.Render()
			want := tt.want
			if want == "" {
				want = "RecursionError: maximum template include depth"
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("Render() = %.200q, %.300v; want an error with %q", html, err, want)
			}
			// pongo2 keeps only the text of the errors of its includes.
			var re *renderers.RecursionError
			if tt.wrapped && !errors.As(err, &re) {
				t.Errorf("error does not wrap a *renderers.RecursionError: %.300v", err)
			}
			if html != "" {
				t.Errorf("a failed render returned markup: %.200q", html)
			}
		})
	}
}
