package renderers

import (
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/CloudyKit/jet/v6"
)

// MaxTemplateDepth bounds how deeply templates include or extend one
// another in both engines. A template that includes itself, directly or
// through others, raised RecursionError in Django; without a bound
// pongo2 overflowed the goroutine's stack, which kills the process, and
// jet went on for 100,000 levels while the name grew. No form template
// nests a tenth as deep.
const MaxTemplateDepth = 50

// RecursionError is the error of a template chain deeper than
// MaxTemplateDepth or extending itself: Django's RecursionError, naming
// the chain of templates, outermost first.
type RecursionError struct {
	Chain []string
	// Extends is set when the chain is of {% extends %} (found when the
	// template is loaded), not of includes.
	Extends bool
}

func (e *RecursionError) Error() string {
	what := "include"
	if e.Extends {
		what = "extends"
	}
	chain := e.Chain
	if len(chain) > 8 {
		chain = append(append(append([]string{}, chain[:4]...), fmt.Sprintf("... %d more", len(chain)-7)), chain[len(chain)-3:]...)
	}
	return fmt.Sprintf("RecursionError: maximum template %s depth (%d) exceeded or a cycle: %s", what, MaxTemplateDepth, strings.Join(chain, " > "))
}

// Nesting counts how deeply one value renders inside its own rendering:
// a form template printing {{ form }}, an error list template printing
// {{ errors }}, a label template printing {{ field.label_tag }}. Such a
// value renders through a new call of its renderer, outside the include
// chain that bounds includes, so the value (a form, a formset, an error
// list) keeps its own count. Like the value, it serves one rendering at
// a time. The zero value is ready.
type Nesting int

// Enter counts one more rendering of the template name inside the value,
// or returns a RecursionError past MaxTemplateDepth; a nil error must be
// followed by Leave.
func (n *Nesting) Enter(name string) error {
	if *n >= MaxTemplateDepth {
		return &RecursionError{Chain: []string{name, name, fmt.Sprintf("... %d renderings of one value inside itself", MaxTemplateDepth)}}
	}
	*n++
	return nil
}

// Leave ends what Enter began.
func (n *Nesting) Leave() { *n-- }

// recoverTemplatePanic turns a panic of the engine while rendering the
// template name into *err: pongo2 panics on some broken expressions
// ({{ x % 0 }} divides by zero), and a broken template must give an
// error, not take the process down.
func recoverTemplatePanic(name string, err *error) {
	if p := recover(); p != nil {
		if e, ok := p.(error); ok {
			*err = templateError(name, fmt.Errorf("the template engine failed: %w", e))
		} else {
			*err = templateError(name, fmt.Errorf("the template engine failed: %v", p))
		}
	}
}

// failExtends replaces src's {% extends %} tag with an fw_fail tag
// carrying err, on the same line.
func failExtends(src string, err error) string {
	loc := extendsRe().FindStringIndex(src)
	if loc == nil {
		return src
	}
	end := strings.Index(src[loc[0]:], "%}")
	if end < 0 {
		return src
	}
	msg := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(err.Error())
	return src[:loc[0]] + `{% fw_fail "` + msg + `" %}` + src[loc[0]+end+2:]
}

// IncludeChain returns chain, the names of the templates being rendered
// outermost first, with name added, or a RecursionError when it would be
// deeper than MaxTemplateDepth: how an engine (and the fast path) bounds
// the templates including one another.
func IncludeChain(chain []string, name string) ([]string, error) {
	next := append(chain[:len(chain):len(chain)], name)
	if len(next) > MaxTemplateDepth {
		return nil, &RecursionError{Chain: next}
	}
	return next, nil
}

// Template names past a layer. A theme's template may extend the built-in
// template of its own name ({% extends "django/forms/div.html" %} in the
// overlay's django/forms/div.html): Django's loaders then look the name
// up past the extending template's origin. The loaders rewrite such an
// extends to a name carrying the first layer to search, which the
// template sets cache apart from the overlay's template of that name.

// layerSuffix ends a name that skips layers: name + "@fw-layer-2". A
// suffix, so that the names a template includes relative to its own
// directory (jet) are found as usual.
const layerSuffix = "@fw-layer-"

// nextLayerName is name looked up from the layer-th layer on.
func nextLayerName(layer int, name string) string {
	return name + layerSuffix + strconv.Itoa(layer)
}

// splitLayerName returns the first layer a name made by nextLayerName
// searches (0 for any other name) and the template's name.
func splitLayerName(p string) (int, string) {
	i := strings.LastIndex(p, layerSuffix)
	if i < 0 {
		return 0, p
	}
	layer, err := strconv.Atoi(p[i+len(layerSuffix):])
	if err != nil || layer < 0 {
		return 0, p
	}
	return layer, p[:i]
}

// appendLayers appends the file systems of an overlay, a layerFS by its
// layers, to out.
func appendLayers(out []fs.FS, fsys fs.FS) []fs.FS {
	switch x := fsys.(type) {
	case nil:
		return out
	case layerFS:
		for _, f := range x {
			out = appendLayers(out, f)
		}
		return out
	}
	return append(out, fsys)
}

// extendsNextLayer rewrites the extends tag of src, the source of the
// template name found in a layer, when it names the template itself
// (after resolve) and a later layer holds that name (has): it extends
// the template of that name from layer next on. Without one the
// template extends itself, a RecursionError. The rewrite keeps every
// line where it was.
func extendsNextLayer(src, name string, next int, re *regexp.Regexp, resolve func(string) string, has func(next int) bool) string {
	if !strings.Contains(src, "extends") {
		return src
	}
	m := re.FindStringSubmatchIndex(src)
	if m == nil {
		return src
	}
	g := 2
	if m[2] < 0 {
		g = 4
	}
	if m[g] < 0 || resolve(src[m[g]:m[g+1]]) != name || !has(next) {
		return src
	}
	return src[:m[g]] + nextLayerName(next, name) + src[m[g+1]:]
}

// extendsRe finds the parent a template names in {% extends "..." %}
// (pongo2 takes only a string literal there).
var extendsRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{%-?\s*extends\s*(?:"([^"]*)"|'([^']*)')`) })

// checkExtends follows the {% extends %} chain from the template name
// with source src, each parent found by get, and returns a
// RecursionError for a cycle or a chain deeper than MaxTemplateDepth:
// pongo2 parses a parent while parsing its child, so a template that
// extends itself recursed until the stack overflowed.
func checkExtends(name, src string, get func(string) (string, error)) error {
	chain := []string{name}
	for {
		m := extendsRe().FindStringSubmatch(src)
		if m == nil {
			return nil
		}
		parent := m[1] + m[2]
		chain = append(chain, parent)
		for _, seen := range chain[:len(chain)-1] {
			if seen == parent {
				return &RecursionError{Chain: chain, Extends: true}
			}
		}
		if len(chain) > MaxTemplateDepth {
			return &RecursionError{Chain: chain, Extends: true}
		}
		var err error
		if src, err = get(parent); err != nil {
			return nil // pongo2 reports the missing parent itself
		}
	}
}

// ---------------------------------------------------------------- jet

// jet's include statement counts its depth up to 100,000 only, and its
// exec and includeIfExists functions not at all. Every template jet
// loads has {{ fw_enter("ITS NAME") }} written before each of its
// {{ include }} statements: a function that reads jet's own depth count
// and refuses to go deeper than MaxTemplateDepth; the two functions are
// replaced by ones that refuse to run.

const (
	jetEnterFunc   = "fw_enter"
	jetYieldFunc   = "fw_yield"
	jetYieldedFunc = "fw_yielded"
	jetChainKey    = "_fw_chain"
)

// jetChain records, by depth, the templates of a render that include
// another: the chain being rendered is always names[:depth+1].
type jetChain struct {
	names  []string
	yields int // yield statements being executed
}

func addJetRecursionGuard(set *jet.Set) {
	set.AddGlobalFunc(jetEnterFunc, func(a jet.Arguments) reflect.Value {
		a.RequireNumOfArguments(jetEnterFunc, 1, 1)
		rt := a.Runtime()
		depth := int(reflect.ValueOf(rt).Elem().FieldByName("includeDepth").Int())
		c, _ := rt.Resolve(jetChainKey).Interface().(*jetChain)
		if c == nil {
			c = &jetChain{}
		}
		for len(c.names) <= depth {
			c.names = append(c.names, "")
		}
		c.names = c.names[:depth+1]
		c.names[depth] = a.Get(0).String()
		if depth+1 >= MaxTemplateDepth {
			panic(&RecursionError{Chain: append(append([]string{}, c.names...), "...")})
		}
		return reflect.ValueOf("")
	})
	set.AddGlobalFunc(jetYieldFunc, func(a jet.Arguments) reflect.Value {
		if c, _ := a.Runtime().Resolve(jetChainKey).Interface().(*jetChain); c != nil {
			if c.yields++; c.yields > MaxTemplateDepth {
				panic(&RecursionError{Chain: append(append([]string{}, c.names...), fmt.Sprintf("%d nested yields", c.yields))})
			}
		}
		return reflect.ValueOf("")
	})
	set.AddGlobalFunc(jetYieldedFunc, func(a jet.Arguments) reflect.Value {
		if c, _ := a.Runtime().Resolve(jetChainKey).Interface().(*jetChain); c != nil && c.yields > 0 {
			c.yields--
		}
		return reflect.ValueOf("")
	})
	for _, fn := range []string{"exec", "includeIfExists"} {
		fn := fn
		set.AddGlobalFunc(fn, func(a jet.Arguments) reflect.Value {
			a.Panicf("%s() is not available in formwork's templates; use {{ include }}", fn)
			return reflect.Value{}
		})
	}
}

// guardJetIncludes writes {{ fw_enter("name") }} before each include
// statement of src, the source of the template name, and wraps each
// yield statement (a block calling a block, which jet does not count at
// all: a block yielding itself overflowed the stack) in
// {{ fw_yield() }} ... {{ fw_yielded() }}, moving the trim markers
// ("{{-", "-}}") to the added actions. It adds no line, so errors keep
// their lines.
func guardJetIncludes(name, src string) string {
	if !strings.Contains(src, "include") && !strings.Contains(src, "yield") {
		return src
	}
	enter := jetEnterFunc + "(" + strconv.Quote(name) + ")"
	var b strings.Builder
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			b.WriteString(src)
			return b.String()
		}
		b.WriteString(src[:i])
		src = src[i+2:]
		trim := strings.HasPrefix(src, "-")
		j := 0
		if trim {
			j = 1
		}
		for j < len(src) && isJetSpace(src[j]) {
			j++
		}
		open := "{{ "
		if trim {
			open = "{{- "
		}
		switch {
		case isJetKeyword(src[j:], "include"):
			b.WriteString(open + enter + " }}{{ ")
			src = src[j:]
		case isJetKeyword(src[j:], "yield"):
			end := jetActionEnd(src, j)
			if end < 0 {
				b.WriteString("{{")
				continue // unterminated: jet reports it
			}
			body, rtrim := src[j:end], strings.HasSuffix(src[:end], "-")
			if rtrim {
				body = strings.TrimSuffix(body, "-")
			}
			b.WriteString(open + jetYieldFunc + "() }}{{ " + body + "}}{{ " + jetYieldedFunc + "() ")
			if rtrim {
				b.WriteString("-")
			}
			b.WriteString("}}")
			src = src[end+2:]
		default:
			b.WriteString("{{")
		}
	}
}

// isJetKeyword reports whether s starts with the keyword kw and a space.
func isJetKeyword(s, kw string) bool {
	return strings.HasPrefix(s, kw) && len(s) > len(kw) && isJetSpace(s[len(kw)])
}

// jetActionEnd returns the index of the "}}" that closes the action whose
// body starts at src[i], outside string literals; -1 when none does.
func jetActionEnd(src string, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case c == '"' || c == '\'' || c == '`':
			k := i + 1
			for k < len(src) && src[k] != c {
				if src[k] == '\\' && c != '`' {
					k++
				}
				k++
			}
			if k >= len(src) {
				return -1
			}
			i = k + 1
			continue
		case strings.HasPrefix(src[i:], "}}"):
			return i
		}
		i++
	}
	return -1
}

func isJetSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// jetExtendsRe finds the parent or library a jet template names in
// {{ extends "..." }} or {{ import "..." }}, which jet parses with it.
var jetExtendsRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("\\{\\{-?\\s*(?:extends|import)\\s*(?:\"([^\"]*)\"|`([^`]*)`)")
})

// checkJetExtends is checkExtends for jet's extends and import, whose
// names are relative to the template's directory unless absolute; load
// returns a template's identity (its name, with its layer when it is not
// the first) and source.
func checkJetExtends(name, src string, load func(string) (id, src string, ok bool, err error)) error {
	chain := []string{name}
	dir := name
	for {
		ms := jetExtendsRe().FindAllStringSubmatch(src, -1)
		if len(ms) == 0 {
			return nil
		}
		// Follow the first; a template rarely imports more than one.
		parent := ms[0][1] + ms[0][2]
		if !path.IsAbs(parent) {
			_, d := splitLayerName(dir)
			parent = path.Join(path.Dir("/"+d), parent)
		}
		id, psrc, ok, err := load(parent)
		if !ok || err != nil {
			return nil // jet reports the missing template itself
		}
		chain = append(chain, id)
		for _, seen := range chain[:len(chain)-1] {
			if seen == id {
				return &RecursionError{Chain: chain, Extends: true}
			}
		}
		if len(chain) > MaxTemplateDepth {
			return &RecursionError{Chain: chain, Extends: true}
		}
		dir, src = id, psrc
	}
}
