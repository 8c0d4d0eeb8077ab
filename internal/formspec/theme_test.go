package formspec

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"
)

// themeRules are what each theme pack promises of its markup, checked on
// every control a rendering shows.
var themeRules = map[string]struct {
	// control is the class a visible control of that kind carries.
	control func(n *htmlcmp.Node) string
	// invalid is the class an invalid control carries ("" when the
	// theme marks the group, not the control).
	invalid func(n *htmlcmp.Node) string
	// message is the class of the element holding a field's errors.
	message string
	// summary is the class of the error summary ("" for none).
	summary string
}{
	"bootstrap5": {
		control: func(n *htmlcmp.Node) string {
			switch {
			case n.Name == "select":
				return "form-select"
			case isCheck(n):
				return "form-check-input"
			}
			return "form-control"
		},
		invalid: func(*htmlcmp.Node) string { return "is-invalid" },
		message: "invalid-feedback",
	},
	"govuk": {
		control: func(n *htmlcmp.Node) string {
			switch {
			case n.Name == "select":
				return "govuk-select"
			case n.Name == "textarea":
				return "govuk-textarea"
			case attr(n, "type") == "checkbox":
				return "govuk-checkboxes__input"
			case attr(n, "type") == "radio":
				return "govuk-radios__input"
			case attr(n, "type") == "file":
				return "govuk-file-upload"
			}
			return "govuk-input"
		},
		invalid: func(n *htmlcmp.Node) string {
			switch {
			case n.Name == "select":
				return "govuk-select--error"
			case n.Name == "textarea":
				return "govuk-textarea--error"
			case isCheck(n):
				return ""
			case attr(n, "type") == "file":
				return "govuk-file-upload--error"
			}
			return "govuk-input--error"
		},
		message: "govuk-error-message",
		summary: "govuk-error-summary",
	},
}

func isCheck(n *htmlcmp.Node) bool {
	t := attr(n, "type")
	return n.Name == "input" && (t == "checkbox" || t == "radio")
}

func attr(n *htmlcmp.Node, name string) string {
	for _, a := range n.Attrs {
		if a.Name == name {
			return a.Value
		}
	}
	return ""
}

func hasAttr(n *htmlcmp.Node, name string) bool {
	for _, a := range n.Attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}

func hasClass(n *htmlcmp.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

func walk(n *htmlcmp.Node, f func(n, parent *htmlcmp.Node)) {
	for _, c := range n.Children {
		if x, ok := c.(*htmlcmp.Node); ok {
			f(x, n)
			walk(x, f)
		}
	}
}

// checkTheme returns what the HTML of one output breaks of the theme's
// rules: every visible control has the theme's class; every invalid
// control the error class and an aria-describedby naming the element
// that shows its errors; every aria-describedby and summary link
// resolves; every fieldset of a field has a legend; at most one error
// summary.
func checkTheme(theme, src string) []string {
	rules := themeRules[theme]
	root, err := htmlcmp.Parse(src)
	if err != nil {
		return []string{fmt.Sprintf("does not parse: %v", err)}
	}
	ids := map[string]*htmlcmp.Node{}
	walk(root, func(n, _ *htmlcmp.Node) {
		if id := attr(n, "id"); id != "" {
			ids[id] = n
		}
	})
	var bad []string
	summaries := 0
	walk(root, func(n, parent *htmlcmp.Node) {
		if rules.summary != "" && hasClass(n, rules.summary) {
			summaries++
		}
		if n.Name == "a" && strings.HasPrefix(attr(n, "href"), "#") && ids[attr(n, "href")[1:]] == nil {
			bad = append(bad, fmt.Sprintf("link %s goes nowhere", attr(n, "href")))
		}
		for _, ref := range []string{"aria-describedby", "aria-labelledby"} {
			for _, id := range strings.Fields(attr(n, ref)) {
				if ids[id] == nil {
					bad = append(bad, fmt.Sprintf("<%s name=%q> has %s %q, which is not there", n.Name, attr(n, "name"), ref, id))
				}
			}
		}
		if n.Name == "fieldset" && attr(n, "class") != "" && attr(n, "aria-label") == "" {
			// A field declared with an empty label names its group
			// with aria-label instead (templates/accessible/README.md).
			if len(n.Children) == 0 || !isLegend(n.Children[0]) {
				bad = append(bad, "a fieldset without a legend first")
			}
		}
		control := n.Name == "select" || n.Name == "textarea" || (n.Name == "input" && attr(n, "type") != "hidden")
		if !control || attr(n, "name") == "" || strings.HasSuffix(attr(n, "name"), "-clear") {
			return
		}
		if c := rules.control(n); !hasClass(n, c) {
			bad = append(bad, fmt.Sprintf("<%s name=%q class=%q> lacks %s", n.Name, attr(n, "name"), attr(n, "class"), c))
		}
		if theme == "govuk" && n.Name == "select" && hasAttr(n, "required") {
			bad = append(bad, fmt.Sprintf("<select name=%q> is required (aria-required instead: its first option need not be empty)", attr(n, "name")))
		}
		if attr(n, "aria-invalid") != "true" {
			return
		}
		if c := rules.invalid(n); c != "" && !hasClass(n, c) {
			bad = append(bad, fmt.Sprintf("invalid <%s name=%q> lacks %s", n.Name, attr(n, "name"), c))
		}
		if !hasAttr(n, "id") {
			return // no ids to point at (auto_id=False)
		}
		described := false
		for _, id := range strings.Fields(attr(n, "aria-describedby")) {
			if e := ids[id]; e != nil && hasClass(e, rules.message) {
				described = true
			}
		}
		if !described {
			bad = append(bad, fmt.Sprintf("invalid <%s name=%q> is not described by its errors", n.Name, attr(n, "name")))
		}
	})
	if summaries > 1 {
		bad = append(bad, fmt.Sprintf("%d error summaries", summaries))
	}
	return bad
}

func isLegend(c any) bool {
	n, ok := c.(*htmlcmp.Node)
	return ok && n.Name == "legend"
}

// TestThemesRenderEveryCase renders every corpus case (the reference's
// and formwork's own) with each theme pack in both engines, in the div
// and the table styles, and wants no error where the built-in templates
// render without one, and each HTML output to keep the theme's rules
// (checkTheme). Cases with templates of their own keep only the first
// promise: their templates decide the markup.
func TestThemesRenderEveryCase(t *testing.T) {
	paths, err := CorpusPaths("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	if got := templates.ThemeNames(); !slices.Equal(got, []string{"bootstrap5", "govuk"}) {
		t.Fatalf("themes %v", got)
	}
	renderings, checked := 0, 0
	for _, p := range paths {
		c, err := Load(p)
		if err != nil {
			continue // listed as a known difference (TestFastPathMatchesEngines)
		}
		_, own := c.root.get("template_name_never")
		for _, theme := range templates.ThemeNames() {
			for _, mk := range []func(string) renderers.Renderer{
				func(th string) renderers.Renderer {
					return &renderers.DjangoTemplates{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Theme: th}
				},
				func(th string) renderers.Renderer { return &renderers.DjangoTemplates{Theme: th} },
				func(th string) renderers.Renderer {
					return &renderers.Jinja2{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Theme: th}
				},
				func(th string) renderers.Renderer { return &renderers.Jinja2{Theme: th} },
			} {
				r := mk(theme)
				label := theme + " " + rendererLabel(r)
				plain := mk("")
				if _, err := c.RunWith(plain); err != nil {
					continue // the built-in templates fail too: the case tests that
				}
				res, err := c.RunWith(r)
				if err != nil {
					t.Errorf("%s (%s): %v", p, label, err)
					continue
				}
				renderings++
				if own {
					continue
				}
				for name, out := range res.Outputs {
					s, ok := out.(string)
					if !ok || !strings.Contains(s, "<") {
						continue
					}
					checked++
					for _, b := range checkTheme(theme, s) {
						t.Errorf("%s (%s) %s: %s", filepath.Base(p), label, name, b)
					}
				}
			}
		}
	}
	if renderings == 0 || checked == 0 {
		t.Fatalf("rendered %d, checked %d outputs", renderings, checked)
	}
	t.Logf("%d renderings of %d cases with %d themes without error; %d HTML outputs checked", renderings, len(paths), len(templates.ThemeNames()), checked)
}
