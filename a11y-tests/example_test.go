package a11y_test

import (
	"context"
	"fmt"
	"log"

	a11y "github.com/formwork/formwork/a11y-tests"
)

// Check runs both checkers over a batch of complete pages.  (Not run as a
// test: it needs Chromium, Java and the npm packages.)
func ExampleCheck() {
	form := `<div><label for="id_name">Name</label><input type="text" name="name" id="id_name" required></div>`
	pages := []a11y.Page{{Name: "name-form", HTML: a11y.FullPage("Your name", "en", form)}}
	sum, vs, err := a11y.Check(context.Background(), pages)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range vs {
		fmt.Println(v)
	}
	fmt.Print(sum)
}

func ExampleSummarize() {
	vs := []a11y.Violation{
		{Checker: "axe", Rule: "label", Page: "signup", Target: "#id_q", Impact: "critical"},
		{Checker: "vnu", Rule: "Attribute “for” not allowed on element “legend” at this point.", Page: "signup", Target: "12:11", Impact: "error"},
		{Checker: "axe", Rule: "label", Page: "search", Target: "#id_s", Impact: "critical"},
	}
	s := a11y.Summarize(vs)
	s.Pages = 5
	fmt.Print(s)
	// Output:
	// 5 pages checked, 2 with violations; 3 violations of 2 rules; axe 2; vnu 1
	//
	// COUNT  PAGES  RULE
	//     2      2  axe/label
	//     1      1  vnu/Attribute “for” not allowed on element “legend” at this point.
	//
	// COUNT  PAGE    RULES
	//     2  signup  axe/label ×1; vnu/Attribute “for” not allowed on element “legend” at this point. ×1
	//     1  search  axe/label ×1
}
