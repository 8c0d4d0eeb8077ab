package formhttp_test

// Fuzz target of multipart binding. Run it with
//
//	go test -run='^$' -fuzz=FuzzBindMultipart -fuzztime=60s ./formhttp

import (
	"bytes"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
)

// FuzzBindMultipart binds any multipart body, with small limits, to a
// form with a file field and to one without: Bind returns a form or an
// error, never panics; a bound form has no more fields or files than the
// limits allow and, without a file field, no file at all; and with the
// limits off, what binds is what net/http's own multipart parser reads.
func FuzzBindMultipart(f *testing.F) {
	const boundary = "B"
	part := func(disp, body string) string {
		return "--" + boundary + "\r\nContent-Disposition: form-data; " + disp + "\r\n\r\n" + body + "\r\n"
	}
	f.Add([]byte(part(`name="title"`, "Report") + part(`name="doc"; filename="a.txt"`, "hello") + "--B--\r\n"))
	f.Add([]byte(part(`name="title"`, "a") + part(`name="title"`, "b") + part(`name="x"`, "") + "--B--\r\n"))
	f.Add([]byte(part(`name="doc"; filename="../../etc/passwd"`, "x") + part(`name="doc"; filename=""`, "") + "--B--\r\n"))
	f.Add([]byte(part(`name=""`, "nameless") + part(`filename="f"`, "x") + "--B--\r\n"))
	f.Add([]byte("--B\r\nContent-Disposition: form-data; name=\"t\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=41=42\r\n--B--\r\n"))
	f.Add([]byte("--B\r\n\r\n--B--"))
	f.Add([]byte("garbage"))
	limits := formhttp.Limits{MaxMemory: 512, MaxFields: 4, MaxFiles: 2, FileMemory: 64}
	post := func(body []byte) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/upload", bytes.NewReader(body))
		r.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
		return r
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 8<<10 {
			return
		}
		for _, decl := range []*forms.Declaration{uploadDecl, textDecl} {
			r := post(body)
			form, err := formhttp.Bind(decl, r, forms.Options{}, limits)
			if r.MultipartForm != nil {
				defer r.MultipartForm.RemoveAll()
			}
			if err != nil {
				if form != nil {
					t.Fatal("a form and an error")
				}
				continue
			}
			n := 0
			for _, vs := range form.Data() {
				n += len(vs)
			}
			if n > limits.MaxFields {
				t.Fatalf("%d fields bound, MaxFields %d", n, limits.MaxFields)
			}
			files := 0
			for _, fs := range form.Files() {
				files += len(fs)
			}
			if files > limits.MaxFiles || decl == textDecl && files > 0 {
				t.Fatalf("%d files bound (form takes files: %v)", files, decl == uploadDecl)
			}
			form.IsValid()
			if _, err := form.Render(); err != nil {
				t.Fatalf("render: %v", err)
			}
		}
		// With no limits, the values are net/http's.
		r := post(body)
		data, _, err := formhttp.Data(r, formhttp.Limits{MaxMemory: -1, MaxFields: -1, MaxFiles: -1})
		if r.MultipartForm != nil {
			defer r.MultipartForm.RemoveAll()
		}
		ref := post(body)
		rerr := ref.ParseMultipartForm(1 << 20)
		if ref.MultipartForm != nil {
			defer ref.MultipartForm.RemoveAll()
		}
		if err == nil && rerr == nil {
			if !maps.EqualFunc(data, ref.PostForm, slices.Equal) {
				t.Fatalf("values %q, net/http reads %q", data, ref.PostForm)
			}
			if len(r.MultipartForm.File) != len(ref.MultipartForm.File) {
				t.Fatalf("files under %d names, net/http reads %d", len(r.MultipartForm.File), len(ref.MultipartForm.File))
			}
		}
	})
}
