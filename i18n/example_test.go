package i18n_test

import (
	"fmt"
	"net/url"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/i18n"
)

// A form with a translator is in that language: a localized number is
// read with the language's decimal separator, a date in its input
// formats, and the messages count as its plural rule says.
func ExampleTranslator_Formats() {
	pl, _ := i18n.For("pl-PL")
	decl := forms.Declare(
		forms.Named("price", &forms.FloatField{FieldCore: forms.FieldCore{Required: true, Localize: true}}),
		forms.Named("when", forms.NewDateField()),
		forms.Named("code", &forms.CharField{FieldCore: forms.FieldCore{Required: true}, MaxLength: 2}),
	)
	f := decl.Bind(url.Values{"price": {"1234,5"}, "when": {"25.10.2006"}, "code": {"abcde"}}, nil, forms.Options{Translator: pl})
	fmt.Println(f.IsValid(), f.Errors().Get("price") == nil, f.Errors().Get("when") == nil)
	fmt.Println(f.Errors().Get("code").Messages()[0])
	fmt.Println(pl.Formats().DecimalSeparator, pl.Formats().DateInputFormats[0])
	// Output:
	// false true true
	// Upewnij się, że ta wartość ma co najwyżej 2 znaki (obecnie ma 5).
	// , %d.%m.%Y
}

func ExampleTranslator_Dir() {
	for _, h := range []string{"ar-EG,ar;q=0.9", "he", "fr-CA"} {
		tr := i18n.Negotiate(h)
		fmt.Printf("<form lang=%q dir=%q>\n", tr.Code(), tr.Dir())
	}
	// Output:
	// <form lang="ar" dir="rtl">
	// <form lang="he" dir="rtl">
	// <form lang="fr" dir="ltr">
}

func ExampleTranslator_Name() {
	for _, code := range []string{"pt-br", "ar", "zh-hans"} {
		tr, _ := i18n.For(code)
		fmt.Printf("%s: %s (%s)\n", tr.Code(), tr.LocalName(), tr.Name())
	}
	// Output:
	// pt-br: Português Brasileiro (Brazilian Portuguese)
	// ar: العربيّة (Arabic)
	// zh-hans: 简体中文 (Simplified Chinese)
}
