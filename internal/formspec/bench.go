package formspec

import (
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// Prepared is a case made ready to render many times, as an application
// renders a form: the renderer, the form declaration and the submitted
// data are built once, and each RenderFirst binds, validates and renders
// anew. A Prepared is safe for concurrent use.
type Prepared struct {
	// Renderer is the case's renderer, shared by every render.
	Renderer renderers.Renderer
	// Decl is the case's form declaration, shared by every render.
	Decl *forms.Declaration
	// Output is the output RenderFirst computes: the case's first.
	Output string

	opts    forms.Options
	outputs []string // every output of the case
	bound   bool
	data    url.Values
	files   widgets.Files

	// fs and fsOpts are the formset declaration and arguments of a case
	// with a "formset" key (nil otherwise).
	fs     *formsets.Declaration
	fsOpts formsets.Options
}

// Prepare builds the case's renderer, declaration (of its form, and of
// its formset when it has one) and data once. Cases whose kind formwork
// cannot prepare (model formsets) return an error wrapping
// ErrUnsupported.
func (c *Case) Prepare() (*Prepared, error) {
	root := c.root
	var translator validators.Translator
	if _, ok := root.get("models"); ok {
		return nil, fmt.Errorf("models: model formsets are %w", ErrUnsupported)
	}
	if ln, ok := root.get("language"); ok {
		s, err := ln.str()
		if err != nil {
			return nil, err
		}
		tr, err := translatorFor(s)
		if err != nil {
			return nil, specErr("language", "%v", err)
		}
		translator = tr
	}
	rn, hasR := root.get("renderer")
	tn, hasT := root.get("templates")
	r, err := buildRenderer(rn, hasR, tn, hasT)
	if err != nil {
		return nil, err
	}
	if c.renderer != nil {
		r = c.renderer
	}
	fn, ok := root.get("form")
	if !ok {
		return nil, &SpecError{Msg: "missing key \"form\""}
	}
	decl, opts, err := buildForm(fn)
	if err != nil {
		return nil, err
	}
	opts.Renderer = r
	opts.Translator = translator
	p := &Prepared{Renderer: r, Decl: decl, opts: opts, Output: "as_div"}
	if on, ok := root.get("outputs"); ok {
		outs, err := on.strings()
		if err != nil {
			return nil, err
		}
		if len(outs) == 0 {
			return nil, specErr("outputs", "no output to render")
		}
		p.Output = outs[0]
		p.outputs = outs
	}
	if bn, ok := root.get("bind"); ok && bn.v != nil {
		p.bound = true
		if p.data, p.files, err = buildBind(bn); err != nil {
			return nil, err
		}
	}
	if fsn, ok := root.get("formset"); ok {
		env := &Env{Case: c, Renderer: r, Decl: decl, Options: opts}
		if p.fs, p.fsOpts, err = buildFormset(env, fsn); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Form returns a new form of the declaration: bound to the case's data
// when the case binds it.
func (p *Prepared) Form() *forms.Form {
	if p.bound {
		return p.Decl.Bind(p.data, p.files, p.opts)
	}
	return p.Decl.New(p.opts)
}

// Formset returns a new formset of the case's formset declaration, bound
// to the case's data when the case binds it; nil for a case without a
// formset.
func (p *Prepared) Formset() *formsets.Formset {
	if p.fs == nil {
		return nil
	}
	if p.bound {
		return p.fs.Bind(p.data, p.files, p.fsOpts)
	}
	return p.fs.New(p.fsOpts)
}

// RenderFirst binds a new form (or formset), validates it and computes
// the case's first output, as a string (HTML outputs) or its JSON text
// (others).
func (p *Prepared) RenderFirst() (string, error) {
	var v any
	var err error
	if p.fs != nil {
		fs := p.Formset()
		fs.IsValid()
		v, err = formsetOutput(fs, p.Output)
	} else {
		f := p.Form()
		f.IsValid()
		v, err = formOutput(f, p.Output)
	}
	if err != nil {
		return "", fmt.Errorf("output %s: %w", p.Output, err)
	}
	if s, ok := v.(string); ok {
		return s, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("output %s: %w", p.Output, err)
	}
	return string(b), nil
}
