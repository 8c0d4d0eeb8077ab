// Package ojson decodes JSON keeping the order of object keys, which the
// form-spec format relies on (a CSS media dictionary, like a Python dict,
// keeps its order).
package ojson

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Object is a JSON object with its keys in document order.
type Object struct {
	Keys   []string
	Values map[string]any
}

// Get returns the value of key and whether it is present.
func (o *Object) Get(key string) (any, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.Values[key]
	return v, ok
}

// Map returns the object's values as a plain map.
func (o *Object) Map() map[string]any { return o.Values }

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 512

// Decode reads one JSON document from r. Objects become *Object, arrays
// []any, numbers json.Number, and the rest as encoding/json decodes them.
func Decode(r io.Reader) (any, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	v, err := value(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("offset %d: extra data after the JSON document", dec.InputOffset())
	}
	return v, nil
}

// DecodeString is Decode of a string.
func DecodeString(s string) (any, error) { return Decode(strings.NewReader(s)) }

func value(dec *json.Decoder, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("JSON nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	switch d {
	case '[':
		list := []any{}
		for dec.More() {
			v, err := value(dec, depth+1)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token()
		return list, err
	case '{':
		obj := &Object{Values: map[string]any{}}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := value(dec, depth+1)
			if err != nil {
				return nil, err
			}
			if _, dup := obj.Values[k]; !dup {
				obj.Keys = append(obj.Keys, k)
			}
			obj.Values[k] = v
		}
		_, err := dec.Token()
		return obj, err
	}
	return nil, fmt.Errorf("unexpected %v", d)
}

// Plain turns decoded values into plain Go values: *Object becomes
// map[string]any, recursively.
func Plain(v any) any {
	switch x := v.(type) {
	case *Object:
		m := make(map[string]any, len(x.Keys))
		for k, e := range x.Values {
			m[k] = Plain(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Plain(e)
		}
		return out
	}
	return v
}
