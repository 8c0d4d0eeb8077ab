package renderers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/renderers"
)

// The error summary, which the accessible renderer owns, reads in the
// form's language and direction; a form without a language has neither
// attribute.
func TestAccessibleSummaryLangDir(t *testing.T) {
	decl := forms.Declare(forms.Named("email", forms.NewEmailField()))
	for _, tt := range []struct{ lang, want string }{
		{"ar", `<div class="error-summary" role="alert" lang="ar" dir="rtl">`},
		{"he-IL", `<div class="error-summary" role="alert" lang="he" dir="rtl">`},
		{"de", `<div class="error-summary" role="alert" lang="de" dir="ltr">`},
		{"", `<div class="error-summary" role="alert">`},
	} {
		opts := forms.Options{Renderer: renderers.NewAccessible()}
		if tt.lang != "" {
			tr, err := i18n.For(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			opts.Translator = tr
		}
		h, err := decl.Bind(url.Values{"email": {"nope"}}, nil, opts).AsDiv()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(h), tt.want) {
			t.Errorf("%s: no %s in\n%s", tt.lang, tt.want, h)
		}
		if strings.Contains(string(h), `style=`) || strings.Contains(string(h), `dir="ltr"`) && tt.lang != "de" {
			t.Errorf("%s: direction fixed in the markup:\n%s", tt.lang, h)
		}
	}
}

// A formset's summary of too many forms, in Arabic, reads right to left
// and counts in Arabic's plural form for 2; its forms' legends are
// formwork's own Arabic text.
func TestAccessibleFormsetSummaryLangDir(t *testing.T) {
	decl := formsets.MustDeclare(forms.Declare(forms.Named("item", forms.NewCharField())), formsets.MaxNum(2), formsets.ValidateMax(true))
	ar, err := i18n.For("ar")
	if err != nil {
		t.Fatal(err)
	}
	data := url.Values{"form-TOTAL_FORMS": {"3"}, "form-INITIAL_FORMS": {"0"}, "form-0-item": {"a"}, "form-1-item": {"b"}, "form-2-item": {"c"}}
	fs := decl.Bind(data, nil, formsets.Options{Renderer: renderers.NewAccessible(), Translator: ar})
	h, err := fs.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<div class="error-summary" role="alert" lang="ar" dir="rtl">`,
		"<h2>توجد مشكلة</h2>",
		ar.Plural("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", 2),
		"<legend>النموذج 1</legend>",
	} {
		want = strings.ReplaceAll(want, "%(num)d", "2")
		if !strings.Contains(string(h), want) {
			t.Errorf("no %q in\n%s", want, h)
		}
	}
}
