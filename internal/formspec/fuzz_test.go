package formspec_test

// Fuzz targets of binding, validating and rendering, and of the case
// loader. Run one for a minute with
//
//	go test -run='^$' -fuzz=FuzzBindEveryField -fuzztime=60s ./formspec
//	go test -run='^$' -fuzz=FuzzParseRun -fuzztime=60s ./formspec
//
// (loadtest/README.md lists every fuzz target of the project).

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// maxFuzzInput caps every fuzzed document: a bigger one only makes the
// run slower, not the search better.
const maxFuzzInput = 4 << 10

// everyFieldCase declares one field of every type formspec knows, with
// the arguments and widgets that change how each reads submitted data.
const everyFieldCase = `{
 "renderer": "DjangoTemplates",
 "form": {
  "fields": [
   {"name": "boolean", "type": "BooleanField", "required": false},
   {"name": "char", "type": "CharField", "max_length": 10, "min_length": 2, "help_text": "h"},
   {"name": "text", "type": "CharField", "widget": "Textarea", "required": false},
   {"name": "choice", "type": "ChoiceField", "choices": [["a", "A"], ["Group", [["b", "B"], ["c", "C"]]]]},
   {"name": "radio", "type": "ChoiceField", "choices": [["1", "One"], ["2", "Two"]], "widget": "RadioSelect", "required": false},
   {"name": "combo", "type": "ComboField", "fields": [{"type": "CharField", "max_length": 20}, {"type": "EmailField"}], "required": false},
   {"name": "date", "type": "DateField", "required": false},
   {"name": "selectdate", "type": "DateField", "widget": {"type": "SelectDateWidget", "years": [2020, 2021, 2022]}, "required": false},
   {"name": "datetime", "type": "DateTimeField", "required": false},
   {"name": "decimal", "type": "DecimalField", "max_digits": 6, "decimal_places": 2, "min_value": "-100", "max_value": "1000", "step_size": "0.25", "required": false},
   {"name": "bigdecimal", "type": "DecimalField", "min_value": "0", "step_size": "0.5", "required": false},
   {"name": "duration", "type": "DurationField", "required": false},
   {"name": "email", "type": "EmailField", "required": false},
   {"name": "file", "type": "FileField", "max_length": 20, "required": false},
   {"name": "float", "type": "FloatField", "min_value": 0, "step_size": 0.5, "required": false},
   {"name": "ip", "type": "GenericIPAddressField", "unpack_ipv4": true, "protocol": "both", "required": false},
   {"name": "image", "type": "ImageField", "required": false},
   {"name": "integer", "type": "IntegerField", "min_value": -5, "max_value": 5000, "step_size": 3, "required": false},
   {"name": "json", "type": "JSONField", "required": false},
   {"name": "multi", "type": "MultiValueField", "fields": [{"type": "CharField"}, {"type": "IntegerField"}], "widget": {"type": "MultiWidget", "widgets": ["TextInput", "NumberInput"]}, "required": false},
   {"name": "multiplechoice", "type": "MultipleChoiceField", "choices": [["x", "X"], ["y", "Y"]], "widget": "CheckboxSelectMultiple", "required": false},
   {"name": "nullboolean", "type": "NullBooleanField"},
   {"name": "regex", "type": "RegexField", "regex": "^[a-z]+$", "required": false},
   {"name": "slug", "type": "SlugField", "required": false},
   {"name": "splitdatetime", "type": "SplitDateTimeField", "required": false},
   {"name": "time", "type": "TimeField", "required": false},
   {"name": "typedchoice", "type": "TypedChoiceField", "coerce": "int", "choices": [["1", "One"], ["2", "Two"]], "required": false},
   {"name": "typedmultiple", "type": "TypedMultipleChoiceField", "coerce": "decimal", "choices": [["1.5", "a"], ["2", "b"]], "required": false},
   {"name": "url", "type": "URLField", "required": false},
   {"name": "uuid", "type": "UUIDField", "required": false},
   {"name": "hidden", "type": "CharField", "widget": "HiddenInput", "show_hidden_initial": true, "initial": "i", "required": false},
   {"name": "disabled", "type": "IntegerField", "disabled": true, "initial": 7}
  ]
 },
 "outputs": ["as_div"]
}`

// everyFieldDecl builds the every-field declaration through the case
// format, and checks that it names every field type the format knows.
func everyFieldDecl(t testing.TB) *forms.Declaration {
	t.Helper()
	c, err := formspec.Parse(strings.NewReader(everyFieldCase))
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range formspec.FieldTypes() {
		if !strings.Contains(everyFieldCase, `"`+typ+`"`) {
			t.Fatalf("everyFieldCase has no %s: add one", typ)
		}
	}
	return p.Decl
}

// fuzzRenderers are the renderers the fuzz targets render through: one
// of each engine.
func fuzzRenderers() []renderers.Renderer {
	return []renderers.Renderer{renderers.NewDjangoTemplates(), renderers.NewJinja2DivFormRenderer()}
}

// FuzzBindEveryField binds arbitrary submitted data (a query string and
// one uploaded file) to a form with every field type: validating and
// rendering it (div and table styles, each engine) must neither panic nor
// fail, and the HTML must parse.
func FuzzBindEveryField(f *testing.F) {
	decl := everyFieldDecl(f)
	rs := fuzzRenderers()
	f.Add("char=abc&decimal=12.25&integer=9&date=2022-08-03&uuid=12345678-1234-5678-1234-567812345678", "a.txt", []byte("x"))
	f.Add("decimal=1e2000000000&bigdecimal=1E-2000000000&float=1e308&integer=99999999999999999999999", "", []byte(nil))
	f.Add("decimal=NaN&bigdecimal=-Infinity&float=nan&duration=999999999+00:00:00&json=[[[[[[[[1]]]]]]]]", "", []byte(nil))
	f.Add("selectdate_year=2022&selectdate_month=2&selectdate_day=31&splitdatetime_0=2022-01-01&splitdatetime_1=25:00", "", []byte(nil))
	f.Add("multi_0=a&multi_1=x&multiplechoice=x&multiplechoice=z&typedmultiple=1.5&typedchoice=3&nullboolean=unknown", "", []byte(nil))
	f.Add("ip=::ffff:1.2.3.4&url=http://[::1]:99999/&email=a@b..c&slug=-&regex=A&time=24:00&datetime=2022-02-30T10:00", "", []byte(nil))
	f.Add("disabled=99&initial-hidden=x&hidden=%00&char=%FF%FE&text=</textarea><script>", "../../etc/passwd", []byte("x"))
	f.Add("json=\"\\ud800\"&json=1&duration=P1D&duration=-1 00:00:00.0000001&boolean=false&boolean=on", "", []byte(nil))
	f.Fuzz(func(t *testing.T, query string, fileName string, content []byte) {
		if len(query) > maxFuzzInput || len(fileName) > 256 || len(content) > maxFuzzInput {
			return
		}
		data, err := url.ParseQuery(query)
		if err != nil && data == nil {
			data = url.Values{}
		}
		files := widgets.Files{}
		if fileName != "" {
			up := &widgets.UploadedFile{Name: fileName, Size: int64(len(content)), ContentType: "image/png",
				Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(content)), nil }}
			files["file"] = []*widgets.UploadedFile{up}
			files["image"] = []*widgets.UploadedFile{up}
		}
		// One renderer per input keeps the fuzzer fast; the seeds and the
		// corpus reach both.
		for _, r := range []renderers.Renderer{rs[len(query)%len(rs)]} {
			form := decl.Bind(data, files, forms.Options{Renderer: r})
			valid := form.IsValid()
			if valid {
				if got := form.CleanedData()["disabled"]; !pyval.Equal(got, int64(7)) && !pyval.Equal(got, 7) {
					t.Fatalf("disabled field cleaned to %#v; want its initial 7", got)
				}
			}
			for _, render := range []func() (renderers.HTML, error){form.AsDiv, form.AsTable} {
				html, err := render()
				if err != nil {
					t.Fatalf("%T: render: %v", r, err)
				}
				if _, err := htmlcmp.Parse(string(html)); err != nil {
					t.Fatalf("%T: output does not parse: %v\n%s", r, err, html)
				}
			}
			_, _ = form.Errors().AsUL()
			_ = form.ChangedData()
		}
	})
}

// FuzzParseRun loads arbitrary bytes as a case and runs it: the loader
// must answer with a result or an error, never a panic. Its seeds are the
// example cases and a few of the corpus.
func FuzzParseRun(f *testing.F) {
	for _, glob := range []string{"../../examples/cases/*.json", "../../testdata/cases/*.json", "../../testdata/cases-extra/*.json"} {
		paths, _ := filepath.Glob(glob)
		for i, p := range paths {
			if i%8 != 0 { // a sample is enough to start from
				continue
			}
			b, err := os.ReadFile(p)
			if err == nil && len(b) <= maxFuzzInput {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(`{"form": {"fields": [{"name": "a", "type": "IntegerField"}]}, "bind": {"data": {"a": "1"}}}`))
	f.Add([]byte(`{"form": {"fields": []}, "formset": {"extra": 2, "absolute_max": 3}, "bind": {"data": {"form-TOTAL_FORMS": "99999999"}}}`))
	f.Add([]byte(`{"form": {"fields": [{"name": "a", "type": "DecimalField", "initial": {"$decimal": "1e999999999"}}]}}`))
	f.Add([]byte(`[1, 2]`))
	f.Add([]byte(`{"form": null}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		if len(doc) > maxFuzzInput {
			return
		}
		c, err := formspec.Parse(bytes.NewReader(doc))
		if err != nil {
			return
		}
		_, _ = c.Run()
	})
}
