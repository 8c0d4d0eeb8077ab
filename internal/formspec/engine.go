package formspec

import "github.com/formwork/formwork/renderers"

// RunEngine renders the case as Run does, but with every template
// through the renderer's template engine, never the writers generated
// from the built-in templates (renderers' NoFastPath): the reference the
// fast path must match byte for byte.
func (c *Case) RunEngine() (*Result, error) {
	cc := *c
	cc.engineOnly = true
	return cc.Run()
}

// RunEngineWith is RunWith with every template through r's engine.
func (c *Case) RunEngineWith(r renderers.Renderer) (*Result, error) {
	cc := *c
	cc.engineOnly = true
	return cc.RunWith(r)
}

// engineOnly returns r set to render every template with its engine, when
// the case asks for that.
func (c *Case) engineRenderer(r renderers.Renderer) renderers.Renderer {
	if !c.engineOnly {
		return r
	}
	switch x := r.(type) {
	case *renderers.DjangoTemplates:
		y := &renderers.DjangoTemplates{FormTemplate: x.FormTemplate, FormsetTemplate: x.FormsetTemplate, Overlay: x.Overlay, Theme: x.Theme, Reload: x.Reload, NoFastPath: true}
		return y
	case *renderers.Jinja2:
		y := &renderers.Jinja2{FormTemplate: x.FormTemplate, FormsetTemplate: x.FormsetTemplate, Overlay: x.Overlay, Theme: x.Theme, Reload: x.Reload, NoFastPath: true}
		return y
	case *renderers.Accessible:
		return &renderers.Accessible{Overlay: x.Overlay, Reload: x.Reload, NoFastPath: true}
	}
	return r
}
