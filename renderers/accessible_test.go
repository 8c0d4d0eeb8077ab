package renderers_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/renderers"
)

func TestAutocompleteToken(t *testing.T) {
	tests := []struct{ widgetType, name, want string }{
		{"email", "contact", "email"},
		{"url", "homepage", "url"},
		{"password", "password", "current-password"},
		{"password", "new_password", "new-password"},
		{"password", "password2", "new-password"},
		{"password", "confirm-password", "new-password"},
		{"text", "name", "name"},
		{"text", "First_Name", "given-name"},
		{"text", "phone", "tel"},
		{"textarea", "address", "street-address"},
		{"text", "subject", ""},
		{"number", "phone", ""},
		{"radio", "name", ""},
		{"hidden", "email", ""},
	}
	for _, tt := range tests {
		if got := renderers.AutocompleteToken(tt.widgetType, tt.name); got != tt.want {
			t.Errorf("AutocompleteToken(%q, %q) = %q, want %q", tt.widgetType, tt.name, got, tt.want)
		}
	}
}

func TestAccessibleTemplates(t *testing.T) {
	var r renderers.Accessible // the zero value works
	if got := r.FormTemplateName(); got != renderers.DivFormTemplate {
		t.Errorf("FormTemplateName = %q", got)
	}
	if got := r.FormsetTemplateName(); got != renderers.DivFormsetTemplate {
		t.Errorf("FormsetTemplateName = %q", got)
	}
	ctx := renderers.Context{
		"label": renderers.Safe("Phone:"), "tag": "legend", "use_tag": true,
		"attrs": renderers.Attrs{"for": "id_phone_0", "class": "req"},
		"field": renderers.Object{"legend_id": "id_phone_legend", "field": renderers.Object{"required": true}},
	}
	got, err := renderers.RenderString(&r, "django/forms/label.html", ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := `<legend id="id_phone_legend" class="req">Phone:<span class="required"> (required)</span></legend>`
	if got != want {
		t.Errorf("legend:\n got %s\nwant %s", got, want)
	}

	// A theme's overlay comes first; the accessible templates next.
	themed := &renderers.Accessible{Overlay: fstest.MapFS{"django/forms/label.html": {Data: []byte("THEME {{ label }}")}}}
	got, err = renderers.RenderString(themed, "django/forms/label.html", ctx)
	if err != nil || got != "THEME Phone:" {
		t.Errorf("themed label = %q, %v", got, err)
	}
	got, err = renderers.RenderString(themed, "django/forms/errors/list/default.html", renderers.Context{})
	if err != nil || strings.TrimSpace(got) != "" {
		t.Errorf("built-in template through the layers = %q, %v", got, err)
	}
	if _, err := renderers.RenderString(themed, "no/such.html", nil); err == nil {
		t.Error("missing template: no error")
	}
}

// french is a translator of a few messages.
type french map[string]string

func (f french) Translate(m string) string {
	if s, ok := f[m]; ok {
		return s
	}
	return m
}

func TestTranslateTag(t *testing.T) {
	field := renderers.Object{renderers.TranslatorKey: french{"(required)": "(obligatoire)", "a&b": "a&b!", "Form %(number)s": "Formulaire %(number)s"}}
	tests := []struct {
		name, src string
		ctx       renderers.Context
		want      string
	}{
		{"no translator", `{% load i18n %}{% translate "There is a problem" %}`, renderers.Context{}, "There is a problem"},
		{"nil translator", `{% translate "x" %}`, renderers.Context{"form": renderers.Object{renderers.TranslatorKey: nil}}, "x"},
		{"field's", `{% translate "(required)" %}`, renderers.Context{"field": field}, "(obligatoire)"},
		{"form's", `{% translate "a&b" %}`, renderers.Context{"form": field}, "a&amp;b!"},
		{"formset's management form", `{% translate "Form %(number)s" number=n %}`,
			renderers.Context{"formset": renderers.Object{"management_form": field}, "n": 2}, "Formulaire 2"},
		{"loop variable", `{% for form in forms %}{% translate "Form %(number)s" number=forloop.counter %};{% endfor %}`,
			renderers.Context{"forms": []any{field, renderers.Object{}}}, "Formulaire 1;Form 2;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := &renderers.Accessible{Overlay: fstest.MapFS{"t.html": {Data: []byte(tt.src)}}}
			got, err := renderers.RenderString(th, "t.html", tt.ctx)
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	for _, src := range []string{`{% translate %}`, `{% translate x %}`, `{% translate "a" b %}`} {
		th := &renderers.Accessible{Overlay: fstest.MapFS{"bad.html": {Data: []byte(src)}}}
		if _, err := renderers.RenderString(th, "bad.html", renderers.Context{}); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}
