package main

import (
	"html"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeJetThemeError: a jet template of the theme under --templates
// that does not parse, or uses a variable it does not have, is shown on
// the case page with its file in the theme directory, the line and the
// line's text; the message names the template as the directory holds it,
// without jet's doubled include path or formwork's internal variables.
func TestServeJetThemeError(t *testing.T) {
	for _, tc := range []struct {
		name, src, text, msg string
	}{
		{"does not parse", "<p>\n{{ if field.errors() }}\n<b>x</b>\n", "<b>x</b>",
			"template: formwork/messages.html:3: unexpected EOF (included from formwork/field.html:"},
		{"undefined variable", "<p>\n\n{{ nosuchvar.label }}</p>\n", "{{ nosuchvar.label }}</p>",
			`template: formwork/messages.html:3: undefined variable "nosuchvar"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "jinja2", "formwork", "messages.html")
			writeFile(t, file, tc.src)
			h, err := newPreview(exampleCases(t), dir)
			if err != nil {
				t.Fatal(err)
			}
			h.theme = "govuk"
			code, body := do(t, h, "GET", "/case/contact_div.json?renderer=Jinja2", nil)
			if code != http.StatusOK {
				t.Fatalf("status %d", code)
			}
			i := strings.Index(body, `id="Jinja2"`)
			if i < 0 {
				t.Fatal("no Jinja2 card")
			}
			card := html.UnescapeString(body[i : i+strings.Index(body[i:], "</section>")])
			for _, want := range []string{file + ", line 3", tc.text, tc.msg} {
				if !strings.Contains(card, want) {
					t.Errorf("the Jinja2 card lacks %q:\n%s", want, card)
				}
			}
			for _, bad := range []string{"_fw_", "map[", "Jet Runtime Error", "formwork/formwork"} {
				if strings.Contains(body, bad) {
					t.Errorf("the page shows %q", bad)
				}
			}
		})
	}
}
