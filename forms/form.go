// Package forms declares forms, binds submitted data to them, validates it
// and renders them, with the semantics and messages of Django 4.1's forms:
// a Field cleans a value, a Widget renders it, a BoundField joins the two
// for one form, and a Renderer finds the templates.
//
// A form is declared once, usually at package level, and a Form is made
// from the declaration for each request. A field's zero value is
// Django's default (required, stripped, the type's default limits and
// widget); settings are typed, and Declare rejects a mistake in them with
// an error naming the field and the setting:
//
//	var contact = forms.MustDeclare(
//		forms.Named("name", &forms.CharField{MaxLength: 40}),
//		forms.Named("email", &forms.EmailField{}),
//		forms.Named("age", &forms.IntegerField{MinValue: new(int64(18)), FieldCore: forms.FieldCore{Optional: true}}),
//	)
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		f, err := formhttp.Bind(contact, r, forms.Options{}, formhttp.Limits{})
//		if err != nil { ... 400 ... }
//		if f.IsValid() {
//			email, _ := forms.Cleaned[string](f, "email")
//			...
//		}
//		forms.ExecuteTemplate(w, page, "page", map[string]any{"Form": f}) // {{.Form.HTML}}
//	}
//
// The formhttp package binds a form to an *http.Request (formhttp.Bind,
// above) within Django's request limits. This package does not import
// net/http, so that a program that only declares, binds and renders forms
// does not link it: Declaration.Bind binds data already read (url.Values
// and widgets.Files).
//
// For declares a form from a struct type and gives the validated struct
// back (see For). Each field type documents the one Go type it cleans to.
package forms

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/formwork/formwork/media"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// NamedField is a field with the name it has in a form.
type NamedField struct {
	Name  string
	Field Field
}

// Named pairs a name with a field, for Declare.
func Named(name string, f Field) NamedField { return NamedField{Name: name, Field: f} }

// Declaration is a form's class: its fields in order and the settings
// Django keeps as class attributes. Make one with Declare (or For, from a
// struct type); a Declaration written as a literal must be given to
// Prepare before use.
//
// A declaration is immutable once declared: Declare and Prepare keep
// copies of the fields they are given, so changing a field afterwards
// changes nothing. Its other settings (TemplateName, Clean, CleanField...)
// are set right after Declare, before the first form is built; from then
// on the declaration is only read, and safe for concurrent use. Build
// forms from it with New and Bind, one per request.
type Declaration struct {
	// Fields are the declared fields in order. Prepare replaces them with
	// its own copies; read them, never write them.
	Fields []NamedField

	// TemplateName overrides the renderer's form template for str(form).
	TemplateName string
	// Templates of the as_div/as_p/as_table/as_ul styles and of labels;
	// "" means Django's.
	TemplateNameDiv, TemplateNameP, TemplateNameTable, TemplateNameUL, TemplateNameLabel string
	ErrorCSSClass                                                                        string
	RequiredCSSClass                                                                     string
	// FieldOrder puts these fields first, in this order.
	FieldOrder []string
	// Media are the form's own assets, after its widgets'.
	Media media.Media
	// Renderer renders forms that are given none; nil means the default.
	Renderer renderers.Renderer
	// NoRequiredAttribute leaves the HTML required attribute out.
	NoRequiredAttribute bool
	// Clean runs after every field is cleaned: Django's Form.clean(). It
	// may call AddError, or return an error for the whole form.
	Clean func(f *Form) error
	// CleanField holds Django's clean_<name>() hooks: each runs after its
	// field cleaned and returns the value to keep.
	CleanField map[string]func(f *Form, value any) (any, error)
	// PostClean runs after Clean: Django's _post_clean(), used by model
	// forms for model validation.
	PostClean func(f *Form)

	index map[string]int
	// pretty holds each field's name made a label, by position in
	// Fields, so that forms need not compute it again.
	pretty []string
	// order is the fields' order for the declaration's own FieldOrder
	// (orderOf, as it was when Prepare ran), and ids their ids with the
	// default auto_id "id_%s" and no prefix: computed once, shared by
	// every form built from the declaration, never changed.
	order   []int
	orderOf []string
	ids     []string
	// prefixed holds, by prefix, the fields' ids with the default auto_id
	// for the prefixes forms were built with (a formset's "form-0",
	// "form-1", ...), up to maxPrefixed of them.
	prefixed *prefixedIDs
}

// prefixedIDs are a declaration's ids by prefix.
type prefixedIDs struct {
	m sync.Map // prefix -> []string
	n atomic.Int32
}

// maxPrefixed bounds the prefixes a declaration keeps ids for, so that
// an application making up prefixes does not grow it without end.
const maxPrefixed = 1024

// prefixedIDs returns the fields' ids with the default auto_id and
// prefix, nil when the declaration keeps no more prefixes.
func (d *Declaration) prefixedIDs(prefix string) []string {
	p := d.prefixed
	if p == nil {
		return nil
	}
	if v, ok := p.m.Load(prefix); ok {
		return v.([]string)
	}
	if p.n.Load() >= maxPrefixed {
		return nil
	}
	before, after, _ := strings.Cut(defaultAutoID, "%s")
	ids := make([]string, len(d.Fields))
	for i, nf := range d.Fields {
		ids[i] = before + prefix + "-" + nf.Name + after
	}
	if _, loaded := p.m.LoadOrStore(prefix, ids); !loaded {
		p.n.Add(1)
	}
	return ids
}

// Options are the arguments of one form: Django's Form(...) arguments.
type Options struct {
	// Prefix namespaces the form's field names ("prefix-name").
	Prefix string
	// AutoID is the id pattern, "%s" standing for the field's name; ""
	// means Django's "id_%s". NoAutoID writes no ids.
	AutoID   string
	NoAutoID bool
	// LabelSuffix, when not nil, replaces the ":" written after labels.
	LabelSuffix *string
	// Initial values by field name; they win over the fields' own.
	Initial map[string]any
	// EmptyPermitted skips validation of an unchanged form.
	EmptyPermitted bool
	// UseRequiredAttribute, when not nil, overrides the declaration's.
	UseRequiredAttribute *bool
	// Renderer renders this form; nil means the declaration's, else
	// DefaultRenderer.
	Renderer renderers.Renderer
	// DefaultRenderer is the project-wide renderer (Django's
	// settings.FORM_RENDERER): the form renders with it when neither
	// Renderer nor the declaration names one, and the errors dictionary's
	// own templates (Errors().AsUL, AsText) always render with it, as in
	// Django; the error lists inside use the form's renderer. nil means
	// renderers.Default().
	DefaultRenderer renderers.Renderer
	// FieldOrder overrides the declaration's.
	FieldOrder []string
	// Translator translates messages; nil shows them in English.
	Translator validators.Translator
}

// Form is one instance of a declared form, bound to data or not. It is
// meant for one goroutine: build one per request.
type Form struct {
	decl   *Declaration
	opts   Options
	bound  bool
	data   url.Values
	files  widgets.Files
	order  []int
	fields []*BoundField
	byName map[string]*BoundField
	errors *ErrorDict
	// firstErrors is the ErrorDict of the form's first cleaning, made
	// with the form rather than on its own; a later cleaning (after
	// AddField) makes a new one, as the caller may hold the first.
	firstErrors     ErrorDict
	firstErrorsUsed bool
	cleaned         map[string]any
	changed         []string
	didDiff         bool
	// renderer is resolved once.
	renderer renderers.Renderer
	autoID   string
	labelSfx string
	// idSplit says autoID holds "%s", idBefore and idAfter being what
	// surrounds its first one.
	idSplit           bool
	idBefore, idAfter string
	useReq            bool
	// sink collects errors of values printed during a render.
	sink *renderers.ErrorSink
	// nesting bounds a template that renders the form inside itself
	// ({{ form }} in the form template, {{ field.label_tag }} in the
	// label template).
	nesting renderers.Nesting
	// err holds the failures met while cleaning that are not validation
	// errors (see Err).
	err error
}

// New returns an unbound form.
func (d *Declaration) New(opts Options) *Form { return d.build(false, nil, nil, opts) }

// Bind returns a form bound to submitted data and files (nil data binds
// to no data at all, as an empty POST).
func (d *Declaration) Bind(data url.Values, files widgets.Files, opts Options) *Form {
	if data == nil {
		data = url.Values{}
	}
	if files == nil {
		files = widgets.Files{}
	}
	return d.build(true, data, files, opts)
}

func (d *Declaration) build(bound bool, data url.Values, files widgets.Files, opts Options) *Form {
	if d.index == nil {
		// A literal Declaration never prepared: its mistakes are dropped
		// here, as Prepare would report them.
		_ = d.Prepare()
	}
	// An unbound form keeps nil data and files, which read as empty;
	// Data and Files return empty maps.
	f := &Form{decl: d, opts: opts, bound: bound, data: data, files: files}
	f.renderer = opts.Renderer
	if f.renderer == nil {
		f.renderer = d.Renderer
	}
	if f.renderer == nil {
		f.renderer = opts.DefaultRenderer
	}
	if f.renderer == nil {
		f.renderer = renderers.Default()
	}
	switch {
	case opts.NoAutoID:
		f.autoID = ""
	case opts.AutoID == "":
		f.autoID = defaultAutoID
	default:
		f.autoID = opts.AutoID
	}
	f.idBefore, f.idAfter, f.idSplit = strings.Cut(f.autoID, "%s")
	f.labelSfx = translateText(opts.Translator, ":") // Django's _(":")
	if opts.LabelSuffix != nil {
		f.labelSfx = *opts.LabelSuffix
	}
	f.useReq = !d.NoRequiredAttribute
	if opts.UseRequiredAttribute != nil {
		f.useReq = *opts.UseRequiredAttribute
	}
	switch {
	case opts.FieldOrder == nil && len(d.order) == len(d.Fields) && slices.Equal(d.FieldOrder, d.orderOf):
		f.order = d.order
	case opts.FieldOrder == nil:
		f.order = fieldOrder(d, d.FieldOrder) // changed since Prepare
	default:
		f.order = fieldOrder(d, opts.FieldOrder)
	}
	// The declaration's ids serve a form with the default auto_id and no
	// prefix.
	var ids []string
	switch {
	case f.autoID != defaultAutoID || len(d.ids) != len(d.Fields):
	case opts.Prefix == "":
		ids = d.ids
	default:
		ids = d.prefixedIDs(opts.Prefix)
	}
	// Room for the two fields formsets add (ORDER, DELETE).
	f.fields = make([]*BoundField, len(f.order), len(f.order)+2)
	// One allocation for all the bound fields; the map of them by name
	// is built when first asked for.
	bfs := make([]BoundField, len(f.order))
	for i, idx := range f.order {
		nf := d.Fields[idx]
		pretty := ""
		if idx < len(d.pretty) {
			pretty = d.pretty[idx]
		}
		bf := &bfs[i]
		id := ""
		if idx < len(ids) {
			id = ids[idx]
		}
		bf.init(f, nf.Field, nf.Name, pretty, id)
		f.fields[i] = bf
	}
	if opts.EmptyPermitted && opts.UseRequiredAttribute == nil {
		// Django refuses empty_permitted with the required attribute on
		// (a ValueError); formwork turns the attribute off instead, so
		// that a browser lets a form that may stay empty be.
		f.useReq = false
	}
	return f
}

// defaultAutoID is Django's default auto_id.
const defaultAutoID = "id_%s"

func fieldOrder(d *Declaration, order []string) []int {
	out := make([]int, 0, len(d.Fields))
	used := make([]bool, len(d.Fields))
	for _, name := range order {
		if i, ok := d.index[name]; ok && !used[i] {
			out = append(out, i)
			used[i] = true
		}
	}
	for i := range d.Fields {
		if !used[i] {
			out = append(out, i)
		}
	}
	return out
}

// Declaration returns the declaration the form was built from.
func (f *Form) Declaration() *Declaration { return f.decl }

// IsBound reports whether the form has data.
func (f *Form) IsBound() bool { return f.bound }

// Data returns the submitted data (empty for an unbound form).
func (f *Form) Data() url.Values {
	if f.data == nil {
		f.data = url.Values{}
	}
	return f.data
}

// Files returns the submitted files.
func (f *Form) Files() widgets.Files {
	if f.files == nil {
		f.files = widgets.Files{}
	}
	return f.files
}

// Prefix returns the form's prefix.
func (f *Form) Prefix() string { return f.opts.Prefix }

// Renderer returns the renderer the form renders with.
func (f *Form) Renderer() renderers.Renderer { return f.renderer }

// Translator returns the form's message translator, nil for English.
func (f *Form) Translator() validators.Translator { return f.opts.Translator }

// EmptyPermitted reports whether an unchanged form skips validation.
func (f *Form) EmptyPermitted() bool { return f.opts.EmptyPermitted }

// UseRequiredAttribute reports whether widgets write the required attribute.
func (f *Form) UseRequiredAttribute() bool { return f.useReq }

// SetUseRequiredAttribute changes whether widgets write the required
// attribute (formsets turn it off for their extra forms).
func (f *Form) SetUseRequiredAttribute(v bool) { f.useReq = v }

// AddPrefix returns name with the form's prefix: "prefix-name".
func (f *Form) AddPrefix(name string) string {
	if f.opts.Prefix != "" {
		return f.opts.Prefix + "-" + name
	}
	return name
}

// AddInitialPrefix returns the name of a field's hidden initial value.
func (f *Form) AddInitialPrefix(name string) string { return "initial-" + f.AddPrefix(name) }

// Fields returns the bound fields in order.
func (f *Form) Fields() []*BoundField { return f.fields }

// Field returns the bound field of that name, or nil.
func (f *Form) Field(name string) *BoundField {
	if f.byName == nil {
		if len(f.fields) <= 8 {
			// A short scan costs less than building the map. Backwards,
			// so that of two fields of one name the map's (the last) wins.
			for i := len(f.fields) - 1; i >= 0; i-- {
				if f.fields[i].name == name {
					return f.fields[i]
				}
			}
			return nil
		}
		f.byName = make(map[string]*BoundField, len(f.fields))
		for _, bf := range f.fields {
			f.byName[bf.name] = bf
		}
	}
	return f.byName[name]
}

// HiddenFields returns the bound fields whose widget is hidden.
func (f *Form) HiddenFields() []*BoundField {
	var out []*BoundField
	for _, bf := range f.fields {
		if bf.IsHidden() {
			out = append(out, bf)
		}
	}
	return out
}

// VisibleFields returns the bound fields whose widget is not hidden.
func (f *Form) VisibleFields() []*BoundField {
	var out []*BoundField
	for _, bf := range f.fields {
		if !bf.IsHidden() {
			out = append(out, bf)
		}
	}
	return out
}

// Errors returns the form's errors, cleaning the form first if needed.
// An unbound form has none.
func (f *Form) Errors() *ErrorDict {
	if f.errors == nil {
		f.FullClean()
	}
	return f.errors
}

// IsValid reports whether the form is bound and has no errors, and its
// cleaning did not fail (Err).
func (f *Form) IsValid() bool { return f.bound && f.Errors().Len() == 0 && f.err == nil }

// Err returns what went wrong while cleaning the form that is no
// validation error: an error a field, a validator or a Clean hook
// returned that is not a *validators.ValidationError (a database that did
// not answer, a developer's mistake). Such an error is never shown to the
// visitor as a message: the form is not valid, and rendering it returns
// the error, so that a handler running its page with ExecuteTemplate
// answers with an error page instead.
func (f *Form) Err() error {
	f.Errors()
	return f.err
}

// CleanedData returns the cleaned values of the fields that cleaned
// without error (all of them when the form is valid); nil when unbound.
func (f *Form) CleanedData() map[string]any {
	f.Errors()
	return f.cleaned
}

// SetCleanedData replaces the cleaned data: what a Clean hook does when
// it returns a new dictionary in Django.
func (f *Form) SetCleanedData(m map[string]any) { f.cleaned = m }

// FullClean cleans every field and the form, filling Errors and
// CleanedData.
func (f *Form) FullClean() {
	f.errors = f.newErrorDict()
	f.err = nil
	if !f.bound {
		return
	}
	f.cleaned = make(map[string]any, len(f.fields))
	if f.opts.EmptyPermitted && !f.HasChanged() {
		return
	}
	for _, bf := range f.fields {
		field := bf.field
		var value any
		if field.Core().Disabled {
			value = bf.Initial()
		} else {
			value = bf.Data()
		}
		var cleaned any
		var err error
		if fc, ok := field.(FileCleaner); ok {
			prepare(field)
			cleaned, err = fc.CleanFile(value, bf.Initial())
		} else {
			lf, lv := localized(field, value, f.formats())
			cleaned, err = clean(lf, lv, bf.parser(lf)) // parse_once.go
		}
		if err == nil {
			f.cleaned[bf.name] = cleaned
			if hook := f.decl.CleanField[bf.name]; hook != nil {
				cleaned, err = hook(f, cleaned)
				if err == nil {
					f.cleaned[bf.name] = cleaned
				}
			}
		}
		if err != nil {
			f.AddError(bf.name, err)
		}
	}
	if f.decl.Clean != nil {
		if err := f.decl.Clean(f); err != nil {
			f.AddError("", err)
		}
	}
	if f.decl.PostClean != nil {
		f.decl.PostClean(f)
	}
}

// newErrorDict returns an empty ErrorDict for the form's errors: the
// form's own the first time, saving an allocation on every form.
func (f *Form) newErrorDict() *ErrorDict {
	if f.firstErrorsUsed {
		return &ErrorDict{renderer: f.opts.DefaultRenderer}
	}
	f.firstErrorsUsed = true
	f.firstErrors.renderer = f.opts.DefaultRenderer
	return &f.firstErrors
}

// AddError adds err to the errors of field ("" for the form as a whole)
// and drops the field from the cleaned data. err is a
// *validators.ValidationError (validators.NewError) to show a message;
// any other error is a failure, kept for Err and never shown. AddError
// panics, as Django raises, when the form has no such field: that is a
// programming error.
func (f *Form) AddError(field string, err error) {
	if err == nil {
		return
	}
	if f.errors == nil {
		f.errors = f.newErrorDict()
	}
	if field == "" {
		field = NonFieldErrors
	}
	if !isValidationError(err) {
		if field != NonFieldErrors && f.Field(field) == nil {
			panic(fmt.Sprintf("forms: the form has no field named %q", field))
		}
		where := "the form's Clean"
		if field != NonFieldErrors {
			where = fmt.Sprintf("field %q", field)
		}
		f.err = errors.Join(f.err, fmt.Errorf("forms: cleaning %s: %w", where, err))
		delete(f.cleaned, field)
		return
	}
	l := f.errors.Get(field)
	if l == nil {
		if field != NonFieldErrors && f.Field(field) == nil {
			panic(fmt.Sprintf("forms: the form has no field named %q", field))
		}
		extra := ""
		if field == NonFieldErrors {
			extra = "nonfield"
		}
		l = NewErrorList(extra, f.renderer, f.opts.Translator)
		f.errors.set(field, l)
	}
	l.Add(err)
	delete(f.cleaned, field)
}

// HasError reports whether field has an error, of that code when code is
// not "".
func (f *Form) HasError(field, code string) bool {
	l := f.Errors().Get(field)
	if l == nil {
		return false
	}
	if code == "" {
		return true
	}
	for _, e := range l.Errors {
		if e.Code == code {
			return true
		}
	}
	return false
}

// NonFieldErrors returns the errors of the form as a whole (an empty list
// with the "nonfield" class when there are none).
func (f *Form) NonFieldErrors() *ErrorList {
	if l := f.Errors().Get(NonFieldErrors); l != nil {
		return l
	}
	return NewErrorList("nonfield", f.renderer, f.opts.Translator)
}

// ChangedData returns the names of the fields whose data differs from
// their initial value.
func (f *Form) ChangedData() []string {
	if !f.didDiff {
		f.didDiff = true
		// Gathered on the stack, then copied at their size: most forms
		// have few changed fields, and an unchanged one (a formset's
		// extra form) none, which needs no allocation.
		var small [8]string
		changed := small[:0]
		for _, bf := range f.fields {
			if bf.HasChanged() {
				changed = append(changed, bf.name)
			}
		}
		f.changed = append(make([]string, 0, len(changed)), changed...)
	}
	return f.changed
}

// HasChanged reports whether any field's data differs from its initial
// value.
func (f *Form) HasChanged() bool { return len(f.ChangedData()) > 0 }

// InitialFor returns the initial value of a field: the form's, else the
// field's, called when it is a func.
func (f *Form) InitialFor(name string, field Field) any {
	v, ok := f.opts.Initial[name]
	if !ok {
		v = field.Core().Initial
	}
	if fn, ok := v.(func() any); ok {
		v = fn()
	}
	return v
}

// Media returns the assets the form's widgets need, then the form's own.
func (f *Form) Media() media.Media {
	var m media.Media
	for _, bf := range f.fields {
		m = m.Add(widgets.MediaOf(bf.field.Core().widget))
	}
	return m.Add(f.decl.Media)
}

// MediaObject is media as a theme's templates see form.media: it prints
// as its HTML, and its js and css are the subsets Django's media["js"]
// and media["css"] give ({{ form.media.js }}).
func MediaObject(m media.Media) renderers.Object {
	subset := func(name string) func() any {
		return func() any {
			s, _ := m.Subset(name) // js and css are always known
			return renderers.Safe(renderers.HTML(s.Render()))
		}
	}
	return renderers.Object{
		renderers.HTMLKey: renderers.HTML(m.Render()),
		"js":              subset("js"),
		"css":             subset("css"),
	}
}

// IsMultipart reports whether the form needs multipart encoding (it has a
// file input).
func (f *Form) IsMultipart() bool {
	for _, bf := range f.fields {
		if widgets.NeedsMultipart(bf.field.Core().widget) {
			return true
		}
	}
	return false
}
