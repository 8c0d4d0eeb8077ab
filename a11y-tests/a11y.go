package a11y

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// InstallScript is the repository-relative path of the script that installs
// the checker tools.
const InstallScript = ".ci/a11y-install.sh"

// Page is one complete HTML document to check.
type Page struct {
	Name string // used in Violation.Page and in reports
	HTML string // a complete document; see FullPage
}

// Violation is one problem reported by a checker.
type Violation struct {
	Checker string // "axe" or "vnu"
	// Rule is axe-core's rule id ("label", "duplicate-id-aria", ...) or, for
	// vnu, the message with its quoted specifics replaced by "…" so that
	// equal problems group together ("Duplicate ID “…”.").
	Rule string
	// Impact is axe-core's impact ("minor", "moderate", "serious",
	// "critical"; "needs-review" for results axe could not decide, reported
	// only with Axe.NeedsReview) or, for vnu, "error" or "warning".
	Impact  string
	Message string
	// Target is the CSS selector of the offending element (axe) or
	// "line:column" in the page's HTML (vnu).
	Target string
	Page   string
}

func (v Violation) String() string {
	return fmt.Sprintf("%s: %s %s [%s] %s: %s", v.Page, v.Checker, v.Rule, v.Impact, v.Target, v.Message)
}

// Checker checks a batch of pages.  Implementations check all pages even when
// some of them fail; the error then reports the failures.
type Checker interface {
	Check(ctx context.Context, pages []Page) ([]Violation, error)
}

// All returns a Checker that runs the given checkers concurrently on the
// same pages and returns their combined violations, ordered by page, then
// checker, rule and target, and their errors joined.
func All(checkers ...Checker) Checker { return multiChecker(checkers) }

type multiChecker []Checker

func (m multiChecker) Check(ctx context.Context, pages []Page) ([]Violation, error) {
	type res struct {
		vs  []Violation
		err error
	}
	out := make([]res, len(m))
	done := make(chan struct{}, len(m))
	for i, c := range m {
		if c == nil {
			out[i].err = fmt.Errorf("a11y: checker %d of All is nil", i)
			done <- struct{}{}
			continue
		}
		go func() {
			defer func() { done <- struct{}{} }()
			vs, err := c.Check(ctx, pages)
			out[i] = res{vs, err}
		}()
	}
	for range m {
		<-done
	}
	var all []Violation
	var errs []error
	for _, r := range out {
		all = append(all, r.vs...)
		if r.err != nil {
			errs = append(errs, r.err)
		}
	}
	SortViolations(all, pages)
	return all, errors.Join(errs...)
}

// SortViolations orders violations by the position of their page in pages
// (pages not found go last, by name), then by checker, rule and target.
func SortViolations(vs []Violation, pages []Page) {
	pos := make(map[string]int, len(pages))
	for i, p := range pages {
		if _, ok := pos[p.Name]; !ok {
			pos[p.Name] = i
		}
	}
	idx := func(name string) int {
		if i, ok := pos[name]; ok {
			return i
		}
		return len(pages)
	}
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if pa, pb := idx(a.Page), idx(b.Page); pa != pb {
			return pa < pb
		}
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		if a.Checker != b.Checker {
			return a.Checker < b.Checker
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Target < b.Target
	})
}

// FullPage wraps a form's HTML in a complete, valid HTML5 document: doctype,
// <html lang>, a <head> with charset, viewport and <title>, and a <main>
// holding an <h1> with the title and a <form method="post" action="#">
// containing body followed by a submit button.  Page-level rules (document
// title, language, landmarks) then pass, so only the form is judged.
// An empty lang means "en".
func FullPage(title, lang, body string) string {
	if lang == "" {
		lang = "en"
	}
	t := html.EscapeString(title)
	var b strings.Builder
	b.Grow(len(body) + 400)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	b.WriteString(html.EscapeString(lang))
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>")
	b.WriteString(t)
	b.WriteString("</title>\n</head>\n<body>\n<main>\n<h1>")
	b.WriteString(t)
	b.WriteString("</h1>\n<form method=\"post\" action=\"#\">\n")
	b.WriteString(body)
	if !strings.HasSuffix(body, "\n") {
		b.WriteByte('\n')
	}
	b.WriteString("<button type=\"submit\">Submit</button>\n</form>\n</main>\n</body>\n</html>\n")
	return b.String()
}

// ErrToolsMissing is matched (errors.Is) by the error returned when
// Chromium, Java or the npm packages are not installed.
var ErrToolsMissing = errors.New("a11y: checker tools not installed")

// MissingToolsError lists the tools that could not be found.
type MissingToolsError struct {
	Missing []string // human-readable descriptions
}

func (e *MissingToolsError) Error() string {
	return fmt.Sprintf("a11y: accessibility checker tools not installed: %s; run `bash %s` in the formwork repository, or set FORMWORK_A11Y_DIR to a directory with node_modules/axe-core and node_modules/vnu-jar",
		strings.Join(e.Missing, "; "), InstallScript)
}

// Is reports whether target is ErrToolsMissing.
func (e *MissingToolsError) Is(target error) bool { return target == ErrToolsMissing }

// Dir returns the directory whose node_modules holds axe-core and vnu-jar:
// $FORMWORK_A11Y_DIR if set, otherwise the directory of this package's
// source.
func Dir() string {
	if d := os.Getenv("FORMWORK_A11Y_DIR"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(file)
}

// Tools holds the resolved locations of the external tools.
type Tools struct {
	Dir      string // directory with node_modules
	Chromium string // Chromium executable
	Java     string // java executable
	AxeJS    string // node_modules/axe-core/axe.min.js
	VNUJar   string // node_modules/vnu-jar/build/dist/vnu.jar
}

// FindTools locates every tool.  It returns the tools it found and, when
// any is missing, a *MissingToolsError (matching ErrToolsMissing).
func FindTools() (Tools, error) {
	var t Tools
	var missing []string
	t.Dir = Dir()
	var err error
	if t.Chromium, err = findChromium(); err != nil {
		missing = append(missing, err.Error())
	}
	if t.Java, err = findJava(); err != nil {
		missing = append(missing, err.Error())
	}
	if t.AxeJS, err = findAxeJS(t.Dir); err != nil {
		missing = append(missing, err.Error())
	}
	if t.VNUJar, err = findVNUJar(t.Dir); err != nil {
		missing = append(missing, err.Error())
	}
	if len(missing) > 0 {
		return t, &MissingToolsError{Missing: missing}
	}
	return t, nil
}

// Available reports whether all checker tools are installed; the error, if
// any, matches ErrToolsMissing and says how to install them.
func Available() error {
	_, err := FindTools()
	return err
}

// RequireTools stops a test when the checker tools are missing: with
// CI=true (or CI=1) in the environment the test fails (a CI machine must have run the
// install script), otherwise it is skipped.  Both messages name the install
// script. With -short a test whose tools are there is skipped too: each
// starts Chromium or Java, seconds at least; .ci/run runs them in full.
func RequireTools(tb testing.TB) {
	tb.Helper()
	err := Available()
	if err == nil {
		if testing.Short() {
			tb.Skipf("-short: the accessibility checkers start Chromium and Java; run without -short")
		}
		return
	}
	if ci := os.Getenv("CI"); strings.EqualFold(ci, "true") || ci == "1" {
		tb.Fatalf("%v (CI=%s, so this is a failure, not a skip)", err, ci)
		return // Fatalf does not return in a real test
	}
	tb.Skipf("skipping: %v", err)
}

func findChromium() (string, error) {
	if p := os.Getenv("FORMWORK_CHROMIUM"); p != "" {
		if isExecutable(p) {
			return p, nil
		}
		return "", fmt.Errorf("FORMWORK_CHROMIUM=%s is not an executable", p)
	}
	// Debian's /usr/bin/chromium is a shell wrapper; the binary beside its
	// libraries starts faster and prints nothing extra.
	for _, p := range []string{"/usr/lib/chromium/chromium", "/usr/bin/chromium"} {
		if isExecutable(p) {
			return p, nil
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found (/usr/bin/chromium; set FORMWORK_CHROMIUM to use another)")
}

func findJava() (string, error) {
	if p := os.Getenv("FORMWORK_JAVA"); p != "" {
		if isExecutable(p) {
			return p, nil
		}
		return "", fmt.Errorf("FORMWORK_JAVA=%s is not an executable", p)
	}
	if h := os.Getenv("JAVA_HOME"); h != "" {
		if p := filepath.Join(h, "bin", "java"); isExecutable(p) {
			return p, nil
		}
	}
	if p, err := exec.LookPath("java"); err == nil {
		return p, nil
	}
	return "", errors.New("java not found in PATH")
}

func findAxeJS(dir string) (string, error) {
	p := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	if isFile(p) {
		return p, nil
	}
	return "", fmt.Errorf("axe-core not found (%s)", p)
}

func findVNUJar(dir string) (string, error) {
	p := filepath.Join(dir, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if isFile(p) {
		return p, nil
	}
	return "", fmt.Errorf("vnu-jar not found (%s)", p)
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o111 != 0
}

// validatePages rejects batches the checkers could not report on
// unambiguously: violations are matched to pages by name.
func validatePages(pages []Page) error {
	seen := make(map[string]int, len(pages))
	for i, p := range pages {
		if p.Name == "" {
			return fmt.Errorf("page %d has no name", i)
		}
		if j, ok := seen[p.Name]; ok {
			return fmt.Errorf("pages %d and %d are both named %q", j, i, p.Name)
		}
		seen[p.Name] = i
		if strings.TrimSpace(p.HTML) == "" {
			return fmt.Errorf("page %q has no HTML", p.Name)
		}
	}
	return nil
}

// describePages names a batch in error messages: `page "a"`, or
// `3 pages ("a", "b", "c")`, listing at most five names.
func describePages(pages []Page) string {
	if len(pages) == 1 {
		return fmt.Sprintf("page %q", pages[0].Name)
	}
	const most = 5
	names := make([]string, 0, most+1)
	for i, p := range pages {
		if i == most {
			names = append(names, fmt.Sprintf("and %d more", len(pages)-most))
			break
		}
		names = append(names, strconv.Quote(p.Name))
	}
	return fmt.Sprintf("%d pages (%s)", len(pages), strings.Join(names, ", "))
}

// writePages writes each page to dir as p0000.html, p0001.html, ... and
// returns the file paths, index-aligned with pages.
func writePages(dir string, pages []Page) ([]string, error) {
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = filepath.Join(dir, pageFileName(i))
		if err := os.WriteFile(paths[i], []byte(p.HTML), 0o644); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

func pageFileName(i int) string { return fmt.Sprintf("p%04d.html", i) }
