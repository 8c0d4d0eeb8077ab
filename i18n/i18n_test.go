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
		{"zh-Hans-CN", "zh-Hans"},
		{"zh-CN", "zh-Hans"},
		{"sr-Latn-RS", "sr-Latn"},
		{"ja,en;q=0.1", "en"},
		{"ja", "en"},
		{"en-GB,fr;q=0.8", "en"},
		{"nl;q=0.9,de;q=0.8", "de"},
		{"not a header!!", "en"},
	}
	for _, tt := range tests {
		if got := i18n.Negotiate(tt.header).Language().String(); got != tt.want {
			t.Errorf("Negotiate(%q) = %s, want %s", tt.header, got, tt.want)
		}
	}
}

func TestFor(t *testing.T) {
	tests := []struct {
		tag, want string
		err       bool
	}{
		{"fr", "fr", false},
		{"zh-Hans-CN", "zh-Hans", false},
		{"sr-Latn-RS", "sr-Latn", false},
		{"de-AT", "de", false},
		{"en-US", "en", false},
		{"ja", "", true},
		{"x--bad", "", true},
	}
	for _, tt := range tests {
		tr, err := i18n.For(tt.tag)
		if tt.err {
			if err == nil {
				t.Errorf("For(%q) = %s, want an error", tt.tag, tr)
			} else if !strings.Contains(err.Error(), tt.tag) {
				t.Errorf("For(%q) error %q does not name the tag", tt.tag, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("For(%q): %v", tt.tag, err)
			continue
		}
		if got := tr.Language().String(); got != tt.want {
			t.Errorf("For(%q) = %s, want %s", tt.tag, got, tt.want)
		}
	}
}

// The expected messages are the reference Django's, in each language.
func TestFormMessages(t *testing.T) {
	decl := forms.MustDeclare(
		forms.Named("name", &forms.CharField{MaxLength: 1}),
		forms.Named("code", &forms.CharField{MinLength: 3}),
		forms.Named("n", forms.NewIntegerField()),
		forms.Named("h", &forms.CharField{FieldCore: forms.FieldCore{Widget: widgets.NewHiddenInput(nil)}}),
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

// French uses the singular for 0 and 1, Serbian has three forms, Chinese
// one; the count is the message's limit_value, not the English form.
func TestPlurals(t *testing.T) {
	tests := []struct {
		lang  string
		limit int
		want  string
	}{
		{"en", 0, "Ensure this value has at most 0 characters (it has 30)."},
		{"en", 1, "Ensure this value has at most 1 character (it has 30)."},
		{"fr", 0, "Assurez-vous que cette valeur comporte au plus 0 caractère (actuellement 30)."},
		{"fr", 1, "Assurez-vous que cette valeur comporte au plus 1 caractère (actuellement 30)."},
		{"fr", 2, "Assurez-vous que cette valeur comporte au plus 2 caractères (actuellement 30)."},
		{"de", 1, "Bitte sicherstellen, dass der Wert aus höchstens 1 Zeichen besteht. (Er besteht aus 30 Zeichen.)"},
		{"de", 5, "Bitte sicherstellen, dass der Wert aus höchstens 5 Zeichen besteht. (Er besteht aus 30 Zeichen.)"},
		{"zh-Hans", 1, "确保该变量包含不超过 1 字符 (目前字符数 30)。"},
		{"zh-Hans", 21, "确保该变量包含不超过 21 字符 (目前字符数 30)。"},
		{"sr-Latn", 2, "Ovo polje ne sme da ima više od 2 karaktera (trenutno ima 30)."},
		{"sr-Latn", 21, "Ovo polje ne sme da ima više od 21 karaktera (trenutno ima 30)."},
	}
	for _, tt := range tests {
		tr, err := i18n.For(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		decl := forms.MustDeclare(forms.Named("c", &forms.CharField{FieldCore: forms.FieldCore{Validators: []validators.Validator{validators.MaxLength(tt.limit)}}}))
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

// Every built-in catalog translates the same messages, so that no
// language silently falls back to English for a message the others have.
func TestCatalogsComplete(t *testing.T) {
	b := i18n.NewBundle()
	var ref []string
	for _, lang := range []string{"fr", "de", "zh-Hans"} {
		tr, err := b.Translator(lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range probe {
			if tr.Translate(m) != m {
				got = append(got, m)
			}
		}
		if ref == nil {
			ref = got
			if len(ref) != len(probe) {
				t.Errorf("%s translates %d of %d probe messages", lang, len(ref), len(probe))
			}
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(ref) {
			t.Errorf("%s translates %v, fr %v", lang, got, ref)
		}
	}
}

var probe = []string{
	"This field is required.", "Enter a valid email address.", "Enter a valid URL.", "Enter a number.",
	"Select a valid choice. %(value)s is not one of the available choices.", "Enter a valid date.",
	"Unknown", "Yes", "No", "Currently", "Change", "Clear", "Order", "Delete",
	"(Hidden field %(name)s) %(error)s", "Please correct the duplicate values below.",
	"Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
	"Please submit at least %(num)d form.",
}

func TestWidgetTexts(t *testing.T) {
	tr, _ := i18n.For("de")
	decl := forms.MustDeclare(forms.Named("ok", forms.NewNullBooleanField()))
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
	decl := forms.MustDeclare(forms.Named("name", &forms.CharField{FieldCore: forms.FieldCore{Label: "Your name", HelpText: "As on your card"}}))
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
	fmt.Println(tr.Language())
	fmt.Println(tr.Translate("This field is required."))
	// Output:
	// zh-Hans
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
