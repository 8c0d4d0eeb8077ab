package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderSelfIncludingTemplate: a case whose template includes
// itself is reported as a RecursionError naming the chain, the other cases still render (before, pongo2 overflowed the
// stack and the process died, and jet ran for minutes).
func TestRenderSelfIncludingTemplate(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	django := write("loop_django.json", `{"form": {"fields": [{"name": "a", "type": "CharField"}]}, "renderer": "DjangoDivFormRenderer",
		"templates": {"django/forms/div.html": "{% include 'django/forms/div.html' %}"}, "outputs": ["str"]}`)
	// Inline templates are Django syntax only for now; the serve test
	// below covers jet through a theme directory.
	for _, c := range []string{django} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"render", c, "../../examples/cases/contact_div.json"}, &stdout, &stderr)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", filepath.Base(c), code)
		}
		if !strings.Contains(stderr.String(), "RecursionError") || !strings.Contains(stderr.String(), "django/forms/div.html > django/forms/div.html") {
			t.Errorf("%s: stderr does not name the recursion:\n%s", filepath.Base(c), stderr.String())
		}
		if !strings.Contains(stdout.String(), `"outputs"`) {
			t.Errorf("%s: the other case was not rendered", filepath.Base(c))
		}
	}
}

// TestServeSelfIncludingTheme: a theme template that includes itself is
// shown as an error in the page, with its file, and the server lives on.
func TestServeSelfIncludingTheme(t *testing.T) {
	dir := t.TempDir()
	div := filepath.Join(dir, "django", "forms", "div.html")
	os.MkdirAll(filepath.Dir(div), 0o755)
	os.WriteFile(div, []byte(`{% include "django/forms/div.html" %}`), 0o644)
	jdiv := filepath.Join(dir, "jinja2", "django", "forms", "div.html")
	os.MkdirAll(filepath.Dir(jdiv), 0o755)
	os.WriteFile(jdiv, []byte(`{{ include "django/forms/div.html" }}`), 0o644)
	h, err := newPreview(exampleCases(t), dir)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		code, body := do(t, h, "GET", "/case/contact_div.json", nil)
		if code != 200 || strings.Count(body, "RecursionError") < 2 {
			t.Fatalf("status %d; page names RecursionError %d times", code, strings.Count(body, "RecursionError"))
		}
	}
}
