package djangoengine_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/renderers"
	_ "github.com/formwork/formwork/renderers/djangoengine"
)

// renderText renders tpl with ctx as a theme's Django template.
func renderText(t *testing.T, tpl string, ctx renderers.Context) (string, error) {
	t.Helper()
	r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{"t.html": {Data: []byte(tpl)}}}
	var b strings.Builder
	err := r.Render(&b, "t.html", ctx)
	return b.String(), err
}

// textFilterContext is the context of textFilterTests: the help texts
// (h0, h1...: a field's help_text, plain text), label tags (lt0...,
// markup), a None (f.value) and the render's language (the form's
// translator) when lang is not "".
func textFilterContext(t *testing.T, lang string) renderers.Context {
	t.Helper()
	ctx := renderers.Context{
		"f":  renderers.Object{"value": nil},
		"lt": renderers.Safe(`<label for="id_f0">F0:</label>`),
	}
	for i, s := range textFilterTexts {
		ctx["h"+itoa(i)] = s
	}
	for i, s := range textFilterLabelTags {
		ctx["lt"+itoa(i)] = renderers.Safe(renderers.HTML(s))
	}
	if lang != "" {
		tr, err := i18n.For(lang)
		if err != nil {
			t.Fatal(err)
		}
		ctx["form"] = renderers.Object{renderers.TranslatorKey: tr}
	}
	return ctx
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// Django's linebreaks, linenumbers, truncatechars_html,
// truncatewords_html, filesizeformat, get_digit, phone2numeric,
// make_list, capfirst, title and striptags: each want is what the
// reference Django printed for the same template, where each hN was a
// field's help_text and each ltN its label_tag (a theme case's
// form.fN.help_text, form.fN.label_tag), with the case's language.
func TestDjangoTextFilters(t *testing.T) {
	ctxs := map[string]renderers.Context{}
	for _, tt := range textFilterTests {
		ctx, ok := ctxs[tt.lang]
		if !ok {
			ctx = textFilterContext(t, tt.lang)
			ctxs[tt.lang] = ctx
		}
		got, err := renderText(t, tt.tpl, ctx)
		if err != nil {
			t.Errorf("%s %s: %v", tt.lang, tt.tpl, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.lang, tt.tpl, got, tt.want)
		}
	}
}

// The filters read the values forms give templates (a field's value,
// a widget's attrs) as Django reads them: int() of a float truncates,
// of a duration or a date fails (0 bytes), of True is 1.
func TestDjangoTextFilterValues(t *testing.T) {
	de, err := i18n.For("de")
	if err != nil {
		t.Fatal(err)
	}
	// A form computes a field's value when the template reads it.
	v := func(x any) renderers.Object { return renderers.Object{"value": func() any { return x }} }
	ctx := renderers.Context{
		"form": renderers.Object{renderers.TranslatorKey: de},
		"a":    v(1e20), "b": v(1536.7), "c": v(decimal.RequireFromString("2047.99")), "d": v(3000000),
		"e": v(-0.5), "f": v(time.Hour), "g": v(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)), "h": v(true),
		"i": renderers.Object{"attrs": renderers.Attrs{"maxlength": "2048"}},
	}
	tests := []struct{ tpl, want string }{
		{"{{ a.value|filesizeformat }}", "88817,8\u00a0PB"},
		{"{{ b.value|filesizeformat }}", "1,5\u00a0KB"},
		{"{{ d.value|filesizeformat }}", "2,9\u00a0MB"},
		{"{{ e.value|filesizeformat }}", "0\u00a0Bytes"},
		{"{{ f.value|filesizeformat }}", "0\u00a0Bytes"},
		{"{{ g.value|filesizeformat }}", "0\u00a0Bytes"},
		{"{{ h.value|filesizeformat }}", "1\u00a0Byte"},
		{"{{ i.attrs.maxlength|filesizeformat }}", "2,0\u00a0KB"},
		{"{{ b.value|get_digit:1 }}", "6"},
		{"{{ missing|get_digit:1 }}", ""},
		{"{{ b.value|make_list }}", "[&#x27;1&#x27;, &#x27;5&#x27;, &#x27;3&#x27;, &#x27;6&#x27;, &#x27;.&#x27;, &#x27;7&#x27;]"},
		{"{{ c.value|truncatechars_html:3 }}", "20…"},
		{"{{ g.value|capfirst }}", "2024-01-02"},
		{"{{ b.value|linebreaks }}", "<p>1536.7</p>"},
		{"{{ i.attrs.maxlength|get_digit:4 }}", "2"},
	}
	for _, tt := range tests {
		got, err := renderText(t, tt.tpl, ctx)
		if err != nil {
			t.Errorf("%s: %v", tt.tpl, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s = %q, want %q", tt.tpl, got, tt.want)
		}
	}
}

// Where Django raises (and the reference fails to render the case), the
// render fails: int() of None, a digit of a negative number past its
// sign, lower() of what is not text, strip_tags' SuspiciousOperation
// (50 rounds of stripping, a long open tag holding 50 "<") and
// html.parser's AssertionError on a malformed marked section.
func TestDjangoTextFilterErrors(t *testing.T) {
	ctx := renderers.Context{
		"f":      renderers.Object{"value": nil},
		"depth":  strings.Repeat("<", 51) + strings.Repeat("a>", 51),
		"long":   "<a " + strings.Repeat("<", 60) + strings.Repeat("x", 1000),
		"marked": "<![foo bar]> <b>x</b>",
		"noname": "<![ x]> <b>x</b>",
	}
	for _, tpl := range []string{
		"{{ f.value|get_digit:1 }}",
		"{{ '-123'|get_digit:4 }}",
		"{{ 5|phone2numeric }}",
		"{{ f.value|phone2numeric }}",
		"{{ depth|striptags }}",
		"{{ long|striptags }}",
		"{{ marked|striptags }}",
		"{{ noname|striptags }}",
	} {
		if got, err := renderText(t, tpl, ctx); err == nil {
			t.Errorf("%s = %q, want an error", tpl, got)
		}
	}
}

// Hostile markup is bounded as in Django 4.2.28 (at most 5,000,000
// characters truncated; strip_tags' limits) and read in linear time
// where Python's parser and Django's regular expressions are quadratic;
// each want is the reference's.
func TestDjangoTextFiltersHostile(t *testing.T) {
	esc := func(s string) string { return renderers.Escape(s) }
	ctx := renderers.Context{
		"lts":      strings.Repeat("<", 6_000_000),
		"tags":     strings.Repeat("<b>x</b>", 500_000),
		"quotes":   strings.Repeat("<a b='", 300_000),
		"opentag":  "<" + strings.Repeat("a", 6_000_000),
		"nested":   strings.Repeat("<a>", 20_000) + "x y",
		"depth49":  strings.Repeat("<", 49) + strings.Repeat("a>", 49) + " ok",
		"p100":     strings.Repeat("<p>", 100) + "deep" + strings.Repeat("</p>", 100),
		"comments": strings.Repeat("<!--", 200_000),
		"refs":     strings.Repeat("&#", 100_000) + ";",
	}
	tests := []struct{ tpl, want string }{
		{"{{ lts|truncatechars_html:10 }}", strings.Repeat("&lt;", 9) + "…"},
		{"{{ lts|truncatewords_html:10 }}", strings.Repeat("&lt;", 5_000_000) + " …"},
		{"{{ lts|striptags|length }}", "6000000"},
		{"{{ tags|truncatewords_html:2 }}", esc("<b>x</b><b>x …</b>")},
		{"{{ tags|truncatechars_html:3 }}", esc("<b>x</b><b>x…</b>")},
		{"{{ tags|striptags|length }}", "500000"},
		{"{{ quotes|truncatechars_html:5 }}", esc("<a b…")},
		{"{{ opentag|truncatechars_html:4 }}", esc("<aa…")},
		{"{{ nested|truncatewords_html:1 }}", esc(strings.Repeat("<a>", 20_000) + "x …" + strings.Repeat("</a>", 20_000))},
		{"{{ depth49|striptags }}", " ok"},
		{"{{ p100|striptags }}", "deep"},
		{"{{ comments|truncatewords_html:3 }}", esc("<!--<!--<!-- …")},
		{"{{ refs|striptags|length }}", "200001"},
	}
	for _, tt := range tests {
		start := time.Now()
		got, err := renderText(t, tt.tpl, ctx)
		if err != nil {
			t.Errorf("%s: %v", tt.tpl, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s = %.80q... (%d bytes), want %.80q... (%d bytes)", tt.tpl, got, len(got), tt.want, len(tt.want))
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s took %v", tt.tpl, d)
		}
	}
}

var textFilterTexts = []string{
	"Line one\nline <b>two</b>\n\nPara",
	"a\r\nb\rc\n\n\n\nd\n",
	"",
	"<F> & co",
	"\n\nx\n\n",
	"1\n2\n3\n4\n5\n6\n7\n8\n9\n10",
	"<p>Hello <b>bold <i>it</i></b> world</p> & more",
	"<a href=\"x\">link text here</a><br>after <img src=x> tail",
	"Ünïcödé façade naïve é café",
	"F0",
	"<ul><li>one<li>two</ul> three",
	"<B>Bold</b> text",
	"a <> b </> c <br/> d <x / > e",
	"a < b c d",
	"<<<<x",
	"a <b c d",
	"one two three",
	"one two three …",
	"  one   two  ",
	"<p>x<p>y<p>z w",
	"<div><SPAN>One two</span></div> three",
	"12345",
	" 42 ",
	"1-800-COLLECT Hello ÉTÉ İ",
	"<F> & 'co'",
	"they're bill's friend's 1st 2nd 3RD ǆemal ßtraße ǅ o'NEIL ΑΣ ΣΑΣ. ﬁne ŉ",
	"<f> x",
	"ǆx",
	"ﬁx",
	"<f> x&y",
	"ΣΑΣ ΑΣ, σ",
	"aʹΣ bΣ́",
	"x1st 2ND ١A a'B'C",
	"<script>alert('x')</script><style>p{}</style><!-- c --><b>bold</b>&amp; &copy &#169; &#xA9; &x",
	"a < b > c",
	"<a<b>>x",
	"x <!-- unclosed <b>y</b>",
	"<![CDATA[ x ]]> y <b>z</b>",
	"&#x <b>b</b>",
	"a &amp b <i>i</i>",
	"<p>a</p>&a",
	"<p>a</p>&",
	"<p>a</p>&#12",
	"<scr<script>ipt>x</script>",
	"<<b>b>bold<</b>/b>",
	"<a href='x>y'>t</a> <img src=\"a>b\"/>",
	"<!DOCTYPE html><?php x ?><!x>v",
	"</ b>c</>d</3>e",
	"<b>x</b>",
	"<p a=b c='d' e=\"f\" g>x</p>",
	"<p a= 'b>x",
	"<p a=='b'>x</p>",
	"<style>b{}</STYLE>x<script>y",
	"Line one\nline <b>two</b>\n\nPara & 'q'",
	"x",
	"2048",
	"<p>Hello <b>bold</b> world</p>",
}

var textFilterLabelTags = []string{
	"<label for=\"id_f4\">Lbl:</label>",
	"<label for=\"id_f3\">Abc:</label>",
	"<label for=\"id_f10\">lbl:</label>",
	"<label for=\"id_f33\">Lbl:</label>",
	"<label for=\"id_f2\">lbl:</label>",
}

var textFilterTests = []struct{ lang, tpl, want string }{
	{"", "{{ h0|linebreaks }}", "<p>Line one<br>line &lt;b&gt;two&lt;/b&gt;</p>\n\n<p>Para</p>"},
	{"", "{{ h1|linebreaks }}", "<p>a<br>b<br>c</p>\n\n<p>d<br></p>"},
	{"", "{{ h2|linebreaks }}", "<p></p>"},
	{"", "{{ ''|linebreaks }}", "<p></p>"},
	{"", "{{ h3|linebreaks }}", "<p>&lt;F&gt; &amp; co</p>"},
	{"", "{{ h0|safe|linebreaks }}", "<p>Line one<br>line <b>two</b></p>\n\n<p>Para</p>"},
	{"", "{{ lt0 }}", "<label for=\"id_f4\">Lbl:</label>"},
	{"", "{{ lt0|linebreaks }}", "<p><label for=\"id_f4\">Lbl:</label></p>"},
	{"", "{{ 5|linebreaks }}", "<p>5</p>"},
	{"", "{{ f.value|linebreaks }}", "<p>None</p>"},
	{"", "{{ missing|linebreaks }}", "<p></p>"},
	{"", "{{ h4|linebreaks }}", "<p></p>\n\n<p>x</p>\n\n<p></p>"},
	{"", "{{ h0|linenumbers }}", "1. Line one\n2. line &lt;b&gt;two&lt;/b&gt;\n3. \n4. Para"},
	{"", "{{ h5|linenumbers }}", "01. 1\n02. 2\n03. 3\n04. 4\n05. 5\n06. 6\n07. 7\n08. 8\n09. 9\n10. 10"},
	{"", "{{ h2|linenumbers }}", "1. "},
	{"", "{{ h0|safe|linenumbers }}", "1. Line one\n2. line <b>two</b>\n3. \n4. Para"},
	{"", "{{ lt0|linenumbers }}", "1. <label for=\"id_f4\">Lbl:</label>"},
	{"", "{{ h1|linenumbers }}", "1. a\r\n2. b\rc\n3. \n4. \n5. \n6. d\n7. "},
	{"", "{{ h6|truncatechars_html:0 }}", "…"},
	{"", "{{ h6|truncatechars_html:1 }}", "…"},
	{"", "{{ h6|truncatechars_html:2 }}", "&lt;p&gt;H…&lt;/p&gt;"},
	{"", "{{ h6|truncatechars_html:4 }}", "&lt;p&gt;Hel…&lt;/p&gt;"},
	{"", "{{ h6|truncatechars_html:5 }}", "&lt;p&gt;Hell…&lt;/p&gt;"},
	{"", "{{ h6|truncatechars_html:8 }}", "&lt;p&gt;Hello &lt;b&gt;b…&lt;/b&gt;&lt;/p&gt;"},
	{"", "{{ h6|truncatechars_html:10 }}", "&lt;p&gt;Hello &lt;b&gt;bol…&lt;/b&gt;&lt;/p&gt;"},
	{"", "{{ h6|truncatechars_html:13 }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;i…&lt;/i&gt;&lt;/b&gt;&lt;/p&gt;"},
	{"", "{{ h6|truncatechars_html:20 }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; world…&lt;/p&gt;"},
	{"", "{{ h6|truncatechars_html:100 }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; world&lt;/p&gt; &amp; more"},
	{"", "{{ h6|truncatechars_html:'-1' }}", "…"},
	{"", "{{ h6|truncatechars_html:'x' }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; world&lt;/p&gt; &amp; more"},
	{"", "{{ h6|truncatechars_html:'3' }}", "&lt;p&gt;He…&lt;/p&gt;"},
	{"", "{{ h7|truncatechars_html:3 }}", "&lt;a href=&quot;x&quot;&gt;li…&lt;/a&gt;"},
	{"", "{{ h7|truncatechars_html:5 }}", "&lt;a href=&quot;x&quot;&gt;link…&lt;/a&gt;"},
	{"", "{{ h7|truncatechars_html:12 }}", "&lt;a href=&quot;x&quot;&gt;link text h…&lt;/a&gt;"},
	{"", "{{ h7|truncatechars_html:17 }}", "&lt;a href=&quot;x&quot;&gt;link text here&lt;/a&gt;&lt;br&gt;af…"},
	{"", "{{ h8|truncatechars_html:5 }}", "Ünïc…"},
	{"", "{{ h8|truncatechars_html:30 }}", "Ünïcödé façade naïve é café"},
	{"", "{{ 'F0'|truncatechars_html:4 }}", "F0"},
	{"", "{{ h9|truncatechars_html:4 }}", "F0"},
	{"", "{{ h9|truncatechars_html:1 }}", "…"},
	{"", "{{ lt0|truncatechars_html:2 }}", "<label for=\"id_f4\">L…</label>"},
	{"", "{{ h6|safe|truncatechars_html:8 }}", "<p>Hello <b>b…</b></p>"},
	{"", "{% autoescape off %}{{ h6|truncatechars_html:8 }}{% endautoescape %}", "<p>Hello <b>b…</b></p>"},
	{"", "{{ h10|truncatechars_html:5 }}", "&lt;ul&gt;&lt;li&gt;one&lt;li&gt;t…&lt;/li&gt;&lt;/li&gt;&lt;/ul&gt;"},
	{"", "{{ h11|truncatechars_html:6 }}", "&lt;B&gt;Bold&lt;/b&gt; …"},
	{"", "{{ h12|truncatechars_html:9 }}", "a &lt;&gt; b &lt;/&gt; …&lt;//&gt;"},
	{"", "{{ h13|truncatechars_html:4 }}", "a &lt;…"},
	{"", "{{ h14|truncatechars_html:2 }}", "&lt;…"},
	{"", "{{ 12345678|truncatechars_html:4 }}", "123…"},
	{"", "{{ h6|truncatewords_html:0 }}", ""},
	{"", "{{ h6|truncatewords_html:1 }}", "&lt;p&gt;Hello …&lt;/p&gt;"},
	{"", "{{ h6|truncatewords_html:2 }}", "&lt;p&gt;Hello &lt;b&gt;bold …&lt;/b&gt;&lt;/p&gt;"},
	{"", "{{ h6|truncatewords_html:3 }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it …&lt;/i&gt;&lt;/b&gt;&lt;/p&gt;"},
	{"", "{{ h6|truncatewords_html:4 }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; world …&lt;/p&gt;"},
	{"", "{{ h6|truncatewords_html:10 }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; world&lt;/p&gt; &amp; more"},
	{"", "{{ h6|truncatewords_html:'-1' }}", ""},
	{"", "{{ h6|truncatewords_html:'x' }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; world&lt;/p&gt; &amp; more"},
	{"", "{{ h7|truncatewords_html:2 }}", "&lt;a href=&quot;x&quot;&gt;link text …&lt;/a&gt;"},
	{"", "{{ h7|truncatewords_html:3 }}", "&lt;a href=&quot;x&quot;&gt;link text here …&lt;/a&gt;"},
	{"", "{{ h0|truncatewords_html:2 }}", "Line one …"},
	{"", "{{ h13|truncatewords_html:2 }}", "a &lt; b …"},
	{"", "{{ h15|truncatewords_html:2 }}", "a &lt;b …"},
	{"", "{{ h16|truncatewords_html:2 }}", "one two …"},
	{"", "{{ h17|truncatewords_html:3 }}", "one two three …"},
	{"", "{{ h18|truncatewords_html:1 }}", "  one …"},
	{"", "{{ lt0|truncatewords_html:1 }}", "<label for=\"id_f4\">Lbl:</label>"},
	{"", "{{ h6|safe|truncatewords_html:2 }}", "<p>Hello <b>bold …</b></p>"},
	{"", "{{ h19|truncatewords_html:3 }}", "&lt;p&gt;x&lt;p&gt;y&lt;p&gt;z …&lt;/p&gt;&lt;/p&gt;&lt;/p&gt;"},
	{"", "{{ h20|truncatewords_html:1 }}", "&lt;div&gt;&lt;SPAN&gt;One …&lt;/span&gt;&lt;/div&gt;"},
	{"", "{{ 12345|get_digit:1 }}", "5"},
	{"", "{{ 12345|get_digit:2 }}", "4"},
	{"", "{{ 12345|get_digit:5 }}", "1"},
	{"", "{{ 12345|get_digit:6 }}", "0"},
	{"", "{{ 12345|get_digit:0 }}", "12345"},
	{"", "{{ 12345|get_digit:'-1' }}", "12345"},
	{"", "{{ 'abc'|get_digit:1 }}", "abc"},
	{"", "{{ 12345|get_digit:'x' }}", "12345"},
	{"", "{{ h21|get_digit:2 }}", "4"},
	{"", "{{ h22|get_digit:1 }}", "2"},
	{"", "{{ h22|get_digit:0 }}", "42"},
	{"", "{{ '7'|get_digit:'1' }}", "7"},
	{"", "{{ 3.9|get_digit:1 }}", "3"},
	{"", "{{ h23|phone2numeric }}", "1-800-2655328 43556 é8é 4̇"},
	{"", "{{ '800-FLOWERS'|phone2numeric }}", "800-3569377"},
	{"", "{{ lt1|phone2numeric }}", "<52235 367=\"43_33\">222:</52235>"},
	{"", "{{ 'abc'|make_list }}", "[&#x27;a&#x27;, &#x27;b&#x27;, &#x27;c&#x27;]"},
	{"", "{{ 123|make_list }}", "[&#x27;1&#x27;, &#x27;2&#x27;, &#x27;3&#x27;]"},
	{"", "{{ h8|make_list }}", "[&#x27;Ü&#x27;, &#x27;n&#x27;, &#x27;ï&#x27;, &#x27;c&#x27;, &#x27;ö&#x27;, &#x27;d&#x27;, &#x27;é&#x27;, &#x27; &#x27;, &#x27;f&#x27;, &#x27;a&#x27;, &#x27;ç&#x27;, &#x27;a&#x27;, &#x27;d&#x27;, &#x27;e&#x27;, &#x27; &#x27;, &#x27;n&#x27;, &#x27;a&#x27;, &#x27;i&#x27;, &#x27;̈&#x27;, &#x27;v&#x27;, &#x27;e&#x27;, &#x27; &#x27;, &#x27;e&#x27;, &#x27;́&#x27;, &#x27; &#x27;, &#x27;c&#x27;, &#x27;a&#x27;, &#x27;f&#x27;, &#x27;é&#x27;]"},
	{"", "{{ h24|make_list }}", "[&#x27;&lt;&#x27;, &#x27;F&#x27;, &#x27;&gt;&#x27;, &#x27; &#x27;, &#x27;&amp;&#x27;, &#x27; &#x27;, &quot;&#x27;&quot;, &#x27;c&#x27;, &#x27;o&#x27;, &quot;&#x27;&quot;]"},
	{"", "{{ 'ab'|make_list|join:',' }}", "a,b"},
	{"", "{{ 'abc'|make_list|length }}", "3"},
	{"", "{{ 'ßa'|capfirst }}", "SSa"},
	{"", "{{ h25|capfirst }}", "They&#x27;re bill&#x27;s friend&#x27;s 1st 2nd 3RD ǆemal ßtraße ǅ o&#x27;NEIL ΑΣ ΣΑΣ. ﬁne ŉ"},
	{"", "{{ ''|capfirst }}", ""},
	{"", "{{ h26|capfirst }}", "&lt;f&gt; x"},
	{"", "{{ h27|capfirst }}", "Ǆx"},
	{"", "{{ h28|capfirst }}", "FIx"},
	{"", "{{ lt2|capfirst }}", "<label for=\"id_f10\">lbl:</label>"},
	{"", "{{ 5|capfirst }}", "5"},
	{"", "{{ h25|title }}", "They&#x27;re Bill&#x27;s Friend&#x27;s 1st 2nd 3rd ǅemal Sstraße ǅ O&#x27;Neil Ας Σας. Fine ʼN"},
	{"", "{{ h8|title }}", "Ünïcödé Façade NaïVe É Café"},
	{"", "{{ 'hello world'|title }}", "Hello World"},
	{"", "{{ h29|title }}", "&lt;F&gt; X&amp;Y"},
	{"", "{{ h30|title }}", "Σας Ας, Σ"},
	{"", "{{ h31|title }}", "AʹΣ Bς́"},
	{"", "{{ h32|title }}", "X1st 2nd ١a A&#x27;B&#x27;C"},
	{"", "{{ lt2|title }}", "<Label For=\"Id_F10\">Lbl:</Label>"},
	{"", "{{ h33|striptags }}", "alert(&#x27;x&#x27;)p{}bold&amp;amp; &amp;copy; &amp;#169; &amp;#xA9; x"},
	{"", "{{ h6|striptags }}", "Hello bold it world &amp; more"},
	{"", "{{ h7|striptags }}", "link text hereafter  tail"},
	{"", "{{ h3|striptags }}", " &amp; co"},
	{"", "{{ h34|striptags }}", "a &lt; b &gt; c"},
	{"", "{{ h35|striptags }}", "&gt;x"},
	{"", "{{ h36|striptags }}", "x &lt;!-- unclosed &lt;b&gt;y"},
	{"", "{{ h37|striptags }}", " y z"},
	{"", "{{ h38|striptags }}", "&amp;#x &lt;b&gt;b&lt;/b&gt;"},
	{"", "{{ h39|striptags }}", "a &amp;amp; b i"},
	{"", "{{ h40|striptags }}", "aa"},
	{"", "{{ h41|striptags }}", "a&amp;"},
	{"", "{{ h42|striptags }}", "a&amp;#12"},
	{"", "{{ h43|striptags }}", "ipt&gt;x"},
	{"", "{{ h44|striptags }}", "bold"},
	{"", "{{ h45|striptags }}", "t "},
	{"", "{{ h46|striptags }}", "v"},
	{"", "{{ h47|striptags }}", "cde"},
	{"", "{{ lt3|striptags }}", "Lbl:"},
	{"", "{{ h6|safe|striptags }}", "Hello bold it world & more"},
	{"", "{% autoescape off %}{{ h48|striptags }}{% endautoescape %}", "x"},
	{"", "{{ h49|striptags }}", "x"},
	{"", "{{ h50|striptags }}", "x"},
	{"", "{{ h51|striptags }}", "x"},
	{"", "{{ h52|striptags }}", "b{}x"},
	{"fr", "{{ h53|escape|linebreaks }}", "<p>Line one<br>line &lt;b&gt;two&lt;/b&gt;</p>\n\n<p>Para &amp; &#x27;q&#x27;</p>"},
	{"fr", "{{ h53|force_escape|truncatewords_html:2 }}", "Line one …"},
	{"fr", "{{ h53|striptags|linebreaks }}", "<p>Line one<br>line two</p>\n\n<p>Para &amp; &#x27;q&#x27;</p>"},
	{"fr", "{{ h6|linebreaks|striptags }}", "&lt;p&gt;Hello &lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; world&lt;/p&gt; &amp; more"},
	{"fr", "{{ h6|truncatewords_html:2|linebreaks }}", "<p>&lt;p&gt;Hello &lt;b&gt;bold …&lt;/b&gt;&lt;/p&gt;</p>"},
	{"fr", "{{ h6|title|linebreaks }}", "<p>&lt;P&gt;Hello &lt;B&gt;Bold &lt;I&gt;It&lt;/I&gt;&lt;/B&gt; World&lt;/P&gt; &amp; More</p>"},
	{"fr", "{{ h53|linenumbers|safe }}", "1. Line one\n2. line &lt;b&gt;two&lt;/b&gt;\n3. \n4. Para &amp; &#x27;q&#x27;"},
	{"fr", "{{ h53|make_list|first }}", "L"},
	{"fr", "{{ h53|make_list|last }}", "&#x27;"},
	{"fr", "{{ lt4|capfirst|truncatechars_html:3 }}", "<label for=\"id_f2\">lb…</label>"},
	{"fr", "{{ h6|striptags|truncatechars:8 }}", "Hello b…"},
	{"fr", "{{ h6|truncatechars_html:9|striptags }}", "Hello bo…"},
	{"fr", "{{ h53|linebreaks|length }}", "79"},
	{"fr", "{{ h6|upper|truncatewords_html:1 }}", "&lt;P&gt;HELLO …&lt;/p&gt;"},
	{"fr", "{{ h6|safe|title }}", "<P>Hello <B>Bold <I>It</I></B> World</P> & More"},
	{"fr", "{{ h6|safe|capfirst }}", "<p>Hello <b>bold <i>it</i></b> world</p> & more"},
	{"fr", "{{ h6|safe|phone2numeric }}", "<7>43556 <2>2653 <4>48</4></2> 96753</7> & 6673"},
	{"fr", "{{ h6|phone2numeric }}", "&lt;7&gt;43556 &lt;2&gt;2653 &lt;4&gt;48&lt;/4&gt;&lt;/2&gt; 96753&lt;/7&gt; &amp; 6673"},
	{"fr", "{{ h54|linebreaks|linebreaks }}", "<p><p>x</p></p>"},
	{"fr", "{{ h53|linenumbers|linenumbers }}", "1. 1. Line one\n2. 2. line &lt;b&gt;two&lt;/b&gt;\n3. 3. \n4. 4. Para &amp; &#x27;q&#x27;"},
	{"fr", "{{ 1536|filesizeformat|upper }}", "1,5 KIO"},
	{"fr", "{{ 1536|filesizeformat|length }}", "7"},
	{"fr", "{% autoescape off %}{{ h55|filesizeformat }}{% endautoescape %}", "2,0 Kio"},
	{"fr", "{% autoescape off %}{{ h6|truncatewords_html:2 }}{% endautoescape %}", "<p>Hello <b>bold …</b></p>"},
	{"fr", "{% autoescape off %}{{ h6|striptags }}{% endautoescape %}", "Hello bold it world & more"},
	{"fr", "{% autoescape off %}{{ h6|title }}{% endautoescape %}", "<P>Hello <B>Bold <I>It</I></B> World</P> & More"},
	{"fr", "{% localize off %}{{ 1536|filesizeformat }}|{{ h53|truncatechars_html:4 }}{% endlocalize %}", "1,5 Kio|Lin…"},
	{"", "{{ 0|filesizeformat }}", "0 bytes"},
	{"", "{{ 1|filesizeformat }}", "1 byte"},
	{"", "{{ 2|filesizeformat }}", "2 bytes"},
	{"", "{{ 3|filesizeformat }}", "3 bytes"},
	{"", "{{ 5|filesizeformat }}", "5 bytes"},
	{"", "{{ 21|filesizeformat }}", "21 bytes"},
	{"", "{{ 22|filesizeformat }}", "22 bytes"},
	{"", "{{ 1023|filesizeformat }}", "1023 bytes"},
	{"", "{{ 1024|filesizeformat }}", "1.0 KB"},
	{"", "{{ 1536|filesizeformat }}", "1.5 KB"},
	{"", "{{ 1997|filesizeformat }}", "2.0 KB"},
	{"", "{{ 10240|filesizeformat }}", "10.0 KB"},
	{"", "{{ 1048575|filesizeformat }}", "1024.0 KB"},
	{"", "{{ 1048576|filesizeformat }}", "1.0 MB"},
	{"", "{{ 1572864|filesizeformat }}", "1.5 MB"},
	{"", "{{ 1073741824|filesizeformat }}", "1.0 GB"},
	{"", "{{ 1099511627776|filesizeformat }}", "1.0 TB"},
	{"", "{{ 1125899906842624|filesizeformat }}", "1.0 PB"},
	{"", "{{ 1152921504606846976|filesizeformat }}", "1024.0 PB"},
	{"", "{{ 1000000000000000000|filesizeformat }}", "888.2 PB"},
	{"", "{{ '-1'|filesizeformat }}", "-1 byte"},
	{"", "{{ '-1024'|filesizeformat }}", "-1.0 KB"},
	{"", "{{ '-5000000'|filesizeformat }}", "-4.8 MB"},
	{"", "{{ '1024'|filesizeformat }}", "1.0 KB"},
	{"", "{{ 'x'|filesizeformat }}", "0 bytes"},
	{"", "{{ ' 2048 '|filesizeformat }}", "2.0 KB"},
	{"", "{{ 1.9|filesizeformat }}", "1 byte"},
	{"", "{{ '1.5'|filesizeformat }}", "0 bytes"},
	{"", "{{ None|filesizeformat }}", "0 bytes"},
	{"", "{{ ''|filesizeformat }}", "0 bytes"},
	{"", "{{ f.value|filesizeformat }}", "0 bytes"},
	{"", "{{ '99999999999999999999999999999'|filesizeformat }}", "88817841970012.5 PB"},
	{"", "{{ True|filesizeformat }}", "1 byte"},
	{"", "{{ '1_024'|filesizeformat }}", "1.0 KB"},
	{"", "{{ '١٠٢٤'|filesizeformat }}", "1.0 KB"},
	{"", "{{ lt|filesizeformat }}", "0 bytes"},
	{"", "{{ missing|filesizeformat }}", "0 bytes"},
	{"", "{{ '-0'|filesizeformat }}", "0 bytes"},
	{"", "{{ 1024.9|filesizeformat }}", "1.0 KB"},
	{"", "{{ 2047|filesizeformat }}", "2.0 KB"},
	{"", "{{ 2048|filesizeformat }}", "2.0 KB"},
	{"", "{{ h55|filesizeformat }}", "2.0 KB"},
	{"fr", "{{ 0|filesizeformat }}", "0 octet"},
	{"fr", "{{ 1|filesizeformat }}", "1 octet"},
	{"fr", "{{ 2|filesizeformat }}", "2 octets"},
	{"fr", "{{ 3|filesizeformat }}", "3 octets"},
	{"fr", "{{ 5|filesizeformat }}", "5 octets"},
	{"fr", "{{ 21|filesizeformat }}", "21 octets"},
	{"fr", "{{ 22|filesizeformat }}", "22 octets"},
	{"fr", "{{ 1023|filesizeformat }}", "1023 octets"},
	{"fr", "{{ 1024|filesizeformat }}", "1,0 Kio"},
	{"fr", "{{ 1536|filesizeformat }}", "1,5 Kio"},
	{"fr", "{{ 1997|filesizeformat }}", "2,0 Kio"},
	{"fr", "{{ 10240|filesizeformat }}", "10,0 Kio"},
	{"fr", "{{ 1048575|filesizeformat }}", "1024,0 Kio"},
	{"fr", "{{ 1048576|filesizeformat }}", "1,0 Mio"},
	{"fr", "{{ 1572864|filesizeformat }}", "1,5 Mio"},
	{"fr", "{{ 1073741824|filesizeformat }}", "1,0 Gio"},
	{"fr", "{{ 1099511627776|filesizeformat }}", "1,0 Tio"},
	{"fr", "{{ 1125899906842624|filesizeformat }}", "1,0 Pio"},
	{"fr", "{{ 1152921504606846976|filesizeformat }}", "1024,0 Pio"},
	{"fr", "{{ 1000000000000000000|filesizeformat }}", "888,2 Pio"},
	{"fr", "{{ '-1'|filesizeformat }}", "-1 octet"},
	{"fr", "{{ '-1024'|filesizeformat }}", "-1,0 Kio"},
	{"fr", "{{ '-5000000'|filesizeformat }}", "-4,8 Mio"},
	{"fr", "{{ '1024'|filesizeformat }}", "1,0 Kio"},
	{"fr", "{{ 'x'|filesizeformat }}", "0 octet"},
	{"fr", "{{ ' 2048 '|filesizeformat }}", "2,0 Kio"},
	{"fr", "{{ 1.9|filesizeformat }}", "1 octet"},
	{"fr", "{{ '1.5'|filesizeformat }}", "0 octet"},
	{"fr", "{{ None|filesizeformat }}", "0 octet"},
	{"fr", "{{ ''|filesizeformat }}", "0 octet"},
	{"fr", "{{ f.value|filesizeformat }}", "0 octet"},
	{"fr", "{{ '99999999999999999999999999999'|filesizeformat }}", "88817841970012,5 Pio"},
	{"fr", "{{ True|filesizeformat }}", "1 octet"},
	{"fr", "{{ '1_024'|filesizeformat }}", "1,0 Kio"},
	{"fr", "{{ '١٠٢٤'|filesizeformat }}", "1,0 Kio"},
	{"fr", "{{ lt|filesizeformat }}", "0 octet"},
	{"fr", "{{ missing|filesizeformat }}", "0 octet"},
	{"fr", "{{ '-0'|filesizeformat }}", "0 octet"},
	{"fr", "{{ 1024.9|filesizeformat }}", "1,0 Kio"},
	{"fr", "{{ 2047|filesizeformat }}", "2,0 Kio"},
	{"fr", "{{ 2048|filesizeformat }}", "2,0 Kio"},
	{"fr", "{{ h55|filesizeformat }}", "2,0 Kio"},
	{"de", "{{ 0|filesizeformat }}", "0 Bytes"},
	{"de", "{{ 1|filesizeformat }}", "1 Byte"},
	{"de", "{{ 2|filesizeformat }}", "2 Bytes"},
	{"de", "{{ 3|filesizeformat }}", "3 Bytes"},
	{"de", "{{ 5|filesizeformat }}", "5 Bytes"},
	{"de", "{{ 21|filesizeformat }}", "21 Bytes"},
	{"de", "{{ 22|filesizeformat }}", "22 Bytes"},
	{"de", "{{ 1023|filesizeformat }}", "1023 Bytes"},
	{"de", "{{ 1024|filesizeformat }}", "1,0 KB"},
	{"de", "{{ 1536|filesizeformat }}", "1,5 KB"},
	{"de", "{{ 1997|filesizeformat }}", "2,0 KB"},
	{"de", "{{ 10240|filesizeformat }}", "10,0 KB"},
	{"de", "{{ 1048575|filesizeformat }}", "1024,0 KB"},
	{"de", "{{ 1048576|filesizeformat }}", "1,0 MB"},
	{"de", "{{ 1572864|filesizeformat }}", "1,5 MB"},
	{"de", "{{ 1073741824|filesizeformat }}", "1,0 GB"},
	{"de", "{{ 1099511627776|filesizeformat }}", "1,0 TB"},
	{"de", "{{ 1125899906842624|filesizeformat }}", "1,0 PB"},
	{"de", "{{ 1152921504606846976|filesizeformat }}", "1024,0 PB"},
	{"de", "{{ 1000000000000000000|filesizeformat }}", "888,2 PB"},
	{"de", "{{ '-1'|filesizeformat }}", "-1 Byte"},
	{"de", "{{ '-1024'|filesizeformat }}", "-1,0 KB"},
	{"de", "{{ '-5000000'|filesizeformat }}", "-4,8 MB"},
	{"de", "{{ '1024'|filesizeformat }}", "1,0 KB"},
	{"de", "{{ 'x'|filesizeformat }}", "0 Bytes"},
	{"de", "{{ ' 2048 '|filesizeformat }}", "2,0 KB"},
	{"de", "{{ 1.9|filesizeformat }}", "1 Byte"},
	{"de", "{{ '1.5'|filesizeformat }}", "0 Bytes"},
	{"de", "{{ None|filesizeformat }}", "0 Bytes"},
	{"de", "{{ ''|filesizeformat }}", "0 Bytes"},
	{"de", "{{ f.value|filesizeformat }}", "0 Bytes"},
	{"de", "{{ '99999999999999999999999999999'|filesizeformat }}", "88817841970012,5 PB"},
	{"de", "{{ True|filesizeformat }}", "1 Byte"},
	{"de", "{{ '1_024'|filesizeformat }}", "1,0 KB"},
	{"de", "{{ '١٠٢٤'|filesizeformat }}", "1,0 KB"},
	{"de", "{{ lt|filesizeformat }}", "0 Bytes"},
	{"de", "{{ missing|filesizeformat }}", "0 Bytes"},
	{"de", "{{ '-0'|filesizeformat }}", "0 Bytes"},
	{"de", "{{ 1024.9|filesizeformat }}", "1,0 KB"},
	{"de", "{{ 2047|filesizeformat }}", "2,0 KB"},
	{"de", "{{ 2048|filesizeformat }}", "2,0 KB"},
	{"de", "{{ h55|filesizeformat }}", "2,0 KB"},
	{"cs", "{{ 0|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ 1|filesizeformat }}", "1 bajt"},
	{"cs", "{{ 2|filesizeformat }}", "2 bajty"},
	{"cs", "{{ 3|filesizeformat }}", "3 bajty"},
	{"cs", "{{ 5|filesizeformat }}", "5 bajtů"},
	{"cs", "{{ 21|filesizeformat }}", "21 bajtů"},
	{"cs", "{{ 22|filesizeformat }}", "22 bajtů"},
	{"cs", "{{ 1023|filesizeformat }}", "1023 bajtů"},
	{"cs", "{{ 1024|filesizeformat }}", "1,0 KB"},
	{"cs", "{{ 1536|filesizeformat }}", "1,5 KB"},
	{"cs", "{{ 1997|filesizeformat }}", "2,0 KB"},
	{"cs", "{{ 10240|filesizeformat }}", "10,0 KB"},
	{"cs", "{{ 1048575|filesizeformat }}", "1024,0 KB"},
	{"cs", "{{ 1048576|filesizeformat }}", "1,0 MB"},
	{"cs", "{{ 1572864|filesizeformat }}", "1,5 MB"},
	{"cs", "{{ 1073741824|filesizeformat }}", "1,0 GB"},
	{"cs", "{{ 1099511627776|filesizeformat }}", "1,0 TB"},
	{"cs", "{{ 1125899906842624|filesizeformat }}", "1,0 PB"},
	{"cs", "{{ 1152921504606846976|filesizeformat }}", "1024,0 PB"},
	{"cs", "{{ 1000000000000000000|filesizeformat }}", "888,2 PB"},
	{"cs", "{{ '-1'|filesizeformat }}", "-1 bajt"},
	{"cs", "{{ '-1024'|filesizeformat }}", "-1,0 KB"},
	{"cs", "{{ '-5000000'|filesizeformat }}", "-4,8 MB"},
	{"cs", "{{ '1024'|filesizeformat }}", "1,0 KB"},
	{"cs", "{{ 'x'|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ ' 2048 '|filesizeformat }}", "2,0 KB"},
	{"cs", "{{ 1.9|filesizeformat }}", "1 bajt"},
	{"cs", "{{ '1.5'|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ None|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ ''|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ f.value|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ '99999999999999999999999999999'|filesizeformat }}", "88817841970012,5 PB"},
	{"cs", "{{ True|filesizeformat }}", "1 bajt"},
	{"cs", "{{ '1_024'|filesizeformat }}", "1,0 KB"},
	{"cs", "{{ '١٠٢٤'|filesizeformat }}", "1,0 KB"},
	{"cs", "{{ lt|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ missing|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ '-0'|filesizeformat }}", "0 bajtů"},
	{"cs", "{{ 1024.9|filesizeformat }}", "1,0 KB"},
	{"cs", "{{ 2047|filesizeformat }}", "2,0 KB"},
	{"cs", "{{ 2048|filesizeformat }}", "2,0 KB"},
	{"cs", "{{ h55|filesizeformat }}", "2,0 KB"},
	{"ar", "{{ 0|filesizeformat }}", "0 بايت"},
	{"ar", "{{ 1|filesizeformat }}", "بايت واحد"},
	{"ar", "{{ 2|filesizeformat }}", "بايتان"},
	{"ar", "{{ 5|filesizeformat }}", "5 بايتان"},
	{"ar", "{{ 22|filesizeformat }}", "22 بايت"},
	{"ar", "{{ 1536|filesizeformat }}", "1,5 ك.ب"},
	{"ar", "{{ 1048576|filesizeformat }}", "1,0 م.ب"},
	{"ar", "{{ '-1024'|filesizeformat }}", "-1,0 ك.ب"},
	{"zh-hans", "{{ 0|filesizeformat }}", "0 字节"},
	{"zh-hans", "{{ 1|filesizeformat }}", "1 字节"},
	{"zh-hans", "{{ 2|filesizeformat }}", "2 字节"},
	{"zh-hans", "{{ 5|filesizeformat }}", "5 字节"},
	{"zh-hans", "{{ 22|filesizeformat }}", "22 字节"},
	{"zh-hans", "{{ 1536|filesizeformat }}", "1.5 KB"},
	{"zh-hans", "{{ 1048576|filesizeformat }}", "1.0 MB"},
	{"zh-hans", "{{ '-1024'|filesizeformat }}", "-1.0 KB"},
	{"pl", "{{ 0|filesizeformat }}", "0 bajtów"},
	{"pl", "{{ 1|filesizeformat }}", "1 bajt"},
	{"pl", "{{ 2|filesizeformat }}", "2 bajty"},
	{"pl", "{{ 5|filesizeformat }}", "5 bajtów"},
	{"pl", "{{ 22|filesizeformat }}", "22 bajty"},
	{"pl", "{{ 1536|filesizeformat }}", "1,5 KB"},
	{"pl", "{{ 1048576|filesizeformat }}", "1,0 MB"},
	{"pl", "{{ '-1024'|filesizeformat }}", "-1,0 KB"},
	{"ru", "{{ 0|filesizeformat }}", "0 байт"},
	{"ru", "{{ 1|filesizeformat }}", "1 байт"},
	{"ru", "{{ 2|filesizeformat }}", "2 байта"},
	{"ru", "{{ 5|filesizeformat }}", "5 байт"},
	{"ru", "{{ 22|filesizeformat }}", "22 байта"},
	{"ru", "{{ 1536|filesizeformat }}", "1,5 КБ"},
	{"ru", "{{ 1048576|filesizeformat }}", "1,0 МБ"},
	{"ru", "{{ '-1024'|filesizeformat }}", "-1,0 КБ"},
	{"ja", "{{ 0|filesizeformat }}", "0 バイト"},
	{"ja", "{{ 1|filesizeformat }}", "1 バイト"},
	{"ja", "{{ 2|filesizeformat }}", "2 バイト"},
	{"ja", "{{ 5|filesizeformat }}", "5 バイト"},
	{"ja", "{{ 22|filesizeformat }}", "22 バイト"},
	{"ja", "{{ 1536|filesizeformat }}", "1.5 KB"},
	{"ja", "{{ 1048576|filesizeformat }}", "1.0 MB"},
	{"ja", "{{ '-1024'|filesizeformat }}", "-1.0 KB"},
	{"pt-br", "{{ 0|filesizeformat }}", "0 byte"},
	{"pt-br", "{{ 1|filesizeformat }}", "1 byte"},
	{"pt-br", "{{ 2|filesizeformat }}", "2 bytes"},
	{"pt-br", "{{ 5|filesizeformat }}", "5 bytes"},
	{"pt-br", "{{ 22|filesizeformat }}", "22 bytes"},
	{"pt-br", "{{ 1536|filesizeformat }}", "1,5 KB"},
	{"pt-br", "{{ 1048576|filesizeformat }}", "1,0 MB"},
	{"pt-br", "{{ '-1024'|filesizeformat }}", "-1,0 KB"},
	{"sr-latn", "{{ 0|filesizeformat }}", "0 bajtova"},
	{"sr-latn", "{{ 1|filesizeformat }}", "1 bajt"},
	{"sr-latn", "{{ 2|filesizeformat }}", "2 bajta"},
	{"sr-latn", "{{ 5|filesizeformat }}", "5 bajtova"},
	{"sr-latn", "{{ 22|filesizeformat }}", "22 bajta"},
	{"sr-latn", "{{ 1536|filesizeformat }}", "1,5 KB"},
	{"sr-latn", "{{ 1048576|filesizeformat }}", "1,0 MB"},
	{"sr-latn", "{{ '-1024'|filesizeformat }}", "-1,0 KB"},
	{"hi", "{{ 0|filesizeformat }}", "0 बाइट"},
	{"hi", "{{ 1|filesizeformat }}", "1 बाइट"},
	{"hi", "{{ 2|filesizeformat }}", "2 बाइट"},
	{"hi", "{{ 5|filesizeformat }}", "5 बाइट"},
	{"hi", "{{ 22|filesizeformat }}", "22 बाइट"},
	{"hi", "{{ 1536|filesizeformat }}", "1.5 केबी "},
	{"hi", "{{ 1048576|filesizeformat }}", "1.0 मेबी "},
	{"hi", "{{ '-1024'|filesizeformat }}", "-1.0 केबी "},
	{"", "{{ '100000000000000000000'|filesizeformat }}", "88817.8 PB"},
	{"", "{{ '10000000000000000000000000'|filesizeformat }}", "8881784197.0 PB"},
	{"", "{{ '1000000000000000000000000000000'|filesizeformat }}", "888178419700125.2 PB"},
	{"", "{{ '1000000000000000000000000000000000'|filesizeformat }}", "888178419700125200.0 PB"},
	{"", "{{ '10000000000000000000000000000000000000000'|filesizeformat }}", "8881784197001253000000000.0 PB"},
	{"", "{{ '10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8881784197001252000000000000000000000000000000000000000000000000000000000000000000000.0 PB"},
	{"", "{{ '10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8.8e+234 PB"},
	{"", "{{ '100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8.8e+244 PB"},
	{"", "{{ '100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8.8e+250 PB"},
	{"", "{{ '10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8.8e+264 PB"},
	{"", "{{ '1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8.8e+284 PB"},
	{"", "{{ '100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8.8e+304 PB"},
	{"", "{{ '3458764513820553273'|filesizeformat }}", "3072.0 PB"},
	{"", "{{ '1152921504606846976001'|filesizeformat }}", "1024000.0 PB"},
	{"", "{{ '99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999'|filesizeformat }}", "0 bytes"},
	{"", "{{ '1e3'|filesizeformat }}", "0 bytes"},
	{"", "{{ '  -12  '|filesizeformat }}", "-12 bytes"},
	{"", "{{ '+12'|filesizeformat }}", "12 bytes"},
	{"", "{{ '1__0'|filesizeformat }}", "0 bytes"},
	{"", "{{ '0x10'|filesizeformat }}", "0 bytes"},
	{"", "{{ ' 12 '|filesizeformat }}", "12 bytes"},
	{"", "{{ 4611686018427387904|filesizeformat }}", "4096.0 PB"},
	{"", "{{ 0.5|filesizeformat }}", "0 bytes"},
	{"fr", "{{ '100000000000000000000'|filesizeformat }}", "88817,8 Pio"},
	{"fr", "{{ '10000000000000000000000000'|filesizeformat }}", "8881784197,0 Pio"},
	{"fr", "{{ '1000000000000000000000000000000'|filesizeformat }}", "888178419700125,2 Pio"},
	{"fr", "{{ '1000000000000000000000000000000000'|filesizeformat }}", "888178419700125200,0 Pio"},
	{"fr", "{{ '10000000000000000000000000000000000000000'|filesizeformat }}", "8881784197001253000000000,0 Pio"},
	{"fr", "{{ '10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8881784197001252000000000000000000000000000000000000000000000000000000000000000000000,0 Pio"},
	{"fr", "{{ '10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8,8e+234 Pio"},
	{"fr", "{{ '100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8,8e+244 Pio"},
	{"fr", "{{ '100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8,8e+250 Pio"},
	{"fr", "{{ '10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8,8e+264 Pio"},
	{"fr", "{{ '1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8,8e+284 Pio"},
	{"fr", "{{ '100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'|filesizeformat }}", "8,8e+304 Pio"},
	{"fr", "{{ '3458764513820553273'|filesizeformat }}", "3072,0 Pio"},
	{"fr", "{{ '1152921504606846976001'|filesizeformat }}", "1024000,0 Pio"},
	{"fr", "{{ '99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999'|filesizeformat }}", "0 octet"},
	{"fr", "{{ '1e3'|filesizeformat }}", "0 octet"},
	{"fr", "{{ '  -12  '|filesizeformat }}", "-12 octets"},
	{"fr", "{{ '+12'|filesizeformat }}", "12 octets"},
	{"fr", "{{ '1__0'|filesizeformat }}", "0 octet"},
	{"fr", "{{ '0x10'|filesizeformat }}", "0 octet"},
	{"fr", "{{ ' 12 '|filesizeformat }}", "12 octets"},
	{"fr", "{{ 4611686018427387904|filesizeformat }}", "4096,0 Pio"},
	{"fr", "{{ 0.5|filesizeformat }}", "0 octet"},
	{"zh-hans", "{{ h56|truncatechars_html:8 }}", "&lt;p&gt;Hello...&lt;/p&gt;"},
	{"zh-hans", "{{ h56|truncatewords_html:1 }}", "&lt;p&gt;Hello …&lt;/p&gt;"},
	{"zh-hans", "{{ 'Hello world'|truncatechars:5 }}", "He..."},
	{"fr", "{{ h56|truncatechars_html:8 }}", "&lt;p&gt;Hello &lt;b&gt;b…&lt;/b&gt;&lt;/p&gt;"},
	{"fr", "{{ h56|truncatewords_html:1 }}", "&lt;p&gt;Hello …&lt;/p&gt;"},
	{"fr", "{{ 'Hello world'|truncatechars:5 }}", "Hell…"},
	{"cs", "{{ h56|truncatechars_html:8 }}", "&lt;p&gt;Hello &lt;b&gt;b…&lt;/b&gt;&lt;/p&gt;"},
	{"cs", "{{ h56|truncatewords_html:1 }}", "&lt;p&gt;Hello …&lt;/p&gt;"},
	{"cs", "{{ 'Hello world'|truncatechars:5 }}", "Hell…"},
}
