package renderers

import (
	"bytes"
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// TestSpacelessMatchesEngine checks the generated writers' spaceless
// against the rule of the engine's tag (djangoengine/compat.go:
// TrimSpace, then >\s+< to ><), on what was written after a mark.
func TestSpacelessMatchesEngine(t *testing.T) {
	betweenTags := regexp.MustCompile(`>\s+<`)
	engine := func(s string) string { return betweenTags.ReplaceAllString(strings.TrimSpace(s), "><") }
	check := func(s string) {
		t.Helper()
		var b bytes.Buffer
		b.WriteString("<p> \n")
		b.WriteString(s)
		spaceless(&b, len("<p> \n"))
		if got, want := b.String(), "<p> \n"+engine(s); got != want {
			t.Errorf("spaceless(%q) = %q, want %q", s, got[len("<p> \n"):], want[len("<p> \n"):])
		}
	}
	for _, s := range []string{
		"", " ", "\n\t", "<a>", " <a> \n <b> ", "<a>\n>\n<b>", "> <", ">\v<", ">\u00a0<",
		"<select>\n  <option>x</option>\n  <option> y </option>\n</select>\n",
		"a > b < c", ">>  <<", "> x <", "\u00a0<a> <b>\u00a0", "<a>\r\n\f<b>",
	} {
		check(s)
	}
	r := rand.New(rand.NewSource(1))
	alphabet := []string{"<", ">", " ", "\n", "\t", "\r", "\f", "\v", "a", "\u00a0", "\u2003"}
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := r.Intn(12); n > 0; n-- {
			sb.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		check(sb.String())
	}
}
