package formspec

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/formwork/formwork/internal/ojson"
)

// SpecError is a problem with a case document: the key path it concerns
// and what is wrong there.
type SpecError struct {
	Path string
	Msg  string
}

func (e *SpecError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

func specErr(path, format string, args ...any) error {
	return &SpecError{Path: path, Msg: fmt.Sprintf(format, args...)}
}

// node is a decoded JSON value with the path it was found at, so that
// every complaint names its key.
type node struct {
	v    any
	path string
}

func (n node) child(key string) string {
	if n.path == "" {
		return key
	}
	return n.path + "." + key
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case []any:
		return "a list"
	case *ojson.Object:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func (n node) object() (*ojson.Object, error) {
	o, ok := n.v.(*ojson.Object)
	if !ok {
		return nil, specErr(n.path, "want an object, got %s", kind(n.v))
	}
	return o, nil
}

// get returns the member key of an object node.
func (n node) get(key string) (node, bool) {
	o, ok := n.v.(*ojson.Object)
	if !ok {
		return node{}, false
	}
	v, ok := o.Get(key)
	return node{v, n.child(key)}, ok
}

func (n node) str() (string, error) {
	s, ok := n.v.(string)
	if !ok {
		return "", specErr(n.path, "want a string, got %s", kind(n.v))
	}
	return s, nil
}

func (n node) boolean() (bool, error) {
	b, ok := n.v.(bool)
	if !ok {
		return false, specErr(n.path, "want true or false, got %s", kind(n.v))
	}
	return b, nil
}

func (n node) integer() (int, error) {
	num, ok := n.v.(json.Number)
	if !ok {
		return 0, specErr(n.path, "want an integer, got %s", kind(n.v))
	}
	i, err := strconv.ParseInt(string(num), 10, 64)
	if err != nil || i > math.MaxInt32 || i < math.MinInt32 {
		return 0, specErr(n.path, "want an integer, got %s", num)
	}
	return int(i), nil
}

func (n node) list() ([]node, error) {
	l, ok := n.v.([]any)
	if !ok {
		return nil, specErr(n.path, "want a list, got %s", kind(n.v))
	}
	out := make([]node, len(l))
	for i, v := range l {
		out[i] = node{v, fmt.Sprintf("%s[%d]", n.path, i)}
	}
	return out, nil
}

func (n node) strings() ([]string, error) {
	l, err := n.list()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(l))
	for i, e := range l {
		if out[i], err = e.str(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// members returns an object's members in document order.
func (n node) members() ([]string, []node, error) {
	o, err := n.object()
	if err != nil {
		return nil, nil, err
	}
	nodes := make([]node, len(o.Keys))
	for i, k := range o.Keys {
		nodes[i] = node{o.Values[k], n.child(k)}
	}
	return o.Keys, nodes, nil
}

// checkKeys rejects members not in allowed.
func (n node) checkKeys(allowed ...string) error {
	o, err := n.object()
	if err != nil {
		return err
	}
	ok := make(map[string]bool, len(allowed))
	for _, a := range allowed {
		ok[a] = true
	}
	for _, k := range o.Keys {
		if !ok[k] {
			return specErr(n.child(k), "unknown key")
		}
	}
	return nil
}
