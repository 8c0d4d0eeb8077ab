package timefmt

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

// testdata/strtime.json holds Python's answers, written by
// widgets/testdata/gen.py.
type corpus struct {
	Strptime []struct {
		Layout string  `json:"layout"`
		Text   string  `json:"text"`
		Time   *string `json:"time"`
	} `json:"strptime"`
	Strftime []struct {
		Layout string `json:"layout"`
		Time   string `json:"time"`
		Text   string `json:"text"`
	} `json:"strftime"`
}

func load(t *testing.T) corpus {
	t.Helper()
	raw, err := os.ReadFile("testdata/strtime.json")
	if err != nil {
		t.Fatal(err)
	}
	var c corpus
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

const iso = "2006-01-02T15:04:05.999999"

func TestParseMatchesPython(t *testing.T) {
	c := load(t)
	if len(c.Strptime) == 0 {
		t.Fatal("no cases")
	}
	for _, tc := range c.Strptime {
		got, err := Parse(tc.Layout, tc.Text)
		switch {
		case tc.Time == nil && err == nil:
			t.Errorf("Parse(%q, %q) = %v, want an error", tc.Layout, tc.Text, got)
		case tc.Time != nil && err != nil:
			t.Errorf("Parse(%q, %q): %v, want %s", tc.Layout, tc.Text, err, *tc.Time)
		case tc.Time != nil:
			if s := isoformat(got); s != *tc.Time {
				t.Errorf("Parse(%q, %q) = %s, want %s", tc.Layout, tc.Text, s, *tc.Time)
			}
		}
	}
}

// isoformat is Python's datetime.isoformat().
func isoformat(t time.Time) string {
	if t.Nanosecond() == 0 {
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format("2006-01-02T15:04:05.000000")
}

func TestFormatMatchesPython(t *testing.T) {
	for _, tc := range load(t).Strftime {
		tm, err := time.Parse(iso, tc.Time)
		if err != nil {
			t.Fatal(err)
		}
		if got := Format(tm, tc.Layout); got != tc.Text {
			t.Errorf("Format(%s, %q) = %q, want %q", tc.Time, tc.Layout, got, tc.Text)
		}
	}
}

func TestParseBadLayout(t *testing.T) {
	for _, layout := range []string{"%Q", "%Y %Y", "%"} {
		if _, err := Parse(layout, "x"); err == nil {
			t.Errorf("Parse(%q) gave no error", layout)
		}
	}
}

func TestDefaultFormatsParse(t *testing.T) {
	// Every default format reads back what Format writes with it.
	tm := time.Date(2006, 10, 25, 14, 30, 59, 200000, time.UTC)
	for _, list := range [][]string{DateInputFormats, DateTimeInputFormats, TimeInputFormats} {
		for _, layout := range list {
			s := Format(tm, layout)
			if _, err := Parse(layout, s); err != nil {
				t.Errorf("Parse(%q, %q): %v", layout, s, err)
			}
		}
	}
}

func ExampleParse() {
	t, err := Parse("%b %d, %Y", "OCT 5, 2006")
	fmt.Println(t.Format("2006-01-02"), err)
	// Output: 2006-10-05 <nil>
}

func ExampleFormat() {
	t := time.Date(2006, 10, 25, 14, 30, 59, 0, time.UTC)
	fmt.Println(Format(t, DateTimeInputFormats[0]))
	// Output: 2006-10-25 14:30:59
}
