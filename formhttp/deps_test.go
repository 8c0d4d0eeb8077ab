package formhttp_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestFormsDoesNotLinkNetHTTP: packages forms and renderers, with all
// they depend on, link neither net/http nor mime/multipart nor net, nor
// a template engine, so that a program that declares, binds and renders
// forms with the built-in templates starts as fast as a small
// html/template program. What needs a request is in formhttp; the Django
// template engine (pongo2, which imports net/http) is in
// renderers/djangoengine.
func TestFormsDoesNotLinkNetHTTP(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list forms' dependencies: %v", err)
	}
	const module = "github.com/formwork/formwork"
	out, err := exec.Command(gobin, "list", "-deps", module+"/forms", module+"/renderers", module+"/formsets").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	forbidden := map[string]string{
		"net/http":                         "move what needs a request to formhttp",
		"mime/multipart":                   "move what needs a request to formhttp",
		"net":                              "it links the resolver (cgo) at start-up",
		"github.com/flosch/pongo2/v6":      "the engine is renderers/djangoengine's, imported by the programs that need it",
		module + "/renderers/djangoengine": "the engine is linked only by the programs that import it",
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list listed too few packages:\n%s", out)
	}
	for _, pkg := range deps {
		if why, bad := forbidden[pkg]; bad {
			t.Errorf("forms, renderers or formsets depends on %s: %s", pkg, why)
		}
	}
}
