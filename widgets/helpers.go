package widgets

import (
	"github.com/formwork/formwork/media"
	"github.com/formwork/formwork/renderers"
)

// NeedsMultipart reports whether a form holding w must be sent as
// multipart/form-data: Django's needs_multipart_form.
func NeedsMultipart(w Widget) bool {
	if m, ok := w.(interface{ NeedsMultipart() bool }); ok {
		return m.NeedsMultipart()
	}
	return false
}

// MediaOf returns the CSS and JavaScript w needs: its own, and for a
// MultiWidget its parts' first.
func MediaOf(w Widget) media.Media {
	if m, ok := w.(interface{ MediaAll() media.Media }); ok {
		return m.MediaAll()
	}
	return w.Base().Media
}

// SupportsMicroseconds reports whether w shows microseconds: Django's
// supports_microseconds, false for the date and time inputs. A bound
// field drops the microseconds of a callable initial value otherwise.
func SupportsMicroseconds(w Widget) bool {
	switch w.(type) {
	case *DateInput, *DateTimeInput, *TimeInput, *SplitDateTimeWidget, *SplitHiddenDateTimeWidget:
		return false
	}
	return true
}

// Subwidgets returns what a loop over a bound field visits: for choice
// widgets the context of each option, for other widgets their own
// context alone (Django's Widget.subwidgets).
func Subwidgets(w Widget, name string, value any, attrs renderers.Attrs) []map[string]any {
	if o, ok := w.(interface {
		Options(name string, value any, attrs renderers.Attrs) []map[string]any
	}); ok {
		return o.Options(name, value, attrs)
	}
	return []map[string]any{w.Context(name, value, attrs)}
}

// Decompress splits a value into the parts of a multi-part widget, as
// Django's MultiWidget.decompress; ok is false when w has no parts or no
// way to split.
func Decompress(w Widget, value any) (parts []any, ok bool) {
	switch x := w.(type) {
	case *SplitDateTimeWidget:
		return x.decompress()(value), true
	case *SplitHiddenDateTimeWidget:
		if x.Decompress != nil {
			return x.Decompress(value), true
		}
		return splitDateTime(value), true
	case *MultiWidget:
		if x.Decompress != nil {
			return x.Decompress(value), true
		}
	}
	return nil, false
}
