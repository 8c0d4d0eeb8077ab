package forms_test

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
)

var uploadDecl = forms.MustDeclare(
	forms.Named("title", &forms.CharField{MaxLength: 20}),
	forms.Named("doc", &forms.FileField{}),
)

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
