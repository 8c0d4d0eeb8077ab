// Package media holds the CSS and JavaScript assets that forms and widgets
// need, ported from Django 4.1's django.forms.widgets.Media.
//
// A Media value keeps, like Django's, the lists it was built from rather
// than a merged result: adding two Media values (Add, Django's __add__)
// only concatenates those lists, skipping the ones already present, and the
// merged views (JS, CSS, Render) are computed on demand with an exact port
// of Media.merge. That merge is a stable topological sort over the order
// each list implies; when two lists put the same files in opposite orders
// Django warns (MediaOrderConflictWarning) and falls back to the order of
// first appearance. This package does the same and reports the warnings
// through Conflicts instead of printing them.
//
// Assets are paths (Path) or pieces of HTML that render as given (HTML),
// the latter being Django 4.1's html-safe media objects. Paths that are not
// absolute go through Django's static(); see Renderer for the prefix.
package media

import (
	"errors"
	"sort"
	"strings"

	"github.com/formwork/formwork/internal/pyfmt"
)

// Asset is one CSS or JavaScript asset: a path, or an html-safe object
// that renders as its HTML. Assets are comparable; two assets are the same
// asset when they are both paths and the paths are equal, or both HTML and
// the HTML is equal. The zero Asset is the empty path.
type Asset struct {
	s    string
	html bool
}

// Path returns the asset for a path: an absolute path or URL (starting with
// "http://", "https://" or "/") renders unchanged, any other path is
// resolved with the static prefix.
func Path(p string) Asset { return Asset{s: p} }

// HTML returns an asset that renders as the given HTML, unescaped, like an
// object with an __html__ method in a Django 4.1 Media definition.
func HTML(h string) Asset { return Asset{s: h, html: true} }

// Paths returns the path assets for the given paths, in order.
func Paths(paths ...string) []Asset {
	if paths == nil {
		return nil
	}
	out := make([]Asset, len(paths))
	for i, p := range paths {
		out[i] = Path(p)
	}
	return out
}

// IsHTML reports whether the asset is an HTML asset rather than a path.
func (a Asset) IsHTML() bool { return a.html }

// String returns the asset's path, or its HTML for an HTML asset.
func (a Asset) String() string { return a.s }

// repr is how the asset appears in Django's messages and repr(): a path is
// a Python string literal; an HTML asset, which Django would show as an
// object, is written HTML('...').
func (a Asset) repr() string {
	if a.html {
		return "HTML(" + pyfmt.Repr(a.s) + ")"
	}
	return pyfmt.Repr(a.s)
}

// MediumAssets is the list of stylesheets for one medium ("all", "screen",
// "screen, print", ...), the key and value of one item of Django's css
// dictionary.
type MediumAssets struct {
	Medium string
	Assets []Asset
}

// cssDict is one css dictionary of a Media definition: mediums are unique
// and in the dictionary's order.
type cssDict []MediumAssets

// Media is a set of CSS and JavaScript assets, Django's forms.Media. The
// zero value is empty media (Django's Media()). Media values are immutable:
// Add and Subset return new values and never change their operands.
type Media struct {
	// cssLists and jsLists are Django's _css_lists and _js_lists; nil
	// stands for Django's initial [{}] and [[]].
	cssLists []cssDict
	jsLists  [][]Asset
}

// New returns the media with the given stylesheets by medium and scripts,
// Django's Media(css=..., js=...). The medium order of css is the order of
// Django's css dictionary; a medium given twice keeps its first position and
// its last list, as in a Python dict literal. The arguments are copied.
func New(css []MediumAssets, js []Asset) Media {
	var d cssDict
	for _, ma := range css {
		assets := append([]Asset(nil), ma.Assets...)
		if i := d.index(ma.Medium); i >= 0 {
			d[i].Assets = assets
			continue
		}
		d = append(d, MediumAssets{Medium: ma.Medium, Assets: assets})
	}
	return Media{
		cssLists: []cssDict{d},
		jsLists:  [][]Asset{append([]Asset(nil), js...)},
	}
}

// CSSMedia is shorthand for New(css, nil).
func CSSMedia(css ...MediumAssets) Media { return New(css, nil) }

// JSMedia is shorthand for New(nil, js).
func JSMedia(js ...Asset) Media { return New(nil, js) }

func (d cssDict) index(medium string) int {
	for i, ma := range d {
		if ma.Medium == medium {
			return i
		}
	}
	return -1
}

// equal is Python's dict equality: same keys, in any order, with equal
// lists.
func (d cssDict) equal(o cssDict) bool {
	if len(d) != len(o) {
		return false
	}
	for _, ma := range d {
		i := o.index(ma.Medium)
		if i < 0 || !assetsEqual(ma.Assets, o[i].Assets) {
			return false
		}
	}
	return true
}

func assetsEqual(a, b []Asset) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (m Media) css() []cssDict {
	if m.cssLists == nil {
		return []cssDict{nil}
	}
	return m.cssLists
}

func (m Media) js() [][]Asset {
	if m.jsLists == nil {
		return [][]Asset{nil}
	}
	return m.jsLists
}

// Add returns the combination of m and others, in order: Django's
// m + others[0] + others[1] + .... Each right-hand operand contributes
// those of its definition lists that are non-empty and not equal to one of
// the left-hand operand's lists; nothing is merged until the media is read.
func (m Media) Add(others ...Media) Media {
	for _, o := range others {
		m = m.add(o)
	}
	return m
}

func (m Media) add(o Media) Media {
	left := m.css()
	css := append([]cssDict(nil), left...)
	for _, item := range o.css() {
		if len(item) == 0 {
			continue
		}
		found := false
		for _, l := range left {
			if item.equal(l) {
				found = true
				break
			}
		}
		if !found {
			css = append(css, item)
		}
	}
	leftJS := m.js()
	js := append([][]Asset(nil), leftJS...)
	for _, item := range o.js() {
		if len(item) == 0 {
			continue
		}
		found := false
		for _, l := range leftJS {
			if assetsEqual(item, l) {
				found = true
				break
			}
		}
		if !found {
			js = append(js, item)
		}
	}
	return Media{cssLists: css, jsLists: js}
}

// JS returns the merged scripts, Django's Media._js.
func (m Media) JS() []Asset {
	js, _ := Merge(m.js()...)
	return js
}

// CSS returns the merged stylesheets by medium, Django's Media._css: the
// mediums in the order they first appear in the media's definitions (a
// medium whose lists are all empty is kept, with no assets).
func (m Media) CSS() []MediumAssets {
	out, _ := m.mergedCSS()
	return out
}

func (m Media) cssByMedium() (mediums []string, lists map[string][][]Asset) {
	lists = map[string][][]Asset{}
	for _, d := range m.css() {
		for _, ma := range d {
			if _, ok := lists[ma.Medium]; !ok {
				mediums = append(mediums, ma.Medium)
			}
			lists[ma.Medium] = append(lists[ma.Medium], ma.Assets)
		}
	}
	return mediums, lists
}

func (m Media) mergedCSS() ([]MediumAssets, []Conflict) {
	mediums, lists := m.cssByMedium()
	var out []MediumAssets
	var conflicts []Conflict
	for _, medium := range mediums {
		merged, c := Merge(lists[medium]...)
		if c != nil {
			c.Type, c.Medium = "css", medium
			conflicts = append(conflicts, *c)
		}
		out = append(out, MediumAssets{Medium: medium, Assets: merged})
	}
	return out, conflicts
}

// Conflicts returns the MediaOrderConflictWarnings Django would emit when
// merging this media: one per CSS medium (in the order of CSS) whose lists
// conflict, then one for the scripts if they do. The merged views still
// have an order in that case, as in Django.
func (m Media) Conflicts() []Conflict {
	_, conflicts := m.mergedCSS()
	if _, c := Merge(m.js()...); c != nil {
		c.Type = "js"
		conflicts = append(conflicts, *c)
	}
	return conflicts
}

// Subset returns the media holding only the merged assets of one type,
// "css" or "js": Django's media["css"] and media["js"]. Any other name is
// an error, Django's KeyError.
func (m Media) Subset(name string) (Media, error) {
	switch name {
	case "css":
		return Media{cssLists: []cssDict{cssDict(m.CSS())}}, nil
	case "js":
		return Media{jsLists: [][]Asset{m.JS()}}, nil
	}
	return Media{}, errors.New(`Unknown media type "` + name + `"`)
}

// Render returns the HTML for the media with the reference's settings (no
// STATIC_URL): DefaultRenderer.Render(m).
func (m Media) Render() string { return DefaultRenderer.Render(m) }

// RenderJS returns one <script> element per merged script:
// DefaultRenderer.RenderJS(m).
func (m Media) RenderJS() []string { return DefaultRenderer.RenderJS(m) }

// RenderCSS returns one <link> element per merged stylesheet:
// DefaultRenderer.RenderCSS(m).
func (m Media) RenderCSS() []string { return DefaultRenderer.RenderCSS(m) }

// String returns Render(), as Django's str(media).
func (m Media) String() string { return m.Render() }

// Repr returns Django's repr(media): "Media(css={...}, js=[...])" with
// the merged assets.
func (m Media) Repr() string {
	var b strings.Builder
	b.WriteString("Media(css={")
	for i, ma := range m.CSS() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyfmt.Repr(ma.Medium))
		b.WriteString(": ")
		b.WriteString(reprList(ma.Assets))
	}
	b.WriteString("}, js=")
	b.WriteString(reprList(m.JS()))
	b.WriteString(")")
	return b.String()
}

func reprList(l []Asset) string {
	parts := make([]string, len(l))
	for i, a := range l {
		parts[i] = a.repr()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// Conflict is a MediaOrderConflictWarning: lists that hold the same assets
// in opposite orders, so that no order satisfies them all.
type Conflict struct {
	// Type is "css" or "js" when the conflict comes from a Media; Merge
	// leaves it empty.
	Type string
	// Medium is the CSS medium for a "css" conflict.
	Medium string
	// Lists are the lists that were merged, empty ones included, as
	// Django's warning shows them.
	Lists [][]Asset
}

// String returns Django's warning message, e.g. "Detected duplicate Media
// files in an opposite order: ['a', 'b'], ['b', 'a']".
func (c Conflict) String() string {
	parts := make([]string, len(c.Lists))
	for i, l := range c.Lists {
		parts[i] = reprList(l)
	}
	return "Detected duplicate Media files in an opposite order: " + strings.Join(parts, ", ")
}

// Merge merges lists while trying to keep the relative order of their
// elements, Django's Media.merge: a stable topological sort of the order
// each list implies, duplicates dropped. When the lists hold the same
// elements in opposite orders it returns the elements in the order of
// their first appearance and a non-nil Conflict (Django's warning).
func Merge(lists ...[]Asset) ([]Asset, *Conflict) {
	deps := map[Asset]map[Asset]struct{}{}
	var all []Asset
	seen := map[Asset]bool{}
	for _, l := range lists {
		if len(l) == 0 {
			continue
		}
		head := l[0]
		// The first items depend on nothing but have to be part of the
		// dependency graph to be included in the result.
		if deps[head] == nil {
			deps[head] = map[Asset]struct{}{}
		}
		for _, item := range l {
			if !seen[item] {
				seen[item] = true
				all = append(all, item)
			}
			if head != item {
				if deps[item] == nil {
					deps[item] = map[Asset]struct{}{}
				}
				deps[item][head] = struct{}{}
			}
			head = item
		}
	}
	result := make([]Asset, 0, len(all))
	todo := deps
	for len(todo) > 0 {
		current := map[Asset]bool{}
		for node, d := range todo {
			if len(d) == 0 {
				current[node] = true
			}
		}
		if len(current) == 0 {
			c := &Conflict{Lists: make([][]Asset, len(lists))}
			for i, l := range lists {
				c.Lists[i] = append([]Asset{}, l...)
			}
			return all, c
		}
		for _, node := range all {
			if current[node] {
				result = append(result, node)
			}
		}
		next := make(map[Asset]map[Asset]struct{}, len(todo)-len(current))
		for node, d := range todo {
			if current[node] {
				continue
			}
			nd := make(map[Asset]struct{}, len(d))
			for dep := range d {
				if !current[dep] {
					nd[dep] = struct{}{}
				}
			}
			next[node] = nd
		}
		todo = next
	}
	return result, nil
}

// sortedMediums returns the CSS mediums in Django's rendering order.
func sortedMediums(css []MediumAssets) []MediumAssets {
	out := append([]MediumAssets(nil), css...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Medium < out[j].Medium })
	return out
}
