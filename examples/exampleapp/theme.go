package exampleapp

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"

	// The Django template engine renders the templates a theme overrides.
	_ "github.com/formwork/formwork/renderers/djangoengine"
)

// Look is how the application's pages look: the renderer its forms and
// formsets render with (a theme pack's, say), the theme whose page markup
// (containers, buttons, tables) the pages use, and the stylesheet they
// link to.
type Look struct {
	// Renderer renders the forms; nil is Renderer(Theme, nil, false).
	Renderer renderers.Renderer
	// Theme names the theme pack the pages are laid out for ("" for the
	// built-in templates, with the application's own small stylesheet).
	Theme string
	// Stylesheet is the URL of the theme's stylesheet; "" is none.
	Stylesheet string
	// Install, when the theme's stylesheet is not installed, says how to
	// install it; the pages show it.
	Install string
}

// Renderer is the renderer the application's pages use for a theme: the
// div style with the theme pack's templates, overlay (a theme author's
// --templates directory, or nil) searched first and parsed again on every
// render when reload is set. With the built-in templates (theme ""),
// the application's own formset template comes after overlay, so that
// each form of a formset is a fieldset of its own (Django's div formset
// template runs the forms together).
func Renderer(theme string, overlay fs.FS, reload bool) renderers.Renderer {
	r := &renderers.DjangoTemplates{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate,
		Theme: theme, Overlay: overlay, Reload: reload}
	if theme == "" {
		r.Overlay = layered{overlay, appTemplates}
	}
	return r
}

// layered is a file system searched in order: the first that has a file
// serves it.
type layered []fs.FS

func (l layered) Open(name string) (fs.File, error) {
	for _, fsys := range l {
		if fsys == nil {
			continue
		}
		if f, err := fsys.Open(name); err == nil {
			return f, nil
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// CSSDir is where .ci/themes-install.sh puts the theme packs'
// stylesheets (npm packages): $FORMWORK_THEME_CSS when set, else
// themes-css/node_modules in the current directory.
func CSSDir() string {
	if d := os.Getenv("FORMWORK_THEME_CSS"); d != "" {
		return d
	}
	return filepath.Join("themes-css", "node_modules")
}

// ThemeCSS returns the file of the theme's stylesheet, or "" and how to
// install it when it is not installed.
func ThemeCSS(theme string) (path, install string) {
	t, ok := templates.LookupTheme(theme)
	if !ok {
		return "", ""
	}
	p := filepath.Join(CSSDir(), t.Package, filepath.FromSlash(t.CSS))
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
		return "", fmt.Sprintf("%s's stylesheet (npm %s) is not installed in %s: run bash .ci/themes-install.sh (or set FORMWORK_THEME_CSS to a node_modules directory holding it)", theme, t.Package, CSSDir())
	}
	return p, ""
}
