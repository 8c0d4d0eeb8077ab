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

// Register adds m. Its ForeignKeys and ManyToManyFields must point at
// models already registered (or at m itself), a to_field at a unique
// field of the target, and no other model may have the same table.
// Register resolves m's to_field targets, so register a model before
// using it.
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
	for i, f := range m.fields {
		if !f.IsRelation() {
			continue
		}
		target := m
		if f.To != m.name {
			t, ok := r.byName[f.To]
			if !ok {
				return fmt.Errorf("orm: register %s: field %s points at unregistered model %q", m.name, f.Name, f.To)
			}
			target = t
		}
		if f.ToField == "" || f.ToField == "id" {
			continue
		}
		tf, ok := target.Field(f.ToField)
		switch {
		case !ok:
			return fmt.Errorf("orm: register %s: field %s: to_field %q is not a field of %s", m.name, f.Name, f.ToField, target.name)
		case !tf.Unique || tf.IsRelation():
			return fmt.Errorf("orm: register %s: field %s: to_field %s.%s must be a unique field that is not a relation", m.name, f.Name, target.name, f.ToField)
		}
		tf.Unique, tf.HasDefault, tf.Default, tf.Choices = false, false, nil, nil
		m.fields[i].target = &tf
	}
	if r.byName == nil {
		r.byName = make(map[string]*Model)
	}
	r.byName[m.name] = m
	r.order = append(r.order, m)
	m.registry.Store(r)
	return nil
}

// relation is a field of a model that points at another model.
type relation struct {
	model *Model
	field Field
}

// referrers returns the registered ForeignKeys and ManyToManyFields that
// point at m, in registration order.
func (r *Registry) referrers(m *Model) []relation {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	var out []relation
	for _, other := range r.order {
		for _, f := range other.fields {
			if f.IsRelation() && f.To == m.name {
				out = append(out, relation{other, f})
			}
		}
	}
	return out
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
