package renderers

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"github.com/CloudyKit/jet/v6"

	"github.com/formwork/formwork/internal/pyfmt"
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

// jetTranslate is the translate() of jet templates, the {% translate %}
// of the Django-syntax ones: translate(holder, "message", name, value,
// ...) translates the message with the translator of holder (a form,
// bound field or formset, see TranslatorOf) and interpolates the
// %(name)s parameters; the result is escaped as any string.
func jetTranslate(a jet.Arguments) reflect.Value {
	if a.NumOfArguments() < 2 || a.NumOfArguments()%2 != 0 {
		a.Panicf("translate(holder, message, name, value, ...): want a holder, a message and name, value pairs, got %d arguments", a.NumOfArguments())
	}
	holder := a.Get(0)
	var t Translator
	if holder.IsValid() && holder.CanInterface() {
		switch x := holder.Interface().(type) {
		case jetObject:
			t = objectTranslator(Object(x))
		case Object:
			t = objectTranslator(x)
		}
	}
	msg, ok := a.Get(1).Interface().(string)
	if !ok {
		a.Panicf("translate: the message must be a string")
	}
	if t != nil {
		msg = t.Translate(msg)
	}
	if a.NumOfArguments() > 2 {
		params := map[string]any{}
		for i := 2; i < a.NumOfArguments(); i += 2 {
			name, ok := a.Get(i).Interface().(string)
			if !ok {
				a.Panicf("translate: parameter %d: want a name string", i/2)
			}
			v := a.Get(i + 1).Interface()
			if f, ok := v.(float64); ok && f == float64(int64(f)) {
				v = int64(f) // jet's arithmetic is in floats: 1, not 1.0
			}
			params[name] = v
		}
		msg = pyfmt.Interpolate(msg, params)
	}
	return reflect.ValueOf(msg)
}
