package renderers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
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
