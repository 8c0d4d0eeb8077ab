package formspec

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

func (et *engineTally) String() string {
	et.mu.Lock()
	defer et.mu.Unlock()
	names := make([]string, 0, len(et.byName))
	for n := range et.byName {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if et.byName[names[i]] != et.byName[names[j]] {
			return et.byName[names[i]] > et.byName[names[j]]
		}
		return names[i] < names[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%d renders on pongo2", et.n)
	for _, n := range names {
		fmt.Fprintf(&b, "\n  %6d %s", et.byName[n], n)
	}
	return b.String()
}

// corpusCases loads every case of the corpus formwork can read.
func corpusCases(t *testing.T) []*Case {
	_, cases := loadCorpus(t)
	return cases
}

// loadCorpus loads every case of the corpus formwork can read, beside
// its path; a case it cannot read must be a known difference.
func loadCorpus(t *testing.T) (paths []string, cases []*Case) {
	t.Helper()
	known := map[string]string{}
	readKnown(t, "../../testdata/known-differences.json", &known)
	all, err := CorpusPaths("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		c, err := Load(p)
		if err != nil {
			if _, ok := known[strings.TrimSuffix(filepath.Base(p), ".json")]; !ok {
				t.Errorf("%s: %v", p, err)
			}
			continue
		}
		paths, cases = append(paths, p), append(cases, c)
	}
	return paths, cases
}

// corpusLanguages are the languages of the corpus's cases (their
// "language"), sorted.
func corpusLanguages(cases []*Case) []string {
	seen := map[string]bool{}
	for _, c := range cases {
		if n, ok := c.root.get("language"); ok {
			if s, err := n.str(); err == nil && s != "" {
				seen[s] = true
			}
		}
	}
	var out []string
	for l := range seen {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// TestAccessibleFastPathMatchesEngine renders every corpus case with the
// AccessibleFormRenderer through its fast path (the writers generated
// from templates/accessible) and through pongo2 alone (NoFastPath), and
// wants the same bytes (or the same error): every case in its own
// language, and in every language of the corpus (the "language" of its
// cases): with FORMWORK_SWEEP=full every case in each (some 125,000
// renderings, ten minutes on two cores), else each language over a
// sixteenth of the cases, a different sixteenth for each language (so
// that the race detector's run stays well inside CI's time), and with
// -short none.
//
// It also wants the fast runs in the cases' own languages, of the cases
// that bring no templates of their own, to hand pongo2 no template that
// has a generated writer (renderers.Generated), and logs what pongo2
// still renders (internal/noengine wants nothing, with no engine linked).
func TestAccessibleFastPathMatchesEngine(t *testing.T) {
	cases := corpusCases(t)
	langs := corpusLanguages(cases)
	full := os.Getenv("FORMWORK_SWEEP") == "full"
	if testing.Short() {
		langs = nil
	}
	var mu sync.Mutex
	compared, differ := 0, 0
	check := func(c *Case, lang string) {
		run := func(r renderers.Renderer) (*Result, error) {
			if lang == "" {
				return c.RunWith(r)
			}
			return c.RunWithLanguage(r, lang)
		}
		fr, ferr := run(renderers.NewAccessible())
		er, eerr := run(&renderers.Accessible{NoFastPath: true})
		label := lang
		if label == "" {
			label = "its own language"
		}
		var fj, ej []byte
		var err1, err2 error
		if ferr == nil && eerr == nil {
			fj, err1 = fr.JSON()
			ej, err2 = er.JSON()
		}
		mu.Lock()
		defer mu.Unlock()
		switch {
		case (ferr == nil) != (eerr == nil) || (ferr != nil && ferr.Error() != eerr.Error()):
			t.Errorf("%s (%s): fast path error %v, engine error %v", c.Name, label, ferr, eerr)
		case ferr != nil:
		case err1 != nil || err2 != nil:
			t.Errorf("%s (%s): %v %v", c.Name, label, err1, err2)
		default:
			compared++
			if !bytes.Equal(fj, ej) {
				differ++
				if differ <= 20 {
					t.Errorf("%s (%s): the fast path and the engine differ\nfast:   %s\nengine: %s", c.Name, label, fj, ej)
				}
			}
		}
	}
	// The fast runs in the cases' own languages, alone, counting
	// pongo2's renders.
	et := &engineTally{byName: map[string]int{}}
	restore := enginecount.Set(func(name string) {
		et.mu.Lock()
		et.n++
		et.byName[name]++
		et.mu.Unlock()
	})
	for _, c := range cases {
		if c.OwnTemplates() {
			continue // an overlay's templates may need the engine
		}
		_, _ = c.RunWith(renderers.NewAccessible())
	}
	restore()
	for _, name := range renderers.Generated() {
		if n := et.byName[name]; n > 0 {
			t.Errorf("%s has a generated writer, but pongo2 rendered it %d times", name, n)
		}
	}
	work := make(chan [2]any)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range work {
				check(job[0].(*Case), job[1].(string))
			}
		}()
	}
	for i, c := range cases {
		work <- [2]any{c, ""}
		for j, lang := range langs {
			if full || (i+j)%16 == 0 {
				work <- [2]any{c, lang}
			}
		}
	}
	close(work)
	wg.Wait()
	if compared == 0 {
		t.Fatal("nothing compared")
	}
	t.Logf("%d renderings of %d cases, in their own languages and %d others (full: %v), compared, %d differ", compared, len(cases), len(langs), full, differ)
	t.Logf("the fast runs in the cases' own languages: %s", et)
}
