package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// goodCase is a corpus case; its golden holds Django's result.
const goodCase = "media_absolute_and_static.json"

// writeCases fills a temporary directory with a good case (copied from the
// corpus), a file that is not JSON and a case with a key of the wrong type.
func writeCases(t *testing.T) (dir, good, malformed, badKey string) {
	t.Helper()
	dir = t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cases", goodCase))
	if err != nil {
		t.Fatal(err)
	}
	good = filepath.Join(dir, goodCase)
	malformed = filepath.Join(dir, "malformed.json")
	badKey = filepath.Join(dir, "bad_key.json")
	files := map[string]string{
		good:      string(src),
		malformed: `{"form": {"fields": [`,
		badKey:    `{"form": {"fields": [{"name": "a", "type": "CharField", "max_length": "x"}]}, "outputs": ["as_div"]}`,
	}
	for name, body := range files {
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, good, malformed, badKey
}

// outputs returns the "outputs" object of a result or golden file.
func outputs(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var v struct {
		Outputs map[string]any `json:"outputs"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("result is not JSON: %v\n%s", err, b)
	}
	if v.Outputs == nil {
		t.Fatalf("result has no outputs:\n%s", b)
	}
	return v.Outputs
}

func golden(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", goodCase))
	if err != nil {
		t.Fatal(err)
	}
	return outputs(t, b)
}

func TestRunReportsBadCasesAndRendersGoodOnes(t *testing.T) {
	dir, good, malformed, badKey := writeCases(t)
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	status := run([]string{"render", "--out", out, malformed, good, badKey}, &stdout, &stderr)
	if status != 1 {
		t.Errorf("status = %d, want 1; stderr:\n%s", status, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout with --out = %q, want nothing", stdout.String())
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("stderr has %d lines, want one per bad case:\n%s", len(lines), stderr.String())
	}
	if !strings.Contains(lines[0], malformed) {
		t.Errorf("first error does not name %s: %q", malformed, lines[0])
	}
	if !strings.Contains(lines[1], badKey) || !strings.Contains(lines[1], "form.fields[0].max_length") {
		t.Errorf("second error does not name %s and form.fields[0].max_length: %q", badKey, lines[1])
	}
	b, err := os.ReadFile(filepath.Join(out, goodCase))
	if err != nil {
		t.Fatalf("good case's result not written: %v", err)
	}
	if got, want := outputs(t, b), golden(t); !reflect.DeepEqual(got, want) {
		t.Errorf("outputs = %v\nwant golden %v", got, want)
	}
	for _, name := range []string{"malformed.json", "bad_key.json"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s written to --out although it failed", name)
		}
	}
}

func TestRunToStdout(t *testing.T) {
	_, good, _, _ := writeCases(t)
	var stdout, stderr bytes.Buffer
	if status := run([]string{"render", good}, &stdout, &stderr); status != 0 {
		t.Fatalf("status = %d, want 0; stderr:\n%s", status, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr = %q, want nothing", stderr.String())
	}
	if got, want := outputs(t, stdout.Bytes()), golden(t); !reflect.DeepEqual(got, want) {
		t.Errorf("outputs = %v\nwant golden %v", got, want)
	}
}

func TestRunMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.json")
	var stdout, stderr bytes.Buffer
	if status := run([]string{"render", missing}, &stdout, &stderr); status != 1 {
		t.Errorf("status = %d, want 1", status)
	}
	if !strings.Contains(stderr.String(), missing) {
		t.Errorf("stderr does not name %s: %q", missing, stderr.String())
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"draw", "x.json"},
		{"render"},
		{"render", "--out"},
		{"render", "--nope", "x.json"},
	} {
		var stdout, stderr bytes.Buffer
		if status := run(args, &stdout, &stderr); status != 2 {
			t.Errorf("run(%q) = %d, want 2", args, status)
		}
		if !strings.Contains(strings.ToLower(stderr.String()), "usage") {
			t.Errorf("run(%q) stderr has no usage: %q", args, stderr.String())
		}
		if stdout.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", args, stdout.String())
		}
	}
}
