package renderers_test

import (
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/storage"
	"github.com/formwork/formwork/widgets"
)

// multiTemplates are the built-in widget templates of the multi-part
// widgets and of ClearableFileInput.
var multiTemplates = []string{
	"django/forms/widgets/multiwidget.html",
	"django/forms/widgets/select_date.html",
	"django/forms/widgets/splitdatetime.html",
	"django/forms/widgets/splithiddendatetime.html",
	"django/forms/widgets/multiple_hidden.html",
	"django/forms/widgets/clearable_file_input.html",
}

// engineRenders renders every corpus case (testdata/cases and
// testdata/cases-extra) with each renderer mk makes and counts the
// templates its engine rendered, by name.
func engineRenders(t *testing.T, mks ...func() renderers.Renderer) (map[string]int, int) {
	t.Helper()
	paths, err := formspec.CorpusPaths("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	counts := map[string]int{}
	stop := renderers.OnEngineRender(func(name string) {
		mu.Lock()
		counts[name]++
		mu.Unlock()
	})
	defer stop()
	rendered := 0
	for _, p := range paths {
		c, err := formspec.Load(p)
		if err != nil {
			continue // a case formwork cannot read yet (a known difference)
		}
		for _, mk := range mks {
			if _, err := c.RunWith(mk()); err == nil {
				rendered++
			}
		}
	}
	return counts, rendered
}

// TestCorpusEngineRenders counts, over the corpus rendered with
// DjangoTemplates and DjangoDivFormRenderer, the renderings of the
// multi-part widgets' and ClearableFileInput's templates that went to
// the engine, and wants none: they run on their generated writers. It
// logs what the engine did render.
func TestCorpusEngineRenders(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole corpus")
	}
	counts, rendered := engineRenders(t,
		func() renderers.Renderer { return renderers.NewDjangoTemplates() },
		func() renderers.Renderer { return renderers.NewDjangoDivFormRenderer() },
	)
	multi := 0
	for _, n := range multiTemplates {
		multi += counts[n]
		if counts[n] > 0 {
			t.Errorf("%s: %d engine renders, want none", n, counts[n])
		}
	}
	var names []string
	total := 0
	for n, k := range counts {
		names = append(names, n)
		total += k
	}
	sort.Strings(names)
	var others []string
	for _, n := range names {
		others = append(others, n+"="+itoa(counts[n]))
	}
	t.Logf("%d renderings; %d engine renders of the six templates, %d in all: %s", rendered, multi, total, strings.Join(others, " "))
}

// multiCases are widgets rendered with the templates of multiTemplates,
// with the values that exercise them.
func multiCases() []struct {
	name  string
	w     widgets.Widget
	value any
	attrs renderers.Attrs
} {
	stored := &storage.File{Name: `photos/a&b "c".png`, Storage: &storage.Memory{BaseURL: "/media/"}}
	clearable := widgets.NewClearableFileInput(nil)
	required := widgets.NewClearableFileInput(renderers.Attrs{"class": "f"})
	required.Required = true
	disabled := widgets.NewClearableFileInput(nil)
	disabled.InitialText, disabled.InputText, disabled.ClearCheckboxLabel = "Now <b>", "New", "Remove"
	sel := widgets.NewSelect(nil)
	sel.Choices = []widgets.Choice{{Value: "a", Label: "A"}, {Value: "g", Label: "G", Group: []widgets.Choice{{Value: "b", Label: "B & b"}}}}
	multi := widgets.NewMultiWidget([]widgets.Widget{widgets.NewTextInput(nil), sel, widgets.NewSplitDateTimeWidget(nil)}, renderers.Attrs{"class": "m"})
	when := time.Date(2024, 2, 29, 13, 45, 0, 0, time.UTC)
	sd := widgets.NewSelectDateWidget(nil)
	sd.Years = []int{2023, 2024}
	return []struct {
		name  string
		w     widgets.Widget
		value any
		attrs renderers.Attrs
	}{
		{"splitdatetime", widgets.NewSplitDateTimeWidget(renderers.Attrs{"class": "dt"}), when, renderers.Attrs{"id": "id_when", "required": true}},
		{"splitdatetime empty", widgets.NewSplitDateTimeWidget(nil), nil, nil},
		{"splithiddendatetime", widgets.NewSplitHiddenDateTimeWidget(nil), when, renderers.Attrs{"id": "id_when"}},
		{"select_date", sd, when, renderers.Attrs{"id": "id_day"}},
		{"select_date default years", widgets.NewSelectDateWidget(nil), "2024-2-0", nil},
		{"multiple_hidden", widgets.NewMultipleHiddenInput(nil), []any{"x", "<y>", 3}, renderers.Attrs{"id": "id_h"}},
		{"multiple_hidden empty", widgets.NewMultipleHiddenInput(nil), nil, nil},
		{"multiwidget", multi, []any{"t", "b", when}, renderers.Attrs{"id": "id_m"}},
		{"clearable initial", clearable, stored, renderers.Attrs{"id": "id_f"}},
		{"clearable required", required, stored, nil},
		{"clearable disabled", disabled, stored, renderers.Attrs{"disabled": true}},
		{"clearable no file", clearable, nil, renderers.Attrs{"id": "id_f", "required": true}},
		{"clearable upload", clearable, &widgets.UploadedFile{Name: "new.png"}, nil},
	}
}

// TestMultiTemplatesOnGeneratedWriters renders the multi-part widgets and
// ClearableFileInput with DjangoTemplates and Jinja2: on the generated
// writers, not the engine, and with the engine's bytes.
func TestMultiTemplatesOnGeneratedWriters(t *testing.T) {
	mks := map[string]func(engine bool) renderers.Renderer{
		"DjangoTemplates": func(engine bool) renderers.Renderer { return &renderers.DjangoTemplates{NoFastPath: engine} },
		"Jinja2":          func(engine bool) renderers.Renderer { return &renderers.Jinja2{NoFastPath: engine} },
	}
	for rname, mk := range mks {
		fast, engine := mk(false), mk(true)
		for _, c := range multiCases() {
			want, err := widgets.Render(c.w, "f", c.value, c.attrs, engine)
			if err != nil {
				t.Fatalf("%s %s: engine: %v", rname, c.name, err)
			}
			var used []string
			stop := renderers.OnEngineRender(func(name string) { used = append(used, name) })
			got, err := widgets.Render(c.w, "f", c.value, c.attrs, fast)
			stop()
			if err != nil {
				t.Fatalf("%s %s: %v", rname, c.name, err)
			}
			if len(used) > 0 {
				t.Errorf("%s %s: rendered by the engine: %v", rname, c.name, used)
			}
			if got != want {
				t.Errorf("%s %s:\nfast:   %q\nengine: %q", rname, c.name, got, want)
			}
		}
	}
}

// TestMultiTemplatesDecline checks that a context holding a value the
// writers do not know (a stored file that is not the Object
// ClearableFileInput makes, a subwidget whose template has no writer) is
// rendered by the engine.
func TestMultiTemplatesDecline(t *testing.T) {
	for _, r := range []renderers.Renderer{renderers.NewDjangoTemplates(), renderers.NewJinja2()} {
		clearable := widgets.NewClearableFileInput(nil)
		ctx := clearable.Context("f", nil, nil)
		ctx["is_initial"], ctx["value"] = true, "not/an/object.png"
		sub := widgets.NewTextInput(nil).Context("f_0", "x", nil)
		sub["template_name"] = "app/nowhere.html"
		multi := map[string]any{"name": "f", "template_name": multiTemplates[0], "attrs": renderers.Attrs{}, "subwidgets": []any{sub}}
		for _, tc := range []struct {
			name string
			ctx  map[string]any
		}{
			{"django/forms/widgets/clearable_file_input.html", ctx},
			{multiTemplates[0], multi},
		} {
			var used []string
			stop := renderers.OnEngineRender(func(name string) { used = append(used, name) })
			_, err := renderers.RenderString(r, tc.name, renderers.Context{"widget": tc.ctx})
			stop()
			if len(used) != 1 || used[0] != tc.name {
				t.Errorf("%T %s: engine renders %v (err %v), want the engine to render it", r, tc.name, used, err)
			}
		}
	}
}
