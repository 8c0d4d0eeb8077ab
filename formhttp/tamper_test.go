package formhttp_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
)

// TestTamperedUploads binds forged multipart uploads through Bind with a
// small memory limit. The expected messages are the reference
// Django's (rendered with ../shared/tools/django-oracle): Django's
// UploadedFile keeps only the base name of a file and cuts names longer
// than 255 characters, keeping the extension, before FileField checks
// max_length.
func TestTamperedUploads(t *testing.T) {
	short := &forms.FileField{MaxLength: 10}
	decl := forms.MustDeclare(forms.Named("f", short))
	tests := []struct {
		name, fileName string
		size           int
		wantName       string
		wantErrors     map[string][]forms.JSONError
	}{
		{"name too long", strings.Repeat("a", 300) + ".txt", 1, "", map[string][]forms.JSONError{
			"f": {{Code: "max_length", Message: "Ensure this filename has at most 10 characters (it has 255)."}}}},
		{"path in name", "../../etc/passwd", 1, "passwd", nil},
		{"empty file", "e.txt", 0, "", map[string][]forms.JSONError{
			"f": {{Code: "empty", Message: "The submitted file is empty."}}}},
		// Larger than the memory limit: the body goes to a temporary
		// file, and the form still binds it whole.
		{"beyond the memory limit", "big.bin", 256 << 10, "big.bin", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := multipartRequest(t, nil, "f", tt.fileName, bytes.Repeat([]byte("x"), tt.size))
			f, err := formhttp.Bind(decl, r, forms.Options{}, formhttp.Limits{FileMemory: 4 << 10})
			if err != nil {
				t.Fatal(err)
			}
			defer r.MultipartForm.RemoveAll()
			if got := f.Errors().JSON(); len(got) != len(tt.wantErrors) || (len(got) > 0 && !reflect.DeepEqual(got, tt.wantErrors)) {
				t.Fatalf("errors %v, want %v", got, tt.wantErrors)
			}
			if tt.wantErrors != nil {
				return
			}
			up, ok := f.CleanedData()["f"].(fmt.Stringer)
			if !ok {
				t.Fatalf("cleaned value %#v is not an upload", f.CleanedData()["f"])
			}
			if up.String() != tt.wantName {
				t.Errorf("cleaned file name %q, want %q", up.String(), tt.wantName)
			}
		})
	}
}

// TestDisabledFieldsIgnorePostedValues posts other values for disabled
// fields: as in Django, the cleaned values stay the initial ones and the
// fields do not count as changed.
func TestDisabledFieldsIgnorePostedValues(t *testing.T) {
	role := forms.NewCharField()
	role.Disabled, role.Initial = true, "user"
	level := forms.NewIntegerField()
	level.Disabled, level.Initial = true, 1
	decl := forms.MustDeclare(forms.Named("name", forms.NewCharField()), forms.Named("role", role), forms.Named("level", level))
	body := url.Values{"name": {"x"}, "role": {"admin"}, "level": {"99"}}.Encode()
	r, err := http.NewRequest(http.MethodPost, "/", io.NopCloser(strings.NewReader(body)))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	f, err := formhttp.Bind(decl, r, forms.Options{}, formhttp.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !f.IsValid() {
		t.Fatalf("invalid: %v", f.Errors().JSON())
	}
	cd := f.CleanedData()
	if cd["role"] != "user" || cd["level"] != any(int64(1)) || cd["name"] != "x" {
		t.Errorf("cleaned data %v; want the disabled fields' initial values", cd)
	}
	if got := f.ChangedData(); !reflect.DeepEqual(got, []string{"name"}) {
		t.Errorf("changed data %v, want [name]", got)
	}
	html, err := f.AsDiv()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), "admin") || strings.Contains(string(html), "99") {
		t.Errorf("a disabled field shows the posted value:\n%s", html)
	}
}
