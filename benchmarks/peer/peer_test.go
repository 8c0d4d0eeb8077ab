package peer

import (
	"net/url"
	"strings"
	"testing"
)

// invalid is the POST of contact_invalid_div.json.
var invalid = url.Values{"copies": {"3"}, "email": {"nope"}, "message": {""}, "name": {""}, "token": {"t"}, "topic": {"x"}}

func TestCycle(t *testing.T) {
	h, err := Cycle(invalid)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"This field is required.", "Enter a valid email address.",
		"Select a valid choice. x is not one of the available choices.",
		"Ensure this value is a multiple of step size 2.", `value="t" id="id_token"`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %q in\n%s", want, h)
		}
	}
}

// BenchmarkPeer is the full cycle: decode, validate, render.
func BenchmarkPeer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Cycle(invalid); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPeerRender renders an already validated submission.
func BenchmarkPeerRender(b *testing.B) {
	c := &Contact{Email: "nope", Topic: "x", Copies: "3", Token: "t"}
	errs := map[string]string{"Name": "This field is required.", "Email": "Enter a valid email address.", "Topic": "Select a valid choice. x is not one of the available choices.", "Message": "This field is required.", "Copies": "Ensure this value is a multiple of step size 2."}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(c, errs); err != nil {
			b.Fatal(err)
		}
	}
}
