package renderers

import (
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
