package formsets_test

import (
	"fmt"
	"net/url"
	"sync"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/renderers"
)

// sharedLines is one formset declaration shared by every goroutine of
// TestSharedFormsetDeclaration.
var sharedLines = formsets.MustDeclare(forms.MustDeclare(
	forms.Named("product", forms.NewCharField()),
	forms.Named("quantity", forms.NewIntegerField()),
), formsets.Extra(1), formsets.CanDelete(true), formsets.CanOrder(true), formsets.MaxNum(5), formsets.ValidateMax(true))

// linesData is the submission of goroutine i: 1 to 7 lines, so that some
// are valid, some have invalid lines and some have too many.
func linesData(i int) url.Values {
	n := 1 + i%7
	v := url.Values{"form-TOTAL_FORMS": {fmt.Sprint(n)}, "form-INITIAL_FORMS": {"0"}}
	for j := 0; j < n; j++ {
		v.Set(fmt.Sprintf("form-%d-product", j), fmt.Sprintf("p%d-%d", i, j))
		q := fmt.Sprint(i + j)
		if (i+j)%5 == 0 {
			q = "many"
		}
		v.Set(fmt.Sprintf("form-%d-quantity", j), q)
		v.Set(fmt.Sprintf("form-%d-ORDER", j), fmt.Sprint(n-j))
	}
	return v
}

func renderFormset(r renderers.Renderer, data url.Values) (string, error) {
	fs := sharedLines.Bind(data, nil, formsets.Options{Renderer: r})
	out := fmt.Sprint(fs.IsValid(), fs.TotalErrorCount(), fs.NonFormErrors().JSON(), fs.CleanedData())
	for _, f := range fs.OrderedForms() {
		out += f.Prefix()
	}
	for _, render := range []func() (renderers.HTML, error){fs.AsDiv, fs.AsP, fs.AsTable, fs.AsUL, fs.Render} {
		h, err := render()
		if err != nil {
			return "", err
		}
		out += string(h)
	}
	return out, nil
}

// TestSharedFormsetDeclaration binds and renders one formset declaration
// with one renderer from 32 goroutines at once, for both engines, and
// checks each result against a lone render of the same data. Run it with
// -race.
func TestSharedFormsetDeclaration(t *testing.T) {
	const goroutines, rounds = 32, 4
	for _, tc := range []struct {
		name string
		r    renderers.Renderer
	}{
		{"DjangoTemplates", renderers.NewDjangoTemplates()},
		{"Jinja2", renderers.NewJinja2()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := make([]string, goroutines)
			errs := make(chan error, goroutines)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := 0; i < goroutines; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					<-start
					for round := 0; round < rounds; round++ {
						out, err := renderFormset(tc.r, linesData(i))
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
			valid := 0
			for i := 0; i < goroutines; i++ {
				want, err := renderFormset(tc.r, linesData(i))
				if err != nil {
					t.Fatal(err)
				}
				if got[i] != want {
					t.Errorf("goroutine %d rendered\n%s\nwant (rendered alone)\n%s", i, got[i], want)
				}
				if sharedLines.Bind(linesData(i), nil, formsets.Options{}).IsValid() {
					valid++
				}
			}
			if valid == 0 || valid == goroutines {
				t.Errorf("%d of %d submissions valid: the data should mix valid and invalid ones", valid, goroutines)
			}
		})
	}
}
