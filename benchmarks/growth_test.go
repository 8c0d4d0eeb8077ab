package benchmarks

import (
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/renderers"
)

// The growth workloads: one full cycle (bind, validate, render as div
// with the built-in templates) of a form of n text fields, of one select
// of n choices, and of a formset of n two-field forms, each with valid
// submitted data. BenchmarkGrowth reports ns/op and allocs/op per unit
// (field, choice or form) beside the totals, so that a look down a
// column shows whether the cost of one more field stays flat from 1 to
// 1000.

var growthSizes = []int{1, 10, 100, 1000}

// growthWorkload is one cycle of a growth workload, run with a
// declaration built once.
type growthWorkload struct {
	run func() (renderers.HTML, error)
	// check is a count of what the output must hold: n of want.
	want string
}

func growthFields(tb testing.TB, n int) growthWorkload {
	tb.Helper()
	fields := make([]forms.NamedField, n)
	data := url.Values{}
	for i := range fields {
		name := "f" + strconv.Itoa(i)
		fields[i] = forms.Named(name, &forms.CharField{MaxLength: 40})
		data.Set(name, "value "+strconv.Itoa(i))
	}
	d, err := forms.Declare(fields...)
	if err != nil {
		tb.Fatal(err)
	}
	opts := forms.Options{Renderer: renderers.NewDjangoDivFormRenderer()}
	return growthWorkload{want: `<input type="text"`, run: func() (renderers.HTML, error) {
		f := d.Bind(data, nil, opts)
		if !f.IsValid() {
			return "", fmt.Errorf("fields=%d: the form is invalid: %v", n, f.Errors())
		}
		return f.Render()
	}}
}

func growthChoices(tb testing.TB, n int) growthWorkload {
	tb.Helper()
	choices := make([]forms.Choice, n)
	for i := range choices {
		choices[i] = forms.Choice{Value: "c" + strconv.Itoa(i), Label: "Choice " + strconv.Itoa(i)}
	}
	d, err := forms.Declare(forms.Named("pick", forms.NewChoiceField(choices...)))
	if err != nil {
		tb.Fatal(err)
	}
	data := url.Values{"pick": {"c" + strconv.Itoa(n-1)}}
	opts := forms.Options{Renderer: renderers.NewDjangoDivFormRenderer()}
	return growthWorkload{want: `<option value="`, run: func() (renderers.HTML, error) {
		f := d.Bind(data, nil, opts)
		if !f.IsValid() {
			return "", fmt.Errorf("choices=%d: the form is invalid: %v", n, f.Errors())
		}
		return f.Render()
	}}
}

func growthForms(tb testing.TB, n int) growthWorkload {
	tb.Helper()
	form, err := forms.Declare(
		forms.Named("name", &forms.CharField{MaxLength: 40}),
		forms.Named("count", &forms.IntegerField{}),
	)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := formsets.Declare(form, formsets.Extra(0), formsets.Renderer(renderers.NewDjangoDivFormRenderer()))
	if err != nil {
		tb.Fatal(err)
	}
	data := url.Values{
		"form-TOTAL_FORMS":   {strconv.Itoa(n)},
		"form-INITIAL_FORMS": {"0"},
	}
	for i := 0; i < n; i++ {
		p := "form-" + strconv.Itoa(i) + "-"
		data.Set(p+"name", "name "+strconv.Itoa(i))
		data.Set(p+"count", strconv.Itoa(i))
	}
	return growthWorkload{want: `<input type="number"`, run: func() (renderers.HTML, error) {
		fs := d.Bind(data, nil, formsets.Options{})
		if !fs.IsValid() {
			return "", fmt.Errorf("forms=%d: the formset is invalid", n)
		}
		return fs.Render()
	}}
}

// growthKinds are the workloads by unit, and how many times the unit's
// marker appears in the output per unit (a form's name input, say).
var growthKinds = []struct {
	unit    string
	build   func(testing.TB, int) growthWorkload
	perUnit int
}{
	{"fields", growthFields, 1},
	{"choices", growthChoices, 1},
	{"forms", growthForms, 1},
}

// checkGrowth fails unless one cycle succeeds and prints perUnit*n of
// the workload's marker.
func checkGrowth(tb testing.TB, w growthWorkload, n, perUnit int) {
	tb.Helper()
	h, err := w.run()
	if err != nil {
		tb.Fatal(err)
	}
	if got := strings.Count(string(h), w.want); got != n*perUnit {
		tb.Fatalf("the output holds %d of %q, want %d", got, w.want, n*perUnit)
	}
}

func BenchmarkGrowth(b *testing.B) {
	for _, k := range growthKinds {
		for _, n := range growthSizes {
			b.Run(fmt.Sprintf("%s=%d", k.unit, n), func(b *testing.B) {
				w := k.build(b, n)
				checkGrowth(b, w, n, k.perUnit)
				b.ReportAllocs()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				b.ResetTimer()
				for b.Loop() {
					if _, err := w.run(); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				runtime.ReadMemStats(&after)
				unit := strings.TrimSuffix(k.unit, "s")
				ops := float64(b.N) * float64(n)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/ops, "ns/"+unit)
				b.ReportMetric(float64(after.Mallocs-before.Mallocs)/ops, "allocs/"+unit)
			})
		}
	}
}

// TestGrowthWorkloads runs each growth workload once at every size and
// checks what it prints, as the benchmark does before timing.
func TestGrowthWorkloads(t *testing.T) {
	for _, k := range growthKinds {
		for _, n := range growthSizes {
			t.Run(fmt.Sprintf("%s=%d", k.unit, n), func(t *testing.T) {
				checkGrowth(t, k.build(t, n), n, k.perUnit)
			})
		}
	}
}
