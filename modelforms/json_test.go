package modelforms

import (
	"encoding/json"
	"strings"
)

// decodeJSON decodes with integers kept exact, as the spec readers want.
func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}
