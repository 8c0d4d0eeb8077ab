package forms_test

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
)

// shirt is a user type a coerce function produces.
type shirt int

func parseSize(s string) (shirt, error) {
	switch s {
	case "S":
		return 1, nil
	case "M":
		return 2, nil
	}
	return 0, errors.New("no such size")
}

// TestCoerceTyped: a Coerce receives the submitted string, after the
// choice is validated, never the empty value, and its failure is Django's
// invalid_choice message naming the value.
func TestCoerceTyped(t *testing.T) {
	var seen []string
	record := forms.Coerce(func(s string) (any, error) {
		seen = append(seen, s)
		return parseSize(s)
	})
	choices := []forms.Choice{{Value: "S", Label: "Small"}, {Value: "M", Label: "Medium"}, {Value: "XL", Label: "Huge"}}
	f := &forms.TypedChoiceField{ChoiceField: forms.ChoiceField{Choices: choices}, Coerce: record}
	v, err := f.Clean("M")
	if err != nil || v != shirt(2) {
		t.Fatalf("Clean(M) = %#v, %v; want shirt(2)", v, err)
	}
	if _, err := f.Clean("nope"); err == nil || !strings.Contains(err.Error(), "Select a valid choice. nope is not one of the available choices.") {
		t.Errorf("Clean(nope) error = %v", err)
	}
	_, err = f.Clean("XL") // a valid choice the coerce function refuses
	if err == nil || err.Error() != "Select a valid choice. XL is not one of the available choices." {
		t.Errorf("Clean(XL) error = %v, want the invalid_choice message", err)
	}
	if want := []string{"M", "XL"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("coerce saw %q, want %q (not called for an invalid choice)", seen, want)
	}

	opt := &forms.TypedChoiceField{ChoiceField: forms.ChoiceField{FieldCore: forms.FieldCore{Optional: true}, Choices: choices}, Coerce: record, EmptyValue: shirt(-1)}
	seen = nil
	if v, err := opt.Clean(""); err != nil || v != shirt(-1) || len(seen) != 0 {
		t.Errorf("optional Clean(\"\") = %#v, %v (coerce saw %q); want the empty value, uncoerced", v, err, seen)
	}

	m := &forms.TypedMultipleChoiceField{MultipleChoiceField: forms.MultipleChoiceField{ChoiceField: forms.ChoiceField{Choices: choices}}, Coerce: forms.CoerceTo(parseSize)}
	v, err = m.Clean([]string{"S", "M"})
	if err != nil || !reflect.DeepEqual(v, []any{shirt(1), shirt(2)}) {
		t.Errorf("multiple Clean = %#v, %v", v, err)
	}
	if _, err := m.Clean([]string{"S", "XL"}); err == nil || err.Error() != "Select a valid choice. XL is not one of the available choices." {
		t.Errorf("multiple Clean(S, XL) error = %v", err)
	}

	// CoerceTo takes a standard parser as it is.
	n := forms.NewTypedChoiceField(forms.CoerceTo(strconv.Atoi), forms.Choice{Value: "7", Label: "seven"})
	if v, err := n.Clean("7"); err != nil || v != 7 {
		t.Errorf("CoerceTo(strconv.Atoi) Clean(7) = %#v, %v", v, err)
	}
	// The built-in coercions: Python's int past int64 is a *big.Int.
	if v, err := forms.CoerceInt("99999999999999999999"); err != nil || reflect.TypeOf(v).String() != "*big.Int" {
		t.Errorf("CoerceInt past int64 = %T %v, %v", v, v, err)
	}
}
