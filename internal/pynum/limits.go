package pynum

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// MaxIntDigits is Python's default limit on the digits int() converts
// from a string (sys.get_int_max_str_digits(), 4300 since Python 3.11):
// the reference rejects a longer integer, and so Django's IntegerField
// says "Enter a whole number.". Digits are counted as Python counts them:
// leading zeros included, sign, whitespace and underscores not.
const MaxIntDigits = 4300

// DefaultMaxDecimalDigits bounds the significant digits ParseDecimal
// reads: the coefficient's digits once leading zeros are dropped, as
// Decimal(s).as_tuple() holds them ("000120.50" has 5). Python's Decimal
// has no such limit, but turning a digit string into a binary coefficient
// costs time that grows with the square of its length, so a form field
// must not do it on whatever a request sends. Python's own integer limit
// is used: no decimal a form cleans needs more.
const DefaultMaxDecimalDigits = MaxIntDigits

// ErrTooManyDigits reports a number with more digits than the limit;
// it wraps ErrSyntax, as Python's int() raises ValueError for both.
var ErrTooManyDigits = fmt.Errorf("%w: too many digits", ErrSyntax)

// SignificantDigits counts the digits of a decimal literal's coefficient
// without leading zeros (1 for a zero), as Decimal(s).as_tuple() has
// them, stopping once the count passes limit. The exponent's digits are
// not counted. It does not check the syntax.
func SignificantDigits(s string, limit int) int {
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		s = s[:i]
	}
	n, leading := 0, true
	for _, r := range s {
		v, ok := digitRune(r)
		if !ok {
			continue
		}
		if leading && v == 0 {
			continue
		}
		leading = false
		n++
		if n > limit {
			return n
		}
	}
	if n == 0 {
		return 1
	}
	return n
}

// digitRune returns the value of a decimal digit rune.
func digitRune(r rune) (rune, bool) {
	if r >= '0' && r <= '9' {
		return r - '0', true
	}
	if r < 0x80 || !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	return digitValue(r), true
}

// IsTooManyDigits reports whether err is ErrTooManyDigits.
func IsTooManyDigits(err error) bool { return errors.Is(err, ErrTooManyDigits) }
