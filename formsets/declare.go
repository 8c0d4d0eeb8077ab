// Package formsets repeats one form on a page: Django 4.1's formsets, with
// their management form, extra, deleted and ordered forms, the limits on
// how many forms are submitted, and their rendering.
//
// A formset is declared once from a form declaration, as Django's
// formset_factory makes a class, and a Formset is made from the
// declaration for each request:
//
//	var items = formsets.MustDeclare(itemForm, formsets.Extra(2), formsets.CanDelete(true))
//
//	fs := items.Bind(r.PostForm, nil, formsets.Options{})
//	if fs.IsValid() { for _, cd := range fs.CleanedData() { ... } }
//
// Formsets built on this one (model formsets) change how each form is
// made and checked with the declaration's hooks: FormOptions, NewForm,
// AddFields, InitialFormCount and BaseClean.
package formsets

import (
	"errors"
	"fmt"
	"math"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// Names of the management form's fields and of the fields formsets add
// to their forms.
const (
	FieldTotalForms   = "TOTAL_FORMS"
	FieldInitialForms = "INITIAL_FORMS"
	FieldMinNumForms  = "MIN_NUM_FORMS"
	FieldMaxNumForms  = "MAX_NUM_FORMS"
	FieldOrder        = "ORDER"
	FieldDelete       = "DELETE"
)

// Django's defaults.
const (
	// DefaultMinNum is the minimum number of forms.
	DefaultMinNum = 0
	// DefaultMaxNum is the maximum number of forms; it also bounds the
	// memory a client can make the server spend (see AbsoluteMax).
	DefaultMaxNum = 1000
	// DefaultPrefix prefixes the names of a formset's fields.
	DefaultPrefix = "form"
)

// Django's formset templates.
const (
	TemplateDiv   = "django/forms/formsets/div.html"
	TemplateP     = "django/forms/formsets/p.html"
	TemplateTable = "django/forms/formsets/table.html"
	TemplateUL    = "django/forms/formsets/ul.html"
)

// Codes of the formset's own errors, the keys of ErrorMessages.
const (
	CodeMissingManagementForm = "missing_management_form"
	CodeTooManyForms          = "too_many_forms"
	CodeTooFewForms           = "too_few_forms"
)

// Declaration is a formset's class: the form it repeats and the settings
// of Django's formset_factory. Build it with Declare, which applies
// Django's defaults; it is safe for concurrent use once declared.
type Declaration struct {
	// Form is the declaration of every form of the formset.
	Form *forms.Declaration

	// Extra is the number of empty forms shown after the initial ones.
	Extra int
	// MinNum and MaxNum bound the number of forms shown; a negative
	// MaxNum sets no bound. ValidateMin and ValidateMax check submitted
	// forms against them.
	MinNum, MaxNum           int
	ValidateMin, ValidateMax bool
	// AbsoluteMax is the most forms a bound formset builds, whatever the
	// submitted TOTAL_FORMS says; more is an error (too_many_forms).
	AbsoluteMax int
	// CanOrder gives each form an ORDER field; CanDelete a DELETE field,
	// to extra forms too when CanDeleteExtra is set.
	CanOrder, CanDelete, CanDeleteExtra bool

	// Prefix is the formset's default prefix; "" means DefaultPrefix.
	Prefix string
	// Renderer renders the formset and its forms; nil means the
	// default renderer.
	Renderer renderers.Renderer
	// TemplateName overrides the renderer's formset template.
	TemplateName string
	// Templates of the as_div, as_p, as_table and as_ul styles; "" means
	// Django's.
	TemplateNameDiv, TemplateNameP, TemplateNameTable, TemplateNameUL string
	// ErrorMessages override the formset's messages by code (the Code...
	// constants); too_many_forms and too_few_forms take %(num)d.
	ErrorMessages map[string]string
	// DeletionWidget and OrderingWidget render the DELETE and ORDER
	// fields; nil means a checkbox and a number input.
	DeletionWidget, OrderingWidget widgets.Widget

	// Clean checks the forms together: a formset's clean() as Django's
	// documentation writes one. It runs where Django's full_clean calls
	// clean(): after every form is cleaned and the number of forms is
	// checked (not when that check fails), after BaseClean, and only when
	// none of the forms not marked for deletion has errors. The
	// *validators.ValidationError it returns becomes the formset's
	// non-form errors (validators.Join gives several, in order); an error
	// on one form's field is added with that form's AddError instead,
	// which makes the form, and so the formset, invalid. Any other error
	// (a database that did not answer) is no message for the visitor:
	// the formset is invalid, Err returns it and rendering fails.
	Clean func(fs *Formset) error
	// BaseClean is the clean() of a formset built on this one (a model
	// formset's unique checks), run in Clean's place before it whatever
	// the forms' errors; an error it returns is treated as Clean's, and
	// Clean does not run.
	BaseClean func(fs *Formset) error
	// PostClean is the last check of a formset built on this one (a
	// model formset's check that what it would save fits the database),
	// run after Clean only while the formset has no error; the errors it
	// adds to the forms (AddError) make the formset invalid.
	PostClean func(fs *Formset)
	// FormOptions returns the options of form index, -1 for the empty
	// form: Django's get_form_kwargs(). nil means Options.FormOptions for
	// every form.
	FormOptions func(fs *Formset, index int) forms.Options
	// NewForm builds form index (-1 for the empty form) with the options
	// the formset chose: the prefix, initial data, EmptyPermitted and so
	// on are set. nil means Formset.NewFormFrom with Form.
	NewForm func(fs *Formset, index int, opts forms.Options) *forms.Form
	// AddFields adds fields to each form (index -1 for the empty form),
	// after the formset's ORDER and DELETE fields: Django's add_fields().
	AddFields func(fs *Formset, f *forms.Form, index int)
	// InitialFormCount replaces the count of initial forms (a model
	// formset counts its objects); Formset.DefaultInitialFormCount is
	// Django's.
	InitialFormCount func(fs *Formset) int
}

// Option sets an argument of Declare.
type Option func(*declareArgs)

type declareArgs struct {
	d           *Declaration
	absoluteSet bool
}

// Extra sets the number of extra forms (Django's default is 1).
func Extra(n int) Option { return func(a *declareArgs) { a.d.Extra = n } }

// MinNum sets the minimum number of forms shown.
func MinNum(n int) Option { return func(a *declareArgs) { a.d.MinNum = n } }

// MaxNum sets the maximum number of forms shown (default 1000).
func MaxNum(n int) Option { return func(a *declareArgs) { a.d.MaxNum = n } }

// ValidateMin makes fewer than MinNum submitted forms an error.
func ValidateMin(v bool) Option { return func(a *declareArgs) { a.d.ValidateMin = v } }

// ValidateMax makes more than MaxNum submitted forms an error.
func ValidateMax(v bool) Option { return func(a *declareArgs) { a.d.ValidateMax = v } }

// AbsoluteMax sets the most forms a bound formset builds (default
// MaxNum + 1000).
func AbsoluteMax(n int) Option {
	return func(a *declareArgs) { a.d.AbsoluteMax, a.absoluteSet = n, true }
}

// CanOrder gives each form an ORDER field.
func CanOrder(v bool) Option { return func(a *declareArgs) { a.d.CanOrder = v } }

// CanDelete gives each form a DELETE field.
func CanDelete(v bool) Option { return func(a *declareArgs) { a.d.CanDelete = v } }

// CanDeleteExtra says whether extra forms get a DELETE field too (the
// default).
func CanDeleteExtra(v bool) Option { return func(a *declareArgs) { a.d.CanDeleteExtra = v } }

// Prefix sets the formset's default prefix.
func Prefix(p string) Option { return func(a *declareArgs) { a.d.Prefix = p } }

// Renderer sets the formset's renderer.
func Renderer(r renderers.Renderer) Option { return func(a *declareArgs) { a.d.Renderer = r } }

// TemplateName sets the formset's template.
func TemplateName(name string) Option { return func(a *declareArgs) { a.d.TemplateName = name } }

// ErrorMessages overrides messages by code.
func ErrorMessages(m map[string]string) Option {
	return func(a *declareArgs) { a.d.ErrorMessages = m }
}

// Declare returns the declaration of a formset of form, with Django's
// formset_factory defaults (one extra form, at most 1000 forms, extra
// forms deletable) changed by opts. It fails when form is nil or when
// MaxNum exceeds AbsoluteMax, as Django does.
func Declare(form *forms.Declaration, opts ...Option) (*Declaration, error) {
	if form == nil {
		return nil, errors.New("formsets: no form declaration")
	}
	d := &Declaration{
		Form:           form,
		Extra:          1,
		MinNum:         DefaultMinNum,
		MaxNum:         DefaultMaxNum,
		CanDeleteExtra: true,
	}
	a := &declareArgs{d: d}
	for _, o := range opts {
		o(a)
	}
	if !a.absoluteSet {
		d.AbsoluteMax = addSat(d.MaxNum, DefaultMaxNum)
	}
	if d.MaxNum > d.AbsoluteMax {
		return nil, fmt.Errorf("formsets: absolute_max (%d) must be greater or equal to max_num (%d)", d.AbsoluteMax, d.MaxNum)
	}
	return d, nil
}

// MustDeclare is Declare for package-level declarations: it panics when
// Declare fails, which is a programming error.
func MustDeclare(form *forms.Declaration, opts ...Option) *Declaration {
	d, err := Declare(form, opts...)
	if err != nil {
		panic(err)
	}
	return d
}

// addSat adds without overflowing.
func addSat(a, b int) int {
	if b > 0 && a > math.MaxInt-b {
		return math.MaxInt
	}
	if b < 0 && a < math.MinInt-b {
		return math.MinInt
	}
	return a + b
}

func orString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
