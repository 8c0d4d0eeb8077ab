package renderers

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Jinja2's built-in filters, translated: the expected outputs were
// printed by Jinja2 3.1.6 (the reference's) with autoescape on, as
// Django's Jinja2 backend runs it, for the same templates and a context
// of the same values (jinjaFilterContext: Python's strings, Django's
// SafeString, numbers, lists, a dict, objects like bound fields).
// markupsafe writes &#39; and &#34; where Django's escape, which jet's
// printing uses, writes &#x27; and &quot;: escapes are compared as such.
func jinjaFilterContext() Context {
	field := func(name, label string, hidden, required bool, errs ...any) Object {
		return Object{HTMLKey: HTML(`<input name="` + name + `">`), "name": name, "label": label,
			"is_hidden": hidden, "required": required, "errors": func() any { return errs }}
	}
	return Context{
		"s": "Hello <world> & 'you'", "sstr": Safe("<b>bold</b> text"), "n": 1536, "f": 2.675, "neg": -2.5,
		"words": "The quick brown fox jumps over the lazy dog", "xs": []any{3, 1, 2}, "names": []any{"b", "A", "a", "C"},
		"attrs": map[string]any{"class": "wide", "hidden": nil, "id": "id_x", "n": 3, "required": true},
		"fields": []any{field("email", "E-mail <b>", false, true, "Bad & wrong."), field("age", "age", false, false),
			field("token", "Token", true, true), field("Name", "name", false, true, "Required.")},
		"pairs": []any{[]any{"a", 1}, []any{"b", 2}}, "lines": "one\ntwo\n\nthree",
	}
}

func markupsafeToDjango(s string) string {
	return strings.NewReplacer("&#39;", "&#x27;", "&#34;", "&quot;").Replace(s)
}

func TestJinjaFilters(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{{ s|center(30) }}|",
			"    Hello &lt;world&gt; &amp; &#39;you&#39;     |"},
		{"{{ sstr|center(24) }}|",
			"    &lt;b&gt;bold&lt;/b&gt; text    |"},
		{"{{ (s|e)|center(32) }}|",
			"Hello &lt;world&gt; &amp; &#39;you&#39;|"},
		{"{{ 'ab'|center(5) }}|{{ 'a'|center(4) }}|{{ 'x'|center(true) }}|",
			"  ab | a  |x|"},
		{"{{ lines|indent }}",
			"one\n    two\n\n    three"},
		{"{{ lines|indent(2, true) }}|",
			"  one\n  two\n\n  three|"},
		{"{{ lines|indent(2, first=true, blank=true) }}|",
			"  one\n  two\n  \n  three|"},
		{"{{ lines|indent('> ') }}",
			"one\n&gt; two\n\n&gt; three"},
		{"{{ sstr|indent(first=true) }}",
			"    &lt;b&gt;bold&lt;/b&gt; text"},
		{"{{ (sstr|safe)|indent('<i>', true) }}",
			"<i><b>bold</b> text"},
		{"{{ words|wordwrap(10) }}",
			"The quick\nbrown fox\njumps over\nthe lazy\ndog"},
		{"{{ 'supercalifragilistic word'|wordwrap(5) }}",
			"super\ncalif\nragil\nistic\nword"},
		{"{{ 'supercalifragilistic word'|wordwrap(5, false) }}",
			"supercalifragilistic\nword"},
		{"{{ 'a-b-c-d-e-f long-hyphenated-word'|wordwrap(6) }}",
			"a-b-c-\nd-e-f\nlong-h\nyphena\nted-\nword"},
		{"{{ 'a-b-c-d-e-f long-hyphenated-word'|wordwrap(6, break_on_hyphens=false) }}",
			"a-b-c-\nd-e-f \nlong-h\nyphena\nted-wo\nrd"},
		{"{{ words|wordwrap(12, wrapstring='<br>') }}",
			"The quick&lt;br&gt;brown fox&lt;br&gt;jumps over&lt;br&gt;the lazy dog"},
		{"{{ words|wordwrap(12, wrapstring='<br>'|safe) }}",
			"The quick<br>brown fox<br>jumps over<br>the lazy dog"},
		{"{{ 'p1 p1\n\np2  p2'|wordwrap(3) }}",
			"p1\np1\n\np2\np2"},
		{"{{ 'em--dash and--more text'|wordwrap(7) }}",
			"em--\ndash\nand--\nmore\ntext"},
		{"{{ 0|filesizeformat }}|{{ 1|filesizeformat }}|{{ 999|filesizeformat }}|{{ 1000|filesizeformat }}|{{ n|filesizeformat }}|{{ n|filesizeformat(true) }}|{{ 1500000|filesizeformat }}|{{ '2048'|filesizeformat(binary=true) }}|{{ 2.5|filesizeformat }}|{{ -5|filesizeformat }}|{{ 999950|filesizeformat }}",
			"0 Bytes|1 Byte|999 Bytes|1.0 kB|1.5 kB|1.5 KiB|1.5 MB|2.0 KiB|2 Bytes|-5 Bytes|1000.0 kB"},
		{"{{ '%s-%s'|format('a', 1) }}|{{ '%d items'|format(3) }}|{{ '%5.2f'|format(f) }}|{{ '%(a)s+%(b)s'|format(a='x<', b=2) }}|{{ '%s'|format(s) }}|{{ ('<%s>'|safe)|format('<i>') }}|{{ '%s'|format(sstr) }}|{{ '[%s]'|format(sstr) }}|{{ '%r'|format('q') }}|{{ '%x %o %e %g %%'|format(255, 8, 12345.678, 0.00001) }}|{{ '%-5s|%05d|%+d'|format('ab', 42, 7) }}",
			"a-1|3 items| 2.67|x&lt;+2|Hello &lt;world&gt; &amp; &#39;you&#39;|<&lt;i&gt;>|<b>bold</b> text|[&lt;b&gt;bold&lt;/b&gt; text]|&#39;q&#39;|ff 10 1.234568e+04 1e-05 %|ab   |00042|+7"},
		{"{{ 42.55|round }}|{{ 42.55|round(1, 'floor') }}|{{ f|round(2) }}|{{ 2.5|round }}|{{ 3.5|round }}|{{ 5|round }}|{{ 5|round(1, 'ceil') }}|{{ 1234.5|round(-2) }}|{{ neg|round(0, 'ceil') }}|{{ f|round(method='ceil', precision=1) }}",
			"43.0|42.5|2.67|2.0|4.0|5|5.0|1200.0|-2.0|2.7"},
		{"{{ xs|sort }}|{{ names|sort|join(',') }}|{{ names|sort(case_sensitive=true)|join(',') }}|{{ names|sort(true)|join(',') }}|{{ fields|sort(attribute='label')|map(attribute='name')|join(',') }}|{{ fields|sort(attribute='is_hidden,name', reverse=true)|map(attribute='name')|join(',') }}|{{ pairs|sort(attribute='1', reverse=true)|map(attribute='0')|join }}",
			"[1, 2, 3]|A,a,b,C|A,C,a,b|C,b,A,a|age,email,Name,token|token,Name,email,age|ba"},
		{"{% for k, v in attrs|dictsort %}{{ k }}={{ v }};{% endfor %}|{% for k, v in {'b': 1, 'A': 3, 'c': 2}|dictsort(by='value', reverse=true) %}{{ k }}{% endfor %}|{{ {'b': 1, 'a': 2}|dictsort }}",
			"class=wide;hidden=None;id=id_x;n=3;required=True;|Acb|[(&#39;a&#39;, 2), (&#39;b&#39;, 1)]"},
		{"{{ names|unique|join(',') }}|{{ names|unique(case_sensitive=true)|join(',') }}|{{ fields|unique(attribute='is_hidden')|map(attribute='name')|join(',') }}|{{ [1, 1.0, true, 2]|unique|list }}",
			"b,A,C|b,A,a,C|email,token|[1, 2]"},
		{"{{ xs|min }}|{{ xs|max }}|{{ names|min }}|{{ names|max }}|{{ names|max(case_sensitive=true) }}|{{ (fields|min(attribute='label')).name }}|{{ fields|max(attribute='name') }}|{{ []|min }}|{{ 'hello'|max }}",
			"1|3|A|C|b|age|<input name=\"token\">||o"},
		{"{{ fields|map(attribute='name')|join(', ') }}|{{ fields|map(attribute='missing', default='-')|join }}|{{ names|map('lower')|join }}|{{ [s]|map('upper')|first }}|{{ [1.26, 3.71]|map('round', 1, 'floor')|list }}|{{ pairs|map(attribute='1')|sum }}|{{ fields|map(attribute='errors')|map('length')|list }}|{{ ['abcdef']|map('truncate', 4, leeway=0)|first }}",
			"email, age, token, Name|----|baac|HELLO &lt;WORLD&gt; &amp; &#39;YOU&#39;|[1.2, 3.7]|3|[1, 0, 0, 1]|a..."},
		{"{{ [1, 2, 3, 4, 5, 6]|select('odd')|list }}|{{ [1, 2, 3, 4, 5, 6]|reject('odd')|list }}|{{ [0, 1, '', 'a', none]|select|list }}|{{ [1, 2, 3, 6]|select('divisibleby', 3)|list }}|{{ [1, 2, 3]|select('equalto', 2)|list }}|{{ [1, 2, 3]|select('lt', 3)|list }}|{{ [1, 2, 3]|reject('ge', 2)|list }}|{{ ['a', 1, 2.5]|select('string')|list }}|{{ ['a', 1, 2.5]|select('number')|list }}|{{ [1, 2, 3]|select('in', [1, 3])|list }}|{{ ['A', 'b']|select('lower')|list }}|{{ [true, false, 1]|select('sameas', true)|list }}",
			"[1, 3, 5]|[2, 4, 6]|[1, &#39;a&#39;]|[3, 6]|[2]|[1, 2]|[1]|[&#39;a&#39;]|[1, 2.5]|[1, 3]|[&#39;b&#39;]|[True]"},
		{"{{ fields|selectattr('is_hidden')|map(attribute='name')|join }}|{{ fields|rejectattr('is_hidden')|map(attribute='name')|join(',') }}|{{ fields|selectattr('errors')|map(attribute='name')|join(',') }}|{{ fields|selectattr('name', 'equalto', 'age')|first }}|{{ fields|selectattr('label', 'lower')|map(attribute='name')|join(',') }}|{{ fields|rejectattr('name', 'in', ['age', 'token'])|map(attribute='label')|join(';') }}|{{ fields|selectattr('required', 'sameas', false)|list|length }}",
			"token|email,age,Name|email,Name|<input name=\"age\">|age,Name|E-mail &lt;b&gt;;name|1"},
		{"{% for hidden, group in fields|groupby('is_hidden') %}{{ hidden }}:{{ group|map(attribute='name')|join(',') }};{% endfor %}|{% for g in fields|groupby('required') %}{{ g.grouper }}={{ g.list|length }}/{{ g[0] }};{% endfor %}|{% for g in names|groupby('0') %}{{ g.grouper }}{{ g.list|join }};{% endfor %}|{% for k, v in names|groupby('0', case_sensitive=true) %}{{ k }}{{ v|length }};{% endfor %}|{{ [{'k': 'x'}, {'k': 'y'}, {}]|groupby('k', default='z')|map(attribute='grouper')|join }}",
			"False:email,age,Name;True:token;|False=1/False;True=3/True;|AAa;bb;CC;|A1;C1;a1;b1;|xyz"},
		{"{% for row in fields|batch(3, '-') %}[{% for f in row %}{% if f is string %}{{ f }}{% else %}{{ f.name }}{% endif %}{% endfor %}]{% endfor %}|{{ [1, 2, 3, 4, 5]|batch(2)|list }}|{{ [1, 2, 3]|batch(0)|list }}|{% for a, b in [1, 2, 3, 4]|batch(2) %}{{ a }}-{{ b }};{% endfor %}",
			"[emailagetoken][Name--]|[[1, 2], [3, 4], [5]]|[[], [1, 2, 3]]|1-2;3-4;"},
		{"{% for col in fields|slice(3) %}[{% for f in col %}{{ f.name }}{% endfor %}]{% endfor %}|{{ [1, 2, 3, 4, 5]|slice(3, 'x')|list }}|{{ [1, 2]|slice(4)|list }}|{{ [1, 2]|slice(-2)|list }}",
			"[emailage][token][Name]|[[1, 2], [3, 4], [5, &#39;x&#39;]]|[[1], [2], [], []]|[]"},
		{"{{ {'a': '<b>', 'n': 1, 'x': none, 'f': 2.5, 'l': [1, 'x'], 't': true, 'e': \"it's & <\"}|tojson }}|{{ s|tojson }}|{{ [1, 2]|tojson(2) }}|{{ {'b': 1, 'a': {'d': [], 'c': 2}}|tojson(indent=1) }}|{{ attrs|tojson }}|{{ pairs|tojson }}|{{ sstr|tojson }}",
			"{\"a\": \"\\u003cb\\u003e\", \"e\": \"it\\u0027s \\u0026 \\u003c\", \"f\": 2.5, \"l\": [1, \"x\"], \"n\": 1, \"t\": true, \"x\": null}|\"Hello \\u003cworld\\u003e \\u0026 \\u0027you\\u0027\"|[\n  1,\n  2\n]|{\n \"a\": {\n  \"c\": 2,\n  \"d\": []\n },\n \"b\": 1\n}|{\"class\": \"wide\", \"hidden\": null, \"id\": \"id_x\", \"n\": 3, \"required\": true}|[[\"a\", 1], [\"b\", 2]]|\"\\u003cb\\u003ebold\\u003c/b\\u003e text\""},
		{"{{ attrs|xmlattr }}|{{ {'a': 'b'}|xmlattr(false) }}|{{ {}|xmlattr }}|<p{{ {'data-x': sstr, 'title': s}|xmlattr }}>",
			" class=\"wide\" id=\"id_x\" n=\"3\" required=\"True\"|a=\"b\"||<p data-x=\"<b>bold</b> text\" title=\"Hello &lt;world&gt; &amp; &#39;you&#39;\">"},
		{"{{ fields[0]|attr('name') }}|{{ fields[0]|attr('label') }}|{{ fields[0]|attr('missing') }}|{{ attrs|attr('class') }}|{{ fields[0]|attr('errors')|length }}",
			"email|E-mail &lt;b&gt;|||1"},
		{"{% for k, v in attrs|items %}{{ k }}={{ v }};{% endfor %}|{{ {'a': 1}|items|list }}|{{ {'a': 1}|items|first }}",
			"class=wide;hidden=None;id=id_x;n=3;required=True;|[(&#39;a&#39;, 1)]|(&#39;a&#39;, 1)"},
		{"{{ s|forceescape }}|{{ sstr|forceescape }}|{{ ('<b>'|safe)|forceescape }}|{{ 5|forceescape }}|{{ none|forceescape }}",
			"Hello &lt;world&gt; &amp; &#39;you&#39;|<b>bold</b> text|&lt;b&gt;|5|None"},
		{"{{ [1, 'a', none, 2.5]|pprint }}|{{ {'b': 1, 'a': [true]}|pprint }}|{{ s|pprint }}|{{ (1, 2)|pprint }}|{{ ('x',)|pprint }}",
			"[1, &#39;a&#39;, None, 2.5]|{&#39;a&#39;: [True], &#39;b&#39;: 1}|&#34;Hello &lt;world&gt; &amp; &#39;you&#39;&#34;|(1, 2)|(&#39;x&#39;,)"},
		{"{{ fields|join(', ', attribute='name') }}|{{ fields|join(attribute='label') }}|{{ pairs|join('; ', attribute='0') }}|{{ pairs|sum(attribute='1', start=10) }}|{{ [sstr, s]|join(' & ') }}|{{ [s, s]|join(' & '|safe) }}|{{ [s, s]|join(sstr) }}",
			"email, age, token, Name|E-mail &lt;b&gt;ageTokenname|a; b|13|<b>bold</b> text &amp; Hello &lt;world&gt; &amp; &#39;you&#39;|Hello &lt;world&gt; &amp; &#39;you&#39; & Hello &lt;world&gt; &amp; &#39;you&#39;|Hello &lt;world&gt; &amp; &#39;you&#39;&lt;b&gt;bold&lt;/b&gt; textHello &lt;world&gt; &amp; &#39;you&#39;"},
		{"{{ none|default('x') }}|{{ ''|default('x', true) }}|{{ ''|default(boolean=true) }}|{{ ''|default(default_value='q', boolean=true) }}|{{ words|truncate(9) }}|{{ words|truncate(9, killwords=true) }}|{{ words|truncate(length=12, leeway=0, end='~') }}|{{ 'xxabcxx'|trim('x') }}|{{ ' a '|trim(chars=none) }}|{{ 'aaa'|replace('a', 'b', count=2) }}|{{ '42'|int(base=8) }}|{{ 'x'|int(default=7) }}|{{ 'x'|float(default=1.5) }}",
			"None|x||q|The...|The qu...|The quick~|abc|a|bba|34|7|1.5"},
		{"{{ sstr|upper }}|{{ sstr|lower }}|{{ sstr|capitalize }}|{{ sstr|title }}|{{ sstr|trim }}|{{ sstr|replace('b', 'i') }}|{{ sstr|replace('b'|safe, 'i') }}|{{ sstr|truncate(6, true, leeway=0) }}|{{ sstr|truncate(50) }}|{{ sstr|string }}|{{ sstr|e|upper }}|{{ (sstr|safe)|upper }}|{{ (s|e)|title }}|{{ (s|e)|trim('H') }}",
			"&lt;B&gt;BOLD&lt;/B&gt; TEXT|&lt;b&gt;bold&lt;/b&gt; text|&lt;b&gt;bold&lt;/b&gt; text|&lt;B&gt;bold&lt;/b&gt; Text|&lt;b&gt;bold&lt;/b&gt; text|&lt;i&gt;iold&lt;/i&gt; text|<i>iold</i> text|&lt;b&gt;...|<b>bold</b> text|<b>bold</b> text|<B>BOLD</B> TEXT|<B>BOLD</B> TEXT|Hello &amp;lt;world&amp;gt; &amp;amp; &amp;#39;you&amp;#39;|ello &lt;world&gt; &amp; &#39;you&#39;"},
		{"{{ fields|first }}|{{ fields[0].errors|first }}|{{ fields[0].errors|join|upper }}|{{ fields|map('string')|first }}|{{ fields|length }}",
			"<input name=\"email\">|Bad &amp; wrong.|BAD &amp; WRONG.|<input name=\"email\">|4"},
		{"{% for (a, b) in pairs %}{{ a }}{{ b }}{% endfor %}|{% for a, b in (('x', 1), ('y', 2)) %}{{ a }}{{ b }}{% endfor %}|{{ (1, 'a') }}|{{ pairs|first|join('=') }}",
			"a1b2|x1y2|(1, &#39;a&#39;)|a=1"},
	} {
		got, err := renderJinja(t, tc.src, jinjaFilterContext())
		if err != nil {
			t.Errorf("%s: %v", tc.src, err)
			continue
		}
		if markupsafeToDjango(got) != markupsafeToDjango(tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}

// What Jinja2 refuses (its exception in the comment) is an error, never
// a panic or output; so is what would make a string or a list of a size
// a template should never ask for.
func TestJinjaFilterErrors(t *testing.T) {
	for _, src := range []string{
		"{{ 'a'|center(4.0) }}",                               // TypeError: 'float' object cannot be interpreted as an integer
		"{{ 5|indent }}",                                      // TypeError: unsupported operand type(s) for +=: 'int' and 'str'
		"{{ 'a'|indent(2.5) }}",                               // TypeError: can't multiply sequence by non-int of type 'float'
		"{{ 'a b'|wordwrap(0) }}",                             // ValueError: invalid width 0 (must be > 0)
		"{{ 5|wordwrap }}",                                    // AttributeError: 'int' object has no attribute 'splitlines'
		"{{ 'abc'|filesizeformat }}",                          // ValueError: could not convert string to float: 'abc'
		"{{ none|filesizeformat }}",                           // TypeError: float() argument must be a string or a real number, not 'NoneType'
		"{{ '%s %s'|format('a') }}",                           // TypeError: not enough arguments for format string
		"{{ '%s'|format('a', k=1) }}",                         // FilterArgumentError: can't handle positional and keyword arguments at the same time
		"{{ '%d'|format('x') }}",                              // TypeError: %d format: a real number is required, not str
		"{{ '%s'|format('a', 'b') }}",                         // TypeError: not all arguments converted during string formatting
		"{{ 1.5|round(1, 'up') }}",                            // FilterArgumentError: method must be common, ceil or floor
		"{{ 'x'|round }}",                                     // TypeError: type str doesn't define __round__ method
		"{{ 1.5|round(1.5) }}",                                // TypeError: 'float' object cannot be interpreted as an integer
		"{{ [1, 'a']|sort }}",                                 // TypeError: '<' not supported between instances of 'str' and 'int'
		"{{ fields|sort|length }}",                            // TypeError: '<' not supported between instances of 'Field' and 'Field'
		"{{ [none, 1]|sort }}",                                // TypeError: '<' not supported between instances of 'int' and 'NoneType'
		"{{ {'a': 1}|dictsort(by='x') }}",                     // FilterArgumentError: You can only sort by either "key" or "value"
		"{{ xs|dictsort }}",                                   // AttributeError: 'list' object has no attribute 'items'
		"{{ [[1], [1]]|unique|list }}",                        // TypeError: unhashable type: 'list'
		"{{ [1]|map('nosuch')|list }}",                        // TemplateRuntimeError: No filter named 'nosuch'.
		"{{ [1]|map()|list }}",                                // FilterArgumentError: map requires a filter argument
		"{{ [1]|map(attribute='x', foo=1)|list }}",            // FilterArgumentError: Unexpected keyword argument 'foo'
		"{{ [1]|select('nosuch')|list }}",                     // TemplateRuntimeError: No test named 'nosuch'.
		"{{ fields|selectattr()|list }}",                      // FilterArgumentError: Missing parameter for attribute name
		"{{ [1, 2, 3]|groupby('x.y') }}",                      // UndefinedError: 'int object' has no attribute 'x'
		"{{ [1, 2]|slice(0)|list }}",                          // ZeroDivisionError: integer division or modulo by zero
		"{{ fields|tojson }}",                                 // TypeError: Object of type Field is not JSON serializable
		"{{ {'a b': 1}|xmlattr }}",                            // ValueError: Invalid character in attribute name: 'a b'
		"{{ {'a/b': 1}|xmlattr }}",                            // ValueError: Invalid character in attribute name: 'a/b'
		"{{ [1]|xmlattr }}",                                   // AttributeError: 'list' object has no attribute 'items'
		"{{ xs|items|list }}",                                 // TypeError: Can only get item pairs from a mapping.
		"{% for a, b in [1, 2, 3, 4]|batch(3) %}{% endfor %}", // ValueError: too many values to unpack (expected 2)
		"{% for a, b in [[1, 2, 3]] %}{% endfor %}",           // ValueError: too many values to unpack (expected 2)
		// Jinja2 answers these with a string or a list of that size.
		"{{ 'a'|center(1000000) }}", "{{ 'a'|indent(1000000) }}", "{{ [1, 2]|slice(100000000)|list }}",
		"{{ [1, 2, 3]|batch(100000000, 'x')|list }}",
	} {
		done := make(chan struct{})
		var got string
		var err error
		go func() {
			defer close(done)
			got, err = renderJinja(t, src, jinjaFilterContext())
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still rendering after 10s", src)
		}
		if err == nil {
			t.Errorf("%s: got %q, want an error", src, got)
		}
	}
}

// Keyword arguments bind as Python binds them; an unknown one, one given
// twice, too many arguments or a missing one is a translation error
// naming the filter (and the argument).
func TestJinjaFilterArguments(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{{ 'a'|truncate(5, foo=1) }}", `the Jinja2 filter "truncate" has no argument "foo"`},
		{"{{ x|sort(attribute='name', revers=true) }}", `the Jinja2 filter "sort" has no argument "revers"`},
		{"{{ 'a'|default('x', default_value='y') }}", `the Jinja2 filter "default" is given two values for its argument "default_value"`},
		{"{{ 'a'|upper(1) }}", `the Jinja2 filter "upper" takes no arguments, 1 given`},
		{"{{ 'a'|center(1, 2) }}", `the Jinja2 filter "center" takes at most 1 arguments, 2 given`},
		{"{{ x|batch }}", `the Jinja2 filter "batch" wants its argument "linecount"`},
		{"{{ x|groupby(default='z') }}", `the Jinja2 filter "groupby" wants its argument "attribute"`},
		{"{{ x|round(precision=1, precision=2) }}", `the Jinja2 filter "round" is given the keyword argument "precision" twice`},
		{"{{ x|urlize }}", `the Jinja2 filter "urlize" is not supported`},
	} {
		_, err := TranslateJinja("t.html", tc.src)
		var je *JinjaError
		if !errors.As(err, &je) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want a *JinjaError saying %s", tc.src, err, tc.want)
		}
	}
}
