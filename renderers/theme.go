package renderers

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/formwork/formwork/templates"
)

// themeOverlay lays the named theme's templates for one engine under the
// renderer's own overlay: a template of the overlay wins, then the
// theme's, then the built-in one. An empty name is no theme.
func themeOverlay(owner, name string, overlay fs.FS, jinja bool) (fs.FS, error) {
	if name == "" {
		return overlay, nil
	}
	t, ok := templates.LookupTheme(name)
	if !ok {
		return overlay, fmt.Errorf("renderers: %s.Theme: unknown theme %q (have %s)", owner, name, strings.Join(templates.ThemeNames(), ", "))
	}
	th := t.Django
	if jinja {
		th = t.Jet
	}
	if overlay == nil {
		return th, nil
	}
	return layerFS{overlay, th}, nil
}

// CheckTheme returns an error naming the theme packs when name is not one
// of them ("" is no theme, and fine).
func CheckTheme(name string) error {
	_, err := themeOverlay("renderer", name, nil, false)
	return err
}
