package specreg

import (
	"encoding/json"
	"github.com/formwork/formwork/widgets"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/renderers"
)

// The cases and Django's answers come from testdata/gen.py.
type renderCase struct {
	ID                   string         `json:"id"`
	Type                 string         `json:"type"`
	Spec                 map[string]any `json:"spec"`
	Name                 string         `json:"name"`
	Value                any            `json:"value"`
	Attrs                map[string]any `json:"attrs"`
	Required             bool           `json:"required"`
	Localized            bool           `json:"localized"`
	HTML                 string         `json:"html"`
	UseRequiredAttribute bool           `json:"use_required_attribute"`
	IsHidden             bool           `json:"is_hidden"`
	UseFieldset          bool           `json:"use_fieldset"`
}

type dataCase struct {
	ID       string              `json:"id"`
	Type     string              `json:"type"`
	Spec     map[string]any      `json:"spec"`
	Required bool                `json:"required"`
	Data     map[string][]string `json:"data"`
	Files    map[string]string   `json:"files"`
	Name     string              `json:"name"`
	Value    any                 `json:"value"`
	Omitted  bool                `json:"omitted"`
}

type labelCase struct {
	Type  string         `json:"type"`
	Spec  map[string]any `json:"spec"`
	ID    string         `json:"id"`
	Label string         `json:"label"`
	Empty string         `json:"empty"`
}

type corpus struct {
	Render []renderCase `json:"render"`
	Data   []dataCase   `json:"data"`
	Labels []labelCase  `json:"labels"`
}

func loadCorpus(t *testing.T) corpus {
	t.Helper()
	raw, err := os.ReadFile("testdata/widgets/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c corpus
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// widgetValue turns a case's JSON value into the Go value it stands for.
func widgetValue(t *testing.T, v any) any {
	t.Helper()
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = widgetValue(t, e)
		}
		return out
	case map[string]any:
		parse := func(layout, s string) time.Time {
			tm, err := time.Parse(layout, s)
			if err != nil {
				t.Fatal(err)
			}
			return tm
		}
		switch {
		case x["$date"] != nil:
			return parse("2006-01-02", x["$date"].(string))
		case x["$datetime"] != nil:
			return parse("2006-01-02T15:04:05.999999", x["$datetime"].(string))
		case x["$time"] != nil:
			tm := parse("15:04:05", x["$time"].(string))
			return time.Date(0, 1, 1, tm.Hour(), tm.Minute(), tm.Second(), tm.Nanosecond(), time.UTC)
		case x["$decimal"] != nil:
			return decimal.RequireFromString(x["$decimal"].(string))
		case x["$stored"] != nil:
			return storedFile(x["$stored"].(string))
		}
	}
	return specValue(v)
}

// storedFile is a stored file served under /media/.
type storedFile string

func (f storedFile) URL() string    { return "/media/" + string(f) }
func (f storedFile) String() string { return string(f) }

func buildWidget(t *testing.T, typ string, spec map[string]any) widgets.Widget {
	t.Helper()
	w, err := WidgetFromSpec(typ, spec)
	if err != nil {
		t.Fatalf("WidgetFromSpec(%s): %v", typ, err)
	}
	return w
}

var (
	tagRe  = regexp.MustCompile(`<([a-zA-Z]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>`)
	attrRe = regexp.MustCompile(`([^\s=>]+)(?:="([^"]*)")?`)
	wsRe   = regexp.MustCompile(`\s+`)
)

// normalizeHTML collapses whitespace, drops it around tags and sorts each
// tag's attributes (class tokens too), so that two renderings compare
// equal when assertHTMLEqual would call them equal.
func normalizeHTML(s string) string {
	s = tagRe.ReplaceAllStringFunc(s, func(tag string) string {
		m := tagRe.FindStringSubmatch(tag)
		var attrs []string
		for _, a := range attrRe.FindAllStringSubmatch(m[2], -1) {
			name, val := a[1], a[2]
			if name == "class" {
				f := strings.Fields(val)
				sort.Strings(f)
				val = strings.Join(f, " ")
			}
			if strings.Contains(a[0], "=") && !(val == "" && booleanAttr[name]) {
				attrs = append(attrs, name+`="`+val+`"`)
			} else {
				attrs = append(attrs, name)
			}
		}
		sort.Strings(attrs)
		if len(attrs) == 0 {
			return "<" + m[1] + ">"
		}
		return "<" + m[1] + " " + strings.Join(attrs, " ") + ">"
	})
	s = wsRe.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "> ", ">")
	s = strings.ReplaceAll(s, " <", "<")
	return strings.TrimSpace(s)
}

var booleanAttr = map[string]bool{"required": true, "checked": true, "selected": true, "disabled": true, "multiple": true, "autofocus": true, "readonly": true}

func TestNormalizeHTML(t *testing.T) {
	a := normalizeHTML(`<input  class="b a" name="x" required="">
  <b>t</b>`)
	b := normalizeHTML(`<input required name="x" class="a b"><b>t</b>`)
	if a != b {
		t.Errorf("%q != %q", a, b)
	}
	if normalizeHTML(`<input name="x">`) == normalizeHTML(`<input name="y">`) {
		t.Error("different values compare equal")
	}
}

func TestRenderMatchesDjango(t *testing.T) {
	testRenderMatchesDjango(t, renderers.NewDjangoTemplates())
}

// The Jinja2 renderer's widget templates give the same HTML as Django's.
func TestRenderJinja2MatchesDjango(t *testing.T) {
	testRenderMatchesDjango(t, renderers.NewJinja2())
}

func testRenderMatchesDjango(t *testing.T, r renderers.Renderer) {
	for _, c := range loadCorpus(t).Render {
		t.Run(c.ID, func(t *testing.T) {
			w := buildWidget(t, c.Type, c.Spec)
			w.Base().Required = c.Required
			w.Base().Localized = c.Localized
			var attrs renderers.Attrs
			if c.Attrs != nil {
				attrs, _ = specAttrs(c.Attrs)
			}
			got, err := widgets.Render(w, c.Name, widgetValue(t, c.Value), attrs, r)
			if err != nil {
				t.Fatal(err)
			}
			if g, want := normalizeHTML(string(got)), normalizeHTML(c.HTML); g != want {
				t.Errorf("render:\n got %s\nwant %s", g, want)
			}
			if got := w.UseRequiredAttribute(nil); got != c.UseRequiredAttribute {
				t.Errorf("UseRequiredAttribute = %v, want %v", got, c.UseRequiredAttribute)
			}
			if got := w.IsHidden(); got != c.IsHidden {
				t.Errorf("IsHidden = %v, want %v", got, c.IsHidden)
			}
			if got := w.UseFieldset(); got != c.UseFieldset {
				t.Errorf("UseFieldset = %v, want %v", got, c.UseFieldset)
			}
		})
	}
}

func TestValueFromDataMatchesDjango(t *testing.T) {
	for _, c := range loadCorpus(t).Data {
		t.Run(c.ID, func(t *testing.T) {
			w := buildWidget(t, c.Type, c.Spec)
			w.Base().Required = c.Required
			data := url.Values(c.Data)
			files := widgets.Files{}
			for k, name := range c.Files {
				files[k] = []*widgets.UploadedFile{{Name: name, Size: 1}}
			}
			got := jsonish(w.ValueFromData(data, files, c.Name))
			want := c.Value
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ValueFromData = %#v, want %#v", got, want)
			}
			if o := w.ValueOmitted(data, files, c.Name); o != c.Omitted {
				t.Errorf("ValueOmitted = %v, want %v", o, c.Omitted)
			}
		})
	}
}

// jsonish turns a widget value into the JSON form gen.py writes.
func jsonish(v any) any {
	switch x := v.(type) {
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonish(e)
		}
		return out
	case *widgets.UploadedFile:
		return map[string]any{"$file": x.Name}
	}
	if v == widgets.FileInputContradiction {
		return map[string]any{"$contradiction": true}
	}
	return v
}

func TestIDForLabelMatchesDjango(t *testing.T) {
	for _, c := range loadCorpus(t).Labels {
		w := buildWidget(t, c.Type, c.Spec)
		if got := w.IDForLabel(c.ID); got != c.Label {
			t.Errorf("%s.IDForLabel(%q) = %q, want %q", c.Type, c.ID, got, c.Label)
		}
		if got := w.IDForLabel(""); got != c.Empty {
			t.Errorf("%s.IDForLabel(\"\") = %q, want %q", c.Type, got, c.Empty)
		}
	}
}
