package formspec_test

import (
	"strings"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
)

// TestModelCaseErrors: a malformed model form or model choice field gets
// an error naming the key at fault, never a result.
func TestModelCaseErrors(t *testing.T) {
	const models = `"models": [{"name": "A", "fields": [{"name": "x", "type": "CharField", "max_length": 3},
		{"name": "tags", "type": "ManyToManyField", "to": "A", "blank": true}]}]`
	tests := []struct{ doc, want string }{
		{`{` + models + `, "model_form": {"model": "A", "bogus": 1}}`, "model_form.bogus: unknown key"},
		{`{` + models + `, "model_form": {"model": "B"}}`, `model_form.model: no model "B" (models: A)`},
		{`{` + models + `, "model_form": {"model": "A", "fields": ["y"]}}`, "Unknown field(s) (y) specified for A"},
		{`{` + models + `, "model_form": {"model": "A", "instance": 7}}`, "model_form.instance: orm: no such row: A id 7"},
		{`{` + models + `, "model_form": {"model": "A", "widgets": {"x": "Nope"}}}`, "model_form.widgets.x"},
		{`{` + models + `, "model_form": {"model": "A", "field_classes": {"x": "NoField"}}}`, `unknown field type "NoField"`},
		{`{` + models + `, "model_form": {"model": "A", "clean_errors": [{"field": "zz", "message": "m"}]}}`, `no field named "zz"`},
		{`{"models": [{"name": "A", "str": "{nope}", "fields": []}], "model_form": {"model": "A"}}`, `names unknown field "nope"`},
		{`{"models": [{"name": "A", "fields": [{"name": "f", "type": "FileField", "upload_to": "../up"}]}], "model_form": {"model": "A"}}`, "climbs out"},
		{`{"models": [{"name": "A", "fields": [{"name": "r", "type": "ForeignKey", "to": "A", "to_field": "x"}]}], "model_form": {"model": "A"}}`, "to_field"},
		{`{` + models + `, "form": {"fields": [{"name": "f", "type": "ModelChoiceField", "queryset": "A", "queryset_filter": {"y": 1}}]}}`,
			`form.fields[0].queryset_filter: orm: filter "y" on A: unknown field "y"`},
		{`{"form": {"fields": [{"name": "f", "type": "ModelChoiceField", "queryset": "A"}]}}`, `needs the case's "models"`},
		{`{` + models + `, "form": {"fields": [{"name": "f", "type": "ModelMultipleChoiceField", "queryset": "A", "empty_label": "-"}]}}`, `no argument "empty_label"`},
		{`{` + models + `, "form": {"fields": [{"name": "f", "type": "ModelChoiceField", "queryset": "A", "initial": {"$pk": 9}}]}}`, "no row with id 9"},
		{`{` + models + `, "form": {"fields": [{"name": "f", "type": "ModelChoiceField", "queryset": "A", "to_field_name": "q"}]}}`, `no field "q"`},
		{`{"form": {"fields": [{"name": "f", "type": "FileField", "initial": {"$file": "../etc/passwd"}}]}}`, "bad file name"},
	}
	for _, tc := range tests {
		c, err := formspec.Parse(strings.NewReader(tc.doc))
		if err == nil {
			_, err = c.Run()
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s\n error %v, want one containing %q", tc.doc, err, tc.want)
		}
	}
}
