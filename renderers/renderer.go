// Package renderers finds form templates by name and renders them with a
// context: DjangoTemplates and DjangoDivFormRenderer (Django syntax),
// Jinja2 and Jinja2DivFormRenderer on jet, and custom renderers that
// choose their own form and formset templates or search a theme's files
// before the built-in ones. Themes written in Jinja2 syntax for Django's
// Jinja2 renderers run on jet through JinjaFS, which translates them.
//
// A renderer knows nothing of forms: forms and widgets build template
// contexts out of the neutral values of this package (HTML, Object, Attrs,
// Errors), which both template engines understand, and hand them to a
// Renderer. For the built-in templates they describe themselves instead
// with the typed view model (WidgetView, LabelView, ErrorListView,
// FormView, FormsetView), which the Go writers generated from those
// templates (builtin_gen.go, by internal/tmplgen) print byte for byte as
// the engines print the templates, whenever the renderer does not
// override them (WriteWidget, WriteForm, ..., NativeOK).
//
// The Django-syntax engine, pongo2, is a package of its own
// (renderers/djangoengine) that a program imports when a theme's
// templates need it: the built-in templates never do.
package renderers

import (
	"bytes"
	"io"
	"sync"
)

// Renderer renders templates by name. Implementations are safe for
// concurrent use.
type Renderer interface {
	// Render writes the named template, rendered with ctx, to w.
	Render(w io.Writer, name string, ctx Context) error
	// FormTemplateName is the template a form renders with by default.
	FormTemplateName() string
	// FormsetTemplateName is the template a formset renders with by default.
	FormsetTemplateName() string
}

// Context is the set of names a template sees.
type Context map[string]any

// Django's default template names.
const (
	DefaultFormTemplate    = "django/forms/default.html"
	DefaultFormsetTemplate = "django/forms/formsets/default.html"
	DivFormTemplate        = "django/forms/div.html"
	DivFormsetTemplate     = "django/forms/formsets/div.html"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// RenderString renders the named template into a string, without the
// leading and trailing whitespace, as Django's renderers return it.
func RenderString(r Renderer, name string, ctx Context) (string, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if renderWidgetContext(buf, r, name, ctx) {
		return buf.String(), nil
	}
	if err := r.Render(buf, name, ctx); err != nil {
		return "", err
	}
	return string(bytes.TrimSpace(buf.Bytes())), nil
}

// Default returns the renderer forms use when none is set: DjangoTemplates
// with Django 4.1's defaults (the table style).
func Default() Renderer { return defaultRenderer }

var defaultRenderer = NewDjangoTemplates()

// ErrorSink keeps the first error met while printing values whose String
// method cannot return one (an Object whose HTML failed to render).
type ErrorSink struct {
	mu  sync.Mutex
	err error
}

// Set records err unless an error is already recorded.
func (s *ErrorSink) Set(err error) {
	if s == nil || err == nil {
		return
	}
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

// Err returns the first recorded error.
func (s *ErrorSink) Err() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

const sinkKey = "_fw_sink"
