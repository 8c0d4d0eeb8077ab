package a11y_test

import (
	"context"
	"fmt"
	"log"
	"net/url"

	a11y "github.com/formwork/formwork/a11y-tests"
	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

// CheckForm renders an application's form into a complete page and checks
// it.  (Not run as a test: it needs Chromium, Java and the npm packages.)
func ExampleCheckForm() {
	signup := forms.MustDeclare(
		forms.Named("email", forms.NewEmailField()),
		forms.Named("password", forms.NewCharField()),
	)
	f := signup.Bind(url.Values{"email": {"nope"}}, nil, forms.Options{Renderer: renderers.NewAccessible()})
	sum, vs, err := a11y.CheckForm(context.Background(), "Sign up", f)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range vs {
		fmt.Println(v)
	}
	fmt.Print(sum)
}

func ExampleWrapForm() {
	fmt.Println(a11y.WrapForm("django/forms/table.html", "<tr><th>…</th><td>…</td></tr>"))
	fmt.Println(a11y.WrapForm("django/forms/div.html", "<div>…</div>"))
	// Output:
	// <table>
	// <tr><th>…</th><td>…</td></tr>
	// </table>
	// <div>…</div>
}
