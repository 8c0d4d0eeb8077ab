package formspec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/internal/htmlcmp"
)

// htmlKeys are the outputs compared as HTML; the rest compare as JSON.
var htmlKeys = map[string]bool{
	"as_div": true, "as_p": true, "as_table": true, "as_ul": true, "str": true,
	"management_form": true, "empty_form": true, "non_form_errors_html": true,
	"errors_as_ul": true, "non_field_errors": true, "media": true, "html": true,
	"label_tag": true, "legend_tag": true,
}

// exactKeys are dictionaries compared whole, as JSON.
var exactKeys = map[string]bool{"errors": true, "cleaned_data": true, "non_form_errors": true}

// diff returns the paths at which actual differs from golden, with the
// semantics of the reference's compare.py: HTML outputs as
// assertHTMLEqual compares them, a bound field's css_classes as a set of
// class names (the reference builds it from a Python set, whose order
// changes from run to run), everything else as Python's == compares the
// decoded JSON.
func diff(golden, actual any, path string) []string {
	key := path[strings.LastIndexByte(path, '/')+1:]
	if g, ok := golden.(map[string]any); ok && !exactKeys[key] {
		a, ok := actual.(map[string]any)
		if !ok {
			return []string{path}
		}
		var out []string
		keys := make([]string, 0, len(g))
		for k := range g {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			av, ok := a[k]
			if !ok {
				out = append(out, path+"/"+k+" (missing)")
				continue
			}
			out = append(out, diff(g[k], av, path+"/"+k)...)
		}
		return out
	}
	if gs, ok := golden.(string); ok && htmlKeys[key] {
		as, ok := actual.(string)
		if !ok || !htmlcmp.Equal(gs, as, htmlcmp.Options{DropLegendFor: true}) {
			return []string{path}
		}
		return nil
	}
	if gs, ok := golden.(string); ok && key == "css_classes" {
		as, ok := actual.(string)
		if !ok || classSet(gs) != classSet(as) {
			return []string{path}
		}
		return nil
	}
	if !jsonEqual(golden, actual) {
		return []string{path}
	}
	return nil
}

func classSet(s string) string {
	f := strings.Fields(s)
	sort.Strings(f)
	return strings.Join(f, " ")
}

// jsonEqual is Python's == over decoded JSON: numbers by value, and a
// boolean equal to the number 1 or 0 (True == 1 in Python).
func jsonEqual(a, b any) bool {
	if x, ok := pyNumber(a); ok {
		y, ok := pyNumber(b)
		return ok && x == y
	}
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	}
	return a == b
}

func pyNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func loadGolden(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Outputs map[string]any `json:"outputs"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc.Outputs
}

// knownDifferences lists the cases where formwork deliberately or
// unavoidably differs from the reference, with the reason; such a case is
// reported, not failed, and fails once it stops differing so that the
// list stays true.
func knownDifferences(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/known-differences.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("known-differences.json: %v", err)
	}
	return m
}

// runCorpus renders every case of dir and compares it with goldenDir.
func runCorpus(t *testing.T, dir, goldenDir string) {
	known := knownDifferences(t)
	cases, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("no cases in %s", dir)
	}
	passed, unsupported, knownCount := 0, 0, 0
	for _, path := range cases {
		name := filepath.Base(path)
		ok := t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			golden := loadGolden(t, filepath.Join(goldenDir, name))
			reason, isKnown := known[strings.TrimSuffix(name, ".json")]
			c, err := formspec.Load(path)
			if err != nil && isKnown {
				knownCount++
				t.Logf("known difference (does not load: %v): %s", err, reason)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.Run()
			if errors.Is(err, formspec.ErrUnsupported) {
				unsupported++
				t.Skipf("%v", err)
			}
			if err != nil && isKnown {
				knownCount++
				t.Logf("known difference (no result: %v): %s", err, reason)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// Compare what the command line would write.
			b, err := res.JSON()
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Outputs map[string]any `json:"outputs"`
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			diffs := diff(golden, doc.Outputs, "")
			switch {
			case isKnown && len(diffs) == 0:
				t.Errorf("listed in known-differences.json but matches the reference now: remove it")
			case isKnown:
				knownCount++
				t.Logf("known difference (%d outputs): %s", len(diffs), reason)
				return
			}
			for _, p := range diffs {
				t.Errorf("%s differs\n want: %s\n  got: %s", p, show(golden, p), show(doc.Outputs, p))
			}
		})
		if ok {
			passed++
		}
	}
	t.Logf("%s: %d of %d cases match the reference (%d known differences, %d not supported yet)", dir, passed-unsupported-knownCount, len(cases), knownCount, unsupported)
}

func show(doc map[string]any, path string) string {
	var v any = doc
	for _, part := range strings.Split(strings.Fields(strings.TrimPrefix(path, "/"))[0], "/") {
		if m, ok := v.(map[string]any); ok {
			v = m[part]
		}
	}
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 600 {
		s = s[:600] + "…"
	}
	return fmt.Sprint(s)
}

// TestConformance runs the shared corpus, copied into testdata, and
// compares every output with the reference Django's.
func TestConformance(t *testing.T) {
	runCorpus(t, "../../testdata/cases", "../../testdata/golden")
}

// TestConformanceExtra runs formwork's own cases, whose golden results
// the reference rendered too (see testdata/README.md).
func TestConformanceExtra(t *testing.T) {
	if _, err := os.Stat("../../testdata/cases-extra"); err != nil {
		t.Fatalf("missing testdata/cases-extra: %v", err)
	}
	runCorpus(t, "../../testdata/cases-extra", "../../testdata/golden-extra")
}
