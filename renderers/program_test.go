package renderers

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/internal/tmplparse"
	"github.com/formwork/formwork/templates"
)

// TestProgramsCompileBuiltins compiles every built-in template that has
// a generated writer as a theme program: a theme copying the built-in
// templates runs on programs, never on the engine.
func TestProgramsCompileBuiltins(t *testing.T) {
	src := func(name string) (string, error) {
		b, err := fs.ReadFile(templates.Django, name)
		return string(b), err
	}
	for _, name := range Generated() {
		if _, err := compileProgram(src, tmplparse.Parse, name, kindOf(name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestProgramsThemePacks compiles each theme pack's overriding templates
// and lists those that stay on the engine, with the construct that keeps
// them there, which must name the template and line.
func TestProgramsThemePacks(t *testing.T) {
	for _, th := range templates.ThemeNames() {
		pack, _ := templates.LookupTheme(th)
		l := &djangoLoader{overlay: pack.Django, builtin: templates.Django}
		compiled, engine := 0, 0
		for _, name := range Generated() {
			if _, err := fs.Stat(pack.Django, name); err != nil {
				continue
			}
			_, err := compileProgram(l.source, tmplparse.Parse, name, kindOf(name))
			if err == nil {
				compiled++
				continue
			}
			engine++
			if !strings.Contains(err.Error(), ".html:") {
				t.Errorf("%s %s: the error does not name a template and line: %v", th, name, err)
			}
			t.Logf("%s: %s stays on pongo2: %v", th, name, err)
		}
		t.Logf("%s: %d overriding templates on programs, %d on pongo2", th, compiled, engine)
	}
}

// TestJetProgramsCompileBuiltins compiles every built-in jet template
// that has a generated writer as a theme program of the Jinja2
// renderers.
func TestJetProgramsCompileBuiltins(t *testing.T) {
	r := &Jinja2{}
	ps := r.programs()
	for _, name := range Generated() {
		if _, err := compileProgram(ps.source, ps.parse, name, kindOf(name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestJetProgramsThemePacks compiles each theme pack's overriding jet
// templates and lists those that stay on jet, with the construct that
// keeps them there, which must name the template and line.
func TestJetProgramsThemePacks(t *testing.T) {
	for _, th := range templates.ThemeNames() {
		r := &Jinja2{Theme: th}
		ps := r.programs()
		pack, _ := templates.LookupTheme(th)
		compiled, engine := 0, 0
		for _, name := range Generated() {
			if _, err := fs.Stat(pack.Jet, name); err != nil {
				continue
			}
			_, err := compileProgram(ps.source, ps.parse, name, kindOf(name))
			if err == nil {
				compiled++
				continue
			}
			engine++
			if !strings.Contains(err.Error(), ".html:") {
				t.Errorf("%s %s: the error does not name a template and line: %v", th, name, err)
			}
			t.Logf("%s: %s stays on jet: %v", th, name, err)
		}
		t.Logf("%s: %d overriding jet templates on programs, %d on jet", th, compiled, engine)
	}
}

// TestJetProgramsRun checks that a Jinja2 renderer whose overlay
// overrides the built-in jet templates with copies renders each from the
// view (NativeOK) on its program, and that a template with a construct
// programs lack, or NoFastPath, leaves the rendering to jet.
func TestJetProgramsRun(t *testing.T) {
	all := fstest.MapFS{}
	err := fs.WalkDir(templates.Jet, "django", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, err := fs.ReadFile(templates.Jet, p)
			if err != nil {
				return err
			}
			all[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Generated() {
		if !NativeOK(&Jinja2{Overlay: all}, name) {
			t.Errorf("%s: overridden by a copy, it does not run on a program", name)
		}
	}
	if NativeOK(&Jinja2{Overlay: all, NoFastPath: true}, "django/forms/div.html") {
		t.Error("NoFastPath: NativeOK is true")
	}
	bad := fstest.MapFS{"django/forms/label.html": &fstest.MapFile{Data: []byte("{{ yield x() }}")}}
	if NativeOK(&Jinja2{Overlay: bad}, "django/forms/label.html") {
		t.Error("a template with a construct programs lack: NativeOK is true")
	}
}

// TestProgramForEmpty checks that {% for %}...{% empty %} runs on a theme
// program as pongo2 runs it: a theme's select.html whose loop has an
// empty branch, rendered with and without options.
func TestProgramForEmpty(t *testing.T) {
	const name = "django/forms/widgets/select.html"
	theme := fstest.MapFS{name: {Data: []byte(`<select name="{{ widget.name }}">{% for group_name, group_choices, group_index in widget.optgroups %}` +
		`{% for option in group_choices %}<option value="{{ option.value|stringformat:'s' }}">{{ option.label }}</option>{% empty %}(empty group){% endfor %}` +
		`{% empty %}(no options){% endfor %}</select>`)}}
	r := &DjangoTemplates{Overlay: theme}
	if p := r.programs().get(name, vkWidget); p == nil {
		t.Fatalf("no program: %v", compileError(r.programs(), name))
	}
	option := func(v string) map[string]any {
		return map[string]any{"name": "s", "value": v, "label": v, "template_name": "django/forms/widgets/select_option.html"}
	}
	for _, tt := range []struct {
		groups []any
		want   string
	}{
		{nil, `<select name="s">(no options)</select>`},
		{[]any{[]any{nil, []any{option("a"), option("b")}, 0}, []any{"G", []any{}, 1}},
			`<select name="s"><option value="a">a</option><option value="b">b</option>(empty group)</select>`},
	} {
		groups := tt.groups
		ctx := Context{"widget": map[string]any{"name": "s", "template_name": name, "optgroups": groups}}
		got, err := RenderString(r, name, ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, err := RenderString(&DjangoTemplates{Overlay: theme, NoFastPath: true}, name, ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != want || got != tt.want {
			t.Errorf("program %q, pongo2 %q, want %q", got, want, tt.want)
		}
	}
}
