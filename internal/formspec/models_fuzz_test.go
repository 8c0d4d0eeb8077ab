package formspec_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/formwork/formwork/internal/formspec"
)

// FuzzModelCase runs arbitrary cases seeded with the model ones (model
// forms, many-to-many, model choice fields, stored files): a malformed
// model, row, lookup, instance or upload gets an error, never a panic.
func FuzzModelCase(f *testing.F) {
	for _, glob := range []string{"../../testdata/cases/m2m_*.json", "../../testdata/cases/modelform_*.json", "../../testdata/cases/modelchoice_*.json",
		"../../testdata/cases/file_initial_*.json", "../../testdata/cases-extra/mm_*.json"} {
		paths, _ := filepath.Glob(glob)
		for i, p := range paths {
			if i%3 != 0 {
				continue
			}
			if b, err := os.ReadFile(p); err == nil && len(b) <= maxFuzzInput {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(`{"models": [{"name": "T", "fields": [{"name": "t", "type": "ManyToManyField", "to": "self"}], "rows": [{"t": [1, 2]}]}],
		"model_form": {"model": "T", "instance": 1}, "bind": {"data": {"t": ["1", "x"]}}, "outputs": ["as_div", "db_after_save"]}`))
	f.Add([]byte(`{"models": [{"name": "R", "str": "{code}", "fields": [{"name": "code", "type": "SlugField", "unique": true}]},
		{"name": "B", "fields": [{"name": "r", "type": "ForeignKey", "to": "R", "to_field": "code"}, {"name": "f", "type": "FileField", "upload_to": "../x"}]}],
		"model_form": {"model": "B"}, "bind": {"data": {"r": "\u0000"}, "files": {"f": {"name": "a.txt", "content": "x"}}}, "outputs": ["errors", "db_after_save"]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		if len(doc) > maxFuzzInput {
			return
		}
		c, err := formspec.Parse(bytes.NewReader(doc))
		if err != nil {
			return
		}
		_, _ = c.Run()
	})
}
