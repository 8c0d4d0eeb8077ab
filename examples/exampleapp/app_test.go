package exampleapp

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, to make a schema

	"github.com/formwork/formwork/orm"
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

// TestSignupAndAuthor: the signup form's checks and the inline formset,
// over plain HTTP.
func TestSignupAndAuthor(t *testing.T) {
	a := newApp(t)
	signup := url.Values{"username": {"bo"}, "email": {"bo@example.com"}, "plan": {"free"}, "born": {"2000-02-29"},
		"password": {"longenough"}, "password2": {"longenough"}, "terms": {"on"}}
	for _, tt := range []struct {
		name, path string
		form       url.Values
		want       []string
	}{
		{"passwords differ", "/signup", with(signup, "password2", "other one"), []string{"The two password fields didn’t match."}},
		{"short password", "/signup", with(with(signup, "password", "short"), "password2", "short"), []string{"Ensure this value has at least 8 characters (it has 5)."}},
		{"no terms", "/signup", with(signup, "terms", ""), []string{"This field is required."}},
		{"a plan not offered", "/signup", with(signup, "plan", "gold"), []string{"Select a valid choice. gold is not one of the available choices."}},
		{"signed up", "/signup", signup, []string{"Welcome, bo.", "<td>bo</td><td>bo@example.com</td><td>free</td><td>2000-02-29</td>"}},
		{"taken", "/signup", signup, []string{"Member with this Username already exists."}},
		{"a book added", "/author?id=2", url.Values{"name": {"Jane Austen"}, "book_set-TOTAL_FORMS": {"2"}, "book_set-INITIAL_FORMS": {"1"},
			"book_set-0-id": {"2"}, "book_set-0-title": {"Emma"}, "book_set-0-price": {"4.50"},
			"book_set-1-title": {"Persuasion"}, "book_set-1-price": {"7"}}, []string{"Saved: 1 added, 0 changed, 0 deleted.", "<td>Persuasion</td><td>7.00</td>"}},
		{"an author renamed and a book deleted", "/author?id=2", url.Values{"name": {"J. Austen"}, "book_set-TOTAL_FORMS": {"2"}, "book_set-INITIAL_FORMS": {"2"},
			"book_set-0-id": {"2"}, "book_set-0-title": {"Emma"}, "book_set-0-price": {"4.50"}, "book_set-0-DELETE": {"on"},
			"book_set-1-id": {"3"}, "book_set-1-title": {"Persuasion"}, "book_set-1-price": {"7"}}, []string{"Saved: 0 added, 0 changed, 1 deleted.", "J. Austen and their books"}},
		// Another author's book is not this author's to edit (checked
		// below: no book is renamed).
		{"another author's book", "/author?id=1", url.Values{"name": {"Frank Herbert"}, "book_set-TOTAL_FORMS": {"1"}, "book_set-INITIAL_FORMS": {"1"},
			"book_set-0-id": {"3"}, "book_set-0-title": {"Stolen"}, "book_set-0-price": {"1"}}, []string{"<td>Dune</td><td>9.99</td>"}},
	} {
		w := post(a, tt.path, tt.form.Encode(), nil)
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d", tt.name, w.Code)
			continue
		}
		for _, s := range tt.want {
			if !strings.Contains(w.Body.String(), s) {
				t.Errorf("%s: the page lacks %q", tt.name, s)
			}
		}
	}
	r := httptest.NewRequest(http.MethodGet, "http://app.test/books", nil)
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	if body := w.Body.String(); strings.Contains(body, "Stolen") || !strings.Contains(body, `value="Persuasion"`) {
		t.Errorf("after posting another author's book: %s", body)
	}
	for _, path := range []string{"/author?id=99", "/author?id=x", "/author"} {
		r := httptest.NewRequest(http.MethodGet, "http://app.test"+path, nil)
		w := httptest.NewRecorder()
		a.ServeHTTP(w, r)
		if w.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, w.Code)
		}
	}
}

func with(v url.Values, key, value string) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = vs
	}
	c.Set(key, value)
	return c
}

// TestRestart: on a file database (and on PostgreSQL with
// FORMWORK_PG_DSN) the application starts again over its own tables,
// keeps what was saved and adds the first rows only once.
func TestRestart(t *testing.T) {
	dbs := map[string]string{"sqlite file": filepath.Join(t.TempDir(), "app.db")}
	if dsn := os.Getenv("FORMWORK_PG_DSN"); dsn != "" {
		dbs["postgres"] = freshSchema(t, dsn)
	} else if ci := os.Getenv("CI"); ci == "true" {
		t.Error("FORMWORK_PG_DSN is not set (CI=true): start a server with .ci/postgres.sh")
	}
	for name, dsn := range dbs {
		t.Run(name, func(t *testing.T) {
			for start := 1; start <= 2; start++ {
				a, err := Open(t.Context(), Config{DB: dsn})
				if err != nil {
					t.Fatalf("start %d: %v", start, err)
				}
				if start == 1 {
					form := url.Values{"username": {"cy"}, "email": {"cy@example.com"}, "plan": {"team"}, "born": {"1970-01-01"},
						"password": {"longenough"}, "password2": {"longenough"}, "terms": {"on"}}
					if w := post(a, "/signup", form.Encode(), nil); !strings.Contains(w.Body.String(), "Welcome, cy.") {
						t.Errorf("signup: %d", w.Code)
					}
				}
				r := httptest.NewRequest(http.MethodGet, "http://app.test/signup", nil)
				w := httptest.NewRecorder()
				a.ServeHTTP(w, r)
				if n := strings.Count(w.Body.String(), "<td>cy</td>"); n != 1 {
					t.Errorf("start %d: %d members named cy, want 1", start, n)
				}
				authors, err := a.db.List(t.Context(), a.author, orm.Filter{})
				if err != nil || len(authors) != 2 {
					t.Errorf("start %d: %d authors (%v), want 2", start, len(authors), err)
				}
				a.Close()
			}
		})
	}
}

// freshSchema creates a schema of its own for the test on the server
// and returns the DSN that works in it; the schema is dropped after.
func freshSchema(t *testing.T, dsn string) string {
	t.Helper()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("exampleapp_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
