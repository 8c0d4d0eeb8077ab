package djangoengine

import (
	"errors"
	"fmt"
	"math"
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
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// Django's text filters where pongo2's differ, and filesizeformat, which
// pongo2 lacks: the same answers as django.template.defaultfilters,
// django.utils.text and django.utils.html (Django 4.2.28 on Python 3.11):
//
//   - linebreaks splits paragraphs at runs of two or more newlines
//     (after \r\n and \r are made \n), writes each in <p> with <br> for
//     its newlines and joins them with a blank line ("" is "<p></p>");
//   - linenumbers numbers lines from 1, zero-padded to the width of the
//     last number ("01. ");
//   - truncatechars_html and truncatewords_html are Django's
//     Truncator(...).chars/words(html=True): text counted outside tags,
//     the language's truncation text ("…", for words " …") where the cut
//     falls, the tags still open closed; at most 5,000,000 characters
//     of the input are read, as in Django;
//   - filesizeformat prints a number of bytes as "13 KB", "4.1 MB" (with
//     non-breaking spaces) in the render's language: its translations of
//     Django's messages and its plural forms ("0 octet", "5 bajtů"), its
//     decimal separator; "0 bytes" for what int() cannot read;
//   - get_digit, phone2numeric, make_list, capfirst and title follow
//     Python's int(), str.lower(), list(), str.upper() and str.title()
//     (full Unicode case mappings, "ß" upper is "SS");
//   - striptags is Django's strip_tags: Python's html.parser run until
//     no tag is left, with Django's limits against hostile markup (50
//     rounds; a tag left open over 1,000 characters holding 50 "<")
//     failing the render as Django's SuspiciousOperation does.
//
// The filters Django marks needs_autoescape (linebreaks, linenumbers)
// escape their text unless it is safe, as Django does with autoescaping
// on: a pongo2 filter cannot see {% autoescape off %}.
func init() {
	must(pongo2.ReplaceFilter("linebreaks", filterLinebreaks))
	must(pongo2.ReplaceFilter("linenumbers", filterLinenumbers))
	must(pongo2.ReplaceFilter("truncatechars_html", filterTruncateCharsHTML))
	must(pongo2.ReplaceFilter("truncatewords_html", filterTruncateWordsHTML))
	must(pongo2.RegisterFilter("filesizeformat", filterFilesizeformat))
	must(pongo2.ReplaceFilter("get_digit", filterGetDigit))
	must(pongo2.ReplaceFilter("divisibleby", filterDivisibleby))
	must(pongo2.ReplaceFilter("phone2numeric", filterPhone2numeric))
	must(pongo2.ReplaceFilter("make_list", filterMakeList))
	must(pongo2.ReplaceFilter("capfirst", filterCapfirst))
	must(pongo2.ReplaceFilter("title", filterTitle))
	must(pongo2.ReplaceFilter("striptags", filterStriptags))
}

// ---------------------------------------------------------------- safety

// pongoSafe reads pongo2's own safe mark of a value (|safe, |escape and
// the filters that return AsSafeValue set it), which pongo2 does not
// export; false if a later pongo2 has no such field.
func pongoSafe(v *pongo2.Value) bool {
	if v == nil {
		return false
	}
	f := reflect.ValueOf(v).Elem().FieldByName("safe")
	return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
}

// isSafeText reports whether Django would see the value as SafeData:
// markup (a label tag, a field's HTML), or a string marked safe.
func isSafeText(v *pongo2.Value) bool {
	if _, ok := renderers.IsSafe(v.Interface()); ok {
		return true
	}
	if o, ok := v.Interface().(renderers.Object); ok {
		_, plain := o[renderers.HTMLKey].(string)
		return !plain
	}
	return pongoSafe(v)
}

// keepSafety is s, the result of a filter Django marks is_safe, safe when
// its input was.
func keepSafety(in *pongo2.Value, s string) *pongo2.Value {
	if isSafeText(in) {
		return pongo2.AsSafeValue(s)
	}
	return pongo2.AsValue(s)
}

// ---------------------------------------------------------------- linebreaks, linenumbers

// filterLinebreaks is Django's linebreaks (django.utils.html.linebreaks).
func filterLinebreaks(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	s := strings.ReplaceAll(text(in), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	escape := !isSafeText(in)
	var b strings.Builder
	for i, para := range splitParagraphs(s) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if escape {
			para = renderers.Escape(para)
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(para, "\n", "<br>"))
		b.WriteString("</p>")
	}
	return pongo2.AsSafeValue(b.String()), nil
}

// splitParagraphs is re.split("\n{2,}", s).
func splitParagraphs(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		if s[i] != '\n' || i+1 >= len(s) || s[i+1] != '\n' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '\n' {
			j++
		}
		out = append(out, s[start:i])
		start, i = j, j
	}
	return append(out, s[start:])
}

// filterLinenumbers is Django's linenumbers: each line of the text after
// its number, zero-padded to the width of the number of lines.
func filterLinenumbers(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	lines := strings.Split(text(in), "\n")
	width := len(strconv.Itoa(len(lines)))
	escape := !isSafeText(in)
	var b strings.Builder
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if escape {
			line = renderers.Escape(line)
		}
		fmt.Fprintf(&b, "%0*d. %s", width, i+1, line)
	}
	return pongo2.AsSafeValue(b.String()), nil
}

// ---------------------------------------------------------------- truncatechars_html, truncatewords_html

// maxLengthHTML is Truncator.MAX_LENGTH_HTML: the characters of HTML
// that truncating reads at most.
const maxLengthHTML = 5_000_000

// truncateArg is int(arg) for the truncating filters, clamped to a range
// that counting cannot pass; ok is false where int() raises.
func truncateArg(param *pongo2.Value) (int, bool) {
	n, ok := pyInt(param)
	if !ok {
		return 0, false
	}
	const limit = 1 << 62
	switch {
	case n.Cmp(big.NewInt(limit)) > 0:
		return limit, true
	case n.Cmp(big.NewInt(-limit)) < 0:
		return -limit, true
	}
	return int(n.Int64()), true
}

// filterTruncateCharsHTML is Django's truncatechars_html: the HTML cut
// after the argument's number of characters outside tags, the
// language's truncation text ("…") counted in them, the tags left open
// closed.
func filterTruncateCharsHTML(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	in, lang := withLang(in)
	s := text(in)
	n, ok := truncateArg(param)
	if !ok {
		return keepSafety(in, s), nil
	}
	truncate := "%(truncated_text)s…"
	if lang != nil {
		if t := lang.Translate(truncationText); t != truncationText {
			truncate = t
		}
	}
	s = norm.NFC.String(s)
	end := addTruncation("", truncate)
	keep := n
	for _, r := range end {
		if norm.NFC.PropertiesString(string(r)).CCC() == 0 {
			keep--
			if keep == 0 {
				break
			}
		}
	}
	return keepSafety(in, truncateHTML(s, n, end, keep, false)), nil
}

// filterTruncateWordsHTML is Django's truncatewords_html: the HTML cut
// after the argument's number of words outside tags, " …" after them,
// the tags left open closed; "" for a number below 1.
func filterTruncateWordsHTML(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	s := text(in)
	n, ok := truncateArg(param)
	if !ok {
		return keepSafety(in, s), nil
	}
	return keepSafety(in, truncateHTML(s, n, addTruncation("", " …"), n, true)), nil
}

// addTruncation is Truncator.add_truncation_text.
func addTruncation(text, truncate string) string {
	if strings.Contains(truncate, "%(truncated_text)s") {
		return strings.ReplaceAll(truncate, "%(truncated_text)s", text)
	}
	if strings.HasSuffix(text, truncate) {
		return text
	}
	return text + truncate
}

// html4Singlets are the elements Truncator never expects closed.
var html4Singlets = map[string]bool{
	"br": true, "col": true, "link": true, "base": true, "img": true,
	"param": true, "area": true, "hr": true, "input": true,
}

// truncateHTML is Truncator._truncate_html: length characters (or words)
// of text outside tags, the end text where truncateLen of them were
// read, then the closing tags of the elements still open there. The
// searches are Django's regular expressions (re_chars, and for words
// its WordsRegex), written out so that each is linear in what it reads.
func truncateHTML(text string, length int, end string, truncateLen int, words bool) string {
	if words && length <= 0 {
		return ""
	}
	sizeLimited := false
	if utf8.RuneCountInString(text) > maxLengthHTML {
		cut, count := 0, 0
		for cut < len(text) && count < maxLengthHTML {
			_, size := utf8.DecodeRuneInString(text[cut:])
			cut += size
			count++
		}
		text, sizeLimited = text[:cut], true
	}
	var (
		pos, endTextPos, current int
		open                     []string // most recent last
		gt                       = nextByte{s: text, c: '>'}
	)
	for current <= length {
		var start, stop int
		var isText bool
		if words {
			start, stop, isText = searchWord(text, pos, &gt)
		} else {
			start, stop, isText = searchChar(text, pos, &gt)
		}
		if start < 0 {
			break
		}
		pos = stop
		if isText {
			current++
			if current == truncateLen {
				endTextPos = pos
			}
			continue
		}
		m := reTag().FindStringSubmatchIndex(text[start:stop])
		if m == nil || current >= truncateLen {
			continue
		}
		tag := text[start:stop]
		closing := m[2] >= 0
		selfClosing := m[6] >= 0
		name := pyLower(tag[m[4]:m[5]])
		switch {
		case selfClosing || html4Singlets[name]:
		case closing:
			if len(open) > 0 && open[len(open)-1] == name {
				open = open[:len(open)-1]
			}
		default:
			open = append(open, name)
		}
	}
	if current <= length {
		if sizeLimited && end != "" {
			return text + end
		}
		return text
	}
	var b strings.Builder
	b.WriteString(text[:endTextPos])
	b.WriteString(end)
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	return b.String()
}

// nextByte finds the next c in s at or after a position, remembering
// its last answer so that searches moving forward read s once.
type nextByte struct {
	s        string
	c        byte
	from, at int
	valid    bool
}

func (n *nextByte) find(p int) int {
	if n.valid && p >= n.from && (n.at < 0 || p <= n.at) {
		return n.at
	}
	n.valid, n.from = true, p
	if p > len(n.s) {
		n.at = -1
		return -1
	}
	if i := strings.IndexByte(n.s[p:], n.c); i >= 0 {
		n.at = p + i
	} else {
		n.at = -1
	}
	return n.at
}

// searchChar is re_chars.search(text, pos), re_chars being
// <[^>]+?>|(.) (re.S): a tag, or one character (isText).
func searchChar(text string, pos int, gt *nextByte) (start, stop int, isText bool) {
	if pos >= len(text) {
		return -1, -1, false
	}
	if text[pos] == '<' {
		if q := gt.find(pos + 1); q > pos+1 {
			return pos, q + 1, false
		}
	}
	_, size := utf8.DecodeRuneInString(text[pos:])
	return pos, pos + size, true
}

// searchWord is Django's WordsRegex.search(text, pos): a word (a run of
// characters other than <, > and whitespace; isText), or a < with the
// text up to the next >, or, when no > follows, the next word after pos.
func searchWord(text string, pos int, gt *nextByte) (start, stop int, isText bool) {
	i := pos
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '<' || isWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(text) {
		return -1, -1, false
	}
	if text[i] != '<' {
		return i, wordEnd(text, i), true
	}
	if q := gt.find(i + 1); q >= 0 {
		return i, q + 1, false
	}
	// No > closes it: re_notag.search(text, pos + 1).
	_, size := utf8.DecodeRuneInString(text[pos:])
	for j := pos + size; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			return j, wordEnd(text, j), true
		}
		j += size
	}
	return -1, -1, false
}

func isWordRune(r rune) bool { return r != '<' && r != '>' && !isPySpace(r) }

func wordEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// pySpaceClass is Python's \s on text (str.isspace): Go's \s is ASCII.
const pySpaceClass = `\t\n\v\f\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}`

// reTag is django.utils.text.re_tag, <(/)?(\S+?)(?:(\s*/)|\s.*?)?> (re.S),
// anchored as re.match is.
var reTag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)^<(/)?([^` + pySpaceClass + `]+?)(?:([` + pySpaceClass + `]*/)|[` + pySpaceClass + `].*?)?>`)
})

// isPySpace is Python's str.isspace of one character.
func isPySpace(r rune) bool {
	switch {
	case r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f):
		return true
	case r < 0x85:
		return false
	}
	switch r {
	case 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// ---------------------------------------------------------------- filesizeformat

// filterFilesizeformat is Django's filesizeformat: int() of the value
// as a size in bytes ("0 bytes" where int() fails), in bytes below 1 KB
// (the language's plural), else in KB, MB, GB, TB or PB with one decimal
// in the language's separator; non-breaking spaces.
func filterFilesizeformat(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	in, lang := withLang(in)
	n, err := pyIntOf(filterInput(in))
	if errors.Is(err, errIntOverflow) {
		return nil, &pongo2.Error{Sender: "filter:filesizeformat", OrigError: err}
	}
	if err != nil {
		return pongo2.AsValue(avoidWrapping(sizeInBytes(lang, 0))), nil
	}
	negative := n.Sign() < 0
	n.Abs(n)
	var s string
	if n.Cmp(big.NewInt(1<<10)) < 0 {
		s = sizeInBytes(lang, n.Int64())
	} else {
		units := []struct {
			shift uint
			msg   string
		}{
			{10, "%s KB"}, {20, "%s MB"}, {30, "%s GB"}, {40, "%s TB"}, {50, "%s PB"},
		}
		u := units[len(units)-1]
		for i, next := range units[1:] {
			if n.Cmp(new(big.Int).Lsh(big.NewInt(1), next.shift)) < 0 {
				u = units[i]
				break
			}
		}
		// bytes / unit as Python divides ints: the float nearest to the
		// quotient, too large for one an OverflowError.
		q, _ := new(big.Rat).SetFrac(n, new(big.Int).Lsh(big.NewInt(1), u.shift)).Float64()
		if math.IsInf(q, 0) {
			return nil, &pongo2.Error{Sender: "filter:filesizeformat", OrigError: errors.New("OverflowError: integer division result too large for a float")}
		}
		msg := u.msg
		if lang != nil {
			msg = lang.Translate(msg)
		}
		s = pyPercentS(msg, sizeNumber(q, langFormats(lang).DecimalSeparator))
	}
	if negative {
		s = "-" + s
	}
	return pongo2.AsValue(avoidWrapping(s)), nil
}

// sizeInBytes is ngettext("%(size)d byte", "%(size)d bytes", n) % {"size": n}.
func sizeInBytes(lang renderers.Translator, n int64) string {
	msg := "%(size)d bytes"
	if n == 1 {
		msg = "%(size)d byte"
	}
	if p, ok := lang.(interface {
		Plural(singular, plural string, n int64) string
	}); ok {
		msg = p.Plural("%(size)d byte", "%(size)d bytes", n)
	} else if lang != nil {
		msg = lang.Translate(msg)
	}
	return pyfmt.Interpolate(msg, map[string]any{"size": n})
}

// sizeNumber is formats.number_format(round(v, 1), 1): the number rounded
// half to even to one decimal, written from Python's str() of it as
// numberformat.format writes it (plain digits, or past 200 digits and
// exponent the coefficient and its exponent), without grouping.
func sizeNumber(v float64, sep string) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 1, 64), 64)
	s := pyfmt.NumberText(r)
	exp := ""
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		s, exp = s[:i], s[i:]
	}
	intPart, dec, _ := strings.Cut(s, ".")
	if dec == "" {
		dec = "0"
	}
	return intPart + sep + dec[:1] + exp
}

// pyPercentS is format % arg for a format with one %s.
func pyPercentS(format, arg string) string {
	var b strings.Builder
	done := false
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) {
			switch format[i+1] {
			case '%':
				b.WriteByte('%')
				i++
				continue
			case 's':
				if !done {
					b.WriteString(arg)
					done = true
					i++
					continue
				}
			}
		}
		b.WriteByte(format[i])
	}
	return b.String()
}

// avoidWrapping is django.utils.html.avoid_wrapping.
func avoidWrapping(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// The ways Python's int() fails: a ValueError (text that is no whole
// number, NaN), a TypeError (None, a list, a date), an OverflowError
// (infinity).
var (
	errIntValue    = errors.New("ValueError: invalid literal for int()")
	errIntType     = errors.New("TypeError: int() argument must be a string or a number")
	errIntOverflow = errors.New("OverflowError: cannot convert float infinity to integer")
)

// filterInput is the value a Django filter is given: an undefined
// variable is "" (the engine's string_if_invalid), None read from an
// Object is None (nil).
func filterInput(v *pongo2.Value) any {
	if v.IsNil() {
		return ""
	}
	return raw(v)
}

// pyIntOf is Python's int() of a value as formwork spells it.
func pyIntOf(v any) (*big.Int, error) {
	switch x := v.(type) {
	case nil:
		return nil, errIntType
	case bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	case string:
		return pyIntFromText(x)
	case renderers.HTML:
		return pyIntFromText(string(x))
	case decimal.Decimal:
		return x.BigInt(), nil // truncates toward zero, as int() does
	case time.Duration, time.Time:
		return nil, errIntType
	case float32:
		return pyIntOf(float64(x))
	case float64:
		switch {
		case math.IsNaN(x):
			return nil, errIntValue
		case math.IsInf(x, 0):
			return nil, errIntOverflow
		}
		i, _ := new(big.Float).SetFloat64(x).Int(nil)
		return i, nil
	}
	if h, ok := renderers.IsSafe(v); ok {
		return pyIntFromText(h)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return big.NewInt(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return new(big.Int).SetUint64(rv.Uint()), nil
	case reflect.String:
		return pyIntFromText(rv.String())
	}
	return nil, fmt.Errorf("%w, not %T", errIntType, v)
}

// pyIntFromText is int() of text: Unicode digits and whitespace read as
// Python reads them, then the rules of pyIntText.
func pyIntFromText(s string) (*big.Int, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case isPySpace(r):
			b.WriteByte(' ')
		case isPyDecimal(r):
			b.WriteByte(byte('0' + decimalValue(r)))
		default:
			return nil, errIntValue
		}
	}
	i, ok := pyIntText(b.String())
	if !ok {
		return nil, errIntValue
	}
	return i, nil
}

// decimalValue is the value of a decimal digit (unicode.Nd): Unicode
// encodes them in runs of ten from 0.
func decimalValue(r rune) int {
	start := r
	for start > 0 && unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return int(r-start) % 10
}

// ---------------------------------------------------------------- get_digit

// filterGetDigit is Django's get_digit: the digit of int(value) at the
// argument's place from the right (1 the last), 0 past its first; the
// value as it is where int() of either fails, int(value) when the place
// is below 1. Django's errors (int() of None, a digit of a negative
// number past its sign) fail the render.
func filterGetDigit(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	fail := func(err error) (*pongo2.Value, *pongo2.Error) {
		return nil, &pongo2.Error{Sender: "filter:get_digit", OrigError: err}
	}
	arg, err := pyIntOf(filterInput(param))
	if errors.Is(err, errIntValue) {
		return in, nil
	} else if err != nil {
		return fail(err)
	}
	value, err := pyIntOf(filterInput(in))
	if errors.Is(err, errIntValue) {
		return in, nil
	} else if err != nil {
		return fail(err)
	}
	if arg.Sign() < 1 {
		return pongo2.AsValue(pyIntString(value)), nil
	}
	digits := value.String()
	if !arg.IsInt64() || arg.Int64() > int64(len(digits)) {
		return pongo2.AsValue(0), nil
	}
	d := digits[len(digits)-int(arg.Int64())]
	if d < '0' || d > '9' {
		return fail(fmt.Errorf("ValueError: invalid literal for int() with base 10: %q", string(d)))
	}
	return pongo2.AsValue(int(d - '0')), nil
}

// filterDivisibleby is Django's divisibleby: int(value) % int(arg) == 0,
// a Decimal or a float truncated as int() does. Where int() of either
// raises, or the argument is 0, Django's render fails, and so does this.
func filterDivisibleby(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	fail := func(err error) (*pongo2.Value, *pongo2.Error) {
		return nil, &pongo2.Error{Sender: "filter:divisibleby", OrigError: err}
	}
	value, err := pyIntOf(filterInput(in))
	if err != nil {
		return fail(err)
	}
	arg, err := pyIntOf(filterInput(param))
	if err != nil {
		return fail(err)
	}
	if arg.Sign() == 0 {
		return fail(errors.New("ZeroDivisionError: integer modulo by zero"))
	}
	return pongo2.AsValue(new(big.Int).Rem(value, arg).Sign() == 0), nil
}

// ---------------------------------------------------------------- phone2numeric, make_list, capfirst, title

// filterPhone2numeric is Django's phone2numeric: the text lower-cased,
// its letters a-z as the digits of a phone's keypad. Django calls the
// value's lower(), which text has and other values do not.
func filterPhone2numeric(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	var s string
	switch {
	case in.IsNil():
	case in.IsString():
		s = in.String()
	default:
		h, ok := renderers.IsSafe(in.Interface())
		if !ok {
			return nil, &pongo2.Error{Sender: "filter:phone2numeric", OrigError: fmt.Errorf("AttributeError: %T object has no attribute 'lower'", raw(in))}
		}
		s = h
	}
	const keypad = "22233344455566677778889999"
	lower := []byte(pyLower(s))
	for i, c := range lower {
		if c >= 'a' && c <= 'z' {
			lower[i] = keypad[c-'a']
		}
	}
	return keepSafety(in, string(lower)), nil
}

// filterMakeList is Django's make_list: the characters of the value's
// text, a list that prints as Python's repr of it.
func filterMakeList(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	s := text(in)
	chars := make([]string, 0, len(s))
	for _, r := range s {
		chars = append(chars, string(r))
	}
	return pongo2.AsValue(pyStrs(chars)), nil
}

// filterCapfirst is Django's capfirst: the first character upper-cased
// as Python's str.upper does it ("ß" is "SS").
func filterCapfirst(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	s := text(in)
	if s == "" {
		return keepSafety(in, s), nil
	}
	r, size := utf8.DecodeRuneInString(s)
	return keepSafety(in, newCaser().upper(r)+s[size:]), nil
}

// filterTitle is Django's title: Python's str.title(), then a letter
// after an apostrophe that follows a lower-case letter, and a letter
// after a digit, lower-cased again ("they're", "1st").
func filterTitle(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	rs := []rune(pyTitle(text(in)))
	// re.sub("([a-z])'([A-Z])", lambda m: m[0].lower(), t)
	for i := 0; i+2 < len(rs); {
		if rs[i] >= 'a' && rs[i] <= 'z' && rs[i+1] == '\'' && rs[i+2] >= 'A' && rs[i+2] <= 'Z' {
			rs[i+2] += 'a' - 'A'
			i += 3
			continue
		}
		i++
	}
	// re.sub(r"\d([A-Z])", lambda m: m[0].lower(), t)
	for i := 0; i+1 < len(rs); {
		if isPyDecimal(rs[i]) && rs[i+1] >= 'A' && rs[i+1] <= 'Z' {
			rs[i+1] += 'a' - 'A'
			i += 2
			continue
		}
		i++
	}
	return keepSafety(in, string(rs)), nil
}

// caser holds the case mappings of one call (a cases.Caser is not safe
// for concurrent use): the full mappings Python's str methods apply, the
// same one character at a time as Python 3.11's.
type caser struct{ up, title, low cases.Caser }

func newCaser() *caser {
	return &caser{
		up:    cases.Upper(language.Und),
		title: cases.Title(language.Und, cases.NoLower),
		low:   cases.Lower(language.Und),
	}
}

func (c *caser) upper(r rune) string {
	if r < 0x80 {
		return string(unicode.ToUpper(r))
	}
	return c.up.String(string(r))
}

func (c *caser) titleOf(r rune) string {
	if r < 0x80 {
		return string(unicode.ToUpper(r))
	}
	return c.title.String(string(r))
}

// lowerAt is Python's lower-casing of rs[i]: a capital sigma is final
// (ς) after a cased letter and before none, case-ignorable characters
// skipped either way.
func (c *caser) lowerAt(rs []rune, i int) string {
	r := rs[i]
	switch {
	case r < 0x80:
		return string(unicode.ToLower(r))
	case r == 'Σ':
		j := i - 1
		for j >= 0 && isCaseIgnorable(rs[j]) {
			j--
		}
		final := j >= 0 && isCased(rs[j])
		if final {
			j = i + 1
			for j < len(rs) && isCaseIgnorable(rs[j]) {
				j++
			}
			final = j == len(rs) || !isCased(rs[j])
		}
		if final {
			return "ς"
		}
		return "σ"
	}
	return c.low.String(string(r))
}

// pyLower is Python's str.lower().
func pyLower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	c := newCaser()
	rs := []rune(s)
	var b strings.Builder
	for i := range rs {
		b.WriteString(c.lowerAt(rs, i))
	}
	return b.String()
}

// pyTitle is Python's str.title(): each character title-cased after an
// uncased one, lower-cased after a cased one.
func pyTitle(s string) string {
	c := newCaser()
	rs := []rune(s)
	var b strings.Builder
	prevCased := false
	for i, r := range rs {
		if prevCased {
			b.WriteString(c.lowerAt(rs, i))
		} else {
			b.WriteString(c.titleOf(r))
		}
		prevCased = isCased(r)
	}
	return b.String()
}

// isCased is Unicode's Cased property (Lowercase, Uppercase or Lt), which
// Python's title() and lower() read.
func isCased(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase) &&
		!unicode.Is(notCased14, r)
}

// Python 3.11 reads Unicode 14.0, Go's tables are 15.0 (unicode.Version):
// the characters below have a property in Go's that they lack in Python's
// (added, or, for five modifier letters, made Other_Lowercase, in 15.0).
var (
	notCased14 = &unicode.RangeTable{
		R16: []unicode.Range16{{0x10fc, 0x10fc, 1}, {0xa7f2, 0xa7f4, 1}, {0xab69, 0xab69, 1}},
		R32: []unicode.Range32{{0x1df25, 0x1df2a, 1}, {0x1e030, 0x1e06d, 1}},
	}
	notCaseIgnorable14 = &unicode.RangeTable{
		R16: []unicode.Range16{{0x0ece, 0x0ece, 1}},
		R32: []unicode.Range32{
			{0x10efd, 0x10eff, 1}, {0x11241, 0x11241, 1}, {0x11f00, 0x11f01, 1}, {0x11f36, 0x11f3a, 1},
			{0x11f40, 0x11f40, 1}, {0x11f42, 0x11f42, 1}, {0x13439, 0x13440, 1}, {0x13447, 0x13455, 1},
			{0x1e030, 0x1e06d, 1}, {0x1e08f, 0x1e08f, 1}, {0x1e4eb, 0x1e4ef, 1},
		},
	}
	notDecimal14 = &unicode.RangeTable{
		R32: []unicode.Range32{{0x11f50, 0x11f59, 1}, {0x1e4f0, 0x1e4f9, 1}},
	}
)

// isPyDecimal is Python's str.isdecimal of one character (re's \d).
func isPyDecimal(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return unicode.Is(unicode.Nd, r) && !unicode.Is(notDecimal14, r)
}

// isCaseIgnorable is Unicode's Case_Ignorable property: marks, format
// characters, modifiers, and the apostrophes and points words may hold
// (Word_Break MidLetter, MidNumLet and Single_Quote).
func isCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	if r < 0x80 {
		return r == '^' || r == '`'
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) && !unicode.Is(notCaseIgnorable14, r)
}

// ---------------------------------------------------------------- striptags

// filterStriptags is Django's striptags (django.utils.html.strip_tags).
func filterStriptags(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	s, err := stripTags(text(in))
	if err != nil {
		return nil, &pongo2.Error{Sender: "filter:striptags", OrigError: err}
	}
	return keepSafety(in, s), nil
}

// maxStripTagsDepth is django.utils.html.MAX_STRIP_TAGS_DEPTH.
const maxStripTagsDepth = 50

var errSuspicious = errors.New("SuspiciousOperation: strip_tags: markup nested too deep")

// stripTags is Django's strip_tags: the text html.parser finds outside
// tags, comments and declarations, entity and character references kept
// as written, again while that removes a <, at most 50 times.
func stripTags(value string) (string, error) {
	if longOpenTag(value) {
		return "", errSuspicious
	}
	for depth := 0; strings.Contains(value, "<") && strings.Contains(value, ">"); depth++ {
		if depth >= maxStripTagsDepth {
			return "", errSuspicious
		}
		next, err := stripOnce(value)
		if err != nil {
			return "", err
		}
		if strings.Count(value, "<") == strings.Count(next, "<") {
			break
		}
		value = next
	}
	return value, nil
}

// longOpenTag reports whether the text has a match of Django's
// long_open_tag_without_closing_re, <[a-zA-Z][^>]{1000,}, that holds 50
// or more "<". In each stretch between two ">" only the first
// "<letter" can start a match, which runs to the stretch's end.
func longOpenTag(s string) bool {
	for len(s) > 0 {
		stretch := s
		if i := strings.IndexByte(s, '>'); i >= 0 {
			stretch, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		for i := 0; i+1 < len(stretch); i++ {
			if stretch[i] == '<' && isASCIILetter(stretch[i+1]) {
				rest := stretch[i+2:]
				if utf8.RuneCountInString(rest) >= 1000 && strings.Count(stretch[i:], "<") >= maxStripTagsDepth {
					return true
				}
				break
			}
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool { return isASCIIDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || isASCIIDigit(c) }

// stripOnce is Django's _strip_once: an MLStripper (an HTMLParser with
// convert_charrefs=False that keeps data, "&name;" and "&#name;") fed
// the text and closed.
func stripOnce(value string) (string, error) {
	p := &htmlStripper{raw: value}
	if err := p.goahead(false); err != nil {
		return "", err
	}
	if err := p.goahead(true); err != nil {
		return "", err
	}
	return p.out.String(), nil
}

// htmlStripper is Python 3.11's html.parser.HTMLParser as MLStripper
// uses it: goahead and the parse_* methods it calls, with the regular
// expressions of html.parser and _markupbase written out.
type htmlStripper struct {
	raw   string // rawdata: what goahead has not consumed
	out   strings.Builder
	cdata string // cdata_elem: "script" or "style" inside one

	// Searches remembered within one goahead, which may look for the
	// same thing from many places (an unclosed comment).
	gt, lt                 nextByte
	commentEnd, sectionEnd [2]memoSearch
}

// memoSearch remembers a regular-expression search's answer: from is
// where it started, start and end the match (-1 when none).
type memoSearch struct {
	valid             bool
	from, start, stop int
}

func (m *memoSearch) search(p int, f func(p int) (int, int)) (int, int) {
	if m.valid && p >= m.from && (m.start < 0 || p <= m.start) {
		return m.start, m.stop
	}
	m.valid, m.from = true, p
	m.start, m.stop = f(p)
	return m.start, m.stop
}

func (p *htmlStripper) data(s string) { p.out.WriteString(s) }

func (p *htmlStripper) goahead(end bool) error {
	raw := p.raw
	p.gt = nextByte{s: raw, c: '>'}
	p.lt = nextByte{s: raw, c: '<'}
	p.commentEnd = [2]memoSearch{}
	p.sectionEnd = [2]memoSearch{}
	i, n := 0, len(raw)
loop:
	for i < n {
		j := n
		if p.cdata == "" {
			if k := strings.IndexAny(raw[i:], "&<"); k >= 0 {
				j = i + k
			}
		} else {
			k := cdataEndTag(raw, i, p.cdata)
			if k < 0 {
				break
			}
			j = k
		}
		if i < j {
			p.data(raw[i:j])
		}
		i = j
		if i == n {
			break
		}
		switch {
		case raw[i] == '<':
			var k int
			var err error
			switch {
			case i+1 < n && isASCIILetter(raw[i+1]):
				k = p.parseStarttag(i)
			case strings.HasPrefix(raw[i:], "</"):
				k = p.parseEndtag(i)
			case strings.HasPrefix(raw[i:], "<!--"):
				k = p.parseComment(i)
			case strings.HasPrefix(raw[i:], "<?"):
				k = p.findAfter(&p.gt, i+2)
			case strings.HasPrefix(raw[i:], "<!"):
				k, err = p.parseHTMLDeclaration(i)
				if err != nil {
					return err
				}
			case i+1 < n:
				p.data("<")
				k = i + 1
			default:
				break loop
			}
			if k < 0 {
				if !end {
					break loop
				}
				if g := p.gt.find(i + 1); g >= 0 {
					k = g + 1
				} else if l := p.lt.find(i + 1); l >= 0 {
					k = l
				} else {
					k = i + 1
				}
				p.data(raw[i:k])
			}
			i = k
		case strings.HasPrefix(raw[i:], "&#"):
			if nameEnd, stop, ok := matchCharref(raw, i); ok {
				p.data("&#" + raw[i+2:nameEnd] + ";")
				if raw[stop-1] != ';' {
					stop = nameEnd
				}
				i = stop
				continue
			}
			if strings.Contains(raw[i:], ";") { // bail by consuming &#
				p.data(raw[i : i+2])
				i += 2
			}
			break loop
		default: // '&'
			if nameEnd, stop, ok := matchEntityref(raw, i); ok {
				p.data("&" + raw[i+1:nameEnd] + ";")
				if raw[stop-1] != ';' {
					stop = nameEnd
				}
				i = stop
				continue
			}
			if i+1 < n && (isASCIILetter(raw[i+1]) || raw[i+1] == '#') { // incomplete
				if end && i+2 == n {
					i++
				}
				break loop
			}
			if i+1 < n {
				p.data("&")
				i++
				continue
			}
			break loop
		}
	}
	if end && i < n && p.cdata == "" {
		p.data(raw[i:n])
		i = n
	}
	p.raw = raw[i:]
	return nil
}

// findAfter is the index after the next c (of the nextByte) from p, -1
// when there is none.
func (p *htmlStripper) findAfter(nb *nextByte, from int) int {
	if g := nb.find(from); g >= 0 {
		return g + 1
	}
	return -1
}

// cdataEndTag is the start of the first match of </\s*script\s*> (re.I)
// from i, for the element whose text is being read; -1 when none.
func cdataEndTag(raw string, i int, elem string) int {
	for {
		k := strings.Index(raw[i:], "</")
		if k < 0 {
			return -1
		}
		start := i + k
		j := skipPySpace(raw, start+2)
		ok := true
		for x := 0; x < len(elem) && ok; x++ {
			if j >= len(raw) {
				ok = false
				break
			}
			r, size := utf8.DecodeRuneInString(raw[j:])
			ok = foldsTo(r, elem[x])
			j += size
		}
		if ok {
			j = skipPySpace(raw, j)
			if j < len(raw) && raw[j] == '>' {
				return start
			}
		}
		i = start + 1
	}
}

// foldsTo reports whether Python's re.IGNORECASE matches r to the ASCII
// letter c of "script" or "style".
func foldsTo(r rune, c byte) bool {
	if r < 0x80 {
		return byte(unicode.ToLower(r)) == c
	}
	switch c {
	case 's':
		return r == 0x17f
	case 'i':
		return r == 0x130 || r == 0x131
	}
	return false
}

func skipPySpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isPySpace(r) {
			break
		}
		i += size
	}
	return i
}

// matchCharref matches html.parser's charref,
// &#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F], at i: the end of the number
// and of the match.
func matchCharref(s string, i int) (nameEnd, stop int, ok bool) {
	j := i + 2
	switch {
	case j < len(s) && isASCIIDigit(s[j]):
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
	case j+1 < len(s) && (s[j] == 'x' || s[j] == 'X') && isHexDigit(s[j+1]):
		j++
		for j < len(s) && isHexDigit(s[j]) {
			j++
		}
	default:
		return 0, 0, false
	}
	if j >= len(s) || isHexDigit(s[j]) {
		return 0, 0, false
	}
	_, size := utf8.DecodeRuneInString(s[j:])
	return j, j + size, true
}

// matchEntityref matches html.parser's entityref,
// &([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9], at i: the end of the name and
// of the match. At the end of the text the name gives back characters
// to a final "-" or "." that ends it, as the regular expression does.
func matchEntityref(s string, i int) (nameEnd, stop int, ok bool) {
	j := i + 1
	if j >= len(s) || !isASCIILetter(s[j]) {
		return 0, 0, false
	}
	j++
	for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '-' || s[j] == '.') {
		j++
	}
	if j < len(s) {
		_, size := utf8.DecodeRuneInString(s[j:])
		return j, j + size, true
	}
	for t := j - 1; t >= i+2; t-- {
		if s[t] == '-' || s[t] == '.' {
			return t, t + 1, true
		}
	}
	return 0, 0, false
}

// parseStarttag is HTMLParser.parse_starttag: the end of the start tag
// at i, -1 when it is not complete; a tag whose end is neither > nor />
// is data.
func (p *htmlStripper) parseStarttag(i int) int {
	raw := p.raw
	endpos := p.checkForWholeStartTag(i)
	if endpos < 0 {
		return endpos
	}
	nameEnd, k := tagfind(raw, i+1)
	tag := pyLower(raw[i+1 : nameEnd])
	for k < endpos {
		m := attrfind(raw, k)
		if m < 0 {
			break
		}
		k = m
	}
	rest := ""
	if k < endpos {
		rest = pyStrip(raw[k:endpos])
	}
	if rest != ">" && rest != "/>" {
		p.data(raw[i:endpos])
		return endpos
	}
	if rest == ">" && (tag == "script" || tag == "style") {
		p.cdata = tag
	}
	return endpos
}

// checkForWholeStartTag is HTMLParser.check_for_whole_start_tag.
func (p *htmlStripper) checkForWholeStartTag(i int) int {
	raw := p.raw
	j := locateStarttagEnd(raw, i)
	if j >= len(raw) {
		return -1
	}
	switch next := raw[j]; {
	case next == '>':
		return j + 1
	case next == '/':
		if strings.HasPrefix(raw[j:], "/>") {
			return j + 2
		}
		return -1
	case isASCIILetter(next) || next == '=':
		return -1
	}
	if j > i {
		return j
	}
	return i + 1
}

// isTagNameByte is [^\t\n\r\f />\x00], the characters of a tag's name
// (any byte of a character beyond ASCII).
func isTagNameByte(c byte) bool {
	switch c {
	case '\t', '\n', '\r', '\f', ' ', '/', '>', 0:
		return false
	}
	return true
}

// tagNameEnd skips [^\t\n\r\f />\x00]*.
func tagNameEnd(s string, i int) int {
	for i < len(s) && isTagNameByte(s[i]) {
		i++
	}
	return i
}

// skipSpaceOrSlash skips (?:\s|/(?!>))*.
func skipSpaceOrSlash(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isPySpace(r):
			i += size
		case r == '/' && !strings.HasPrefix(s[i:], "/>"):
			i++
		default:
			return i
		}
	}
	return i
}

// tagfind matches tagfind_tolerant,
// ([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*, at i (a letter).
func tagfind(s string, i int) (nameEnd, stop int) {
	nameEnd = tagNameEnd(s, i+1)
	return nameEnd, skipSpaceOrSlash(s, nameEnd)
}

// attrStartsAt is the lookbehind (?<=['"\s/]) at i.
func attrStartsAt(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r == '\'' || r == '"' || r == '/' || isPySpace(r)
}

// attrNameEnd matches [^\s/>][^\s/=>]* at i, -1 when it does not.
func attrNameEnd(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if isPySpace(r) || r == '/' || r == '>' {
		return -1
	}
	i += size
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isPySpace(r) || r == '/' || r == '=' || r == '>' {
			break
		}
		i += size
	}
	return i
}

// attrValueEnd matches \s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*) at i,
// trying its choices in the order a backtracking engine does; -1 when no
// choice matches.
func attrValueEnd(s string, i int) int {
	j := skipPySpace(s, i)
	eq := j
	for eq < len(s) && s[eq] == '=' {
		eq++
	}
	if eq == j {
		return -1
	}
	for e := eq; e > j; e-- {
		// The spaces after the = signs, the most first.
		var spaces []int
		for k := e; ; {
			spaces = append(spaces, k)
			if k >= len(s) {
				break
			}
			r, size := utf8.DecodeRuneInString(s[k:])
			if !isPySpace(r) {
				break
			}
			k += size
		}
		for x := len(spaces) - 1; x >= 0; x-- {
			v := spaces[x]
			if v < len(s) && (s[v] == '\'' || s[v] == '"') {
				if c := strings.IndexByte(s[v+1:], s[v]); c >= 0 {
					return v + 1 + c + 1
				}
				continue
			}
			for v < len(s) {
				r, size := utf8.DecodeRuneInString(s[v:])
				if r == '>' || isPySpace(r) {
					break
				}
				v += size
			}
			return v
		}
	}
	return -1
}

// attrfind matches attrfind_tolerant at i: the end of one attribute and
// the spaces after it, -1 when there is none.
func attrfind(s string, i int) int {
	if !attrStartsAt(s, i) {
		return -1
	}
	j := attrNameEnd(s, i)
	if j < 0 {
		return -1
	}
	if v := attrValueEnd(s, j); v >= 0 {
		j = v
	}
	return skipSpaceOrSlash(s, j)
}

// locateStarttagEnd is the end of locatestarttagend_tolerant's match at
// i: the tag name, then attributes (each with its value and the spaces
// after it), then spaces.
func locateStarttagEnd(s string, i int) int {
	j := tagNameEnd(s, i+2)
	// (?:[\s/]* (?:attribute ...)* )?
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isPySpace(r) && r != '/' {
			break
		}
		j += size
	}
	for attrStartsAt(s, j) {
		k := attrNameEnd(s, j)
		if k < 0 {
			break
		}
		if v := attrValueEnd(s, k); v >= 0 {
			k = skipPySpace(s, v)
		}
		j = skipSpaceOrSlash(s, k)
	}
	return skipPySpace(s, j)
}

// pyStrip is Python's str.strip().
func pyStrip(s string) string {
	return strings.TrimFunc(s, isPySpace)
}

// parseEndtag is HTMLParser.parse_endtag.
func (p *htmlStripper) parseEndtag(i int) int {
	raw := p.raw
	g := p.gt.find(i + 1)
	if g < 0 {
		return -1
	}
	gtpos := g + 1
	// endtagfind: </\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
	name, matched := "", false
	if j := skipPySpace(raw, i+2); j < len(raw) && isASCIILetter(raw[j]) {
		k := j + 1
		for k < len(raw) && (isASCIIAlnum(raw[k]) || strings.IndexByte("-.:_", raw[k]) >= 0) {
			k++
		}
		if e := skipPySpace(raw, k); e < len(raw) && raw[e] == '>' {
			name, matched = raw[j:k], true
		}
	}
	if !matched {
		if p.cdata != "" {
			p.data(raw[i:gtpos])
			return gtpos
		}
		if i+2 >= len(raw) || !isASCIILetter(raw[i+2]) {
			if strings.HasPrefix(raw[i:], "</>") {
				return i + 3
			}
			return p.findAfter(&p.gt, i+2) // parse_bogus_comment
		}
		_, stop := tagfind(raw, i+2)
		return p.gt.find(stop) + 1
	}
	elem := strings.ToLower(name)
	if p.cdata != "" && elem != p.cdata {
		p.data(raw[i:gtpos])
		return gtpos
	}
	p.cdata = ""
	return gtpos
}

// parseComment is _markupbase's parse_comment: the end of --\s*> after
// <!--, -1 when the comment is not closed.
func (p *htmlStripper) parseComment(i int) int {
	_, stop := p.commentEnd[0].search(i+4, func(from int) (int, int) {
		return searchClose(p.raw, from, "--", false)
	})
	return stop
}

// searchClose finds the first match from i of open\s*> (the comment's
// --\s*>), or with double ]\s*]\s*>: its start and end.
func searchClose(s string, i int, open string, double bool) (int, int) {
	for {
		k := strings.Index(s[i:], open)
		if k < 0 {
			return -1, -1
		}
		start := i + k
		j := skipPySpace(s, start+len(open))
		if double {
			if j < len(s) && s[j] == ']' {
				j = skipPySpace(s, j+1)
			} else {
				j = -1
			}
		}
		if j >= 0 && j < len(s) && s[j] == '>' {
			return start, j + 1
		}
		i = start + 1
	}
}

var errMarkedSection = errors.New("AssertionError: html.parser: malformed marked section")

// parseHTMLDeclaration is HTMLParser.parse_html_declaration.
func (p *htmlStripper) parseHTMLDeclaration(i int) (int, error) {
	raw := p.raw
	switch {
	case strings.HasPrefix(raw[i:], "<!--"):
		return p.parseComment(i), nil
	case strings.HasPrefix(raw[i:], "<!["):
		return p.parseMarkedSection(i)
	case len(raw)-i >= 9 && strings.EqualFold(raw[i:i+9], "<!doctype"):
		return p.findAfter(&p.gt, i+9), nil
	}
	return p.findAfter(&p.gt, i+2), nil // parse_bogus_comment
}

// parseMarkedSection is _markupbase's parse_marked_section: <![name
// ...]]> for the standard names, <![if ...]> for Microsoft's; another
// name, or none, is the AssertionError html.parser raises.
func (p *htmlStripper) parseMarkedSection(i int) (int, error) {
	raw := p.raw
	j := i + 3
	if j == len(raw) {
		return -1, nil
	}
	if !isASCIILetter(raw[j]) {
		return 0, fmt.Errorf("%w: expected name token at %q", errMarkedSection, truncRunes(raw[i:], 20))
	}
	k := j + 1
	for k < len(raw) && (isASCIIAlnum(raw[k]) || raw[k] == '-' || raw[k] == '_' || raw[k] == '.') {
		k++
	}
	name := strings.ToLower(raw[j:k])
	if skipPySpace(raw, k) == len(raw) {
		return -1, nil
	}
	var stop int
	switch name {
	case "temp", "cdata", "ignore", "include", "rcdata":
		_, stop = p.sectionEnd[0].search(i+3, func(from int) (int, int) {
			return searchClose(raw, from, "]", true)
		})
	case "if", "else", "endif":
		_, stop = p.sectionEnd[1].search(i+3, func(from int) (int, int) {
			return searchClose(raw, from, "]", false)
		})
	default:
		return 0, fmt.Errorf("%w: unknown status keyword %q in marked section", errMarkedSection, raw[i+3:skipPySpace(raw, k)])
	}
	return stop, nil
}

// truncRunes is s up to n characters.
func truncRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
