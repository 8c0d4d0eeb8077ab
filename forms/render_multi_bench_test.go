package forms_test

import (
	"testing"
	"time"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/storage"
	"github.com/formwork/formwork/widgets"
)

// multiForm is a form of the widgets made of several parts and of a
// ClearableFileInput showing a stored file: a SplitDateTimeField, a
// DateField on a SelectDateWidget and an optional FileField.
func multiForm(r renderers.Renderer) *forms.Form {
	sd := widgets.NewSelectDateWidget(nil)
	sd.Years = []int{2020, 2021, 2022, 2023, 2024, 2025}
	d := forms.MustDeclare(
		forms.Named("when", forms.NewSplitDateTimeField()),
		forms.Named("day", &forms.DateField{FieldCore: forms.FieldCore{Widget: sd}}),
		forms.Named("photo", &forms.FileField{FieldCore: forms.FieldCore{Optional: true}}),
	)
	return d.New(forms.Options{Renderer: r, Initial: map[string]any{
		"when":  time.Date(2024, 5, 17, 9, 30, 0, 0, time.UTC),
		"day":   time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
		"photo": &storage.File{Name: "photos/cat.png", Storage: &storage.Memory{BaseURL: "/media/"}},
	}})
}

// BenchmarkRenderMultiWidgets renders multiForm (render only: the form
// is made once) with the Django and Jinja2 renderers.
func BenchmarkRenderMultiWidgets(b *testing.B) {
	for _, rc := range []struct {
		name string
		r    renderers.Renderer
	}{
		{"DjangoTemplates", renderers.NewDjangoTemplates()},
		{"DjangoDiv", renderers.NewDjangoDivFormRenderer()},
		{"Jinja2", renderers.NewJinja2()},
	} {
		b.Run(rc.name, func(b *testing.B) {
			f := multiForm(rc.r)
			if _, err := f.Render(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.Render(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
