package forms

import (
	"bytes"
	"strings"
	"sync"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// The view model side of forms: a form, its bound fields and its error
// lists as the built-in templates see them (renderers.FormView,
// FieldView, LabelView, ErrorListView), printed by the writers generated
// from those templates when the renderer does not override them.

// boundView is a bound field as the view model sees it
// (renderers.FieldView): the bound field itself, under another name, so
// that a view of it costs no allocation.
type boundView BoundField

func (v *boundView) bf() *BoundField                      { return (*BoundField)(v) }
func (v *boundView) WriteHTML(b *bytes.Buffer) error      { return v.bf().writeHTML(b) }
func (v *boundView) CSSClasses() string                   { return v.bf().cssClasses(v.bf().fieldErrors()) }
func (v *boundView) UseFieldset() bool                    { return v.bf().UseFieldset() }
func (v *boundView) Label() string                        { return v.label }
func (v *boundView) HelpText() string                     { return v.bf().HelpText() }
func (v *boundView) WriteLabelTag(b *bytes.Buffer) error  { return v.bf().writeLabelTag(b, "label") }
func (v *boundView) WriteLegendTag(b *bytes.Buffer) error { return v.bf().writeLabelTag(b, "legend") }
func (v *boundView) IDForLabel() string                   { return v.bf().IDForLabel() }
func (v *boundView) Required() bool                       { return v.field.Core().Required() }
func (v *boundView) Invalid() bool                        { return v.bf().fieldErrors().Len() > 0 }
func (v *boundView) HelpTextID() string                   { return v.bf().HelpTextID() }
func (v *boundView) ErrorsID() string                     { return v.bf().ErrorsID() }
func (v *boundView) FocusID() string                      { return v.bf().FocusID() }
func (v *boundView) LegendID() string                     { return v.bf().LegendID() }
func (v *boundView) AccessibleLabel() string              { return v.bf().AccessibleLabel() }
func (v *boundView) AccessibleFieldset() bool             { return v.bf().accessibleWidget().UseFieldset() }

// Translator is the form's translator, nil for English.
func (v *boundView) Translator() renderers.Translator { return v.form.translator() }

// Errors is field.errors: the field's errors (an empty list when it has
// none, of the class Errors gives one).
func (v *boundView) Errors() renderers.ErrorListView {
	if l := v.bf().fieldErrors(); l != nil {
		return renderers.ErrorListView{Errors: l, ErrorClass: l.Class}
	}
	return renderers.ErrorListView{Errors: (*ErrorList)(nil), ErrorClass: "errorlist"}
}

// WriteAccessibleWidget writes AccessibleHTML().
func (v *boundView) WriteAccessibleWidget(b *bytes.Buffer) error {
	return v.bf().writeAccessibleHTML(b)
}

// fieldView is a bound field with its errors, as a form template's loop
// sees it.
type fieldView struct {
	*boundView
	errs *ErrorList
}

func (v *fieldView) CSSClasses() string { return v.bf().cssClasses(v.errs) }

// translator is the form's translator as the view model holds it: nil
// for English.
func (f *Form) translator() renderers.Translator {
	if t := f.opts.Translator; t != nil {
		return t
	}
	return nil
}

// formParts is a form as the accessible formset template reads it
// (renderers.FormParts): the form itself, under another name.
type formParts Form

// Parts returns what the accessible formset template reads of the form
// (renderers.FormParts): its non-field errors, its hidden and visible
// fields and its translator.
func (f *Form) Parts() renderers.FormParts { return (*formParts)(f) }

func (p *formParts) NonFieldErrors() renderers.ErrorListView {
	l := (*Form)(p).NonFieldErrors()
	return renderers.ErrorListView{Errors: l, ErrorClass: l.Class}
}

func (p *formParts) HiddenFields() []renderers.FieldView  { return (*Form)(p).fieldViews(true) }
func (p *formParts) VisibleFields() []renderers.FieldView { return (*Form)(p).fieldViews(false) }
func (p *formParts) Translator() renderers.Translator     { return (*Form)(p).translator() }

// fieldViews are the views of the hidden (or the visible) fields.
func (f *Form) fieldViews(hidden bool) []renderers.FieldView {
	var out []renderers.FieldView
	for _, bf := range f.fields {
		if bf.IsHidden() == hidden {
			out = append(out, (*boundView)(bf))
		}
	}
	return out
}

// formScratch is the view of one form rendering, reused from one
// rendering to the next.
type formScratch struct {
	v      renderers.FormView
	fields []fieldView
	hidden []renderers.FieldView
	rows   []renderers.FieldRowView
	empty  ErrorList
	// emptyTop is the empty list of non-field errors.
	emptyTop ErrorList
}

var formPool = sync.Pool{New: func() any { return new(formScratch) }}

func (s *formScratch) release() {
	clear(s.fields)
	clear(s.hidden)
	clear(s.rows)
	s.fields, s.hidden, s.rows = s.fields[:0], s.hidden[:0], s.rows[:0]
	s.v = renderers.FormView{}
	s.empty, s.emptyTop = ErrorList{}, ErrorList{}
	formPool.Put(s)
}

// writeForm writes the named form template for f to b with its
// generated writer; handled is false when the engine must render it.
func (f *Form) writeForm(b *bytes.Buffer, name string) (handled bool, err error) {
	if !renderers.NativeOK(f.renderer, name) {
		return false, nil
	}
	s := formPool.Get().(*formScratch)
	defer s.release()
	errs := f.Errors()
	top := errs.Get(NonFieldErrors)
	copied := false
	s.empty = ErrorList{Class: "errorlist", renderer: f.renderer, tr: f.opts.Translator}
	for _, bf := range f.fields {
		fe := errs.Get(bf.name)
		if bf.IsHidden() {
			if fe.Len() > 0 {
				if !copied {
					top, copied = f.NonFieldErrors().Copy(), true
				}
				for _, m := range fe.Messages() {
					top.Add(hiddenFieldError(bf.name, m, f.opts.Translator))
				}
			}
		}
		if fe == nil {
			fe = &s.empty
		}
		s.fields = append(s.fields, fieldView{(*boundView)(bf), fe})
	}
	for i := range s.fields {
		fv := &s.fields[i]
		if fv.bf().IsHidden() {
			s.hidden = append(s.hidden, fv)
			continue
		}
		s.rows = append(s.rows, renderers.FieldRowView{Field: fv, Errors: fv.errs})
	}
	if top == nil {
		// NonFieldErrors' empty list, without making one per rendering.
		s.emptyTop = ErrorList{Class: nonFieldClass, renderer: f.renderer, tr: f.opts.Translator}
		top = &s.emptyTop
	}
	s.v = renderers.FormView{Errors: top, Fields: s.rows, Hidden: s.hidden, HasErrors: errs.Len() > 0, Translator: f.translator()}
	return renderers.WriteForm(b, f.renderer, name, &s.v)
}

// WriteHTML writes the list's HTML (HTML()) to b, with the generated
// writer of its template when the renderer does not override it.
func (l *ErrorList) WriteHTML(b *bytes.Buffer) error {
	if l != nil {
		v := errorViewPool.Get().(*renderers.ErrorListView)
		*v = renderers.ErrorListView{Errors: l, ErrorClass: l.Class}
		r, start := l.rendererOrDefault(), b.Len()
		ok, err := renderers.WriteErrorList(b, r, errorListTemplate, v)
		*v = renderers.ErrorListView{}
		errorViewPool.Put(v)
		if ok {
			renderers.UseEngineEntities(r, b, start)
			return err
		}
	}
	h, err := l.HTML()
	b.WriteString(string(h))
	return err
}

// WriteItem writes the i-th message escaped, as {{ error }} prints it.
func (l *ErrorList) WriteItem(b *bytes.Buffer, i int) {
	e := l.Errors[i]
	switch {
	case l.tr != nil:
		renderers.EscapeTo(b, errorText(e, l.tr))
	case e.Params == nil:
		renderers.EscapeTo(b, e.Message)
	default:
		writeInterpolated(b, e.Message, e.Params)
	}
}

// renderView renders the named error list template with its generated
// writer; ok is false when the engine must render it.
func (l *ErrorList) renderView(name string) (h renderers.HTML, ok bool, err error) {
	r := l.rendererOrDefault()
	if !renderers.NativeOK(r, name) {
		return "", false, nil
	}
	b := getBuffer()
	defer putBuffer(b)
	v := renderers.ErrorListView{Errors: l, ErrorClass: l.Class}
	ok, err = renderers.WriteErrorList(b, r, name, &v)
	if name != errorListTextTemplate {
		renderers.UseEngineEntities(r, b, 0)
	}
	return renderers.HTML(b.String()), ok, err
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getBuffer returns an empty buffer from the pool; putBuffer gives it back.
func getBuffer() *bytes.Buffer {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		bufPool.Put(b)
	}
}

var errorViewPool = sync.Pool{New: func() any { return new(renderers.ErrorListView) }}

var labelPool = sync.Pool{New: func() any { return new(renderers.LabelView) }}

// labelView fills in what label.html sees for LabelTag(opts); false when
// the attributes do not fit the view.
func (bf *BoundField) labelView(v *renderers.LabelView, opts LabelOptions) bool {
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
	v.Label = renderers.LabelText{Text: contents}
	if suffix != "" && contents != "" && !strings.ContainsRune(bf.form.labelPunctuation(), lastRune(contents)) {
		v.Label.Suffix = suffix
	}
	if !v.Attrs.SetAll(opts.Attrs) {
		return false
	}
	id := bf.widgetID()
	if id != "" {
		if forID := bf.Widget().IDForLabel(id); forID != "" {
			v.Attrs.SetString("for", forID)
		}
		if rc := bf.form.decl.RequiredCSSClass; rc != "" && bf.field.Core().Required() {
			ok := true
			if cls, isStr, has := v.Attrs.GetString("class"); has {
				if !isStr {
					c, _ := v.Attrs.Get("class")
					cls = attrString(c)
				}
				ok = v.Attrs.SetString("class", cls+" "+rc)
			} else {
				ok = v.Attrs.SetString("class", rc)
			}
			if !ok {
				return false
			}
		}
	}
	v.Tag = opts.Tag
	if v.Tag == "" {
		v.Tag = "label"
	}
	v.UseTag = id != ""
	v.Field = (*boundView)(bf)
	return true
}

// writeLabel writes LabelTag(opts) to b with the generated writer of the
// label template; handled is false when the engine must render it.
func (bf *BoundField) writeLabel(b *bytes.Buffer, opts LabelOptions) (handled bool, err error) {
	name := bf.form.templateNameLabel()
	// WriteLabel declines (false) when the engine must render: no
	// renderers.NativeOK first, which would make its checks twice.
	v := labelPool.Get().(*renderers.LabelView)
	defer func() {
		v.Reset()
		labelPool.Put(v)
	}()
	if !bf.labelView(v, opts) {
		return false, nil
	}
	return renderers.WriteLabel(b, bf.form.renderer, name, v)
}

// WriteTemplate writes the form rendered with the named template to b:
// RenderTemplate(name), without the intermediate string when the
// template renders on its generated writer.
func (f *Form) WriteTemplate(b *bytes.Buffer, name string) error {
	if ok, err := f.writeForm(b, name); ok {
		return err
	}
	h, err := f.RenderTemplate(name)
	b.WriteString(string(h))
	return err
}

// WriteHTML writes Render() to b.
func (f *Form) WriteHTML(b *bytes.Buffer) error { return f.WriteTemplate(b, f.TemplateName()) }

// WriteAsDiv writes AsDiv() to b.
func (f *Form) WriteAsDiv(b *bytes.Buffer) error {
	return f.WriteTemplate(b, orString(f.decl.TemplateNameDiv, TemplateDiv))
}

// WriteAsP writes AsP() to b.
func (f *Form) WriteAsP(b *bytes.Buffer) error {
	return f.WriteTemplate(b, orString(f.decl.TemplateNameP, TemplateP))
}

// WriteAsTable writes AsTable() to b.
func (f *Form) WriteAsTable(b *bytes.Buffer) error {
	return f.WriteTemplate(b, orString(f.decl.TemplateNameTable, TemplateTable))
}

// WriteAsUL writes AsUL() to b.
func (f *Form) WriteAsUL(b *bytes.Buffer) error {
	return f.WriteTemplate(b, orString(f.decl.TemplateNameUL, TemplateUL))
}

// BoundWidget is one subwidget of a bound field: an option of a choice
// widget, or the widget itself for others. A theme's template visits them
// with {% for radio in field %}.
type BoundWidget struct {
	data     map[string]any
	renderer renderers.Renderer
}

// Subwidgets returns the field's subwidgets, as Django's
// BoundField.subwidgets.
func (bf *BoundField) Subwidgets() []*BoundWidget {
	attrs := renderers.Attrs{}
	if id := bf.widgetID(); id != "" {
		attrs["id"] = id
	}
	attrs, w := bf.buildWidgetAttrs(attrs, bf.Widget())
	w = translateWidget(w, bf.form.opts.Translator)
	subs := widgets.Subwidgets(w, bf.htmlName, bf.Value(), attrs)
	out := make([]*BoundWidget, len(subs))
	for i, s := range subs {
		out[i] = &BoundWidget{data: s, renderer: bf.form.renderer}
	}
	return out
}

// Tag renders the subwidget with its template; wrapLabel puts the input
// inside its label, as {{ radio }} prints it.
func (w *BoundWidget) Tag(wrapLabel bool) (renderers.HTML, error) {
	ctx := make(map[string]any, len(w.data)+1)
	for k, v := range w.data {
		ctx[k] = v
	}
	ctx["wrap_label"] = wrapLabel
	tpl, _ := ctx["template_name"].(string)
	s, err := renderers.RenderString(w.renderer, tpl, renderers.Context{"widget": ctx})
	return renderers.HTML(s), err
}

// ChoiceLabel is the option's label.
func (w *BoundWidget) ChoiceLabel() any { return w.data["label"] }

// IDForLabel is the id of the subwidget's input.
func (w *BoundWidget) IDForLabel() any {
	if a, ok := w.data["attrs"].(renderers.Attrs); ok {
		return a["id"]
	}
	return nil
}

// Data is the subwidget's context.
func (w *BoundWidget) Data() map[string]any { return w.data }

// object is the subwidget as templates see it.
func (w *BoundWidget) object(sink *renderers.ErrorSink) renderers.Object {
	return renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := w.Tag(true)
			sink.Set(err)
			return h
		},
		"tag": func() any {
			h, err := w.Tag(false)
			sink.Set(err)
			return renderers.Safe(h)
		},
		"choice_label": w.ChoiceLabel(),
		"id_for_label": w.IDForLabel(),
		// A property in Django: a method here, as Jinja templates call
		// the properties they read (renderers.TranslateJinja).
		"data": func() any { return w.data },
	}
}

// subwidgetObjects are what {% for radio in field %} visits.
func (bf *BoundField) subwidgetObjects(sink *renderers.ErrorSink) []any {
	subs := bf.Subwidgets()
	out := make([]any, len(subs))
	for i, s := range subs {
		out[i] = s.object(sink)
	}
	return out
}
