package validators

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// This file ports Python's "idna" codec (encodings/idna.py: IDNA 2003,
// RFC 3490, with nameprep, RFC 3491), which Django's punycode() uses to
// turn an internationalized domain into ASCII before validating it. The
// nameprep tables are generated from Python's stringprep module; see
// testdata/gen_idna_tables.py.

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

// inRanges reports whether r lies in one of the sorted ranges rs.
func inRanges(r rune, rs []runeRange) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	return i < len(rs) && rs[i].lo <= r
}

// runeMapping is what nameprep maps one code point to.
type runeMapping struct {
	r  rune
	to string
}

// mapped returns what the sorted table ms maps r to, ok false when r is
// not in it.
func mapped(r rune, ms []runeMapping) (string, bool) {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].r >= r })
	if i < len(ms) && ms[i].r == r {
		return ms[i].to, true
	}
	return "", false
}

// errIDNA is the UnicodeError of Python's idna codec.
var errIDNA = errors.New("idna: cannot encode domain")

// punycode returns Django's punycode(domain): domain.encode("idna").
func punycode(domain string) (string, error) {
	if domain == "" {
		return "", nil
	}
	if isASCII(domain) {
		labels := strings.Split(domain, ".")
		for _, l := range labels[:len(labels)-1] {
			if len(l) == 0 || len(l) >= 64 {
				return "", fmt.Errorf("%w: label empty or too long", errIDNA)
			}
		}
		if len(labels[len(labels)-1]) >= 64 {
			return "", fmt.Errorf("%w: label too long", errIDNA)
		}
		return domain, nil
	}
	labels := splitDots(domain)
	trailing := ""
	if len(labels) > 0 && labels[len(labels)-1] == "" {
		trailing = "."
		labels = labels[:len(labels)-1]
	}
	var b strings.Builder
	for _, l := range labels {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		a, err := toASCII(l)
		if err != nil {
			return "", err
		}
		b.WriteString(a)
	}
	return b.String() + trailing, nil
}

// splitDots splits at the four dots IDNA recognizes (RFC 3490 3.1).
func splitDots(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		switch r {
		case '.', '\u3002', '\uFF0E', '\uFF61':
			out = append(out, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(out, s[start:])
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// toASCII is RFC 3490's ToASCII with AllowUnassigned and without
// UseSTD3ASCIIRules, as Python implements it.
func toASCII(label string) (string, error) {
	if !isASCII(label) {
		var err error
		label, err = nameprep(label)
		if err != nil {
			return "", err
		}
		if !isASCII(label) {
			if strings.HasPrefix(label, "xn--") {
				return "", fmt.Errorf("%w: label starts with ACE prefix", errIDNA)
			}
			label = "xn--" + punyEncode(label)
		}
	}
	if len(label) == 0 || len(label) >= 64 {
		return "", fmt.Errorf("%w: label empty or too long", errIDNA)
	}
	return label, nil
}

// nameprep is RFC 3491's profile of stringprep: map, normalize (NFKC),
// prohibit, check bidi.
func nameprep(label string) (string, error) {
	var b strings.Builder
	for _, r := range label {
		if inRanges(r, nameprepB1) {
			continue
		}
		if m, ok := mapped(r, nameprepB2); ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(r)
	}
	// Python normalizes with the Unicode 3.2 database; x/text's is newer,
	// which only matters for characters unassigned in 3.2.
	out := norm.NFKC.String(b.String())
	runes := []rune(out)
	hasRandAL := false
	for _, r := range runes {
		if inRanges(r, nameprepProhibited) {
			return "", fmt.Errorf("%w: invalid character %q", errIDNA, r)
		}
		if inRanges(r, nameprepRandAL) {
			hasRandAL = true
		}
	}
	if hasRandAL {
		for _, r := range runes {
			if inRanges(r, nameprepL) {
				return "", fmt.Errorf("%w: violation of BIDI requirement 2", errIDNA)
			}
		}
		if !inRanges(runes[0], nameprepRandAL) || !inRanges(runes[len(runes)-1], nameprepRandAL) {
			return "", fmt.Errorf("%w: violation of BIDI requirement 3", errIDNA)
		}
	}
	return out, nil
}

// punyEncode is RFC 3492's Punycode encoding, Python's "punycode" codec.
func punyEncode(s string) string {
	const (
		base        = 36
		tmin        = 1
		tmax        = 26
		skew        = 38
		damp        = 700
		initialBias = 72
		initialN    = 128
	)
	runes := []rune(s)
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	basic := len(out)
	h := basic
	if basic > 0 {
		out = append(out, '-')
	}
	digit := func(d int) byte {
		if d < 26 {
			return byte('a' + d)
		}
		return byte('0' + d - 26)
	}
	adapt := func(delta, numPoints int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / numPoints
		k := 0
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	n, delta, bias := rune(initialN), 0, initialBias
	for h < len(runes) {
		m := rune(0x7FFFFFFF)
		for _, r := range runes {
			if r >= n && r < m {
				m = r
			}
		}
		delta += int(m-n) * (h + 1)
		n = m
		for _, r := range runes {
			if r < n {
				delta++
			}
			if r != n {
				continue
			}
			q := delta
			for k := base; ; k += base {
				t := k - bias
				if t < tmin {
					t = tmin
				} else if t > tmax {
					t = tmax
				}
				if q < t {
					break
				}
				out = append(out, digit(t+(q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out = append(out, digit(q))
			bias = adapt(delta, h+1, h == basic)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return string(out)
}
