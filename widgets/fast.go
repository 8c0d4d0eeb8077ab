package widgets

import (
	"bytes"
	"strconv"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// The fast path of the common widgets. When the renderer would print a
// widget with its built-in template (renderers.NativeFlavor), the HTML is
// written here straight from the widget's settings and choices: the same
// bytes as the template fed with Context, without the context maps or
// the per-option attributes. Anything unusual (a widget type not listed,
// an attribute value the native templates do not handle) falls back to
// Render.

// WriteHTML writes what Render returns for w to b. extra are the
// attributes added to the widget's own (nil for none): a bound field's
// id, required and disabled.
func WriteHTML(b *bytes.Buffer, w Widget, name string, value any, extra *renderers.AttrSet, r renderers.Renderer) error {
	if r == nil {
		r = renderers.Default()
	}
	if writeFast(b, w, name, value, extra, r) {
		return nil
	}
	var attrs renderers.Attrs
	if extra != nil {
		attrs = extra.Attrs()
	}
	s, err := renderEngine(w, name, value, attrs, r)
	if err != nil {
		return err
	}
	b.WriteString(s)
	return nil
}

// writeFast writes w natively; false (with b as it was) when it cannot.
func writeFast(b *bytes.Buffer, w Widget, name string, value any, extra *renderers.AttrSet, r renderers.Renderer) bool {
	var typ string
	var check func(any) bool
	switch x := w.(type) {
	case *TextInput:
		typ = x.typeOr("text")
	case *NumberInput:
		typ = x.typeOr("number")
	case *EmailInput:
		typ = x.typeOr("email")
	case *URLInput:
		typ = x.typeOr("url")
	case *PasswordInput:
		typ = x.typeOr("password")
		if !x.RenderValue {
			value = nil
		}
	case *HiddenInput:
		typ = x.typeOr("hidden")
	case *DateInput:
		typ = x.typeOr("text")
	case *DateTimeInput:
		typ = x.typeOr("text")
	case *TimeInput:
		typ = x.typeOr("text")
	case *FileInput:
		typ = x.typeOr("file")
	case *CheckboxInput:
		typ = x.typeOr("checkbox")
		check = x.CheckTest
		if check == nil {
			check = booleanCheck
		}
	case *Textarea, *Select, *SelectMultiple, *NullBooleanSelect, *RadioSelect, *CheckboxSelectMultiple:
	default:
		return false
	}
	jinja, ok := renderers.NativeFlavor(r, w.TemplateName())
	if !ok {
		return false
	}
	var attrs renderers.AttrSet
	if !attrs.SetAll(w.Base().Attrs) || (extra != nil && !attrs.Merge(extra)) {
		return false
	}
	mark := b.Len()
	ok = false
	switch x := w.(type) {
	case *Textarea:
		ok = writeTextarea(b, x.FormatValue(value), name, &attrs)
	case *SelectMultiple:
		ok = writeSelect(b, x.Choices, true, name, selectionOf(x, value, true), &attrs, jinja)
	case *NullBooleanSelect:
		ok = writeSelect(b, x.choices(), false, name, selection{fv: x.FormatValue(value)}, &attrs, jinja)
	case *Select:
		ok = writeSelect(b, x.Choices, x.AllowMultipleSelected, name, selectionOf(x, value, x.AllowMultipleSelected), &attrs, jinja)
	case *CheckboxSelectMultiple:
		ok = writeChoiceList(b, checkboxKind, x.Choices, true, name, selectionOf(x, value, true), &attrs, jinja)
	case *RadioSelect:
		ok = writeChoiceList(b, radioKind, x.Choices, x.AllowMultipleSelected, name, selectionOf(x, value, x.AllowMultipleSelected), &attrs, jinja)
	default:
		if check != nil && check(value) && !attrs.Set("checked", true) {
			break
		}
		if in, plain := plainInput(w); plain && !in.Localized {
			// Input.FormatValue, without boxing the string.
			if isNone(value) || value == "" {
				ok = writeInputTag(b, typ, name, nil, &attrs)
			} else {
				ok = writeInputString(b, typ, name, pyfmt.Str(value), &attrs)
			}
			break
		}
		ok = writeInputTag(b, typ, name, w.FormatValue(value), &attrs)
	}
	if !ok {
		b.Truncate(mark)
	}
	return ok
}

// plainInput returns the Input of a widget whose FormatValue is
// Input's own.
func plainInput(w Widget) (*Input, bool) {
	switch x := w.(type) {
	case *TextInput:
		return &x.Input, true
	case *NumberInput:
		return &x.Input, true
	case *EmailInput:
		return &x.Input, true
	case *URLInput:
		return &x.Input, true
	case *PasswordInput:
		return &x.Input, true
	case *HiddenInput:
		return &x.Input, true
	}
	return nil, false
}

// selection is the value of a choice widget as optgroups tests its
// options against it: in general choiceIn(fv, option), and for the
// usual values (one string, a list of strings, nothing) the same test
// without formatting the value into a new list.
type selection struct {
	fv   any
	one  string
	list []string
	kind uint8 // 0: fv; 1: one; 2: list
}

// selectionOf is w.FormatValue(value) as a selection.
func selectionOf(w Widget, value any, multiple bool) selection {
	switch x := value.(type) {
	case string:
		return selection{one: x, kind: 1}
	case []string:
		return selection{list: x, kind: 2}
	case nil:
		if multiple {
			return selection{kind: 2}
		}
		return selection{one: "", kind: 1}
	}
	return selection{fv: w.FormatValue(value)}
}

// has reports whether the option of value s is selected.
func (s *selection) has(v string) bool {
	switch s.kind {
	case 1:
		return s.one == v
	case 2:
		for _, x := range s.list {
			if x == v {
				return true
			}
		}
		return false
	}
	return choiceIn(s.fv, v)
}

// writeInputString is writeInputTag for a string value.
func writeInputString(b *bytes.Buffer, typ, name, value string, attrs *renderers.AttrSet) bool {
	b.WriteString(`<input type="`)
	renderers.EscapeTo(b, typ)
	b.WriteString(`" name="`)
	renderers.EscapeTo(b, name)
	b.WriteString(`" value="`)
	renderers.EscapeTo(b, value)
	b.WriteByte('"')
	attrs.Write(b)
	b.WriteByte('>')
	return true
}

// writeInputTag is input.html.
func writeInputTag(b *bytes.Buffer, typ, name string, fv any, attrs *renderers.AttrSet) bool {
	b.WriteString(`<input type="`)
	renderers.EscapeTo(b, typ)
	b.WriteString(`" name="`)
	renderers.EscapeTo(b, name)
	b.WriteByte('"')
	if fv != nil {
		b.WriteString(` value="`)
		renderers.WriteValue(b, fv)
		b.WriteByte('"')
	}
	attrs.Write(b)
	b.WriteByte('>')
	return true
}

// writeTextarea is textarea.html.
func writeTextarea(b *bytes.Buffer, fv any, name string, attrs *renderers.AttrSet) bool {
	show, ok := renderers.Truthy(fv)
	if !ok {
		return false
	}
	b.WriteString(`<textarea name="`)
	renderers.EscapeTo(b, name)
	b.WriteByte('"')
	attrs.Write(b)
	b.WriteString(">\n")
	if show {
		renderers.WriteValue(b, fv)
	}
	b.WriteString("</textarea>")
	return true
}

// writeSelect is select.html with its select_option.html options,
// selected as ChoiceWidget.optgroups selects them.
func writeSelect(b *bytes.Buffer, choices []Choice, multiple bool, name string, sel selection, attrs *renderers.AttrSet, jinja bool) bool {
	if multiple && !attrs.Set("multiple", true) {
		return false
	}
	b.WriteString(`<select name="`)
	renderers.EscapeTo(b, name)
	b.WriteByte('"')
	attrs.Write(b)
	b.WriteByte('>')
	hasSelected := false
	for _, c := range choices {
		optValue := c.Value
		if isNone(optValue) {
			optValue = ""
		}
		subs := c.Group
		named := false
		if c.Group != nil {
			label := pyfmt.Str(optValue)
			if named = label != ""; named {
				b.WriteString("\n  <optgroup label=\"")
				renderers.EscapeTo(b, label)
				b.WriteString(`">`)
			}
		}
		n := len(subs)
		if c.Group == nil {
			n = 1
		}
		for i := 0; i < n; i++ {
			v, label := optValue, c.Label
			if c.Group != nil {
				v, label = subs[i].Value, subs[i].Label
			}
			str := pyfmt.Str(v)
			selected := (!hasSelected || multiple) && sel.has(str)
			hasSelected = hasSelected || selected
			b.WriteString("\n  <option value=\"")
			renderers.EscapeTo(b, str)
			b.WriteByte('"')
			if selected {
				b.WriteString(" selected")
			}
			b.WriteByte('>')
			renderers.EscapeTo(b, label)
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

// writeChoiceList is multiple_input.html (radio.html, checkbox_select.html)
// with its radio_option.html or checkbox_option.html options.
func writeChoiceList(b *bytes.Buffer, k choiceKind, choices []Choice, multiple bool, name string, sel selection, attrs *renderers.AttrSet, jinja bool) bool {
	id, hasIDKey := attrs.Get("id")
	hasID, ok1 := renderers.Truthy(id)
	class, _ := attrs.Get("class")
	hasClass, ok2 := renderers.Truthy(class)
	if !ok1 || !ok2 {
		return false
	}
	b.WriteString("<div")
	if hasID {
		b.WriteString(` id="`)
		renderers.WriteValue(b, id)
		b.WriteByte('"')
	}
	if hasClass {
		b.WriteString(` class="`)
		renderers.WriteValue(b, class)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	var idStr string
	if hasIDKey {
		idStr = pyfmt.Str(id)
	}
	var idx []byte
	hasSelected := false
	for index, c := range choices {
		optValue := c.Value
		if isNone(optValue) {
			optValue = ""
		}
		subs := c.Group
		named := false
		if c.Group != nil {
			label := pyfmt.Str(optValue)
			if named = label != ""; named {
				b.WriteString("\n  <div><label>")
				renderers.EscapeTo(b, label)
				b.WriteString("</label>")
			}
		}
		n := len(subs)
		if c.Group == nil {
			n = 1
		}
		for i := 0; i < n; i++ {
			v, label := optValue, c.Label
			if c.Group != nil {
				v, label = subs[i].Value, subs[i].Label
			}
			str := pyfmt.Str(v)
			selected := (!hasSelected || multiple) && sel.has(str)
			hasSelected = hasSelected || selected
			oa := *attrs
			if selected && !oa.Set(k.checked, true) {
				return false
			}
			optID := ""
			if hasIDKey {
				optID = idStr
				if idStr != "" && k.addIDIndex {
					idx = append(idx[:0], idStr...)
					idx = append(idx, '_')
					idx = strconv.AppendInt(idx, int64(index), 10)
					if c.Group != nil {
						idx = append(idx, '_')
						idx = strconv.AppendInt(idx, int64(i), 10)
					}
					optID = string(idx)
				}
				oa.SetString("id", optID)
			}
			b.WriteString("<div>\n    <label")
			if optID != "" {
				b.WriteString(` for="`)
				renderers.EscapeTo(b, optID)
				b.WriteByte('"')
			}
			b.WriteString(`><input type="`)
			b.WriteString(k.inputType)
			b.WriteString(`" name="`)
			renderers.EscapeTo(b, name)
			b.WriteString(`" value="`)
			renderers.EscapeTo(b, str)
			b.WriteByte('"')
			oa.Write(b)
			b.WriteByte('>')
			if !jinja {
				b.WriteByte('\n')
			}
			b.WriteByte(' ')
			renderers.EscapeTo(b, label)
			b.WriteString("</label>")
			if !jinja {
				b.WriteString("\n\n")
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
