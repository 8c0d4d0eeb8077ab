// Package modelforms builds forms and formsets from orm models, with the
// semantics and messages of Django 4.1's model forms: form fields derived
// from model fields (a ForeignKey and a ManyToManyField become a
// ModelChoiceField and a ModelMultipleChoiceField over their target's
// rows), forms bound to a row that validate against the database
// (unique, unique_together, unique_for_date/_month/_year) and save it
// with its many-to-many data and uploaded files, and model and inline
// formsets that edit a set of rows in one transaction.
package modelforms

import (
	"strings"

	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/validators"
)

// Instance is one model object: a row of a model. A row without an "id"
// is not saved yet (Django's instance._state.adding).
type Instance struct {
	Model *orm.Model
	Row   orm.Row
}

// NewInstance returns an unsaved instance of m with no values set.
func NewInstance(m *orm.Model) *Instance { return &Instance{Model: m, Row: orm.Row{}} }

// PK returns the instance's id and whether it has one.
func (i *Instance) PK() (int64, bool) {
	if i == nil {
		return 0, false
	}
	return i.Row.ID()
}

// Adding reports whether the instance is not in the database yet.
func (i *Instance) Adding() bool {
	_, ok := i.PK()
	return !ok
}

// String returns the model object's text, as Django's str() of it: the
// model's Str template, or Django's default "Author object (1)"; "None"
// for a nil Instance.
func (i *Instance) String() string {
	if i == nil || i.Model == nil {
		return "None"
	}
	return i.Model.Str(i.Row)
}

// clone returns a copy whose row can change alone.
func (i *Instance) clone() *Instance {
	c := &Instance{Model: i.Model, Row: make(orm.Row, len(i.Row))}
	for k, v := range i.Row {
		c.Row[k] = v
	}
	return c
}

// capfirst is Django's capfirst: the first letter upper-cased, the rest
// unchanged.
func capfirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

// textList is Django's get_text_list(items, gettext(last)): "a, b and
// c", its separator and last word in t's language (English when t is nil).
func textList(t validators.Translator, items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	sep := ", "
	if t != nil {
		sep, last = t.Translate(sep), t.Translate(last)
	}
	return strings.Join(items[:len(items)-1], sep) + " " + last + " " + items[len(items)-1]
}
