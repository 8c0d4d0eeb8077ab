package renderers_test

import (
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"
)

// countingFS counts every call a renderer makes on its overlay.
type countingFS struct {
	fsys  fs.FS
	calls atomic.Int64
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.calls.Add(1)
	return c.fsys.Open(name)
}

func (c *countingFS) Stat(name string) (fs.FileInfo, error) {
	c.calls.Add(1)
	return fs.Stat(c.fsys, name)
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.calls.Add(1)
	return fs.ReadFile(c.fsys, name)
}

// TestOverlayReadOnce: a theme's overlay is read while the first
// rendering finds its templates and never again unless Reload is set,
// so a theme in a directory on disk costs what the same theme embedded
// costs (issue #14: from a directory on disk, the same as embedded).
// Every overlay call is counted, on a directory and on a map, for a form
// template override in each engine and for every template overridden.
func TestOverlayReadOnce(t *testing.T) {
	const div = "django/forms/div.html"
	copyTo := func(t *testing.T, src fs.FS, all bool) string {
		dir := t.TempDir()
		err := fs.WalkDir(src, "django", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || (!all && p != div) {
				return err
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		return dir
	}
	asMap := func(t *testing.T, dir string) fs.FS {
		m := fstest.MapFS{}
		err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			m[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	decl := forms.MustDeclare(
		forms.Named("name", &forms.CharField{MaxLength: 40}),
		forms.Named("email", &forms.EmailField{}),
		forms.Named("topic", forms.NewChoiceField(forms.Choice{Value: "a", Label: "A"}, forms.Choice{Value: "b", Label: "B"})),
	)
	data := url.Values{"name": {""}, "email": {"nope"}, "topic": {"c"}}
	for _, tt := range []struct {
		name string
		jet  bool
		all  bool
	}{
		{"pongo2 form template", false, false},
		{"pongo2 every template", false, true},
		{"jet form template", true, false},
		{"jet every template", true, true},
	} {
		src := fs.FS(templates.Django)
		if tt.jet {
			src = templates.Jet
		}
		dir := copyTo(t, src, tt.all)
		for _, where := range []string{"disk", "map"} {
			for _, reload := range []bool{false, true} {
				fsys := os.DirFS(dir)
				if where == "map" {
					fsys = asMap(t, dir)
				}
				overlay := &countingFS{fsys: fsys}
				var r renderers.Renderer = &renderers.DjangoTemplates{FormTemplate: div, Overlay: overlay, Reload: reload}
				if tt.jet {
					r = &renderers.Jinja2{FormTemplate: div, Overlay: overlay, Reload: reload}
				}
				render := func() {
					f := decl.Bind(data, nil, forms.Options{Renderer: r})
					if _, err := f.Render(); err != nil {
						t.Fatalf("%s, %s, reload %v: %v", tt.name, where, reload, err)
					}
				}
				render()
				first := overlay.calls.Load()
				if first == 0 {
					t.Fatalf("%s, %s: the overlay was never read", tt.name, where)
				}
				for i := 0; i < 5; i++ {
					render()
				}
				later := overlay.calls.Load() - first
				if !reload && later != 0 {
					t.Errorf("%s, %s: %d overlay calls in 5 renderings after the first (%d in the first); want 0", tt.name, where, later, first)
				}
				if reload && later == 0 {
					t.Errorf("%s, %s, reload: the overlay was not read again", tt.name, where)
				}
			}
		}
	}
}
