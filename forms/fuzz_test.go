package forms_test

// Fuzz target of rendering user-controlled strings. Run it for a minute
// with
//
//	go test -run='^$' -fuzz=FuzzRenderValues -fuzztime=60s ./forms
//
// (loadtest/README.md lists every fuzz target of the project).

import (
	"net/url"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// renderedElements are the elements the built-in templates write for the
// fuzzed form; anything else came out of a value that was not escaped.
var renderedElements = map[string]bool{
	"": true, "div": true, "label": true, "input": true, "textarea": true, "select": true,
	"option": true, "optgroup": true, "ul": true, "li": true, "span": true, "p": true,
	"table": true, "tr": true, "th": true, "td": true, "br": true, "fieldset": true, "legend": true,
}

// renderedAttrs are the attributes the built-in templates and the fuzzed
// form's widget attrs write.
var renderedAttrs = map[string]bool{
	"type": true, "name": true, "value": true, "id": true, "for": true, "class": true,
	"required": true, "checked": true, "selected": true, "multiple": true, "cols": true,
	"rows": true, "maxlength": true, "minlength": true, "placeholder": true, "data-x": true,
	"title": true, "label": true, "disabled": true, "aria-describedby": true, "aria-invalid": true,
	"colspan": true, "helptext": true,
}

// FuzzRenderValues renders a form whose values, initial values, labels,
// choices and widget attribute values are arbitrary strings, unbound and
// bound, through both template engines: rendering must not fail, its
// output must parse, and it must hold no element or attribute that the
// templates do not write. Help text is trusted markup (Django renders it
// with |safe), so it only takes strings without markup here.
func FuzzRenderValues(f *testing.F) {
	f.Add("v", "Label", "help", "attr", "c")
	f.Add(`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, "plain help", `' onmouseover='x`, `</textarea><script>`)
	f.Add("&amp;&lt;", "{{ 7*7 }}", "{% if %}", "${1}", "{{")
	f.Add("\x00\xff", "\u2028", "\t", "\"", "'")
	f.Add("javascript:alert(1)", "}}{{", "%(value)s", "a\"b'c<d>e&f", "<!--")
	rs := []renderers.Renderer{renderers.NewDjangoTemplates(), renderers.NewJinja2()}
	f.Fuzz(func(t *testing.T, value, label, help, attr, choice string) {
		if len(value)+len(label)+len(help)+len(attr)+len(choice) > 4096 {
			return
		}
		if strings.ContainsAny(help, "<>&") {
			help = "h" // trusted markup; see above
		}
		attrs := renderers.Attrs{"placeholder": attr, "data-x": attr, "title": label}
		text := forms.NewCharField()
		text.Label, text.HelpText, text.Initial = label, help, value
		text.Widget = widgets.NewTextInput(attrs)
		area := &forms.CharField{}
		area.Label, area.Initial = label, value
		area.Widget = widgets.NewTextarea(attrs)
		choices := []forms.Choice{{Value: choice, Label: label}, {Value: "b", Label: value}, {Value: label, Group: []forms.Choice{{Value: "g", Label: choice}}}}
		sel := forms.NewChoiceField(choices...)
		sel.Initial, sel.HelpText = choice, help
		radio := forms.NewChoiceField(choices[:2]...)
		radio.Widget = widgets.NewRadioSelect(attrs)
		multi := forms.NewMultipleChoiceField(choices[:2]...)
		multi.Widget = widgets.NewCheckboxSelectMultiple(attrs)
		hidden := &forms.CharField{}
		hidden.Initial = value
		hidden.Widget = widgets.NewHiddenInput(attrs)
		decl := forms.MustDeclare(
			forms.Named("text", text), forms.Named("area", area), forms.Named("sel", sel),
			forms.Named("radio", radio), forms.Named("multi", multi), forms.Named("hidden", hidden),
		)
		data := url.Values{"text": {value}, "area": {value}, "sel": {value}, "radio": {label}, "multi": {value, choice}, "hidden": {attr}}
		for _, r := range rs {
			for _, form := range []*forms.Form{decl.New(forms.Options{Renderer: r}), decl.Bind(data, nil, forms.Options{Renderer: r})} {
				form.IsValid()
				for _, render := range []func() (renderers.HTML, error){form.AsDiv, form.AsP, form.AsTable, form.AsUL} {
					html, err := render()
					if err != nil {
						t.Fatalf("%T: render: %v", r, err)
					}
					root, err := htmlcmp.Parse(string(html))
					if err != nil {
						t.Fatalf("%T: output does not parse: %v\n%s", r, err, html)
					}
					if bad := foreignMarkup(root); bad != "" {
						t.Fatalf("%T: %s in output:\n%s", r, bad, html)
					}
				}
			}
		}
	})
}

// foreignMarkup names the first element or attribute of tree that the
// templates do not write, or returns "".
func foreignMarkup(n *htmlcmp.Node) string {
	if !renderedElements[n.Name] {
		return "element <" + n.Name + ">"
	}
	for _, a := range n.Attrs {
		if !renderedAttrs[a.Name] {
			return "attribute " + a.Name + " on <" + n.Name + ">"
		}
	}
	for _, c := range n.Children {
		if child, ok := c.(*htmlcmp.Node); ok {
			if bad := foreignMarkup(child); bad != "" {
				return bad
			}
		}
	}
	return ""
}
