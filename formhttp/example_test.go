package formhttp_test

import (
	"fmt"
	"html/template"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
)

// Signup is what the signup form collects; its tags declare the form.
type Signup struct {
	Name  string `formwork:"name,max_length=40"`
	Email string `formwork:"email,type=EmailField"`
	Age   int    `formwork:"age,min_value=18,optional"`
}

var signupDecl = forms.MustFor[Signup]()

var signupTmpl = template.Must(template.New("signup").Parse(
	`<form method="post">{{.Form.HTML}}<button>Sign up</button></form>`))

// signupPage is a handler as an application writes it: BindTyped, then
// the validated struct, else the page with the form and its errors.
func signupPage(w http.ResponseWriter, r *http.Request) {
	f := signupDecl.New(forms.Options{})
	if r.Method == http.MethodPost {
		var err error
		if f, err = formhttp.BindTyped(signupDecl, r, forms.Options{}, formhttp.Limits{}); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if s, ok := f.Valid(); ok {
			fmt.Fprintf(w, "Welcome, %s (%d)", s.Name, s.Age)
			return
		}
	}
	if err := forms.ExecuteTemplate(w, signupTmpl, "signup", map[string]any{"Form": f}); err != nil {
		log.Print(err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

// A struct declares the form, a handler binds each request with
// BindTyped and gets the validated struct back, and the page shows the
// form with {{.Form.HTML}}.
func Example() {
	post := func(body string) string {
		r := httptest.NewRequest(http.MethodPost, "/signup", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		signupPage(w, r)
		return w.Body.String()
	}
	fmt.Println(post(url.Values{"name": {"Ada"}, "email": {"ada@example.com"}, "age": {"36"}}.Encode()))

	page := post("name=Bo&email=bo@&age=12")
	for _, line := range strings.Split(page, "\n") {
		if strings.Contains(line, "errorlist") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// Welcome, Ada (36)
	// <ul class="errorlist"><li>Enter a valid email address.</li></ul>
	// <ul class="errorlist"><li>Ensure this value is greater than or equal to 18.</li></ul>
}
