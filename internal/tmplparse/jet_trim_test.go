package tmplparse

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/CloudyKit/jet/v6"
)

// TestJetTrimMatchesJet renders random templates of text, whitespace,
// comments and actions with and without trim markers with jet itself and
// from ParseJet's tree, and wants the same text: ParseJet strips what
// jet's lexer strips.
func TestJetTrimMatchesJet(t *testing.T) {
	pieces := []string{"a", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "{* c *}", "{{ x }}", "{{- x }}", "{{ x -}}", "{{- x -}}"}
	r := rand.New(rand.NewSource(1))
	loader := jet.NewInMemLoader()
	set := jet.NewSet(loader)
	vars := jet.VarMap{}
	vars.Set("x", "X")
	for i := 0; i < 3000; i++ {
		var sb strings.Builder
		for n := r.Intn(10); n > 0; n-- {
			sb.WriteString(pieces[r.Intn(len(pieces))])
		}
		src := sb.String()
		name := fmt.Sprintf("t%d.jet", i)
		loader.Set(name, src)
		tpl, err := set.GetTemplate(name)
		if err != nil {
			t.Fatalf("jet %q: %v", src, err)
		}
		var want bytes.Buffer
		if err := tpl.Execute(&want, vars, nil); err != nil {
			t.Fatalf("jet %q: %v", src, err)
		}
		nodes, err := ParseJet(name, src)
		if err != nil {
			t.Fatalf("ParseJet(%q): %v", src, err)
		}
		var got strings.Builder
		for _, n := range nodes {
			switch n := n.(type) {
			case *Text:
				got.WriteString(n.Text)
			case *Var:
				got.WriteString("X")
			}
		}
		if got.String() != want.String() {
			t.Fatalf("%q: ParseJet's text %q, jet prints %q", src, got.String(), want.String())
		}
	}
}
