// Package templates embeds formwork's built-in templates: the Django-syntax
// set rendered by pongo2 and the Jinja-style set rendered by jet, both under
// Django's template names ("django/forms/div.html", ...), so that a theme
// written for Django ports with little change. These files are the one
// hand-written copy of the built-in markup: the renderers' fast path is
// generated from the Django-syntax set (internal/tmplgen), and a test
// renders every corpus case through both and each engine. The theme
// packs (LookupTheme: "bootstrap5", "govuk") are overlays of the same
// names in both syntaxes, embedded beside them.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed django
var djangoFS embed.FS

//go:embed jet
var jetFS embed.FS

//go:embed accessible/django
var accessibleFS embed.FS

// Accessible holds the AccessibleFormRenderer's Django-syntax templates,
// by the Django names they override ("django/forms/div.html", ...).
var Accessible fs.FS = mustSub(accessibleFS, "accessible")

// Django holds the Django-syntax templates, by their Django names.
var Django fs.FS = djangoFS

// Jet holds Django's Jinja2 templates ported to jet syntax, by their
// Django names; the Jinja2 renderer renders them.
var Jet fs.FS = mustSub(jetFS, "jet")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the directory is embedded above: this cannot fail
	}
	return sub
}
