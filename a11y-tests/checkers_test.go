package a11y

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// Rule names as the pinned checker versions report them.
const (
	vnuDuplicateID   = "Duplicate ID “…”."
	vnuLabelFor      = "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control."
	vnuLegendFor     = "Attribute “for” not allowed on element “legend” at this point."
	vnuAriaInvalid   = "Bad value “…” for attribute “aria-invalid” on element “input”."
	vnuHiddenAria    = "An “input” element with a “type” attribute whose value is “hidden” must not have any “aria-*” attributes."
	vnuFirstOccurred = "The first occurrence of ID “…” was here."
)

// goodForm is an accessible form in the GOV.UK manner: every control
// labelled, hint and error linked with aria-describedby, the radio group
// in a fieldset with a legend, required stated in the label text.
const goodForm = `<div>
<label for="id_email">Email address (required)</label>
<div class="helptext" id="id_email_helptext">We only use it to reply.</div>
<input type="email" name="email" id="id_email" autocomplete="email" required aria-describedby="id_email_helptext">
</div>
<fieldset aria-describedby="id_colour_error">
<legend>Favourite colour</legend>
<p class="error" id="id_colour_error"><span class="visually-hidden">Error:</span> Choose a colour.</p>
<div><input type="radio" name="colour" id="id_colour_0" value="r" aria-invalid="true"><label for="id_colour_0">Red</label></div>
<div><input type="radio" name="colour" id="id_colour_1" value="g" aria-invalid="true"><label for="id_colour_1">Green</label></div>
</fieldset>
<div><label for="id_bio">Biography</label><textarea name="bio" id="id_bio" rows="3" cols="40"></textarea></div>
<div><label for="id_size">Size</label><select name="size" id="id_size"><option value="">---------</option><option value="s">Small</option></select></div>
<div><input type="checkbox" name="agree" id="id_agree" required><label for="id_agree">I agree to the terms (required)</label></div>
<input type="hidden" name="token" value="abc">`

// checkerCases are pages with one known problem each and the rules each
// checker reports for it.  axe lists definite violations, axeReview the
// results axe reports as needs-review, vnu the Nu checker's errors.
var checkerCases = []struct {
	name      string
	body      string
	axe       []string
	axeReview []string
	vnu       []string
}{
	{
		name: "good",
		body: goodForm,
	},
	{
		name: "input-without-label",
		body: `<div><input type="text" name="q" id="id_q"></div>`,
		axe:  []string{"label"},
	},
	{
		name: "select-without-label",
		body: `<div><select name="s" id="id_s"><option value="1">One</option></select></div>`,
		axe:  []string{"select-name"},
	},
	{
		name: "duplicate-ids",
		body: `<div><label for="id_a">First</label><input type="text" name="a" id="id_a"></div>
<div><label for="id_a">Second</label><input type="text" name="b" id="id_a"></div>`,
		axeReview: []string{"duplicate-id-aria", "form-field-multiple-labels"},
		vnu:       []string{vnuDuplicateID},
	},
	{
		name: "label-for-missing-id",
		body: `<div><label for="id_nowhere">Name</label><input type="text" name="name" id="id_name"></div>`,
		axe:  []string{"label"},
		vnu:  []string{vnuLabelFor},
	},
	{
		// vnu does not check aria-describedby targets; axe only asks for
		// a review.
		name:      "describedby-missing-id",
		body:      `<div><label for="id_n">Name</label><input type="text" name="n" id="id_n" aria-describedby="id_n_helptext"></div>`,
		axeReview: []string{"aria-valid-attr-value"},
	},
	{
		// What Django 4.x renders for a radio group.
		name: "legend-with-for",
		body: `<fieldset><legend for="id_c_0">Colour</legend>
<div><label for="id_c_0"><input type="radio" name="c" id="id_c_0" value="r">Red</label></div>
<div><label for="id_c_1"><input type="radio" name="c" id="id_c_1" value="g">Green</label></div>
</fieldset>`,
		vnu: []string{vnuLegendFor},
	},
	{
		// Neither checker notices a group without a legend; this case
		// pins that gap (see the package comment).
		name: "fieldset-without-legend",
		body: `<fieldset>
<div><label for="id_c_0"><input type="radio" name="c" id="id_c_0" value="r">Red</label></div>
<div><label for="id_c_1"><input type="radio" name="c" id="id_c_1" value="g">Green</label></div>
</fieldset>`,
	},
	{
		name: "aria-invalid-not-true",
		body: `<div><label for="id_n">Name</label><input type="text" name="n" id="id_n" aria-invalid="yes"></div>`,
		axe:  []string{"aria-valid-attr-value"},
		vnu:  []string{vnuAriaInvalid},
	},
	{
		name: "aria-on-hidden-input",
		body: `<input type="hidden" name="h" aria-describedby="id_note"><p id="id_note">Note</p>`,
		vnu:  []string{vnuHiddenAria},
	},
	{
		name: "button-without-name",
		body: `<div><button type="button"></button></div>`,
		axe:  []string{"button-name"},
	},
}

func checkerPages() []Page {
	pages := make([]Page, len(checkerCases))
	for i, c := range checkerCases {
		pages[i] = Page{Name: c.name, HTML: FullPage(c.name, "en", c.body)}
	}
	return pages
}

// rulesOf returns the sorted, distinct rules of checker's violations on
// page, split into definite ones and needs-review ones.
func rulesOf(vs []Violation, checker, page string) (definite, review []string) {
	for _, v := range vs {
		if v.Checker != checker || v.Page != page {
			continue
		}
		if v.Impact == "needs-review" {
			review = append(review, v.Rule)
		} else {
			definite = append(definite, v.Rule)
		}
	}
	slices.Sort(definite)
	slices.Sort(review)
	return slices.Compact(definite), slices.Compact(review)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

var vnuTarget = regexp.MustCompile(`^[0-9]+:[0-9]+$`)

func TestCheckKnownPages(t *testing.T) {
	RequireTools(t)
	pages := checkerPages()
	ctx, cancel := context.WithTimeout(context.Background(), Deadline(len(pages)))
	defer cancel()
	sum, vs, err := Check(ctx, pages)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	for _, c := range checkerCases {
		axe, axeReview := rulesOf(vs, "axe", c.name)
		if !slices.Equal(axe, sorted(c.axe)) {
			t.Errorf("%s: axe violations %q, want %q", c.name, axe, sorted(c.axe))
		}
		if !slices.Equal(axeReview, sorted(c.axeReview)) {
			t.Errorf("%s: axe needs-review %q, want %q", c.name, axeReview, sorted(c.axeReview))
		}
		vnu, vnuWarn := rulesOf(vs, "vnu", c.name)
		if !slices.Equal(vnu, sorted(c.vnu)) {
			t.Errorf("%s: vnu errors %q, want %q", c.name, vnu, sorted(c.vnu))
		}
		if len(vnuWarn) > 0 {
			t.Errorf("%s: vnu reported needs-review results %q", c.name, vnuWarn)
		}
	}
	known := map[string]bool{}
	for _, p := range pages {
		known[p.Name] = true
	}
	for _, v := range vs {
		switch {
		case !known[v.Page]:
			t.Errorf("violation on unknown page: %v", v)
		case v.Message == "" || v.Target == "" || v.Impact == "":
			t.Errorf("violation with empty fields: %#v", v)
		case v.Checker == "vnu" && !vnuTarget.MatchString(v.Target):
			t.Errorf("vnu target %q is not line:column: %v", v.Target, v)
		case v.Checker == "vnu" && v.Impact != "error":
			t.Errorf("vnu impact %q, want error: %v", v.Impact, v)
		}
	}
	if sum.Pages != len(pages) || sum.Total != len(vs) {
		t.Errorf("summary counts %d pages, %d violations; want %d, %d", sum.Pages, sum.Total, len(pages), len(vs))
	}
	if sum.ByPage["good"] != 0 {
		t.Errorf("summary counts %d violations on the good page", sum.ByPage["good"])
	}
	if sum.ByChecker["axe"] == 0 || sum.ByChecker["vnu"] == 0 {
		t.Errorf("summary per checker %v, want both checkers", sum.ByChecker)
	}
	if !slices.IsSortedFunc(vs, func(a, b Violation) int {
		return slices.IndexFunc(pages, func(p Page) bool { return p.Name == a.Page }) -
			slices.IndexFunc(pages, func(p Page) bool { return p.Name == b.Page })
	}) {
		t.Errorf("violations not in page order")
	}
	t.Logf("\n%s", sum)
}

func TestVNUWarnings(t *testing.T) {
	RequireTools(t)
	pages := []Page{{Name: "dup", HTML: FullPage("dup", "en", `<p id="x">a</p><p id="x">b</p>`)}}
	vs, err := VNU{Warnings: true}.Check(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, v := range vs {
		got[v.Rule] = v.Impact
	}
	want := map[string]string{vnuDuplicateID: "error", vnuFirstOccurred: "warning"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("VNU{Warnings: true} rules %v, want %v", got, want)
	}
	// Ignore drops the duplicate-id error.
	vs, err = VNU{Ignore: []*regexp.Regexp{regexp.MustCompile(`^Duplicate ID`)}}.Check(context.Background(), pages)
	if err != nil || len(vs) != 0 {
		t.Errorf("VNU{Ignore} = %v, %v; want no violations", vs, err)
	}
}

func TestAxeOptions(t *testing.T) {
	RequireTools(t)
	pages := []Page{{Name: "nolabel", HTML: FullPage("nolabel", "en", `<div><input type="text" name="q" id="id_q"></div>`)}}
	tests := []struct {
		name string
		axe  Axe
		want []string
	}{
		{"default", Axe{}, []string{"label"}},
		{"disabled", Axe{DisableRules: []string{"label"}}, nil},
		{"tag without label rule", Axe{Tags: []string{"wcag21aa"}}, nil},
		{"wcag2a tag", Axe{Tags: []string{"wcag2a"}, Parallel: 1}, []string{"label"}},
	}
	for _, tt := range tests {
		vs, err := tt.axe.Check(context.Background(), pages)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got, _ := rulesOf(vs, "axe", "nolabel")
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: rules %q, want %q", tt.name, got, tt.want)
		}
	}
}

// chromiumProcesses lists the running processes whose command line
// mentions dir.
func chromiumProcesses(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skipf("cannot list processes: %v", err)
	}
	var found []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !strings.Contains(string(b), dir) {
			continue
		}
		found = append(found, e.Name()+": "+strings.ReplaceAll(string(b), "\x00", " "))
	}
	return found
}

// TestAxeFailures checks that a page that never loads, a cancelled
// context and a browser that cannot start give errors naming the checker
// and the page, that the other pages are still checked, and that no
// Chromium process survives.
func TestAxeFailures(t *testing.T) {
	RequireTools(t)
	if _, err := os.Stat("/proc/self/cmdline"); err != nil {
		t.Skip("no /proc: cannot look for leftover processes")
	}
	// Each browser's profile lives under TMPDIR: a private one lets the
	// test find this test's browsers among all processes.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)

	hang := Page{Name: "hangs", HTML: FullPage("hangs", "en", `<script>for (;;) {}</script>`)}
	good := Page{Name: "good", HTML: FullPage("good", "en", goodForm)}
	bad := Page{Name: "bad", HTML: FullPage("bad", "en", `<div><input type="text" name="q"></div>`)}

	t.Run("page timeout", func(t *testing.T) {
		// One tab: the pages after the stuck one must get a fresh tab.
		// The good pages have a retry each (the default) should a busy
		// machine make one miss the timeout; the stuck one fails both
		// tries. The timeout is far above what a page takes on a loaded
		// 2-CPU machine (about a second), so that only the stuck page
		// misses it.
		vs, err := Axe{PageTimeout: busyPageTimeout, Parallel: 1}.Check(context.Background(), []Page{good, hang, bad})
		if err == nil || !strings.Contains(err.Error(), `axe: page "hangs"`) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want a deadline error naming axe and page \"hangs\"", err)
		}
		if got, _ := rulesOf(vs, "axe", "bad"); !slices.Equal(got, []string{"label"}) {
			t.Errorf("page after the stuck one: rules %q, want [label]", got)
		}
	})
	t.Run("context deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_, err := Axe{Parallel: 1}.Check(ctx, []Page{hang, good})
		if err == nil || !strings.Contains(err.Error(), `"hangs"`) || !strings.Contains(err.Error(), `"good"`) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want a deadline error naming both pages", err)
		}
	})
	t.Run("cancelled before start", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, _, err := Check(ctx, []Page{good})
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "axe") || !strings.Contains(err.Error(), "vnu") {
			t.Errorf("error %v, want context.Canceled from axe and vnu", err)
		}
	})
	t.Run("browser does not start", func(t *testing.T) {
		_, err := Axe{Chromium: "/bin/false"}.Check(context.Background(), []Page{good})
		if err == nil || !strings.Contains(err.Error(), `axe: page "good" not checked`) {
			t.Errorf("error %v, want one naming axe and the page", err)
		}
	})

	// Browsers are closed before Check returns; allow the kernel a moment
	// to reap helper processes.
	var left []string
	for range 50 {
		if left = chromiumProcesses(t, tmp); len(left) == 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(left) > 0 {
		t.Errorf("%d processes left running:\n%s", len(left), strings.Join(left, "\n"))
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("temporary files left in TMPDIR: %q", names)
	}
}

func TestVNUFailures(t *testing.T) {
	RequireTools(t)
	good := Page{Name: "good", HTML: FullPage("good", "en", goodForm)}
	_, err := VNU{Java: "/bin/false"}.Check(context.Background(), []Page{good})
	if err == nil || !strings.Contains(err.Error(), `vnu: page "good" not checked`) {
		t.Errorf("error %v, want one naming vnu and the page", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	<-ctx.Done()
	_, err = VNU{}.Check(ctx, []Page{good})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), `vnu: page "good"`) {
		t.Errorf("error %v, want a deadline error naming vnu and the page", err)
	}
}

func TestMissingTools(t *testing.T) {
	empty := t.TempDir()
	pages := []Page{{Name: "p", HTML: FullPage("p", "en", goodForm)}}
	for _, c := range []Checker{Axe{Dir: empty}, VNU{Dir: empty}, All(Axe{Dir: empty}, VNU{Dir: empty})} {
		_, err := c.Check(context.Background(), pages)
		if !errors.Is(err, ErrToolsMissing) || !strings.Contains(err.Error(), InstallScript) {
			t.Errorf("%T: error %v, want ErrToolsMissing naming %s", c, err, InstallScript)
		}
	}
	t.Setenv("FORMWORK_A11Y_DIR", empty)
	if _, err := FindTools(); !errors.Is(err, ErrToolsMissing) {
		t.Errorf("FindTools with empty FORMWORK_A11Y_DIR: %v, want ErrToolsMissing", err)
	}
	var mt *MissingToolsError
	if err := Available(); !errors.As(err, &mt) || !slices.ContainsFunc(mt.Missing, func(s string) bool { return strings.Contains(s, "axe-core") }) {
		t.Errorf("Available: %v, want a MissingToolsError listing axe-core", err)
	}
}

// TestBatchOf20 checks a batch the size of a renderer test, 20 pages, half
// of them with a missing label, with each checker, and logs how long each
// took.  It asserts the results, never the durations.
func TestBatchOf20(t *testing.T) {
	RequireTools(t)
	var pages []Page
	for i := range 20 {
		body := goodForm
		if i%2 == 1 {
			body += "\n<div><input type=\"text\" name=\"extra\" id=\"id_extra\"></div>"
		}
		name := fmt.Sprintf("form-%02d", i)
		pages = append(pages, Page{Name: name, HTML: FullPage(name, "en", body)})
	}
	for _, c := range []struct {
		name    string
		checker Checker
		want    []string // rules on odd pages
	}{
		{"axe", Axe{NeedsReview: true}, []string{"label"}},
		{"vnu", VNU{}, nil},
	} {
		start := time.Now()
		vs, err := c.checker.Check(context.Background(), pages)
		elapsed := time.Since(start)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		for i, p := range pages {
			got, review := rulesOf(vs, c.name, p.Name)
			got = append(got, review...)
			var want []string
			if i%2 == 1 {
				want = c.want
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s: rules %q, want %q", c.name, p.Name, got, want)
			}
		}
		t.Logf("%s: %d pages in %v", c.name, len(pages), elapsed.Round(time.Millisecond))
	}
}

// busyPageTimeout is the page timeout of the tests that make a page hang:
// short enough to keep them quick, long enough that a page that does not
// hang is checked in time on a loaded 2-CPU machine (a page takes about a
// second there, tens of milliseconds on an idle one).
const busyPageTimeout = 10 * time.Second

// TestAxeRetry: a page that misses its timeout once (here: it hangs the
// first time it is loaded, as a page can on a busy machine) is tried
// again in a fresh tab and checked; without retries it fails.
func TestAxeRetry(t *testing.T) {
	RequireTools(t)
	// localStorage is shared by the browser's tabs for file:// pages:
	// the first load marks it and hangs, the next one goes through.
	flaky := func(key string) Page {
		return Page{Name: "flaky", HTML: FullPage("flaky", "en",
			`<script>if (!localStorage.getItem("`+key+`")) { localStorage.setItem("`+key+`", "1"); for (;;) {} }</script>`+
				`<div><input type="text" name="q"></div>`)}
	}
	vs, err := Axe{PageTimeout: busyPageTimeout, Parallel: 1}.Check(context.Background(), []Page{flaky("retry-default")})
	if err != nil {
		t.Fatalf("with the default retry: %v", err)
	}
	if got, _ := rulesOf(vs, "axe", "flaky"); !slices.Equal(got, []string{"label"}) {
		t.Errorf("rules %q, want [label]", got)
	}
	if _, err := (Axe{PageTimeout: busyPageTimeout, Parallel: 1, Retries: -1}).Check(context.Background(), []Page{flaky("retry-none")}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("without retries: %v, want a deadline error", err)
	}
}

// TestScriptDialogs: a page whose scripts open an alert, a confirm or a
// prompt while it loads (a case's help text may hold such a script, and
// the built-in templates print help text as it is) is still read; the
// open dialog would otherwise stop its load event until the page timed
// out, on every try.
func TestScriptDialogs(t *testing.T) {
	RequireTools(t)
	var pages []Page
	for _, call := range []string{`alert(1)`, `confirm("go on?")`, `prompt("name?", "x")`} {
		pages = append(pages, Page{Name: call, HTML: FullPage("dialog", "en",
			`<script>`+call+`</script><div><label for="id_q">Query</label><input type="text" name="q" id="id_q"></div>`)})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	ann, err := Announce(ctx, pages)
	if err != nil {
		t.Fatalf("Announce: %v", err)
	}
	for _, a := range ann {
		if len(a.Controls) != 1 || a.Controls[0].AccName != "Query" {
			t.Errorf("page %q: controls %+v, want one named Query", a.Page, a.Controls)
		}
	}
	vs, err := Axe{PageTimeout: busyPageTimeout, Retries: -1}.Check(ctx, pages)
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	for _, p := range pages {
		if got, _ := rulesOf(vs, "axe", p.Name); len(got) != 0 {
			t.Errorf("axe on page %q: rules %q, want none", p.Name, got)
		}
	}
}
