package main

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/formwork/formwork/examples/exampleapp"
)

// TestServeTheme: the switcher selects a theme for the renderings and the
// live form, the header names it and lists the templates it overrides,
// and the stylesheet is linked when installed, else the page says how to
// install it.
func TestServeTheme(t *testing.T) {
	t.Setenv("FORMWORK_THEME_CSS", t.TempDir()) // nothing installed
	h, err := newPreview(exampleCases(t), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target string
		want   []string
		not    []string
	}{
		{"/case/contact_invalid.json?theme=govuk", []string{"theme: <strong>govuk</strong>", "govuk-input--error", "govuk-error-summary", "<code>formwork/field.html</code>", "bash .ci/themes-install.sh", `href="?renderer=Jinja2&amp;theme=govuk#live"`}, []string{`href="/theme/govuk.css"`}},
		{"/case/contact_invalid.json?theme=bootstrap5&renderer=Jinja2DivFormRenderer", []string{"theme: <strong>bootstrap5</strong>", "form-control", "is-invalid", "<code>django/forms/widgets/attrs.html</code>"}, nil},
		{"/?theme=govuk", []string{"govuk-form-group", `href="/case/contact_invalid.json?theme=govuk"`}, nil},
		{"/case/contact_invalid.json", []string{"theme: <strong>built-in templates</strong>"}, []string{"govuk-", "form-control"}},
	}
	for _, tt := range tests {
		code, body := do(t, h, "GET", tt.target, nil)
		if code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.target, code, body)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", tt.target, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(body, w) {
				t.Errorf("%s: page has %q", tt.target, w)
			}
		}
	}
	if code, body := do(t, h, "GET", "/case/contact_invalid.json?theme=nope", nil); code != http.StatusBadRequest || !strings.Contains(body, `unknown theme "nope"`) {
		t.Errorf("unknown theme: %d %s", code, body)
	}
	if code, body := do(t, h, "GET", "/theme/govuk.css", nil); code != http.StatusNotFound || !strings.Contains(body, "themes-install.sh") {
		t.Errorf("stylesheet not installed: %d %s", code, body)
	}
	code, body := do(t, h, "POST", "/case/contact_invalid.json?renderer=DjangoDivFormRenderer&theme=govuk", url.Values{"name": {""}})
	if code != http.StatusOK || strings.Count(body, "govuk-error-summary__title") < 2 {
		t.Errorf("live form with the theme: %d, %d summaries", code, strings.Count(body, "govuk-error-summary__title"))
	}
}

// TestServeThemeCSS serves an installed stylesheet.
func TestServeThemeCSS(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("FORMWORK_THEME_CSS", dir)
	writeFile(t, dir+"/bootstrap/dist/css/bootstrap.min.css", ".form-control{}")
	h, err := newPreview(exampleCases(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if code, body := do(t, h, "GET", "/theme/bootstrap5.css", nil); code != http.StatusOK || body != ".form-control{}" {
		t.Errorf("stylesheet: %d %q", code, body)
	}
	if _, body := do(t, h, "GET", "/?theme=bootstrap5", nil); !strings.Contains(body, `<link rel="stylesheet" href="/theme/bootstrap5.css">`) {
		t.Errorf("gallery does not link the stylesheet")
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeAppLook: /app/ renders with --theme and --templates.
func TestServeAppLook(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("FORMWORK_THEME_CSS", dir)
	writeFile(t, dir+"/govuk-frontend/dist/govuk/govuk-frontend.min.css", ".govuk-input{}")
	tdir := t.TempDir()
	writeFile(t, tdir+"/formwork/messages.html", `<p class="mine">{{ field.help_text }}</p>`)
	h, err := newPreview(exampleCases(t), tdir)
	if err != nil {
		t.Fatal(err)
	}
	h.theme = "govuk"
	look := h.appLook()
	if look.Stylesheet != "/theme/govuk.css" {
		t.Errorf("stylesheet %q", look.Stylesheet)
	}
	app, err := exampleapp.NewWithLook(t.Context(), look)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	code, body := do(t, app, "GET", "/contact", nil)
	for _, w := range []string{`<link rel="stylesheet" href="/theme/govuk.css">`, "govuk-form-group", `class="mine"`} {
		if code != http.StatusOK || !strings.Contains(body, w) {
			t.Errorf("/contact (%d) lacks %q", code, w)
		}
	}
}

// TestServeAppInstallNote: /app/ in a theme whose stylesheet is not
// installed says how to install it, and still renders the theme's markup.
func TestServeAppInstallNote(t *testing.T) {
	t.Setenv("FORMWORK_THEME_CSS", t.TempDir()) // nothing installed
	h, err := newPreview(exampleCases(t), "")
	if err != nil {
		t.Fatal(err)
	}
	h.theme = "bootstrap5"
	look := h.appLook()
	if look.Stylesheet != "" {
		t.Errorf("stylesheet %q linked, but none is installed", look.Stylesheet)
	}
	app, err := exampleapp.NewWithLook(t.Context(), look)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	code, body := do(t, app, "GET", "/signup", nil)
	for _, w := range []string{"bootstrap5&#39;s stylesheet (npm bootstrap) is not installed", "run bash .ci/themes-install.sh", `class="form-control"`, `class="btn btn-primary"`} {
		if code != http.StatusOK || !strings.Contains(body, w) {
			t.Errorf("/signup (%d) lacks %q", code, w)
		}
	}
}

// TestServeAppBuiltIn: /app/ with the built-in templates and --templates
// takes the directory's templates first and keeps the application's own
// formset template (a fieldset per form) under them.
func TestServeAppBuiltIn(t *testing.T) {
	tdir := t.TempDir()
	writeFile(t, tdir+"/django/forms/errors/list/ul.html", `<ul class="mine">{% for error in errors %}<li>{{ error }}</li>{% endfor %}</ul>`)
	h, err := newPreview(exampleCases(t), tdir)
	if err != nil {
		t.Fatal(err)
	}
	app, err := exampleapp.NewWithLook(t.Context(), h.appLook())
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	code, body := do(t, app, "POST", "/order", url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"0"}, "form-0-item": {"pen"}, "form-0-quantity": {"0"}})
	if n := strings.Count(body, `<fieldset class="formset-form">`); code != http.StatusOK || n != 2 {
		t.Errorf("/order (%d): %d formset fieldsets, want 2", code, n)
	}
	if !strings.Contains(body, `<ul class="mine"><li>Ensure this value is greater than or equal to 1.</li></ul>`) {
		t.Errorf("/order does not use --templates' error list:\n%s", body)
	}
}
