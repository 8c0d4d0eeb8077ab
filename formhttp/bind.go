// Package formhttp binds forms to HTTP requests: it reads a request's
// submitted data and files within Django's request limits
// (DATA_UPLOAD_MAX_MEMORY_SIZE, DATA_UPLOAD_MAX_NUMBER_FIELDS,
// DATA_UPLOAD_MAX_NUMBER_FILES, FILE_UPLOAD_MAX_MEMORY_SIZE) and binds a
// form of a declaration to them.
//
// It is separate from package forms so that a program that only declares,
// binds and renders forms does not link net/http and mime/multipart:
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		f, err := formhttp.Bind(contact, r, forms.Options{}, formhttp.Limits{})
//		if err != nil {
//			http.Error(w, "bad request", http.StatusBadRequest) // a limit, or a body that did not read
//			return
//		}
//		...
//	}
package formhttp

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/widgets"
)

// Bind returns a form of decl bound to what the request submits: the
// body of a POST, PUT or PATCH (URL-encoded or multipart, with its
// uploaded files), or the URL query of other methods (a search form sent
// with GET). limits are Django's request limits (its zero value the
// defaults: 2.5 MB of data, 1000 fields, 100 files); a request past one
// is refused with a *RequestTooBigError, *TooManyFieldsError or
// *TooManyFilesError (IsRequestLimit), which a handler answers with 400
// Bad Request. A declaration without a file widget keeps no uploaded
// file (Limits.NoFiles).
//
// An error reading or parsing the body is returned, wrapped; the form is
// then nil.
func Bind(decl *forms.Declaration, r *http.Request, opts forms.Options, limits Limits) (*forms.Form, error) {
	data, files, err := Data(r, declLimits(decl, limits))
	if err != nil {
		return nil, err
	}
	return decl.Bind(data, files, opts), nil
}

// BindTyped returns a form of d bound to what the request submits, within
// limits, as Bind does; its Valid gives the cleaned data as a T.
func BindTyped[T any](d *forms.Typed[T], r *http.Request, opts forms.Options, limits Limits) (*forms.TypedForm[T], error) {
	data, files, err := Data(r, declLimits(d.Declaration, limits))
	if err != nil {
		return nil, err
	}
	return d.Bind(data, files, opts), nil
}

// declLimits is limits with NoFiles set for a declaration that takes no
// file.
func declLimits(decl *forms.Declaration, limits Limits) Limits {
	if !limits.NoFiles && !decl.IsMultipart() {
		limits.NoFiles = true
	}
	return limits
}

// Data reads the submitted data and files of a request as Bind does,
// within limits, for formsets and forms bound by hand.
func Data(r *http.Request, limits Limits) (url.Values, widgets.Files, error) {
	if r == nil {
		return nil, nil, errors.New("formhttp: Bind needs a request")
	}
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
	default:
		q, err := parseQueryLimited(r.URL.RawQuery, limits)
		if IsRequestLimit(err) {
			return nil, nil, fmt.Errorf("formhttp: reading the query of %s %s: %w", r.Method, r.URL.Path, err)
		}
		// A malformed pair is dropped, as r.URL.Query() does.
		return q, widgets.Files{}, nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := readMultipart(r, limits); err != nil {
			return nil, nil, fmt.Errorf("formhttp: reading the multipart body of %s %s: %w", r.Method, r.URL.Path, err)
		}
		return r.PostForm, multipartFiles(r), nil
	case "application/x-www-form-urlencoded":
		v, err := readURLEncoded(r, limits)
		if err != nil {
			return nil, nil, fmt.Errorf("formhttp: reading the body of %s %s: %w", r.Method, r.URL.Path, err)
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
						return nil, fmt.Errorf("formhttp: opening upload %q: %w", fh.Filename, err)
					}
					return f, nil
				},
			})
		}
	}
	return files
}
