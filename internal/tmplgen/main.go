// Command tmplgen compiles formwork's built-in Django-syntax form
// templates (templates/django) into the Go writers of the renderers'
// fast path (renderers/builtin_gen.go), so that the templates are the one
// hand-written copy of the built-in markup. Each writer prints a view
// (renderers/view.go) exactly as the template prints the context built
// from it; a statically included template is compiled into its includer,
// and the templates a writer stands for (itself and what it includes)
// are listed beside it, found in the templates' own include tags.
//
// The AccessibleFormRenderer's templates (templates/accessible, laid
// over Django's) are a second set (sets): every root template of
// Django's that they override, or whose includes they override, is
// compiled again from them into a writer of that set, which the
// accessible renderer uses in place of Django's.
//
// It supports the subset of the template language the built-in templates
// use (with formwork's translate and langattrs tags, for/empty, string
// comparisons with a literal, and str() of the few values a template
// tests as a string) and fails naming the template, line and construct
// otherwise.
//
//	go run ./internal/tmplgen -templates templates -out renderers/builtin_gen.go
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/formwork/formwork/internal/tmplparse"
)

func main() {
	dir := flag.String("templates", "../templates", "directory holding the Django-syntax templates (django/forms/...)")
	out := flag.String("out", "builtin_gen.go", "file to write")
	flag.Parse()
	src, err := generate(os.DirFS(*dir))
	if err != nil {
		fmt.Fprintln(os.Stderr, "tmplgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "tmplgen:", err)
		os.Exit(1)
	}
}

// A tmplSet is a set of built-in templates laid over Django's for one
// renderer, under the same names (templates/accessible, the
// AccessibleFormRenderer's). Each root template of Django's that the set
// overrides, itself or a template it includes, is compiled again with
// the set's templates found first, into writers of the set; the others
// serve the set's renderer as they are.
type tmplSet struct {
	dir    string // the set's directory in the templates directory
	ident  string // the renderers constant naming the set
	prefix string // of its writers' names
}

var sets = []tmplSet{{dir: "accessible", ident: "setAccessible", prefix: "Acc"}}

// rootOut is one compiled root template.
type rootOut struct {
	name, fn string
	deps     []string
}

// generate returns the Go source of the writers of every root template,
// Django's and those of each set.
func generate(fsys fs.FS) ([]byte, error) {
	g := &gen{fsys: fsys, parsed: map[string][]node{}}
	var body bytes.Buffer
	var all []string
	django := map[*view][]rootOut{}
	for _, v := range views {
		for _, name := range roots[v] {
			fn, deps, err := g.root(&body, v, name, "")
			if err != nil {
				return nil, err
			}
			django[v] = append(django[v], rootOut{name, fn, deps})
			all = append(all, name)
		}
	}
	inSet := map[*view]map[string][]rootOut{} // view -> set ident -> roots
	for _, st := range sets {
		if _, err := fs.Stat(fsys, st.dir); err != nil {
			continue // no such set (a test's file system)
		}
		own, err := fs.Sub(fsys, st.dir)
		if err != nil {
			return nil, err
		}
		gs := &gen{fsys: layerFS{own, fsys}, parsed: map[string][]node{}, n: g.n, set: st.dir}
		for _, v := range views {
			for _, r := range django[v] {
				overridden := false
				for _, d := range r.deps {
					if _, err := fs.Stat(own, d); err == nil {
						overridden = true
					}
				}
				if !overridden {
					continue
				}
				fn, deps, err := gs.root(&body, v, r.name, st.prefix)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", st.dir, err)
				}
				if inSet[v] == nil {
					inSet[v] = map[string][]rootOut{}
				}
				inSet[v][st.ident] = append(inSet[v][st.ident], rootOut{r.name, fn, deps})
			}
		}
		g.n = gs.n
	}
	var tables bytes.Buffer
	for _, v := range views {
		cases := func(rs []rootOut) string {
			var sw strings.Builder
			for _, r := range rs {
				fmt.Fprintf(&tables, "var deps%s = %#v\n", r.fn[3:], r.deps)
				fmt.Fprintf(&sw, "\tcase %q:\n\t\treturn %s, deps%s\n", r.name, r.fn, r.fn[3:])
			}
			return sw.String()
		}
		dj := cases(django[v])
		var bySet strings.Builder
		for _, st := range sets {
			if rs := inSet[v][st.ident]; len(rs) > 0 {
				fmt.Fprintf(&bySet, "\tif set == %s {\n\tswitch name {\n%s\t}\n\t}\n", st.ident, cases(rs))
			}
		}
		fmt.Fprintf(&tables, "\n// %s returns the writer of the named template for a %s in the\n// renderer's set of built-in templates, and the templates it stands for.\n", v.table, v.goType)
		fmt.Fprintf(&tables, "func %s(name string, set builtinSet) (func(*genState, *bytes.Buffer, *%s) error, []string) {\n", v.table, v.goType)
		tables.WriteString(bySet.String())
		fmt.Fprintf(&tables, "\tswitch name {\n%s\t}\n\treturn nil, nil\n}\n\n", dj)
	}
	fmt.Fprintf(&tables, "// genNames are the templates with a generated writer.\nvar genNames = %#v\n\n", all)
	var out bytes.Buffer
	out.WriteString("// Code generated by internal/tmplgen from templates/django and templates/accessible; DO NOT EDIT.\n\n")
	out.WriteString("package renderers\n\nimport \"bytes\"\n\n")
	out.Write(tables.Bytes())
	out.Write(body.Bytes())
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the generated code: %v\n%s", err, out.Bytes())
	}
	return src, nil
}

// layerFS opens a file from the first layer that has it.
type layerFS []fs.FS

func (l layerFS) Open(name string) (fs.File, error) {
	var err error
	for _, f := range l {
		var file fs.File
		if file, err = f.Open(name); err == nil {
			return file, nil
		}
	}
	return nil, err
}

type gen struct {
	fsys   fs.FS
	parsed map[string][]node
	n      int    // for fresh Go names
	set    string // the directory of the set compiled, "" for Django's
}

func (g *gen) fresh(p string) string {
	g.n++
	return p + strconv.Itoa(g.n)
}

// load parses a template once.
func (g *gen) load(name string) ([]node, error) {
	if n, ok := g.parsed[name]; ok {
		return n, nil
	}
	src, err := fs.ReadFile(g.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	nodes, err := parse(name, string(src))
	if err != nil {
		return nil, err
	}
	g.parsed[name] = nodes
	return nodes, nil
}

// binding is a name a template sees: a Go expression and its type.
type binding struct {
	expr string
	t    *typ
	loop *loopInfo // set for forloop
}

type loopInfo struct{ index, length string }

// env is the scope chain of a template being compiled.
type env struct {
	parent *env
	vars   map[string]binding
	root   binding // the view, whose attributes are the context
	file   string
	deps   map[string]bool
	depth  int
}

func (e *env) lookup(name string) (binding, bool) {
	for s := e; s != nil; s = s.parent {
		if b, ok := s.vars[name]; ok {
			return b, true
		}
	}
	if a, ok := e.root.t.attrs[name]; ok {
		return binding{expr: sprintf(a.f, e.root.expr), t: a.t}, true
	}
	return binding{}, false
}

func (e *env) child() *env {
	return &env{parent: e, vars: map[string]binding{}, root: e.root, file: e.file, deps: e.deps, depth: e.depth}
}

func sprintf(f, recv string) string { return strings.ReplaceAll(f, "%s", recv) }

func funcName(name, prefix string) string {
	var b strings.Builder
	b.WriteString("gen")
	b.WriteString(prefix)
	up := true
	for _, r := range strings.TrimPrefix(name, "django/forms/") {
		if r == '/' || r == '_' || r == '.' {
			up = true
			continue
		}
		if up && 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}

// root writes the writer of template name for view v, its Go name made
// with prefix.
func (g *gen) root(w *bytes.Buffer, v *view, name, prefix string) (fn string, deps []string, err error) {
	fn = funcName(name, prefix)
	e := &env{vars: map[string]binding{}, root: binding{expr: "x", t: v.t}, file: name, deps: map[string]bool{name: true}}
	var body bytes.Buffer
	if err := g.template(&body, e, name); err != nil {
		return "", nil, err
	}
	if g.set != "" {
		fmt.Fprintf(w, "// %s writes %s as templates/%s has it.\n", fn, name, g.set)
	} else {
		fmt.Fprintf(w, "// %s writes %s.\n", fn, name)
	}
	fmt.Fprintf(w, "func %s(s *genState, b *bytes.Buffer, x *%s) error {\n", fn, v.goType)
	w.Write(body.Bytes())
	w.WriteString("\treturn nil\n}\n\n")
	for d := range e.deps {
		deps = append(deps, d)
	}
	sort.Strings(deps)
	return fn, deps, nil
}

// template compiles the nodes of template name into w.
func (g *gen) template(w *bytes.Buffer, e *env, name string) error {
	if e.depth > 20 {
		return fmt.Errorf("%s: includes nest deeper than 20 templates", name)
	}
	nodes, err := g.load(name)
	if err != nil {
		return err
	}
	e = e.child()
	e.file = name
	e.deps[name] = true
	// The newline that ends a template's source: Jinja drops it.
	last := len(nodes) - 1
	trail := false
	if last >= 0 {
		if t, ok := nodes[last].(*textNode); ok && strings.HasSuffix(t.Text, "\n") {
			nodes = append(append([]node(nil), nodes[:last]...), &textNode{Text: strings.TrimSuffix(t.Text, "\n")})
			trail = true
		}
	}
	if err := g.nodes(w, e, nodes); err != nil {
		return err
	}
	if trail {
		w.WriteString("if !s.jinja { b.WriteByte('\\n') }\n")
	}
	return nil
}

func (g *gen) errf(e *env, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", e.file, line, fmt.Sprintf(format, args...))
}

func (g *gen) nodes(w *bytes.Buffer, e *env, nodes []node) error {
	for _, n := range nodes {
		if err := g.node(w, e, n); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) node(w *bytes.Buffer, e *env, n node) error {
	switch n := n.(type) {
	case *textNode:
		if n.Text == "" {
			return nil
		}
		if len(n.Text) == 1 {
			fmt.Fprintf(w, "b.WriteByte(%q)\n", n.Text[0])
		} else {
			fmt.Fprintf(w, "b.WriteString(%q)\n", n.Text)
		}
	case *varNode:
		return g.print(w, e, n)
	case *ifNode:
		c, err := g.cond(e, n.Cond, n.Line)
		if err != nil {
			return err
		}
		if c == "false" {
			// {% if undefined %}: Django's undefined variable is false,
			// and what the branch names need not exist.
			if n.HasElse {
				w.WriteString("{\n")
				if err := g.nodes(w, e.child(), n.Else); err != nil {
					return err
				}
				w.WriteString("}\n")
			}
			return nil
		}
		fmt.Fprintf(w, "if %s {\n", c)
		if err := g.nodes(w, e.child(), n.Then); err != nil {
			return err
		}
		if n.HasElse {
			w.WriteString("} else {\n")
			if err := g.nodes(w, e.child(), n.Else); err != nil {
				return err
			}
		}
		w.WriteString("}\n")
	case *withNode:
		b, err := g.expr(e, n.Expr, n.Line)
		if err != nil {
			return err
		}
		for _, f := range n.Filters {
			if f != "stringformat:'s'" && f != `stringformat:"s"` {
				return g.errf(e, n.Line, "{%% with %s=%s|%s %%}: filter %q is not supported in with", n.Name, n.Expr, strings.Join(n.Filters, "|"), f)
			}
			switch {
			case b.t.kind == kString:
			case b.t.strType != nil:
				b.t = b.t.strType
				g.typeDeps(e, b.t)
			default:
				return g.errf(e, n.Line, "{%% with %s=%s|%s %%}: str() of a %s is not supported", n.Name, n.Expr, f, b.t.name)
			}
		}
		v := g.fresh("w")
		fmt.Fprintf(w, "{\n%s := %s\n_ = %s\n", v, b.expr, v)
		c := e.child()
		c.vars[n.Name] = binding{expr: v, t: b.t}
		if err := g.nodes(w, c, n.Body); err != nil {
			return err
		}
		w.WriteString("}\n")
	case *forNode:
		return g.loop(w, e, n)
	case *includeNode:
		return g.include(w, e, n)
	case *spacelessNode:
		// Django's spaceless, on the part of the buffer the body wrote.
		// Jinja has no such tag: the Jinja2 twin of a template using it
		// (templates/jet, as Django's own jinja2 templates) prints its
		// body as it is, so the Jinja2 renderers skip it.
		m := g.fresh("m")
		fmt.Fprintf(w, "{\n%s := b.Len()\n", m)
		if err := g.nodes(w, e.child(), n.Body); err != nil {
			return err
		}
		fmt.Fprintf(w, "if !s.jinja { spaceless(b, %s) }\n}\n", m)
	case *translateNode:
		return g.translate(w, e, n)
	case *langAttrsNode:
		fmt.Fprintf(w, "writeLangAttrs(b, %s)\n", g.translator(e))
	default:
		return fmt.Errorf("%s: unknown node %T", e.file, n)
	}
	return nil
}

func (g *gen) print(w *bytes.Buffer, e *env, n *varNode) error {
	b, err := g.expr(e, n.Expr, n.Line)
	if err != nil {
		return err
	}
	safe := false
	for _, f := range n.Filters {
		switch f {
		case "safe":
			safe = true
		case "stringformat:'s'", `stringformat:"s"`:
			// str() of the value, printed escaped: what {{ v }} prints for
			// the values of a widget's context.
		default:
			return g.errf(e, n.Line, "filter %q is not supported by the generator", f)
		}
	}
	if b.t.kind == kErrorItems && b.t.printFmt != "" {
		// An error list that is also printed whole (an error dict's).
		fmt.Fprintf(w, "if err := %s; err != nil { return err }\n", sprintf(b.t.printFmt, b.expr))
		return nil
	}
	switch b.t.kind {
	case kString:
		if safe {
			fmt.Fprintf(w, "b.WriteString(%s)\n", b.expr)
		} else {
			fmt.Fprintf(w, "EscapeTo(b, %s)\n", b.expr)
		}
	case kInt:
		fmt.Fprintf(w, "writeInt(b, %s)\n", b.expr)
	case kValue:
		if safe {
			return g.errf(e, n.Line, "{{ %s|safe }}: safe on a widget value is not supported", n.Expr)
		}
		fmt.Fprintf(w, "%s.write(b)\n", b.expr)
	case kMarkup:
		fmt.Fprintf(w, "if err := %s; err != nil { return err }\n", sprintf(b.t.printFmt, b.expr))
	default:
		return g.errf(e, n.Line, "{{ %s }}: cannot print a %s", n.Expr, b.t.name)
	}
	return nil
}

// expr resolves a dotted variable path.
func (g *gen) expr(e *env, s string, line int) (binding, error) {
	parts := strings.Split(s, ".")
	if parts[0] == "forloop" {
		b, ok := e.lookup("forloop")
		if !ok || b.loop == nil || len(parts) != 2 {
			return binding{}, g.errf(e, line, "%s outside a for loop", s)
		}
		switch parts[1] {
		case "last":
			return binding{expr: fmt.Sprintf("(%s == %s-1)", b.loop.index, b.loop.length), t: tBool}, nil
		case "first":
			return binding{expr: fmt.Sprintf("(%s == 0)", b.loop.index), t: tBool}, nil
		case "counter":
			return binding{expr: fmt.Sprintf("(%s + 1)", b.loop.index), t: tInt}, nil
		case "counter0":
			return binding{expr: b.loop.index, t: tInt}, nil
		}
		return binding{}, g.errf(e, line, "%s is not supported", s)
	}
	b, ok := e.lookup(parts[0])
	if !ok {
		return binding{}, &unknownVar{g.errf(e, line, "unknown variable %q", parts[0])}
	}
	defer func() { g.typeDeps(e, b.t) }()
	for _, p := range parts[1:] {
		if b.t.kind == kValue {
			// An attribute of a widget value (a stored file's url): the
			// writers know those of an Object holding strings, and decline
			// the rendering for anything else.
			b = binding{expr: fmt.Sprintf("s.valueAttr(%s, %q)", b.expr, p), t: tValue}
			continue
		}
		if b.t.kind == kAttrSet {
			if a, ok := b.t.attrs[p]; ok {
				b = binding{expr: sprintf(a.f, b.expr), t: a.t}
				continue
			}
			b = binding{expr: fmt.Sprintf("%s.Lookup(%q)", b.expr, p), t: tValue}
			continue
		}
		a, ok := b.t.attrs[p]
		if !ok {
			return binding{}, g.errf(e, line, "%s: a %s has no attribute %q", s, b.t.name, p)
		}
		b = binding{expr: sprintf(a.f, b.expr), t: a.t}
	}
	return b, nil
}

// unknownVar is the error of a variable the view does not have.
type unknownVar struct{ error }

// typeDeps adds the templates a value of type t depends on to the
// writer's.
func (g *gen) typeDeps(e *env, t *typ) {
	if t == nil {
		return
	}
	for _, d := range t.deps {
		e.deps[d] = true
	}
}

// translator returns the Go expression of the translator the translate
// and langattrs tags use: that of the first of the variables field, form
// and formset that holds one (renderers.TranslatorOf), nil for none.
func (g *gen) translator(e *env) string {
	var holders []string
	for _, name := range []string{"field", "form", "formset"} {
		if b, ok := e.lookup(name); ok && b.t != nil && b.t.translatorFmt != "" {
			holders = append(holders, sprintf(b.t.translatorFmt, b.expr))
		}
	}
	switch len(holders) {
	case 0:
		return "nil"
	case 1:
		return holders[0]
	}
	return "firstTranslator(" + strings.Join(holders, ", ") + ")"
}

// translate compiles {% translate "message" name=value ... %}.
func (g *gen) translate(w *bytes.Buffer, e *env, n *translateNode) error {
	tr := g.translator(e)
	if len(n.Params) == 0 {
		fmt.Fprintf(w, "writeTranslated(b, %s, %q, nil)\n", tr, n.Message)
		return nil
	}
	var params []string
	for _, kv := range n.Params {
		b, err := g.expr(e, kv[1], n.Line)
		if err != nil {
			return err
		}
		var v string
		switch b.t.kind {
		case kString, kInt, kBool:
			v = b.expr
		case kValue:
			v = b.expr + ".Any()"
		default:
			return g.errf(e, n.Line, "{%% translate %%}: the parameter %s=%s is a %s", kv[0], kv[1], b.t.name)
		}
		params = append(params, fmt.Sprintf("%q: %s", kv[0], v))
	}
	fmt.Fprintf(w, "writeTranslated(b, %s, %q, map[string]any{%s})\n", tr, n.Message, strings.Join(params, ", "))
	return nil
}

// truth returns the Go condition of a value's truth.
func (g *gen) truth(e *env, b binding, src string, line int) (string, error) {
	if b.t.truthFmt != "" {
		return sprintf(b.t.truthFmt, b.expr), nil
	}
	switch b.t.kind {
	case kString:
		return b.expr + ` != ""`, nil
	case kBool:
		return b.expr, nil
	case kInt:
		return b.expr + " != 0", nil
	case kSlice:
		return "len(" + b.expr + ") > 0", nil
	case kValue:
		return "s.truth(" + b.expr + ")", nil
	}
	return "", g.errf(e, line, "{%% if %s %%}: the truth of a %s is not supported", src, b.t.name)
}

// cond compiles an if condition: or, and, not and the comparisons
// != None, is not True, is not False over variables.
func (g *gen) cond(e *env, s string, line int) (string, error) {
	if ors := tmplparse.SplitWord(s, "or"); len(ors) > 1 {
		return g.join(e, ors, " || ", line)
	}
	if ands := tmplparse.SplitWord(s, "and"); len(ands) > 1 {
		return g.join(e, ands, " && ", line)
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", g.errf(e, line, "empty condition")
	}
	if f[0] == "not" {
		c, err := g.cond(e, strings.Join(f[1:], " "), line)
		if err != nil {
			return "", err
		}
		return "!(" + c + ")", nil
	}
	b, err := g.expr(e, f[0], line)
	rest := strings.Join(f[1:], " ")
	if _, ok := err.(*unknownVar); ok && rest == "" {
		return "false", nil // Django's undefined variable
	}
	if err != nil {
		return "", err
	}
	if rest == "" {
		return g.truth(e, b, s, line)
	}
	if b.t.kind == kString && len(f) == 3 && (f[1] == "==" || f[1] == "!=") {
		// A string against a literal: {% if tag == "legend" %}.
		lit, ok := stringLiteral(f[2])
		if !ok {
			return "", g.errf(e, line, "{%% if %s %%}: comparing with %s is not supported", s, f[2])
		}
		return fmt.Sprintf("(%s %s %q)", b.expr, f[1], lit), nil
	}
	if b.t.kind != kValue {
		return "", g.errf(e, line, "{%% if %s %%}: comparing a %s is not supported", s, b.t.name)
	}
	switch rest {
	case "!= None", "is not None":
		return "!" + b.expr + ".IsNone()", nil
	case "== None", "is None":
		return b.expr + ".IsNone()", nil
	case "is not False":
		return "!" + b.expr + ".IsFalse()", nil
	case "is not True":
		return "!" + b.expr + ".IsTrue()", nil
	case "is False":
		return b.expr + ".IsFalse()", nil
	case "is True":
		return b.expr + ".IsTrue()", nil
	}
	return "", g.errf(e, line, "{%% if %s %%}: the comparison %q is not supported", s, rest)
}

// stringLiteral returns the string a quoted literal without escapes
// stands for.
func stringLiteral(s string) (string, bool) {
	if len(s) < 2 || (s[0] != '"' && s[0] != '\'') || s[len(s)-1] != s[0] {
		return "", false
	}
	in := s[1 : len(s)-1]
	if strings.ContainsAny(in, "\\\"'") {
		return "", false
	}
	return in, true
}

func (g *gen) join(e *env, parts []string, op string, line int) (string, error) {
	var cs []string
	for _, p := range parts {
		c, err := g.cond(e, p, line)
		if err != nil {
			return "", err
		}
		cs = append(cs, "("+c+")")
	}
	return strings.Join(cs, op), nil
}

func (g *gen) loop(w *bytes.Buffer, e *env, n *forNode) error {
	coll, err := g.expr(e, n.Coll, n.Line)
	if err != nil {
		return err
	}
	if coll.t.kind == kStruct && coll.t.iter != "" {
		a := coll.t.attrs[coll.t.iter]
		coll = binding{expr: sprintf(a.f, coll.expr), t: a.t}
	} else if a := coll.t.each; a != nil {
		coll = binding{expr: sprintf(a.f, coll.expr), t: a.t}
	}
	i, c, l := g.fresh("i"), g.fresh("c"), g.fresh("n")
	var elem string
	var et *typ
	switch coll.t.kind {
	case kSlice:
		fmt.Fprintf(w, "{\n%s := %s\n%s := len(%s)\n", c, coll.expr, l, c)
		elem, et = fmt.Sprintf("%s[%s]", c, i), coll.t.elem
		if coll.t.ptrElem {
			elem = "&" + elem
		}
	case kAttrItems:
		fmt.Fprintf(w, "{\n%s := &%s\n%s.sortForPrint()\n%s := %s.n\n", c, coll.expr, c, l, c)
		elem, et = fmt.Sprintf("%s.item(%s)", c, i), coll.t.elem
	case kErrorItems:
		fmt.Fprintf(w, "{\n%s := %s\n%s := %s.Len()\n", c, coll.expr, l, c)
		elem, et = fmt.Sprintf("errorItem{%s, %s}", c, i), coll.t.elem
	case kOptions:
		fmt.Fprintf(w, "{\n%s := %s\n%s := %s.End - %s.Start\n", c, coll.expr, l, c, c)
		elem, et = fmt.Sprintf("%s.Src.Option(%s.Start + %s)", c, c, i), coll.t.elem
	default:
		return g.errf(e, n.Line, "{%% for ... in %s %%}: cannot loop over a %s", n.Coll, coll.t.name)
	}
	if n.HasEmpty {
		fmt.Fprintf(w, "if %s == 0 {\n", l)
		if err := g.nodes(w, e.child(), n.Empty); err != nil {
			return err
		}
		w.WriteString("}\n")
	}
	fmt.Fprintf(w, "for %s := 0; %s < %s; %s++ {\n", i, i, l, i)
	body := e.child()
	body.vars["forloop"] = binding{loop: &loopInfo{index: i, length: l}}
	v := g.fresh("e")
	fmt.Fprintf(w, "%s := %s\n_ = %s\n", v, elem, v)
	if len(n.Vars) == 1 {
		body.vars[n.Vars[0]] = binding{expr: v, t: et}
	} else {
		if len(n.Vars) > len(et.tuple) {
			return g.errf(e, n.Line, "{%% for %s in %s %%}: a %s unpacks into %d values", strings.Join(n.Vars, ", "), n.Coll, et.name, len(et.tuple))
		}
		for k, name := range n.Vars {
			a := et.tuple[k]
			body.vars[name] = binding{expr: sprintf(a.f, v), t: a.t}
		}
	}
	if err := g.nodes(w, body, n.Body); err != nil {
		return err
	}
	w.WriteString("}\n}\n")
	return nil
}

func (g *gen) include(w *bytes.Buffer, e *env, n *includeNode) error {
	inner := e.child()
	inner.depth++
	for _, kv := range n.Withs {
		b, err := g.expr(e, kv[1], n.Line)
		if err != nil {
			return err
		}
		inner.vars[kv[0]] = b
	}
	if n.Literal {
		w.WriteString("{\n")
		if err := g.template(w, inner, n.Name); err != nil {
			return err
		}
		w.WriteString("}\n")
		return nil
	}
	// A template named at run time: rendered by its own writer when it
	// has one and is not overridden, else the whole rendering declines.
	name, err := g.expr(e, n.Expr, n.Line)
	if err != nil {
		return err
	}
	if name.t.kind != kString {
		return g.errf(e, n.Line, "{%% include %s %%}: the name is a %s, not a string", n.Expr, name.t.name)
	}
	// The included template sees the widget of its with widget=..., or
	// with no with the widget of the includer's context (a loop's over
	// subwidgets): the view its writer prints.
	var b binding
	switch {
	case len(n.Withs) == 1 && n.Withs[0][0] == vWidget.widgetCtx:
		b = inner.vars[vWidget.widgetCtx]
		if b.t != tWidget {
			return g.errf(e, n.Line, "{%% include %s with widget=%s %%}: %s is a %s, not a widget", n.Expr, n.Withs[0][1], n.Withs[0][1], b.t.name)
		}
	case len(n.Withs) == 0:
		var ok bool
		b, ok = e.lookup(vWidget.widgetCtx)
		if !ok || b.t != tWidget {
			return g.errf(e, n.Line, "{%% include %s %%}: a template named at run time is included with widget=..., or where widget is a widget", n.Expr)
		}
	default:
		return g.errf(e, n.Line, "{%% include %s %%}: a template named at run time must be included with widget=... alone", n.Expr)
	}
	fmt.Fprintf(w, "if err := s.includeWidget(b, %s, %s); err != nil { return err }\n", name.expr, b.expr)
	return nil
}
