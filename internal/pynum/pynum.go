// Package pynum parses numbers the way Python's int(), float() and
// decimal.Decimal() read strings, since Django's number fields are
// defined by what those accept.
package pynum

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// ErrSyntax reports a string Python would not accept as a number.
var ErrSyntax = errors.New("invalid number syntax")

// TrimSpace removes leading and trailing whitespace as Python's
// str.strip() does (which also strips the ASCII separators \x1c-\x1f).
func TrimSpace(s string) string {
	return strings.TrimFunc(s, IsSpace)
}

// IsSpace reports whether Python's str.isspace() holds for r.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// trimNumberSpace removes the whitespace int() and float() skip, which is
// not quite str.strip()'s: they turn non-ASCII whitespace into spaces but
// leave the ASCII separators \x1c-\x1f alone, and so reject them.
func trimNumberSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return IsSpace(r) && (r < 0x1c || r > 0x1f)
	})
}

// cutSign removes one leading sign from s.
func cutSign(s string) (rest string, neg bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:], s[0] == '-'
	}
	return s, false
}

// digits normalises the digit run of a number: Unicode decimal digits
// become ASCII, and single underscores between digits are dropped. ok is
// false for a misplaced underscore or a non-digit.
func digits(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	var b strings.Builder
	prevDigit := false
	for _, r := range s {
		switch {
		case r == '_':
			if !prevDigit {
				return "", false
			}
			prevDigit = false
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			prevDigit = true
		case unicode.Is(unicode.Nd, r):
			b.WriteRune('0' + digitValue(r))
			prevDigit = true
		default:
			return "", false
		}
	}
	if !prevDigit {
		return "", false
	}
	return b.String(), true
}

// digitValue returns the value of a Unicode decimal digit: Nd digits come
// in runs of tens, each starting at a zero.
func digitValue(r rune) rune {
	z := r
	for unicode.Is(unicode.Nd, z-1) {
		z--
	}
	return (r - z) % 10
}

// ParseInt parses s as Python's int(s): surrounding whitespace, a sign,
// digits with single underscores between them. The result is an int64
// when it fits, else a *big.Int. More than MaxIntDigits digits give
// ErrTooManyDigits, as Python 3.11's int() refuses them.
func ParseInt(s string) (any, error) {
	if n, ok := plainInt(s); ok {
		return n, nil
	}
	s = trimNumberSpace(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	d, ok := digits(s)
	if !ok {
		return nil, ErrSyntax
	}
	if len(d) > MaxIntDigits {
		return nil, ErrTooManyDigits // before SetString, whose cost is quadratic
	}
	if neg {
		d = "-" + d
	}
	if n, err := strconv.ParseInt(d, 10, 64); err == nil {
		return n, nil
	}
	b, ok := new(big.Int).SetString(d, 10)
	if !ok {
		return nil, ErrSyntax
	}
	return b, nil
}

// plainInt reads s when it is only ASCII digits, few enough to fit an
// int64: the common case, without the general path's copies.
func plainInt(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// normaliseReal rewrites a decimal literal as sign, mantissa digits with a
// point, and exponent, normalising digits; ok is false when it is not one.
func normaliseReal(s string) (string, bool) {
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = "-"
		}
		s = s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		esign := ""
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			esign = exp[:1]
			exp = exp[1:]
		}
		e, ok := digits(exp)
		if !ok {
			return "", false
		}
		exp = "e" + esign + e
	}
	intPart, frac := mant, ""
	hasPoint := false
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
		hasPoint = true
	}
	if intPart == "" && frac == "" {
		return "", false
	}
	var ip, fp string
	var ok bool
	if intPart != "" {
		if ip, ok = digits(intPart); !ok {
			return "", false
		}
	}
	if frac != "" {
		if fp, ok = digits(frac); !ok {
			return "", false
		}
	}
	if ip == "" {
		ip = "0"
	}
	out := sign + ip
	if hasPoint && fp != "" {
		out += "." + fp
	}
	return out + exp, true
}

// ParseFloat parses s as Python's float(s), including "inf", "infinity"
// and "nan" in any case.
func ParseFloat(s string) (float64, error) {
	s = trimNumberSpace(s)
	body, neg := cutSign(s)
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if neg {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	n, ok := normaliseReal(s)
	if !ok {
		return 0, ErrSyntax
	}
	f, err := strconv.ParseFloat(n, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return f, nil // Python gives inf or 0 too.
		}
		return 0, ErrSyntax
	}
	return f, nil
}

// ErrNotFinite reports a decimal Python reads as Infinity or NaN, which
// Django's DecimalField rejects.
var ErrNotFinite = errors.New("decimal is not finite")

// ParseDecimal parses s as Python's Decimal(s), keeping its exponent
// ("1.50" stays 150e-2). Infinities and NaNs give ErrNotFinite. An
// exponent beyond ±10000 (shopspring/decimal's MaxDecodeExponent) gives
// ErrSyntax although Python accepts it: arithmetic on such a value would
// build numbers of that many digits. More than DefaultMaxDecimalDigits
// significant digits give ErrTooManyDigits (ParseDecimalMax sets another
// limit).
func ParseDecimal(s string) (decimal.Decimal, error) {
	return ParseDecimalMax(s, DefaultMaxDecimalDigits)
}

// ParseDecimalMax is ParseDecimal with at most maxDigits significant
// digits instead of DefaultMaxDecimalDigits: a valid literal with more
// gives ErrTooManyDigits, found by a linear scan before any big-number
// work. The syntax is checked first, so that what is not a number at all
// still gives ErrSyntax.
func ParseDecimalMax(s string, maxDigits int) (decimal.Decimal, error) {
	if len(s) <= maxDigits && plainDecimal(s) {
		// Nothing to normalise: the common case, without the copies.
		if d, err := decimal.NewFromString(s); err == nil {
			return d, nil
		}
	}
	return parseDecimal(s, maxDigits)
}

// plainDecimal reports whether s is ASCII digits, with an optional
// leading '-' and an optional '.' between digits, and short enough for
// decimal.NewFromString's fast path.
func plainDecimal(s string) bool {
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 {
		return false
	}
	dot := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && dot < 0:
			dot = i
		default:
			return false
		}
	}
	return dot != 0 && dot != len(s)-1
}

// IsDecimal reports whether Python's Decimal(s) reads s as a number,
// finite or not, however many digits or however large an exponent it
// has: what ParseDecimal refuses with ErrSyntax beyond ±10000 is still
// a decimal to Python.
func IsDecimal(s string) bool {
	s = strings.ReplaceAll(TrimSpace(s), "_", "")
	body, _ := cutSign(s)
	if isNonFinite(strings.ToLower(body)) {
		return true
	}
	_, ok := normaliseReal(s)
	return ok
}

// parseDecimal is ParseDecimal's general path.
func parseDecimal(s string, maxDigits int) (decimal.Decimal, error) {
	// Decimal() strips as str.strip() does and, unlike int() and float(),
	// ignores every underscore wherever it stands ("_1", "1__0", "1e_3").
	s = strings.ReplaceAll(TrimSpace(s), "_", "")
	body, _ := cutSign(s)
	if isNonFinite(strings.ToLower(body)) {
		return decimal.Decimal{}, ErrNotFinite
	}
	n, ok := normaliseReal(s)
	if !ok {
		return decimal.Decimal{}, ErrSyntax
	}
	if len(n) > maxDigits && SignificantDigits(n, maxDigits) > maxDigits {
		return decimal.Decimal{}, ErrTooManyDigits
	}
	d, err := decimal.NewFromString(n)
	if err != nil {
		return decimal.Decimal{}, ErrSyntax
	}
	return d, nil
}

// isNonFinite reports whether Decimal() reads the unsigned, lower-cased s
// as an infinity or a NaN, which may carry a diagnostic payload ("nan12").
func isNonFinite(s string) bool {
	switch s {
	case "inf", "infinity":
		return true
	}
	for _, p := range []string{"snan", "nan"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			if rest == "" {
				return true
			}
			_, ok := digits(rest)
			return ok
		}
	}
	return false
}
