package djangoengine_test

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/renderers"
)

// {% ifchanged %} keeps its state in the enclosing loop, as Django does:
// every render starts afresh, and renders running at once do not share
// it (pongo2's kept the last value in the parsed template).
func TestIfChangedStatePerLoop(t *testing.T) {
	r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{
		"t.html": {Data: []byte(`{% for x in items %}{% ifchanged %}{{ x }}{% endifchanged %}{% endfor %}|` +
			`{% for x in items %}{% ifchanged x %}+{% else %}={% endifchanged %}{% endfor %}`)},
	}}
	ctx := renderers.Context{"items": []any{"b", "a", "a", "b"}}
	const want = "bab|++=+"
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				var b strings.Builder
				if err := r.Render(&b, "t.html", ctx); err != nil {
					t.Error(err)
					return
				}
				if b.String() != want {
					t.Errorf("got %q, want %q", b.String(), want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// {% cycle %} starts afresh in every render, as Django's does (pongo2's
// kept its position in the parsed template, so a second render of the
// cached template went on from the first's, and renders running at once
// raced); {% resetcycle %}, a named cycle and silent work as Django's,
// and a cycled variable is escaped as {{ }} escapes it. want is what the
// reference Django printed.
func TestCyclePerRender(t *testing.T) {
	r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{
		"t.html": {Data: []byte(`{% for x in items %}<{% cycle "a" "b" "c" %}>{% endfor %}|` +
			`{% for x in items %}{% cycle x "p" %}{% if forloop.counter == 2 %}{% resetcycle %}{% endif %}{% endfor %}|` +
			`{% for x in items %}{% cycle "x" "y" as c silent %}{{ c }}{% cycle c %}{% endfor %}|` +
			`{% firstof none "" x items.0 as f %}[{{ f }}]`)},
	}}
	ctx := renderers.Context{"items": []any{"<b>", "a", "a", "b"}, "none": nil}
	const want = "<a><b><c><a>|&lt;b&gt;pap|xxxx|[&lt;b&gt;]"
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				var b strings.Builder
				if err := r.Render(&b, "t.html", ctx); err != nil {
					t.Error(err)
					return
				}
				if b.String() != want {
					t.Errorf("got %q, want %q", b.String(), want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
