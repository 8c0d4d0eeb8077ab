package forms_test

import (
	"fmt"
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

// A struct declares the form, Bind binds submitted data to it (a
// handler reads them from its request with formhttp.Bind), Valid gives
// the validated struct back, and an invalid form renders with its
// errors.
func Example() {
	f := signupDecl.Bind(url.Values{"name": {"Ada"}, "email": {"ada@example.com"}, "age": {"36"}}, nil, forms.Options{})
	if s, ok := f.Valid(); ok {
		fmt.Printf("Welcome, %s (%d)\n", s.Name, s.Age)
	}

	f = signupDecl.Bind(url.Values{"name": {"Bo"}, "email": {"bo@"}, "age": {"12"}}, nil, forms.Options{})
	h, err := f.HTML()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(string(h), "\n") {
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
