package a11y

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe:
// Chromium reads NUL-terminated JSON commands from fd 3 and writes
// NUL-terminated responses and events to fd 4.  Sessions are "flat"
// (Target.attachToTarget with flatten), so every message of a tab carries
// its sessionId.

type cdpError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    string `json:"data,omitempty"`
}

func (e *cdpError) Error() string {
	if e.Data != "" {
		return fmt.Sprintf("cdp error %d: %s (%s)", e.Code, e.Message, e.Data)
	}
	return fmt.Sprintf("cdp error %d: %s", e.Code, e.Message)
}

type cdpMessage struct {
	ID        int64           `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *cdpError       `json:"error,omitempty"`
}

type cdpRequest struct {
	ID        int64  `json:"id"`
	SessionID string `json:"sessionId,omitempty"`
	Method    string `json:"method"`
	Params    any    `json:"params,omitempty"`
}

// browser is one running Chromium.
type browser struct {
	cmd     *exec.Cmd
	profile string // --user-data-dir, removed by close
	stderr  *tailBuffer

	wmu sync.Mutex
	w   io.WriteCloser

	nextID atomic.Int64

	mu       sync.Mutex
	pending  map[int64]chan cdpMessage
	sessions map[string]chan cdpMessage // events of interest, per session
	readErr  error                      // set when the pipe closes
	done     chan struct{}              // closed when the reader stops
}

// chromiumFlags are the flags every launch uses: headless, and quiet on the
// network (without the background-networking flags Chromium keeps trying
// to reach Google's services).
var chromiumFlags = []string{
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-quic",
	"--no-first-run",
	"--no-default-browser-check",
	"--disable-default-apps",
	"--disable-extensions",
	"--disable-domain-reliability",
	"--disable-breakpad",
	"--disable-client-side-phishing-detection",
	"--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
	"--metrics-recording-only",
	"--no-pings",
	"--password-store=basic",
	"--use-mock-keychain",
	"--mute-audio",
	"--hide-scrollbars",
	// Tabs other than the focused one must not be throttled: several tabs
	// check pages in parallel.
	"--disable-background-timer-throttling",
	"--disable-backgrounding-occluded-windows",
	"--disable-renderer-backgrounding",
	"--disable-ipc-flooding-protection",
	"--disable-dev-shm-usage",
	"--remote-debugging-pipe",
}

func launchBrowser(ctx context.Context, chromium string) (*browser, error) {
	profile, err := os.MkdirTemp("", "formwork-a11y-chromium-")
	if err != nil {
		return nil, err
	}
	args := append(append([]string(nil), chromiumFlags...), "--user-data-dir="+profile, "about:blank")
	cmd := exec.Command(chromium, args...)
	setProcessGroup(cmd)
	// Chromium reads commands from fd 3 and writes to fd 4.
	inR, inW, err := os.Pipe()
	if err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		os.RemoveAll(profile)
		return nil, err
	}
	cmd.ExtraFiles = []*os.File{inR, outW}
	stderr := &tailBuffer{max: 8 << 10}
	cmd.Stderr = stderr
	cmd.Stdout = io.Discard
	// Should a helper process outlive the browser holding stderr open,
	// Wait must still return.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		inR.Close()
		inW.Close()
		outR.Close()
		outW.Close()
		os.RemoveAll(profile)
		return nil, fmt.Errorf("starting chromium %s: %w", chromium, err)
	}
	inR.Close()
	outW.Close()
	b := &browser{
		cmd:      cmd,
		profile:  profile,
		stderr:   stderr,
		w:        inW,
		pending:  make(map[int64]chan cdpMessage),
		sessions: make(map[string]chan cdpMessage),
		done:     make(chan struct{}),
	}
	go b.readLoop(outR)
	// Make sure it answers before handing it out.
	vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := b.call(vctx, "", "Browser.getVersion", nil); err != nil {
		b.close()
		if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
			// A hung browser: its output is the only clue.  (A closed
			// pipe's error already carries it.)
			err = fmt.Errorf("%w; chromium stderr: %s", err, b.stderr.String())
		}
		return nil, fmt.Errorf("chromium %s did not start: %w", chromium, err)
	}
	return b, nil
}

func (b *browser) readLoop(r io.ReadCloser) {
	defer r.Close()
	br := bufio.NewReaderSize(r, 1<<20)
	var err error
	for {
		var raw []byte
		raw, err = br.ReadBytes(0)
		if err != nil {
			break
		}
		raw = raw[:len(raw)-1]
		var m cdpMessage
		if jerr := json.Unmarshal(raw, &m); jerr != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.pending[m.ID]; ok {
				delete(b.pending, m.ID)
				ch <- m // buffered
			}
		} else if m.Method == "Page.javascriptDialogOpening" && m.SessionID != "" {
			// A page's alert, confirm or prompt stops its loading until
			// someone answers it; a case's help text may hold a script
			// that opens one.  Answer it here, whatever the tab is doing.
			go b.dismissDialog(m)
		} else if ch, ok := b.sessions[m.SessionID]; ok && m.SessionID != "" && wantedEvent(m) {
			select {
			case ch <- m:
			default: // nobody is listening for that many; drop
			}
		}
		b.mu.Unlock()
	}
	b.mu.Lock()
	if err == io.EOF {
		err = errors.New("chromium closed the devtools pipe")
	}
	b.readErr = err
	for id, ch := range b.pending {
		close(ch)
		delete(b.pending, id)
	}
	for _, ch := range b.sessions {
		close(ch)
	}
	b.sessions = map[string]chan cdpMessage{}
	b.mu.Unlock()
	close(b.done)
}

// dismissDialog answers the JavaScript dialog that event m opened: it
// cancels an alert, confirm or prompt, and lets a beforeunload go on.
func (b *browser) dismissDialog(m cdpMessage) {
	var ev struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(m.Params, &ev)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// An error means the tab went away meanwhile, which its own
	// calls report.
	_, _ = b.call(ctx, m.SessionID, "Page.handleJavaScriptDialog", map[string]any{"accept": ev.Type == "beforeunload"})
}

// wantedEvent keeps only the events tabs wait for.
func wantedEvent(m cdpMessage) bool {
	switch m.Method {
	case "Inspector.targetCrashed", "Inspector.detached":
		return true
	case "Page.lifecycleEvent":
		return strings.Contains(string(m.Params), `"name":"load"`)
	}
	return false
}

// call sends one command and waits for its response.
func (b *browser) call(ctx context.Context, session, method string, params any) (json.RawMessage, error) {
	id := b.nextID.Add(1)
	ch := make(chan cdpMessage, 1)
	b.mu.Lock()
	if b.readErr != nil {
		err := b.readErr
		b.mu.Unlock()
		return nil, err
	}
	b.pending[id] = ch
	b.mu.Unlock()

	data, err := json.Marshal(cdpRequest{ID: id, SessionID: session, Method: method, Params: params})
	if err != nil {
		b.forget(id)
		return nil, err
	}
	data = append(data, 0)
	b.wmu.Lock()
	_, err = b.w.Write(data)
	b.wmu.Unlock()
	if err != nil {
		b.forget(id)
		return nil, fmt.Errorf("%s: writing to chromium: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			b.mu.Lock()
			err := b.readErr
			b.mu.Unlock()
			return nil, fmt.Errorf("%s: %w; chromium stderr: %s", method, err, b.stderr.String())
		}
		if m.Error != nil {
			return nil, fmt.Errorf("%s: %w", method, m.Error)
		}
		return m.Result, nil
	case <-ctx.Done():
		b.forget(id)
		return nil, fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (b *browser) forget(id int64) {
	b.mu.Lock()
	delete(b.pending, id)
	b.mu.Unlock()
}

// tab is one page target with its flat session.
type tab struct {
	b        *browser
	targetID string
	session  string
	events   chan cdpMessage
}

func (b *browser) newTab(ctx context.Context) (*tab, error) {
	res, err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"})
	if err != nil {
		return nil, err
	}
	var ct struct {
		TargetID string `json:"targetId"`
	}
	if err := json.Unmarshal(res, &ct); err != nil {
		return nil, err
	}
	res, err = b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": ct.TargetID, "flatten": true})
	if err != nil {
		return nil, err
	}
	var at struct {
		SessionID string `json:"sessionId"`
	}
	if err := json.Unmarshal(res, &at); err != nil {
		return nil, err
	}
	t := &tab{b: b, targetID: ct.TargetID, session: at.SessionID, events: make(chan cdpMessage, 64)}
	b.mu.Lock()
	b.sessions[t.session] = t.events
	b.mu.Unlock()
	if _, err := t.call(ctx, "Page.enable", nil); err != nil {
		return nil, err
	}
	if _, err := t.call(ctx, "Page.setLifecycleEventsEnabled", map[string]any{"enabled": true}); err != nil {
		return nil, err
	}
	return t, nil
}

// close closes the tab, waiting at most a few seconds; the browser kills a
// tab whose page does not respond.
func (t *tab) close() {
	t.b.mu.Lock()
	delete(t.b.sessions, t.session)
	t.b.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = t.b.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": t.targetID})
}

func (t *tab) call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	return t.b.call(ctx, t.session, method, params)
}

// navigate loads url in the tab and waits for its load event.
func (t *tab) navigate(ctx context.Context, url string) error {
	res, err := t.call(ctx, "Page.navigate", map[string]any{"url": url})
	if err != nil {
		return err
	}
	var nav struct {
		FrameID   string `json:"frameId"`
		LoaderID  string `json:"loaderId"`
		ErrorText string `json:"errorText"`
	}
	if err := json.Unmarshal(res, &nav); err != nil {
		return err
	}
	if nav.ErrorText != "" {
		return fmt.Errorf("loading the page: %s", nav.ErrorText)
	}
	for {
		select {
		case m, ok := <-t.events:
			if !ok {
				return fmt.Errorf("chromium went away while loading the page; chromium stderr: %s", t.b.stderr.String())
			}
			switch m.Method {
			case "Inspector.targetCrashed", "Inspector.detached":
				return fmt.Errorf("tab %s while loading the page", strings.TrimPrefix(m.Method, "Inspector."))
			case "Page.lifecycleEvent":
				var ev struct {
					FrameID  string `json:"frameId"`
					LoaderID string `json:"loaderId"`
					Name     string `json:"name"`
				}
				if json.Unmarshal(m.Params, &ev) == nil && ev.Name == "load" &&
					ev.FrameID == nav.FrameID && (nav.LoaderID == "" || ev.LoaderID == nav.LoaderID) {
					return nil
				}
			}
		case <-ctx.Done():
			return fmt.Errorf("loading the page: %w", ctx.Err())
		}
	}
}

type remoteObject struct {
	Type        string          `json:"type"`
	Value       json.RawMessage `json:"value"`
	Description string          `json:"description"`
}

// evaluate runs expression in the page, awaiting a returned promise, and
// returns the result by value.
func (t *tab) evaluate(ctx context.Context, expression string) (json.RawMessage, error) {
	res, err := t.call(ctx, "Runtime.evaluate", map[string]any{
		"expression":    expression,
		"awaitPromise":  true,
		"returnByValue": true,
	})
	if err != nil {
		return nil, err
	}
	var ev struct {
		Result           remoteObject `json:"result"`
		ExceptionDetails *struct {
			Text      string        `json:"text"`
			Exception *remoteObject `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(res, &ev); err != nil {
		return nil, err
	}
	if ev.ExceptionDetails != nil {
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil && ev.ExceptionDetails.Exception.Description != "" {
			msg = ev.ExceptionDetails.Exception.Description
		}
		return nil, fmt.Errorf("script error: %s", msg)
	}
	return ev.Result.Value, nil
}

// close shuts Chromium down (politely, then by force) and removes its
// profile directory.
func (b *browser) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	_, _ = b.call(ctx, "", "Browser.close", nil)
	cancel()
	b.wmu.Lock()
	b.w.Close()
	b.wmu.Unlock()
	waited := make(chan struct{})
	go func() {
		_ = b.cmd.Wait()
		close(waited)
	}()
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		killProcessGroup(b.cmd)
		<-waited
	}
	for i := 0; i < 20; i++ {
		if os.RemoveAll(b.profile) == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := strings.TrimSpace(string(t.buf))
	if s == "" {
		return "(empty)"
	}
	return s
}
