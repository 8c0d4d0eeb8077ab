package a11y

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The tests in this file need no external tool.

func TestFullPage(t *testing.T) {
	tests := []struct {
		title, lang, body string
		want              []string
	}{
		{"Sign up", "", `<input name="a">`, []string{
			"<!DOCTYPE html>\n<html lang=\"en\">",
			"<title>Sign up</title>",
			"<main>\n<h1>Sign up</h1>\n<form method=\"post\" action=\"#\">\n<input name=\"a\">\n<button type=\"submit\">Submit</button>\n</form>\n</main>",
		}},
		{`A <b> & "c"`, `fr" onload="x`, "<p>x</p>\n", []string{
			`<html lang="fr&#34; onload=&#34;x">`,
			"<title>A &lt;b&gt; &amp; &#34;c&#34;</title>",
			"<p>x</p>\n<button",
		}},
	}
	for _, tt := range tests {
		got := FullPage(tt.title, tt.lang, tt.body)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("FullPage(%q, %q, %q) lacks %q:\n%s", tt.title, tt.lang, tt.body, w, got)
			}
		}
	}
}

func TestValidatePages(t *testing.T) {
	tests := []struct {
		pages []Page
		want  string // error substring; "" for none
	}{
		{[]Page{{"a", "<p>"}, {"b", "<p>"}}, ""},
		{[]Page{{"a", "<p>"}, {"", "<p>"}}, "page 1 has no name"},
		{[]Page{{"a", "<p>"}, {"b", "<p>"}, {"a", "<p>"}}, `pages 0 and 2 are both named "a"`},
		{[]Page{{"a", " \n"}}, `page "a" has no HTML`},
	}
	for _, tt := range tests {
		err := validatePages(tt.pages)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("validatePages(%v) = %v, want %q", tt.pages, err, tt.want)
		}
	}
	// The checkers reject such batches before starting anything.
	bad := []Page{{"a", "<p>"}, {"a", "<p>"}}
	for _, c := range []Checker{Axe{}, VNU{}} {
		if _, err := c.Check(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "both named") {
			t.Errorf("%T.Check(duplicate names) = %v", c, err)
		}
	}
}

func TestDescribePages(t *testing.T) {
	pages := func(n int) []Page {
		var ps []Page
		for i := range n {
			ps = append(ps, Page{Name: fmt.Sprint("p", i)})
		}
		return ps
	}
	tests := []struct {
		n    int
		want string
	}{
		{1, `page "p0"`},
		{2, `2 pages ("p0", "p1")`},
		{5, `5 pages ("p0", "p1", "p2", "p3", "p4")`},
		{7, `7 pages ("p0", "p1", "p2", "p3", "p4", and 2 more)`},
	}
	for _, tt := range tests {
		if got := describePages(pages(tt.n)); got != tt.want {
			t.Errorf("describePages(%d pages) = %s, want %s", tt.n, got, tt.want)
		}
	}
}

func TestSortViolations(t *testing.T) {
	pages := []Page{{Name: "z"}, {Name: "a"}}
	vs := []Violation{
		{Page: "unknown", Checker: "axe", Rule: "r"},
		{Page: "a", Checker: "vnu", Rule: "r"},
		{Page: "a", Checker: "axe", Rule: "s", Target: "2"},
		{Page: "a", Checker: "axe", Rule: "s", Target: "1"},
		{Page: "z", Checker: "vnu", Rule: "b"},
		{Page: "z", Checker: "vnu", Rule: "a"},
	}
	SortViolations(vs, pages)
	var got []string
	for _, v := range vs {
		got = append(got, v.Page+" "+v.Checker+" "+v.Rule+" "+v.Target)
	}
	want := []string{"z vnu a ", "z vnu b ", "a axe s 1", "a axe s 2", "a vnu r ", "unknown axe r "}
	if !slices.Equal(got, want) {
		t.Errorf("SortViolations:\n got %q\nwant %q", got, want)
	}
}

func TestVNURule(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"Duplicate ID “id_a”.", "Duplicate ID “…”."},
		{"The first occurrence of ID “id_a” was here.", "The first occurrence of ID “…” was here."},
		{"Bad value “yes” for attribute “aria-invalid” on element “input”.", "Bad value “…” for attribute “aria-invalid” on element “input”."},
		{"Bad value “a b” for attribute “id” on element “input”: An ID must not contain whitespace.", "Bad value “…” for attribute “id” on element “input”."},
		{"Attribute “for” not allowed on element “legend” at this point.", "Attribute “for” not allowed on element “legend” at this point."},
		{"Bad value “", "Bad value “"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := vnuRule(tt.msg); got != tt.want {
			t.Errorf("vnuRule(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

func TestVNUViolations(t *testing.T) {
	pages := []Page{{Name: "first"}, {Name: "second"}}
	byFile := map[string]int{pageFileName(0): 0, pageFileName(1): 1}
	out := vnuOutput{Messages: []vnuMessage{
		{Type: "error", URL: "file:/tmp/x/p0001.html", Message: "Duplicate ID “a”.", LastLine: 3, FirstColumn: 4, LastColumn: 9},
		{Type: "info", SubType: "warning", URL: "file:/tmp/x/p0000.html", Message: "Consider adding a “lang” attribute.", FirstLine: 1, LastLine: 2, LastColumn: 5},
		{Type: "info", URL: "file:/tmp/x/p0000.html", Message: "Trailing slash on void elements has no effect."},
		{Type: "error", URL: "file:/tmp/x/p0000.html", Message: "Stray end tag “div”.", LastLine: 7, LastColumn: 2},
		{Type: "non-document-error", URL: "file:/tmp/x/p0001.html", Message: "IO error"},
	}}
	tests := []struct {
		vnu     VNU
		want    []string
		wantErr string
	}{
		{VNU{}, []string{
			"first: vnu Stray end tag “div”. [error] 7:2: Stray end tag “div”.",
			"second: vnu Duplicate ID “…”. [error] 3:4: Duplicate ID “a”.",
		}, `page "second" not checked: IO error`},
		{VNU{Warnings: true, Ignore: []*regexp.Regexp{regexp.MustCompile("^Stray")}}, []string{
			"first: vnu Consider adding a “lang” attribute. [warning] 1:5: Consider adding a “lang” attribute.",
			"second: vnu Duplicate ID “…”. [error] 3:4: Duplicate ID “a”.",
		}, `page "second" not checked: IO error`},
	}
	for _, tt := range tests {
		vs, err := tt.vnu.violations(out, pages, byFile)
		var got []string
		for _, v := range vs {
			got = append(got, v.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v: violations\n got %q\nwant %q", tt.vnu, got, tt.want)
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%+v: error %v, want %q", tt.vnu, err, tt.wantErr)
		}
	}
}

func TestAxeViolations(t *testing.T) {
	res := axeResult{
		Violations: []axeRule{{ID: "label", Impact: "critical", Help: "Form elements must have labels", Nodes: []axeNode{
			{Target: "#id_q", Summary: "Fix any of the following:\n  Element does not have an explicit <label>\n"},
			{Target: "#id_r", Impact: "serious"},
		}}},
		Incomplete: []axeRule{{ID: "duplicate-id-aria", Impact: "critical", Help: "IDs must be unique", Nodes: []axeNode{{Target: "#a", Impact: "critical"}}}},
	}
	var got []string
	for _, v := range axeViolations(res, "p") {
		got = append(got, v.String())
	}
	want := []string{
		"p: axe label [critical] #id_q: Form elements must have labels: Fix any of the following: Element does not have an explicit <label>",
		"p: axe label [serious] #id_r: Form elements must have labels",
		"p: axe duplicate-id-aria [needs-review] #a: IDs must be unique",
	}
	if !slices.Equal(got, want) {
		t.Errorf("axeViolations:\n got %q\nwant %q", got, want)
	}
}

func TestAxeRunOptions(t *testing.T) {
	tests := []struct {
		axe  Axe
		want string
	}{
		{Axe{}, `{"resultTypes":["violations"]}`},
		{Axe{NeedsReview: true, Tags: []string{"wcag2a"}, DisableRules: []string{"region"}},
			`{"resultTypes":["violations","incomplete"],"rules":{"region":{"enabled":false}},"runOnly":{"type":"tag","values":["wcag2a"]}}`},
	}
	for _, tt := range tests {
		got, err := tt.axe.options()
		if err != nil || got != tt.want {
			t.Errorf("%+v.options() = %s, %v; want %s", tt.axe, got, err, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	vs := []Violation{
		{Checker: "axe", Rule: "label", Page: "a"},
		{Checker: "axe", Rule: "label", Page: "b"},
		{Checker: "axe", Rule: "label", Page: "b"},
		{Checker: "vnu", Rule: "Duplicate ID “…”.", Page: "b"},
	}
	s := Summarize(vs)
	s.Pages = 3
	if s.Total != 4 || s.ByChecker["axe"] != 3 || s.ByChecker["vnu"] != 1 ||
		s.ByRule["axe/label"] != 3 || s.ByPage["b"] != 3 || s.ByPageRule["b"]["axe/label"] != 2 {
		t.Errorf("Summarize = %+v", s)
	}
	if got := s.FailedPages(); !slices.Equal(got, []string{"b", "a"}) {
		t.Errorf("FailedPages = %q", got)
	}
	want := `3 pages checked, 2 with violations; 4 violations of 2 rules; axe 3; vnu 1

COUNT  PAGES  RULE
    3      2  axe/label
    1      1  vnu/Duplicate ID “…”.

COUNT  PAGE  RULES
    3  b     axe/label ×2; vnu/Duplicate ID “…”. ×1
    1  a     axe/label ×1
`
	if got := s.String(); got != want {
		t.Errorf("String:\n%s\nwant:\n%s", got, want)
	}
	for _, tt := range []struct {
		s    Summary
		want string
	}{
		{Summary{}, "no violations\n"},
		{Summarize(nil), "no violations\n"},
		{Summary{Pages: 2}, "2 pages checked, 0 with violations; no violations\n"},
	} {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// fakeTB records how RequireTools stops a test.
type fakeTB struct {
	testing.TB
	fatal, skip string
}

func (f *fakeTB) Helper()                           {}
func (f *fakeTB) Fatalf(format string, args ...any) { f.fatal = fmt.Sprintf(format, args...) }
func (f *fakeTB) Skipf(format string, args ...any)  { f.skip = fmt.Sprintf(format, args...) }

func TestRequireToolsMissing(t *testing.T) {
	t.Setenv("FORMWORK_A11Y_DIR", t.TempDir()) // no node_modules there
	tests := []struct {
		ci        string
		wantFatal bool
	}{
		{"true", true},
		{"1", true},
		{"", false},
		{"false", false},
	}
	for _, tt := range tests {
		t.Setenv("CI", tt.ci)
		var f fakeTB
		RequireTools(&f)
		stopped := f.skip
		if tt.wantFatal {
			stopped = f.fatal
		}
		if stopped == "" || (f.fatal != "") != tt.wantFatal || (f.skip != "") == tt.wantFatal {
			t.Errorf("CI=%q: fatal %q, skip %q; want fatal: %v", tt.ci, f.fatal, f.skip, tt.wantFatal)
		}
		if !strings.Contains(stopped, InstallScript) || !strings.Contains(stopped, "axe-core") {
			t.Errorf("CI=%q: message %q should name %s and the missing tool", tt.ci, stopped, InstallScript)
		}
	}
}

type checkerFunc func(ctx context.Context, pages []Page) ([]Violation, error)

func (f checkerFunc) Check(ctx context.Context, pages []Page) ([]Violation, error) {
	return f(ctx, pages)
}

func TestAll(t *testing.T) {
	errA := errors.New("checker a failed")
	a := checkerFunc(func(_ context.Context, pages []Page) ([]Violation, error) {
		return []Violation{{Checker: "a", Rule: "r", Page: pages[1].Name}}, errA
	})
	b := checkerFunc(func(_ context.Context, pages []Page) ([]Violation, error) {
		return []Violation{{Checker: "b", Rule: "r", Page: pages[1].Name}, {Checker: "b", Rule: "r", Page: pages[0].Name}}, nil
	})
	pages := []Page{{Name: "one"}, {Name: "two"}}
	vs, err := All(a, b).Check(context.Background(), pages)
	var got []string
	for _, v := range vs {
		got = append(got, v.Page+"/"+v.Checker)
	}
	if want := []string{"one/b", "two/a", "two/b"}; !slices.Equal(got, want) {
		t.Errorf("All: violations %q, want %q", got, want)
	}
	if !errors.Is(err, errA) {
		t.Errorf("All: error %v, want %v", err, errA)
	}
	if _, err := All(b, nil).Check(context.Background(), pages); err == nil || !strings.Contains(err.Error(), "checker 1 of All is nil") {
		t.Errorf("All(b, nil): error %v, want one naming the nil checker", err)
	}
	if vs, err := All().Check(context.Background(), pages); vs != nil || err != nil {
		t.Errorf("All() = %v, %v; want nothing", vs, err)
	}
}

func TestMissingToolsError(t *testing.T) {
	err := error(&MissingToolsError{Missing: []string{"java not found in PATH"}})
	if !errors.Is(fmt.Errorf("wrapped: %w", err), ErrToolsMissing) {
		t.Error("a wrapped MissingToolsError does not match ErrToolsMissing")
	}
	if msg := err.Error(); !strings.Contains(msg, "java not found in PATH") || !strings.Contains(msg, InstallScript) {
		t.Errorf("message %q should name the tool and %s", msg, InstallScript)
	}
}
