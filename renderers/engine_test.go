package renderers_test

// The Django template engine is a package of its own (djangoengine):
// these tests render theme templates and compare the generated writers
// with the engine, so they link it.
import _ "github.com/formwork/formwork/renderers/djangoengine"
