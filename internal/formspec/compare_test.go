package formspec_test

import (
	"reflect"
	"testing"
)

// The Go comparator agrees with the reference's compare.py, whose answers
// for these pairs are in the comments.
func TestDiffAgreesWithCompare(t *testing.T) {
	tests := []struct {
		name            string
		golden, actual  map[string]any
		wantDifferences []string
	}{
		{"css classes in another order", // compare.py: equal
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": "required error"}}},
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": "error required"}}}, nil},
		{"css classes differ", // compare.py: differs
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": "required"}}},
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": "required error"}}},
			[]string{"/bound_fields/a/css_classes"}},
		{"css classes not a string", // compare.py: differs, even against ""
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": ""}}},
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": nil}}},
			[]string{"/bound_fields/a/css_classes"}},
		{"a repeated class counts", // compare.py: differs (sorted lists)
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": "x x"}}},
			map[string]any{"bound_fields": map[string]any{"a": map[string]any{"css_classes": "x"}}},
			[]string{"/bound_fields/a/css_classes"}},
		{"html attribute order", // compare.py: equal
			map[string]any{"as_div": `<input type="text" name="a">`},
			map[string]any{"as_div": `<input name="a" type="text">`}, nil},
		{"True == 1", // compare.py: equal, as Python's ==
			map[string]any{"total_error_count": 1.0},
			map[string]any{"total_error_count": true}, nil},
		{"missing output", // compare.py: "/is_valid (missing)"
			map[string]any{"is_valid": true},
			map[string]any{}, []string{"/is_valid (missing)"}},
		{"errors compare whole", // compare.py: differs, extra key
			map[string]any{"errors": map[string]any{}},
			map[string]any{"errors": map[string]any{"a": []any{}}}, []string{"/errors"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diff(tt.golden, tt.actual, "")
			if !reflect.DeepEqual(got, tt.wantDifferences) && !(len(got) == 0 && len(tt.wantDifferences) == 0) {
				t.Errorf("diff = %q, want %q", got, tt.wantDifferences)
			}
		})
	}
}
