package djangoengine_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/renderers"
	_ "github.com/formwork/formwork/renderers/djangoengine"
)

// Django's filters where pongo2's differ: each want is what the reference
// Django printed for the same template and context.
func TestDjangoFilters(t *testing.T) {
	ctx := renderers.Context{"n": 5, "none": nil, "items": []any{"a<", "b", "c"}, "one": []any{"x"}, "js": "a'b\"c<d>&e=f-g;h`"}
	tests := []struct{ tpl, want string }{
		{"{{ '3'|add:'4' }}", "7"},
		{"{{ ' 3 '|add:'1_0' }}", "13"},
		{"{{ 3|add:'x' }}", ""},
		{"{{ 'a'|add:'b' }}", "ab"},
		{"{{ 3.7|add:1 }}", "4"},
		{"{{ n|add:2 }}", "7"},
		{"{{ none|add:2 }}", ""},
		{"{{ 1|pluralize }}", ""},
		{"{{ 2|pluralize }}", "s"},
		{"{{ '1'|pluralize }}", ""},
		{"{{ 'x'|pluralize }}", ""},
		{"{{ 1|pluralize:'y,ies' }}", "y"},
		{"{{ 0|pluralize:'y,ies' }}", "ies"},
		{"{{ 2|pluralize:'a,b,c' }}", ""},
		{"{{ items|pluralize }}", "s"},
		{"{{ one|pluralize }}", ""},
		{"{{ 'Hello World ÄÖ é_-x '|slugify }}", "hello-world-ao-e_-x"},
		{"{{ ' --a  b-- '|slugify }}", "a-b"},
		{"{{ 'x<y>&\"z\"'|slugify }}", "xyz"},
		{"{{ 'a b/c?d=é'|urlencode }}", "a%20b/c%3Fd%3D%C3%A9"},
		{"{{ 'a b/c'|urlencode:'' }}", "a%20b%2Fc"},
		{"{{ 'a b/c?d=é'|iriencode }}", "a%20b/c?d=%C3%A9"},
		{"{{ 'Hello world'|truncatechars:5 }}", "Hell…"},
		{"{{ 'Hello'|truncatechars:5 }}", "Hello"},
		{"{{ 'Hello'|truncatechars:0 }}", "…"},
		{"{{ 'Hello'|truncatechars:1 }}", "…"},
		{"{{ js|escapejs }}", "a\\u0027b\\u0022c\\u003Cd\\u003E\\u0026e\\u003Df\\u002Dg\\u003Bh\\u0060"},
		{"{{ '<b>'|force_escape }}", "&lt;b&gt;"},
		{"{{ 'Joel is a slug'|wordwrap:4 }}", "Joel\nis a\nslug"},
		{"{{ 'a <b> c'|wordwrap:1 }}", "a\n<b>\nc"}, // a literal is safe in Django
		{"{{ 'Joel   is a slug'|truncatewords:2 }}", "Joel is …"},
		{"{{ 'Joel   is'|truncatewords:2 }}", "Joel is"},
		{"{{ 'Joel is'|truncatewords:0 }}", " …"},
		{"{{ '<b>'|force_escape|force_escape }}", "&amp;lt;b&amp;gt;"},
		{"{{ items|length }}", "3"},
		{"{{ items|first }}", "a&lt;"},
		{"{{ items|last }}", "c"},
		{"{{ items|join:' & ' }}", "a&lt; & b & c"},
		{"{{ items|length_is:3 }}", "True"},
		{"{{ none|length }}", "0"},
	}
	for _, tt := range tests {
		r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{"t.html": {Data: []byte(tt.tpl)}}}
		var b strings.Builder
		if err := r.Render(&b, "t.html", ctx); err != nil {
			t.Errorf("%s: %v", tt.tpl, err)
			continue
		}
		if b.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.tpl, b.String(), tt.want)
		}
	}
}

// floatformat and yesno print in the language of the render's translator
// (a form's, a field's or a widget's TranslatorKey), also inside an
// include with only, and not inside string literals; each want is what
// the reference printed with the language active.
func TestLocalizedFilters(t *testing.T) {
	de, err := i18n.For("de")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tpl  string
		ctx  renderers.Context
		want string
	}{
		{"{{ 1234.5|floatformat:'2g' }}|{{ True|yesno }}", nil, "1,234.50|yes"},
		{"{{ 1234.5|floatformat:'2g' }}|{{ True|yesno }}|{{ None|yesno }}", renderers.Context{"form": renderers.Object{renderers.TranslatorKey: de}}, "1.234,50|Ja|Vielleicht"},
		{"{{ 1234.5|floatformat:'2gu' }}|{{ 0.5|floatformat:'u' }}", renderers.Context{"form": renderers.Object{renderers.TranslatorKey: de}}, "1234.50|0.5"},
		{"{{ False|yesno }}", renderers.Context{"widget": map[string]any{renderers.TranslatorKey: de}}, "Nein"},
		{"{% include 'inc.html' only %}", renderers.Context{"field": renderers.Object{renderers.TranslatorKey: de}}, "0,25"},
		{"{{ '|yesno' }}|{% if 2.5|floatformat == '2,5' %}de{% endif %}", renderers.Context{"form": renderers.Object{renderers.TranslatorKey: de}}, "|yesno|de"},
		{"{{ '1e999999999'|floatformat:2 }}|{{ 'x'|floatformat }}", nil, "1e999999999|"},
	}
	for _, tt := range tests {
		r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{
			"t.html":   {Data: []byte(tt.tpl)},
			"inc.html": {Data: []byte("{{ 0.25|floatformat:2 }}")},
		}}
		var b strings.Builder
		if err := r.Render(&b, "t.html", tt.ctx); err != nil {
			t.Errorf("%s: %v", tt.tpl, err)
			continue
		}
		if b.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.tpl, b.String(), tt.want)
		}
	}
}
