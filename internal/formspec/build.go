package formspec

import (
	"github.com/formwork/formwork/internal/specreg"
	"io/fs"
	"sort"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/ojson"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/media"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// fieldMaker builds an empty field of one type with Django's defaults.
type fieldMaker func() forms.Field

var fieldTypes = map[string]fieldMaker{
	"CharField":                func() forms.Field { return forms.NewCharField() },
	"IntegerField":             func() forms.Field { return forms.NewIntegerField() },
	"FloatField":               func() forms.Field { return forms.NewFloatField() },
	"DecimalField":             func() forms.Field { return forms.NewDecimalField() },
	"BooleanField":             func() forms.Field { return forms.NewBooleanField() },
	"NullBooleanField":         func() forms.Field { return forms.NewNullBooleanField() },
	"ChoiceField":              func() forms.Field { return forms.NewChoiceField() },
	"TypedChoiceField":         func() forms.Field { return forms.NewTypedChoiceField(nil) },
	"MultipleChoiceField":      func() forms.Field { return forms.NewMultipleChoiceField() },
	"TypedMultipleChoiceField": func() forms.Field { return forms.NewTypedMultipleChoiceField(nil) },
	"DateField":                func() forms.Field { return forms.NewDateField() },
	"TimeField":                func() forms.Field { return forms.NewTimeField() },
	"DateTimeField":            func() forms.Field { return forms.NewDateTimeField() },
	"DurationField":            func() forms.Field { return forms.NewDurationField() },
	"EmailField":               func() forms.Field { return forms.NewEmailField() },
	"URLField":                 func() forms.Field { return forms.NewURLField() },
	"SlugField":                func() forms.Field { return forms.NewSlugField() },
	"RegexField":               func() forms.Field { return forms.NewRegexField("") },
	"UUIDField":                func() forms.Field { return forms.NewUUIDField() },
	"GenericIPAddressField":    func() forms.Field { return forms.NewGenericIPAddressField() },
	"JSONField":                func() forms.Field { return forms.NewJSONField() },
	"FileField":                func() forms.Field { return forms.NewFileField() },
	"ImageField":               func() forms.Field { return forms.NewImageField() },
	"SplitDateTimeField":       func() forms.Field { return forms.NewSplitDateTimeField() },
	"MultiValueField":          func() forms.Field { return forms.NewMultiValueField(joinParts) },
	"ComboField":               func() forms.Field { return forms.NewComboField() },
}

// FieldTypes returns the field type names a case may use, sorted.
func FieldTypes() []string {
	out := make([]string, 0, len(fieldTypes))
	for k := range fieldTypes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// joinParts is the spec's MultiValueField compress: the parts' str()
// joined with "|".
func joinParts(parts []any) (any, error) {
	if len(parts) == 0 {
		return "", nil
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "|"
		}
		if p != nil {
			s += pyStr(p)
		}
	}
	return s, nil
}

var coercions = map[string]forms.Coerce{
	"int":     forms.CoerceInt,
	"float":   forms.CoerceFloat,
	"str":     forms.CoerceStr,
	"decimal": forms.CoerceDecimal,
}

// buildField builds one field from its spec; needName is false for the
// parts of ComboField and MultiValueField.
func buildField(n node, needName bool) (string, forms.Field, error) {
	o, err := n.object()
	if err != nil {
		return "", nil, err
	}
	name := ""
	if needName {
		nn, ok := n.get("name")
		if !ok {
			return "", nil, specErr(n.path, "missing key \"name\"")
		}
		if name, err = nn.str(); err != nil {
			return "", nil, err
		}
		if name == "" {
			return "", nil, specErr(nn.path, "empty field name")
		}
	}
	tn, ok := n.get("type")
	if !ok {
		return "", nil, specErr(n.path, "missing key \"type\"")
	}
	typ, err := tn.str()
	if err != nil {
		return "", nil, err
	}
	mk, ok := fieldTypes[typ]
	if !ok {
		return "", nil, specErr(tn.path, "unknown field type %q", typ)
	}
	f := mk()
	c := f.Core()
	isDecimal := typ == "DecimalField"
	for _, key := range o.Keys {
		arg := node{o.Values[key], n.child(key)}
		if err := setFieldArg(f, c, typ, key, arg, isDecimal); err != nil {
			return "", nil, err
		}
	}
	if typ == "RegexField" {
		if _, ok := o.Values["regex"]; !ok {
			return "", nil, specErr(n.path, "RegexField needs \"regex\"")
		}
	}
	if err := forms.CheckField(f); err != nil {
		return "", nil, specErr(n.path, "%v", err)
	}
	return name, f, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// setFieldArg applies one argument of a field spec.
func setFieldArg(f forms.Field, c *forms.FieldCore, typ, key string, arg node, isDecimal bool) error {
	switch key {
	case "name", "type":
		return nil
	case "required":
		b, err := arg.boolean()
		c.Optional = !b
		return err
	case "label":
		if arg.v == nil {
			return nil
		}
		s, err := arg.str()
		c.Label = s
		c.HideLabel = s == ""
		return err
	case "label_suffix":
		if arg.v == nil {
			return nil
		}
		s, err := arg.str()
		c.LabelSuffix = &s
		return err
	case "initial":
		v, err := typedValue(arg, isDecimal)
		c.Initial = v
		return err
	case "help_text":
		s, err := arg.str()
		c.HelpText = s
		return err
	case "disabled":
		b, err := arg.boolean()
		c.Disabled = b
		return err
	case "show_hidden_initial":
		b, err := arg.boolean()
		c.ShowHiddenInitial = b
		return err
	case "localize":
		b, err := arg.boolean()
		c.Localize = b
		return err
	case "error_messages":
		keys, vals, err := arg.members()
		if err != nil {
			return err
		}
		c.ErrorMessages = map[string]string{}
		for i, k := range keys {
			s, err := vals[i].str()
			if err != nil {
				return err
			}
			c.ErrorMessages[k] = s
		}
		return nil
	case "validators":
		list, err := arg.list()
		if err != nil {
			return err
		}
		for _, vn := range list {
			v, err := buildValidator(vn)
			if err != nil {
				return err
			}
			c.Validators = append(c.Validators, v)
		}
		return nil
	case "widget":
		w, err := buildWidget(arg)
		c.Widget = w
		return err
	}
	// The arguments of one field type.
	switch x := f.(type) {
	case *forms.CharField:
		return charArg(x, key, arg)
	case *forms.EmailField:
		return charArg(&x.CharField, key, arg)
	case *forms.URLField:
		if key == "assume_scheme" {
			s, err := arg.str()
			x.AssumeScheme = s
			return err
		}
		return charArg(&x.CharField, key, arg)
	case *forms.SlugField:
		if key == "allow_unicode" {
			b, err := arg.boolean()
			x.AllowUnicode = b
			return err
		}
		return charArg(&x.CharField, key, arg)
	case *forms.RegexField:
		switch key {
		case "regex":
			s, err := arg.str()
			if err != nil {
				return err
			}
			if _, err := validators.NewRegex(s, 0); err != nil {
				return specErr(arg.path, "bad regular expression: %v", err)
			}
			x.Regex = s
			return nil
		case "strip":
			b, err := arg.boolean()
			x.Strip = b
			return err
		}
		return charArg(&x.CharField, key, arg)
	case *forms.UUIDField:
		return charArg(&x.CharField, key, arg)
	case *forms.JSONField:
		return charArg(&x.CharField, key, arg)
	case *forms.GenericIPAddressField:
		switch key {
		case "protocol":
			s, err := arg.str()
			x.Protocol = s
			return err
		case "unpack_ipv4":
			b, err := arg.boolean()
			x.UnpackIPv4 = b
			return err
		}
		return charArg(&x.CharField, key, arg)
	case *forms.IntegerField:
		return limitArg(&x.MaxValue, &x.MinValue, &x.StepSize, key, arg, intLimit)
	case *forms.FloatField:
		return limitArg(&x.MaxValue, &x.MinValue, &x.StepSize, key, arg, floatLimit)
	case *forms.DecimalField:
		switch key {
		case "max_digits", "decimal_places":
			if arg.v == nil {
				return nil
			}
			i, err := arg.integer()
			if err != nil {
				return err
			}
			if key == "max_digits" {
				x.MaxDigits = new(i)
			} else {
				x.DecimalPlaces = new(i)
			}
			return nil
		}
		return limitArg(&x.MaxValue, &x.MinValue, &x.StepSize, key, arg, decimalLimit)
	case *forms.ChoiceField:
		return choiceArg(x, key, arg)
	case *forms.TypedChoiceField:
		if ok, err := typedArg(&x.Coerce, &x.EmptyValue, &x.EmptyNil, key, arg); ok {
			return err
		}
		return choiceArg(&x.ChoiceField, key, arg)
	case *forms.MultipleChoiceField:
		return choiceArg(&x.ChoiceField, key, arg)
	case *forms.TypedMultipleChoiceField:
		if ok, err := typedArg(&x.Coerce, &x.EmptyValue, &x.EmptyNil, key, arg); ok {
			return err
		}
		return choiceArg(&x.ChoiceField, key, arg)
	case *forms.DateField:
		if key == "input_formats" {
			l, err := arg.strings()
			x.InputFormats = l
			return err
		}
	case *forms.TimeField:
		if key == "input_formats" {
			l, err := arg.strings()
			x.InputFormats = l
			return err
		}
	case *forms.DateTimeField:
		if key == "input_formats" {
			l, err := arg.strings()
			x.InputFormats = l
			return err
		}
	case *forms.FileField:
		return fileArg(x, key, arg)
	case *forms.ImageField:
		return fileArg(&x.FileField, key, arg)
	case *forms.SplitDateTimeField:
		switch key {
		case "input_date_formats":
			l, err := arg.strings()
			x.InputDateFormats = l
			return err
		case "input_time_formats":
			l, err := arg.strings()
			x.InputTimeFormats = l
			return err
		case "fields":
			return nil // Django's SplitDateTimeField makes its own parts.
		}
	case *forms.MultiValueField:
		switch key {
		case "fields":
			parts, err := subFields(arg)
			x.Fields = parts
			return err
		case "require_all_fields":
			b, err := arg.boolean()
			x.AllowIncomplete = !b
			return err
		}
	case *forms.ComboField:
		if key == "fields" {
			parts, err := subFields(arg)
			x.Fields = parts
			return err
		}
	}
	return specErr(arg.path, "%s has no argument %q", typ, key)
}

// typedArg reads the arguments the typed choice fields add to a choice
// field's, coerce and empty_value (null: Django's None, EmptyNil); ok is
// false for another key.
func typedArg(coerce *forms.Coerce, emptyValue *any, emptyNil *bool, key string, arg node) (ok bool, err error) {
	switch key {
	case "coerce":
		return true, coerceArg(coerce, arg)
	case "empty_value":
		if arg.v == nil {
			*emptyNil = true
			return true, nil
		}
		*emptyValue, err = typedValue(arg, false)
		return true, err
	}
	return false, nil
}

func subFields(arg node) ([]forms.Field, error) {
	list, err := arg.list()
	if err != nil {
		return nil, err
	}
	var out []forms.Field
	for _, sn := range list {
		_, sf, err := buildField(sn, false)
		if err != nil {
			return nil, err
		}
		out = append(out, sf)
	}
	return out, nil
}

func charArg(x *forms.CharField, key string, arg node) error {
	switch key {
	case "max_length", "min_length":
		if arg.v == nil {
			if key == "max_length" {
				x.MaxLength, x.NoMaxLength = 0, true
			} else {
				x.MinLength = 0
			}
			return nil
		}
		i, err := arg.integer()
		if err != nil {
			return err
		}
		if i < 0 {
			return specErr(arg.path, "must not be negative")
		}
		if key == "max_length" {
			x.MaxLength = i
		} else {
			x.MinLength = i
		}
		return nil
	case "strip":
		b, err := arg.boolean()
		x.NoStrip = !b
		return err
	case "empty_value":
		if arg.v == nil {
			x.EmptyNil = true
			return nil
		}
		v, err := typedValue(arg, false)
		x.EmptyValue = v
		return err
	}
	return specErr(arg.path, "unknown argument %q", key)
}

// limitArg sets a number field's max_value, min_value or step_size,
// read by conv as the field's own number type.
func limitArg[T any](maxV, minV **T, step *T, key string, arg node, conv func(node) (T, error)) error {
	var zero T
	if arg.v == nil {
		switch key {
		case "max_value":
			*maxV = nil
		case "min_value":
			*minV = nil
		case "step_size":
			*step = zero
		default:
			return specErr(arg.path, "unknown argument %q", key)
		}
		return nil
	}
	if key != "max_value" && key != "min_value" && key != "step_size" {
		return specErr(arg.path, "unknown argument %q", key)
	}
	v, err := conv(arg)
	if err != nil {
		return err
	}
	switch key {
	case "max_value":
		*maxV = &v
	case "min_value":
		*minV = &v
	default:
		if isZeroNumber(v) {
			return specErr(arg.path, "step_size must be positive")
		}
		*step = v
	}
	return nil
}

func isZeroNumber(v any) bool {
	switch x := v.(type) {
	case int64:
		return x == 0
	case float64:
		return x == 0
	case decimal.Decimal:
		return x.IsZero()
	}
	return false
}

// intLimit reads an IntegerField bound: a whole number.
func intLimit(arg node) (int64, error) {
	v, err := typedValue(arg, false)
	if err != nil {
		return 0, err
	}
	switch x := v.(type) {
	case int64:
		return x, nil
	case int:
		return int64(x), nil
	}
	return 0, specErr(arg.path, "want a whole number for an IntegerField, got %s", kind(arg.v))
}

// floatLimit reads a FloatField bound: a number.
func floatLimit(arg node) (float64, error) {
	v, err := typedValue(arg, false)
	if err != nil {
		return 0, err
	}
	switch x := v.(type) {
	case float64:
		return x, nil
	case int64:
		return float64(x), nil
	case int:
		return float64(x), nil
	}
	return 0, specErr(arg.path, "want a number for a FloatField, got %s", kind(arg.v))
}

// decimalLimit reads a DecimalField bound: a number or its text.
func decimalLimit(arg node) (decimal.Decimal, error) {
	v, err := typedValue(arg, true)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d, ok := v.(decimal.Decimal)
	if !ok {
		return decimal.Decimal{}, specErr(arg.path, "want a decimal for a DecimalField, got %s", kind(arg.v))
	}
	return d, nil
}

func choiceArg(x *forms.ChoiceField, key string, arg node) error {
	if key != "choices" {
		return specErr(arg.path, "unknown argument %q", key)
	}
	cs, err := buildChoices(arg)
	x.Choices = cs
	return err
}

func coerceArg(dst *forms.Coerce, arg node) error {
	s, err := arg.str()
	if err != nil {
		return err
	}
	c, ok := coercions[s]
	if !ok {
		return specErr(arg.path, "unknown coerce %q (want int, float, str or decimal)", s)
	}
	*dst = c
	return nil
}

func fileArg(x *forms.FileField, key string, arg node) error {
	switch key {
	case "max_length":
		if arg.v == nil {
			return nil
		}
		i, err := arg.integer()
		x.MaxLength = i
		return err
	case "allow_empty_file":
		b, err := arg.boolean()
		x.AllowEmptyFile = b
		return err
	}
	return specErr(arg.path, "unknown argument %q", key)
}

// buildChoices reads [[VALUE, LABEL], ...] with [GROUP, [[V, L]...]] groups.
func buildChoices(n node) ([]forms.Choice, error) {
	list, err := n.list()
	if err != nil {
		return nil, err
	}
	out := make([]forms.Choice, 0, len(list))
	for _, item := range list {
		pair, err := item.list()
		if err != nil {
			return nil, err
		}
		if len(pair) != 2 {
			return nil, specErr(item.path, "want [value, label], got %d items", len(pair))
		}
		value, err := typedValue(pair[0], false)
		if err != nil {
			return nil, err
		}
		if _, isList := pair[1].v.([]any); isList {
			group, err := buildChoices(pair[1])
			if err != nil {
				return nil, err
			}
			out = append(out, forms.Choice{Value: value, Label: pyStr(value), Group: group})
			continue
		}
		label, err := typedValue(pair[1], false)
		if err != nil {
			return nil, err
		}
		out = append(out, forms.Choice{Value: value, Label: pyStr(label)})
	}
	return out, nil
}

// buildValidator reads {"type": CLASS, ...arguments}.
func buildValidator(n node) (validators.Validator, error) {
	keys, vals, err := n.members()
	if err != nil {
		return nil, err
	}
	typ := ""
	args := map[string]any{}
	for i, k := range keys {
		switch k {
		case "type":
			if typ, err = vals[i].str(); err != nil {
				return nil, err
			}
		case "limit_value":
			v, err := typedValue(vals[i], false)
			if err != nil {
				return nil, err
			}
			args[k] = v
		default:
			args[k] = plain(vals[i].v)
		}
	}
	if typ == "" {
		return nil, specErr(n.path, "missing key \"type\"")
	}
	if typ == "StepValueValidator" {
		if lv, ok := n.get("limit_value"); ok {
			v, err := typedValue(lv, true)
			if err != nil {
				return nil, err
			}
			args["limit_value"] = v
		}
	}
	if typ == "int_list_validator" {
		// The name of Django's factory, not of a validator: the reference
		// puts the function itself in the field's validators, and calling
		// it with a value builds a RegexValidator and returns it, so it
		// rejects nothing, whatever the arguments (which it does not
		// read). specreg builds the validator the factory makes, for
		// Django's own tests of it.
		return acceptAll{}, nil
	}
	v, err := specreg.ValidatorByName(typ, args)
	if err != nil {
		return nil, specErr(n.path, "%v", err)
	}
	return v, nil
}

// acceptAll is a validator that accepts every value: a case's
// int_list_validator.
type acceptAll struct{}

func (acceptAll) Validate(any) error { return nil }

// buildWidget reads a widget type name or {"type": NAME, ...}.
func buildWidget(n node) (widgets.Widget, error) {
	if s, ok := n.v.(string); ok {
		w, err := specreg.WidgetFromSpec(s, map[string]any{})
		if err != nil {
			return nil, specErr(n.path, "%v", err)
		}
		return w, nil
	}
	o, err := n.object()
	if err != nil {
		return nil, err
	}
	tn, ok := n.get("type")
	if !ok {
		return nil, specErr(n.path, "missing key \"type\"")
	}
	typ, err := tn.str()
	if err != nil {
		return nil, err
	}
	args := map[string]any{}
	var subs []widgets.Widget
	var m *media.Media
	for _, k := range o.Keys {
		arg := node{o.Values[k], n.child(k)}
		switch k {
		case "type":
		case "media":
			md, err := buildMedia(arg)
			if err != nil {
				return nil, err
			}
			m = &md
		case "widgets":
			list, err := arg.list()
			if err != nil {
				return nil, err
			}
			for _, sn := range list {
				sw, err := buildWidget(sn)
				if err != nil {
					return nil, err
				}
				subs = append(subs, sw)
			}
		case "choices":
			cs, err := buildChoices(arg)
			if err != nil {
				return nil, err
			}
			args[k] = choicesToSpec(cs)
		default:
			args[k] = ojson.Plain(arg.v)
		}
	}
	w, err := specreg.WidgetFromSpec(typ, args)
	if err != nil {
		return nil, specErr(n.path, "%v", err)
	}
	if subs != nil {
		mw, ok := w.(*widgets.MultiWidget)
		if !ok {
			return nil, specErr(n.child("widgets"), "%s takes no widgets", typ)
		}
		mw.Widgets = subs
	}
	if m != nil {
		w.Base().Media = *m
	}
	return w, nil
}

// choicesToSpec writes choices back in the spec's list form for
// specreg.WidgetFromSpec.
func choicesToSpec(cs []forms.Choice) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		if c.Group != nil {
			out[i] = []any{c.Value, choicesToSpec(c.Group)}
		} else {
			out[i] = []any{c.Value, c.Label}
		}
	}
	return out
}

// buildMedia reads {"css": {MEDIUM: [ASSET...]}, "js": [ASSET...]}.
func buildMedia(n node) (media.Media, error) {
	if n.v == nil {
		return media.Media{}, nil
	}
	if err := n.checkKeys("css", "js"); err != nil {
		return media.Media{}, err
	}
	var css []media.MediumAssets
	if cn, ok := n.get("css"); ok {
		keys, vals, err := cn.members()
		if err != nil {
			return media.Media{}, err
		}
		for i, medium := range keys {
			assets, err := buildAssets(vals[i])
			if err != nil {
				return media.Media{}, err
			}
			css = append(css, media.MediumAssets{Medium: medium, Assets: assets})
		}
	}
	var js []media.Asset
	if jn, ok := n.get("js"); ok {
		var err error
		if js, err = buildAssets(jn); err != nil {
			return media.Media{}, err
		}
	}
	return media.New(css, js), nil
}

func buildAssets(n node) ([]media.Asset, error) {
	list, err := n.list()
	if err != nil {
		return nil, err
	}
	out := make([]media.Asset, 0, len(list))
	for _, a := range list {
		if s, ok := a.v.(string); ok {
			out = append(out, media.Path(s))
			continue
		}
		h, ok := a.get("html")
		if !ok {
			return nil, specErr(a.path, "want a path or {\"html\": ...}")
		}
		s, err := h.str()
		if err != nil {
			return nil, err
		}
		out = append(out, media.HTML(s))
	}
	return out, nil
}

// rendererMaker builds a named renderer with optional template names and
// an overlay.
type rendererMaker func(formTemplate, formsetTemplate string, overlay fs.FS) renderers.Renderer

var rendererTypes = map[string]rendererMaker{
	"DjangoTemplates": func(ft, fst string, o fs.FS) renderers.Renderer {
		return &renderers.DjangoTemplates{FormTemplate: ft, FormsetTemplate: fst, Overlay: o}
	},
	"DjangoDivFormRenderer": func(ft, fst string, o fs.FS) renderers.Renderer {
		return &renderers.DjangoTemplates{FormTemplate: orDefault(ft, renderers.DivFormTemplate), FormsetTemplate: orDefault(fst, renderers.DivFormsetTemplate), Overlay: o}
	},
}

func init() {
	rendererTypes["Jinja2"] = func(ft, fst string, o fs.FS) renderers.Renderer {
		return &renderers.Jinja2{FormTemplate: ft, FormsetTemplate: fst, Overlay: o}
	}
	rendererTypes["Jinja2DivFormRenderer"] = func(ft, fst string, o fs.FS) renderers.Renderer {
		return &renderers.Jinja2{FormTemplate: orDefault(ft, renderers.DivFormTemplate), FormsetTemplate: orDefault(fst, renderers.DivFormsetTemplate), Overlay: o}
	}
	rendererTypes["AccessibleFormRenderer"] = func(_, _ string, o fs.FS) renderers.Renderer { return &renderers.Accessible{Overlay: o} }
}

// djangoSyntax names the renderers whose overlays are Django templates.
var djangoSyntax = map[string]bool{"DjangoTemplates": true, "DjangoDivFormRenderer": true}

// jinjaSyntax names the renderers whose overlays are Jinja2 templates.
var jinjaSyntax = map[string]bool{"Jinja2": true, "Jinja2DivFormRenderer": true}

// buildRenderer reads the case's renderer and templates.
func buildRenderer(rn node, hasRenderer bool, tn node, hasTemplates bool) (renderers.Renderer, error) {
	class := "DjangoTemplates"
	var ft, fst, theme string
	if hasRenderer {
		switch v := rn.v.(type) {
		case string:
			class = v
		case *ojson.Object:
			if err := rn.checkKeys("class", "form_template_name", "formset_template_name", "theme"); err != nil {
				return nil, err
			}
			if cn, ok := rn.get("class"); ok {
				s, err := cn.str()
				if err != nil {
					return nil, err
				}
				class = s
			}
			if n, ok := rn.get("form_template_name"); ok {
				s, err := n.str()
				if err != nil {
					return nil, err
				}
				ft = s
			}
			if n, ok := rn.get("formset_template_name"); ok {
				s, err := n.str()
				if err != nil {
					return nil, err
				}
				fst = s
			}
			if n, ok := rn.get("theme"); ok {
				s, err := n.str()
				if err != nil {
					return nil, err
				}
				if err := renderers.CheckTheme(s); err != nil {
					return nil, specErr(n.path, "%v", err)
				}
				theme = s
			}
		default:
			return nil, specErr(rn.path, "want a renderer name or object, got %s", kind(rn.v))
		}
	}
	mk, ok := rendererTypes[class]
	if !ok {
		return nil, specErr(rn.path, "unknown renderer %q", class)
	}
	var overlay fs.FS
	if hasTemplates {
		if !djangoSyntax[class] && !jinjaSyntax[class] {
			return nil, specErr(tn.path, "inline templates need a Django or Jinja2 renderer, not %s", class)
		}
		keys, vals, err := tn.members()
		if err != nil {
			return nil, err
		}
		mfs := fstest.MapFS{}
		for i, name := range keys {
			src, err := vals[i].str()
			if err != nil {
				return nil, err
			}
			if !fs.ValidPath(name) {
				return nil, specErr(vals[i].path, "not a valid template name %q", name)
			}
			if jinjaSyntax[class] {
				// Jinja2 syntax, run by jet: translated once, here, so
				// that a template that cannot be is a spec error.
				if src, err = renderers.TranslateJinja(name, src); err != nil {
					return nil, specErr(vals[i].path, "%v", err)
				}
			}
			mfs[name] = &fstest.MapFile{Data: []byte(src)}
		}
		overlay = mfs
	}
	r := mk(ft, fst, overlay)
	if theme != "" {
		switch x := r.(type) {
		case *renderers.DjangoTemplates:
			x.Theme = theme
		case *renderers.Jinja2:
			x.Theme = theme
		default:
			return nil, specErr(rn.path, "renderer %s takes no theme", class)
		}
	}
	return r, nil
}

func pyStr(v any) string { return pyfmt.Str(v) }
