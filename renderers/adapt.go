package renderers

import (
	"bytes"
	"sync"
)

// From engine contexts back to the view model: a widget context (the map
// a widget's Context returns, {"widget": ...}) as a WidgetView, so that a
// built-in widget template rendered by name with a context (the engine
// fallback of a widget, a subwidget of a multi-part widget, an option
// included from a theme's overridden template) still runs on its
// generated writer when the renderer does not override it.

// ctxView is a widget context as a view, with its options made one at a
// time from the context's option maps.
type ctxView struct {
	v    WidgetView
	opt  WidgetView
	opts []map[string]any
	grps []OptGroupView
}

var ctxViewPool = sync.Pool{New: func() any { return new(ctxView) }}

func (c *ctxView) release() {
	c.v.Reset()
	c.opt.Reset()
	clear(c.opts)
	c.opts, c.grps = c.opts[:0], c.grps[:0]
	ctxViewPool.Put(c)
}

// Option implements OptionSource.
func (c *ctxView) Option(i int) *WidgetView {
	// fill cannot fail here: widgetView checked every option.
	fillWidget(&c.opt, c.opts[i])
	return &c.opt
}

// fillWidget sets v from a widget (or option) context; false for a
// context holding what a WidgetView cannot.
func fillWidget(v *WidgetView, m map[string]any) bool {
	var ok bool
	str := func(k string) string {
		switch s := m[k].(type) {
		case string:
			return s
		case nil:
			return ""
		}
		ok = false
		return ""
	}
	ok = true
	v.Name, v.Type, v.TemplateName, v.Label = str("name"), str("type"), str("template_name"), str("label")
	v.Value = AnyValue(m["value"])
	switch w := m["wrap_label"].(type) {
	case bool:
		v.WrapLabel = w
	case nil:
		v.WrapLabel = false
	default:
		return false
	}
	v.Attrs.Reset()
	switch a := m["attrs"].(type) {
	case Attrs:
		ok = ok && v.Attrs.SetAll(a)
	case nil:
	default:
		return false
	}
	return ok
}

// widgetView returns the view of a widget context.
func widgetView(m map[string]any) (*ctxView, bool) {
	c := ctxViewPool.Get().(*ctxView)
	if !fillWidget(&c.v, m) {
		c.release()
		return nil, false
	}
	if g, has := m["optgroups"]; has && g != nil {
		groups, ok := g.([]any)
		if !ok {
			c.release()
			return nil, false
		}
		for i, x := range groups {
			t, ok := x.([]any)
			if !ok || len(t) < 2 {
				c.release()
				return nil, false
			}
			gv := OptGroupView{Index: i, Start: len(c.opts), Src: c}
			switch n := t[0].(type) {
			case string:
				gv.Name = n
			case nil:
			default:
				c.release()
				return nil, false
			}
			opts, ok := t[1].([]any)
			if !ok && t[1] != nil {
				c.release()
				return nil, false
			}
			for _, o := range opts {
				om, ok := o.(map[string]any)
				if !ok || !fillWidget(&c.opt, om) {
					c.release()
					return nil, false
				}
				c.opts = append(c.opts, om)
			}
			gv.End = len(c.opts)
			c.grps = append(c.grps, gv)
		}
		c.v.Optgroups = c.grps
	}
	return c, true
}

// renderWidgetContext renders a built-in widget template from a widget
// context on its generated writer, trimmed as RenderString trims, when r
// does not override it.
func renderWidgetContext(b *bytes.Buffer, r Renderer, name string, ctx Context) bool {
	if len(ctx) != 1 {
		return false
	}
	m, ok := ctx["widget"].(map[string]any)
	if !ok {
		return false
	}
	fn, deps := genWidget(name)
	if fn == nil {
		return false
	}
	c, ok := widgetView(m)
	if !ok {
		return false
	}
	defer c.release()
	handled, err := write(b, r, name, fn, deps, &c.v)
	return handled && err == nil
}

// includeWidget writes an included built-in widget template (not
// trimmed, as an include is not) on its generated writer.
func includeWidgetContext(b *bytes.Buffer, r Renderer, name string, m map[string]any) bool {
	fn, deps := genWidget(name)
	if fn == nil {
		return false
	}
	fi, ok := fastRenderer(r)
	if !ok || !fi.usable(deps) {
		return false
	}
	c, ok := widgetView(m)
	if !ok {
		return false
	}
	defer c.release()
	mark := b.Len()
	s := statePool.Get().(*genState)
	s.fastInfo = fi
	err := fn(s, b, &c.v)
	declined := s.declined
	s.reset()
	statePool.Put(s)
	if err != nil || declined {
		b.Truncate(mark)
		return false
	}
	return true
}
