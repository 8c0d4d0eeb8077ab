package a11y_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	a11y "github.com/formwork/formwork/a11y-tests"
	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
)

// fieldWant is what a screen reader should announce for the controls of
// one visible field: its label, and each of its errors.
type fieldWant struct {
	htmlName, label string
	errors          []string
}

// pageWant is what a page should announce, read from the form or formset
// it was rendered from (never from its markup): the visible fields, and
// every error the page shows (of fields, hidden fields included, of the
// form and of the formset).
type pageWant struct {
	fields    []fieldWant
	allErrors []string
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func (w *pageWant) addForm(f *forms.Form) {
	for _, m := range f.NonFieldErrors().Messages() {
		w.allErrors = append(w.allErrors, collapse(m))
	}
	for _, bf := range f.Fields() {
		var errs []string
		for _, m := range bf.Errors().Messages() {
			errs = append(errs, collapse(m))
		}
		w.allErrors = append(w.allErrors, errs...)
		if bf.IsHidden() {
			continue
		}
		w.fields = append(w.fields, fieldWant{bf.HTMLName(), collapse(bf.Label()), errs})
	}
}

func wantOf(res *formspec.Result) pageWant {
	var w pageWant
	if res.Form != nil {
		w.addForm(res.Form)
	}
	if fs := res.Formset; fs != nil {
		for _, m := range fs.NonFormErrors().Messages() {
			w.allErrors = append(w.allErrors, collapse(m))
		}
		for _, f := range fs.Forms() {
			w.addForm(f)
		}
	}
	return w
}

// field returns the field whose controls include one named name: the
// field's own name, or a part of a multi-widget (name_0, name_1, ...).
func (w pageWant) field(name string) (fieldWant, bool) {
	for _, f := range w.fields {
		if name == f.htmlName {
			return f, true
		}
		if rest, ok := strings.CutPrefix(name, f.htmlName+"_"); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			return f, true
		}
	}
	return fieldWant{}, false
}

// announceCounts are the counts of one renderer.
type announceCounts struct {
	pages, controls, named, errors, announced, invalid, summaries int
	misses                                                        []string
}

func (c *announceCounts) miss(format string, args ...any) {
	c.misses = append(c.misses, fmt.Sprintf(format, args...))
}

// judge compares what a page announced with what its form says.
func (c *announceCounts) judge(page string, w pageWant, a a11y.Announcement) {
	c.pages++
	for _, ctl := range a.Controls {
		f, ok := w.field(ctl.Name)
		c.controls++
		name := strings.TrimSpace(ctl.GroupName + " " + ctl.AccName)
		desc := strings.TrimSpace(ctl.GroupDescription + " " + ctl.AccDescription)
		switch {
		case name == "":
			c.miss("%s: %s %q has no accessible name (label %q)", page, ctl.Tag, ctl.Name, f.label)
		case ok && f.label != "" && !strings.Contains(name, f.label):
			c.miss("%s: %s %q is announced as %q, without its label %q", page, ctl.Tag, ctl.Name, name, f.label)
		default:
			c.named++
		}
		if !ok {
			continue
		}
		for _, e := range f.errors {
			c.errors++
			if strings.Contains(desc, e) {
				c.announced++
			} else {
				c.miss("%s: %s %q: error %q not in its description %q", page, ctl.Tag, ctl.Name, e, desc)
			}
		}
	}
	if len(w.allErrors) == 0 {
		if len(a.Alerts) > 0 {
			c.miss("%s: a page without errors has %d alert(s): %q", page, len(a.Alerts), a.Alerts)
		}
		return
	}
	c.invalid++
	if len(a.Alerts) != 1 {
		c.miss("%s: %d error summaries (role=alert), want 1", page, len(a.Alerts))
		return
	}
	for _, e := range w.allErrors {
		if !strings.Contains(a.Alerts[0], e) {
			c.miss("%s: the error summary does not list %q", page, e)
			return
		}
	}
	c.summaries++
}

// announcePage is one page of the screen-reader check.
type announcePage struct {
	renderer, caseName string
	want               pageWant
	page               int // index into the distinct pages
}

// announceRenderers are the renderers of the screen-reader check: the
// suite's, and the themes (the Django-syntax set; the jet set differs
// only in white space). target marks those that must announce
// everything.
var announceRenderers = func() []struct {
	name   string
	target bool
	make   func() renderers.Renderer
} {
	var out []struct {
		name   string
		target bool
		make   func() renderers.Renderer
	}
	for _, sr := range suiteRenderers {
		out = append(out, struct {
			name   string
			target bool
			make   func() renderers.Renderer
		}{sr.name, !sr.parity, sr.make})
	}
	for _, th := range []string{"govuk", "bootstrap5"} {
		th := th
		out = append(out, struct {
			name   string
			target bool
			make   func() renderers.Renderer
		}{th, th == "govuk", func() renderers.Renderer {
			return &renderers.DjangoTemplates{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Theme: th}
		}})
	}
	return out
}()

// whyMisses says why a renderer held to no target misses what it does.
func whyMisses(renderer string) string {
	if renderer == "bootstrap5" {
		return "Bootstrap 5's form markup, as its documentation lays it out: each field's invalid-feedback is linked by aria-describedby, " +
			"but there is no error summary, only an alert (role=\"alert\") for form and formset errors, which lists no field error"
	}
	return "the reference's markup: Django 4.x links no error or help text to its control (no aria-describedby), has no error summary, " +
		"and, without ids or with an empty label, leaves controls unnamed"
}

// allCaseFiles returns the corpus cases and the project's own.
func allCaseFiles(t *testing.T) []string {
	t.Helper()
	casesDir, _ := corpusDir(t)
	var files []string
	for _, d := range []string{casesDir, filepath.Join("..", "testdata", "cases-extra")} {
		fs, err := filepath.Glob(filepath.Join(d, "*.json"))
		if err != nil || len(fs) == 0 {
			t.Fatalf("no cases in %s (%v)", d, err)
		}
		files = append(files, fs...)
	}
	return files
}

// TestScreenReaderAnnouncements renders every case of the corpus and of
// testdata/cases-extra with each renderer and theme, loads each page in
// Chromium, and reads from its accessibility tree what a screen reader
// announces: every control's accessible name must contain its field's
// label (any name at all when the label is empty), every control of a
// field with errors must have each error in its accessible description,
// and a page with errors must have exactly one error summary
// (role="alert") listing every error of the page. What a field's label
// and errors are comes from the form or formset the page was rendered
// from, not from the page. A control in a <fieldset> is announced with
// the group: its legend's name and the group's description count as its
// own, as screen readers read them on entering the group.
//
// The AccessibleFormRenderer and govuk must announce everything; the
// reference's renderers and bootstrap5 are measured and reported.
// FORMWORK_A11Y_CASES (a regexp over case names) checks a subset.
func TestScreenReaderAnnouncements(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: every case through Chromium's accessibility tree takes minutes; go test without -short (as .ci/run does) runs it")
	}
	a11y.RequireTools(t)
	var only *regexp.Regexp
	if s := os.Getenv("FORMWORK_A11Y_CASES"); s != "" {
		var err error
		if only, err = regexp.Compile(s); err != nil {
			t.Fatalf("FORMWORK_A11Y_CASES: %v", err)
		}
	}
	pending := pendingCases(t)
	var pages []a11y.Page
	var shown []announcePage
	distinct := map[string]int{} // case + normalized page -> index
	cases := 0
	for _, file := range allCaseFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		if only != nil && !only.MatchString(name) {
			continue
		}
		c, err := formspec.Load(file)
		if err != nil {
			if pending[name] == "" {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		var ci caseInfo
		if cb, err := os.ReadFile(file); err != nil || json.Unmarshal(cb, &ci) != nil {
			t.Errorf("%s: cannot read the case document: %v", name, err)
			continue
		}
		rendered := false
		for _, ar := range announceRenderers {
			if ar.target && len(ci.Templates) > 0 {
				continue // the case's own templates (a theme) decide its markup
			}
			res, err := c.RunWith(ar.make())
			if err != nil {
				continue // not renderable without its own templates, or not supported: the other suites say so
			}
			h, ok := res.Outputs["as_div"].(string)
			if !ok {
				h, ok = res.Outputs["str"].(string)
			}
			if !ok || (res.Form == nil && res.Formset == nil) {
				continue
			}
			rendered = true
			page := a11y.FullPage(name, "en", h)
			key := name + "\x00" + normalizeSpace(page)
			i, ok := distinct[key]
			if !ok {
				i = len(pages)
				distinct[key] = i
				pages = append(pages, a11y.Page{Name: fmt.Sprintf("s%05d %s %s", i, ar.name, name), HTML: page})
			}
			shown = append(shown, announcePage{ar.name, name, wantOf(res), i})
		}
		if rendered {
			cases++
		}
	}
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	deadline := a11y.Deadline(len(pages))
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	start := time.Now()
	got, err := a11y.Announce(ctx, pages)
	t.Logf("%d cases, %d pages, %d distinct read in %v (deadline %v)", cases, len(shown), len(pages), time.Since(start).Round(time.Second), deadline)
	if err != nil {
		t.Fatalf("reading %d pages: %v", len(pages), err)
	}

	counts := map[string]*announceCounts{}
	for _, ar := range announceRenderers {
		counts[ar.name] = &announceCounts{}
	}
	for _, sp := range shown {
		counts[sp.renderer].judge(sp.caseName, sp.want, got[sp.page])
	}
	table := fmt.Sprintf("%-24s %6s %16s %16s %16s\n", "RENDERER", "PAGES", "NAMED/CONTROLS", "ANNOUNCED/ERRORS", "SUMMARY/INVALID")
	for _, ar := range announceRenderers {
		c := counts[ar.name]
		table += fmt.Sprintf("%-24s %6d %16s %16s %16s\n", ar.name, c.pages,
			fmt.Sprintf("%d/%d", c.named, c.controls), fmt.Sprintf("%d/%d", c.announced, c.errors), fmt.Sprintf("%d/%d", c.summaries, c.invalid))
		sort.Strings(c.misses)
		if ar.target {
			for _, m := range c.misses {
				t.Errorf("%s: %s", ar.name, m)
			}
			continue
		}
		if len(c.misses) > 0 {
			n := min(len(c.misses), 10)
			t.Logf("%s: %d misses (%s; %d shown):\n  %s",
				ar.name, len(c.misses), whyMisses(ar.name), n, strings.Join(c.misses[:n], "\n  "))
		}
	}
	t.Logf("what a screen reader announces, per renderer:\n%s", table)
	for _, ar := range announceRenderers {
		if c := counts[ar.name]; ar.target && c.controls == 0 {
			t.Errorf("%s: no control checked", ar.name)
		}
	}
}
