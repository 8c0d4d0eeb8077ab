package media

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// mediaCase is one case of testdata/cases.json, made by
// testdata/gen_media.py from Django's forms.Media.
type mediaCase struct {
	Name      string              `json:"name"`
	StaticURL *string             `json:"static_url"`
	Media     json.RawMessage     `json:"media"`
	Merge     [][]json.RawMessage `json:"merge"`
	Expect    json.RawMessage     `json:"expect"`
}

type mediaExpect struct {
	Render    string              `json:"render"`
	CSS       [][]json.RawMessage `json:"css"`
	JS        []json.RawMessage   `json:"js"`
	Warnings  []string            `json:"warnings"`
	SubsetCSS string              `json:"subset_css"`
	SubsetJS  string              `json:"subset_js"`
	Repr      *string             `json:"repr"`
}

type mergeExpect struct {
	Result  []json.RawMessage `json:"result"`
	Warning *string           `json:"warning"`
}

// expr is the case's description of a media expression.
type expr struct {
	CSS     [][]json.RawMessage `json:"css"`
	JS      []json.RawMessage   `json:"js"`
	Extend  json.RawMessage     `json:"extend"`
	Add     []expr              `json:"add"`
	Inherit []*expr             `json:"inherit"`
	Form    *struct {
		Widgets []*expr `json:"widgets"`
		Def     *expr   `json:"def"`
	} `json:"form"`
}

func asset(t *testing.T, raw json.RawMessage) Asset {
	t.Helper()
	var path string
	if err := json.Unmarshal(raw, &path); err == nil {
		return Path(path)
	}
	var h struct {
		HTML string `json:"html"`
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		t.Fatalf("bad asset %s: %v", raw, err)
	}
	return HTML(h.HTML)
}

func assets(t *testing.T, raws []json.RawMessage) []Asset {
	t.Helper()
	out := []Asset{}
	for _, r := range raws {
		out = append(out, asset(t, r))
	}
	return out
}

func mediums(t *testing.T, pairs [][]json.RawMessage) []MediumAssets {
	t.Helper()
	var out []MediumAssets
	for _, p := range pairs {
		var medium string
		var list []json.RawMessage
		if len(p) != 2 || json.Unmarshal(p[0], &medium) != nil || json.Unmarshal(p[1], &list) != nil {
			t.Fatalf("bad css entry %s", p)
		}
		out = append(out, MediumAssets{Medium: medium, Assets: assets(t, list)})
	}
	return out
}

func definition(t *testing.T, e *expr) *Definition {
	t.Helper()
	if e == nil {
		return nil
	}
	d := &Definition{CSS: mediums(t, e.CSS), JS: assets(t, e.JS)}
	switch s := strings.TrimSpace(string(e.Extend)); {
	case s == "" || s == "true":
	case s == "false":
		d.Extend = ExtendNone
	default:
		var types []string
		if err := json.Unmarshal(e.Extend, &types); err != nil {
			t.Fatalf("bad extend %s", s)
		}
		d.Extend = ExtendOnly(types...)
	}
	return d
}

func build(t *testing.T, e expr) Media {
	t.Helper()
	switch {
	case e.Add != nil:
		m := build(t, e.Add[0])
		for _, o := range e.Add[1:] {
			m = m.Add(build(t, o))
		}
		return m
	case e.Inherit != nil:
		var m Media
		for _, d := range e.Inherit {
			var err error
			if m, err = Inherit(m, definition(t, d)); err != nil {
				t.Fatal(err)
			}
		}
		return m
	case e.Form != nil:
		// A form's media is its fields' widgets' media added up, then the
		// form class's own definition on top.
		var fields Media
		for _, w := range e.Form.Widgets {
			wm, err := Inherit(Media{}, definition(t, w))
			if err != nil {
				t.Fatal(err)
			}
			fields = fields.Add(wm)
		}
		m, err := Inherit(fields, definition(t, e.Form.Def))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	return New(mediums(t, e.CSS), assets(t, e.JS))
}

func TestDjangoCases(t *testing.T) {
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []mediaCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("only %d cases in testdata/cases.json", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if c.Merge != nil || c.Media == nil {
				testMerge(t, c)
				return
			}
			var e expr
			if err := json.Unmarshal(c.Media, &e); err != nil {
				t.Fatal(err)
			}
			var want mediaExpect
			if err := json.Unmarshal(c.Expect, &want); err != nil {
				t.Fatal(err)
			}
			m := build(t, e)
			r := Renderer{}
			if c.StaticURL != nil {
				r.StaticURL = *c.StaticURL
			}
			if got := r.Render(m); got != want.Render {
				t.Errorf("Render:\n%s\nwant:\n%s", got, want.Render)
			}
			if got, w := m.JS(), assets(t, want.JS); !reflect.DeepEqual(got, w) && len(got)+len(w) > 0 {
				t.Errorf("JS = %v, want %v", got, w)
			}
			if got, w := m.CSS(), mediums(t, want.CSS); !reflect.DeepEqual(got, w) {
				t.Errorf("CSS = %v, want %v", got, w)
			}
			var warnings []string
			for _, c := range m.Conflicts() {
				warnings = append(warnings, c.String())
			}
			hasHTML := strings.Contains(string(c.Media), `"html"`)
			if len(warnings) != len(want.Warnings) {
				t.Errorf("Conflicts = %q, want %q", warnings, want.Warnings)
			} else if !hasHTML && len(warnings) > 0 && !reflect.DeepEqual(warnings, want.Warnings) {
				// Django shows an html-safe object as its repr, which
				// has no Go counterpart: only count those.
				t.Errorf("Conflicts = %q, want %q", warnings, want.Warnings)
			}
			for name, wantSub := range map[string]string{"css": want.SubsetCSS, "js": want.SubsetJS} {
				sub, err := m.Subset(name)
				if err != nil {
					t.Fatal(err)
				}
				if got := r.Render(sub); got != wantSub {
					t.Errorf("Subset(%q) renders\n%s\nwant\n%s", name, got, wantSub)
				}
			}
			if want.Repr != nil && m.Repr() != *want.Repr {
				t.Errorf("Repr = %s, want %s", m.Repr(), *want.Repr)
			}
			if c.StaticURL == nil && m.String() != want.Render {
				t.Errorf("String = %q, want %q", m.String(), want.Render)
			}
		})
	}
}

func testMerge(t *testing.T, c mediaCase) {
	var want mergeExpect
	if err := json.Unmarshal(c.Expect, &want); err != nil {
		t.Fatal(err)
	}
	var lists [][]Asset
	for _, l := range c.Merge {
		lists = append(lists, assets(t, l))
	}
	got, conflict := Merge(lists...)
	if w := assets(t, want.Result); !reflect.DeepEqual(got, w) {
		t.Errorf("Merge = %v, want %v", got, w)
	}
	switch {
	case want.Warning == nil && conflict != nil:
		t.Errorf("unexpected conflict %s", conflict)
	case want.Warning != nil && conflict == nil:
		t.Errorf("no conflict, want %s", *want.Warning)
	case want.Warning != nil && conflict.String() != *want.Warning:
		t.Errorf("conflict %s, want %s", conflict, *want.Warning)
	}
}

func TestImmutability(t *testing.T) {
	js := []Asset{Path("a.js")}
	a := JSMedia(js...)
	js[0] = Path("changed.js")
	b := a.Add(JSMedia(Path("b.js")))
	_ = a.Add(JSMedia(Path("c.js")))
	if got := fmt.Sprint(a.JS()); got != "[a.js]" {
		t.Errorf("a.JS() = %s after Add, want [a.js]", got)
	}
	if got := fmt.Sprint(b.JS()); got != "[a.js b.js]" {
		t.Errorf("b.JS() = %s, want [a.js b.js]", got)
	}
}

func TestSubsetUnknown(t *testing.T) {
	_, err := Media{}.Subset("images")
	if err == nil || err.Error() != `Unknown media type "images"` {
		t.Errorf("Subset(images) error = %v", err)
	}
	if _, err := Inherit(Media{}, &Definition{Extend: ExtendOnly("fonts")}); err == nil {
		t.Error("Inherit with extend=('fonts',) should fail")
	}
}

func TestZeroValues(t *testing.T) {
	var m Media
	if m.Render() != "" || len(m.JS()) != 0 || len(m.CSS()) != 0 || m.Conflicts() != nil {
		t.Errorf("zero Media is not empty: %q", m.Render())
	}
	if got := m.Repr(); got != "Media(css={}, js=[])" {
		t.Errorf("Repr = %s", got)
	}
	if got := AbsolutePath("x.js"); got != "x.js" {
		t.Errorf("AbsolutePath = %s", got)
	}
}

func Example() {
	calendar := New(
		[]MediumAssets{{Medium: "all", Assets: Paths("calendar.css")}},
		Paths("jquery.js", "calendar.js"),
	)
	picker := JSMedia(Path("jquery.js"), Path("picker.js"), HTML(`<script type="module" src="/m.js"></script>`))
	form := calendar.Add(picker)
	fmt.Println(Renderer{StaticURL: "/static/"}.Render(form))

	conflicting := JSMedia(Paths("a.js", "b.js")...).Add(JSMedia(Paths("b.js", "a.js")...))
	for _, c := range conflicting.Conflicts() {
		fmt.Println(c)
	}
	// Output:
	// <link href="/static/calendar.css" media="all" rel="stylesheet">
	// <script src="/static/jquery.js"></script>
	// <script src="/static/calendar.js"></script>
	// <script src="/static/picker.js"></script>
	// <script type="module" src="/m.js"></script>
	// Detected duplicate Media files in an opposite order: ['a.js', 'b.js'], ['b.js', 'a.js']
}
