package exampleapp

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// FuzzHandlers sends any body, of any of the content types a form posts,
// to every page of one application: no input may panic or give a 5xx.
// The application is shared, so a POST that saves changes what later
// inputs meet, as on a live server.
func FuzzHandlers(f *testing.F) {
	a := newApp(f)
	paths := []string{"/", "/contact", "/order", "/books", "/nope", "/signup", "/author?id=1", "/author?id=-1"}
	ctypes := []string{"application/x-www-form-urlencoded", "multipart/form-data; boundary=B", "text/plain", ""}
	seed := func(path, ctype int, body string) { f.Add(uint8(path), uint8(ctype), true, []byte(body), "fr") }
	seed(1, 0, url.Values{"name": {"Ann"}, "email": {"a@b.c"}, "topic": {"q"}, "message": {"hi"}}.Encode())
	seed(2, 0, "form-TOTAL_FORMS=2&form-INITIAL_FORMS=0&form-0-item=pen&form-0-quantity=3")
	seed(2, 0, "form-TOTAL_FORMS=1&form-INITIAL_FORMS=0&form-0-item=pen&form-0-quantity=-99999999999999999999")
	seed(2, 0, "form-TOTAL_FORMS=999999999999&form-INITIAL_FORMS=-1&form-MAX_NUM_FORMS=x")
	seed(3, 0, "form-TOTAL_FORMS=2&form-INITIAL_FORMS=2&form-0-id=1&form-0-title=A&form-0-price=1e9999&form-1-id=x")
	seed(3, 0, "form-TOTAL_FORMS=1&form-INITIAL_FORMS=1&form-0-id=99999999999999999999999&form-0-price=1")
	seed(3, 1, "--B\r\nContent-Disposition: form-data; name=\"form-TOTAL_FORMS\"\r\n\r\n1\r\n--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nxx\r\n--B--\r\n")
	seed(1, 1, "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n")
	seed(0, 2, "x")
	seed(5, 0, url.Values{"username": {"ann"}, "email": {"a@b.c"}, "plan": {"team"}, "born": {"1990-02-30"},
		"password": {"12345678"}, "password2": {"12345678"}, "terms": {"on"}}.Encode())
	seed(6, 0, "name=Ann&book_set-TOTAL_FORMS=2&book_set-INITIAL_FORMS=1&book_set-0-id=1&book_set-0-title=T&book_set-0-price=1e400&book_set-1-title=U&book_set-1-price=2&book_set-1-author=2")
	seed(6, 0, "name=&book_set-TOTAL_FORMS=1&book_set-INITIAL_FORMS=1&book_set-0-id=99999999999999999999&book_set-0-DELETE=on")
	f.Add(uint8(1), uint8(0), false, []byte("name=x"), "zh-Hans;q=0.5, *")
	f.Fuzz(func(t *testing.T, path, ctype uint8, isPost bool, body []byte, lang string) {
		method := http.MethodGet
		if isPost {
			method = http.MethodPost
		}
		r := httptest.NewRequest(method, "http://app.test"+paths[int(path)%len(paths)], bytes.NewReader(body))
		if ct := ctypes[int(ctype)%len(ctypes)]; ct != "" {
			r.Header.Set("Content-Type", ct)
		}
		r.Header.Set("Accept-Language", lang)
		w := httptest.NewRecorder()
		a.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s: status %d: %s", method, r.URL.Path, w.Code, w.Body)
		}
	})
}
