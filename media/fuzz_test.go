package media_test

// Fuzz target of media merging. Run it with
//
//	go test -run='^$' -fuzz=FuzzMerge -fuzztime=60s ./media

import (
	"slices"
	"strings"
	"testing"

	"github.com/formwork/formwork/media"
)

// fuzzLists reads lists of assets from s: lines are lists, each byte an
// asset out of a small alphabet (so that lists share assets and can
// disagree on their order); a byte of 'A' to 'Z' is an HTML asset.
func fuzzLists(s string) [][]media.Asset {
	var lists [][]media.Asset
	for _, line := range strings.Split(s, "\n") {
		var l []media.Asset
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c >= 'A' && c <= 'Z' {
				l = append(l, media.HTML("<script src=\""+string(c)+"\"></script>"))
				continue
			}
			l = append(l, media.Path(string(rune('a'+c%8))+".js"))
		}
		lists = append(lists, l)
	}
	return lists
}

// FuzzMerge merges any lists of scripts and stylesheets, added one media
// at a time as forms and widgets add theirs: every asset comes out exactly
// once; when Django would not warn of a conflict, every list's order is
// kept; and the media renders one element per merged asset.
func FuzzMerge(f *testing.F) {
	f.Add("abc\nbcd\nad", "ab\nba")
	f.Add("ab\nba", "")
	f.Add("aAb\nAb\nbA", "xyz\nzyx\nyy")
	f.Add("", "\n\n\n")
	f.Add("abcdefgh\nhgfedcba\nabab", "aa\nbb")
	f.Fuzz(func(t *testing.T, js, css string) {
		if len(js)+len(css) > 1024 {
			return
		}
		jsLists, cssLists := fuzzLists(js), fuzzLists(css)
		var m media.Media
		for i, l := range jsLists {
			var c []media.MediumAssets
			if i < len(cssLists) {
				medium := []string{"all", "screen", "print"}[i%3]
				c = []media.MediumAssets{{Medium: medium, Assets: cssLists[i]}}
			}
			m = m.Add(media.New(c, l))
		}
		merged := m.JS()
		seen := map[media.Asset]bool{}
		for _, a := range merged {
			if seen[a] {
				t.Fatalf("%v twice in %v", a, merged)
			}
			seen[a] = true
		}
		for _, l := range jsLists {
			for _, a := range l {
				if !seen[a] {
					t.Fatalf("%v of %v missing from %v", a, l, merged)
				}
			}
		}
		jsConflict := false
		for _, c := range m.Conflicts() {
			jsConflict = jsConflict || c.Type == "js"
		}
		if !jsConflict {
			for _, l := range jsLists {
				last := -1
				for _, a := range l {
					i := slices.Index(merged, a)
					if i < last && !slices.Contains(l[:slices.Index(l, a)], a) {
						t.Fatalf("no conflict reported, but %v changes the order of %v", merged, l)
					}
					last = max(last, i)
				}
			}
		}
		if got := len(m.RenderJS()); got != len(merged) {
			t.Fatalf("%d script elements for %d scripts", got, len(merged))
		}
		n := 0
		for _, ma := range m.CSS() {
			n += len(ma.Assets)
		}
		if got := len(m.RenderCSS()); got != n {
			t.Fatalf("%d link elements for %d stylesheets", got, n)
		}
		_ = m.Render()
		_ = m.Repr()
	})
}
