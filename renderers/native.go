package renderers

import (
	"bytes"
	"strconv"

	"github.com/formwork/formwork/internal/pyfmt"
)

// The fast path. Most forms render with Django's built-in templates,
// unchanged; running them through a template engine costs far more than
// the HTML they produce. So the built-in form, label, error-list and
// widget templates also exist here as Go code writing the same bytes from
// the same context, and RenderString uses that code whenever the renderer
// is DjangoTemplates or Jinja2 without Reload and none of the templates
// involved is overridden by the renderer's overlay. Anything unexpected in
// the context (a custom option template, a value of an unknown kind)
// makes the native code decline, and the engine renders as before.

// nativeTemplate is a built-in template written in Go. fn writes the
// template's output (before the final trimming of RenderString) and
// reports false to decline. deps are the templates it stands for.
type nativeTemplate struct {
	fn   func(b *bytes.Buffer, ctx Context, jinja bool) bool
	deps []string
}

const (
	tplAttrs       = "django/forms/widgets/attrs.html"
	tplInput       = "django/forms/widgets/input.html"
	tplInputOption = "django/forms/widgets/input_option.html"
	tplSelect      = "django/forms/widgets/select.html"
	tplSelectOpt   = "django/forms/widgets/select_option.html"
	tplMultiInput  = "django/forms/widgets/multiple_input.html"
	tplRadioOpt    = "django/forms/widgets/radio_option.html"
	tplCheckOpt    = "django/forms/widgets/checkbox_option.html"
	tplFormAttrs   = "django/forms/attrs.html"
	tplErrList     = "django/forms/errors/list/default.html"
	tplErrListUL   = "django/forms/errors/list/ul.html"
)

var natives = func() map[string]nativeTemplate {
	m := map[string]nativeTemplate{}
	input := []string{tplInput, tplAttrs}
	for _, n := range []string{"text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "checkbox", "file"} {
		m["django/forms/widgets/"+n+".html"] = nativeTemplate{nativeInput, append([]string{"django/forms/widgets/" + n + ".html"}, input...)}
	}
	m[tplInput] = nativeTemplate{nativeInput, input}
	m["django/forms/widgets/textarea.html"] = nativeTemplate{nativeTextarea, []string{"django/forms/widgets/textarea.html", tplAttrs}}
	m[tplSelect] = nativeTemplate{nativeSelect, []string{tplSelect, tplSelectOpt, tplAttrs}}
	multi := []string{tplMultiInput, tplRadioOpt, tplCheckOpt, tplInputOption, tplInput, tplAttrs}
	m["django/forms/widgets/radio.html"] = nativeTemplate{nativeMultipleInput, append([]string{"django/forms/widgets/radio.html"}, multi...)}
	m["django/forms/widgets/checkbox_select.html"] = nativeTemplate{nativeMultipleInput, append([]string{"django/forms/widgets/checkbox_select.html"}, multi...)}
	m["django/forms/label.html"] = nativeTemplate{nativeLabel, []string{"django/forms/label.html", tplFormAttrs}}
	m[tplErrList] = nativeTemplate{nativeErrorList, []string{tplErrList, tplErrListUL}}
	m[tplErrListUL] = nativeTemplate{nativeErrorList, []string{tplErrListUL}}
	m["django/forms/div.html"] = nativeTemplate{nativeForm(writeFormDiv, true), []string{"django/forms/div.html"}}
	m["django/forms/p.html"] = nativeTemplate{nativeForm(writeFormP, false), []string{"django/forms/p.html"}}
	m["django/forms/ul.html"] = nativeTemplate{nativeForm(writeFormUL, false), []string{"django/forms/ul.html"}}
	m["django/forms/table.html"] = nativeTemplate{nativeForm(writeFormTable, false), []string{"django/forms/table.html"}}
	m["django/forms/default.html"] = nativeTemplate{nativeForm(writeFormTable, false), []string{"django/forms/default.html", "django/forms/table.html"}}
	for style, method := range map[string]string{"default": "", "div": "as_div", "p": "as_p", "table": "as_table", "ul": "as_ul"} {
		n := "django/forms/formsets/" + style + ".html"
		m[n] = nativeTemplate{nativeFormset(method), []string{n}}
	}
	return m
}()

// nativeFlavor reports whether r renders every one of names with the
// built-in templates, and whether in Jinja's flavour (which drops each
// template's final newline).
func nativeFlavor(r Renderer, names []string) (jinja, ok bool) {
	switch x := r.(type) {
	case *DjangoTemplates:
		if x.Reload {
			return false, false
		}
		for _, n := range names {
			if x.Overridden(n) {
				return false, false
			}
		}
		return false, true
	case *Jinja2:
		if x.Reload {
			return false, false
		}
		for _, n := range names {
			if x.Overridden(n) {
				return false, false
			}
		}
		return true, true
	}
	return false, false
}

// NativeOK reports whether RenderString may render the named built-in
// template with Go code instead of r's engine: r is DjangoTemplates or
// Jinja2, not reloading, and overrides none of the templates it involves.
func NativeOK(r Renderer, name string) bool {
	nt, ok := natives[name]
	if !ok {
		return false
	}
	_, ok = nativeFlavor(r, nt.deps)
	return ok
}

// renderNative renders name natively into buf when it can.
func renderNative(buf *bytes.Buffer, r Renderer, name string, ctx Context) bool {
	nt, ok := natives[name]
	if !ok {
		return false
	}
	jinja, ok := nativeFlavor(r, nt.deps)
	if !ok {
		return false
	}
	if !nt.fn(buf, ctx, jinja) {
		buf.Reset()
		return false
	}
	return true
}

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

func widgetOf(ctx Context) (map[string]any, bool) {
	w, ok := ctx["widget"].(map[string]any)
	return w, ok
}

// writeInput is input.html without its final newline.
func writeInput(b *bytes.Buffer, w map[string]any) bool {
	attrs, ok := w["attrs"].(Attrs)
	if !ok {
		return false
	}
	b.WriteString(`<input type="`)
	writeValue(b, w["type"])
	b.WriteString(`" name="`)
	writeValue(b, w["name"])
	b.WriteByte('"')
	if v := w["value"]; v != nil {
		b.WriteString(` value="`)
		writeValue(b, v)
		b.WriteByte('"')
	}
	WriteAttrs(b, attrs)
	b.WriteByte('>')
	return true
}

func nativeInput(b *bytes.Buffer, ctx Context, _ bool) bool {
	w, ok := widgetOf(ctx)
	return ok && writeInput(b, w)
}

func nativeTextarea(b *bytes.Buffer, ctx Context, _ bool) bool {
	w, ok := widgetOf(ctx)
	if !ok {
		return false
	}
	attrs, ok := w["attrs"].(Attrs)
	if !ok {
		return false
	}
	show, ok := truthy(w["value"])
	if !ok {
		return false
	}
	b.WriteString(`<textarea name="`)
	writeValue(b, w["name"])
	b.WriteByte('"')
	WriteAttrs(b, attrs)
	b.WriteString(">\n")
	if show {
		writeValue(b, w["value"])
	}
	b.WriteString("</textarea>")
	return true
}

// optgroup unpacks one [name, options, index] group.
func optgroup(g any) (name any, options []any, ok bool) {
	t, ok := g.([]any)
	if !ok || len(t) < 2 {
		return nil, nil, false
	}
	options, ok = t[1].([]any)
	return t[0], options, ok
}

func nativeSelect(b *bytes.Buffer, ctx Context, jinja bool) bool {
	w, ok := widgetOf(ctx)
	if !ok {
		return false
	}
	attrs, ok := w["attrs"].(Attrs)
	if !ok {
		return false
	}
	groups, ok := w["optgroups"].([]any)
	if !ok && w["optgroups"] != nil {
		return false
	}
	b.WriteString(`<select name="`)
	writeValue(b, w["name"])
	b.WriteByte('"')
	WriteAttrs(b, attrs)
	b.WriteByte('>')
	for _, g := range groups {
		name, options, ok := optgroup(g)
		if !ok {
			return false
		}
		named, ok := truthy(name)
		if !ok {
			return false
		}
		if named {
			b.WriteString("\n  <optgroup label=\"")
			writeValue(b, name)
			b.WriteString(`">`)
		}
		for _, o := range options {
			opt, ok := o.(map[string]any)
			if !ok || opt["template_name"] != tplSelectOpt {
				return false
			}
			oa, ok := opt["attrs"].(Attrs)
			if !ok {
				return false
			}
			b.WriteString("\n  <option value=\"")
			writeValue(b, opt["value"])
			b.WriteByte('"')
			WriteAttrs(b, oa)
			b.WriteByte('>')
			writeValue(b, opt["label"])
			b.WriteString("</option>")
			if !jinja {
				b.WriteByte('\n')
			}
		}
		if named {
			b.WriteString("\n  </optgroup>")
		}
	}
	b.WriteString("\n</select>")
	return true
}

func nativeMultipleInput(b *bytes.Buffer, ctx Context, jinja bool) bool {
	w, ok := widgetOf(ctx)
	if !ok {
		return false
	}
	attrs, ok := w["attrs"].(Attrs)
	if !ok {
		return false
	}
	groups, ok := w["optgroups"].([]any)
	if !ok && w["optgroups"] != nil {
		return false
	}
	id := attrs["id"]
	hasID, ok1 := truthy(id)
	hasClass, ok2 := truthy(attrs["class"])
	if !ok1 || !ok2 {
		return false
	}
	b.WriteString("<div")
	if hasID {
		b.WriteString(` id="`)
		writeValue(b, id)
		b.WriteByte('"')
	}
	if hasClass {
		b.WriteString(` class="`)
		writeValue(b, attrs["class"])
		b.WriteByte('"')
	}
	b.WriteByte('>')
	for _, g := range groups {
		name, options, ok := optgroup(g)
		if !ok {
			return false
		}
		named, ok := truthy(name)
		if !ok {
			return false
		}
		if named {
			b.WriteString("\n  <div><label>")
			writeValue(b, name)
			b.WriteString("</label>")
		}
		for _, o := range options {
			opt, ok := o.(map[string]any)
			if !ok {
				return false
			}
			if t := opt["template_name"]; t != tplRadioOpt && t != tplCheckOpt {
				return false
			}
			b.WriteString("<div>\n    ")
			if !writeInputOption(b, opt, jinja) {
				return false
			}
			b.WriteString("</div>")
		}
		if named {
			b.WriteString("\n  </div>")
		}
	}
	b.WriteString("\n</div>")
	return true
}

// writeInputOption is radio_option.html (or checkbox_option.html) as
// included: in Django's flavour each of the three nested templates adds
// its final newline.
func writeInputOption(b *bytes.Buffer, opt map[string]any, jinja bool) bool {
	oa, ok := opt["attrs"].(Attrs)
	if !ok {
		return false
	}
	wrap, ok := truthy(opt["wrap_label"])
	if !ok {
		return false
	}
	if wrap {
		b.WriteString("<label")
		hasID, ok := truthy(oa["id"])
		if !ok {
			return false
		}
		if hasID {
			b.WriteString(` for="`)
			writeValue(b, oa["id"])
			b.WriteByte('"')
		}
		b.WriteByte('>')
	}
	if !writeInput(b, opt) {
		return false
	}
	if !jinja {
		b.WriteByte('\n')
	}
	if wrap {
		b.WriteByte(' ')
		writeValue(b, opt["label"])
		b.WriteString("</label>")
	}
	if !jinja {
		b.WriteString("\n\n")
	}
	return true
}

func nativeLabel(b *bytes.Buffer, ctx Context, _ bool) bool {
	useTag, ok := truthy(ctx["use_tag"])
	if !ok {
		return false
	}
	if !useTag {
		writeValue(b, ctx["label"])
		return true
	}
	attrs, ok := ctx["attrs"].(Attrs)
	if !ok && ctx["attrs"] != nil {
		return false
	}
	b.WriteByte('<')
	writeValue(b, ctx["tag"])
	WriteAttrs(b, attrs)
	b.WriteByte('>')
	writeValue(b, ctx["label"])
	b.WriteString("</")
	writeValue(b, ctx["tag"])
	b.WriteByte('>')
	return true
}

func nativeErrorList(b *bytes.Buffer, ctx Context, _ bool) bool {
	errs, ok := ctx["errors"].([]any)
	if !ok && ctx["errors"] != nil {
		return false
	}
	if len(errs) == 0 {
		return true
	}
	b.WriteString(`<ul class="`)
	writeValue(b, ctx["error_class"])
	b.WriteString(`">`)
	for _, e := range errs {
		b.WriteString("<li>")
		writeValue(b, e)
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
	return true
}

// FormData is what the built-in form templates print, computed ahead:
// forms fill it in without building template objects and render it with
// RenderForm. The markup fields are HTML as bytes, so that a form can
// write every piece into one scratch buffer and point into it.
type FormData struct {
	// Errors are the form's own errors (and its hidden fields'), as HTML.
	Errors    []byte
	HasErrors bool
	Rows      []FormRow
	// Hidden is the HTML of every hidden field, in order.
	Hidden []byte
}

// FormRow is one visible field of a form template's loop.
type FormRow struct {
	Classes     string
	UseFieldset bool
	HasLabel    bool
	// Label is the field's label_tag; Legend its legend_tag, which only
	// the div style prints (with UseFieldset).
	Label    []byte
	Legend   []byte
	HelpText string
	Errors   []byte
	Field    []byte
}

// formWriters are the built-in form templates by name.
var formWriters = map[string]func(b *bytes.Buffer, d *FormData){
	"django/forms/div.html":     writeFormDiv,
	"django/forms/p.html":       writeFormP,
	"django/forms/ul.html":      writeFormUL,
	"django/forms/table.html":   writeFormTable,
	"django/forms/default.html": writeFormTable,
}

// RenderForm renders the named built-in form template natively from d,
// trimmed as RenderString trims; ok is false when r's engine must render
// it (the template is not built in, or is overridden).
func RenderForm(r Renderer, name string, d *FormData) (h HTML, ok bool) {
	wf, ok := formWriters[name]
	if !ok || !NativeOK(r, name) {
		return "", false
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	wf(buf, d)
	return HTML(bytes.TrimSpace(buf.Bytes())), true
}

// formFromContext reads a form template's context into a FormData, in
// the order the templates print: ok is false for a context of another
// shape.
func formFromContext(ctx Context, div bool) (*FormData, bool) {
	d := &FormData{}
	errs := ctx["errors"]
	var ok bool
	if d.HasErrors, ok = truthy(errs); !ok {
		return nil, false
	}
	var eb bytes.Buffer
	writeValue(&eb, errs)
	d.Errors = eb.Bytes()
	fields, ok := ctx["fields"].([]any)
	if !ok && ctx["fields"] != nil {
		return nil, false
	}
	hidden, ok := ctx["hidden_fields"].([]any)
	if !ok && ctx["hidden_fields"] != nil {
		return nil, false
	}
	for _, f := range fields {
		t, ok := f.([]any)
		if !ok || len(t) != 2 {
			return nil, false
		}
		o, ok := t[0].(Object)
		if !ok {
			return nil, false
		}
		var r FormRow
		var ok1, ok2, ok3 bool
		r.UseFieldset, ok1 = truthy(o["use_fieldset"])
		r.HasLabel, ok2 = truthy(o["label"])
		_, ok3 = truthy(o["help_text"])
		if !ok1 || !ok2 || !ok3 {
			return nil, false
		}
		var b bytes.Buffer
		c := call(o, "css_classes")
		if t, ok := truthy(c); !ok {
			return nil, false
		} else if t {
			writeValue(&b, c)
			r.Classes = b.String()
			b.Reset()
		}
		if r.HasLabel {
			if div && r.UseFieldset {
				writeValue(&b, call(o, "legend_tag"))
				r.Legend = bytes.Clone(b.Bytes())
			} else {
				writeValue(&b, call(o, "label_tag"))
				r.Label = bytes.Clone(b.Bytes())
			}
			b.Reset()
		}
		writeSafe(&b, o["help_text"])
		r.HelpText = b.String()
		b.Reset()
		writeValue(&b, t[1])
		r.Errors = bytes.Clone(b.Bytes())
		b.Reset()
		writeValue(&b, o)
		r.Field = bytes.Clone(b.Bytes())
		d.Rows = append(d.Rows, r)
	}
	var hb bytes.Buffer
	for _, h := range hidden {
		writeValue(&hb, h)
	}
	d.Hidden = hb.Bytes()
	return d, true
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

func nativeForm(w func(*bytes.Buffer, *FormData), div bool) func(*bytes.Buffer, Context, bool) bool {
	return func(b *bytes.Buffer, ctx Context, _ bool) bool {
		d, ok := formFromContext(ctx, div)
		if ok {
			w(b, d)
		}
		return ok
	}
}

func (r *FormRow) writeClasses(b *bytes.Buffer) {
	if r.Classes != "" {
		b.WriteString(` class="`)
		b.WriteString(r.Classes)
		b.WriteByte('"')
	}
}

// writeTail is the end every built-in form template shares.
func (d *FormData) writeTail(b *bytes.Buffer) {
	b.WriteByte('\n')
	if len(d.Rows) == 0 && !d.HasErrors {
		b.WriteString("\n  ")
		b.Write(d.Hidden)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}

func (d *FormData) writeLastHidden(b *bytes.Buffer, i int, indent string) {
	b.WriteString(indent)
	if i == len(d.Rows)-1 {
		b.WriteString("\n  ")
		b.WriteString(indent[1:])
		b.Write(d.Hidden)
		b.WriteString(indent)
	}
}

func writeFormDiv(b *bytes.Buffer, d *FormData) {
	b.Write(d.Errors)
	b.WriteByte('\n')
	if d.HasErrors && len(d.Rows) == 0 {
		b.WriteString("\n  <div>")
		b.Write(d.Hidden)
		b.WriteString("</div>\n")
	}
	b.WriteByte('\n')
	for i := range d.Rows {
		r := &d.Rows[i]
		b.WriteString("\n  <div")
		r.writeClasses(b)
		b.WriteString(">\n    ")
		if r.UseFieldset {
			b.WriteString("\n      <fieldset>\n      ")
			if r.HasLabel {
				b.Write(r.Legend)
			}
		} else {
			b.WriteString("\n      ")
			if r.HasLabel {
				b.Write(r.Label)
			}
		}
		b.WriteString("\n    \n    ")
		if r.HelpText != "" {
			b.WriteString(`<div class="helptext">`)
			b.WriteString(r.HelpText)
			b.WriteString("</div>")
		}
		b.WriteString("\n    ")
		b.Write(r.Errors)
		b.WriteString("\n    ")
		b.Write(r.Field)
		b.WriteString("\n    ")
		if r.UseFieldset {
			b.WriteString("</fieldset>")
		}
		d.writeLastHidden(b, i, "\n    ")
		b.WriteString("\n</div>\n")
	}
	d.writeTail(b)
}

func writeFormP(b *bytes.Buffer, d *FormData) {
	b.Write(d.Errors)
	b.WriteByte('\n')
	if d.HasErrors && len(d.Rows) == 0 {
		b.WriteString("\n  <p>")
		b.Write(d.Hidden)
		b.WriteString("</p>\n")
	}
	b.WriteByte('\n')
	for i := range d.Rows {
		r := &d.Rows[i]
		b.WriteString("\n  ")
		b.Write(r.Errors)
		b.WriteString("\n  <p")
		r.writeClasses(b)
		b.WriteString(">\n    ")
		if r.HasLabel {
			b.Write(r.Label)
		}
		b.WriteString("\n    ")
		b.Write(r.Field)
		b.WriteString("\n    ")
		if r.HelpText != "" {
			b.WriteString("\n      <span class=\"helptext\">")
			b.WriteString(r.HelpText)
			b.WriteString("</span>\n    ")
		}
		d.writeLastHidden(b, i, "\n    ")
		b.WriteString("\n  </p>\n")
	}
	d.writeTail(b)
}

func writeFormUL(b *bytes.Buffer, d *FormData) {
	if d.HasErrors {
		b.WriteString("\n  <li>\n    ")
		b.Write(d.Errors)
		b.WriteString("\n  ")
		if len(d.Rows) == 0 {
			b.WriteString("\n    ")
			b.Write(d.Hidden)
			b.WriteString("\n  ")
		}
		b.WriteString("\n  </li>\n")
	}
	b.WriteByte('\n')
	for i := range d.Rows {
		r := &d.Rows[i]
		b.WriteString("\n  <li")
		r.writeClasses(b)
		b.WriteString(">\n    ")
		b.Write(r.Errors)
		b.WriteString("\n    ")
		if r.HasLabel {
			b.Write(r.Label)
		}
		b.WriteString("\n    ")
		b.Write(r.Field)
		b.WriteString("\n    ")
		if r.HelpText != "" {
			b.WriteString("\n      <span class=\"helptext\">")
			b.WriteString(r.HelpText)
			b.WriteString("</span>\n    ")
		}
		d.writeLastHidden(b, i, "\n    ")
		b.WriteString("\n  </li>\n")
	}
	d.writeTail(b)
}

func writeFormTable(b *bytes.Buffer, d *FormData) {
	if d.HasErrors {
		b.WriteString("\n  <tr>\n    <td colspan=\"2\">\n      ")
		b.Write(d.Errors)
		b.WriteString("\n      ")
		if len(d.Rows) == 0 {
			b.WriteString("\n        ")
			b.Write(d.Hidden)
			b.WriteString("\n      ")
		}
		b.WriteString("\n    </td>\n  </tr>\n")
	}
	b.WriteByte('\n')
	for i := range d.Rows {
		r := &d.Rows[i]
		b.WriteString("\n  <tr")
		r.writeClasses(b)
		b.WriteString(">\n    <th>")
		if r.HasLabel {
			b.Write(r.Label)
		}
		b.WriteString("</th>\n    <td>\n      ")
		b.Write(r.Errors)
		b.WriteString("\n      ")
		b.Write(r.Field)
		b.WriteString("\n      ")
		if r.HelpText != "" {
			b.WriteString("\n        <br>\n        <span class=\"helptext\">")
			b.WriteString(r.HelpText)
			b.WriteString("</span>\n      ")
		}
		d.writeLastHidden(b, i, "\n      ")
		b.WriteString("\n    </td>\n  </tr>\n")
	}
	d.writeTail(b)
}

// NativeFormOK reports whether RenderForm can render the named form
// template with r.
func NativeFormOK(r Renderer, name string) bool {
	_, ok := formWriters[name]
	return ok && NativeOK(r, name)
}

// nativeFormset is a built-in formset template: the management form,
// then each form printed as it is (method "") or by its method
// ("as_div"...). The forms render themselves, natively or not.
func nativeFormset(method string) func(*bytes.Buffer, Context, bool) bool {
	return func(b *bytes.Buffer, ctx Context, _ bool) bool {
		fs, ok := ctx["formset"].(Object)
		if !ok {
			return false
		}
		mf, ok := fs["management_form"].(Object)
		if !ok {
			return false
		}
		writeValue(b, mf)
		for _, f := range fs.Items() {
			o, ok := f.(Object)
			if !ok {
				return false
			}
			if method == "" {
				writeValue(b, o)
				continue
			}
			switch v := call(o, method).(type) {
			case templateHTML, HTML:
				writeValue(b, v)
			default:
				return false
			}
		}
		return true
	}
}
