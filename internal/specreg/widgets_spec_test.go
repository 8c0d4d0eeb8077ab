package specreg

import (
	"fmt"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
	"reflect"
	"strings"
	"testing"
)

func TestCloneIsIndependent(t *testing.T) {
	for _, name := range WidgetNames() {
		w := buildWidget(t, name, nil)
		w.Base().Attrs = renderers.Attrs{"class": "a"}
		c := w.Clone()
		c.Base().Attrs["class"] = "b"
		if reflect.TypeOf(c) != reflect.TypeOf(w) {
			t.Errorf("%s: Clone is a %T", name, c)
		}
		if w.Base().Attrs["class"] != "a" {
			t.Errorf("%s: changing the clone's attrs changed the original", name)
		}
	}
	s := widgets.NewSelect(nil)
	s.Choices = []widgets.Choice{{Value: "a", Label: "A"}}
	c := s.Clone().(*widgets.Select)
	c.Choices[0].Label = "changed"
	if s.Choices[0].Label != "A" {
		t.Error("changing the clone's choices changed the original")
	}
	m := widgets.NewMultiWidget([]widgets.Widget{widgets.NewTextInput(nil)}, nil)
	mc := m.Clone().(*widgets.MultiWidget)
	mc.Widgets[0].Base().Attrs = renderers.Attrs{"x": 1}
	if m.Widgets[0].Base().Attrs != nil {
		t.Error("changing the clone's parts changed the original")
	}
}

func TestWidgetFromSpecErrors(t *testing.T) {
	tests := []struct {
		typ  string
		spec map[string]any
		want string
	}{
		{"NoSuchWidget", nil, `"NoSuchWidget"`},
		{"TextInput", map[string]any{"years": []any{2020}}, `"years"`},
		{"TextInput", map[string]any{"attrs": "x"}, `"attrs"`},
		{"Select", map[string]any{"choices": []any{"a"}}, `"choices"`},
		{"SelectDateWidget", map[string]any{"years": []any{"x"}}, `"years"`},
		{"SelectDateWidget", map[string]any{"empty_label": []any{"a", "b"}}, `3 elements`},
		{"MultiWidget", map[string]any{"widgets": []any{"Nope"}}, `"Nope"`},
		{"PasswordInput", map[string]any{"render_value": "yes"}, `"render_value"`},
		{"FileInput", map[string]any{"attrs": map[string]any{"multiple": true}}, `multiple`},
		{"SplitDateTimeWidget", map[string]any{"bogus": 1}, `"bogus"`},
		{"Textarea", map[string]any{"template_name": 3.0}, `"template_name"`},
	}
	for _, tc := range tests {
		_, err := WidgetFromSpec(tc.typ, tc.spec)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("WidgetFromSpec(%s, %v) error = %v, want one naming %s", tc.typ, tc.spec, err, tc.want)
		}
	}
}

func TestWidgetFromSpecArguments(t *testing.T) {
	w, err := WidgetFromSpec("SelectDateWidget", map[string]any{
		"years": []any{2020.0}, "months": map[string]any{"2": "Feb", "1": "Jan"}, "empty_label": "pick",
	})
	if err != nil {
		t.Fatal(err)
	}
	sd := w.(*widgets.SelectDateWidget)
	if !reflect.DeepEqual(sd.Years, []int{2020}) || sd.Months[0].Label != "Jan" || sd.EmptyLabel[0] != "pick" {
		t.Errorf("got %+v", sd)
	}
	w, err = WidgetFromSpec("MultiWidget", map[string]any{"widgets": map[string]any{"": "TextInput", "b": "HiddenInput"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.(*widgets.MultiWidget).WidgetsNames; !reflect.DeepEqual(got, []string{"", "_b"}) {
		t.Errorf("names = %q", got)
	}
	d, err := WidgetFromSpec("DateInput", map[string]any{"format": "%d/%m/%Y", "template_name": "t.html"})
	if err != nil {
		t.Fatal(err)
	}
	if d.(*widgets.DateInput).Format != "%d/%m/%Y" || d.TemplateName() != "t.html" {
		t.Errorf("got %+v", d)
	}
}

func ExampleWidgetFromSpec() {
	w, err := WidgetFromSpec("Textarea", map[string]any{"attrs": map[string]any{"rows": 3.0}})
	if err != nil {
		fmt.Println(err)
		return
	}
	html, _ := widgets.Render(w, "note", "hi", nil, nil)
	fmt.Println(html)
	// Output:
	// <textarea name="note" cols="40" rows="3">
	// hi</textarea>
}
