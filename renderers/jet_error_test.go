package renderers

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestJinja2ErrorMessages: a jet template error names the template as the
// overlay holds it and the line, innermost first with the templates that
// include it, in text/template's form ("template: NAME:LINE: msg"), and
// shows neither jet's joined include path nor the render's variables
// (formwork's own, _fw_*, among them). Before, the messages were
//
//	Jet Runtime Error ("/django/forms/div.html":2): identifier "nosuch" not available in current (map[_fw_chain:<*renderers.jetChain Value> _fw_sink:<*renderers.ErrorSink Value> errors: fields:<[]interface {} Value> form:<renderers.jetObject Value>]) or parent scope, global, or default variables
//	Jet Runtime Error ("/django/forms/formwork/formwork/inc2.html":3): identifier "zz" not available in current (map[]) or parent scope, global, or default variables
//	Jet Runtime Error ("/django/forms/formwork/field.html":2): template: /django/forms/formwork/formwork/messages.html:3: unexpected EOF
func TestJinja2ErrorMessages(t *testing.T) {
	ctx := Context{"form": Object{}, "fields": []any{"a"}, "errors": ""}
	for _, tc := range []struct {
		name    string
		overlay fstest.MapFS
		want    string
	}{
		{"undefined variable", fstest.MapFS{
			"django/forms/div.html": {Data: []byte("<div>\n{{ nosuch }}</div>\n")},
		}, `template "django/forms/div.html": template: django/forms/div.html:2: undefined variable "nosuch"`},
		{"undefined variable in a range", fstest.MapFS{
			"django/forms/div.html": {Data: []byte("<div>\n\n{{ range f := fields }}{{ nosuch.label }}{{ end }}</div>\n")},
		}, `template "django/forms/div.html": template: django/forms/div.html:3: undefined variable "nosuch"`},
		{"in an included template", fstest.MapFS{
			"django/forms/div.html": {Data: []byte("<div>\n{{ include \"formwork/inc.html\" }}</div>\n")},
			"formwork/inc.html":     {Data: []byte("a\n{{ include \"formwork/inc2.html\" }}")},
			"formwork/inc2.html":    {Data: []byte("a\n\n{{ zz.q }}")},
		}, `template "django/forms/div.html": template: formwork/inc2.html:3: undefined variable "zz"`},
		{"an included template does not parse", fstest.MapFS{
			"django/forms/div.html":  {Data: []byte("<div>\n\n{{ include \"formwork/field.html\" }}</div>\n")},
			"formwork/field.html":    {Data: []byte("<p>\n{{ include \"formwork/messages.html\" }}")},
			"formwork/messages.html": {Data: []byte("<p>\n{{ if form }}\n<b>x</b>\n")},
		}, `template "django/forms/div.html": template: formwork/messages.html:3: unexpected EOF (included from formwork/field.html:2)`},
		{"the template does not parse", fstest.MapFS{
			"django/forms/div.html": {Data: []byte("<div>\n{{ if }}</div>\n")},
		}, `template "django/forms/div.html": template: django/forms/div.html:2: `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := RenderString(&Jinja2{Overlay: tc.overlay}, "django/forms/div.html", ctx)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.want) {
				t.Errorf("error\n%s\nwant it to start\n%s", msg, tc.want)
			}
			for _, bad := range []string{"_fw_", "map[", "Jet Runtime Error", "/django/forms/formwork", "fw_enter"} {
				if strings.Contains(msg, bad) {
					t.Errorf("error shows %q: %s", bad, msg)
				}
			}
		})
	}
}
