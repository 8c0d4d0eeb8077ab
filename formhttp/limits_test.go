package formhttp_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
)

var textDecl = forms.MustDeclare(forms.Named("title", forms.NewCharField()))

func urlencoded(body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/f", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

func manyFields(n int) string {
	v := url.Values{}
	for i := range n {
		v.Set(fmt.Sprintf("f%d", i), "x")
	}
	return v.Encode()
}

// multipartFiles builds a multipart POST with n small files under "doc".
func multipartWithFiles(t *testing.T, n int) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("title", "t")
	for i := range n {
		w, err := mw.CreateFormFile("doc", fmt.Sprintf("f%d.txt", i))
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("content"))
	}
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, "/upload", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

// TestLimits: Django's DATA_UPLOAD_MAX_MEMORY_SIZE,
// DATA_UPLOAD_MAX_NUMBER_FIELDS and DATA_UPLOAD_MAX_NUMBER_FILES, on by
// default, each refused with its own error type.
func TestLimits(t *testing.T) {
	tooBig := func(err error) bool { var e *formhttp.RequestTooBigError; return errors.As(err, &e) }
	tooManyFields := func(err error) bool { var e *formhttp.TooManyFieldsError; return errors.As(err, &e) }
	tooManyFiles := func(err error) bool { var e *formhttp.TooManyFilesError; return errors.As(err, &e) }
	tests := []struct {
		name   string
		decl   *forms.Declaration
		req    func(t *testing.T) *http.Request
		limits formhttp.Limits
		want   func(error) bool // nil: binds
	}{
		{"2.5 MB of data binds", textDecl, func(*testing.T) *http.Request {
			return urlencoded("title=" + strings.Repeat("x", formhttp.DefaultMaxMemory-len("title=")))
		}, formhttp.Limits{}, nil},
		{"one byte more is refused", textDecl, func(*testing.T) *http.Request {
			return urlencoded("title=" + strings.Repeat("x", formhttp.DefaultMaxMemory-len("title=")+1))
		}, formhttp.Limits{}, tooBig},
		{"without a Content-Length too", textDecl, func(*testing.T) *http.Request {
			r := urlencoded("title=" + strings.Repeat("x", 3<<20))
			r.ContentLength = -1
			return r
		}, formhttp.Limits{}, tooBig},
		{"MaxMemory overrides", textDecl, func(*testing.T) *http.Request { return urlencoded("title=12345") },
			formhttp.Limits{MaxMemory: 8}, tooBig},
		{"negative MaxMemory is no limit", textDecl, func(*testing.T) *http.Request {
			return urlencoded("title=" + strings.Repeat("x", 3<<20))
		}, formhttp.Limits{MaxMemory: -1}, nil},
		{"1000 fields bind", textDecl, func(*testing.T) *http.Request { return urlencoded(manyFields(1000)) }, formhttp.Limits{}, nil},
		{"1001 fields are refused", textDecl, func(*testing.T) *http.Request { return urlencoded(manyFields(1001)) }, formhttp.Limits{}, tooManyFields},
		{"in a query too", textDecl, func(*testing.T) *http.Request {
			return httptest.NewRequest(http.MethodGet, "/?"+manyFields(1001), nil)
		}, formhttp.Limits{}, tooManyFields},
		{"MaxFields overrides", textDecl, func(*testing.T) *http.Request { return urlencoded(manyFields(3)) },
			formhttp.Limits{MaxFields: 2}, tooManyFields},
		{"multipart fields count", textDecl, func(t *testing.T) *http.Request {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			for i := range 1001 {
				mw.WriteField(fmt.Sprintf("f%d", i), "x")
			}
			mw.Close()
			r := httptest.NewRequest(http.MethodPost, "/", &body)
			r.Header.Set("Content-Type", mw.FormDataContentType())
			return r
		}, formhttp.Limits{}, tooManyFields},
		{"multipart field data counts", textDecl, func(t *testing.T) *http.Request {
			return multipartRequest(t, map[string]string{"title": strings.Repeat("x", 3<<20)}, "", "", nil)
		}, formhttp.Limits{}, tooBig},
		{"100 files bind", uploadDecl, func(t *testing.T) *http.Request { return multipartWithFiles(t, 100) }, formhttp.Limits{}, nil},
		{"101 files are refused", uploadDecl, func(t *testing.T) *http.Request { return multipartWithFiles(t, 101) }, formhttp.Limits{}, tooManyFiles},
		{"MaxFiles overrides", uploadDecl, func(t *testing.T) *http.Request { return multipartWithFiles(t, 2) }, formhttp.Limits{MaxFiles: 1}, tooManyFiles},
		{"file contents do not count toward MaxMemory", uploadDecl, func(t *testing.T) *http.Request {
			return multipartRequest(t, map[string]string{"title": "t"}, "doc", "big.bin", bytes.Repeat([]byte("x"), 3<<20))
		}, formhttp.Limits{}, nil},
		{"unless the form takes no file", textDecl, func(t *testing.T) *http.Request {
			return multipartRequest(t, map[string]string{"title": "t"}, "doc", "big.bin", bytes.Repeat([]byte("x"), 3<<20))
		}, formhttp.Limits{}, tooBig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.req(t)
			f, err := formhttp.Bind(tt.decl, r, forms.Options{}, tt.limits)
			if r.MultipartForm != nil {
				defer r.MultipartForm.RemoveAll()
			}
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Bind: %v", err)
				}
				if !f.IsBound() {
					t.Fatal("not bound")
				}
				return
			}
			if !tt.want(err) {
				t.Fatalf("error %v (%T) is not the limit's", err, errors.Unwrap(err))
			}
			if !formhttp.IsRequestLimit(err) || f != nil {
				t.Errorf("IsRequestLimit(%v) false or a form returned", err)
			}
			if !strings.Contains(err.Error(), "Django's DATA_UPLOAD_MAX_") {
				t.Errorf("error %q does not name the setting", err)
			}
		})
	}
}

// endlessUpload is a multipart body with one file part of size bytes,
// made as it is read, counting what was read.
type endlessUpload struct {
	head, tail []byte
	left, read int64
}

func (u *endlessUpload) Read(p []byte) (int, error) {
	n := 0
	if len(u.head) > 0 {
		n = copy(p, u.head)
		u.head = u.head[n:]
	} else if u.left > 0 {
		k := int64(len(p))
		if k > u.left {
			k = u.left
		}
		for i := range p[:k] {
			p[i] = 'x'
		}
		u.left -= k
		n = int(k)
	} else if len(u.tail) > 0 {
		n = copy(p, u.tail)
		u.tail = u.tail[n:]
	} else {
		return 0, io.EOF
	}
	u.read += int64(n)
	return n, nil
}

// TestNoFileFieldUpload posts 300 MB to a form without a file field: it
// is refused once MaxMemory is spent, and nothing is written to disk
// (net/http's ParseMultipartForm spooled all of it to temporary files).
func TestNoFileFieldUpload(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	const size = 300 << 20
	boundary := "xyzzy"
	u := &endlessUpload{
		head: []byte("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--" + boundary +
			"\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
		tail: []byte("\r\n--" + boundary + "--\r\n"),
		left: size,
	}
	r := httptest.NewRequest(http.MethodPost, "/contact", u)
	r.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
	_, err := formhttp.Bind(textDecl, r, forms.Options{}, formhttp.Limits{})
	var tb *formhttp.RequestTooBigError
	if !errors.As(err, &tb) {
		t.Fatalf("error %v, want a RequestTooBigError", err)
	}
	if u.read > 2*formhttp.DefaultMaxMemory {
		t.Errorf("read %d MB of the upload before refusing it", u.read>>20)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
		t.Errorf("%d temporary files written", len(ents))
	}
}

// TestMalformedQuery: a GET whose query has a malformed pair binds the
// rest, as r.URL.Query() did.
func TestMalformedQuery(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/?title=ok&bad=%zz", nil)
	f, err := formhttp.Bind(textDecl, r, forms.Options{}, formhttp.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Data().Get("title"); got != "ok" {
		t.Errorf("title %q", got)
	}
}

// multipartBody builds a multipart POST of the given fields (name, value)
// and n small files under "doc".
func multipartBody(t *testing.T, fields [][2]string, files int) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			t.Fatal(err)
		}
	}
	for i := range files {
		w, err := mw.CreateFormFile("doc", fmt.Sprintf("f%d.txt", i))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "content %d", i)
	}
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, "/f", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

// TestMultipartOnlyLimits: Limits are the only limits a multipart body
// meets. net/http's multipart parser refuses a form of more than 1000
// parts (GODEBUG multipartmaxparts) or 10 MB of values whatever the
// limits allow; Bind does not, and still refuses past each limit with its
// own error.
func TestMultipartOnlyLimits(t *testing.T) {
	var fields [][2]string
	fields = append(fields, [2]string{"title", "t"})
	for i := range 2000 {
		fields = append(fields, [2]string{fmt.Sprintf("f%d", i), "x"})
	}
	f, err := formhttp.Bind(textDecl, multipartBody(t, fields, 0), forms.Options{}, formhttp.Limits{MaxFields: 5000})
	if err != nil {
		t.Fatalf("2001 fields with MaxFields 5000: %v", err)
	}
	if !f.IsValid() || f.CleanedData()["title"] != "t" {
		t.Errorf("2001 fields: valid %v, errors %v", f.IsValid(), f.Errors())
	}
	_, err = formhttp.Bind(textDecl, multipartBody(t, fields, 0), forms.Options{}, formhttp.Limits{MaxFields: 2000})
	if e := (*formhttp.TooManyFieldsError)(nil); !errors.As(err, &e) || e.Limit != 2000 {
		t.Errorf("2001 fields with MaxFields 2000: error %v, want a *TooManyFieldsError", err)
	}

	// 1500 files, allowed by MaxFiles, each readable afterwards.
	upload := forms.MustDeclare(forms.Named("title", forms.NewCharField()), forms.Named("doc", forms.NewFileField()))
	r := multipartBody(t, [][2]string{{"title", "t"}}, 1500)
	data, files, err := formhttp.Data(r, formhttp.Limits{MaxFiles: 2000})
	if err != nil {
		t.Fatalf("1500 files with MaxFiles 2000: %v", err)
	}
	defer r.MultipartForm.RemoveAll()
	if len(files["doc"]) != 1500 || data.Get("title") != "t" {
		t.Fatalf("got %d files, title %q", len(files["doc"]), data.Get("title"))
	}
	rc, err := files["doc"][1499].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if string(got) != "content 1499" || files["doc"][1499].Name != "f1499.txt" {
		t.Errorf("file 1499: %q named %q", got, files["doc"][1499].Name)
	}
	if _, err := formhttp.Bind(upload, multipartBody(t, nil, 1500), forms.Options{}, formhttp.Limits{MaxFiles: 1000}); !formhttp.IsRequestLimit(err) {
		t.Errorf("1500 files with MaxFiles 1000: error %v, want a *TooManyFilesError", err)
	}

	// 11 MB of one value, allowed by MaxMemory.
	big := strings.Repeat("x", 11<<20)
	f, err = formhttp.Bind(textDecl, multipartBody(t, [][2]string{{"title", "t"}, {"notes", big}}, 0), forms.Options{}, formhttp.Limits{MaxMemory: 12 << 20})
	if err != nil {
		t.Fatalf("an 11 MB value with MaxMemory 12 MB: %v", err)
	}
	if f.Data().Get("notes") != big {
		t.Errorf("the 11 MB value came back as %d bytes", len(f.Data().Get("notes")))
	}
	_, err = formhttp.Bind(textDecl, multipartBody(t, [][2]string{{"notes", big}}, 0), forms.Options{}, formhttp.Limits{MaxMemory: 10 << 20})
	if e := (*formhttp.RequestTooBigError)(nil); !errors.As(err, &e) {
		t.Errorf("an 11 MB value with MaxMemory 10 MB: error %v, want a *RequestTooBigError", err)
	}
}
