package exampleapp

import (
	"context"

	"github.com/formwork/formwork/renderers"
)

// Look is how the application's pages look: the renderer its forms and
// formsets render with (a theme pack's, say) and the stylesheet its pages
// link to.
type Look struct {
	// Renderer renders the forms; nil is the div style.
	Renderer renderers.Renderer
	// Stylesheet is the URL of the pages' stylesheet; "" is none.
	Stylesheet string
}

// NewWithLook builds the application as New does, rendering its forms
// and pages with look.
func NewWithLook(ctx context.Context, look Look) (*App, error) {
	a, err := New(ctx)
	if err != nil {
		return nil, err
	}
	if look.Renderer != nil {
		a.renderer = look.Renderer
	}
	a.stylesheet = look.Stylesheet
	return a, nil
}
