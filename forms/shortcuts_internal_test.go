package forms

// The shortcuts taken for speed, each checked against the general code
// it stands for.

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// TestTrimTrailingDecimal checks the hand-written scan against the
// regular expression it replaces.
func TestTrimTrailingDecimal(t *testing.T) {
	re := regexp.MustCompile(`\.0*\s*$`)
	for _, s := range []string{
		"", "1", "1.", "1.0", "1.00", "1.000 ", "1.0\n", "1.0 \t\r\f", "1.01", "1.0x",
		"1..0", "1.0.0", ".", ".0", "..", "1.5.0", "10", "1.0\v", "1.0\u00a0", " 1.0 0",
	} {
		if got, want := trimTrailingDecimal(s), re.ReplaceAllString(s, ""); got != want {
			t.Errorf("trimTrailingDecimal(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestWriteInterpolated checks the escaping interpolation against
// pyfmt.Interpolate followed by escaping.
func TestWriteInterpolated(t *testing.T) {
	params := map[string]any{"value": "<x>&'\"", "n": 3, "f": 1.5, "b": true, "nil": nil, "limit_value": int64(40)}
	for _, format := range []string{
		"", "plain", "a < b & c", "%", "%%", "100%% <sure>", "50% off", "%(", "%(value", "%(value)",
		"%(value)s", "Select a valid choice. %(value)s is not one of the available choices.",
		"%(n)d items, %(n)s, %(n)r", "%(value)r", "%(f)f", "%(b)d %(b)s", "%(nil)s", "%(missing)s left",
		"%(value)q", "%(value)s%(value)s%%(value)s", "Ensure this value has at most %(limit_value)d characters (it has %(n)d).",
		"%(value)s%", "%x %(value)", "tail %(", "%%(value)s",
	} {
		var got bytes.Buffer
		writeInterpolated(&got, format, params)
		want := renderers.Escape(pyfmt.Interpolate(format, params))
		if got.String() != want {
			t.Errorf("writeInterpolated(%q) = %q, want %q", format, got.String(), want)
		}
	}
}
