package renderers

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/formwork/formwork/internal/tmplparse"
)

// Theme programs. A theme's template that overrides a built-in one
// (Django syntax for DjangoTemplates, jet syntax for Jinja2) is compiled,
// the first time it is rendered, into a tree of Go closures that print
// the built-in template's view (view.go) directly: the same subset of
// the template language and the same variables the generated writers of
// the built-in templates know (internal/tmplgen; both read the tree of
// internal/tmplparse, whose ParseJet reads jet into the same tree), with
// no context maps, reflection or name lookups per render. A template it
// includes is compiled into it (the overlay's copy when there is one); a
// widget template named at run time runs on its generated writer, or on
// its own program when overridden.
//
// A template using anything else (another tag, filter or function, a
// variable the view lacks, extends) has no program: the engine (pongo2
// or jet) renders it, as it does when the renderer reloads. A program
// prints the bytes the engine prints for the context built from the same
// view; the sweep tests (formspec's TestProgramsMatchEngine,
// TestJetProgramsMatchEngine, TestFastPathMatchesEngines) check it. A
// compiled program holds no mutable state and is shared by
// the goroutines rendering with the renderer.

// viewKind is the view a template is rendered from.
type viewKind uint8

const (
	vkWidget viewKind = iota + 1
	vkLabel
	vkErrorList
	vkErrorDict
	vkForm
	vkFormset
)

// kindOf returns the view the named built-in template is rendered from,
// 0 for a name that is not a built-in template with a generated writer.
func kindOf(name string) viewKind {
	if fn, _ := genWidget(name, setDjango); fn != nil {
		return vkWidget
	}
	if fn, _ := genLabel(name, setDjango); fn != nil {
		return vkLabel
	}
	if fn, _ := genErrorList(name, setDjango); fn != nil {
		return vkErrorList
	}
	if fn, _ := genErrorDict(name, setDjango); fn != nil {
		return vkErrorDict
	}
	if fn, _ := genForm(name, setDjango); fn != nil {
		return vkForm
	}
	if fn, _ := genFormset(name, setDjango); fn != nil {
		return vkFormset
	}
	return 0
}

// programs is a renderer's cache of compiled theme programs, by name.
type programs struct {
	source func(name string) (string, error)
	// parse reads a source: tmplparse.Parse (Django syntax) or
	// tmplparse.ParseJet.
	parse func(file, src string) ([]tmplparse.Node, error)
	m     sync.Map // name -> *program (nil: the engine renders it)
}

// program is a compiled template.
type program struct {
	name  string
	kind  viewKind
	slots int
	body  pnode
}

// get returns the program of the named template rendered from a view of
// kind k, nil when the engine must render it.
func (ps *programs) get(name string, k viewKind) *program {
	if ps == nil || k == 0 {
		return nil
	}
	if p, ok := ps.m.Load(name); ok {
		return p.(*program)
	}
	p, err := compileProgram(ps.source, ps.parse, name, k)
	if err != nil {
		p = nil
	}
	ps.m.Store(name, p)
	return p
}

// compileError explains why a template has no program.
func compileError(ps *programs, name string) error {
	_, err := compileProgram(ps.source, ps.parse, name, kindOf(name))
	return err
}

// run prints the view x (a *WidgetView, *LabelView, ... of p's kind).
func (p *program) run(s *genState, b *bytes.Buffer, x any) error {
	e := penvPool.Get().(*penv)
	if cap(e.vars) < p.slots {
		e.vars = make([]pval, p.slots)
	}
	e.vars = e.vars[:p.slots]
	e.vars[0] = pval{ref: x}
	e.s = s
	err := p.body(e, b)
	clear(e.vars)
	e.s = nil
	penvPool.Put(e)
	return err
}

// pval is a value of a program: a string, bool or int, a widget Value,
// or a reference (a view, or the owner of an item with its index).
type pval struct {
	s   string
	n   int
	v   Value
	ref any
}

// penv is one run of a program: the values of its variables, by slot.
type penv struct {
	vars []pval
	s    *genState
}

var penvPool = sync.Pool{New: func() any { return new(penv) }}

type pnode func(e *penv, b *bytes.Buffer) error

type pexpr func(e *penv) pval

// ---------------------------------------------------------------- types

type pkind uint8

const (
	pkString pkind = iota
	pkBool
	pkInt
	pkValue
	pkMarkup
	pkSeq    // a collection: length and at
	pkStruct // attributes only
	pkAttrSet
)

type pattr struct {
	t   *ptyp
	get func(x pval) pval
}

type ptyp struct {
	name  string
	kind  pkind
	attrs map[string]pattr
	// A pkMarkup prints itself.
	print func(b *bytes.Buffer, x pval) error
	// truth, for types whose truth is not their kind's.
	truth func(x pval) bool
	// A pkSeq's length and items.
	elem   *ptyp
	length func(x pval) int
	at     func(x pval, i int) pval
	// What {% for a, b in seq %} unpacks an item into.
	tuple []pattr
	// The attribute a {% for %} over this struct visits.
	iter string
}

func refOf[T any](x pval) T { v, _ := x.ref.(T); return v }

var (
	ptString = &ptyp{name: "string", kind: pkString}
	ptBool   = &ptyp{name: "bool", kind: pkBool}
	ptInt    = &ptyp{name: "int", kind: pkInt}
	ptValue  = &ptyp{name: "Value", kind: pkValue}

	// An attribute item is (the set, its index).
	ptAttrItem = &ptyp{name: "attribute", kind: pkStruct, tuple: []pattr{
		{ptString, func(x pval) pval { return pval{s: refOf[*AttrSet](x).keys[x.n]} }},
		{ptValue, func(x pval) pval { return pval{v: refOf[*AttrSet](x).item(x.n).Val} }},
	}}
	ptAttrItems = &ptyp{name: "attrs.items", kind: pkSeq, elem: ptAttrItem,
		length: func(x pval) int { s := refOf[*AttrSet](x); s.sortForPrint(); return s.n },
		at:     func(x pval, i int) pval { return pval{ref: x.ref, n: i} }}
	ptAttrSet = &ptyp{name: "attrs", kind: pkAttrSet,
		truth: func(x pval) bool { return refOf[*AttrSet](x).n > 0 },
		attrs: map[string]pattr{"items": {ptAttrItems, func(x pval) pval { return x }}}}

	ptWidget = &ptyp{name: "WidgetView", kind: pkStruct}

	ptOptions = &ptyp{name: "options", kind: pkSeq, elem: ptWidget,
		length: func(x pval) int { g := refOf[*OptGroupView](x); return g.End - g.Start },
		at: func(x pval, i int) pval {
			g := refOf[*OptGroupView](x)
			return pval{ref: g.Src.Option(g.Start + i)}
		}}
	ptOptGroup = &ptyp{name: "OptGroupView", kind: pkStruct, tuple: []pattr{
		{ptString, func(x pval) pval { return pval{s: refOf[*OptGroupView](x).Name} }},
		{ptOptions, func(x pval) pval { return x }},
		{ptInt, func(x pval) pval { return pval{n: refOf[*OptGroupView](x).Index} }},
	}}
	ptOptGroups = &ptyp{name: "[]OptGroupView", kind: pkSeq, elem: ptOptGroup,
		length: func(x pval) int { return len(refOf[*WidgetView](x).Optgroups) },
		at:     func(x pval, i int) pval { return pval{ref: &refOf[*WidgetView](x).Optgroups[i]} }}

	ptLabelText = &ptyp{name: "LabelText", kind: pkMarkup,
		print: func(b *bytes.Buffer, x pval) error { return refOf[*LabelText](x).WriteHTML(b) }}
	ptLabel = &ptyp{name: "LabelView", kind: pkStruct, attrs: map[string]pattr{
		"use_tag": {ptBool, func(x pval) pval { return boolVal(refOf[*LabelView](x).UseTag) }},
		"tag":     {ptString, func(x pval) pval { return pval{s: refOf[*LabelView](x).Tag} }},
		"label":   {ptLabelText, func(x pval) pval { return pval{ref: &refOf[*LabelView](x).Label} }},
		"attrs":   {ptAttrSet, func(x pval) pval { return pval{ref: &refOf[*LabelView](x).Attrs} }},
	}}

	// An error item is (the list's items, its index).
	ptErrorItem = &ptyp{name: "error", kind: pkMarkup,
		print: func(b *bytes.Buffer, x pval) error { refOf[ErrorItems](x).WriteItem(b, x.n); return nil }}
	ptErrorItems = &ptyp{name: "ErrorItems", kind: pkSeq, elem: ptErrorItem,
		truth: func(x pval) bool { l := refOf[ErrorItems](x); return l != nil && l.Len() > 0 },
		length: func(x pval) int {
			if l := refOf[ErrorItems](x); l != nil {
				return l.Len()
			}
			return 0
		},
		at: func(x pval, i int) pval { return pval{ref: x.ref, n: i} }}
	ptErrorList = &ptyp{name: "ErrorListView", kind: pkStruct, attrs: map[string]pattr{
		"errors":      {ptErrorItems, func(x pval) pval { return pval{ref: refOf[*ErrorListView](x).Errors} }},
		"error_class": {ptString, func(x pval) pval { return pval{s: refOf[*ErrorListView](x).ErrorClass} }},
	}}

	// An error dict: (field, error list) pairs, the list printed as its
	// HTML or its messages visited.
	ptDictErrors = &ptyp{name: "ErrorListMarkup", kind: pkSeq, elem: ptErrorItem,
		print:  func(b *bytes.Buffer, x pval) error { return refOf[ErrorListMarkup](x).WriteHTML(b) },
		truth:  ptErrorItems.truth,
		length: ptErrorItems.length,
		at:     ptErrorItems.at}
	ptDictItem = &ptyp{name: "ErrorDictItem", kind: pkStruct, tuple: []pattr{
		{ptString, func(x pval) pval { return pval{s: refOf[*ErrorDictItem](x).Field} }},
		{ptDictErrors, func(x pval) pval { return pval{ref: ErrorItems(refOf[*ErrorDictItem](x).Errors)} }},
	}}
	ptErrorDict = &ptyp{name: "ErrorDictView", kind: pkStruct, attrs: map[string]pattr{
		"errors": {&ptyp{name: "[]ErrorDictItem", kind: pkSeq, elem: ptDictItem,
			length: func(x pval) int { return len(refOf[*ErrorDictView](x).Errors) },
			at:     func(x pval, i int) pval { return pval{ref: &refOf[*ErrorDictView](x).Errors[i]} }}, func(x pval) pval { return x }},
		"error_class": {ptString, func(x pval) pval { return pval{s: refOf[*ErrorDictView](x).ErrorClass} }},
	}}

	ptMarkupList = &ptyp{name: "MarkupList", kind: pkMarkup,
		print: func(b *bytes.Buffer, x pval) error { return x.ref.(MarkupList).WriteHTML(b) },
		truth: func(x pval) bool { return x.ref.(MarkupList).Len() > 0 }}
	ptField = &ptyp{name: "FieldView", kind: pkMarkup,
		print: func(b *bytes.Buffer, x pval) error { return x.ref.(FieldView).WriteHTML(b) },
		attrs: map[string]pattr{
			"css_classes":  {ptString, func(x pval) pval { return pval{s: x.ref.(FieldView).CSSClasses()} }},
			"use_fieldset": {ptBool, func(x pval) pval { return boolVal(x.ref.(FieldView).UseFieldset()) }},
			"label":        {ptString, func(x pval) pval { return pval{s: x.ref.(FieldView).Label()} }},
			"help_text":    {ptString, func(x pval) pval { return pval{s: x.ref.(FieldView).HelpText()} }},
			"label_tag": {&ptyp{name: "label_tag", kind: pkMarkup,
				print: func(b *bytes.Buffer, x pval) error { return x.ref.(FieldView).WriteLabelTag(b) }}, func(x pval) pval { return x }},
			"legend_tag": {&ptyp{name: "legend_tag", kind: pkMarkup,
				print: func(b *bytes.Buffer, x pval) error { return x.ref.(FieldView).WriteLegendTag(b) }}, func(x pval) pval { return x }},
		}}
	ptFieldRow = &ptyp{name: "FieldRowView", kind: pkStruct, tuple: []pattr{
		{ptField, func(x pval) pval { return pval{ref: refOf[*FieldRowView](x).Field} }},
		{ptMarkupList, func(x pval) pval { return pval{ref: refOf[*FieldRowView](x).Errors} }},
	}}
	ptForm = &ptyp{name: "FormView", kind: pkStruct, attrs: map[string]pattr{
		"errors": {ptMarkupList, func(x pval) pval { return pval{ref: refOf[*FormView](x).Errors} }},
		"fields": {&ptyp{name: "[]FieldRowView", kind: pkSeq, elem: ptFieldRow,
			length: func(x pval) int { return len(refOf[*FormView](x).Fields) },
			at:     func(x pval, i int) pval { return pval{ref: &refOf[*FormView](x).Fields[i]} }}, func(x pval) pval { return x }},
		"hidden_fields": {&ptyp{name: "[]FieldView", kind: pkSeq, elem: ptField,
			length: func(x pval) int { return len(refOf[*FormView](x).Hidden) },
			at:     func(x pval, i int) pval { return pval{ref: refOf[*FormView](x).Hidden[i]} }}, func(x pval) pval { return x }},
	}}

	ptFormMarkup = &ptyp{name: "FormMarkup", kind: pkMarkup,
		print: func(b *bytes.Buffer, x pval) error { return x.ref.(FormMarkup).WriteHTML(b) },
		attrs: map[string]pattr{
			"as_div": {&ptyp{name: "as_div", kind: pkMarkup,
				print: func(b *bytes.Buffer, x pval) error { return x.ref.(FormMarkup).WriteAsDiv(b) }}, func(x pval) pval { return x }},
			"as_p": {&ptyp{name: "as_p", kind: pkMarkup,
				print: func(b *bytes.Buffer, x pval) error { return x.ref.(FormMarkup).WriteAsP(b) }}, func(x pval) pval { return x }},
			"as_table": {&ptyp{name: "as_table", kind: pkMarkup,
				print: func(b *bytes.Buffer, x pval) error { return x.ref.(FormMarkup).WriteAsTable(b) }}, func(x pval) pval { return x }},
			"as_ul": {&ptyp{name: "as_ul", kind: pkMarkup,
				print: func(b *bytes.Buffer, x pval) error { return x.ref.(FormMarkup).WriteAsUL(b) }}, func(x pval) pval { return x }},
		}}
	ptFormsetObj = &ptyp{name: "formset", kind: pkStruct, iter: "forms", attrs: map[string]pattr{
		"management_form": {&ptyp{name: "Markup", kind: pkMarkup,
			print: func(b *bytes.Buffer, x pval) error { return refOf[*FormsetView](x).ManagementForm.WriteHTML(b) }}, func(x pval) pval { return x }},
		"forms": {&ptyp{name: "[]FormMarkup", kind: pkSeq, elem: ptFormMarkup,
			length: func(x pval) int { return len(refOf[*FormsetView](x).Forms) },
			at:     func(x pval, i int) pval { return pval{ref: refOf[*FormsetView](x).Forms[i]} }}, func(x pval) pval { return x }},
	}}
)

func boolVal(b bool) pval {
	if b {
		return pval{n: 1}
	}
	return pval{}
}

func init() {
	ptWidget.attrs = map[string]pattr{
		"name":          {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).Name} }},
		"type":          {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).Type} }},
		"value":         {ptValue, func(x pval) pval { return pval{v: refOf[*WidgetView](x).Value} }},
		"attrs":         {ptAttrSet, func(x pval) pval { return pval{ref: &refOf[*WidgetView](x).Attrs} }},
		"optgroups":     {ptOptGroups, func(x pval) pval { return x }},
		"template_name": {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).TemplateName} }},
		"label":         {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).Label} }},
		"wrap_label":    {ptBool, func(x pval) pval { return boolVal(refOf[*WidgetView](x).WrapLabel) }},
		"required":      {ptBool, func(x pval) pval { return boolVal(refOf[*WidgetView](x).Required) }},
		"subwidgets": {&ptyp{name: "[]*WidgetView", kind: pkSeq, elem: ptWidget,
			length: func(x pval) int { return len(refOf[*WidgetView](x).Subwidgets) },
			at:     func(x pval, i int) pval { return pval{ref: refOf[*WidgetView](x).Subwidgets[i]} }}, func(x pval) pval { return x }},
		// ClearableFileInput's.
		"is_initial":           {ptBool, func(x pval) pval { return boolVal(refOf[*WidgetView](x).IsInitial) }},
		"initial_text":         {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).InitialText} }},
		"input_text":           {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).InputText} }},
		"checkbox_name":        {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).CheckboxName} }},
		"checkbox_id":          {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).CheckboxID} }},
		"clear_checkbox_label": {ptString, func(x pval) pval { return pval{s: refOf[*WidgetView](x).ClearCheckboxLabel} }},
	}
}

// rootType is the type of a program's context.
func rootType(k viewKind) *ptyp {
	switch k {
	case vkWidget:
		return &ptyp{name: "widget context", kind: pkStruct, attrs: map[string]pattr{"widget": {ptWidget, func(x pval) pval { return x }}}}
	case vkLabel:
		return ptLabel
	case vkErrorList:
		return ptErrorList
	case vkErrorDict:
		return ptErrorDict
	case vkForm:
		return ptForm
	case vkFormset:
		return &ptyp{name: "FormsetView", kind: pkStruct, attrs: map[string]pattr{"formset": {ptFormsetObj, func(x pval) pval { return x }}}}
	}
	return nil
}

// ---------------------------------------------------------------- compiler

// pbinding is a variable of the compiler's scope.
type pbinding struct {
	t    *ptyp
	get  pexpr
	loop *ploop // forloop
}

type ploop struct{ slot int } // vars[slot].n is the index, vars[slot+1].n the length

type pscope struct {
	vars   map[string]pbinding
	parent *pscope
}

func (s *pscope) lookup(name string) (pbinding, bool) {
	for ; s != nil; s = s.parent {
		if b, ok := s.vars[name]; ok {
			return b, true
		}
	}
	return pbinding{}, false
}

func (s *pscope) child() *pscope { return &pscope{vars: map[string]pbinding{}, parent: s} }

type pcompiler struct {
	source func(string) (string, error)
	parse  func(file, src string) ([]tmplparse.Node, error)
	kind   viewKind
	slots  int
	chain  []string
}

func (c *pcompiler) slot(n int) int { s := c.slots; c.slots += n; return s }

func (c *pcompiler) errf(line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", c.chain[len(c.chain)-1], line, fmt.Sprintf(format, args...))
}

// compileProgram compiles the named template for a view of kind k.
func compileProgram(source func(string) (string, error), parse func(file, src string) ([]tmplparse.Node, error), name string, k viewKind) (*program, error) {
	rt := rootType(k)
	if rt == nil {
		return nil, fmt.Errorf("%s: not a template with a view", name)
	}
	c := &pcompiler{source: source, parse: parse, kind: k}
	c.slots = 1
	root := &pscope{vars: map[string]pbinding{}}
	get := func(e *penv) pval { return e.vars[0] }
	for n, a := range rt.attrs {
		a := a
		root.vars[n] = pbinding{t: a.t, get: func(e *penv) pval { return a.get(get(e)) }}
	}
	body, err := c.template(root, name)
	if err != nil {
		return nil, err
	}
	return &program{name: name, kind: k, slots: c.slots, body: body}, nil
}

func (c *pcompiler) template(sc *pscope, name string) (pnode, error) {
	for _, n := range c.chain {
		if n == name {
			return nil, fmt.Errorf("%s includes itself", name)
		}
	}
	if len(c.chain) >= MaxTemplateDepth {
		return nil, fmt.Errorf("%s: includes nest deeper than %d templates", name, MaxTemplateDepth)
	}
	src, err := c.source(name)
	if err != nil {
		return nil, err
	}
	nodes, err := c.parse(name, src)
	if err != nil {
		return nil, err
	}
	c.chain = append(c.chain, name)
	defer func() { c.chain = c.chain[:len(c.chain)-1] }()
	return c.nodes(sc.child(), nodes)
}

func (c *pcompiler) nodes(sc *pscope, nodes []tmplparse.Node) (pnode, error) {
	var out []pnode
	for _, n := range nodes {
		p, err := c.node(sc, n)
		if err != nil {
			return nil, err
		}
		if p != nil {
			out = append(out, p)
		}
	}
	switch len(out) {
	case 0:
		return func(*penv, *bytes.Buffer) error { return nil }, nil
	case 1:
		return out[0], nil
	}
	return func(e *penv, b *bytes.Buffer) error {
		for _, p := range out {
			if err := p(e, b); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

func (c *pcompiler) node(sc *pscope, n tmplparse.Node) (pnode, error) {
	switch n := n.(type) {
	case *tmplparse.Text:
		if n.Text == "" {
			return nil, nil
		}
		t := n.Text
		return func(_ *penv, b *bytes.Buffer) error { b.WriteString(t); return nil }, nil
	case *tmplparse.Var:
		return c.print(sc, n)
	case *tmplparse.If:
		cond, err := c.cond(sc, n.Cond, n.Line)
		if err != nil {
			return nil, err
		}
		then, err := c.nodes(sc.child(), n.Then)
		if err != nil {
			return nil, err
		}
		if !n.HasElse {
			return func(e *penv, b *bytes.Buffer) error {
				if cond(e) {
					return then(e, b)
				}
				return nil
			}, nil
		}
		els, err := c.nodes(sc.child(), n.Else)
		if err != nil {
			return nil, err
		}
		return func(e *penv, b *bytes.Buffer) error {
			if cond(e) {
				return then(e, b)
			}
			return els(e, b)
		}, nil
	case *tmplparse.With:
		if len(n.Filters) > 0 {
			return nil, c.errf(n.Line, "{%% with %s=%s|%s %%}: filters in with are not supported", n.Name, n.Expr, strings.Join(n.Filters, "|"))
		}
		x, err := c.expr(sc, n.Expr, n.Line)
		if err != nil {
			return nil, err
		}
		slot := c.slot(1)
		inner := sc.child()
		inner.vars[n.Name] = pbinding{t: x.t, get: func(e *penv) pval { return e.vars[slot] }}
		body, err := c.nodes(inner, n.Body)
		if err != nil {
			return nil, err
		}
		get := x.get
		return func(e *penv, b *bytes.Buffer) error {
			e.vars[slot] = get(e)
			return body(e, b)
		}, nil
	case *tmplparse.For:
		return c.loop(sc, n)
	case *tmplparse.Include:
		return c.include(sc, n)
	case *tmplparse.Spaceless:
		// Only Django syntax has the tag: the program's own template
		// uses it, whichever renderer runs the program.
		body, err := c.nodes(sc.child(), n.Body)
		if err != nil {
			return nil, err
		}
		return func(e *penv, b *bytes.Buffer) error {
			mark := b.Len()
			if err := body(e, b); err != nil {
				return err
			}
			spaceless(b, mark)
			return nil
		}, nil
	case *tmplparse.Translate:
		return nil, c.errf(n.Line, "{%% translate %%} is not supported")
	case *tmplparse.LangAttrs:
		return nil, c.errf(n.Line, "{%% langattrs %%} is not supported")
	}
	return nil, fmt.Errorf("%s: unknown node %T", c.chain[len(c.chain)-1], n)
}

func (c *pcompiler) print(sc *pscope, n *tmplparse.Var) (pnode, error) {
	x, err := c.expr(sc, n.Expr, n.Line)
	if err != nil {
		return nil, err
	}
	safe := false
	for _, f := range n.Filters {
		switch f {
		case "safe":
			safe = true
		case "stringformat:'s'", `stringformat:"s"`:
		default:
			return nil, c.errf(n.Line, "filter %q is not supported", f)
		}
	}
	get := x.get
	switch x.t.kind {
	case pkString:
		if safe {
			return func(e *penv, b *bytes.Buffer) error { b.WriteString(get(e).s); return nil }, nil
		}
		return func(e *penv, b *bytes.Buffer) error { EscapeTo(b, get(e).s); return nil }, nil
	case pkInt:
		return func(e *penv, b *bytes.Buffer) error { writeInt(b, get(e).n); return nil }, nil
	case pkValue:
		if safe {
			return nil, c.errf(n.Line, "{{ %s|safe }}: safe on a widget value is not supported", n.Expr)
		}
		return func(e *penv, b *bytes.Buffer) error { v := get(e).v; v.write(b); return nil }, nil
	case pkMarkup, pkSeq:
		// A sequence that prints itself: an error dict's error list.
		if pr := x.t.print; pr != nil {
			return func(e *penv, b *bytes.Buffer) error { return pr(b, get(e)) }, nil
		}
	}
	return nil, c.errf(n.Line, "{{ %s }}: cannot print a %s", n.Expr, x.t.name)
}

// expr resolves a dotted variable path.
func (c *pcompiler) expr(sc *pscope, s string, line int) (pbinding, error) {
	parts := strings.Split(s, ".")
	if parts[0] == "forloop" {
		b, ok := sc.lookup("forloop")
		if !ok || b.loop == nil || len(parts) != 2 {
			return pbinding{}, c.errf(line, "%s outside a for loop", s)
		}
		i := b.loop.slot
		switch parts[1] {
		case "last":
			return pbinding{t: ptBool, get: func(e *penv) pval { return boolVal(e.vars[i].n == e.vars[i+1].n-1) }}, nil
		case "first":
			return pbinding{t: ptBool, get: func(e *penv) pval { return boolVal(e.vars[i].n == 0) }}, nil
		case "counter":
			return pbinding{t: ptInt, get: func(e *penv) pval { return pval{n: e.vars[i].n + 1} }}, nil
		case "counter0":
			return pbinding{t: ptInt, get: func(e *penv) pval { return pval{n: e.vars[i].n} }}, nil
		}
		return pbinding{}, c.errf(line, "%s is not supported", s)
	}
	b, ok := sc.lookup(parts[0])
	if !ok || b.loop != nil {
		return pbinding{}, c.errf(line, "unknown variable %q", parts[0])
	}
	for _, p := range parts[1:] {
		a, ok := b.t.attrs[p]
		if k, err := strconv.Atoi(p); err == nil && !ok && b.t.tuple != nil {
			// pair.0 (jet's pair[0]): an item of what a for unpacks.
			if k < 0 || k >= len(b.t.tuple) {
				return pbinding{}, c.errf(line, "%s: a %s unpacks into %d values", s, b.t.name, len(b.t.tuple))
			}
			a, ok = b.t.tuple[k], true
		}
		if !ok && b.t.kind == pkAttrSet {
			key := p
			get := b.get
			b = pbinding{t: ptValue, get: func(e *penv) pval { return pval{v: refOf[*AttrSet](get(e)).Lookup(key)} }}
			continue
		}
		if !ok && b.t.kind == pkValue {
			// An attribute of a widget value (a stored file's url), as
			// the generated writers read it: other values decline.
			key := p
			get := b.get
			b = pbinding{t: ptValue, get: func(e *penv) pval { return pval{v: e.s.valueAttr(get(e).v, key)} }}
			continue
		}
		if !ok {
			return pbinding{}, c.errf(line, "%s: a %s has no attribute %q", s, b.t.name, p)
		}
		get, at := b.get, a.get
		b = pbinding{t: a.t, get: func(e *penv) pval { return at(get(e)) }}
	}
	return b, nil
}

// truth compiles a value's truth.
func (c *pcompiler) truth(b pbinding, src string, line int) (func(*penv) bool, error) {
	get := b.get
	if t := b.t.truth; t != nil {
		return func(e *penv) bool { return t(get(e)) }, nil
	}
	switch b.t.kind {
	case pkString:
		return func(e *penv) bool { return get(e).s != "" }, nil
	case pkBool, pkInt:
		return func(e *penv) bool { return get(e).n != 0 }, nil
	case pkSeq:
		l := b.t.length
		return func(e *penv) bool { return l(get(e)) > 0 }, nil
	case pkValue:
		return func(e *penv) bool { return e.s.truth(get(e).v) }, nil
	}
	return nil, c.errf(line, "{%% if %s %%}: the truth of a %s is not supported", src, b.t.name)
}

// cond compiles an if condition: or, and, not and the comparisons
// != None, is not True, is not False over variables.
func (c *pcompiler) cond(sc *pscope, s string, line int) (func(*penv) bool, error) {
	if ors := tmplparse.SplitWord(s, "or"); len(ors) > 1 {
		return c.join(sc, ors, true, line)
	}
	if ands := tmplparse.SplitWord(s, "and"); len(ands) > 1 {
		return c.join(sc, ands, false, line)
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil, c.errf(line, "empty condition")
	}
	if f[0] == "not" {
		x, err := c.cond(sc, strings.Join(f[1:], " "), line)
		if err != nil {
			return nil, err
		}
		return func(e *penv) bool { return !x(e) }, nil
	}
	b, err := c.expr(sc, f[0], line)
	if err != nil {
		return nil, err
	}
	rest := strings.Join(f[1:], " ")
	if rest == "" {
		return c.truth(b, s, line)
	}
	if b.t.kind == pkString && len(f) == 3 && (f[1] == "==" || f[1] == "!=") {
		// A string against a literal: {% if option.type == "radio" %}.
		lit, ok := stringLiteral(f[2])
		if !ok {
			return nil, c.errf(line, "{%% if %s %%}: comparing with %s is not supported", s, f[2])
		}
		get, eq := b.get, f[1] == "=="
		return func(e *penv) bool { return (get(e).s == lit) == eq }, nil
	}
	if b.t.kind != pkValue {
		return nil, c.errf(line, "{%% if %s %%}: comparing a %s is not supported", s, b.t.name)
	}
	get := b.get
	switch rest {
	case "!= None", "is not None":
		return func(e *penv) bool { return !get(e).v.IsNone() }, nil
	case "== None", "is None":
		return func(e *penv) bool { return get(e).v.IsNone() }, nil
	case "is not False":
		return func(e *penv) bool { return !get(e).v.IsFalse() }, nil
	case "is not True":
		return func(e *penv) bool { return !get(e).v.IsTrue() }, nil
	case "is False":
		return func(e *penv) bool { return get(e).v.IsFalse() }, nil
	case "is True":
		return func(e *penv) bool { return get(e).v.IsTrue() }, nil
	}
	return nil, c.errf(line, "{%% if %s %%}: the comparison %q is not supported", s, rest)
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

func (c *pcompiler) join(sc *pscope, parts []string, or bool, line int) (func(*penv) bool, error) {
	var cs []func(*penv) bool
	for _, p := range parts {
		x, err := c.cond(sc, p, line)
		if err != nil {
			return nil, err
		}
		cs = append(cs, x)
	}
	if or {
		return func(e *penv) bool {
			for _, x := range cs {
				if x(e) {
					return true
				}
			}
			return false
		}, nil
	}
	return func(e *penv) bool {
		for _, x := range cs {
			if !x(e) {
				return false
			}
		}
		return true
	}, nil
}

func (c *pcompiler) loop(sc *pscope, n *tmplparse.For) (pnode, error) {
	coll, err := c.expr(sc, n.Coll, n.Line)
	if err != nil {
		return nil, err
	}
	if coll.t.kind == pkStruct && coll.t.iter != "" {
		a := coll.t.attrs[coll.t.iter]
		get := coll.get
		coll = pbinding{t: a.t, get: func(e *penv) pval { return a.get(get(e)) }}
	}
	if coll.t.kind != pkSeq {
		return nil, c.errf(n.Line, "{%% for ... in %s %%}: cannot loop over a %s", n.Coll, coll.t.name)
	}
	// Slots: index, length, the item.
	slot := c.slot(3)
	body := sc.child()
	body.vars["forloop"] = pbinding{loop: &ploop{slot: slot}}
	et := coll.t.elem
	item := func(e *penv) pval { return e.vars[slot+2] }
	if n.Index != "" {
		// jet's range i, x := list: i is the item's index.
		body.vars[n.Index] = pbinding{t: ptInt, get: func(e *penv) pval { return pval{n: e.vars[slot].n} }}
	}
	if len(n.Vars) == 1 {
		body.vars[n.Vars[0]] = pbinding{t: et, get: item}
	} else {
		if len(n.Vars) > len(et.tuple) {
			return nil, c.errf(n.Line, "{%% for %s in %s %%}: a %s unpacks into %d values", strings.Join(n.Vars, ", "), n.Coll, et.name, len(et.tuple))
		}
		for k, name := range n.Vars {
			a := et.tuple[k]
			body.vars[name] = pbinding{t: a.t, get: func(e *penv) pval { return a.get(item(e)) }}
		}
	}
	inner, err := c.nodes(body, n.Body)
	if err != nil {
		return nil, err
	}
	var empty pnode
	if n.HasEmpty {
		if empty, err = c.nodes(sc.child(), n.Empty); err != nil {
			return nil, err
		}
	}
	get, length, at := coll.get, coll.t.length, coll.t.at
	return func(e *penv, b *bytes.Buffer) error {
		x := get(e)
		l := length(x)
		if l == 0 && empty != nil {
			return empty(e, b)
		}
		for i := 0; i < l; i++ {
			e.vars[slot].n, e.vars[slot+1].n = i, l
			e.vars[slot+2] = at(x, i)
			if err := inner(e, b); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

func (c *pcompiler) include(sc *pscope, n *tmplparse.Include) (pnode, error) {
	inner := sc.child()
	var sets []func(e *penv)
	for _, kv := range n.Withs {
		x, err := c.expr(sc, kv[1], n.Line)
		if err != nil {
			return nil, err
		}
		slot := c.slot(1)
		get := x.get
		sets = append(sets, func(e *penv) { e.vars[slot] = get(e) })
		inner.vars[kv[0]] = pbinding{t: x.t, get: func(e *penv) pval { return e.vars[slot] }}
	}
	set := func(e *penv) {
		for _, s := range sets {
			s(e)
		}
	}
	if n.Literal {
		body, err := c.template(inner, n.Name)
		if err != nil {
			return nil, err
		}
		return func(e *penv, b *bytes.Buffer) error { set(e); return body(e, b) }, nil
	}
	// A template named at run time: a widget's option template, or a
	// multi-part widget's subwidget's.
	name, err := c.expr(sc, n.Expr, n.Line)
	if err != nil {
		return nil, err
	}
	if name.t.kind != pkString {
		return nil, c.errf(n.Line, "{%% include %s %%}: the name is a %s, not a string", n.Expr, name.t.name)
	}
	// It sees the widget of its with widget=..., or with no with the
	// widget of the includer's context (a loop's over subwidgets).
	var w pbinding
	switch {
	case len(n.Withs) == 1 && n.Withs[0][0] == "widget":
		w = inner.vars["widget"]
		if w.t != ptWidget {
			return nil, c.errf(n.Line, "{%% include %s with widget=%s %%}: %s is a %s, not a widget", n.Expr, n.Withs[0][1], n.Withs[0][1], w.t.name)
		}
	case len(n.Withs) == 0:
		var ok bool
		if w, ok = sc.lookup("widget"); !ok || w.t != ptWidget {
			return nil, c.errf(n.Line, "{%% include %s %%}: a template named at run time is included with widget=..., or where widget is a widget", n.Expr)
		}
	default:
		return nil, c.errf(n.Line, "{%% include %s %%}: a template named at run time must be included with widget=... alone", n.Expr)
	}
	getName, getW := name.get, w.get
	return func(e *penv, b *bytes.Buffer) error {
		set(e)
		return e.s.includeWidget(b, getName(e).s, refOf[*WidgetView](getW(e)))
	}, nil
}
