package renderers

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/formwork/formwork/internal/enginecount"
	"github.com/formwork/formwork/internal/tmplparse"
	"github.com/formwork/formwork/templates"
)

// DjangoTemplates renders Django-syntax templates. Its zero
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
// engine; any other renders with the Django template engine, which a
// program links by importing package djangoengine (pongo2). Without it,
// rendering such a template fails with ErrNoDjangoEngine; the built-in
// templates and theme programs need no engine.
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
	set  DjangoSet

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

func (r *DjangoTemplates) templateSet() DjangoSet {
	r.once.Do(func() {
		e := registeredEngine()
		if e == nil {
			return
		}
		l := &djangoLoader{overlay: r.overlay(), builtin: templates.Django}
		r.set = e.NewSet(DjangoSource{
			Load: l.load,
			WriteWidget: func(b *bytes.Buffer, name string, widget func() (map[string]any, bool)) bool {
				return includeWidgetContext(b, r, name, widget)
			},
			Reload: r.Reload,
		})
	})
	return r.set
}

// ErrNoDjangoEngine is the error of a DjangoTemplates renderer asked to
// render a template with the engine when the program links none.
var ErrNoDjangoEngine = errors.New(`renderers: rendering this template needs the Django template engine; ` +
	`import _ "github.com/formwork/formwork/renderers/djangoengine" to link it`)

// Render implements Renderer.
func (r *DjangoTemplates) Render(w io.Writer, name string, ctx Context) (err error) {
	defer recoverTemplatePanic(name, &err) // recursion.go
	enginecount.Note(name)
	set := r.templateSet()
	if r.themeErr != nil {
		return r.themeErr
	}
	if set == nil {
		return templateError(name, ErrNoDjangoEngine)
	}
	if err := set.Render(w, name, ctx); err != nil {
		return templateError(name, err)
	}
	return nil
}

// A DjangoEngine parses and runs the Django-syntax templates of a
// DjangoTemplates renderer that neither the Go writers generated from the
// built-in templates nor the theme programs print: a theme's template
// that goes beyond what the built-in templates use, any template when
// NoFastPath or Reload is set. It is a package of its own, so that a
// program rendering the built-in templates does not link an engine:
// importing github.com/formwork/formwork/renderers/djangoengine (pongo2)
// registers it.
type DjangoEngine interface {
	// NewSet returns the templates src finds, each parsed once (on
	// every render when src.Reload is set).
	NewSet(src DjangoSource) DjangoSet
}

// DjangoSource is what a DjangoTemplates renderer gives its engine.
type DjangoSource struct {
	// Load returns the Django-syntax source of the named template, from
	// the first layer holding it (the overlay's, the theme's, the
	// built-in templates); a missing template's error matches
	// fs.ErrNotExist. An {% extends %} that would recurse comes replaced
	// with {% fw_fail "message" %}, which must fail to parse with that
	// message.
	Load func(name string) (string, error)
	// WriteWidget writes an included built-in widget template that the
	// renderer does not override with its generated writer; widget
	// returns the widget context the include sees, false when it has
	// none, and is called only for a template that has a writer.
	// WriteWidget reports false when it cannot write the template: the
	// engine renders it itself.
	WriteWidget func(b *bytes.Buffer, name string, widget func() (map[string]any, bool)) bool
	// Reload parses templates on every render.
	Reload bool
}

// A DjangoSet renders the templates of one DjangoSource.
type DjangoSet interface {
	// Render renders the named template with ctx to w. It is safe for
	// concurrent use.
	Render(w io.Writer, name string, ctx Context) error
}

var djangoEngine struct {
	sync.Mutex
	e DjangoEngine
}

// RegisterDjangoEngine makes e the engine of every DjangoTemplates (and
// Accessible) renderer. It is meant for an engine package's init;
// registering a second engine panics.
func RegisterDjangoEngine(e DjangoEngine) {
	djangoEngine.Lock()
	defer djangoEngine.Unlock()
	if e == nil {
		panic("renderers: RegisterDjangoEngine with a nil engine")
	}
	if djangoEngine.e != nil {
		panic("renderers: RegisterDjangoEngine called twice")
	}
	djangoEngine.e = e
}

func registeredEngine() DjangoEngine {
	djangoEngine.Lock()
	defer djangoEngine.Unlock()
	return djangoEngine.e
}

// djangoLoader finds templates in the overlay, then the built-ins, and
// gives their source to the engine.
type djangoLoader struct {
	overlay fs.FS
	builtin fs.FS
}

// load is DjangoSource.Load.
func (l *djangoLoader) load(path string) (string, error) {
	src, err := l.source(path)
	if err != nil {
		return "", err
	}
	if strings.Contains(src, "extends") {
		if err := checkExtends(path, src, l.source); err != nil {
			src = failExtends(src, err)
		}
	}
	return src, nil
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
