package pyfmt

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// testdata/pyfmt.json holds Python's answers, written by testdata/gen.py.
type corpus struct {
	Floats []struct {
		In   string `json:"in"` // float.hex()
		Repr string `json:"repr"`
	} `json:"floats"`
	Decimals []struct {
		In   string `json:"in"`
		Str  string `json:"str"`
		Repr string `json:"repr"`
	} `json:"decimals"`
	Durations []struct {
		Us   int64  `json:"us"`
		Str  string `json:"str"`
		Repr string `json:"repr"`
	} `json:"durations"`
	Strings []struct {
		In   string `json:"in"`
		Repr string `json:"repr"`
	} `json:"strings"`
	Times []struct {
		Kind string `json:"kind"`
		In   string `json:"in"`
		Str  string `json:"str"`
		Repr string `json:"repr"`
	} `json:"times"`
	Interpolate struct {
		Params map[string]any    `json:"params"`
		Kinds  map[string]string `json:"kinds"`
		Cases  []struct {
			Format string `json:"format"`
			Out    string `json:"out"`
			Error  string `json:"error"`
		} `json:"cases"`
	} `json:"interpolate"`
}

func load(t *testing.T) corpus {
	t.Helper()
	raw, err := os.ReadFile("testdata/pyfmt.json")
	if err != nil {
		t.Fatal(err)
	}
	var c corpus
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFloatRepr(t *testing.T) {
	c := load(t)
	if len(c.Floats) < 300 {
		t.Fatalf("only %d float cases", len(c.Floats))
	}
	for _, tc := range c.Floats {
		f, err := strconv.ParseFloat(tc.In, 64)
		if err != nil {
			t.Fatalf("bad hex float %q: %v", tc.In, err)
		}
		if got := FloatRepr(f); got != tc.Repr {
			t.Errorf("FloatRepr(%s) = %q, Python says %q", tc.In, got, tc.Repr)
		}
		if got := Str(f); got != tc.Repr {
			t.Errorf("Str(%s) = %q, want %q", tc.In, got, tc.Repr)
		}
	}
}

// negativeZero lists inputs shopspring/decimal cannot represent: it has no
// negative zero, so Python's "-0" prints as "0".
var negativeZero = map[string]bool{"-0": true, "-0E-3": true}

func TestDecimalStr(t *testing.T) {
	for _, tc := range load(t).Decimals {
		d, err := decimal.NewFromString(strings.ReplaceAll(tc.In, "_", ""))
		if err != nil {
			t.Fatalf("decimal.NewFromString(%q): %v", tc.In, err)
		}
		want, wantRepr := tc.Str, tc.Repr
		if negativeZero[tc.In] {
			want = strings.TrimPrefix(want, "-")
			wantRepr = strings.Replace(wantRepr, "'-", "'", 1)
		}
		if got := DecimalStr(d); got != want {
			t.Errorf("DecimalStr(%q) = %q, Python says %q", tc.In, got, want)
		}
		if got := Repr(d); got != wantRepr {
			t.Errorf("Repr(%q) = %q, Python says %q", tc.In, got, wantRepr)
		}
		if got := Str(&d); got != want {
			t.Errorf("Str(&%q) = %q, want %q", tc.In, got, want)
		}
	}
}

func TestDurationStr(t *testing.T) {
	for _, tc := range load(t).Durations {
		d := time.Duration(tc.Us) * time.Microsecond
		if got := DurationStr(d); got != tc.Str {
			t.Errorf("DurationStr(%dµs) = %q, Python says %q", tc.Us, got, tc.Str)
		}
		if got := Repr(d); got != tc.Repr {
			t.Errorf("Repr(%dµs) = %q, Python says %q", tc.Us, got, tc.Repr)
		}
	}
}

func TestRepr(t *testing.T) {
	for _, tc := range load(t).Strings {
		if got := Repr(tc.In); got != tc.Repr {
			t.Errorf("Repr(%q) = %s, Python says %s", tc.In, got, tc.Repr)
		}
	}
}

func TestTimeStr(t *testing.T) {
	for _, tc := range load(t).Times {
		var tm time.Time
		var err error
		switch tc.Kind {
		case "time":
			tm, err = time.Parse("15:04:05.000000", tc.In)
		case "date":
			tm, err = time.Parse("2006-01-02", tc.In)
		default:
			// A datetime is naive: in a zone of its own, never UTC,
			// where midnight would be a date (l10n.KindOf).
			tm, err = time.ParseInLocation("2006-01-02T15:04:05.000000", tc.In, time.FixedZone("naive", 0))
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := TimeStr(tm); got != tc.Str {
			t.Errorf("TimeStr(%s %s) = %q, Python says %q", tc.Kind, tc.In, got, tc.Str)
		}
		if got := Repr(tm); got != tc.Repr {
			t.Errorf("Repr(%s %s) = %q, Python says %q", tc.Kind, tc.In, got, tc.Repr)
		}
	}
}

// interpolateErrors is what Interpolate writes where Python raises: it
// leaves the directive as written rather than fail.
var interpolateErrors = map[string]string{
	"Ensure %(limit_value)s": "Ensure %(limit_value)s",
	"x%":                     "x%",
}

func TestInterpolate(t *testing.T) {
	c := load(t).Interpolate
	params := map[string]any{}
	for k, v := range c.Params {
		switch c.Kinds[k] {
		case "int":
			if s, ok := v.(string); ok {
				b, _ := new(big.Int).SetString(s, 10)
				params[k] = b
			} else {
				params[k] = int(v.(float64))
			}
		case "Decimal":
			params[k] = decimal.RequireFromString(v.(string))
		default: // str, float, bool, NoneType decode as themselves
			params[k] = v
		}
	}
	for _, tc := range c.Cases {
		want := tc.Out
		if tc.Error != "" {
			var ok bool
			if want, ok = interpolateErrors[tc.Format]; !ok {
				t.Fatalf("no expectation for %q, which Python rejects with %s", tc.Format, tc.Error)
			}
		}
		if got := Interpolate(tc.Format, params); got != want {
			t.Errorf("Interpolate(%q) = %q, want %q", tc.Format, got, want)
		}
	}
}

func TestStr(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{nil, "None"},
		{true, "True"},
		{false, "False"},
		{int8(-3), "-3"},
		{uint64(18446744073709551615), "18446744073709551615"},
		{float32(0.1), "0.10000000149011612"},
		{[]any{"a", 1, nil, 2.0}, "['a', 1, None, 2.0]"},
		{[]string{"it's", "b"}, `["it's", 'b']`},
		{(*decimal.Decimal)(nil), "None"},
		{fmt.Errorf("boom"), "boom"},
		{time.Duration(0), "0:00:00"},
	}
	for _, tt := range tests {
		if got := Str(tt.in); got != tt.want {
			t.Errorf("Str(%#v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleInterpolate() {
	fmt.Println(Interpolate("Ensure this value has at most %(max)d characters (it has %(len)d).",
		map[string]any{"max": 5, "len": 7}))
	fmt.Println(Str(decimal.RequireFromString("1E+3")), FloatRepr(1e16), DurationStr(-time.Second))
	// Output:
	// Ensure this value has at most 5 characters (it has 7).
	// 1E+3 1e+16 -1 day, 23:59:59
}

// TestJSONQuote checks strings against what Python's json.dumps wrote
// for them.
func TestJSONQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", `"plain"`},
		{`quote " and \\ back`, `"quote \" and \\\\ back"`},
		{"tab\tnl\nret\rbs\bff\f", `"tab\tnl\nret\rbs\bff\f"`},
		{"é ü ☃", `"\u00e9 \u00fc \u2603"`},
		{"\x00\x1f\x7f", `"\u0000\u001f\u007f"`},
		{"😀 astral", `"\ud83d\ude00 astral"`},
		{"<a href='x'>&</a>", `"<a href='x'>&</a>"`},
	} {
		if got := JSONQuote(tc.in); got != tc.want {
			t.Errorf("JSONQuote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestWrap checks Wrap against what Django 4.2's wrap() returned.
func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"Your name", 4, "Your\nname"},
		{"Joel is a slug", 4, "Joel\nis a\nslug"},
		{"a  b   c", 1, "a\nb\nc"},
		{"  lead space here", 5, "lead\nspace\nhere"},
		{"long-hyphenated-word ok", 5, "long-hyphenated-word\nok"},
		{"tab\there x", 6, "tab\nhere x"},
		{"line one\nline two two\n", 5, "line\none\nline\ntwo\ntwo\n"},
		{"   ", 2, "   "},
		{"x\r\ny z", 1, "x\ny\nz"},
		{"abcdefgh", 3, "abcdefgh"},
		{"a b c d e f", 3, "a b\nc d\ne f"},
		{"Ünïcode wörds hère", 6, "Ünïcode\nwörds\nhère"},
	} {
		if got, err := Wrap(tc.in, tc.width); err != nil || got != tc.want {
			t.Errorf("Wrap(%q, %d) = %q, %v; want %q", tc.in, tc.width, got, err, tc.want)
		}
	}
	if _, err := Wrap("x", 0); err == nil {
		t.Error("Wrap(x, 0): no error, want Python's ValueError")
	}
}

// TestNumberText checks the text Django's localize() starts from, as a
// template printed these numbers.
func TestNumberText(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{1e16, "10000000000000000"},
		{1.5, "1.5"},
		{1e-5, "0.00001"},
		{1e300, "1e+300"},
		{decimal.RequireFromString("1.50"), "1.50"},
		{decimal.RequireFromString("1E+2"), "100"},
		{decimal.RequireFromString("-0.000001"), "-0.000001"},
		{decimal.RequireFromString("1234567.5"), "1234567.5"},
	} {
		if got := NumberText(tc.in); got != tc.want {
			t.Errorf("NumberText(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
