// Command formwork renders form-spec cases (see the formspec package) with
// formwork and prints or writes their results, so that they can be
// compared with the reference Django's.
//
// Usage:
//
//	formwork render [--out DIR] CASE.json...
//	formwork serve [--addr 127.0.0.1:8080] [--templates DIR] [--theme NAME] [--allow-host NAME] [CASE.json...]
//	formwork bench [--benchtime D] [--golden DIR] CASE.json...
//
// Without --out every result is printed to standard output; with it each
// is written to DIR under its case's file name. A case that cannot be read
// or rendered is reported on standard error naming the key at fault, the
// other cases are still rendered, and the exit status is 1.
//
// bench times each case in-process (declaration and renderer built once,
// then bind, validate and render of its outputs per operation), after
// checking its outputs once against the expected result beside it
// (../golden/NAME.json) or in --golden DIR, and prints one line per case:
// NAME  N ns/op  N B/op  N allocs/op.
//
// serve is a preview server for theme authors: a gallery of the cases
// (by default examples/cases/*.json), each case rendered by every
// renderer side by side, and a live form that posts back and shows its
// errors. With --templates the theme's templates are searched first and
// re-read on every request; a template error is shown in the page with
// its file and line (read only from inside DIR). serve answers only
// requests whose Host names loopback, the --addr host or an --allow-host
// name, refuses cross-site POSTs, and times out slow clients.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/formwork/formwork/internal/formspec"

	// The Django template engine, for themes and --no-fast-path renders.
	_ "github.com/formwork/formwork/renderers/djangoengine"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: formwork render [--out DIR] CASE.json...
       formwork serve [--addr 127.0.0.1:8080] [--templates DIR] [--theme NAME] [--allow-host NAME] [CASE.json...]
       formwork bench [--benchtime D] [--golden DIR] CASE.json...`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "serve" {
		return runServe(args[1:], stderr)
	}
	if len(args) > 0 && args[0] == "bench" {
		return runBench(args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "render" {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	fl := flag.NewFlagSet("render", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("out", "", "write each result to `DIR`/<case file name>")
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintf(stderr, "formwork: %v\n", err)
			return 1
		}
	}
	status := 0
	for _, path := range fl.Args() {
		if err := renderOne(path, *out, stdout); err != nil {
			fmt.Fprintf(stderr, "formwork: %s: %v\n", path, err)
			status = 1
		}
	}
	return status
}

func renderOne(path, outDir string, stdout io.Writer) (err error) {
	defer func() {
		// A case must never take the others down with it.
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	c, err := formspec.Load(path)
	if err != nil {
		var se *formspec.SpecError
		if errors.As(err, &se) {
			return se
		}
		return err
	}
	res, err := c.Run()
	if err != nil {
		return err
	}
	b, err := res.JSON()
	if err != nil {
		return err
	}
	if outDir == "" {
		_, err = stdout.Write(b)
		return err
	}
	return os.WriteFile(filepath.Join(outDir, filepath.Base(path)), b, 0o644)
}
