// Package timefmt formats and parses times with Python's strftime and
// strptime directives, as Django's form fields and widgets use them
// (DATE_INPUT_FORMATS and friends), in the English (C) locale.
package timefmt

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// English input formats, as Django combines the "en" locale's formats with
// the ISO formats it always accepts (django.utils.formats.get_format).
var (
	// DateInputFormats are the formats a DateField tries, in order.
	DateInputFormats = []string{
		"%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%b %d %Y", "%b %d, %Y",
		"%d %b %Y", "%d %b, %Y", "%B %d %Y", "%B %d, %Y", "%d %B %Y",
		"%d %B, %Y",
	}
	// DateTimeInputFormats are Django's DATETIME_INPUT_FORMATS; a
	// DateTimeField tries them, then DateInputFormats.
	DateTimeInputFormats = []string{
		"%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M",
		"%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S.%f", "%m/%d/%Y %H:%M",
		"%m/%d/%y %H:%M:%S", "%m/%d/%y %H:%M:%S.%f", "%m/%d/%y %H:%M",
		"%Y-%m-%d",
	}
	// TimeInputFormats are the formats a TimeField tries, in order.
	TimeInputFormats = []string{"%H:%M:%S", "%H:%M:%S.%f", "%H:%M"}
)

var (
	monthNames = []string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	dayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

// Format returns t formatted as Python's t.strftime(layout) does in the C
// locale, with years padded to four digits as Django's
// sanitize_strftime_format ensures. Unknown directives are written as
// given, as glibc does.
func Format(t time.Time, layout string) string {
	var b strings.Builder
	for i := 0; i < len(layout); i++ {
		c := layout[i]
		if c != '%' || i+1 >= len(layout) {
			b.WriteByte(c)
			continue
		}
		i++
		d := layout[i]
		pad := true
		if d == '-' && i+1 < len(layout) { // glibc: %-d is unpadded
			pad = false
			i++
			d = layout[i]
		}
		num := func(n, width int) {
			if pad {
				fmt.Fprintf(&b, "%0*d", width, n)
			} else {
				b.WriteString(strconv.Itoa(n))
			}
		}
		switch d {
		case 'Y':
			num(t.Year(), 4)
		case 'y':
			num(t.Year()%100, 2)
		case 'C':
			num(t.Year()/100, 2)
		case 'm':
			num(int(t.Month()), 2)
		case 'd':
			num(t.Day(), 2)
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'H':
			num(t.Hour(), 2)
		case 'I':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			num(h, 2)
		case 'M':
			num(t.Minute(), 2)
		case 'S':
			num(t.Second(), 2)
		case 'f':
			fmt.Fprintf(&b, "%06d", t.Nanosecond()/1000)
		case 'j':
			num(t.YearDay(), 3)
		case 'p':
			if t.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'b', 'h':
			b.WriteString(monthNames[t.Month()-1][:3])
		case 'B':
			b.WriteString(monthNames[t.Month()-1])
		case 'a':
			b.WriteString(dayNames[t.Weekday()][:3])
		case 'A':
			b.WriteString(dayNames[t.Weekday()])
		case 'w':
			b.WriteString(strconv.Itoa(int(t.Weekday())))
		case 'F':
			fmt.Fprintf(&b, "%04d-%02d-%02d", t.Year(), t.Month(), t.Day())
		case 'T':
			fmt.Fprintf(&b, "%02d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
		case 'z', 'Z':
			// Django's values are naive: Python writes nothing.
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			if !pad {
				b.WriteByte('-')
			}
			b.WriteByte(d)
		}
	}
	return b.String()
}

// The patterns of Python's _strptime.TimeRE, English locale.
var directives = map[byte]string{
	'd': `(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])`,
	'f': `(?P<f>[0-9]{1,6})`,
	'H': `(?P<H>2[0-3]|[0-1]\d|\d)`,
	'I': `(?P<I>1[0-2]|0[1-9]|[1-9])`,
	'j': `(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])`,
	'm': `(?P<m>1[0-2]|0[1-9]|[1-9])`,
	'M': `(?P<M>[0-5]\d|\d)`,
	'S': `(?P<S>6[0-1]|[0-5]\d|\d)`,
	'w': `(?P<w>[0-6])`,
	'y': `(?P<y>\d\d)`,
	'Y': `(?P<Y>\d\d\d\d)`,
	'b': `(?P<b>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
	'p': `(?P<p>am|pm)`,
	'a': `(?P<a>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)`,
	'%': `%`,
}

func init() {
	// Python orders alternatives longest first, as above; %B and %A share
	// the patterns of %b and %a under their own names.
	directives['B'] = strings.Replace(directives['b'], "?P<b>", "?P<B>", 1)
	directives['h'] = strings.Replace(directives['b'], "?P<b>", "?P<h>", 1)
	directives['A'] = strings.Replace(directives['a'], "?P<a>", "?P<A>", 1)
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*regexp.Regexp{}
)

// compile turns a strptime layout into a regular expression as Python's
// _strptime does: regex characters escaped, whitespace runs matching any
// run of whitespace, the whole match case-insensitive.
func compile(layout string) (*regexp.Regexp, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if re, ok := cache[layout]; ok {
		return re, nil
	}
	var b strings.Builder
	b.WriteString(`(?i)^`)
	seen := map[byte]bool{}
	for i := 0; i < len(layout); i++ {
		c := layout[i]
		switch {
		case c == '%':
			if i+1 >= len(layout) {
				return nil, fmt.Errorf("stray %% in format %q", layout)
			}
			i++
			d := layout[i]
			pat, ok := directives[d]
			if !ok {
				return nil, fmt.Errorf("'%c' is a bad directive in format %q", d, layout)
			}
			if d != '%' && seen[d] {
				return nil, fmt.Errorf("redefinition of group name %q in format %q", string(d), layout)
			}
			seen[d] = true
			b.WriteString(pat)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			for i+1 < len(layout) && strings.IndexByte(" \t\n\r\f\v", layout[i+1]) >= 0 {
				i++
			}
			b.WriteString(`\s+`)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("format %q: %w", layout, err)
	}
	cache[layout] = re
	return re, nil
}

// ErrNoMatch is wrapped by Parse's error when the text does not match the
// layout.
var ErrNoMatch = errors.New("does not match format")

// Parse returns the time s describes in layout, as Python's
// datetime.strptime(s, layout) does: numbers may be unpadded, month and
// day names are case-insensitive, the whole string must match, fields
// missing from the layout default to 1900-01-01 00:00:00. The result is
// in UTC.
func Parse(layout, s string) (time.Time, error) {
	re, err := compile(layout)
	if err != nil {
		return time.Time{}, err
	}
	m := re.FindStringSubmatchIndex(s)
	if m == nil || m[1] != len(s) {
		return time.Time{}, fmt.Errorf("time data %q %w %q", s, ErrNoMatch, layout)
	}
	year, month, day, hour, minute, sec, usec := 1900, 1, 1, 0, 0, 0, 0
	yday := -1
	hour12, pm, hasP, hasI := 0, false, false, false
	for i, name := range re.SubexpNames() {
		if name == "" || m[2*i] < 0 {
			continue
		}
		v := s[m[2*i]:m[2*i+1]]
		n, _ := strconv.Atoi(strings.TrimSpace(v))
		switch name {
		case "Y":
			year = n
		case "y":
			if n <= 68 {
				year = 2000 + n
			} else {
				year = 1900 + n
			}
		case "m":
			month = n
		case "b", "B", "h":
			month = monthIndex(v)
		case "d":
			day = n
		case "H":
			hour = n
		case "I":
			hour12, hasI = n, true
		case "p":
			hasP, pm = true, strings.EqualFold(v, "pm")
		case "M":
			minute = n
		case "S":
			sec = n
		case "f":
			v += strings.Repeat("0", 6-len(v))
			usec, _ = strconv.Atoi(v)
		case "j":
			yday = n
		}
	}
	if hasI {
		// Python: %I without %p is taken as AM.
		hour = hour12 % 12
		if hasP && pm {
			hour += 12
		}
	}
	if sec > 59 {
		// %S accepts 60 and 61, which datetime then rejects.
		return time.Time{}, fmt.Errorf("time data %q: second must be in 0..59", s)
	}
	if yday > 0 {
		t := time.Date(year, 1, 1, hour, minute, sec, usec*1000, time.UTC).AddDate(0, 0, yday-1)
		if t.Year() != year {
			return time.Time{}, fmt.Errorf("time data %q: day of year %d out of range", s, yday)
		}
		return t, nil
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, usec*1000, time.UTC)
	if t.Day() != day || int(t.Month()) != month || year < 1 {
		return time.Time{}, fmt.Errorf("time data %q: day is out of range for month", s)
	}
	return t, nil
}

func monthIndex(name string) int {
	for i, m := range monthNames {
		if strings.EqualFold(name, m) || strings.EqualFold(name, m[:3]) {
			return i + 1
		}
	}
	return 1
}
