package renderers

import (
	"bytes"
	"testing"
)

// TestRankOf keeps rankOf equal to attrRank, the print order of Attrs.
func TestRankOf(t *testing.T) {
	for k, want := range attrRank {
		if got := rankOf(k); got != want {
			t.Errorf("rankOf(%q) = %d, want %d", k, got, want)
		}
	}
	if got := rankOf("data-x"); got != 25 {
		t.Errorf("rankOf(unlisted) = %d, want 25", got)
	}
}

// TestAttrSetWrite checks that an AttrSet writes what WriteAttrs writes
// for the same attributes.
func TestAttrSetWrite(t *testing.T) {
	tests := []Attrs{
		nil,
		{"id": "x", "class": "a<b", "required": true, "disabled": false},
		{"type": "t", "data-b": 2, "data-a": "1", "checked": true, "lang": "en", "maxlength": 30, "step": "0.01", "aria-invalid": "true"},
	}
	for _, a := range tests {
		var want, got bytes.Buffer
		WriteAttrs(&want, a)
		var s AttrSet
		if !s.SetAll(a) {
			t.Fatal("SetAll failed")
		}
		if s.Len() > 0 {
			// The same value through SetString.
			if v, ok := a["id"].(string); ok {
				s.SetString("id", v)
			}
		}
		s.Write(&got)
		if got.String() != want.String() {
			t.Errorf("AttrSet wrote %q, WriteAttrs %q", got.String(), want.String())
		}
		if m := s.Attrs(); len(m) != len(a) {
			t.Errorf("Attrs() has %d attributes, want %d", len(m), len(a))
		}
	}
	var s AttrSet
	for i := 0; i < MaxAttrSet; i++ {
		if !s.Set(string(rune('a'+i)), i) {
			t.Fatalf("Set %d failed", i)
		}
	}
	if s.Set("overflow", 1) {
		t.Error("Set beyond MaxAttrSet succeeded")
	}
}
