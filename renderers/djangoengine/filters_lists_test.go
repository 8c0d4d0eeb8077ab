package djangoengine_test

import (
	"math"
	"math/big"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/renderers"
	_ "github.com/formwork/formwork/renderers/djangoengine"
)

// Django's safeseq, dictsort, dictsortreversed, unordered_list and
// json_script: each want is what the reference Django 4.2 printed for the
// same template and the same values in Python (a nested list here is a
// tuple there, as pairs are in a form's context; bfs are objects with
// __html__, a name, a label and a value method); wantErr where Django
// raised.
func TestDjangoListFilters(t *testing.T) {
	bf := func(name, label string) renderers.Object {
		return renderers.Object{
			renderers.HTMLKey: renderers.HTML("<i>" + name + "</i>"),
			"name":            name,
			"label":           label,
			"value":           func() any { return name },
		}
	}
	utc := func(y int, m time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, m, d, h, mi, s, ns, time.UTC)
	}
	ctx := renderers.Context{
		"items":  []any{"b<", "a", "c"},
		"pairs":  []any{[]any{"b", 2}, []any{"a", 1}, []any{"c", 3}},
		"nested": []any{"States", []any{"Kansas", []any{"Lawrence", "Topeka"}, "Illinois"}, "x<", renderers.Safe("<i>y</i>"), 1.5, nil},
		"mixed":  []any{1, "a"},
		"nums":   []any{[]any{3}, []any{1.5}, []any{true}, []any{decimal.RequireFromString("0.5")}, []any{-2}},
		"obj":    renderers.Object{"none": nil, "s": "x<y>&z"},
		"dicts": []any{
			map[string]any{"n": 2, "name": "b"},
			map[string]any{"n": 1, "name": "a"},
			map[string]any{"n": 3, "name": "c"},
		},
		"nonelist": []any{nil, nil},
		"ragged":   []any{[]any{1}, []any{1, 2}, []any{0, 5}},
		"order1":   []any{[]any{[]any{1, "a"}}, []any{[]any{2, 3}}, []any{[]any{1, 2}}},
		"order2":   []any{[]any{[]any{0, "a"}}, []any{[]any{1, 2}}, []any{[]any{0, "b"}}},
		"val": map[string]any{
			"b":      false,
			"big":    new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil),
			"d":      utc(2022, 8, 3, 0, 0, 0, 0),
			"dec":    decimal.RequireFromString("1.50"),
			"dt":     utc(2022, 8, 3, 10, 30, 0, 123456000),
			"dur":    -86395 * time.Second,
			"f":      2.5,
			"inf":    math.Inf(-1),
			"l":      []any{1, "a", nil},
			"n":      nil,
			"nan":    math.NaN(),
			"nested": map[string]any{"k": []any{1, 2}},
			"t":      utc(0, 1, 1, 13, 45, 0, 5000000),
			"u":      "é😀<\u2028>&",
		},
		"id":         "a<b",
		"neg":        -1,
		"safes":      []any{renderers.Safe("<b>"), "x&"},
		"bfs":        []any{bf("b", "Zed"), bf("a", "Yes"), bf("c", "Ex")},
		"times":      []any{[]any{utc(2022, 8, 3, 10, 30, 0, 0)}, []any{utc(2021, 1, 1, 9, 0, 0, 0)}},
		"mixedtimes": []any{[]any{utc(2022, 8, 3, 0, 0, 0, 0)}, []any{utc(2021, 1, 1, 9, 0, 0, 0)}},
		"safestr":    renderers.Safe("a<"),
	}
	tests := []struct {
		tpl, want string
		wantErr   bool
	}{
		{"{{ items|dictsort:0 }}", "[&#x27;a&#x27;, &#x27;b&lt;&#x27;, &#x27;c&#x27;]", false},
		{"{{ items|dictsortreversed:0|join:',' }}", "c,b&lt;,a", false},
		{"{% for k, v in pairs|dictsort:1 %}{{ k }}{{ v }}{% endfor %}", "a1b2c3", false},
		{"{% for k, v in pairs|dictsortreversed:0 %}{{ k }}{{ v }}{% endfor %}", "c3b2a1", false},
		{"{{ pairs|dictsort:1 }}", "[(&#x27;a&#x27;, 1), (&#x27;b&#x27;, 2), (&#x27;c&#x27;, 3)]", false},
		{"{{ pairs|dictsortreversed:'1' }}", "", false},
		{"{{ pairs|dictsort:5 }}", "", true}, // Django: IndexError: tuple index out of range
		{"{% for k, v in pairs|dictsortreversed:neg %}{{ k }}{% endfor %}", "cba", false},
		{"{{ pairs|dictsort:'' }}", "", true}, // Django: IndexError: string index out of range
		{"{{ pairs|dictsort:'_x' }}", "", false},
		{"{{ pairs|dictsort:'a._b' }}", "", false},
		{"{{ pairs|dictsort:1.0 }}", "", false},
		{"{{ pairs|dictsort:True }}", "[(&#x27;a&#x27;, 1), (&#x27;b&#x27;, 2), (&#x27;c&#x27;, 3)]", false},
		{"{{ mixed|dictsort:0 }}", "", false},
		{"{{ nums|dictsort:0 }}", "[(-2,), (Decimal(&#x27;0.5&#x27;),), (True,), (1.5,), (3,)]", false},
		{"{% for d in dicts|dictsort:'name' %}{{ d.n }}{% endfor %}", "123", false},
		{"{% for d in dicts|dictsortreversed:'n' %}{{ d.name }}{% endfor %}", "cba", false},
		{"{{ dicts|dictsort:'x' }}", "", false},
		{"{{ dicts|dictsort:'name.upper' }}", "", false},
		{"{{ dicts|dictsort:'0' }}", "", true}, // Django: KeyError: '0'
		{"{{ dicts|dictsort:'items' }}", "", false},
		{"{{ nonelist|dictsort:0 }}", "", false},
		{"{{ ragged|dictsort:0 }}", "[(0, 5), (1,), (1, 2)]", false},
		{"{{ ragged|dictsortreversed:0 }}", "[(1,), (1, 2), (0, 5)]", false},
		{"{{ ragged|dictsort:'0' }}", "", false},
		{"{{ order1|dictsort:0 }}", "", false},
		{"{{ order2|dictsort:0 }}", "[((0, &#x27;a&#x27;),), ((0, &#x27;b&#x27;),), ((1, 2),)]", false},
		{"{{ obj.none|dictsort:0 }}", "", false},
		{"{{ undefined|dictsort:0 }}", "[]", false},
		{"{{ 'cab'|dictsort:0 }}", "[&#x27;a&#x27;, &#x27;b&#x27;, &#x27;c&#x27;]", false},
		{"{{ 5|dictsort:0 }}", "", false},
		{"{{ pairs|dictsort:obj.none }}", "", false},
		{"{% for b in bfs|dictsort:'label' %}{{ b.name }}{% endfor %}", "cab", false},
		{"{% for b in bfs|dictsortreversed:'name' %}{{ b.name }}{% endfor %}", "cba", false},
		{"{{ bfs|dictsort:'value' }}", "", false},
		{"{{ bfs|dictsort:'missing' }}", "", false},
		{"{% for t in times|dictsort:0 %}{{ t.0|date:'Y' }}{% endfor %}", "20212022", false},
		{"{{ mixedtimes|dictsort:0 }}", "", false},
		{"{{ items|safeseq }}", "[&#x27;b&lt;&#x27;, &#x27;a&#x27;, &#x27;c&#x27;]", false},
		{"{{ items|safeseq|join:'|' }}", "b<|a|c", false},
		{"{{ pairs|safeseq|join:' ' }}", "('b', 2) ('a', 1) ('c', 3)", false},
		{"{{ pairs|safeseq }}", "[&quot;(&#x27;b&#x27;, 2)&quot;, &quot;(&#x27;a&#x27;, 1)&quot;, &quot;(&#x27;c&#x27;, 3)&quot;]", false},
		{"{{ obj.none|safeseq }}", "", true}, // Django: TypeError: 'NoneType' object is not iterable
		{"{{ undefined|safeseq }}", "[]", false},
		{"{{ safestr|safeseq }}", "['a', '<']", false},
		{"{{ safestr|safeseq|length }}", "10", false},
		{"{{ safes|safeseq|join:'' }}", "<b>x&", false},
		{"{{ bfs|safeseq|join:'' }}", "<i>b</i><i>a</i><i>c</i>", false},
		{"{{ 5|safeseq }}", "", true}, // Django: TypeError: 'int' object is not iterable
		{"{% for x in items|safeseq %}{{ x }}{% endfor %}", "b<ac", false},
		{"{{ nested|unordered_list }}", "\t<li>States\n\t<ul>\n\t\t<li>Kansas\n\t\t<ul>\n\t\t\t<li>Lawrence</li>\n\t\t\t<li>Topeka</li>\n\t\t</ul>\n\t\t</li>\n\t\t<li>Illinois</li>\n\t</ul>\n\t</li>\n\t<li>x&lt;</li>\n\t<li><i>y</i></li>\n\t<li>1.5</li>\n\t<li>None</li>", false},
		{"{{ pairs|unordered_list }}", "\t<li>(&#x27;b&#x27;, 2)\n\t<ul>\n\t\t<li>a</li>\n\t\t<li>1</li>\n\t</ul>\n\t</li>\n\t<li>(&#x27;c&#x27;, 3)</li>", false},
		{"{{ items|unordered_list }}", "\t<li>b&lt;</li>\n\t<li>a</li>\n\t<li>c</li>", false},
		{"{{ bfs|unordered_list }}", "\t<li><i>b</i></li>\n\t<li><i>a</i></li>\n\t<li><i>c</i></li>", false},
		{"{{ obj.none|unordered_list }}", "", true}, // Django: TypeError: 'NoneType' object is not iterable
		{"{{ 'ab'|unordered_list }}", "\t<li>a</li>\n\t<li>b</li>", false},
		{"{{ undefined|unordered_list }}", "", false},
		{"{{ 5|unordered_list }}", "", true}, // Django: TypeError: 'int' object is not iterable
		{"{{ val|json_script:'v' }}", "<script id=\"v\" type=\"application/json\">{\"b\": false, \"big\": 100000000000000000000, \"d\": \"2022-08-03\", \"dec\": \"1.50\", \"dt\": \"2022-08-03T10:30:00.123\", \"dur\": \"-P0DT23H59M55S\", \"f\": 2.5, \"inf\": -Infinity, \"l\": [1, \"a\", null], \"n\": null, \"nan\": NaN, \"nested\": {\"k\": [1, 2]}, \"t\": \"13:45:00.005\", \"u\": \"\\u00e9\\ud83d\\ude00\\u003C\\u2028\\u003E\\u0026\"}</script>", false},
		{"{{ obj.s|json_script:id }}", "<script id=\"a&lt;b\" type=\"application/json\">\"x\\u003Cy\\u003E\\u0026z\"</script>", false},
		{"{{ obj.none|json_script }}", "<script type=\"application/json\">null</script>", false},
		{"{{ undefined|json_script:'u' }}", "<script id=\"u\" type=\"application/json\">\"\"</script>", false},
		{"{{ pairs|json_script:0 }}", "<script type=\"application/json\">[[\"b\", 2], [\"a\", 1], [\"c\", 3]]</script>", false},
		{"{{ safes|json_script }}", "<script type=\"application/json\">[\"\\u003Cb\\u003E\", \"x\\u0026\"]</script>", false},
		{"{{ items|json_script:'' }}", "<script type=\"application/json\">[\"b\\u003C\", \"a\", \"c\"]</script>", false},
		{"{{ items|json_script:5 }}", "<script id=\"5\" type=\"application/json\">[\"b\\u003C\", \"a\", \"c\"]</script>", false},
		{"{{ bfs|json_script }}", "", true}, // Django: TypeError: Object of type BF is not JSON serializable
	}
	for _, tt := range tests {
		r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{"t.html": {Data: []byte(tt.tpl)}}}
		var b strings.Builder
		err := r.Render(&b, "t.html", ctx)
		switch {
		case tt.wantErr:
			if err == nil {
				t.Errorf("%s = %q, want an error", tt.tpl, b.String())
			}
		case err != nil:
			t.Errorf("%s: %v", tt.tpl, err)
		case b.String() != tt.want:
			t.Errorf("%s = %q, want %q", tt.tpl, b.String(), tt.want)
		}
	}
}
