package formspec

import (
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/ojson"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/storage"
	"github.com/formwork/formwork/widgets"
)

// number turns a JSON number into what Python's json.loads gives: an
// int64 for an integer literal, else a float64.
func number(n json.Number) any {
	s := string(n)
	if !strings.ContainsAny(s, ".eE") {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i
		}
		if b, ok := new(big.Int).SetString(s, 10); ok {
			return decimal.NewFromBigInt(b, 0)
		}
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// plain turns a decoded JSON value into plain Go values (numbers as
// number does, objects as forms.OrderedJSON).
func plain(v any) any {
	switch x := v.(type) {
	case json.Number:
		return number(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case *ojson.Object:
		m := forms.OrderedJSON{Keys: x.Keys, Values: make(map[string]any, len(x.Keys))}
		for k, e := range x.Values {
			m.Values[k] = plain(e)
		}
		return m
	}
	return v
}

// typedValue reads a value of the spec: {"$decimal": ...} and the other
// typed forms, else the plain JSON value. With asDecimal, numbers and
// strings become decimals as Decimal(str(value)) makes them.
//
// A naive "$datetime" (no UTC offset) is a time.Time in the zone naive,
// so that it stays a date and time even at midnight: Python's datetime,
// which never equals a date (forms.IsDate).
func typedValue(n node, asDecimal bool) (any, error) {
	if o, ok := n.v.(*ojson.Object); ok && len(o.Keys) >= 1 && strings.HasPrefix(o.Keys[0], "$") {
		tag := o.Keys[0]
		inner := node{o.Values[tag], n.child(tag)}
		switch tag {
		case "$decimal":
			s, err := inner.str()
			if err != nil {
				return nil, err
			}
			d, err := pynum.ParseDecimal(s)
			if err != nil {
				return nil, specErr(inner.path, "not a decimal: %q", s)
			}
			return d, nil
		case "$date":
			s, err := inner.str()
			if err != nil {
				return nil, err
			}
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				return nil, specErr(inner.path, "not an ISO date: %q", s)
			}
			return t, nil
		case "$datetime":
			s, err := inner.str()
			if err != nil {
				return nil, err
			}
			if t, err := time.Parse("2006-01-02T15:04:05.999999999Z07:00", s); err == nil {
				return t, nil
			}
			for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05.999999999", "2006-01-02"} {
				if t, err := time.ParseInLocation(layout, s, naive); err == nil {
					return t, nil
				}
			}
			return nil, specErr(inner.path, "not an ISO date and time: %q", s)
		case "$time":
			s, err := inner.str()
			if err != nil {
				return nil, err
			}
			for _, layout := range []string{"15:04:05.999999999", "15:04"} {
				if t, err := time.Parse(layout, s); err == nil {
					return forms.TimeOnly(t), nil
				}
			}
			return nil, specErr(inner.path, "not an ISO time: %q", s)
		case "$duration":
			num, ok := inner.v.(json.Number)
			if !ok {
				return nil, specErr(inner.path, "want a number of seconds, got %s", kind(inner.v))
			}
			f, err := num.Float64()
			if err != nil || math.Abs(f) > 9e9 {
				return nil, specErr(inner.path, "duration out of range: %s", num)
			}
			return time.Duration(math.Round(f*1e6)) * time.Microsecond, nil
		case "$uuid":
			s, err := inner.str()
			if err != nil {
				return nil, err
			}
			u, ok := forms.ParseUUID(s)
			if !ok {
				return nil, specErr(inner.path, "not a UUID: %q", s)
			}
			return u, nil
		case "$file":
			s, err := inner.str()
			if err != nil {
				return nil, err
			}
			sz, upload := o.Values["size"].(json.Number)
			if !upload {
				// A stored file: one a model's FileField holds.
				if _, err := storage.CleanName(s); err != nil {
					return nil, specErr(inner.path, "%v", err)
				}
				return storedFile(s), nil
			}
			size, _ := sz.Int64()
			return &widgets.UploadedFile{Name: s, Size: size}, nil
		}
	}
	if asDecimal {
		switch x := n.v.(type) {
		case json.Number:
			s := string(x)
			if strings.ContainsAny(s, ".eE") {
				f, _ := x.Float64()
				s = pyfmt.FloatRepr(f)
			}
			d, err := pynum.ParseDecimal(s)
			if err != nil {
				return nil, specErr(n.path, "not a decimal: %s", s)
			}
			return d, nil
		case string:
			d, err := pynum.ParseDecimal(x)
			if err != nil {
				return nil, specErr(n.path, "not a decimal: %q", x)
			}
			return d, nil
		}
	}
	return plain(n.v), nil
}

// naive is the zone of the case format's naive datetimes: UTC's offset,
// but not time.UTC, so that forms.IsDate tells them from dates (and
// named: unnamed fixed zones are shared, an aware "+00:00" among them).
var naive = time.FixedZone("naive", 0)
