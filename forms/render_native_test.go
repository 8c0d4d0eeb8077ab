package forms

import "testing"

// TestPrettyNameFast checks the one-allocation PrettyName against the
// general one.
func TestPrettyNameFast(t *testing.T) {
	for _, n := range []string{"", "a", "first_name", "_x", "URL_field", "x__y_", "Élan_b", "aB9_cD", "__", "z"} {
		if got, want := prettyName(n), PrettyName(n); got != want {
			t.Errorf("prettyName(%q) = %q, want %q", n, got, want)
		}
	}
}
