package specreg

import (
	"os/exec"
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
