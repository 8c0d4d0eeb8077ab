package pyurl

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// testdata/pyurl.json holds Python 3.11's answers, written by
// testdata/gen.py: urlsplit's parts (or its ValueError) for each URL,
// and urlunsplit of those parts and of other part tuples.
type corpus struct {
	Split []struct {
		In    string    `json:"in"`
		Parts *[]string `json:"parts"`
		Join  string    `json:"join"`
		Error string    `json:"error"`
	} `json:"split"`
	Join []struct {
		Parts []string `json:"parts"`
		Join  string   `json:"join"`
	} `json:"join"`
}

func load(t *testing.T) corpus {
	t.Helper()
	raw, err := os.ReadFile("testdata/pyurl.json")
	if err != nil {
		t.Fatal(err)
	}
	var c corpus
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Split) < 300 || len(c.Join) < 100 {
		t.Fatalf("corpus too small: %d split, %d join cases", len(c.Split), len(c.Join))
	}
	return c
}

func parts(s []string) Parts { return Parts{s[0], s[1], s[2], s[3], s[4]} }

func TestSplit(t *testing.T) {
	for _, tc := range load(t).Split {
		got, err := Split(tc.In)
		if tc.Error != "" {
			if err == nil {
				t.Errorf("Split(%q) = %+v, Python raises ValueError(%q)", tc.In, got, tc.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("Split(%q): %v, Python says %q", tc.In, err, *tc.Parts)
			continue
		}
		if want := parts(*tc.Parts); got != want {
			t.Errorf("Split(%q) = %+v, Python says %+v", tc.In, got, want)
		}
		if j := Join(got); j != tc.Join {
			t.Errorf("Join(Split(%q)) = %q, Python says %q", tc.In, j, tc.Join)
		}
	}
}

func TestJoin(t *testing.T) {
	for _, tc := range load(t).Join {
		if got := Join(parts(tc.Parts)); got != tc.Join {
			t.Errorf("Join(%q) = %q, Python says %q", tc.Parts, got, tc.Join)
		}
	}
}

func ExampleSplit() {
	// URLField completes a URL typed without a scheme by splitting twice.
	p, _ := Split("example.com/path?q=1")
	fmt.Printf("%q %q %q\n", p.Netloc, p.Path, p.Query)
	p.Scheme = "https"
	p, _ = Split(Join(p))
	fmt.Println(Join(p))
	_, err := Split("http://[1.2.3.4]/")
	fmt.Println(err)
	// Output:
	// "" "example.com/path" "q=1"
	// https:///example.com/path?q=1
	// An IPv4 address cannot be in brackets
}

// Quote's wants are Python 3.11's urllib.parse.quote.
func TestQuote(t *testing.T) {
	tests := []struct{ in, safe, want string }{
		{"a b/c?d=é", "/", "a%20b/c%3Fd%3D%C3%A9"},
		{"a b/c", "", "a%20b%2Fc"},
		{"a b/c?d=é#x", IRISafe, "a%20b/c?d=%C3%A9#x"},
		{"_.-~AZaz09", "", "_.-~AZaz09"},
	}
	for _, tt := range tests {
		if got := Quote(tt.in, tt.safe); got != tt.want {
			t.Errorf("Quote(%q, %q) = %q, want %q", tt.in, tt.safe, got, tt.want)
		}
	}
}
