package formsets_test

// Fuzz target of the management form and the form counts. Run it for a
// minute with
//
//	go test -run='^$' -fuzz=FuzzManagementForm -fuzztime=60s ./formsets
//
// (loadtest/README.md lists every fuzz target of the project).

import (
	"net/url"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/renderers"
)

// fuzzItem is the form the fuzzed formsets repeat.
var fuzzItem = forms.MustDeclare(
	forms.Named("title", forms.NewCharField()),
	forms.Named("count", &forms.IntegerField{}),
)

// FuzzManagementForm binds arbitrary TOTAL_FORMS, INITIAL_FORMS,
// MIN_NUM_FORMS and MAX_NUM_FORMS strings to formsets of small, fuzzed
// limits: a bound formset never builds more than absolute_max forms, an
// invalid management form makes the formset invalid with Django's
// missing_management_form error (or the too_many_forms or too_few_forms
// that replaces it, as in Django), and validating and rendering neither
// panic nor fail.
func FuzzManagementForm(f *testing.F) {
	f.Add("2", "0", "0", "1000", uint8(1), uint8(10), uint8(20), uint8(0), uint8(3))
	f.Add("1000000", "0", "0", "1000", uint8(1), uint8(10), uint8(20), uint8(0), uint8(0))
	f.Add("-1", "-5", "x", "", uint8(0), uint8(0), uint8(0), uint8(0), uint8(1))
	f.Add("99999999999999999999999", "3", "0", "1000", uint8(2), uint8(5), uint8(5), uint8(1), uint8(2))
	f.Add(" 3", "3 ", "+1", "1e3", uint8(1), uint8(200), uint8(10), uint8(4), uint8(7))
	f.Add("", "", "", "", uint8(3), uint8(1), uint8(1), uint8(2), uint8(5))
	f.Add("٣", "０", "0", "0", uint8(1), uint8(3), uint8(3), uint8(0), uint8(1))
	f.Add("4", "9", "2", "1", uint8(1), uint8(2), uint8(4), uint8(3), uint8(6))
	f.Fuzz(func(t *testing.T, total, initial, minNum, maxNum string, extra, maxForms, absMax, min, flags uint8) {
		if len(total)+len(initial)+len(minNum)+len(maxNum) > 256 {
			return
		}
		mx := int(maxForms % 60)
		abs := mx + int(absMax%60)
		opts := []formsets.Option{
			formsets.Extra(int(extra % 8)), formsets.MaxNum(mx), formsets.AbsoluteMax(abs), formsets.MinNum(int(min % 8)),
			formsets.CanDelete(flags&1 != 0), formsets.CanOrder(flags&2 != 0),
			formsets.ValidateMax(flags&4 != 0), formsets.ValidateMin(flags&8 != 0),
		}
		decl, err := formsets.Declare(fuzzItem, opts...)
		if err != nil {
			t.Fatalf("Declare: %v", err)
		}
		data := url.Values{}
		for k, v := range map[string]string{"TOTAL_FORMS": total, "INITIAL_FORMS": initial, "MIN_NUM_FORMS": minNum, "MAX_NUM_FORMS": maxNum} {
			if flags&16 != 0 && v == "" {
				continue // a missing field, not an empty one
			}
			data.Set("form-"+k, v)
		}
		for i := 0; i < 3; i++ {
			data.Set("form-"+itoa(i)+"-title", "t")
			data.Set("form-"+itoa(i)+"-count", itoa(i))
		}
		var r renderers.Renderer = renderers.NewDjangoTemplates()
		if flags&32 != 0 {
			r = renderers.NewJinja2()
		}
		fs := decl.Bind(data, nil, formsets.Options{Renderer: r})
		n := len(fs.Forms())
		if n > abs {
			t.Fatalf("TOTAL_FORMS=%q built %d forms; absolute_max is %d", total, n, abs)
		}
		// Django's total_form_count() is the submitted count when that is
		// negative ("-1" is a valid integer), and builds no form then.
		if c := fs.TotalFormCount(); c > abs || (c >= 0 && c != n) || (c < 0 && n != 0) {
			t.Fatalf("TotalFormCount() = %d with %d forms; absolute_max %d", c, n, abs)
		}
		valid := fs.IsValid()
		mgmtValid := fs.ManagementForm().IsValid()
		if !mgmtValid {
			if valid {
				t.Fatalf("formset with an invalid management form (%q, %q) is valid", total, initial)
			}
			// Django's full_clean() replaces the non-form errors with
			// too_many_forms or too_few_forms when it raises one.
			nfe := fs.NonFormErrors()
			if !fuzzHasCode(nfe, formsets.CodeMissingManagementForm) && !fuzzHasCode(nfe, formsets.CodeTooManyForms) && !fuzzHasCode(nfe, formsets.CodeTooFewForms) {
				t.Fatalf("invalid management form: non-form errors %v lack %s", nfe.JSON(), formsets.CodeMissingManagementForm)
			}
		}
		if valid && fs.TotalErrorCount() != 0 {
			t.Fatalf("valid formset counts %d errors", fs.TotalErrorCount())
		}
		html, err := fs.Render()
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if _, err := htmlcmp.Parse(string(html)); err != nil {
			t.Fatalf("output does not parse: %v", err)
		}
	})
}

func itoa(i int) string {
	return string(rune('0' + i))
}

func fuzzHasCode(l *forms.ErrorList, code string) bool {
	for _, e := range l.JSON() {
		if e.Code == code {
			return true
		}
	}
	return false
}
