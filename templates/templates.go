// Package templates embeds formwork's built-in templates: the Django-syntax
// set rendered by pongo2 and the Jinja-style set rendered by jet, both under
// Django's template names ("django/forms/div.html", ...), so that a theme
// written for Django ports with little change.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed django
var djangoFS embed.FS

//go:embed jinja2
var jinja2FS embed.FS

//go:embed jet
var jetFS embed.FS

//go:embed accessible/django
var accessibleFS embed.FS

// Accessible holds the AccessibleFormRenderer's Django-syntax templates,
// by the Django names they override ("django/forms/div.html", ...).
var Accessible fs.FS = mustSub(accessibleFS, "accessible")

// Django holds the Django-syntax templates, by their Django names.
var Django fs.FS = djangoFS

// Jinja2 holds the Jinja-style templates, by their Django names.
var Jinja2 fs.FS = mustSub(jinja2FS, "jinja2")

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
