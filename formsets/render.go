package formsets

import (
	"bytes"
	"sync"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

// TemplateName is the template Render uses: the declaration's, else the
// renderer's formset template.
func (fs *Formset) TemplateName() string {
	return orString(fs.decl.TemplateName, fs.renderer.FormsetTemplateName())
}

// Render renders the formset with its template (TemplateName).
func (fs *Formset) Render() (renderers.HTML, error) { return fs.RenderTemplate(fs.TemplateName()) }

// RenderTemplate renders the formset with the named template, which sees
// the formset as "formset" (see Object).
func (fs *Formset) RenderTemplate(name string) (renderers.HTML, error) {
	if err := fs.nesting.Enter(name); err != nil {
		return "", err
	}
	defer fs.nesting.Leave()
	// Rendering does not clean the formset (Django's does not run
	// clean()); a failure of a clean that ran is the rendering's too.
	if fs.didClean && fs.err != nil {
		return "", fs.err
	}
	outer := fs.sink == nil
	if outer {
		fs.sink = &renderers.ErrorSink{}
		defer func() { fs.sink = nil }()
	}
	if renderers.NativeOK(fs.renderer, name) {
		b := bufPool.Get().(*bytes.Buffer)
		b.Reset()
		defer bufPool.Put(b)
		if ok, err := fs.writeView(b, name); ok {
			if err != nil {
				return "", err
			}
			return renderers.HTML(b.String()), nil
		}
	}
	sink := fs.sink
	s, err := renderers.RenderString(fs.renderer, name, fs.Context())
	if err == nil && outer {
		err = sink.Err()
	}
	if err != nil {
		return "", err
	}
	return renderers.HTML(s), nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeView writes the named built-in formset template into b with its
// generated writer: the management form, then every form, each written
// into the same buffer. The template sees no more than that, so building
// the template Object (every form's, the empty form's) would be wasted.
func (fs *Formset) writeView(b *bytes.Buffer, name string) (bool, error) {
	all := fs.Forms()
	v := renderers.FormsetView{ManagementForm: fs.ManagementForm(), Forms: make([]renderers.FormMarkup, len(all)), Formset: (*formsetParts)(fs)}
	for i, f := range all {
		v.Forms[i] = f
	}
	return renderers.WriteFormset(b, fs.renderer, name, &v)
}

// formsetParts is what the accessible formset template reads of the
// formset (renderers.FormsetParts): the formset itself, under another
// name.
type formsetParts Formset

func (p *formsetParts) TotalErrorCount() int { return (*Formset)(p).TotalErrorCount() }

func (p *formsetParts) NonFormErrors() renderers.ErrorListView {
	l := (*Formset)(p).NonFormErrors()
	if l == nil {
		return renderers.ErrorListView{Errors: l}
	}
	return renderers.ErrorListView{Errors: l, ErrorClass: l.Class}
}

// Translator is the management form's, which the template's formset
// holds (renderers.TranslatorOf).
func (p *formsetParts) Translator() renderers.Translator {
	return (*Formset)(p).ManagementForm().Parts().Translator()
}

// Context returns what formset templates see: the formset.
func (fs *Formset) Context() renderers.Context {
	return renderers.Context{"formset": fs.Object()}
}

// AsDiv renders the formset's forms in the div style.
func (fs *Formset) AsDiv() (renderers.HTML, error) {
	return fs.RenderTemplate(orString(fs.decl.TemplateNameDiv, TemplateDiv))
}

// AsP renders the formset's forms as paragraphs.
func (fs *Formset) AsP() (renderers.HTML, error) {
	return fs.RenderTemplate(orString(fs.decl.TemplateNameP, TemplateP))
}

// AsTable renders the formset's forms as table rows.
func (fs *Formset) AsTable() (renderers.HTML, error) {
	return fs.RenderTemplate(orString(fs.decl.TemplateNameTable, TemplateTable))
}

// AsUL renders the formset's forms as list items.
func (fs *Formset) AsUL() (renderers.HTML, error) {
	return fs.RenderTemplate(orString(fs.decl.TemplateNameUL, TemplateUL))
}

// String renders the formset with its template; a rendering error is
// returned as the text of the error, so prefer Render.
func (fs *Formset) String() string {
	h, err := fs.Render()
	if err != nil {
		return "formwork: " + err.Error()
	}
	return string(h)
}

// Object returns the formset as templates see it. It prints as its
// default rendering and iterates over its forms. Its attributes are
// Django's: management_form, forms, initial_forms, extra_forms,
// empty_form, prefix, is_bound, can_order, can_delete, min_num, max_num
// and extra are values; non_form_errors, errors, total_form_count,
// initial_form_count, total_error_count, is_valid, has_changed,
// is_multipart, media and as_div, as_p, as_table, as_ul are methods,
// which Jinja-style templates call: {{ formset.non_form_errors() }}.
func (fs *Formset) Object() renderers.Object {
	sink := fs.sink
	all := fs.Forms()
	objs := make([]any, len(all))
	for i, f := range all {
		objs[i] = formObject(f, sink)
	}
	initial := clamp(fs.InitialFormCount(), 0, len(objs))
	method := func(m func() (renderers.HTML, error)) func() any {
		return func() any {
			h, err := m()
			sink.Set(err)
			return renderers.Safe(h)
		}
	}
	d := fs.decl
	return renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := fs.Render()
			sink.Set(err)
			return h
		},
		renderers.IterKey:    func() []any { return objs },
		"management_form":    formObject(fs.ManagementForm(), sink),
		"forms":              objs,
		"initial_forms":      objs[:initial],
		"extra_forms":        objs[initial:],
		"empty_form":         formObject(fs.EmptyForm(), sink),
		"prefix":             fs.prefix,
		"is_bound":           fs.bound,
		"can_order":          d.CanOrder,
		"can_delete":         d.CanDelete,
		"can_delete_extra":   d.CanDeleteExtra,
		"extra":              d.Extra,
		"min_num":            d.MinNum,
		"max_num":            d.MaxNum,
		"absolute_max":       d.AbsoluteMax,
		"validate_min":       d.ValidateMin,
		"validate_max":       d.ValidateMax,
		"non_form_errors":    func() any { return errorListObject(fs.NonFormErrors(), sink) },
		"total_form_count":   func() any { return fs.TotalFormCount() },
		"initial_form_count": func() any { return fs.InitialFormCount() },
		"total_error_count":  func() any { return fs.TotalErrorCount() },
		"is_valid":           func() any { return fs.IsValid() },
		"has_changed":        func() any { return fs.HasChanged() },
		"is_multipart":       func() any { return fs.IsMultipart() },
		"errors": func() any {
			errs := fs.Errors()
			out := make([]any, len(errs))
			for i, e := range errs {
				out[i] = errorDictObject(e, sink)
			}
			return out
		},
		"media":    func() any { return forms.MediaObject(fs.Media()) },
		"as_div":   method(fs.AsDiv),
		"as_p":     method(fs.AsP),
		"as_table": method(fs.AsTable),
		"as_ul":    method(fs.AsUL),
	}
}

// formObject is a form as a formset's templates see it, its renderings'
// errors recorded in the formset's sink.
func formObject(f *forms.Form, sink *renderers.ErrorSink) renderers.Object {
	o := f.Object()
	o[renderers.HTMLKey] = func() renderers.HTML {
		h, err := f.Render()
		sink.Set(err)
		return h
	}
	for name, m := range map[string]func() (renderers.HTML, error){
		"as_div": f.AsDiv, "as_p": f.AsP, "as_table": f.AsTable, "as_ul": f.AsUL,
	} {
		o[name] = func() any {
			h, err := m()
			sink.Set(err)
			return renderers.Safe(h)
		}
	}
	return o
}

// errorListObject is an error list as templates see it: it prints as
// HTML, iterates over its messages and is false when empty.
func errorListObject(l *forms.ErrorList, sink *renderers.ErrorSink) renderers.Object {
	if l.Len() == 0 {
		return renderers.Object{}
	}
	msgs := l.Messages()
	items := make([]any, len(msgs))
	for i, m := range msgs {
		items[i] = m
	}
	return renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := l.HTML()
			sink.Set(err)
			return h
		},
		renderers.IterKey: func() []any { return items },
		"error_class":     l.Class,
	}
}

// errorDictObject is one form's errors as templates see them.
func errorDictObject(d *forms.ErrorDict, sink *renderers.ErrorSink) renderers.Object {
	if d.Len() == 0 {
		return renderers.Object{}
	}
	keys := d.Keys()
	items := make([]any, len(keys))
	for i, k := range keys {
		items[i] = k
	}
	return renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := d.HTML()
			sink.Set(err)
			return h
		},
		renderers.IterKey: func() []any { return items },
	}
}
