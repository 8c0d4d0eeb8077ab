package formspec

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/storage"
	"github.com/formwork/formwork/widgets"
)

// FormOutputs computes the named outputs of a form.
func FormOutputs(f *forms.Form, wanted []string) (map[string]any, error) {
	out := make(map[string]any, len(wanted))
	for _, name := range wanted {
		v, err := formOutput(f, name)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

func html[T ~string](h T, err error) (any, error) { return string(h), err }

func formOutput(f *forms.Form, name string) (any, error) {
	switch name {
	case "as_div":
		return html(f.AsDiv())
	case "as_p":
		return html(f.AsP())
	case "as_table":
		return html(f.AsTable())
	case "as_ul":
		return html(f.AsUL())
	case "str":
		return html(f.Render())
	case "is_valid":
		return f.IsValid(), nil
	case "errors":
		return errorsJSON(f.Errors().JSON()), nil
	case "errors_as_ul":
		return html(f.Errors().AsUL())
	case "errors_as_text":
		return html(f.Errors().AsText())
	case "non_field_errors":
		return html(f.NonFieldErrors().HTML())
	case "cleaned_data":
		if !f.IsValid() {
			return nil, nil
		}
		return cleanedJSON(f), nil
	case "has_changed":
		return f.HasChanged(), nil
	case "changed_data":
		return stringsToAny(f.ChangedData()), nil
	case "media":
		return f.Media().Render(), nil
	case "hidden_fields":
		names := []any{}
		for _, bf := range f.HiddenFields() {
			names = append(names, bf.Name())
		}
		return names, nil
	case "bound_fields":
		out := map[string]any{}
		for _, bf := range f.Fields() {
			r, err := boundFieldReport(bf)
			if err != nil {
				return nil, fmt.Errorf("field %s: %w", bf.Name(), err)
			}
			out[bf.Name()] = r
		}
		return out, nil
	}
	return nil, &SpecError{Path: "outputs", Msg: "unknown form output " + name}
}

func stringsToAny(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

func errorsJSON(m map[string][]forms.JSONError) map[string]any {
	out := make(map[string]any, len(m))
	for k, list := range m {
		items := make([]any, len(list))
		for i, e := range list {
			items[i] = map[string]any{"message": e.Message, "code": e.Code}
		}
		out[k] = items
	}
	return out
}

func cleanedJSON(f *forms.Form) map[string]any {
	cd := f.CleanedData()
	out := make(map[string]any, len(cd))
	for k, v := range cd {
		var field forms.Field
		if bf := f.Field(k); bf != nil {
			field = bf.Field()
		}
		out[k] = JSONValue(v, timeKind(field))
	}
	return out
}

func boundFieldReport(bf *forms.BoundField) (map[string]any, error) {
	h, err := bf.HTML()
	if err != nil {
		return nil, err
	}
	lt, err := bf.LabelTag(forms.LabelOptions{})
	if err != nil {
		return nil, err
	}
	lg, err := bf.LegendTag(forms.LabelOptions{})
	if err != nil {
		return nil, err
	}
	eh, err := bf.Errors().HTML()
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"html":         string(h),
		"label_tag":    string(lt),
		"legend_tag":   string(lg),
		"use_fieldset": bf.UseFieldset(),
		"errors":       string(eh),
		"help_text":    bf.HelpText(),
		"css_classes":  bf.CSSClasses(),
		"id_for_label": bf.IDForLabel(),
		"auto_id":      bf.AutoID(),
		"html_name":    bf.HTMLName(),
		"is_hidden":    bf.IsHidden(),
		"value":        JSONValue(bf.Value(), timeKind(bf.Field())),
	}, nil
}

// timeKind says how a field's time.Time values are written: "date",
// "time" or "datetime"; "int" for an IntegerField, whose integers past
// int64 are decimals written as JSON integers, as Python's int; "" when
// the field does not say.
func timeKind(f forms.Field) string {
	switch f.(type) {
	case *forms.IntegerField:
		return "int"
	case *forms.DateField:
		return "date"
	case *forms.TimeField:
		return "time"
	case *forms.DateTimeField, *forms.SplitDateTimeField:
		return "datetime"
	}
	return ""
}

// JSONValue writes a cleaned value in the result format: decimals,
// dates, times, durations, UUIDs and files as their typed objects.
func JSONValue(v any, tkind string) any {
	switch x := v.(type) {
	case nil, bool, string, int64, float64:
		if f, ok := v.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
			return pyfmt.FloatRepr(f)
		}
		return v
	case int:
		return int64(x)
	case decimal.Decimal:
		if tkind == "int" && x.Exponent() >= 0 {
			return json.Number(x.BigInt().String())
		}
		return map[string]any{"$decimal": pyfmt.DecimalStr(x)}
	case *big.Int:
		return json.Number(x.String())
	case time.Time:
		// A date and time where a date or a time is expected (an
		// initial value) keeps its kind, as in Python.
		if tkind == "date" && !forms.IsDate(x) || tkind == "time" && !forms.IsTimeOfDay(x) {
			tkind = "datetime"
		}
		switch tkind {
		case "":
			switch l10n.KindOf(x) {
			case l10n.TimeOfDay:
				tkind = "time"
			case l10n.Date:
				tkind = "date"
			default:
				tkind = "datetime"
			}
		}
		switch tkind {
		case "date":
			return map[string]any{"$date": x.Format("2006-01-02")}
		case "time":
			return map[string]any{"$time": isoTime(x)}
		}
		s := x.Format("2006-01-02") + "T" + isoTime(x)
		if x.Location() != time.UTC && x.Location() != naive {
			s += x.Format("-07:00")
		}
		return map[string]any{"$datetime": s}
	case time.Duration:
		return map[string]any{"$duration": json.Number(pyfmt.FloatRepr(x.Seconds()))}
	case forms.UUID:
		return map[string]any{"$uuid": string(x)}
	case *widgets.UploadedFile:
		return map[string]any{"$file": x.Name, "size": x.Size}
	case *storage.File:
		return map[string]any{"$file": x.Name, "url": x.URL()}
	case forms.JSONString:
		return string(x)
	case forms.InvalidJSON:
		return string(x)
	case json.Number:
		return x
	case interface{ PK() (int64, bool) }:
		// A model instance (a ModelChoiceField's value) is written by
		// its primary key; an unsaved one has none.
		if pk, ok := x.PK(); ok {
			return map[string]any{"$pk": pk}
		}
		return map[string]any{"$pk": nil}
	case forms.OrderedJSON:
		m := forms.OrderedJSON{Keys: x.Keys, Values: make(map[string]any, len(x.Values))}
		for k, e := range x.Values {
			m.Values[k] = JSONValue(e, "")
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = JSONValue(e, tkind)
		}
		return out
	case []string:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = e
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = JSONValue(e, "")
		}
		return out
	}
	return pyfmt.Str(v)
}

// isoTime is Python's time.isoformat(): microseconds only when not zero.
func isoTime(t time.Time) string {
	s := t.Format("15:04:05")
	if us := t.Nanosecond() / 1000; us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	return s
}
