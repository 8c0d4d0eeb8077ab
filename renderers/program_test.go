package renderers

import (
	"io/fs"
	"strings"
	"testing"

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
		if _, err := compileProgram(src, name, kindOf(name)); err != nil {
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
			_, err := compileProgram(l.source, name, kindOf(name))
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
