package exampleapp

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestApp(t *testing.T) {
	a, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(a)
	defer srv.Close()

	tests := []struct {
		name, method, path, lang string
		form                     url.Values
		want                     []string
	}{
		{"contact form", "GET", "/contact", "", nil, []string{`name="name"`, "Your name", `type="radio"`, "<textarea"}},
		{"contact errors in French", "POST", "/contact", "fr-CA", url.Values{"name": {""}, "email": {"x"}},
			[]string{"Ce champ est obligatoire.", "Saisissez une adresse de courriel valide."}},
		{"contact sent", "POST", "/contact", "", url.Values{"name": {"Ann"}, "email": {"ann@example.com"}, "topic": {"q"}, "message": {"Hi"}},
			[]string{"Thank you, Ann: we will answer at ann@example.com."}},
		{"order formset", "GET", "/order", "", nil, []string{`name="form-TOTAL_FORMS" value="2"`, `name="form-0-item"`, `name="form-1-DELETE"`}},
		{"order errors", "POST", "/order", "de-AT", url.Values{"form-TOTAL_FORMS": {"1"}, "form-INITIAL_FORMS": {"0"}, "form-0-item": {"pen"}, "form-0-quantity": {"0"}},
			[]string{"Dieser Wert muss größer oder gleich 1 sein."}},
		// A quantity no int holds is a form error, not a panic.
		{"order huge quantity", "POST", "/order", "", url.Values{"form-TOTAL_FORMS": {"1"}, "form-INITIAL_FORMS": {"0"},
			"form-0-item": {"pen"}, "form-0-quantity": {"99999999999999999999"}}, []string{"Ensure this value is less than or equal to 9223372036854775807."}},
		{"order placed", "POST", "/order", "", url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"0"},
			"form-0-item": {"pen"}, "form-0-quantity": {"3"}, "form-1-item": {""}, "form-1-quantity": {""}}, []string{"Ordered 3 items."}},
		{"books", "GET", "/books", "", nil, []string{`value="Dune"`, `value="Emma"`, `name="form-TOTAL_FORMS" value="2"`}},
		{"books saved", "POST", "/books", "", url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"2"},
			"form-0-id": {"1"}, "form-0-title": {"Dune Messiah"}, "form-0-price": {"9.99"},
			"form-1-id": {"2"}, "form-1-title": {"Emma"}, "form-1-price": {"4.50"}}, []string{"Saved: 1 changed.", `value="Dune Messiah"`}},
		// Edit only: a third form would create a row; it is ignored.
		{"books edit only", "POST", "/books", "", url.Values{"form-TOTAL_FORMS": {"3"}, "form-INITIAL_FORMS": {"2"},
			"form-0-id": {"1"}, "form-0-title": {"Dune Messiah"}, "form-0-price": {"9.99"},
			"form-1-id": {"2"}, "form-1-title": {"Emma"}, "form-1-price": {"4.50"},
			"form-2-title": {"New"}, "form-2-price": {"1"}}, []string{"Saved: 0 changed.", `name="form-TOTAL_FORMS" value="2"`}},
		{"books invalid price", "POST", "/books", "zh-Hans-CN", url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"2"},
			"form-0-id": {"1"}, "form-0-title": {"Dune"}, "form-0-price": {"x"},
			"form-1-id": {"2"}, "form-1-title": {"Emma"}, "form-1-price": {"4.50"}}, []string{"输入一个数字。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.form != nil {
				body = strings.NewReader(tt.form.Encode())
			}
			req, _ := http.NewRequest(tt.method, srv.URL+tt.path, body)
			if tt.form != nil {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			if tt.lang != "" {
				req.Header.Set("Accept-Language", tt.lang)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, b)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("response lacks %q:\n%s", w, b)
				}
			}
		})
	}
}
