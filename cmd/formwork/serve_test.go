package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func exampleCases(t *testing.T) []string {
	t.Helper()
	m, err := filepath.Glob("../../examples/cases/*.json")
	if err != nil || len(m) == 0 {
		t.Fatalf("no example cases: %v", err)
	}
	return m
}

// get performs a request on h and returns the status and body.
func do(t *testing.T, h http.Handler, method, target string, form url.Values) (int, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code, w.Body.String()
}

func TestServeGallery(t *testing.T) {
	cases := exampleCases(t)
	h, err := newPreview(cases, "")
	if err != nil {
		t.Fatal(err)
	}
	code, body := do(t, h, "GET", "/", nil)
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	for _, c := range cases {
		link := `href="/case/` + filepath.Base(c) + `"`
		if !strings.Contains(body, link) {
			t.Errorf("gallery lacks %s", link)
		}
	}
	if strings.Contains(body, `class="error"`) {
		t.Errorf("gallery shows an error:\n%s", body)
	}
}

func TestServeCasePage(t *testing.T) {
	h, err := newPreview(exampleCases(t), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		method string
		target string
		form   url.Values
		want   []string
		status int
	}{
		{"every renderer", "GET", "/case/contact_div.json", nil,
			[]string{`id="DjangoTemplates"`, `id="DjangoDivFormRenderer"`, `id="Jinja2"`, `id="Jinja2DivFormRenderer"`, `id="AccessibleFormRenderer"`, `<form class="card" method="post"`}, 200},
		{"post with errors", "POST", "/case/contact_div.json", url.Values{"name": {""}, "email": {"nope"}},
			[]string{"Not valid", "Enter a valid email address.", `value="nope"`}, 200},
		{"post in French", "POST", "/case/contact_div.json?lang=fr", url.Values{"email": {"nope"}},
			[]string{"Saisissez une adresse de courriel valide.", `lang="fr" dir="ltr"`}, 200},
		{"post in Arabic, right to left", "POST", "/case/contact_div.json?lang=ar-EG", url.Values{"email": {"nope"}},
			[]string{"أدخِل عنوان بريد إلكتروني صحيح.", `lang="ar" dir="rtl"`}, 200},
		{"unknown case", "GET", "/case/nope.json", nil, []string{"no case named"}, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, h, tt.method, tt.target, tt.form)
			if code != tt.status {
				t.Fatalf("status %d, want %d", code, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if tt.status == 200 && tt.method == "GET" && strings.Contains(body, `class="error"`) {
				t.Errorf("page shows an error")
			}
		})
	}
	// Each renderer's section holds that renderer's own rendering of the
	// form (the Jinja2 table style differs from the div style).
	_, body := do(t, h, "GET", "/case/contact_div.json", nil)
	for _, rn := range rendererNames {
		i := strings.Index(body, `id="`+rn+`"`)
		if i < 0 {
			t.Fatalf("no section for %s", rn)
		}
		sec := body[i:]
		if j := strings.Index(sec[1:], `<section`); j > 0 {
			sec = sec[:j]
		}
		if !strings.Contains(sec, `name="email"`) {
			t.Errorf("%s section has no form", rn)
		}
	}
}

func TestServeValidPost(t *testing.T) {
	h, _ := newPreview(exampleCases(t), "")
	form := url.Values{"name": {"Ann"}, "email": {"ann@example.com"}, "topic": {"q"}, "message": {"Hi"}, "copies": {"2"}}
	_, body := do(t, h, "POST", "/case/contact_div.json", form)
	if !strings.Contains(body, "Valid. Cleaned data:") || !strings.Contains(body, "ann@example.com") {
		t.Errorf("valid post not reported:\n%s", body)
	}
}

func TestServeTemplateReload(t *testing.T) {
	dir := t.TempDir()
	div := filepath.Join(dir, "django", "forms", "div.html")
	if err := os.MkdirAll(filepath.Dir(div), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(s string) {
		if err := os.WriteFile(div, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := newPreview(exampleCases(t), dir)
	if err != nil {
		t.Fatal(err)
	}
	write(`<p class="theme">THEME-ONE</p>{% for field in form %}{{ field }}{% endfor %}`)
	if _, body := do(t, h, "GET", "/case/contact_div.json", nil); !strings.Contains(body, "THEME-ONE") {
		t.Fatal("theme template not used")
	}
	write(`<p class="theme">THEME-TWO</p>{% for field in form %}{{ field }}{% endfor %}`)
	_, body := do(t, h, "GET", "/case/contact_div.json", nil)
	if !strings.Contains(body, "THEME-TWO") || strings.Contains(body, "THEME-ONE") {
		t.Fatal("edited template not reloaded")
	}

	write("<p>fine</p>\n{% for x in %}\n")
	code, body := do(t, h, "GET", "/case/contact_div.json", nil)
	if code != http.StatusOK {
		t.Fatalf("broken template gave status %d", code)
	}
	for _, want := range []string{`class="error"`, div, "line 2", "{% for x in %}"} {
		if !strings.Contains(body, want) {
			t.Errorf("error display lacks %q", want)
		}
	}

	// A broken Jinja2 template is reported with its file and line too.
	jdiv := filepath.Join(dir, "jinja2", "django", "forms", "div.html")
	os.MkdirAll(filepath.Dir(jdiv), 0o755)
	os.WriteFile(jdiv, []byte("ok\n{{ if }}\n"), 0o644)
	_, body = do(t, h, "GET", "/case/contact_div.json", nil)
	if !strings.Contains(body, jdiv) || !strings.Contains(body, "line 2") {
		t.Errorf("jinja2 error display lacks %s, line 2", jdiv)
	}
}

func TestServeArgs(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"serve", "--templates", "/no/such/dir", "x.json"}, io.Discard, &stderr); code != 1 || !strings.Contains(stderr.String(), "/no/such/dir") {
		t.Errorf("code %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"serve", "--bogus"}, io.Discard, &stderr); code != 2 {
		t.Errorf("bad flag: code %d", code)
	}
}

// TestServeScreenshot renders the gallery in headless Chromium and checks
// a real picture came out.
func TestServeScreenshot(t *testing.T) {
	chromium := "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required when CI=true: %v", err)
		}
		t.Skipf("no %s (install Debian's chromium to run this test): %v", chromium, err)
	}
	h, err := newPreview(exampleCases(t), "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	png := filepath.Join(t.TempDir(), "gallery.png")
	if out := os.Getenv("FORMWORK_SCREENSHOT"); out != "" {
		png = out // keep the picture to look at
	}
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--screenshot="+png, "--window-size=1280,2000", srv.URL+"/")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	st, err := os.Stat(png)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if st.Size() <= 10*1024 {
		t.Errorf("screenshot is %d bytes, want more than 10 KB", st.Size())
	}
	b, _ := os.ReadFile(png)
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Error("screenshot is not a PNG")
	}
}
