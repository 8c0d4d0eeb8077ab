package exampleapp

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func newApp(t testing.TB) *App {
	t.Helper()
	a, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func post(a http.Handler, path string, form string, hdr map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "http://app.test"+path, strings.NewReader(form))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	return w
}

// TestCrossSitePost: a POST another site's page makes (a browser sends
// its Origin, or Sec-Fetch-Site) is refused and saves nothing; the same
// POST from the application's own pages goes through.
func TestCrossSitePost(t *testing.T) {
	a := newApp(t)
	rename := url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"2"},
		"form-0-id": {"1"}, "form-0-title": {"Pwned"}, "form-0-price": {"9.99"},
		"form-1-id": {"2"}, "form-1-title": {"Emma"}, "form-1-price": {"4.50"}}.Encode()
	for _, hdr := range []map[string]string{
		{"Origin": "https://evil.example"},
		{"Sec-Fetch-Site": "cross-site"},
	} {
		for _, path := range []string{"/books", "/contact", "/order", "/signup", "/author?id=1"} {
			if w := post(a, path, rename, hdr); w.Code != http.StatusForbidden {
				t.Errorf("POST %s with %v: status %d, want 403", path, hdr, w.Code)
			}
		}
	}
	r := httptest.NewRequest(http.MethodGet, "http://app.test/books", nil)
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	if strings.Contains(w.Body.String(), "Pwned") {
		t.Fatal("a cross-site POST renamed a book")
	}
	if w := post(a, "/books", rename, map[string]string{"Origin": "http://app.test"}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Saved: 1 changed.") {
		t.Errorf("same-origin POST: status %d\n%s", w.Code, w.Body)
	}
}

// TestRequestLimits: the pages bind with Django's request limits.
func TestRequestLimits(t *testing.T) {
	a := newApp(t)
	many := url.Values{}
	for i := range 1001 {
		many.Set(fmt.Sprintf("f%d", i), "x")
	}
	for _, tt := range []struct {
		name, path, body string
		want             int
	}{
		{"3 MB of data", "/contact", "name=" + strings.Repeat("x", 3<<20), http.StatusBadRequest},
		{"1001 fields", "/order", many.Encode(), http.StatusBadRequest},
		{"1001 fields to the model formset", "/books", many.Encode(), http.StatusBadRequest},
		{"a body past MaxBodyBytes", "/books", strings.Repeat("x", MaxBodyBytes+1), http.StatusBadRequest},
		{"3 MB to the signup form", "/signup", "username=" + strings.Repeat("x", 3<<20), http.StatusBadRequest},
		{"1001 fields to the inline formset", "/author?id=1", many.Encode(), http.StatusBadRequest},
	} {
		w := post(a, tt.path, tt.body, nil)
		if w.Code != tt.want {
			t.Errorf("%s: status %d, want %d: %s", tt.name, w.Code, tt.want, w.Body.String()[:min(200, w.Body.Len())])
		}
		// The visitor sees the status text, never the limit's own message.
		if got, want := strings.TrimSpace(w.Body.String()), http.StatusText(tt.want); got != want {
			t.Errorf("%s: body %q, want only %q", tt.name, got[:min(200, len(got))], want)
		}
	}
}

// TestServerTimeouts: a client that sends half a request line and then
// nothing is disconnected after ReadHeaderTimeout (without timeouts 500
// such clients were held for as long as they liked).
func TestServerTimeouts(t *testing.T) {
	t.Parallel()
	srv := NewServer("127.0.0.1:0", newApp(t))
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Fatalf("server without timeouts: %+v", srv)
	}
	if testing.Short() {
		t.Skipf("-short: holding a slow client for ReadHeaderTimeout (%v) is skipped", ReadHeaderTimeout)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "GET /contact HTTP/1.1\r\nHost: app.test\r\n") // and never the blank line
	start := time.Now()
	// The deadline only stops a broken test from hanging.
	c.SetReadDeadline(time.Now().Add(ReadHeaderTimeout + 30*time.Second))
	_, err = io.ReadAll(bufio.NewReader(c))
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("the server still held the connection after %v", time.Since(start))
	}
}
