package tmplparse

import (
	"strings"
	"testing"
)

// TestElif checks that {% elif %} parses as an if alone in the else
// branch, with its own line.
func TestElif(t *testing.T) {
	nodes, err := Parse("t.html", "{% load i18n %}{% if a %}A{% elif b %}\nB{% else %}C{% endif %}")
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 2 {
		t.Fatalf("got %d nodes, want the load's empty text and the if", len(nodes))
	}
	if x, ok := nodes[0].(*Text); !ok || x.Text != "" {
		t.Fatalf("load: got %#v, want an empty *Text", nodes[0])
	}
	n, ok := nodes[1].(*If)
	if !ok || n.Cond != "a" || !n.HasElse || len(n.Else) != 1 {
		t.Fatalf("got %#v, want if a with one node in else", nodes[1])
	}
	inner, ok := n.Else[0].(*If)
	if !ok || inner.Cond != "b" || !inner.HasElse || inner.Line != 1 {
		t.Fatalf("elif: got %#v", n.Else[0])
	}
	if x := inner.Else[0].(*Text); x.Text != "C" {
		t.Fatalf("else of the elif: got %q", x.Text)
	}
}

// TestSpaceless checks that {% spaceless %} parses into a node holding
// its body.
func TestSpaceless(t *testing.T) {
	nodes, err := Parse("t.html", "a\n{% spaceless %}<p> {{ b }} </p>{% endspaceless %}c")
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 3 {
		t.Fatalf("got %d nodes, want text, spaceless, text", len(nodes))
	}
	n, ok := nodes[1].(*Spaceless)
	if !ok || n.Line != 2 || len(n.Body) != 3 {
		t.Fatalf("got %#v, want a spaceless on line 2 with three nodes", nodes[1])
	}
	if v, ok := n.Body[1].(*Var); !ok || v.Expr != "b" {
		t.Fatalf("body: got %#v", n.Body[1])
	}
}

// TestJetTrim checks jet's trim markers: "{{- " strips the whitespace
// ending the text just before, " -}}" the whitespace starting the text
// just after, and a comment between keeps the text as it is.
func TestJetTrim(t *testing.T) {
	for src, want := range map[string]string{
		"a \n\t{{- x }} b":             "a|x| b",
		"a {{ x -}} \r\n b":            "a |x|b",
		"a\n{{- x -}}\n":               "a|x",
		" {{- x -}} ":                  "x",
		"a {* c *} {{- x -}}{* d *} b": "a |x| b",
		"a {* c *}{{- x }}":            "a |x",
		"{{ range w := iter(w.s) -}}\n  {{ include w.t }}\n{{- end }}\n": "range(include)|\n",
		"a {{ x }} b": "a |x| b",
	} {
		nodes, err := ParseJet("t.jet", src)
		if err != nil {
			t.Errorf("ParseJet(%q): %v", src, err)
			continue
		}
		if got := flat(nodes); got != want {
			t.Errorf("ParseJet(%q): got %q, want %q", src, got, want)
		}
	}
}

// flat shows nodes as text, variables, and the bodies of loops, joined
// by |.
func flat(nodes []Node) string {
	var parts []string
	for _, n := range nodes {
		switch n := n.(type) {
		case *Text:
			parts = append(parts, n.Text)
		case *Var:
			parts = append(parts, n.Expr)
		case *For:
			parts = append(parts, "range("+flat(n.Body)+")")
		case *Include:
			parts = append(parts, "include")
		default:
			parts = append(parts, "?")
		}
	}
	return strings.Join(parts, "|")
}

// TestErrors checks that what the parser does not know is an error
// naming the template, line and construct.
func TestErrors(t *testing.T) {
	for src, want := range map[string]string{
		"a\n{% cycle a b %}":                  "t.html:2: tag {% cycle %} is not supported",
		"{% if a %}":                          "missing {% endif %}",
		"a\n{% spaceless %}":                  "t.html:2: missing {% endspaceless %}",
		"{% spaceless x %}{% endspaceless %}": "spaceless takes no arguments",
		"{{ a":                                `t.html:1: unclosed "{{"`,
		"{% translate There %}":               "translate: want a quoted message",
		"{% translate \"a\" b %}":             `want name=value after the message, got "b"`,
		"{% langattrs x %}":                   "langattrs takes no arguments",
		"{% endif %}":                         "tag {% endif %} is not supported",
		// The closing delimiter is looked for after the opening one, so
		// that {#} and {%} are unclosed, not a tag ending inside its start.
		"{#}":  `t.html:1: unclosed "{#"`,
		"x{%}": `t.html:1: unclosed "{%"`,
	} {
		_, err := Parse("t.html", src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q): %v, want an error containing %q", src, err, want)
		}
	}
	for src, want := range map[string]string{
		"{{-a }}": "a '-' at the edge of an action without a space is not supported",
		"{{ a-}}": "a '-' at the edge of an action without a space is not supported",
		"{{-}}":   "a '-' at the edge of an action without a space is not supported",
		"{*}":     `t.jet:1: unclosed "{*"`,
		"{{ a":    `t.jet:1: unclosed "{{"`,
	} {
		_, err := ParseJet("t.jet", src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseJet(%q): %v, want an error containing %q", src, err, want)
		}
	}
}

// TestAccessibleTags checks formwork's translate and langattrs, for with
// an empty branch and a with's filters.
func TestAccessibleTags(t *testing.T) {
	nodes, err := Parse("t.html", `{% translate "Form %(number)s" number=forloop.counter %}{% langattrs %}`+
		`{% for a in b %}A{% empty %}E{% endfor %}{% with s=form.errors|stringformat:"s" %}{% endwith %}`)
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 4 {
		t.Fatalf("got %d nodes, want 4", len(nodes))
	}
	if n, ok := nodes[0].(*Translate); !ok || n.Message != "Form %(number)s" || len(n.Params) != 1 || n.Params[0] != [2]string{"number", "forloop.counter"} {
		t.Errorf("translate: got %#v", nodes[0])
	}
	if _, ok := nodes[1].(*LangAttrs); !ok {
		t.Errorf("langattrs: got %#v", nodes[1])
	}
	if n, ok := nodes[2].(*For); !ok || !n.HasEmpty || len(n.Body) != 1 || len(n.Empty) != 1 || n.Empty[0].(*Text).Text != "E" {
		t.Errorf("for/empty: got %#v", nodes[2])
	}
	if n, ok := nodes[3].(*With); !ok || n.Expr != "form.errors" || len(n.Filters) != 1 || n.Filters[0] != `stringformat:"s"` {
		t.Errorf("with: got %#v", nodes[3])
	}
}
