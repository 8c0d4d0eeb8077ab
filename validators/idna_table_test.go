package validators

import "testing"

// TestNameprepB2Sorted checks that the case-folding table is in strictly
// ascending code point order, which its binary search relies on, and
// that lookups find entries at both ends and miss code points it lacks.
func TestNameprepB2Sorted(t *testing.T) {
	for i := 1; i < len(nameprepB2); i++ {
		if nameprepB2[i-1].r >= nameprepB2[i].r {
			t.Fatalf("nameprepB2[%d] = %#x follows %#x", i, nameprepB2[i].r, nameprepB2[i-1].r)
		}
	}
	first, last := nameprepB2[0], nameprepB2[len(nameprepB2)-1]
	for _, m := range []runeMapping{first, last, {'A', "a"}, {'Z', "z"}} {
		if got, ok := mapped(m.r, nameprepB2); !ok || got != m.to {
			t.Errorf("mapped(%#x) = %q, %v; want %q", m.r, got, ok, m.to)
		}
	}
	for _, r := range []rune{'a', '0', 0x10FFFF} {
		if got, ok := mapped(r, nameprepB2); ok {
			t.Errorf("mapped(%#x) = %q; want no mapping", r, got)
		}
	}
}
