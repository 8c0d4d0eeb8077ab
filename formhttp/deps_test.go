package formhttp_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestFormsDoesNotLinkNetHTTP: package forms, and every package of this
// module it depends on, imports neither net/http nor mime/multipart nor
// net, so that a program that only declares, binds and renders forms does
// not link them; what needs a request is in formhttp.
//
// Only the module's own packages are checked, by their direct imports:
// a third-party dependency (pongo2, which imports net/http) is left to a
// later, full check of forms' dependencies.
func TestFormsDoesNotLinkNetHTTP(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list forms' dependencies: %v", err)
	}
	const module = "github.com/formwork/formwork"
	out, err := exec.Command(gobin, "list", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, module+"/forms").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps %s/forms: %v\n%s", module, err, out)
	}
	forbidden := map[string]bool{"net/http": true, "mime/multipart": true, "net": true}
	checked := 0
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		if pkg != module && !strings.HasPrefix(pkg, module+"/") {
			continue
		}
		checked++
		for imp := range strings.FieldsSeq(imports) {
			if forbidden[imp] {
				t.Errorf("%s imports %s (forms must not depend on it: move what needs it to formhttp)", pkg, imp)
			}
		}
	}
	if checked == 0 {
		t.Fatalf("go list listed no package of %s:\n%s", module, out)
	}
}
