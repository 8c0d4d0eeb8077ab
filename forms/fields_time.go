package forms

import (
	"errors"
	"strings"
	"time"

	"github.com/formwork/formwork/internal/dateparse"
	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/internal/timefmt"
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// temporal parses text with a list of strptime formats.
func parseWithFormats(value string, formats []string) (time.Time, bool) {
	value = pynum.TrimSpace(value)
	for _, f := range formats {
		if t, err := timefmt.Parse(f, value); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// DateOnly returns t's date at midnight UTC: how formwork holds a date.
func DateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// TimeOnly returns t's time of day on 0000-01-01 UTC: how formwork holds
// a time.
func TimeOnly(t time.Time) time.Time {
	return time.Date(0, 1, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// IsDate reports whether t is how formwork holds a date: midnight UTC.
// Any other time.Time is a date and time.
func IsDate(t time.Time) bool { return l10n.IsDate(t) }

// IsTimeOfDay reports whether t is how formwork holds a time of day: on
// 0000-01-01 UTC. Any other time.Time is a date and time.
func IsTimeOfDay(t time.Time) bool { return l10n.IsTimeOfDay(t) }

// HasChanged implements ChangeDetector. An initial date and time (a
// time.Time that is not a date, see IsDate) always differs from the
// submitted date, as Python's datetime never equals a date.
func (f *DateField) HasChanged(initial, data any) bool {
	if t, ok := initial.(time.Time); ok && !f.Disabled && !IsDate(t) {
		return true
	}
	return baseHasChanged(f, initial, data, f.ToPython)
}

// HasChanged implements ChangeDetector. An initial date and time (a
// time.Time that is not a time of day, see IsTimeOfDay) always differs
// from the submitted time, as Python's datetime never equals a time.
func (f *TimeField) HasChanged(initial, data any) bool {
	if t, ok := initial.(time.Time); ok && !f.Disabled && !IsTimeOfDay(t) {
		return true
	}
	return baseHasChanged(f, initial, data, f.ToPython)
}

// DateField cleans a date (a time.Time at midnight UTC).
type DateField struct {
	FieldCore
	// InputFormats are strptime formats tried in order; nil means
	// Django's DATE_INPUT_FORMATS.
	InputFormats []string
}

// NewDateField returns a required DateField.
func NewDateField() *DateField { return &DateField{} }

// DefaultWidget implements DefaultWidgeter.
func (f *DateField) DefaultWidget() widgets.Widget { return widgets.NewDateInput(nil) }

// DefaultErrorMessages implements ErrorMessager.
func (f *DateField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a valid date."}
}

// ToPython parses the date.
func (f *DateField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	if t, ok := value.(time.Time); ok {
		return DateOnly(t), nil
	}
	formats := f.InputFormats
	if formats == nil {
		formats = timefmt.DateInputFormats
	}
	s, ok := value.(string)
	if ok {
		if t, ok := parseWithFormats(s, formats); ok {
			return DateOnly(t), nil
		}
	}
	return nil, f.Error("invalid", "Enter a valid date.", nil)
}

// TimeField cleans a time of day (a time.Time on 0000-01-01 UTC).
type TimeField struct {
	FieldCore
	InputFormats []string
}

// NewTimeField returns a required TimeField.
func NewTimeField() *TimeField { return &TimeField{} }

// DefaultWidget implements DefaultWidgeter.
func (f *TimeField) DefaultWidget() widgets.Widget { return widgets.NewTimeInput(nil) }

// DefaultErrorMessages implements ErrorMessager.
func (f *TimeField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a valid time."}
}

// ToPython parses the time.
func (f *TimeField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	if t, ok := value.(time.Time); ok {
		return t, nil
	}
	formats := f.InputFormats
	if formats == nil {
		formats = timefmt.TimeInputFormats
	}
	if s, ok := value.(string); ok {
		if t, ok := parseWithFormats(s, formats); ok {
			return TimeOnly(t), nil
		}
	}
	return nil, f.Error("invalid", "Enter a valid time.", nil)
}

// DateTimeField cleans a date and time (a time.Time).
type DateTimeField struct {
	FieldCore
	InputFormats []string
}

// NewDateTimeField returns a required DateTimeField.
func NewDateTimeField() *DateTimeField { return &DateTimeField{} }

// DefaultWidget implements DefaultWidgeter.
func (f *DateTimeField) DefaultWidget() widgets.Widget { return widgets.NewDateTimeInput(nil) }

// DefaultErrorMessages implements ErrorMessager.
func (f *DateTimeField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a valid date/time."}
}

// ToPython parses ISO 8601 first, then the input formats.
func (f *DateTimeField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	if t, ok := value.(time.Time); ok {
		return t, nil
	}
	invalid := f.Error("invalid", "Enter a valid date/time.", nil)
	s, ok := value.(string)
	if !ok {
		return nil, invalid
	}
	t, ok, err := dateparse.Datetime(pynum.TrimSpace(s))
	if err != nil {
		return nil, invalid
	}
	if ok {
		return t, nil
	}
	formats := f.InputFormats
	if formats == nil {
		formats = append(append([]string(nil), timefmt.DateTimeInputFormats...), timefmt.DateInputFormats...)
	}
	if t, ok := parseWithFormats(s, formats); ok {
		return t, nil
	}
	return nil, invalid
}

// DurationField cleans a duration (a time.Duration).
type DurationField struct{ FieldCore }

// NewDurationField returns a required DurationField.
func NewDurationField() *DurationField { return &DurationField{} }

// DefaultErrorMessages implements ErrorMessager.
func (f *DurationField) DefaultErrorMessages() map[string]string {
	return map[string]string{
		"invalid":  "Enter a valid duration.",
		"overflow": "The number of days must be between {min_days} and {max_days}.",
	}
}

// PrepareValue writes a duration as Django does ("1 02:03:04").
func (f *DurationField) PrepareValue(value any) any {
	if d, ok := value.(time.Duration); ok {
		return dateparse.DurationString(d)
	}
	return value
}

// ToPython parses the duration.
func (f *DurationField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	if d, ok := value.(time.Duration); ok {
		return d, nil
	}
	d, ok, err := dateparse.Duration(pyStr(value))
	if errors.Is(err, dateparse.ErrOverflow) {
		msg := f.Message("overflow", "The number of days must be between {min_days} and {max_days}.")
		msg = formatBraces(msg, map[string]string{"min_days": "-999999999", "max_days": "999999999"})
		return nil, validators.NewError(msg, "overflow", nil)
	}
	if !ok || err != nil {
		return nil, f.Error("invalid", "Enter a valid duration.", nil)
	}
	return d, nil
}

// formatBraces is Python's str.format with named fields only.
func formatBraces(s string, args map[string]string) string {
	for k, v := range args {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// SplitDateTimeField cleans a date and a time typed in two inputs.
type SplitDateTimeField struct {
	MultiValueField
	InputDateFormats, InputTimeFormats []string
}

// NewSplitDateTimeField returns a required SplitDateTimeField.
func NewSplitDateTimeField() *SplitDateTimeField {
	return &SplitDateTimeField{MultiValueField: MultiValueField{}}
}

// DefaultWidget implements DefaultWidgeter.
func (f *SplitDateTimeField) DefaultWidget() widgets.Widget {
	return widgets.NewSplitDateTimeWidget(nil)
}

// HiddenWidget implements HiddenWidgeter.
func (f *SplitDateTimeField) HiddenWidget() widgets.Widget {
	return widgets.NewSplitHiddenDateTimeWidget(nil)
}

// DefaultErrorMessages implements ErrorMessager.
func (f *SplitDateTimeField) DefaultErrorMessages() map[string]string {
	return map[string]string{
		"invalid":      "Enter a list of values.",
		"incomplete":   "Enter a complete value.",
		"invalid_date": "Enter a valid date.",
		"invalid_time": "Enter a valid time.",
	}
}

func (f *SplitDateTimeField) prepareParts() {
	if f.Fields == nil {
		d := &DateField{InputFormats: f.InputDateFormats}
		d.ErrorMessages = map[string]string{"invalid": f.Message("invalid_date", "Enter a valid date.")}
		d.Localize = f.Localize
		t := &TimeField{InputFormats: f.InputTimeFormats}
		t.ErrorMessages = map[string]string{"invalid": f.Message("invalid_time", "Enter a valid time.")}
		t.Localize = f.Localize
		f.Fields = []Field{d, t}
	}
	if f.Compress == nil {
		f.Compress = f.compress
	}
	f.MultiValueField.prepareParts()
}

func (f *SplitDateTimeField) compress(parts []any) (any, error) {
	if len(parts) == 0 {
		return nil, nil
	}
	if IsEmpty(parts[0]) {
		return nil, f.Error("invalid_date", "Enter a valid date.", nil)
	}
	if len(parts) < 2 || IsEmpty(parts[1]) {
		return nil, f.Error("invalid_time", "Enter a valid time.", nil)
	}
	d, _ := parts[0].(time.Time)
	t, _ := parts[1].(time.Time)
	return time.Date(d.Year(), d.Month(), d.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC), nil
}

// Clean implements Cleaner.
func (f *SplitDateTimeField) Clean(value any) (any, error) { return f.MultiValueField.clean(f, value) }
