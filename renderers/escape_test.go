package renderers

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// Django-syntax templates escape as Django's escape() does, ' as &#x27;:
// text templates (errors as_text) are compared byte for byte.
func TestDjangoTemplatesEscapeLikeDjango(t *testing.T) {
	r := &DjangoTemplates{Overlay: fstest.MapFS{"t.txt": {Data: []byte(`* {{ msg }}|{{ msg|escape }}|{{ msg|safe }}`)}}}
	var b strings.Builder
	if err := r.Render(&b, "t.txt", Context{"msg": `Don't <"&">`}); err != nil {
		t.Fatal(err)
	}
	const want = `* Don&#x27;t &lt;&quot;&amp;&quot;&gt;|Don&#x27;t &lt;&quot;&amp;&quot;&gt;|Don't <"&">`
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

// An error list drawn by a Jinja2 renderer has markupsafe's entities for
// quotes; other renderers keep escape()'s, and text before start is kept.
func TestUseEngineEntities(t *testing.T) {
	const html = `<li>Don&#x27;t &quot;x&quot; &amp;amp; &lt;b&gt;</li>`
	tests := []struct {
		name   string
		r      Renderer
		prefix string
		want   string
	}{
		{"django", NewDjangoTemplates(), "", html},
		{"jinja2", NewJinja2(), "", `<li>Don&#39;t &#34;x&#34; &amp;amp; &lt;b&gt;</li>`},
		{"jinja2 div", NewJinja2DivFormRenderer(), "", `<li>Don&#39;t &#34;x&#34; &amp;amp; &lt;b&gt;</li>`},
		{"jinja2 after start", NewJinja2(), `<p title="&quot;">`, `<p title="&quot;"><li>Don&#39;t &#34;x&#34; &amp;amp; &lt;b&gt;</li>`},
		{"accessible", NewAccessible(), "", html},
		{"nothing to respell", NewJinja2(), "", "<li>plain</li>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			b.WriteString(tt.prefix)
			in := html
			if tt.name == "nothing to respell" {
				in = tt.want
			}
			start := b.Len()
			b.WriteString(in)
			UseEngineEntities(tt.r, &b, start)
			if b.String() != tt.want {
				t.Errorf("got  %s\nwant %s", b.String(), tt.want)
			}
		})
	}
}

// An Object whose HTML is text (a stored file's name) prints it escaped
// as Django's escape() does, as {{ file }} prints str(file) in Django.
func TestObjectTextEscapedLikeDjango(t *testing.T) {
	o := Object{HTMLKey: `O'Brien "q" <&>.pdf`}
	if got, want := o.String(), `O&#x27;Brien &quot;q&quot; &lt;&amp;&gt;.pdf`; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
}
