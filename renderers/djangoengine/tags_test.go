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
