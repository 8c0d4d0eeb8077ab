// Package l10n holds how each language writes numbers and dates: the
// formats of every language Django ships (its conf/locale/*/formats.py,
// generated into formats_django.go), and the functions Django's
// django.utils.formats builds from them — reading a localized number
// (sanitize_separators) and writing one (number_format).
//
// Forms use a language's formats while it is active (a form's
// translator is a language): localized number fields (localize=True)
// read and show numbers with its separators, and date and time fields
// read the language's input formats and date inputs show its first one.
// Formats are data: take them with For, never change them.
package l10n

import (
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

//go:generate go run ../internal/i18ngen -formats formats_django.go

// Formats are one language's formats, as Django's get_format gives them
// while the language is active: the language's formats.py, then its
// generic language's (pt for pt-br), then Django's global settings; the
// input formats end with the ISO formats Django appends.
type Formats struct {
	// Code is Django's language code ("de", "pt-br", "zh-hans").
	Code string
	// DecimalSeparator and ThousandSeparator are DECIMAL_SEPARATOR and
	// THOUSAND_SEPARATOR.
	DecimalSeparator, ThousandSeparator string
	// NumberGrouping is NUMBER_GROUPING: one number (the size of every
	// group of digits; 0 for no grouping) or, as for Hindi (3, 2, 0),
	// the size of each group from the right, a final 0 repeating the
	// one before it.
	NumberGrouping []int
	// DateInputFormats, DateTimeInputFormats and TimeInputFormats are
	// the strptime formats tried in order when a date or time is read;
	// the first one writes dates in date inputs.
	DateInputFormats, DateTimeInputFormats, TimeInputFormats []string
	// FirstDayOfWeek is FIRST_DAY_OF_WEEK: 0 for Sunday, 1 for Monday.
	FirstDayOfWeek int
	// DateFormat is DATE_FORMAT, in Django's date-filter syntax ("j. F
	// Y"); SelectDateWidget orders its selects by it, and a template
	// prints a date with it (FormatDate).
	DateFormat string
	// DateTimeFormat and TimeFormat are DATETIME_FORMAT and TIME_FORMAT,
	// with which a template prints a date and time and a time of day.
	DateTimeFormat, TimeFormat string
	// ShortDateFormat, ShortDateTimeFormat, YearMonthFormat and
	// MonthDayFormat are the other named formats of the date filter
	// (SHORT_DATE_FORMAT and so on).
	ShortDateFormat, ShortDateTimeFormat, YearMonthFormat, MonthDayFormat string
}

var byCode = sync.OnceValue(func() map[string]*Formats {
	m := make(map[string]*Formats, len(django))
	for i := range django {
		m[django[i].Code] = &django[i]
	}
	return m
})

// For returns the formats of a Django language code ("de", "pt-br"), or
// nil when Django has no such language.
func For(code string) *Formats { return byCode()[strings.ToLower(code)] }

// English returns the formats of Django's default language, en-us,
// which are en's: what forms use when no language is active.
func English() *Formats { return For("en") }

// Codes returns the codes of the languages that have formats, in
// Django's order.
func Codes() []string {
	out := make([]string, len(django))
	for i := range django {
		out[i] = django[i].Code
	}
	return out
}

// Sanitize is Django's sanitize_separators for a submitted number: the
// decimal separator, when present, becomes "."; with useThousands
// (Django's USE_THOUSAND_SEPARATOR, off by default) the thousands
// separators are dropped too, unless the separator is "." and the text
// looks like a decimal with a dot ("1.5"). A nil f is English.
func (f *Formats) Sanitize(s string, useThousands bool) string {
	if f == nil {
		f = English()
	}
	var decimals string
	hasDecimals := false
	if f.DecimalSeparator != "" && strings.Contains(s, f.DecimalSeparator) {
		s, decimals, _ = strings.Cut(s, f.DecimalSeparator)
		hasDecimals = true
	}
	if useThousands && f.ThousandSeparator != "" {
		sep := f.ThousandSeparator
		if !(sep == "." && strings.Count(s, ".") == 1 && len(s[strings.LastIndexByte(s, '.')+1:]) != 3) {
			// Django removes the separator and its NFKD form (a
			// no-break space is also a space).
			for _, r := range []string{sep, norm.NFKD.String(sep)} {
				if r != "" {
					s = strings.ReplaceAll(s, r, "")
				}
			}
		}
	}
	if hasDecimals {
		return s + "." + decimals
	}
	return s
}

// FormatNumber is Django's numberformat.format for a number already
// written in plain notation ("-1234.50"): the decimal point becomes the
// decimal separator and, with grouping (USE_THOUSAND_SEPARATOR, off by
// default), the integer digits are grouped by NumberGrouping. A nil f is
// English.
func (f *Formats) FormatNumber(plain string, grouping bool) string {
	if f == nil {
		f = English()
	}
	sign := ""
	if strings.HasPrefix(plain, "-") {
		sign, plain = "-", plain[1:]
	}
	intPart, decPart, hasDec := strings.Cut(plain, ".")
	if grouping && f.groups() {
		intPart = f.group(intPart)
	}
	if hasDec {
		return sign + intPart + f.DecimalSeparator + decPart
	}
	return sign + intPart
}

func (f *Formats) groups() bool {
	return len(f.NumberGrouping) > 0 && !(len(f.NumberGrouping) == 1 && f.NumberGrouping[0] == 0)
}

// group inserts the thousands separator into digits as Django's
// numberformat does.
func (f *Formats) group(digits string) string {
	intervals := append([]int{}, f.NumberGrouping...)
	if len(intervals) == 1 {
		intervals = append(intervals, 0)
	}
	active := intervals[0]
	intervals = intervals[1:]
	var rev []string
	cnt := 0
	for i := len(digits) - 1; i >= 0; i-- {
		if cnt != 0 && cnt == active {
			if len(intervals) > 0 {
				if intervals[0] != 0 {
					active = intervals[0]
				}
				intervals = intervals[1:]
			}
			rev = append(rev, f.ThousandSeparator)
			cnt = 0
		}
		rev = append(rev, digits[i:i+1])
		cnt++
	}
	var b strings.Builder
	for i := len(rev) - 1; i >= 0; i-- {
		b.WriteString(rev[i])
	}
	return b.String()
}
