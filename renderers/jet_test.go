package renderers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/templates"
)

// goldenCase is one template rendered by Django's Jinja2 renderer
// (testdata/jinja2_oracle.py writes them).
type goldenCase struct {
	Name     string         `json:"name"`
	Template string         `json:"template"`
	Context  map[string]any `json:"context"`
	HTML     string         `json:"html"`
}

func loadGolden(t *testing.T) []goldenCase {
	t.Helper()
	src, err := os.ReadFile("testdata/jinja2_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var cases []goldenCase
	if err := dec.Decode(&cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases")
	}
	return cases
}

// decodeValue turns the oracle's JSON encoding of a context value into
// the values forms hand to renderers (see testdata/jinja2_oracle.py).
func decodeValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return int(n)
		}
		return x.String()
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = decodeValue(e)
		}
		return out
	case map[string]any:
		if s, ok := x["$safe"]; ok {
			return Safe(HTML(s.(string)))
		}
		if a, ok := x["$attrs"]; ok {
			out := Attrs{}
			for k, e := range a.(map[string]any) {
				out[k] = decodeValue(e)
			}
			return out
		}
		if o, ok := x["$object"]; ok {
			out := Object{}
			for k, e := range o.(map[string]any) {
				switch {
				case k == HTMLKey:
					if s, ok := IsSafe(decodeValue(e)); ok {
						out[k] = HTML(s)
					} else {
						out[k] = e.(string)
					}
				case strings.HasSuffix(k, "()"):
					val := decodeValue(e)
					out[strings.TrimSuffix(k, "()")] = func() any { return val }
				default:
					out[k] = decodeValue(e)
				}
			}
			return out
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = decodeValue(e)
		}
		return out
	}
	return v
}

func goldenContext(c goldenCase) Context {
	ctx := Context{}
	for k, v := range c.Context {
		ctx[k] = decodeValue(v)
	}
	return ctx
}

// pongo2Divergences are golden cases where the DjangoTemplates renderer
// is known to differ from Django, and why.
var pongo2Divergences = map[string]string{
	"input-safe-attr": "pongo2compat.go's stringformat filter drops the safeness of its input " +
		"(Django's stringformat is is_safe=True), so safe values and attributes are escaped twice",
}

// TestJinja2Golden renders every form, formset, error, label and widget
// template with jet and with pongo2 and compares both with what Django's
// Jinja2 renderer printed for the same context.
func TestJinja2Golden(t *testing.T) {
	jinja, django := NewJinja2(), NewDjangoTemplates()
	templatesSeen := map[string]bool{}
	for _, c := range loadGolden(t) {
		t.Run(c.Name, func(t *testing.T) {
			templatesSeen[c.Template] = true
			got, err := RenderString(jinja, c.Template, goldenContext(c))
			if err != nil {
				t.Fatalf("jet: %v", err)
			}
			want := c.HTML
			if strings.HasSuffix(c.Template, "attrs.html") {
				// Attributes alone: compare them inside a tag.
				got, want = "<x "+got+">", "<x "+want+">"
			}
			text := strings.HasSuffix(c.Template, ".txt")
			if text {
				if strings.TrimSpace(got) != c.HTML {
					t.Errorf("jet:\n got %q\nwant %q", got, c.HTML)
				}
			} else if msg := htmlDiff(got, want); msg != "" {
				t.Errorf("jet: %s\n got %q\nwant %q", msg, got, want)
			}
			if why, ok := pongo2Divergences[c.Name]; ok {
				t.Logf("pongo2 not compared: %s", why)
				return
			}
			pongo, err := RenderString(django, c.Template, goldenContext(c))
			if err != nil {
				t.Fatalf("pongo2: %v", err)
			}
			if strings.HasSuffix(c.Template, "attrs.html") {
				pongo = "<x " + pongo + ">"
			}
			if text {
				if strings.TrimSpace(pongo) != strings.TrimSpace(got) {
					t.Errorf("pongo2 and jet differ:\npongo2 %q\n   jet %q", pongo, got)
				}
			} else if msg := htmlDiff(pongo, got); msg != "" {
				t.Errorf("pongo2 and jet differ: %s\npongo2 %q\n   jet %q", msg, pongo, got)
			}
		})
	}
	// Every built-in template is covered by some case.
	if err := fsWalk(func(name string) {
		if !templatesSeen[name] {
			t.Errorf("no golden case renders %s", name)
		}
	}); err != nil {
		t.Fatal(err)
	}
}

// TestJinja2Whitespace checks that the ported templates print exactly
// what Django's Jinja2 templates print, whitespace too (Django's renderer
// strips the ends of its output).
func TestJinja2Whitespace(t *testing.T) {
	r := NewJinja2()
	n := 0
	for _, c := range loadGolden(t) {
		n++
		got, err := RenderString(r, c.Template, goldenContext(c))
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		// Jinja escapes ' and " as &#39; and &#34;, Django's escape as
		// &#x27; and &quot;: the same characters.
		// Attributes print in Attrs.Keys() order, not in the order a
		// Python dict was built.
		want := strings.NewReplacer("&#39;", "&#x27;", "&#34;", "&quot;").Replace(c.HTML)
		got = strings.TrimSpace(got)
		if strings.HasSuffix(c.Template, "attrs.html") {
			got, want = "<x "+got+">", "<x "+want+">"
		}
		if sortAttrs(got) != sortAttrs(want) {
			t.Errorf("%s:\n got %q\nwant %q", c.Name, got, want)
		}
	}
	if n < 80 {
		t.Errorf("only %d cases compared", n)
	}
}

// fsWalk visits the name of every built-in jet template.
func fsWalk(visit func(name string)) error {
	return fs.WalkDir(templates.Jet, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			visit(name)
		}
		return err
	})
}

func TestJinja2TemplateNames(t *testing.T) {
	for _, tc := range []struct {
		r             Renderer
		form, formset string
	}{
		{NewJinja2(), DefaultFormTemplate, DefaultFormsetTemplate},
		{&Jinja2{}, "django/forms/default.html", "django/forms/formsets/default.html"},
		{NewJinja2DivFormRenderer(), "django/forms/div.html", "django/forms/formsets/div.html"},
		{&Jinja2{FormTemplate: "my/form.html", FormsetTemplate: "my/set.html"}, "my/form.html", "my/set.html"},
	} {
		if got := tc.r.FormTemplateName(); got != tc.form {
			t.Errorf("FormTemplateName() = %q, want %q", got, tc.form)
		}
		if got := tc.r.FormsetTemplateName(); got != tc.formset {
			t.Errorf("FormsetTemplateName() = %q, want %q", got, tc.formset)
		}
	}
}

func TestJinja2Values(t *testing.T) {
	r := &Jinja2{Overlay: fstest.MapFS{
		"t/print.html":  {Data: []byte(`{{ v }}`)},
		"t/if.html":     {Data: []byte(`{{ if v }}T{{ else }}F{{ end }}`)},
		"t/iter.html":   {Data: []byte(`{{ range x := iter(v) }}[{{ x }}]{{ end }}`)},
		"t/items.html":  {Data: []byte(`{{ range k, x := items(v) }}[{{ k }}={{ x }}]{{ end }}`)},
		"t/call.html":   {Data: []byte(`{{ v.m() }}|{{ if v.m() }}T{{ else }}F{{ end }}`)},
		"t/safe.html":   {Data: []byte(`{{ v | safe }}|{{ str(v) }}`)},
		"t/sameas.html": {Data: []byte(`{{ range _, x := v }}{{ if x == false }}F{{ else if x == true }}T{{ else if x == nil }}N{{ else }}?{{ end }}{{ end }}`)},
	}}
	errBoom := errors.New("boom")
	for _, tc := range []struct {
		tpl  string
		v    any
		want string
	}{
		{"print", `<a href="x">'&'</a>`, "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;"},
		{"print", Safe("<b>"), "<b>"},
		{"print", HTML("<b>"), "<b>"},
		{"print", Object{HTMLKey: HTML("<i>x</i>")}, "<i>x</i>"},
		{"print", Object{HTMLKey: func() HTML { return "<i>f</i>" }}, "<i>f</i>"},
		{"print", Object{HTMLKey: "<plain>"}, "&lt;plain&gt;"},
		{"print", Object{HTMLKey: Safe("<s>")}, "<s>"},
		{"print", 1.0, "1.0"},
		{"print", 42, "42"},
		{"print", []byte("<x>"), "&lt;x&gt;"},
		{"if", Object{}, "F"},
		{"if", Object{"a": 1}, "T"},
		{"if", []any{}, "F"},
		{"if", []string{"a"}, "T"},
		{"if", map[string]any{}, "F"},
		{"if", Attrs{}, "F"},
		{"if", Safe(""), "F"},
		{"if", "", "F"},
		{"if", nil, "F"},
		{"if", 0, "F"},
		{"iter", Object{IterKey: []any{"a", Safe("<b>")}, HTMLKey: HTML("no")}, "[a][<b>]"},
		{"iter", Object{IterKey: func() []any { return []any{1, 2} }}, "[1][2]"},
		{"iter", []string{"x<", "y"}, "[x&lt;][y]"},
		{"iter", nil, ""},
		{"iter", map[string]int{"b": 1, "a": 2}, "[a][b]"},
		{"items", Attrs{"id": "i", "type": "text", "x": nil}, "[type=text][x=None][id=i]"},
		{"items", map[string]any{"b": 1, "a": Safe("<a>")}, "[a=<a>][b=1]"},
		{"items", Object{HTMLKey: HTML("h"), "z": "<", "a": 1}, "[a=1][z=&lt;]"},
		{"call", Object{"m": func() any { return Safe("<em>") }}, "<em>|T"},
		{"call", Object{"m": func() any { return "" }}, "|F"},
		{"call", Object{"m": func() string { return "<s>" }}, "&lt;s&gt;|T"},
		{"call", Object{"m": func() any { return Object{HTMLKey: HTML("<o>")} }}, "<o>|T"},
		{"call", map[string]any{"m": func() (HTML, error) { return "<ok>", nil }}, "<ok>|T"},
		{"safe", "<b>", "<b>|&lt;b&gt;"},
		{"safe", Object{HTMLKey: HTML("<o>")}, "<o>|<o>"},
		{"sameas", []any{false, true, nil, 0, 1, "", "False"}, "FTN????"},
	} {
		got, err := RenderString(r, "t/"+tc.tpl+".html", Context{"v": tc.v})
		if err != nil {
			t.Errorf("%s %#v: %v", tc.tpl, tc.v, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s %#v = %q, want %q", tc.tpl, tc.v, got, tc.want)
		}
	}
	_, err := RenderString(r, "t/call.html", Context{"v": map[string]any{"m": func() (HTML, error) { return "", errBoom }}})
	if !errors.Is(err, errBoom) || !strings.Contains(err.Error(), "t/call.html") {
		t.Errorf("error from a method: got %v", err)
	}
}

// TestJinja2Overlay checks that a theme's templates are found before the
// built-in ones, by Django name, from any include.
func TestJinja2Overlay(t *testing.T) {
	overlay := fstest.MapFS{
		"django/forms/widgets/input.html": {Data: []byte(
			`<input class="theme" type="{{ widget.type }}" name="{{ widget.name }}"{{ include "django/forms/widgets/attrs.html" }}>` + "\n")},
	}
	r := &Jinja2{Overlay: overlay}
	ctx := Context{"widget": map[string]any{"name": "q", "type": "search", "value": nil, "attrs": Attrs{"id": "id_q"},
		"template_name": "django/forms/widgets/text.html"}}
	for _, name := range []string{"django/forms/widgets/input.html", "django/forms/widgets/text.html"} {
		got, err := RenderString(r, name, ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := `<input class="theme" type="search" name="q" id="id_q">`; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if !r.Overridden("django/forms/widgets/input.html") || r.Overridden("django/forms/widgets/text.html") {
		t.Error("Overridden reports the wrong templates")
	}
	// The built-in renderer is untouched.
	got, err := RenderString(NewJinja2(), "django/forms/widgets/text.html", ctx)
	if err != nil || got != `<input type="search" name="q" id="id_q">` {
		t.Errorf("built-in text.html = %q, %v", got, err)
	}
}

type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

func TestJinja2Errors(t *testing.T) {
	r := &Jinja2{Overlay: fstest.MapFS{
		"bad/syntax.html":  {Data: []byte("<p>\n{{ if x }}unclosed\n")},
		"bad/runtime.html": {Data: []byte("<p>ok</p>\n{{ nosuchvar.x }}")},
		"bad/include.html": {Data: []byte("<p>{{ include \"django/forms/nope.html\" }}</p>")},
		"bad/method.html":  {Data: []byte("{{ v.m(1) }}")},
		"bad/panic.html":   {Data: []byte("<p>partial</p>{{ v.m() }}")},
		"bad/items.html":   {Data: []byte("{{ range k, v := items(3) }}{{ end }}")},
		"bad/range.html":   {Data: []byte("<p>partial</p>{{ range x := 3 }}{{ end }}")},
		"bad/index.html":   {Data: []byte("<p>partial</p>{{ v[5] }}")},
	}}
	for _, tc := range []struct {
		name string
		ctx  Context
		want []string
	}{
		{"bad/syntax.html", nil, []string{`"bad/syntax.html"`, "syntax.html:"}},
		{"bad/runtime.html", nil, []string{`"bad/runtime.html"`, "runtime.html", ":2", "nosuchvar"}},
		{"bad/include.html", nil, []string{`"bad/include.html"`, "nope.html"}},
		{"bad/method.html", Context{"v": Object{"m": func() any { return 1 }}}, []string{"method.html"}},
		{"bad/panic.html", Context{"v": Object{"m": func() any { var a []int; return a[3] }}}, []string{"panic.html", "index out of range"}},
		{"bad/items.html", nil, []string{"items.html", "not a mapping"}},
		{"bad/range.html", nil, []string{"range.html"}},
		{"bad/index.html", Context{"v": []any{1}}, []string{"index.html"}},
		{"django/forms/missing.html", nil, []string{"TemplateDoesNotExist", "django/forms/missing.html"}},
	} {
		w := &countingWriter{}
		err := r.Render(w, tc.name, tc.ctx)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, s := range tc.want {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: error %q does not mention %q", tc.name, err, s)
			}
		}
		if w.n != 0 {
			t.Errorf("%s: %d bytes written before the error", tc.name, w.n)
		}
	}
	if _, err := RenderString(NewJinja2(), "nope.html", nil); !isTemplateMissing(err) {
		t.Errorf("missing template: %v", err)
	}
}

func TestJinja2Reload(t *testing.T) {
	overlay := fstest.MapFS{"x.html": {Data: []byte("one")}}
	for _, reload := range []bool{false, true} {
		r := &Jinja2{Overlay: overlay, Reload: reload}
		overlay["x.html"] = &fstest.MapFile{Data: []byte("one")}
		if got, _ := RenderString(r, "x.html", nil); got != "one" {
			t.Fatalf("got %q", got)
		}
		overlay["x.html"] = &fstest.MapFile{Data: []byte("two")}
		got, _ := RenderString(r, "x.html", nil)
		if want := map[bool]string{false: "one", true: "two"}[reload]; got != want {
			t.Errorf("Reload=%v: second render %q, want %q", reload, got, want)
		}
	}
}

func TestJinja2Concurrent(t *testing.T) {
	r := NewJinja2()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ctx := Context{"widget": map[string]any{"name": fmt.Sprint("f", i), "type": "text", "value": i, "attrs": Attrs{}}}
			got, err := RenderString(r, "django/forms/widgets/text.html", ctx)
			if err != nil {
				errs <- err
				return
			}
			if want := fmt.Sprintf(`<input type="text" name="f%d" value="%d">`, i, i); got != want {
				errs <- fmt.Errorf("got %q, want %q", got, want)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func ExampleJinja2() {
	r := NewJinja2DivFormRenderer()
	html, err := RenderString(r, "django/forms/widgets/text.html", Context{"widget": map[string]any{
		"name": "q", "type": "text", "value": "Tom & Jerry", "attrs": Attrs{"id": "id_q", "required": true},
	}})
	fmt.Println(html, err)
	// Output: <input type="text" name="q" value="Tom &amp; Jerry" required id="id_q"> <nil>
}

// ---------------------------------------------------------------- HTML comparison

// htmlDiff compares two HTML fragments as Django's assertHTMLEqual does:
// attributes in any order (class names too), whitespace runs as one
// space, text around tags trimmed, character references decoded. It
// returns "" when they are equal.
func htmlDiff(a, b string) string {
	ta, tb := htmlTokens(a), htmlTokens(b)
	for i := 0; i < len(ta) || i < len(tb); i++ {
		var x, y string
		if i < len(ta) {
			x = ta[i]
		}
		if i < len(tb) {
			y = tb[i]
		}
		if x != y {
			return fmt.Sprintf("token %d: %q != %q", i, x, y)
		}
	}
	return ""
}

var (
	tagRE   = regexp.MustCompile(`(?s)<(/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>`)
	attrRE  = regexp.MustCompile(`([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?`)
	spaceRE = regexp.MustCompile(`\s+`)
)

func htmlTokens(s string) []string {
	var out []string
	text := func(t string) {
		t = strings.TrimSpace(spaceRE.ReplaceAllString(html.UnescapeString(t), " "))
		if t != "" {
			out = append(out, "text:"+t)
		}
	}
	last := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(s, -1) {
		text(s[last:m[0]])
		last = m[1]
		name := strings.ToLower(s[m[4]:m[5]])
		if m[3] > m[2] {
			out = append(out, "end:"+name)
			continue
		}
		var attrs []string
		for _, am := range attrRE.FindAllStringSubmatch(s[m[6]:m[7]], -1) {
			k, v := strings.ToLower(am[1]), am[2]
			if v == "" {
				v = k // a bare attribute
			} else {
				v = html.UnescapeString(strings.Trim(v, `"'`))
			}
			if k == "class" {
				cls := strings.Fields(v)
				sort.Strings(cls)
				v = strings.Join(cls, " ")
			}
			attrs = append(attrs, k+"="+v)
		}
		sort.Strings(attrs)
		out = append(out, "start:"+name+" "+strings.Join(attrs, " "))
	}
	text(s[last:])
	return out
}

// sortAttrs rewrites every start tag with its attributes sorted, leaving
// the rest as it is.
func sortAttrs(s string) string {
	return tagRE.ReplaceAllStringFunc(s, func(tag string) string {
		m := tagRE.FindStringSubmatch(tag)
		if m == nil || m[1] != "" {
			return tag
		}
		attrs := attrRE.FindAllString(m[3], -1)
		sort.Strings(attrs)
		if len(attrs) == 0 {
			return "<" + m[2] + ">"
		}
		return "<" + m[2] + " " + strings.Join(attrs, " ") + ">"
	})
}

func TestHTMLDiff(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		equal bool
	}{
		{`<p  class="b a" id=x>Hi  &amp; bye</p>`, "<p id='x' class='a b'>\n Hi &#38; bye </p>", true},
		{`<input checked>`, `<input checked="checked">`, true},
		{`<p>a</p>`, `<p>b</p>`, false},
		{`<p id="1">`, `<p id="2">`, false},
		{`<p>`, `<p></p>`, false},
	} {
		if got := htmlDiff(tc.a, tc.b) == ""; got != tc.equal {
			t.Errorf("htmlDiff(%q, %q) equal = %v", tc.a, tc.b, got)
		}
	}
}
