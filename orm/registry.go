package orm

import (
	"fmt"
	"strings"
	"sync"
)

// Registry is an explicit set of models by name, in registration order.
// The zero Registry is empty and ready to use; it is safe for concurrent
// use.
type Registry struct {
	mu     sync.RWMutex
	byName map[string]*Model
	order  []*Model
}

// Register adds m. Its ForeignKeys must point at models already
// registered (or at m itself), and no other model may have the same table.
func (r *Registry) Register(m *Model) error {
	if m == nil || m.name == "" {
		return fmt.Errorf("orm: register: nil or zero Model")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, other := range r.order {
		if other.table == m.table {
			return fmt.Errorf("orm: register %s: model %s already uses table %s", m.name, other.name, m.table)
		}
	}
	for _, f := range m.fields {
		if f.Type != ForeignKey || f.To == m.name {
			continue
		}
		if _, ok := r.byName[f.To]; !ok {
			return fmt.Errorf("orm: register %s: field %s points at unregistered model %q", m.name, f.Name, f.To)
		}
	}
	if r.byName == nil {
		r.byName = make(map[string]*Model)
	}
	r.byName[m.name] = m
	r.order = append(r.order, m)
	return nil
}

// Lookup returns the model with the name.
func (r *Registry) Lookup(name string) (*Model, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	m, ok := r.byName[name]
	return m, ok
}

// Models returns the models in registration order.
func (r *Registry) Models() []*Model {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return append([]*Model(nil), r.order...)
}

// Names returns the model names in registration order, for messages.
func (r *Registry) Names() string {
	var names []string
	for _, m := range r.Models() {
		names = append(names, m.name)
	}
	return strings.Join(names, ", ")
}
