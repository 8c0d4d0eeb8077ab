package forms

import (
	"net/url"
	"strings"
	"testing"
)

// TestDeclarationCaches checks the field order and ids a declaration
// computes once for its forms: they follow a FieldOrder changed after
// Declare, and give way to a form's own order, auto_id and prefix.
func TestDeclarationCaches(t *testing.T) {
	d, err := Declare(Named("a", &CharField{}), Named("b", &CharField{}), Named("c", &CharField{}))
	if err != nil {
		t.Fatal(err)
	}
	names := func(f *Form) string {
		var s []string
		for _, bf := range f.Fields() {
			s = append(s, bf.Name()+"="+bf.AutoID())
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct {
		name  string
		order []string // the declaration's FieldOrder, set after Declare
		opts  Options
		want  string
	}{
		{"declared", nil, Options{}, "a=id_a b=id_b c=id_c"},
		{"form order", nil, Options{FieldOrder: []string{"c"}}, "c=id_c a=id_a b=id_b"},
		{"declaration order changed", []string{"b"}, Options{}, "b=id_b a=id_a c=id_c"},
		{"auto_id", nil, Options{AutoID: "x_%s_y"}, "a=x_a_y b=x_b_y c=x_c_y"},
		{"auto_id without %s", nil, Options{AutoID: "on"}, "a=a b=b c=c"},
		{"no auto_id", nil, Options{NoAutoID: true}, "a= b= c="},
		{"prefix", nil, Options{Prefix: "p"}, "a=id_p-a b=id_p-b c=id_p-c"},
		{"prefix again", nil, Options{Prefix: "p"}, "a=id_p-a b=id_p-b c=id_p-c"},
		{"another prefix", []string{"c"}, Options{Prefix: "q"}, "c=id_q-c a=id_q-a b=id_q-b"},
		{"prefix and auto_id", nil, Options{Prefix: "p", AutoID: "x_%s"}, "a=x_p-a b=x_p-b c=x_p-c"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d.FieldOrder = c.order
			defer func() { d.FieldOrder = nil }()
			for _, f := range []*Form{d.New(c.opts), d.Bind(url.Values{"a": {" x "}}, nil, c.opts)} {
				if got := names(f); got != c.want {
					t.Errorf("fields = %q, want %q", got, c.want)
				}
				for _, bf := range f.Fields() {
					want := bf.Name()
					if c.opts.Prefix != "" {
						want = c.opts.Prefix + "-" + want
					}
					if bf.HTMLName() != want {
						t.Errorf("%s: HTMLName = %q, want %q", bf.Name(), bf.HTMLName(), want)
					}
				}
			}
		})
	}
}

// TestCleanKeepsStrings checks that cleaning a submitted string that
// needs no stripping, and one that does, gives the same values as before
// the boxes were reused.
func TestCleanKeepsStrings(t *testing.T) {
	d := MustDeclare(
		Named("plain", &CharField{}),
		Named("padded", &CharField{}),
		Named("kept", &CharField{NoStrip: true}),
		Named("pick", NewChoiceField(Choice{Value: "x", Label: "X"})),
		Named("many", NewMultipleChoiceField(Choice{Value: "1", Label: "one"}, Choice{Value: "2", Label: "two"})),
	)
	data := url.Values{"plain": {"abc"}, "padded": {"  abc "}, "kept": {" k "}, "pick": {"x"}, "many": {"2", "1"}}
	f := d.Bind(data, nil, Options{})
	if !f.IsValid() {
		t.Fatalf("invalid: %v", f.Errors())
	}
	c := f.CleanedData()
	for name, want := range map[string]string{"plain": "abc", "padded": "abc", "kept": " k ", "pick": "x"} {
		if got, ok := c[name].(string); !ok || got != want {
			t.Errorf("cleaned %s = %#v, want %q", name, c[name], want)
		}
	}
	many, ok := c["many"].([]any)
	if !ok || len(many) != 2 || many[0] != "2" || many[1] != "1" {
		t.Errorf("cleaned many = %#v, want [2 1]", c["many"])
	}
	if got := data["many"]; got[0] != "2" || got[1] != "1" {
		t.Errorf("the submitted list changed: %v", got)
	}
}
