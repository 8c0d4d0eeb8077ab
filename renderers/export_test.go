package renderers

import "github.com/formwork/formwork/internal/enginecount"

// OnEngineRender calls f with the name of each template a DjangoTemplates
// or Jinja2 renderer renders with its engine, until stop is called. Tests
// using it must not run in parallel with others that render.
func OnEngineRender(f func(name string)) (stop func()) { return enginecount.Set(f) }
