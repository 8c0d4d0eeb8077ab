package htmlcmp

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// testdata/htmlcmp.json holds the reference Django's verdicts, written by
// testdata/gen.py: "equal", "unequal", or "error" when parse_html raises
// HTMLParseError on either fragment.
type pair struct {
	A       string `json:"a"`
	B       string `json:"b"`
	Verdict string `json:"verdict"`
	AError  bool   `json:"a_error"`
	BError  bool   `json:"b_error"`
}

func load(t *testing.T) []pair {
	t.Helper()
	raw, err := os.ReadFile("testdata/htmlcmp.json")
	if err != nil {
		t.Fatal(err)
	}
	var ps []pair
	if err := json.Unmarshal(raw, &ps); err != nil {
		t.Fatal(err)
	}
	if len(ps) < 150 {
		t.Fatalf("only %d pairs", len(ps))
	}
	return ps
}

func TestEqual(t *testing.T) {
	for _, p := range load(t) {
		if got, want := Equal(p.A, p.B, Options{}), p.Verdict == "equal"; got != want {
			t.Errorf("Equal(%q, %q) = %v, Django says %s", p.A, p.B, got, p.Verdict)
		}
		if got, want := Equal(p.B, p.A, Options{}), p.Verdict == "equal"; got != want {
			t.Errorf("Equal(%q, %q) = %v, Django says %s (swapped)", p.B, p.A, got, p.Verdict)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, p := range load(t) {
		for _, f := range []struct {
			src  string
			fail bool
		}{{p.A, p.AError}, {p.B, p.BError}} {
			n, err := Parse(f.src)
			if (err != nil) != f.fail {
				t.Errorf("Parse(%q) = %v, %v; Django raises HTMLParseError: %v", f.src, n, err, f.fail)
			}
		}
	}
}

func TestDropLegendFor(t *testing.T) {
	a := `<fieldset><legend for="id_x">X</legend></fieldset>`
	b := `<fieldset><legend>X</legend></fieldset>`
	if Equal(a, b, Options{}) {
		t.Errorf("Equal(%q, %q) without DropLegendFor = true", a, b)
	}
	if !Equal(a, b, Options{DropLegendFor: true}) {
		t.Errorf("Equal(%q, %q) with DropLegendFor = false", a, b)
	}
}

func ExampleEqual() {
	fmt.Println(Equal(`<input type="checkbox" checked class="b a">`,
		`<input class="a b" checked="checked" type="checkbox" />`, Options{}))
	fmt.Println(Equal(`<p>a</p>`, `<p>b</p>`, Options{}))
	// Output:
	// true
	// false
}
