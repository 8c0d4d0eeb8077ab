package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBench times a corpus case, checked against the golden beside it,
// and wants one line in the documented format.
func TestBench(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"bench", "--benchtime", "20ms", "../../benchmarks/testdata/cases/contact_unbound_table.json"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	line := regexp.MustCompile(`^contact_unbound_table  \d+ ns/op  \d+ B/op  \d+ allocs/op\n$`)
	if !line.MatchString(out.String()) {
		t.Fatalf("output %q, want NAME  N ns/op  N B/op  N allocs/op", out.String())
	}
}

// TestBenchChecksGolden fails a case whose output is not the golden's.
func TestBenchChecksGolden(t *testing.T) {
	dir := t.TempDir()
	golden := `{"outputs": {"str": "<tr><td>not this</td></tr>"}}`
	if err := os.WriteFile(filepath.Join(dir, "contact_unbound_table.json"), []byte(golden), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run([]string{"bench", "--benchtime", "10ms", "--golden", dir, "../../benchmarks/testdata/cases/contact_unbound_table.json"}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "differs from") {
		t.Fatalf("exit %d, stderr %q: want a difference reported", code, errb.String())
	}
	if out.Len() != 0 {
		t.Fatalf("timed a case that does not match: %q", out.String())
	}
}
