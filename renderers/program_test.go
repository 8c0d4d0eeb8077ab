package renderers

import (
	"io/fs"
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
