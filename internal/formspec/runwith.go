package formspec

import (
	"errors"

	"github.com/formwork/formwork/renderers"
)

// RunWith renders the case as Run does, but with renderer r in place of
// the one the case names (its "renderer" key); the case's inline
// templates are then not used.  It lets one case be rendered by every
// renderer, as the accessibility suite does.
func (c *Case) RunWith(r renderers.Renderer) (*Result, error) {
	if r == nil {
		return nil, errors.New("formspec: RunWith needs a renderer")
	}
	cc := *c
	cc.renderer = r
	return cc.Run()
}
