package a11y_test

import (
	"strings"
	"testing"

	a11y "github.com/formwork/formwork/a11y-tests"
	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

func TestWrapForm(t *testing.T) {
	tests := []struct{ template, want string }{
		{"django/forms/default.html", "<table>\nX\n</table>"},
		{"django/forms/table.html", "<table>\nX\n</table>"},
		{"django/forms/formsets/table.html", "<table>\nX\n</table>"},
		{"django/forms/ul.html", "<ul>\nX\n</ul>"},
		{"django/forms/div.html", "X"},
		{"django/forms/p.html", "X"},
		{"theme/table.html", "X"},
		{"", "X"},
	}
	for _, tt := range tests {
		if got := a11y.WrapForm(tt.template, "X"); got != tt.want {
			t.Errorf("WrapForm(%q) = %q, want %q", tt.template, got, tt.want)
		}
	}
}

func TestFormPage(t *testing.T) {
	d := forms.MustDeclare(forms.Named("name", forms.NewCharField()))
	tests := []struct {
		renderer renderers.Renderer
		want     []string
	}{
		{renderers.NewDjangoTemplates(), []string{"<table>\n<tr>", `<title>Name form</title>`}},
		{renderers.NewAccessible(), []string{`<span class="required"> (required)</span>`, `autocomplete="name"`}},
	}
	for _, tt := range tests {
		p, err := a11y.FormPage("Name form", d.New(forms.Options{Renderer: tt.renderer}))
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != "Name form" {
			t.Errorf("Name = %q", p.Name)
		}
		for _, w := range tt.want {
			if !strings.Contains(p.HTML, w) {
				t.Errorf("%T: page lacks %q:\n%s", tt.renderer, w, p.HTML)
			}
		}
	}
	if _, err := a11y.FormPage("nil", nil); err == nil {
		t.Error("FormPage(nil form): no error")
	}
}
