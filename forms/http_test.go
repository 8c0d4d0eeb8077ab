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
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

var uploadDecl = forms.Declare(
	forms.Named("title", &forms.CharField{FieldCore: forms.FieldCore{Required: true}, MaxLength: 20}),
	forms.Named("doc", &forms.FileField{FieldCore: forms.FieldCore{Required: true}}),
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
		`<form>{{ .TemplateHTML }}</form>|{{ formhtml . }}|{{ formstyle "p" . }}`))
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

type structContact struct {
	Name    string          `formwork:"max_length=40,required,label=Your name"`
	Email   string          `formwork:"type=EmailField,required"`
	Topic   string          `formwork:"type=ChoiceField,choices=q:Question|b:Bug,widget=RadioSelect"`
	Message string          `formwork:"widget=Textarea"`
	Copies  int8            `formwork:"min_value=0,max_value=10"`
	Price   decimal.Decimal `formwork:"name=amount"`
	Ratio   float32
	When    time.Time `formwork:"type=DateField"`
	Agree   bool
	Maybe   *bool
	Tags    []string `formwork:"choices=a|b|c"`
	Doc     *widgets.UploadedFile
	Skip    string `formwork:"-"`
}

func TestDeclareStructAndDecode(t *testing.T) {
	decl, err := forms.DeclareStruct(&structContact{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, nf := range decl.Fields {
		names = append(names, fmt.Sprintf("%s:%T", nf.Name, nf.Field))
	}
	want := "[name:*forms.CharField email:*forms.EmailField topic:*forms.ChoiceField message:*forms.CharField copies:*forms.IntegerField amount:*forms.DecimalField ratio:*forms.FloatField when:*forms.DateField agree:*forms.BooleanField maybe:*forms.NullBooleanField tags:*forms.MultipleChoiceField doc:*forms.FileField]"
	if fmt.Sprint(names) != want {
		t.Fatalf("fields %v\nwant %s", names, want)
	}
	if l := decl.Field("name").Core().Label; l != "Your name" {
		t.Errorf("label %q", l)
	}
	tests := []struct {
		name string
		data url.Values
		want structContact
		err  string
	}{
		{"full", url.Values{"name": {"Ann"}, "email": {"ann@example.com"}, "topic": {"b"}, "message": {"Hi"}, "copies": {"3"},
			"amount": {"1.50"}, "ratio": {"0.5"}, "when": {"2024-05-06"}, "agree": {"on"}, "maybe": {"true"}, "tags": {"a", "c"}},
			structContact{Name: "Ann", Email: "ann@example.com", Topic: "b", Message: "Hi", Copies: 3, Price: decimal.RequireFromString("1.50"),
				Ratio: 0.5, When: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC), Agree: true, Maybe: ptr(true), Tags: []string{"a", "c"}}, ""},
		{"optional empty", url.Values{"name": {"Bo"}, "email": {"bo@example.com"}},
			structContact{Name: "Bo", Email: "bo@example.com", Tags: []string{}}, ""},
		{"invalid", url.Values{"name": {""}, "email": {"x"}}, structContact{}, "not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := decl.Bind(tt.data, nil, forms.Options{})
			got := structContact{Skip: "kept", Copies: 9}
			err := f.Decode(&got)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Skip = "kept"
			if (got.Maybe == nil) != (tt.want.Maybe == nil) || (got.Maybe != nil && *got.Maybe != *tt.want.Maybe) {
				t.Errorf("Maybe = %v, want %v", got.Maybe, tt.want.Maybe)
			}
			got.Maybe, tt.want.Maybe = nil, nil
			if !got.Price.Equal(tt.want.Price) || got.Price.String() != tt.want.Price.String() {
				t.Errorf("Price = %s, want %s", got.Price, tt.want.Price)
			}
			got.Price, tt.want.Price = decimal.Decimal{}, decimal.Decimal{}
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDeclareStructErrors(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{42, "needs a struct"},
		{struct {
			A string `formwork:"type=NoSuchField"`
		}{}, `unknown field type "NoSuchField"`},
		{struct {
			A string `formwork:"max_length=x"`
		}{}, "want a length"},
		{struct {
			A int `formwork:"max_length=3"`
		}{}, "has no max_length"},
		{struct {
			A string `formwork:"colour=red"`
		}{}, `unknown tag setting "colour"`},
		{struct{ A chan int }{}, "no default field type"},
		{struct {
			A string `formwork:"widget=Fancy"`
		}{}, `unknown widget "Fancy"`},
	}
	for _, tt := range tests {
		_, err := forms.DeclareStruct(tt.v)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DeclareStruct(%T): err %v, want %q", tt.v, err, tt.want)
		}
	}
	// A value that does not fit its Go type names the field.
	var small struct {
		N int8 `formwork:"max_value=1000"`
	}
	decl, _ := forms.DeclareStruct(&small)
	f := decl.Bind(url.Values{"n": {"300"}}, nil, forms.Options{})
	if err := forms.DecodeInto(f, &small); err == nil || !strings.Contains(err.Error(), `"n"`) || !strings.Contains(err.Error(), "overflows") {
		t.Errorf("overflow: %v", err)
	}
	if err := forms.DecodeInto(f, small); err == nil {
		t.Error("Decode into a non-pointer must fail")
	}
}

func ptr[T any](v T) *T { return &v }

func ExampleBindRequest() {
	contactForm := forms.Declare(
		forms.Named("name", &forms.CharField{FieldCore: forms.FieldCore{Required: true}, MaxLength: 40}),
		forms.Named("email", forms.NewEmailField()),
	)
	r := httptest.NewRequest(http.MethodPost, "/structContact", strings.NewReader("name=Ann&email=nope"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")

	f, err := forms.BindRequest(contactForm, r, forms.Options{}, forms.RequestLimits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.IsValid(), f.Errors().Get("email").Messages())
	// Output: false [Enter a valid email address.]
}

func ExampleDeclareStruct() {
	type Signup struct {
		Name  string `formwork:"max_length=40,required"`
		Age   int    `formwork:"min_value=18"`
		Email string `formwork:"type=EmailField,required"`
	}
	decl, err := forms.DeclareStruct(Signup{})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := decl.Bind(url.Values{"name": {"Ann"}, "age": {"30"}, "email": {"ann@example.com"}}, nil, forms.Options{})
	var s Signup
	if err := f.Decode(&s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", s)
	// Output: {Name:Ann Age:30 Email:ann@example.com}
}

func ExampleForm_TemplateHTML() {
	search := forms.Declare(forms.Named("q", &forms.CharField{FieldCore: forms.FieldCore{Label: "Search"}}))
	page := template.Must(template.New("page").Parse(`<form method="get">{{ .Form.TemplateHTML }}</form>`))
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
