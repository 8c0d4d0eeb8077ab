package renderers_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/renderers"
)

// TestReadmeJinjaTable renders each row of the README's table of Jinja2
// constructs and their jet spelling ("Jinja2 theme templates"): the jet
// template the row spells, run by the Jinja2 renderer, and the Jinja2
// template, translated by TranslateJinja, print the same text. Each row's
// jet spelling must appear in the README, so that the table and this
// test do not drift apart.
func TestReadmeJinjaTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	field := renderers.Object{"label": "Name", "help_text": "As on your card",
		"errors":    func() any { return []any{"Required.", "Too short."} },
		"label_tag": func() any { return renderers.Safe(`<label for="id_name">Name:</label>`) }}
	ctx := renderers.Context{
		"a": true, "b": false, "c": true,
		"fields": []any{[]any{field, "E1"}, []any{renderers.Object{"label": "Email"}, "E2"}},
		"pairs":  []any{[]any{"k1", "v1"}, []any{"k2", "v2"}},
		"widget": renderers.Object{"attrs": renderers.Object{"class": "x", "id": "y"}},
		"field":  field,
		"xs":     []any{"p", "q", "r"},
		"y":      "why",
		"text":   renderers.Safe("<b>bold</b>"),
		"n5":     5,
		"form":   renderers.Object{},
	}
	for _, tc := range []struct {
		row        string // the jet spelling, as the README writes it
		jinja, jet string
		want       string
	}{
		{"`{{ if a && !b }}…{{ else if c }}…{{ end }}`",
			`{% if a and not b %}one{% elif c %}two{% endif %}{% if b %}one{% elif c %}two{% endif %}`,
			`{{ if a && !b }}one{{ else if c }}two{{ end }}{{ if b }}one{{ else if c }}two{{ end }}`, "onetwo"},
		{"`{{ range i, pair := fields }}{{ field, errors := pair[0], pair[1] }}`",
			`{% for field, errors in fields %}{{ field.label }}={{ errors }};{% endfor %}`,
			`{{ range i, pair := fields }}{{ field, errors := pair[0], pair[1] }}{{ field.label }}={{ errors }};{{ end }}`, "Name=E1;Email=E2;"},
		{"`{{ range p := iter(x) }}{{ a, b := p[0], p[1] }}`",
			`{% for a, b in pairs %}{{ a }}:{{ b }} {% endfor %}`,
			`{{ range p := iter(pairs) }}{{ a, b := p[0], p[1] }}{{ a }}:{{ b }} {{ end }}`, "k1:v1 k2:v2 "},
		{"`{{ range name, value := items(widget.attrs) }}`",
			`{% for name, value in widget.attrs.items() %} {{ name }}="{{ value }}"{% endfor %}`,
			`{{ range name, value := items(widget.attrs) }} {{ name }}="{{ value }}"{{ end }}`, ` class="x" id="y"`},
		{"`{{ range error := iter(field.errors()) }}`",
			`{% for error in field.errors %}[{{ error }}]{% endfor %}`,
			`{{ range error := iter(field.errors()) }}[{{ error }}]{{ end }}`, "[Required.][Too short.]"},
		{"`{{ range i, x := xs }}` and `i + 1`, `i == 0`, `i == len(xs) - 1`",
			`{% for x in xs %}{{ loop.index }}{{ x }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %} {% endfor %}`,
			`{{ range i, x := xs }}{{ i + 1 }}{{ x }}{{ if i == 0 }}F{{ end }}{{ if i == len(xs) - 1 }}L{{ end }} {{ end }}`, "1pF 2q 3rL "},
		{"`{{ n := 0 }}{{ range x := iter(xs) }}{{ n = n + 1 }}`",
			`{% for x in xs %}{{ loop.index }}{{ x }} {% endfor %}`,
			`{{ n := 0 }}{{ range x := iter(xs) }}{{ n = n + 1 }}{{ n }}{{ x }} {{ end }}`, "1p 2q 3r "},
		{"`{{ x := y }}`",
			`{% set x = y %}{{ x }}`,
			`{{ x := y }}{{ x }}`, "why"},
		{"`{{ text \\| safe }}`",
			`{{ text|safe }}{{ y|safe }}`,
			`{{ text | safe }}{{ y | safe }}`, "<b>bold</b>why"},
		{"`str(x)`",
			`{{ n5|string }}`,
			`{{ str(n5) }}`, "5"},
		{"`{{ include \"t.html\" }}`",
			`{% set x = y %}{% include "inc.html" %}`,
			`{{ x := y }}{{ include "inc.html" }}`, "[why]"},
		{"the same: a method or computed value is called with `()`",
			`{{ field.label_tag() }} {{ field.label }} {{ field.help_text }}`,
			`{{ field.label_tag() }} {{ field.label }} {{ field.help_text }}`, `<label for="id_name">Name:</label> Name As on your card`},
		{"`{{ translate(form, \"There is a problem\") }}`",
			"", // TranslateJinja has no _(): a theme spells translate(...)
			`{{ translate(form, "There is a problem") }}`, "There is a problem"},
	} {
		t.Run(tc.jet, func(t *testing.T) {
			if !strings.Contains(string(readme), tc.row) {
				t.Errorf("the README's table has no %s", tc.row)
			}
			jetOut, err := renderers.RenderString(&renderers.Jinja2{Overlay: fstest.MapFS{
				"t.html":   {Data: []byte(tc.jet)},
				"inc.html": {Data: []byte("[{{ x }}]")},
			}}, "t.html", ctx)
			if err != nil {
				t.Fatalf("jet: %v", err)
			}
			if jetOut != strings.TrimSpace(tc.want) { // RenderString trims the text
				t.Errorf("jet %s\n printed %q, want %q", tc.jet, jetOut, tc.want)
			}
			if tc.jinja == "" {
				return
			}
			jinjaOut, err := renderers.RenderString(&renderers.Jinja2{Overlay: renderers.JinjaFS(fstest.MapFS{
				"t.html":   {Data: []byte(tc.jinja)},
				"inc.html": {Data: []byte("[{{ x }}]")},
			})}, "t.html", ctx)
			if err != nil {
				t.Fatalf("Jinja2 through TranslateJinja: %v", err)
			}
			if jinjaOut != strings.TrimSpace(tc.want) {
				t.Errorf("Jinja2 %s\n printed %q, want %q", tc.jinja, jinjaOut, tc.want)
			}
		})
	}
}
