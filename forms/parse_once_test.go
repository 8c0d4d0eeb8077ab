package forms_test

import (
	"net/url"
	"testing"

	"github.com/formwork/formwork/forms"
)

// countingInt is an IntegerField that counts its parses.
type countingInt struct {
	forms.IntegerField
	calls *int
}

func (f *countingInt) ToPython(v any) (any, error) {
	*f.calls++
	return f.IntegerField.ToPython(v)
}

// TestBoundValueParsedOnce: cleaning a form, asking what changed and
// rendering it parse each submitted value once (Django parses it in
// clean and again in has_changed; before, so did formwork, each time in
// time quadratic in its length). A form with empty_permitted, which asks
// whether it changed before cleaning, too.
func TestBoundValueParsedOnce(t *testing.T) {
	for _, emptyPermitted := range []bool{false, true} {
		calls := 0
		n := &countingInt{calls: &calls}
		n.Required = true
		decl := forms.Declare(forms.Named("n", n))
		for _, v := range []string{"12", "x"} {
			calls = 0
			f := decl.Bind(url.Values{"n": {v}}, nil, forms.Options{EmptyPermitted: emptyPermitted})
			f.IsValid()
			f.HasChanged()
			f.ChangedData()
			if _, err := f.Render(); err != nil {
				t.Fatal(err)
			}
			if calls != 1 {
				t.Errorf("empty_permitted %v, %q: parsed %d times", emptyPermitted, v, calls)
			}
		}
	}
}
