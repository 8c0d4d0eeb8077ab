package formspec_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/renderers"
)

// hostileStrings are the values an attacker submits, or slips into data a
// form shows (a name stored earlier, a choice label from the database).
var hostileStrings = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`' onmouseover='x`,
	`javascript:alert(document.cookie)`,
	`</textarea><script>alert(1)</script>`,
	`</option></select><svg onload=alert(1)>`,
}

// xssRenderers are every renderer a case can name, on both engines.
func xssRenderers() map[string]renderers.Renderer {
	return map[string]renderers.Renderer{
		"DjangoTemplates":        renderers.NewDjangoTemplates(),
		"DjangoDivFormRenderer":  renderers.NewDjangoDivFormRenderer(),
		"Jinja2":                 renderers.NewJinja2(),
		"Jinja2DivFormRenderer":  renderers.NewJinja2DivFormRenderer(),
		"AccessibleFormRenderer": renderers.NewAccessible(),
	}
}

// xssCase declares a form in which h reaches every place a value can:
// bound data, initial values (the field's and the form's), labels,
// choices' values and labels (also in groups), widget attrs, error
// messages (the form's clean() errors, a validator message with
// %(value)s, invalid choices echoed by Django's message) and media paths.
// Help text is left out: it is trusted markup (see
// TestHelpTextIsTrustedMarkup).
func xssCase(h string, bound bool) map[string]any {
	attrs := map[string]any{"placeholder": h, "title": h, "data-note": h}
	c := map[string]any{
		"form": map[string]any{
			"fields": []any{
				map[string]any{"name": "name", "type": "CharField", "label": h, "initial": h, "max_length": 200,
					"widget": map[string]any{"type": "TextInput", "attrs": attrs}},
				map[string]any{"name": "area", "type": "CharField", "label": h, "initial": h, "widget": map[string]any{"type": "Textarea", "attrs": attrs}},
				map[string]any{"name": "choice", "type": "ChoiceField", "label": h,
					"choices": []any{[]any{h, h}, []any{h + "group", []any{[]any{"g" + h, h}}}}},
				map[string]any{"name": "radio", "type": "ChoiceField", "widget": map[string]any{"type": "RadioSelect", "attrs": attrs},
					"choices": []any{[]any{h, h}, []any{"b", "B"}}, "required": false},
				map[string]any{"name": "multi", "type": "MultipleChoiceField", "widget": "CheckboxSelectMultiple",
					"choices": []any{[]any{h, h}, []any{"b", "B"}}, "required": false},
				map[string]any{"name": "code", "type": "CharField", "required": false,
					"validators": []any{map[string]any{"type": "RegexValidator", "regex": "^[a-z]*$", "message": "Bad code %(value)s"}}},
				map[string]any{"name": "hidden", "type": "CharField", "widget": "HiddenInput", "required": false, "initial": h},
				map[string]any{"name": "count", "type": "IntegerField", "required": false, "error_messages": map[string]any{"invalid": h}},
			},
			"initial": map[string]any{"area": h},
			"media":   map[string]any{"css": map[string]any{"all": []any{h}}, "js": []any{h}},
			"clean_errors": []any{
				map[string]any{"field": nil, "message": h, "code": "hostile"},
				map[string]any{"field": "name", "message": h, "code": "hostile"},
			},
		},
		"outputs": []any{"as_div", "as_p", "as_table", "as_ul", "str", "errors_as_ul", "non_field_errors", "media", "bound_fields"},
	}
	if bound {
		c["bind"] = map[string]any{"data": map[string]any{
			"name": h, "area": h, "choice": "x" + h, "radio": h, "multi": []any{h, "x" + h},
			"code": h, "hidden": h, "count": h,
		}}
	}
	return c
}

// TestHostileValuesAreEscaped renders the hostile cases with every
// renderer and checks each HTML output: no element or event-handler
// attribute came from a hostile string, and the string still shows
// literally (as text or as an attribute's value).
func TestHostileValuesAreEscaped(t *testing.T) {
	checked := 0
	for _, h := range hostileStrings {
		for _, bound := range []bool{false, true} {
			doc, err := json.Marshal(xssCase(h, bound))
			if err != nil {
				t.Fatal(err)
			}
			c, err := formspec.Parse(bytes.NewReader(doc))
			if err != nil {
				t.Fatal(err)
			}
			for rname, r := range xssRenderers() {
				res, err := c.RunWith(r)
				if err != nil {
					t.Fatalf("%s bound=%v %q: %v", rname, bound, h, err)
				}
				for name, out := range res.Outputs {
					for i, html := range htmlOutputs(name, out) {
						where := fmt.Sprintf("%s bound=%v %q %s[%d]", rname, bound, h, name, i)
						checkNoInjection(t, where, html, h, name == "media")
						checked++
					}
				}
				// The hostile string must show where Django shows it.
				for _, name := range []string{"as_div", "as_table", "media"} {
					if s, _ := res.Outputs[name].(string); !showsLiterally(s, h) {
						t.Errorf("%s bound=%v: %s does not show %q literally:\n%s", rname, bound, name, h, s)
					}
				}
				if bound {
					for _, name := range []string{"errors_as_ul", "non_field_errors"} {
						if s, _ := res.Outputs[name].(string); !showsLiterally(s, h) {
							t.Errorf("%s: %s does not show the hostile message %q:\n%s", rname, name, h, s)
						}
					}
					// The invalid choice is echoed in the message, escaped.
					if s, _ := res.Outputs["errors_as_ul"].(string); !showsLiterally(s, "x"+h+" is not one of the available choices") {
						t.Errorf("%s: errors_as_ul does not echo the invalid choice %q:\n%s", rname, "x"+h, s)
					}
					if s, _ := res.Outputs["errors_as_ul"].(string); !showsLiterally(s, "Bad code "+h) {
						t.Errorf("%s: errors_as_ul does not echo the validator's %%(value)s %q:\n%s", rname, h, s)
					}
				}
			}
		}
	}
	if want := len(hostileStrings) * 2 * len(xssRenderers()) * (8 + 8*4); checked != want {
		t.Errorf("checked %d HTML outputs, want %d: an output is missing from the results", checked, want)
	}
	t.Logf("%d HTML outputs checked (%d hostile strings, %d renderers, bound and unbound)", checked, len(hostileStrings), len(xssRenderers()))
}

// htmlOutputs returns the HTML strings of one output of a result: the
// output itself, or each HTML part of the bound fields.
func htmlOutputs(name string, out any) []string {
	switch name {
	case "as_div", "as_p", "as_table", "as_ul", "str", "errors_as_ul", "non_field_errors", "media":
		s, _ := out.(string)
		return []string{s}
	case "bound_fields":
		var l []string
		fields, _ := out.(map[string]any)
		for _, bf := range fields {
			m, _ := bf.(map[string]any)
			for _, k := range []string{"html", "label_tag", "legend_tag", "errors"} {
				if s, ok := m[k].(string); ok {
					l = append(l, s)
				}
			}
		}
		return l
	}
	return nil
}

// injectedElements are elements that no template of a form writes
// outside its media: finding one means a hostile string became markup.
var injectedElements = map[string]bool{"script": true, "img": true, "svg": true, "iframe": true, "link": true, "style": true, "object": true}

// checkNoInjection parses html and fails when it holds an injected
// element or an event-handler attribute. In media output a script or link
// element is the asset itself: exactly one of each, for the one asset.
func checkNoInjection(t *testing.T, where, html, h string, isMedia bool) {
	t.Helper()
	root, err := htmlcmp.Parse(html)
	if err != nil {
		t.Errorf("%s: output does not parse: %v\n%s", where, err, html)
		return
	}
	counts := map[string]int{}
	walk(root, func(n *htmlcmp.Node) {
		if injectedElements[n.Name] {
			counts[n.Name]++
		}
		for _, a := range n.Attrs {
			if strings.HasPrefix(a.Name, "on") {
				t.Errorf("%s: event-handler attribute %s on <%s>:\n%s", where, a.Name, n.Name, html)
			}
			if !knownAttr(a.Name) {
				t.Errorf("%s: unexpected attribute %q on <%s>:\n%s", where, a.Name, n.Name, html)
			}
		}
	})
	want := map[string]int{}
	if isMedia {
		want = map[string]int{"script": 1, "link": 1}
	}
	for el := range injectedElements {
		if counts[el] != want[el] {
			t.Errorf("%s: %d <%s> elements, want %d:\n%s", where, counts[el], el, want[el], html)
		}
	}
}

// knownAttr reports whether templates, widgets or the hostile case's
// widget attrs write an attribute of this name.
func knownAttr(name string) bool {
	switch name {
	case "type", "name", "value", "id", "for", "class", "required", "checked", "selected", "multiple",
		"cols", "rows", "maxlength", "placeholder", "title", "data-note", "label", "disabled",
		"aria-describedby", "aria-invalid", "aria-labelledby", "autocomplete", "role", "href", "tabindex",
		"colspan", "src", "media", "rel", "hidden", "aria-live", "lang":
		return true
	}
	return false
}

func walk(n *htmlcmp.Node, visit func(*htmlcmp.Node)) {
	visit(n)
	for _, c := range n.Children {
		if child, ok := c.(*htmlcmp.Node); ok {
			walk(child, visit)
		}
	}
}

// showsLiterally reports whether the decoded text or an attribute value
// (URL-unquoted too) of html contains s.
func showsLiterally(html, s string) bool {
	root, err := htmlcmp.Parse(html)
	if err != nil {
		return false
	}
	var text strings.Builder
	found := false
	walk(root, func(n *htmlcmp.Node) {
		for _, a := range n.Attrs {
			// Media paths are URL-quoted, as Django's static() does.
			unq, err := url.PathUnescape(a.Value)
			if strings.Contains(a.Value, s) || (err == nil && strings.Contains(unq, s)) {
				found = true
			}
		}
		for _, c := range n.Children {
			if str, ok := c.(string); ok {
				text.WriteString(str)
			}
		}
	})
	return found || strings.Contains(text.String(), s) || strings.Contains(strings.Join(strings.Fields(text.String()), " "), strings.Join(strings.Fields(s), " "))
}

// TestHostileValuesInFormsets renders formsets whose initial data,
// submitted data and error messages hold the hostile strings, with every
// renderer: no injected markup, and the strings show literally.
func TestHostileValuesInFormsets(t *testing.T) {
	checked := 0
	for _, h := range hostileStrings {
		doc, err := json.Marshal(map[string]any{
			"form": map[string]any{"fields": []any{
				map[string]any{"name": "title", "type": "CharField", "label": h},
				map[string]any{"name": "kind", "type": "ChoiceField", "choices": []any{[]any{h, h}}, "required": false},
			}},
			"formset": map[string]any{
				"max_num": 1, "validate_max": true, "can_delete": true, "can_order": true,
				"initial":        []any{map[string]any{"title": h, "kind": h}},
				"error_messages": map[string]any{"too_many_forms": h + " %(num)d"},
			},
			"bind": map[string]any{"data": map[string]any{
				"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "1",
				"form-0-title": h, "form-0-kind": "x" + h, "form-1-title": h, "form-1-ORDER": h,
			}},
			"outputs": []any{"as_div", "as_p", "as_table", "as_ul", "str", "management_form", "non_form_errors_html", "empty_form"},
		})
		if err != nil {
			t.Fatal(err)
		}
		c, err := formspec.Parse(bytes.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		for rname, r := range xssRenderers() {
			res, err := c.RunWith(r)
			if err != nil {
				t.Fatalf("%s %q: %v", rname, h, err)
			}
			for name, out := range res.Outputs {
				s, _ := out.(string)
				checkNoInjection(t, fmt.Sprintf("%s %q %s", rname, h, name), s, h, false)
				checked++
			}
			for _, want := range []string{h, "x" + h + " is not one of the available choices"} {
				if s, _ := res.Outputs["as_table"].(string); !showsLiterally(s, want) {
					t.Errorf("%s: as_table does not show %q:\n%s", rname, want, s)
				}
			}
			if s, _ := res.Outputs["non_form_errors_html"].(string); !showsLiterally(s, h+" 1") {
				t.Errorf("%s: non-form errors do not show %q:\n%s", rname, h+" 1", s)
			}
		}
	}
	if want := len(hostileStrings) * len(xssRenderers()) * 8; checked != want {
		t.Errorf("checked %d outputs, want %d", checked, want)
	}
}

// TestHelpTextIsTrustedMarkup documents that help text is markup, as in
// Django (its templates write {{ field.help_text|safe }}): a form must not
// put user input in help text unescaped.
func TestHelpTextIsTrustedMarkup(t *testing.T) {
	doc := `{"form": {"fields": [{"name": "a", "type": "CharField", "help_text": "<em>Use</em> <a href=\"/h\">help</a>"}]}, "outputs": ["as_div"]}`
	c, err := formspec.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for rname, r := range xssRenderers() {
		res, err := c.RunWith(r)
		if err != nil {
			t.Fatalf("%s: %v", rname, err)
		}
		s, _ := res.Outputs["as_div"].(string)
		root, err := htmlcmp.Parse(s)
		if err != nil {
			t.Fatalf("%s: %v", rname, err)
		}
		ems := 0
		walk(root, func(n *htmlcmp.Node) {
			if n.Name == "em" {
				ems++
			}
		})
		if ems != 1 {
			t.Errorf("%s: help text's <em> rendered %d times as an element, want 1 (help text is markup):\n%s", rname, ems, s)
		}
	}
}
