package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/internal/htmlcmp"
)

// formwork bench [--benchtime D] [--golden DIR] CASE.json...
//
// Times each case in this process, as an application serves a form: the
// declaration and the renderer are built once, then every operation
// binds, validates and renders the case's outputs. Before timing, the
// outputs are checked once against the case's expected result when there
// is one: DIR/NAME.json with --golden, else ../golden/NAME.json beside the
// case's directory (the corpus layout). Prints one line per case:
//
//	NAME  N ns/op  N B/op  N allocs/op
func runBench(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	benchtime := fl.Duration("benchtime", time.Second, "time each case for about `D`")
	golden := fl.String("golden", "", "check each case against `DIR`/<case file name>")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	if *benchtime <= 0 {
		fmt.Fprintln(stderr, "formwork bench: --benchtime must be positive")
		return 2
	}
	testing.Init()
	if err := flag.CommandLine.Set("test.benchtime", benchtime.String()); err != nil {
		fmt.Fprintf(stderr, "formwork bench: %v\n", err)
		return 2
	}
	status := 0
	width := 0
	for _, p := range fl.Args() {
		width = max(width, len(caseName(p)))
	}
	for _, path := range fl.Args() {
		line, err := benchOne(path, *golden)
		if err != nil {
			fmt.Fprintf(stderr, "formwork: %s: %v\n", path, err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%-*s  %s\n", width, caseName(path), line)
	}
	return status
}

func caseName(path string) string { return strings.TrimSuffix(filepath.Base(path), ".json") }

func benchOne(path, goldenDir string) (line string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	c, err := formspec.Load(path)
	if err != nil {
		return "", err
	}
	p, err := c.Prepare()
	if err != nil {
		return "", err
	}
	got, err := p.RenderOutputs()
	if err != nil {
		return "", err
	}
	if err := checkAgainstGolden(path, goldenDir, got); err != nil {
		return "", err
	}
	var runErr error
	r := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.RenderOutputs(); err != nil {
				runErr = err
				b.FailNow()
			}
		}
	})
	if runErr != nil {
		return "", runErr
	}
	if r.N == 0 {
		return "", errors.New("the benchmark did not run")
	}
	return fmt.Sprintf("%d ns/op  %d B/op  %d allocs/op", r.NsPerOp(), r.AllocedBytesPerOp(), r.AllocsPerOp()), nil
}

// checkAgainstGolden compares the outputs with the case's expected result,
// when one is found: HTML as the conformance tests compare it, anything
// else as JSON.
func checkAgainstGolden(path, goldenDir string, got map[string]any) error {
	gp := filepath.Join(filepath.Dir(path), "..", "golden", filepath.Base(path))
	if goldenDir != "" {
		gp = filepath.Join(goldenDir, filepath.Base(path))
	}
	src, err := os.ReadFile(gp)
	if errors.Is(err, os.ErrNotExist) && goldenDir == "" {
		return nil // no expected result beside the case: time it unchecked
	}
	if err != nil {
		return fmt.Errorf("golden: %w", err)
	}
	var want struct {
		Outputs map[string]any `json:"outputs"`
	}
	if err := json.Unmarshal(src, &want); err != nil {
		return fmt.Errorf("golden %s: %w", gp, err)
	}
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, ok := want.Outputs[n]
		if !ok {
			return fmt.Errorf("golden %s has no output %q", gp, n)
		}
		if ws, ok := w.(string); ok {
			gs, _ := got[n].(string)
			if !htmlcmp.Equal(gs, ws, htmlcmp.Options{DropLegendFor: true}) {
				return fmt.Errorf("output %s differs from %s\n got: %.300q\nwant: %.300q", n, gp, gs, ws)
			}
			continue
		}
		gj, err1 := json.Marshal(got[n])
		var gv any
		err2 := json.Unmarshal(gj, &gv)
		wj, err3 := json.Marshal(w)
		gj, err4 := json.Marshal(gv)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return fmt.Errorf("output %s: %w", n, err)
		}
		if string(gj) != string(wj) {
			return fmt.Errorf("output %s differs from %s\n got: %.300s\nwant: %.300s", n, gp, gj, wj)
		}
	}
	return nil
}
