package formsets

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/widgets"
)

// managementForm is Django's ManagementForm: hidden counts of the forms
// shown, which tell the server how many forms were submitted. It is never
// changed after init.
var managementForm = newManagementForm()

// ManagementForm returns the declaration of the management form, shared
// by every formset; it must not be changed.
func ManagementForm() *forms.Declaration { return managementForm }

func newManagementForm() *forms.Declaration {
	hidden := func(required bool) forms.Field {
		f := forms.NewIntegerField()
		f.Optional = !required
		f.Widget = widgets.NewHiddenInput(nil)
		return f
	}
	d := forms.MustDeclare(
		forms.Named(FieldTotalForms, hidden(true)),
		forms.Named(FieldInitialForms, hidden(true)),
		// MIN_NUM_FORMS and MAX_NUM_FORMS are written for client-side
		// code only: what a client sends back is not checked.
		forms.Named(FieldMinNumForms, hidden(false)),
		forms.Named(FieldMaxNumForms, hidden(false)),
	)
	// Django 4.x renders the management form with the div template
	// whatever the renderer's form template.
	d.TemplateName = forms.TemplateDiv
	d.Clean = func(f *forms.Form) error {
		// When the management form is invalid, the number of submitted
		// forms is unknown: count none.
		cd := f.CleanedData()
		for _, name := range []string{FieldTotalForms, FieldInitialForms} {
			if _, ok := cd[name]; !ok {
				cd[name] = int64(0)
			}
		}
		return nil
	}
	return d
}

// count reads a cleaned count of the management form as an int,
// saturating numbers too large for one.
func count(v any) int {
	switch x := v.(type) {
	case int64:
		if x > math.MaxInt {
			return math.MaxInt
		}
		if x < math.MinInt {
			return math.MinInt
		}
		return int(x)
	case int:
		return x
	case decimal.Decimal:
		if x.IsInteger() && x.BigInt().IsInt64() {
			return count(x.BigInt().Int64())
		}
		if x.Sign() > 0 {
			return math.MaxInt
		}
		return math.MinInt
	}
	return 0
}
