package renderers

import "github.com/flosch/pongo2/v6"

// pongo2's autoescape (and its escape filter) writes ' as &#39;; Django's
// escape() writes &#x27;. Templates rendered by pongo2 outside the native
// paths (the text error lists, an application's own templates) escape
// as Django does.
func init() {
	must(pongo2.ReplaceFilter("escape", func(in *pongo2.Value, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		return pongo2.AsValue(Escape(in.String())), nil
	}))
}
