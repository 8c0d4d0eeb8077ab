package orm

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// ModelFromStruct builds a model from a struct type, named after the type,
// with one field per exported struct field (an int64 field named ID is
// the automatic primary key and is skipped). The field name is the Go
// name in snake_case; the type follows the Go type: string → CharField
// (TextField without max_length), int kinds → IntegerField, uint kinds →
// PositiveIntegerField, float64 → FloatField, decimal.Decimal →
// DecimalField, bool → BooleanField, time.Time → DateField; a pointer
// makes the field nullable. The `formwork` tag refines it:
//
//	Title  string          `formwork:"max_length=60,unique"`
//	Price  decimal.Decimal `formwork:"max_digits=6,decimal_places=2,default=0"`
//	Author int64           `formwork:"fk=Author"`
//	Email  string          `formwork:"type=EmailField,blank,verbose_name=e-mail"`
//	Secret string          `formwork:"-"`
//
//	Tags   []int64         `formwork:"m2m=Tag,blank"`
//	Starts time.Time       `formwork:"type=DateTimeField"`
//
// Keys: name, type, fk (or to), m2m (a ManyToManyField to that model),
// to_field, related_name, max_length, max_digits, decimal_places, null,
// blank, unique, unique_for_date, unique_for_month, unique_for_year,
// upload_to, editable=false, default, verbose_name, help_text. A value
// cannot contain a comma.
func ModelFromStruct(v any) (*Model, error) {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("orm: model from struct: %T is not a struct", v)
	}
	def := ModelDef{Name: t.Name()}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, tagged := sf.Tag.Lookup("formwork")
		if !sf.IsExported() || tag == "-" {
			continue
		}
		if sf.Name == "ID" && !tagged {
			continue
		}
		f, err := fieldFromStruct(sf, tag)
		if err != nil {
			return nil, fmt.Errorf("orm: model from struct %s: field %s: %w", t.Name(), sf.Name, err)
		}
		def.Fields = append(def.Fields, f)
	}
	return NewModel(def)
}

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	timeType    = reflect.TypeFor[time.Time]()
)

func fieldFromStruct(sf reflect.StructField, tag string) (Field, error) {
	f := Field{Name: SnakeCase(sf.Name)}
	gt := sf.Type
	if gt.Kind() == reflect.Pointer {
		f.Null, gt = true, gt.Elem()
	}
	var defaultText string
	var hasDefault bool
	for _, item := range strings.Split(tag, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		key, val, hasVal := strings.Cut(item, "=")
		flag := func() (bool, error) {
			if !hasVal {
				return true, nil
			}
			b, err := strconv.ParseBool(val)
			if err != nil {
				return false, fmt.Errorf("tag key %q: %q is not true or false", key, val)
			}
			return b, nil
		}
		num := func() (int, error) {
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 {
				return 0, fmt.Errorf("tag key %q: %q is not a non-negative integer", key, val)
			}
			return n, nil
		}
		var err error
		switch key {
		case "name":
			f.Name = val
		case "type":
			f.Type = FieldType(val)
			if !f.Type.valid() {
				return Field{}, fmt.Errorf("tag key \"type\": unknown field type %q", val)
			}
		case "fk", "to":
			f.Type, f.To = ForeignKey, val
		case "m2m":
			f.Type, f.To = ManyToManyField, val
		case "to_field":
			f.ToField = val
		case "upload_to":
			f.UploadTo = val
		case "unique_for_date":
			f.UniqueForDate = val
		case "unique_for_month":
			f.UniqueForMonth = val
		case "unique_for_year":
			f.UniqueForYear = val
		case "related_name":
			f.RelatedName = val
		case "verbose_name":
			f.VerboseName = val
		case "help_text":
			f.HelpText = val
		case "max_length":
			f.MaxLength, err = num()
		case "max_digits":
			f.MaxDigits, err = num()
		case "decimal_places":
			f.DecimalPlaces, err = num()
		case "null":
			f.Null, err = flag()
		case "blank":
			f.Blank, err = flag()
		case "unique":
			f.Unique, err = flag()
		case "editable":
			var editable bool
			editable, err = flag()
			f.NotEditable = !editable
		case "default":
			defaultText, hasDefault = val, true
		default:
			return Field{}, fmt.Errorf("unknown tag key %q", key)
		}
		if err != nil {
			return Field{}, err
		}
	}
	if f.Type == "" {
		switch {
		case gt == decimalType:
			f.Type = DecimalField
		case gt == timeType:
			f.Type = DateField
		case gt.Kind() == reflect.String && f.MaxLength > 0:
			f.Type = CharField
		case gt.Kind() == reflect.String:
			f.Type = TextField
		case gt.Kind() == reflect.Bool:
			f.Type = BooleanField
		case gt.Kind() >= reflect.Int && gt.Kind() <= reflect.Int64:
			f.Type = IntegerField
		case gt.Kind() >= reflect.Uint && gt.Kind() <= reflect.Uint64:
			f.Type = PositiveIntegerField
		case gt.Kind() == reflect.Float32 || gt.Kind() == reflect.Float64:
			f.Type = FloatField
		default:
			return Field{}, fmt.Errorf("no model field type for Go type %s (set type=...)", sf.Type)
		}
	}
	if hasDefault {
		v, err := parseDefault(f, defaultText)
		if err != nil {
			return Field{}, fmt.Errorf("tag key \"default\": %w", err)
		}
		f.Default, f.HasDefault = v, true
	}
	return f, nil
}

// parseDefault reads a tag's default text as a value of the field's type;
// normalize checks it further when the model is built.
func parseDefault(f Field, s string) (any, error) {
	switch {
	case f.Type.isString(), f.Type == DecimalField, f.Type == DateField,
		f.Type == DateTimeField, f.Type == TimeField, f.Type == UUIDField:
		return s, nil
	case f.Type.isInteger():
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not an integer", s)
		}
		return n, nil
	case f.Type == FloatField:
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		return x, nil
	case f.Type == BooleanField:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not true or false", s)
		}
		return b, nil
	}
	return nil, fmt.Errorf("no default for %s", f.Type)
}

// SnakeCase turns a Go name into a field name: "PublishedOn" →
// "published_on", "ISBNCode" → "isbn_code".
func SnakeCase(name string) string {
	r := []rune(name)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 {
			prevLower := unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1])
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if prevLower || (unicode.IsUpper(r[i-1]) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}
