package formhttp

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
)

// Django's request limits, which Bind and Data apply when Limits leaves
// them zero.
const (
	// DefaultMaxMemory is DATA_UPLOAD_MAX_MEMORY_SIZE: 2.5 MB of
	// submitted data, file contents not counted.
	DefaultMaxMemory = 2621440
	// DefaultMaxFields is DATA_UPLOAD_MAX_NUMBER_FIELDS.
	DefaultMaxFields = 1000
	// DefaultMaxFiles is DATA_UPLOAD_MAX_NUMBER_FILES.
	DefaultMaxFiles = 100
	// DefaultFileMemory is FILE_UPLOAD_MAX_MEMORY_SIZE: the part of
	// the uploaded files kept in memory; the rest goes to temporary
	// files, which net/http removes when the handler returns.
	DefaultFileMemory = 2621440
)

// Limits are the limits Bind and Data put on a request, Django's
// settings of the same purpose. The zero value is Django's defaults; a
// negative number turns a limit off (Django's None).
// These are the only limits a request meets: net/http's multipart
// parser and its limits (1000 parts, 10 MB of values) are not in the way.
type Limits struct {
	// MaxMemory bounds the bytes of submitted data: the whole body of
	// a URL-encoded request, the names and values of a multipart one's
	// fields (DATA_UPLOAD_MAX_MEMORY_SIZE, DefaultMaxMemory).
	MaxMemory int64
	// MaxFields bounds the number of fields, in a body or a query
	// (DATA_UPLOAD_MAX_NUMBER_FIELDS, DefaultMaxFields).
	MaxFields int
	// MaxFiles bounds the number of uploaded files
	// (DATA_UPLOAD_MAX_NUMBER_FILES, DefaultMaxFiles).
	MaxFiles int
	// FileMemory is how much of the uploaded files is kept in memory
	// before the rest is written to temporary files
	// (FILE_UPLOAD_MAX_MEMORY_SIZE, DefaultFileMemory).
	FileMemory int64
	// NoFiles says the form has no file field: uploaded files are then
	// neither kept nor written anywhere, and their contents count
	// toward MaxMemory, so that a large upload to a form that takes
	// none is refused early. Bind sets it for a declaration without a
	// file widget.
	NoFiles bool
}

func (l Limits) maxMemory() int64  { return orDefault64(l.MaxMemory, DefaultMaxMemory) }
func (l Limits) fileMemory() int64 { return orDefault64(l.FileMemory, DefaultFileMemory) }
func (l Limits) maxFields() int    { return int(orDefault64(int64(l.MaxFields), DefaultMaxFields)) }
func (l Limits) maxFiles() int     { return int(orDefault64(int64(l.MaxFiles), DefaultMaxFiles)) }

// orDefault64 is n, def for 0, and -1 (no limit) for a negative n.
func orDefault64(n, def int64) int64 {
	switch {
	case n == 0:
		return def
	case n < 0:
		return -1
	}
	return n
}

// RequestTooBigError refuses a request whose data exceeds MaxMemory:
// Django's RequestDataTooBig, a 400.
type RequestTooBigError struct{ Limit int64 }

func (e *RequestTooBigError) Error() string {
	return fmt.Sprintf("request data exceeded %d bytes (Limits.MaxMemory, Django's DATA_UPLOAD_MAX_MEMORY_SIZE)", e.Limit)
}

// TooManyFieldsError refuses a request with more than MaxFields fields:
// Django's TooManyFieldsSent, a 400.
type TooManyFieldsError struct{ Limit int }

func (e *TooManyFieldsError) Error() string {
	return fmt.Sprintf("the number of fields exceeded %d (Limits.MaxFields, Django's DATA_UPLOAD_MAX_NUMBER_FIELDS)", e.Limit)
}

// TooManyFilesError refuses a request with more than MaxFiles files:
// Django's TooManyFilesSent, a 400.
type TooManyFilesError struct{ Limit int }

func (e *TooManyFilesError) Error() string {
	return fmt.Sprintf("the number of files exceeded %d (Limits.MaxFiles, Django's DATA_UPLOAD_MAX_NUMBER_FILES)", e.Limit)
}

// IsRequestLimit reports whether err is one of the request limits'
// errors, which a handler answers with 400 Bad Request.
func IsRequestLimit(err error) bool {
	var a *RequestTooBigError
	var b *TooManyFieldsError
	var c *TooManyFilesError
	return errors.As(err, &a) || errors.As(err, &b) || errors.As(err, &c)
}

// parseQueryLimited is url.ParseQuery with Python's parse_qsl field
// count (1 + the number of '&'), checked before anything is decoded.
func parseQueryLimited(q string, l Limits) (url.Values, error) {
	if max := l.maxFields(); max >= 0 && q != "" && strings.Count(q, "&")+1 > max {
		return nil, &TooManyFieldsError{Limit: max}
	}
	return url.ParseQuery(q)
}

// readURLEncoded reads a URL-encoded body of at most MaxMemory bytes.
func readURLEncoded(r *http.Request, l Limits) (url.Values, error) {
	max := l.maxMemory()
	if max >= 0 && r.ContentLength > max {
		return nil, &RequestTooBigError{Limit: max}
	}
	var body io.Reader = r.Body
	if max >= 0 {
		body = io.LimitReader(r.Body, max+1)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	if max >= 0 && int64(len(b)) > max {
		return nil, &RequestTooBigError{Limit: max}
	}
	return parseQueryLimited(string(b), l)
}

// readMultipart parses a multipart body with the limits checked part by
// part as it arrives, so that MaxMemory, MaxFields and MaxFiles are the
// only limits a request meets (net/http's own multipart parser stops at
// 1000 parts and 10 MB of values, whatever the form allows). Field values
// are kept in memory; each file is kept as net/http keeps one, in memory
// while FileMemory lasts and in a temporary file after, which the server
// removes when the handler returns (r.MultipartForm). A limit exceeded
// stops the body there: nothing past it is read or written.
func readMultipart(r *http.Request, l Limits) error {
	mr, err := r.MultipartReader()
	if err != nil {
		return err
	}
	form := &multipart.Form{Value: map[string][]string{}, File: map[string][]*multipart.FileHeader{}}
	if err := readParts(mr, form, l); err != nil {
		form.RemoveAll()
		return err
	}
	r.MultipartForm = form
	r.PostForm = url.Values(form.Value)
	return nil
}

// readParts reads the parts of mr into form, returning the first limit
// exceeded or reading error.
func readParts(mr *multipart.Reader, form *multipart.Form, l Limits) error {
	budget, maxFields, maxFiles := l.maxMemory(), l.maxFields(), l.maxFiles()
	fileMemory := l.fileMemory()
	fields, files := 0, 0
	spend := func(n int64) error {
		if budget < 0 {
			return nil
		}
		budget -= n
		if budget < 0 {
			return &RequestTooBigError{Limit: l.maxMemory()}
		}
		return nil
	}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := p.FormName()
		if name == "" {
			p.Close()
			continue
		}
		isFile := p.FileName() != ""
		if isFile {
			files++
			if maxFiles >= 0 && files > maxFiles {
				return &TooManyFilesError{Limit: maxFiles}
			}
		} else {
			fields++
			if maxFields >= 0 && fields > maxFields {
				return &TooManyFieldsError{Limit: maxFields}
			}
			if err := spend(int64(len(name)) + 2); err != nil { // as Django counts
				return err
			}
		}
		if isFile && !l.NoFiles {
			fh, err := storeFile(p, max(fileMemory, 0))
			if err != nil {
				return err
			}
			form.File[name] = append(form.File[name], fh)
			if fileMemory >= 0 {
				fileMemory -= fh.Size
			}
			continue
		}
		// A field's value, or a file no field takes: counted, at most the
		// budget read.
		var b strings.Builder
		var w io.Writer = &b
		if isFile {
			w = io.Discard
		}
		var src io.Reader = p
		if budget >= 0 {
			src = io.LimitReader(p, budget+1)
		}
		n, err := io.Copy(w, src)
		if err != nil {
			return err
		}
		if err := spend(n); err != nil {
			return err
		}
		if !isFile {
			form.Value[name] = append(form.Value[name], b.String())
		}
	}
}

// storeFile keeps one uploaded file as net/http's multipart parser keeps
// it, in memory up to memory bytes and in a temporary file past them: the
// part alone is handed to that parser, so that its FileHeader opens the
// file as usual.
func storeFile(p *multipart.Part, memory int64) (*multipart.FileHeader, error) {
	pr, pw := io.Pipe()
	w := multipart.NewWriter(pw)
	copied := make(chan error, 1)
	go func() {
		part, err := w.CreatePart(p.Header)
		if err == nil {
			_, err = io.Copy(part, p)
		}
		if err == nil {
			err = w.Close()
		}
		pw.CloseWithError(err)
		copied <- err
	}()
	form, err := multipart.NewReader(pr, w.Boundary()).ReadForm(memory)
	pr.CloseWithError(io.ErrClosedPipe) // stops the copy if ReadForm gave up first
	if cerr := <-copied; cerr != nil && cerr != io.ErrClosedPipe {
		err = cerr // the client's body failed
	}
	if err != nil {
		if form != nil {
			form.RemoveAll()
		}
		return nil, err
	}
	for _, fhs := range form.File {
		if len(fhs) == 1 {
			return fhs[0], nil
		}
	}
	form.RemoveAll()
	return nil, errors.New("formhttp: an uploaded file was lost in parsing")
}
