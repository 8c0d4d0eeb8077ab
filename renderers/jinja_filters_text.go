package renderers

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/formwork/formwork/internal/pyfmt"
)

// jinjaMaxWidth bounds what a filter pads or repeats (center's width,
// indent's, batch's and slice's fill): a template asking for more gets
// an error, not a string or list of that size.
const jinjaMaxWidth = 1 << 16

// pyIsSpace is Python's str.isspace() of one character.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pySplitLines is Python's str.splitlines(): the lines without their ends.
func pySplitLines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			lines = append(lines, s[start:i])
			i += n
			if r == '\r' && i < len(s) && s[i] == '\n' {
				i++
			}
			start = i
			continue
		}
		i += n
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// jinjaSafe is the safe filter: the value as markup (Markup(value)).
func jinjaSafe(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("safe", 1, 1)
	s, _ := softStr(a.Get(0))
	return reflect.ValueOf(jetMarkup(s))
}

// jinjaEscape is the escape filter: markup (Markup, and Django's safe
// strings and objects) as it is, anything else escaped, as Markup.
func jinjaEscape(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("escape", 1, 1)
	return reflect.ValueOf(jetMarkup(markupEscape(a.Get(0))))
}

// jinjaForceescape is forceescape(value): the value's __html__ (a
// Markup's text, a Django safe string as it is) escaped: Markup is
// escaped again, Django's safe strings, whose str() keeps them safe, are
// not.
func jinjaForceescape(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("forceescape", 1, 1)
	s, k := softStr(a.Get(0))
	if k == safeText {
		return reflect.ValueOf(jetMarkup(s))
	}
	return reflect.ValueOf(jetMarkup(markupsafe.Replace(s)))
}

// jinjaSoftStr is the string filter (soft_str): a string, or markup,
// stays as it is; anything else becomes its str(), Django's objects
// their HTML (a safe string).
func jinjaSoftStr(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("string", 1, 1)
	return textOf(softStr(a.Get(0)))
}

// jinjaString makes a filter of a string method: Markup's methods keep
// it Markup, a Django safe string's return a plain string.
func jinjaString(f func(string) string) jinjaFilter {
	return func(a jinjaArgs) reflect.Value {
		a.RequireNumOfArguments("filter", 1, 1)
		s, k := softStr(a.Get(0))
		if k == markupText {
			return reflect.ValueOf(jetMarkup(f(s)))
		}
		return reflect.ValueOf(f(s))
	}
}

// jinjaTitle is title(s): a plain string, markup or not (Jinja joins
// the words anew).
func jinjaTitle(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("title", 1, 1)
	s, _ := softStr(a.Get(0))
	return reflect.ValueOf(title(s))
}

// jinjaTrim is trim(value, chars=None): str.strip(chars), whitespace by
// default; Markup strips the escaped chars and stays Markup.
func jinjaTrim(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("trim", 1, 2)
	s, k := softStr(a.Get(0))
	cut := pyIsSpace
	if c := rv(a.Get(1)); a.NumOfArguments() > 1 && !jinjaUndefined(c) && valueOf(c) != nil {
		chars, ck := softStr(c)
		if k == markupText && ck == plainText {
			chars = markupsafe.Replace(chars)
		}
		cut = func(r rune) bool { return strings.ContainsRune(chars, r) }
	}
	s = strings.TrimFunc(s, cut)
	if k == markupText {
		return reflect.ValueOf(jetMarkup(s))
	}
	return reflect.ValueOf(s)
}

// jinjaCenter is center(value, width=80): str.center, Markup kept.
func jinjaCenter(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("center", 1, 2)
	s, k := softStr(a.Get(0))
	width := 80
	if a.NumOfArguments() > 1 {
		width = intArg(a, "center", a.Get(1))
	}
	if width > jinjaMaxWidth {
		a.Panicf("center: the width %d is too large (at most %d)", width, jinjaMaxWidth)
	}
	n := utf8.RuneCountInString(s)
	marg := width - n
	if marg > 0 {
		left := marg/2 + (marg & width & 1)
		s = strings.Repeat(" ", left) + s + strings.Repeat(" ", marg-left)
	}
	if k == markupText {
		return reflect.ValueOf(jetMarkup(s))
	}
	return reflect.ValueOf(s)
}

// jinjaIndent is indent(s, width=4, first=False, blank=False): each line
// but the first (with first, that too) indented by width spaces or by
// the string width, blank lines only with blank. Markup stays Markup
// (its indentation taken as markup); the value must be a string.
func jinjaIndent(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("indent", 1, 4)
	v := rv(a.Get(0))
	var s string
	markup := false
	switch x := valueAny(v).(type) {
	case string:
		s = x
	case jetSafe:
		s = string(x)
	case jetMarkup:
		s, markup = string(x), true
	case nil:
		if jinjaUndefined(v) {
			a.Panicf("indent: the value is undefined")
		}
		a.Panicf("indent: unsupported operand type(s) for +=: 'NoneType' and 'str'")
	default:
		a.Panicf("indent: unsupported operand type(s) for +=: '%s' and 'str'", pyTypeNameOf(x))
	}
	indention := "    "
	if a.NumOfArguments() > 1 {
		switch w := valueAny(a.Get(1)).(type) {
		case string, jetSafe, jetMarkup:
			indention = pyfmt.Str(w)
		case int, bool:
			n := intArg(a, "indent", a.Get(1))
			if n > jinjaMaxWidth {
				a.Panicf("indent: the width %d is too large (at most %d)", n, jinjaMaxWidth)
			}
			indention = strings.Repeat(" ", max(n, 0))
		default:
			a.Panicf("indent: can't multiply sequence by non-int of type '%s'", pyTypeNameOf(w))
		}
	}
	first := a.NumOfArguments() > 2 && pyTruthy(a.Get(2))
	blank := a.NumOfArguments() > 3 && pyTruthy(a.Get(3))
	s += "\n"
	lines := pySplitLines(s)
	var out string
	if blank {
		out = strings.Join(lines, "\n"+indention)
	} else {
		var b strings.Builder
		b.WriteString(lines[0])
		for i, line := range lines[1:] {
			if i == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString("\n")
			}
			if line != "" {
				b.WriteString(indention)
			}
			b.WriteString(line)
		}
		out = b.String()
	}
	if first {
		out = indention + out
	}
	if markup {
		return reflect.ValueOf(jetMarkup(out))
	}
	return reflect.ValueOf(out)
}

// jinjaWordwrap is wordwrap(s, width=79, break_long_words=True,
// wrapstring=None, break_on_hyphens=True): each line of s wrapped by
// Python's textwrap (tabs and whitespace kept), the lines joined with
// wrapstring ("\n"). A plain string, or Markup where wrapstring is (the
// lines escaped then).
func jinjaWordwrap(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("wordwrap", 1, 5)
	v := rv(a.Get(0))
	var s string
	switch x := valueAny(v).(type) {
	case string, jetSafe, jetMarkup:
		s = pyfmt.Str(x)
	case nil:
		if jinjaUndefined(v) {
			a.Panicf("wordwrap: the value is undefined")
		}
		a.Panicf("wordwrap: 'NoneType' object has no attribute 'splitlines'")
	default:
		a.Panicf("wordwrap: '%s' object has no attribute 'splitlines'", pyTypeNameOf(x))
	}
	width := 79
	if a.NumOfArguments() > 1 {
		width = intArg(a, "wordwrap", a.Get(1))
	}
	breakLong := a.NumOfArguments() <= 2 || pyTruthy(a.Get(2))
	wrap, wk := "\n", plainText
	if w := rv(a.Get(3)); a.NumOfArguments() > 3 && !jinjaUndefined(w) && valueOf(w) != nil {
		wrap, wk = softStr(w)
	}
	hyphens := a.NumOfArguments() <= 4 || pyTruthy(a.Get(4))
	var parts []string
	for _, line := range pySplitLines(s) {
		lines, err := textwrapWrap([]rune(line), width, breakLong, hyphens)
		if err != nil {
			a.Panicf("wordwrap: %v", err)
		}
		if wk == markupText {
			for i := range lines {
				lines[i] = markupsafe.Replace(lines[i])
			}
		}
		parts = append(parts, strings.Join(lines, wrap))
	}
	out := strings.Join(parts, wrap)
	if wk == markupText {
		return reflect.ValueOf(jetMarkup(out))
	}
	return reflect.ValueOf(out)
}

// textwrap's character classes: its whitespace (ASCII), \w, a letter
// ([^\d\W]) and its word punctuation ([\w!"'&.,?]).
func twSpace(r rune) bool {
	return r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == ' '
}
func twWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r)
}
func twLetter(r rune) bool { return twWord(r) && !unicode.Is(unicode.Nd, r) }
func twPunct(r rune) bool  { return twWord(r) || strings.ContainsRune(`!"'&.,?`, r) }

// textwrapSplit is TextWrapper._split: runs of whitespace and words,
// the words broken after the hyphens of compound words (wordsep_re)
// with hyphens, at whitespace only (wordsep_simple_re) without.
func textwrapSplit(rs []rune, hyphens bool) [][]rune {
	var chunks [][]rune
	n := len(rs)
	dashes := func(k int) int { // the end of a run of hyphens from k
		for k < n && rs[k] == '-' {
			k++
		}
		return k
	}
	for i := 0; i < n; {
		if twSpace(rs[i]) {
			j := i
			for j < n && twSpace(rs[j]) {
				j++
			}
			chunks = append(chunks, rs[i:j])
			i = j
			continue
		}
		if !hyphens {
			j := i
			for j < n && !twSpace(rs[j]) {
				j++
			}
			chunks = append(chunks, rs[i:j])
			i = j
			continue
		}
		// An em-dash between words.
		if i > 0 && twPunct(rs[i-1]) && i+1 < n && rs[i] == '-' && rs[i+1] == '-' {
			if k := dashes(i); k < n && twWord(rs[k]) {
				chunks = append(chunks, rs[i:k])
				i = k
				continue
			}
		}
		// A word, possibly hyphenated: the shortest that ends at a break.
		j := i + 1
		for ; ; j++ {
			if j < n && rs[j] == '-' {
				behind := (j >= 2 && twLetter(rs[j-2]) && twLetter(rs[j-1])) ||
					(j >= 3 && twLetter(rs[j-3]) && rs[j-2] == '-' && twLetter(rs[j-1]))
				ahead := j+1 < n && twLetter(rs[j+1]) &&
					((j+2 < n && twLetter(rs[j+2])) || (j+3 < n && rs[j+2] == '-' && twLetter(rs[j+3])))
				if behind && ahead {
					j++
					break
				}
			}
			if j == n || twSpace(rs[j]) {
				break
			}
			if twPunct(rs[j-1]) && j+1 < n && rs[j] == '-' && rs[j+1] == '-' {
				if k := dashes(j); k < n && twWord(rs[k]) {
					break
				}
			}
		}
		chunks = append(chunks, rs[i:j])
		i = j
	}
	return chunks
}

func twBlank(c []rune) bool {
	for _, r := range c {
		if !pyIsSpace(r) {
			return false
		}
	}
	return true
}

// textwrapWrap is textwrap.wrap(text, width, expand_tabs=False,
// replace_whitespace=False, break_long_words, break_on_hyphens).
func textwrapWrap(text []rune, width int, breakLong, hyphens bool) ([]string, error) {
	chunks := textwrapSplit(text, hyphens)
	if width <= 0 {
		return nil, fmt.Errorf("invalid width %d (must be > 0)", width)
	}
	for i, j := 0, len(chunks)-1; i < j; i, j = i+1, j-1 {
		chunks[i], chunks[j] = chunks[j], chunks[i]
	}
	var lines []string
	for len(chunks) > 0 {
		var cur [][]rune
		curLen := 0
		if twBlank(chunks[len(chunks)-1]) && len(lines) > 0 {
			chunks = chunks[:len(chunks)-1]
		}
		for len(chunks) > 0 {
			l := len(chunks[len(chunks)-1])
			if curLen+l > width {
				break
			}
			cur = append(cur, chunks[len(chunks)-1])
			chunks = chunks[:len(chunks)-1]
			curLen += l
		}
		if len(chunks) > 0 && len(chunks[len(chunks)-1]) > width {
			// _handle_long_word
			spaceLeft := width - curLen
			if breakLong {
				end := spaceLeft
				chunk := chunks[len(chunks)-1]
				if hyphens && len(chunk) > spaceLeft {
					hyphen := -1
					for k := min(spaceLeft, len(chunk)) - 1; k >= 0; k-- {
						if chunk[k] == '-' {
							hyphen = k
							break
						}
					}
					if hyphen > 0 {
						for _, c := range chunk[:hyphen] {
							if c != '-' {
								end = hyphen + 1
								break
							}
						}
					}
				}
				cur = append(cur, chunk[:end])
				chunks[len(chunks)-1] = chunk[end:]
			} else if len(cur) == 0 {
				cur = append(cur, chunks[len(chunks)-1])
				chunks = chunks[:len(chunks)-1]
			}
		}
		if len(cur) > 0 && twBlank(cur[len(cur)-1]) {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			var b strings.Builder
			for _, c := range cur {
				b.WriteString(string(c))
			}
			lines = append(lines, b.String())
		}
	}
	return lines, nil
}

// jinjaFormat is format(value, *args, **kwargs): Python's printf-style
// value % args (or % kwargs). A Markup format escapes its arguments and
// stays Markup; "%s" of a Django safe string is that safe string.
func jinjaFormat(a jinjaArgs) reflect.Value {
	value, args, kwnames, kwvals := variadicArgs(a, "format")
	if len(args) > 0 && len(kwnames) > 0 {
		a.Panicf("format: can't handle positional and keyword arguments at the same time")
	}
	f, k := softStr(value)
	if f == "%s" && k != markupText && len(args) == 1 {
		if s, ak := softStr(args[0]); ak == safeText {
			return reflect.ValueOf(jetSafe(s))
		}
	}
	var kw map[string]reflect.Value
	if len(kwnames) > 0 {
		kw = map[string]reflect.Value{}
		for i, n := range kwnames {
			kw[n] = kwvals[i]
		}
	}
	out, err := pyPercent(f, args, kw, k == markupText)
	if err != nil {
		a.Panicf("format: %v", err)
	}
	if k == markupText {
		return reflect.ValueOf(jetMarkup(out))
	}
	return reflect.ValueOf(out)
}

// pyPercent is Python's format % args (kwargs: % a mapping); with
// markup, the arguments are escaped as Markup's % escapes them.
func pyPercent(format string, args []reflect.Value, kwargs map[string]reflect.Value, markup bool) (string, error) {
	var b strings.Builder
	next := 0
	useMap := kwargs != nil
	rs := []rune(format)
	takeArg := func() (reflect.Value, error) {
		if useMap {
			// A mapping is one argument to the conversions without a key.
			if next > 0 {
				return reflect.Value{}, fmt.Errorf("not enough arguments for format string")
			}
			next++
			return reflect.Value{}, fmt.Errorf("format requires a mapping")
		}
		if next >= len(args) {
			return reflect.Value{}, fmt.Errorf("not enough arguments for format string")
		}
		next++
		return args[next-1], nil
	}
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' {
			b.WriteRune(rs[i])
			continue
		}
		i++
		if i >= len(rs) {
			return "", fmt.Errorf("incomplete format")
		}
		var arg reflect.Value
		haveArg := false
		if rs[i] == '(' {
			depth, j := 1, i+1
			for ; j < len(rs) && depth > 0; j++ {
				switch rs[j] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			if depth > 0 {
				return "", fmt.Errorf("incomplete format key")
			}
			key := string(rs[i+1 : j-1])
			if !useMap {
				return "", fmt.Errorf("format requires a mapping")
			}
			v, ok := kwargs[key]
			if !ok {
				return "", fmt.Errorf("KeyError: %s", pyfmt.Repr(key))
			}
			arg, haveArg = v, true
			i = j
		}
		var flags string
		for i < len(rs) && strings.ContainsRune("-+ #0", rs[i]) {
			flags += string(rs[i])
			i++
		}
		num := func() (int, bool, error) {
			if i < len(rs) && rs[i] == '*' {
				i++
				v, err := takeArg()
				if err != nil {
					return 0, false, err
				}
				n, ok := valueOf(rv(v)).(int)
				if !ok {
					return 0, false, fmt.Errorf("* wants int")
				}
				return n, true, nil
			}
			start := i
			for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
				i++
			}
			if i == start {
				return 0, false, nil
			}
			n, err := strconv.Atoi(string(rs[start:i]))
			if err != nil || n > jinjaMaxWidth {
				return 0, false, fmt.Errorf("width too big")
			}
			return n, true, nil
		}
		width, hasWidth, err := num()
		if err != nil {
			return "", err
		}
		if width < 0 {
			flags += "-"
			width = -width
		}
		prec, hasPrec := 0, false
		if i < len(rs) && rs[i] == '.' {
			i++
			if prec, _, err = num(); err != nil {
				return "", err
			}
			hasPrec = true
		}
		for i < len(rs) && strings.ContainsRune("hlL", rs[i]) {
			i++
		}
		if i >= len(rs) {
			return "", fmt.Errorf("incomplete format")
		}
		conv := rs[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if !haveArg {
			if useMap {
				return "", fmt.Errorf("format requires a mapping")
			}
			if arg, err = takeArg(); err != nil {
				return "", err
			}
		}
		s, err := pyConvert(conv, flags, prec, hasPrec, arg, markup)
		if err != nil {
			return "", err
		}
		if hasWidth && utf8.RuneCountInString(s) < width {
			pad := width - utf8.RuneCountInString(s)
			switch {
			case strings.Contains(flags, "-"):
				s += strings.Repeat(" ", pad)
			case strings.Contains(flags, "0") && strings.ContainsRune("diuoxXeEfFgG", conv):
				sign := ""
				if s != "" && strings.ContainsRune("+- ", rune(s[0])) {
					sign, s = s[:1], s[1:]
				}
				prefix := ""
				if len(s) > 1 && s[0] == '0' && strings.ContainsRune("xXo", rune(s[1])) {
					prefix, s = s[:2], s[2:]
				}
				s = sign + prefix + strings.Repeat("0", pad) + s
			default:
				s = strings.Repeat(" ", pad) + s
			}
		}
		b.WriteString(s)
	}
	if !useMap && next < len(args) {
		return "", fmt.Errorf("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// pyConvert is one %-conversion of an argument.
func pyConvert(conv rune, flags string, prec int, hasPrec bool, arg reflect.Value, markup bool) (string, error) {
	x := valueAny(arg)
	sign := func(s string, neg bool) string {
		switch {
		case neg:
			return "-" + s
		case strings.Contains(flags, "+"):
			return "+" + s
		case strings.Contains(flags, " "):
			return " " + s
		}
		return s
	}
	switch conv {
	case 's':
		if markup {
			return markupEscape(arg), nil
		}
		s, _ := softStr(arg)
		if hasPrec {
			if r := []rune(s); len(r) > prec {
				s = string(r[:prec])
			}
		}
		return s, nil
	case 'r', 'a':
		s, err := jinjaRepr(x)
		if err != nil {
			return "", err
		}
		if markup {
			s = markupsafe.Replace(s)
		}
		return s, nil
	case 'c':
		switch c := x.(type) {
		case int:
			if c < 0 || c > unicode.MaxRune {
				return "", fmt.Errorf("%%c arg not in range(0x110000)")
			}
			return string(rune(c)), nil
		case string:
			if utf8.RuneCountInString(c) == 1 {
				return c, nil
			}
		}
		return "", fmt.Errorf("%%c requires an int or a unicode character, not %s", pyTypeNameOf(x))
	case 'd', 'i', 'u', 'o', 'x', 'X':
		n, ok := pyNumberOf(x)
		if !ok || (n.kind != numInt && strings.ContainsRune("oxX", conv)) {
			what := "a real number is required"
			if strings.ContainsRune("oxX", conv) {
				what = "an integer is required"
			}
			return "", fmt.Errorf("%%%c format: %s, not %s", conv, what, pyTypeNameOf(x))
		}
		var i int
		switch n.kind {
		case numInt:
			i = n.i
		case numFloat:
			if math.IsInf(n.f, 0) || math.IsNaN(n.f) {
				return "", fmt.Errorf("cannot convert float infinity to integer")
			}
			i = int(n.f)
		default:
			i = int(n.d.IntPart())
		}
		neg := i < 0
		if neg {
			i = -i
		}
		var s string
		switch conv {
		case 'o':
			s = strconv.FormatInt(int64(i), 8)
		case 'x':
			s = strconv.FormatInt(int64(i), 16)
		case 'X':
			s = strings.ToUpper(strconv.FormatInt(int64(i), 16))
		default:
			s = strconv.Itoa(i)
		}
		if hasPrec && len(s) < prec {
			s = strings.Repeat("0", prec-len(s)) + s
		}
		if strings.Contains(flags, "#") {
			switch conv {
			case 'o':
				s = "0o" + s
			case 'x':
				s = "0x" + s
			case 'X':
				s = "0X" + s
			}
		}
		return sign(s, neg), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		n, ok := pyNumberOf(x)
		if !ok {
			return "", fmt.Errorf("must be real number, not %s", pyTypeNameOf(x))
		}
		f := n.float()
		if !hasPrec {
			prec = 6
		}
		neg := math.Signbit(f) && !math.IsNaN(f)
		f = math.Abs(f)
		var s string
		switch {
		case math.IsInf(f, 0):
			s = "inf"
		case math.IsNaN(f):
			s = "nan"
		default:
			lc := unicode.ToLower(conv)
			if lc == 'g' && prec == 0 {
				prec = 1
			}
			s = strconv.FormatFloat(f, byte(lc), prec, 64)
			if lc == 'g' && strings.Contains(flags, "#") && !strings.Contains(s, ".") {
				s += "."
			}
		}
		if unicode.IsUpper(conv) {
			s = strings.ToUpper(s)
		}
		return sign(s, neg), nil
	}
	return "", fmt.Errorf("unsupported format character '%c'", conv)
}

// jinjaRepr is Python's repr() of a template value; an error for
// objects whose repr Python prints with their address.
func jinjaRepr(v any) (string, error) {
	switch x := v.(type) {
	case nil, jetNone:
		return "None", nil
	case string:
		return pyfmt.Repr(x), nil
	case jetSafe:
		return pyfmt.Repr(string(x)), nil
	case jetMarkup:
		return "Markup(" + pyfmt.Repr(string(x)) + ")", nil
	case jetDecimal:
		return "Decimal('" + string(x) + "')", nil
	case jetFloat:
		return string(x), nil
	case jinjaTuple:
		parts := make([]string, len(x))
		for i, e := range x {
			s, err := jinjaRepr(e)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		if len(x) == 1 {
			return "(" + parts[0] + ",)", nil
		}
		return "(" + strings.Join(parts, ", ") + ")", nil
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			s, err := jinjaRepr(e)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return pyfmt.Str(x), nil
	}
	if keys, values, ok := jinjaMapping(reflect.ValueOf(v)); ok {
		parts := make([]string, len(keys))
		for i := range keys {
			k, err := jinjaRepr(keys[i])
			if err != nil {
				return "", err
			}
			e, err := jinjaRepr(values[i])
			if err != nil {
				return "", err
			}
			parts[i] = k + ": " + e
		}
		return "{" + strings.Join(parts, ", ") + "}", nil
	}
	return "", fmt.Errorf("the repr of a %s object is not supported", pyTypeNameOf(v))
}

// listRepr is Python's str() of a list or tuple of plain values
// (strings, numbers, decimals, None, markup, and lists and tuples of
// them); ok false for others, which keep their former printing.
func listRepr(v any) (string, bool) {
	var simple func(any) bool
	simple = func(e any) bool {
		switch x := e.(type) {
		case nil, jetNone, string, jetSafe, jetMarkup, jetDecimal, jetFloat, bool, int, int8, int16, int32, int64,
			uint, uint8, uint16, uint32, uint64, float32, float64:
			return true
		case []any:
			for _, y := range x {
				if !simple(y) {
					return false
				}
			}
			return true
		case jinjaTuple:
			for _, y := range x {
				if !simple(y) {
					return false
				}
			}
			return true
		}
		return false
	}
	if !simple(v) {
		return "", false
	}
	s, err := jinjaRepr(v)
	return s, err == nil
}

// jinjaPprint is pprint(value): Python's pformat, for values whose repr
// fits on a line of 80 (pformat sorts a dict's keys); longer ones, which
// pformat breaks over lines, are an error.
func jinjaPprint(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("pprint", 1, 1)
	v := valueAny(a.Get(0))
	if keys, values, ok := jinjaMapping(a.Get(0)); ok {
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		var err error
		sort.SliceStable(idx, func(i, j int) bool {
			less, e := pyLess(keys[idx[i]], keys[idx[j]])
			if e != nil {
				err = e
			}
			return less
		})
		if err != nil {
			a.Panicf("pprint: %v", err)
		}
		m := map[string]any{}
		parts := make([]string, len(keys))
		for n, i := range idx {
			k, e1 := jinjaRepr(keys[i])
			e, e2 := jinjaRepr(values[i])
			if e1 != nil || e2 != nil {
				a.Panicf("pprint: the value's repr is not supported")
			}
			parts[n] = k + ": " + e
		}
		_ = m
		s := "{" + strings.Join(parts, ", ") + "}"
		if utf8.RuneCountInString(s) > 80 {
			a.Panicf("pprint: a value longer than 80 characters is not supported")
		}
		return reflect.ValueOf(s)
	}
	s, err := jinjaRepr(v)
	if err != nil {
		a.Panicf("pprint: %v", err)
	}
	if utf8.RuneCountInString(s) > 80 {
		a.Panicf("pprint: a value longer than 80 characters is not supported")
	}
	return reflect.ValueOf(s)
}

// jinjaXMLAttr is xmlattr(d, autospace=True): the mapping's items as
// HTML attributes, key="value" escaped, None and undefined values left
// out, with a leading space (autospace); markup.
func jinjaXMLAttr(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("xmlattr", 1, 2)
	keys, values, ok := jinjaMapping(a.Get(0))
	if !ok {
		a.Panicf("xmlattr: '%s' object has no attribute 'items'", pyTypeNameOf(noneOr(a.Get(0))))
	}
	var items []string
	for i, k := range keys {
		e := reflect.ValueOf(values[i])
		if jinjaUndefined(rv(e)) || isNone(e) {
			continue
		}
		name, isStr := k.(string)
		if !isStr {
			if s, ok := k.(jetSafe); ok {
				name, isStr = string(s), true
			} else if s, ok := k.(jetMarkup); ok {
				name, isStr = string(s), true
			}
		}
		if !isStr {
			a.Panicf("xmlattr: expected string or bytes-like object, got '%s'", pyTypeNameOf(k))
		}
		if strings.ContainsAny(name, " \t\n\r\f\v/>=") {
			a.Panicf("xmlattr: Invalid character in attribute name: %s", pyfmt.Repr(name))
		}
		items = append(items, markupEscape(reflect.ValueOf(k))+`="`+markupEscape(e)+`"`)
	}
	out := strings.Join(items, " ")
	autospace := a.NumOfArguments() < 2 || pyTruthy(a.Get(1))
	if autospace && out != "" {
		out = " " + out
	}
	return reflect.ValueOf(jetMarkup(out))
}

// noneOr is the value for a type name: None for undefined.
func noneOr(v reflect.Value) any {
	if jinjaUndefined(rv(v)) {
		return nil
	}
	return valueAny(v)
}

// jinjaToJSON is tojson(value, indent=None): Python's json.dumps with
// sorted keys (ASCII only), "<", ">", "&" and "'" written as \u escapes,
// as markup.
func jinjaToJSON(a jinjaArgs) reflect.Value {
	a.RequireNumOfArguments("tojson", 1, 2)
	indent, pretty := "", false
	if a.NumOfArguments() > 1 {
		switch x := valueAny(a.Get(1)).(type) {
		case nil, jetNone:
		case string, jetSafe, jetMarkup:
			indent, pretty = pyfmt.Str(x), true
		case int, bool:
			n := intArg(a, "tojson", a.Get(1))
			if n > jinjaMaxWidth {
				a.Panicf("tojson: the indent %d is too large", n)
			}
			indent, pretty = strings.Repeat(" ", max(n, 0)), true
		default:
			a.Panicf("tojson: can't multiply sequence by non-int of type '%s'", pyTypeNameOf(x))
		}
	}
	var b strings.Builder
	if err := writeJinjaJSON(&b, a.Get(0), indent, pretty, 0, 0); err != nil {
		a.Panicf("tojson: %v", err)
	}
	s := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`, "'", `\u0027`).Replace(b.String())
	return reflect.ValueOf(jetMarkup(s))
}

func writeJinjaJSON(b *strings.Builder, v reflect.Value, indent string, pretty bool, level, depth int) error {
	if depth > 100 {
		return fmt.Errorf("maximum recursion depth exceeded")
	}
	v = rv(v)
	if !v.IsValid() {
		b.WriteString("null")
		return nil
	}
	newline := func(l int) {
		if pretty {
			b.WriteString("\n" + strings.Repeat(indent, l))
		}
	}
	sep := ", "
	if pretty {
		sep = ","
	}
	list := func(items []any) error {
		if len(items) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, e := range items {
			if i > 0 {
				b.WriteString(sep)
			}
			newline(level + 1)
			if err := writeJinjaJSON(b, reflect.ValueOf(e), indent, pretty, level+1, depth+1); err != nil {
				return err
			}
		}
		newline(level)
		b.WriteByte(']')
		return nil
	}
	switch x := v.Interface().(type) {
	case jetNone:
		b.WriteString("null")
		return nil
	case bool:
		b.WriteString(strconv.FormatBool(x))
		return nil
	case string, jetSafe, jetMarkup:
		b.WriteString(pyfmt.JSONQuote(pyfmt.Str(x)))
		return nil
	case jetDecimal:
		return fmt.Errorf("Object of type Decimal is not JSON serializable")
	case jetTime:
		return fmt.Errorf("Object of type datetime is not JSON serializable")
	case jinjaTuple:
		return list(x)
	case []any:
		return list(x)
	case jetObject:
		if _, ok := x["grouper"]; ok {
			return list(Object(x).Items())
		}
		if _, isErrors := x["as_json"]; isErrors || len(x) == 0 {
			if _, isDict := x["items"]; !isDict {
				return list(Object(x).Items())
			}
		} else {
			return fmt.Errorf("Object of type %s is not JSON serializable", pyKindName(x))
		}
	}
	if n, ok := pyNumberOf(v.Interface()); ok {
		if n.kind == numInt {
			b.WriteString(strconv.Itoa(n.i))
			return nil
		}
		switch f := n.f; {
		case math.IsInf(f, 1):
			b.WriteString("Infinity")
		case math.IsInf(f, -1):
			b.WriteString("-Infinity")
		case math.IsNaN(f):
			b.WriteString("NaN")
		default:
			b.WriteString(pyfmt.FloatRepr(f))
		}
		return nil
	}
	keys, values, ok := jinjaMapping(v)
	if !ok {
		return fmt.Errorf("Object of type %s is not JSON serializable", pyKindName(v.Interface()))
	}
	if len(keys) == 0 {
		b.WriteString("{}")
		return nil
	}
	type kv struct {
		k string
		v any
	}
	pairs := make([]kv, len(keys))
	for i, k := range keys {
		switch kk := k.(type) {
		case string, jetSafe, jetMarkup:
			pairs[i] = kv{pyfmt.Str(kk), values[i]}
		case bool:
			pairs[i] = kv{strconv.FormatBool(kk), values[i]}
		case nil:
			pairs[i] = kv{"null", values[i]}
		default:
			if n, ok := pyNumberOf(k); ok && n.kind == numInt {
				pairs[i] = kv{strconv.Itoa(n.i), values[i]}
				continue
			}
			return fmt.Errorf("keys must be str, int, float, bool or None, not %s", pyTypeNameOf(k))
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].k < pairs[j].k })
	b.WriteByte('{')
	for i, p := range pairs {
		if i > 0 {
			b.WriteString(sep)
		}
		newline(level + 1)
		b.WriteString(pyfmt.JSONQuote(p.k))
		b.WriteString(": ")
		if err := writeJinjaJSON(b, reflect.ValueOf(p.v), indent, pretty, level+1, depth+1); err != nil {
			return err
		}
	}
	newline(level)
	b.WriteByte('}')
	return nil
}

// pyKindName is the Python class name of an object for messages.
func pyKindName(v any) string {
	switch k := pyKind(v); k {
	case "object":
		if o, ok := v.(jetObject); ok {
			if _, isForm := o["fields"]; isForm {
				return "Form"
			}
		}
		return "object"
	default:
		return k
	}
}
