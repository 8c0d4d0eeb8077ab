package formhttp_test

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

type signupForm struct {
	Name  string `formwork:"name,max_length=20"`
	Email string `formwork:"email,type=EmailField"`
	Age   int    `formwork:"age,min_value=18,optional"`
}

var signupTyped = forms.MustFor[signupForm]()

var signupPageTmpl = template.Must(template.New("page").Parse(`<h1>Sign up</h1>{{with .Done}}<p>{{.}}</p>{{end}}<form method="post">{{.Form.HTML}}</form>`))

// signupHandler is a handler as an application writes it.
func signupHandler(r renderers.Renderer) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		opts := forms.Options{Renderer: r}
		data := map[string]any{}
		if req.Method == http.MethodPost {
			f, err := formhttp.BindTyped(signupTyped, req, opts, formhttp.Limits{})
			if err != nil {
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
			if s, ok := f.Valid(); ok {
				data["Done"] = fmt.Sprintf("Welcome, %s (%d)", s.Name, s.Age)
			}
			data["Form"] = f
		} else {
			data["Form"] = signupTyped.New(opts)
		}
		if err := forms.ExecuteTemplate(w, signupPageTmpl, "page", data); err != nil {
			http.Error(w, "internal error: "+err.Error(), http.StatusInternalServerError)
		}
	}
}

// TestBindTypedHandler posts to a real handler through httptest.
func TestBindTypedHandler(t *testing.T) {
	srv := httptest.NewServer(signupHandler(renderers.NewDjangoDivFormRenderer()))
	defer srv.Close()
	tests := []struct {
		name   string
		form   url.Values
		status int
		has    []string
		hasNot []string
	}{
		{"valid", url.Values{"name": {"Ann"}, "email": {"ann@example.com"}, "age": {"30"}}, 200,
			[]string{"<p>Welcome, Ann (30)</p>", `value="Ann"`}, []string{"errorlist"}},
		{"optional age left out", url.Values{"name": {"Bo"}, "email": {"bo@example.com"}}, 200,
			[]string{"<p>Welcome, Bo (0)</p>"}, nil},
		{"invalid", url.Values{"name": {""}, "email": {"nope"}, "age": {"12"}}, 200,
			[]string{"This field is required.", "Enter a valid email address.", "Ensure this value is greater than or equal to 18.", `<input type="text" name="name" maxlength="20" required`},
			[]string{"Welcome", "&lt;input"}},
		{"hostile number", url.Values{"name": {"Cy"}, "email": {"cy@example.com"}, "age": {"99999999999999999999"}}, 200,
			[]string{"Ensure this value is less than or equal to 9223372036854775807."}, []string{"Welcome"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.PostForm(srv.URL, tt.form)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body bytes.Buffer
			if _, err := body.ReadFrom(resp.Body); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body.String())
			}
			for _, s := range tt.has {
				if !strings.Contains(body.String(), s) {
					t.Errorf("page lacks %q:\n%s", s, body.String())
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(body.String(), s) {
					t.Errorf("page has %q:\n%s", s, body.String())
				}
			}
		})
	}
}

// TestTemplatePage: a form inside an html/template page is one call
// away, and a form that fails to render writes nothing of the page and
// reaches the handler as an error.
func TestTemplatePage(t *testing.T) {
	get := func(t *testing.T, r renderers.Renderer) (int, string) {
		rec := httptest.NewRecorder()
		signupHandler(r)(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		return rec.Code, rec.Body.String()
	}
	code, body := get(t, renderers.NewDjangoDivFormRenderer())
	if code != 200 || !strings.HasPrefix(body, `<h1>Sign up</h1><form method="post"><div>`) || strings.Contains(body, "&lt;") {
		t.Errorf("page %d:\n%s", code, body)
	}
	broken := map[string]renderers.Renderer{
		// A theme form template that does not parse.
		"broken form template": &renderers.DjangoTemplates{FormTemplate: "theme/form.html", Overlay: fstest.MapFS{
			"theme/form.html": {Data: []byte(`{% for field in fields %}{{ field }}`)},
		}},
		// A theme form template whose widgets' template is broken: the
		// error comes from inside the form's template.
		"broken widget template": &renderers.DjangoTemplates{FormTemplate: "theme/form.html", Overlay: fstest.MapFS{
			"theme/form.html":                 {Data: []byte(`{% for field, errors in fields %}{{ field }}{% endfor %}`)},
			"django/forms/widgets/input.html": {Data: []byte(`{% include "no/such/template.html" %}`)},
		}},
	}
	for name, r := range broken {
		t.Run(name, func(t *testing.T) {
			code, body := get(t, r)
			if code != http.StatusInternalServerError || strings.Contains(body, "Sign up") || strings.Contains(body, "<input") {
				t.Errorf("page %d:\n%s", code, body)
			}
			f := signupTyped.New(forms.Options{Renderer: r})
			if h, err := f.Render(); err == nil {
				t.Errorf("Render: no error, html %s", h)
			}
		})
	}
}
