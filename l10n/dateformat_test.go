package l10n

import (
	"testing"
	"time"
)

// Each want is what the reference Django printed (probe_theme_dates_en
// in testdata/cases-extra).
func TestFormatDate(t *testing.T) {
	dt := time.Date(2006, 10, 5, 14, 30, 59, 0, time.FixedZone("naive", 0))
	am := time.Date(2021, 1, 11, 9, 5, 0, 0, time.FixedZone("naive", 0))
	day := time.Date(2022, 8, 3, 0, 0, 0, 0, time.UTC)
	noon := time.Date(0, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		t      time.Time
		format string
		want   string
	}{
		{day, English().DateFormat, "Aug. 3, 2022"},
		{dt, English().DateTimeFormat, "Oct. 5, 2006, 2:30 p.m."},
		{noon, English().TimeFormat, "noon"},
		{dt, `D, d M Y H:i:s \a\t jS F, N, E, l, b, n/j/y, w W z t L o`, "Thu, 05 Oct 2006 14:30:59 at 5th October, Oct., October, Thursday, oct, 10/5/06, 4 40 278 31 False 2006"},
		{am, "g:i a A P f h G u c", "9:05 a.m. AM 9:05 a.m. 9:05 09 9 000000 2021-01-11T09:05:00"},
		{am, English().ShortDateTimeFormat, "01/11/2021 9:05 a.m."},
	}
	for _, tt := range tests {
		got, err := FormatDate(tt.t, KindOf(tt.t), tt.format, nil)
		if err != nil || got != tt.want {
			t.Errorf("FormatDate(%v, %q) = %q, %v; want %q", tt.t, tt.format, got, err, tt.want)
		}
	}
	// A date has no time, a time of day no date.
	if _, err := FormatDate(day, Date, "H", nil); err == nil {
		t.Error("a time-related character in a date's format: want an error")
	}
	if _, err := FormatDate(noon, TimeOfDay, "Y", nil); err == nil {
		t.Error("a date-related character in a time's format: want an error")
	}
}

// words translates by a table, as a catalog does, and gives back what it
// does not know.
type words map[string]string

func (w words) Translate(m string) string {
	if s, ok := w[m]; ok {
		return s
	}
	return m
}

func TestFormatDateWords(t *testing.T) {
	day := time.Date(2022, 8, 3, 0, 0, 0, 0, time.UTC)
	w := words{"alt. month\x04August": "sierpnia", "August": "Sierpień"}
	got, err := FormatDate(day, Date, "j E Y|F|N", w)
	if want := "3 sierpnia 2022|Sierpień|Aug."; err != nil || got != want {
		t.Errorf("got %q, %v; want %q (a word the translator lacks in English)", got, err, want)
	}
}
