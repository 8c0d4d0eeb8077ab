package i18n_test

import (
	"net/url"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/i18n"
)

// BenchmarkNewBundle is the cost of decoding every built-in catalog, which
// the first use of Negotiate or For pays once.
func BenchmarkNewBundle(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		i18n.NewBundle()
	}
}

func BenchmarkNegotiate(b *testing.B) {
	i18n.Negotiate("")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		i18n.Negotiate("pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7")
	}
}

func BenchmarkTranslateParams(b *testing.B) {
	tr, _ := i18n.For("ar")
	msg := "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
	params := map[string]any{"limit_value": 11, "show_value": 30}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tr.TranslateParams(msg, params)
	}
}

// BenchmarkBindRender binds and renders a small form in English and in
// German (localized number, German date format, translated messages),
// to show what a language costs a form.
func BenchmarkBindRender(b *testing.B) {
	decl := forms.Declare(
		forms.Named("price", &forms.FloatField{FieldCore: forms.FieldCore{Required: true, Localize: true}}),
		forms.Named("when", forms.NewDateField()),
		forms.Named("code", &forms.CharField{FieldCore: forms.FieldCore{Required: true}, MaxLength: 2}),
	)
	de, _ := i18n.For("de")
	for _, c := range []struct {
		name string
		tr   *i18n.Translator
		data url.Values
	}{
		{"en", nil, url.Values{"price": {"1234.5"}, "when": {"2006-10-25"}, "code": {"abc"}}},
		{"de", de, url.Values{"price": {"1234,5"}, "when": {"25.10.2006"}, "code": {"abc"}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			opts := forms.Options{}
			if c.tr != nil {
				opts.Translator = c.tr
			}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				f := decl.Bind(c.data, nil, opts)
				if _, err := f.AsDiv(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
