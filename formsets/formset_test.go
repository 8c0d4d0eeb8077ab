package formsets_test

import (
	"errors"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
)

// itemForm is the form of every test: Django's
//
//	class F(forms.Form):
//	    title = forms.CharField(max_length=30)
//	    qty = forms.IntegerField(required=False, min_value=1)
func itemForm() *forms.Declaration {
	title := forms.NewCharField()
	title.MaxLength = 30
	qty := forms.NewIntegerField()
	qty.Optional = true
	qty.MinValue = new(int64(1))
	return forms.MustDeclare(forms.Named("title", title), forms.Named("qty", qty))
}

// mgmt returns management form data for the default prefix plus fields.
func mgmt(total, initial int, fields ...string) url.Values {
	v := url.Values{
		"form-TOTAL_FORMS":   {strconv.Itoa(total)},
		"form-INITIAL_FORMS": {strconv.Itoa(initial)},
	}
	for i := 0; i+1 < len(fields); i += 2 {
		v.Set(fields[i], fields[i+1])
	}
	return v
}

type nonForm struct{ code, message string }

// The expected values below were printed by Django 4.2 for the same
// formsets and data (formset_factory(F, ...)(data)).
func TestBound(t *testing.T) {
	const missing = "ManagementForm data is missing or has been tampered with. Missing fields: " +
		"form-TOTAL_FORMS, form-INITIAL_FORMS. You may need to file a bug report if the issue persists."
	tests := []struct {
		name      string
		opts      []formsets.Option
		messages  map[string]string
		data      url.Values
		valid     bool
		total     int
		errCounts []int // Len of each form's errors, deleted forms left out
		nonForm   []nonForm
		deleted   []int
		ordered   []int
	}{
		{
			name:  "valid",
			opts:  []formsets.Option{formsets.Extra(0)},
			data:  mgmt(2, 0, "form-0-title", "A", "form-0-qty", "2", "form-1-title", "B"),
			valid: true, total: 2, errCounts: []int{0, 0},
		},
		{
			name:      "missing management form",
			data:      url.Values{"form-0-title": {"A"}},
			total:     0,
			errCounts: []int{},
			nonForm:   []nonForm{{formsets.CodeMissingManagementForm, missing}},
		},
		{
			name:      "absolute max bounds the forms built",
			opts:      []formsets.Option{formsets.Extra(0), formsets.MaxNum(2), formsets.AbsoluteMax(3)},
			data:      mgmt(1000000, 0, "form-0-title", "A"),
			total:     3,
			errCounts: []int{0, 0, 0},
			nonForm:   []nonForm{{formsets.CodeTooManyForms, "Please submit at most 2 forms."}},
		},
		{
			name:      "too few",
			opts:      []formsets.Option{formsets.Extra(0), formsets.MinNum(2), formsets.ValidateMin(true)},
			data:      mgmt(1, 0, "form-0-title", "A"),
			total:     1,
			errCounts: []int{0},
			nonForm:   []nonForm{{formsets.CodeTooFewForms, "Please submit at least 2 forms."}},
		},
		{
			name:      "too many",
			opts:      []formsets.Option{formsets.Extra(0), formsets.MaxNum(2), formsets.ValidateMax(true)},
			data:      mgmt(3, 0, "form-0-title", "A", "form-1-title", "B", "form-2-title", "C"),
			total:     3,
			errCounts: []int{0, 0, 0},
			nonForm:   []nonForm{{formsets.CodeTooManyForms, "Please submit at most 2 forms."}},
		},
		{
			name:     "custom message",
			opts:     []formsets.Option{formsets.Extra(0), formsets.MinNum(1), formsets.ValidateMin(true)},
			messages: map[string]string{formsets.CodeTooFewForms: "Add %(num)d more."},
			data:     mgmt(1, 0, "form-0-title", ""),
			total:    1, errCounts: []int{1},
			nonForm: []nonForm{{formsets.CodeTooFewForms, "Add 1 more."}},
		},
		{
			name: "delete and order",
			opts: []formsets.Option{formsets.Extra(1), formsets.CanDelete(true), formsets.CanOrder(true)},
			data: mgmt(4, 3, "form-0-title", "A", "form-0-ORDER", "3",
				"form-1-title", "B", "form-1-ORDER", "1", "form-1-DELETE", "on",
				"form-2-title", "C", "form-2-ORDER", "",
				"form-3-title", "D", "form-3-ORDER", "2"),
			valid: true, total: 4, errCounts: []int{0, 0, 0},
			deleted: []int{1}, ordered: []int{3, 0, 2},
		},
		{
			name:  "a deleted form need not be valid",
			opts:  []formsets.Option{formsets.Extra(0), formsets.CanDelete(true)},
			data:  mgmt(2, 2, "form-0-title", "", "form-0-DELETE", "on", "form-1-title", "B"),
			valid: true, total: 2, errCounts: []int{0}, deleted: []int{0},
		},
		{
			name:  "unchanged extra forms skip validation",
			opts:  []formsets.Option{formsets.Extra(2)},
			data:  mgmt(3, 1, "form-0-title", "A", "form-1-title", "", "form-2-title", ""),
			valid: true, total: 3, errCounts: []int{0, 0, 0},
		},
		{
			name:  "changed extra forms are validated",
			opts:  []formsets.Option{formsets.Extra(1)},
			data:  mgmt(2, 1, "form-0-title", "A", "form-1-qty", "3"),
			total: 2, errCounts: []int{0, 1},
		},
		{
			name:  "forms of the minimum are required",
			opts:  []formsets.Option{formsets.Extra(1), formsets.MinNum(1)},
			data:  mgmt(2, 0, "form-0-title", "", "form-1-title", ""),
			total: 2, errCounts: []int{1, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			decl, err := formsets.Declare(itemForm(), tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			fs := decl.Bind(tt.data, nil, formsets.Options{ErrorMessages: tt.messages})
			if got := fs.IsValid(); got != tt.valid {
				t.Errorf("IsValid() = %v, want %v", got, tt.valid)
			}
			if got := fs.TotalFormCount(); got != tt.total {
				t.Errorf("TotalFormCount() = %d, want %d", got, tt.total)
			}
			if got := len(fs.Forms()); got != tt.total {
				t.Errorf("len(Forms()) = %d, want %d", got, tt.total)
			}
			counts := []int{}
			wantTotal := len(tt.nonForm)
			for _, e := range fs.Errors() {
				counts = append(counts, e.Len())
			}
			for _, n := range tt.errCounts {
				wantTotal += n
			}
			if !reflect.DeepEqual(counts, tt.errCounts) {
				t.Errorf("error counts = %v, want %v", counts, tt.errCounts)
			}
			var got []nonForm
			for _, e := range fs.NonFormErrors().JSON() {
				got = append(got, nonForm{e.Code, e.Message})
			}
			if !reflect.DeepEqual(got, tt.nonForm) {
				t.Errorf("NonFormErrors() = %q, want %q", got, tt.nonForm)
			}
			if n := fs.TotalErrorCount(); n != wantTotal {
				t.Errorf("TotalErrorCount() = %d, want %d", n, wantTotal)
			}
			if tt.deleted != nil {
				if got := indexes(fs, fs.DeletedForms()); !reflect.DeepEqual(got, tt.deleted) {
					t.Errorf("DeletedForms() = %v, want %v", got, tt.deleted)
				}
			}
			if tt.ordered != nil {
				if got := indexes(fs, fs.OrderedForms()); !reflect.DeepEqual(got, tt.ordered) {
					t.Errorf("OrderedForms() = %v, want %v", got, tt.ordered)
				}
			}
			if cd := fs.CleanedData(); (cd != nil) != tt.valid {
				t.Errorf("CleanedData() = %v for a formset valid=%v", cd, tt.valid)
			}
		})
	}
}

func indexes(fs *formsets.Formset, some []*forms.Form) []int {
	out := []int{}
	for _, f := range some {
		for i, g := range fs.Forms() {
			if f == g {
				out = append(out, i)
			}
		}
	}
	return out
}

// A client can claim any number of forms: the formset builds at most
// AbsoluteMax (default MaxNum + 1000) and reports the excess.
func TestHostileTotalForms(t *testing.T) {
	tests := []struct {
		name  string
		opts  []formsets.Option
		total string
		built int
	}{
		{"default absolute max", nil, "1000000", 2000},
		{"small absolute max", []formsets.Option{formsets.MaxNum(5), formsets.AbsoluteMax(10)}, "1000000", 10},
		{"beyond int64", nil, "99999999999999999999999999", 2000},
		{"negative", nil, "-5", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			decl := formsets.MustDeclare(itemForm(), append([]formsets.Option{formsets.Extra(0)}, tt.opts...)...)
			data := url.Values{"form-TOTAL_FORMS": {tt.total}, "form-INITIAL_FORMS": {"0"}, "form-0-title": {"A"}}
			fs := decl.Bind(data, nil, formsets.Options{})
			if got := len(fs.Forms()); got != tt.built {
				t.Fatalf("built %d forms, want %d", got, tt.built)
			}
			if fs.IsValid() == (tt.built > 0) {
				t.Errorf("IsValid() = %v", fs.IsValid())
			}
			if tt.built > 0 && !hasCode(fs.NonFormErrors(), formsets.CodeTooManyForms) {
				t.Errorf("NonFormErrors() = %v, want too_many_forms", fs.NonFormErrors().Messages())
			}
		})
	}
}

func hasCode(l *forms.ErrorList, code string) bool {
	for _, e := range l.Errors {
		if e.Code == code {
			return true
		}
	}
	return false
}

func TestUnboundCounts(t *testing.T) {
	one := []map[string]any{{"title": "a"}}
	four := []map[string]any{{"title": "a"}, {"title": "b"}, {"title": "c"}, {"title": "d"}}
	tests := []struct {
		name            string
		opts            []formsets.Option
		initial         []map[string]any
		total, initialN int
	}{
		// Django 4.2: formset_factory(F, extra=2, max_num=3)(initial=...).
		{"extra only", []formsets.Option{formsets.Extra(2), formsets.MaxNum(3)}, nil, 2, 0},
		{"initial and extra", []formsets.Option{formsets.Extra(2), formsets.MaxNum(3)}, one, 3, 1},
		{"initial beyond max", []formsets.Option{formsets.Extra(2), formsets.MaxNum(3)}, four, 4, 4},
		{"minimum and extra", []formsets.Option{formsets.Extra(1), formsets.MinNum(2)}, nil, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := formsets.MustDeclare(itemForm(), tt.opts...).New(formsets.Options{Initial: tt.initial})
			if got := fs.TotalFormCount(); got != tt.total {
				t.Errorf("TotalFormCount() = %d, want %d", got, tt.total)
			}
			if got := fs.InitialFormCount(); got != tt.initialN {
				t.Errorf("InitialFormCount() = %d, want %d", got, tt.initialN)
			}
			if fs.IsValid() {
				t.Error("an unbound formset is valid")
			}
		})
	}
}

func TestDeclareErrors(t *testing.T) {
	if _, err := formsets.Declare(nil); err == nil {
		t.Error("Declare(nil) succeeded")
	}
	if _, err := formsets.Declare(itemForm(), formsets.MaxNum(10), formsets.AbsoluteMax(5)); err == nil {
		t.Error("Declare with max_num > absolute_max succeeded")
	}
}

// The HTML below is Django 4.2's for the same formsets.
func TestRendering(t *testing.T) {
	div := renderers.NewDjangoDivFormRenderer()
	decl := formsets.MustDeclare(itemForm(), formsets.CanDelete(true), formsets.Renderer(div))
	tests := []struct {
		name string
		got  func() (renderers.HTML, error)
		want string
	}{
		{
			name: "management form",
			got: func() (renderers.HTML, error) {
				return decl.New(formsets.Options{Prefix: "items"}).ManagementForm().Render()
			},
			want: `<input type="hidden" name="items-TOTAL_FORMS" value="1" id="id_items-TOTAL_FORMS">` +
				`<input type="hidden" name="items-INITIAL_FORMS" value="0" id="id_items-INITIAL_FORMS">` +
				`<input type="hidden" name="items-MIN_NUM_FORMS" value="0" id="id_items-MIN_NUM_FORMS">` +
				`<input type="hidden" name="items-MAX_NUM_FORMS" value="1000" id="id_items-MAX_NUM_FORMS">`,
		},
		{
			name: "empty form's DELETE",
			got: func() (renderers.HTML, error) {
				return decl.New(formsets.Options{}).EmptyForm().Field("DELETE").HTML()
			},
			want: `<input type="checkbox" name="form-__prefix__-DELETE" id="id_form-__prefix__-DELETE">`,
		},
		{
			name: "no required attribute in formset forms",
			got: func() (renderers.HTML, error) {
				return decl.New(formsets.Options{}).Form(0).Field("title").HTML()
			},
			want: `<input type="text" name="form-0-title" maxlength="30" id="id_form-0-title">`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.got()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// Both template engines see the formset through the same Object.
func TestTemplateObject(t *testing.T) {
	data := mgmt(2, 0, "form-0-title", "A", "form-1-title", "B")
	for _, r := range []renderers.Renderer{renderers.NewDjangoDivFormRenderer(), renderers.NewJinja2DivFormRenderer()} {
		decl := formsets.MustDeclare(itemForm(), formsets.Extra(0), formsets.MaxNum(1),
			formsets.ValidateMax(true), formsets.Renderer(r))
		fs := decl.Bind(data, nil, formsets.Options{})
		for _, style := range []func() (renderers.HTML, error){fs.Render, fs.AsDiv, fs.AsP, fs.AsTable, fs.AsUL} {
			h, err := style()
			if err != nil {
				t.Fatalf("%T: %v", r, err)
			}
			for _, want := range []string{`name="form-TOTAL_FORMS" value="2"`, `name="form-1-title" value="B"`} {
				if !strings.Contains(string(h), want) {
					t.Errorf("%T: %q missing from\n%s", r, want, h)
				}
			}
		}
		o := fs.Object()
		if got := len(o.Items()); got != 2 {
			t.Errorf("%T: the formset iterates over %d forms, want 2", r, got)
		}
		nfe := o["non_form_errors"].(func() any)().(renderers.Object)
		if got := nfe.String(); got != `<ul class="errorlist nonform"><li>Please submit at most 1 form.</li></ul>` {
			t.Errorf("%T: non_form_errors = %s", r, got)
		}
	}
}

// Formsets built on this one change how forms are made and checked.
func TestHooks(t *testing.T) {
	decl := formsets.MustDeclare(itemForm(), formsets.Extra(1))
	var built []int
	decl.NewForm = func(fs *formsets.Formset, index int, opts forms.Options) *forms.Form {
		built = append(built, index)
		return fs.NewFormFrom(fs.Declaration().Form, index, opts)
	}
	decl.AddFields = func(fs *formsets.Formset, f *forms.Form, index int) {
		id := forms.NewIntegerField()
		id.Optional = true
		id.Initial = index * 10
		f.AddField("id", id)
	}
	decl.InitialFormCount = func(fs *formsets.Formset) int {
		if fs.IsBound() {
			return fs.DefaultInitialFormCount()
		}
		return 2 // two objects in the database
	}
	decl.Clean = func(fs *formsets.Formset) error {
		seen := map[any]bool{}
		for _, f := range fs.Forms() {
			if title := f.CleanedData()["title"]; title != nil && seen[title] {
				return validators.NewError("Titles must differ.", "unique", nil)
			}
			seen[f.CleanedData()["title"]] = true
		}
		return nil
	}
	unbound := decl.New(formsets.Options{})
	if got := unbound.TotalFormCount(); got != 3 {
		t.Errorf("TotalFormCount() = %d, want 3", got)
	}
	if got := unbound.Form(1).Field("id").Value(); got != 10 {
		t.Errorf("form 1's id = %v, want 10", got)
	}
	if unbound.EmptyForm().Field("id") == nil {
		t.Error("the empty form has no id field")
	}
	if !reflect.DeepEqual(built, []int{0, 1, 2, -1}) {
		t.Errorf("NewForm built %v", built)
	}
	bound := decl.Bind(mgmt(2, 0, "form-0-title", "A", "form-1-title", "A"), nil, formsets.Options{})
	if bound.IsValid() {
		t.Fatal("the formset is valid despite its Clean hook")
	}
	if got := bound.NonFormErrors().Messages(); !reflect.DeepEqual(got, []string{"Titles must differ."}) {
		t.Errorf("NonFormErrors() = %q", got)
	}
}

// An error of a Clean hook that is no validation error (a database that
// failed) is the formset's Err: not shown to the visitor, and the
// formset is not valid.
func TestCleanErrorIsReturned(t *testing.T) {
	decl := formsets.MustDeclare(itemForm())
	dbDown := errors.New("database is down")
	decl.Clean = func(*formsets.Formset) error { return dbDown }
	fs := decl.Bind(mgmt(1, 0, "form-0-title", "A"), nil, formsets.Options{})
	if fs.IsValid() {
		t.Error("the formset is valid despite its failed Clean")
	}
	if got := fs.NonFormErrors().Len(); got != 0 {
		t.Errorf("the failure is shown as %d non-form errors: %q", got, fs.NonFormErrors().Messages())
	}
	if err := fs.Err(); !errors.Is(err, dbDown) || !strings.Contains(err.Error(), "cleaning the formset") {
		t.Errorf("Err() = %v, want the Clean's error wrapped", err)
	}
	if err := decl.New(formsets.Options{}).Err(); err != nil {
		t.Errorf("an unbound formset's Err() = %v", err)
	}
}

func TestRenderErrorIsReturned(t *testing.T) {
	decl := formsets.MustDeclare(itemForm())
	decl.TemplateName = "no/such/template.html"
	_, err := decl.New(formsets.Options{}).Render()
	if err == nil {
		t.Fatal("rendering with a missing template succeeded")
	}
	if !strings.Contains(err.Error(), "no/such/template.html") {
		t.Errorf("error %q does not name the template", err)
	}
}
