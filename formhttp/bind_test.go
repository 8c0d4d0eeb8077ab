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
	"strings"
	"testing"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
)

var uploadDecl = forms.MustDeclare(
	forms.Named("title", &forms.CharField{MaxLength: 20}),
	forms.Named("doc", &forms.FileField{}),
)

// multipartRequest builds a POST with the fields and one file.
func multipartRequest(t *testing.T, fields map[string]string, fileField, fileName string, content []byte) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if fileField != "" {
		w, err := mw.CreateFormFile(fileField, fileName)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, "/upload", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

func TestBind(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789"), 10_000) // 100 kB
	tests := []struct {
		name      string
		req       func(t *testing.T) *http.Request
		maxMemory int64
		valid     bool
		errs      []string // fields with errors
		fileSize  int64
		err       bool // Bind itself fails
	}{
		{"urlencoded", func(t *testing.T) *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(url.Values{"title": {"Hello"}}.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}, 0, false, []string{"doc"}, 0, false},
		{"multipart with a file", func(t *testing.T) *http.Request {
			return multipartRequest(t, map[string]string{"title": "Report"}, "doc", "report.txt", []byte("hello world"))
		}, 0, true, nil, 11, false},
		{"multipart, file beyond the memory limit goes to disk", func(t *testing.T) *http.Request {
			return multipartRequest(t, map[string]string{"title": "Big"}, "doc", "big.bin", big)
		}, 1024, true, nil, int64(len(big)), false},
		{"multipart, empty file", func(t *testing.T) *http.Request {
			return multipartRequest(t, map[string]string{"title": "Empty"}, "doc", "empty.txt", nil)
		}, 0, false, []string{"doc"}, 0, false},
		{"multipart, title too long", func(t *testing.T) *http.Request {
			return multipartRequest(t, map[string]string{"title": strings.Repeat("x", 21)}, "doc", "a.txt", []byte("a"))
		}, 0, false, []string{"title"}, 1, false},
		{"GET binds the query", func(t *testing.T) *http.Request {
			return httptest.NewRequest(http.MethodGet, "/?title=Hi", nil)
		}, 0, false, []string{"doc"}, 0, false},
		{"body over MaxBytesReader", func(t *testing.T) *http.Request {
			r := multipartRequest(t, map[string]string{"title": "Big"}, "doc", "big.bin", big)
			r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 4096)
			return r
		}, 1024, false, nil, 0, true},
		{"broken multipart", func(t *testing.T) *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("--nope\r\n"))
			r.Header.Set("Content-Type", "multipart/form-data; boundary=xyz")
			return r
		}, 0, false, nil, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.req(t)
			f, err := formhttp.Bind(uploadDecl, r, forms.Options{}, formhttp.Limits{FileMemory: tt.maxMemory})
			if r.MultipartForm != nil {
				defer r.MultipartForm.RemoveAll()
			}
			if tt.err {
				if err == nil {
					t.Fatal("want an error")
				}
				if !strings.Contains(err.Error(), "/") || !strings.HasPrefix(err.Error(), "formhttp: ") {
					t.Errorf("error %q does not say what was read", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !f.IsBound() || f.IsValid() != tt.valid {
				t.Fatalf("bound %v valid %v, want valid %v; errors %v", f.IsBound(), f.IsValid(), tt.valid, f.Errors().JSON())
			}
			if got := f.Errors().Keys(); fmt.Sprint(got) != fmt.Sprint(tt.errs) && !(len(got) == 0 && len(tt.errs) == 0) {
				t.Errorf("errors on %v, want %v", got, tt.errs)
			}
			if tt.fileSize == 0 {
				return
			}
			up := f.Files().Get("doc")
			if up == nil || up.Size != tt.fileSize {
				t.Fatalf("upload %+v, want size %d", up, tt.fileSize)
			}
			rc, err := up.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			if int64(len(b)) != tt.fileSize {
				t.Errorf("read %d bytes, want %d", len(b), tt.fileSize)
			}
		})
	}
}

func TestBindMaxBytesError(t *testing.T) {
	r := multipartRequest(t, map[string]string{"title": "Big"}, "doc", "big.bin", bytes.Repeat([]byte("x"), 10_000))
	r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 100)
	_, err := formhttp.Bind(uploadDecl, r, forms.Options{}, formhttp.Limits{})
	var mbe *http.MaxBytesError
	if !errors.As(err, &mbe) {
		t.Fatalf("error %v does not wrap *http.MaxBytesError", err)
	}
}

// Bind binds a form to what a request submits; a handler then
// checks IsValid.
func ExampleBind() {
	contact := forms.MustDeclare(
		forms.Named("name", &forms.CharField{MaxLength: 40}),
		forms.Named("email", &forms.EmailField{}),
	)
	handler := func(w http.ResponseWriter, r *http.Request) {
		f, err := formhttp.Bind(contact, r, forms.Options{}, formhttp.Limits{})
		if err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if !f.IsValid() {
			w.WriteHeader(http.StatusUnprocessableEntity)
			fmt.Fprintln(w, f.Errors().Get("email").Messages())
			return
		}
		name, _ := forms.Cleaned[string](f, "name")
		fmt.Fprintln(w, "thanks,", name)
	}
	for _, body := range []string{"name=Ann&email=nope", "name=Ann&email=ann@example.com"} {
		r := httptest.NewRequest(http.MethodPost, "/contact", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		handler(w, r)
		fmt.Print(w.Code, " ", w.Body.String())
	}
	// Output:
	// 422 [Enter a valid email address.]
	// 200 thanks, Ann
}
