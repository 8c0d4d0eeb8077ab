package forms

import (
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
)

// Django's templates for the form styles and for labels.
const (
	TemplateDiv   = "django/forms/div.html"
	TemplateP     = "django/forms/p.html"
	TemplateTable = "django/forms/table.html"
	TemplateUL    = "django/forms/ul.html"
	TemplateLabel = "django/forms/label.html"
)

func pyStr(v any) string { return pyfmt.Str(v) }

func orString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (f *Form) templateNameLabel() string { return orString(f.decl.TemplateNameLabel, TemplateLabel) }

// TemplateName is the template Render uses: the declaration's, else the
// renderer's form template.
func (f *Form) TemplateName() string {
	if f.decl.TemplateName != "" {
		return f.decl.TemplateName
	}
	return f.renderer.FormTemplateName()
}

// renderTemplate renders a template with the form's renderer, collecting
// the errors of values printed inside it.
func (f *Form) renderTemplate(name string, ctx renderers.Context) (renderers.HTML, error) {
	if f.sink != nil {
		s, err := renderers.RenderString(f.renderer, name, ctx)
		return renderers.HTML(s), err
	}
	f.sink = &renderers.ErrorSink{}
	defer func() { f.sink = nil }()
	s, err := renderers.RenderString(f.renderer, name, ctx)
	if err == nil {
		err = f.sink.Err()
	}
	if err != nil {
		return "", err
	}
	return renderers.HTML(s), nil
}

// Context returns what form templates see: form, fields (pairs of a bound
// field and its errors' HTML), hidden_fields and errors (the form's own
// errors and those of hidden fields).
func (f *Form) Context() renderers.Context {
	sink := f.sink
	top := f.NonFieldErrors().Copy()
	fields := make([]any, 0, len(f.fields))
	var hidden []any
	for _, bf := range f.fields {
		errs := bf.Errors()
		if bf.IsHidden() {
			for _, m := range errs.Messages() {
				top.Add(hiddenFieldError(bf.name, m, f.opts.Translator))
			}
			hidden = append(hidden, bf.Object())
			continue
		}
		var errHTML renderers.HTML
		if errs.Len() > 0 {
			h, err := errs.HTML()
			sink.Set(err)
			errHTML = h
		}
		fields = append(fields, []any{bf.Object(), renderers.Safe(errHTML)})
	}
	return renderers.Context{
		"form":          f.Object(),
		"fields":        fields,
		"hidden_fields": hidden,
		"errors":        top.object(sink),
	}
}

// Render renders the form with its template (TemplateName).
func (f *Form) Render() (renderers.HTML, error) { return f.RenderTemplate(f.TemplateName()) }

// RenderTemplate renders the form with the named template.
func (f *Form) RenderTemplate(name string) (renderers.HTML, error) {
	// A theme template printing {{ form }} comes back here, inside the
	// rendering of this form, on every path (engine, generated writers,
	// theme programs).
	if err := f.nesting.Enter(name); err != nil {
		return "", err
	}
	defer f.nesting.Leave()
	if f.bound {
		if err := f.Err(); err != nil {
			return "", err
		}
	}
	b := getBuffer()
	defer putBuffer(b)
	if ok, err := f.writeForm(b, name); ok {
		if err != nil {
			return "", err
		}
		return renderers.HTML(b.String()), nil
	}
	if f.sink != nil {
		// Inside another rendering of this form, whose sink collects.
		return f.renderTemplate(name, f.Context())
	}
	sink := &renderers.ErrorSink{}
	f.sink = sink
	defer func() { f.sink = nil }()
	h, err := f.renderTemplate(name, f.Context())
	if err == nil {
		err = sink.Err()
	}
	if err != nil {
		return "", err
	}
	return h, nil
}

// AsDiv renders the form in the div style.
func (f *Form) AsDiv() (renderers.HTML, error) {
	return f.RenderTemplate(orString(f.decl.TemplateNameDiv, TemplateDiv))
}

// AsP renders the form as paragraphs.
func (f *Form) AsP() (renderers.HTML, error) {
	return f.RenderTemplate(orString(f.decl.TemplateNameP, TemplateP))
}

// AsTable renders the form as table rows.
func (f *Form) AsTable() (renderers.HTML, error) {
	return f.RenderTemplate(orString(f.decl.TemplateNameTable, TemplateTable))
}

// AsUL renders the form as list items.
func (f *Form) AsUL() (renderers.HTML, error) {
	return f.RenderTemplate(orString(f.decl.TemplateNameUL, TemplateUL))
}

// String renders the form with its template, for fmt. A String method
// cannot fail, so when rendering does it returns "" rather than put the
// error's text before a visitor: call Render, or HTML in an html/template
// page, to get the error.
func (f *Form) String() string {
	h, err := f.Render()
	if err != nil {
		return ""
	}
	return string(h)
}

// Object returns the form as templates see it: it prints as its default
// rendering, iterates over its bound fields, and has Django's attributes.
func (f *Form) Object() renderers.Object {
	sink := f.sink
	o := renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := f.Render()
			sink.Set(err)
			return h
		},
		renderers.IterKey: func() []any {
			out := make([]any, len(f.fields))
			for i, bf := range f.fields {
				out[i] = bf.Object()
			}
			return out
		},
		// The form's translator, for the texts an accessible template
		// adds of its own ({% translate %}).
		renderers.TranslatorKey: f.opts.Translator,
		"prefix":                f.opts.Prefix,
		"is_bound":              f.bound,
		"auto_id":               f.autoIDValue(),
		"non_field_errors": func() any {
			return f.NonFieldErrors().object(sink)
		},
		"errors":       func() any { return f.Errors().object(sink) },
		"label_suffix": f.labelSfx,
		"is_valid":     func() any { return f.IsValid() },
		"has_changed":  func() any { return f.HasChanged() },
		"changed_data": func() any { return stringsAsAny(f.ChangedData()) },
		"hidden_fields": func() any {
			var out []any
			for _, bf := range f.HiddenFields() {
				out = append(out, bf.Object())
			}
			return out
		},
		"visible_fields": func() any {
			var out []any
			for _, bf := range f.VisibleFields() {
				out = append(out, bf.Object())
			}
			return out
		},
		"as_div":       func() any { return renderMethod(f.AsDiv, sink) },
		"as_p":         func() any { return renderMethod(f.AsP, sink) },
		"as_table":     func() any { return renderMethod(f.AsTable, sink) },
		"as_ul":        func() any { return renderMethod(f.AsUL, sink) },
		"media":        func() any { return MediaObject(f.Media()) },
		"is_multipart": func() any { return f.IsMultipart() },
	}
	// {{ form.email }}: Django's template lookup tries form["email"]
	// before any attribute, so a field is found by its name, even where
	// the name is also an attribute's (a field named "prefix"). Jinja
	// finds it as an attribute, not a method to call: it is the field's
	// Object itself, which the form's loop builds anyway.
	// {{ form.fields|length }}, {% for name in form.fields %}: Django's
	// dict of the fields by name, each as a bound field's .field.
	fields := make(renderers.Object, len(f.fields)+2)
	names := make([]any, len(f.fields))
	items := make([]any, len(f.fields))
	for i, bf := range f.fields {
		bo := bf.Object()
		o[bf.name] = bo
		fields[bf.name] = bo["field"]
		names[i] = bf.name
		items[i] = []any{bf.name, bo["field"]}
	}
	fields[renderers.IterKey] = names
	if _, taken := fields["items"]; !taken {
		fields["items"] = items // {% for name, field in form.fields.items %}
	}
	if _, taken := o["fields"]; !taken {
		o["fields"] = fields
	}
	return o
}

// autoIDValue is form.auto_id as templates see it: False for a form
// made without ids (Django's auto_id=False), else the pattern.
func (f *Form) autoIDValue() any {
	if f.opts.NoAutoID {
		return false
	}
	return f.autoID
}

// hiddenFieldError is how a hidden field's error is shown among the
// form's own errors.
func hiddenFieldError(name, message string, _ any) error {
	return validators.NewError("(Hidden field %(name)s) %(error)s", "", map[string]any{"name": name, "error": message})
}

// renderMethod calls a rendering method from a template, recording its
// error in the sink.
func renderMethod(m func() (renderers.HTML, error), sink *renderers.ErrorSink) any {
	h, err := m()
	sink.Set(err)
	return renderers.Safe(h)
}

// renderTextMethod is renderMethod for a method rendering text (as_text),
// which Django marks safe as it does HTML.
func renderTextMethod(m func() (string, error), sink *renderers.ErrorSink) any {
	t, err := m()
	sink.Set(err)
	return renderers.Safe(renderers.HTML(t))
}

// stringsAsAny is ss as the []any a template loop visits.
func stringsAsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
