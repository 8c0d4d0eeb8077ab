package renderers

import (
	"bytes"
	"strconv"

	"github.com/formwork/formwork/internal/pyfmt"
)

// What the generated writers and the native attribute sets print with.

// EscapeTo writes s escaped as Django's escape() does, in one pass.
func EscapeTo(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		e := escapeIndex[s[i]]
		if e == 0 {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(escapes[e])
		last = i + 1
	}
	b.WriteString(s[last:])
}

// UseEngineEntities rewrites the HTML that b holds from start on with the
// entities r's engine escapes quotes with. The built-in templates and
// writers escape as Django's escape() does (" as &quot;, ' as &#x27;);
// Django's Jinja2 backend escapes with markupsafe (" as &#34;, ' as
// &#39;). The two are equal as HTML, but an error list's HTML is often
// compared as text (assertEqual(str(form["name"].errors), ...)), so the
// error lists of a Jinja2 renderer are given its bytes. The text only
// shrinks, so it is rewritten in place.
func UseEngineEntities(r Renderer, b *bytes.Buffer, start int) {
	if _, ok := r.(*Jinja2); !ok || start >= b.Len() {
		return
	}
	buf := b.Bytes()
	tail := buf[start:]
	if bytes.IndexByte(tail, '&') < 0 {
		return
	}
	w := start
	for i := 0; i < len(tail); {
		if tail[i] == '&' {
			if rest := tail[i:]; bytes.HasPrefix(rest, []byte("&quot;")) {
				w += copy(buf[w:], "&#34;")
				i += len("&quot;")
				continue
			} else if bytes.HasPrefix(rest, []byte("&#x27;")) {
				w += copy(buf[w:], "&#39;")
				i += len("&#x27;")
				continue
			}
		}
		buf[w] = tail[i]
		w++
		i++
	}
	b.Truncate(w)
}

// escapeIndex maps the bytes escape() replaces to their entity in
// escapes; a table lookup is cheaper than a switch on this hot path.
var escapeIndex = [256]uint8{'&': 1, '<': 2, '>': 3, '"': 4, '\'': 5}

var escapes = [...]string{"", "&amp;", "&lt;", "&gt;", "&quot;", "&#x27;"}

// writeValue prints v as {{ v }} does: safe markup as it is, an Object as
// its HTML, anything else as its escaped Python str().
func writeValue(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case string:
		EscapeTo(b, x)
	case templateHTML:
		b.Write(x)
	case HTML:
		b.WriteString(string(x))
	case Object:
		b.WriteString(x.String())
	case int:
		// Python's str() of an int, without the string.
		b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(x), 10))
	case int64:
		b.Write(strconv.AppendInt(b.AvailableBuffer(), x, 10))
	default:
		EscapeTo(b, pyfmt.Str(v))
	}
}

// truthy is Python's truth of the context values the built-in templates
// test; ok is false for a value of a kind not handled here.
func truthy(v any) (t, ok bool) {
	switch x := v.(type) {
	case nil:
		return false, true
	case bool:
		return x, true
	case string:
		return x != "", true
	case templateHTML:
		return len(x) > 0, true
	case HTML:
		return x != "", true
	case int:
		return x != 0, true
	case []any:
		return len(x) > 0, true
	case Object:
		return len(x) > 0, true
	case Attrs:
		return len(x) > 0, true
	}
	return false, false
}

// WriteAttrs writes attributes as attrs.html does.
func WriteAttrs(b *bytes.Buffer, a Attrs) {
	if len(a) == 0 {
		return
	}
	var small [16]string
	keys := small[:0]
	for k := range a {
		keys = append(keys, k)
	}
	// An insertion sort: attribute lists are short.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && attrLess(keys[j], keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	for _, k := range keys {
		writeAttr(b, k, a[k])
	}
}

func attrLess(a, b string) bool {
	ra, rb := rankOf(a), rankOf(b)
	if ra != rb {
		return ra < rb
	}
	return a < b
}

// call reads an attribute as Django's template language does: a func is
// called.
func call(o Object, key string) any {
	switch f := o[key].(type) {
	case func() any:
		return f()
	case func() HTML:
		return f()
	case func() string:
		return f()
	}
	return o[key]
}

// writeSafe prints v|safe.
func writeSafe(b *bytes.Buffer, v any) {
	if x, ok := v.(string); ok {
		b.WriteString(x)
		return
	}
	if s, ok := IsSafe(v); ok {
		b.WriteString(s)
		return
	}
	b.WriteString(pyfmt.Str(v))
}
