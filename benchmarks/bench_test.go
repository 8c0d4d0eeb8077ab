package benchmarks

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/internal/htmlcmp"
)

// benchCase is one workload of testdata/cases with its golden output.
type benchCase struct {
	name   string
	path   string
	output string // the first output's name
	golden string // the reference's first output
	data   url.Values
}

func loadCases(tb testing.TB) []benchCase {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "cases", "*.json"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no cases in testdata/cases (%v)", err)
	}
	sort.Strings(paths)
	var out []benchCase
	for _, p := range paths {
		bc := benchCase{name: strings.TrimSuffix(filepath.Base(p), ".json"), path: p}
		var spec struct {
			Outputs []string `json:"outputs"`
			Bind    *struct {
				Data map[string]any `json:"data"`
			} `json:"bind"`
		}
		readJSON(tb, p, &spec)
		bc.output = "as_div"
		if len(spec.Outputs) > 0 {
			bc.output = spec.Outputs[0]
		}
		if spec.Bind != nil {
			bc.data = url.Values{}
			for k, v := range spec.Bind.Data {
				switch x := v.(type) {
				case string:
					bc.data[k] = []string{x}
				case []any:
					for _, e := range x {
						bc.data[k] = append(bc.data[k], fmt.Sprint(e))
					}
				default:
					tb.Fatalf("%s: data %s: want a string or a list", p, k)
				}
			}
		}
		var golden struct {
			Outputs map[string]any `json:"outputs"`
		}
		readJSON(tb, filepath.Join("testdata", "golden", filepath.Base(p)), &golden)
		g, ok := golden.Outputs[bc.output].(string)
		if !ok {
			tb.Fatalf("%s: golden has no HTML output %q", p, bc.output)
		}
		bc.golden = g
		out = append(out, bc)
	}
	return out
}

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

// prepare builds the case once, as an application declares its form;
// a case of a kind formwork cannot render yet is skipped, naming why.
func prepare(tb testing.TB, bc benchCase) *formspec.Prepared {
	tb.Helper()
	c, err := formspec.Load(bc.path)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := c.Prepare()
	if errors.Is(err, formspec.ErrUnsupported) {
		tb.Skipf("%s: %v", bc.name, err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

var cmpOpts = htmlcmp.Options{DropLegendFor: true}

// checkGolden fails unless got is the reference's output.
func checkGolden(tb testing.TB, bc benchCase, got string) {
	tb.Helper()
	if !htmlcmp.Equal(got, bc.golden, cmpOpts) {
		tb.Fatalf("%s: output differs from the golden\n got: %.400q\nwant: %.400q", bc.name, got, bc.golden)
	}
}

func BenchmarkRender(b *testing.B) {
	for _, bc := range loadCases(b) {
		b.Run(bc.name, func(b *testing.B) {
			p := prepare(b, bc)
			got, err := p.RenderFirst()
			if err != nil {
				b.Fatal(err)
			}
			checkGolden(b, bc, got)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := p.RenderFirst(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFloor(b *testing.B) {
	for _, bc := range loadCases(b) {
		b.Run(bc.name, func(b *testing.B) {
			floor, ok := floors[bc.name]
			if !ok {
				b.Skipf("%s: no hand-written floor (a kind formwork cannot render yet)", bc.name)
			}
			checkGolden(b, bc, floor(bc.data))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = floor(bc.data)
			}
		})
	}
}

// BenchmarkRenderParallel renders one case from every goroutine with a
// single declaration and renderer, as a server does.
func BenchmarkRenderParallel(b *testing.B) {
	for _, bc := range loadCases(b) {
		if bc.name != "contact_invalid_div" {
			continue
		}
		p := prepare(b, bc)
		got, err := p.RenderFirst()
		if err != nil {
			b.Fatal(err)
		}
		checkGolden(b, bc, got)
		b.ReportAllocs()
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := p.RenderFirst(); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
}

// TestFloorsMatchGolden checks that every floor writes the reference's
// bytes exactly.
func TestFloorsMatchGolden(t *testing.T) {
	for _, bc := range loadCases(t) {
		t.Run(bc.name, func(t *testing.T) {
			floor, ok := floors[bc.name]
			if !ok {
				if _, err := formspec.Load(bc.path); err != nil {
					t.Fatal(err)
				}
				t.Skipf("%s: no floor for a kind formwork cannot render yet", bc.name)
			}
			if got := floor(bc.data); got != bc.golden {
				t.Fatalf("floor differs from the golden\n got: %q\nwant: %q", got, bc.golden)
			}
		})
	}
}

// TestRenderMatchesGolden checks each workload once, as the benchmarks do
// before timing.
func TestRenderMatchesGolden(t *testing.T) {
	for _, bc := range loadCases(t) {
		t.Run(bc.name, func(t *testing.T) {
			p := prepare(t, bc)
			got, err := p.RenderFirst()
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, bc, got)
		})
	}
}

// TestConcurrentRender renders every case from several goroutines sharing
// one declaration and renderer per case; run with -race it checks that
// rendering keeps no shared mutable state.
func TestConcurrentRender(t *testing.T) {
	var prepared []*formspec.Prepared
	var cases []benchCase
	for _, bc := range loadCases(t) {
		c, err := formspec.Load(bc.path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := c.Prepare()
		if errors.Is(err, formspec.ErrUnsupported) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		prepared = append(prepared, p)
		cases = append(cases, bc)
	}
	if len(prepared) == 0 {
		t.Fatal("no case to render")
	}
	const goroutines, rounds = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*rounds*len(prepared))
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for i := range prepared {
					k := (i + g) % len(prepared)
					got, err := prepared[k].RenderFirst()
					if err != nil {
						errs <- fmt.Errorf("%s: %w", cases[k].name, err)
						continue
					}
					if !htmlcmp.Equal(got, cases[k].golden, cmpOpts) {
						errs <- fmt.Errorf("%s: output differs from the golden", cases[k].name)
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
