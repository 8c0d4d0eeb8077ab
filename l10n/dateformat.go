package l10n

import (
	"strconv"
	"strings"
	"time"
)

// Words translates the words a date format prints (month and weekday
// names, a.m. and p.m., noon and midnight) into a language: an
// *i18n.Translator. A message of Django's with a context (pgettext's
// "abbrev. month" and "alt. month") is asked for as the context and the
// message joined by an EOT ("abbrev. month\x04Jan."), as gettext keys it;
// a translator that does not know it gives it back, and the English word
// is used. A nil Words is English.
type Words interface {
	Translate(message string) string
}

// Django's django.utils.dates, in English: the messages Words translates.
var (
	months = [...]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	months3 = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	// monthsAP are pgettext("abbrev. month", ...): Associated Press style.
	monthsAP = [...]string{"abbrev. month\x04Jan.", "abbrev. month\x04Feb.", "abbrev. month\x04March",
		"abbrev. month\x04April", "abbrev. month\x04May", "abbrev. month\x04June", "abbrev. month\x04July",
		"abbrev. month\x04Aug.", "abbrev. month\x04Sept.", "abbrev. month\x04Oct.", "abbrev. month\x04Nov.",
		"abbrev. month\x04Dec."}
	// monthsAlt are pgettext("alt. month", ...): the names some languages
	// decline in a date ("3 sierpnia").
	monthsAlt = [...]string{"alt. month\x04January", "alt. month\x04February", "alt. month\x04March",
		"alt. month\x04April", "alt. month\x04May", "alt. month\x04June", "alt. month\x04July",
		"alt. month\x04August", "alt. month\x04September", "alt. month\x04October",
		"alt. month\x04November", "alt. month\x04December"}
	// weekdays and weekdaysAbbr start on Monday, as Python's weekday().
	weekdays     = [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	weekdaysAbbr = [...]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
)

// word is message translated by w, the English word when w has none.
func word(w Words, message string) string {
	english := message
	if i := strings.IndexByte(message, '\x04'); i >= 0 {
		english = message[i+1:]
	}
	if w == nil {
		return english
	}
	s := w.Translate(message)
	if s == message || s == "" {
		return english
	}
	return s
}

// DateKind is what a time.Time holds for Django's formatting: a date, a
// date and time, or a time of day (a date format may not print the time
// of a date, nor a time format the date of a time).
type DateKind int

const (
	DateTime  DateKind = iota // a date and time
	Date                      // a date, at midnight
	TimeOfDay                 // a time of day
)

// FormatDate is Django's dateformat.format (the date filter) of t in
// the format's syntax: each of aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ
// is replaced by its part of t, a backslash escapes the character after
// it, and the words are translated by w. t is naive: the time zone parts
// (e, I, O, T, Z) print nothing, and r and U read t in its own location.
// For a Date, a time-related character is an error, as in Django; for a
// TimeOfDay, a date-related one (Django's time_format).
func FormatDate(t time.Time, kind DateKind, format string, w Words) (string, error) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '\\' {
			if i+1 < len(format) {
				i++
				b.WriteByte(format[i])
			}
			continue
		}
		if !strings.ContainsRune(formatChars, rune(c)) {
			b.WriteByte(c)
			continue
		}
		timeChar := strings.ContainsRune(timeChars, rune(c))
		if kind == Date && timeChar {
			return "", &FormatError{Char: c, Date: true}
		}
		if kind == TimeOfDay && !timeChar {
			return "", &FormatError{Char: c}
		}
		b.WriteString(part(t, c, w))
	}
	return b.String(), nil
}

// formatChars are the characters a date format replaces; timeChars those
// of them a time of day has (Django's TimeFormat).
const (
	formatChars = "aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ"
	timeChars   = "aAefgGhHiOPsTuZ"
)

// A FormatError reports a format character for a part the value does
// not have: a time of a date, or a date of a time of day.
type FormatError struct {
	Char byte
	Date bool
}

func (e *FormatError) Error() string {
	if e.Date {
		return "The format for date objects may not contain time-related format specifiers (found '" + string(e.Char) + "')."
	}
	return "l10n: the format for a time of day may not contain date-related format specifiers (found '" + string(e.Char) + "')"
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func hour12(t time.Time) int {
	if h := t.Hour() % 12; h != 0 {
		return h
	}
	return 12
}

// part is one format character's text of t.
func part(t time.Time, c byte, w Words) string {
	switch c {
	case 'a':
		if t.Hour() > 11 {
			return word(w, "p.m.")
		}
		return word(w, "a.m.")
	case 'A':
		if t.Hour() > 11 {
			return word(w, "PM")
		}
		return word(w, "AM")
	case 'e', 'I', 'O', 'T', 'Z':
		return "" // naive: no time zone
	case 'f':
		if t.Minute() == 0 {
			return strconv.Itoa(hour12(t))
		}
		return strconv.Itoa(hour12(t)) + ":" + pad(t.Minute(), 2)
	case 'g':
		return strconv.Itoa(hour12(t))
	case 'G':
		return strconv.Itoa(t.Hour())
	case 'h':
		return pad(hour12(t), 2)
	case 'H':
		return pad(t.Hour(), 2)
	case 'i':
		return pad(t.Minute(), 2)
	case 'P':
		switch {
		case t.Minute() == 0 && t.Hour() == 0:
			return word(w, "midnight")
		case t.Minute() == 0 && t.Hour() == 12:
			return word(w, "noon")
		}
		return part(t, 'f', w) + " " + part(t, 'a', w)
	case 's':
		return pad(t.Second(), 2)
	case 'u':
		return pad(t.Nanosecond()/1000, 6)
	case 'b':
		return word(w, months3[t.Month()-1])
	case 'c':
		return isoFormat(t)
	case 'd':
		return pad(t.Day(), 2)
	case 'D':
		return word(w, weekdaysAbbr[(int(t.Weekday())+6)%7])
	case 'E':
		return word(w, monthsAlt[t.Month()-1])
	case 'F':
		return word(w, months[t.Month()-1])
	case 'j':
		return strconv.Itoa(t.Day())
	case 'l':
		return word(w, weekdays[(int(t.Weekday())+6)%7])
	case 'L':
		y := t.Year()
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return "True"
		}
		return "False"
	case 'm':
		return pad(int(t.Month()), 2)
	case 'M':
		return title(word(w, months3[t.Month()-1]))
	case 'n':
		return strconv.Itoa(int(t.Month()))
	case 'N':
		return word(w, monthsAP[t.Month()-1])
	case 'o':
		y, _ := t.ISOWeek()
		return strconv.Itoa(y)
	case 'r':
		return t.Format("Mon, 02 Jan 2006 15:04:05 -0700")
	case 'S':
		switch d := t.Day(); {
		case d == 11 || d == 12 || d == 13:
			return "th"
		case d%10 == 1:
			return "st"
		case d%10 == 2:
			return "nd"
		case d%10 == 3:
			return "rd"
		}
		return "th"
	case 't':
		return strconv.Itoa(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
	case 'U':
		return strconv.FormatInt(t.Unix(), 10)
	case 'w':
		return strconv.Itoa(int(t.Weekday()))
	case 'W':
		_, wk := t.ISOWeek()
		return strconv.Itoa(wk)
	case 'y':
		return pad(t.Year()%100, 2)
	case 'Y':
		return pad(t.Year(), 4)
	case 'z':
		return strconv.Itoa(t.YearDay())
	}
	return string(c)
}

// isoFormat is Python's isoformat() of a naive datetime: microseconds
// only when there are any.
func isoFormat(t time.Time) string {
	s := pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2) + "-" + pad(t.Day(), 2) + "T" +
		pad(t.Hour(), 2) + ":" + pad(t.Minute(), 2) + ":" + pad(t.Second(), 2)
	if us := t.Nanosecond() / 1000; us != 0 {
		s += "." + pad(us, 6)
	}
	return s
}

// title is Python's str.title() of one word: its first letter upper
// case, the rest lower.
func title(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + strings.ToLower(s[i+len(string(r)):])
	}
	return s
}

// NamedFormat is Django's get_format for the date filter's argument: the
// language's format of that name (DATE_FORMAT, SHORT_DATE_FORMAT, ...),
// or the argument itself, a format, for any other text. A nil f is
// English.
func (f *Formats) NamedFormat(name string) string {
	if f == nil {
		f = English()
	}
	switch name {
	case "DATE_FORMAT":
		return f.DateFormat
	case "DATETIME_FORMAT":
		return f.DateTimeFormat
	case "TIME_FORMAT":
		return f.TimeFormat
	case "SHORT_DATE_FORMAT":
		return f.ShortDateFormat
	case "SHORT_DATETIME_FORMAT":
		return f.ShortDateTimeFormat
	case "YEAR_MONTH_FORMAT":
		return f.YearMonthFormat
	case "MONTH_DAY_FORMAT":
		return f.MonthDayFormat
	}
	return name
}

// KindOf is what t holds, by how formwork holds dates and times: a time
// of day is on 0000-01-01 UTC (IsTimeOfDay), a date at midnight UTC
// (IsDate), and any other time.Time is a date and time.
func KindOf(t time.Time) DateKind {
	switch {
	case IsTimeOfDay(t):
		return TimeOfDay
	case IsDate(t):
		return Date
	}
	return DateTime
}

// IsDate reports whether t is how formwork holds a date: midnight UTC.
func IsDate(t time.Time) bool {
	return t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// IsTimeOfDay reports whether t is how formwork holds a time of day: on
// 0000-01-01 UTC.
func IsTimeOfDay(t time.Time) bool {
	return t.Location() == time.UTC && t.Year() == 0 && t.YearDay() == 1
}
