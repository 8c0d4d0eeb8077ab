package benchmarks

import (
	"testing"

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
)

// BenchmarkAccessible renders workloads of testdata/cases with the
// AccessibleFormRenderer (renderers.NewAccessible). render is the
// rendering alone of a form (or formset) already bound and validated;
// request is one bind, validation and rendering, as BenchmarkRender
// measures. Each checks first that the output is the engine's
// (NoFastPath) byte for byte.
func BenchmarkAccessible(b *testing.B) {
	for _, name := range []string{"contact_invalid_div", "formset20_div"} {
		c, err := formspec.Load("testdata/cases/" + name + ".json")
		if err != nil {
			b.Fatal(err)
		}
		p, err := c.PrepareWith(renderers.NewAccessible())
		if err != nil {
			b.Fatal(err)
		}
		pe, err := c.PrepareWith(&renderers.Accessible{NoFastPath: true})
		if err != nil {
			b.Fatal(err)
		}
		got, err := p.RenderFirst()
		if err != nil {
			b.Fatal(err)
		}
		want, err := pe.RenderFirst()
		if err != nil {
			b.Fatal(err)
		}
		if p.Output != "as_div" {
			b.Fatalf("%s: first output %s, want as_div", name, p.Output)
		}
		if got != want {
			b.Fatalf("%s: the fast path and the engine differ\nfast:   %q\nengine: %q", name, got, want)
		}
		b.Run(name+"/render", func(b *testing.B) {
			var r func() (renderers.HTML, error)
			if fs := p.Formset(); fs != nil {
				fs.IsValid()
				r = fs.AsDiv
			} else {
				f := p.Form()
				f.IsValid()
				r = f.AsDiv
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := r(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/request", func(b *testing.B) {
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := p.RenderFirst(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
