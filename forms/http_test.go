package forms_test

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
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

func TestBindRequest(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789"), 10_000) // 100 kB
	tests := []struct {
		name      string
		req       func(t *testing.T) *http.Request
		maxMemory int64
		valid     bool
		errs      []string // fields with errors
		fileSize  int64
		err       bool // BindRequest itself fails
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
			f, err := forms.BindRequest(uploadDecl, r, forms.Options{}, forms.RequestLimits{FileMemory: tt.maxMemory})
			if r.MultipartForm != nil {
				defer r.MultipartForm.RemoveAll()
			}
			if tt.err {
				if err == nil {
					t.Fatal("want an error")
				}
				if !strings.Contains(err.Error(), "/") || !strings.HasPrefix(err.Error(), "forms: ") {
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

func TestBindRequestMaxBytesError(t *testing.T) {
	r := multipartRequest(t, map[string]string{"title": "Big"}, "doc", "big.bin", bytes.Repeat([]byte("x"), 10_000))
	r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 100)
	_, err := forms.BindRequest(uploadDecl, r, forms.Options{}, forms.RequestLimits{})
	var mbe *http.MaxBytesError
	if !errors.As(err, &mbe) {
		t.Fatalf("error %v does not wrap *http.MaxBytesError", err)
	}
}

func TestTemplateHTMLAndWriteTo(t *testing.T) {
	f := uploadDecl.New(forms.Options{Renderer: renderers.NewDjangoDivFormRenderer()})
	page := template.Must(template.New("page").Funcs(forms.TemplateFuncs()).Parse(
		`<form>{{ .HTML }}</form>|{{ formhtml . }}|{{ formstyle "p" . }}`))
	var buf bytes.Buffer
	if err := forms.ExecuteTemplate(&buf, page, "page", f); err != nil {
		t.Fatal(err)
	}
	want, _ := f.Render()
	wantP, _ := f.AsP()
	if got := buf.String(); got != "<form>"+string(want)+"</form>|"+string(want)+"|"+string(wantP) {
		t.Errorf("page:\n%s", got)
	}
	if !strings.Contains(string(want), `<input type="file" name="doc"`) {
		t.Errorf("escaped or missing widget:\n%s", want)
	}
	var w bytes.Buffer
	n, err := f.WriteTo(&w)
	if err != nil || n != int64(len(want)) || w.String() != string(want) {
		t.Errorf("WriteTo wrote %d bytes (%v)", n, err)
	}
	bad := template.Must(template.New("bad").Funcs(forms.TemplateFuncs()).Parse(`{{ formstyle "grid" . }}`))
	var out bytes.Buffer
	if err := forms.ExecuteTemplate(&out, bad, "bad", f); err == nil || !strings.Contains(err.Error(), "grid") || out.Len() != 0 {
		t.Errorf("bad style: err %v, wrote %q", err, out.String())
	}
}

func ptr[T any](v T) *T { return &v }

// BindRequest binds a form to what a request submits; a handler then
// checks IsValid.
func ExampleBindRequest() {
	contact := forms.MustDeclare(
		forms.Named("name", &forms.CharField{MaxLength: 40}),
		forms.Named("email", &forms.EmailField{}),
	)
	handler := func(w http.ResponseWriter, r *http.Request) {
		f, err := forms.BindRequest(contact, r, forms.Options{}, forms.RequestLimits{})
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

func ExampleForm_HTML() {
	search := forms.MustDeclare(forms.Named("q", &forms.CharField{FieldCore: forms.FieldCore{Label: "Search", Optional: true}}))
	page := template.Must(template.New("page").Parse(`<form method="get">{{ .Form.HTML }}</form>`))
	f := search.New(forms.Options{Renderer: renderers.NewDjangoDivFormRenderer()})
	var buf bytes.Buffer
	if err := forms.ExecuteTemplate(&buf, page, "page", map[string]any{"Form": f}); err != nil {
		fmt.Println(err)
	}
	// Django's templates leave blank lines; skip them here.
	for _, line := range strings.Split(buf.String(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Println(line)
		}
	}
	// Output:
	// <form method="get"><div>
	// <label for="id_q">Search:</label>
	// <input type="text" name="q" id="id_q">
	// </div></form>
}
