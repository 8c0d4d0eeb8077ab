package forms_test

import (
	"net/url"
	"reflect"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// bfDecl is a form whose fields exercise BoundField: a field showing its
// hidden initial value, a disabled one, a checkbox, radio buttons (no
// single id for a label) and a widget with its own id.
func bfDecl() *forms.Declaration {
	title := forms.NewCharField()
	title.Initial = "Draft"
	title.ShowHiddenInitial = true
	locked := forms.NewCharField()
	locked.Disabled = true
	locked.Initial = "fixed"
	agree := forms.NewBooleanField()
	agree.Optional = true
	color := forms.NewChoiceField(forms.Choice{Value: "r", Label: "Red"}, forms.Choice{Value: "g", Label: "Green"})
	color.Widget = widgets.NewRadioSelect(nil)
	when := forms.NewDateField()
	when.Widget = widgets.NewDateInput(renderers.Attrs{"id": "custom"})
	return forms.MustDeclare(
		forms.Named("title", title),
		forms.Named("locked", locked),
		forms.Named("agree", agree),
		forms.Named("color", color),
		forms.Named("when", when),
	)
}

// Expected values are Django 4.2's for the same form (class B in the
// reference's terms), checked with the reference Django.
func TestBoundFieldUnbound(t *testing.T) {
	f := bfDecl().New(forms.Options{})
	html := func(h renderers.HTML, err error) string {
		if err != nil {
			t.Helper()
			t.Error(err)
		}
		return string(h)
	}
	for _, tc := range []struct{ name, got, want string }{
		{"title HTML", html(f.Field("title").HTML()),
			`<input type="text" name="title" value="Draft" required id="id_title"><input type="hidden" name="initial-title" value="Draft" id="initial-id_title">`},
		{"title AsHidden", html(f.Field("title").AsHidden(nil, false)),
			`<input type="hidden" name="title" value="Draft" id="id_title">`},
		{"locked HTML", html(f.Field("locked").HTML()),
			`<input type="text" name="locked" value="fixed" required disabled id="id_locked">`},
		{"agree WidgetType", f.Field("agree").WidgetType(), "checkbox"},
		{"color WidgetType", f.Field("color").WidgetType(), "radioselect"},
		{"color IDForLabel", f.Field("color").IDForLabel(), ""},
		{"when IDForLabel", f.Field("when").IDForLabel(), "custom"},
		{"when LabelTag", html(f.Field("when").LabelTag(forms.LabelOptions{})), `<label for="custom">When:</label>`},
		{"color LabelTag", html(f.Field("color").LabelTag(forms.LabelOptions{})), `<label>Color:</label>`},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestBoundFieldBound(t *testing.T) {
	d := bfDecl()
	f := d.Bind(url.Values{
		"title": {"Final"}, "initial-title": {"Draft"}, "locked": {"hacked"},
		"agree": {"on"}, "color": {"g"}, "when": {"2024-01-02"},
	}, nil, forms.Options{})
	if !f.IsValid() {
		t.Fatalf("form invalid: %v", f.Errors().JSON())
	}
	// A disabled field keeps its initial value, whatever is submitted.
	if got := f.CleanedData()["locked"]; got != "fixed" {
		t.Errorf(`CleanedData()["locked"] = %v, want "fixed"`, got)
	}
	if got := f.Field("locked").Value(); got != "fixed" {
		t.Errorf(`locked Value() = %v, want "fixed"`, got)
	}
	if got, want := f.ChangedData(), []string{"title", "agree", "color", "when"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ChangedData() = %q, want %q", got, want)
	}
	h, err := f.Field("title").HTML()
	if want := `<input type="text" name="title" value="Final" required id="id_title"><input type="hidden" name="initial-title" value="Draft" id="initial-id_title">`; err != nil || string(h) != want {
		t.Errorf("title HTML() = %q, %v; want %q", h, err, want)
	}

	// With show_hidden_initial the initial value compared is the one
	// submitted in initial-title, not the declared one.
	f2 := d.Bind(url.Values{"title": {"Draft"}, "initial-title": {"Other"}, "color": {"r"}, "when": {"2024-01-02"}}, nil, forms.Options{})
	if got, want := f2.ChangedData(), []string{"title", "color", "when"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ChangedData() = %q, want %q", got, want)
	}
}

func TestBoundFieldCallableInitial(t *testing.T) {
	n := 0
	c := forms.NewCharField()
	c.Initial = func() any { n++; return "v" }
	f := forms.MustDeclare(forms.Named("a", c)).New(forms.Options{})
	bf := f.Field("a")
	if bf.Initial() != "v" || bf.Value() != "v" || n != 1 {
		t.Errorf("callable initial: Initial %v, Value %v, called %d times; want v, v, once", bf.Initial(), bf.Value(), n)
	}
}
