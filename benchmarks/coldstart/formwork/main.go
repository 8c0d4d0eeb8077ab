// Command formwork is the cold-start workload of benchmarks/targets.py: a
// program that declares one form, binds an invalid POST, validates it
// and prints it, once.
package main

import (
	"fmt"
	"net/url"
	"os"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

func main() {
	contact := forms.MustDeclare(
		forms.Named("name", &forms.CharField{MaxLength: 40}),
		forms.Named("email", &forms.EmailField{}),
	)
	f := contact.Bind(url.Values{"name": {""}, "email": {"nope"}}, nil, forms.Options{Renderer: renderers.NewDjangoDivFormRenderer()})
	f.IsValid()
	h, err := f.Render()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(h))
}
