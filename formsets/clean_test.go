package formsets_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
)

// uniqueTitles is a formset clean() as Django's documentation writes one:
// the title of a form repeating an earlier form's is an error on that
// form's field, and a repeat at all is a non-form error.
func uniqueTitles(fs *formsets.Formset) error {
	seen := map[any]bool{}
	dup := false
	for _, f := range fs.Forms() {
		t, ok := f.CleanedData()["title"]
		if !ok {
			continue
		}
		if seen[t] {
			dup = true
			f.AddError("title", validators.NewError("Repeated.", "repeat", nil))
		}
		seen[t] = true
	}
	if dup {
		return validators.Join(
			validators.NewError("Titles must differ.", "unique", nil),
			validators.NewError("Check the list.", "check", nil))
	}
	return nil
}

// The expected values were printed by Django 4.2 for a formset class with
// that clean() (formset_factory(F, formset=Base, extra=0)).
func TestCleanHook(t *testing.T) {
	tests := []struct {
		name      string
		data      url.Values
		base      error
		calls     int
		valid     bool
		nonForm   []string // codes
		errCounts []int
	}{
		{
			name:      "repeats: non-form errors in order and a field error",
			data:      mgmt(3, 0, "form-0-title", "A", "form-1-title", "B", "form-2-title", "A"),
			calls:     1,
			nonForm:   []string{"unique", "check"},
			errCounts: []int{0, 0, 1},
		},
		{
			name:      "valid",
			data:      mgmt(2, 0, "form-0-title", "A", "form-1-title", "B"),
			calls:     1,
			valid:     true,
			nonForm:   []string{},
			errCounts: []int{0, 0},
		},
		{
			name:      "not run while a form has errors",
			data:      mgmt(3, 0, "form-0-title", "A", "form-1-qty", "x", "form-2-title", "A"),
			calls:     0,
			nonForm:   []string{},
			errCounts: []int{0, 2, 0},
		},
		{
			name:      "not run when the base clean fails",
			data:      mgmt(2, 0, "form-0-title", "A", "form-1-title", "A"),
			base:      validators.NewError("Base says no.", "base", nil),
			calls:     0,
			nonForm:   []string{"base"},
			errCounts: []int{0, 0},
		},
		{
			name:      "run after a missing management form",
			data:      url.Values{},
			calls:     1,
			valid:     false,
			nonForm:   []string{"missing_management_form"},
			errCounts: []int{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := formsets.MustDeclare(itemForm(), formsets.Extra(0))
			calls := 0
			d.Clean = func(fs *formsets.Formset) error { calls++; return uniqueTitles(fs) }
			if tt.base != nil {
				d.BaseClean = func(*formsets.Formset) error { return tt.base }
			}
			fs := d.Bind(tt.data, nil, formsets.Options{})
			if got := fs.IsValid(); got != tt.valid {
				t.Errorf("IsValid() = %v, want %v", got, tt.valid)
			}
			if calls != tt.calls {
				t.Errorf("Clean ran %d times, want %d", calls, tt.calls)
			}
			codes := []string{}
			for _, e := range fs.NonFormErrors().JSON() {
				codes = append(codes, e.Code)
			}
			if !equalStrings(codes, tt.nonForm) {
				t.Errorf("non-form error codes = %q, want %q", codes, tt.nonForm)
			}
			var counts []int
			for _, e := range fs.Errors() {
				counts = append(counts, e.Len())
			}
			if len(counts) != len(tt.errCounts) {
				t.Fatalf("error counts = %v, want %v", counts, tt.errCounts)
			}
			for i := range counts {
				if counts[i] != tt.errCounts[i] {
					t.Fatalf("error counts = %v, want %v", counts, tt.errCounts)
				}
			}
		})
	}
}

// A field error added by Clean takes the field out of the form's cleaned
// data and counts in TotalErrorCount.
func TestCleanHookFieldError(t *testing.T) {
	d := formsets.MustDeclare(itemForm(), formsets.Extra(0))
	d.Clean = uniqueTitles
	fs := d.Bind(mgmt(2, 0, "form-0-title", "A", "form-1-title", "A"), nil, formsets.Options{})
	if fs.IsValid() {
		t.Fatal("valid with a repeated title")
	}
	f := fs.Form(1)
	if _, ok := f.CleanedData()["title"]; ok {
		t.Error("the repeated title stayed in the cleaned data")
	}
	if !f.HasError("title", "repeat") {
		t.Errorf("form 1 errors = %v, want a repeat error on title", f.Errors().JSON())
	}
	if got := fs.TotalErrorCount(); got != 3 {
		t.Errorf("TotalErrorCount() = %d, want 3", got)
	}
	if fs.CleanedData() != nil {
		t.Error("CleanedData() of an invalid formset is not nil")
	}
}

// A plain error from Clean is no message: the formset is invalid, shows
// no non-form error, and rendering it fails with the error.
func TestCleanHookPlainError(t *testing.T) {
	d := formsets.MustDeclare(itemForm(), formsets.Extra(0))
	no := errors.New("No.")
	d.Clean = func(*formsets.Formset) error { return no }
	fs := d.Bind(mgmt(1, 0, "form-0-title", "A"), nil, formsets.Options{})
	if _, err := fs.Render(); err != nil {
		t.Errorf("Render() before cleaning: %v; rendering does not run Clean", err)
	}
	if got := fs.NonFormErrors().JSON(); len(got) != 0 {
		t.Errorf("NonFormErrors() = %+v, want none", got)
	}
	if fs.IsValid() || !errors.Is(fs.Err(), no) {
		t.Errorf("IsValid() = %v, Err() = %v; want false and the Clean's error", fs.IsValid(), fs.Err())
	}
	if _, err := fs.Render(); !errors.Is(err, no) {
		t.Errorf("Render() error = %v, want the Clean's error", err)
	}
}

// Django's form_kwargs={"empty_permitted": False} makes extra forms
// required: an extra form left empty is an error, not a form skipped.
func TestRequireExtraForms(t *testing.T) {
	data := mgmt(2, 0, "form-0-title", "A")
	for _, tt := range []struct {
		require bool
		valid   bool
		counts  []int
	}{
		{false, true, []int{0, 0}},
		{true, false, []int{0, 1}},
	} {
		d := formsets.MustDeclare(itemForm(), formsets.Extra(2))
		fs := d.Bind(data, nil, formsets.Options{RequireExtraForms: tt.require})
		if got := fs.IsValid(); got != tt.valid {
			t.Errorf("RequireExtraForms=%v: IsValid() = %v, want %v", tt.require, got, tt.valid)
		}
		for i, e := range fs.Errors() {
			if e.Len() != tt.counts[i] {
				t.Errorf("RequireExtraForms=%v: form %d has %d errors, want %d", tt.require, i, e.Len(), tt.counts[i])
			}
		}
		if tt.require && !fs.Form(1).HasError("title", "required") {
			t.Errorf("the empty extra form's errors = %v, want title required", fs.Form(1).Errors().JSON())
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The project-wide renderer renders a formset that names none, its forms
// and their errors dictionaries; a formset's own renderer wins.
func TestDefaultRenderer(t *testing.T) {
	project := renderers.NewDjangoDivFormRenderer()
	d := formsets.MustDeclare(itemForm(), formsets.Extra(1))
	fs := d.Bind(mgmt(1, 0, "form-0-qty", "x"), nil, formsets.Options{DefaultRenderer: project})
	if fs.Renderer() != renderers.Renderer(project) || fs.Form(0).Renderer() != renderers.Renderer(project) ||
		fs.EmptyForm().Renderer() != renderers.Renderer(project) || fs.ManagementForm().Renderer() != renderers.Renderer(project) {
		t.Error("the formset, a form, the empty form or the management form does not render with the project's renderer")
	}
	own := renderers.NewJinja2()
	fs = d.Bind(mgmt(1, 0), nil, formsets.Options{DefaultRenderer: project, Renderer: own})
	if fs.Renderer() != renderers.Renderer(own) || fs.Form(0).Renderer() != renderers.Renderer(own) {
		t.Error("the formset's own renderer does not win")
	}
	html, err := fs.AsDiv()
	if err != nil || !strings.Contains(string(html), `name="form-0-title"`) {
		t.Errorf("AsDiv() = %s, %v", html, err)
	}
}
