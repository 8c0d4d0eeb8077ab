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

// TestErrors checks that what the parser does not know is an error
// naming the template, line and construct.
func TestErrors(t *testing.T) {
	for src, want := range map[string]string{
		"a\n{% spaceless %}": "t.html:2: tag {% spaceless %} is not supported",
		"{% if a %}":         "missing {% endif %}",
		"{{ a":               `t.html:1: unclosed "{{"`,
		"{% for a in b %}{% empty %}{% endfor %}": "{% empty %} is not supported",
		"{% endif %}": "tag {% endif %} is not supported",
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
		"{{- a }}": "{{- -}}: trimming whitespace is not supported",
		"{{ a -}}": "{{- -}}: trimming whitespace is not supported",
		"{*}":      `t.jet:1: unclosed "{*"`,
		"{{ a":     `t.jet:1: unclosed "{{"`,
	} {
		_, err := ParseJet("t.jet", src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseJet(%q): %v, want an error containing %q", src, err, want)
		}
	}
}
