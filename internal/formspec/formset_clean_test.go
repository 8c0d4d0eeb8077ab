package formspec_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
)

// A malformed formset clean_errors, auto_id or Jinja2 template is a spec
// error naming the key, found when the case is run, never a panic.
func TestFormsetSpecErrors(t *testing.T) {
	const form = `"form": {"fields": [{"name": "email", "type": "EmailField"}, {"name": "n", "type": "IntegerField"}]}`
	tests := []struct{ formset, want string }{
		{`{"clean_errors": [{"message": "x", "field": "email"}]}`, "a formset clean error on a field needs a duplicate condition"},
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

// A clean_errors condition on a field the forms do not have reads it as
// None, as the reference's cleaned_data.get does: it never holds. An
// error to be added to such a field fails the run when it is added, as
// Django's add_error raises ValueError then.
func TestFormsetCleanMissingField(t *testing.T) {
	const form = `"form": {"fields": [{"name": "email", "type": "EmailField"}]}`
	const data = `"bind": {"data": {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-email": "a@b.co", "form-1-email": "a@b.co"}}`
	run := func(clean string) (map[string]any, error) {
		c, err := formspec.Parse(strings.NewReader(`{` + form + `, "formset": {"clean_errors": ` + clean + `}, ` + data + `, "outputs": ["is_valid", "non_form_errors"]}`))
		if err != nil {
			return nil, err
		}
		res, err := c.Run()
		if err != nil {
			return nil, err
		}
		return res.Outputs, nil
	}
	out, err := run(`[{"message": "x", "when": {"duplicate": "nope"}}, {"message": "y", "when": {"sum_over": ["nope", -1]}}]`)
	if err != nil {
		t.Fatalf("duplicate and sum on a missing field: %v", err)
	}
	if out["is_valid"] != false || fmt.Sprint(out["non_form_errors"]) != "[map[code: message:y]]" {
		t.Errorf("outputs %v, want only the sum's error (0 > -1)", out)
	}
	if _, err := run(`[{"message": "x", "field": "nope", "when": {"duplicate": "email"}}]`); err == nil || !strings.Contains(err.Error(), `no field named "nope"`) {
		t.Errorf("an error added to a missing field: %v, want one naming it", err)
	}
	if _, err := run(`[{"message": "x", "field": "nope", "when": {"duplicate": "email", "ignore_case": true}}]`); err == nil {
		t.Error("an error added to a missing field ran without error")
	}
}
