package forms

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
)

// Django's error templates.
const (
	errorListTemplate     = "django/forms/errors/list/default.html"
	errorListTextTemplate = "django/forms/errors/list/text.txt"
	errorListULTemplate   = "django/forms/errors/list/ul.html"
	errorDictTemplate     = "django/forms/errors/dict/default.html"
	errorDictTextTemplate = "django/forms/errors/dict/text.txt"
	errorDictULTemplate   = "django/forms/errors/dict/ul.html"
)

// NonFieldErrors is the key of errors that belong to no field.
const NonFieldErrors = "__all__"

// ErrorList is the list of errors of one field (or of the form as a
// whole), able to show itself as HTML, text and JSON.
type ErrorList struct {
	// Class is the CSS class of the list: "errorlist", plus "nonfield" or
	// "nonform" for form-wide errors.
	Class    string
	Errors   []*validators.ValidationError
	renderer renderers.Renderer
	tr       validators.Translator
	// nesting bounds an error list template printing {{ errors }}.
	nesting renderers.Nesting
	// first backs Errors while the list holds one error, the usual
	// case, which then costs no allocation of its own.
	first [1]*validators.ValidationError
}

// NewErrorList returns an empty list with the CSS class "errorlist" plus
// extraClass when given.
func NewErrorList(extraClass string, r renderers.Renderer, tr validators.Translator) *ErrorList {
	class := "errorlist"
	switch extraClass {
	case "":
	case "nonfield":
		class = nonFieldClass
	case "nonform":
		class = "errorlist nonform"
	default:
		class += " " + extraClass
	}
	return &ErrorList{Class: class, renderer: r, tr: tr}
}

// nonFieldClass is the class of a form's list of non-field errors.
const nonFieldClass = "errorlist nonfield"

// Len returns the number of errors.
func (l *ErrorList) Len() int {
	if l == nil {
		return 0
	}
	return len(l.Errors)
}

// Add appends the errors err holds. A plain error becomes a message with
// no code, as a string passed to Django's add_error does.
func (l *ErrorList) Add(err error) {
	ve, ok := err.(*validators.ValidationError)
	if !ok && !errors.As(err, &ve) {
		ve = validators.NewError(err.Error(), "", nil)
	}
	if ve != nil && len(ve.List) == 0 {
		// A single error, the common case: no flattening to do.
		if l.Errors == nil {
			l.Errors = l.first[:0]
		}
		l.Errors = append(l.Errors, ve)
		return
	}
	l.Errors = append(l.Errors, ve.Flatten()...)
}

// Messages returns the messages, translated and interpolated.
func (l *ErrorList) Messages() []string {
	if l == nil {
		return nil
	}
	out := make([]string, len(l.Errors))
	for i, e := range l.Errors {
		out[i] = errorText(e, l.tr)
	}
	return out
}

// Copy returns a list with the same class and errors that can grow alone.
func (l *ErrorList) Copy() *ErrorList {
	c := *l
	c.Errors = append([]*validators.ValidationError(nil), l.Errors...)
	return &c
}

// JSONError is one error of Django's get_json_data().
type JSONError struct {
	Message string `json:"message"`
	Code    string `json:"code"`
}

// JSON returns Django's get_json_data(): message and code of each error.
func (l *ErrorList) JSON() []JSONError {
	out := make([]JSONError, 0, l.Len())
	for i, msg := range l.Messages() {
		out = append(out, JSONError{Message: msg, Code: l.Errors[i].Code})
	}
	return out
}

// AsJSON returns Django's as_json(): get_json_data() as Python's
// json.dumps writes it, byte for byte.
func (l *ErrorList) AsJSON() string {
	var b strings.Builder
	l.writeJSON(&b)
	return b.String()
}

func (l *ErrorList) writeJSON(b *strings.Builder) {
	b.WriteByte('[')
	for i, e := range l.JSON() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`{"message": ` + pyfmt.JSONQuote(e.Message) + `, "code": ` + pyfmt.JSONQuote(e.Code) + "}")
	}
	b.WriteByte(']')
}

// jsonData is get_json_data() as templates see it: a list of
// {message, code} dicts that prints as Python's repr of it.
func (l *ErrorList) jsonData() renderers.Object {
	errs := l.JSON()
	items := make([]any, len(errs))
	var repr strings.Builder
	repr.WriteByte('[')
	for i, e := range errs {
		r := "{'message': " + pyfmt.Repr(e.Message) + ", 'code': " + pyfmt.Repr(e.Code) + "}"
		items[i] = renderers.Object{renderers.HTMLKey: r, "message": e.Message, "code": e.Code}
		if i > 0 {
			repr.WriteString(", ")
		}
		repr.WriteString(r)
	}
	repr.WriteByte(']')
	return renderers.Object{renderers.HTMLKey: repr.String(), renderers.IterKey: items}
}

func (l *ErrorList) rendererOrDefault() renderers.Renderer {
	if l.renderer == nil {
		return renderers.Default()
	}
	return l.renderer
}

func (l *ErrorList) context() renderers.Context {
	msgs := l.Messages()
	items := make([]any, len(msgs))
	for i, m := range msgs {
		items[i] = m
	}
	return renderers.Context{"errors": items, "error_class": l.Class}
}

// HTML renders the list with its default template (a <ul>).
func (l *ErrorList) HTML() (renderers.HTML, error) { return l.render(errorListTemplate) }

// AsUL renders the list as a <ul>.
func (l *ErrorList) AsUL() (renderers.HTML, error) { return l.render(errorListULTemplate) }

// AsText renders the list as text, "* message" per line.
func (l *ErrorList) AsText() (string, error) {
	h, err := l.render(errorListTextTemplate)
	return string(h), err
}

func (l *ErrorList) render(name string) (renderers.HTML, error) {
	if l == nil {
		l = &ErrorList{Class: "errorlist"}
	}
	if err := l.nesting.Enter(name); err != nil {
		return "", err
	}
	defer l.nesting.Leave()
	if h, ok, err := l.renderView(name); ok {
		return h, err
	}
	r := l.rendererOrDefault()
	s, err := renderers.RenderString(r, name, l.context())
	if err == nil && name != errorListTextTemplate {
		b := getBuffer()
		defer putBuffer(b)
		b.WriteString(s)
		renderers.UseEngineEntities(r, b, 0)
		s = b.String()
	}
	return renderers.HTML(s), err
}

// writeInterpolated writes pyfmt.Interpolate(format, params) escaped,
// without building the message first: the same scan, with the literal
// text escaped in runs and each conversion but a string's %(name)s left
// to Interpolate.
func writeInterpolated(b *bytes.Buffer, format string, params map[string]any) {
	last := 0 // where the literal text not yet written starts
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 >= len(format) {
			continue
		}
		if format[i+1] == '%' {
			renderers.EscapeTo(b, format[last:i])
			b.WriteByte('%')
			i++
			last = i + 1
			continue
		}
		if format[i+1] != '(' {
			continue
		}
		end := strings.IndexByte(format[i+2:], ')')
		if end < 0 || i+2+end+1 >= len(format) {
			continue
		}
		val, ok := params[format[i+2:i+2+end]]
		if !ok {
			continue
		}
		renderers.EscapeTo(b, format[last:i])
		spec := format[i : i+2+end+2]
		conv := spec[len(spec)-1]
		if s, isStr := val.(string); isStr && conv == 's' {
			renderers.EscapeTo(b, s)
		} else if n, isInt := val.(int); isInt && (conv == 'd' || conv == 's') {
			// A count or a limit, the usual number in a message: its
			// digits need no escaping, nor a string of their own.
			b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(n), 10))
		} else {
			renderers.EscapeTo(b, pyfmt.Interpolate(spec, params))
		}
		i += 2 + end + 1
		last = i + 1
	}
	renderers.EscapeTo(b, format[last:])
}

// object is the list as templates see it: it prints as HTML, iterates
// over its messages and is false when empty.
func (l *ErrorList) object(sink *renderers.ErrorSink) renderers.Object {
	if l.Len() == 0 {
		return renderers.Object{}
	}
	return renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := l.HTML()
			sink.Set(err)
			return h
		},
		renderers.IterKey: func() []any {
			msgs := l.Messages()
			out := make([]any, len(msgs))
			for i, m := range msgs {
				out[i] = m
			}
			return out
		},
		"error_class":   l.Class,
		"as_ul":         func() any { return renderMethod(l.AsUL, sink) },
		"as_text":       func() any { return renderTextMethod(l.AsText, sink) },
		"as_json":       func() any { return l.AsJSON() },
		"get_json_data": func() any { return l.jsonData() },
	}
}

// object is the dict as templates see form.errors: it prints as HTML,
// iterates over its field names, has .items, a list per field name
// ({{ form.errors.email }}), as_ul and as_text, and is false when empty.
func (d *ErrorDict) object(sink *renderers.ErrorSink) renderers.Object {
	if d.Len() == 0 {
		return renderers.Object{}
	}
	o := renderers.Object{
		renderers.HTMLKey: func() renderers.HTML {
			h, err := d.HTML()
			sink.Set(err)
			return h
		},
		"as_ul":         func() any { return renderMethod(d.AsUL, sink) },
		"as_text":       func() any { return renderTextMethod(d.AsText, sink) },
		"as_json":       func() any { return d.AsJSON() },
		"get_json_data": func() any { return d.jsonData() },
	}
	keys := make([]any, d.Len())
	items := make([]any, d.Len())
	lists := make([]renderers.Object, d.Len())
	for i, k := range d.Keys() {
		lists[i] = d.lists[i].object(sink)
		keys[i], items[i] = k, []any{k, lists[i]}
	}
	o[renderers.IterKey] = keys
	o["items"] = items
	o["keys"] = keys
	// A field's name is looked up before the dict's attributes, as
	// Django's template lookup tries errors[name] first.
	for i, k := range d.Keys() {
		o[k] = lists[i]
	}
	return o
}

// ErrorDict maps field names (and NonFieldErrors) to their errors, in the
// order they were added.
type ErrorDict struct {
	// keys and lists are parallel; a form has few fields with errors,
	// so a scan finds one faster than a map would.
	keys     []string
	lists    []*ErrorList
	renderer renderers.Renderer
	nesting  renderers.Nesting
	// keyBuf and listBuf back keys and lists for the first few fields
	// with errors, without allocations of their own.
	keyBuf  [4]string
	listBuf [4]*ErrorList
}

// Len returns the number of fields with errors.
func (d *ErrorDict) Len() int {
	if d == nil {
		return 0
	}
	return len(d.keys)
}

// Keys returns the names with errors, in order.
func (d *ErrorDict) Keys() []string {
	if d == nil {
		return nil
	}
	return d.keys
}

// Get returns the errors of name, or nil.
func (d *ErrorDict) Get(name string) *ErrorList {
	if d == nil {
		return nil
	}
	for i, k := range d.keys {
		if k == name {
			return d.lists[i]
		}
	}
	return nil
}

// Has reports whether name has errors.
func (d *ErrorDict) Has(name string) bool { return d.Get(name) != nil }

func (d *ErrorDict) set(name string, l *ErrorList) {
	for i, k := range d.keys {
		if k == name {
			d.lists[i] = l
			return
		}
	}
	if d.keys == nil {
		// Room for a few without growing: forms rarely have more.
		d.keys, d.lists = d.keyBuf[:0], d.listBuf[:0]
	}
	d.keys = append(d.keys, name)
	d.lists = append(d.lists, l)
}

// JSON returns Django's get_json_data(): for each name, its errors.
func (d *ErrorDict) JSON() map[string][]JSONError {
	out := make(map[string][]JSONError, d.Len())
	for i, k := range d.Keys() {
		out[k] = d.lists[i].JSON()
	}
	return out
}

// AsJSON returns Django's as_json(): get_json_data() as Python's
// json.dumps writes it, byte for byte, the fields in the order their
// errors were added.
func (d *ErrorDict) AsJSON() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range d.Keys() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyfmt.JSONQuote(k) + ": ")
		d.lists[i].writeJSON(&b)
	}
	b.WriteByte('}')
	return b.String()
}

// jsonData is get_json_data() as templates see it: a dict of the
// fields' lists that prints as Python's repr of it.
func (d *ErrorDict) jsonData() renderers.Object {
	keys := make([]any, d.Len())
	items := make([]any, d.Len())
	o := renderers.Object{}
	var repr strings.Builder
	repr.WriteByte('{')
	for i, k := range d.Keys() {
		list := d.lists[i].jsonData()
		keys[i], items[i] = k, []any{k, list}
		if i > 0 {
			repr.WriteString(", ")
		}
		repr.WriteString(pyfmt.Repr(k) + ": " + list[renderers.HTMLKey].(string))
	}
	repr.WriteByte('}')
	o[renderers.HTMLKey] = repr.String()
	o[renderers.IterKey] = keys
	o["items"] = items
	o["keys"] = keys
	// A key is looked up before the dict's methods, as Django's
	// template lookup tries data[name] first.
	for i, k := range keys {
		o[k.(string)] = items[i].([]any)[1]
	}
	return o
}

func (d *ErrorDict) rendererOrDefault() renderers.Renderer {
	if d == nil || d.renderer == nil {
		return renderers.Default()
	}
	return d.renderer
}

func (d *ErrorDict) context(sink *renderers.ErrorSink) renderers.Context {
	items := make([]any, 0, d.Len())
	for i, k := range d.Keys() {
		items = append(items, []any{k, d.lists[i].object(sink)})
	}
	return renderers.Context{"errors": items, "error_class": "errorlist"}
}

func (d *ErrorDict) render(name string) (renderers.HTML, error) {
	if err := d.nesting.Enter(name); err != nil {
		return "", err
	}
	defer d.nesting.Leave()
	if h, ok, err := d.renderView(name); ok {
		return h, err
	}
	sink := &renderers.ErrorSink{}
	s, err := renderers.RenderString(d.rendererOrDefault(), name, d.context(sink))
	if err == nil {
		err = sink.Err()
	}
	return renderers.HTML(s), err
}

// renderView renders the named error dict template with its generated
// writer; ok is false when the engine must render it.
func (d *ErrorDict) renderView(name string) (h renderers.HTML, ok bool, err error) {
	r := d.rendererOrDefault()
	if !renderers.NativeOK(r, name) {
		return "", false, nil
	}
	sc := dictScratchPool.Get().(*dictScratch)
	defer sc.release()
	for i, k := range d.Keys() {
		sc.lists = append(sc.lists, dictList{d.lists[i], sc})
		sc.items = append(sc.items, renderers.ErrorDictItem{Field: k})
	}
	for i := range sc.items {
		sc.items[i].Errors = &sc.lists[i]
	}
	b := getBuffer()
	defer putBuffer(b)
	v := renderers.ErrorDictView{Errors: sc.items, ErrorClass: "errorlist"}
	if ok, err = renderers.WriteErrorDict(b, r, name, &v); !ok || err != nil {
		return "", ok, err
	}
	// What the dict's template prints itself (field names, and messages
	// in text.txt) is escaped as its renderer's engine escapes (Jinja2:
	// markupsafe's entities, in the text template too); each list printed
	// whole ({{ error }}) keeps its own renderer's spelling. Without an
	// entity there is nothing to respell.
	if bytes.IndexByte(b.Bytes(), '&') < 0 {
		return renderers.HTML(b.String()), true, nil
	}
	out := getBuffer()
	defer putBuffer(out)
	last := 0
	for _, sp := range append(sc.spans, [2]int{b.Len(), b.Len()}) {
		start := out.Len()
		out.Write(b.Bytes()[last:sp[0]])
		renderers.UseEngineEntities(r, out, start)
		out.Write(b.Bytes()[sp[0]:sp[1]])
		last = sp[1]
	}
	return renderers.HTML(out.String()), true, nil
}

// dictList is a field's error list as its error dict's template sees it,
// noting in its scratch where it printed itself whole.
type dictList struct {
	*ErrorList
	sc *dictScratch
}

func (l *dictList) WriteHTML(b *bytes.Buffer) error {
	start := b.Len()
	err := l.ErrorList.WriteHTML(b)
	l.sc.spans = append(l.sc.spans, [2]int{start, b.Len()})
	return err
}

// dictScratch is the reusable memory of one error dict rendering.
type dictScratch struct {
	items []renderers.ErrorDictItem
	lists []dictList
	spans [][2]int
}

var dictScratchPool = sync.Pool{New: func() any { return new(dictScratch) }}

func (sc *dictScratch) release() {
	clear(sc.items)
	clear(sc.lists)
	sc.items, sc.lists, sc.spans = sc.items[:0], sc.lists[:0], sc.spans[:0]
	dictScratchPool.Put(sc)
}

// AsUL renders the errors as nested <ul> lists.
func (d *ErrorDict) AsUL() (renderers.HTML, error) { return d.render(errorDictULTemplate) }

// HTML renders the errors with the default template (as AsUL).
func (d *ErrorDict) HTML() (renderers.HTML, error) { return d.render(errorDictTemplate) }

// AsText renders the errors as an indented text list.
func (d *ErrorDict) AsText() (string, error) {
	h, err := d.render(errorDictTextTemplate)
	return string(h), err
}
