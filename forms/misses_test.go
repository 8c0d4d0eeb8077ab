package forms_test

import (
	"strings"
	"testing"
	"time"

	"github.com/formwork/formwork/forms"
)

// Behaviours formwork missed on Django's own forms tests; the expected
// answers are Django 4.2's for the same values.
func TestHasChangedLikeDjango(t *testing.T) {
	date, tm := forms.NewDateField(), forms.NewTimeField()
	js := forms.NewJSONField()
	at := func(h, m int) time.Time { return time.Date(2022, 8, 3, h, m, 0, 0, time.FixedZone("naive", 0)) }
	tests := []struct {
		name          string
		field         forms.Field
		initial, data any
		want          bool
	}{
		// JSONField: decoded JSON, key order aside; True is not 1.
		{"json same object, other key order", js, map[string]any{"b": 1, "a": []any{1, 2}}, `{"a": [1, 2], "b": 1}`, false},
		{"json same list", js, []any{1, map[string]any{"k": "v"}}, `[1, {"k": "v"}]`, false},
		{"json true is not 1", js, true, "1", true},
		{"json other value", js, map[string]any{"a": 1}, `{"a": 2}`, true},
		{"json no initial, nothing submitted", js, nil, "", false},
		// A date and time never equals a date or a time, as in Python.
		{"midnight datetime on a DateField", date, at(0, 0), "2022-08-03", true},
		{"date on a DateField", date, time.Date(2022, 8, 3, 0, 0, 0, 0, time.UTC), "2022-08-03", false},
		{"datetime on a TimeField", tm, at(13, 45), "13:45:00", true},
		{"time on a TimeField", tm, forms.TimeOnly(at(13, 45)), "13:45", false},
	}
	for _, tt := range tests {
		if got := forms.HasChanged(tt.field, tt.initial, tt.data); got != tt.want {
			t.Errorf("%s: HasChanged(%v, %q) = %v, want %v", tt.name, tt.initial, tt.data, got, tt.want)
		}
	}
}

// BoundField.Value keeps a date and time given to a DateField as it is,
// as Django's does; the widget shows its date.
func TestDatetimeInitialKeepsItsKind(t *testing.T) {
	at := time.Date(2022, 8, 3, 0, 0, 0, 0, time.FixedZone("naive", 0))
	f := forms.Declare(forms.Named("day", forms.NewDateField())).New(forms.Options{Initial: map[string]any{"day": at}})
	v, ok := f.Field("day").Value().(time.Time)
	if !ok || forms.IsDate(v) || !v.Equal(at) {
		t.Errorf("Value() = %v, want the datetime %v", f.Field("day").Value(), at)
	}
	h, err := f.Field("day").HTML()
	if err != nil {
		t.Fatal(err)
	}
	if want := `value="2022-08-03"`; !strings.Contains(string(h), want) {
		t.Errorf("HTML() = %s, want it to hold %s", h, want)
	}
}
