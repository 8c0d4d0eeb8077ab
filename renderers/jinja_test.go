package renderers

import (
	"errors"
	"html"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
)

// djangoJinja2 holds Django's own Jinja2 form templates (see
// testdata/django-jinja2/README.md).
var djangoJinja2 = os.DirFS("testdata/django-jinja2")

// renderJinja renders a Jinja2-syntax template, translated, with ctx.
func renderJinja(t *testing.T, src string, ctx Context) (string, error) {
	t.Helper()
	r := &Jinja2{Overlay: JinjaFS(fstest.MapFS{
		"t.html":   {Data: []byte(src)},
		"inc.html": {Data: []byte("[{{ x }}]")},
	})}
	var b strings.Builder
	err := r.Render(&b, "t.html", ctx)
	return b.String(), err
}

// The expected outputs were printed by Jinja2 3.1.6 (the reference's)
// with autoescape on, for the same templates and contexts; escapes are
// compared decoded (markupsafe writes &#39; where Django writes &#x27;).
func TestTranslateJinja(t *testing.T) {
	tests := []struct {
		name, src string
		ctx       Context
		want      string
	}{
		{"loop",
			"{% for x in items %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.length }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %},{% endfor %}",
			Context{"items": []any{"a", "b", "c"}},
			"10323F,21213,32103L,"},
		{"nested loops",
			"{% for a in outer %}{% for b in inner %}{{ loop.index }}{% endfor %}{{ loop.index }};{% endfor %}",
			Context{"outer": []any{1, 2}, "inner": []any{"x", "y"}},
			"121;122;"},
		{"unpack",
			"{% for k, v in pairs %}{{ k }}={{ v }} {% endfor %}",
			Context{"pairs": []any{[]any{"a", 1}, []any{"b", 2}}},
			"a=1 b=2 "},
		{"for else",
			"{% for x in items %}{{ x }}{% else %}none{% endfor %}",
			Context{"items": []any{}},
			"none"},
		{"if elif else",
			"{% if n > 2 %}big{% elif n == 2 %}two{% else %}small{% endif %}",
			Context{"n": 2},
			"two"},
		{"comparisons as Python's",
			"{% if 'b' > 'a' %}s{% endif %}{% if '10' > '9' %}X{% endif %}{% if 1 < n <= 2 %}c{% endif %}{% if 3 < n < 1 %}X{% endif %}{% if price > 2 and price is lt 3 %}d{% endif %}{% if True > 0 %}t{% endif %}",
			Context{"n": 2, "price": decimal.RequireFromString("2.50")},
			"scdt"},
		{"bool of zero numbers",
			"{% if zero %}X{% else %}z{% endif %}{% if not fzero %}f{% endif %}{{ zero or 'or' }}{{ 'X' if empty else 'e' }}{{ zero|default('d', true) }}",
			Context{"zero": decimal.RequireFromString("0.00"), "fzero": 0.0, "empty": []any{}},
			"zfored"},
		{"set",
			"{% set greeting = 'Hi ' ~ name %}{{ greeting }}",
			Context{"name": "<Ann>"},
			"Hi &lt;Ann&gt;"},
		{"set in if is seen after",
			"{% if true %}{% set v = 3 %}{% endif %}{{ v }}",
			Context{},
			"3"},
		{"a context variable before it is set",
			"{{ v }}{% set v = 2 %}{{ v }}{% for x in xs %}{{ v }}{% set v = x %}{{ v }}{% endfor %}{{ v }}",
			Context{"v": 1, "xs": []any{7}},
			"12272"},
		{"escape and safe",
			"{{ s }}|{{ s|safe }}|{{ s|e }}",
			Context{"s": "<b>&'"},
			"&lt;b&gt;&amp;&#39;|<b>&'|&lt;b&gt;&amp;&#39;"},
		{"filters",
			"{{ s|upper }} {{ s|lower }} {{ s|capitalize }} {{ s|title }} {{ '  x '|trim }} {{ items|length }} {{ items|join(', ') }} {{ items|first }} {{ items|last }}",
			Context{"s": "hello wORLD", "items": []any{"a", "b"}},
			"HELLO WORLD hello world Hello world Hello World x 2 a, b a b"},
		{"tests",
			"{% if v is none %}N{% endif %}{% if w is sameas false %}F{% endif %}{% if w is not sameas true %}nT{% endif %}{% if w is defined %}D{% endif %}",
			Context{"v": nil, "w": false},
			"NFnTD"},
		{"operators",
			"{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 7 % 3 }} {{ -n }} {{ 'a' in s }} {{ 'z' not in s }} {{ 'y' if n else 'n' }} {{ 2 in items }}",
			Context{"n": 4, "s": "abc", "items": []any{1, 2}},
			"7 9 1 -4 True True y True"},
		{"and or not",
			"{% if a and not b %}1{% endif %}{% if b or a %}2{% endif %}{% if not (a and b) %}3{% endif %}",
			Context{"a": true, "b": false},
			"123"},
		{"whitespace control",
			"a  {%- if true -%}  b  {%- endif -%}  c\n{#- comment -#}\n d",
			Context{},
			"abcd"},
		{"comment",
			"x{# a comment {{ no }} #}y",
			Context{},
			"xy"},
		{"items",
			"{% for k, v in attrs.items() %}{{ k }}:{{ v }};{% endfor %}",
			Context{"attrs": Attrs{"class": "y", "id": "x"}},
			"class:y;id:x;"},
		{"dict literal",
			"{% for k, v in {'a': 1, 'b': 'two'}.items() %}{{ k }}{{ v }}{% endfor %}",
			Context{},
			"a1btwo"},
		{"list literal and index",
			"{{ [1, 2, 3][1] }}{{ items[0] }}",
			Context{"items": []any{"z"}},
			"2z"},
		{"include with loop variable",
			"{% for x in items %}{% include 'inc.html' %}{% endfor %}",
			Context{"items": []any{1, 2}},
			"[1][2]"},
		{"string escapes",
			"{{ \"a\\\"b\" }}{{ 'it\\'s' }}",
			Context{},
			"a&#34;bit&#39;s"},
		{"numbers",
			"{{ 1.5 + 1 }} {{ 10 / 4 }}",
			Context{},
			"2.5 2.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := renderJinja(t, tt.src, tt.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if html.UnescapeString(got) != html.UnescapeString(tt.want) || strings.Count(got, "<") != strings.Count(tt.want, "<") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A construct the translation does not take is an error naming it, the
// template and the line, at translation: never a panic, never output.
func TestTranslateJinjaErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"{% macro m() %}x{% endmacro %}", "{% macro %} is not supported"},
		{"{% extends 'base.html' %}", "{% extends %} is not supported"},
		{"{% block content %}{% endblock %}", "{% block %} is not supported"},
		{"{% raw %}{{ x }}{% endraw %}", "{% raw %} is not supported"},
		{"{% call m() %}{% endcall %}", "{% call %} is not supported"},
		{"{% filter upper %}x{% endfilter %}", "{% filter %} is not supported"},
		{"{% set x %}body{% endset %}", "{% set x %}...{% endset %} is not supported"},
		{"{% for x in xs if x %}{% endfor %}", "{% for ... if %} is not supported"},
		{"line one\n{{ x|urlize }}", "line 2: the Jinja2 filter \"urlize\" is not supported"},
		{"{% if x is test_of_mine %}{% endif %}", "the Jinja2 test \"test_of_mine\" is not supported"},
		{"{% for x in xs %}{{ loop.cycle('a', 'b') }}{% endfor %}", "loop.cycle is not supported"},
		{"{{ x.keys() }}", "the method keys() is not supported"},
		{"{{ 2 ** 3 }}", "the operator ** is not supported"},
		{"{% if x %}", "unclosed {% if %}"},
		{"{% for x in y %}{% endif %}", "{% endif %} does not close {% for %}"},
		{"{{ x ", "unclosed \"{{\""},
		{"{{ 'abc }}", "unclosed"},
		{"{% set range = 1 %}", "the variable name \"range\" is not supported"},
		{"{% include 'a.html' ignore missing %}", "{% include ... ignore missing %} is not supported"},
	}
	for _, tt := range tests {
		_, err := TranslateJinja("theme/t.html", tt.src)
		var je *JinjaError
		if !errors.As(err, &je) {
			t.Errorf("%q: error %v, want a *JinjaError", tt.src, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "theme/t.html") {
			t.Errorf("%q: error %q, want it to name the template and say %q", tt.src, err, tt.want)
		}
	}
	// Rendering from a JinjaFS reports the same error, naming the template.
	_, err := renderJinja(t, "{% macro m() %}{% endmacro %}", Context{})
	if err == nil || !strings.Contains(err.Error(), "t.html") || !strings.Contains(err.Error(), "macro") {
		t.Errorf("render error = %v, want one naming t.html and macro", err)
	}
}

// Django's own Jinja2 templates, translated, render the reference's
// golden results of its Jinja2 renderer (testdata/jinja2_golden.json).
func TestTranslatedDjangoJinja2Golden(t *testing.T) {
	r := &Jinja2{Overlay: JinjaFS(djangoJinja2)}
	if _, err := fs.Stat(djangoJinja2, "django/forms/div.html"); err != nil {
		t.Fatal(err)
	}
	for _, c := range loadGolden(t) {
		t.Run(c.Name, func(t *testing.T) {
			if !r.Overridden(c.Template) {
				t.Fatalf("%s is not among Django's Jinja2 templates", c.Template)
			}
			got, err := RenderString(r, c.Template, goldenContext(c))
			if err != nil {
				t.Fatal(err)
			}
			want := c.HTML
			if strings.HasSuffix(c.Template, "attrs.html") {
				got, want = "<x "+got+">", "<x "+want+">"
			}
			if strings.HasSuffix(c.Template, ".txt") {
				if strings.TrimSpace(got) != c.HTML {
					t.Errorf("got %q\nwant %q", got, c.HTML)
				}
			} else if msg := htmlDiff(got, want); msg != "" {
				t.Errorf("%s\n got %q\nwant %q", msg, got, want)
			}
		})
	}
}

// Values stay escaped through every translated construct: filters,
// items, attributes of computed values, tests and operators.
func TestTranslatedJinjaEscapesValues(t *testing.T) {
	const evil = `<script>alert("x")</script>'`
	src := `{{ v }}{{ v|upper }}{{ v|lower }}{{ v|title }}{{ v|capitalize }}{{ v|trim }}{{ v|e }}{{ v|default('d') }}` +
		`{{ [v, v]|join(', ') }}{{ [v]|first }}{{ [v]|last }}{{ {'k': v}.k }}{{ [v][0] }}{{ v ~ v }}` +
		`{{ v if v else '' }}{{ v or '' }}{% for k, x in m.items() %}{{ k }}{{ x }}{% endfor %}{% set s = v %}{{ s }}` +
		`{{ v|string }}{{ o.errors }}`
	got, err := renderJinja(t, src, Context{"v": evil, "m": map[string]any{evil: evil},
		"o": Object{"errors": func() any { return evil }}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(got), "<script") || strings.Contains(got, `"x"`) {
		t.Errorf("a value printed unescaped: %s", got)
	}
	if n := strings.Count(strings.ToLower(got), "&lt;script"); n != 23 {
		t.Errorf("%d values escaped once, want 23: %s", n, got)
	}
}

// Python's None read from an Object prints None, as Jinja2 3.1.6 prints
// it, where an undefined attribute prints nothing; what Jinja cannot do
// with None (its length, a loop over it) is an error.
func TestJinjaNone(t *testing.T) {
	ctx := func() Context {
		return Context{"f": Object{
			"value":   func() any { return nil },
			"initial": func() any { return nil },
			"help":    nil,
		}}
	}
	for _, tc := range []struct{ src, want string }{
		{"{{ f.value() }}|{{ f.initial }}|{{ f.help }}|{{ f.missing }}", "None|None|None|"},
		{"{{ f.value() is none }}{{ f.value() is not none }}{{ f.value() == none }}{{ f.value() != None }}{{ none == f.initial }}", "TrueFalseTrueFalseTrue"},
		{"{% if f.value() %}T{% else %}F{% endif %}{% if not f.initial %}N{% endif %}", "FN"},
		{"{{ f.value()|default('d') }}|{{ f.value()|default('d', true) }}|{{ f.missing|default('m') }}", "None|d|m"},
		{"{{ f.value()|safe }}|{{ f.value()|e }}|{{ f.value()|lower }}|{{ f.value() ~ '!' }}|{{ f.value()|string }}", "None|None|none|None!|None"},
		{"{{ f.value() == f.initial }}|{{ f.value()[0] }}|{{ f.value().x }}", "True||"},
		{"{% for x in f.missing %}{{ x }}{% endfor %}|{{ f.missing|join(',') }}", "|"},
	} {
		got, err := renderJinja(t, tc.src, ctx())
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.src, got, err, tc.want)
		}
	}
	for _, src := range []string{
		"{{ f.value()|length }}", "{% for x in f.value() %}{% endfor %}", "{{ 1 in f.initial }}",
		"{{ f.value()|first }}", "{{ f.initial|join(',') }}", "{{ f.value()|list }}", "{{ f.value()|abs }}",
	} {
		if got, err := renderJinja(t, src, ctx()); err == nil {
			t.Errorf("%s: got %q, want an error", src, got)
		}
	}
}
