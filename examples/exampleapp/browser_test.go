package exampleapp

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	a11y "github.com/formwork/formwork/a11y-tests"
)

// A Chrome DevTools Protocol client just big enough to drive the app:
// Chromium started with --remote-debugging-pipe reads NUL-terminated JSON
// commands from fd 3 and answers on fd 4 (as a11y-tests/cdp.go does; that
// client is the suite's own, unexported). One page, one flat session.

type chrome struct {
	cmd     *exec.Cmd
	w       io.WriteCloser
	nextID  atomic.Int64
	mu      sync.Mutex
	pending map[int64]chan cdpReply
	loads   chan struct{}
	session string
	stderr  strings.Builder
}

type cdpReply struct {
	ID        int64           `json:"id"`
	Method    string          `json:"method"`
	SessionID string          `json:"sessionId"`
	Params    json.RawMessage `json:"params"`
	Result    json.RawMessage `json:"result"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// startChrome starts headless Chromium with one page, or stops the test:
// a skip when Chromium is not installed, a failure with CI=true.
func startChrome(t *testing.T) *chrome {
	t.Helper()
	// FindTools looks for Chromium as the accessibility suite does
	// (FORMWORK_CHROMIUM, Debian's chromium, PATH); the suite's other
	// tools are not needed here.
	tools, _ := a11y.FindTools()
	if tools.Chromium == "" {
		msg := "chromium not found (Debian's /usr/bin/chromium, PATH, or FORMWORK_CHROMIUM naming an executable): run bash .ci/a11y-install.sh"
		if ci := os.Getenv("CI"); strings.EqualFold(ci, "true") || ci == "1" {
			t.Fatalf("%s (CI=%s, so this is a failure, not a skip)", msg, ci)
		}
		t.Skip("skipping the browser test: " + msg)
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &chrome{w: inW, pending: map[int64]chan cdpReply{}, loads: make(chan struct{}, 16)}
	c.cmd = exec.Command(tools.Chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--hide-scrollbars", "--remote-debugging-pipe", "--user-data-dir="+t.TempDir(), "--window-size=1000,1400", "about:blank")
	c.cmd.ExtraFiles = []*os.File{inR, outW}
	c.cmd.Stderr = &syncWriter{b: &c.stderr, mu: &c.mu}
	c.cmd.WaitDelay = 5 * time.Second
	if err := c.cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", tools.Chromium, err)
	}
	inR.Close()
	outW.Close()
	go c.read(outR)
	t.Cleanup(func() {
		c.call(context.Background(), false, "Browser.close", nil)
		inW.Close()
		done := make(chan struct{})
		go func() { c.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			c.cmd.Process.Kill()
			<-done
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var target struct{ TargetID string }
	if err := c.call(ctx, false, "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		t.Fatalf("chromium: %v; stderr: %s", err, c.errText())
	}
	var att struct{ SessionID string }
	if err := c.call(ctx, false, "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		t.Fatal(err)
	}
	c.session = att.SessionID
	if err := c.call(ctx, true, "Page.enable", nil); err != nil {
		t.Fatal(err)
	}
	return c
}

type syncWriter struct {
	b  *strings.Builder
	mu *sync.Mutex
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.b.Len() < 16<<10 {
		w.b.Write(p)
	}
	return len(p), nil
}

func (c *chrome) errText() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stderr.String()
}

func (c *chrome) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			c.mu.Lock()
			for id, ch := range c.pending {
				close(ch)
				delete(c.pending, id)
			}
			c.mu.Unlock()
			return
		}
		var m cdpReply
		if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
			continue
		}
		if m.Method == "Page.loadEventFired" {
			select {
			case c.loads <- struct{}{}:
			default:
			}
			continue
		}
		c.mu.Lock()
		if ch, ok := c.pending[m.ID]; ok && m.ID != 0 {
			delete(c.pending, m.ID)
			ch <- m
		}
		c.mu.Unlock()
	}
}

// call sends a command (to the page when inPage) and decodes its result
// into out[0], when given.
func (c *chrome) call(ctx context.Context, inPage bool, method string, params any, out ...any) error {
	id := c.nextID.Add(1)
	ch := make(chan cdpReply, 1)
	c.mu.Lock()
	c.pending[id] = ch
	c.mu.Unlock()
	req := map[string]any{"id": id, "method": method}
	if params != nil {
		req["params"] = params
	}
	if inPage {
		req["sessionId"] = c.session
	}
	b, _ := json.Marshal(req)
	if _, err := c.w.Write(append(b, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: chromium closed the pipe; stderr: %s", method, c.errText())
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if len(out) > 0 {
			return json.Unmarshal(m.Result, out[0])
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// eval runs a script in the page and returns its value as JSON.
func (c *chrome) eval(t *testing.T, script string) json.RawMessage {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := c.call(ctx, true, "Runtime.evaluate", map[string]any{"expression": script, "returnByValue": true, "awaitPromise": true}, &res); err != nil {
		t.Fatal(err)
	}
	if res.ExceptionDetails != nil {
		t.Fatalf("script error: %s %s\n%s", res.ExceptionDetails.Text, res.ExceptionDetails.Exception.Description, script)
	}
	return res.Result.Value
}

// waitLoad waits for the page's load event after do (a navigation or a
// submit) starts one.
func (c *chrome) waitLoad(t *testing.T, do func()) {
	t.Helper()
	for len(c.loads) > 0 {
		<-c.loads
	}
	do()
	select {
	case <-c.loads:
	case <-time.After(30 * time.Second):
		t.Fatal("the page did not load")
	}
}

func (c *chrome) open(t *testing.T, url string) {
	t.Helper()
	c.waitLoad(t, func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := c.call(ctx, true, "Page.navigate", map[string]any{"url": url}); err != nil {
			t.Fatal(err)
		}
	})
}

// fill types values into the form's controls, by name, as a visitor
// does (text set, boxes and radio buttons clicked), then submits the form
// with its button and waits for the answer.
func (c *chrome) fill(t *testing.T, values map[string]string) {
	t.Helper()
	js, _ := json.Marshal(values)
	got := c.eval(t, `(() => {
		const values = `+string(js)+`; let n = 0;
		for (const [name, v] of Object.entries(values)) {
			const els = document.getElementsByName(name);
			if (!els.length) throw new Error("no control named " + name);
			for (const el of els) {
				if (el.type === "radio") { if (el.value === v) { el.click(); n++; } }
				else if (el.type === "checkbox") { if (el.checked !== (v === "on")) el.click(); n++; }
				else { el.focus(); el.value = v; el.dispatchEvent(new Event("input", {bubbles: true})); n++; }
			}
		}
		return n;
	})()`)
	if string(got) == "0" && len(values) > 0 {
		t.Fatalf("filled nothing of %v", values)
	}
	c.waitLoad(t, func() { c.eval(t, `document.querySelector("main form button[type=submit]").click(), 1`) })
}

// text returns the visible text of the elements matching selector.
func (c *chrome) text(t *testing.T, selector string) string {
	t.Helper()
	var s string
	js, _ := json.Marshal(selector)
	if err := json.Unmarshal(c.eval(t, `[...document.querySelectorAll(`+string(js)+`)].map(e => e.innerText).join("\n")`), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func (c *chrome) screenshot(t *testing.T, path string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var res struct{ Data string }
	if err := c.call(ctx, true, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true}, &res); err != nil {
		t.Fatal(err)
	}
	b, err := base64.StdEncoding.DecodeString(res.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func wantText(t *testing.T, where, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q; it shows:\n%s", where, w, got)
		}
	}
}

// TestBrowser drives the application in headless Chromium, in each look
// (the built-in templates, bootstrap5, govuk): it fills the signup form
// wrong, submits it and reads the errors the page shows, fills it right
// and finds the member in the saved rows; then the same with an author
// and their books (a model form and an inline formset). With
// FORMWORK_SCREENSHOT_DIR set, the invalid signup page of each look is
// kept there as THEME-signup-invalid.png, the invalid author page as
// THEME-author-invalid.png.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser test starts Chromium")
	}
	c := startChrome(t)
	for _, theme := range []string{"", "bootstrap5", "govuk"} {
		name := theme
		if name == "" {
			name = "built-in"
		}
		t.Run(name, func(t *testing.T) {
			a, err := Open(t.Context(), Config{Look: Look{Theme: theme}})
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			srv := httptest.NewServer(a)
			defer srv.Close()

			c.open(t, srv.URL+"/signup")
			c.fill(t, map[string]string{"username": "ann", "email": "ann@", "plan": "team", "born": "1990-13-01",
				"password": "correct horse", "password2": "correct hose"})
			page := c.text(t, "main")
			wantText(t, "the invalid signup", page, "Enter a valid email address.", "Enter a valid date.",
				"The two password fields didn’t match.", "This field is required.")
			if got := c.text(t, "#members tbody"); got != "" {
				t.Errorf("an invalid signup saved a member: %q", got)
			}
			if theme != "" {
				if sheet := c.eval(t, `document.styleSheets.length`); string(sheet) == "1" && a.look.Install == "" {
					t.Errorf("%s: the theme's stylesheet is not loaded", theme)
				}
			}
			if dir := os.Getenv("FORMWORK_SCREENSHOT_DIR"); dir != "" {
				c.screenshot(t, filepath.Join(dir, name+"-signup-invalid.png"))
			}
			c.fill(t, map[string]string{"username": "ann", "email": "ann@example.com", "plan": "team", "born": "1990-04-27",
				"password": "correct horse", "password2": "correct horse", "terms": "on"})
			wantText(t, "the valid signup", c.text(t, "main"), "Welcome, ann.")
			wantText(t, "the members table", c.text(t, "#members tbody"), "ann\tann@example.com\tteam\t1990-04-27")
			// The same username again: the model form's unique check.
			c.fill(t, map[string]string{"username": "ann", "email": "ann@example.org", "plan": "free", "born": "1991-01-01",
				"password": "12345678", "password2": "12345678", "terms": "on"})
			wantText(t, "a second ann", c.text(t, "main"), "Member with this Username already exists.")

			c.open(t, srv.URL+"/author?id=1")
			wantText(t, "the author page", c.text(t, "#books tbody"), "Dune\t9.99")
			c.fill(t, map[string]string{"name": "", "book_set-0-title": "Dune", "book_set-0-price": "99999.5",
				"book_set-1-title": "", "book_set-1-price": "12"})
			page = c.text(t, "main")
			wantText(t, "the invalid author", page, "This field is required.", "Ensure that there are no more than 4 digits before the decimal point.")
			if dir := os.Getenv("FORMWORK_SCREENSHOT_DIR"); dir != "" {
				c.screenshot(t, filepath.Join(dir, name+"-author-invalid.png"))
			}
			if got := c.text(t, "#books tbody"); strings.Contains(got, "12.00") {
				t.Errorf("an invalid submission saved a book: %q", got)
			}
			c.fill(t, map[string]string{"name": "Frank Herbert", "book_set-0-title": "Dune", "book_set-0-price": "9.99",
				"book_set-1-title": "Children of Dune", "book_set-1-price": "12"})
			wantText(t, "the saved author", c.text(t, "main"), "Saved: 1 added, 0 changed, 0 deleted.")
			wantText(t, "the saved books", c.text(t, "#books tbody"), "Dune\t9.99", "Children of Dune\t12.00")
		})
	}
}
