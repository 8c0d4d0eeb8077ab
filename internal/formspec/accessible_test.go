package formspec

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/formwork/formwork/internal/enginecount"
	"github.com/formwork/formwork/renderers"
)

// engineTally counts the templates pongo2 renders while it is set.
type engineTally struct {
	mu     sync.Mutex
	n      int
	byName map[string]int
}

func tallyEngine(t *testing.T) *engineTally {
	et := &engineTally{byName: map[string]int{}}
	restore := enginecount.Set(func(name string) {
		et.mu.Lock()
		et.n++
		et.byName[name]++
		et.mu.Unlock()
	})
	t.Cleanup(restore)
	return et
}

func (et *engineTally) String() string {
	et.mu.Lock()
	defer et.mu.Unlock()
	names := make([]string, 0, len(et.byName))
	for n := range et.byName {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return et.byName[names[i]] > et.byName[names[j]] })
	var b strings.Builder
	fmt.Fprintf(&b, "%d engine renders", et.n)
	for _, n := range names {
		fmt.Fprintf(&b, "\n  %6d %s", et.byName[n], n)
	}
	return b.String()
}

// TestAccessibleEngineCount counts the corpus renders with
// renderers.NewAccessible() that go to pongo2.
func TestAccessibleEngineCount(t *testing.T) {
	var paths []string
	for _, dir := range []string{"../../testdata/cases", "../../testdata/cases-extra"} {
		p, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		paths = append(paths, p...)
	}
	var cases []*Case
	for _, p := range paths {
		c, err := Load(p)
		if err == nil {
			cases = append(cases, c)
		}
	}
	et := tallyEngine(t)
	runs := 0
	for _, c := range cases {
		if _, err := c.RunWith(renderers.NewAccessible()); err == nil {
			runs++
		}
	}
	t.Logf("%d cases: %s", runs, et)
	_ = bytes.Equal
}
