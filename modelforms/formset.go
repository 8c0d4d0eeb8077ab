package modelforms

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// FieldID is the name of the hidden primary key field of a model
// formset's forms.
const FieldID = "id"

// FormsetDeclaration is a model formset's class: Django's
// modelformset_factory or, with a parent, inlineformset_factory. It is
// safe for concurrent use.
type FormsetDeclaration struct {
	form    *Declaration
	formset *formsets.Declaration
	// EditOnly formsets only change and delete the rows of their
	// queryset: they never create one, whatever the data says.
	editOnly bool
	// parent and fk are set for an inline formset.
	parent *orm.Model
	fk     orm.Field
}

// FormsetOptions are the settings of a model formset declaration that
// formsets.Option does not cover.
type FormsetOptions struct {
	// EditOnly formsets never create rows.
	EditOnly bool
	// FKName names the ForeignKey to the parent of an inline formset;
	// needed only when the model has several.
	FKName string
}

// DeclareFormset returns the declaration of a formset of model forms for
// meta, with formsets.Declare's defaults changed by opts.
func DeclareFormset(meta Meta, o FormsetOptions, opts ...formsets.Option) (*FormsetDeclaration, error) {
	if meta.Fields == nil && meta.Exclude == nil {
		return nil, errors.New("modelforms: calling DeclareFormset without defining Fields or Exclude explicitly is prohibited")
	}
	form, err := Declare(meta)
	if err != nil {
		return nil, err
	}
	return newFormsetDeclaration(form, o, opts)
}

// DeclareInlineFormset returns the declaration of an inline formset: the
// rows of meta.Model whose ForeignKey points at one row of parent. Its
// defaults are Django's: three extra forms, deletable; its prefix is the
// ForeignKey's related name ("book_set").
func DeclareInlineFormset(parent *orm.Model, meta Meta, o FormsetOptions, opts ...formsets.Option) (*FormsetDeclaration, error) {
	if parent == nil || meta.Model == nil {
		return nil, errors.New("modelforms: inline formset needs a parent and a model")
	}
	fk, err := foreignKey(parent, meta.Model, o.FKName)
	if err != nil {
		return nil, err
	}
	if meta.Fields == nil && meta.Exclude == nil {
		return nil, errors.New("modelforms: calling DeclareInlineFormset without defining Fields or Exclude explicitly is prohibited")
	}
	form, err := Declare(meta)
	if err != nil {
		return nil, err
	}
	prefix, err := meta.Model.RelatedName(fk.Name)
	if err != nil {
		return nil, err
	}
	all := append([]formsets.Option{formsets.Extra(3), formsets.CanDelete(true), formsets.Prefix(prefix)}, opts...)
	if fk.Unique {
		all = append(all, formsets.MaxNum(1))
	}
	d, err := newFormsetDeclaration(form, o, all)
	if err != nil {
		return nil, err
	}
	d.parent, d.fk = parent, fk
	return d, nil
}

// foreignKey is Django's _get_foreign_key.
func foreignKey(parent, m *orm.Model, name string) (orm.Field, error) {
	if name != "" {
		f, ok := m.Field(name)
		if !ok {
			return orm.Field{}, fmt.Errorf("modelforms: '%s' has no field named '%s'", m.Name(), name)
		}
		if f.Type != orm.ForeignKey || f.To != parent.Name() {
			return orm.Field{}, fmt.Errorf("modelforms: fk_name '%s' is not a ForeignKey to '%s'", name, parent.Name())
		}
		return f, nil
	}
	fks := m.ForeignKeysTo(parent.Name())
	switch len(fks) {
	case 0:
		return orm.Field{}, fmt.Errorf("modelforms: '%s' has no ForeignKey to '%s'", m.Name(), parent.Name())
	case 1:
		return fks[0], nil
	}
	return orm.Field{}, fmt.Errorf("modelforms: '%s' has more than one ForeignKey to '%s'; set FKName", m.Name(), parent.Name())
}

func newFormsetDeclaration(form *Declaration, o FormsetOptions, opts []formsets.Option) (*FormsetDeclaration, error) {
	d := &FormsetDeclaration{form: form, editOnly: o.EditOnly}
	// The formsets package builds the forms through the hooks below; its
	// Form declaration is only a placeholder for what it reads of it.
	fsd, err := formsets.Declare(&forms.Declaration{}, opts...)
	if err != nil {
		return nil, fmt.Errorf("modelforms: %w", err)
	}
	fsd.NewForm = func(fs *formsets.Formset, i int, fo forms.Options) *forms.Form {
		return state(fs).newForm(fs, i, fo)
	}
	fsd.AddFields = func(fs *formsets.Formset, f *forms.Form, i int) { state(fs).addFields(f) }
	fsd.InitialFormCount = func(fs *formsets.Formset) int {
		st := state(fs)
		if !fs.IsBound() {
			return len(st.objects)
		}
		return fs.DefaultInitialFormCount()
	}
	fsd.BaseClean = func(fs *formsets.Formset) error { return state(fs).validateUnique() }
	fsd.PostClean = func(fs *formsets.Formset) { state(fs).checkStorable() }
	d.formset = fsd
	return d, nil
}

// Formsets returns the underlying formset declaration, whose settings
// (Extra, CanDelete, templates...) may be changed before use.
func (d *FormsetDeclaration) Formsets() *formsets.Declaration { return d.formset }

// Form returns the declaration of the formset's model forms.
func (d *FormsetDeclaration) Form() *Declaration { return d.form }

// EditOnly reports whether the formset never creates rows.
func (d *FormsetDeclaration) EditOnly() bool { return d.editOnly }

// FormsetArgs are the arguments of one model formset.
type FormsetArgs struct {
	formsets.Options
	// Filter selects the rows the formset edits (Django's queryset); the
	// zero Filter selects every row. An inline formset adds its parent.
	Filter orm.Filter
	// Order sorts the rows ("-age"); empty means the model's ordering.
	Order []string
	// Parent is the row an inline formset edits the children of; nil
	// means a new parent, which has none.
	Parent *Instance
	// InitialExtra are the initial values of the extra forms.
	InitialExtra []map[string]any
}

// Formset is one model formset: a formsets.Formset whose forms are model
// forms over the rows of a queryset.
type Formset struct {
	*formsets.Formset
	decl    *FormsetDeclaration
	store   orm.Store
	ctx     context.Context
	args    FormsetArgs
	objects []*Instance
	byID    map[int64]*Instance
	parent  *Instance
	model   map[*forms.Form]*Form

	// Set by Save: the rows it created, changed (with the names of the
	// changed fields) and deleted.
	NewObjects     []*Instance
	ChangedObjects []Changed
	DeletedObjects []*Instance
}

// Changed is a row a formset's Save changed, with the changed fields.
type Changed struct {
	Instance *Instance
	Fields   []string
}

func state(fs *formsets.Formset) *Formset {
	st, _ := fs.State().(*Formset)
	return st
}

// New returns an unbound model formset over the rows args selects.
func (d *FormsetDeclaration) New(ctx context.Context, s orm.Store, args FormsetArgs) (*Formset, error) {
	return d.build(ctx, s, false, nil, nil, args)
}

// Bind returns a model formset bound to submitted data.
func (d *FormsetDeclaration) Bind(ctx context.Context, s orm.Store, data url.Values, files widgets.Files, args FormsetArgs) (*Formset, error) {
	if data == nil {
		data = url.Values{}
	}
	return d.build(ctx, s, true, data, files, args)
}

func (d *FormsetDeclaration) build(ctx context.Context, s orm.Store, bound bool, data url.Values, files widgets.Files, args FormsetArgs) (*Formset, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if s == nil {
		return nil, errors.New("modelforms: formset without a Store")
	}
	m := d.form.Model()
	mfs := &Formset{decl: d, store: s, ctx: ctx, args: args, byID: map[int64]*Instance{}, model: map[*forms.Form]*Form{}}
	filter := args.Filter
	if d.parent != nil {
		mfs.parent = args.Parent
		if mfs.parent == nil {
			mfs.parent = NewInstance(d.parent)
		}
		if _, ok := mfs.parent.PK(); ok {
			key, _ := mfs.parentKey()
			byParent, err := orm.Where(d.fk.Name, key)
			if err != nil {
				return nil, err
			}
			filter = filter.And(byParent)
		} else {
			filter = orm.Filter{}
		}
	}
	if d.parent == nil || !mfs.parent.Adding() {
		rows, err := s.List(ctx, m, filter, args.Order...)
		if err != nil {
			return nil, fmt.Errorf("modelforms: formset of %s: %w", m.Name(), err)
		}
		for _, r := range rows {
			o := &Instance{Model: m, Row: r}
			mfs.objects = append(mfs.objects, o)
			id, _ := o.PK()
			mfs.byID[id] = o
		}
	}
	opts := args.Options
	opts.State = mfs
	opts.Initial = nil // the initial forms show the rows
	if bound {
		mfs.Formset = d.formset.Bind(data, files, opts)
	} else {
		mfs.Formset = d.formset.New(opts)
	}
	return mfs, nil
}

// Objects returns the rows the formset edits.
func (fs *Formset) Objects() []*Instance { return fs.objects }

// Parent returns an inline formset's parent row, nil for other formsets.
func (fs *Formset) Parent() *Instance { return fs.parent }

// ModelForm returns the model form of one of the formset's forms.
func (fs *Formset) ModelForm(f *forms.Form) *Form { return fs.model[f] }

// ModelForms returns the model forms of the formset, in order.
func (fs *Formset) ModelForms() []*Form {
	out := make([]*Form, 0, fs.Len())
	for _, f := range fs.Forms() {
		out = append(out, fs.model[f])
	}
	return out
}

// newForm is Django's BaseModelFormSet._construct_form with add_fields'
// primary key field: each form edits its row, found by the id submitted
// for it among the queryset's rows.
func (fs *Formset) newForm(ffs *formsets.Formset, i int, fo forms.Options) *forms.Form {
	initialCount := ffs.InitialFormCount()
	pkRequired := i >= 0 && i < initialCount
	var inst *Instance
	if pkRequired {
		if ffs.IsBound() {
			key := ffs.AddPrefix(i) + "-" + FieldID
			if vals, ok := ffs.Data()[key]; ok && len(vals) > 0 {
				if id, ok := pkOf(vals[len(vals)-1]); ok {
					inst = fs.byID[id]
				}
			}
		} else if i < len(fs.objects) {
			inst = fs.objects[i]
		}
	} else if i >= 0 {
		if k := i - initialCount; k >= 0 && k < len(fs.args.InitialExtra) && fo.Initial == nil {
			fo.Initial = fs.args.InitialExtra[k]
		}
	}
	// The hidden id field: the row's id, checked against every row of the
	// model as in Django. A row outside the queryset is not found among
	// the formset's objects, so its form edits nothing.
	var pkValue any
	switch {
	case ffs.IsBound() && inst != nil:
		pkValue, _ = inst.PK()
	case !ffs.IsBound() && i >= 0 && i < len(fs.objects):
		pkValue, _ = fs.objects[i].PK()
	}
	pk := NewModelChoiceField(Queryset{Store: fs.store, Model: fs.decl.form.Model(), Context: fs.ctx})
	pk.Widget = widgets.NewHiddenInput(nil)
	if w, ok := fs.decl.form.meta.Widgets[FieldID]; ok {
		pk.Widget = w
	}
	pk.Optional = true
	pk.Initial = pkValue
	pk.EmptyLabel = nil
	pkField := pk
	opts := Options{Options: fo, Instance: inst}
	mf := fs.decl.form.build(fs.ctx, fs.store, ffs.IsBound() && i >= 0, ffs.Data(), ffs.Files(), opts,
		[]forms.NamedField{forms.Named(FieldID, pkField)})
	if pkRequired {
		// Django sets required after the field is built, so its widget
		// stays as for an optional field; the form holds its own copy.
		if bf := mf.Form.Field(FieldID); bf != nil {
			bf.Field().Core().Optional = false
		}
	}
	if fs.decl.parent != nil {
		// Django's BaseInlineFormSet: the form's model fields include the
		// ForeignKey, and its instance points at the parent.
		if mf.fields != nil && !slices.Contains(mf.fields, fs.decl.fk.Name) {
			mf.fields = append(slices.Clip(mf.fields), fs.decl.fk.Name)
		}
		key, _ := fs.parentKey()
		mf.instance.Row[fs.decl.fk.Name] = key
	}
	mf.inFormset = true
	fs.model[mf.Form] = mf
	return mf.Form
}

// parentKey is the value an inline formset's foreign key stores for the
// parent: the parent's to_field value when the key has one, else its id
// (nil and false for a parent not saved yet).
func (fs *Formset) parentKey() (any, bool) {
	if to, ok := fs.decl.fk.Target(); ok {
		v := fs.parent.Row[to.Name]
		return v, v != nil
	}
	if id, ok := fs.parent.PK(); ok {
		return id, true
	}
	return nil, false
}

// addFields gives an inline formset's forms the parent's hidden field.
func (fs *Formset) addFields(f *forms.Form) {
	if fs.decl.parent == nil {
		return
	}
	name := fs.decl.fk.Name
	fk := NewInlineForeignKeyField(fs.parent)
	if to, ok := fs.decl.fk.Target(); ok {
		fk.ToField = to.Name
		fk.Initial, _ = fs.parentKey()
	}
	if bf := f.Field(name); bf != nil && bf.Field().Core().Label != "" {
		fk.Label = bf.Field().Core().Label
	} else {
		fk.Label = capfirst(fs.decl.fk.VerboseName)
	}
	f.AddField(name, fk)
}

// checkStorable checks, once the formset is otherwise valid, that every
// form Save would write holds values the database can store: where
// Django's save raises OverflowError, the field gets an error (see
// storableErrors). A form Save skips (unchanged, marked for deletion, a
// row outside the queryset, an extra form of an EditOnly formset) is
// not checked, as Django saves nothing of it.
func (fs *Formset) checkStorable() {
	check := func(f *forms.Form) {
		if !f.HasChanged() || fs.Declaration().CanDelete && fs.ShouldDelete(f) {
			return
		}
		if mf := fs.model[f]; mf != nil {
			mf.checkStorable(mf.modelExclusions())
		}
	}
	for _, f := range fs.InitialForms() {
		// Save skips a row outside the queryset, as Django's
		// save_existing_objects does.
		if mf := fs.model[f]; mf != nil && !mf.instance.Adding() {
			check(f)
		}
	}
	if !fs.decl.editOnly {
		for _, f := range fs.ExtraForms() {
			check(f)
		}
	}
}

// validateUnique is Django's BaseModelFormSet.validate_unique: the
// unique and unique_together values must differ between the valid forms
// that are kept.
func (fs *Formset) validateUnique() error {
	deleted := map[*forms.Form]bool{}
	for _, f := range fs.DeletedForms() {
		deleted[f] = true
	}
	var valid []*Form
	for _, f := range fs.Forms() {
		if f.IsValid() && !deleted[f] {
			valid = append(valid, fs.model[f])
		}
	}
	var checks [][]string
	seenCheck := map[string]bool{}
	for _, mf := range valid {
		for _, c := range uniqueChecks(fs.decl.form.Model(), mf.validationExclusions()) {
			key := fmt.Sprint(c)
			if !seenCheck[key] {
				seenCheck[key] = true
				checks = append(checks, c)
			}
		}
	}
	var errs []*validators.ValidationError
	for _, check := range checks {
		seen := map[string]bool{}
		for _, mf := range valid {
			cd := mf.CleanedData()
			var row []string
			complete := true
			for _, name := range check {
				v, ok := cd[name]
				if !ok {
					continue
				}
				if fs.decl.parent != nil && name == fs.decl.fk.Name {
					row = append(row, "field:"+name)
					continue
				}
				if o, isInst := v.(*Instance); isInst {
					if id, ok := o.PK(); ok {
						v = id
					} else {
						v = nil
					}
				}
				if v == nil {
					complete = false
					break
				}
				row = append(row, fmt.Sprintf("%T:%s", v, pyfmt.Repr(v)))
			}
			if len(row) == 0 || !complete {
				continue
			}
			key := fmt.Sprint(row)
			if seen[key] {
				errs = append(errs, fs.uniqueError(check))
				if l := mf.Errors().Get(forms.NonFieldErrors); l != nil {
					l.Errors = l.Errors[:0]
				}
				mf.AddError("", validators.NewError("Please correct the duplicate values below.", "", nil))
				for _, name := range check {
					delete(cd, name)
				}
			}
			seen[key] = true
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &validators.ValidationError{List: errs}
}

// uniqueError is Django's get_unique_error_message; an inline
// formset leaves its ForeignKey out.
func (fs *Formset) uniqueError(check []string) *validators.ValidationError {
	if fs.decl.parent != nil {
		var kept []string
		for _, name := range check {
			if name != fs.decl.fk.Name {
				kept = append(kept, name)
			}
		}
		check = kept
	}
	if len(check) == 1 {
		return validators.NewError("Please correct the duplicate data for %(field)s.", "", map[string]any{"field": check[0]})
	}
	return validators.NewError("Please correct the duplicate data for %(field)s, which must be unique.", "",
		map[string]any{"field": textList(fs.Translator(), check, "and")})
}

// Save writes the formset's changes in one transaction: the changed rows
// of the initial forms are updated, those marked for deletion deleted,
// and (unless the formset is edit-only) the filled extra forms inserted.
// Either every write is made or none is. It returns the saved rows,
// changed then new; NewObjects, ChangedObjects and DeletedObjects say
// what was done. With commit false nothing is written and the rows are
// only returned.
func (fs *Formset) Save(ctx context.Context, commit bool) ([]*Instance, error) {
	if !fs.IsValid() {
		return nil, fmt.Errorf("modelforms: the %s formset could not be saved because the data didn't validate", fs.decl.form.Model().Name())
	}
	for _, mf := range fs.ModelForms() {
		if err := mf.Err(); err != nil {
			return nil, err
		}
	}
	var saved, created, deletedObjs []*Instance
	var changed []Changed
	run := func(s orm.Store) error {
		saved, created, deletedObjs, changed = nil, nil, nil, nil
		deleted := map[*forms.Form]bool{}
		for _, f := range fs.DeletedForms() {
			deleted[f] = true
		}
		for _, f := range fs.InitialForms() {
			mf := fs.model[f]
			if mf.instance.Adding() {
				// A row outside the queryset, or one deleted meanwhile.
				continue
			}
			switch {
			case deleted[f]:
				deletedObjs = append(deletedObjs, mf.instance)
				if commit {
					id, _ := mf.instance.PK()
					if err := s.Delete(ctx, mf.instance.Model, id); err != nil {
						return fmt.Errorf("modelforms: delete %s: %w", mf.instance.String(), err)
					}
				}
			case f.HasChanged():
				changed = append(changed, Changed{Instance: mf.instance, Fields: f.ChangedData()})
				if commit {
					if err := mf.write(ctx, s); err != nil {
						return err
					}
				}
				saved = append(saved, mf.instance)
			}
		}
		if fs.decl.editOnly {
			return nil
		}
		for _, f := range fs.ExtraForms() {
			if !f.HasChanged() {
				continue
			}
			if fs.Declaration().CanDelete && fs.ShouldDelete(f) {
				continue
			}
			mf := fs.model[f]
			if fs.decl.parent != nil {
				key, _ := fs.parentKey()
				mf.instance.Row[fs.decl.fk.Name] = key
			}
			if commit {
				if err := mf.write(ctx, s); err != nil {
					return err
				}
			}
			created = append(created, mf.instance)
		}
		saved = append(saved, created...)
		return nil
	}
	var err error
	if commit {
		err = fs.store.InTx(ctx, run)
		if err != nil {
			// Rows inserted by the rolled-back transaction have no id.
			for _, o := range created {
				delete(o.Row, "id")
			}
		}
	} else {
		err = run(fs.store)
	}
	if err != nil {
		return nil, err
	}
	fs.NewObjects, fs.ChangedObjects, fs.DeletedObjects = created, changed, deletedObjs
	return saved, nil
}
