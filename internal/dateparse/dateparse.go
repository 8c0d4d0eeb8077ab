// Package dateparse reads the date, time and duration strings Django's
// django.utils.dateparse reads, and writes durations as Django does.
package dateparse

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// ErrOverflow reports a duration larger than Go's time.Duration holds.
var ErrOverflow = errors.New("duration out of range")

// pySpace is Python's \s in a str pattern: what str.isspace() accepts.
const pySpace = `[\t\n\v\f\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]`

// datetimeRE and the duration patterns below compile on first use, not at
// program start.
var datetimeRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[\.,](\d{1,6})\d{0,6})?)?` + pySpace + `*(Z|[+-]\d{2}(?::?\d{2})?)?$`)
})

// match applies re as Python's re.match would to a pattern ending in $:
// Python's \d takes any Unicode decimal digit, which int() and float()
// then read, and its $ also matches before a final newline.
func match(re *regexp.Regexp, s string) []string {
	s = asciiDigits(s)
	if m := re.FindStringSubmatch(s); m != nil {
		return m
	}
	if t, ok := strings.CutSuffix(s, "\n"); ok {
		return re.FindStringSubmatch(t)
	}
	return nil
}

// asciiDigits replaces each Unicode decimal digit with its ASCII one,
// keeping the count of characters the patterns' repetitions rely on.
func asciiDigits(s string) string {
	ascii := true
	for _, r := range s {
		if r >= 0x80 && unicode.Is(unicode.Nd, r) {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x80 || !unicode.Is(unicode.Nd, r) {
			return r
		}
		// Decimal digits come in runs of ten starting at a zero.
		z := r
		for unicode.Is(unicode.Nd, z-1) && r-z < 9 {
			z--
		}
		return '0' + (r-z)%10
	}, s)
}

// Datetime parses an ISO 8601 date and time as Django's parse_datetime:
// ok is false when s is not in that form, err is set when it is but names
// an impossible date or time.
//
// Like parse_datetime it first tries Python's datetime.fromisoformat,
// which also reads a date alone (midnight), an hour alone, the basic
// format ("20240102T1000"), any separator character, ISO week dates
// ("2024-W01-1T10:00"), any number of fraction digits and offsets with
// seconds ("+05:30:15"); only when that fails does it try Django's own
// pattern. A naive result is in time.UTC; an aware one has a zone of its
// own, even at offset zero, so that it still reads as aware. Go zones
// hold whole seconds: an offset with a fraction of a second (Python
// accepts "+05:30:15.5") is floored to the second, as Python's
// utcoffset() // timedelta(seconds=1) would.
func Datetime(s string) (t time.Time, ok bool, err error) {
	if t, ok := fromISOFormat(s); ok {
		return t, true, nil
	}
	return regexDatetime(s)
}

// regexDatetime is the second half of parse_datetime: Django's pattern,
// tried when datetime.fromisoformat raises ValueError.
func regexDatetime(s string) (t time.Time, ok bool, err error) {
	m := match(datetimeRE(), s)
	if m == nil {
		return time.Time{}, false, nil
	}
	n := func(i int) int {
		v, _ := strconv.Atoi(m[i])
		return v
	}
	year, month, day, hour, minute := n(1), n(2), n(3), n(4), n(5)
	second := 0
	if m[6] != "" {
		second = n(6)
	}
	micro := 0
	if m[7] != "" {
		micro, _ = strconv.Atoi((m[7] + "000000")[:6])
	}
	// A naive time is UTC; an aware one gets a zone of its own, even at
	// offset zero, so that it still reads as aware (Python's "+00:00").
	loc := time.UTC
	if m[8] == "Z" {
		loc = time.FixedZone("", 0)
	}
	if tz := m[8]; tz != "" && tz != "Z" {
		tz = strings.ReplaceAll(tz, ":", "")
		h, _ := strconv.Atoi(tz[1:3])
		mins := 0
		if len(tz) > 3 {
			mins, _ = strconv.Atoi(tz[3:])
		}
		off := h*3600 + mins*60
		if tz[0] == '-' {
			off = -off
		}
		// Python's timezone() takes offsets strictly within a day.
		if off <= -86400 || off >= 86400 {
			return time.Time{}, true, fmt.Errorf("dateparse: %q has an offset of a day or more", s)
		}
		loc = time.FixedZone("", off)
	}
	if year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59 {
		return time.Time{}, true, fmt.Errorf("dateparse: %q is not a valid date and time", s)
	}
	return time.Date(year, time.Month(month), day, hour, minute, second, micro*1000, loc), true, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

var (
	standardWithHours = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:(-?\d+) (?:days?, )?)?(-?)(\d+):(\d+):(\d+)(?:[\.,](\d{1,6})\d{0,6})?$`)
	})
	standardNoHours = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:(-?\d+) (?:days?, )?)?(-?)()(?:(\d+):)?(\d+)(?:[\.,](\d{1,6})\d{0,6})?$`)
	})
	iso8601Duration = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([-+]?)P(?:(\d+(?:[\.,]\d+)?)D)?(?:T(?:(\d+(?:[\.,]\d+)?)H)?(?:(\d+(?:[\.,]\d+)?)M)?(?:(\d+(?:[\.,]\d+)?)S)?)?$`)
	})
	postgresInterval = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:(-?\d+) (?:days? ?))?(?:([-+])?(\d+):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?$`)
	})
)

// Duration parses a duration as Django's parse_duration: "3 days,
// 10:11:12", "10:11", ISO 8601 "P3DT1H" or PostgreSQL's "3 days 10:11:12".
// ok is false when s is none of those. ErrOverflow reports a duration
// Python's timedelta cannot hold (999999999 days), or time.Duration
// cannot (about 292 years).
func Duration(s string) (d time.Duration, ok bool, err error) {
	// Go's regexp has no look-ahead; the standard form's hours are
	// present exactly when two more colon-separated numbers follow.
	for _, re := range []*regexp.Regexp{standardWithHours(), standardNoHours()} {
		if m := match(re, s); m != nil {
			return combine(m[1], m[2] == "-", m[3], m[4], m[5], m[6], false)
		}
	}
	if m := match(iso8601Duration(), s); m != nil {
		return combine(m[2], m[1] == "-", m[3], m[4], m[5], "", true)
	}
	if m := match(postgresInterval(), s); m != nil {
		return combine(m[1], m[2] == "-", m[3], m[4], m[5], m[6], false)
	}
	return 0, false, nil
}

// num is Python's float(v.replace(",", ".")) of a matched group.
func num(s string) float64 {
	if s == "" {
		return 0
	}
	f, _ := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return f // ±Inf for too many digits, as Python's float gives.
}

// maxDays is Python's timedelta.max.days: Django's overflow message
// names it.
const maxDays = 999999999

var (
	usPerDay  = big.NewInt(86400e6)
	maxMicros = new(big.Int).Mul(big.NewInt(maxDays+1), usPerDay) // exclusive
	minMicros = new(big.Int).Mul(big.NewInt(-maxDays), usPerDay)  // inclusive
)

// combine is the end of parse_duration:
//
//	days = timedelta(days); if iso: days *= sign
//	return days + sign * timedelta(hours=, minutes=, seconds=, microseconds=)
func combine(days string, neg bool, hours, minutes, seconds, micro string, signDays bool) (time.Duration, bool, error) {
	if micro != "" {
		micro = (micro + "000000")[:6]
	}
	dayPart, err := timedelta([]unit{{num(days), 86400e6}})
	if err != nil {
		return 0, true, err
	}
	rest, err := timedelta([]unit{{num(micro), 1}, {num(seconds), 1e6}, {num(minutes), 60e6}, {num(hours), 3600e6}})
	if err != nil {
		return 0, true, err
	}
	if neg {
		rest.Neg(rest)
		if signDays {
			dayPart.Neg(dayPart)
		}
	}
	total := new(big.Int).Add(dayPart, rest)
	for _, v := range []*big.Int{dayPart, rest, total} {
		if v.Cmp(minMicros) < 0 || v.Cmp(maxMicros) >= 0 {
			return 0, true, ErrOverflow
		}
	}
	if !total.IsInt64() || total.Int64() > math.MaxInt64/1000 || total.Int64() < -math.MaxInt64/1000 {
		return 0, true, ErrOverflow
	}
	return time.Duration(total.Int64()) * time.Microsecond, true, nil
}

// unit is one keyword argument of timedelta(): a value and its size in µs.
type unit struct {
	v      float64
	micros float64
}

// timedelta computes timedelta(**kw) in microseconds as CPython does:
// whole parts exactly, fractional parts in float arithmetic, their sum
// rounded half to even at the end.
func timedelta(units []unit) (*big.Int, error) {
	x := new(big.Int)
	leftover := 0.0
	for _, u := range units {
		if u.v == 0 {
			continue
		}
		if math.IsInf(u.v, 0) || math.IsNaN(u.v) {
			return nil, ErrOverflow // Python: cannot convert float infinity to integer
		}
		ip, frac := math.Modf(u.v)
		whole, _ := new(big.Float).SetFloat64(ip).Int(nil)
		x.Add(x, whole.Mul(whole, big.NewInt(int64(u.micros))))
		if frac == 0 {
			continue
		}
		ip, frac = math.Modf(u.micros * frac)
		x.Add(x, big.NewInt(int64(ip)))
		leftover += frac
	}
	if leftover != 0 {
		whole := math.Round(leftover)
		if math.Abs(whole-leftover) == 0.5 {
			odd := float64(x.Bit(0))
			whole = 2*math.Round((leftover+odd)*0.5) - odd
		}
		x.Add(x, big.NewInt(int64(whole)))
	}
	if x.Cmp(minMicros) < 0 || x.Cmp(maxMicros) >= 0 {
		return nil, ErrOverflow
	}
	return x, nil
}

// DurationString writes d as Django's duration_string: "[D ]HH:MM:SS[.ffffff]",
// days floored as Python's timedelta does.
func DurationString(d time.Duration) string {
	us := d.Microseconds()
	days := floorDiv(us, 86400e6)
	rem := us - days*86400e6
	secs := rem / 1e6
	micro := rem % 1e6
	minutes := secs / 60
	secs %= 60
	hours := minutes / 60
	minutes %= 60
	s := fmt.Sprintf("%02d:%02d:%02d", hours, minutes, secs)
	if days != 0 {
		s = fmt.Sprintf("%d %s", days, s)
	}
	if micro != 0 {
		s += fmt.Sprintf(".%06d", micro)
	}
	return s
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
