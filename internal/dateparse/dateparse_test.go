package dateparse

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"testing"
	"time"
)

// testdata/dateparse.json holds the reference Django's answers, written
// by testdata/gen.py.
type corpus struct {
	Datetimes []struct {
		In        string          `json:"in"`
		Regex     json.RawMessage `json:"regex"`     // parse_datetime without fromisoformat
		ISOFormat json.RawMessage `json:"isoformat"` // datetime.fromisoformat alone
		Django    json.RawMessage `json:"django"`    // parse_datetime itself
	} `json:"datetimes"`
	Durations []struct {
		In     string  `json:"in"`
		Result *string `json:"result"` // µs, "overflow", or null for no match
		String string  `json:"string"`
	} `json:"durations"`
	DurationStrings []struct {
		Us     int64  `json:"us"`
		String string `json:"string"`
	} `json:"duration_strings"`
}

type pyDatetime struct {
	Wall     string `json:"wall"`
	Offset   *int   `json:"offset"`    // utcoffset() // timedelta(seconds=1)
	OffsetUS *int64 `json:"offset_us"` // utcoffset() // timedelta(microseconds=1)
}

func load(t *testing.T) corpus {
	t.Helper()
	raw, err := os.ReadFile("testdata/dateparse.json")
	if err != nil {
		t.Fatal(err)
	}
	var c corpus
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Datetimes) < 150 || len(c.Durations) < 150 {
		t.Fatalf("corpus too small: %d datetimes, %d durations", len(c.Datetimes), len(c.Durations))
	}
	return c
}

// checkDatetime compares a parse with Python's answer: null for no
// match, "error" for ValueError, else the wall time and offset.
func checkDatetime(t *testing.T, name, in string, py json.RawMessage, got time.Time, ok bool, err error) {
	t.Helper()
	switch string(py) {
	case "null":
		if ok || err != nil {
			t.Errorf("%s(%q) = %v, %v, %v; Python does not match", name, in, got, ok, err)
		}
		return
	case `"error"`:
		if !ok || err == nil {
			t.Errorf("%s(%q) = %v, %v, %v; Python raises ValueError", name, in, got, ok, err)
		}
		return
	}
	var want pyDatetime
	if err := json.Unmarshal(py, &want); err != nil {
		t.Fatal(err)
	}
	if !ok || err != nil {
		t.Errorf("%s(%q) = %v, %v; Python says %s", name, in, ok, err, want.Wall)
		return
	}
	if wall := got.Format("2006-01-02T15:04:05.000000"); wall != want.Wall {
		t.Errorf("%s(%q) = %s, Python says %s", name, in, wall, want.Wall)
	}
	naive := got.Location() == time.UTC
	if want.Offset == nil {
		if !naive {
			t.Errorf("%s(%q) is aware (%v), Python's is naive", name, in, got.Location())
		}
		return
	}
	if _, off := got.Zone(); naive || off != *want.Offset {
		t.Errorf("%s(%q) offset %d (naive %v), Python says %d", name, in, off, naive, *want.Offset)
	}
}

func TestDatetime(t *testing.T) {
	for _, tc := range load(t).Datetimes {
		got, ok, err := Datetime(tc.In)
		checkDatetime(t, "Datetime", tc.In, tc.Django, got, ok, err)
	}
}

func TestRegexDatetime(t *testing.T) {
	for _, tc := range load(t).Datetimes {
		got, ok, err := regexDatetime(tc.In)
		checkDatetime(t, "regexDatetime", tc.In, tc.Regex, got, ok, err)
	}
}

func TestFromISOFormat(t *testing.T) {
	parsed := 0
	for _, tc := range load(t).Datetimes {
		got, ok := fromISOFormat(tc.In)
		// fromisoformat raises ValueError or returns: ok false is "error".
		var err error
		if !ok {
			err = errors.New("ValueError")
		} else {
			parsed++
		}
		checkDatetime(t, "fromISOFormat", tc.In, tc.ISOFormat, got, true, err)
	}
	if parsed < 200 {
		t.Errorf("fromisoformat read only %d corpus inputs; the corpus lost its ISO cases", parsed)
	}
}

// TestDatetimeISOFormat pins the one way Datetime differs from Django's
// parse_datetime: Go zones hold whole seconds, so an offset with a
// fraction of a second, which fromisoformat accepts, is floored (as the
// corpus's offset, utcoffset() // timedelta(seconds=1), is, so
// TestDatetime passes on them). Every other input where parse_datetime
// differs from its regex half must be read as parse_datetime reads it.
func TestDatetimeISOFormat(t *testing.T) {
	subSecond, isoOnly := 0, 0
	for _, tc := range load(t).Datetimes {
		if string(tc.Regex) != string(tc.Django) {
			isoOnly++
		}
		var want pyDatetime
		if json.Unmarshal(tc.Django, &want) != nil || want.OffsetUS == nil || *want.OffsetUS%1e6 == 0 {
			continue
		}
		subSecond++
		got, ok, err := Datetime(tc.In)
		if !ok || err != nil {
			t.Errorf("Datetime(%q) = %v, %v; Django reads it", tc.In, ok, err)
			continue
		}
		_, off := got.Zone()
		if floor := floorDiv(*want.OffsetUS, 1e6); int64(off) != floor {
			t.Errorf("Datetime(%q) offset %ds, want Django's %dµs floored to %ds", tc.In, off, *want.OffsetUS, floor)
		}
	}
	if subSecond == 0 || isoOnly < 100 {
		t.Errorf("corpus has %d sub-second offsets and %d inputs only fromisoformat reads; gen.py lost its cases", subSecond, isoOnly)
	}
}

func ExampleDatetime() {
	for _, s := range []string{"2024-01-02", "2024-W01-2T10:30+05:30", "2024-01-02 10:30:00.5Z", "2024-02-30T10:00"} {
		t, ok, err := Datetime(s)
		fmt.Println(t, ok, err)
	}
	// Output:
	// 2024-01-02 00:00:00 +0000 UTC true <nil>
	// 2024-01-02 10:30:00 +0530 +0530 true <nil>
	// 2024-01-02 10:30:00.5 +0000 +0000 true <nil>
	// 0001-01-01 00:00:00 +0000 UTC true dateparse: "2024-02-30T10:00" is not a valid date and time
}

// goMaxMicros is the largest duration time.Duration holds, in µs.
const goMaxMicros = math.MaxInt64 / 1000

func TestDuration(t *testing.T) {
	for _, tc := range load(t).Durations {
		got, ok, err := Duration(tc.In)
		if tc.Result == nil {
			if ok || err != nil {
				t.Errorf("Duration(%q) = %v, %v, %v; Django does not match it", tc.In, got, ok, err)
			}
			continue
		}
		if *tc.Result == "overflow" {
			if !ok || !errors.Is(err, ErrOverflow) {
				t.Errorf("Duration(%q) = %v, %v, %v; Django raises OverflowError", tc.In, got, ok, err)
			}
			continue
		}
		us, _ := new(big.Int).SetString(*tc.Result, 10)
		if !us.IsInt64() || us.Int64() > goMaxMicros || us.Int64() < -goMaxMicros {
			// Python's timedelta reaches 999999999 days, time.Duration
			// about 292 years.
			if !errors.Is(err, ErrOverflow) {
				t.Errorf("Duration(%q) = %v, %v; want ErrOverflow beyond time.Duration's range", tc.In, got, err)
			}
			continue
		}
		if !ok || err != nil {
			t.Errorf("Duration(%q): %v, %v; Django says %sµs", tc.In, ok, err, *tc.Result)
			continue
		}
		if got.Microseconds() != us.Int64() {
			t.Errorf("Duration(%q) = %dµs, Django says %sµs", tc.In, got.Microseconds(), *tc.Result)
		}
		if s := DurationString(got); s != tc.String {
			t.Errorf("DurationString(Duration(%q)) = %q, Django says %q", tc.In, s, tc.String)
		}
	}
}

func TestDurationString(t *testing.T) {
	for _, tc := range load(t).DurationStrings {
		if got := DurationString(time.Duration(tc.Us) * time.Microsecond); got != tc.String {
			t.Errorf("DurationString(%dµs) = %q, Django says %q", tc.Us, got, tc.String)
		}
	}
}

func ExampleDuration() {
	d, ok, err := Duration("1 day, 10:11:12.5")
	fmt.Println(d, ok, err)
	fmt.Println(DurationString(-time.Second))
	// Output:
	// 34h11m12.5s true <nil>
	// -1 23:59:59
}
