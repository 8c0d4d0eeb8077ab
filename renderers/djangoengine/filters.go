package djangoengine

import (
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/flosch/pongo2/v6"
	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/internal/pyurl"
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/renderers"
)

// Django's filters where pongo2's differ, or that pongo2 lacks, as a
// theme's Django-syntax template uses them: the same answers as
// django.template.defaultfilters. Each was found printing something else
// than Django for the same template and value:
//
//   - length, length_is, first, last and join see a form's, a field's or
//     an error list's items (an error list's length is its number of
//     messages, not the number of the Object's keys);
//   - add adds int(value) + int(arg) when both are whole numbers, even
//     written as text ("3"|add:"4" is 7, not "34"), else value + arg
//     when Python can, else "";
//   - pluralize tells 1 from a number or a number's text and from the
//     length of a list, and prints nothing for other text;
//   - urlencode and iriencode quote as Python's urllib.parse.quote (a
//     space as %20, not +);
//   - truncatechars ends with the language's truncation text ("…") within
//     the length, as Django's Truncator does, not with "..." past it;
//   - escapejs escapes only what Django's does (\u0027 for ', not digits);
//   - floatformat rounds half up on the decimal of the value's text, as
//     Django's does, and writes it in the render's language (its decimal
//     separator; with the g suffix its thousands grouping), or unlocalized
//     with the u suffix;
//   - date and time take Django's format characters ("j. F Y", "H:i",
//     DATE_FORMAT and the other named formats), not Go's layouts, in the
//     render's language;
//   - yesno maps None to the second word when given two, as Django's, and
//     its default words are the render's language's ("ja,nein,vielleicht");
//   - truncatewords joins the words it keeps with single spaces and ends
//     with " …", as Django's Truncator does;
//   - wordwrap wraps at a width of characters, as Django's, not every N
//     words;
//   - slugify and force_escape, which pongo2 lacks.
func init() {
	must(pongo2.RegisterFilter("fw_lang", filterLang))
	must(pongo2.ReplaceFilter("floatformat", filterFloatformat))
	must(pongo2.ReplaceFilter("yesno", filterYesno))
	must(pongo2.RegisterFilter("fw_as_data", filterAsData))
	must(pongo2.RegisterFilter("fw_text", filterText))
	must(pongo2.ReplaceFilter("date", filterDate))
	must(pongo2.ReplaceFilter("time", filterTime))
	must(pongo2.ReplaceFilter("truncatechars", filterTruncateChars))
	must(pongo2.ReplaceFilter("escapejs", filterEscapeJS))
	must(pongo2.ReplaceFilter("length", filterLength))
	must(pongo2.ReplaceFilter("length_is", filterLengthIs))
	must(pongo2.ReplaceFilter("first", filterFirst))
	must(pongo2.ReplaceFilter("last", filterLast))
	must(pongo2.ReplaceFilter("join", filterJoin))
	must(pongo2.ReplaceFilter("add", filterAdd))
	must(pongo2.ReplaceFilter("pluralize", filterPluralize))
	must(pongo2.ReplaceFilter("urlencode", filterURLEncode))
	must(pongo2.ReplaceFilter("iriencode", filterIRIEncode))
	must(pongo2.ReplaceFilter("wordwrap", filterWordwrap))
	must(pongo2.ReplaceFilter("truncatewords", filterTruncateWords))
	must(pongo2.RegisterFilter("slugify", filterSlugify))
	must(pongo2.RegisterFilter("force_escape", filterForceEscape))
}

// objectItems returns what a for loop visits in in when it is a renderers.Object
// that can be iterated (a form, a bound field, an error list).
func objectItems(in *pongo2.Value) ([]any, bool) {
	if in.IsNil() {
		return nil, false
	}
	o, ok := in.Interface().(renderers.Object)
	if !ok {
		return nil, false
	}
	if _, iterable := o[renderers.IterKey]; !iterable {
		return nil, false
	}
	return o.Items(), true
}

// pyLen is Python's len() of in; ok is false where len raises.
func pyLen(in *pongo2.Value) (int, bool) {
	if items, ok := objectItems(in); ok {
		return len(items), true
	}
	if isNone(in) {
		return 0, false
	}
	if h, ok := renderers.IsSafe(in.Interface()); ok {
		// Safe markup travels as bytes; its length is in characters.
		return utf8.RuneCountInString(h), true
	}
	if o, isObject := in.Interface().(renderers.Object); isObject {
		// An empty Object is an empty list of errors, or nothing.
		return 0, len(o) == 0
	}
	if in.IsString() || in.CanSlice() || reflect.ValueOf(in.Interface()).Kind() == reflect.Map {
		return in.Len(), true
	}
	return 0, false
}

func filterLength(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	n, _ := pyLen(in)
	return pongo2.AsValue(n), nil
}

func filterLengthIs(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	n, ok := pyLen(in)
	if !ok {
		return pongo2.AsValue(""), nil
	}
	return pongo2.AsValue(n == param.Integer()), nil
}

func filterFirst(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	if items, ok := objectItems(in); ok {
		if len(items) == 0 {
			return pongo2.AsValue(""), nil
		}
		return pongo2.AsValue(tupled(items[0])), nil
	}
	if in.CanSlice() && in.Len() > 0 {
		return pongo2.AsValue(tupled(in.Index(0).Interface())), nil
	}
	return pongo2.AsValue(""), nil
}

func filterLast(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	if items, ok := objectItems(in); ok {
		if len(items) == 0 {
			return pongo2.AsValue(""), nil
		}
		return pongo2.AsValue(tupled(items[len(items)-1])), nil
	}
	if in.CanSlice() && in.Len() > 0 {
		return pongo2.AsValue(tupled(in.Index(in.Len() - 1).Interface())), nil
	}
	return pongo2.AsValue(""), nil
}

func filterJoin(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	items, ok := objectItems(in)
	if !ok {
		if !in.CanSlice() {
			return in, nil
		}
		for i := 0; i < in.Len(); i++ {
			items = append(items, in.Index(i).Interface())
		}
	}
	// Django escapes each item and marks the result safe. The separator
	// is nearly always a literal, which Django's templates mark safe;
	// pongo2 does not say which it is, so it is never escaped.
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(param.String())
		}
		b.WriteString(safeOrEscaped(pongo2.AsValue(it)))
	}
	return pongo2.AsSafeValue(b.String()), nil
}

// sameSafety is s, the result of a filter Django marks is_safe, safe
// when the filter's input was markup (a label tag, a field's HTML, a
// string literal of the template, a |safe string).
func sameSafety(in *pongo2.Value, s string) *pongo2.Value {
	if isSafeValue(in) {
		return pongo2.AsSafeValue(s)
	}
	if _, ok := renderers.IsSafe(in.Interface()); ok {
		return pongo2.AsSafeValue(s)
	}
	if o, ok := in.Interface().(renderers.Object); ok {
		if _, plain := o[renderers.HTMLKey].(string); !plain {
			return pongo2.AsSafeValue(s)
		}
	}
	return pongo2.AsValue(s)
}

// safeOrEscaped is v printed as autoescaping prints it.
func safeOrEscaped(v *pongo2.Value) string {
	if isSafeValue(v) {
		return v.String()
	}
	if s, ok := renderers.IsSafe(v.Interface()); ok {
		return s
	}
	if o, ok := v.Interface().(renderers.Object); ok {
		return o.String()
	}
	return renderers.Escape(v.String())
}

func filterAdd(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	a, okA := pyInt(in)
	b, okB := pyInt(param)
	if okA && okB {
		return pongo2.AsValue(pyIntString(new(big.Int).Add(a, b))), nil
	}
	switch {
	case in.IsString() && param.IsString():
		if isSafeValue(in) && isSafeValue(param) {
			// SafeString + SafeString is a SafeString in Python.
			return pongo2.AsSafeValue(in.String() + param.String()), nil
		}
		return pongo2.AsValue(in.String() + param.String()), nil
	case in.IsFloat() && param.IsNumber(), in.IsNumber() && param.IsFloat():
		return pongo2.AsValue(in.Float() + param.Float()), nil
	}
	if in.CanSlice() && param.CanSlice() && !in.IsString() && !param.IsString() {
		var out []any
		for _, v := range []*pongo2.Value{in, param} {
			for i := 0; i < v.Len(); i++ {
				out = append(out, v.Index(i).Interface())
			}
		}
		return pongo2.AsValue(out), nil
	}
	return pongo2.AsValue(""), nil
}

// pyIntString prints an int as Python does; small ones go back as int so
// that other filters see a number.
func pyIntString(i *big.Int) any {
	if i.IsInt64() {
		return int(i.Int64())
	}
	return i.String()
}

// pyInt is Python's int() of v: an integer, a float truncated, a bool,
// or text holding a whole number (spaces around it, a sign, underscores
// between digits); ok is false where int() raises.
func pyInt(v *pongo2.Value) (*big.Int, bool) {
	if isNone(v) {
		return nil, false
	}
	switch x := raw(v).(type) {
	case bool:
		if x {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	case string:
		return pyIntText(x)
	case decimal.Decimal:
		return x.BigInt(), true // int(Decimal) truncates
	}
	switch {
	case v.IsInteger():
		return big.NewInt(int64(v.Integer())), true
	case v.IsFloat():
		f := v.Float()
		if f != f || f > 1e300 || f < -1e300 {
			return nil, false
		}
		i, _ := new(big.Float).SetFloat64(f).Int(nil)
		return i, true
	}
	return nil, false
}

func pyIntText(s string) (*big.Int, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || digits[0] == '_' || digits[len(digits)-1] == '_' || strings.Contains(digits, "__") {
		return nil, false
	}
	if len(digits) > 4300 {
		// Python 3.11 refuses longer texts (sys.int_info.str_digits_check_threshold).
		return nil, false
	}
	i, ok := new(big.Int).SetString(s[:len(s)-len(digits)]+strings.ReplaceAll(digits, "_", ""), 10)
	return i, ok
}

func filterPluralize(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	arg := "s"
	if !param.IsNil() {
		arg = param.String()
	}
	if !strings.Contains(arg, ",") {
		arg = "," + arg
	}
	bits := strings.Split(arg, ",")
	if len(bits) > 2 {
		return pongo2.AsValue(""), nil
	}
	singular, plural := bits[0], bits[1]
	pick := func(one bool) (*pongo2.Value, *pongo2.Error) {
		if one {
			return pongo2.AsValue(singular), nil
		}
		return pongo2.AsValue(plural), nil
	}
	// float(value) == 1; text that is not a number prints nothing;
	// values that are neither numbers nor text are counted with len().
	switch {
	case isNone(in):
		return pongo2.AsValue(""), nil
	case in.IsString():
		f, err := strconv.ParseFloat(strings.TrimFunc(in.String(), unicode.IsSpace), 64)
		if err != nil {
			return pongo2.AsValue(""), nil
		}
		return pick(f == 1)
	case in.IsBool():
		return pick(in.Bool())
	case in.IsNumber():
		return pick(in.Float() == 1)
	}
	if n, ok := pyLen(in); ok {
		return pick(n == 1)
	}
	return pongo2.AsValue(""), nil
}

func filterURLEncode(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	safe := "/"
	if !param.IsNil() {
		safe = param.String()
	}
	return pongo2.AsValue(pyurl.Quote(in.String(), safe)), nil
}

func filterIRIEncode(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	return pongo2.AsValue(pyurl.Quote(in.String(), pyurl.IRISafe)), nil
}

var (
	// Python's \s on text: Go's \s lacks \v and \x1c-\x1f.
	slugDropRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^\w\t\n\v\f\r \x1c-\x1f-]`) })
	slugDashRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[-\t\n\v\f\r \x1c-\x1f]+`) })
)

// filterSlugify is Django's slugify without allow_unicode: the text
// decomposed (NFKD) to ASCII, lower-cased, without what is not a word
// character, space or hyphen, runs of spaces and hyphens made one hyphen,
// and hyphens and underscores trimmed from the ends.
func filterSlugify(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	var ascii strings.Builder
	for _, r := range norm.NFKD.String(in.String()) {
		if r < 0x80 {
			ascii.WriteRune(r)
		}
	}
	s := slugDropRe().ReplaceAllString(strings.ToLower(ascii.String()), "")
	s = slugDashRe().ReplaceAllString(s, "-")
	return pongo2.AsValue(strings.Trim(s, "-_")), nil
}

func filterForceEscape(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	return pongo2.AsSafeValue(renderers.Escape(text(in))), nil
}

// truncationText is Django's pgettext("String to return when truncating
// text", "%(truncated_text)s…"), keyed as the catalogs key it.
const truncationText = "String to return when truncating text\x04%(truncated_text)s…"

// filterTruncateChars is Django's truncatechars: text longer than n
// characters (combining marks not counted, after NFC) is cut so that it
// and the language's truncation text ("…", "..." in Chinese) make n.
func filterTruncateChars(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	in, lang := withLang(in)
	num, ok := pyInt(param)
	if !ok || !num.IsInt64() {
		return in, nil // Django: int(arg) raised, the value as it is
	}
	truncate := "%(truncated_text)s…"
	if lang != nil {
		if t := lang.Translate(truncationText); t != truncationText {
			truncate = t
		}
	}
	add := func(text string) string {
		if strings.Contains(truncate, "%(truncated_text)s") {
			return strings.ReplaceAll(truncate, "%(truncated_text)s", text)
		}
		if strings.HasSuffix(text, truncate) {
			return text
		}
		return text + truncate
	}
	n := int(num.Int64())
	// The length left for the text: n less the truncation text's
	// characters, as Django counts them (stopping at 0; from a length of
	// 0 or less it goes on down, so that the result is the text alone).
	keep := n
	for _, r := range add("") {
		if !unicode.Is(unicode.Mn, r) {
			keep--
			if keep == 0 {
				break
			}
		}
	}
	text := norm.NFC.String(text(in))
	count, end := 0, -1
	for i, r := range text {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		count++
		if end < 0 && count > keep {
			end = i
		}
		if count > n {
			return pongo2.AsValue(add(text[:max(end, 0)])), nil
		}
	}
	return pongo2.AsValue(text), nil
}

// filterWordwrap is Django's wordwrap: lines wrapped at the argument's
// width (pyfmt.Wrap); an argument that is not a positive integer is the
// error Django raises.
func filterWordwrap(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	width, ok := pyInt(param)
	if !ok || !width.IsInt64() {
		return nil, &pongo2.Error{Sender: "filter:wordwrap", OrigError: fmt.Errorf("invalid literal for int(): %q", param.String())}
	}
	s, err := pyfmt.Wrap(text(in), int(width.Int64()))
	if err != nil {
		return nil, &pongo2.Error{Sender: "filter:wordwrap", OrigError: err}
	}
	return sameSafety(in, s), nil
}

// filterTruncateWords is Django's truncatewords: the first N words
// joined by single spaces, " …" after them when some were cut; the value
// as it is when the argument is not an integer.
func filterTruncateWords(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	n, ok := pyInt(param)
	if !ok || !n.IsInt64() {
		return in, nil
	}
	words := strings.Fields(text(in))
	if int64(len(words)) > n.Int64() {
		// words[:n] as Python slices it: from the end when negative.
		keep := n.Int64()
		if keep < 0 {
			keep = max(int64(len(words))+keep, 0)
		}
		return sameSafety(in, strings.Join(words[:keep], " ")+" …"), nil
	}
	return sameSafety(in, strings.Join(words, " ")), nil
}

// filterEscapeJS is Django's escapejs: the characters that could end a
// JavaScript string or an HTML element, and control characters, as \uXXXX.
func filterEscapeJS(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for _, r := range in.String() {
		if r < 32 || r == 0x2028 || r == 0x2029 || (r < 0x80 && strings.ContainsRune("\\'\"><&=-;`", r)) {
			b.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				b.WriteByte(hex[(r>>shift)&15])
			}
			continue
		}
		b.WriteRune(r)
	}
	return pongo2.AsSafeValue(b.String()), nil
}

// filterFloatformat is Django's floatformat: the value's text as a
// decimal, rounded half up to the argument's places (-1: one place, none
// when whole; a negative n: n places unless whole; 0: none), "" for what
// is not a number, written with the render's decimal separator (withLang).
// A g suffix groups thousands as the language does; u writes the number
// unlocalized: a point, and no grouping even with g, as Django's settings
// (NUMBER_GROUPING 0) have it. A number of more than 200 digits and
// exponent is printed as it is, as Django does against a denial of
// service.
func filterFloatformat(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	in, lang := withLang(in)
	v := raw(in)
	input := pyfmt.Str(v)
	arg := "-1"
	if !param.IsNil() {
		arg = pyfmt.Str(raw(param))
	}
	group, localize := false, true
	switch {
	case strings.HasSuffix(arg, "gu") || strings.HasSuffix(arg, "ug"):
		group, localize, arg = true, false, arg[:len(arg)-2]
	case strings.HasSuffix(arg, "g"):
		group, arg = true, arg[:len(arg)-1]
	case strings.HasSuffix(arg, "u"):
		localize, arg = false, arg[:len(arg)-1]
	}
	if arg == "" {
		arg = "-1"
	}
	d, err := pynum.ParseDecimal(input)
	if err != nil {
		b, isBool := v.(bool)
		switch {
		case pynum.IsDecimal(input):
			// Infinity and NaN (int(d) fails), and numbers of more digits
			// or a larger exponent than the 200 below: the text as it is.
			return pongo2.AsValue(input), nil
		case isBool && b: // float(True)
			d = decimal.NewFromInt(1)
		case isBool:
			d = decimal.Zero
		default:
			return pongo2.AsValue(""), nil
		}
	}
	p, err := strconv.Atoi(strings.TrimSpace(arg))
	if err != nil {
		return pongo2.AsValue(input), nil
	}
	if pyfmt.PastDigitLimit(d) {
		return pongo2.AsValue(input), nil
	}
	places := p
	if places < 0 {
		places = -places
	}
	var num string
	if d.Equal(d.Truncate(0)) && p <= 0 {
		num = d.Truncate(0).String()
		places = 0
	} else {
		num = d.Round(int32(places)).StringFixed(int32(places))
	}
	if localize {
		num = langFormats(lang).FormatNumber(num, group)
	}
	return pongo2.AsSafeValue(num), nil
}

// filterYesno is Django's yesno: "yes,no,maybe" in the render's language
// (withLang) or the argument's words for true, false and None; with two
// words None is the second; fewer than two leave the value as it is.
func filterYesno(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	in, lang := withLang(in)
	arg := "yes,no,maybe"
	if lang != nil {
		arg = lang.Translate(arg)
	}
	if !param.IsNil() {
		arg = param.String()
	}
	bits := strings.Split(arg, ",")
	if len(bits) < 2 {
		return in, nil
	}
	yes, no, maybe := bits[0], bits[1], bits[1]
	if len(bits) == 3 {
		maybe = bits[2]
	}
	switch {
	case isNone(in):
		return pongo2.AsValue(maybe), nil
	case in.IsTrue():
		return pongo2.AsValue(yes), nil
	}
	return pongo2.AsValue(no), nil
}

// filterDate is Django's date filter: the date (or date and time) in
// the argument's format, a named one (DATE_FORMAT, SHORT_DATE_FORMAT...)
// in the render's language, DATE_FORMAT when there is none; "" for None,
// "" and what is not a date. A time-related character in the format of a
// date is Django's TypeError.
func filterDate(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	return formatTime(in, param, "DATE_FORMAT", false)
}

// filterTime is Django's time filter: the time of a time of day or of a
// date and time in the argument's format, TIME_FORMAT when there is
// none; "" for a date, and for what is not a time.
func filterTime(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	return formatTime(in, param, "TIME_FORMAT", true)
}

func formatTime(in, param *pongo2.Value, defaultFormat string, timeOnly bool) (*pongo2.Value, *pongo2.Error) {
	in, lang := withLang(in)
	t, ok := raw(in).(time.Time)
	if !ok {
		return pongo2.AsValue(""), nil
	}
	name := defaultFormat
	if !param.IsNil() {
		if s := pyfmt.Str(raw(param)); s != "" {
			name = s
		}
	}
	format := langFormats(lang).NamedFormat(name)
	kind := l10n.KindOf(t)
	if timeOnly {
		if kind == l10n.Date {
			// A date has no hour: the time filter's AttributeError.
			return pongo2.AsValue(""), nil
		}
		kind = l10n.TimeOfDay
	}
	s, err := l10n.FormatDate(t, kind, format, lang)
	if err != nil {
		var fe *l10n.FormatError
		if errors.As(err, &fe) && fe.Date {
			return nil, &pongo2.Error{Sender: "filter:date", OrigError: err}
		}
		return pongo2.AsValue(""), nil
	}
	return pongo2.AsValue(s), nil
}

// filterText is the value as the text a Django stringfilter sees
// (Translate writes |fw_text before pongo2's own such filters): a list's
// repr unescaped, to be escaped once when printed; anything else as it is.
func filterText(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	if s, ok := plainText(in); ok {
		return pongo2.AsValue(s), nil
	}
	return in, nil
}

// filterAsData is an error list's as_data (Translate writes .as_data as
// |fw_as_data) as Django prints it: the repr of a list of ValidationErrors
// ("[ValidationError(['This field is required.'])]", "[]" when empty),
// and of an error dict, its fields' lists by name.
func filterAsData(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	o, ok := in.Interface().(renderers.Object)
	if !ok {
		return pongo2.AsValue(""), nil // not an error list: undefined
	}
	if items, ok := o["items"].([]any); ok { // an error dict
		d := make(pyErrorDataDict, 0, len(items))
		for _, it := range items {
			if pair, ok := it.([]any); ok && len(pair) == 2 {
				list, _ := pair[1].(renderers.Object)
				d = append(d, fieldErrorData{name: pyfmt.Str(pair[0]), data: errorData(list)})
			}
		}
		return pongo2.AsValue(d), nil
	}
	return pongo2.AsValue(errorData(o)), nil
}

// errorData is the messages of an error list's Object.
func errorData(o renderers.Object) pyErrorData {
	iter, _ := o[renderers.IterKey].(func() []any)
	if iter == nil {
		return pyErrorData{}
	}
	msgs := iter()
	d := make(pyErrorData, len(msgs))
	for i, m := range msgs {
		d[i] = pyfmt.Str(m)
	}
	return d
}
