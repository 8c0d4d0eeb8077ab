package widgets

import (
	"bytes"
	"testing"

	"github.com/formwork/formwork/renderers"
)

// TestFastPathMatchesEngine checks that the native widget writers print
// the bytes the engine prints from the same widget, value and attributes.
func TestFastPathMatchesEngine(t *testing.T) {
	choices := []Choice{{Value: "a", Label: "A & a"}, {Value: nil, Label: "none"}, {Value: 3, Label: "<three>"}}
	grouped := append([]Choice{{Value: "", Label: "---"}, {Value: "G1", Group: []Choice{{Value: "x", Label: "X"}, {Value: "y", Label: "Y"}}}}, choices...)
	sel := func(multi bool, c []Choice) Widget {
		w := NewSelect(renderers.Attrs{"class": "c"})
		w.Choices, w.AllowMultipleSelected = c, multi
		return w
	}
	radio := func(a renderers.Attrs, c []Choice) Widget { w := NewRadioSelect(a); w.Choices = c; return w }
	boxes := func(a renderers.Attrs, c []Choice) Widget { w := NewCheckboxSelectMultiple(a); w.Choices = c; return w }
	pw := NewPasswordInput(nil)
	pwShown := NewPasswordInput(renderers.Attrs{"autocomplete": "off"})
	pwShown.RenderValue = true
	tests := []struct {
		name  string
		w     Widget
		value any
		extra renderers.Attrs
	}{
		{"text", NewTextInput(renderers.Attrs{"maxlength": 30, "placeholder": `"q"`}), "it's <b>", renderers.Attrs{"id": "id_t", "required": true}},
		{"text empty", NewTextInput(nil), "", nil},
		{"text nil", NewTextInput(renderers.Attrs{"disabled": false}), nil, renderers.Attrs{"disabled": true}},
		{"text typed", NewTextInput(renderers.Attrs{"type": "search"}), "s", nil},
		{"number", NewNumberInput(renderers.Attrs{"step": "0.01", "min": 1}), 4.5, renderers.Attrs{"id": "n"}},
		{"email", NewEmailInput(nil), "a@b.c", nil},
		{"url", NewURLInput(nil), "http://x?a=1&b=2", nil},
		{"password", pw, "secret", nil},
		{"password shown", pwShown, "secret", nil},
		{"hidden", NewHiddenInput(nil), 7, renderers.Attrs{"id": "h"}},
		{"date", NewDateInput(nil), "2020-01-02", nil},
		{"file", NewFileInput(nil), "f.txt", nil},
		{"checkbox on", NewCheckboxInput(nil), true, renderers.Attrs{"id": "cb"}},
		{"checkbox off", NewCheckboxInput(renderers.Attrs{"checked": true}), false, nil},
		{"checkbox value", NewCheckboxInput(nil), "yes", nil},
		{"textarea", NewTextarea(renderers.Attrs{"rows": 3}), "a\n<b>", renderers.Attrs{"required": true}},
		{"textarea empty", NewTextarea(nil), nil, nil},
		{"select", sel(false, choices), "3", renderers.Attrs{"id": "s"}},
		{"select none", sel(false, choices), nil, nil},
		{"select grouped", sel(false, grouped), "y", nil},
		{"select multiple", sel(true, grouped), []string{"x", "a"}, nil},
		{"select multiple type", NewSelectMultiple(nil), []any{"a"}, nil},
		{"null boolean", NewNullBooleanSelect(nil), true, nil},
		{"radio", radio(nil, choices), "a", renderers.Attrs{"id": "r", "required": true}},
		{"radio no id", radio(renderers.Attrs{"class": "k"}, choices), nil, nil},
		{"radio grouped", radio(nil, grouped), "y", renderers.Attrs{"id": "r"}},
		{"radio empty id", radio(renderers.Attrs{"id": ""}, choices), "a", nil},
		{"checkboxes", boxes(nil, choices), []string{"a", "3"}, renderers.Attrs{"id": "c"}},
		{"checkboxes grouped", boxes(renderers.Attrs{"class": "x y"}, grouped), []string{"x", "y"}, renderers.Attrs{"id": "c"}},
	}
	engines := map[renderers.Renderer]renderers.Renderer{
		renderers.NewDjangoTemplates(): &renderers.DjangoTemplates{NoFastPath: true},
		renderers.NewJinja2():          &renderers.Jinja2{NoFastPath: true},
	}
	for r, engine := range engines {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				want, err := renderEngine(tt.w, "f", tt.value, tt.extra, engine)
				if err != nil {
					t.Fatal(err)
				}
				var extra renderers.AttrSet
				if !extra.SetAll(tt.extra) {
					t.Fatal("too many attributes")
				}
				var b bytes.Buffer
				b.WriteString("prefix")
				if !writeFast(&b, tt.w, "f", tt.value, &extra, r) {
					t.Fatal("fast path declined")
				}
				if got := b.String(); got != "prefix"+want {
					t.Fatalf("fast path differs from the engine\n got: %q\nwant: %q", got[len("prefix"):], want)
				}
				h, err := Render(tt.w, "f", tt.value, tt.extra, r)
				if err != nil || string(h) != want {
					t.Fatalf("Render = %q, %v; want %q", h, err, want)
				}
			})
		}
	}
}

// TestFastPathDeclines checks that a widget the fast path does not know,
// or whose template is overridden, renders with the engine.
func TestFastPathDeclines(t *testing.T) {
	r := renderers.NewDjangoTemplates()
	custom := NewTextInput(nil)
	custom.Template = "custom/text.html"
	for _, w := range []Widget{custom, NewSelectDateWidget(nil), NewClearableFileInput(nil)} {
		var b bytes.Buffer
		if writeFast(&b, w, "f", nil, nil, r) {
			t.Errorf("%T: fast path taken", w)
		}
		if b.Len() != 0 {
			t.Errorf("%T: declined fast path wrote %q", w, b.String())
		}
	}
}
