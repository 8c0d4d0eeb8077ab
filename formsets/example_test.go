package formsets_test

import (
	"fmt"
	"net/url"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/validators"
)

func Example() {
	item := forms.Declare(forms.Named("title", forms.NewCharField()))
	items := formsets.MustDeclare(item, formsets.Extra(1), formsets.CanDelete(true))

	// What a browser posts back: the management form's counts, then each
	// form's fields under its prefix.
	data := url.Values{
		"form-TOTAL_FORMS":   {"3"},
		"form-INITIAL_FORMS": {"2"},
		"form-0-title":       {"Dune"},
		"form-1-title":       {"Emma"},
		"form-1-DELETE":      {"on"},
		"form-2-title":       {""}, // the extra form, left empty
	}
	fs := items.Bind(data, nil, formsets.Options{})
	fmt.Println("valid:", fs.IsValid())
	for i, cd := range fs.CleanedData() {
		fmt.Println(i, cd["title"], cd["DELETE"])
	}
	fmt.Println("deleted:", len(fs.DeletedForms()))

	// Too few forms for a formset that wants at least two.
	strict := formsets.MustDeclare(item, formsets.MinNum(2), formsets.ValidateMin(true))
	fs = strict.Bind(url.Values{"form-TOTAL_FORMS": {"1"}, "form-INITIAL_FORMS": {"0"}, "form-0-title": {"Dune"}}, nil, formsets.Options{})
	fmt.Println(fs.IsValid(), fs.NonFormErrors().Messages())
	// Output:
	// valid: true
	// 0 Dune false
	// 1 Emma true
	// 2 <nil> <nil>
	// deleted: 1
	// false [Please submit at least 2 forms.]
}

// A formset's Clean checks the forms together, once each is valid:
// here no two guests may share an email. The repeated form gets an error
// on its field; the formset an error of its own.
func ExampleDeclaration_clean() {
	guest := forms.Declare(forms.Named("email", forms.NewEmailField()))
	guests := formsets.MustDeclare(guest, formsets.Extra(0))
	guests.Clean = func(fs *formsets.Formset) error {
		seen := map[any]bool{}
		for _, f := range fs.Forms() {
			email := f.CleanedData()["email"]
			if seen[email] {
				f.AddError("email", validators.NewError("Already invited above.", "repeat", nil))
				return validators.NewError("Each guest once, please.", "duplicate", nil)
			}
			seen[email] = true
		}
		return nil
	}
	fs := guests.Bind(url.Values{
		"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"0"},
		"form-0-email": {"ann@example.com"}, "form-1-email": {"ann@example.com"},
	}, nil, formsets.Options{})
	fmt.Println(fs.IsValid(), fs.NonFormErrors().Messages(), fs.Form(1).Errors().Get("email").Messages())
	// Output:
	// false [Each guest once, please.] [Already invited above.]
}
