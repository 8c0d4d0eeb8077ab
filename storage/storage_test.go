package storage

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
)

func TestFilepathToURI(t *testing.T) {
	// Django's filepath_to_uri (urllib.parse.quote with safe="/~!*()'").
	tests := []struct{ in, want string }{
		{"avatars/ann.png", "avatars/ann.png"},
		{"logos/acme & co.svg", "logos/acme%20%26%20co.svg"},
		{"banners/spécial offer.png", "banners/sp%C3%A9cial%20offer.png"},
		{`win\path\a b.txt`, "win/path/a%20b.txt"},
		{"d/a b#c?&d=é%.txt", "d/a%20b%23c%3F%26d%3D%C3%A9%25.txt"},
		{"~user/(1)!*'.txt", "~user/(1)!*'.txt"},
	}
	for _, tc := range tests {
		if got := FilepathToURI(tc.in); got != tc.want {
			t.Errorf("FilepathToURI(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestValidName(t *testing.T) {
	// Django's get_valid_filename.
	tests := []struct{ in, want string }{
		{"new plan.pdf", "new_plan.pdf"},
		{" john's portrait in 2004.jpg ", "johns_portrait_in_2004.jpg"},
		{"spécial-offer_1.png", "spécial-offer_1.png"},
		{"a/b.txt", "ab.txt"},
	}
	for _, tc := range tests {
		got, err := ValidName(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ValidName(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "???", "..", " . "} {
		if got, err := ValidName(bad); !errors.Is(err, ErrBadName) {
			t.Errorf("ValidName(%q) = %q, %v; want ErrBadName", bad, got, err)
		}
	}
}

func TestCleanName(t *testing.T) {
	for _, bad := range []string{"", "/etc/passwd", "../x", "a/../../x", "..", "a\x00b"} {
		if _, err := CleanName(bad); !errors.Is(err, ErrBadName) {
			t.Errorf("CleanName(%q) = %v, want ErrBadName", bad, err)
		}
	}
	if got, err := CleanName(`a\b/./c.txt`); err != nil || got != "a/b/c.txt" {
		t.Errorf("CleanName = %q, %v", got, err)
	}
}

// eachStorage runs fn on a Dir in a temporary folder and on a Memory.
func eachStorage(t *testing.T, fn func(t *testing.T, s Storage)) {
	t.Run("Dir", func(t *testing.T) { fn(t, Dir{Root: t.TempDir()}) })
	t.Run("Memory", func(t *testing.T) { fn(t, &Memory{}) })
}

func read(t *testing.T, s Storage, name string) string {
	t.Helper()
	r, err := s.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStorage(t *testing.T) {
	eachStorage(t, func(t *testing.T, s Storage) {
		name, err := s.Save("reports/q1.pdf", strings.NewReader("one"), 0)
		if err != nil || name != "reports/q1.pdf" {
			t.Fatalf("Save = %q, %v", name, err)
		}
		if got := read(t, s, name); got != "one" {
			t.Errorf("content %q", got)
		}
		if n, err := s.Size(name); err != nil || n != 3 {
			t.Errorf("Size = %d, %v", n, err)
		}
		if ok, err := s.Exists(name); !ok || err != nil {
			t.Errorf("Exists = %v, %v", ok, err)
		}
		if ok, _ := s.Exists("reports/none.pdf"); ok {
			t.Error("a file never saved exists")
		}
		if got := s.URL("reports/a b.pdf"); got != "/media/reports/a%20b.pdf" {
			t.Errorf("URL = %q", got)
		}
		// A taken name gets Django's "_" + seven letters and digits.
		again, err := s.Save("reports/q1.pdf", strings.NewReader("two"), 0)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^reports/q1_[A-Za-z0-9]{7}\.pdf$`).MatchString(again) {
			t.Errorf("second save named %q", again)
		}
		if read(t, s, name) != "one" || read(t, s, again) != "two" {
			t.Error("a second save overwrote the first")
		}
		// A name longer than max_length has its root cut to fit.
		long, err := s.Save("a/very-long-name.csv", strings.NewReader("x"), 16)
		if err != nil {
			t.Fatal(err)
		}
		if len(long) != 16 || !regexp.MustCompile(`^a/ve_[A-Za-z0-9]{7}\.csv$`).MatchString(long) {
			t.Errorf("long name saved as %q (%d characters)", long, len(long))
		}
		if _, err := s.Save("a/x.csv", strings.NewReader("x"), 5); !errors.Is(err, ErrBadName) {
			t.Errorf("a name that cannot be cut: %v", err)
		}
		if _, err := s.Save("../escape.txt", strings.NewReader("x"), 0); !errors.Is(err, ErrBadName) {
			t.Errorf("climbing out: %v", err)
		}
		if _, err := s.Open("../etc/passwd"); !errors.Is(err, ErrBadName) {
			t.Errorf("opening outside: %v", err)
		}
	})
}

func TestFile(t *testing.T) {
	m := &Memory{BaseURL: "https://cdn.example/m"}
	name, err := m.Save("x/y z.txt", strings.NewReader("hello"), 0)
	if err != nil {
		t.Fatal(err)
	}
	f := &File{Name: name, Storage: m}
	if f.URL() != "https://cdn.example/m/x/y%20z.txt" || f.String() != "x/y z.txt" {
		t.Errorf("URL %q, str %q", f.URL(), f.String())
	}
	if n, err := f.FileSize(); err != nil || n != 5 {
		t.Errorf("FileSize = %d, %v", n, err)
	}
	if (&File{Name: "x"}).URL() != "" {
		t.Error("a file without a storage has a URL")
	}
}

func ExampleFilepathToURI() {
	fmt.Println(FilepathToURI("logos/acme & co.svg"))
	// Output: logos/acme%20%26%20co.svg
}

func ExampleFile() {
	st := &Memory{} // or Dir{Root: "/srv/media"}
	name, _ := st.Save("avatars/ann.png", strings.NewReader("..."), 100)
	f := &File{Name: name, Storage: st}
	fmt.Println(f.String(), f.URL())
	// Output: avatars/ann.png /media/avatars/ann.png
}
