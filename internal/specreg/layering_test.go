package specreg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// harness is what only the case-format harness, the tools and the test
// suites may depend on.
var harness = []string{
	"github.com/formwork/formwork/internal/formspec",
	"github.com/formwork/formwork/internal/specreg",
	"github.com/formwork/formwork/internal/htmlcmp",
	"testing",
	"testing/fstest",
}

// notLibrary are the module's directories that are not the library.
var notLibrary = []string{"internal/", "cmd/", "a11y-tests", "benchmarks", "examples", "loadtest"}

// TestLibraryDoesNotImportHarness lists every package of the module with
// its dependencies (go list -deps is transitive) and fails if a library
// package reaches the harness.
func TestLibraryDoesNotImportHarness(t *testing.T) {
	const module = "github.com/formwork/formwork"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	library := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		rel := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
		if isTool(rel) {
			continue
		}
		library++
		for _, d := range deps {
			for _, h := range harness {
				if d == h {
					t.Errorf("library package %s depends on %s", pkg, h)
				}
			}
		}
	}
	if library < 10 {
		t.Fatalf("only %d library packages found; go list output:\n%s", library, out)
	}
}

func isTool(rel string) bool {
	for _, p := range notLibrary {
		if strings.HasPrefix(rel, p) || rel+"/" == p {
			return true
		}
	}
	return false
}

// pythonShaped names what Python-compat code exports; it belongs under
// internal/py*, never in the library's API.
var pythonShaped = regexp.MustCompile(`^(Py[A-Z]\w*|Truthy)$`)

// TestNoPythonShapedAPI fails if a library package exports a function,
// method, type, variable or constant named like Python-compat code
// (PyStr, PyJSONDumps, Truthy, ...).
func TestNoPythonShapedAPI(t *testing.T) {
	const module = "github.com/formwork/formwork"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{.Dir}}{{range .GoFiles}} {{.}}{{end}}`, module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	files := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if isTool(strings.TrimPrefix(strings.TrimPrefix(fields[0], module), "/")) {
			continue
		}
		for _, name := range fields[2:] {
			path := filepath.Join(fields[1], name)
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files++
			for _, d := range f.Decls {
				var names []*ast.Ident
				switch d := d.(type) {
				case *ast.FuncDecl:
					names = append(names, d.Name)
				case *ast.GenDecl:
					for _, sp := range d.Specs {
						switch sp := sp.(type) {
						case *ast.TypeSpec:
							names = append(names, sp.Name)
						case *ast.ValueSpec:
							names = append(names, sp.Names...)
						}
					}
				}
				for _, id := range names {
					if id.IsExported() && pythonShaped.MatchString(id.Name) {
						t.Errorf("%s: %s exports %s", path, fields[0], id.Name)
					}
				}
			}
		}
	}
	if files < 50 {
		t.Fatalf("only %d library files read", files)
	}
}
