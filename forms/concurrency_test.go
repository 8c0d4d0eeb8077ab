package forms_test

import (
	"fmt"
	"net/url"
	"sync"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/widgets"
)

// sharedContact is one declaration shared by every goroutine of the
// concurrency tests, as a package-level form is shared by requests.
var sharedContact = func() *forms.Declaration {
	name := &forms.CharField{FieldCore: forms.FieldCore{HelpText: "As on your card"}, MaxLength: 40}
	topic := forms.NewChoiceField(forms.Choice{Value: "q", Label: "Question"}, forms.Choice{Value: "b", Label: "Bug"})
	topic.Widget = widgets.NewRadioSelect(nil)
	copies := forms.NewIntegerField()
	copies.Optional = true
	return forms.MustDeclare(
		forms.Named("name", name),
		forms.Named("email", forms.NewEmailField()),
		forms.Named("topic", topic),
		forms.Named("copies", copies),
		forms.Named("when", forms.NewDateField()),
	)
}()

// concurrencyData is the data of goroutine i: valid and invalid forms
// alternate, and every goroutine's values differ.
func concurrencyData(i int) url.Values {
	v := url.Values{"name": {fmt.Sprintf("user %d", i)}, "topic": {"q"}, "copies": {fmt.Sprint(i)}, "when": {"2022-08-03"}}
	if i%2 == 0 {
		v.Set("email", fmt.Sprintf("u%d@example.com", i))
	} else {
		v.Set("email", fmt.Sprintf("not an address %d", i))
		v.Set("topic", "x")
	}
	return v
}

// renderAll binds data and renders every style, as one request does.
func renderAll(decl *forms.Declaration, r renderers.Renderer, data url.Values) (string, error) {
	f := decl.Bind(data, nil, forms.Options{Renderer: r})
	out := fmt.Sprint(f.IsValid(), f.Errors().JSON(), f.CleanedData())
	for _, render := range []func() (renderers.HTML, error){f.AsDiv, f.AsP, f.AsTable, f.AsUL, f.Render} {
		h, err := render()
		if err != nil {
			return "", err
		}
		out += string(h)
	}
	return out, nil
}

// TestSharedDeclarationAndRenderer renders one declaration with one
// renderer from 32 goroutines at once, for both engines, and checks that
// each goroutine gets what a lone render of its data gives. Run it with
// -race: that is what it is for.
func TestSharedDeclarationAndRenderer(t *testing.T) {
	const goroutines, rounds = 32, 8
	for _, tc := range []struct {
		name string
		r    renderers.Renderer
	}{
		{"DjangoTemplates", renderers.NewDjangoTemplates()},
		{"Jinja2", renderers.NewJinja2()},
		{"Jinja2DivFormRenderer", renderers.NewJinja2DivFormRenderer()},
		{"AccessibleFormRenderer", renderers.NewAccessible()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := make([]string, goroutines)
			var wg sync.WaitGroup
			errs := make(chan error, goroutines)
			// Start everyone at once: the first renders also race to
			// parse and cache the templates.
			start := make(chan struct{})
			got := make([]string, goroutines)
			for i := 0; i < goroutines; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					<-start
					for round := 0; round < rounds; round++ {
						out, err := renderAll(sharedContact, tc.r, concurrencyData(i))
						if err != nil {
							errs <- err
							return
						}
						if round > 0 && out != got[i] {
							errs <- fmt.Errorf("goroutine %d: round %d rendered differently", i, round)
							return
						}
						got[i] = out
					}
				}(i)
			}
			close(start)
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			for i := range want {
				w, err := renderAll(sharedContact, tc.r, concurrencyData(i))
				if err != nil {
					t.Fatal(err)
				}
				if got[i] != w {
					t.Errorf("goroutine %d rendered\n%s\nwant (rendered alone)\n%s", i, got[i], w)
				}
			}
		})
	}
}
