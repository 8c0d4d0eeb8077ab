package formhttp_test

// Tests here render theme templates, or every template through the engine
// (NoFastPath) to compare it with the generated writers: they link the
// Django template engine.
import _ "github.com/formwork/formwork/renderers/djangoengine"
