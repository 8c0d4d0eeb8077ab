package formspec

import (
	"errors"
	"fmt"

	"github.com/formwork/formwork/renderers"
)

// PrepareWith prepares the case as Prepare does, with renderer r in place
// of the one the case names (and its inline templates): a theme timed on
// any case.
func (c *Case) PrepareWith(r renderers.Renderer) (*Prepared, error) {
	if r == nil {
		return nil, errors.New("formspec: PrepareWith needs a renderer")
	}
	cc := *c
	cc.renderer = r
	return cc.Prepare()
}

// RenderOutputs binds, validates and renders every output the case asks
// for, as RenderFirst does the first: what one request of the case costs.
func (p *Prepared) RenderOutputs() (map[string]any, error) {
	outs := p.outputs
	if len(outs) == 0 {
		outs = []string{p.Output}
	}
	res := make(map[string]any, len(outs))
	if p.fs != nil {
		fs := p.Formset()
		fs.IsValid()
		for _, o := range outs {
			v, err := formsetOutput(fs, o)
			if err != nil {
				return nil, fmt.Errorf("output %s: %w", o, err)
			}
			res[o] = v
		}
		return res, nil
	}
	f := p.Form()
	f.IsValid()
	for _, o := range outs {
		v, err := formOutput(f, o)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", o, err)
		}
		res[o] = v
	}
	return res, nil
}
