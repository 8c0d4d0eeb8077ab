package widgets

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/formwork/formwork/internal/timefmt"
	"github.com/formwork/formwork/media"
	"github.com/formwork/formwork/renderers"
)

// MultiWidget is a widget made of several widgets, for a value made of
// several parts (a MultiValueField's).
type MultiWidget struct {
	Common
	// Widgets are the parts, in order.
	Widgets []Widget
	// WidgetsNames are the suffixes of the parts' names; nil means "_0",
	// "_1"...
	WidgetsNames []string
	// Decompress splits a value that is not already a list into the parts'
	// values; nil treats such a value as no value for every part.
	Decompress func(value any) []any
}

// NewMultiWidget returns a MultiWidget of the given widgets.
func NewMultiWidget(widgets []Widget, attrs renderers.Attrs) *MultiWidget {
	return &MultiWidget{Common: Base{Attrs: copyAttrs(attrs)}, Widgets: widgets}
}

// names returns each part's name suffix.
func (w *MultiWidget) names() []string {
	out := make([]string, len(w.Widgets))
	for i := range out {
		if i < len(w.WidgetsNames) {
			out[i] = w.WidgetsNames[i]
		} else {
			out[i] = "_" + itoa(i)
		}
	}
	return out
}

// FormatValue implements Widget: str() of the value, as Widget.format_value
// (templates use the subwidgets' values instead).
func (w *MultiWidget) FormatValue(value any) any {
	if items, ok := asList(value); ok {
		return pyListRepr(items)
	}
	return formatValue(value, w.Localized, w.Formats)
}

// Context implements Widget: "subwidgets" holds each part's context.
func (w *MultiWidget) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return multiContext(w, w, w.Decompress, name, value, attrs)
}

// multiContext is MultiWidget.get_context; outer is the widget whose
// context it is.
func multiContext(outer Widget, w *MultiWidget, decompress func(any) []any, name string, value any, attrs renderers.Attrs) map[string]any {
	ctx := BaseContext(outer, name, value, attrs)
	values, ok := asList(value)
	if !ok {
		if decompress != nil {
			values = decompress(value)
		}
	}
	final := ctx["attrs"].(renderers.Attrs)
	inputType, hasType := final["type"]
	delete(final, "type")
	id, _ := final["id"].(string)
	subs := make([]any, 0, len(w.Widgets))
	for i, name2 := range w.names() {
		sub := w.Widgets[i]
		if w.Localized || hasType || w.Formats != nil {
			// Django changes the parts themselves; parts are shared, so
			// change a copy.
			sub = sub.Clone()
			if w.Localized {
				sub.Base().Localized = true
			}
			if w.Formats != nil {
				sub.Base().Formats = w.Formats
			}
			if t, ok := sub.(inputTyped); ok && hasType {
				t.input().Type, _ = inputType.(string)
			}
		}
		var v any
		if i < len(values) {
			v = values[i]
		}
		wa := final
		if id != "" {
			wa = final.Clone()
			wa["id"] = id + "_" + itoa(i)
		}
		subs = append(subs, sub.Context(name+name2, v, wa))
	}
	ctx["subwidgets"] = subs
	return ctx
}

// ValueFromData implements Widget: a list of the parts' values.
func (w *MultiWidget) ValueFromData(data url.Values, files Files, name string) any {
	names := w.names()
	out := make([]any, len(w.Widgets))
	for i, sub := range w.Widgets {
		out[i] = sub.ValueFromData(data, files, name+names[i])
	}
	return out
}

// ValueOmitted implements Widget: whether every part was omitted.
func (w *MultiWidget) ValueOmitted(data url.Values, files Files, name string) bool {
	names := w.names()
	for i, sub := range w.Widgets {
		if !sub.ValueOmitted(data, files, name+names[i]) {
			return false
		}
	}
	return true
}

// IDForLabel implements Widget: "", as no one part stands for the whole.
func (w *MultiWidget) IDForLabel(id string) string { return "" }

// UseRequiredAttribute implements Widget.
func (w *MultiWidget) UseRequiredAttribute(initial any) bool { return !w.IsHidden() }

// IsHidden implements Widget: whether every part is hidden.
func (w *MultiWidget) IsHidden() bool {
	for _, sub := range w.Widgets {
		if !sub.IsHidden() {
			return false
		}
	}
	return true
}

// UseFieldset implements Widget: several parts make a fieldset.
func (w *MultiWidget) UseFieldset() bool { return w.fieldset(true) }

// NeedsMultipart reports whether any part needs a multipart form.
func (w *MultiWidget) NeedsMultipart() bool {
	for _, sub := range w.Widgets {
		if NeedsMultipart(sub) {
			return true
		}
	}
	return false
}

// MediaAll returns the parts' media followed by the widget's own.
func (w *MultiWidget) MediaAll() media.Media {
	var m media.Media
	for _, sub := range w.Widgets {
		m = m.Add(MediaOf(sub))
	}
	return m.Add(w.Media)
}

// TemplateName implements Widget.
func (w *MultiWidget) TemplateName() string { return w.template(tplMulti) }

// Clone implements Widget: the parts are cloned too.
func (w *MultiWidget) Clone() Widget {
	c := *w
	c.cloneParts(w)
	return &c
}

func (w *MultiWidget) cloneParts(from *MultiWidget) {
	w.Common = from.Common.clone()
	w.Widgets = make([]Widget, len(from.Widgets))
	for i, sub := range from.Widgets {
		w.Widgets[i] = sub.Clone()
	}
	if from.WidgetsNames != nil {
		w.WidgetsNames = append([]string(nil), from.WidgetsNames...)
	}
}

// SplitDateTimeWidget is a DateInput and a TimeInput for one date and time.
type SplitDateTimeWidget struct{ MultiWidget }

// NewSplitDateTimeWidget returns a SplitDateTimeWidget whose two inputs
// have the given attributes.
func NewSplitDateTimeWidget(attrs renderers.Attrs) *SplitDateTimeWidget {
	return NewSplitDateTimeWidgetWith(attrs, "", "", nil, nil)
}

// NewSplitDateTimeWidgetWith is NewSplitDateTimeWidget with Django's
// other arguments: the inputs' formats and attributes of their own
// (nil for attrs).
func NewSplitDateTimeWidgetWith(attrs renderers.Attrs, dateFormat, timeFormat string, dateAttrs, timeAttrs renderers.Attrs) *SplitDateTimeWidget {
	if dateAttrs == nil {
		dateAttrs = attrs
	}
	if timeAttrs == nil {
		timeAttrs = attrs
	}
	d := NewDateInput(dateAttrs)
	d.Format = dateFormat
	t := NewTimeInput(timeAttrs)
	t.Format = timeFormat
	return &SplitDateTimeWidget{MultiWidget{Widgets: []Widget{d, t}}}
}

// splitDateTime is SplitDateTimeWidget.decompress: a time.Time as its
// date (at midnight) and its time of day (on 0000-01-01).
func splitDateTime(value any) []any {
	t, ok := value.(time.Time)
	if !ok || !truthy(value) {
		return []any{nil, nil}
	}
	// Python's value.date() and value.time() are naive: a date and a
	// time of day as formwork holds them, in UTC (forms.IsDate,
	// forms.IsTimeOfDay), whatever the zone of the datetime, so that
	// they compare equal to the date and time the inputs clean to.
	date := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	clock := time.Date(0, 1, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	return []any{date, clock}
}

func (w *SplitDateTimeWidget) decompress() func(any) []any {
	if w.Decompress != nil {
		return w.Decompress
	}
	return splitDateTime
}

// Context implements Widget.
func (w *SplitDateTimeWidget) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	return multiContext(w, &w.MultiWidget, w.decompress(), name, value, attrs)
}

// TemplateName implements Widget.
func (w *SplitDateTimeWidget) TemplateName() string { return w.template(tplSplitDT) }

// Clone implements Widget.
func (w *SplitDateTimeWidget) Clone() Widget {
	c := *w
	c.cloneParts(&w.MultiWidget)
	return &c
}

// SplitHiddenDateTimeWidget is SplitDateTimeWidget with hidden inputs.
type SplitHiddenDateTimeWidget struct{ MultiWidget }

// NewSplitHiddenDateTimeWidget returns a SplitHiddenDateTimeWidget whose
// two inputs have the given attributes.
func NewSplitHiddenDateTimeWidget(attrs renderers.Attrs) *SplitHiddenDateTimeWidget {
	return NewSplitHiddenDateTimeWidgetWith(attrs, "", "", nil, nil)
}

// NewSplitHiddenDateTimeWidgetWith is NewSplitDateTimeWidgetWith with
// hidden inputs.
func NewSplitHiddenDateTimeWidgetWith(attrs renderers.Attrs, dateFormat, timeFormat string, dateAttrs, timeAttrs renderers.Attrs) *SplitHiddenDateTimeWidget {
	s := NewSplitDateTimeWidgetWith(attrs, dateFormat, timeFormat, dateAttrs, timeAttrs)
	for _, sub := range s.Widgets {
		sub.(inputTyped).input().Type = "hidden"
	}
	return &SplitHiddenDateTimeWidget{s.MultiWidget}
}

// Context implements Widget.
func (w *SplitHiddenDateTimeWidget) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	d := w.Decompress
	if d == nil {
		d = splitDateTime
	}
	return multiContext(w, &w.MultiWidget, d, name, value, attrs)
}

// TemplateName implements Widget.
func (w *SplitHiddenDateTimeWidget) TemplateName() string { return w.template(tplSplitHidden) }

// Clone implements Widget.
func (w *SplitHiddenDateTimeWidget) Clone() Widget {
	c := *w
	c.cloneParts(&w.MultiWidget)
	return &c
}

// SelectDateWidget is three <select> boxes for the month, day and year of
// a date, in the order of the English DATE_FORMAT ("N j, Y").
type SelectDateWidget struct {
	Common
	// Years are the years offered; nil means this year and the nine after.
	Years []int
	// Months are the months offered (values 1 to 12); nil means the
	// English month names.
	Months []Choice
	// EmptyLabel is the label of the empty option of not-required
	// widgets: nil means "---"; one label serves all three boxes; three
	// are the year's, the month's and the day's.
	EmptyLabel []string
}

// NewSelectDateWidget returns a SelectDateWidget with the given
// attributes.
func NewSelectDateWidget(attrs renderers.Attrs) *SelectDateWidget {
	return &SelectDateWidget{Common: Base{Attrs: copyAttrs(attrs)}}
}

// EnglishMonths are Django's MONTHS in English.
func EnglishMonths() []Choice {
	names := []string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	out := make([]Choice, 12)
	for i, n := range names {
		out[i] = Choice{Value: i + 1, Label: n}
	}
	return out
}

// dateOrder is _parse_date_fmt for the English DATE_FORMAT "N j, Y".
var dateOrder = []string{"month", "day", "year"}

// order is Django's _parse_date_fmt: the parts in the order the active
// language's DATE_FORMAT names them.
func (w *SelectDateWidget) order() []string {
	if w.Formats == nil {
		return dateOrder
	}
	var out []string
	escaped := false
	for _, c := range w.Formats.DateFormat {
		switch {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case strings.ContainsRune("Yy", c):
			out = append(out, "year")
		case strings.ContainsRune("bEFMmNn", c):
			out = append(out, "month")
		case strings.ContainsRune("dj", c):
			out = append(out, "day")
		}
	}
	return out
}

func (w *SelectDateWidget) emptyLabels() (year, month, day string) {
	switch len(w.EmptyLabel) {
	case 0:
		return "---", "---", "---"
	case 3:
		return w.EmptyLabel[0], w.EmptyLabel[1], w.EmptyLabel[2]
	}
	l := w.EmptyLabel[0]
	return l, l, l
}

var dateRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4}|0)-(\d\d?)-(\d\d?)$`) })

// FormatValue implements Widget: a map of "year", "month" and "day", each
// an int, "" (not chosen) or nil, so that an invalid date such as
// February 31 shows as it was chosen.
func (w *SelectDateWidget) FormatValue(value any) any {
	var y, m, d any
	switch v := value.(type) {
	case time.Time:
		y, m, d = v.Year(), int(v.Month()), v.Day()
	case string:
		if g := dateRe().FindStringSubmatch(v); g != nil {
			parts := make([]any, 3)
			for i, s := range g[1:] {
				n, _ := strconv.Atoi(s)
				if n == 0 {
					parts[i] = ""
				} else {
					parts[i] = n
				}
			}
			y, m, d = parts[0], parts[1], parts[2]
		} else if t, err := timefmt.Parse(dateFormats(w.Formats)[0], v); err == nil {
			y, m, d = t.Year(), int(t.Month()), t.Day()
		}
	}
	return map[string]any{"year": y, "month": m, "day": d}
}

// Context implements Widget: "subwidgets" holds the three selects'
// contexts, month first.
func (w *SelectDateWidget) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	ctx := BaseContext(w, name, value, attrs)
	val := ctx["value"].(map[string]any)
	final := ctx["attrs"].(renderers.Attrs)
	yl, ml, dl := w.emptyLabels()

	years := w.Years
	if years == nil {
		this := time.Now().Year()
		for y := this; y < this+10; y++ {
			years = append(years, y)
		}
	}
	var yearChoices, monthChoices, dayChoices []Choice
	if !w.Required {
		yearChoices = append(yearChoices, Choice{Value: "", Label: yl})
		monthChoices = append(monthChoices, Choice{Value: "", Label: ml})
		dayChoices = append(dayChoices, Choice{Value: "", Label: dl})
	}
	for _, y := range years {
		yearChoices = append(yearChoices, Choice{Value: y, Label: itoa(y)})
	}
	months := w.Months
	if months == nil {
		months = EnglishMonths()
	}
	monthChoices = append(monthChoices, months...)
	for d := 1; d <= 31; d++ {
		dayChoices = append(dayChoices, Choice{Value: d, Label: itoa(d)})
	}
	part := func(field string, choices []Choice) map[string]any {
		sub := &Select{Common: Base{Attrs: copyAttrs(attrs)}, Choices: choices}
		subName := name + "_" + field
		sa := final.Clone()
		sa["id"] = "id_" + subName
		return sub.Context(subName, val[field], sa)
	}
	parts := map[string]map[string]any{
		"year":  part("year", yearChoices),
		"month": part("month", monthChoices),
		"day":   part("day", dayChoices),
	}
	order := w.order()
	subs := make([]any, len(order))
	for i, f := range order {
		subs[i] = parts[f]
	}
	ctx["subwidgets"] = subs
	return ctx
}

// ValueFromData implements Widget: "" parts all empty give nil; a valid
// date gives it as "YYYY-MM-DD"; an invalid one gives "Y-M-D" with 0 for
// each part not chosen, for the field to reject.
func (w *SelectDateWidget) ValueFromData(data url.Values, files Files, name string) any {
	y, yok := dataGet(data, name+"_year")
	m, mok := dataGet(data, name+"_month")
	d, dok := dataGet(data, name+"_day")
	if yok && mok && dok && y == "" && m == "" && d == "" {
		return nil
	}
	if yok && mok && dok {
		yi, e1 := pyInt(y)
		mi, e2 := pyInt(m)
		di, e3 := pyInt(d)
		if e1 == nil && e2 == nil && e3 == nil && validDate(yi, mi, di) {
			return timefmt.Format(time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC), dateFormats(w.Formats)[0])
		}
		return orDefault(y, "0") + "-" + orDefault(m, "0") + "-" + orDefault(d, "0")
	}
	return dataValue(data, name)
}

// pyInt is Python's int() of a string: surrounding spaces allowed.
func pyInt(s string) (int, error) {
	return strconv.Atoi(strings.TrimSpace(s))
}

func validDate(y, m, d int) bool {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// ValueOmitted implements Widget: whether none of the three was sent.
func (w *SelectDateWidget) ValueOmitted(data url.Values, files Files, name string) bool {
	for _, part := range []string{"_year", "_month", "_day"} {
		if _, ok := data[name+part]; ok {
			return false
		}
	}
	return true
}

// IDForLabel implements Widget: the first select's id.
func (w *SelectDateWidget) IDForLabel(id string) string {
	if order := w.order(); len(order) > 0 {
		return id + "_" + order[0]
	}
	return id + "_month"
}

// UseRequiredAttribute implements Widget.
func (w *SelectDateWidget) UseRequiredAttribute(initial any) bool { return true }

// IsHidden implements Widget.
func (w *SelectDateWidget) IsHidden() bool { return false }

// UseFieldset implements Widget: three selects make a fieldset.
func (w *SelectDateWidget) UseFieldset() bool { return w.fieldset(true) }

// TemplateName implements Widget.
func (w *SelectDateWidget) TemplateName() string { return w.template(tplSelectDate) }

// Clone implements Widget.
func (w *SelectDateWidget) Clone() Widget {
	c := *w
	c.Common = w.Common.clone()
	c.Years = append([]int(nil), w.Years...)
	c.Months = cloneChoices(w.Months)
	return &c
}
