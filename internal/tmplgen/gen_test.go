package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestGeneratedIsCurrent regenerates the writers from the templates and
// wants renderers/builtin_gen.go unchanged: a template edited without
// go generate fails here.
func TestGeneratedIsCurrent(t *testing.T) {
	got, err := generate(os.DirFS("../../templates"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../renderers/builtin_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("renderers/builtin_gen.go is stale: run go generate ./renderers")
	}
	if !bytes.HasPrefix(got, []byte("// Code generated ")) || !bytes.Contains(got, []byte("DO NOT EDIT.")) {
		t.Fatal("the generated file lacks the standard Code generated line")
	}
}

// TestUnsupported checks that the generator names the template, line and
// construct it does not support instead of generating wrong code.
func TestUnsupported(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"tag", "{% cycle a b %}", "label.html:1: tag {% cycle %} is not supported"},
		{"filter", "{{ label|upper }}", `label.html:1: filter "upper" is not supported`},
		{"attribute", "\n{{ attrs.items.x }}", `label.html:2: attrs.items.x: a attrs.items has no attribute "x"`},
		{"print", "{{ attrs }}", "label.html:1: {{ attrs }}: cannot print a attrs"},
		{"unknown variable", "{{ nope }}", `label.html:1: unknown variable "nope"`},
		{"comparison", "{% if tag == use_tag %}{% endif %}", "comparing with use_tag is not supported"},
		{"comparison of a bool", "{% if use_tag == 'x' %}{% endif %}", "comparing a bool is not supported"},
		{"with filter", "{% with x=tag|upper %}{% endwith %}", `filter "upper" is not supported in with`},
		{"str of a view", `{% with x=attrs|stringformat:"s" %}{% endwith %}`, "str() of a attrs is not supported"},
		{"translate parameter", `{% translate "a %(x)s" x=attrs %}`, "the parameter x=attrs is a attrs"},
		{"undefined in a print", "{% if nope %}{{ nope }}{% endif %}{% if not nope %}{{ nope }}{% endif %}", `unknown variable "nope"`},
		{"unclosed", "{% if use_tag %}", "missing {% endif %}"},
		{"dynamic include", "{% include tag %}", "is included with widget=..., or where widget is a widget"},
		{"dynamic include with", "{% include tag with label=tag %}", "must be included with widget=... alone"},
		{"missing include", "{% include 'nope.html' %}", "nope.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, v := range views {
				for _, n := range roots[v] {
					fsys[n] = &fstest.MapFile{Data: []byte("")}
				}
			}
			fsys["django/forms/label.html"] = &fstest.MapFile{Data: []byte(tt.src)}
			_, err := generate(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("generate: %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
