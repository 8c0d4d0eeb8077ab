// Package enginecount lets tests see which templates the renderers hand
// to a template engine (pongo2) instead of a generated writer or a theme
// program, so that a test can require a rendering to stay off the
// engine. Nothing is counted unless a test sets a hook.
package enginecount

import "sync/atomic"

var hook atomic.Pointer[func(name string)]

// Set makes f see the name of every template an engine renders from now
// on (f must be safe for concurrent use), and returns a func restoring
// the hook it replaced.
func Set(f func(name string)) (restore func()) {
	old := hook.Swap(&f)
	return func() { hook.Store(old) }
}

// Note tells the hook that an engine renders the named template.
func Note(name string) {
	if f := hook.Load(); f != nil {
		(*f)(name)
	}
}
