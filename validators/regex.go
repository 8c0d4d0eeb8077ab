package validators

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/formwork/formwork/internal/pyfmt"
)

// Python's re flags, for RegexValidator.Flags.
const (
	FlagIgnoreCase = 2   // re.IGNORECASE
	FlagMultiline  = 8   // re.MULTILINE
	FlagDotAll     = 16  // re.DOTALL
	FlagUnicode    = 32  // re.UNICODE, the default for str patterns
	FlagASCII      = 256 // re.ASCII
)

// Character classes of Python's re for str patterns, which are Unicode
// aware where Go's are ASCII only.
const (
	pySpace = `\t\n\v\f\r\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}`
	pyWord  = `\p{L}\p{N}_`
	pyDigit = `\p{Nd}`
)

// compilePython compiles a Python regular expression for re.search by
// translating it to Go's syntax. Constructs Go's engine lacks
// (lookarounds, backreferences, conditionals) are an error naming them.
func compilePython(pattern string, flags int) (*regexp.Regexp, error) {
	src, err := translatePython(pattern, flags)
	if err != nil {
		return nil, fmt.Errorf("regex %q: %w", pattern, err)
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, fmt.Errorf("regex %q: %w", pattern, err)
	}
	return re, nil
}

func translatePython(p string, flags int) (string, error) {
	if flags&^(FlagIgnoreCase|FlagMultiline|FlagDotAll|FlagUnicode|FlagASCII) != 0 {
		return "", fmt.Errorf("unsupported flags %d (only IGNORECASE, MULTILINE, DOTALL, UNICODE and ASCII are)", flags)
	}
	var b strings.Builder
	var goFlags string
	if flags&FlagIgnoreCase != 0 {
		goFlags += "i"
	}
	if flags&FlagMultiline != 0 {
		goFlags += "m"
	}
	if flags&FlagDotAll != 0 {
		goFlags += "s"
	}
	ascii := flags&FlagASCII != 0
	multiline := flags&FlagMultiline != 0
	// Global inline flags, which Python requires at the very start.
	for strings.HasPrefix(p, "(?") && len(p) > 2 && strings.IndexByte("aiLmsux", p[2]) >= 0 {
		end := strings.IndexByte(p, ')')
		if end < 0 || strings.IndexByte(p[2:end], ':') >= 0 || strings.IndexByte(p[2:end], '-') >= 0 {
			break
		}
		for _, f := range p[2:end] {
			switch f {
			case 'i', 's':
				goFlags += string(f)
			case 'm':
				goFlags += "m"
				multiline = true
			case 'a':
				ascii = true
			case 'u':
			default:
				return "", fmt.Errorf("unsupported inline flag %q", f)
			}
		}
		p = p[end+1:]
	}
	if goFlags != "" {
		b.WriteString("(?" + goFlags + ")")
	}
	rs := []rune(p)
	inClass := false
	classStart := 0
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\':
			if i+1 >= len(rs) {
				return "", fmt.Errorf("bad escape (end of pattern)")
			}
			i++
			n, err := translateEscape(rs, &i, inClass, ascii)
			if err != nil {
				return "", err
			}
			b.WriteString(n)
		case inClass:
			switch {
			case c == ']' && i > classStart:
				inClass = false
				b.WriteByte(']')
			case c == '[':
				b.WriteString(`\[`)
			default:
				b.WriteRune(c)
			}
		case c == '[':
			inClass = true
			b.WriteByte('[')
			classStart = i + 1
			if classStart < len(rs) && rs[classStart] == '^' {
				b.WriteByte('^')
				i++
				classStart++
			}
			// A "]" right after "[" or "[^" is a literal in Python.
			if classStart < len(rs) && rs[classStart] == ']' {
				b.WriteString(`\]`)
				i++
				classStart++
			}
		case c == '$' && !multiline:
			// Python's "$" also matches before a final newline.
			b.WriteString(`(?:\n?\z)`)
		case c == '(' && i+1 < len(rs) && rs[i+1] == '?':
			rest := string(rs[i+2:])
			switch {
			case strings.HasPrefix(rest, "P<"), strings.HasPrefix(rest, ":"):
				b.WriteString("(?")
				i++
			case strings.HasPrefix(rest, "#"):
				end := strings.IndexRune(rest, ')')
				if end < 0 {
					return "", fmt.Errorf("missing ), unterminated comment")
				}
				i += 2 + len([]rune(rest[:end]))
			case strings.HasPrefix(rest, "="), strings.HasPrefix(rest, "!"),
				strings.HasPrefix(rest, "<="), strings.HasPrefix(rest, "<!"):
				return "", fmt.Errorf("lookaround assertions are not supported")
			case strings.HasPrefix(rest, "P="), strings.HasPrefix(rest, "("):
				return "", fmt.Errorf("backreferences and conditionals are not supported")
			default:
				// Scoped flags "(?i:...)": Go has the same syntax for i, m, s.
				end := strings.IndexAny(rest, ":)")
				if end < 0 {
					return "", fmt.Errorf("unterminated group")
				}
				if rest[end] == ')' {
					return "", fmt.Errorf("global flags not at the start of the expression")
				}
				for _, f := range rest[:end] {
					if !strings.ContainsRune("ims-", f) {
						return "", fmt.Errorf("unsupported group syntax %q", "(?"+rest[:end+1])
					}
				}
				b.WriteString("(?")
				i++
			}
		default:
			b.WriteRune(c)
		}
	}
	if inClass {
		return "", fmt.Errorf("unterminated character set")
	}
	return b.String(), nil
}

// translateEscape translates the escape whose letter is rs[*i], moving *i
// past any further characters it uses.
func translateEscape(rs []rune, i *int, inClass, ascii bool) (string, error) {
	c := rs[*i]
	class := func(set string, negate bool) (string, error) {
		switch {
		case !inClass && negate:
			return "[^" + set + "]", nil
		case !inClass:
			return "[" + set + "]", nil
		case !negate:
			return set, nil
		}
		return "", fmt.Errorf(`\%c inside a character set is not supported`, c)
	}
	switch c {
	case 'd', 'D':
		if ascii {
			return class("0-9", c == 'D')
		}
		if c == 'D' {
			return `\P{Nd}`, nil
		}
		return class(pyDigit, false)
	case 'w', 'W':
		if ascii {
			return class("0-9A-Za-z_", c == 'W')
		}
		return class(pyWord, c == 'W')
	case 's', 'S':
		if ascii {
			return class(`\t\n\v\f\r `, c == 'S')
		}
		return class(pySpace, c == 'S')
	case 'Z':
		return `\z`, nil
	case 'A', 'b', 'B':
		if inClass {
			if c == 'b' {
				return `\x08`, nil
			}
			return "", fmt.Errorf(`bad escape \%c in a character set`, c)
		}
		return `\` + string(c), nil
	case 'a', 'f', 'n', 'r', 't', 'v':
		return `\` + string(c), nil
	case 'x', 'u', 'U':
		size := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
		if *i+size >= len(rs) {
			return "", fmt.Errorf(`incomplete escape \%c`, c)
		}
		hex := string(rs[*i+1 : *i+1+size])
		if _, err := strconv.ParseUint(hex, 16, 32); err != nil {
			return "", fmt.Errorf(`incomplete escape \%c%s`, c, hex)
		}
		*i += size
		return `\x{` + hex + `}`, nil
	case '0':
		// Octal: \0, \0o, \0oo.
		n := 0
		for k := 0; k < 2 && *i+1 < len(rs) && rs[*i+1] >= '0' && rs[*i+1] <= '7'; k++ {
			*i++
			n = n*8 + int(rs[*i]-'0')
		}
		return fmt.Sprintf(`\x{%x}`, n), nil
	}
	if c >= '1' && c <= '9' {
		return "", fmt.Errorf("backreferences are not supported")
	}
	if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return "", fmt.Errorf(`bad escape \%c`, c)
	}
	return regexp.QuoteMeta(string(c)), nil
}

// RegexValidator is Django's RegexValidator: the value, as Python's
// str(value), must contain a match for Regex (or must not, with
// InverseMatch). Regex is in Python's syntax, translated to Go's; a
// pattern using what Go's engine cannot do (lookarounds, backreferences)
// makes Validate return a plain error naming the problem.
type RegexValidator struct {
	// Regex is the pattern, searched anywhere in the value; empty matches
	// every value.
	Regex string
	// Message replaces the default message ("Enter a valid value.") when
	// not empty.
	Message string
	// Code replaces the default code ("invalid") when not empty.
	Code string
	// InverseMatch makes a match, rather than its absence, the error.
	InverseMatch bool
	// Flags are Python's re flags: FlagIgnoreCase, FlagMultiline,
	// FlagDotAll, FlagUnicode and FlagASCII.
	Flags int

	compiled atomic.Pointer[compiledRegex]
}

// compiledRegex remembers which pattern and flags re was compiled from, so
// that changing the fields after a first use takes effect.
type compiledRegex struct {
	src   string
	flags int
	re    *regexp.Regexp
}

// NewRegex returns a RegexValidator for pattern, compiled at once so that
// a pattern Go cannot handle is reported here.
func NewRegex(pattern string, flags int) (*RegexValidator, error) {
	v := &RegexValidator{Regex: pattern, Flags: flags}
	if _, err := v.regexp(); err != nil {
		return nil, err
	}
	return v, nil
}

// mustRegex is NewRegex for this package's own, known-good patterns.
func mustRegex(pattern, message string) *RegexValidator {
	v, err := NewRegex(pattern, 0)
	if err != nil {
		panic("validators: bad built-in pattern: " + err.Error())
	}
	v.Message = message
	return v
}

func (v *RegexValidator) regexp() (*regexp.Regexp, error) {
	if c := v.compiled.Load(); c != nil && c.src == v.Regex && c.flags == v.Flags {
		return c.re, nil
	}
	re, err := compilePython(v.Regex, v.Flags)
	if err != nil {
		return nil, fmt.Errorf("RegexValidator: %w", err)
	}
	v.compiled.Store(&compiledRegex{src: v.Regex, flags: v.Flags, re: re})
	return re, nil
}

// Validate implements Validator.
func (v *RegexValidator) Validate(value any) error {
	re, err := v.regexp()
	if err != nil {
		return err
	}
	if re.MatchString(pyfmt.Str(value)) == v.InverseMatch {
		return fail("Enter a valid value.", v.Message, "invalid", v.Code, map[string]any{"value": value})
	}
	return nil
}

// Slug returns Django's validate_slug: ASCII letters, digits, underscores
// and hyphens.
func Slug() *RegexValidator {
	return mustRegex(`^[-a-zA-Z0-9_]+\Z`,
		"Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.")
}

// UnicodeSlug returns Django's validate_unicode_slug: Unicode letters,
// digits, underscores and hyphens.
func UnicodeSlug() *RegexValidator {
	return mustRegex(`^[-\w]+\Z`,
		"Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.")
}

// Integer returns Django's validate_integer: an optional minus sign and
// (Unicode) decimal digits.
func Integer() *RegexValidator {
	return mustRegex(`^-?\d+\Z`, "Enter a valid integer.")
}

// IntList returns Django's int_list_validator(sep, message, code,
// allow_negative): integers separated by sep. Empty message and code mean
// the defaults ("Enter a valid value.", "invalid").
func IntList(sep, message, code string, allowNegative bool) *RegexValidator {
	neg := ""
	if allowNegative {
		neg = "(-)?"
	}
	v := mustRegex(`^`+neg+`\d+(?:`+pyEscape(sep)+neg+`\d+)*\Z`, message)
	v.Code = code
	return v
}

// CommaSeparatedIntegerList returns Django's
// validate_comma_separated_integer_list.
func CommaSeparatedIntegerList() *RegexValidator {
	return IntList(",", "Enter only digits separated by commas.", "invalid", false)
}

// pyEscape is Python's re.escape.
func pyEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
