package renderers

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/internal/enginecount"
	"github.com/formwork/formwork/internal/tmplparse"
	"github.com/formwork/formwork/templates"
)

// DjangoTemplates renders Django-syntax templates with pongo2. Its zero
// value is Django 4.1's DjangoTemplates renderer: forms render with
// "django/forms/default.html" (the table style) and formsets with
// "django/forms/formsets/default.html". Set FormTemplate and
// FormsetTemplate for a custom renderer (the p, ul or div styles, or a
// theme's own), and Overlay to search a theme's templates before the
// built-in ones.
//
// Templates are parsed once and cached; with Reload set they are parsed
// anew on every render, so that a theme author sees each edit. A
// template of the overlay or theme that overrides a built-in one, and
// uses only what the built-in templates use, is compiled on first use
// into a theme program (program.go) that prints the view without the
// engine; any other renders with pongo2.
type DjangoTemplates struct {
	FormTemplate    string
	FormsetTemplate string
	// Overlay holds templates found before the built-in ones, by name.
	Overlay fs.FS
	// Theme names a theme pack (templates.ThemeNames: "bootstrap5",
	// "govuk") whose templates are found after Overlay's and before the
	// built-in ones; "" is none. An unknown name makes Render fail.
	Theme string
	// Reload parses templates on every render (a development mode).
	Reload bool
	// NoFastPath renders every template with the engine, never with the
	// Go writers generated from the built-in templates (which print the
	// same bytes faster): the reference the generated writers are checked
	// against.
	NoFastPath bool

	overrides overrides

	layerOnce sync.Once
	layered   fs.FS
	themeErr  error

	once sync.Once
	set  *pongo2.TemplateSet

	progOnce sync.Once
	progs    programs

	// fast is what the fast path needs of the renderer (fastRenderer),
	// gathered once.
	fastOnce sync.Once
	fast     fastInfo
}

// programs returns the renderer's theme programs (program.go), nil when
// its theme is unknown (Render reports it).
func (r *DjangoTemplates) programs() *programs {
	r.progOnce.Do(func() {
		l := &djangoLoader{overlay: r.overlay(), builtin: templates.Django}
		r.progs.source = l.source
		r.progs.parse = tmplparse.Parse
	})
	if r.themeErr != nil {
		return nil
	}
	return &r.progs
}

// overlay is Overlay over the theme's templates.
func (r *DjangoTemplates) overlay() fs.FS {
	r.layerOnce.Do(func() { r.layered, r.themeErr = themeOverlay("DjangoTemplates", r.Theme, r.Overlay, false) })
	return r.layered
}

// NewDjangoTemplates returns Django's default renderer (table style).
func NewDjangoTemplates() *DjangoTemplates { return &DjangoTemplates{} }

// NewDjangoDivFormRenderer returns Django 4.1's div-style renderer.
func NewDjangoDivFormRenderer() *DjangoTemplates {
	return &DjangoTemplates{FormTemplate: DivFormTemplate, FormsetTemplate: DivFormsetTemplate}
}

// FormTemplateName implements Renderer.
func (r *DjangoTemplates) FormTemplateName() string {
	if r.FormTemplate == "" {
		return DefaultFormTemplate
	}
	return r.FormTemplate
}

// FormsetTemplateName implements Renderer.
func (r *DjangoTemplates) FormsetTemplateName() string {
	if r.FormsetTemplate == "" {
		return DefaultFormsetTemplate
	}
	return r.FormsetTemplate
}

// Overridden reports whether the overlay holds a template of that name.
// Each name is looked up once, unless Reload is set.
func (r *DjangoTemplates) Overridden(name string) bool {
	return r.overrides.has(r.overlay(), name, r.Reload)
}

func (r *DjangoTemplates) templateSet() *pongo2.TemplateSet {
	r.once.Do(func() {
		loader := &djangoLoader{overlay: r.overlay(), builtin: templates.Django}
		r.set = pongo2.NewSet("formwork", loader)
		banPongo2Tags(r.set) // recursion.go
		r.set.Debug = r.Reload
	})
	return r.set
}

// setKey carries the template set through a render so that dynamic
// includes find their templates in the same set, parsed once.
const setKey = "_fw_set"

// rendererKey carries the renderer through a render, so that an include
// of a built-in template the renderer does not override runs on the
// template's generated writer.
const rendererKey = "_fw_renderer"

// Render implements Renderer.
func (r *DjangoTemplates) Render(w io.Writer, name string, ctx Context) (err error) {
	defer recoverTemplatePanic(name, &err) // recursion.go
	enginecount.Note(name)
	set := r.templateSet()
	if r.themeErr != nil {
		return r.themeErr
	}
	tpl, err := set.FromCache(name)
	if err != nil {
		return templateError(name, err)
	}
	// pongo2 copies the context it is given into its own.
	pctx := incPool.Get().(pongo2.Context)
	defer func() { clear(pctx); incPool.Put(pctx) }()
	for k, v := range ctx {
		pctx[k] = v
	}
	pctx[setKey] = set
	pctx[rendererKey] = r
	pctx[chainKey] = []string{name}
	sink := &ErrorSink{}
	pctx[sinkKey] = sink
	if err := tpl.ExecuteWriter(pctx, w); err != nil {
		return templateError(name, err)
	}
	return sink.Err()
}

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

// djangoLoader finds templates in the overlay, then the built-ins, and
// translates Django syntax that pongo2 lacks into formwork's tags.
type djangoLoader struct {
	overlay fs.FS
	builtin fs.FS
}

func (l *djangoLoader) Abs(base, name string) string { return name }

func (l *djangoLoader) Get(path string) (io.Reader, error) {
	src, err := l.source(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("TemplateDoesNotExist: %s", path)
		}
		return nil, err
	}
	if strings.Contains(src, "extends") {
		if err := checkExtends(path, src, l.source); err != nil {
			src = failExtends(src, err)
		}
	}
	return strings.NewReader(TranslateDjango(src)), nil
}

// source is a template's source as Get finds it, untranslated: the first
// layer holding it (the overlay's layers, then the built-ins), past those
// a name made by nextLayerName skips. A template extending its own name
// extends the one of the next layer holding it, as Django's loaders skip
// the extending template's origin.
func (l *djangoLoader) source(path string) (string, error) {
	skip, name := splitLayerName(path)
	layers := appendLayers(nil, l.overlay)
	layers = append(layers, l.builtin)
	var first error
	for i := skip; i < len(layers); i++ {
		src, err := fs.ReadFile(layers[i], name)
		if err == nil {
			has := func(next int) bool {
				for _, l := range layers[next:] {
					if _, err := fs.Stat(l, name); err == nil {
						return true
					}
				}
				return false
			}
			return extendsNextLayer(string(src), name, i+1, extendsRe(), func(p string) string { return p }, has), nil
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		first = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return "", first
}

// isTemplateMissing reports whether err says a template does not exist.
func isTemplateMissing(err error) bool {
	return err != nil && strings.Contains(err.Error(), "TemplateDoesNotExist")
}
