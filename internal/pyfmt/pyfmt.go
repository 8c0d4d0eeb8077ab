// Package pyfmt formats Go values the way Python's str(), repr() and
// %-interpolation do, so that messages and rendered values match Django's
// byte for byte.
package pyfmt

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/l10n"
)

// Str returns Python's str(v) for the Go value v.
func Str(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(x)
	case int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x)
	case float64:
		return FloatRepr(x)
	case float32:
		return FloatRepr(float64(x))
	case decimal.Decimal:
		return DecimalStr(x)
	case *decimal.Decimal:
		if x == nil {
			return "None"
		}
		return DecimalStr(*x)
	case *big.Int:
		return x.String()
	case time.Duration:
		return DurationStr(x)
	case time.Time:
		return TimeStr(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Repr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []string:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = quote(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case fmt.Stringer:
		return x.String()
	case error:
		return x.Error()
	}
	return fmt.Sprint(v)
}

// Repr returns Python's repr(v) for the common scalar types.
func Repr(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case decimal.Decimal:
		return "Decimal('" + DecimalStr(x) + "')"
	case time.Time:
		return TimeRepr(x)
	case time.Duration:
		return DurationRepr(x)
	}
	return Str(v)
}

func quote(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		// Python escapes what str.isprintable rejects, in the shortest of
		// its three forms.
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// FloatRepr returns Python's repr of a float: the shortest digits that
// round-trip, fixed notation for exponents in [-4, 16), always with a
// fractional part ("1.0"), scientific notation otherwise ("1e+16").
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // -d.ddde±XX
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	mant, expStr := s[:epos], s[epos+1:]
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if exp >= -4 && exp < 16 {
		if exp >= 0 {
			if len(digits) <= exp+1 {
				out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
			} else {
				out = digits[:exp+1] + "." + digits[exp+1:]
			}
		} else {
			out = "0." + strings.Repeat("0", -exp-1) + digits
		}
	} else {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		out = fmt.Sprintf("%se%s%02d", m, sign, exp)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// DecimalStr returns Python's str(Decimal) for d, keeping its exponent as
// Python's decimal module does (Decimal("1.50") is "1.50", 1E+1 is "1E+1").
func DecimalStr(d decimal.Decimal) string {
	coef := d.Coefficient()
	exp := int(d.Exponent())
	neg := coef.Sign() < 0
	digits := new(big.Int).Abs(coef).String()
	var out string
	adjusted := exp + len(digits) - 1
	if exp <= 0 && adjusted >= -6 {
		if exp == 0 {
			out = digits
		} else {
			point := len(digits) + exp
			if point > 0 {
				out = digits[:point] + "." + digits[point:]
			} else {
				out = "0." + strings.Repeat("0", -point) + digits
			}
		}
	} else {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		if adjusted != 0 {
			out += "E"
			if adjusted > 0 {
				out += "+"
			}
			out += strconv.Itoa(adjusted)
		}
	}
	if neg {
		out = "-" + out
	}
	return out
}

// DurationStr returns Python's str(timedelta): "1 day, 2:03:04.500000".
func DurationStr(d time.Duration) string {
	days, secs, us := timedelta(d)
	s := fmt.Sprintf("%d:%02d:%02d", secs/3600, secs%3600/60, secs%60)
	if us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	if days != 0 {
		unit := "days"
		if days == 1 || days == -1 {
			unit = "day"
		}
		s = fmt.Sprintf("%d %s, %s", days, unit, s)
	}
	return s
}

// Interpolate applies Python's "format % params" with named conversions:
// %(name)s, %(name)d, %(name)r, %(name)f and %%. Unknown names are left as
// written, so a message never panics on a missing parameter.
func Interpolate(format string, params map[string]any) string {
	if !strings.Contains(format, "%") {
		return format
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		if format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		if format[i+1] != '(' {
			b.WriteByte(c)
			continue
		}
		end := strings.IndexByte(format[i+2:], ')')
		if end < 0 || i+2+end+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		name := format[i+2 : i+2+end]
		conv := format[i+2+end+1]
		val, ok := params[name]
		if !ok {
			b.WriteByte(c)
			continue
		}
		switch conv {
		case 's':
			b.WriteString(Str(val))
		case 'r':
			b.WriteString(Repr(val))
		case 'd', 'i':
			b.WriteString(intStr(val))
		case 'f':
			b.WriteString(fmt.Sprintf("%f", toFloat(val)))
		default:
			b.WriteString(format[i : i+2+end+2])
		}
		i = i + 2 + end + 1
	}
	return b.String()
}

func intStr(v any) string {
	switch x := v.(type) {
	case bool:
		// Python's bool is an int: "%d" % True is "1".
		if x {
			return "1"
		}
		return "0"
	case float32:
		return intStr(float64(x))
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return FloatRepr(x) // Python raises here; say what the value was.
		}
		// Truncate toward zero without overflowing int64, as Python's
		// int(float) does for any magnitude.
		i, _ := new(big.Float).SetFloat64(x).Int(nil)
		return i.String()
	case decimal.Decimal:
		return x.Truncate(0).String()
	}
	return Str(v)
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float64:
		return x
	case decimal.Decimal:
		f, _ := x.Float64()
		return f
	}
	return 0
}

// TimeStr returns Python's str() of a date, time or datetime carried in a
// time.Time, of the kind l10n.KindOf says it holds.
func TimeStr(t time.Time) string {
	frac := ""
	if us := t.Nanosecond() / 1000; us != 0 {
		frac = fmt.Sprintf(".%06d", us)
	}
	switch l10n.KindOf(t) {
	case l10n.TimeOfDay:
		return t.Format("15:04:05") + frac
	case l10n.Date:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05") + frac
}

// TimeRepr returns Python's repr() of a date, time or datetime carried in
// a time.Time: datetime.date(2022, 8, 3), datetime.time(10, 30),
// datetime.datetime(2022, 8, 3, 10, 30), dropping a zero microsecond and
// then a zero second as Python does.
func TimeRepr(t time.Time) string {
	var parts []int
	name := "datetime"
	switch l10n.KindOf(t) {
	case l10n.TimeOfDay:
		name = "time"
		parts = []int{t.Hour(), t.Minute(), t.Second(), t.Nanosecond() / 1000}
	case l10n.Date:
		return fmt.Sprintf("datetime.date(%d, %d, %d)", t.Year(), t.Month(), t.Day())
	default:
		parts = []int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond() / 1000}
	}
	for range 2 {
		if parts[len(parts)-1] == 0 {
			parts = parts[:len(parts)-1]
		}
	}
	var b strings.Builder
	b.WriteString("datetime." + name + "(")
	for i, n := range parts {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	b.WriteByte(')')
	return b.String()
}

// timedelta is d as Python's timedelta holds it: whole days (negative
// for a negative duration), then seconds and microseconds, both positive.
func timedelta(d time.Duration) (days, secs, us int64) {
	micros := d.Microseconds()
	days = micros / (86400 * 1e6)
	rem := micros % (86400 * 1e6)
	if rem < 0 {
		rem += 86400 * 1e6
		days--
	}
	return days, rem / 1e6, rem % 1e6
}

// DurationRepr returns Python's repr() of a timedelta: its non-zero days,
// seconds and microseconds by name, datetime.timedelta(days=-1,
// seconds=86399), or datetime.timedelta(0).
func DurationRepr(d time.Duration) string {
	days, secs, us := timedelta(d)
	var args []string
	for _, p := range []struct {
		name string
		n    int64
	}{{"days", days}, {"seconds", secs}, {"microseconds", us}} {
		if p.n != 0 {
			args = append(args, p.name+"="+strconv.FormatInt(p.n, 10))
		}
	}
	if len(args) == 0 {
		return "datetime.timedelta(0)"
	}
	return "datetime.timedelta(" + strings.Join(args, ", ") + ")"
}

// jsonEscapes are the short escapes of json.dumps.
var jsonEscapes = map[rune]string{'\\': `\\`, '"': `\"`, '\b': `\b`, '\f': `\f`, '\n': `\n`, '\r': `\r`, '\t': `\t`}

// JSONQuote returns s as Python's json.dumps writes a string with its
// defaults (ensure_ascii): quoted, with every character outside printable
// ASCII escaped as \uXXXX in lower-case hex (a surrogate pair above
// U+FFFF), and the short escapes for \\, ", \b, \f, \n, \r and \t.
func JSONQuote(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	u := func(r rune) {
		b.WriteString(`\u`)
		for shift := 12; shift >= 0; shift -= 4 {
			b.WriteByte(hex[(r>>shift)&0xf])
		}
	}
	for _, r := range s {
		if esc, ok := jsonEscapes[r]; ok {
			b.WriteString(esc)
			continue
		}
		switch {
		case r >= ' ' && r <= '~':
			b.WriteRune(r)
		case r < 0x10000:
			u(r)
		default:
			r -= 0x10000
			u(0xd800 | (r>>10)&0x3ff)
			u(0xdc00 | r&0x3ff)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Wrap is Django's wordwrap (django.utils.text.wrap): each line of text
// wrapped at width characters by Python's textwrap.TextWrapper with
// break_long_words, break_on_hyphens and replace_whitespace off (a word
// longer than width has a line of its own), tabs expanded to eight
// columns, the whitespace a break falls on dropped, and a final newline
// kept. A width below 1 is the ValueError Python raises.
func Wrap(text string, width int) (string, error) {
	if width <= 0 {
		return "", fmt.Errorf("invalid width %d (must be > 0)", width)
	}
	var out []string
	for _, line := range splitLines(text) {
		wrapped := wrapLine(expandTabs(line), width)
		if len(wrapped) == 0 {
			out = append(out, line) // only whitespace, dropped: restored
		} else {
			out = append(out, wrapped...)
		}
	}
	if strings.HasSuffix(text, "\n") {
		out = append(out, "")
	}
	return strings.Join(out, "\n"), nil
}

// splitLines is Python's str.splitlines(): lines without their ends.
func splitLines(s string) []string {
	var lines []string
	start := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			lines = append(lines, string(rs[start:i]))
			if rs[i] == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(rs) {
		lines = append(lines, string(rs[start:]))
	}
	return lines
}

// expandTabs is Python's str.expandtabs(8).
func expandTabs(s string) string {
	if !strings.ContainsRune(s, '\t') {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// wrapLine is TextWrapper.wrap of one line: its chunks (runs of ASCII
// whitespace and the words between them) packed into lines of at most
// width characters.
func wrapLine(line string, width int) []string {
	isSpace := func(r rune) bool { return strings.ContainsRune("\t\n\v\f\r ", r) }
	var chunks []string
	rs := []rune(line)
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && isSpace(rs[j]) == isSpace(rs[i]) {
			j++
		}
		chunks = append(chunks, string(rs[i:j]))
		i = j
	}
	blank := func(c string) bool { return strings.TrimSpace(c) == "" }
	size := func(c string) int { return len([]rune(c)) }
	var lines []string
	for len(chunks) > 0 {
		if blank(chunks[0]) && len(lines) > 0 {
			chunks = chunks[1:]
		}
		var cur []string
		n := 0
		for len(chunks) > 0 && n+size(chunks[0]) <= width {
			n += size(chunks[0])
			cur, chunks = append(cur, chunks[0]), chunks[1:]
		}
		if len(chunks) > 0 && size(chunks[0]) > width && len(cur) == 0 {
			cur, chunks = append(cur, chunks[0]), chunks[1:]
		}
		if len(cur) > 0 && blank(cur[len(cur)-1]) {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			lines = append(lines, strings.Join(cur, ""))
		}
	}
	return lines
}

// NumberText is the text Django's numberformat.format starts from when a
// template prints a float or a Decimal (localize): plain notation
// ("{:f}": 1e16 as 10000000000000000, Decimal("1E+2") as 100), except a
// number of more than 200 digits and exponent, which keeps scientific
// notation ("1e+300"). Its "." is the one a language's decimal separator
// replaces.
func NumberText(v any) string {
	var d decimal.Decimal
	switch x := v.(type) {
	case float64:
		s := FloatRepr(x)
		if !strings.ContainsRune(s, 'e') {
			return s // inf and nan too
		}
		d, _ = decimal.NewFromString(s)
	case decimal.Decimal:
		d = x
	default:
		return Str(v)
	}
	if PastDigitLimit(d) {
		return strings.Replace(DecimalStr(d), "E", "e", 1)
	}
	return d.StringFixed(max(-d.Exponent(), 0))
}

// PastDigitLimit reports whether d has more than 200 digits and exponent
// together: the cutoff past which Django's number formatting (localize,
// floatformat) leaves a number in scientific notation, against a denial
// of service.
func PastDigitLimit(d decimal.Decimal) bool {
	digits, exp := int64(len(strings.TrimPrefix(d.Coefficient().String(), "-"))), int64(d.Exponent())
	return digits+max(exp, -exp) > 200
}
