package renderers_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/formwork/formwork/forms"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

func ExampleDjangoTemplates() {
	// The overlay replaces the text input's template and keeps Django's
	// input.html, which it includes (its final newline too, as in Django).
	r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{
		"django/forms/widgets/text.html": {Data: []byte(
			`<span class="field">{% include "django/forms/widgets/input.html" %}</span>`)},
	}}
	html, err := widgets.Render(widgets.NewTextInput(renderers.Attrs{"placeholder": "Search"}), "q", "Tom & Jerry", nil, r)
	fmt.Println(html, err)
	fmt.Println(r.Overridden("django/forms/widgets/text.html"), r.Overridden("django/forms/widgets/email.html"))
	// Output:
	// <span class="field"><input type="text" name="q" value="Tom &amp; Jerry" placeholder="Search">
	// </span> <nil>
	// true false
}

// A renderer decides which templates a form uses; a custom one sets its
// form template name (here Django's p style), and every form rendered
// with it follows.
func ExampleRenderer() {
	var pStyle renderers.Renderer = &renderers.DjangoTemplates{FormTemplate: "django/forms/p.html"}
	search := forms.Declare(forms.Named("q", &forms.CharField{MaxLength: 20}))
	html, err := search.New(forms.Options{Renderer: pStyle}).Render()
	fmt.Println(strings.Join(strings.Fields(string(html)), " "), err)
	// Output:
	// <p> <label for="id_q">Q:</label> <input type="text" name="q" maxlength="20" id="id_q"> </p> <nil>
}

// A theme written for Django's Jinja2 renderers renders unchanged: JinjaFS
// translates its templates to the jet syntax the Jinja2 renderer runs.
func ExampleJinjaFS() {
	theme := fstest.MapFS{"django/forms/widgets/text.html": {Data: []byte(
		`<div class="input{% if widget.attrs.required %} required{% endif %}">` +
			`{% include "django/forms/widgets/input.html" %}</div>`)}}
	r := &renderers.Jinja2{Overlay: renderers.JinjaFS(theme)}
	html, err := widgets.Render(widgets.NewTextInput(renderers.Attrs{"required": true}), "q", "Tom & Jerry", nil, r)
	fmt.Println(html, err)

	// A construct the translation does not take is named, with the
	// template and line.
	_, err = renderers.TranslateJinja("theme/base.html", "<main>\n{% block content %}{% endblock %}</main>")
	fmt.Println(err)
	// Output:
	// <div class="input required"><input type="text" name="q" value="Tom &amp; Jerry" required></div> <nil>
	// template theme/base.html, line 2: the Jinja2 construct {% block %} is not supported
}
