// Command nethttp is the second cold-start baseline of
// benchmarks/targets.py: the minimal html/template program of
// ../htmltemplate, importing net/http as a web program does. It shows
// what linking net/http costs at start (on Linux with cgo, a dynamically
// linked binary and net/http's package inits): what a formwork program
// that only declares, binds and renders a form is spared, now that
// request binding is in formhttp (formhttp.Bind) rather than in forms,
// once nothing else it links imports net/http.
package main

import (
	"fmt"
	"html/template"
	"net/http"
	"os"
	"strings"
)

var form = template.Must(template.New("f").Parse(`{{range .}}<div><label for="id_{{.}}">{{.}}:</label><input name="{{.}}" id="id_{{.}}"></div>{{end}}`))

// The handler a web program would register; never served here.
var _ http.Handler = http.NotFoundHandler()

func main() {
	var b strings.Builder
	if err := form.Execute(&b, []string{"name", "email"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(b.Len())
}
