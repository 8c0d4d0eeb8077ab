package pyval

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b any
		want bool
	}{
		{int64(1), 1, true},
		{true, int64(1), true},
		{1.5, decimal.RequireFromString("1.50"), true},
		{"1", 1, false},
		{nil, nil, true},
		{nil, "", false},
		{[]any{"a", int64(2)}, []string{"a", "2"}, false},
		{[]any{"a", "b"}, []string{"a", "b"}, true},
		{time.Date(2024, 1, 2, 3, 0, 0, 0, time.UTC), time.Date(2024, 1, 2, 4, 0, 0, 0, time.FixedZone("", 3600)), true},
		{map[string]any{"a": []any{1}}, map[string]any{"a": []any{1}}, true},
	}
	for _, tt := range tests {
		if got := Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("Equal(%#v, %#v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTruthy(t *testing.T) {
	tests := []struct {
		v    any
		want bool
	}{
		{nil, false}, {false, false}, {"", false}, {0, false}, {int64(0), false}, {0.0, false},
		{[]any{}, false}, {[]string{}, false}, {map[string]any{}, false},
		{decimal.Zero, false}, {decimal.RequireFromString("0.00"), false}, {time.Duration(0), false},
		{int32(0), false}, {uint(0), false}, {float32(0), false}, {[]int{}, false}, {map[string]int{}, false},
		{(*int)(nil), false},
		{true, true}, {"0", true}, {int64(2), true}, {[]any{nil}, true}, {struct{}{}, true},
		{decimal.RequireFromString("0.01"), true}, {time.Second, true}, {[]int{0}, true},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		if got := Truthy(tt.v); got != tt.want {
			t.Errorf("Truthy(%#v) = %v, want %v", tt.v, got, tt.want)
		}
	}
}
