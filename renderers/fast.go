package renderers

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sync"
)

// The fast path. Most forms render with Django's built-in templates,
// unchanged; running them through a template engine costs far more than
// the HTML they produce. So each built-in template also exists as a Go
// writer generated from it (builtin_gen.go, by internal/tmplgen), which
// prints the view model (view.go) exactly as the template prints the
// context built from that view. The Write functions use a writer when the
// renderer is DjangoTemplates or Jinja2, neither reloading nor set to
// NoFastPath, and its overlay overrides none of the templates the writer
// stands for (the template and those it includes). Anything unexpected
// (an option template that is overridden, a value of an unknown kind)
// makes the writer decline, and the caller renders with the engine.

// builtinSet names a renderer's set of built-in templates, which
// internal/tmplgen compiles: Django's (DjangoTemplates, Jinja2), or the
// AccessibleFormRenderer's (templates/accessible laid over Django's),
// whose writers replace Django's where its templates do.
type builtinSet uint8

const (
	setDjango builtinSet = iota
	setAccessible
)

// errDecline is how a generated writer gives the rendering back to the
// engine.
var errDecline = errors.New("renderers: the fast path declines")

// overrides caches which names an overlay holds, so that a renderer
// looks each name up once (not on every render) unless it reloads.
type overrides struct {
	names sync.Map // name -> bool
}

func (o *overrides) has(overlay fs.FS, name string, reload bool) bool {
	if overlay == nil {
		return false
	}
	if !reload {
		if v, ok := o.names.Load(name); ok {
			return v.(bool)
		}
	}
	_, err := fs.Stat(overlay, name)
	if !reload {
		o.names.Store(name, err == nil)
	}
	return err == nil
}

// fastRenderer returns what the fast path needs of r, ok false when r
// renders every template with its engine. What it returns is the
// renderer's own, made once: one rendering goes through many generated
// writers (the form's, then each field's label, widget and errors), and
// each would otherwise gather the same values again.
func fastRenderer(r Renderer) (fi *fastInfo, ok bool) {
	switch x := r.(type) {
	case *DjangoTemplates:
		if x.Reload || x.NoFastPath {
			return nil, false
		}
		x.fastOnce.Do(func() {
			x.fast = fastInfo{ov: &x.overrides, overlay: x.overlay(), progs: x.programs()}
		})
		return &x.fast, true
	case *Jinja2:
		if x.Reload || x.NoFastPath {
			return nil, false
		}
		x.fastOnce.Do(func() {
			x.fast = fastInfo{ov: &x.overrides, overlay: x.overlay(), jinja: true, progs: x.programs()}
		})
		return &x.fast, true
	case *Accessible:
		if x.Reload || x.NoFastPath {
			return nil, false
		}
		x.fastOnce.Do(func() {
			// The writers of the accessible set stand for the accessible
			// templates: only the application's overlay overrides them.
			// An overridden template runs on its theme program, compiled
			// from the overlay over the accessible templates.
			x.fast = fastInfo{ov: &x.overrides, overlay: x.Overlay, set: setAccessible, progs: x.templates().programs()}
		})
		return &x.fast, true
	}
	return nil, false
}

// fastInfo is what the fast path knows of a renderer that does not
// reload, the same for all its renderings.
type fastInfo struct {
	ov      *overrides
	overlay fs.FS
	jinja   bool
	// set is the renderer's set of built-in templates.
	set builtinSet
	// progs are the renderer's theme programs (program.go), nil for
	// none: an overridden template runs on its program when it has one.
	progs *programs
}

// usable reports whether none of deps is overridden.
func (fi *fastInfo) usable(deps []string) bool {
	if fi.overlay == nil {
		return true
	}
	for _, d := range deps {
		if fi.ov.has(fi.overlay, d, false) {
			return false
		}
	}
	return true
}

// genState is what a generated writer carries through one rendering:
// the renderer's fastInfo, by pointer so that a state taken from the
// pool and given back costs a few words, and what the rendering met.
type genState struct {
	*fastInfo
	// declined is set when a value of a kind the writers do not know was
	// met: the engine renders instead.
	declined bool
	// The last template included by name, which lists of options name
	// again and again.
	lastName string
	lastFn   func(*genState, *bytes.Buffer, *WidgetView) error
	// chain names the theme programs running, outermost first: a theme
	// widget template that includes itself by name (its own
	// widget.template_name) must end in a RecursionError, as on the
	// engines, not in a stack overflow.
	chain []string
}

// reset empties s for the pool, writing only the words a rendering set.
func (s *genState) reset() {
	s.fastInfo, s.declined = nil, false
	if s.lastFn != nil {
		s.lastName, s.lastFn = "", nil
	}
	if s.chain != nil {
		s.chain = nil
	}
}

// truth is v's truth, declining the rendering for an unknown kind.
func (s *genState) truth(v Value) bool {
	t, ok := v.truth()
	if !ok {
		s.declined = true
	}
	return t
}

// valueAttr is {{ v.name }} of a widget value: an attribute of the value
// a ClearableFileInput shows its stored file by (an Object whose url and
// name are strings). Any other value, or an attribute not a string,
// declines the rendering.
func (s *genState) valueAttr(v Value, name string) Value {
	if o, ok := v.v.(Object); ok && v.kind == 2 {
		if a, ok := o[name].(string); ok {
			return StringValue(a)
		}
	}
	s.declined = true
	return Value{}
}

// includeWidget is {% include name with widget=x %}: the named widget
// template's writer, or a decline when it has none or is overridden.
func (s *genState) includeWidget(b *bytes.Buffer, name string, x *WidgetView) error {
	if name != s.lastName || s.lastFn == nil {
		fn, deps := genWidget(name, s.set)
		if fn == nil || !s.usable(deps) {
			if p := s.progs.get(name, vkWidget); p != nil {
				return s.runProgram(p, name, b, x)
			}
			return errDecline
		}
		s.lastName, s.lastFn = name, fn
	}
	return s.lastFn(s, b, x)
}

// runProgram runs the theme program p of the widget template name inside
// the chain of programs running.
func (s *genState) runProgram(p *program, name string, b *bytes.Buffer, x *WidgetView) error {
	chain, err := IncludeChain(s.chain, name)
	if err != nil {
		return err
	}
	outer := s.chain
	s.chain = chain
	err = p.run(s, b, x)
	s.chain = outer
	return err
}

// NativeOK reports whether the named built-in template renders from its
// view with r: r is DjangoTemplates or Jinja2, renders through the fast
// path, and either overrides none of the templates the generated writer
// stands for or (DjangoTemplates) has a theme program for the overriding
// template (program.go).
func NativeOK(r Renderer, name string) bool {
	fi, ok := fastRenderer(r)
	if !ok {
		return false
	}
	deps := genDeps(name, fi.set)
	return deps != nil && (fi.usable(deps) || fi.progs.get(name, kindOf(name)) != nil)
}

// genDeps returns the templates the named template's writer in set
// stands for, nil when it has none.
func genDeps(name string, set builtinSet) []string {
	if _, d := genWidget(name, set); d != nil {
		return d
	}
	if _, d := genLabel(name, set); d != nil {
		return d
	}
	if _, d := genErrorList(name, set); d != nil {
		return d
	}
	if _, d := genErrorDict(name, set); d != nil {
		return d
	}
	if _, d := genForm(name, set); d != nil {
		return d
	}
	_, d := genFormset(name, set)
	return d
}

// Generated lists the built-in templates that have a generated writer.
func Generated() []string { return append([]string(nil), genNames...) }

// write runs the writer of the named template in r's set (lookup finds
// it) into b, trimmed as RenderString trims its result. handled is false
// (and b as it was) when the engine must render instead.
func write[T any](b *bytes.Buffer, r Renderer, name string, lookup func(string, builtinSet) (func(*genState, *bytes.Buffer, *T) error, []string), v *T) (handled bool, err error) {
	if v == nil {
		return false, nil
	}
	fi, ok := fastRenderer(r)
	if !ok {
		return false, nil
	}
	fn, deps := lookup(name, fi.set)
	if fn == nil {
		return false, nil
	}
	var p *program
	if !fi.usable(deps) {
		// An overridden template: its theme program, when it has one.
		if p = fi.progs.get(name, kindOf(name)); p == nil {
			return false, nil
		}
	}
	s := statePool.Get().(*genState)
	s.fastInfo = fi
	mark := b.Len()
	// One deferred call both recovers and gives the state back.
	defer func() {
		// A view missing what its template prints (a nil FieldView, say)
		// is the caller's mistake: an error, not a crash.
		if p := recover(); p != nil {
			b.Truncate(mark)
			handled, err = true, fmt.Errorf("renderers: the generated writer of %s: incomplete view: %v", deps, p)
		}
		s.reset()
		statePool.Put(s)
	}()
	if p != nil {
		err = p.run(s, b, v)
	} else {
		err = fn(s, b, v)
	}
	if err == errDecline || (err == nil && s.declined) {
		b.Truncate(mark)
		return false, nil
	}
	if err != nil {
		b.Truncate(mark)
		return true, err
	}
	trimFrom(b, mark)
	return true, nil
}

var statePool = sync.Pool{New: func() any { return new(genState) }}

// spaceless is Django's {% spaceless %} on what was written to b after
// mark, as the engine's tag does it (pongo2compat.go): the whitespace
// around it stripped, and the whitespace between a '>' and a '<'
// (regexp's \s: tab, newline, form feed, carriage return, space)
// removed. The text only shrinks, so it is rewritten in place.
func spaceless(b *bytes.Buffer, mark int) {
	trimFrom(b, mark)
	buf := b.Bytes()
	w, i := mark, mark
	for {
		k := bytes.IndexByte(buf[i:], '>')
		if k < 0 {
			break
		}
		k += i + 1 // past the '>'
		j := k
		for j < len(buf) && (buf[j] == ' ' || buf[j] == '\n' || buf[j] == '\t' || buf[j] == '\r' || buf[j] == '\f') {
			j++
		}
		if j == k || j == len(buf) || buf[j] != '<' {
			// Not whitespace between tags: kept, and the search goes on
			// after the '>' (the whitespace may end at another '>').
			w += copy(buf[w:], buf[i:k])
			i = k
			continue
		}
		w += copy(buf[w:], buf[i:k])
		i = j // the '<' is copied with what follows
	}
	w += copy(buf[w:], buf[i:])
	b.Truncate(w)
}

// trimFrom strips the whitespace around what was written to b after mark.
func trimFrom(b *bytes.Buffer, mark int) {
	all := b.Bytes()
	region := all[mark:]
	t := bytes.TrimSpace(region)
	if len(t) == len(region) {
		return
	}
	n := copy(region, t)
	b.Truncate(mark + n)
}

// WriteWidget writes the named widget template for v to b with its
// generated writer; false when r's engine must render it.
func WriteWidget(b *bytes.Buffer, r Renderer, name string, v *WidgetView) (bool, error) {
	return write(b, r, name, genWidget, v)
}

// WriteLabel writes the named label template for v.
func WriteLabel(b *bytes.Buffer, r Renderer, name string, v *LabelView) (bool, error) {
	return write(b, r, name, genLabel, v)
}

// WriteErrorList writes the named error list template for v.
func WriteErrorList(b *bytes.Buffer, r Renderer, name string, v *ErrorListView) (bool, error) {
	return write(b, r, name, genErrorList, v)
}

// WriteErrorDict writes the named error dict template for v.
func WriteErrorDict(b *bytes.Buffer, r Renderer, name string, v *ErrorDictView) (bool, error) {
	return write(b, r, name, genErrorDict, v)
}

// WriteForm writes the named form template for v.
func WriteForm(b *bytes.Buffer, r Renderer, name string, v *FormView) (bool, error) {
	return write(b, r, name, genForm, v)
}

// WriteFormset writes the named formset template for v.
func WriteFormset(b *bytes.Buffer, r Renderer, name string, v *FormsetView) (bool, error) {
	return write(b, r, name, genFormset, v)
}
