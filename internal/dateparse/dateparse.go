// Package dateparse reads the date, time and duration strings Django's
// django.utils.dateparse reads, and writes durations as Django does.
package dateparse

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrOverflow reports a duration larger than Go's time.Duration holds.
var ErrOverflow = errors.New("duration out of range")

var datetimeRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[\.,](\d{1,6})\d{0,6})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$`)

// Datetime parses an ISO 8601 date and time as Django's parse_datetime:
// ok is false when s is not in that form, err is set when it is but names
// an impossible date or time.
func Datetime(s string) (t time.Time, ok bool, err error) {
	m := datetimeRE.FindStringSubmatch(s)
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
		loc = time.FixedZone("", off)
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59 {
		return time.Time{}, true, fmt.Errorf("dateparse: %q is not a valid date and time", s)
	}
	return time.Date(year, time.Month(month), day, hour, minute, second, micro*1000, loc), true, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

var (
	standardWithHours = regexp.MustCompile(`^(?:(-?\d+) (?:days?, )?)?(-?)(\d+):(\d+):(\d+)(?:[\.,](\d{1,6})\d{0,6})?$`)
	standardNoHours   = regexp.MustCompile(`^(?:(-?\d+) (?:days?, )?)?(-?)()(?:(\d+):)?(\d+)(?:[\.,](\d{1,6})\d{0,6})?$`)
	iso8601Duration   = regexp.MustCompile(`^([-+]?)P(?:(\d+(?:[\.,]\d+)?)D)?(?:T(?:(\d+(?:[\.,]\d+)?)H)?(?:(\d+(?:[\.,]\d+)?)M)?(?:(\d+(?:[\.,]\d+)?)S)?)?$`)
	postgresInterval  = regexp.MustCompile(`^(?:(-?\d+) (?:days? ?))?(?:([-+])?(\d+):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?$`)
)

// Duration parses a duration as Django's parse_duration: "3 days,
// 10:11:12", "10:11", ISO 8601 "P3DT1H" or PostgreSQL's "3 days 10:11:12".
// ok is false when s is none of those.
func Duration(s string) (d time.Duration, ok bool, err error) {
	// Go's regexp has no look-ahead; the standard form's hours are
	// present exactly when two more colon-separated numbers follow.
	for _, re := range []*regexp.Regexp{standardWithHours, standardNoHours} {
		if m := re.FindStringSubmatch(s); m != nil {
			sign := 1.0
			if m[2] == "-" {
				sign = -1
			}
			micro := ""
			if m[6] != "" {
				micro = (m[6] + "000000")[:6]
			}
			return combine(num(m[1]), sign, num(m[3]), num(m[4]), num(m[5]), num(micro), false)
		}
	}
	if m := iso8601Duration.FindStringSubmatch(s); m != nil {
		sign := 1.0
		if m[1] == "-" {
			sign = -1
		}
		return combine(num(m[2]), sign, num(m[3]), num(m[4]), num(m[5]), 0, true)
	}
	if m := postgresInterval.FindStringSubmatch(s); m != nil {
		sign := 1.0
		if m[2] == "-" {
			sign = -1
		}
		micro := ""
		if m[6] != "" {
			micro = (m[6] + "000000")[:6]
		}
		return combine(num(m[1]), sign, num(m[3]), num(m[4]), num(m[5]), num(micro), false)
	}
	return 0, false, nil
}

func num(s string) float64 {
	if s == "" {
		return 0
	}
	f, _ := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return f
}

// maxDays is Python's timedelta.max.days: Django's overflow message
// names it.
const maxDays = 999999999

func combine(days, sign, hours, minutes, seconds, micro float64, signDays bool) (time.Duration, bool, error) {
	if signDays {
		days *= sign
	}
	rest := sign * (hours*3600 + minutes*60 + seconds + micro/1e6)
	total := days*86400 + rest
	if math.Abs(days) > maxDays || math.Abs(total/86400) > maxDays {
		return 0, true, ErrOverflow
	}
	// Python rounds timedelta construction to the microsecond.
	us := math.Round(total * 1e6)
	if math.Abs(us) > float64(math.MaxInt64/1000) {
		return 0, true, ErrOverflow
	}
	return time.Duration(us) * time.Microsecond, true, nil
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
