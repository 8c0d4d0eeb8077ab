package ojson

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeKeyOrder(t *testing.T) {
	v, err := DecodeString(`{"z": 1, "a": {"y": [], "b": null}, "m": "x", "z": 2}`)
	if err != nil {
		t.Fatal(err)
	}
	o, ok := v.(*Object)
	if !ok {
		t.Fatalf("Decode gave %T, want *Object", v)
	}
	if want := []string{"z", "a", "m"}; !reflect.DeepEqual(o.Keys, want) {
		t.Errorf("Keys = %q, want %q", o.Keys, want)
	}
	// A repeated key keeps its first place and its last value, as
	// Python's json.loads does.
	if z, _ := o.Get("z"); z != json.Number("2") {
		t.Errorf(`Get("z") = %#v, want json.Number("2")`, z)
	}
	inner, _ := o.Get("a")
	if keys := inner.(*Object).Keys; !reflect.DeepEqual(keys, []string{"y", "b"}) {
		t.Errorf("inner Keys = %q", keys)
	}
	if _, ok := o.Get("missing"); ok {
		t.Error(`Get("missing") reports present`)
	}
	var nilObj *Object
	if _, ok := nilObj.Get("z"); ok {
		t.Error("nil *Object reports a key present")
	}
}

func TestDecodeValues(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{`1`, json.Number("1")},
		{`-1.50e+3`, json.Number("-1.50e+3")},
		{`12345678901234567890123`, json.Number("12345678901234567890123")},
		{`"é\u00e9"`, "éé"},
		{`true`, true},
		{`null`, nil},
		{`[]`, []any{}},
		{`[1, "a", [null]]`, []any{json.Number("1"), "a", []any{nil}}},
		{` {} `, &Object{Values: map[string]any{}}},
	}
	for _, tt := range tests {
		got, err := DecodeString(tt.in)
		if err != nil {
			t.Errorf("Decode(%s): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Decode(%s) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"empty", ``},
		{"only space", `   `},
		{"trailing data", `{} {}`},
		{"trailing garbage", `1 x`},
		{"trailing comma", `[1,]`},
		{"unclosed array", `[1`},
		{"unclosed object", `{"a": 1`},
		{"missing value", `{"a": }`},
		{"non-string key", `{1: 2}`},
		{"bad literal", `nul`},
		{"single quotes", `{'a': 1}`},
		{"too deep", strings.Repeat("[", maxDepth+2) + strings.Repeat("]", maxDepth+2)},
		{"too deep objects", strings.Repeat(`{"a":`, maxDepth+2) + "1" + strings.Repeat("}", maxDepth+2)},
	}
	for _, tt := range tests {
		if v, err := DecodeString(tt.in); err == nil {
			t.Errorf("%s: Decode(%.40q) = %#v, want an error", tt.name, tt.in, v)
		}
	}
	if _, err := DecodeString(``); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("Decode of nothing: %v, want io.ErrUnexpectedEOF", err)
	}
}

func TestDepthLimit(t *testing.T) {
	ok := strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth)
	if _, err := DecodeString(ok); err != nil {
		t.Errorf("Decode at depth %d: %v", maxDepth, err)
	}
	deep := strings.Repeat("[", maxDepth+2) + strings.Repeat("]", maxDepth+2)
	if _, err := DecodeString(deep); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("Decode beyond depth %d: %v, want a nesting error", maxDepth, err)
	}
}

func TestPlain(t *testing.T) {
	v, err := DecodeString(`{"a": [{"b": 1}], "c": "d"}`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": []any{map[string]any{"b": json.Number("1")}}, "c": "d"}
	if got := Plain(v); !reflect.DeepEqual(got, want) {
		t.Errorf("Plain = %#v, want %#v", got, want)
	}
}

func ExampleDecodeString() {
	v, _ := DecodeString(`{"screen": "a.css", "print": "b.css", "all": "c.css"}`)
	o := v.(*Object)
	for _, k := range o.Keys {
		fmt.Println(k, o.Values[k])
	}
	// Output:
	// screen a.css
	// print b.css
	// all c.css
}
