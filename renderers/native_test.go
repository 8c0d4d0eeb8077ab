package renderers_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// engineOnly hides the renderer's type, so that RenderString cannot take
// the fast path and every template runs through the engine.
type engineOnly struct{ renderers.Renderer }

// TestNativeMatchesEngine renders widgets natively and with the template
// engines and wants the same bytes (pongo2 writes ' as &#39;, Django and
// the fast path as &#x27;).
func TestNativeMatchesEngine(t *testing.T) {
	choices := []widgets.Choice{
		{Value: "a", Label: `A & "quoted"`},
		{Value: "b'", Label: "<B>"},
		{Value: "Group", Group: []widgets.Choice{{Value: "g1", Label: "G1"}, {Value: "g2", Label: "G2"}}},
	}
	sel := widgets.NewSelect(renderers.Attrs{"class": "pick"})
	sel.SetChoices(choices)
	radio := widgets.NewRadioSelect(renderers.Attrs{"class": "r"})
	radio.SetChoices(choices)
	checks := widgets.NewCheckboxSelectMultiple(nil)
	checks.SetChoices(choices)
	cases := []struct {
		name  string
		w     widgets.Widget
		value any
		attrs renderers.Attrs
	}{
		{"text", widgets.NewTextInput(renderers.Attrs{"placeholder": `x"y`}), `v<&>'"`, renderers.Attrs{"id": "id_t", "required": true}},
		{"text-none", widgets.NewTextInput(nil), nil, renderers.Attrs{"disabled": false}},
		{"number", widgets.NewNumberInput(renderers.Attrs{"step": 2}), 3, renderers.Attrs{"id": "id_n"}},
		{"hidden", widgets.NewHiddenInput(nil), "h", nil},
		{"textarea", widgets.NewTextarea(nil), "line1\nline2 & <b>", renderers.Attrs{"id": "id_a"}},
		{"textarea-empty", widgets.NewTextarea(nil), "", nil},
		{"select", sel, "b'", renderers.Attrs{"id": "id_s"}},
		{"radio", radio, "g2", renderers.Attrs{"id": "id_r", "required": true}},
		{"radio-noid", radio, nil, nil},
		{"checkboxes", checks, []string{"a", "g1"}, renderers.Attrs{"id": "id_c"}},
	}
	for _, r := range []renderers.Renderer{renderers.NewDjangoTemplates(), renderers.NewJinja2()} {
		for _, c := range cases {
			native, err := widgets.Render(c.w, "f", c.value, c.attrs, r)
			if err != nil {
				t.Fatalf("%T %s: %v", r, c.name, err)
			}
			engine, err := widgets.Render(c.w, "f", c.value, c.attrs, engineOnly{r})
			if err != nil {
				t.Fatalf("%T %s (engine): %v", r, c.name, err)
			}
			want := strings.ReplaceAll(string(engine), "&#39;", "&#x27;")
			if string(native) != want {
				t.Errorf("%T %s:\nnative %q\nengine %q", r, c.name, native, want)
			}
		}
	}
}

// TestNativeOK checks when the fast path may stand in for a template.
func TestNativeOK(t *testing.T) {
	tests := []struct {
		name string
		r    renderers.Renderer
		tpl  string
		want bool
	}{
		{"django", renderers.NewDjangoTemplates(), "django/forms/widgets/text.html", true},
		{"jinja", renderers.NewJinja2(), "django/forms/div.html", true},
		{"reload", &renderers.DjangoTemplates{Reload: true}, "django/forms/div.html", false},
		{"no fast path", &renderers.DjangoTemplates{NoFastPath: true}, "django/forms/div.html", false},
		{"jinja no fast path", &renderers.Jinja2{NoFastPath: true}, "django/forms/widgets/select.html", false},
		{"option template", renderers.NewJinja2(), "django/forms/widgets/radio_option.html", true},
		{"not built in", renderers.NewDjangoTemplates(), "mine/form.html", false},
		// An overridden template runs on its theme program when it has one.
		{"overridden include", &renderers.DjangoTemplates{Overlay: fstest.MapFS{
			"django/forms/widgets/attrs.html": {Data: []byte("x")},
		}}, "django/forms/widgets/text.html", true},
		{"overridden include, no program", &renderers.DjangoTemplates{Overlay: fstest.MapFS{
			"django/forms/widgets/attrs.html": {Data: []byte("{{ widget.name|upper }}")},
		}}, "django/forms/widgets/text.html", false},
		{"overridden include, jinja", &renderers.Jinja2{Overlay: fstest.MapFS{
			"django/forms/widgets/attrs.html": {Data: []byte("x")},
		}}, "django/forms/widgets/text.html", true},
		{"overridden include, jinja, no program", &renderers.Jinja2{Overlay: fstest.MapFS{
			"django/forms/widgets/attrs.html": {Data: []byte("{{ upper(widget.name) }}")},
		}}, "django/forms/widgets/text.html", false},
		{"other template overridden", &renderers.DjangoTemplates{Overlay: fstest.MapFS{
			"django/forms/widgets/attrs.html": {Data: []byte("x")},
		}}, "django/forms/label.html", true},
		{"other renderer", engineOnly{renderers.NewDjangoTemplates()}, "django/forms/div.html", false},
	}
	for _, tt := range tests {
		if got := renderers.NativeOK(tt.r, tt.tpl); got != tt.want {
			t.Errorf("%s: NativeOK = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestWidgetContextOnGeneratedWriters renders built-in widget templates
// by name from widget contexts (as a widget's engine fallback, a
// multi-part widget's parts and a theme's include do) and wants the bytes
// of the engine alone.
func TestWidgetContextOnGeneratedWriters(t *testing.T) {
	sel := widgets.NewSelect(renderers.Attrs{"class": "pick"})
	sel.SetChoices([]widgets.Choice{{Value: "a", Label: "A&"}, {Value: "G", Group: []widgets.Choice{{Value: "g1", Label: "G1"}}}})
	radio := widgets.NewRadioSelect(nil)
	radio.SetChoices([]widgets.Choice{{Value: "x", Label: "X"}, {Value: "y", Label: "<Y>"}})
	split := widgets.NewSplitDateTimeWidget(nil)
	theme := fstest.MapFS{"django/forms/widgets/radio.html": {Data: []byte(
		`<ul>{% for group, options, index in widget.optgroups %}{% for option in options %}<li>{% include option.template_name with widget=option %}</li>{% endfor %}{% endfor %}</ul>`)}}
	for _, tc := range []struct {
		name       string
		fast, slow renderers.Renderer
		w          widgets.Widget
		value      any
	}{
		{"select", renderers.NewDjangoTemplates(), &renderers.DjangoTemplates{NoFastPath: true}, sel, "g1"},
		{"select jinja", renderers.NewJinja2(), &renderers.Jinja2{NoFastPath: true}, sel, "a"},
		{"split datetime", renderers.NewDjangoTemplates(), &renderers.DjangoTemplates{NoFastPath: true}, split, "2020-01-02 03:04"},
		{"theme includes options", &renderers.DjangoTemplates{Overlay: theme}, &renderers.DjangoTemplates{Overlay: theme, NoFastPath: true}, radio, "y"},
	} {
		ctx := renderers.Context{"widget": tc.w.Context("f", tc.value, renderers.Attrs{"id": "id_f"})}
		got, err := renderers.RenderString(tc.fast, tc.w.TemplateName(), ctx)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want, err := renderers.RenderString(tc.slow, tc.w.TemplateName(), ctx)
		if err != nil {
			t.Fatalf("%s (engine): %v", tc.name, err)
		}
		if got != want || got == "" {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, want)
		}
	}
}

// TestIncompleteViewIsAnError checks that a view lacking what its
// template prints makes an error, not a panic.
func TestIncompleteViewIsAnError(t *testing.T) {
	buf := new(bytes.Buffer)
	buf.WriteString("kept")
	handled, err := renderers.WriteForm(buf, renderers.NewDjangoTemplates(), "django/forms/div.html", &renderers.FormView{})
	if !handled || err == nil || !strings.Contains(err.Error(), "incomplete view") {
		t.Fatalf("WriteForm of an empty view = %v, %v; want an incomplete-view error", handled, err)
	}
	if buf.String() != "kept" {
		t.Fatalf("buffer %q after the error, want what was there", buf.String())
	}
}
