package forms

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/widgets"
)

// DeclareStruct declares a form from the exported fields of a struct
// type, read from their `formwork` tags:
//
//	type Contact struct {
//		Name    string `formwork:"max_length=40,required,label=Your name"`
//		Email   string `formwork:"type=EmailField,required"`
//		Topic   string `formwork:"type=ChoiceField,choices=q:Question|b:Bug,widget=RadioSelect"`
//		Message string `formwork:"widget=Textarea,required"`
//		Copies  int    `formwork:"min_value=0,max_value=10"`
//		Skip    string `formwork:"-"`
//	}
//
// The tag is a comma-separated list of key=value settings and flags:
// name (default: the Go name in snake_case), type (default: from the Go
// type — string CharField, integers IntegerField, floats FloatField, bool
// BooleanField, *bool NullBooleanField, time.Time DateTimeField,
// time.Duration DurationField, decimal.Decimal DecimalField,
// *widgets.UploadedFile FileField, []string MultipleChoiceField),
// required, disabled, label, help_text, initial, max_length, min_length,
// min_value, max_value, choices (value:label|value:label) and widget
// (Textarea, PasswordInput, HiddenInput, RadioSelect, Select,
// CheckboxSelectMultiple, EmailInput, URLInput, NumberInput, DateInput).
// Fields are optional unless the tag says required. Values cannot hold a
// comma. v is the struct or a pointer to it.
func DeclareStruct(v any) (*Declaration, error) {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("forms: DeclareStruct needs a struct, got %T", v)
	}
	var fields []NamedField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, hasTag := sf.Tag.Lookup("formwork")
		if !sf.IsExported() || tag == "-" {
			continue
		}
		if sf.Anonymous && !hasTag {
			continue
		}
		name, f, err := structField(sf, tag)
		if err != nil {
			return nil, fmt.Errorf("forms: %s.%s: %w", t.Name(), sf.Name, err)
		}
		fields = append(fields, Named(name, f))
	}
	return Declare(fields...), nil
}

// structField builds the field a struct field's tag declares.
func structField(sf reflect.StructField, tag string) (string, Field, error) {
	settings := map[string]string{}
	var order []string
	for _, part := range strings.Split(tag, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		k = strings.TrimSpace(k)
		if !ok {
			v = "true"
		}
		if _, dup := settings[k]; dup {
			return "", nil, fmt.Errorf("tag sets %q twice", k)
		}
		settings[k] = v
		order = append(order, k)
	}
	name := settings["name"]
	if name == "" {
		name = snakeCase(sf.Name)
	}
	typ := settings["type"]
	if typ == "" {
		var err error
		if typ, err = fieldTypeFor(sf.Type); err != nil {
			return "", nil, err
		}
	}
	f, err := newFieldOfType(typ)
	if err != nil {
		return "", nil, err
	}
	c := f.Core()
	c.Required = false
	for _, k := range order {
		v := settings[k]
		var err error
		switch k {
		case "name", "type":
		case "required":
			c.Required, err = strconv.ParseBool(v)
		case "disabled":
			c.Disabled, err = strconv.ParseBool(v)
		case "label":
			c.Label = v
		case "help_text":
			c.HelpText = v
		case "initial":
			c.Initial = v
		case "max_length", "min_length":
			err = setLength(f, k, v)
		case "min_value", "max_value":
			err = setBound(f, k, v)
		case "choices":
			err = setChoices(f, v)
		case "widget":
			c.Widget, err = widgetNamed(v)
		default:
			err = fmt.Errorf("unknown tag setting %q", k)
		}
		if err != nil {
			return "", nil, fmt.Errorf("tag setting %s=%s: %w", k, v, err)
		}
	}
	return name, f, nil
}

var (
	timeType     = reflect.TypeOf(time.Time{})
	durationType = reflect.TypeOf(time.Duration(0))
	decimalType  = reflect.TypeOf(decimal.Decimal{})
	uploadType   = reflect.TypeOf((*widgets.UploadedFile)(nil))
)

// fieldTypeFor is the field type a Go type gets when its tag names none.
func fieldTypeFor(t reflect.Type) (string, error) {
	switch t {
	case timeType:
		return "DateTimeField", nil
	case durationType:
		return "DurationField", nil
	case decimalType:
		return "DecimalField", nil
	case uploadType:
		return "FileField", nil
	}
	switch t.Kind() {
	case reflect.String:
		return "CharField", nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "IntegerField", nil
	case reflect.Float32, reflect.Float64:
		return "FloatField", nil
	case reflect.Bool:
		return "BooleanField", nil
	case reflect.Pointer:
		if t.Elem().Kind() == reflect.Bool {
			return "NullBooleanField", nil
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "MultipleChoiceField", nil
		}
	}
	return "", fmt.Errorf("no default field type for Go type %s: name one with type=", t)
}

func newFieldOfType(name string) (Field, error) {
	switch name {
	case "CharField":
		return NewCharField(), nil
	case "EmailField":
		return NewEmailField(), nil
	case "URLField":
		return NewURLField(), nil
	case "SlugField":
		return NewSlugField(), nil
	case "UUIDField":
		return NewUUIDField(), nil
	case "GenericIPAddressField":
		return NewGenericIPAddressField(), nil
	case "JSONField":
		return NewJSONField(), nil
	case "IntegerField":
		return NewIntegerField(), nil
	case "FloatField":
		return NewFloatField(), nil
	case "DecimalField":
		return NewDecimalField(), nil
	case "BooleanField":
		return NewBooleanField(), nil
	case "NullBooleanField":
		return NewNullBooleanField(), nil
	case "DateField":
		return NewDateField(), nil
	case "DateTimeField":
		return NewDateTimeField(), nil
	case "TimeField":
		return NewTimeField(), nil
	case "DurationField":
		return NewDurationField(), nil
	case "ChoiceField":
		return NewChoiceField(), nil
	case "MultipleChoiceField":
		return NewMultipleChoiceField(), nil
	case "FileField":
		return NewFileField(), nil
	case "ImageField":
		return NewImageField(), nil
	}
	return nil, fmt.Errorf("unknown field type %q", name)
}

func setLength(f Field, key, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return fmt.Errorf("want a length, got %q", v)
	}
	var cf *CharField
	switch x := f.(type) {
	case *CharField:
		cf = x
	case *EmailField:
		cf = &x.CharField
	case *URLField:
		cf = &x.CharField
	case *SlugField:
		cf = &x.CharField
	case *FileField:
		if key == "max_length" {
			x.MaxLength = n
			return nil
		}
	}
	if cf == nil {
		return fmt.Errorf("a %T has no %s", f, key)
	}
	if key == "max_length" {
		cf.MaxLength = n
	} else {
		cf.MinLength = n
	}
	return nil
}

func setBound(f Field, key, v string) error {
	var lo, hi *any
	var val any
	switch x := f.(type) {
	case *IntegerField:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("want an integer, got %q", v)
		}
		lo, hi, val = &x.MinValue, &x.MaxValue, n
	case *FloatField:
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("want a number, got %q", v)
		}
		lo, hi, val = &x.MinValue, &x.MaxValue, n
	case *DecimalField:
		d, err := decimal.NewFromString(v)
		if err != nil {
			return fmt.Errorf("want a decimal, got %q", v)
		}
		lo, hi, val = &x.MinValue, &x.MaxValue, d
	default:
		return fmt.Errorf("a %T has no %s", f, key)
	}
	if key == "min_value" {
		*lo = val
	} else {
		*hi = val
	}
	return nil
}

func setChoices(f Field, v string) error {
	var choices []Choice
	for _, item := range strings.Split(v, "|") {
		val, label, ok := strings.Cut(item, ":")
		if !ok {
			label = val
		}
		choices = append(choices, Choice{Value: val, Label: label})
	}
	switch x := f.(type) {
	case *ChoiceField:
		x.Choices = choices
	case *MultipleChoiceField:
		x.Choices = choices
	default:
		return fmt.Errorf("a %T has no choices", f)
	}
	return nil
}

func widgetNamed(name string) (widgets.Widget, error) {
	switch name {
	case "TextInput":
		return widgets.NewTextInput(nil), nil
	case "Textarea":
		return widgets.NewTextarea(nil), nil
	case "PasswordInput":
		return widgets.NewPasswordInput(nil), nil
	case "HiddenInput":
		return widgets.NewHiddenInput(nil), nil
	case "EmailInput":
		return widgets.NewEmailInput(nil), nil
	case "URLInput":
		return widgets.NewURLInput(nil), nil
	case "NumberInput":
		return widgets.NewNumberInput(nil), nil
	case "DateInput":
		return widgets.NewDateInput(nil), nil
	case "Select":
		return widgets.NewSelect(nil), nil
	case "RadioSelect":
		return widgets.NewRadioSelect(nil), nil
	case "SelectMultiple":
		return widgets.NewSelectMultiple(nil), nil
	case "CheckboxSelectMultiple":
		return widgets.NewCheckboxSelectMultiple(nil), nil
	case "CheckboxInput":
		return widgets.NewCheckboxInput(nil), nil
	}
	return nil, fmt.Errorf("unknown widget %q", name)
}

// snakeCase turns a Go name into a form field name: "FirstName" →
// "first_name", "URL" → "url".
func snakeCase(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && !unicode.IsUpper(rs[i-1])
			nextLower := i > 0 && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])
			if prevLower || nextLower {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Decode copies the cleaned data of a valid form into the struct dst
// points at, field by field as DeclareStruct names them; see DecodeInto.
func (f *Form) Decode(dst any) error { return DecodeInto(f, dst) }

// DecodeInto copies the form's cleaned data into the struct dst points
// at. Each exported struct field takes the cleaned value of the form
// field of its name (its tag's name=, else its Go name in snake_case);
// fields the form lacks are left alone, and an empty value (nil) sets the
// zero value. The form must be valid. An error names the field whose
// value does not fit its Go type.
func DecodeInto(f *Form, dst any) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("forms: Decode needs a pointer to a struct, got %T", dst)
	}
	if !f.IsValid() {
		return fmt.Errorf("forms: Decode of a form that is not valid (%d fields with errors)", f.Errors().Len())
	}
	cd := f.CleanedData()
	sv := rv.Elem()
	t := sv.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("formwork")
		if !sf.IsExported() || tag == "-" {
			continue
		}
		name := snakeCase(sf.Name)
		for _, part := range strings.Split(tag, ",") {
			if k, v, ok := strings.Cut(strings.TrimSpace(part), "="); ok && k == "name" {
				name = v
			}
		}
		val, ok := cd[name]
		if !ok {
			continue
		}
		if err := assign(sv.Field(i), val); err != nil {
			return fmt.Errorf("forms: Decode %s.%s from field %q: %w", t.Name(), sf.Name, name, err)
		}
	}
	return nil
}

// assign stores a cleaned value in a struct field, converting between
// the types fields clean to and the Go types that hold them.
func assign(dst reflect.Value, val any) error {
	if b, isBool := val.(bool); val == nil || (isBool && !b && dst.Type() == uploadType) {
		// nil is an empty value; false is a cleared file.
		dst.SetZero()
		return nil
	}
	if dst.Kind() == reflect.Pointer && dst.Type() != uploadType {
		p := reflect.New(dst.Type().Elem())
		if err := assign(p.Elem(), val); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	v := reflect.ValueOf(val)
	if v.Type().AssignableTo(dst.Type()) {
		dst.Set(v)
		return nil
	}
	switch dst.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(int64)
		if !ok {
			break
		}
		if dst.OverflowInt(n) {
			return fmt.Errorf("%d overflows %s", n, dst.Type())
		}
		dst.SetInt(n)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := val.(int64)
		if !ok {
			break
		}
		if n < 0 || dst.OverflowUint(uint64(n)) {
			return fmt.Errorf("%d does not fit %s", n, dst.Type())
		}
		dst.SetUint(uint64(n))
		return nil
	case reflect.Float32, reflect.Float64:
		switch x := val.(type) {
		case float64:
			if dst.Kind() == reflect.Float32 && math.Abs(x) > math.MaxFloat32 {
				return fmt.Errorf("%g overflows float32", x)
			}
			dst.SetFloat(x)
			return nil
		case int64:
			dst.SetFloat(float64(x))
			return nil
		case decimal.Decimal:
			fl, _ := x.Float64()
			dst.SetFloat(fl)
			return nil
		}
	case reflect.String:
		switch x := val.(type) {
		case fmt.Stringer:
			dst.SetString(x.String())
			return nil
		}
		if v.Kind() == reflect.String {
			dst.SetString(v.String())
			return nil
		}
	case reflect.Slice:
		if l, ok := val.([]any); ok {
			out := reflect.MakeSlice(dst.Type(), len(l), len(l))
			for i, e := range l {
				if err := assign(out.Index(i), e); err != nil {
					return fmt.Errorf("item %d: %w", i, err)
				}
			}
			dst.Set(out)
			return nil
		}
	case reflect.Bool:
		// A cleared file field cleans to false; leave a bool to Go.
	}
	if v.Type().ConvertibleTo(dst.Type()) && v.Kind() == dst.Kind() {
		dst.Set(v.Convert(dst.Type()))
		return nil
	}
	return fmt.Errorf("cannot store a %T in a %s", val, dst.Type())
}
