package templates

import (
	"embed"
	"io/fs"
	"slices"
)

//go:embed all:themes
var themesFS embed.FS

// A Theme is one of formwork's theme packs: templates laid over the
// built-in ones, by the same Django names, that print a CSS framework's
// form markup. Django holds the Django-syntax set (pongo2), Jet the
// Jinja-style set (jet); both override the same names.
type Theme struct {
	// Name is how the theme is selected ("bootstrap5", "govuk").
	Name string
	// Django and Jet are the overlays, by Django template names.
	Django, Jet fs.FS
	// CSS is the path of the theme's stylesheet inside its npm package's
	// directory (node_modules/PACKAGE/...), and Package that package.
	Package, CSS string
}

// themes lists the theme packs, by name.
var themes = map[string]Theme{
	"bootstrap5": {Name: "bootstrap5", Package: "bootstrap", CSS: "dist/css/bootstrap.min.css"},
	"govuk":      {Name: "govuk", Package: "govuk-frontend", CSS: "dist/govuk/govuk-frontend.min.css"},
}

func init() {
	for name, t := range themes {
		t.Django = mustSub(themesFS, "themes/"+name+"/django")
		t.Jet = mustSub(themesFS, "themes/"+name+"/jet")
		themes[name] = t
	}
}

// LookupTheme returns the theme pack of that name.
func LookupTheme(name string) (Theme, bool) {
	t, ok := themes[name]
	return t, ok
}

// ThemeNames returns the names of the theme packs, sorted.
func ThemeNames() []string {
	names := make([]string, 0, len(themes))
	for n := range themes {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// ThemeTemplates returns the template names the theme overrides (those of
// its Django-syntax set), sorted.
func ThemeTemplates(t Theme) []string {
	var names []string
	_ = fs.WalkDir(t.Django, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	return names
}
