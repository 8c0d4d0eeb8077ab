package forms_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing/fstest"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

// signup is declared once, at package level, and shared by every request.
var signup = forms.MustDeclare(
	forms.Named("name", &forms.CharField{MaxLength: 20}),
	forms.Named("email", &forms.EmailField{}),
	forms.Named("age", &forms.IntegerField{MinValue: new(int64(18))}),
)

func ExampleDeclare() {
	f := signup.Bind(url.Values{
		"name":  {"  Ada "},
		"email": {"ada@example.com"},
		"age":   {"36"},
	}, nil, forms.Options{})
	if f.IsValid() {
		name, _ := forms.Cleaned[string](f, "name")
		age, _ := forms.Cleaned[int64](f, "age")
		fmt.Printf("%q %d\n", name, age)
	}

	f = signup.Bind(url.Values{"name": {"Bo"}, "email": {"bo@"}, "age": {"12"}}, nil, forms.Options{})
	fmt.Println(f.IsValid())
	for _, name := range f.Errors().Keys() {
		fmt.Println(name, f.Errors().Get(name).Messages())
	}
	// Output:
	// "Ada" 36
	// false
	// email [Enter a valid email address.]
	// age [Ensure this value is greater than or equal to 18.]
}

func ExampleForm_AsDiv() {
	name := forms.NewCharField()
	name.HelpText = "As on your passport."
	d := forms.MustDeclare(forms.Named("name", name))
	f := d.Bind(url.Values{"name": {""}}, nil, forms.Options{Renderer: renderers.NewDjangoDivFormRenderer()})
	html, err := f.AsDiv()
	if err != nil {
		fmt.Println(err)
		return
	}
	// Django's template leaves blank lines; print the others.
	for _, line := range strings.Split(string(html), "\n") {
		if strings.TrimSpace(line) != "" {
			fmt.Println(line)
		}
	}
	// Output:
	// <div>
	//       <label for="id_name">Name:</label>
	//     <div class="helptext">As on your passport.</div>
	//     <ul class="errorlist"><li>This field is required.</li></ul>
	//     <input type="text" name="name" required id="id_name">
	// </div>
}

func ExampleForm_Render() {
	// A theme replaces Django's templates by name; the rest stay Django's.
	r := &renderers.DjangoTemplates{
		FormTemplate: "theme/form.html",
		Overlay: fstest.MapFS{
			"theme/form.html": {Data: []byte(
				`{% for field, errors in fields %}<p class="{{ field.css_classes }}">` +
					`{{ field.label_tag }} {{ field }}{{ errors }}</p>{% endfor %}`)},
		},
	}
	city := forms.NewCharField()
	city.MaxLength = 5
	d := forms.MustDeclare(forms.Named("city", city))
	d.ErrorCSSClass = "error"
	f := d.Bind(url.Values{"city": {"Lisbon"}}, nil, forms.Options{Renderer: r})
	html, err := f.Render()
	fmt.Println(html, err)
	// Output:
	// <p class="error"><label for="id_city">City:</label> <input type="text" name="city" value="Lisbon" maxlength="5" required id="id_city"><ul class="errorlist"><li>Ensure this value has at most 5 characters (it has 6).</li></ul></p> <nil>
}

func ExampleBoundField_LabelTag() {
	d := forms.MustDeclare(forms.Named("first_name", forms.NewCharField()))
	f := d.New(forms.Options{Prefix: "guest"})
	bf := f.Field("first_name")

	label, _ := bf.LabelTag(forms.LabelOptions{})
	fmt.Println(label)
	suffix := ""
	label, _ = bf.LabelTag(forms.LabelOptions{
		Contents: "Given name",
		Attrs:    renderers.Attrs{"class": "small"},
		Suffix:   &suffix,
	})
	fmt.Println(label)
	legend, _ := bf.LegendTag(forms.LabelOptions{})
	fmt.Println(legend)
	// Output:
	// <label for="id_guest-first_name">First name:</label>
	// <label class="small" for="id_guest-first_name">Given name</label>
	// <legend for="id_guest-first_name">First name:</legend>
}
