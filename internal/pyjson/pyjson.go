// Package pyjson writes values as Python's json.dumps does, for the
// JSON values a JSONField holds: objects that keep their key order
// (Object) and strings told apart from raw input (String). It is not part
// of formwork's API.
package pyjson

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/formwork/formwork/internal/pyfmt"
)

// Dumps writes v as Python's json.dumps(v, ensure_ascii=False) does
// (", " and ": " separators), sorting keys when sortKeys is set:
// JSONField shows its value that way.
func Dumps(v any, sortKeys bool) string {
	var b strings.Builder
	writePyJSON(&b, v, sortKeys)
	return b.String()
}

func writePyJSON(b *strings.Builder, v any, sortKeys bool) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case string:
		writePyJSONString(b, x)
	case String:
		writePyJSONString(b, string(x))
	case json.Number:
		b.WriteString(pyJSONNumber(x))
	case float64:
		b.WriteString(pyfmt.FloatRepr(x))
	case int, int64, int32:
		fmt.Fprint(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writePyJSON(b, e, sortKeys)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		// Go maps have no order: sorted keys are the only stable choice
		// when the source order is lost.
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writePyJSONString(b, k)
			b.WriteString(": ")
			writePyJSON(b, x[k], sortKeys)
		}
		b.WriteByte('}')
	case Object:
		keys := x.Keys
		if sortKeys {
			keys = append([]string(nil), keys...)
			sort.Strings(keys)
		}
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writePyJSONString(b, k)
			b.WriteString(": ")
			writePyJSON(b, x.Values[k], sortKeys)
		}
		b.WriteByte('}')
	default:
		writePyJSONString(b, pyfmt.Str(v))
	}
}

// Object is a JSON object that keeps its keys' order.
type Object struct {
	Keys   []string
	Values map[string]any
}

// String is a JSON string value, told apart from raw input.
type String string

// pyJSONNumber writes a JSON number as Python reads and re-writes it:
// integers stay, other numbers become floats.
func pyJSONNumber(n json.Number) string {
	s := string(n)
	if !strings.ContainsAny(s, ".eE") {
		return s
	}
	f, err := n.Float64()
	if err != nil {
		return s
	}
	return pyfmt.FloatRepr(f)
}

func writePyJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// MarshalJSON writes the object with its keys in order.
func (o Object) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range o.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(o.Values[k])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}
