package formspec_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
)

// A malformed formset clean_errors, auto_id or Jinja2 template is a spec
// error naming the key, found when the case is run, never a panic.
func TestFormsetSpecErrors(t *testing.T) {
	const form = `"form": {"fields": [{"name": "email", "type": "EmailField"}, {"name": "n", "type": "IntegerField"}]}`
	tests := []struct{ formset, want string }{
		{`{"clean_errors": [{"message": "x", "when": {"duplicate": "nope"}}]}`, `formset.clean_errors[0].when.duplicate: the formset's forms have no field named "nope"`},
		{`{"clean_errors": [{"message": "x", "field": "email"}]}`, "a formset clean error on a field needs a duplicate condition"},
		{`{"clean_errors": [{"message": "x", "field": "nope", "when": {"duplicate": "email"}}]}`, `no field named "nope"`},
		{`{"clean_errors": [{"message": "x", "when": {"fewer_than": 2, "sum_over": ["n", 3]}}]}`, "want one condition"},
		{`{"clean_errors": [{"message": "x", "when": {"sum_over": ["n"]}}]}`, "want [FIELD, NUMBER]"},
		{`{"clean_errors": [{"message": "x", "when": {"sum_over": ["n", "ten"]}}]}`, "want a number or a decimal string"},
		{`{"clean_errors": [{"message": "x", "when": {"between": 1}}]}`, "unknown formset clean_errors condition"},
		{`{"clean_errors": [{"message": "x", "when": {"fewer_than": 2, "ignore_case": true}}]}`, "ignore_case goes with a duplicate condition"},
		{`{"clean_errors": [{"code": "x"}]}`, `missing key "message"`},
		{`{"clean_errors": [{"message": "x", "colour": "red"}]}`, "colour"},
		{`{"auto_id": 3}`, "formset.auto_id: want a string or a boolean"},
	}
	for _, tt := range tests {
		c, err := formspec.Parse(strings.NewReader(`{` + form + `, "formset": ` + tt.formset + `, "bind": {"data": {}}}`))
		if err == nil {
			_, err = c.Run()
		}
		var se *formspec.SpecError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want a spec error holding %q", tt.formset, err, tt.want)
		}
	}
	// A Jinja2 template in a case that cannot be translated.
	c, err := formspec.Parse(strings.NewReader(`{` + form + `, "renderer": "Jinja2", "templates": {"django/forms/div.html": "{% macro m() %}{% endmacro %}"}}`))
	if err == nil {
		_, err = c.Run()
	}
	if err == nil || !strings.Contains(err.Error(), "templates.django/forms/div.html") || !strings.Contains(err.Error(), "{% macro %} is not supported") {
		t.Errorf("Jinja2 template error = %v, want one naming the template and macro", err)
	}
}
