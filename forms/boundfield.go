package forms

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// BoundField is a field of one form: it joins the declared field, the
// form's data and initial values, and the widget that renders them.
type BoundField struct {
	form  *Form
	field Field
	name  string

	htmlName string
	label    string

	initialDone bool
	initial     any
	dataDone    bool
	data        any
	autoIDDone  bool
	autoID      string
	// localWidget is the widget with the form's formats (l10n.go).
	localWidget widgets.Widget
	parsed      parsed // the last ToPython of the data (parse_once.go)
	// What accessible renderings ask for again and again, made once:
	// FocusID (for a choice widget it builds the options), the ids of
	// the elements describing the field, and accessibleWidget (a
	// multiple selection's checkboxes, a new widget).
	focusID   string
	focusDone bool
	ids       describedIDs
	accWidget widgets.Widget

	// obj is Object(), built once: a render asks for a field's Object
	// several times (the form's context, its loop, a label template's
	// field), and every render of the form for the same values. Its
	// funcs record their errors in the sink of the render calling them.
	obj renderers.Object
}

func newBoundField(f *Form, field Field, name string) *BoundField {
	bf := &BoundField{}
	bf.init(f, field, name, "", "")
	return bf
}

// init sets up a new (zero) bound field; pretty is name made a label,
// "" when it is to be computed; id is its id with the form's auto_id and
// prefix when the declaration has it, else "".
func (bf *BoundField) init(f *Form, field Field, name, pretty, id string) {
	c := field.Core()
	label := translateText(f.opts.Translator, c.Label)
	if label == "" && !c.HideLabel {
		label = pretty
		if label == "" {
			label = prettyName(name)
		}
	}
	// bf is new (zero) memory: set the fields one by one rather than
	// copying a whole BoundField over it, which costs a write barrier on
	// every pointer word of the struct while the GC marks.
	bf.form, bf.field, bf.name, bf.label = f, field, name, label
	if f.opts.Prefix == "" {
		bf.htmlName = name
		if id != "" {
			bf.autoID, bf.autoIDDone = id, true
		}
		return
	}
	if f.idSplit {
		// The id holds the prefixed name: one string serves for both.
		if id == "" {
			id = f.idBefore + f.opts.Prefix + "-" + name + f.idAfter
		}
		bf.htmlName = id[len(f.idBefore) : len(id)-len(f.idAfter)]
		bf.autoID, bf.autoIDDone = id, true
		return
	}
	bf.htmlName = f.AddPrefix(name)
}

// Form returns the form the field belongs to.
func (bf *BoundField) Form() *Form { return bf.form }

// Field returns the declared field.
func (bf *BoundField) Field() Field { return bf.field }

// Name returns the field's name in the form.
func (bf *BoundField) Name() string { return bf.name }

// HTMLName returns the name of the field's input: the name with the
// form's prefix.
func (bf *BoundField) HTMLName() string { return bf.htmlName }

// HTMLInitialName returns the name of the hidden input holding the
// field's initial value ("initial-" + HTMLName).
func (bf *BoundField) HTMLInitialName() string { return bf.form.AddInitialPrefix(bf.name) }

// Label returns the field's label text.
func (bf *BoundField) Label() string { return bf.label }

// HelpText returns the field's help text.
func (bf *BoundField) HelpText() string {
	return translateText(bf.form.opts.Translator, bf.field.Core().HelpText)
}

// Widget returns the widget the field renders with.
func (bf *BoundField) Widget() widgets.Widget { return bf.localizedWidget(bf.field.Core().widget) }

// fieldErrors returns the field's errors, nil when it has none.
func (bf *BoundField) fieldErrors() *ErrorList { return bf.form.Errors().Get(bf.name) }

// Errors returns the field's errors (an empty list when it has none).
func (bf *BoundField) Errors() *ErrorList {
	if l := bf.form.Errors().Get(bf.name); l != nil {
		return l
	}
	return NewErrorList("", bf.form.renderer, bf.form.opts.Translator)
}

// IsHidden reports whether the field's widget is hidden.
func (bf *BoundField) IsHidden() bool { return bf.Widget().IsHidden() }

// UseFieldset reports whether the div style groups the field in a
// <fieldset> with a <legend>.
func (bf *BoundField) UseFieldset() bool { return bf.Widget().UseFieldset() }

// AutoID returns the field's id, from the form's auto_id pattern; "" when
// the form writes no ids.
func (bf *BoundField) AutoID() string {
	if bf.autoIDDone {
		return bf.autoID
	}
	p := bf.form.autoID
	switch {
	case p == "":
		bf.autoID = ""
	case bf.form.idSplit:
		bf.autoID = bf.form.idBefore + bf.htmlName + bf.form.idAfter
	default:
		bf.autoID = bf.htmlName
	}
	bf.autoIDDone = true
	return bf.autoID
}

// widgetID is the id the widget is given: its own id attribute, else the
// field's auto id.
func (bf *BoundField) widgetID() string {
	if id, ok := bf.Widget().Base().Attrs["id"]; ok {
		if s := attrString(id); s != "" {
			return s
		}
	}
	return bf.AutoID()
}

func attrString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case bool:
		if !x {
			return ""
		}
	}
	return pyStr(v)
}

// IDForLabel returns the id a label for the field points at.
func (bf *BoundField) IDForLabel() string { return bf.Widget().IDForLabel(bf.widgetID()) }

// Initial returns the field's initial value: the form's, else the
// field's own.
func (bf *BoundField) Initial() any {
	if !bf.initialDone {
		bf.initialDone = true
		v := bf.form.InitialFor(bf.name, bf.field)
		if t, ok := v.(time.Time); ok && !widgets.SupportsMicroseconds(bf.Widget()) {
			v = t.Truncate(time.Second)
		}
		bf.initial = v
	}
	return bf.initial
}

// Data returns the field's submitted value, as its widget reads it.
func (bf *BoundField) Data() any {
	if !bf.dataDone {
		bf.dataDone = true
		bf.data = bf.Widget().ValueFromData(bf.form.data, bf.form.files, bf.htmlName)
	}
	return bf.data
}

// Value returns the value the widget shows: the data of a bound form
// (or the initial value where the field says so), else the initial value.
func (bf *BoundField) Value() any {
	data := bf.Initial()
	if bf.form.bound {
		if b, ok := bf.field.(BoundDataer); ok {
			data = b.BoundData(bf.Data(), data)
		} else if !bf.field.Core().Disabled {
			data = bf.Data()
		}
	}
	if p, ok := bf.field.(ValuePreparer); ok {
		return p.PrepareValue(data)
	}
	return data
}

// HasChanged reports whether the field's data differs from its initial
// value.
func (bf *BoundField) HasChanged() bool {
	c := bf.field.Core()
	var initial any
	if c.ShowHiddenInitial {
		hw := hiddenWidget(bf.field)
		v := hw.ValueFromData(bf.form.data, bf.form.files, bf.HTMLInitialName())
		field, v := localized(bf.field, v, bf.form.formats())
		iv, err := field.ToPython(v)
		if err != nil {
			return true
		}
		initial = iv
	} else {
		initial = bf.Initial()
	}
	field, data := localized(bf.field, bf.Data(), bf.form.formats())
	return hasChanged(field, initial, data, bf.parser(field)) // parse_once.go
}

func hiddenWidget(f Field) widgets.Widget {
	if h, ok := f.(HiddenWidgeter); ok {
		return h.HiddenWidget()
	}
	return widgets.NewHiddenInput(nil)
}

// buildWidgetAttrs adds the required and disabled attributes to attrs.
func (bf *BoundField) buildWidgetAttrs(attrs renderers.Attrs, w widgets.Widget) (renderers.Attrs, widgets.Widget) {
	c := bf.field.Core()
	if c.Required() && bf.form.useReq && w.UseRequiredAttribute(bf.Initial()) {
		if sr, ok := bf.field.(subfieldRequirer); ok && !sr.RequireAllFields() {
			if mw, ok := w.(*widgets.MultiWidget); ok {
				w = setSubwidgetsRequired(mw, sr.SubfieldsRequired(), bf.Initial())
			} else {
				attrs["required"] = true
			}
		} else {
			attrs["required"] = true
		}
	}
	if c.Disabled {
		attrs["disabled"] = true
	}
	return attrs, w
}

// subfieldRequirer is a MultiValueField that may not require all its
// parts.
type subfieldRequirer interface {
	RequireAllFields() bool
	SubfieldsRequired() []bool
}

func setSubwidgetsRequired(mw *widgets.MultiWidget, required []bool, initial any) widgets.Widget {
	c := mw.Clone().(*widgets.MultiWidget)
	for i, sw := range c.Widgets {
		if i >= len(required) {
			break
		}
		sw = sw.Clone()
		b := sw.Base()
		if b.Attrs == nil {
			b.Attrs = renderers.Attrs{}
		}
		b.Attrs["required"] = sw.UseRequiredAttribute(initial) && required[i]
		c.Widgets[i] = sw
	}
	return c
}

// AsWidget renders the field with widget w (nil for its own), extra
// attributes, and, when onlyInitial, as the hidden initial value.
func (bf *BoundField) AsWidget(w widgets.Widget, attrs renderers.Attrs, onlyInitial bool) (renderers.HTML, error) {
	if w == nil {
		w = bf.Widget()
	}
	w = bf.localizeWidget(w)
	a := make(renderers.Attrs, len(attrs)+2)
	for k, v := range attrs {
		a[k] = v
	}
	a, w = bf.buildWidgetAttrs(a, w)
	if id := bf.AutoID(); id != "" {
		if _, has := w.Base().Attrs["id"]; !has {
			if _, set := a["id"]; !set {
				if onlyInitial {
					a["id"] = bf.form.AddInitialPrefix(id)
				} else {
					a["id"] = id
				}
			}
		}
	}
	name := bf.htmlName
	var value any
	if onlyInitial {
		name = bf.HTMLInitialName()
		if _, ok := bf.form.data[name]; ok {
			value = hiddenWidget(bf.field).ValueFromData(bf.form.data, bf.form.files, name)
		} else {
			value = bf.Value()
		}
	} else {
		value = bf.Value()
	}
	w = translateWidget(w, bf.form.opts.Translator)
	return widgets.Render(w, name, value, a, bf.form.renderer)
}

// AsHidden renders the field as a hidden input.
func (bf *BoundField) AsHidden(attrs renderers.Attrs, onlyInitial bool) (renderers.HTML, error) {
	return bf.AsWidget(hiddenWidget(bf.field), attrs, onlyInitial)
}

// HTML renders the field's widget, followed by its hidden initial value
// when the field shows one: Django's str(bound_field).
func (bf *BoundField) HTML() (renderers.HTML, error) {
	h, err := bf.AsWidget(nil, nil, false)
	if err != nil || !bf.field.Core().ShowHiddenInitial {
		return h, err
	}
	h2, err := bf.AsHidden(nil, true)
	return h + h2, err
}

// LabelOptions are the optional arguments of LabelTag.
type LabelOptions struct {
	// Contents replaces the label text; it is escaped.
	Contents string
	// Attrs are written on the tag.
	Attrs renderers.Attrs
	// Suffix, when not nil, replaces the label suffix.
	Suffix *string
	// Tag is the element, "label" when "".
	Tag string
}

// LabelTag renders the field's label in a <label> (or opts.Tag) element
// pointing at the widget, with the label suffix.
func (bf *BoundField) LabelTag(opts LabelOptions) (renderers.HTML, error) {
	b := getBuffer()
	defer putBuffer(b)
	if ok, err := bf.writeLabel(b, opts); ok {
		return renderers.HTML(b.String()), err
	}
	contents := opts.Contents
	if contents == "" {
		contents = bf.label
	}
	suffix := bf.form.labelSfx
	if opts.Suffix != nil {
		suffix = *opts.Suffix
	} else if s := bf.field.Core().LabelSuffix; s != nil {
		suffix = *s
	}
	label := renderers.Escape(contents)
	if suffix != "" && contents != "" && !strings.ContainsRune(bf.form.labelPunctuation(), lastRune(contents)) {
		label += renderers.Escape(suffix)
	}
	var attrs renderers.Attrs
	if opts.Attrs != nil {
		attrs = opts.Attrs.Clone()
	}
	id := bf.widgetID()
	if id != "" {
		if forID := bf.Widget().IDForLabel(id); forID != "" {
			if attrs == nil {
				attrs = renderers.Attrs{}
			}
			attrs["for"] = forID
		}
		if rc := bf.form.decl.RequiredCSSClass; rc != "" && bf.field.Core().Required() {
			if attrs == nil {
				attrs = renderers.Attrs{}
			}
			if cls, ok := attrs["class"]; ok {
				attrs["class"] = attrString(cls) + " " + rc
			} else {
				attrs["class"] = rc
			}
		}
	}
	tag := opts.Tag
	if tag == "" {
		tag = "label"
	}
	if attrs == nil {
		attrs = renderers.Attrs{}
	}
	ctx := renderers.Context{
		"label":   renderers.Safe(renderers.HTML(label)),
		"attrs":   attrs,
		"use_tag": id != "",
		"tag":     tag,
	}
	// The accessible label.html reads the field, and a template of the
	// application's own may.
	ctx["field"] = bf.Object()
	name := bf.form.templateNameLabel()
	// A label template printing {{ field.label_tag }} comes back here.
	if err := bf.form.nesting.Enter(name); err != nil {
		return "", err
	}
	defer bf.form.nesting.Leave()
	return bf.form.renderTemplate(name, ctx)
}

// LegendTag renders the field's label in a <legend> element.
func (bf *BoundField) LegendTag(opts LabelOptions) (renderers.HTML, error) {
	opts.Tag = "legend"
	return bf.LabelTag(opts)
}

// labelOptions reads the keyword arguments of Django's
// BoundField.label_tag(contents, attrs, label_suffix, tag); nil ones are
// Django's defaults.
func labelOptions(kw map[string]any) LabelOptions {
	var o LabelOptions
	if v, ok := kw["contents"].(string); ok {
		o.Contents = v
	}
	if v, ok := kw["attrs"].(map[string]any); ok {
		o.Attrs = renderers.Attrs(v)
	}
	if v, ok := kw["label_suffix"].(string); ok {
		o.Suffix = &v
	}
	if v, ok := kw["tag"].(string); ok {
		o.Tag = v
	}
	return o
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// CSSClasses returns the classes of the field's row: the form's error
// class when the field has errors and its required class when the field
// is required, after extra.
func (bf *BoundField) CSSClasses(extra ...string) string {
	var classes []string
	add := func(c string) {
		for _, have := range classes {
			if have == c {
				return
			}
		}
		classes = append(classes, c)
	}
	for _, e := range extra {
		for _, c := range strings.Fields(e) {
			add(c)
		}
	}
	// Django collects these in a set, whose order changes from one Python
	// process to the next; formwork settles on the required class first.
	if rc := bf.form.decl.RequiredCSSClass; rc != "" && bf.field.Core().Required() {
		add(rc)
	}
	if ec := bf.form.decl.ErrorCSSClass; ec != "" && bf.Errors().Len() > 0 {
		add(ec)
	}
	return strings.Join(classes, " ")
}

// WidgetType returns the widget's type in lower case without "widget" or
// "input": "text", "checkbox", "clearablefile".
func (bf *BoundField) WidgetType() string {
	return widgetTypeName(bf.Widget())
}

// widgetTypeName is Django's BoundField.widget_type: the widget's type
// name in lower case, less a final "widget" or "input".
func widgetTypeName(w widgets.Widget) string {
	t := reflect.TypeOf(w)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	n := strings.ToLower(t.Name())
	if s, ok := strings.CutSuffix(n, "widget"); ok {
		return s
	}
	n, _ = strings.CutSuffix(n, "input")
	return n
}

// Object returns the bound field as templates see it.
func (bf *BoundField) Object() renderers.Object {
	if bf.obj == nil {
		bf.obj = bf.object()
	}
	return bf.obj
}

func (bf *BoundField) object() renderers.Object {
	c := bf.field.Core()
	return renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := bf.HTML()
			bf.form.sink.Set(err)
			return h
		},
		// {% for radio in field %} visits the subwidgets, as does
		// {% for radio in field.subwidgets %}.
		renderers.IterKey:   func() []any { return bf.subwidgetObjects(bf.form.sink) },
		"subwidgets":        func() any { return bf.subwidgetObjects(bf.form.sink) },
		"name":              bf.name,
		"html_name":         bf.htmlName,
		"label":             bf.label,
		"help_text":         bf.HelpText(),
		"auto_id":           bf.AutoID(),
		"id_for_label":      bf.IDForLabel(),
		"is_hidden":         bf.IsHidden(),
		"use_fieldset":      bf.UseFieldset(),
		"widget_type":       bf.WidgetType(),
		"html_initial_name": bf.HTMLInitialName(),
		"label_tag": func() any {
			h, err := bf.LabelTag(LabelOptions{})
			bf.form.sink.Set(err)
			return renderers.Safe(h)
		},
		"legend_tag": func() any {
			h, err := bf.LegendTag(LabelOptions{})
			bf.form.sink.Set(err)
			return renderers.Safe(h)
		},
		// label_tag(attrs=...) and legend_tag(...) of Jinja2 templates
		// (see renderers.TranslateJinja).
		"label_tag_kwargs": func(kw map[string]any) any {
			h, err := bf.LabelTag(labelOptions(kw))
			bf.form.sink.Set(err)
			return renderers.Safe(h)
		},
		"legend_tag_kwargs": func(kw map[string]any) any {
			h, err := bf.LegendTag(labelOptions(kw))
			bf.form.sink.Set(err)
			return renderers.Safe(h)
		},
		"css_classes": func() any { return bf.CSSClasses() },
		// as_widget, as_hidden, as_text, as_textarea: Django's methods
		// with their default arguments.
		"as_widget":   func() any { return bf.asWidgetObject(nil) },
		"as_hidden":   func() any { return bf.asWidgetObject(hiddenWidget(bf.field)) },
		"as_text":     func() any { return bf.asWidgetObject(widgets.NewTextInput(nil)) },
		"as_textarea": func() any { return bf.asWidgetObject(widgets.NewTextarea(nil)) },
		"errors":      func() any { return bf.Errors().object(bf.form.sink) },
		"value":       func() any { return bf.Value() },
		"data":        func() any { return bf.Data() },
		"initial":     func() any { return bf.Initial() },
		// Accessibility keys, used by the AccessibleFormRenderer's
		// templates: the ids of the help text and error list elements,
		// the id to link to from an error summary, and the widget
		// rendered with aria-describedby, aria-invalid and autocomplete.
		"helptext_id":      bf.HelpTextID(),
		"errors_id":        func() any { return bf.ErrorsID() },
		"aria_describedby": func() any { return bf.AriaDescribedBy() },
		"invalid":          func() any { return bf.Errors().Len() > 0 },
		"focus_id":         bf.FocusID(),
		"legend_id":        bf.LegendID(),
		"accessible_label": bf.AccessibleLabel(),
		// The accessible rendering groups a multiple selection as
		// checkboxes in a <fieldset> (see AccessibleWidget).
		"accessible_fieldset": bf.accessibleWidget().UseFieldset(),
		// The form's translator, for the accessible templates' own
		// texts ({% translate %}).
		renderers.TranslatorKey: bf.form.opts.Translator,
		"accessible_widget": func() any {
			h, err := bf.AccessibleHTML()
			bf.form.sink.Set(err)
			return renderers.Safe(h)
		},
		"field": renderers.Object{
			"required":            c.Required(),
			"disabled":            c.Disabled,
			"label":               bf.declaredLabel(),
			"help_text":           bf.HelpText(),
			"show_hidden_initial": c.ShowHiddenInitial,
			"localize":            c.Localize,
			"initial":             func() any { return c.Initial },
			// {{ field.field.widget.attrs.class }}, .is_hidden; plain
			// values, as Jinja reads these attributes without a call.
			"widget": widgetObject(bf.Widget()),
			// {% for value, label in field.field.choices %}.
			"choices": choicePairs(bf.field),
		},
	}
}

// declaredLabel is the field's own label as templates see
// field.field.label: the one declared, "" when hidden, None (nil) when
// the label is made from the name.
func (bf *BoundField) declaredLabel() any {
	c := bf.field.Core()
	switch {
	case c.Label != "":
		return translateText(bf.form.opts.Translator, c.Label)
	case c.HideLabel:
		return ""
	}
	return nil
}

// asWidgetObject is the field rendered with widget w (nil: its own), as
// a template value.
func (bf *BoundField) asWidgetObject(w widgets.Widget) any {
	return renderMethod(func() (renderers.HTML, error) { return bf.AsWidget(w, nil, false) }, bf.form.sink)
}

// widgetObject is a widget as templates see field.field.widget: its own
// attributes ({{ field.field.widget.attrs.class }}), whether it is
// hidden, its input_type and template_name.
func widgetObject(w widgets.Widget) renderers.Object {
	o := renderers.Object{
		"attrs":         w.Base().Attrs,
		"is_hidden":     w.IsHidden(),
		"template_name": w.TemplateName(),
	}
	if t, ok := widgets.InputType(w); ok {
		o["input_type"] = t
	}
	return o
}

// choicePairs is a choice field's choices as (value, label) pairs, a
// group's label with its own pairs, as Django's field.choices iterates;
// nil for a field without choices.
func choicePairs(f Field) []any {
	cf, ok := f.(interface{ WidgetChoices() []Choice })
	if !ok {
		return nil
	}
	var out []any
	for _, ch := range cf.WidgetChoices() {
		if ch.Group != nil {
			// A group's choices iterate as pairs and print as Python's
			// repr of them, a list of (value, label) tuples.
			sub := make([]any, len(ch.Group))
			var repr strings.Builder
			repr.WriteByte('[')
			for i, g := range ch.Group {
				sub[i] = []any{g.Value, g.Label}
				if i > 0 {
					repr.WriteString(", ")
				}
				repr.WriteString("(" + pyfmt.Repr(g.Value) + ", " + pyfmt.Repr(g.Label) + ")")
			}
			repr.WriteByte(']')
			out = append(out, []any{ch.Label, renderers.Object{renderers.HTMLKey: repr.String(), renderers.IterKey: sub}})
			continue
		}
		out = append(out, []any{ch.Value, ch.Label})
	}
	return out
}

// describedIDBase is the start of the ids accessible renderings give the
// elements that describe the field: AutoID, or, in a form without ids
// (auto_id=False), the field's HTML name, which is unique in its form and,
// prefixed, in its formset. Without an id, aria-describedby could not
// point at the help text and the errors, and a screen reader would not
// read them with the control; the controls themselves still get no id.
func (bf *BoundField) describedIDBase() string {
	if id := bf.AutoID(); id != "" {
		return id
	}
	return bf.htmlName
}

// HelpTextID returns the id of the element showing the field's help text
// in accessible renderings: AutoID + "_helptext" (the HTML name +
// "_helptext" in a form without ids), or "" when the field has no help
// text.
func (bf *BoundField) HelpTextID() string { return bf.describedIDs().helptext }

// describedIDs are the ids of HelpTextID, ErrorsID (made whether or not
// the field has errors) and LegendID, made once: an accessible rendering
// asks for each several times.
type describedIDs struct {
	helptext, errors, legend string
	done                     bool
}

func (bf *BoundField) describedIDs() *describedIDs {
	d := &bf.ids
	if !d.done {
		if id := bf.describedIDBase(); id != "" {
			if bf.HelpText() != "" {
				d.helptext = id + "_helptext"
			}
			d.errors = id + "_errors"
			if bf.accessibleWidget().UseFieldset() {
				d.legend = id + "_legend"
			}
		}
		d.done = true
	}
	return d
}

// ErrorsID returns the id of the element listing the field's errors in
// accessible renderings: AutoID + "_errors" (the HTML name + "_errors" in
// a form without ids), or "" when the field has no errors.
func (bf *BoundField) ErrorsID() string {
	if bf.fieldErrors().Len() > 0 {
		return bf.describedIDs().errors
	}
	return ""
}

// AccessibleLabel returns the name accessible renderings give the field's
// controls: its label, or, for a field declared with an empty label,
// its name made a label ("first_name" is "First name"), so that a screen
// reader still names the control (WCAG 2.2 4.1.2 Name, Role, Value). It
// is shown to no one else: the field still has no visible label.
func (bf *BoundField) AccessibleLabel() string {
	if bf.label != "" {
		return bf.label
	}
	return prettyName(bf.name)
}

// AriaDescribedBy returns the value of the widget's aria-describedby in
// accessible renderings: HelpTextID and ErrorsID, space-separated, or "".
func (bf *BoundField) AriaDescribedBy() string {
	h, e := bf.HelpTextID(), bf.ErrorsID()
	switch {
	case h == "":
		return strings.TrimSpace(e)
	case e == "":
		return strings.TrimSpace(h)
	}
	return strings.TrimSpace(h + " " + e)
}

// FocusID returns the id of the field's first control, the target of a
// link from an error summary: IDForLabel, else the id of a choice list's
// first option, else AutoID.
func (bf *BoundField) FocusID() string {
	if !bf.focusDone {
		bf.focusID, bf.focusDone = bf.focusTarget(), true
	}
	return bf.focusID
}

func (bf *BoundField) focusTarget() string {
	id := bf.widgetID()
	if id == "" {
		// No control has an id (auto_id=False): nothing to link to
		// (a select date widget would make "_month" of "").
		return ""
	}
	if id := bf.accessibleWidget().IDForLabel(id); id != "" {
		return id
	}
	switch w := bf.accessibleWidget().(type) {
	case interface{ IDForLabelIndex(string, int) string }:
		if bf.accessibleWidget() == bf.Widget() {
			// The first option as rendered: in a choice group its id
			// has the group's index too (id_f_0_0).
			if sw := bf.Subwidgets(); len(sw) > 0 {
				if s, ok := sw[0].IDForLabel().(string); ok && s != "" {
					return s
				}
			}
		}
		return w.IDForLabelIndex(id, 0)
	case *widgets.MultiWidget, *widgets.SplitDateTimeWidget, *widgets.SplitHiddenDateTimeWidget:
		return id + "_0" // the id of the first part
	}
	return id
}

// AccessibleHTML renders the field's widget as HTML does, adding
// aria-describedby (AriaDescribedBy), aria-invalid="true" when the field
// has errors, and an autocomplete token (renderers.AutocompleteToken)
// unless the widget sets autocomplete itself.  Hidden widgets get none.
func (bf *BoundField) AccessibleHTML() (renderers.HTML, error) {
	if bf.IsHidden() {
		return bf.HTML()
	}
	var extra renderers.AttrSet
	w := bf.accessibleWidgetAttrs(&extra)
	h, err := bf.AsWidget(w, extra.Attrs(), false)
	if err != nil || !bf.field.Core().ShowHiddenInitial {
		return h, err
	}
	h2, err := bf.AsHidden(nil, true)
	return h + h2, err
}

// accessibleWidgetAttrs sets in attrs what AccessibleHTML adds to the
// widget's attributes, and returns the widget it renders (nil: the
// field's own).
func (bf *BoundField) accessibleWidgetAttrs(attrs *renderers.AttrSet) widgets.Widget {
	if d := bf.AriaDescribedBy(); d != "" {
		attrs.SetString("aria-describedby", d)
	}
	invalid := bf.fieldErrors().Len() > 0
	if invalid {
		attrs.SetString("aria-invalid", "true")
	}
	if id := bf.LegendID(); id != "" && bf.label != "" && isMultiPart(bf.Widget()) {
		// The parts of a multi-part widget have no label of their own:
		// the group's <legend> names each of them.
		attrs.SetString("aria-labelledby", id)
	}
	if bf.label == "" && (!bf.accessibleWidget().UseFieldset() || isMultiPart(bf.Widget())) {
		// A field declared with an empty label shows none: name its
		// control, or each part of a multi-part widget (a group of
		// choices is named on its <fieldset>, by the template, with
		// accessible_label: its options keep their own labels).
		attrs.SetString("aria-label", bf.AccessibleLabel())
	}
	if _, has := bf.Widget().Base().Attrs["autocomplete"]; !has {
		if t := renderers.AutocompleteToken(bf.WidgetType(), bf.name); t != "" {
			attrs.SetString("autocomplete", t)
		}
	}
	var w widgets.Widget
	if invalid {
		w = asTextInput(bf.Widget(), bf.Value())
	}
	if aw := bf.accessibleWidget(); aw != bf.Widget() {
		w = aw
	}
	return w
}

// writeAccessibleHTML writes AccessibleHTML() to b, without the
// attribute maps and the string.
func (bf *BoundField) writeAccessibleHTML(b *bytes.Buffer) error {
	if _, ok := bf.field.(subfieldRequirer); ok || bf.IsHidden() || bf.field.Core().ShowHiddenInitial {
		h, err := bf.AccessibleHTML()
		b.WriteString(string(h))
		return err
	}
	var extra renderers.AttrSet
	w := bf.accessibleWidgetAttrs(&extra)
	if w == nil {
		w = bf.Widget()
	}
	// AsWidget(w, extra, false), for a field other than a
	// MultiValueField requiring its parts one by one.
	return bf.writeWidget(b, bf.localizeWidget(w), &extra)
}

// asTextInput returns a copy of w typed "text" when w is an input whose
// type makes browsers drop a value they cannot parse ("abc" in a number
// input, "2021-02-29" in a date input), so that an invalid entry is shown
// back as typed, for the user to correct; min, max and step, which a text
// input may not have, are left out (the error message states them).  It
// returns nil when w can show value as it is.
func asTextInput(w widgets.Widget, value any) widgets.Widget {
	var c widgets.Widget
	switch x := w.(type) {
	case *widgets.MultiWidget:
		// Each part as the widget it is: a number part shows "x" back.
		var parts []any
		switch v := value.(type) {
		case []any:
			parts = v
		case []string:
			for _, s := range v {
				parts = append(parts, s)
			}
		}
		var n *widgets.MultiWidget
		for i, sub := range x.Widgets {
			var pv any
			if i < len(parts) {
				pv = parts[i]
			}
			if t := asTextInput(sub, pv); t != nil {
				if n == nil {
					n = x.Clone().(*widgets.MultiWidget)
				}
				n.Widgets[i] = t
			}
		}
		if n == nil {
			return nil
		}
		return n
	case *widgets.NumberInput:
		if s, ok := value.(string); !ok || isNumber(s) {
			return nil
		}
		n := x.Clone().(*widgets.NumberInput)
		n.Type, c = "text", n
	case *widgets.URLInput:
		n := x.Clone().(*widgets.URLInput)
		n.Type, c = "text", n
	case *widgets.DateInput:
		n := x.Clone().(*widgets.DateInput)
		n.Type, c = "text", n
	case *widgets.DateTimeInput:
		n := x.Clone().(*widgets.DateTimeInput)
		n.Type, c = "text", n
	case *widgets.TimeInput:
		n := x.Clone().(*widgets.TimeInput)
		n.Type, c = "text", n
	default:
		return nil
	}
	b := c.Base()
	b.Attrs = b.Attrs.Clone()
	for _, k := range []string{"min", "max", "step"} {
		delete(b.Attrs, k)
	}
	return c
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil
}

// LegendID returns the id of the <legend> of a field grouped in a
// <fieldset> in accessible renderings: AutoID + "_legend" (the HTML name +
// "_legend" in a form without ids), or "" when the field is not grouped.
func (bf *BoundField) LegendID() string { return bf.describedIDs().legend }

// accessibleWidget returns the widget accessible renderings show for the
// field: a list of checkboxes (CheckboxSelectMultiple) for a <select
// multiple> of the built-in template, else the field's own widget.  A
// list box needs Ctrl- or Cmd-click to choose several options, which
// many users do not know, and shows its choices in a scrolling box; a
// group of checkboxes under a legend shows every choice and its state
// (WCAG 2.2 3.3.2 Labels or Instructions, 1.3.1 Info and Relationships,
// 2.1.1 Keyboard).  The checkboxes submit the same name and values, so
// the field cleans the data as before.
func (bf *BoundField) accessibleWidget() widgets.Widget {
	if bf.accWidget == nil {
		bf.accWidget = bf.makeAccessibleWidget()
	}
	return bf.accWidget
}

func (bf *BoundField) makeAccessibleWidget() widgets.Widget {
	w := bf.Widget()
	var sel *widgets.Select
	switch x := w.(type) {
	case *widgets.SelectMultiple:
		sel = &x.Select
	case *widgets.Select:
		if x.AllowMultipleSelected {
			sel = x
		}
	}
	if sel == nil || sel.Template != "" || sel.Fieldset != nil {
		return w // a theme's own template or grouping decides
	}
	c := widgets.NewCheckboxSelectMultiple(nil)
	b := c.Base()
	*b = sel.Common
	b.Attrs = sel.Attrs.Clone()
	// size and multiple belong to a <select>: not allowed on checkboxes.
	delete(b.Attrs, "size")
	delete(b.Attrs, "multiple")
	c.Choices = sel.Choices
	return c
}

// isMultiPart reports whether w renders several controls for one value.
func isMultiPart(w widgets.Widget) bool {
	switch w.(type) {
	case *widgets.MultiWidget, *widgets.SplitDateTimeWidget, *widgets.SelectDateWidget:
		return true
	}
	return false
}

// The native rendering of a bound field: what renderNative writes for a
// row, the same bytes as LabelTag, CSSClasses and HTML with the built-in
// templates, written into the form's scratch buffer.

// cssClasses is CSSClasses() for a field whose errors are errs.
func (bf *BoundField) cssClasses(errs *ErrorList) string {
	var rc, ec string
	if c := bf.form.decl.RequiredCSSClass; c != "" && bf.field.Core().Required() {
		rc = c
	}
	if c := bf.form.decl.ErrorCSSClass; c != "" && errs.Len() > 0 {
		ec = c
	}
	switch {
	case ec == "" || ec == rc:
		return rc
	case rc == "":
		return ec
	}
	return rc + " " + ec
}

// writeLabelTag writes LabelTag(LabelOptions{Tag: tag}).
func (bf *BoundField) writeLabelTag(b *bytes.Buffer, tag string) error {
	if ok, err := bf.writeLabel(b, LabelOptions{Tag: tag}); ok {
		return err
	}
	h, err := bf.LabelTag(LabelOptions{Tag: tag})
	b.WriteString(string(h))
	return err
}

// writeHTML writes HTML().
func (bf *BoundField) writeHTML(b *bytes.Buffer) error {
	if _, ok := bf.field.(subfieldRequirer); ok || bf.field.Core().ShowHiddenInitial {
		h, err := bf.HTML()
		b.WriteString(string(h))
		return err
	}
	var extra renderers.AttrSet
	return bf.writeWidget(b, bf.Widget(), &extra)
}

// writeWidget writes the field's widget w with extra attributes and
// those as_widget adds (required, disabled, the field's id).
func (bf *BoundField) writeWidget(b *bytes.Buffer, w widgets.Widget, extra *renderers.AttrSet) error {
	c := bf.field.Core()
	if c.Required() && bf.form.useReq && w.UseRequiredAttribute(bf.Initial()) {
		extra.Set("required", true)
	}
	if c.Disabled {
		extra.Set("disabled", true)
	}
	if id := bf.AutoID(); id != "" {
		if _, has := w.Base().Attrs["id"]; !has {
			extra.SetString("id", id)
		}
	}
	w = translateWidget(w, bf.form.opts.Translator)
	return widgets.WriteHTML(b, w, bf.htmlName, bf.Value(), extra, bf.form.renderer)
}

// prettyName is PrettyName in one allocation for the usual ASCII names.
func prettyName(name string) string {
	if name == "" {
		return ""
	}
	var small [64]byte
	b := small[:0]
	if len(name) > len(small) {
		b = make([]byte, 0, len(name))
	}
	b = b[:len(name)]
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return PrettyName(name)
		case c == '_':
			c = ' '
		case i == 0 && 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case i > 0 && 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}
