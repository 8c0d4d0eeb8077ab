package a11y

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Axe checks pages with axe-core in headless Chromium.  The zero value is
// ready to use.  Each Check call starts one Chromium, loads every page from
// a temporary directory into one of Parallel tabs, runs axe.run on it and
// closes the browser, so check many pages per call: start-up costs about a
// second, a form page then some tens of milliseconds.
//
// axe-core is evaluated into each page through the DevTools protocol, not
// added as an element, so nothing of the checker itself is in the checked
// DOM.
type Axe struct {
	// Chromium is the browser executable; empty means FORMWORK_CHROMIUM,
	// /usr/lib/chromium/chromium, /usr/bin/chromium or chromium in PATH.
	Chromium string
	// Dir holds node_modules/axe-core; empty means Dir().
	Dir string
	// Parallel is the number of tabs checking pages at once; 0 means the
	// number of CPUs, at most 4.
	Parallel int
	// Tags, if set, restricts the run to rules with any of these tags
	// (axe's runOnly), e.g. "wcag2a", "wcag2aa", "wcag21aa", "wcag22aa",
	// "best-practice".  Empty runs axe's default rule set.
	Tags []string
	// DisableRules lists rule ids to turn off.
	DisableRules []string
	// NeedsReview also reports the results axe could not decide
	// ("incomplete"), with Impact "needs-review".  Off by default: they are
	// not failures, but they catch e.g. an aria-describedby pointing at a
	// missing id.
	NeedsReview bool
	// PageTimeout bounds loading and checking one page; 0 means 60s.
	PageTimeout time.Duration
	// Retries is how many more times a page that failed (timed out, or
	// its tab crashed) is tried, each time in a fresh tab, before its
	// error is reported: on a loaded machine a page can miss its timeout
	// once. 0 means 1; a negative number, none.
	Retries int
}

// axe's results, cut down in the page to what Violation needs.
type axeResult struct {
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"`
}

type axeRule struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	Impact  string `json:"impact"`
	Summary string `json:"summary"`
}

// axeRunScript returns the expression run in each page; options is the
// JSON of axe.run's options.
func axeRunScript(options string) string {
	return `(async () => {
  const r = await axe.run(document, ` + options + `);
  const sel = t => Array.isArray(t) ? t.join(' >>> ') : String(t);
  const slim = rules => (rules || []).map(v => ({
    id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.map(n => ({
      target: (n.target || []).map(sel).join(' >> '),
      impact: n.impact || '',
      summary: n.failureSummary || ''
    }))
  }));
  return JSON.stringify({violations: slim(r.violations), incomplete: slim(r.incomplete)});
})()`
}

func (a Axe) options() (string, error) {
	opts := map[string]any{}
	if a.NeedsReview {
		opts["resultTypes"] = []string{"violations", "incomplete"}
	} else {
		opts["resultTypes"] = []string{"violations"}
	}
	if len(a.Tags) > 0 {
		opts["runOnly"] = map[string]any{"type": "tag", "values": a.Tags}
	}
	if len(a.DisableRules) > 0 {
		rules := map[string]any{}
		for _, id := range a.DisableRules {
			rules[id] = map[string]bool{"enabled": false}
		}
		opts["rules"] = rules
	}
	b, err := json.Marshal(opts)
	return string(b), err
}

// Check implements Checker.
func (a Axe) Check(ctx context.Context, pages []Page) ([]Violation, error) {
	if len(pages) == 0 {
		return nil, nil
	}
	if err := validatePages(pages); err != nil {
		return nil, fmt.Errorf("a11y: axe: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("a11y: axe: %s not checked: %w", describePages(pages), err)
	}
	chromium := a.Chromium
	var missing []string
	if chromium == "" {
		var err error
		if chromium, err = findChromium(); err != nil {
			missing = append(missing, err.Error())
		}
	}
	dir := a.Dir
	if dir == "" {
		dir = Dir()
	}
	axePath, err := findAxeJS(dir)
	if err != nil {
		missing = append(missing, err.Error())
	}
	if len(missing) > 0 {
		return nil, &MissingToolsError{Missing: missing}
	}
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		return nil, fmt.Errorf("a11y: axe: %w", err)
	}
	// Define axe only where it is not defined yet; the trailing "true"
	// keeps the evaluation's result small.
	inject := "if (typeof window.axe === 'undefined') {\n" + string(axeSrc) + "\n}\ntrue"
	opts, err := a.options()
	if err != nil {
		return nil, fmt.Errorf("a11y: axe: options: %w", err)
	}
	run := axeRunScript(opts)

	tmp, err := os.MkdirTemp("", "formwork-a11y-axe-")
	if err != nil {
		return nil, fmt.Errorf("a11y: axe: %w", err)
	}
	defer os.RemoveAll(tmp)
	paths, err := writePages(tmp, pages)
	if err != nil {
		return nil, fmt.Errorf("a11y: axe: %w", err)
	}

	b, err := launchBrowser(ctx, chromium)
	if err != nil {
		return nil, fmt.Errorf("a11y: axe: %s not checked: %w", describePages(pages), err)
	}
	defer b.close()

	parallel := a.Parallel
	if parallel <= 0 {
		parallel = min(runtime.NumCPU(), 4)
	}
	parallel = min(parallel, len(pages))
	timeout := a.PageTimeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	retries := a.Retries
	switch {
	case retries == 0:
		retries = 1
	case retries < 0:
		retries = 0
	}

	results := make([][]Violation, len(pages))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	var tabErrMu sync.Mutex
	var tabErrs []error
	for w := 0; w < parallel; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t, err := openAxeTab(ctx, b, inject)
			if err != nil {
				tabErrMu.Lock()
				tabErrs = append(tabErrs, err)
				tabErrMu.Unlock()
				return // other workers take the pages
			}
			for i := range next {
				for try := 0; ; try++ {
					if t == nil {
						if t, err = openAxeTab(ctx, b, inject); err != nil {
							errs[i] = fmt.Errorf("a11y: axe: page %q not checked: opening a browser tab: %w", pages[i].Name, err)
							break
						}
					}
					pctx, cancel := context.WithTimeout(ctx, timeout)
					results[i], errs[i] = checkOneAxe(pctx, t, fileURL(paths[i]), inject, run, pages[i].Name)
					cancel()
					if errs[i] == nil {
						break
					}
					// The tab may be stuck (a page script that never
					// returns, a crash): the next try, or the next
					// page, gets a new one.
					t.close()
					t = nil
					if try >= retries || ctx.Err() != nil {
						break
					}
				}
			}
		}()
	}
	// Feed pages until all are taken or every tab failed to open.
	allFailed := make(chan struct{})
	go func() { wg.Wait(); close(allFailed) }()
feed:
	for i := range pages {
		select {
		case next <- i:
		case <-allFailed:
			for j := i; j < len(pages); j++ {
				errs[j] = fmt.Errorf("a11y: axe: page %q not checked: no browser tab could be opened: %w", pages[j].Name, errors.Join(tabErrs...))
			}
			break feed
		case <-ctx.Done():
			for j := i; j < len(pages); j++ {
				errs[j] = fmt.Errorf("a11y: axe: page %q not checked: %w", pages[j].Name, ctx.Err())
			}
			break feed
		}
	}
	close(next)
	<-allFailed

	var out []Violation
	for _, r := range results {
		out = append(out, r...)
	}
	var failed []error
	for _, e := range errs {
		if e != nil {
			failed = append(failed, e)
		}
	}
	return out, errors.Join(failed...)
}

// openAxeTab opens a tab in which every document gets axe-core defined
// before its own scripts run.  Sending axe-core (over half a megabyte)
// once per tab rather than once per page saves a good part of the time a
// page takes.
func openAxeTab(ctx context.Context, b *browser, inject string) (*tab, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	t, err := b.newTab(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := t.call(ctx, "Page.addScriptToEvaluateOnNewDocument", map[string]any{"source": inject}); err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

func checkOneAxe(ctx context.Context, t *tab, u, inject, run, name string) ([]Violation, error) {
	if err := t.navigate(ctx, u); err != nil {
		return nil, fmt.Errorf("a11y: axe: page %q: %w", name, err)
	}
	// openAxeTab defined axe already, unless the page's own scripts
	// removed it.
	defined, err := t.evaluate(ctx, "typeof window.axe === 'object' && typeof window.axe.run === 'function'")
	if err != nil {
		return nil, fmt.Errorf("a11y: axe: page %q: %w", name, err)
	}
	if string(defined) != "true" {
		if _, err := t.evaluate(ctx, inject); err != nil {
			return nil, fmt.Errorf("a11y: axe: page %q: injecting axe-core: %w", name, err)
		}
	}
	raw, err := t.evaluate(ctx, run)
	if err != nil {
		return nil, fmt.Errorf("a11y: axe: page %q: %w", name, err)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("a11y: axe: page %q: unexpected result %.200s", name, raw)
	}
	var res axeResult
	if err := json.Unmarshal([]byte(s), &res); err != nil {
		return nil, fmt.Errorf("a11y: axe: page %q: decoding results: %w", name, err)
	}
	return axeViolations(res, name), nil
}

func axeViolations(res axeResult, page string) []Violation {
	var out []Violation
	add := func(rules []axeRule, review bool) {
		for _, r := range rules {
			for _, n := range r.Nodes {
				impact := n.Impact
				if impact == "" {
					impact = r.Impact
				}
				if review {
					impact = "needs-review"
				}
				msg := r.Help
				if s := flattenSummary(n.Summary); s != "" {
					msg += ": " + s
				}
				out = append(out, Violation{
					Checker: "axe",
					Rule:    r.ID,
					Impact:  impact,
					Message: msg,
					Target:  n.Target,
					Page:    page,
				})
			}
		}
	}
	add(res.Violations, false)
	add(res.Incomplete, true)
	return out
}

// flattenSummary turns axe's multi-line failureSummary into one line.
func flattenSummary(s string) string {
	var parts []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			parts = append(parts, line)
		}
	}
	return strings.Join(parts, " ")
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: path}).String()
}
