package readme

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
)

// TestREADMEShowsThisCode: the first Go block of the README's "In Go"
// section is this package's code, byte for byte.
func TestREADMEShowsThisCode(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## In Go\n")
	if !ok {
		t.Fatal(`README has no "## In Go" section`)
	}
	_, block, ok := strings.Cut(section, "```go\n")
	if !ok {
		t.Fatal(`"In Go" has no Go block`)
	}
	block, _, ok = strings.Cut(block, "```\n")
	if !ok {
		t.Fatal("the Go block is not closed")
	}
	src, err := os.ReadFile("signup.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(src), "\n"+block) {
		t.Errorf("README's signup example differs from signup.go; README shows:\n%s", block)
	}
	if n := strings.Count(block, "\n"); n < 20 {
		t.Errorf("the README block is %d lines; expected the whole handler and page", n)
	}
}

// TestSignupHandler posts to the README's handler.
func TestSignupHandler(t *testing.T) {
	post := func(v url.Values) (int, string) {
		r := httptest.NewRequest(http.MethodPost, "/signup", strings.NewReader(v.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		signupHandler(w, r)
		return w.Code, w.Body.String()
	}
	if code, body := post(url.Values{"name": {"Ada"}, "email": {"ada@example.com"}, "age": {"36"}}); code != 200 || body != "Welcome, Ada (36)" {
		t.Errorf("valid POST: %d %q", code, body)
	}
	code, body := post(url.Values{"name": {"Bo"}, "email": {"bo@"}, "age": {"99999999999999999999"}})
	for _, want := range []string{"Enter a valid email address.", "Ensure this value is less than or equal to", `<form method="post">`, `</tr><button>Sign up</button></form>`, `value="Bo"`} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("invalid POST: %d, page lacks %q:\n%s", code, want, body)
		}
	}
	if strings.Contains(body, "&lt;") {
		t.Errorf("the form's markup is escaped:\n%s", body)
	}
	w := httptest.NewRecorder()
	signupHandler(w, httptest.NewRequest(http.MethodGet, "/signup", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `<input type="text" name="name" maxlength="40" required id="id_name">`) {
		t.Errorf("GET: %d\n%s", w.Code, w.Body.String())
	}
}
