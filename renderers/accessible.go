package renderers

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/formwork/formwork/templates"
)

// Accessible is the AccessibleFormRenderer: Django 4.1's div style,
// with templates that go beyond Django's for users of assistive
// technology. Like Django's, its templates are compiled into Go writers
// (the fast path, builtin_gen.go), which print the view model; a
// template its Overlay overrides renders on a theme program or, beyond
// what programs print, the Django template engine (package
// djangoengine). Each choice serves a WCAG 2.2 success
// criterion (templates/accessible/README.md gives the details):
//
//   - Help text and the field's error list have ids (AutoID+"_helptext",
//     AutoID+"_errors") and the widget names them in aria-describedby, so
//     that a screen reader reads them with the control (1.3.1 Info and
//     Relationships, 3.3.1 Error Identification, 3.3.2 Labels or
//     Instructions).
//   - An invalid field's widget carries aria-invalid="true" (3.3.1, 4.1.2
//     Name, Role, Value).
//   - Every grouped control (radio buttons, checkbox lists, multi-part
//     widgets) is a <fieldset> with a <legend>, also in forms without ids;
//     the <legend> has no `for`, which HTML does not allow (1.3.1, 4.1.2).
//   - A bound form with errors starts with an error summary, role="alert",
//     a heading and a list linking each message to its field's first
//     control (3.3.1, 3.3.3 Error Suggestion, 4.1.3 Status Messages,
//     2.4.3 Focus Order).
//   - A required field's label says "(required)" in text as well as the
//     input's required attribute (3.3.2, 1.4.1 Use of Color).
//   - Inputs collecting information about the user get an autocomplete
//     token (AutocompleteToken) unless the widget sets its own (1.3.5
//     Identify Input Purpose, 3.3.7 Redundant Entry, 3.3.8 Accessible
//     Authentication for passwords).
//   - In a form without ids, the label wraps its control, so the control
//     still has an accessible name (1.3.1, 4.1.2).
//   - A multiple selection is a group of checkboxes in a <fieldset>
//     rather than a <select multiple>, whose Ctrl-click many users do not
//     know and whose selected options fail contrast in the browser's
//     colours; the checkboxes submit the same name and values (3.3.2,
//     1.3.1, 2.1.1 Keyboard, 1.4.3 Contrast).
//   - A formset page has one error summary, at its top: the formset's own
//     errors and every form's, each naming its form and linking to its
//     field; each form is a <fieldset> with a legend, "Form 1", ...
//     (3.3.1, 4.1.3, 1.3.1).
//   - In a form without ids, the help text and the error list still get
//     ids made of the field's HTML name, so that aria-describedby links
//     them to the control (1.3.1, 3.3.1).
//   - A field declared with an empty label names its control (or group)
//     with aria-label, from the field's name (4.1.2).
//
// The knowledge the templates need about a field (invalid, the ids to
// describe it by, the widget rendered with extra attributes) comes from
// the bound field's template Object: the keys invalid, helptext_id,
// errors_id, aria_describedby, focus_id, accessible_fieldset and
// accessible_widget.
//
// The zero value is ready to use.  Forms render with
// "django/forms/div.html" and formsets with "django/forms/formsets/div.html";
// the accessible templates override Django's div.html, label.html and
// formsets/div.html, and every other template is Django's.  The texts the
// templates add ("There is a problem", "(required)", "Form 1") are
// translated by the form's translator with the translate tag (see
// TranslatorKey).
type Accessible struct {
	// Overlay holds a theme's templates, found before the accessible ones.
	Overlay fs.FS
	// Reload parses templates on every render (a development mode).
	Reload bool
	// NoFastPath renders every template with the engine (see
	// DjangoTemplates.NoFastPath): the reference the fast path is
	// checked against.
	NoFastPath bool

	once sync.Once
	dt   *DjangoTemplates

	// The fast path: the writers generated from the accessible templates
	// (internal/tmplgen), where Overlay overrides none of them.
	overrides overrides
	fastOnce  sync.Once
	fast      fastInfo
}

// NewAccessible returns an AccessibleFormRenderer.
func NewAccessible() *Accessible { return &Accessible{} }

func (r *Accessible) templates() *DjangoTemplates {
	r.once.Do(func() {
		var overlay fs.FS = templates.Accessible
		if r.Overlay != nil {
			overlay = layerFS{r.Overlay, templates.Accessible}
		}
		r.dt = &DjangoTemplates{
			FormTemplate:    DivFormTemplate,
			FormsetTemplate: DivFormsetTemplate,
			Overlay:         overlay,
			Reload:          r.Reload,
			NoFastPath:      r.NoFastPath,
		}
	})
	return r.dt
}

// Render implements Renderer.
func (r *Accessible) Render(w io.Writer, name string, ctx Context) error {
	return r.templates().Render(w, name, ctx)
}

// FormTemplateName implements Renderer: the div style.
func (r *Accessible) FormTemplateName() string { return DivFormTemplate }

// FormsetTemplateName implements Renderer: the div style.
func (r *Accessible) FormsetTemplateName() string { return DivFormsetTemplate }

// layerFS opens a file from the first layer that has it.
type layerFS []fs.FS

func (l layerFS) Open(name string) (fs.File, error) {
	var first error
	for _, f := range l {
		file, err := f.Open(name)
		if err == nil {
			return file, nil
		}
		if first == nil || !errors.Is(err, fs.ErrNotExist) {
			first = err
		}
	}
	if first == nil {
		first = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, first
}

// AutocompleteToken suggests the HTML autocomplete token of a control
// collecting information about the user (WCAG 2.2 success criterion 1.3.5
// Identify Input Purpose), from its widget type (a bound field's
// widget_type: "email", "url", "password", "text", ...) and its field
// name; "" when nothing sensible can be said.  Email and URL inputs get
// "email" and "url"; password inputs "new-password" when the name says the
// password is new or a confirmation ("new_password", "password1",
// "password2", "confirm_password"), else "current-password"; text inputs
// get a token when their name is a well-known personal field ("name",
// "first_name", "username", "phone", "postcode", ...).  Choice widgets,
// hidden inputs, files and the like get none.
func AutocompleteToken(widgetType, name string) string {
	n := strings.ToLower(nameSeparators.Replace(name))
	switch widgetType {
	case "email":
		return "email"
	case "url":
		return "url"
	case "password":
		if strings.Contains(n, "new") || strings.Contains(n, "confirm") ||
			strings.HasSuffix(n, "1") || strings.HasSuffix(n, "2") {
			return "new-password"
		}
		return "current-password"
	case "text", "textarea":
		return personalTokens[n]
	}
	return ""
}

// nameSeparators makes the separators of a field name underscores.
var nameSeparators = strings.NewReplacer("-", "_", " ", "_")

// personalTokens maps common field names to autocomplete tokens.
var personalTokens = map[string]string{
	"name": "name", "full_name": "name", "fullname": "name", "your_name": "name",
	"first_name": "given-name", "given_name": "given-name", "forename": "given-name",
	"last_name": "family-name", "family_name": "family-name", "surname": "family-name",
	"username": "username", "user_name": "username", "login": "username",
	"email": "email", "email_address": "email",
	"phone": "tel", "telephone": "tel", "tel": "tel", "phone_number": "tel", "mobile": "tel",
	"organization": "organization", "organisation": "organization", "company": "organization",
	"address": "street-address", "street_address": "street-address",
	"city": "address-level2", "town": "address-level2",
	"postcode": "postal-code", "postal_code": "postal-code", "zip": "postal-code", "zip_code": "postal-code",
	"country": "country-name",
	"website": "url", "homepage": "url",
}
