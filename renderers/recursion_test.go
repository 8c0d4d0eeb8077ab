package renderers_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/renderers"
)

// TestTemplateRecursion renders templates that include or extend
// themselves, directly or through another, in both engines, cached and
// reloaded: each render returns a RecursionError naming the chain (before
// the limit, pongo2 overflowed the stack and killed the process, and jet
// ran to 100,000 levels while the name grew).
func TestTemplateRecursion(t *testing.T) {
	tests := []struct {
		name    string
		engine  string
		files   map[string]string
		start   string
		chain   string // a part of the chain the error must name
		extends bool
	}{
		{"django self include", "django", map[string]string{"django/forms/div.html": `x{% include "django/forms/div.html" %}`},
			"django/forms/div.html", "django/forms/div.html > django/forms/div.html", false},
		{"django include through another", "django", map[string]string{
			"a.html": `{% include "b.html" with x=1 only %}`, "b.html": `{% include "a.html" %}`}, "a.html", "a.html > b.html > a.html", false},
		{"django dynamic include", "django", map[string]string{"a.html": `{% include name %}`}, "a.html", "a.html > a.html", false},
		{"django self extends", "django", map[string]string{"a.html": `{% extends "a.html" %}`}, "a.html", "a.html > a.html", true},
		// pongo2 reads a name right after the tag word; the chain check
		// must too (found by FuzzCaseTemplates: a stack overflow).
		{"django self extends, no space", "django", map[string]string{"a.html": `{%extends"a.html"%}`}, "a.html", "a.html > a.html", true},
		{"django extends cycle, no space", "django", map[string]string{"a.html": `{%- extends'b.html'%}`, "b.html": `{%extends"a.html" %}`},
			"a.html", "a.html > b.html > a.html", true},
		{"django extends cycle", "django", map[string]string{"a.html": `{% extends 'b.html' %}`, "b.html": `{% extends "a.html" %}`},
			"a.html", "a.html > b.html > a.html", true},
		{"jet self include, relative name", "jet", map[string]string{"django/forms/div.html": `x{{ include "django/forms/div.html" }}`},
			// The chain names the template found each time, not jet's
			// relative path that grows by django/forms/ per include.
			"django/forms/div.html", "django/forms/div.html > django/forms/div.html > django/forms/div.html", false},
		{"jet self include, absolute", "jet", map[string]string{"loop.html": `x{{- include "/loop.html" -}}`}, "loop.html", "loop.html > loop.html", false},
		{"jet include with context", "jet", map[string]string{"a.html": `{{ include "b.html" name }}`, "b.html": `{{ include "a.html" }}`}, "a.html", "a.html > b.html > a.html", false},
		{"jet dynamic include", "jet", map[string]string{"a.html": `{{ include name }}`}, "a.html", "a.html > a.html", false},
		{"jet self extends", "jet", map[string]string{"a.html": `{{ extends "a.html" }}`}, "a.html", "a.html > a.html", true},
		{"jet self extends, no space", "jet", map[string]string{"a.html": `{{extends"a.html"}}`}, "a.html", "a.html > a.html", true},
		{"jet import cycle", "jet", map[string]string{"a.html": `{{ import "b.html" }}`, "b.html": `{{ import "/a.html" }}`}, "a.html", "a.html > b.html > a.html", true},
	}
	for _, tt := range tests {
		for _, reload := range []bool{false, true} {
			t.Run(tt.name, func(t *testing.T) {
				fsys := fstest.MapFS{}
				for k, v := range tt.files {
					fsys[k] = &fstest.MapFile{Data: []byte(v)}
				}
				var r renderers.Renderer = &renderers.DjangoTemplates{Overlay: fsys, Reload: reload}
				if tt.engine == "jet" {
					r = &renderers.Jinja2{Overlay: fsys, Reload: reload}
				}
				var buf bytes.Buffer
				err := r.Render(&buf, tt.start, renderers.Context{"name": tt.start})
				if err == nil {
					t.Fatal("no error")
				}
				if !strings.Contains(err.Error(), "RecursionError") || !strings.Contains(err.Error(), tt.chain) {
					t.Errorf("error does not name the chain %q:\n%v", tt.chain, err)
				}
				var re *renderers.RecursionError
				if tt.engine == "jet" && !errors.As(err, &re) {
					t.Errorf("error %v does not wrap a *RecursionError", err)
				}
				if re != nil && re.Extends != tt.extends {
					t.Errorf("Extends %v, want %v", re.Extends, tt.extends)
				}
			})
		}
	}
}

// TestTemplateDepthAllowed: a chain of MaxTemplateDepth templates renders.
func TestTemplateDepthAllowed(t *testing.T) {
	for _, engine := range []string{"django", "jet"} {
		fsys := fstest.MapFS{}
		for i := 1; i < renderers.MaxTemplateDepth; i++ {
			src := `{% include "t` + itoa(i+1) + `.html" %}`
			if engine == "jet" {
				src = `{{ include "/t` + itoa(i+1) + `.html" }}`
			}
			fsys["t"+itoa(i)+".html"] = &fstest.MapFile{Data: []byte(src)}
		}
		fsys["t"+itoa(renderers.MaxTemplateDepth)+".html"] = &fstest.MapFile{Data: []byte("bottom")}
		var r renderers.Renderer = &renderers.DjangoTemplates{Overlay: fsys}
		if engine == "jet" {
			r = &renderers.Jinja2{Overlay: fsys}
		}
		var buf bytes.Buffer
		if err := r.Render(&buf, "t1.html", renderers.Context{}); err != nil || buf.String() != "bottom" {
			t.Errorf("%s: %q, %v", engine, buf.String(), err)
		}
	}
}

// TestBannedTags: pongo2's ssi reads any file of the host, outside the
// template loaders; it, import and macro (none of them Django's) fail to
// parse, and jet's exec and includeIfExists, which skip the depth count,
// fail to run.
func TestBannedTags(t *testing.T) {
	for name, src := range map[string]string{
		"ssi":    `{% ssi "/etc/passwd" %}`,
		"parsed": `{% ssi "/etc/hostname" parsed %}`,
		"import": `{% import "a.html" m %}`,
		"macro":  `{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}`,
	} {
		r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{"a.html": {Data: []byte(src)}}}
		var buf bytes.Buffer
		err := r.Render(&buf, "a.html", renderers.Context{})
		if err == nil || !strings.Contains(err.Error(), "not allowed") {
			t.Errorf("%s: %v, output %q", name, err, buf.String())
		}
	}
	for name, src := range map[string]string{
		"exec":            `{{ exec("a.html") }}`,
		"includeIfExists": `{{ includeIfExists("a.html") }}`,
	} {
		r := &renderers.Jinja2{Overlay: fstest.MapFS{"a.html": {Data: []byte(src)}}}
		var buf bytes.Buffer
		err := r.Render(&buf, "a.html", renderers.Context{})
		if err == nil || !strings.Contains(err.Error(), "not available") {
			t.Errorf("%s: %v, output %q", name, err, buf.String())
		}
	}
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

// TestJetYield: a block that yields itself is a RecursionError (it
// overflowed the stack and killed the process), blocks that yield others
// render, and the trim markers of a yield keep trimming.
func TestJetYield(t *testing.T) {
	render := func(src string) (string, error) {
		r := &renderers.Jinja2{Overlay: fstest.MapFS{"a.html": {Data: []byte(src)}}}
		var buf bytes.Buffer
		err := r.Render(&buf, "a.html", renderers.Context{})
		return buf.String(), err
	}
	if _, err := render(`{{ block b() }}x{{ yield b() }}{{ end }}`); err == nil || !strings.Contains(err.Error(), "RecursionError") {
		t.Errorf("a block yielding itself: %v", err)
	}
	got, err := render("{{ block b() }}B{{ end }}{{ block c() }}C{{ yield b() }}{{ end }}|x  {{- yield c() -}}  y|{{ yield b() }}")
	if err != nil || got != "BCB|xCBy|B" {
		t.Errorf("got %q, %v; want \"BCB|xCBy|B\"", got, err)
	}
}

// TestPongo2Panic: an expression pongo2 panics on (found by
// FuzzCaseTemplates) is an error of the render.
func TestPongo2Panic(t *testing.T) {
	r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{"a.html": {Data: []byte(`{{ w % 0 }}`)}}}
	var buf bytes.Buffer
	err := r.Render(&buf, "a.html", renderers.Context{"w": 1})
	if err == nil || !strings.Contains(err.Error(), "divide by zero") || !strings.Contains(err.Error(), `"a.html"`) {
		t.Errorf("error %v", err)
	}
}

// TestExtendsOwnName checks that a theme's template extending the
// template of its own name extends the next one of that name (the
// built-in one, or a theme pack's under the overlay), as Django's
// loaders skip the extending template's origin, in both engines.
func TestExtendsOwnName(t *testing.T) {
	const name = "django/forms/widgets/input.html"
	ctx := func() renderers.Context {
		return renderers.Context{"widget": map[string]any{"name": "n", "type": "text", "value": "v<", "attrs": renderers.Attrs{"id": "id_n"}}}
	}
	render := func(t *testing.T, r renderers.Renderer) string {
		t.Helper()
		var buf bytes.Buffer
		if err := r.Render(&buf, name, ctx()); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	tests := []struct {
		label      string
		r, builtin renderers.Renderer
	}{
		{"django", &renderers.DjangoTemplates{Overlay: fstest.MapFS{name: {Data: []byte(`{% extends "django/forms/widgets/input.html" %}`)}}},
			renderers.NewDjangoTemplates()},
		{"django over a theme", &renderers.DjangoTemplates{Theme: "bootstrap5", Overlay: fstest.MapFS{name: {Data: []byte(`{% extends "django/forms/widgets/input.html" %}`)}}},
			&renderers.DjangoTemplates{Theme: "bootstrap5"}},
		{"jet", &renderers.Jinja2{Overlay: fstest.MapFS{name: {Data: []byte(`{{ extends "/django/forms/widgets/input.html" }}`)}}},
			renderers.NewJinja2()},
		{"jet, relative", &renderers.Jinja2{Overlay: fstest.MapFS{name: {Data: []byte(`{{ extends "input.html" }}`)}}},
			renderers.NewJinja2()},
		{"jet over a theme", &renderers.Jinja2{Theme: "govuk", Overlay: fstest.MapFS{name: {Data: []byte(`{{ extends "/django/forms/widgets/input.html" }}`)}}},
			&renderers.Jinja2{Theme: "govuk"}},
	}
	for _, tt := range tests {
		for _, reload := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s reload=%v", tt.label, reload), func(t *testing.T) {
				switch r := tt.r.(type) {
				case *renderers.DjangoTemplates:
					r = &renderers.DjangoTemplates{Theme: r.Theme, Overlay: r.Overlay, Reload: reload}
					tt.r = r
				case *renderers.Jinja2:
					r = &renderers.Jinja2{Theme: r.Theme, Overlay: r.Overlay, Reload: reload}
					tt.r = r
				}
				got, want := render(t, tt.r), render(t, tt.builtin)
				if got != want || !strings.Contains(got, `name="n"`) {
					t.Errorf("got  %q\nwant %q", got, want)
				}
			})
		}
	}
	// A template extending its own name with no other of that name, and a
	// cycle through the next layer, are still refused.
	for _, tt := range []struct {
		label string
		r     renderers.Renderer
		chain string
	}{
		{"django, two levels", &renderers.DjangoTemplates{Theme: "bootstrap5", Overlay: fstest.MapFS{
			name:     {Data: []byte(`{% extends "b.html" %}`)},
			"b.html": {Data: []byte(`{% extends "django/forms/widgets/input.html" %}`)},
		}}, name + " > b.html > " + name},
		{"jet, two levels", &renderers.Jinja2{Overlay: fstest.MapFS{
			name:     {Data: []byte(`{{ extends "/b.html" }}`)},
			"b.html": {Data: []byte(`{{ extends "/django/forms/widgets/input.html" }}`)},
		}}, name + " > b.html > " + name},
	} {
		t.Run(tt.label, func(t *testing.T) {
			var buf bytes.Buffer
			err := tt.r.Render(&buf, name, ctx())
			if err == nil || !strings.Contains(err.Error(), "RecursionError") || !strings.Contains(err.Error(), tt.chain) {
				t.Errorf("error %v, want a RecursionError naming %q", err, tt.chain)
			}
		})
	}
}
