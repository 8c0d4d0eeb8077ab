package widgets

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/formwork/formwork/renderers"
)

func TestChoiceContextShape(t *testing.T) {
	w := NewRadioSelect(renderers.Attrs{"class": "r"})
	w.Choices = []Choice{
		{Value: nil, Label: "none"},
		{Value: "G", Group: []Choice{{Value: 1, Label: "one"}, {Value: true, Label: "yes"}}},
	}
	ctx := w.Context("f", []any{1}, renderers.Attrs{"id": "id_f"})
	groups := ctx["optgroups"].([]any)
	if len(groups) != 2 {
		t.Fatalf("%d groups, want 2", len(groups))
	}
	first := groups[0].([]any)
	if first[0] != nil || first[2] != 0 {
		t.Errorf("ungrouped option: name %v index %v, want nil 0", first[0], first[2])
	}
	g := groups[1].([]any)
	if g[0] != "G" || g[2] != 1 {
		t.Errorf("group: name %v index %v, want G 1", g[0], g[2])
	}
	opts := g[1].([]any)
	want := map[string]any{
		"name": "f", "value": "1", "label": "one", "selected": true, "index": "1_0",
		"attrs":         renderers.Attrs{"class": "r", "id": "id_f_1_0", "checked": true},
		"type":          "radio",
		"template_name": "django/forms/widgets/radio_option.html",
		"wrap_label":    true,
	}
	if got := opts[0].(map[string]any); !reflect.DeepEqual(got, want) {
		t.Errorf("option:\n got %#v\nwant %#v", got, want)
	}
	if v := opts[1].(map[string]any)["value"]; v != "True" {
		t.Errorf("value of true = %v, want Python's str(): True", v)
	}
	if v := first[1].([]any)[0].(map[string]any)["value"]; v != "" {
		t.Errorf("value of None = %q, want \"\"", v)
	}
	if got := w.IDForLabelIndex("id_f", 2); got != "id_f_2" {
		t.Errorf("IDForLabelIndex = %q", got)
	}
	if v := ctx["value"]; !reflect.DeepEqual(v, []string{"1"}) {
		t.Errorf("value = %#v, want []string{\"1\"}", v)
	}
}

func TestSubwidgets(t *testing.T) {
	s := NewSelect(nil)
	s.Choices = []Choice{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}}
	subs := Subwidgets(s, "f", "b", nil)
	if len(subs) != 2 || subs[1]["selected"] != true || subs[0]["selected"] != false {
		t.Errorf("Select subwidgets = %v", subs)
	}
	text := Subwidgets(NewTextInput(nil), "f", "x", nil)
	if len(text) != 1 || text[0]["value"] != "x" {
		t.Errorf("TextInput subwidgets = %v", text)
	}
}

func TestMultiWidgetTypeLeavesPartsAlone(t *testing.T) {
	m := NewMultiWidget([]Widget{NewTextInput(nil)}, nil)
	ctx := m.Context("f", []any{"a"}, renderers.Attrs{"type": "hidden"})
	if got := ctx["subwidgets"].([]any)[0].(map[string]any)["type"]; got != "hidden" {
		t.Errorf("part type = %v, want hidden", got)
	}
	if m.IsHidden() {
		t.Error("rendering with a type changed the parts")
	}
}

func TestNeedsMultipartAndMicroseconds(t *testing.T) {
	if !NeedsMultipart(NewFileInput(nil)) || !NeedsMultipart(NewClearableFileInput(nil)) || NeedsMultipart(NewTextInput(nil)) {
		t.Error("NeedsMultipart wrong for single widgets")
	}
	if !NeedsMultipart(NewMultiWidget([]Widget{NewTextInput(nil), NewFileInput(nil)}, nil)) {
		t.Error("a MultiWidget with a file part needs multipart")
	}
	if SupportsMicroseconds(NewDateTimeInput(nil)) || !SupportsMicroseconds(NewTextInput(nil)) {
		t.Error("SupportsMicroseconds wrong")
	}
}

func TestUseFieldsetOverride(t *testing.T) {
	no := false
	r := NewRadioSelect(nil)
	r.Fieldset = &no
	if r.UseFieldset() {
		t.Error("Fieldset false did not override RadioSelect")
	}
	tpl := NewTextInput(nil)
	tpl.Template = "x.html"
	if tpl.TemplateName() != "x.html" {
		t.Error("Template did not override")
	}
}

func TestRenderErrorNamesTemplate(t *testing.T) {
	w := NewTextInput(nil)
	w.Template = "no/such.html"
	_, err := Render(w, "f", nil, nil, renderers.NewDjangoTemplates())
	if err == nil || !strings.Contains(err.Error(), "no/such.html") {
		t.Errorf("err = %v", err)
	}
	var target error = err
	if errors.Unwrap(target) == nil {
		t.Errorf("error %v wraps nothing", err)
	}
}

func ExampleRender() {
	w := NewSelect(renderers.Attrs{"class": "pick"})
	w.Choices = []Choice{{Value: "a", Label: "Apple"}, {Value: "b", Label: "Banana"}}
	html, err := Render(w, "fruit", "b", renderers.Attrs{"id": "id_fruit"}, renderers.NewDjangoTemplates())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(html)
	// Output:
	// <select name="fruit" class="pick" id="id_fruit">
	//   <option value="a">Apple</option>
	//
	//   <option value="b" selected>Banana</option>
	//
	// </select>
}
