package formsets_test

import (
	"fmt"
	"net/url"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
)

func Example() {
	item := forms.MustDeclare(forms.Named("title", forms.NewCharField()))
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
