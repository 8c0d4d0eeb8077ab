package dateparse

import (
	"time"
	"unicode/utf8"
)

// This file is CPython 3.11's datetime.fromisoformat, the C version in
// Modules/_datetimemodule.c that Django's parse_datetime calls. The C code
// reads the string as a NUL-terminated UTF-8 buffer and sometimes looks
// one byte past the part it is parsing; its quirks are kept, because they
// decide which strings Django accepts: "10:00x+05:00" is 10:00 at +05:00,
// "101010" followed by "55" is 10:10:10.55, and a NUL byte ends the
// string wherever the parser checks for its end.

// cbuf is a string read as the C parser reads its buffer: every byte at
// or past the end is NUL.
type cbuf string

func (b cbuf) at(i int) byte {
	if i >= 0 && i < len(b) {
		return b[i]
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits is parse_digits: n ASCII digits at p added into *v. It returns
// the position after them, or false at the first non-digit.
func (b cbuf) digits(p, n int, v *int) (int, bool) {
	for range n {
		c := b.at(p)
		if !isDigit(c) {
			return p, false
		}
		*v = *v*10 + int(c-'0')
		p++
	}
	return p, true
}

// separator is _find_isoformat_datetime_separator: where the date ends,
// decided from the characters at 4, 5, 8 and 10, or -1.
func (b cbuf) separator() int {
	n := len(b)
	if n == 7 {
		return 7
	}
	if b.at(4) == '-' {
		if b.at(5) != 'W' {
			return 10 // YYYY-MM-DD
		}
		if n < 8 {
			return -1
		}
		if n > 8 && b.at(8) == '-' {
			if n == 9 {
				return -1
			}
			// YYYY-Www-D or YYYY-Www-HH: a digit at 10 means the
			// separator is the hyphen at 8.
			if n > 10 && isDigit(b.at(10)) {
				return 8
			}
			return 10
		}
		return 8 // YYYY-Www
	}
	if b.at(4) != 'W' {
		return 8 // YYYYMMDD
	}
	// YYYYWww or YYYYWwwD: time components come in pairs, so an odd
	// number of digits after the week means a weekday digit.
	idx := 7
	for idx < n && isDigit(b.at(idx)) {
		idx++
	}
	if idx < 9 {
		return idx
	}
	if idx%2 == 0 {
		return 7
	}
	return 8
}

// date is parse_isoformat_date on the first n bytes.
func (b cbuf) date(n int) (year, month, day int, ok bool) {
	p, ok := b.digits(0, 4, &year)
	if !ok {
		return 0, 0, 0, false
	}
	sep := b.at(p) == '-'
	if sep {
		p++
	}
	if b.at(p) == 'W' {
		week, wday := 0, 0
		if p, ok = b.digits(p+1, 2, &week); !ok {
			return 0, 0, 0, false
		}
		if p < n {
			if sep {
				if b.at(p) != '-' {
					return 0, 0, 0, false
				}
				p++
			}
			if _, ok = b.digits(p, 1, &wday); !ok {
				return 0, 0, 0, false
			}
		} else {
			wday = 1
		}
		return isoToYMD(year, week, wday)
	}
	if p, ok = b.digits(p, 2, &month); !ok {
		return 0, 0, 0, false
	}
	if sep {
		if b.at(p) != '-' {
			return 0, 0, 0, false
		}
		p++
	}
	if _, ok = b.digits(p, 2, &day); !ok {
		return 0, 0, 0, false
	}
	return year, month, day, true
}

// isoToYMD is iso_to_ymd: the calendar date of an ISO year, week and
// weekday. The year may come out as 10000, which the caller rejects.
func isoToYMD(year, week, wday int) (int, int, int, bool) {
	// CPython does not check the year here, but for year 0 every week
	// lands on a month of 0 or less, which the datetime constructor
	// rejects.
	if year < 1 {
		return 0, 0, 0, false
	}
	if week <= 0 || week >= 53 {
		// Years starting on a Thursday, and leap years starting on a
		// Wednesday, have a week 53.
		jan1 := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).Weekday()
		if week != 53 || !(jan1 == time.Thursday || jan1 == time.Wednesday && daysIn(year, 2) == 29) {
			return 0, 0, 0, false
		}
	}
	if wday <= 0 || wday >= 8 {
		return 0, 0, 0, false
	}
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	d := monday.AddDate(0, 0, (week-1)*7+wday-1)
	return d.Year(), int(d.Month()), d.Day(), true
}

// clock is parse_hh_mm_ss_ff on bytes [p, end): HH[:?MM[:?SS]][{.,}f+],
// the fraction truncated to microseconds. rv is negative for a malformed
// clock, 1 when something other than NUL follows it, 0 otherwise.
func (b cbuf) clock(p, end int) (v [4]int, rv int) {
	hasSep := true
fields:
	for i := range 3 {
		var ok bool
		if p, ok = b.digits(p, 2, &v[i]); !ok {
			return v, -3
		}
		c := b.at(p)
		p++
		if i == 0 {
			hasSep = c == ':'
		}
		switch {
		case p >= end:
			if c != 0 {
				return v, 1
			}
			return v, 0
		case hasSep && c == ':':
		case c == '.' || c == ',':
			break fields
		case !hasSep:
			p--
		default:
			return v, -4
		}
	}
	n := min(end-p, 6)
	var ok bool
	if p, ok = b.digits(p, n, &v[3]); !ok {
		return v, -3
	}
	for range 6 - n {
		v[3] *= 10
	}
	for isDigit(b.at(p)) {
		p++ // digits past microseconds are dropped
	}
	if b.at(p) != 0 {
		return v, 1
	}
	return v, 0
}

// clockAndZone is parse_isoformat_time on bytes from p to the end: the
// clock, then an offset starting at the first 'Z', '+' or '-'. rv is
// negative for a malformed string, 1 when there is an offset of tzSec
// seconds and tzUS microseconds, 0 when there is none.
func (b cbuf) clockAndZone(p int) (v [4]int, tzSec, tzUS, rv int) {
	end := len(b)
	tz := p
	for {
		if c := b.at(tz); c == 'Z' || c == '+' || c == '-' {
			break
		}
		tz++
		if tz >= end {
			break
		}
	}
	v, rv = b.clock(p, tz)
	if rv < 0 {
		return v, 0, 0, rv
	}
	if tz == end {
		// No offset, so anything after the clock is an error.
		if rv == 1 {
			return v, 0, 0, -5
		}
		return v, 0, 0, 0
	}
	// A clock followed by junk is let through when an offset follows:
	// CPython ignores rv here.
	if b.at(tz) == 'Z' {
		if b.at(tz+1) != 0 {
			return v, 0, 0, -5
		}
		return v, 0, 0, 1
	}
	sign := 1
	if b.at(tz) == '-' {
		sign = -1
	}
	off, rv := b.clock(tz+1, end)
	if rv != 0 {
		return v, 0, 0, -5
	}
	return v, sign * (off[0]*3600 + off[1]*60 + off[2]), sign * off[3], 1
}

// fromISOFormat is datetime.datetime.fromisoformat(s); ok is false where
// Python raises ValueError.
func fromISOFormat(s string) (time.Time, bool) {
	// All valid strings have at least 7 characters; Python counts code
	// points, the parser below bytes.
	if utf8.RuneCountInString(s) < 7 {
		return time.Time{}, false
	}
	b := cbuf(s)
	sep := b.separator()
	if sep < 0 {
		return time.Time{}, false
	}
	year, month, day, ok := b.date(sep)
	if !ok {
		return time.Time{}, false
	}
	var clock [4]int
	tzSec, tzUS, rv := 0, 0, 0
	if len(s) > sep {
		// The separator is any one character, however many UTF-8 bytes
		// long; CPython reads the length from the lead byte.
		p := sep + 1
		switch c := b.at(sep); {
		case c&0x80 == 0:
		case c&0xf0 == 0xe0:
			p = sep + 3
		case c&0xf0 == 0xf0:
			p = sep + 4
		default:
			p = sep + 2
		}
		if p > len(s) {
			return time.Time{}, false // invalid UTF-8, which Python never holds
		}
		if clock, tzSec, tzUS, rv = b.clockAndZone(p); rv < 0 {
			return time.Time{}, false
		}
	}
	loc := time.UTC
	if rv == 1 {
		// timezone() takes offsets strictly within a day; a zero number
		// of whole seconds is timezone.utc, whatever the microseconds.
		us := int64(tzSec)*1e6 + int64(tzUS)
		if us <= -86400e6 || us >= 86400e6 {
			return time.Time{}, false
		}
		off := 0
		if tzSec != 0 {
			off = int(floorDiv(us, 1e6))
		}
		loc = time.FixedZone("", off)
	}
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) ||
		clock[0] > 23 || clock[1] > 59 || clock[2] > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, clock[0], clock[1], clock[2], clock[3]*1000, loc), true
}
