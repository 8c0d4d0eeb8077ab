package forms

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// BindRequest returns a form of decl bound to what the request submits:
// the body of a POST, PUT or PATCH (URL-encoded or multipart, with its
// uploaded files), or the URL query of other methods (a search form
// sent with GET). limits are Django's request limits (its zero value the
// defaults: 2.5 MB of data, 1000 fields, 100 files); a request past one
// is refused with a *RequestTooBigError, *TooManyFieldsError or
// *TooManyFilesError (IsRequestLimit), which a handler answers with 400
// Bad Request. A declaration without a file widget keeps no uploaded
// file (RequestLimits.NoFiles).
//
// An error reading or parsing the body is returned, wrapped; the form is
// then nil.
func BindRequest(decl *Declaration, r *http.Request, opts Options, limits RequestLimits) (*Form, error) {
	if !limits.NoFiles && !decl.takesFiles() {
		limits.NoFiles = true
	}
	data, files, err := RequestData(r, limits)
	if err != nil {
		return nil, err
	}
	return decl.Bind(data, files, opts), nil
}

// takesFiles reports whether a field of d renders a file input.
func (d *Declaration) takesFiles() bool {
	if d.index == nil {
		d.Prepare()
	}
	for _, nf := range d.Fields {
		if widgets.NeedsMultipart(nf.Field.Core().widget) {
			return true
		}
	}
	return false
}

// RequestData reads the submitted data and files of a request as
// BindRequest does, within limits, for formsets and forms bound by hand.
func RequestData(r *http.Request, limits RequestLimits) (url.Values, widgets.Files, error) {
	if r == nil {
		return nil, nil, errors.New("forms: BindRequest needs a request")
	}
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
	default:
		q, err := parseQueryLimited(r.URL.RawQuery, limits)
		if IsRequestLimit(err) {
			return nil, nil, fmt.Errorf("forms: reading the query of %s %s: %w", r.Method, r.URL.Path, err)
		}
		// A malformed pair is dropped, as r.URL.Query() does.
		return q, widgets.Files{}, nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := readMultipart(r, limits); err != nil {
			return nil, nil, fmt.Errorf("forms: reading the multipart body of %s %s: %w", r.Method, r.URL.Path, err)
		}
		return r.PostForm, multipartFiles(r), nil
	case "application/x-www-form-urlencoded":
		v, err := readURLEncoded(r, limits)
		if err != nil {
			return nil, nil, fmt.Errorf("forms: reading the body of %s %s: %w", r.Method, r.URL.Path, err)
		}
		r.PostForm = v
		return v, widgets.Files{}, nil
	}
	// Another content type submits no form data (Django's request.POST
	// is empty then).
	return url.Values{}, widgets.Files{}, nil
}

// multipartFiles turns the request's file parts into uploaded files.
func multipartFiles(r *http.Request) widgets.Files {
	files := widgets.Files{}
	if r.MultipartForm == nil {
		return files
	}
	for name, headers := range r.MultipartForm.File {
		for _, fh := range headers {
			ctype := fh.Header.Get("Content-Type")
			if ctype == "" {
				ctype = "application/octet-stream"
			}
			files[name] = append(files[name], &widgets.UploadedFile{
				Name:        widgets.TruncateFileName(fh.Filename), // multipart keeps only the base name
				Size:        fh.Size,
				ContentType: ctype,
				Open: func() (io.ReadCloser, error) {
					f, err := fh.Open()
					if err != nil {
						return nil, fmt.Errorf("forms: opening upload %q: %w", fh.Filename, err)
					}
					return f, nil
				},
			})
		}
	}
	return files
}

// TemplateHTML renders the form with its template for an html/template
// page: {{ .Form.TemplateHTML }} writes the form's markup unescaped, and a
// rendering error stops the page's execution with that error.
func (f *Form) TemplateHTML() (template.HTML, error) {
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
// form that fails to render leaves w untouched and the error can become
// a proper error page.
func ExecuteTemplate(w io.Writer, t *template.Template, name string, data any) error {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("forms: page template %q: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}
