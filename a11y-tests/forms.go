package a11y

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/formwork/formwork/forms"
)

// FormPage renders f with its own template (f.Render) and wraps the result
// in a complete page titled title (see FullPage and WrapForm), ready for
// Check.  Render several forms with FormPage and check them in one Check
// call: the checkers start once per call.
func FormPage(title string, f *forms.Form) (Page, error) {
	if f == nil {
		return Page{}, fmt.Errorf("a11y: form page %q: nil form", title)
	}
	h, err := f.Render()
	if err != nil {
		return Page{}, fmt.Errorf("a11y: rendering form page %q: %w", title, err)
	}
	return Page{Name: title, HTML: FullPage(title, "en", WrapForm(f.TemplateName(), string(h)))}, nil
}

// CheckForm renders f into a complete page (FormPage) and checks it with
// every checker (Check).  It is the one-call check for an application's
// form; the Summary says how many violations of which rules were found.
func CheckForm(ctx context.Context, title string, f *forms.Form) (Summary, []Violation, error) {
	p, err := FormPage(title, f)
	if err != nil {
		return Summary{}, nil, err
	}
	return Check(ctx, []Page{p})
}

// WrapForm returns a form's HTML as it must appear inside a <form>: the
// table style (templates named table.html, and Django's default.html,
// which includes it) renders rows only and is wrapped in a <table>, the
// ul style renders list items and is wrapped in a <ul>, as Django's
// documentation asks of the page author; formset templates of the same
// names likewise.  Other styles are returned as they are.
func WrapForm(templateName, formHTML string) string {
	if !strings.HasPrefix(templateName, "django/forms/") {
		return formHTML
	}
	switch path.Base(templateName) {
	case "table.html", "default.html":
		return "<table>\n" + formHTML + "\n</table>"
	case "ul.html":
		return "<ul>\n" + formHTML + "\n</ul>"
	}
	return formHTML
}
