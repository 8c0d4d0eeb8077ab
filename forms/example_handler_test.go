package forms_test

import (
	"fmt"
	"html/template"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

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

// signupPage is a handler as an application writes it: BindRequest, then
// the validated struct, else the page with the form and its errors.
func signupPage(w http.ResponseWriter, r *http.Request) {
	f := signupDecl.New(forms.Options{})
	if r.Method == http.MethodPost {
		var err error
		if f, err = signupDecl.BindRequest(r, forms.Options{}, forms.RequestLimits{}); err != nil {
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
// BindRequest and gets the validated struct back, and the page shows
// the form with {{.Form.HTML}}.
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

// For declares a form from a struct type; Valid gives the cleaned data
// back as that type.
func ExampleFor() {
	type Order struct {
		Item     string `formwork:"item,max_length=30"`
		Quantity uint8  `formwork:"quantity,min_value=1"`
		Gift     bool   `formwork:"gift,optional"`
		Note     *string
	}
	orders, err := forms.For[Order]()
	if err != nil {
		fmt.Println(err)
		return
	}
	f := orders.Bind(url.Values{"item": {"tea"}, "quantity": {"3"}, "note": {"ring twice"}}, nil, forms.Options{})
	if o, ok := f.Valid(); ok {
		fmt.Println(o.Item, o.Quantity, o.Gift, *o.Note)
	}
	// A uint8 holds no more than 255: the form says so, in Django's words.
	f = orders.Bind(url.Values{"item": {"tea"}, "quantity": {"300"}, "note": {"-"}}, nil, forms.Options{})
	_, ok := f.Valid()
	fmt.Println(ok, f.Errors().Get("quantity").Messages())
	// Output:
	// tea 3 false ring twice
	// false [Ensure this value is less than or equal to 255.]
}

// Declare rejects a mistake in a setting with an error naming the field
// and the setting.
func ExampleDeclare_mistake() {
	_, err := forms.Declare(
		forms.Named("code", &forms.RegexField{Regex: `^[A-Z]{3}$`}),
		forms.Named("age", &forms.IntegerField{MinValue: new(int64(18)), MaxValue: new(int64(12))}),
	)
	fmt.Println(err)
	// Output: forms: field "age": MinValue 18 is above MaxValue 12
}

// Cleaned reads a cleaned value as the Go type its field cleans to; it
// never panics.
func ExampleCleaned() {
	d := forms.MustDeclare(
		forms.Named("qty", &forms.IntegerField{}),
		forms.Named("note", &forms.CharField{FieldCore: forms.FieldCore{Optional: true}}),
	)
	f := d.Bind(url.Values{"qty": {"99999999999999999999"}}, nil, forms.Options{})
	n, ok := forms.Cleaned[int64](f, "qty")
	fmt.Println(f.IsValid(), n, ok) // beyond int64: a decimal.Decimal, as Python's int
	f = d.Bind(url.Values{"qty": {"12"}}, nil, forms.Options{})
	n, ok = forms.Cleaned[int64](f, "qty")
	note, _ := forms.Cleaned[string](f, "note")
	fmt.Printf("%d %v %q\n", n, ok, note)
	// Output:
	// true 0 false
	// 12 true ""
}
