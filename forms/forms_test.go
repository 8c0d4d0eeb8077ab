package forms_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/media"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// expected returns Django's result under key in testdata/forms_expected.json
// (written by testdata/gen_forms.py, whose forms mirror this file's).
func expected(t *testing.T, key string) any {
	t.Helper()
	b, err := os.ReadFile("testdata/forms_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("testdata/forms_expected.json: %v", err)
	}
	v, ok := m[key]
	if !ok {
		t.Fatalf("testdata/forms_expected.json has no %q", key)
	}
	return v
}

func expectedString(t *testing.T, key string) string {
	t.Helper()
	s, ok := expected(t, key).(string)
	if !ok {
		t.Fatalf("expected %q is not a string", key)
	}
	return s
}

// asJSON round-trips v through encoding/json so that it compares with a
// value decoded from forms_expected.json.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func checkJSON(t *testing.T, key string, got any) {
	t.Helper()
	if g, w := asJSON(t, got), expected(t, key); !reflect.DeepEqual(g, w) {
		t.Errorf("%s = %v, want %v", key, g, w)
	}
}

func checkHTML(t *testing.T, key string, got renderers.HTML, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", key, err)
		return
	}
	// Django orders a label's for and class attributes, and the classes
	// of css_classes, in ways formwork does not copy byte for byte, so
	// renderings compare as assertHTMLEqual does.
	if want := expectedString(t, key); string(got) != want && !htmlcmp.Equal(string(got), want, htmlcmp.Options{}) {
		t.Errorf("%s =\n%s\nwant\n%s", key, got, want)
	}
}

// contact is gen_forms.py's Contact form: a required name cleaned to
// upper case, an optional email with help text, and a hidden token; "bob"
// is refused by Clean on the name and on the form.
func contact() *forms.Declaration {
	name := forms.NewCharField()
	name.MaxLength = 10
	email := forms.NewEmailField()
	email.Optional = true
	email.HelpText = "We never share it."
	token := forms.NewCharField()
	token.Widget = widgets.NewHiddenInput(nil)
	d := forms.MustDeclare(
		forms.Named("name", name),
		forms.Named("email", email),
		forms.Named("token", token),
	)
	d.ErrorCSSClass = "err"
	d.RequiredCSSClass = "req"
	d.CleanField = map[string]func(*forms.Form, any) (any, error){
		"name": func(_ *forms.Form, v any) (any, error) { return strings.ToUpper(v.(string)), nil },
	}
	d.Clean = func(f *forms.Form) error {
		if f.CleanedData()["name"] == "BOB" {
			// Django's add_error("name", "Not Bob.") has no code.
			f.AddError("name", validators.NewError("Not Bob.", "", nil))
			return validators.NewError("Try again.", "again", nil)
		}
		return nil
	}
	return d
}

func str(s string) *string { return &s }

func invalidContact() *forms.Form {
	return contact().Bind(url.Values{"p-name": {""}, "p-email": {"x"}, "p-token": {""}}, nil,
		forms.Options{Prefix: "p", AutoID: "f_%s", LabelSuffix: str(" ->")})
}

func TestFormRenderStyles(t *testing.T) {
	f := invalidContact()
	if f.IsValid() {
		t.Fatal("form with empty required fields is valid")
	}
	h, err := f.AsDiv()
	checkHTML(t, "invalid_div", h, err)
	h, err = f.AsP()
	checkHTML(t, "invalid_p", h, err)

	d := initDecl()
	h, err = d.New(forms.Options{NoAutoID: true}).AsP()
	checkHTML(t, "unbound_p_noid", h, err)
	h, err = d.New(forms.Options{AutoID: "%s"}).AsTable()
	checkHTML(t, "table", h, err)
	h, err = d.New(forms.Options{}).AsUL()
	checkHTML(t, "ul", h, err)
}

func TestHiddenFieldErrorsShowAtTop(t *testing.T) {
	h, err := invalidContact().AsDiv()
	if err != nil {
		t.Fatal(err)
	}
	const want = `<ul class="errorlist nonfield"><li>(Hidden field token) This field is required.</li></ul>`
	if !strings.HasPrefix(string(h), want) {
		t.Errorf("rendering does not start with the hidden field's error:\n%s", h)
	}
}

func TestErrorDictAndList(t *testing.T) {
	f := invalidContact()
	errs := f.Errors()
	if got := errs.Keys(); !reflect.DeepEqual(got, []string{"name", "email", "token"}) {
		t.Errorf("Keys() = %q, want [name email token]", got)
	}
	h, err := errs.AsUL()
	checkHTML(t, "errors_ul", h, err)
	h, err = errs.HTML()
	checkHTML(t, "errors_ul", h, err)
	txt, err := errs.AsText()
	checkHTML(t, "errors_text", renderers.HTML(txt), err)
	checkJSON(t, "errors_json", errs.JSON())
	if got, want := errs.AsJSON(), expectedString(t, "errors_as_json"); got != want {
		t.Errorf("AsJSON() = %s, want %s", got, want)
	}

	l := f.Field("name").Errors()
	if got, want := l.AsJSON(), expectedString(t, "name_errors_as_json"); got != want {
		t.Errorf("name's AsJSON() = %s, want %s", got, want)
	}
	h, err = l.HTML()
	checkHTML(t, "name_errors_ul", h, err)
	txt, err = l.AsText()
	checkHTML(t, "name_errors_text", renderers.HTML(txt), err)

	if got := f.Field("email").Errors().Messages(); !reflect.DeepEqual(got, []string{"Enter a valid email address."}) {
		t.Errorf("email errors = %q", got)
	}
}

// An error dict and an error list print on the writers generated from
// their built-in templates, not through the template engine, for every
// built-in renderer: a few allocations (the result string), where the
// engine costs 80 to 110. The bound leaves room for the race detector,
// under which sync.Pool drops some of what it is given.
func TestErrorsRenderOnGeneratedWriters(t *testing.T) {
	for _, r := range []renderers.Renderer{renderers.NewDjangoTemplates(), renderers.NewDjangoDivFormRenderer(), renderers.NewJinja2()} {
		f := contact().Bind(url.Values{"name": {""}, "email": {"nope"}}, nil, forms.Options{Renderer: r})
		f.IsValid()
		errs, list := f.Errors(), f.Field("email").Errors()
		for _, tc := range []struct {
			name   string
			render func() error
		}{
			{"ErrorDict.AsUL", func() error { _, err := errs.AsUL(); return err }},
			{"ErrorDict.AsText", func() error { _, err := errs.AsText(); return err }},
			{"ErrorDict.HTML", func() error { _, err := errs.HTML(); return err }},
			{"ErrorList.AsText", func() error { _, err := list.AsText(); return err }},
		} {
			if err := tc.render(); err != nil {
				t.Fatalf("%T %s: %v", r, tc.name, err)
			}
			if n := testing.AllocsPerRun(20, func() { _ = tc.render() }); n > 30 {
				t.Errorf("%T %s: %.0f allocations per render, want at most 30 (the engine renders it)", r, tc.name, n)
			}
		}
	}
}

func TestCleanHooks(t *testing.T) {
	ok := contact().Bind(url.Values{"name": {" ann "}, "email": {"a@example.com"}, "token": {"t"}}, nil, forms.Options{})
	if v := ok.IsValid(); v != expected(t, "ok_valid") {
		t.Errorf("IsValid() = %v, errors %v", v, ok.Errors().JSON())
	}
	checkJSON(t, "ok_cleaned", sortedItems(ok.CleanedData()))

	bob := contact().Bind(url.Values{"name": {"bob"}, "email": {""}, "token": {"t"}}, nil, forms.Options{})
	if bob.IsValid() {
		t.Error("bob is valid; Clean should refuse him")
	}
	// AddError on a field removes it from the cleaned data.
	checkJSON(t, "bob_cleaned", sortedItems(bob.CleanedData()))
	checkJSON(t, "bob_errors", bob.Errors().JSON())
	if got := bob.Errors().Keys(); !reflect.DeepEqual(got, []string{"name", forms.NonFieldErrors}) {
		t.Errorf("Keys() = %q, want [name __all__]", got)
	}
	if !bob.HasError(forms.NonFieldErrors, "again") || bob.HasError("name", "again") || !bob.HasError("name", "") {
		t.Error("HasError does not match the errors added")
	}
	h, err := bob.NonFieldErrors().HTML()
	checkHTML(t, "bob_nonfield", h, err)
	h, err = bob.AsDiv()
	checkHTML(t, "bob_div", h, err)
}

func TestAddErrorUnknownFieldPanics(t *testing.T) {
	f := contact().Bind(url.Values{}, nil, forms.Options{})
	defer func() {
		if recover() == nil {
			t.Error("AddError on a field the form lacks did not panic (Django raises ValueError)")
		}
	}()
	f.AddError("nope", errors.New("x"))
}

func TestNonFieldErrorsEmpty(t *testing.T) {
	l := contact().New(forms.Options{}).NonFieldErrors()
	if l.Len() != 0 || l.Class != "errorlist nonfield" {
		t.Errorf("NonFieldErrors() of an unbound form = %d errors, class %q", l.Len(), l.Class)
	}
	h, err := l.HTML()
	if err != nil || h != "" {
		t.Errorf("empty list renders %q, %v; want \"\"", h, err)
	}
}

func sortedItems(m map[string]any) [][2]any {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([][2]any, len(keys))
	for i, k := range keys {
		out[i] = [2]any{k, m[k]}
	}
	return out
}

func ordered(names ...string) *forms.Declaration {
	var fs []forms.NamedField
	for _, n := range names {
		fs = append(fs, forms.Named(n, forms.NewCharField()))
	}
	return forms.MustDeclare(fs...)
}

func fieldNames(f *forms.Form) []string {
	var out []string
	for _, bf := range f.Fields() {
		out = append(out, bf.Name())
	}
	return out
}

func TestFieldOrder(t *testing.T) {
	d := ordered("a", "b", "c")
	d.FieldOrder = []string{"c", "a"}
	checkJSON(t, "order", fieldNames(d.New(forms.Options{})))
	// Unknown names are ignored; the options win over the declaration.
	checkJSON(t, "order2", fieldNames(d.New(forms.Options{FieldOrder: []string{"b", "zz"}})))
}

// initDecl is gen_forms.py's Init form.
func initDecl() *forms.Declaration {
	a := forms.NewCharField()
	a.Initial = "one"
	n := forms.NewIntegerField()
	n.Optional = true
	return forms.MustDeclare(forms.Named("a", a), forms.Named("n", n))
}

func TestInitialAndChanged(t *testing.T) {
	d := initDecl()
	initial := map[string]any{"n": 3}
	u := d.New(forms.Options{Initial: initial})
	checkJSON(t, "init_values", []any{u.Field("a").Value(), u.Field("n").Value()})
	if u.IsBound() || u.IsValid() || u.CleanedData() != nil || u.Errors().Len() != 0 {
		t.Error("an unbound form is bound, valid, has cleaned data or errors")
	}

	b := d.Bind(url.Values{"a": {"one"}, "n": {"4"}}, nil, forms.Options{Initial: initial})
	checkJSON(t, "bound_values", []any{b.Field("a").Value(), b.Field("n").Value()})
	checkJSON(t, "changed", b.ChangedData())
	if got := b.HasChanged(); got != expected(t, "has_changed") {
		t.Errorf("HasChanged() = %v", got)
	}
	same := d.Bind(url.Values{"a": {"one"}, "n": {"3"}}, nil, forms.Options{Initial: initial})
	checkJSON(t, "changed2", same.ChangedData())
	if same.HasChanged() {
		t.Error(`HasChanged() with "3" for initial 3 = true`)
	}
}

func TestEmptyPermitted(t *testing.T) {
	d := initDecl()
	no := false
	ep := d.Bind(url.Values{"a": {"one"}}, nil, forms.Options{EmptyPermitted: true, UseRequiredAttribute: &no})
	if got := ep.IsValid(); got != expected(t, "ep_valid") {
		t.Errorf("IsValid() of an unchanged empty-permitted form = %v", got)
	}
	checkJSON(t, "ep_cleaned", ep.CleanedData())

	ep2 := d.Bind(url.Values{"a": {"two"}, "n": {"x"}}, nil, forms.Options{EmptyPermitted: true, UseRequiredAttribute: &no})
	if got := ep2.IsValid(); got != expected(t, "ep2_valid") {
		t.Errorf("IsValid() of a changed empty-permitted form = %v", got)
	}
	checkJSON(t, "ep2_errors", ep2.Errors().JSON())

	h, err := d.New(forms.Options{EmptyPermitted: true, UseRequiredAttribute: &no, Renderer: renderers.NewDjangoDivFormRenderer()}).Render()
	checkHTML(t, "ep_div", h, err)
	// Django refuses empty_permitted with use_required_attribute left
	// True; formwork turns the attribute off instead.
	if d.New(forms.Options{EmptyPermitted: true}).UseRequiredAttribute() {
		t.Error("an empty-permitted form writes the required attribute")
	}
}

func TestBoundFieldLabels(t *testing.T) {
	f := invalidContact()
	h, err := f.Field("name").LabelTag(forms.LabelOptions{})
	checkHTML(t, "label_name", h, err)
	h, err = f.Field("email").LabelTag(forms.LabelOptions{
		Contents: "E <mail>", Attrs: renderers.Attrs{"class": "x"}, Suffix: str("!"),
	})
	checkHTML(t, "label_attrs", h, err)
	h, err = f.Field("name").LabelTag(forms.LabelOptions{Tag: "legend"})
	checkHTML(t, "legend_name", h, err)
	h, err = f.Field("name").LegendTag(forms.LabelOptions{})
	checkHTML(t, "legend_name", h, err)
	h, err = contact().New(forms.Options{NoAutoID: true}).Field("name").LabelTag(forms.LabelOptions{})
	checkHTML(t, "label_noid", h, err)
}

func TestCSSClasses(t *testing.T) {
	f := invalidContact()
	classes := func(s string) []string {
		c := strings.Fields(s)
		sort.Strings(c)
		return c
	}
	// Django joins a set, so only the classes, not their order, are
	// compared.
	checkJSON(t, "css_name", classes(f.Field("name").CSSClasses("x")))
	checkJSON(t, "css_email", classes(f.Field("email").CSSClasses("a b")))
	if got := classes(f.Field("name").CSSClasses("x req x")); !reflect.DeepEqual(got, []string{"err", "req", "x"}) {
		t.Errorf(`CSSClasses("x req x") = %q, want each class once`, got)
	}
}

func TestMediaAndMultipart(t *testing.T) {
	js := func(paths ...string) []media.Asset {
		var out []media.Asset
		for _, p := range paths {
			out = append(out, media.Path(p))
		}
		return out
	}
	w1 := widgets.NewTextInput(nil)
	w1.Media = media.New(nil, js("w1.js", "shared.js"))
	w2 := widgets.NewTextInput(nil)
	w2.Media = media.New([]media.MediumAssets{{Medium: "screen", Assets: js("w2.css")}}, js("shared.js", "w2.js"))
	a, b, c := forms.NewCharField(), forms.NewCharField(), forms.NewCharField()
	b.Widget, c.Widget = w1, w2
	d := forms.MustDeclare(
		forms.Named("a", a),
		forms.Named("f", forms.NewFileField()),
		forms.Named("b", b),
		forms.Named("c", c),
	)
	d.Media = media.New([]media.MediumAssets{{Medium: "all", Assets: js("form.css")}}, js("form.js"))
	f := d.New(forms.Options{})
	checkHTML(t, "media", renderers.HTML(f.Media().Render()), nil)
	checkJSON(t, "multipart", []bool{f.IsMultipart(), initDecl().New(forms.Options{}).IsMultipart()})
}

func TestOverlayLabelTemplate(t *testing.T) {
	r := &renderers.DjangoTemplates{
		FormTemplate: renderers.DivFormTemplate,
		Overlay: fstest.MapFS{
			"django/forms/label.html": {Data: []byte(`<span class="lbl">{{ label }}</span>`)},
		},
	}
	f := initDecl().New(forms.Options{Renderer: r})
	h, err := f.Field("a").LabelTag(forms.LabelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := `<span class="lbl">A:</span>`; string(h) != want {
		t.Errorf("LabelTag() = %q, want %q", h, want)
	}
	h, err = f.AsDiv()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(h), `<span class="lbl">N:</span>`) {
		t.Errorf("AsDiv() does not use the overlay's label template:\n%s", h)
	}
}

func TestBrokenOverlayIsAnError(t *testing.T) {
	for name, body := range map[string]string{
		"django/forms/label.html": `{% if label %}unclosed`,
		"django/forms/div.html":   `{% for f in fields %}{{ f.0 }`,
	} {
		t.Run(name, func(t *testing.T) {
			r := &renderers.DjangoTemplates{
				FormTemplate: renderers.DivFormTemplate,
				Overlay:      fstest.MapFS{name: {Data: []byte(body)}},
			}
			f := initDecl().New(forms.Options{Renderer: r})
			h, err := f.Render()
			if err == nil {
				t.Fatalf("Render() with a broken %s = %q, nil; want an error", name, h)
			}
			if !strings.Contains(err.Error(), name) {
				t.Errorf("error does not name the template %s: %v", name, err)
			}
			// The error is the developer's: String shows none of it.
			if s := f.String(); s != "" {
				t.Errorf("String() = %q, want nothing", s)
			}
		})
	}
}

func TestRenderTemplateMissing(t *testing.T) {
	_, err := initDecl().New(forms.Options{}).RenderTemplate("no/such/template.html")
	if err == nil || !strings.Contains(err.Error(), "no/such/template.html") {
		t.Errorf("RenderTemplate(missing) error = %v, want one naming the template", err)
	}
}

func TestAddPrefixAndNames(t *testing.T) {
	f := contact().New(forms.Options{Prefix: "p", AutoID: "x_%s_y"})
	bf := f.Field("name")
	got := fmt.Sprint(bf.HTMLName(), " ", bf.HTMLInitialName(), " ", bf.AutoID(), " ", bf.IDForLabel(), " ", bf.Label())
	if want := "p-name initial-p-name x_p-name_y x_p-name_y Name"; got != want {
		t.Errorf("names = %q, want %q", got, want)
	}
	// An auto_id without %s writes the name itself (Django's auto_id=True).
	if id := contact().New(forms.Options{AutoID: "on"}).Field("name").AutoID(); id != "name" {
		t.Errorf("AutoID with a pattern lacking %%s = %q, want name", id)
	}
}
