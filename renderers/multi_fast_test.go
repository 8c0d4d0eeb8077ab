package renderers_test

import (
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
)

// multiTemplates are the built-in widget templates of the multi-part
// widgets and of ClearableFileInput.
var multiTemplates = []string{
	"django/forms/widgets/multiwidget.html",
	"django/forms/widgets/select_date.html",
	"django/forms/widgets/splitdatetime.html",
	"django/forms/widgets/splithiddendatetime.html",
	"django/forms/widgets/multiple_hidden.html",
	"django/forms/widgets/clearable_file_input.html",
}

// engineRenders renders every corpus case (testdata/cases and
// testdata/cases-extra) with each renderer mk makes and counts the
// templates its engine rendered, by name.
func engineRenders(t *testing.T, mks ...func() renderers.Renderer) (map[string]int, int) {
	t.Helper()
	var paths []string
	for _, dir := range []string{"../testdata/cases", "../testdata/cases-extra"} {
		p, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil || len(p) == 0 {
			t.Fatalf("no cases in %s (%v)", dir, err)
		}
		paths = append(paths, p...)
	}
	var mu sync.Mutex
	counts := map[string]int{}
	stop := renderers.OnEngineRender(func(name string) {
		mu.Lock()
		counts[name]++
		mu.Unlock()
	})
	defer stop()
	rendered := 0
	for _, p := range paths {
		c, err := formspec.Load(p)
		if err != nil {
			continue // a case formwork cannot read yet (a known difference)
		}
		for _, mk := range mks {
			if _, err := c.RunWith(mk()); err == nil {
				rendered++
			}
		}
	}
	return counts, rendered
}

// TestCorpusEngineRenders counts, over the corpus rendered with
// DjangoTemplates and DjangoDivFormRenderer, the renderings of the
// multi-part widgets' and ClearableFileInput's templates that went to
// the engine.
func TestCorpusEngineRenders(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole corpus")
	}
	counts, rendered := engineRenders(t,
		func() renderers.Renderer { return renderers.NewDjangoTemplates() },
		func() renderers.Renderer { return renderers.NewDjangoDivFormRenderer() },
	)
	multi := 0
	for _, n := range multiTemplates {
		multi += counts[n]
		t.Logf("%s: %d engine renders", n, counts[n])
	}
	var names []string
	total := 0
	for n, k := range counts {
		names = append(names, n)
		total += k
	}
	sort.Strings(names)
	var others []string
	for _, n := range names {
		others = append(others, n+"="+itoa(counts[n]))
	}
	t.Logf("%d renderings; %d engine renders of the six templates, %d in all: %s", rendered, multi, total, strings.Join(others, " "))
}
