package widgets

import (
	"bytes"
	"strconv"
	"sync"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// The fast path of the common widgets. When the renderer would print a
// widget with its built-in template (renderers.NativeOK), the widget's
// view (renderers.WidgetView) is built here straight from its settings
// and choices, without the context maps, and printed by the writer
// generated from the template. Anything unusual (a widget type not
// listed, more attributes than an AttrSet holds, an option template that
// is overridden) falls back to Render.

// WriteHTML writes what Render returns for w to b. extra are the
// attributes added to the widget's own (nil for none): a bound field's
// id, required and disabled.
func WriteHTML(b *bytes.Buffer, w Widget, name string, value any, extra *renderers.AttrSet, r renderers.Renderer) error {
	if r == nil {
		r = renderers.Default()
	}
	if writeFast(b, w, name, value, extra, r) {
		return nil
	}
	var attrs renderers.Attrs
	if extra != nil {
		attrs = extra.Attrs()
	}
	s, err := renderEngine(w, name, value, attrs, r)
	if err != nil {
		return err
	}
	b.WriteString(s)
	return nil
}

// writeFast writes w with the writer generated from its built-in
// template, from a view built straight from the widget's settings and
// choices; false (with b as it was) when the engine must render it.
func writeFast(b *bytes.Buffer, w Widget, name string, value any, extra *renderers.AttrSet, r renderers.Renderer) bool {
	var typ string
	var check func(any) bool
	switch x := w.(type) {
	case *TextInput:
		typ = x.typeOr("text")
	case *NumberInput:
		typ = x.typeOr("number")
	case *EmailInput:
		typ = x.typeOr("email")
	case *URLInput:
		typ = x.typeOr("url")
	case *PasswordInput:
		typ = x.typeOr("password")
		if !x.RenderValue {
			value = nil
		}
	case *HiddenInput:
		typ = x.typeOr("hidden")
	case *DateInput:
		typ = x.typeOr("text")
	case *DateTimeInput:
		typ = x.typeOr("text")
	case *TimeInput:
		typ = x.typeOr("text")
	case *FileInput:
		typ = x.typeOr("file")
	case *CheckboxInput:
		typ = x.typeOr("checkbox")
		check = x.CheckTest
		if check == nil {
			check = booleanCheck
		}
	case *Textarea, *Select, *SelectMultiple, *NullBooleanSelect, *RadioSelect, *CheckboxSelectMultiple:
	default:
		return false
	}
	tpl := w.TemplateName()
	// No renderers.NativeOK(r, tpl) first: WriteWidget makes the same
	// checks, and declines (false) when the engine must render; asking
	// twice cost more, on every widget, than building the view in vain
	// does for a renderer without the fast path.
	sc := viewPool.Get().(*viewScratch)
	defer sc.release()
	v := &sc.v
	v.Name = name
	// The context's template_name, which a theme's template may test.
	v.TemplateName = tpl
	if !v.Attrs.SetAll(w.Base().Attrs) || (extra != nil && !v.Attrs.Merge(extra)) {
		return false
	}
	ok := true
	switch x := w.(type) {
	case *Textarea:
		v.Value = renderers.AnyValue(x.FormatValue(value))
	case *SelectMultiple:
		ok = sc.choices(selectKind, x.Choices, true, name, selectionOf(x, value, true))
	case *NullBooleanSelect:
		ok = sc.choices(selectKind, x.choices(), false, name, selection{fv: x.FormatValue(value)})
	case *Select:
		ok = sc.choices(selectKind, x.Choices, x.AllowMultipleSelected, name, selectionOf(x, value, x.AllowMultipleSelected))
	case *CheckboxSelectMultiple:
		ok = sc.choices(checkboxKind, x.Choices, true, name, selectionOf(x, value, true))
	case *RadioSelect:
		ok = sc.choices(radioKind, x.Choices, x.AllowMultipleSelected, name, selectionOf(x, value, x.AllowMultipleSelected))
	default:
		v.Type = typ
		if check != nil && check(value) && !v.Attrs.Set("checked", true) {
			return false
		}
		if in, plain := plainInput(w); plain && !in.Localized {
			// Input.FormatValue, without boxing the string.
			if !isNone(value) && value != "" {
				v.Value = renderers.StringValue(pyfmt.Str(value))
			}
			break
		}
		v.Value = renderers.AnyValue(w.FormatValue(value))
	}
	if !ok {
		return false
	}
	handled, err := renderers.WriteWidget(b, r, tpl, v)
	return handled && err == nil
}

// viewScratch is the view of one widget and its options, reused from one
// rendering to the next. The options are made one at a time (Option) as
// the template visits them, in order, from the widget's choices.
type viewScratch struct {
	v      renderers.WidgetView
	groups []renderers.OptGroupView
	opt    renderers.WidgetView
	kind   choiceKind
	idStr  string
	hasID  bool
	idx    []byte
	// ids are the options' ids end to end, made in one string; idEnd[i]
	// is where the i-th ends.
	ids   string
	idEnd []int
	chs   []Choice
	multi bool
	sel   selection
	cur   optionCursor
}

// optionCursor is where Option is in the choices: the next option's
// position, choice and place in its group, and whether an option was
// selected before it.
type optionCursor struct {
	pos, choice, sub int
	hasSelected      bool
}

var viewPool = sync.Pool{New: func() any { return new(viewScratch) }}

func (sc *viewScratch) release() {
	sc.v.Reset()
	sc.opt.Reset()
	sc.groups = sc.groups[:0]
	sc.chs, sc.sel, sc.cur = nil, selection{}, optionCursor{}
	sc.ids, sc.idEnd = "", sc.idEnd[:0]
	viewPool.Put(sc)
}

// choices fills in the view's optgroups as ChoiceWidget.optgroups builds
// them, for the widget's attributes in sc.v.Attrs.
func (sc *viewScratch) choices(k choiceKind, choices []Choice, multiple bool, name string, sel selection) bool {
	attrs := &sc.v.Attrs
	if k.inputType == "select" && multiple && !attrs.Set("multiple", true) {
		return false
	}
	if attrs.Len() > renderers.MaxAttrSet-2 {
		return false // no room for an option's id and checked
	}
	sc.kind, sc.chs, sc.multi, sc.sel, sc.cur = k, choices, multiple, sel, optionCursor{}
	idStr, isStr, hasIDKey := attrs.GetString("id")
	sc.hasID, sc.idStr = hasIDKey && k.inheritsAttrs, ""
	if sc.hasID {
		sc.idStr = idStr
		if !isStr {
			id, _ := attrs.Get("id")
			sc.idStr = pyfmt.Str(id)
		}
	}
	n := 0
	for index, c := range choices {
		g := renderers.OptGroupView{Index: index, Start: n, Src: sc}
		if c.Group != nil {
			optValue := c.Value
			if isNone(optValue) {
				optValue = ""
			}
			g.Name = pyfmt.Str(optValue)
			n += len(c.Group)
		} else {
			n++
		}
		g.End = n
		sc.groups = append(sc.groups, g)
	}
	sc.v.Optgroups = sc.groups
	if sc.hasID && sc.idStr != "" && k.addIDIndex {
		sc.optionIDs()
	}
	sc.opt.Name = name
	sc.opt.Type = k.inputType
	sc.opt.TemplateName = k.optionTemplate
	sc.opt.WrapLabel = true
	return true
}

// optionIDs makes the ids of all the options (id_index, or
// id_index_sub inside a group) in one string, rather than one string per
// option.
func (sc *viewScratch) optionIDs() {
	b := sc.idx[:0]
	sc.idEnd = sc.idEnd[:0]
	add := func(index, sub int) {
		b = append(b, sc.idStr...)
		b = append(b, '_')
		b = strconv.AppendInt(b, int64(index), 10)
		if sub >= 0 {
			b = append(b, '_')
			b = strconv.AppendInt(b, int64(sub), 10)
		}
		sc.idEnd = append(sc.idEnd, len(b))
	}
	for index, c := range sc.chs {
		if c.Group == nil {
			add(index, -1)
			continue
		}
		for sub := range c.Group {
			add(index, sub)
		}
	}
	sc.ids, sc.idx = string(b), b
}

// next returns the option at the cursor and moves past it.
func (sc *viewScratch) next() (value, label string, selected bool) {
	c := &sc.cur
	for sc.chs[c.choice].Group != nil && c.sub >= len(sc.chs[c.choice].Group) {
		c.choice, c.sub = c.choice+1, 0 // an empty group
	}
	ch := sc.chs[c.choice]
	v := ch.Value
	if isNone(v) {
		v = ""
	}
	label = ch.Label
	if ch.Group != nil {
		v, label = ch.Group[c.sub].Value, ch.Group[c.sub].Label
		c.sub++
		if c.sub == len(ch.Group) {
			c.choice, c.sub = c.choice+1, 0
		}
	} else {
		c.choice++
	}
	c.pos++
	value = pyfmt.Str(v)
	selected = (!c.hasSelected || sc.multi) && sc.sel.has(value)
	c.hasSelected = c.hasSelected || selected
	return value, label, selected
}

// Option is ChoiceWidget.create_option for the i-th option.
func (sc *viewScratch) Option(i int) *renderers.WidgetView {
	if i < sc.cur.pos {
		sc.cur = optionCursor{} // visited out of order: start again
	}
	for sc.cur.pos < i {
		sc.next()
	}
	pos := sc.cur.pos
	value, label, selected := sc.next()
	o := &sc.opt
	o.Value = renderers.StringValue(value)
	o.Label = label
	if sc.kind.inheritsAttrs {
		o.Attrs.CopyFrom(&sc.v.Attrs)
	} else {
		o.Attrs.Reset()
	}
	// choices left room for these two.
	if selected {
		o.Attrs.Set(sc.kind.checked, true)
	}
	if sc.hasID {
		optID := sc.idStr
		if sc.idStr != "" && sc.kind.addIDIndex {
			start := 0
			if pos > 0 {
				start = sc.idEnd[pos-1]
			}
			optID = sc.ids[start:sc.idEnd[pos]]
		}
		o.Attrs.SetString("id", optID)
	}
	return o
}

// plainInput returns the Input of a widget whose FormatValue is
// Input's own.
func plainInput(w Widget) (*Input, bool) {
	switch x := w.(type) {
	case *TextInput:
		return &x.Input, true
	case *NumberInput:
		return &x.Input, true
	case *EmailInput:
		return &x.Input, true
	case *URLInput:
		return &x.Input, true
	case *PasswordInput:
		return &x.Input, true
	case *HiddenInput:
		return &x.Input, true
	}
	return nil, false
}

// selection is the value of a choice widget as optgroups tests its
// options against it: in general choiceIn(fv, option), and for the
// usual values (one string, a list of strings, nothing) the same test
// without formatting the value into a new list.
type selection struct {
	fv   any
	one  string
	list []string
	kind uint8 // 0: fv; 1: one; 2: list
}

// selectionOf is w.FormatValue(value) as a selection.
func selectionOf(w Widget, value any, multiple bool) selection {
	switch x := value.(type) {
	case string:
		return selection{one: x, kind: 1}
	case []string:
		return selection{list: x, kind: 2}
	case nil:
		if multiple {
			return selection{kind: 2}
		}
		return selection{one: "", kind: 1}
	}
	return selection{fv: w.FormatValue(value)}
}

// has reports whether the option of value s is selected.
func (s *selection) has(v string) bool {
	switch s.kind {
	case 1:
		return s.one == v
	case 2:
		for _, x := range s.list {
			if x == v {
				return true
			}
		}
		return false
	}
	return choiceIn(s.fv, v)
}
