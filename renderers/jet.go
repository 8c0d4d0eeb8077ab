package renderers

import (
	"time"

	"bytes"
	"fmt"
	"github.com/shopspring/decimal"
	"io"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"sync"

	"github.com/CloudyKit/jet/v6"

	"github.com/formwork/formwork/internal/enginecount"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/tmplparse"
	"github.com/formwork/formwork/templates"
)

// Jinja2 renders Jinja-style templates with jet. Its zero value is
// Django's Jinja2 renderer: forms render with "django/forms/default.html"
// (the table style in Django 4.1) and formsets with
// "django/forms/formsets/default.html". The built-in templates are ports of
// Django's Jinja2 form templates to jet syntax, under the same names, and
// produce the same HTML.
//
// Templates are parsed once and cached; with Reload set they are parsed
// anew on every render.
//
// # Template names
//
// Every name is from the root of the template tree, as in Django:
// {{ include "django/forms/widgets/attrs.html" }} and
// {{ include widget.template_name }} find the same template from any
// directory. As in Jinja (keep_trailing_newline off), one newline at the
// end of a template's source is dropped.
//
// # Context
//
// A render sees the Context's keys as variables, converted once per render
// so that jet treats them as Jinja treats Django's values:
//
//   - HTML and Safe(HTML) print unescaped; every other string is escaped
//     with Django's escape(). The safe filter marks a value as markup:
//     {{ field.help_text | safe }}.
//   - An Object prints its "__html__" unescaped and is false when empty.
//     Its other keys are read as fields (field.label, field.use_fieldset).
//     Keys holding a func with no arguments (label_tag, legend_tag,
//     css_classes, errors, as_div...) are called explicitly, as in Jinja:
//     {{ field.label_tag() }}; what they return is converted in turn, and
//     a func returning (value, error) stops the render with the error.
//     Funcs that take arguments are called as they are.
//   - Loops: jet's own range over a slice gives an index first
//     ({{ range i, pair := fields }}, and Jinja's loop.last is
//     i == len(fields) - 1); tuples unpack by index
//     ({{ field, errors := pair[0], pair[1] }}); iter(x) visits what Jinja's
//     "for v in x" visits (an Object's "__iter__", a slice's items, a
//     mapping's keys, nothing for nil): {{ range form := iter(formset) }}.
//     items(x) visits name, value pairs in order, Attrs in Attrs.Keys()
//     order: {{ range name, value := items(widget.attrs) }}.
//   - Empty slices, maps, Attrs and Objects are false in a condition, as
//     in Python. nil is jet's nil ({{ if widget.value != nil }}); Python's
//     "x is sameas False" is "x == false" (values of other types are never
//     equal to a bool).
//   - An Object's attribute holding nil, and nil returned by one of its
//     methods ({{ field.value() }} of an empty field, field.initial without
//     one), is Python's None: it prints "None", is false, and equals
//     itself, never nil; a missing attribute is jet's nil, undefined, and
//     prints nothing.
//   - Numbers other than integers, decimals, times and other scalar values
//     become their Python str(); an attribute value nil prints "None".
//     Structs and pointers pass through unchanged.
//   - str(x) is Python's str() of x.
type Jinja2 struct {
	FormTemplate    string
	FormsetTemplate string
	// Overlay holds templates found before the built-in ones, by name.
	Overlay fs.FS
	// Theme names a theme pack (templates.ThemeNames: "bootstrap5",
	// "govuk") whose jet templates are found after Overlay's and before
	// the built-in ones; "" is none. An unknown name makes Render fail.
	Theme string
	// Reload parses templates on every render (a development mode).
	Reload bool
	// NoFastPath renders every template with the engine, never with the
	// Go writers generated from the built-in templates (which print the
	// same bytes faster): the reference the generated writers are checked
	// against.
	NoFastPath bool

	overrides overrides
	found     sync.Map // names Render found, when not reloading

	layerOnce sync.Once
	layered   fs.FS
	themeErr  error

	once   sync.Once
	set    *jet.Set
	loader *jetLoader
	// textSet renders text templates (.txt), escaping as Jinja's
	// markupsafe does (see jinjaText).
	textOnce sync.Once
	textSet  *jet.Set

	progOnce sync.Once
	progs    programs

	// fast is what the fast path needs of the renderer (fastRenderer),
	// gathered once.
	fastOnce sync.Once
	fast     fastInfo
}

// programs returns the renderer's theme programs (program.go) compiled
// from its jet templates, nil when its theme is unknown (Render reports
// it).
func (r *Jinja2) programs() *programs {
	r.progOnce.Do(func() {
		l := &jetLoader{overlay: r.overlay(), builtin: templates.Jet}
		r.progs.source = func(name string) (string, error) {
			if strings.Contains(name, "..") {
				return "", fmt.Errorf("%s: a relative name is not supported", name)
			}
			_, src, ok, err := l.source(name)
			if err == nil && !ok {
				err = fmt.Errorf("TemplateDoesNotExist: %s", name)
			}
			// As Open: Jinja drops the newline that ends a source.
			src = strings.TrimSuffix(strings.TrimSuffix(src, "\n"), "\r")
			return src, err
		}
		r.progs.parse = tmplparse.ParseJet
	})
	if r.themeErr != nil {
		return nil
	}
	return &r.progs
}

// NewJinja2 returns Django's Jinja2 renderer (table style).
func NewJinja2() *Jinja2 { return &Jinja2{} }

// NewJinja2DivFormRenderer returns Django 4.1's div-style Jinja2 renderer.
func NewJinja2DivFormRenderer() *Jinja2 {
	return &Jinja2{FormTemplate: DivFormTemplate, FormsetTemplate: DivFormsetTemplate}
}

// FormTemplateName implements Renderer.
func (r *Jinja2) FormTemplateName() string {
	if r.FormTemplate == "" {
		return DefaultFormTemplate
	}
	return r.FormTemplate
}

// FormsetTemplateName implements Renderer.
func (r *Jinja2) FormsetTemplateName() string {
	if r.FormsetTemplate == "" {
		return DefaultFormsetTemplate
	}
	return r.FormsetTemplate
}

// Overridden reports whether the overlay holds a template of that name.
// Each name is looked up once, unless Reload is set.
func (r *Jinja2) Overridden(name string) bool {
	return r.overrides.has(r.overlay(), name, r.Reload)
}

// overlay is Overlay over the theme's templates.
func (r *Jinja2) overlay() fs.FS {
	r.layerOnce.Do(func() { r.layered, r.themeErr = themeOverlay("Jinja2", r.Theme, r.Overlay, true) })
	return r.layered
}

func (r *Jinja2) jetSet() *jet.Set {
	r.once.Do(func() {
		r.loader = &jetLoader{overlay: r.overlay(), builtin: templates.Jet}
		r.set = jet.NewSet(r.loader,
			jet.WithSafeWriter(escapeTo),
			jet.WithTemplateNameExtensions([]string{""}),
			jet.DevelopmentMode(r.Reload),
		)
		addJetGlobals(r.set)
	})
	return r.set
}

// addJetGlobals adds the functions every template may call.
func addJetGlobals(set *jet.Set) {
	set.AddGlobalFunc("iter", jetIter)
	set.AddGlobalFunc("items", jetItems)
	set.AddGlobalFunc("safe", jetSafeFunc)
	set.AddGlobalFunc("str", jetStr)
	set.AddGlobalFunc("translate", jetTranslate)
	addJinjaGlobals(set)
	addJetRecursionGuard(set) // recursion.go
}

// Render implements Renderer. Nothing is written to w unless the whole
// template rendered.
func (r *Jinja2) Render(w io.Writer, name string, ctx Context) (err error) {
	enginecount.Note(name)
	set := r.jetSet()
	if r.themeErr != nil {
		return r.themeErr
	}
	if isTextTemplate(name) {
		set = r.jetTextSet()
	}
	if _, known := r.found.Load(name); !known || r.Reload {
		// Looked up once per name unless reloading: a theme on disk costs
		// no stat per render.
		if fsys, _, _ := r.loader.find(name); fsys == nil {
			return templateError(name, fmt.Errorf("TemplateDoesNotExist: %s", name))
		}
		r.found.Store(name, true)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	defer func() {
		// jet reports template errors by panicking and recovers most of
		// them itself; anything that escapes becomes an error too.
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				err = templateError(name, r.loader.explain(e))
			} else {
				err = templateError(name, fmt.Errorf("%v", p))
			}
		}
	}()
	tpl, err := set.GetTemplate(name)
	if err != nil {
		return templateError(name, r.loader.explain(err))
	}
	sink := &ErrorSink{}
	c := newJetConverter()
	vars := make(jet.VarMap, len(ctx)+1)
	for k, v := range ctx {
		vars.Set(k, c.conv(v))
	}
	vars.Set(sinkKey, sink)
	vars.Set(jetChainKey, &jetChain{})
	if err := tpl.Execute(buf, vars, nil); err != nil {
		return templateError(name, r.loader.explain(err))
	}
	if err := sink.Err(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// jetLoader finds templates in the overlay, then the built-ins. jet joins
// a relative include to the including template's directory; Django names
// are from the root, so a name not found as joined is looked up again
// without its leading directories.
type jetLoader struct {
	overlay fs.FS
	builtin fs.FS
}

// find returns the file system, name and layer (the overlay's layers,
// then the built-ins) a template path resolves to, past the layers a
// name made by nextLayerName skips.
func (l *jetLoader) find(p string) (fs.FS, string, int) {
	skip, name := splitLayerName(strings.TrimPrefix(p, "/"))
	layers := appendLayers(nil, l.overlay)
	layers = append(layers, l.builtin)
	for {
		for i := skip; i < len(layers); i++ {
			if !fs.ValidPath(name) {
				continue
			}
			if st, err := fs.Stat(layers[i], name); err == nil && !st.IsDir() {
				return layers[i], name, i
			}
		}
		i := strings.IndexByte(name, '/')
		if i < 0 {
			return nil, "", -1
		}
		name = name[i+1:]
	}
}

func (l *jetLoader) Exists(p string) bool {
	fsys, _, _ := l.find(p)
	return fsys != nil
}

// source returns the source of the template path resolves to, with a
// {{ extends }} of the template's own name rewritten to the next layer
// holding it (as Django's loaders skip the extending template's origin),
// and the name that identifies it; ok false when there is none.
func (l *jetLoader) source(p string) (id, src string, ok bool, err error) {
	fsys, name, layer := l.find(p)
	if fsys == nil {
		return "", "", false, nil
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", "", false, err
	}
	src = string(b)
	id = name
	if skip, _ := splitLayerName(strings.TrimPrefix(p, "/")); skip > 0 {
		id = nextLayerName(layer, name)
	}
	src = extendsNextLayer(src, "/"+name, layer+1, jetExtendsRe(), func(parent string) string {
		if !path.IsAbs(parent) {
			parent = path.Join(path.Dir("/"+name), parent)
		}
		return parent
	}, func(next int) bool {
		f, _, _ := l.find(nextLayerName(next, name))
		return f != nil
	})
	return id, src, true, nil
}

func (l *jetLoader) Open(p string) (io.ReadCloser, error) {
	id, s, ok, err := l.source(p)
	if !ok && err == nil {
		return nil, fmt.Errorf("TemplateDoesNotExist: %s", strings.TrimPrefix(p, "/"))
	}
	if err != nil {
		return nil, err
	}
	// Jinja drops the newline that ends a template's source.
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	// The chain names the template found, not the path asked for: jet
	// resolves an include relative to the including template's directory
	// (django/forms/django/forms/div.html), which find strips back.
	_, name := splitLayerName(id)
	if strings.Contains(s, "extends") || strings.Contains(s, "import") {
		if err := checkJetExtends(id, s, l.source); err != nil {
			return nil, err
		}
	}
	return io.NopCloser(strings.NewReader(guardJetIncludes(name, s))), nil
}

// escapeTo writes b escaped as Django's escape() does.
func escapeTo(w io.Writer, b []byte) {
	last := 0
	for i, c := range b {
		e := escapeIndex[c]
		if e == 0 {
			continue
		}
		_, _ = w.Write(b[last:i])
		_, _ = io.WriteString(w, escapes[e])
		last = i + 1
	}
	_, _ = w.Write(b[last:])
}

// ---------------------------------------------------------------- values

// jetSafe is markup as jet sees it: a string that prints unescaped.
type jetSafe string

// Render writes the markup to the render's own writer, past the escaper.
func (s jetSafe) Render(r *jet.Runtime) { _, _ = io.WriteString(r.Writer, string(s)) }

// String is the markup itself.
func (s jetSafe) String() string { return string(s) }

// jetMarkup is markupsafe's Markup as jet sees it: markup a Jinja filter
// made (safe, escape, xmlattr...), which prints unescaped, as jetSafe
// does, and whose string methods (upper, center...) keep it Markup,
// where those of Django's safe strings (jetSafe) give plain strings.
type jetMarkup string

// Render writes the markup to the render's own writer, past the escaper.
func (s jetMarkup) Render(r *jet.Runtime) { _, _ = io.WriteString(r.Writer, string(s)) }

// String is the markup itself.
func (s jetMarkup) String() string { return string(s) }

// jetNone is Python's None as an Object's attribute holds it
// ({{ field.value() }} of an empty field, {{ field.initial }} without
// one): it prints "None", as Jinja prints None, where jet's nil, an
// undefined attribute, prints nothing. It is false (a zero value) and
// equal to itself; the Jinja functions read it as nil (valueOf).
type jetNone struct{}

// Render writes "None".
func (jetNone) Render(r *jet.Runtime) { _, _ = io.WriteString(r.Writer, "None") }

// String is Python's str(None).
func (jetNone) String() string { return "None" }

// jetDecimal and jetFloat are a decimal and a float as jet sees them:
// Python's str() of the number, which prints and compares as that text,
// and is a number to Jinja's tests, not a string.
type (
	jetDecimal string
	jetFloat   string
)

func (n jetDecimal) Render(r *jet.Runtime) { _, _ = io.WriteString(r.Writer, string(n)) }
func (n jetDecimal) String() string        { return string(n) }
func (n jetFloat) Render(r *jet.Runtime)   { _, _ = io.WriteString(r.Writer, string(n)) }
func (n jetFloat) String() string          { return string(n) }

// jetTime is a date, a time, a datetime or a timedelta as jet sees it:
// Python's str() of it (jet would print a time.Time with Go's
// formatting), and no string to Jinja's tests.
type jetTime string

func (t jetTime) Render(r *jet.Runtime) { _, _ = io.WriteString(r.Writer, string(t)) }
func (t jetTime) String() string        { return string(t) }

// jetObject is an Object as jet sees it: its attributes converted, its
// "__html__" and "__iter__" kept as they were. A nil jetObject is an empty
// Object: false, and prints nothing.
type jetObject map[string]any

// Render writes the Object's HTML unescaped.
func (o jetObject) Render(r *jet.Runtime) { _, _ = io.WriteString(r.Writer, o.String()) }

// String is the Object's HTML.
func (o jetObject) String() string {
	if h, ok := o[HTMLKey].(templateHTML); ok {
		return string(h) // Safe(...) as "__html__": markup too
	}
	return Object(o).String()
}

// jetConverter turns context values into values jet handles as Jinja
// handles Django's, converting each map once (so shared and cyclic values
// stay shared).
type jetConverter struct {
	seen map[uintptr]any
}

func newJetConverter() *jetConverter { return &jetConverter{seen: map[uintptr]any{}} }

var errorType = reflect.TypeOf((*error)(nil)).Elem()

func (c *jetConverter) conv(v any) any { return c.convert(v, false) }

// attr is the value of an Object's attribute as jet sees it: nil, and
// nil returned by a method of the Object, are Python's None (jetNone),
// which a missing attribute (undefined, jet's nil) is not.
func (c *jetConverter) attr(v any) any { return c.convert(v, true) }

func (c *jetConverter) convert(v any, none bool) any {
	if v == nil && none {
		return jetNone{}
	}
	switch x := v.(type) {
	case nil, string, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64,
		jetSafe, jetMarkup, jetObject, jet.Func, jinjaTuple, jetDecimal, jetFloat, jetTime, jetNone:
		return v
	case templateHTML:
		return jetSafe(x)
	case decimal.Decimal:
		return jetDecimal(pyfmt.Str(v))
	case float64, float32:
		return jetFloat(pyfmt.Str(v))
	case time.Time, time.Duration:
		return jetTime(pyfmt.Str(v))
	case HTML:
		return jetSafe(x)
	case Object:
		if len(x) == 0 {
			return jetObject(nil)
		}
		key := reflect.ValueOf(x).Pointer()
		if done, ok := c.seen[key]; ok {
			return done
		}
		out := make(jetObject, len(x))
		c.seen[key] = out
		for k, e := range x {
			switch {
			case k == HTMLKey || k == IterKey:
				out[k] = e
			case strings.HasPrefix(k, "__"):
				out[k] = c.conv(e)
			default:
				out[k] = c.attr(e)
			}
		}
		return out
	case Attrs:
		if len(x) == 0 {
			return Attrs(nil)
		}
		out := make(Attrs, len(x))
		for k, e := range x {
			out[k] = c.conv(e)
		}
		return out
	case []any:
		if len(x) == 0 {
			return []any(nil)
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = c.conv(e)
		}
		return out
	case *ErrorSink:
		return x
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Uint8 {
			return string(rv.Bytes())
		}
		if rv.Len() == 0 {
			return []any(nil)
		}
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = c.conv(rv.Index(i).Interface())
		}
		return out
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return v
		}
		if rv.Len() == 0 {
			return map[string]any(nil)
		}
		key := rv.Pointer()
		if done, ok := c.seen[key]; ok {
			return done
		}
		out := make(map[string]any, rv.Len())
		c.seen[key] = out
		it := rv.MapRange()
		for it.Next() {
			out[it.Key().String()] = c.conv(it.Value().Interface())
		}
		return out
	case reflect.Func:
		t := rv.Type()
		if !rv.IsNil() && t.NumIn() > 0 && t.NumOut() == 1 && !t.IsVariadic() {
			return jetFuncWithArgs(rv)
		}
		if rv.IsNil() || t.NumIn() != 0 || t.NumOut() == 0 || t.NumOut() > 2 ||
			(t.NumOut() == 2 && t.Out(1) != errorType) {
			return v
		}
		return jet.Func(func(a jet.Arguments) reflect.Value {
			a.RequireNumOfArguments("method", 0, 0)
			out := rv.Call(nil)
			if len(out) == 2 && !out[1].IsNil() {
				panic(out[1].Interface().(error))
			}
			return reflect.ValueOf(newJetConverter().convert(out[0].Interface(), none))
		})
	case reflect.Struct, reflect.Pointer, reflect.Interface, reflect.Chan:
		return v
	case reflect.String:
		return rv.String()
	}
	// Floats, decimals, times, durations...: what Python's str() prints.
	return pyfmt.Str(v)
}

// jetRanger visits a list of values, or of name, value pairs.
type jetRanger struct {
	keys   []string // nil: no index
	values []any
	i      int
}

func (r *jetRanger) Range() (reflect.Value, reflect.Value, bool) {
	if r.i >= len(r.values) {
		return reflect.Value{}, reflect.Value{}, true
	}
	i := r.i
	r.i++
	if r.keys != nil {
		return reflect.ValueOf(r.keys[i]), reflect.ValueOf(r.values[i]), false
	}
	return reflect.ValueOf(i), reflect.ValueOf(r.values[i]), false
}

func (r *jetRanger) ProvidesIndex() bool { return r.keys != nil }

// argument is the one argument of a function, nil for None (undefined
// or jetNone).
func argument(a jinjaArgs, fn string) any {
	a.RequireNumOfArguments(fn, 1, 1)
	return valueOf(a.Get(0))
}

// isNone reports whether v is undefined (nil) or Python's None.
func isNone(v reflect.Value) bool { return valueOf(v) == nil }

// jetIter is the iter() of templates: what Jinja's for loop visits.
func jetIter(a jet.Arguments) reflect.Value {
	v := argument(&a, "iter")
	c := newJetConverter()
	var items []any
	switch x := v.(type) {
	case jetObject:
		for _, e := range Object(x).Items() {
			items = append(items, c.conv(e))
		}
	case nil:
	default:
		for _, e := range IterItems(v, false) {
			items = append(items, c.conv(e))
		}
	}
	return reflect.ValueOf(&jetRanger{values: items})
}

// jetItems is the items() of templates: name, value pairs in order.
func jetItems(a jet.Arguments) reflect.Value {
	v := argument(&a, "items")
	r := &jetRanger{keys: []string{}}
	add := func(k string, e any) {
		r.keys = append(r.keys, k)
		r.values = append(r.values, e)
	}
	switch x := v.(type) {
	case nil:
	case Attrs:
		for _, k := range x.Keys() {
			e := x[k]
			if e == nil {
				e = "None"
			}
			add(k, e)
		}
	case jetObject:
		if items, ok := x["items"].([]any); ok {
			// A mapping of its own (an error dict, its get_json_data()):
			// its pairs in order.
			for _, p := range items {
				if kv, ok := p.([]any); ok && len(kv) == 2 {
					add(pyfmt.Str(kv[0]), kv[1])
				}
			}
			break
		}
		for _, p := range IterItems(map[string]any(x), true) {
			kv := p.([]any)
			if k := kv[0].(string); !strings.HasPrefix(k, "__") {
				add(k, kv[1])
			}
		}
	default:
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Map || rv.Type().Key().Kind() != reflect.String {
			a.Panicf("items(): %T is not a mapping", v)
		}
		c := newJetConverter()
		for _, p := range IterItems(v, true) {
			kv := p.([]any)
			add(fmt.Sprint(kv[0]), c.conv(kv[1]))
		}
	}
	return reflect.ValueOf(r)
}

// jetSafeFunc is the safe filter: its argument printed as it is.
func jetSafeFunc(a jet.Arguments) reflect.Value { return jinjaSafe(&a) }

// jetStr is str(): Python's str() of its argument.
func jetStr(a jet.Arguments) reflect.Value {
	v := argument(&a, "str")
	if o, ok := v.(jetObject); ok {
		return reflect.ValueOf(jetSafe(o.String()))
	}
	return reflect.ValueOf(pyfmt.Str(v))
}
