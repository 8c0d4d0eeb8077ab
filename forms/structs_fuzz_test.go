package forms

import (
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// FuzzStructTag: any tag on any supported Go type either declares a field
// or returns an error; the field then binds, cleans and renders without
// a panic.
func FuzzStructTag(f *testing.F) {
	for _, seed := range []string{
		"name,max_length=40,label='Hi, you'", "n,min_value=1,max_value=0", "x,type=RegexField,regex=(",
		"a,type=TypedChoiceField,coerce=int,choices=1:A|2:B,initial=2", "d,max_digits=2,decimal_places=3",
		"t,type=DateField,input_formats=%Y|%d", "e,type=EmailField,optional,no_max_length", ",step_size=-1",
		"c,choices=a|b,widget=RadioSelect,initial=a", "x,initial='", "m,type=MultipleChoiceField,choices=a,initial=a|b",
	} {
		for i := range fuzzTypes {
			f.Add(seed, uint8(i), "1")
		}
	}
	f.Fuzz(func(t *testing.T, tag string, typ uint8, value string) {
		gt := fuzzTypes[int(typ)%len(fuzzTypes)]
		sf := reflect.StructField{Name: "Field", Type: gt, Tag: reflect.StructTag(`formwork:"` + tag + `"`)}
		name, field, err := structField(sf, tag)
		if err != nil {
			return
		}
		d, err := Declare(Named(name, field))
		if err != nil {
			return
		}
		form := d.Bind(url.Values{name: {value}}, nil, Options{})
		form.IsValid()
		if _, err := form.AsDiv(); err != nil {
			t.Fatalf("tag %q on %s: render: %v", tag, gt, err)
		}
		if _, err := d.New(Options{}).AsDiv(); err != nil {
			t.Fatalf("tag %q on %s: unbound render: %v", tag, gt, err)
		}
	})
}

var fuzzTypes = []reflect.Type{
	reflect.TypeFor[string](), reflect.TypeFor[int](), reflect.TypeFor[int8](), reflect.TypeFor[uint](),
	reflect.TypeFor[float64](), reflect.TypeFor[bool](), reflect.TypeFor[*bool](), reflect.TypeFor[*int](),
	reflect.TypeFor[decimal.Decimal](), reflect.TypeFor[time.Time](), reflect.TypeFor[time.Duration](),
	reflect.TypeFor[[]string](), reflect.TypeFor[*string](),
}
