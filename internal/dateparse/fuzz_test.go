package dateparse

// Fuzz target of date, time and duration parsing. Run it with
//
//	go test -run='^$' -fuzz=FuzzParse -fuzztime=60s ./internal/dateparse

import (
	"testing"
	"time"

	"github.com/formwork/formwork/internal/timefmt"
)

// FuzzParse reads any string as Django's parse_datetime and
// parse_duration and through strptime with a fuzzed format: nothing
// panics; a datetime read is within Python's years 1 to 9999; a
// duration read writes back (DurationString) to a string that reads as
// the same duration; a time timefmt.Parse reads formats again with the
// same layout.
func FuzzParse(f *testing.F) {
	f.Add("2024-02-29T10:00:00.123456+05:30", "%Y-%m-%d %H:%M:%S")
	f.Add("2024-W01-1T10", "%d/%m/%Y")
	f.Add("20240102T1000Z", "%Y%m%dT%H%M")
	f.Add("-1 00:00:00.000001", "%H:%M")
	f.Add("P1DT2H3M4.5S", "%b %d %Y")
	f.Add("999999999 23:59:59.999999", "%%%Y")
	f.Add("-P1D", "%Y-%m-%d")
	f.Add("3 days 04:05:06", "%I:%M %p")
	f.Add("1e309 00:00", "%j")
	f.Add("２０２４-０１-０２", "%y")
	f.Fuzz(func(t *testing.T, s, layout string) {
		if len(s) > 256 || len(layout) > 64 {
			return
		}
		if dt, ok, err := Datetime(s); ok && err == nil {
			// The wall clock read, in its own zone.
			if y := dt.Year(); y < 1 || y > 9999 {
				t.Fatalf("Datetime(%q) = %v, outside years 1-9999", s, dt)
			}
		}
		if d, ok, err := Duration(s); ok && err == nil {
			back := DurationString(d)
			d2, ok2, err2 := Duration(back)
			if !ok2 || err2 != nil || d2 != d {
				t.Fatalf("Duration(%q) = %v, written %q, read back %v, %v, %v", s, d, back, d2, ok2, err2)
			}
		}
		if tm, err := timefmt.Parse(layout, s); err == nil {
			_ = timefmt.Format(tm, layout)
			_ = tm.Add(time.Nanosecond)
		}
	})
}
