package a11y_test

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

var colours = []forms.Choice{{Value: "r", Label: "Red"}, {Value: "g", Label: "Green"}, {Value: "b", Label: "Blue"}}

// TestAccessibleMultipleSelection checks that the AccessibleFormRenderer
// shows a <select multiple> as checkboxes in a fieldset, which submit what
// the list box would, so that the field cleans the same data.
func TestAccessibleMultipleSelection(t *testing.T) {
	themed := widgets.NewSelectMultiple(nil)
	themed.Template = "django/forms/widgets/select.html"
	sized := widgets.NewSelectMultiple(renderers.Attrs{"size": 3, "class": "pick"})
	tests := []struct {
		name   string
		widget widgets.Widget // nil: the field's default, SelectMultiple
		noIDs  bool
		data   url.Values
		want   []string // substrings of the rendering
		absent []string
	}{
		{
			name: "default widget", data: url.Values{"colours": {"r", "b"}},
			want: []string{
				`<fieldset>`, `<legend id="id_colours_legend">Colours:`,
				`<input type="checkbox" name="colours" value="r" checked id="id_colours_0">`,
				`<input type="checkbox" name="colours" value="g" id="id_colours_1">`,
				`<input type="checkbox" name="colours" value="b" checked id="id_colours_2">`,
			},
			absent: []string{`<select`, `multiple`, `" required`}, // the legend says "(required)"
		},
		{
			name: "invalid choice", data: url.Values{"colours": {"x"}},
			want: []string{
				`<a href="#id_colours_0">`,
				`aria-describedby="id_colours_errors" aria-invalid="true" id="id_colours_0"`,
			},
		},
		{
			name: "no ids", noIDs: true, data: url.Values{"colours": {"g"}},
			want:   []string{`<fieldset>`, `<legend id="colours_legend">Colours:`, `<input type="checkbox" name="colours" value="g" checked>`},
			absent: []string{`<select`},
		},
		{
			name: "select attributes", widget: sized, data: url.Values{},
			want:   []string{`<input type="checkbox" name="colours" value="r" class="pick"`},
			absent: []string{`size=`, `<select`},
		},
		{
			name: "a theme's template", widget: themed, data: url.Values{"colours": {"g"}},
			want:   []string{`<select name="colours"`, `multiple`, `<label for="id_colours">`},
			absent: []string{`type="checkbox"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			field := forms.NewMultipleChoiceField(colours...)
			if tt.widget != nil {
				field.Widget = tt.widget
			}
			d := forms.MustDeclare(forms.Named("colours", field))
			f := d.Bind(tt.data, nil, forms.Options{Renderer: renderers.NewAccessible(), NoAutoID: tt.noIDs})
			h, err := f.Render()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.want {
				if !strings.Contains(string(h), s) {
					t.Errorf("rendering lacks %s:\n%s", s, h)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(string(h), s) {
					t.Errorf("rendering has %s:\n%s", s, h)
				}
			}
			// Django's renderers keep the list box.
			f = d.Bind(tt.data, nil, forms.Options{Renderer: renderers.NewDjangoDivFormRenderer(), NoAutoID: tt.noIDs})
			if h, err := f.Render(); err != nil || !strings.Contains(string(h), "<select") {
				t.Errorf("the div renderer should render a <select>: %v\n%s", err, h)
			}
		})
	}

	// What the checkboxes post cleans as the list box's data does.
	d := forms.MustDeclare(forms.Named("colours", forms.NewMultipleChoiceField(colours...)))
	f := d.Bind(url.Values{"colours": {"r", "b"}}, nil, forms.Options{Renderer: renderers.NewAccessible()})
	if !f.IsValid() {
		t.Fatalf("errors: %v", f.Errors())
	}
	if got, want := f.CleanedData()["colours"], []any{"r", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("cleaned %#v, want %#v", got, want)
	}
}

// TestAccessibleTranslations checks that the texts the accessible
// templates add are shown in the form's language.
func TestAccessibleTranslations(t *testing.T) {
	tests := []struct {
		lang                     string
		problem, required, form1 string
	}{
		{"en", "There is a problem", "(required)", "Form 1"},
		{"fr", "Il y a un problème", "(obligatoire)", "Formulaire 1"},
		{"de", "Es gibt ein Problem", "(erforderlich)", "Formular 1"},
		{"zh-Hans", "出现了问题", "（必填）", "表单 1"},
		{"sr-Latn", "Postoji problem", "(obavezno)", "Obrazac 1"},
	}
	item := forms.MustDeclare(forms.Named("title", forms.NewCharField()))
	items := formsets.MustDeclare(item, formsets.MinNum(2), formsets.ValidateMin(true))
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			tr := i18n.Negotiate(tt.lang)
			if got := tr.Language().String(); got != tt.lang {
				t.Fatalf("translator for %q is %q", tt.lang, got)
			}
			opts := forms.Options{Renderer: renderers.NewAccessible(), Translator: tr}
			h, err := item.Bind(url.Values{}, nil, opts).Render()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"<h2>" + tt.problem + "</h2>", `<span class="required"> ` + tt.required + "</span>"} {
				if !strings.Contains(string(h), s) {
					t.Errorf("form lacks %s:\n%s", s, h)
				}
			}
			fs := items.Bind(url.Values{"form-TOTAL_FORMS": {"1"}, "form-INITIAL_FORMS": {"0"}, "form-0-title": {"Dune"}}, nil,
				formsets.Options{Renderer: renderers.NewAccessible(), Translator: tr})
			h, err = fs.Render()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"<h2>" + tt.problem + "</h2>", "<legend>" + tt.form1 + "</legend>"} {
				if !strings.Contains(string(h), s) {
					t.Errorf("formset lacks %s:\n%s", s, h)
				}
			}
		})
	}
}

// TestAccessibleFormset checks the accessible formset template: the
// formset's own errors in an alert, each form in a fieldset, and the
// management form as Django renders it.
func TestAccessibleFormset(t *testing.T) {
	item := forms.MustDeclare(forms.Named("title", forms.NewCharField()))
	tests := []struct {
		name   string
		decl   *formsets.Declaration
		data   url.Values
		want   []string
		absent []string
		alerts int // error summaries, when not 0
	}{
		{
			name: "too few forms", decl: formsets.MustDeclare(item, formsets.MinNum(2), formsets.ValidateMin(true)),
			data: url.Values{"form-TOTAL_FORMS": {"1"}, "form-INITIAL_FORMS": {"0"}, "form-0-title": {"Dune"}},
			want: []string{
				`<div class="error-summary" role="alert">`,
				"<ul>\n  <li>Please submit at least 2 forms.</li>",
				`<fieldset>
<legend>Form 1</legend>`,
				`<input type="hidden" name="form-TOTAL_FORMS" value="1" id="id_form-TOTAL_FORMS">`,
			},
		},
		{
			name: "errors in two forms", decl: formsets.MustDeclare(item, formsets.Extra(0)),
			data: url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"2"}, "form-0-title": {""}, "form-1-title": {""}},
			// One summary for the page, each item naming its form.
			want: []string{
				`<li><a href="#id_form-0-title">Form 1: Title: This field is required.</a></li>`,
				`<li><a href="#id_form-1-title">Form 2: Title: This field is required.</a></li>`,
				`aria-describedby="id_form-1-title_errors"`,
			},
			alerts: 1,
		},
		{
			name: "too many forms", decl: formsets.MustDeclare(item, formsets.MaxNum(1), formsets.ValidateMax(true)),
			data: url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"0"}, "form-0-title": {"Dune"}, "form-1-title": {"Emma"}},
			want: []string{`role="alert"`, `<li>Please submit at most 1 form.</li>`, `<legend>Form 1</legend>`, `<legend>Form 2</legend>`},
		},
		{
			name: "unbound", decl: formsets.MustDeclare(item, formsets.Extra(2)),
			want: []string{
				`<legend>Form 1</legend>`, `<legend>Form 2</legend>`,
				`<input type="hidden" name="form-TOTAL_FORMS" value="2" id="id_form-TOTAL_FORMS">`,
				`<input type="hidden" name="form-INITIAL_FORMS" value="0" id="id_form-INITIAL_FORMS">`,
			},
			absent: []string{`role="alert"`, `<legend>Form 3</legend>`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := formsets.Options{Renderer: renderers.NewAccessible()}
			var fs *formsets.Formset
			if tt.data == nil {
				fs = tt.decl.New(opts)
			} else {
				fs = tt.decl.Bind(tt.data, nil, opts)
			}
			h, err := fs.Render()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.want {
				if !strings.Contains(string(h), s) {
					t.Errorf("rendering lacks %s:\n%s", s, h)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(string(h), s) {
					t.Errorf("rendering has %s:\n%s", s, h)
				}
			}
			if n := strings.Count(string(h), `role="alert"`); tt.alerts != 0 && n != tt.alerts {
				t.Errorf("%d error summaries, want %d:\n%s", n, tt.alerts, h)
			}
			if n, m := strings.Count(string(h), "<fieldset>"), strings.Count(string(h), "<legend>Form "); n != m || n != len(fs.Forms()) {
				t.Errorf("%d fieldsets, %d form legends, %d forms", n, m, len(fs.Forms()))
			}
		})
	}
}
