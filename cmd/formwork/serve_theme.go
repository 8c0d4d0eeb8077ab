package main

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/formwork/formwork/examples/exampleapp"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"
)

// themeCSSDir is where the theme packs' stylesheets are installed
// (exampleapp.CSSDir: .ci/themes-install.sh's, or $FORMWORK_THEME_CSS).
func themeCSSDir() string { return exampleapp.CSSDir() }

// themeCSS returns the path of the theme's stylesheet, "" when it is not
// installed (or the theme has none).
func themeCSS(name string) string {
	p, _ := exampleapp.ThemeCSS(name)
	return p
}

// themeInfo is what a page says about the theme it shows.
type themeInfo struct {
	Name      string   // "" for the built-in templates
	Names     []string // the themes to switch to
	Overrides []string // the templates the theme overrides
	CSS       bool     // the stylesheet is installed and linked
	Install   string   // how to install it when it is not
}

// theme returns the theme a request asks for (?theme=NAME, "none" for
// none), else the one --theme named.
func (p *preview) themeOf(r *http.Request) (string, error) {
	name := p.theme
	if r != nil {
		if q, ok := r.URL.Query()["theme"]; ok {
			name = q[0]
		}
	}
	if name == "none" {
		name = ""
	}
	return name, renderers.CheckTheme(name)
}

func (p *preview) themeInfo(name string) themeInfo {
	ti := themeInfo{Name: name, Names: templates.ThemeNames()}
	if t, ok := templates.LookupTheme(name); ok {
		ti.Overrides = templates.ThemeTemplates(t)
		var path string
		path, ti.Install = exampleapp.ThemeCSS(name)
		ti.CSS = path != ""
	}
	return ti
}

// withTheme sets the theme on the renderers that take one.
func withTheme(r renderers.Renderer, theme string) renderers.Renderer {
	switch x := r.(type) {
	case *renderers.DjangoTemplates:
		x.Theme = theme
	case *renderers.Jinja2:
		x.Theme = theme
	}
	return r
}

// serveThemeCSS serves /theme/NAME.css, the installed stylesheet, and
// /assets/..., the govuk-frontend fonts and images its stylesheet names.
func (p *preview) serveThemeCSS(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSuffix(r.PathValue("file"), ".css")
	path := themeCSS(name)
	if path == "" {
		http.Error(w, fmt.Sprintf("no stylesheet for theme %q: run bash .ci/themes-install.sh", name), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	http.ServeFile(w, r, path)
}

func (p *preview) serveGovukAssets() http.Handler {
	return http.StripPrefix("/assets/", http.FileServer(http.Dir(filepath.Join(themeCSSDir(), "govuk-frontend", "dist", "govuk", "assets"))))
}

// appLook is how the example application under /app/ looks: the div
// style with --theme's pack and --templates' overrides (reloaded on every
// request), the pages laid out for the theme and linking its stylesheet
// when it is installed, saying how to install it when not.
func (p *preview) appLook() exampleapp.Look {
	var overlay fs.FS
	if p.templates != "" {
		overlay = os.DirFS(p.templates)
	}
	look := exampleapp.Look{Renderer: exampleapp.Renderer(p.theme, overlay, overlay != nil), Theme: p.theme}
	if path, install := exampleapp.ThemeCSS(p.theme); path != "" {
		look.Stylesheet = "/theme/" + p.theme + ".css"
	} else {
		look.Install = install
	}
	return look
}
