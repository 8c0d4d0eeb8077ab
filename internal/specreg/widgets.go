package specreg

import (
	"encoding/json"
	"fmt"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/widgets"
	"math"
	"sort"
	"strconv"

	"github.com/formwork/formwork/renderers"
)

// constructors builds each widget type by its Django class name.
var constructors = map[string]func(renderers.Attrs) widgets.Widget{
	"TextInput":                 func(a renderers.Attrs) widgets.Widget { return widgets.NewTextInput(a) },
	"NumberInput":               func(a renderers.Attrs) widgets.Widget { return widgets.NewNumberInput(a) },
	"EmailInput":                func(a renderers.Attrs) widgets.Widget { return widgets.NewEmailInput(a) },
	"URLInput":                  func(a renderers.Attrs) widgets.Widget { return widgets.NewURLInput(a) },
	"PasswordInput":             func(a renderers.Attrs) widgets.Widget { return widgets.NewPasswordInput(a) },
	"HiddenInput":               func(a renderers.Attrs) widgets.Widget { return widgets.NewHiddenInput(a) },
	"MultipleHiddenInput":       func(a renderers.Attrs) widgets.Widget { return widgets.NewMultipleHiddenInput(a) },
	"FileInput":                 func(a renderers.Attrs) widgets.Widget { return widgets.NewFileInput(a) },
	"ClearableFileInput":        func(a renderers.Attrs) widgets.Widget { return widgets.NewClearableFileInput(a) },
	"Textarea":                  func(a renderers.Attrs) widgets.Widget { return widgets.NewTextarea(a) },
	"DateInput":                 func(a renderers.Attrs) widgets.Widget { return widgets.NewDateInput(a) },
	"DateTimeInput":             func(a renderers.Attrs) widgets.Widget { return widgets.NewDateTimeInput(a) },
	"TimeInput":                 func(a renderers.Attrs) widgets.Widget { return widgets.NewTimeInput(a) },
	"CheckboxInput":             func(a renderers.Attrs) widgets.Widget { return widgets.NewCheckboxInput(a) },
	"Select":                    func(a renderers.Attrs) widgets.Widget { return widgets.NewSelect(a) },
	"NullBooleanSelect":         func(a renderers.Attrs) widgets.Widget { return widgets.NewNullBooleanSelect(a) },
	"SelectMultiple":            func(a renderers.Attrs) widgets.Widget { return widgets.NewSelectMultiple(a) },
	"RadioSelect":               func(a renderers.Attrs) widgets.Widget { return widgets.NewRadioSelect(a) },
	"CheckboxSelectMultiple":    func(a renderers.Attrs) widgets.Widget { return widgets.NewCheckboxSelectMultiple(a) },
	"MultiWidget":               func(a renderers.Attrs) widgets.Widget { return widgets.NewMultiWidget(nil, a) },
	"SplitDateTimeWidget":       func(a renderers.Attrs) widgets.Widget { return widgets.NewSplitDateTimeWidget(a) },
	"SplitHiddenDateTimeWidget": func(a renderers.Attrs) widgets.Widget { return widgets.NewSplitHiddenDateTimeWidget(a) },
	"SelectDateWidget":          func(a renderers.Attrs) widgets.Widget { return widgets.NewSelectDateWidget(a) },
}

// WidgetNames returns the widget type names WidgetFromSpec knows, sorted.
func WidgetNames() []string {
	out := make([]string, 0, len(constructors))
	for n := range constructors {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// WidgetFromSpec builds a widget of the named Django type from the arguments
// of a form-spec widget object: "attrs", "template_name" and the type's
// own ("choices", "years", "months", "empty_label", "widgets", "format",
// "render_value", "date_format", "time_format", "date_attrs",
// "time_attrs"). "type" is ignored and "media" is left to the caller,
// who sets Base().Media from it. Numbers may be float64 or json.Number, as
// encoding/json decodes them.
func WidgetFromSpec(typeName string, spec map[string]any) (widgets.Widget, error) {
	build, ok := constructors[typeName]
	if !ok {
		return nil, fmt.Errorf("widgets: unknown widget type %q", typeName)
	}
	fail := func(arg string, err error) (widgets.Widget, error) {
		return nil, fmt.Errorf("widgets: %s argument %q: %w", typeName, arg, err)
	}
	attrs, err := specAttrs(spec["attrs"])
	if err != nil {
		return fail("attrs", err)
	}
	if typeName == "FileInput" || typeName == "ClearableFileInput" {
		if m, ok := attrs["multiple"]; ok && pyval.Truthy(m) {
			return nil, fmt.Errorf("widgets: %s doesn't support uploading multiple files", typeName)
		}
	}
	if typeName == "SplitDateTimeWidget" || typeName == "SplitHiddenDateTimeWidget" {
		var df, tf string
		var da, ta renderers.Attrs
		for arg, p := range map[string]*string{"date_format": &df, "time_format": &tf} {
			if v, ok := spec[arg]; ok && v != nil {
				s, ok := v.(string)
				if !ok {
					return fail(arg, fmt.Errorf("want a string, got %T", v))
				}
				*p = s
			}
		}
		for arg, p := range map[string]*renderers.Attrs{"date_attrs": &da, "time_attrs": &ta} {
			if v, ok := spec[arg]; ok && v != nil {
				if *p, err = specAttrs(v); err != nil {
					return fail(arg, err)
				}
			}
		}
		if typeName == "SplitDateTimeWidget" {
			return finish(widgets.NewSplitDateTimeWidgetWith(attrs, df, tf, da, ta), spec, typeName)
		}
		return finish(widgets.NewSplitHiddenDateTimeWidgetWith(attrs, df, tf, da, ta), spec, typeName)
	}
	w := build(attrs)
	for arg, v := range spec {
		switch arg {
		case "type", "attrs", "template_name", "media":
			continue
		}
		if err := setArg(w, arg, v); err != nil {
			return fail(arg, err)
		}
	}
	return finish(w, spec, typeName)
}

func finish(w widgets.Widget, spec map[string]any, typeName string) (widgets.Widget, error) {
	if t, ok := spec["template_name"]; ok && t != nil {
		s, ok := t.(string)
		if !ok {
			return nil, fmt.Errorf("widgets: %s argument \"template_name\": want a string, got %T", typeName, t)
		}
		w.Base().Template = s
	}
	if typeName == "SplitDateTimeWidget" || typeName == "SplitHiddenDateTimeWidget" {
		for arg := range spec {
			switch arg {
			case "type", "attrs", "template_name", "media", "date_format", "time_format", "date_attrs", "time_attrs":
			default:
				return nil, fmt.Errorf("widgets: %s has no argument %q", typeName, arg)
			}
		}
	}
	return w, nil
}

// setArg sets one of a widget type's own arguments.
func setArg(w widgets.Widget, arg string, v any) error {
	switch x := w.(type) {
	case *widgets.PasswordInput:
		if arg == "render_value" {
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("want a bool, got %T", v)
			}
			x.RenderValue = b
			return nil
		}
	case *widgets.DateInput:
		if arg == "format" {
			return setString(&x.Format, v)
		}
	case *widgets.DateTimeInput:
		if arg == "format" {
			return setString(&x.Format, v)
		}
	case *widgets.TimeInput:
		if arg == "format" {
			return setString(&x.Format, v)
		}
	case widgets.Chooser:
		if arg == "choices" {
			c, err := SpecChoices(v)
			if err != nil {
				return err
			}
			x.SetChoices(c)
			return nil
		}
	case *widgets.MultiWidget:
		if arg == "widgets" {
			return specWidgets(x, v)
		}
	case *widgets.SelectDateWidget:
		switch arg {
		case "years":
			list, ok := v.([]any)
			if !ok {
				return fmt.Errorf("want a list of years, got %T", v)
			}
			x.Years = make([]int, len(list))
			for i, y := range list {
				n, ok := specValue(y).(int)
				if !ok {
					return fmt.Errorf("year %d: want an integer, got %v", i, y)
				}
				x.Years[i] = n
			}
			return nil
		case "months":
			return specMonths(x, v)
		case "empty_label":
			switch l := v.(type) {
			case nil:
				x.EmptyLabel = nil
			case string:
				x.EmptyLabel = []string{l}
			case []any:
				if len(l) != 3 {
					return fmt.Errorf("empty_label list/tuple must have 3 elements")
				}
				x.EmptyLabel = make([]string, 3)
				for i, s := range l {
					x.EmptyLabel[i] = fmt.Sprint(s)
				}
			default:
				return fmt.Errorf("want a string or a list of 3, got %T", v)
			}
			return nil
		}
	}
	return fmt.Errorf("unknown argument")
}

func setString(p *string, v any) error {
	if v == nil {
		*p = ""
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("want a string, got %T", v)
	}
	*p = s
	return nil
}

func specWidgets(m *widgets.MultiWidget, v any) error {
	var items []any
	var names []string
	switch l := v.(type) {
	case []any:
		items = l
	case map[string]any:
		// A dict of widgets: names become suffixes, "" none. Go maps
		// lose order, so the names are sorted.
		for k := range l {
			names = append(names, k)
		}
		sort.Strings(names)
		for i, k := range names {
			items = append(items, l[k])
			if k != "" {
				names[i] = "_" + k
			}
		}
	default:
		return fmt.Errorf("want a list of widgets, got %T", v)
	}
	m.Widgets = make([]widgets.Widget, len(items))
	for i, it := range items {
		var typ string
		var spec map[string]any
		switch s := it.(type) {
		case string:
			typ = s
		case map[string]any:
			typ, _ = s["type"].(string)
			spec = s
		default:
			return fmt.Errorf("widget %d: want a name or an object, got %T", i, it)
		}
		sub, err := WidgetFromSpec(typ, spec)
		if err != nil {
			return fmt.Errorf("widget %d: %w", i, err)
		}
		m.Widgets[i] = sub
	}
	m.WidgetsNames = names
	return nil
}

func specMonths(w *widgets.SelectDateWidget, v any) error {
	switch m := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, errA := strconv.Atoi(keys[i])
			b, errB := strconv.Atoi(keys[j])
			if errA == nil && errB == nil {
				return a < b
			}
			return keys[i] < keys[j]
		})
		w.Months = make([]widgets.Choice, len(keys))
		for i, k := range keys {
			w.Months[i] = widgets.Choice{Value: k, Label: fmt.Sprint(m[k])}
		}
		return nil
	case []any:
		c, err := SpecChoices(m)
		if err != nil {
			return err
		}
		w.Months = c
		return nil
	}
	return fmt.Errorf("want an object of months, got %T", v)
}

// SpecChoices turns a form-spec choices list, [[VALUE, LABEL], ...] with
// groups as [GROUP_LABEL, [[VALUE, LABEL], ...]], into choices. Integral
// numbers become ints.
func SpecChoices(v any) ([]widgets.Choice, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("want a list of choices, got %T", v)
	}
	out := make([]widgets.Choice, 0, len(list))
	for i, it := range list {
		pair, ok := it.([]any)
		if !ok || len(pair) != 2 {
			return nil, fmt.Errorf("choice %d: want [value, label], got %v", i, it)
		}
		if group, ok := pair[1].([]any); ok {
			sub, err := SpecChoices(group)
			if err != nil {
				return nil, fmt.Errorf("group %d: %w", i, err)
			}
			if sub == nil {
				sub = []widgets.Choice{}
			}
			out = append(out, widgets.Choice{Value: specValue(pair[0]), Group: sub})
			continue
		}
		label := specValue(pair[1])
		out = append(out, widgets.Choice{Value: specValue(pair[0]), Label: labelStr(label)})
	}
	return out, nil
}

func labelStr(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyfmt.Str(v)
}

// specAttrs turns a form-spec attrs object into Attrs.
func specAttrs(v any) (renderers.Attrs, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want an object, got %T", v)
	}
	out := make(renderers.Attrs, len(m))
	for k, x := range m {
		out[k] = specValue(x)
	}
	return out, nil
}

// specValue turns a JSON number into an int when it is integral.
func specValue(v any) any {
	switch x := v.(type) {
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int(x)
		}
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return int(n)
		}
		if f, err := x.Float64(); err == nil {
			return f
		}
	}
	return v
}
