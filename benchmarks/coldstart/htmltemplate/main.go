// Command htmltemplate is the cold-start baseline of benchmarks/targets.py:
// a minimal html/template program rendering the same two fields once.
package main

import (
	"fmt"
	"html/template"
	"os"
	"strings"
)

var form = template.Must(template.New("f").Parse(`{{range .}}<div><label for="id_{{.}}">{{.}}:</label><input name="{{.}}" id="id_{{.}}"></div>{{end}}`))

func main() {
	var b strings.Builder
	if err := form.Execute(&b, []string{"name", "email"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(b.Len())
}
