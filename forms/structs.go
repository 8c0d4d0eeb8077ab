package forms

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// Typed is a form declared from a struct type T by For: a Declaration
// whose valid forms give back a T. It is immutable and safe for
// concurrent use; what reflection T needs is done once, by For.
type Typed[T any] struct {
	// Declaration is the form's declaration, for what takes one
	// (formsets, formhttp.Bind).
	*Declaration
	// fields maps each form field, by position in Declaration.Fields, to
	// the struct field that receives its value.
	fields []typedField
}

type typedField struct {
	name  string
	index []int
	goTyp reflect.Type
}

// TypedForm is one form of a Typed declaration, bound or not: a *Form
// that can give its cleaned data as a T.
type TypedForm[T any] struct {
	*Form
	typed *Typed[T]
}

// For declares a form from the exported fields of the struct type T, read
// once from their `formwork` tags, with the same defaults as a field
// literal: every field is required unless tagged optional.
//
//	type Signup struct {
//		Name  string `formwork:"name,max_length=40,label=Your name"`
//		Email string `formwork:"email,type=EmailField"`
//		Age   int    `formwork:"age,min_value=18,optional"`
//		Plan  string `formwork:"plan,type=ChoiceField,choices=free:Free|pro:Pro,widget=RadioSelect"`
//		Notes string `formwork:"-"`
//	}
//
//	var signup = forms.MustFor[Signup]()
//	...
//	f, err := formhttp.BindTyped(signup, r, forms.Options{}, formhttp.Limits{})
//	if s, ok := f.Valid(); ok { ... s.Age ... }
//
// The tag is, as encoding/json's, the form field's name first ("" or no
// tag: the Go name in snake_case, "FirstName" → "first_name"; "-": not a
// form field), then comma-separated settings, key=value or a bare flag.
// A value holding a comma is written in single quotes (label='Name, in
// full'). The settings:
//
//	type=NAME            the field type (default: from the Go type, below)
//	optional             Django's required=False
//	disabled, localize, show_hidden_initial, hide_label
//	label=, help_text=, label_suffix=
//	initial=             read as the field reads submitted text
//	widget=NAME          TextInput, Textarea, PasswordInput, HiddenInput, EmailInput,
//	                     URLInput, NumberInput, DateInput, DateTimeInput, TimeInput,
//	                     Select, RadioSelect, SelectMultiple, CheckboxSelectMultiple,
//	                     CheckboxInput, NullBooleanSelect, FileInput, ClearableFileInput
//	max_length=, min_length=, no_strip, no_max_length, empty_value=, empty_nil
//	regex=, strip        (RegexField)
//	allow_unicode        (SlugField)
//	assume_scheme=       (URLField)
//	protocol=, unpack_ipv4 (GenericIPAddressField)
//	min_value=, max_value=, step_size= (IntegerField, FloatField, DecimalField)
//	max_digits=, decimal_places= (DecimalField)
//	choices=v:label|v:label (ChoiceField, TypedChoiceField, MultipleChoiceField; "v" alone is its own label)
//	coerce=int|float|decimal|str (TypedChoiceField, TypedMultipleChoiceField; the Go type follows it)
//	input_date_formats=F|F, input_time_formats=F|F (SplitDateTimeField)
//	input_formats=F|F    (DateField, TimeField, DateTimeField)
//	allow_empty_file     (FileField, ImageField)
//	error_messages=code:text|code:text
//
// The field type of a Go type: string CharField; the integer kinds
// IntegerField, bounded by what the kind holds (an int8 field takes
// -128..127, as Django's model fields bound theirs); float32 and float64
// FloatField; bool BooleanField; *bool NullBooleanField; time.Time
// DateTimeField (or type=DateField, TimeField); time.Duration
// DurationField; decimal.Decimal DecimalField; *widgets.UploadedFile
// FileField; []string MultipleChoiceField; any takes type=JSONField. A
// pointer to one of these
// types (other than *bool) is nil when the field is left empty (a text
// field's empty value, a TypedChoiceField's, is then nil too). A field
// type whose cleaned value the Go type cannot hold is an error, as is
// every mistake Declare reports; each error names the struct field and
// the setting.
//
// Settings that are Go values (Validators, a widget with attributes,
// ChoicesFunc) need Declare. The declaration's own settings (Clean,
// CleanField, TemplateName...) are set on the Typed's Declaration right
// after For, before the first form is built.
func For[T any]() (*Typed[T], error) {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("forms: For needs a struct type, got %s", t)
	}
	var nfs []NamedField
	var tfs []typedField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, hasTag := sf.Tag.Lookup("formwork")
		if !sf.IsExported() || tag == "-" || sf.Anonymous && !hasTag {
			continue
		}
		name, f, err := structField(sf, tag)
		if err != nil {
			return nil, fmt.Errorf("forms: %s.%s: %w", t.Name(), sf.Name, err)
		}
		if err := CheckField(f); err != nil {
			return nil, fmt.Errorf("forms: %s.%s: %w", t.Name(), sf.Name, err)
		}
		nfs = append(nfs, Named(name, f))
		tfs = append(tfs, typedField{name: name, index: sf.Index, goTyp: sf.Type})
	}
	d, err := Declare(nfs...)
	if err != nil {
		return nil, fmt.Errorf("forms: %s: %w", t.Name(), err)
	}
	return &Typed[T]{Declaration: d, fields: tfs}, nil
}

// MustFor is For for package-level variables: it panics on a declaration
// mistake.
func MustFor[T any]() *Typed[T] {
	d, err := For[T]()
	if err != nil {
		panic(err)
	}
	return d
}

// New returns an unbound form.
func (d *Typed[T]) New(opts Options) *TypedForm[T] {
	return &TypedForm[T]{Form: d.Declaration.New(opts), typed: d}
}

// NewFrom returns an unbound form showing v as its initial values (the
// options' own Initial win).
func (d *Typed[T]) NewFrom(v T, opts Options) *TypedForm[T] {
	initial := make(map[string]any, len(d.fields)+len(opts.Initial))
	rv := reflect.ValueOf(v)
	for _, tf := range d.fields {
		fv := rv.FieldByIndex(tf.index)
		if fv.Kind() == reflect.Pointer && fv.IsNil() {
			continue
		}
		initial[tf.name] = fv.Interface()
	}
	for k, v := range opts.Initial {
		initial[k] = v
	}
	opts.Initial = initial
	return d.New(opts)
}

// Bind returns a form bound to submitted data and files
// (formhttp.BindTyped reads them from a request).
func (d *Typed[T]) Bind(data url.Values, files widgets.Files, opts Options) *TypedForm[T] {
	return &TypedForm[T]{Form: d.Declaration.Bind(data, files, opts), typed: d}
}

// Valid reports whether the form is valid and, if so, returns its cleaned
// data as a T. A field left empty gives its Go type's zero value (nil for
// a pointer).
func (f *TypedForm[T]) Valid() (T, bool) {
	v, err := f.Value()
	return v, err == nil
}

// Value returns the form's cleaned data as a T, or an error when the form
// is not bound and valid, or when a Clean or CleanField hook left a value
// the struct field cannot hold (the error names the field).
func (f *TypedForm[T]) Value() (T, error) {
	var out T
	if err := f.Err(); err != nil {
		return out, err
	}
	if !f.IsValid() {
		return out, fmt.Errorf("forms: %s: the form is not valid (%d fields with errors)", reflect.TypeFor[T](), f.Errors().Len())
	}
	cd := f.CleanedData()
	rv := reflect.ValueOf(&out).Elem()
	for _, tf := range f.typed.fields {
		val, ok := cd[tf.name]
		if !ok {
			continue
		}
		if err := assign(rv.FieldByIndex(tf.index), val); err != nil {
			var zero T
			return zero, fmt.Errorf("forms: %s field %q: %w", reflect.TypeFor[T](), tf.name, err)
		}
	}
	return out, nil
}

// Cleaned returns the cleaned value of the named field as a T, and
// whether the form has one of that type: it never panics. Each field type
// documents the type it cleans to (string for CharField, int64 for
// IntegerField, decimal.Decimal for DecimalField, time.Time for the date
// and time fields...); an empty optional field cleans to its empty value
// (nil for most, "" for text), for which ok is false unless T is that
// value's type.
func Cleaned[T any](f *Form, name string) (T, bool) {
	var zero T
	if f == nil {
		return zero, false
	}
	v, ok := f.CleanedData()[name]
	if !ok {
		return zero, false
	}
	t, ok := v.(T)
	return t, ok
}

// structField builds the field a struct field's tag declares.
func structField(sf reflect.StructField, tag string) (string, Field, error) {
	parts, err := splitTag(tag)
	if err != nil {
		return "", nil, err
	}
	name := ""
	if len(parts) > 0 {
		name, parts = strings.TrimSpace(parts[0]), parts[1:]
	}
	if name == "" {
		name = snakeCase(sf.Name)
	}
	settings := map[string]string{}
	var order []string
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		k = strings.TrimSpace(k)
		if ok {
			v = unquote(strings.TrimSpace(v))
		} else {
			v = "true"
		}
		if _, dup := settings[k]; dup {
			return "", nil, fmt.Errorf("tag sets %q twice", k)
		}
		settings[k] = v
		order = append(order, k)
	}
	goType := sf.Type
	typ := settings["type"]
	if typ == "" {
		if typ, err = fieldTypeFor(goType); err != nil {
			return "", nil, err
		}
	}
	f, err := newFieldOfType(typ)
	if err != nil {
		return "", nil, fmt.Errorf("tag setting type=%s: %w", typ, err)
	}
	// "initial" is read last, by the field set up with the rest.
	initial, hasInitial := settings["initial"]
	for _, k := range order {
		if k == "initial" {
			continue
		}
		if err := applySetting(f, k, settings[k]); err != nil {
			return "", nil, fmt.Errorf("tag setting %s=%s: %w", k, settings[k], err)
		}
	}
	if err := fits(f, goType); err != nil {
		return "", nil, err
	}
	// An empty value the Go type cannot hold cleans to nil, which stores
	// the zero value (a nil pointer).
	isPointer := goType.Kind() == reflect.Pointer && goType != uploadType
	if cf := charFieldOf(f); cf != nil && isPointer {
		cf.EmptyNil = true
	}
	if tc, ok := f.(*TypedChoiceField); ok && (isPointer || goType.Kind() != reflect.String) {
		tc.EmptyNil = true
	}
	if hasInitial {
		if err := setInitial(f, initial); err != nil {
			return "", nil, fmt.Errorf("tag setting initial=%s: %w", initial, err)
		}
	}
	boundIntegers(f, goType)
	return name, f, nil
}

// splitTag splits a tag at its commas, except those inside single quotes.
func splitTag(tag string) ([]string, error) {
	var parts []string
	var b strings.Builder
	quoted := false
	for _, r := range tag {
		switch {
		case r == '\'':
			quoted = !quoted
			b.WriteRune(r)
		case r == ',' && !quoted:
			parts = append(parts, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	if quoted {
		return nil, fmt.Errorf("tag %q has an unclosed quote", tag)
	}
	return append(parts, b.String()), nil
}

func unquote(v string) string {
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return v[1 : len(v)-1]
	}
	return v
}

func applySetting(f Field, k, v string) error {
	c := f.Core()
	flag := func(dst *bool) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("want true or false")
		}
		*dst = b
		return nil
	}
	switch k {
	case "type":
		return nil
	case "optional":
		return flag(&c.Optional)
	case "disabled":
		return flag(&c.Disabled)
	case "localize":
		return flag(&c.Localize)
	case "show_hidden_initial":
		return flag(&c.ShowHiddenInitial)
	case "hide_label":
		return flag(&c.HideLabel)
	case "label":
		c.Label = v
		return nil
	case "help_text":
		c.HelpText = v
		return nil
	case "label_suffix":
		c.LabelSuffix = &v
		return nil
	case "error_messages":
		c.ErrorMessages = map[string]string{}
		for _, item := range strings.Split(v, "|") {
			code, msg, ok := strings.Cut(item, ":")
			if !ok {
				return fmt.Errorf("want code:message, got %q", item)
			}
			c.ErrorMessages[code] = msg
		}
		return nil
	case "widget":
		w, err := widgetNamed(v)
		c.Widget = w
		return err
	}
	if cf := charFieldOf(f); cf != nil {
		switch k {
		case "max_length", "min_length":
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("want a length, got %q", v)
			}
			if k == "max_length" {
				cf.MaxLength = n
			} else {
				cf.MinLength = n
			}
			return nil
		case "no_strip":
			return flag(&cf.NoStrip)
		case "no_max_length":
			return flag(&cf.NoMaxLength)
		case "empty_nil":
			return flag(&cf.EmptyNil)
		case "empty_value":
			cf.EmptyValue = v
			return nil
		}
	}
	switch x := f.(type) {
	case *RegexField:
		switch k {
		case "regex":
			x.Regex = v
			return nil
		case "strip":
			return flag(&x.Strip)
		}
	case *SlugField:
		if k == "allow_unicode" {
			return flag(&x.AllowUnicode)
		}
	case *URLField:
		if k == "assume_scheme" {
			x.AssumeScheme = v
			return nil
		}
	case *GenericIPAddressField:
		switch k {
		case "protocol":
			x.Protocol = v
			return nil
		case "unpack_ipv4":
			return flag(&x.UnpackIPv4)
		}
	case *IntegerField:
		if k == "min_value" || k == "max_value" || k == "step_size" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return fmt.Errorf("want a whole number, got %q", v)
			}
			switch k {
			case "min_value":
				x.MinValue = &n
			case "max_value":
				x.MaxValue = &n
			default:
				x.StepSize = n
			}
			return nil
		}
	case *FloatField:
		if k == "min_value" || k == "max_value" || k == "step_size" {
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return fmt.Errorf("want a number, got %q", v)
			}
			switch k {
			case "min_value":
				x.MinValue = &n
			case "max_value":
				x.MaxValue = &n
			default:
				x.StepSize = n
			}
			return nil
		}
	case *DecimalField:
		switch k {
		case "min_value", "max_value", "step_size":
			d, err := decimal.NewFromString(v)
			if err != nil {
				return fmt.Errorf("want a decimal number, got %q", v)
			}
			switch k {
			case "min_value":
				x.MinValue = &d
			case "max_value":
				x.MaxValue = &d
			default:
				x.StepSize = d
			}
			return nil
		case "max_digits", "decimal_places":
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("want a whole number, got %q", v)
			}
			if k == "max_digits" {
				x.MaxDigits = &n
			} else {
				x.DecimalPlaces = &n
			}
			return nil
		}
	case *ChoiceField:
		if k == "choices" {
			x.Choices = tagChoices(v)
			return nil
		}
	case *MultipleChoiceField:
		if k == "choices" {
			x.Choices = tagChoices(v)
			return nil
		}
	case *TypedChoiceField:
		switch k {
		case "choices":
			x.Choices = tagChoices(v)
			return nil
		case "coerce":
			c, ok := tagCoercions[v]
			if !ok {
				return fmt.Errorf("want int, float, decimal or str")
			}
			x.Coerce = c
			return nil
		case "empty_nil":
			return flag(&x.EmptyNil)
		}
	case *DateField:
		if k == "input_formats" {
			x.InputFormats = strings.Split(v, "|")
			return nil
		}
	case *TimeField:
		if k == "input_formats" {
			x.InputFormats = strings.Split(v, "|")
			return nil
		}
	case *DateTimeField:
		if k == "input_formats" {
			x.InputFormats = strings.Split(v, "|")
			return nil
		}
	case *FileField:
		switch k {
		case "max_length":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return fmt.Errorf("want a length, got %q", v)
			}
			x.MaxLength = n
			return nil
		case "allow_empty_file":
			return flag(&x.AllowEmptyFile)
		}
	case *ImageField:
		return applySetting(&x.FileField, k, v)
	case *TypedMultipleChoiceField:
		switch k {
		case "choices":
			x.Choices = tagChoices(v)
			return nil
		case "coerce":
			c, ok := tagCoercions[v]
			if !ok {
				return fmt.Errorf("want int, float, decimal or str")
			}
			x.Coerce = c
			return nil
		}
	case *SplitDateTimeField:
		switch k {
		case "input_date_formats":
			x.InputDateFormats = strings.Split(v, "|")
			return nil
		case "input_time_formats":
			x.InputTimeFormats = strings.Split(v, "|")
			return nil
		}
	}
	return fmt.Errorf("unknown setting %q for %s", k, typeName(f))
}

// typeName is a field's type with its article: "a CharField", "an
// IntegerField".
func typeName(f Field) string {
	n := strings.TrimPrefix(fmt.Sprintf("%T", f), "*forms.")
	if strings.ContainsRune("AEIOU", rune(n[0])) {
		return "an " + n
	}
	return "a " + n
}

// charFieldOf returns the CharField a text field type is built on.
func charFieldOf(f Field) *CharField {
	switch x := f.(type) {
	case *CharField:
		return x
	case *EmailField:
		return &x.CharField
	case *URLField:
		return &x.CharField
	case *SlugField:
		return &x.CharField
	case *RegexField:
		return &x.CharField
	case *UUIDField:
		return &x.CharField
	case *GenericIPAddressField:
		return &x.CharField
	case *JSONField:
		return &x.CharField
	}
	return nil
}

// tagCoercions are the coerce functions a tag names.
var tagCoercions = map[string]Coerce{"int": CoerceInt, "float": CoerceFloat, "decimal": CoerceDecimal, "str": CoerceStr}

func tagChoices(v string) []Choice {
	var choices []Choice
	for _, item := range strings.Split(v, "|") {
		val, label, ok := strings.Cut(item, ":")
		if !ok {
			label = val
		}
		choices = append(choices, Choice{Value: val, Label: label})
	}
	return choices
}

// setInitial reads the tag's initial value as the field reads submitted
// text, so that it is of the field's type.
func setInitial(f Field, v string) error {
	c := f.Core()
	switch f.(type) {
	case *MultipleChoiceField, *TypedMultipleChoiceField:
		list := []any{}
		for _, s := range strings.Split(v, "|") {
			list = append(list, s)
		}
		c.Initial = list
		return nil
	case FileCleaner:
		return errors.New("a file field has no initial value in a tag")
	case *SplitDateTimeField:
		f := &DateTimeField{}
		val, err := f.ToPython(v)
		if err != nil {
			return fmt.Errorf("not a value of the field: %w", err)
		}
		c.Initial = val
		return nil
	}
	val, err := f.ToPython(v)
	if err != nil {
		return fmt.Errorf("not a value of the field: %w", err)
	}
	c.Initial = val
	return nil
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	durationType = reflect.TypeFor[time.Duration]()
	decimalType  = reflect.TypeFor[decimal.Decimal]()
	uploadType   = reflect.TypeFor[*widgets.UploadedFile]()
	anyType      = reflect.TypeFor[any]()
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
		return fieldTypeFor(t.Elem())
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "MultipleChoiceField", nil
		}
	}
	return "", fmt.Errorf("no default field type for Go type %s: name one with type=", t)
}

// fits reports an error when the Go type t cannot hold what f cleans to.
func fits(f Field, t reflect.Type) error {
	base := t
	if base.Kind() == reflect.Pointer && base != uploadType {
		base = base.Elem()
	}
	k := base.Kind()
	ok := false
	switch x := f.(type) {
	case *CharField, *EmailField, *URLField, *SlugField, *RegexField, *UUIDField, *GenericIPAddressField, *ChoiceField:
		ok = k == reflect.String
	case *IntegerField:
		ok = isIntKind(k)
	case *TypedChoiceField:
		switch reflect.ValueOf(x.Coerce).Pointer() {
		case reflect.ValueOf(Coerce(CoerceInt)).Pointer():
			ok = isIntKind(k)
		case reflect.ValueOf(Coerce(CoerceFloat)).Pointer():
			ok = k == reflect.Float32 || k == reflect.Float64
		case reflect.ValueOf(Coerce(CoerceDecimal)).Pointer():
			ok = base == decimalType
		default:
			ok = k == reflect.String
		}
	case *FloatField:
		ok = k == reflect.Float32 || k == reflect.Float64
	case *DecimalField:
		ok = base == decimalType
	case *BooleanField:
		ok = k == reflect.Bool
	case *NullBooleanField:
		ok = t.Kind() == reflect.Pointer && k == reflect.Bool
	case *DateField, *TimeField, *DateTimeField:
		ok = base == timeType
	case *DurationField:
		ok = base == durationType
	case *MultipleChoiceField:
		ok = k == reflect.Slice && base.Elem().Kind() == reflect.String
	case *TypedMultipleChoiceField:
		if ok = k == reflect.Slice; ok {
			ek := base.Elem().Kind()
			switch reflect.ValueOf(x.Coerce).Pointer() {
			case reflect.ValueOf(Coerce(CoerceInt)).Pointer():
				ok = isIntKind(ek)
			case reflect.ValueOf(Coerce(CoerceFloat)).Pointer():
				ok = ek == reflect.Float32 || ek == reflect.Float64
			case reflect.ValueOf(Coerce(CoerceDecimal)).Pointer():
				ok = base.Elem() == decimalType
			default:
				ok = ek == reflect.String
			}
		}
	case *SplitDateTimeField:
		ok = base == timeType
	case *FileField, *ImageField:
		ok = t == uploadType
	case *JSONField:
		ok = t == anyType
	}
	if !ok {
		return fmt.Errorf("%s cleans to a value a %s cannot hold", typeName(f), t)
	}
	return nil
}

func isIntKind(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// boundIntegers bounds an IntegerField by what its Go integer type holds,
// unless the tag bounds it tighter: the bounds render as min and max
// and fail with Django's messages, as a model field's range does.
func boundIntegers(f Field, t reflect.Type) {
	x, ok := f.(*IntegerField)
	if !ok {
		return
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var lo, hi int64
	switch t.Kind() {
	case reflect.Int8:
		lo, hi = math.MinInt8, math.MaxInt8
	case reflect.Int16:
		lo, hi = math.MinInt16, math.MaxInt16
	case reflect.Int32:
		lo, hi = math.MinInt32, math.MaxInt32
	case reflect.Uint8:
		lo, hi = 0, math.MaxUint8
	case reflect.Uint16:
		lo, hi = 0, math.MaxUint16
	case reflect.Uint32:
		lo, hi = 0, math.MaxUint32
	case reflect.Uint, reflect.Uint64:
		// The cleaned int64 holds no more; the bound keeps what is
		// cleaned within it.
		lo, hi = 0, math.MaxInt64
	default:
		lo, hi = math.MinInt64, math.MaxInt64
	}
	if x.MinValue == nil || *x.MinValue < lo {
		x.MinValue = &lo
	}
	if x.MaxValue == nil || *x.MaxValue > hi {
		x.MaxValue = &hi
	}
	if lo == math.MinInt64 && hi == math.MaxInt64 {
		// int and int64: only what is beyond int64 (cleaned to a
		// decimal.Decimal) is out of range, and no min or max is shown
		// unless the tag sets one.
		x.Validators = append(x.Validators, int64Range{})
		if *x.MinValue == math.MinInt64 {
			x.MinValue = nil
		}
		if *x.MaxValue == math.MaxInt64 {
			x.MaxValue = nil
		}
	}
}

// int64Range rejects a whole number an int64 cannot hold, with Django's
// MaxValueValidator and MinValueValidator messages.
type int64Range struct{}

func (int64Range) Validate(value any) error {
	d, ok := value.(decimal.Decimal)
	if !ok {
		return nil
	}
	if d.Sign() > 0 {
		return newLimitError("max_value", "Ensure this value is less than or equal to %(limit_value)s.", int64(math.MaxInt64), value)
	}
	return newLimitError("min_value", "Ensure this value is greater than or equal to %(limit_value)s.", int64(math.MinInt64), value)
}

func newLimitError(code, msg string, limit int64, value any) error {
	return validators.NewError(msg, code, map[string]any{"limit_value": limit, "show_value": value, "value": value})
}

func newFieldOfType(name string) (Field, error) {
	switch name {
	case "CharField":
		return &CharField{}, nil
	case "EmailField":
		return &EmailField{}, nil
	case "URLField":
		return &URLField{}, nil
	case "SlugField":
		return &SlugField{}, nil
	case "RegexField":
		return &RegexField{}, nil
	case "UUIDField":
		return &UUIDField{}, nil
	case "GenericIPAddressField":
		return &GenericIPAddressField{}, nil
	case "JSONField":
		return &JSONField{}, nil
	case "IntegerField":
		return &IntegerField{}, nil
	case "FloatField":
		return &FloatField{}, nil
	case "DecimalField":
		return &DecimalField{}, nil
	case "BooleanField":
		return &BooleanField{}, nil
	case "NullBooleanField":
		return &NullBooleanField{}, nil
	case "DateField":
		return &DateField{}, nil
	case "DateTimeField":
		return &DateTimeField{}, nil
	case "TimeField":
		return &TimeField{}, nil
	case "DurationField":
		return &DurationField{}, nil
	case "ChoiceField":
		return &ChoiceField{}, nil
	case "TypedChoiceField":
		return &TypedChoiceField{}, nil
	case "MultipleChoiceField":
		return &MultipleChoiceField{}, nil
	case "TypedMultipleChoiceField":
		return &TypedMultipleChoiceField{}, nil
	case "SplitDateTimeField":
		return &SplitDateTimeField{}, nil
	case "FileField":
		return &FileField{}, nil
	case "ImageField":
		return &ImageField{}, nil
	}
	return nil, fmt.Errorf("unknown field type %q", name)
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
	case "DateTimeInput":
		return widgets.NewDateTimeInput(nil), nil
	case "TimeInput":
		return widgets.NewTimeInput(nil), nil
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
	case "NullBooleanSelect":
		return widgets.NewNullBooleanSelect(nil), nil
	case "FileInput":
		return widgets.NewFileInput(nil), nil
	case "ClearableFileInput":
		return widgets.NewClearableFileInput(nil), nil
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
		if x, ok := val.(float64); ok {
			if dst.Kind() == reflect.Float32 && math.Abs(x) > math.MaxFloat32 && !math.IsInf(x, 0) {
				return fmt.Errorf("%g overflows float32", x)
			}
			dst.SetFloat(x)
			return nil
		}
	case reflect.String:
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
	}
	return fmt.Errorf("cannot store a %T in a %s", val, dst.Type())
}
