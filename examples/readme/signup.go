// Package readme is the README's signup example ("In Go"), verbatim, so
// that it compiles and its handler is tested (readme_test.go checks the
// README still shows exactly this code).
package readme

import (
	"fmt"
	"html/template"
	"log"
	"net/http"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
)

type Signup struct {
	Name  string `formwork:"name,max_length=40"`
	Email string `formwork:"email,type=EmailField"`
	Age   int    `formwork:"age,min_value=18,optional"`
}

var signup = forms.MustFor[Signup]()

var page = template.Must(template.New("signup").Parse(
	`<form method="post">{{.Form.HTML}}<button>Sign up</button></form>`))

func signupHandler(w http.ResponseWriter, r *http.Request) {
	f := signup.New(forms.Options{})
	if r.Method == http.MethodPost {
		var err error
		if f, err = formhttp.BindTyped(signup, r, forms.Options{}, formhttp.Limits{}); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if s, ok := f.Valid(); ok {
			fmt.Fprintf(w, "Welcome, %s (%d)", s.Name, s.Age)
			return
		}
	}
	if err := forms.ExecuteTemplate(w, page, "signup", map[string]any{"Form": f}); err != nil {
		log.Print(err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}
