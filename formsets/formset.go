package formsets

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/media"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// Options are the arguments of one formset: Django's BaseFormSet(...)
// arguments.
type Options struct {
	// Prefix namespaces the formset's names ("prefix-0-name"); "" means
	// the declaration's prefix.
	Prefix string
	// AutoID is the id pattern, "%s" standing for a field's name; ""
	// means Django's "id_%s". NoAutoID writes no ids.
	AutoID   string
	NoAutoID bool
	// Initial holds the initial values of the first forms, one map per
	// form; each one makes an initial form.
	Initial []map[string]any
	// FormOptions are the options of every form (Django's form_kwargs).
	// The formset sets what is not set here: the prefix, the auto id,
	// the initial values, the renderer and the translator; extra forms
	// are EmptyPermitted and no form writes the required attribute
	// unless UseRequiredAttribute says so. (EmptyPermitted set here makes
	// every form optional; RequireExtraForms makes extra forms required.)
	FormOptions forms.Options
	// RequireExtraForms validates extra forms left empty as any other
	// form, so that every form must be filled in: Django's
	// form_kwargs={"empty_permitted": False}.
	RequireExtraForms bool
	// ErrorMessages override the declaration's messages by code.
	ErrorMessages map[string]string
	// Renderer, when not nil, replaces the declaration's.
	Renderer renderers.Renderer
	// DefaultRenderer is the project-wide renderer (Django's
	// settings.FORM_RENDERER): the formset and its forms render with it
	// when neither Renderer nor the declaration names one, and the forms'
	// errors dictionaries render with it (forms.Options.DefaultRenderer).
	// nil means renderers.Default().
	DefaultRenderer renderers.Renderer
	// Translator translates the formset's messages; nil shows them in
	// English.
	Translator validators.Translator
	// State carries what the hooks of a formset built on this one need
	// (a model formset's objects); the formset only keeps it.
	State any
}

// Formset is one instance of a declared formset, bound to data or not.
// It is meant for one goroutine: build one per request.
type Formset struct {
	decl     *Declaration
	opts     Options
	bound    bool
	data     url.Values
	files    widgets.Files
	prefix   string
	renderer renderers.Renderer
	messages map[string]string

	mgmt       *forms.Form
	forms      []*forms.Form
	formsBuilt bool

	didClean bool
	errors   []*forms.ErrorDict
	nonForm  *forms.ErrorList
	deleted  []int
	ordering []int
	orderSet bool
	// err is what went wrong in the formset's own checks that is no
	// validation error (Err).
	err error

	// sink collects errors of values printed during a render.
	sink *renderers.ErrorSink
	// nesting bounds a formset template printing {{ formset }}.
	nesting renderers.Nesting
	// deleteField is the DELETE field the forms share, as forms share
	// their declared fields: one is enough, fields do not change.
	deleteField *forms.BooleanField
}

// New returns an unbound formset.
func (d *Declaration) New(opts Options) *Formset { return d.build(false, nil, nil, opts) }

// Bind returns a formset bound to submitted data and files (nil data
// binds to no data at all, as an empty POST).
func (d *Declaration) Bind(data url.Values, files widgets.Files, opts Options) *Formset {
	if data == nil {
		data = url.Values{}
	}
	if files == nil {
		files = widgets.Files{}
	}
	return d.build(true, data, files, opts)
}

var defaultMessages = map[string]string{
	CodeMissingManagementForm: "ManagementForm data is missing or has been tampered with. Missing fields: " +
		"%(field_names)s. You may need to file a bug report if the issue persists.",
}

// pluralMessages are the English singular and plural forms of the
// messages that count forms (Django's ngettext_lazy(..., "num")).
var pluralMessages = map[string][2]string{
	CodeTooManyForms: {"Please submit at most %(num)d form.", "Please submit at most %(num)d forms."},
	CodeTooFewForms:  {"Please submit at least %(num)d form.", "Please submit at least %(num)d forms."},
}

func (d *Declaration) build(bound bool, data url.Values, files widgets.Files, opts Options) *Formset {
	fs := &Formset{decl: d, opts: opts, bound: bound, data: data, files: files}
	if fs.data == nil {
		fs.data = url.Values{}
	}
	if fs.files == nil {
		fs.files = widgets.Files{}
	}
	fs.prefix = orString(opts.Prefix, orString(d.Prefix, DefaultPrefix))
	fs.renderer = opts.Renderer
	if fs.renderer == nil {
		fs.renderer = d.Renderer
	}
	if fs.renderer == nil {
		fs.renderer = opts.DefaultRenderer
	}
	if fs.renderer == nil {
		fs.renderer = renderers.Default()
	}
	fs.messages = map[string]string{}
	for _, m := range []map[string]string{d.ErrorMessages, opts.ErrorMessages} {
		for k, v := range m {
			fs.messages[k] = v
		}
	}
	return fs
}

// Declaration returns the declaration the formset was built from.
func (fs *Formset) Declaration() *Declaration { return fs.decl }

// IsBound reports whether the formset has data.
func (fs *Formset) IsBound() bool { return fs.bound }

// Data returns the submitted data (empty for an unbound formset).
func (fs *Formset) Data() url.Values { return fs.data }

// Files returns the submitted files.
func (fs *Formset) Files() widgets.Files { return fs.files }

// Prefix returns the formset's prefix.
func (fs *Formset) Prefix() string { return fs.prefix }

// Initial returns the initial values of the initial forms.
func (fs *Formset) Initial() []map[string]any { return fs.opts.Initial }

// Options returns the formset's options.
func (fs *Formset) Options() Options { return fs.opts }

// State returns Options.State.
func (fs *Formset) State() any { return fs.opts.State }

// Renderer returns the renderer the formset renders with.
func (fs *Formset) Renderer() renderers.Renderer { return fs.renderer }

// Translator returns the formset's message translator, nil for English.
func (fs *Formset) Translator() validators.Translator { return fs.opts.Translator }

// AddPrefix returns the prefix of the form at index: "prefix-index".
func (fs *Formset) AddPrefix(index int) string { return fs.prefix + "-" + strconv.Itoa(index) }

// ManagementForm returns the formset's management form: bound to the
// submitted data and cleaned, or showing the formset's counts.
func (fs *Formset) ManagementForm() *forms.Form {
	if fs.mgmt != nil {
		return fs.mgmt
	}
	opts := forms.Options{
		Prefix:          fs.prefix,
		AutoID:          fs.opts.AutoID,
		NoAutoID:        fs.opts.NoAutoID,
		Renderer:        fs.renderer,
		DefaultRenderer: fs.opts.DefaultRenderer,
		Translator:      fs.opts.Translator,
	}
	if fs.bound {
		fs.mgmt = managementForm.Bind(fs.data, fs.files, opts)
		fs.mgmt.FullClean()
		return fs.mgmt
	}
	opts.Initial = map[string]any{
		FieldTotalForms:   fs.TotalFormCount(),
		FieldInitialForms: fs.InitialFormCount(),
		FieldMinNumForms:  fs.decl.MinNum,
		FieldMaxNumForms:  fs.decl.MaxNum,
	}
	fs.mgmt = managementForm.New(opts)
	return fs.mgmt
}

// managementCount returns a count the management form cleaned (0 when it
// is missing or invalid).
func (fs *Formset) managementCount(name string) int {
	return count(fs.ManagementForm().CleanedData()[name])
}

// TotalFormCount returns the number of forms of the formset. A bound
// formset counts what the management form says, but never more than
// AbsoluteMax, so that a client cannot make the server build any number
// of forms.
func (fs *Formset) TotalFormCount() int {
	if fs.bound {
		return min(fs.managementCount(FieldTotalForms), fs.decl.AbsoluteMax)
	}
	initial := fs.InitialFormCount()
	total := addSat(max(initial, fs.decl.MinNum), fs.decl.Extra)
	// Show every initial form, but no extra ones beyond MaxNum.
	if maxNum := fs.decl.MaxNum; maxNum >= 0 && initial > maxNum {
		total = initial
	} else if maxNum >= 0 && total > maxNum {
		total = maxNum
	}
	return total
}

// InitialFormCount returns the number of forms that show initial data:
// the declaration's InitialFormCount hook, else DefaultInitialFormCount.
func (fs *Formset) InitialFormCount() int {
	if fs.decl.InitialFormCount != nil {
		return fs.decl.InitialFormCount(fs)
	}
	return fs.DefaultInitialFormCount()
}

// DefaultInitialFormCount is Django's count of initial forms: what the
// management form says when bound, else the number of initial maps.
func (fs *Formset) DefaultInitialFormCount() int {
	if fs.bound {
		return fs.managementCount(FieldInitialForms)
	}
	return len(fs.opts.Initial)
}

// Forms returns the formset's forms, built on first use.
func (fs *Formset) Forms() []*forms.Form {
	if !fs.formsBuilt {
		fs.formsBuilt = true
		// TotalFormCount already bounds a bound formset by AbsoluteMax.
		n := max(fs.TotalFormCount(), 0)
		fs.forms = make([]*forms.Form, n)
		for i := range n {
			fs.forms[i] = fs.constructForm(i)
		}
	}
	return fs.forms
}

// Len returns the number of forms.
func (fs *Formset) Len() int { return len(fs.Forms()) }

// Form returns the form at index, or nil.
func (fs *Formset) Form(index int) *forms.Form {
	f := fs.Forms()
	if index < 0 || index >= len(f) {
		return nil
	}
	return f[index]
}

// InitialForms returns the forms that show initial data.
func (fs *Formset) InitialForms() []*forms.Form {
	f := fs.Forms()
	return f[:clamp(fs.InitialFormCount(), 0, len(f))]
}

// ExtraForms returns the forms after the initial ones.
func (fs *Formset) ExtraForms() []*forms.Form {
	f := fs.Forms()
	return f[clamp(fs.InitialFormCount(), 0, len(f)):]
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// formOptions returns what Django's get_form_kwargs returns.
func (fs *Formset) formOptions(index int) forms.Options {
	if fs.decl.FormOptions != nil {
		return fs.decl.FormOptions(fs, index)
	}
	return fs.opts.FormOptions
}

// constructForm builds form i: Django's _construct_form.
func (fs *Formset) constructForm(i int) *forms.Form {
	opts := fs.formOptions(i)
	if opts.Prefix == "" {
		opts.Prefix = fs.AddPrefix(i)
	}
	fs.defaultOptions(&opts)
	if opts.UseRequiredAttribute == nil {
		// The required attribute would stop the browser from sending
		// extra, optional and deleted forms left empty.
		no := false
		opts.UseRequiredAttribute = &no
	}
	if opts.Initial == nil && i < len(fs.opts.Initial) {
		opts.Initial = fs.opts.Initial[i]
	}
	// Extra forms may be left empty, unless they are among the minimum.
	if i >= fs.InitialFormCount() && i >= fs.decl.MinNum && !fs.opts.RequireExtraForms {
		opts.EmptyPermitted = true
	}
	f := fs.newForm(i, opts)
	fs.addFields(f, i)
	return f
}

// defaultOptions fills what a form inherits from its formset.
func (fs *Formset) defaultOptions(opts *forms.Options) {
	if opts.AutoID == "" && !opts.NoAutoID {
		opts.AutoID, opts.NoAutoID = fs.opts.AutoID, fs.opts.NoAutoID
	}
	if opts.Renderer == nil {
		opts.Renderer = fs.renderer
	}
	if opts.DefaultRenderer == nil {
		opts.DefaultRenderer = fs.opts.DefaultRenderer
	}
	if opts.Translator == nil {
		opts.Translator = fs.opts.Translator
	}
}

func (fs *Formset) newForm(i int, opts forms.Options) *forms.Form {
	if fs.decl.NewForm != nil {
		return fs.decl.NewForm(fs, i, opts)
	}
	return fs.NewFormFrom(fs.decl.Form, i, opts)
}

// NewFormFrom builds form index (-1 for the empty form) from decl with
// opts, bound to the formset's data when the formset is bound and the
// form is not the empty form: what NewForm does when not set.
func (fs *Formset) NewFormFrom(decl *forms.Declaration, index int, opts forms.Options) *forms.Form {
	if fs.bound && index >= 0 {
		return decl.Bind(fs.data, fs.files, opts)
	}
	return decl.New(opts)
}

// EmptyForm returns a new form for client-side code to copy: its prefix
// holds "__prefix__" where the index goes, it may be left empty and
// writes no required attribute.
func (fs *Formset) EmptyForm() *forms.Form {
	opts := fs.formOptions(-1)
	opts.Prefix = fs.prefix + "-__prefix__"
	opts.AutoID, opts.NoAutoID = fs.opts.AutoID, fs.opts.NoAutoID
	opts.EmptyPermitted = true
	no := false
	opts.UseRequiredAttribute = &no
	opts.Renderer = fs.renderer
	if opts.DefaultRenderer == nil {
		opts.DefaultRenderer = fs.opts.DefaultRenderer
	}
	if opts.Translator == nil {
		opts.Translator = fs.opts.Translator
	}
	f := fs.newForm(-1, opts)
	fs.addFields(f, -1)
	return f
}

// addFields gives a form the ORDER and DELETE fields, then runs the
// declaration's AddFields hook: Django's add_fields.
func (fs *Formset) addFields(f *forms.Form, index int) {
	initial := fs.InitialFormCount()
	isInitial := index >= 0 && index < initial
	if fs.decl.CanOrder {
		order := forms.NewIntegerField()
		order.Label = "Order"
		order.Optional = true
		order.Widget = fs.decl.OrderingWidget
		// Only initial forms come numbered.
		if isInitial {
			order.Initial = index + 1
		}
		f.AddField(FieldOrder, order)
	}
	if fs.decl.CanDelete && (fs.decl.CanDeleteExtra || isInitial) {
		if fs.deleteField == nil {
			del := forms.NewBooleanField()
			del.Label = "Delete"
			del.Optional = true
			del.Widget = fs.decl.DeletionWidget
			fs.deleteField = del
		}
		f.AddField(FieldDelete, fs.deleteField)
	}
	if fs.decl.AddFields != nil {
		fs.decl.AddFields(fs, f, index)
	}
}

// Errors returns the errors of every form not marked for deletion,
// cleaning the formset first if needed. An unbound formset has none.
func (fs *Formset) Errors() []*forms.ErrorDict {
	if !fs.didClean {
		fs.FullClean()
	}
	return fs.errors
}

// NonFormErrors returns the errors of the formset as a whole (an empty
// list with the "nonform" class when there are none).
func (fs *Formset) NonFormErrors() *forms.ErrorList {
	if !fs.didClean {
		fs.FullClean()
	}
	return fs.nonForm
}

// TotalErrorCount returns the number of errors of the formset and of all
// its forms.
func (fs *Formset) TotalErrorCount() int {
	n := fs.NonFormErrors().Len()
	for _, e := range fs.Errors() {
		n += e.Len()
	}
	return n
}

// ShouldDelete reports whether a cleaned form was marked for deletion.
func (fs *Formset) ShouldDelete(f *forms.Form) bool {
	return pyval.Truthy(f.CleanedData()[FieldDelete])
}

// IsValid reports whether the formset is bound, every form not marked for
// deletion is valid and the formset has no errors of its own.
func (fs *Formset) IsValid() bool {
	if !fs.bound {
		return false
	}
	fs.Errors()
	valid := true
	for _, f := range fs.Forms() {
		if fs.decl.CanDelete && fs.ShouldDelete(f) {
			continue
		}
		// Every form is checked, not only up to the first invalid one.
		if !f.IsValid() {
			valid = false
		}
	}
	return valid && fs.NonFormErrors().Len() == 0 && fs.err == nil
}

// Err returns what went wrong while cleaning the formset that is no
// validation error: an error a Clean or BaseClean hook returned that is
// not a *validators.ValidationError (a database that failed, a hook's
// mistake). Such an error is not shown to the visitor among the
// non-form errors; the formset is not valid while it is set. Errors of
// the forms are theirs (forms.Form.Err).
func (fs *Formset) Err() error {
	fs.Errors()
	return fs.err
}

// FullClean cleans every form and the formset, filling Errors and
// NonFormErrors.
func (fs *Formset) FullClean() {
	fs.didClean = true
	fs.errors = []*forms.ErrorDict{}
	fs.nonForm = fs.newErrorList()
	fs.deleted, fs.ordering, fs.orderSet, fs.err = nil, nil, false, nil
	if !fs.bound {
		return
	}
	mgmt := fs.ManagementForm()
	if !mgmt.IsValid() {
		var names []string
		for _, name := range mgmt.Errors().Keys() {
			names = append(names, mgmt.AddPrefix(name))
		}
		fs.nonForm.Add(validators.NewError(fs.message(CodeMissingManagementForm, 0), CodeMissingManagementForm,
			map[string]any{"field_names": strings.Join(names, ", ")}))
	}
	empty := 0
	initial := fs.InitialFormCount()
	for i, f := range fs.Forms() {
		// Empty forms are unchanged forms beyond the initial ones.
		if i >= initial && !f.HasChanged() {
			empty++
		}
		errs := f.Errors()
		if fs.decl.CanDelete && fs.ShouldDelete(f) {
			continue
		}
		fs.errors = append(fs.errors, errs)
	}
	if err := fs.check(empty, mgmt); err != nil {
		var ve *validators.ValidationError
		if !errors.As(err, &ve) {
			fs.err = fmt.Errorf("formsets: cleaning the formset: %w", err)
			return
		}
		// As in Django, an error here replaces the management form's.
		fs.nonForm = fs.newErrorList()
		fs.nonForm.Add(err)
		return
	}
	if fs.decl.PostClean != nil && fs.nonForm.Len() == 0 && !fs.anyFormErrors() {
		fs.decl.PostClean(fs)
	}
}

// check validates the number of forms, then runs the Clean hook.
func (fs *Formset) check(empty int, mgmt *forms.Form) error {
	d := fs.decl
	total := fs.TotalFormCount()
	// Deleted forms count only if the formset is valid so far, as in
	// Django, where deleted_forms is empty for an invalid formset.
	deleted := len(fs.DeletedForms())
	if (d.ValidateMax && total-deleted > d.MaxNum) || count(mgmt.CleanedData()[FieldTotalForms]) > d.AbsoluteMax {
		return validators.NewError(fs.message(CodeTooManyForms, d.MaxNum), CodeTooManyForms, map[string]any{"num": d.MaxNum})
	}
	if d.ValidateMin && total-deleted-empty < d.MinNum {
		return validators.NewError(fs.message(CodeTooFewForms, d.MinNum), CodeTooFewForms, map[string]any{"num": d.MinNum})
	}
	if d.BaseClean != nil {
		if err := d.BaseClean(fs); err != nil {
			return err
		}
	}
	if d.Clean != nil && !fs.anyFormErrors() {
		return d.Clean(fs)
	}
	return nil
}

// anyFormErrors reports whether a form not marked for deletion has
// errors: Django's any(self.errors).
func (fs *Formset) anyFormErrors() bool {
	for _, e := range fs.errors {
		if e.Len() > 0 {
			return true
		}
	}
	return false
}

// message returns the formset's message for code, in the singular or
// plural form num asks for when it is Django's.
func (fs *Formset) message(code string, num int) string {
	if m, ok := fs.messages[code]; ok {
		return m
	}
	if p, ok := pluralMessages[code]; ok {
		if num == 1 {
			return p[0]
		}
		return p[1]
	}
	return defaultMessages[code]
}

func (fs *Formset) newErrorList() *forms.ErrorList {
	return forms.NewErrorList("nonform", fs.renderer, fs.opts.Translator)
}

// DeletedForms returns the forms marked for deletion, extra forms left
// unchanged aside; none when the formset is invalid or cannot delete.
func (fs *Formset) DeletedForms() []*forms.Form {
	if !fs.IsValid() || !fs.decl.CanDelete {
		return nil
	}
	if fs.deleted == nil {
		fs.deleted = []int{}
		initial := fs.InitialFormCount()
		for i, f := range fs.Forms() {
			if i >= initial && !f.HasChanged() {
				continue
			}
			if fs.ShouldDelete(f) {
				fs.deleted = append(fs.deleted, i)
			}
		}
	}
	return fs.pick(fs.deleted)
}

// OrderedForms returns the forms in the order their ORDER fields give,
// forms without an order last, leaving out unchanged extra forms and
// forms marked for deletion; nil when the formset is invalid or cannot
// order.
func (fs *Formset) OrderedForms() []*forms.Form {
	if !fs.IsValid() || !fs.decl.CanOrder {
		return nil
	}
	if !fs.orderSet {
		fs.orderSet = true
		type entry struct {
			index int
			order any
		}
		var entries []entry
		initial := fs.InitialFormCount()
		for i, f := range fs.Forms() {
			if i >= initial && !f.HasChanged() {
				continue
			}
			if fs.decl.CanDelete && fs.ShouldDelete(f) {
				continue
			}
			entries = append(entries, entry{i, f.CleanedData()[FieldOrder]})
		}
		sort.SliceStable(entries, func(a, b int) bool { return orderLess(entries[a].order, entries[b].order) })
		fs.ordering = make([]int, len(entries))
		for k, e := range entries {
			fs.ordering[k] = e.index
		}
	}
	return fs.pick(fs.ordering)
}

// orderLess orders numbers ascending, with no number after every number.
func orderLess(a, b any) bool {
	da, aok := orderValue(a)
	db, bok := orderValue(b)
	if !aok || !bok {
		return aok && !bok
	}
	return da.LessThan(db)
}

func orderValue(v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case int64:
		return decimal.NewFromInt(x), true
	case int:
		return decimal.NewFromInt(int64(x)), true
	case decimal.Decimal:
		return x, true
	case float64:
		return decimal.NewFromFloat(x), true
	}
	return decimal.Decimal{}, false
}

func (fs *Formset) pick(indexes []int) []*forms.Form {
	all := fs.Forms()
	out := make([]*forms.Form, len(indexes))
	for k, i := range indexes {
		out[k] = all[i]
	}
	return out
}

// CleanedData returns the cleaned data of every form, in order; nil when
// the formset is not valid.
func (fs *Formset) CleanedData() []map[string]any {
	if !fs.IsValid() {
		return nil
	}
	out := make([]map[string]any, len(fs.Forms()))
	for i, f := range fs.Forms() {
		out[i] = f.CleanedData()
	}
	return out
}

// HasChanged reports whether any form's data differs from its initial
// values.
func (fs *Formset) HasChanged() bool {
	for _, f := range fs.Forms() {
		if f.HasChanged() {
			return true
		}
	}
	return false
}

// IsMultipart reports whether the formset needs multipart encoding.
func (fs *Formset) IsMultipart() bool {
	if f := fs.Forms(); len(f) > 0 {
		return f[0].IsMultipart()
	}
	return fs.EmptyForm().IsMultipart()
}

// Media returns the assets the forms need: all forms are alike, so the
// first form's, or the empty form's when there is none.
func (fs *Formset) Media() media.Media {
	if f := fs.Forms(); len(f) > 0 {
		return f[0].Media()
	}
	return fs.EmptyForm().Media()
}

// AllValid reports whether every formset is valid, validating all of them.
func AllValid(formsets ...*Formset) bool {
	ok := true
	for _, fs := range formsets {
		if !fs.IsValid() {
			ok = false
		}
	}
	return ok
}
