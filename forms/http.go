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

// DefaultMaxMemory is the part of a multipart body BindRequest keeps in
// memory when given no limit: net/http's own default. Larger uploads
// are held in temporary files, which net/http removes when the handler
// returns.
const DefaultMaxMemory = 32 << 20

// BindRequest returns a form of decl bound to what the request submits:
// the body of a POST, PUT or PATCH (URL-encoded or multipart, with its
// uploaded files), or the URL query of other methods (a search form
// sent with GET). maxMemory is how many bytes of a multipart body are
// kept in memory (DefaultMaxMemory when 0 or less); to refuse large
// bodies outright, wrap r.Body in http.MaxBytesReader: the error then
// wraps *http.MaxBytesError.
//
// An error reading or parsing the body is returned, wrapped; the form is
// then nil.
func BindRequest(decl *Declaration, r *http.Request, opts Options, maxMemory int64) (*Form, error) {
	data, files, err := RequestData(r, maxMemory)
	if err != nil {
		return nil, err
	}
	return decl.Bind(data, files, opts), nil
}

// RequestData reads the submitted data and files of a request as
// BindRequest does, for formsets and forms bound by hand.
func RequestData(r *http.Request, maxMemory int64) (url.Values, widgets.Files, error) {
	if r == nil {
		return nil, nil, errors.New("forms: BindRequest needs a request")
	}
	if maxMemory <= 0 {
		maxMemory = DefaultMaxMemory
	}
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
	default:
		return r.URL.Query(), widgets.Files{}, nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "multipart/form-data" {
		if err := r.ParseMultipartForm(maxMemory); err != nil {
			return nil, nil, fmt.Errorf("forms: reading the multipart body of %s %s: %w", r.Method, r.URL.Path, err)
		}
		return r.PostForm, multipartFiles(r), nil
	}
	if err := r.ParseForm(); err != nil {
		return nil, nil, fmt.Errorf("forms: reading the body of %s %s: %w", r.Method, r.URL.Path, err)
	}
	return r.PostForm, widgets.Files{}, nil
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
