package formsets_test

import (
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/internal/enginecount"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// TestAccessibleWithoutEngine renders forms and formsets with the
// AccessibleFormRenderer, unbound and bound with errors, in English and
// in French and Arabic, and wants pongo2 to render no template: the
// accessible templates run on the writers generated from them, the
// others on Django's. Each rendering is also the engine's (NoFastPath)
// byte for byte.
func TestAccessibleWithoutEngine(t *testing.T) {
	topic := forms.NewChoiceField(forms.Choice{Value: "q", Label: "Question"}, forms.Choice{Value: "b", Label: "Bug"})
	topic.Widget = widgets.NewRadioSelect(nil)
	colours := forms.NewMultipleChoiceField(forms.Choice{Value: "r", Label: "Red"}, forms.Choice{Value: "g", Label: "Green"})
	unlabelled := forms.NewCharField()
	unlabelled.HideLabel = true
	unlabelled.Optional = true
	copies := forms.NewIntegerField()
	copies.Optional = true
	token := forms.NewCharField()
	token.Widget = widgets.NewHiddenInput(nil)
	name := forms.NewCharField()
	name.HelpText = "As on your card"
	decl := forms.MustDeclare(
		forms.Named("name", name),
		forms.Named("email", forms.NewEmailField()),
		forms.Named("topic", topic),
		forms.Named("colours", colours),
		forms.Named("nickname", unlabelled),
		forms.Named("copies", copies),
		forms.Named("agree", forms.NewBooleanField()),
		forms.Named("when", forms.NewDateField()),
		forms.Named("token", token),
	)
	item := forms.MustDeclare(forms.Named("title", forms.NewCharField()), forms.Named("qty", copies))
	items := formsets.MustDeclare(item, formsets.MinNum(2), formsets.ValidateMin(true), formsets.CanDelete(true))
	invalid := url.Values{"email": {"nope"}, "topic": {"x"}, "copies": {"a<b"}, "when": {"2021-02-29"}, "token": {""}}
	formsetData := url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"0"}, "form-0-title": {"Dune"}, "form-1-qty": {"x"}}

	var n atomic.Int64
	var names []string
	defer enginecount.Set(func(name string) {
		if n.Add(1) <= 10 {
			names = append(names, name)
		}
	})()
	for _, lang := range []string{"en", "fr", "ar"} {
		var tr validators.Translator
		if lang != "en" {
			tr = i18n.Negotiate(lang)
		}
		for _, noIDs := range []bool{false, true} {
			render := func(r renderers.Renderer) []string {
				var out []string
				add := func(h renderers.HTML, err error) {
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, string(h))
				}
				opts := forms.Options{Renderer: r, Translator: tr, NoAutoID: noIDs}
				for _, f := range []*forms.Form{decl.New(opts), decl.Bind(invalid, nil, opts)} {
					add(f.Render())
					add(f.AsDiv())
					add(f.AsP())
					add(f.AsTable())
					add(f.AsUL())
					add(f.Field("name").LabelTag(forms.LabelOptions{}))
					add(f.Field("topic").LegendTag(forms.LabelOptions{}))
					add(f.NonFieldErrors().HTML())
				}
				fopts := formsets.Options{Renderer: r, Translator: tr, NoAutoID: noIDs}
				for _, fs := range []*formsets.Formset{items.New(fopts), items.Bind(formsetData, nil, fopts)} {
					add(fs.Render())
					add(fs.AsDiv())
					add(fs.AsP())
				}
				return out
			}
			fast := render(renderers.NewAccessible())
			if got := n.Load(); got != 0 {
				t.Fatalf("%s (no ids %v): %d templates rendered by pongo2, the first %q", lang, noIDs, got, names)
			}
			var engine []string
			func() {
				defer enginecount.Set(func(string) {})()
				engine = render(&renderers.Accessible{NoFastPath: true})
			}()
			for i := range fast {
				if fast[i] != engine[i] {
					t.Errorf("%s (no ids %v), rendering %d: the fast path and the engine differ\nfast:   %s\nengine: %s", lang, noIDs, i, fast[i], engine[i])
				}
			}
		}
	}
}
