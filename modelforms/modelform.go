package modelforms

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/pyjson"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/storage"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// Meta is what a model form is built from: Django's ModelForm.Meta.
type Meta struct {
	Model *orm.Model
	// Fields are the model fields the form edits, in this order; nil
	// means every editable field (Django's "__all__").
	Fields []string
	// Exclude leaves these fields out, even when Fields names them.
	Exclude []string
	// Widgets, Labels, HelpTexts and ErrorMessages override what the
	// model fields give, by field name.
	Widgets       map[string]widgets.Widget
	Labels        map[string]string
	HelpTexts     map[string]string
	ErrorMessages map[string]map[string]string
	// FieldClasses replace the form field class of model fields, by
	// name (Django's field_classes): the field made keeps the model
	// field's label, help text, initial and required flag, and its
	// max_length where both have one.
	FieldClasses map[string]func() forms.Field
	// Localized names the fields to localize.
	Localized []string
	// Form holds the form's declared fields, which replace the model's of
	// the same name or come after them, and its hooks and templates. Its
	// Clean runs before the model validation; its PostClean is not used.
	Form *forms.Declaration
	// Registry finds ForeignKey and ManyToManyField targets; nil means
	// such a field cannot be in the form.
	Registry *orm.Registry
	// Storage keeps the files of FileFields and ImageFields; nil means
	// storage.Dir{}, a "media" folder served under "/media/".
	Storage storage.Storage
}

// storage returns the storage of the model's files.
func (m Meta) storage() storage.Storage {
	if m.Storage == nil {
		return storage.Dir{}
	}
	return m.Storage
}

// Declaration is a model form's class, built once by Declare. It is safe
// for concurrent use.
type Declaration struct {
	meta  Meta
	names []string // form field names from the model, in order
}

// Declare checks meta and returns the model form declaration.
func Declare(meta Meta) (*Declaration, error) {
	m := meta.Model
	if m == nil {
		return nil, errors.New("modelforms: ModelForm has no model class specified")
	}
	excluded := func(name string) bool { return slices.Contains(meta.Exclude, name) }
	declared := map[string]bool{}
	if meta.Form != nil {
		for _, nf := range meta.Form.Fields {
			declared[nf.Name] = true
		}
	}
	d := &Declaration{meta: meta}
	if meta.Fields == nil {
		for _, f := range m.Fields() {
			if f.Type == orm.AutoField || !f.Editable() || excluded(f.Name) {
				continue
			}
			d.names = append(d.names, f.Name)
		}
	} else {
		var unknown []string
		for _, name := range meta.Fields {
			if excluded(name) {
				continue
			}
			f, ok := m.Field(name)
			switch {
			case ok && !f.Editable():
				return nil, fmt.Errorf("modelforms: '%s' cannot be specified for %s model form as it is a non-editable field", name, m.Name())
			case !ok || f.Type == orm.AutoField:
				if !declared[name] {
					unknown = append(unknown, name)
				}
				continue
			}
			d.names = append(d.names, name)
		}
		if len(unknown) > 0 {
			return nil, fmt.Errorf("modelforms: Unknown field(s) (%s) specified for %s", joinComma(unknown), m.Name())
		}
	}
	for _, name := range d.names {
		f, _ := m.Field(name)
		if f.IsRelation() {
			if meta.Registry == nil {
				return nil, fmt.Errorf("modelforms: field %s is a ForeignKey: Meta.Registry is needed to find %s", name, f.To)
			}
			target, ok := meta.Registry.Lookup(f.To)
			if !ok {
				return nil, fmt.Errorf("modelforms: field %s points at %s, which the registry does not hold", name, f.To)
			}
			if f.LimitChoicesTo != nil {
				filter, err := orm.ParseFilter(f.LimitChoicesTo)
				if err == nil {
					err = filter.Check(target)
				}
				if err != nil {
					return nil, fmt.Errorf("modelforms: field %s: limit_choices_to: %w", name, err)
				}
			}
		}
	}
	return d, nil
}

func joinComma(l []string) string {
	s := ""
	for i, x := range l {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s
}

// Model returns the declaration's model.
func (d *Declaration) Model() *orm.Model { return d.meta.Model }

// Meta returns the declaration's settings.
func (d *Declaration) Meta() Meta { return d.meta }

// Options are a model form's arguments: the form's, plus the instance it
// edits (nil: a new row). Initial values win over the instance's.
type Options struct {
	forms.Options
	Instance *Instance
}

// Form is one model form: a forms.Form over an instance, which it
// validates against the database and saves.
type Form struct {
	*forms.Form
	decl     *Declaration
	instance *Instance
	store    orm.Store
	ctx      context.Context
	fields   []string // Django's _meta.fields (nil: all)
	err      error
	// uniqueDone is set once the form's own unique checks ran.
	uniqueDone bool
	// inFormset is set for a model formset's form.
	inFormset bool
	// uploads are the files to store when the form is saved, by field.
	uploads map[string]*widgets.UploadedFile
}

// New returns an unbound model form. ctx is used for the queries the form
// makes while it is cleaned, rendered and saved.
func (d *Declaration) New(ctx context.Context, s orm.Store, opts Options) *Form {
	return d.build(ctx, s, false, nil, nil, opts, nil)
}

// Bind returns a model form bound to submitted data.
func (d *Declaration) Bind(ctx context.Context, s orm.Store, data url.Values, files widgets.Files, opts Options) *Form {
	return d.build(ctx, s, true, data, files, opts, nil)
}

func (d *Declaration) build(ctx context.Context, s orm.Store, bound bool, data url.Values, files widgets.Files, opts Options, extra []forms.NamedField) *Form {
	if ctx == nil {
		ctx = context.Background()
	}
	mf := &Form{decl: d, store: s, ctx: ctx, fields: d.meta.Fields}
	if opts.Instance == nil {
		mf.instance = NewInstance(d.meta.Model)
	} else {
		mf.instance = opts.Instance.clone()
		object := d.modelToDict(opts.Instance)
		for k, v := range opts.Initial {
			object[k] = v
		}
		opts.Initial = object
	}
	var base forms.Declaration
	if d.meta.Form != nil {
		base = *d.meta.Form
	}
	fd := base
	fd.Fields = nil
	declared := map[string]forms.Field{}
	for _, nf := range base.Fields {
		declared[nf.Name] = nf.Field
	}
	for _, name := range d.names {
		if f, ok := declared[name]; ok {
			fd.Fields = append(fd.Fields, forms.Named(name, f))
			delete(declared, name)
			continue
		}
		f, err := d.formField(ctx, s, name)
		if err != nil {
			mf.fail(err)
			continue
		}
		fd.Fields = append(fd.Fields, forms.Named(name, f))
	}
	for _, nf := range base.Fields {
		if _, left := declared[nf.Name]; left {
			fd.Fields = append(fd.Fields, nf)
		}
	}
	for _, nf := range extra {
		replaced := false
		for i := range fd.Fields {
			if fd.Fields[i].Name == nf.Name {
				fd.Fields[i].Field, replaced = nf.Field, true
			}
		}
		if !replaced {
			fd.Fields = append(fd.Fields, nf)
		}
	}
	userClean := base.Clean
	fd.Clean = func(f *forms.Form) error {
		if userClean != nil {
			return userClean(f)
		}
		return nil
	}
	fd.PostClean = func(*forms.Form) { mf.postClean() }
	fd.Prepare()
	if bound {
		mf.Form = fd.Bind(data, files, opts.Options)
	} else {
		mf.Form = fd.New(opts.Options)
	}
	return mf
}

// formField builds the form field of a model field, with Meta's overrides.
func (d *Declaration) formField(ctx context.Context, s orm.Store, name string) (forms.Field, error) {
	m := d.meta.Model
	mf, _ := m.Field(name)
	var target Queryset
	if mf.IsRelation() && d.meta.Registry != nil {
		t, _ := d.meta.Registry.Lookup(mf.To)
		target = Queryset{Store: s, Model: t, Context: ctx}
		if mf.LimitChoicesTo != nil {
			// Django applies limit_choices_to in model forms only.
			filter, err := orm.ParseFilter(mf.LimitChoicesTo)
			if err != nil {
				return nil, fmt.Errorf("modelforms: field %s: limit_choices_to: %w", name, err)
			}
			target.Filter = filter
		}
	}
	f, err := FormField(mf, target)
	if err != nil || f == nil {
		return f, err
	}
	if mk, ok := d.meta.FieldClasses[name]; ok {
		f = withClass(f, mk())
	}
	c := f.Core()
	if c.Initial != nil {
		c.Initial = formValue(mf, c.Initial, d.meta.storage())
	}
	if w, ok := d.meta.Widgets[name]; ok {
		c.Widget = w
		if mc, isChoice := f.(*ModelChoiceField); isChoice {
			// Django's ModelChoiceField(blank=...): radio buttons of a
			// required relation offer no empty choice.
			if _, radio := w.(*widgets.RadioSelect); radio && !mf.Blank {
				mc.EmptyLabel = nil
			}
		}
	}
	if slices.Contains(d.meta.Localized, name) || slices.Contains(d.meta.Localized, "__all__") {
		c.Localize = true
	}
	if l, ok := d.meta.Labels[name]; ok {
		c.Label = l
	}
	if h, ok := d.meta.HelpTexts[name]; ok {
		c.HelpText = h
	}
	if em, ok := d.meta.ErrorMessages[name]; ok {
		c.ErrorMessages = em
	}
	return f, nil
}

// modelToDict is Django's model_to_dict: the instance's values of the
// editable fields the form may show, a ForeignKey as its target's id.
func (d *Declaration) modelToDict(inst *Instance) map[string]any {
	out := map[string]any{}
	for _, f := range d.meta.Model.Fields() {
		if !f.Editable() {
			continue
		}
		if d.meta.Fields != nil && !slices.Contains(d.meta.Fields, f.Name) {
			continue
		}
		if slices.Contains(d.meta.Exclude, f.Name) {
			continue
		}
		if v, ok := inst.Row[f.Name]; ok {
			out[f.Name] = formValue(f, v, d.meta.storage())
		}
	}
	return out
}

// withClass is Django's formfield(form_class=...): a field of the new
// class with what the model field gave the old one.
func withClass(old, f forms.Field) forms.Field {
	// The model field's formfield() passes its widget along (a TextField's
	// Textarea); other fields get the new class's default widget.
	*f.Core() = *old.Core()
	if n, ok := charMaxLengthPtr(old); ok {
		if p, ok := charMaxLengthPtr(f); ok {
			*p = *n
		}
	}
	return f
}

// charMaxLengthPtr finds the max_length of text and file fields.
func charMaxLengthPtr(f forms.Field) (*int, bool) {
	switch x := f.(type) {
	case *forms.CharField:
		return &x.MaxLength, true
	case *forms.EmailField:
		return &x.MaxLength, true
	case *forms.URLField:
		return &x.MaxLength, true
	case *forms.SlugField:
		return &x.MaxLength, true
	case *forms.RegexField:
		return &x.MaxLength, true
	case *forms.FileField:
		return &x.MaxLength, true
	case *forms.ImageField:
		return &x.MaxLength, true
	}
	return nil, false
}

// formValue turns a row value into the form's value for the field, as
// Django's value_from_object gives it: a UUID as forms.UUID, JSON
// decoded, a stored file as *storage.File (nil when there is none).
func formValue(mf orm.Field, v any, st storage.Storage) any {
	switch x := v.(type) {
	case nil:
		return nil
	case orm.JSON:
		dec, err := (&forms.JSONField{}).ToPython(string(x))
		if err != nil {
			return string(x)
		}
		return dec
	case []int64:
		out := make([]any, len(x))
		for i, id := range x {
			out[i] = id
		}
		return out
	case string:
		switch mf.Type {
		case orm.UUIDField:
			return forms.UUID(x)
		case orm.FileField, orm.ImageField:
			if x == "" {
				return nil
			}
			return &storage.File{Name: x, Storage: st}
		}
	}
	return v
}

// Instance returns the instance the form edits; once the form is
// cleaned it holds the cleaned values.
func (f *Form) Instance() *Instance { return f.instance }

// ModelDeclaration returns the model form declaration.
func (f *Form) ModelDeclaration() *Declaration { return f.decl }

// Err returns the first database error the form met (listing choices,
// checking uniqueness); a form that met one is not valid.
func (f *Form) Err() error {
	if f.err != nil {
		return f.err
	}
	for _, bf := range f.Fields() {
		if mc, ok := bf.Field().(*ModelChoiceField); ok && mc.Err() != nil {
			return mc.Err()
		}
		if mc, ok := bf.Field().(*ModelMultipleChoiceField); ok && mc.Err() != nil {
			return mc.Err()
		}
	}
	return nil
}

func (f *Form) fail(err error) {
	if f.err == nil {
		f.err = err
	}
}

// validationExclusions is Django's _get_validation_exclusions: the model
// fields that model validation and unique checks leave alone.
func (f *Form) validationExclusions() map[string]bool {
	ex := map[string]bool{}
	cd := f.CleanedData()
	errs := f.Errors()
	meta := f.decl.meta
	for _, mf := range meta.Model.Fields() {
		name := mf.Name
		bf := f.Field(name)
		switch {
		case bf == nil:
			ex[name] = true
		case f.fields != nil && !slices.Contains(f.fields, name):
			ex[name] = true
		case slices.Contains(meta.Exclude, name):
			ex[name] = true
		case errs.Get(name) != nil:
			ex[name] = true
		default:
			if !mf.Blank && !bf.Field().Core().Required() && forms.IsEmpty(cd[name]) {
				ex[name] = true
			}
		}
	}
	return ex
}

// postClean is Django's BaseModelForm._post_clean: it builds the
// instance from the cleaned data, validates its fields and checks its
// uniqueness against the database.
func (f *Form) postClean() {
	exclude := f.modelExclusions()
	f.constructInstance()
	f.updateErrors(cleanFields(f.instance, exclude))
	f.validateUnique()
	// A formset's form is checked by the formset, which knows whether it
	// will be saved (checkStorable).
	if !f.inFormset && f.Errors().Len() == 0 {
		f.checkStorable(exclude)
	}
}

// modelExclusions are the fields the model validation of _post_clean
// leaves out: validationExclusions and an inline formset's parent key.
func (f *Form) modelExclusions() map[string]bool {
	exclude := f.validationExclusions()
	for _, bf := range f.Fields() {
		if _, ok := bf.Field().(*InlineForeignKeyField); ok {
			exclude[bf.Name()] = true
		}
	}
	return exclude
}

// checkStorable adds an error to each integer field whose value would not
// fit the database (storableErrors), for the fields not in exclude.
func (f *Form) checkStorable(exclude map[string]bool) {
	f.updateErrors(storableErrors(f.instance, exclude))
}

// constructInstance is Django's construct_instance.
func (f *Form) constructInstance() {
	cd := f.CleanedData()
	for _, mf := range f.decl.meta.Model.Fields() {
		v, ok := cd[mf.Name]
		if !mf.Editable() || mf.Type == orm.AutoField || mf.IsManyToMany() || !ok {
			continue
		}
		if f.fields != nil && !slices.Contains(f.fields, mf.Name) {
			continue
		}
		if slices.Contains(f.decl.meta.Exclude, mf.Name) {
			continue
		}
		bf := f.Field(mf.Name)
		if mf.HasDefault && bf != nil && forms.IsEmpty(v) &&
			bf.Field().Core().BoundWidget().ValueOmitted(f.Data(), f.Files(), f.AddPrefix(mf.Name)) {
			continue
		}
		if mf.Type == orm.FileField || mf.Type == orm.ImageField {
			// Django's FileField.save_form_data: None keeps the stored
			// file, a false value clears it, an upload is stored on save.
			switch x := v.(type) {
			case nil:
				continue
			case *widgets.UploadedFile:
				if f.uploads == nil {
					f.uploads = map[string]*widgets.UploadedFile{}
				}
				f.uploads[mf.Name] = x
				f.instance.Row[mf.Name] = x.Name
				continue
			case *storage.File:
				f.instance.Row[mf.Name] = x.Name
				continue
			}
			if !pyval.Truthy(v) {
				f.instance.Row[mf.Name] = ""
			}
			continue
		}
		f.instance.Row[mf.Name] = modelValue(mf, v)
	}
}

// modelValue turns a cleaned value into a row value.
func modelValue(mf orm.Field, v any) any {
	switch x := v.(type) {
	case *Instance:
		if mf.ToField != "" {
			return x.Row[mf.ToField]
		}
		if id, ok := x.PK(); ok {
			return id
		}
		return nil
	case int:
		return int64(x)
	}
	if mf.Type == orm.JSONField && v != nil {
		return orm.JSON(pyjson.Dumps(v, false))
	}
	return v
}

// validateUnique runs the instance's unique checks against the database
// and adds their errors.
func (f *Form) validateUnique() {
	exclude := f.validationExclusions()
	errs, err := validateUnique(f.ctx, f.store, f.instance, exclude, f.Translator())
	if err != nil {
		f.fail(err)
		f.AddError("", validators.NewError("The uniqueness of the data could not be checked.", "database", nil))
		return
	}
	f.updateErrors(errs)
}

// fieldErrors are model validation errors by field name ("" for none).
type fieldErrors struct {
	names []string
	errs  map[string][]*validators.ValidationError
}

func (e *fieldErrors) add(name string, err *validators.ValidationError) {
	if e.errs == nil {
		e.errs = map[string][]*validators.ValidationError{}
	}
	if _, ok := e.errs[name]; !ok {
		e.names = append(e.names, name)
	}
	e.errs[name] = append(e.errs[name], err)
}

// updateErrors is Django's _update_errors: a form field's own message
// for an error's code replaces the model's.
func (f *Form) updateErrors(e fieldErrors) {
	for _, name := range e.names {
		for _, ve := range e.errs[name] {
			if name != "" {
				if bf := f.Field(name); bf != nil {
					if m, ok := bf.Field().Core().ErrorMessages[ve.Code]; ok {
						ve = validators.NewError(m, ve.Code, ve.Params)
					}
				} else {
					// Django raises here: a model error for a field not
					// on the form. Show it with the form's errors instead.
					name = ""
				}
			}
			f.AddError(name, ve)
		}
	}
}

// Save writes the instance, in one transaction: the uploaded files
// stored, the row inserted when it is new or updated, then its
// many-to-many data; it returns the instance with its id, stored file
// names and the sorted ids of its many-to-many targets. With commit
// false it only returns the instance built from the form, which a later
// Save(ctx, true) writes with its many-to-many data (Django's
// save_m2m). A form with errors is not saved.
func (f *Form) Save(ctx context.Context, commit bool) (*Instance, error) {
	if err := f.Err(); err != nil {
		return nil, err
	}
	if f.Errors().Len() > 0 {
		verb := "changed"
		if f.instance.Adding() {
			verb = "created"
		}
		return nil, fmt.Errorf("modelforms: the %s could not be %s because the data didn't validate", f.decl.meta.Model.Name(), verb)
	}
	if !commit {
		return f.instance, nil
	}
	if f.store == nil {
		return nil, errors.New("modelforms: save without a Store")
	}
	adding := f.instance.Adding()
	err := f.store.InTx(ctx, func(s orm.Store) error { return f.write(ctx, s) })
	if err != nil {
		if adding {
			delete(f.instance.Row, "id")
		}
		return nil, err
	}
	return f.instance, nil
}

// write is Django's save(commit=True) inside a transaction: the uploaded
// files stored, the row written, then its many-to-many data
// (save_m2m) from the cleaned data of the form's many-to-many fields.
func (f *Form) write(ctx context.Context, s orm.Store) error {
	for _, name := range sortedKeys(f.uploads) {
		up := f.uploads[name]
		mf, _ := f.decl.meta.Model.Field(name)
		stored, err := storeUpload(f.decl.meta.storage(), mf, up)
		if err != nil {
			return err
		}
		f.instance.Row[name] = stored
	}
	cd := f.CleanedData()
	for _, mf := range f.decl.meta.Model.ManyToMany() {
		v, ok := cd[mf.Name]
		if !ok || !mf.Editable() {
			continue
		}
		if f.fields != nil && !slices.Contains(f.fields, mf.Name) {
			continue
		}
		if slices.Contains(f.decl.meta.Exclude, mf.Name) {
			continue
		}
		// The row holds the sorted ids, as one read from the store does.
		ids := []int64{}
		list, _ := v.([]any)
		for _, o := range list {
			if inst, ok := o.(*Instance); ok {
				if id, ok := inst.PK(); ok {
					ids = append(ids, id)
				}
			}
		}
		slices.Sort(ids)
		f.instance.Row[mf.Name] = slices.Compact(ids)
	}
	return saveInstance(ctx, s, f.instance)
}

// storeUpload saves an upload under the field's upload_to and returns
// the name it is stored under.
func storeUpload(st storage.Storage, mf orm.Field, up *widgets.UploadedFile) (string, error) {
	if up.Open == nil {
		return "", fmt.Errorf("modelforms: field %s: upload %q has no content", mf.Name, up.Name)
	}
	r, err := up.Open()
	if err != nil {
		return "", fmt.Errorf("modelforms: field %s: open upload %q: %w", mf.Name, up.Name, err)
	}
	defer r.Close()
	name, err := storage.ValidName(up.Name)
	if err != nil {
		return "", fmt.Errorf("modelforms: field %s: %w", mf.Name, err)
	}
	if mf.UploadTo != "" {
		name = strings.TrimSuffix(mf.UploadTo, "/") + "/" + name
	}
	stored, err := st.Save(name, r, mf.MaxLength)
	if err != nil {
		return "", fmt.Errorf("modelforms: field %s: %w", mf.Name, err)
	}
	return stored, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// saveInstance inserts or updates inst, setting its id after an insert.
func saveInstance(ctx context.Context, s orm.Store, inst *Instance) error {
	if s == nil {
		return errors.New("modelforms: save without a Store")
	}
	row := orm.Row{}
	for k, v := range inst.Row {
		if k != "id" {
			row[k] = v
		}
	}
	if id, ok := inst.PK(); ok {
		if err := s.Update(ctx, inst.Model, id, row); err != nil {
			return fmt.Errorf("modelforms: save %s: %w", inst.String(), err)
		}
		return nil
	}
	id, err := s.Insert(ctx, inst.Model, row)
	if err != nil {
		return fmt.Errorf("modelforms: save new %s: %w", inst.Model.Name(), err)
	}
	inst.Row["id"] = id
	return nil
}

// FieldNames returns the names of the model fields the form edits, in
// order (declared fields aside).
func (d *Declaration) FieldNames() []string { return append([]string(nil), d.names...) }
