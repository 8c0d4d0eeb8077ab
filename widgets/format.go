package widgets

import (
	"math/big"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/timefmt"
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/renderers"
)

// formatValue is Django's Widget.format_value: no value for None and "",
// otherwise str(value), or the localized input form of it in the formats
// f (nil for English).
func formatValue(v any, localized bool, f *l10n.Formats) any {
	if isNone(v) || v == "" {
		return nil
	}
	if localized {
		return localizeInput(v, "", f)
	}
	return pyfmt.Str(v)
}

// isNone reports whether v is Python's None: nil, or a nil pointer.
func isNone(v any) bool {
	if v == nil {
		return true
	}
	switch x := v.(type) {
	case *decimal.Decimal:
		return x == nil
	case *UploadedFile:
		return x == nil
	}
	return false
}

// localizeInput is Django's formats.localize_input in the formats f (nil
// for English): numbers in plain notation with f's decimal separator,
// without grouping (Django's USE_THOUSAND_SEPARATOR is off), dates and
// times in the given strftime format or f's first input format of their
// kind.
// What a time.Time holds is l10n.KindOf's answer.
func localizeInput(v any, format string, f *l10n.Formats) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return x
	case bool:
		return pyfmt.Str(x)
	case float64:
		return localNumber(numberFormat(x), f)
	case float32:
		return localNumber(numberFormat(float64(x)), f)
	case decimal.Decimal:
		return localNumber(decimalFixed(x), f)
	case *decimal.Decimal:
		if x == nil {
			return nil
		}
		return localNumber(decimalFixed(*x), f)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, *big.Int:
		return pyfmt.Str(x)
	case time.Time:
		if format == "" {
			switch l10n.KindOf(x) {
			case l10n.TimeOfDay:
				format = timeFormats(f)[0]
			case l10n.Date:
				format = dateFormats(f)[0]
			default:
				format = dateTimeFormats(f)[0]
			}
		}
		return timefmt.Format(x, format)
	}
	return pyfmt.Str(v)
}

// localNumber writes a number in plain notation with f's decimal
// separator; f nil is English, which has ".".
func localNumber(plain string, f *l10n.Formats) string {
	if f == nil {
		return plain
	}
	return f.FormatNumber(plain, false)
}

// dateFormats, dateTimeFormats and timeFormats are f's input formats of
// each kind, English's when f is nil.
func dateFormats(f *l10n.Formats) []string {
	if f == nil || len(f.DateInputFormats) == 0 {
		return timefmt.DateInputFormats
	}
	return f.DateInputFormats
}

func dateTimeFormats(f *l10n.Formats) []string {
	if f == nil || len(f.DateTimeInputFormats) == 0 {
		return timefmt.DateTimeInputFormats
	}
	return f.DateTimeInputFormats
}

func timeFormats(f *l10n.Formats) []string {
	if f == nil || len(f.TimeInputFormats) == 0 {
		return timefmt.TimeInputFormats
	}
	return f.TimeInputFormats
}

// numberFormat is Django's number_format of a float for English: str(),
// or plain notation when str() would use an exponent.
func numberFormat(f float64) string {
	s := pyfmt.FloatRepr(f)
	if !strings.ContainsAny(s, "eE") {
		return s
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return decimalFixed(d)
}

// decimalFixed is Python's "{:f}".format(d): plain notation keeping the
// decimal's exponent.
func decimalFixed(d decimal.Decimal) string {
	exp := d.Exponent()
	if exp >= 0 {
		coef := new(big.Int).Set(d.Coefficient())
		coef.Mul(coef, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil))
		return coef.String()
	}
	return d.StringFixed(-exp)
}

// dataGet is QueryDict.get: the last value submitted under name, and
// false when there is none (a name holding an empty list too, which
// QueryDict.get reads as its default, None).
func dataGet(data url.Values, name string) (string, bool) {
	vs := data[name]
	if len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// dataValue is dataGet as a widget value: nil when not submitted.
func dataValue(data url.Values, name string) any {
	if v, ok := dataGet(data, name); ok {
		return v
	}
	return nil
}

// dataList is QueryDict.getlist: every value submitted under name, an
// empty list when none.
func dataList(data url.Values, name string) []string {
	return append([]string{}, data[name]...)
}

// fileValue is MultiValueDict.get on the uploaded files: the last file
// uploaded under name, or nil.
func fileValue(files Files, name string) any {
	list := files[name]
	if len(list) == 0 || list[len(list)-1] == nil {
		return nil
	}
	return list[len(list)-1]
}

// asList returns the items of v when v is a list or tuple in Python's
// sense (any Go slice or array but bytes), and ok false otherwise.
func asList(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out, true
	case nil, string, []byte:
		return nil, false
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, false
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, true
}

// pyListRepr is Python's str() of a list, as Widget.format_value writes a
// MultiWidget's list value.
func pyListRepr(items []any) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = pyfmt.Repr(it)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// attrsOf copies attrs, never returning nil.
func attrsOf(a renderers.Attrs) renderers.Attrs {
	if a == nil {
		return renderers.Attrs{}
	}
	return a.Clone()
}

func itoa(i int) string { return strconv.Itoa(i) }

func lower(s string) string { return strings.ToLower(s) }

// truthy is Python's bool(v) for the values widgets see.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case int:
		return x != 0
	case int64:
		return x != 0
	case float64:
		return x != 0
	case decimal.Decimal:
		return !x.IsZero()
	case *UploadedFile:
		return x != nil && x.Name != ""
	case interface{ URL() string }:
		return true
	}
	if items, ok := asList(v); ok {
		return len(items) > 0
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map:
		return rv.Len() > 0
	case reflect.Pointer, reflect.Interface:
		return !rv.IsNil()
	}
	return true
}

func fmtPy(v any) string { return pyfmt.Str(v) }
