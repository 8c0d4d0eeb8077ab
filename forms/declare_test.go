package forms_test

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// TestDeclareMistakes: every mistake in a declaration is an error from
// Declare naming the field and the setting, never a panic or a message a
// visitor sees later.
func TestDeclareMistakes(t *testing.T) {
	dec := func(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }
	tests := []struct {
		name   string
		fields []forms.NamedField
		want   string
	}{
		{"nil field", []forms.NamedField{forms.Named("x", nil)},
			`forms: field "x" is nil`},
		{"typed nil field", []forms.NamedField{forms.Named("x", (*forms.CharField)(nil))},
			`forms: field "x" is nil`},
		{"no name", []forms.NamedField{forms.Named("", &forms.CharField{})},
			`forms: field 0 (*forms.CharField) has no name`},
		{"duplicate name", []forms.NamedField{forms.Named("a", &forms.CharField{}), forms.Named("a", &forms.EmailField{})},
			`forms: field "a" is declared twice (fields 0 and 1)`},
		{"bad regex", []forms.NamedField{forms.Named("code", &forms.RegexField{Regex: "(ab"})},
			`forms: field "code": Regex "(ab" does not compile: `},
		{"negative max length", []forms.NamedField{forms.Named("s", &forms.CharField{MaxLength: -1})},
			`forms: field "s": MaxLength is -1; want 0 (no limit) or more`},
		{"integer step negative", []forms.NamedField{forms.Named("age", &forms.IntegerField{StepSize: -5})},
			`forms: field "age": StepSize is -5; want a positive step, or 0 for none`},
		{"float step negative", []forms.NamedField{forms.Named("r", &forms.FloatField{StepSize: -0.5})},
			`forms: field "r": StepSize is -0.5; want a positive step, or 0 for none`},
		{"decimal step negative", []forms.NamedField{forms.Named("p", &forms.DecimalField{StepSize: decimal.RequireFromString("-0.05")})},
			`forms: field "p": StepSize is -0.05; want a positive step, or zero for none`},
		{"integer min above max", []forms.NamedField{forms.Named("n", &forms.IntegerField{MinValue: new(int64(10)), MaxValue: new(int64(1))})},
			`forms: field "n": MinValue 10 is above MaxValue 1`},
		{"float min above max", []forms.NamedField{forms.Named("n", &forms.FloatField{MinValue: new(2.5), MaxValue: new(1.5)})},
			`forms: field "n": MinValue 2.5 is above MaxValue 1.5`},
		{"decimal min above max", []forms.NamedField{forms.Named("n", &forms.DecimalField{MinValue: dec("2.50"), MaxValue: dec("1")})},
			`forms: field "n": MinValue 2.5 is above MaxValue 1`},
		{"max digits below decimal places", []forms.NamedField{forms.Named("price", &forms.DecimalField{MaxDigits: new(2), DecimalPlaces: new(3)})},
			`forms: field "price": MaxDigits 2 is below DecimalPlaces 3`},
		{"initial not of the choices' type", []forms.NamedField{forms.Named("size", &forms.ChoiceField{
			FieldCore: forms.FieldCore{Initial: 2.5}, Choices: []forms.Choice{{Value: "s", Label: "Small"}}})},
			`forms: field "size": Initial has type float64, not the type of the choices' values`},
		{"multiple initial not a list", []forms.NamedField{forms.Named("tags", &forms.MultipleChoiceField{ChoiceField: forms.ChoiceField{
			FieldCore: forms.FieldCore{Initial: "a"}, Choices: []forms.Choice{{Value: "a", Label: "A"}}}})},
			`forms: field "tags": Initial has type string; want a list of choice values`},
		{"file widget on a text field", []forms.NamedField{forms.Named("doc", &forms.CharField{FieldCore: forms.FieldCore{Widget: widgets.NewFileInput(nil)}})},
			`forms: field "doc": Widget *widgets.FileInput uploads a file, which a *forms.CharField cannot clean`},
		{"list widget on a one-value field", []forms.NamedField{forms.Named("c", &forms.ChoiceField{FieldCore: forms.FieldCore{Widget: widgets.NewCheckboxSelectMultiple(nil)}})},
			`forms: field "c": Widget *widgets.CheckboxSelectMultiple submits a list, which a *forms.ChoiceField cannot clean (use a MultipleChoiceField)`},
		{"multi widget on a one-value field", []forms.NamedField{forms.Named("when", &forms.DateTimeField{FieldCore: forms.FieldCore{Widget: widgets.NewSplitDateTimeWidget(nil)}})},
			`forms: field "when": Widget *widgets.SplitDateTimeWidget submits several values, which a *forms.DateTimeField cannot clean (use a MultiValueField)`},
		{"unknown protocol", []forms.NamedField{forms.Named("ip", &forms.GenericIPAddressField{Protocol: "IPv5"})},
			`forms: field "ip": Protocol "IPv5": `},
		{"nil validator", []forms.NamedField{forms.Named("v", &forms.CharField{FieldCore: forms.FieldCore{Validators: []validators.Validator{nil}}})},
			`forms: field "v": Validators[0] is nil`},
		{"every mistake reported", []forms.NamedField{forms.Named("a", nil), forms.Named("b", &forms.IntegerField{StepSize: -1})},
			"forms: field \"a\" is nil\nforms: field \"b\": StepSize is -1; want a positive step, or 0 for none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := forms.Declare(tt.fields...)
			if err == nil {
				t.Fatalf("Declare succeeded, want %q", tt.want)
			}
			if d != nil {
				t.Errorf("Declare returned a declaration with its error")
			}
			got := err.Error()
			if strings.HasSuffix(tt.want, ": ") {
				if !strings.HasPrefix(got, tt.want) {
					t.Errorf("err %q\nwant prefix %q", got, tt.want)
				}
			} else if got != tt.want {
				t.Errorf("err %q\nwant       %q", got, tt.want)
			}
		})
	}
}

func TestMustDeclarePanicsWithTheError(t *testing.T) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok || err.Error() != `forms: field "x" is nil` {
			t.Errorf("recovered %v", r)
		}
	}()
	forms.MustDeclare(forms.Named("x", nil))
}

// TestZeroValueIsDjangoDefault: a field literal with nothing set, its
// constructor and a struct tag all give Django's field with no arguments.
func TestZeroValueIsDjangoDefault(t *testing.T) {
	type tagged struct {
		Email string `formwork:"email,type=EmailField"`
	}
	fromTag := forms.MustFor[tagged]().Declaration.Fields[0].Field
	long := strings.Repeat("a", 310) + "@example.com" // 322 characters
	for name, f := range map[string]forms.Field{"literal": &forms.EmailField{}, "constructor": forms.NewEmailField(), "tag": fromTag} {
		t.Run(name, func(t *testing.T) {
			d := forms.MustDeclare(forms.Named("email", f))
			empty := d.Bind(url.Values{}, nil, forms.Options{})
			if !empty.HasError("email", "required") {
				t.Errorf("empty: errors %v, want required", empty.Errors().Keys())
			}
			if !d.Bind(url.Values{"email": {long}}, nil, forms.Options{}).HasError("email", "max_length") {
				t.Error("a 322-character address passed: no default MaxLength of 320")
			}
			h, err := d.New(forms.Options{}).AsP()
			if err != nil || !strings.Contains(string(h), `maxlength="320" required`) {
				t.Errorf("html %s, %v", h, err)
			}
			if f := d.Bind(url.Values{"email": {"  a@example.com "}}, nil, forms.Options{}); !f.IsValid() || f.CleanedData()["email"] != "a@example.com" {
				t.Errorf("not stripped: %v", f.CleanedData())
			}
		})
	}
	opt := forms.MustDeclare(forms.Named("email", &forms.EmailField{CharField: forms.CharField{FieldCore: forms.FieldCore{Optional: true}, NoMaxLength: true}}))
	if f := opt.Bind(url.Values{}, nil, forms.Options{}); !f.IsValid() {
		t.Errorf("Optional: %v", f.Errors().Keys())
	}
	if h, _ := opt.New(forms.Options{}).AsP(); strings.Contains(string(h), "maxlength") || strings.Contains(string(h), "required") {
		t.Errorf("NoMaxLength, Optional: %s", h)
	}
	ip := forms.MustDeclare(forms.Named("ip", &forms.GenericIPAddressField{}))
	if h, _ := ip.New(forms.Options{}).AsP(); !strings.Contains(string(h), `maxlength="39"`) {
		t.Errorf("GenericIPAddressField default max length: %s", h)
	}
}

// TestDeclareKeepsCopies: a declaration does not change once declared.
func TestDeclareKeepsCopies(t *testing.T) {
	age := &forms.IntegerField{}
	d := forms.MustDeclare(forms.Named("age", age))
	age.StepSize = 5
	age.Optional = true
	if f := d.Bind(url.Values{"age": {"7"}}, nil, forms.Options{}); !f.IsValid() {
		t.Errorf("changing the field after Declare changed the declaration: %v", f.Errors().Keys())
	}
	if f := d.Bind(url.Values{}, nil, forms.Options{}); f.IsValid() {
		t.Error("Optional set after Declare took effect")
	}
	// Field returns a copy: a starting point for another declaration.
	c := d.Field("age").(*forms.IntegerField)
	c.StepSize = 5
	if f := d.Bind(url.Values{"age": {"7"}}, nil, forms.Options{}); !f.IsValid() {
		t.Error("changing Field's copy changed the declaration")
	}
	d2 := forms.MustDeclare(forms.Named("age", c))
	if f := d2.Bind(url.Values{"age": {"7"}}, nil, forms.Options{}); !f.HasError("age", "step_size") {
		t.Errorf("the changed copy, declared again: errors %v, want step_size", f.Errors().Keys())
	}
	// Sub-fields are copied too: a ComboField does not make the caller's
	// parts optional.
	part := &forms.CharField{MaxLength: 3}
	forms.MustDeclare(forms.Named("combo", forms.NewComboField(part)))
	if part.Optional {
		t.Error("Declare changed a ComboField part it was given")
	}
}

func TestTypedNumberSettings(t *testing.T) {
	d := forms.MustDeclare(
		forms.Named("n", &forms.IntegerField{MinValue: new(int64(0)), MaxValue: new(int64(100)), StepSize: 5}),
		forms.Named("r", &forms.FloatField{StepSize: 0.25}),
		forms.Named("p", &forms.DecimalField{MaxValue: new(decimal.RequireFromString("9.99")), DecimalPlaces: new(2)}),
	)
	h, err := d.New(forms.Options{}).AsP()
	for _, want := range []string{`min="0" max="100" step="5"`, `step="0.25"`, `max="9.99" step="0.01"`} {
		if err != nil || !strings.Contains(string(h), want) {
			t.Errorf("html lacks %s: %s %v", want, h, err)
		}
	}
	f := d.Bind(url.Values{"n": {"7"}, "r": {"0.3"}, "p": {"10"}}, nil, forms.Options{})
	for name, code := range map[string]string{"n": "step_size", "r": "step_size", "p": "max_value"} {
		if !f.HasError(name, code) {
			t.Errorf("%s: no %s error (%v)", name, code, f.Errors().Get(name).Messages())
		}
	}
	ok := d.Bind(url.Values{"n": {"10"}, "r": {"0.5"}, "p": {"9.99"}}, nil, forms.Options{})
	if !ok.IsValid() {
		t.Errorf("valid numbers rejected: %v", ok.Errors().Keys())
	}
}

// TestFailuresAreNotMessages: an error that is not a validation error (a
// hook's or a validator's failure) makes the form invalid and reaches the
// handler through Err and rendering; the visitor never sees its text.
func TestFailuresAreNotMessages(t *testing.T) {
	failing := validators.Func(func(any) error { return errors.New("store: connection refused") })
	tests := []struct {
		name string
		decl func() *forms.Declaration
		want string
	}{
		{"validator", func() *forms.Declaration {
			return forms.MustDeclare(forms.Named("name", &forms.CharField{FieldCore: forms.FieldCore{Validators: []validators.Validator{failing}}}))
		}, `forms: cleaning field "name": store: connection refused`},
		{"clean hook", func() *forms.Declaration {
			d := forms.MustDeclare(forms.Named("name", &forms.CharField{}))
			d.Clean = func(*forms.Form) error { return errors.New("store: connection refused") }
			return d
		}, `forms: cleaning the form's Clean: store: connection refused`},
		{"field hook", func() *forms.Declaration {
			d := forms.MustDeclare(forms.Named("name", &forms.CharField{}))
			d.CleanField = map[string]func(*forms.Form, any) (any, error){
				"name": func(*forms.Form, any) (any, error) { return nil, fmt.Errorf("lookup: %w", errors.New("timeout")) },
			}
			return d
		}, `forms: cleaning field "name": lookup: timeout`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.decl().Bind(url.Values{"name": {"Ann"}}, nil, forms.Options{})
			if f.IsValid() {
				t.Fatal("valid")
			}
			if err := f.Err(); err == nil || err.Error() != tt.want {
				t.Errorf("Err() = %v, want %s", err, tt.want)
			}
			if f.Errors().Len() != 0 {
				t.Errorf("the failure became a message: %v", f.Errors().JSON())
			}
			if h, err := f.HTML(); err == nil || strings.Contains(string(h), "refused") {
				t.Errorf("HTML() = %q, %v; want the error", h, err)
			}
		})
	}
	// A validation error from a hook is a message, as before.
	d := forms.MustDeclare(forms.Named("name", &forms.CharField{}))
	d.Clean = func(*forms.Form) error { return validators.NewError("Taken.", "taken", nil) }
	f := d.Bind(url.Values{"name": {"Ann"}}, nil, forms.Options{})
	if f.Err() != nil || !f.HasError(forms.NonFieldErrors, "taken") {
		t.Errorf("validation error: Err %v, errors %v", f.Err(), f.Errors().Keys())
	}
}
