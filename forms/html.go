package forms

import (
	"bytes"
	"fmt"
	"html/template"
	"io"

	"github.com/formwork/formwork/renderers"
)

// HTML renders the form with its template for an html/template page:
// {{.Form.HTML}} writes the form's markup unescaped (html/template trusts
// only its own template.HTML, so {{.Form}} would show the markup escaped).
// A rendering error stops the page's execution with that error; run the
// page with ExecuteTemplate so that nothing of it is written then and
// the handler gets the error.
func (f *Form) HTML() (template.HTML, error) {
	h, err := f.Render()
	if err != nil {
		return "", err
	}
	return template.HTML(h), nil
}

// WriteTo renders the form with its template and writes it to w: it
// implements io.WriterTo. Nothing is written when rendering fails.
func (f *Form) WriteTo(w io.Writer) (int64, error) {
	h, err := f.Render()
	if err != nil {
		return 0, err
	}
	n, err := io.WriteString(w, string(h))
	return int64(n), err
}

// Renderable is anything that renders itself as HTML with formwork's
// renderers: a form, a formset, an error list, a bound field.
type Renderable interface {
	Render() (renderers.HTML, error)
}

// TemplateFuncs returns functions for html/template pages:
//
//	{{ formhtml .Form }}     the form (or formset) with its template
//	{{ formhtml .Formset }}
//	{{ formstyle "div" .Form }} the form in one style: div, p, table, ul
//
// Both return template.HTML, and fail the page with the rendering error.
func TemplateFuncs() template.FuncMap {
	return template.FuncMap{
		"formhtml": func(v any) (template.HTML, error) {
			switch x := v.(type) {
			case Renderable:
				h, err := x.Render()
				return template.HTML(h), err
			case interface {
				HTML() (renderers.HTML, error)
			}:
				h, err := x.HTML()
				return template.HTML(h), err
			}
			return "", fmt.Errorf("formhtml: cannot render a %T", v)
		},
		"formstyle": func(style string, f *Form) (template.HTML, error) {
			var m func() (renderers.HTML, error)
			switch style {
			case "div":
				m = f.AsDiv
			case "p":
				m = f.AsP
			case "table":
				m = f.AsTable
			case "ul":
				m = f.AsUL
			default:
				return "", fmt.Errorf("formstyle: unknown style %q (want div, p, table or ul)", style)
			}
			h, err := m()
			return template.HTML(h), err
		},
	}
}

// ExecuteTemplate runs a page template into a buffer first, so that a
// form that fails to render leaves w untouched and the error reaches the
// handler, which can then answer with a proper error page:
//
//	if err := forms.ExecuteTemplate(w, page, "signup", data); err != nil {
//		log.Print(err)
//		http.Error(w, "internal error", http.StatusInternalServerError)
//	}
func ExecuteTemplate(w io.Writer, t *template.Template, name string, data any) error {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("forms: page template %q: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}
