package i18n_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// The expected languages are the reference Django's
// get_language_from_request for the header (LANGUAGE_CODE en-us).
func TestNegotiate(t *testing.T) {
	tests := []struct {
		header, want string
	}{
		{"", "en"},
		{"fr", "fr"},
		{"fr-CA", "fr"},
		{"fr-CA,fr;q=0.9,en;q=0.5", "fr"},
		{"de-AT", "de"},
		{"de-CH,en;q=0.5", "de"},
		{"zh-Hans-CN", "zh-hans"},
		{"zh-CN", "zh-hans"},
		{"zh-TW", "zh-hant"},
		{"zh", "zh-hans"},
		{"zh-HK", "zh-hant"},
		{"sr-Latn-RS", "sr-latn"},
		{"sr-RS", "sr"},
		{"ja,en;q=0.1", "ja"},
		{"en-GB,fr;q=0.8", "en-gb"},
		{"nl;q=0.9,de;q=0.8", "nl"},
		{"not a header!!", "en"},
		{"pt-BR", "pt-br"},
		{"pt", "pt"},
		{"pt-PT", "pt"},
		{"es-419", "es"},
		{"es-MX", "es-mx"},
		{"xx-YY,de;q=0.1", "de"},
		{"*,fr", "en"},
		{"fr;q=0.5,ar;q=0.9", "ar"},
		{"en-US", "en"},
		{"ar-EG", "ar"},
		{"he-IL", "he"},
		{"x-klingon,fr;q=0.1", "fr"},
		{"de;q=1.5", "en"},
		{"fr ;q=0.8, de", "de"},
		{"i-klingon", "en"},
		{"sr-Cyrl", "sr"},
		{"nb-NO", "nb"},
		{"no", "en"},
		{"ckb-IQ", "ckb"},
		{"fr-" + strings.Repeat("a", 600), "en"},
	}
	for _, tt := range tests {
		if got := i18n.Negotiate(tt.header).Code(); got != tt.want {
			t.Errorf("Negotiate(%.40q) = %s, want %s", tt.header, got, tt.want)
		}
	}
}

// The expected codes are the reference Django's
// get_supported_language_variant of the lower-cased tag.
func TestFor(t *testing.T) {
	tests := []struct {
		tag, want string
	}{
		{"fr", "fr"},
		{"zh-Hans-CN", "zh-hans"},
		{"sr-Latn-RS", "sr-latn"},
		{"de-AT", "de"},
		{"en-US", "en"},
		{"ja", "ja"},
		{"pt-br", "pt-br"},
		{"zh-hk", "zh-hant"},
		{"es-419", "es"},
		{"zh", "zh-hans"},
		{"ar-dz", "ar-dz"},
		{"en-au", "en-au"},
		{"ky", "ky"},
		{"x--bad", ""},
		{"tlh", ""},
		{"", ""},
	}
	for _, tt := range tests {
		tr, err := i18n.For(tt.tag)
		if tt.want == "" {
			if err == nil {
				t.Errorf("For(%q) = %s, want an error", tt.tag, tr.Code())
			} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", tt.tag)) {
				t.Errorf("For(%q) error %q does not name the tag", tt.tag, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("For(%q): %v", tt.tag, err)
			continue
		}
		if got := tr.Code(); got != tt.want {
			t.Errorf("For(%q) = %s, want %s", tt.tag, got, tt.want)
		}
	}
}

func TestParseAcceptLanguage(t *testing.T) {
	got := i18n.ParseAcceptLanguage("fr-CA;q=0.5, de , en;q=0.5,*;q=0")
	want := []i18n.AcceptedLanguage{{Code: "de", Quality: 1}, {Code: "fr-ca", Quality: 0.5}, {Code: "en", Quality: 0.5}, {Code: "*", Quality: 0}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for _, bad := range []string{"fr;q=2", "fr,,de", "fr de", "é"} {
		if got := i18n.ParseAcceptLanguage(bad); got != nil {
			t.Errorf("ParseAcceptLanguage(%q) = %v, want none", bad, got)
		}
	}
}

func TestLanguages(t *testing.T) {
	codes := i18n.Codes()
	if len(codes) < 98 {
		t.Errorf("%d built-in languages, want Django's 98: %v", len(codes), codes)
	}
	for _, c := range []string{"ar", "ga", "cy", "sr-latn", "zh-hant", "pt-br", "uk", "lt", "sl", "ro"} {
		if _, err := i18n.For(c); err != nil {
			t.Errorf("no built-in %s: %v", c, err)
		}
	}
	rtl := map[string]bool{}
	for _, c := range codes {
		tr, _ := i18n.For(c)
		if tr.Bidi() {
			rtl[c] = true
		}
		if (tr.Dir() == "rtl") != tr.Bidi() {
			t.Errorf("%s: Dir %s, Bidi %v", c, tr.Dir(), tr.Bidi())
		}
	}
	// Django's LANGUAGES_BIDI.
	if fmt.Sprint(rtl) != "map[ar:true ar-dz:true ckb:true fa:true he:true ur:true]" {
		t.Errorf("right-to-left languages: %v", rtl)
	}
}

// The expected messages are the reference Django's, in each language.
func TestFormMessages(t *testing.T) {
	decl := forms.Declare(
		forms.Named("name", &forms.CharField{FieldCore: forms.FieldCore{Required: true}, MaxLength: 1}),
		forms.Named("code", &forms.CharField{FieldCore: forms.FieldCore{Required: true}, MinLength: 3}),
		forms.Named("n", forms.NewIntegerField()),
		forms.Named("h", &forms.CharField{FieldCore: forms.FieldCore{Required: true, Widget: widgets.NewHiddenInput(nil)}}),
	)
	data := url.Values{"name": {"abc"}, "code": {"a"}, "n": {"x"}}
	tests := []struct {
		lang                         string
		name, code, n, required, hid string
	}{
		{"en", "Ensure this value has at most 1 character (it has 3).", "Ensure this value has at least 3 characters (it has 1).", "Enter a whole number.", "This field is required.", "(Hidden field h) This field is required."},
		{"fr", "Assurez-vous que cette valeur comporte au plus 1 caractère (actuellement 3).", "Assurez-vous que cette valeur comporte au moins 3 caractères (actuellement 1).", "Saisissez un nombre entier.", "Ce champ est obligatoire.", "(champ masqué h) Ce champ est obligatoire."},
		{"de", "Bitte sicherstellen, dass der Wert aus höchstens 1 Zeichen besteht. (Er besteht aus 3 Zeichen.)", "Bitte sicherstellen, dass der Wert aus mindestens 3 Zeichen besteht. (Er besteht aus 1 Zeichen.)", "Bitte eine ganze Zahl eingeben.", "Dieses Feld ist zwingend erforderlich.", "(Verstecktes Feld h) Dieses Feld ist zwingend erforderlich."},
		{"zh-Hans", "确保该变量包含不超过 1 字符 (目前字符数 3)。", "确保该变量至少包含 3 字符(目前字符数 1)。", "输入整数。", "这个字段是必填项。", "(隐藏字段 h) 这个字段是必填项。"},
		{"sr-Latn", "Ovo polje ne sme da ima više od 1 karaktera (trenutno ima 3).", "Ovo polje mora da ima najmanje 3 karaktera (trenutno ima 1).", "Unesite ceo broj.", "Ovo polje se mora popuniti.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			tr, err := i18n.For(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			f := decl.Bind(data, nil, forms.Options{Translator: tr})
			for field, want := range map[string]string{"name": tt.name, "code": tt.code, "n": tt.n, "h": tt.required} {
				if got := f.Errors().Get(field).Messages(); len(got) != 1 || got[0] != want {
					t.Errorf("%s: got %q, want %q", field, got, want)
				}
			}
			if tt.hid == "" {
				return
			}
			h, err := f.AsDiv()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(h), tt.hid) {
				t.Errorf("hidden field error %q missing from\n%s", tt.hid, h)
			}
		})
	}
}

// The expected messages are the reference Django's ngettext for the
// count, interpolated: one case of each plural family (Arabic's six
// forms, the Slavic three, Czech's, Welsh's four, Japanese's one,
// Romanian's, Lithuanian's, Slovenian's four), and Irish, whose catalog
// lacks the message.
func TestPlurals(t *testing.T) {
	tests := []struct {
		lang  string
		limit int
		want  string
	}{
		{"en", 0, "Ensure this value has at most 0 characters (it has 30)."},
		{"en", 1, "Ensure this value has at most 1 character (it has 30)."},
		{"de", 1, "Bitte sicherstellen, dass der Wert aus höchstens 1 Zeichen besteht. (Er besteht aus 30 Zeichen.)"},
		{"zh-Hans", 21, "确保该变量包含不超过 21 字符 (目前字符数 30)。"},
		{"sr-Latn", 2, "Ovo polje ne sme da ima više od 2 karaktera (trenutno ima 30)."},
		{"ar", 0, "تأكد أن هذه القيمة تحتوي على 0 حرف أو رمز على الأكثر (هي تحتوي حالياً على 30)."},
		{"ar", 1, "تأكد أن هذه القيمة تحتوي على حرف أو رمز 1 على الأكثر (هي تحتوي حالياً على 30)."},
		{"ar", 2, "تأكد أن هذه القيمة تحتوي على 2 حرف و رمز على الأكثر (هي تحتوي حالياً على 30)."},
		{"ar", 3, "تأكد أن هذه القيمة تحتوي على 3 حرف أو رمز على الأكثر (هي تحتوي حالياً على 30)."},
		{"ar", 11, "تأكد أن هذه القيمة تحتوي على 11 حرف أو رمز على الأكثر (هي تحتوي حالياً على 30)."},
		{"pl", 1, "Upewnij się, że ta wartość ma co najwyżej 1 znak (obecnie ma 30)."},
		{"pl", 2, "Upewnij się, że ta wartość ma co najwyżej 2 znaki (obecnie ma 30)."},
		{"pl", 5, "Upewnij się, że ta wartość ma co najwyżej 5 znaków (obecnie ma 30)."},
		{"pl", 22, "Upewnij się, że ta wartość ma co najwyżej 22 znaki (obecnie ma 30)."},
		{"ru", 1, "Убедитесь, что это значение содержит не более 1 символ (сейчас 30)."},
		{"ru", 3, "Убедитесь, что это значение содержит не более 3 символов (сейчас 30)."},
		{"ru", 21, "Убедитесь, что это значение содержит не более 21 символ (сейчас 30)."},
		{"uk", 2, "Переконайтеся, що це значення містить не більше ніж 2 символи (зараз 30)."},
		{"uk", 11, "Переконайтеся, що це значення містить не більше ніж 11 символів (зараз 30)."},
		{"cs", 1, "Tato hodnota má mít nejvýše 1 znak (nyní má 30)."},
		{"cs", 3, "Tato hodnota má mít nejvýše 3 znaky (nyní má 30)."},
		{"cs", 5, "Tato hodnota má mít nejvýše 5 znaků (nyní má 30)."},
		{"ga", 3, "Ensure this value has at most 3 characters (it has 30)."},
		{"cy", 1, "Sicrhewch fod gan y gwerth hwn ddim mwy na 1 nod (mae ganddo 30)."},
		{"cy", 8, "Sicrhewch fod gan y gwerth hwn ddim mwy na 8 nod (mae ganddo 30)."},
		{"ja", 2, "この値は 2 文字以下でなければなりません( 30 文字になっています)。"},
		{"ro", 1, "Asigurați-vă că această valoare are cel mult 1 caracter (are 30)."},
		{"ro", 2, "Asigurați-vă că această valoare are cel mult 2 caractere (are 30)."},
		{"ro", 20, "Asigurați-vă că această valoare are cel mult 20 de caractere (are 30)."},
		{"lt", 1, "Įsitikinkite, kad reikšmė sudaryta iš nedaugiau kaip 1 ženklo (dabartinis ilgis 30)."},
		{"lt", 10, "Įsitikinkite, kad reikšmė sudaryta iš nedaugiau kaip 10 ženklų (dabartinis ilgis 30)."},
		{"sl", 1, "Preverite, da ima ta vrednost največ 1 znak (trenutno ima 30)."},
		{"sl", 2, "Preverite, da ima ta vrednost največ 2 znaka (trenutno ima 30)."},
		{"sl", 3, "Preverite, da ima ta vrednost največ 3 znake (trenutno ima 30)."},
		{"sl", 5, "Preverite, da ima ta vrednost največ 5 znakov (trenutno ima 30)."},
		{"fr", 0, "Assurez-vous que cette valeur comporte au plus 0 caractère (actuellement 30)."},
		{"fr", 2, "Assurez-vous que cette valeur comporte au plus 2 caractères (actuellement 30)."},
	}
	for _, tt := range tests {
		tr, err := i18n.For(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		decl := forms.Declare(forms.Named("c", &forms.CharField{FieldCore: forms.FieldCore{Required: true, Validators: []validators.Validator{validators.MaxLength(tt.limit)}}}))
		f := decl.Bind(url.Values{"c": {strings.Repeat("x", 30)}}, nil, forms.Options{Translator: tr})
		if got := f.Errors().Get("c").Messages(); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s, max_length %d: got %q, want %q", tt.lang, tt.limit, got, tt.want)
		}
	}
	fr, _ := i18n.For("fr")
	if got := fr.Plural("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", 0); got != "Veuillez soumettre au plus %(num)d formulaire." {
		t.Errorf("Plural(0) = %q", got)
	}
}

// The most used languages translate every message the probe names, so
// that none silently falls back to English for a message the others have.
func TestCatalogsComplete(t *testing.T) {
	for _, lang := range []string{"fr", "de", "zh-hans", "es", "pt-br", "ru", "ja"} {
		tr, err := i18n.For(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range probe {
			if tr.Translate(m) == m {
				t.Errorf("%s does not translate %q", lang, m)
			}
		}
	}
}

var probe = []string{
	"This field is required.", "Enter a valid email address.", "Enter a valid URL.", "Enter a number.",
	"Select a valid choice. %(value)s is not one of the available choices.", "Enter a valid date.",
	"Unknown", "Yes", "Currently", "Change", "Clear", "Delete", "January",
	"(Hidden field %(name)s) %(error)s", "Please correct the duplicate values below.",
	"Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
	"Please submit at least %(num)d form.",
}

func TestWidgetTexts(t *testing.T) {
	tr, _ := i18n.For("de")
	decl := forms.Declare(forms.Named("ok", forms.NewNullBooleanField()))
	h, err := decl.New(forms.Options{Translator: tr}).AsDiv()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">Unbekannt</option>", ">Ja</option>", ">Nein</option>"} {
		if !strings.Contains(string(h), want) {
			t.Errorf("missing %q in\n%s", want, h)
		}
	}
	// The declared widget is shared: an English form still says Yes.
	h, _ = decl.New(forms.Options{}).AsDiv()
	if !strings.Contains(string(h), ">Yes</option>") {
		t.Errorf("English form changed by a German one:\n%s", h)
	}
}

func TestLazyLabelsAndBundle(t *testing.T) {
	b := i18n.NewBundle(&i18n.Catalog{Tag: language.French, Messages: map[string]string{
		"Your name": "Votre nom", "As on your card": "Comme sur votre carte", "Contact us": "Contactez-nous",
	}})
	fr := b.Negotiate("fr-CA")
	decl := forms.Declare(forms.Named("name", &forms.CharField{FieldCore: forms.FieldCore{Label: "Your name", HelpText: "As on your card"}}))
	h, err := decl.New(forms.Options{Translator: fr}).AsDiv()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Votre nom", "Comme sur votre carte"} {
		if !strings.Contains(string(h), want) {
			t.Errorf("missing %q in\n%s", want, h)
		}
	}
	// The built-in messages are still there.
	if got := fr.Translate("This field is required."); got != "Ce champ est obligatoire." {
		t.Errorf("built-in message lost: %q", got)
	}
	title := i18n.Lazy("Contact us")
	if title.In(fr) != "Contactez-nous" || title.In(nil) != "Contact us" || title.String() != "Contact us" {
		t.Errorf("Lazy: %q %q", title.In(fr), title.In(nil))
	}
	var zero *i18n.Translator
	if zero.Translate("Yes") != "Yes" || zero.Language() != language.English {
		t.Error("a nil Translator must be English")
	}
}

func ExampleNegotiate() {
	tr := i18n.Negotiate("zh-Hans-CN,zh;q=0.9,en;q=0.5")
	fmt.Println(tr.Code())
	fmt.Println(tr.Translate("This field is required."))
	// Output:
	// zh-hans
	// 这个字段是必填项。
}

func ExampleTranslator_TranslateParams() {
	fr, _ := i18n.For("fr-CA")
	msg := "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
	// French uses the singular for zero.
	fmt.Println(fr.TranslateParams(msg, map[string]any{"limit_value": 0}))
	// Output:
	// Assurez-vous que cette valeur comporte au plus %(limit_value)d caractère (actuellement %(show_value)d).
}

// An application's catalog of a language Django lacks is negotiated like
// the built-in ones; its numbers and dates are English's.
func TestBundleNewLanguage(t *testing.T) {
	b := i18n.NewBundle(&i18n.Catalog{Tag: language.Make("tlh"), Messages: map[string]string{"This field is required.": "poH!"}})
	tr := b.Negotiate("tlh;q=0.9,fr;q=0.1")
	if tr.Code() != "tlh" || tr.Translate("This field is required.") != "poH!" {
		t.Errorf("got %s: %q", tr.Code(), tr.Translate("This field is required."))
	}
	if tr.Formats().DecimalSeparator != "." || tr.Bidi() || tr.Name() != "" {
		t.Errorf("tlh formats %+v, bidi %v, name %q", tr.Formats(), tr.Bidi(), tr.Name())
	}
	if _, err := i18n.For("tlh"); err == nil {
		t.Error("the built-in bundle has no tlh")
	}
	// The built-in bundle is not changed by another bundle's catalogs.
	if got := i18n.Negotiate("tlh").Code(); got != "en" {
		t.Errorf("built-in Negotiate(tlh) = %s", got)
	}
}
