package formspec_test

// Fuzz target of a case's own templates. Run it with
//
//	go test -run='^$' -fuzz=FuzzCaseTemplates -fuzztime=60s ./formspec

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
)

// FuzzCaseTemplates runs a case whose templates (a theme's overrides of
// the form, field and widget templates) are any text: the case renders or
// returns an error, and never panics, overflows the stack or spins; a
// template that reads a host file (pongo2's ssi) fails. The same sources
// go through the Jinja-style engine as a theme overlay.
func FuzzCaseTemplates(f *testing.F) {
	f.Add(`{% for field in form %}{{ field }}{% endfor %}`, `<input name="{{ widget.name }}">`)
	f.Add(`{% include "django/forms/div.html" %}`, `{% include widget.template_name %}`)
	f.Add(`{% extends "django/forms/div.html" %}`, `{% extends "django/forms/widgets/input.html" %}`)
	f.Add(`{% ssi "/etc/passwd" %}`, `{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}`)
	f.Add(`{{ include "django/forms/div.html" }}`, `{{ include widget.template_name }}`)
	f.Add(`{{ extends "django/forms/widgets/input.html" }}`, `{{ import "django/forms/div.html" }}{{ exec("x") }}`)
	f.Add(`{% for x in %}`, `{{ if }}`)
	f.Add(`{{ block b() }}x{{- yield b() -}}{{ end }}`, `{{ block c() }}{{ yield c() }}{{ end }}`)
	f.Add(`{% with a=form %}{% include "django/forms/widgets/input.html" with widget=a only %}{% endwith %}`, `{{ yield x() }}`)
	f.Fuzz(runCaseTemplates)
}

// runCaseTemplates is one input of FuzzCaseTemplates: form and widget are
// the sources of the form template and of input.html.
func runCaseTemplates(t *testing.T, form, widget string) {
	if len(form)+len(widget) > 2<<10 {
		return
	}
	doc, _ := json.Marshal(map[string]any{
		"renderer": "DjangoDivFormRenderer",
		"form": map[string]any{"fields": []any{
			map[string]any{"name": "a", "type": "CharField"},
			map[string]any{"name": "b", "type": "ChoiceField", "choices": [][]string{{"x", "X"}}, "widget": "RadioSelect"},
		}},
		"bind":      map[string]any{"data": map[string]any{"a": "1"}},
		"templates": map[string]string{"django/forms/div.html": form, "django/forms/widgets/input.html": widget},
		"outputs":   []string{"str", "as_p"},
	})
	c, err := formspec.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("the case itself does not parse: %v", err)
	}
	if res, err := c.Run(); err == nil {
		if s, _ := res.Outputs["str"].(string); strings.Contains(s, "root:x:0:0") {
			t.Fatal("a template read /etc/passwd")
		}
	}
	jet := &renderers.Jinja2{FormTemplate: renderers.DivFormTemplate, Overlay: fstest.MapFS{
		"django/forms/div.html":           {Data: []byte(form)},
		"django/forms/widgets/input.html": {Data: []byte(widget)},
	}}
	if res, err := c.RunWith(jet); err == nil {
		if s, _ := res.Outputs["str"].(string); strings.Contains(s, "root:x:0:0") {
			t.Fatal("a template read /etc/passwd")
		}
	}
}
