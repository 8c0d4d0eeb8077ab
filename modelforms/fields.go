package modelforms

import (
	"context"
	"errors"
	"fmt"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/widgets"
)

// Django's ModelChoiceField message for a value outside its queryset.
const invalidModelChoice = "Select a valid choice. That choice is not one of the available choices."

// DefaultEmptyLabel is the label of the empty choice of choice fields.
const DefaultEmptyLabel = "---------"

// Queryset names a set of rows: the rows of Model in Store that match
// Filter, in the model's order. Context is used for the queries that a
// field makes while a form is cleaned or rendered, which have no context
// of their own; nil means context.Background().
type Queryset struct {
	Store   orm.Store
	Model   *orm.Model
	Filter  orm.Filter
	Context context.Context
}

func (q Queryset) ctx() context.Context {
	if q.Context == nil {
		return context.Background()
	}
	return q.Context
}

func (q Queryset) ready() error {
	if q.Store == nil || q.Model == nil {
		return errors.New("modelforms: queryset without a Store or Model")
	}
	return nil
}

// All returns the rows of the queryset as instances.
func (q Queryset) All() ([]*Instance, error) {
	if err := q.ready(); err != nil {
		return nil, err
	}
	rows, err := q.Store.List(q.ctx(), q.Model, q.Filter)
	if err != nil {
		return nil, fmt.Errorf("modelforms: list %s: %w", q.Model.Name(), err)
	}
	out := make([]*Instance, len(rows))
	for i, r := range rows {
		out[i] = &Instance{Model: q.Model, Row: r}
	}
	return out, nil
}

// Get returns the row of the queryset with the id, nil when the queryset
// holds no such row.
func (q Queryset) Get(id int64) (*Instance, error) { return q.GetBy("id", id) }

// GetBy returns the row of the queryset whose field has the value, nil
// when the queryset holds no such row. A value the field cannot hold
// matches no row.
func (q Queryset) GetBy(field string, value any) (*Instance, error) {
	if err := q.ready(); err != nil {
		return nil, err
	}
	by, err := orm.Where(field, value)
	if err != nil {
		return nil, err
	}
	rows, err := q.Store.List(q.ctx(), q.Model, q.Filter.And(by))
	if err != nil {
		return nil, fmt.Errorf("modelforms: get %s %s=%v: %w", q.Model.Name(), field, value, err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &Instance{Model: q.Model, Row: rows[0]}, nil
}

// pkOf reads a submitted primary key as Python's int() would.
func pkOf(value any) (int64, bool) {
	switch x := value.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case *Instance:
		return x.PK()
	}
	n, err := pynum.ParseInt(pyfmt.Str(value))
	if err != nil {
		return 0, false
	}
	id, ok := n.(int64)
	return id, ok
}

// ModelChoiceField is a choice field whose choices are the rows of a
// queryset; it cleans to the chosen *Instance. A value outside the
// queryset is refused with Django's message, whatever the rows outside it.
type ModelChoiceField struct {
	forms.ChoiceField
	Queryset Queryset
	// EmptyLabel is the label of the empty choice; nil means no empty
	// choice. NewModelChoiceField sets Django's "---------".
	EmptyLabel *string
	// LabelFromInstance labels a choice; nil means the instance's String.
	LabelFromInstance func(*Instance) string
	// ToFieldName is the field whose value names a row in the options
	// and in submitted data (Django's to_field_name); "" means the id.
	ToFieldName string

	// err is the first database error met while listing choices, which
	// a render cannot return.
	err error
}

// NewModelChoiceField returns a required ModelChoiceField over qs.
func NewModelChoiceField(qs Queryset) *ModelChoiceField {
	label := DefaultEmptyLabel
	f := &ModelChoiceField{Queryset: qs, EmptyLabel: &label}
	f.Optional = false
	f.ChoicesFunc = f.choices
	return f
}

// Err returns the first database error met while listing the choices.
func (f *ModelChoiceField) Err() error { return f.err }

func (f *ModelChoiceField) choices() []forms.Choice {
	var out []forms.Choice
	if f.EmptyLabel != nil {
		out = append(out, forms.Choice{Value: "", Label: *f.EmptyLabel})
	}
	objs, err := f.Queryset.All()
	if err != nil {
		if f.err == nil {
			f.err = err
		}
		return out
	}
	for _, o := range objs {
		label := o.String()
		if f.LabelFromInstance != nil {
			label = f.LabelFromInstance(o)
		}
		out = append(out, forms.Choice{Value: f.key(o), Label: label})
	}
	return out
}

// keyField is the field that names a row: ToFieldName, else "id".
func (f *ModelChoiceField) keyField() string {
	if f.ToFieldName == "" {
		return "id"
	}
	return f.ToFieldName
}

// key is the value that names the instance: its ToFieldName value, as
// Django's prepare_value gives it, else its id.
func (f *ModelChoiceField) key(o *Instance) any {
	if f.ToFieldName != "" {
		return o.Row[f.ToFieldName]
	}
	if id, ok := o.PK(); ok {
		return id
	}
	return nil
}

// lookupValue converts a submitted value for the key field, as the
// model field's get_prep_value does; ok is false when it cannot hold it
// (Django's ValueError or ValidationError).
func (f *ModelChoiceField) lookupValue(value any) (any, bool) {
	if f.ToFieldName == "" {
		id, ok := pkOf(value)
		return id, ok
	}
	mf, ok := f.Queryset.Model.Field(f.ToFieldName)
	if !ok {
		return nil, false
	}
	if o, isInst := value.(*Instance); isInst {
		return o.Row[f.ToFieldName], true
	}
	v, err := orm.Lookup(mf, pyfmt.Str(value))
	return v, err == nil
}

// WidgetChoices gives a visible widget its options; a hidden one needs
// none, which spares a query per form for a formset's hidden id.
func (f *ModelChoiceField) WidgetChoices() []forms.Choice {
	if f.Widget != nil && f.Widget.IsHidden() {
		return nil
	}
	return f.AllChoices()
}

// DefaultErrorMessages implements forms.ErrorMessager.
func (f *ModelChoiceField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid_choice": invalidModelChoice}
}

// PrepareValue shows an instance as its id (its ToFieldName value).
func (f *ModelChoiceField) PrepareValue(value any) any {
	if o, ok := value.(*Instance); ok {
		return f.key(o)
	}
	return value
}

// ToPython returns the queryset's row with the submitted id (or
// ToFieldName value), nil for no value.
func (f *ModelChoiceField) ToPython(value any) (any, error) {
	if forms.IsEmpty(value) {
		return nil, nil
	}
	invalid := f.Error("invalid_choice", invalidModelChoice, map[string]any{"value": value})
	if f.Queryset.ready() != nil {
		return nil, f.Queryset.ready()
	}
	key, ok := f.lookupValue(value)
	if !ok {
		return nil, invalid
	}
	o, err := f.Queryset.GetBy(f.keyField(), key)
	if err != nil {
		return nil, err
	}
	if o == nil {
		return nil, invalid
	}
	return o, nil
}

// Validate checks only that a required field has a value; ToPython
// checked the choice.
func (f *ModelChoiceField) Validate(value any) error { return f.FieldCore.Validate(value) }

// HasChanged compares the ids as strings.
func (f *ModelChoiceField) HasChanged(initial, data any) bool {
	if f.Disabled {
		return false
	}
	if initial == nil {
		initial = ""
	}
	if data == nil {
		data = ""
	}
	return pyfmt.Str(f.PrepareValue(initial)) != pyfmt.Str(data)
}

// ModelMultipleChoiceField chooses any number of rows of a queryset; it
// cleans to a []any of *Instance in the queryset's order.
type ModelMultipleChoiceField struct {
	ModelChoiceField
}

// NewModelMultipleChoiceField returns a required ModelMultipleChoiceField
// over qs.
func NewModelMultipleChoiceField(qs Queryset) *ModelMultipleChoiceField {
	f := &ModelMultipleChoiceField{ModelChoiceField{Queryset: qs}}
	f.Optional = false
	f.ChoicesFunc = f.choices
	return f
}

// DefaultWidget implements forms.DefaultWidgeter.
func (f *ModelMultipleChoiceField) DefaultWidget() widgets.Widget {
	return widgets.NewSelectMultiple(nil)
}

// HiddenWidget implements forms.HiddenWidgeter.
func (f *ModelMultipleChoiceField) HiddenWidget() widgets.Widget {
	return widgets.NewMultipleHiddenInput(nil)
}

// DefaultErrorMessages implements forms.ErrorMessager.
func (f *ModelMultipleChoiceField) DefaultErrorMessages() map[string]string {
	return map[string]string{
		"invalid_list":     "Enter a list of values.",
		"invalid_choice":   "Select a valid choice. %(value)s is not one of the available choices.",
		"invalid_pk_value": "“%(pk)s” is not a valid value.",
	}
}

func (f *ModelMultipleChoiceField) list(value any) ([]any, bool) {
	switch x := value.(type) {
	case []any:
		return x, true
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out, true
	case []*Instance:
		out := make([]any, len(x))
		for i, o := range x {
			out[i] = o
		}
		return out, true
	}
	return nil, false
}

// PrepareValue shows instances as their ids.
func (f *ModelMultipleChoiceField) PrepareValue(value any) any {
	if l, ok := f.list(value); ok {
		out := make([]any, len(l))
		for i, v := range l {
			out[i] = f.ModelChoiceField.PrepareValue(v)
		}
		return out
	}
	return f.ModelChoiceField.PrepareValue(value)
}

// Clean checks every submitted id is in the queryset and returns the
// chosen rows.
func (f *ModelMultipleChoiceField) Clean(value any) (any, error) {
	value = f.PrepareValue(value)
	if !pyval.Truthy(value) {
		if f.Required() {
			return nil, f.Error("required", "This field is required.", nil)
		}
		return []any{}, nil
	}
	l, ok := f.list(value)
	if !ok {
		return nil, f.Error("invalid_list", "Enter a list of values.", nil)
	}
	// Django's _check_values: every value must suit the key field, then
	// name a row of the queryset (compared as str()).
	wanted := map[string]bool{}
	var keys []any
	for _, v := range l {
		key, ok := f.lookupValue(v)
		if !ok {
			return nil, f.Error("invalid_pk_value", "“%(pk)s” is not a valid value.", map[string]any{"pk": v})
		}
		if k := f.keyStr(key); !wanted[k] {
			wanted[k] = true
			keys = append(keys, key)
		}
	}
	// Only the rows asked for: queryset.filter(KEY__in=values).
	in, err := orm.Where(f.keyField()+"__in", keys)
	if err != nil {
		return nil, err
	}
	qs := f.Queryset
	qs.Filter = qs.Filter.And(in)
	objs, err := qs.All()
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	var out []any
	for _, o := range objs {
		if k := f.keyStr(f.key(o)); wanted[k] {
			found[k] = true
			out = append(out, o)
		}
	}
	for _, v := range l {
		if key, _ := f.lookupValue(v); !found[f.keyStr(key)] {
			return nil, f.Error("invalid_choice", "Select a valid choice. %(value)s is not one of the available choices.", map[string]any{"value": v})
		}
	}
	if err := forms.RunValidators(f, value); err != nil {
		return nil, err
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

// keyStr is str() of a key field's value.
func (f *ModelMultipleChoiceField) keyStr(v any) string {
	if f.ToFieldName != "" {
		if mf, ok := f.Queryset.Model.Field(f.ToFieldName); ok {
			return orm.StrValue(mf, v)
		}
	}
	return pyfmt.Str(v)
}

// HasChanged compares the sets of ids as strings.
func (f *ModelMultipleChoiceField) HasChanged(initial, data any) bool {
	if f.Disabled {
		return false
	}
	a, _ := f.list(f.PrepareValue(initial))
	b, _ := f.list(data)
	if s, ok := data.(string); ok {
		// A one-value widget (HiddenInput) gives a string, which
		// Django's len() and set() read as its characters.
		for _, r := range s {
			b = append(b, string(r))
		}
	}
	if len(a) != len(b) {
		return true
	}
	set := func(l []any) map[string]bool {
		m := map[string]bool{}
		for _, v := range l {
			m[pyfmt.Str(v)] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	if len(sa) != len(sb) {
		return true
	}
	for k := range sa {
		if !sb[k] {
			return true
		}
	}
	return false
}

// InlineForeignKeyField is the hidden field of an inline formset's form
// that holds the parent's id: it cleans to the parent, and refuses any
// other id.
type InlineForeignKeyField struct {
	forms.FieldCore
	Parent *Instance
	// PKField is set when the foreign key is also the primary key.
	PKField bool
	// ToField names the parent's field the foreign key stores (Django's
	// to_field); empty means the parent's id.
	ToField string
}

// NewInlineForeignKeyField returns the field for parent.
func NewInlineForeignKeyField(parent *Instance) *InlineForeignKeyField {
	f := &InlineForeignKeyField{Parent: parent}
	if id, ok := parent.PK(); ok {
		f.Initial = id
	}
	return f
}

// DefaultWidget implements forms.DefaultWidgeter.
func (f *InlineForeignKeyField) DefaultWidget() widgets.Widget { return widgets.NewHiddenInput(nil) }

// DefaultErrorMessages implements forms.ErrorMessager.
func (f *InlineForeignKeyField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid_choice": "The inline value did not match the parent instance."}
}

// Clean returns the parent when value is empty or the parent's id.
func (f *InlineForeignKeyField) Clean(value any) (any, error) {
	if forms.IsEmpty(value) {
		if f.PKField {
			return nil, nil
		}
		return f.Parent, nil
	}
	orig := "None"
	if f.ToField != "" {
		orig = pyfmt.Str(f.Parent.Row[f.ToField])
	} else if id, ok := f.Parent.PK(); ok {
		orig = pyfmt.Str(id)
	}
	if pyfmt.Str(value) != orig {
		return nil, f.Error("invalid_choice", "The inline value did not match the parent instance.", nil)
	}
	return f.Parent, nil
}

// HasChanged is always false: the parent is fixed.
func (f *InlineForeignKeyField) HasChanged(initial, data any) bool { return false }
