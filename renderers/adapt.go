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
// time from the context's option maps, and the views of its subwidgets
// (a multi-part widget's parts), each a ctxView of its own.
type ctxView struct {
	v    WidgetView
	opt  WidgetView
	opts []map[string]any
	grps []OptGroupView
	subs []*ctxView
	subv []*WidgetView
}

var ctxViewPool = sync.Pool{New: func() any { return new(ctxView) }}

func (c *ctxView) release() {
	c.v.Reset()
	c.opt.Reset()
	clear(c.opts)
	c.opts, c.grps = c.opts[:0], c.grps[:0]
	if len(c.subs) > 0 {
		for _, sub := range c.subs {
			sub.release()
		}
		clear(c.subs)
		clear(c.subv)
		c.subs, c.subv = c.subs[:0], c.subv[:0]
	}
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
	r := ctxReader{m: m, ok: true}
	v.Name, v.Type, v.TemplateName, v.Label = r.str("name"), r.str("type"), r.str("template_name"), r.str("label")
	v.Value = AnyValue(m["value"])
	v.WrapLabel = r.flag("wrap_label")
	v.Attrs.Reset()
	switch a := m["attrs"].(type) {
	case Attrs:
		r.ok = r.ok && v.Attrs.SetAll(a)
	case nil:
	default:
		return false
	}
	return r.ok
}

// ctxReader reads a context's strings and booleans, noting in ok a value
// of another kind (nil reads as "" and false).
type ctxReader struct {
	m  map[string]any
	ok bool
}

func (r *ctxReader) str(k string) string {
	switch s := r.m[k].(type) {
	case string:
		return s
	case nil:
	default:
		r.ok = false
	}
	return ""
}

func (r *ctxReader) flag(k string) bool {
	switch b := r.m[k].(type) {
	case bool:
		return b
	case nil:
	default:
		r.ok = false
	}
	return false
}

// fillWidgetOwn sets what v holds of a widget's context and not of an
// option's (which has none of these keys: a template reading them from
// an option sees "" and false, as the zero view holds): required,
// ClearableFileInput's is_initial and texts. False for a context holding
// what a WidgetView cannot.
func fillWidgetOwn(v *WidgetView, m map[string]any) bool {
	r := ctxReader{m: m, ok: true}
	v.Required = r.flag("required")
	if _, has := m["is_initial"]; !has {
		return r.ok // not a ClearableFileInput's
	}
	v.IsInitial = r.flag("is_initial")
	v.InitialText, v.InputText = r.str("initial_text"), r.str("input_text")
	v.CheckboxName, v.CheckboxID = r.str("checkbox_name"), r.str("checkbox_id")
	v.ClearCheckboxLabel = r.str("clear_checkbox_label")
	return r.ok
}

// widgetView returns the view of a widget context.
func widgetView(m map[string]any) (*ctxView, bool) { return widgetViewAt(m, 0) }

// widgetViewAt is widgetView for a context depth subwidgets down: past
// MaxTemplateDepth (a context holding itself) there is no view, and the
// engine renders it (and stops the recursion).
func widgetViewAt(m map[string]any, depth int) (*ctxView, bool) {
	if depth > MaxTemplateDepth {
		return nil, false
	}
	c := ctxViewPool.Get().(*ctxView)
	if !fillWidget(&c.v, m) || !fillWidgetOwn(&c.v, m) {
		c.release()
		return nil, false
	}
	if sw, has := m["subwidgets"]; has && sw != nil {
		list, ok := sw.([]any)
		if !ok {
			c.release()
			return nil, false
		}
		for _, x := range list {
			sm, ok := x.(map[string]any)
			if !ok {
				c.release()
				return nil, false
			}
			sub, ok := widgetViewAt(sm, depth+1)
			if !ok {
				c.release()
				return nil, false
			}
			c.subs = append(c.subs, sub)
			c.subv = append(c.subv, &sub.v)
		}
		c.v.Subwidgets = c.subv
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
	// A set of built-in templates replaces writers of Django's, never
	// adds one: no writer in Django's set, none in r's.
	if fn, _ := genWidget(name, setDjango); fn == nil {
		return false
	}
	c, ok := widgetView(m)
	if !ok {
		return false
	}
	defer c.release()
	handled, err := write(b, r, name, genWidget, &c.v)
	return handled && err == nil
}

// includeWidget writes an included built-in widget template (not
// trimmed, as an include is not) on its generated writer.
func includeWidgetContext(b *bytes.Buffer, r Renderer, name string, widget func() (map[string]any, bool)) bool {
	fi, ok := fastRenderer(r)
	if !ok {
		return false
	}
	fn, deps := genWidget(name, fi.set)
	if fn == nil || !fi.usable(deps) {
		return false
	}
	m, ok := widget()
	if !ok {
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
