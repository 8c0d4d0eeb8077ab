package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/formwork/formwork/examples/exampleapp"
)

// themeWithSecret makes a theme directory and, beside it, a file the
// server must never show.
func themeWithSecret(t *testing.T) (theme, secret string) {
	t.Helper()
	dir := t.TempDir()
	theme = filepath.Join(dir, "theme")
	if err := os.MkdirAll(filepath.Join(theme, "django", "forms"), 0o755); err != nil {
		t.Fatal(err)
	}
	secret = filepath.Join(dir, "secret.html")
	if err := os.WriteFile(secret, []byte("SECRET-LINE-1\n{% for x in %}SECRET-LINE-2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return theme, secret
}

// TestServeShowsNoFileOutsideTheme replays the disclosure: messages that
// repeat request text (an unknown renderer, an unknown language) named
// a file and a line, which the explainer read and showed wherever the
// file was. Now request text never chooses a file, and a template is
// read only inside the theme directory, symbolic links included.
func TestServeShowsNoFileOutsideTheme(t *testing.T) {
	theme, secret := themeWithSecret(t)
	h, err := newPreview(exampleCases(t), theme)
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(theme, secret)
	for _, q := range []string{
		"renderer=" + url.QueryEscape("in "+rel+" | Line 1"),
		"renderer=" + url.QueryEscape("in ../../../../"+strings.TrimPrefix(secret, "/")+" | Line 1"),
		"lang=" + url.QueryEscape("in "+rel+" | Line 1"),
		"renderer=" + url.QueryEscape("template: "+rel+":1: x"),
	} {
		code, body := do(t, h, "GET", "/case/contact_div.json?"+q, nil)
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", q, code)
		}
		if strings.Contains(body, "SECRET-LINE") {
			t.Errorf("?%s shows the secret file's text", q)
		}
		if !strings.Contains(body, `class="error"`) {
			t.Errorf("?%s shows no error", q)
		}
	}

	// A theme template that is a symbolic link out of the theme: it
	// renders (the theme is the author's), but its lines are not read
	// by the explainer.
	if err := os.Symlink(secret, filepath.Join(theme, "django", "forms", "div.html")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	_, body := do(t, h, "GET", "/case/contact_div.json", nil)
	if strings.Contains(body, "<code>{% for x in %}SECRET-LINE-2</code>") {
		t.Error("the explainer read a line through a symbolic link out of the theme")
	}
	// The same broken template inside the theme is explained in full.
	os.Remove(filepath.Join(theme, "django", "forms", "div.html"))
	os.WriteFile(filepath.Join(theme, "django", "forms", "div.html"), []byte("ok\n{% for x in %}INSIDE\n"), 0o644)
	if _, body := do(t, h, "GET", "/case/contact_div.json", nil); !strings.Contains(body, "<code>{% for x in %}INSIDE</code>") {
		t.Error("a broken theme template is no longer explained")
	}
}

// TestServeHosts: only loopback names, the address serve was given and
// --allow-host are answered, which defeats DNS rebinding.
func TestServeHosts(t *testing.T) {
	h, err := newPreview(exampleCases(t), "")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer("192.0.2.7:8080", h, []string{"preview.lan"})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "LOCALHOST.": 200, "[::1]:8080": 200, "app.localhost": 200,
		"192.0.2.7:8080": 200, "preview.lan": 200,
		"evil.example": 400, "evil.example:8080": 400, "127.0.0.1.evil.example": 400, "": 400,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		srv.Handler.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, w.Code, want)
		}
	}
	if hs := allowedHosts("0.0.0.0:80", nil); len(hs) != 0 {
		t.Errorf("an unspecified address allows %v", hs)
	}
}

// TestServeCrossOrigin: every state-changing route, the preview's live
// form and the example application, refuses a cross-site POST.
func TestServeCrossOrigin(t *testing.T) {
	h, err := newPreview(exampleCases(t), "")
	if err != nil {
		t.Fatal(err)
	}
	app, err := exampleapp.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	h.mux.Handle("/app/", http.StripPrefix("/app", app))
	handler := newServer("127.0.0.1:8080", h, nil).Handler
	for _, path := range []string{"/case/contact_div.json", "/app/books", "/app/contact"} {
		r := httptest.NewRequest("POST", "http://127.0.0.1:8080"+path, strings.NewReader("name=x"))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Origin", "https://evil.example")
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, r)
		if w.Code != http.StatusForbidden {
			t.Errorf("cross-site POST %s: status %d, want 403", path, w.Code)
		}
		r.Header.Set("Origin", "http://127.0.0.1:8080")
		w = httptest.NewRecorder()
		handler.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Errorf("same-origin POST %s: status %d", path, w.Code)
		}
	}
}

// TestServeTimeouts: serve's server has the example application's
// timeouts (exampleapp.TestServerTimeouts checks that they close a slow
// client).
func TestServeTimeouts(t *testing.T) {
	srv := newServer("127.0.0.1:0", http.NotFoundHandler(), nil)
	if srv.ReadHeaderTimeout != exampleapp.ReadHeaderTimeout || srv.ReadTimeout != exampleapp.ReadTimeout ||
		srv.WriteTimeout != exampleapp.WriteTimeout || srv.IdleTimeout != exampleapp.IdleTimeout {
		t.Errorf("serve's timeouts: %v %v %v %v", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
}
