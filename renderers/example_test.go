package renderers_test

import (
	"fmt"
	"testing/fstest"

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
