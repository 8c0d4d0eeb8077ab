package formspec

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/formwork/formwork/internal/specreg"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/internal/ojson"
	"github.com/formwork/formwork/modelforms"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/widgets"
)

// caseModels are a case's "models": their tables in a fresh in-memory
// SQLite database, and the case's file storage.
type caseModels struct {
	ctx     context.Context
	db      *orm.DB
	reg     orm.Registry
	models  []*orm.Model
	storage *caseStorage
}

// openModels creates the case's models and rows, in a fresh in-memory
// SQLite database or in the one c.openDB opens.
func openModels(c *Case, mn node) (*caseModels, error) {
	list, err := mn.list()
	if err != nil {
		return nil, err
	}
	specs := make([]any, len(list))
	for i, item := range list {
		specs[i] = specValue(item.v)
	}
	mc := &caseModels{ctx: context.Background(), storage: &caseStorage{}}
	open := orm.OpenMemory
	if c.openDB != nil {
		open = c.openDB
	}
	if mc.db, err = open(); err != nil {
		return nil, err
	}
	if mc.models, err = specreg.LoadModels(mc.ctx, mc.db, &mc.reg, specs); err != nil {
		mc.db.Close()
		return nil, specErr(mn.path, "%v", err)
	}
	return mc, nil
}

// Close closes the case's database.
func (mc *caseModels) Close() error {
	if mc == nil {
		return nil
	}
	return mc.db.Close()
}

// lookup finds a model by name, for a key at path.
func (mc *caseModels) lookup(path, name string) (*orm.Model, error) {
	if mc == nil {
		return nil, specErr(path, "a model choice field needs the case's \"models\"")
	}
	m, ok := mc.reg.Lookup(name)
	if !ok {
		return nil, specErr(path, "no model %q (models: %s)", name, mc.reg.Names())
	}
	return m, nil
}

// tables is the db_after_save output: every table's rows by id.
func (mc *caseModels) tables() (map[string]any, error) {
	tables := map[string]any{}
	for _, m := range mc.models {
		rows, err := mc.db.List(mc.ctx, m, orm.Filter{}, "id")
		if err != nil {
			return nil, fmt.Errorf("db_after_save: %w", err)
		}
		items := make([]any, len(rows))
		for i, row := range rows {
			items[i] = specreg.RowToSpec(m, row)
		}
		tables[m.Name()] = items
	}
	return tables, nil
}

// runModels renders a case with "models" and "model_formset" or
// "model_form": the models are created in a fresh in-memory SQLite
// database; the formset is modelformset_factory's, or
// inlineformset_factory's when it names a parent.
func runModels(c *Case, env *Env, mn node) (*Result, error) {
	root := c.root
	if fn, ok := root.get("model_form"); ok {
		return runModelForm(c, env, mn, fn)
	}
	if _, err := c.renderers(env); err != nil {
		return nil, err
	}
	mc, err := openModels(c, mn)
	if err != nil {
		return nil, err
	}
	defer mc.Close()
	ctx, db, reg := mc.ctx, mc.db, &mc.reg
	fsn, ok := root.get("model_formset")
	if !ok {
		return nil, &SpecError{Msg: "missing key \"model_formset\" (or \"model_form\", or \"form\")"}
	}
	if bn, ok := root.get("bind"); ok && bn.v != nil {
		env.Bound = true
		if env.Data, env.Files, err = buildBind(bn); err != nil {
			return nil, err
		}
	}
	fs, err := buildModelFormset(ctx, db, reg, env, fsn, mc.storage)
	if err != nil {
		return nil, err
	}
	env.Outputs = []string{"as_div", "is_valid", "errors", "non_form_errors"}
	if on, ok := root.get("outputs"); ok {
		if env.Outputs, err = on.strings(); err != nil {
			return nil, err
		}
	}
	var wanted []string
	save := false
	for _, name := range env.Outputs {
		if name == "db_after_save" {
			save = true
			continue
		}
		wanted = append(wanted, name)
	}
	out, err := FormsetOutputs(fs.Formset, wanted)
	res := &Result{Formset: fs.Formset}
	if err != nil {
		return nil, err
	}
	if save {
		if fs.IsValid() {
			if _, err := fs.Save(ctx, true); err != nil {
				return nil, fmt.Errorf("db_after_save: %w", err)
			}
		}
		if out["db_after_save"], err = mc.tables(); err != nil {
			return nil, err
		}
	}
	res.Outputs = out
	return res, nil
}

// metaArg reads one of the Meta keys model forms and model formsets
// share; handled is false for other keys.
func metaArg(meta *modelforms.Meta, key string, arg node) (handled bool, err error) {
	strMap := func() (map[string]string, error) {
		keys, vals, err := arg.members()
		if err != nil {
			return nil, err
		}
		out := make(map[string]string, len(keys))
		for i, k := range keys {
			if out[k], err = vals[i].str(); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	switch key {
	case "fields":
		if s, ok := arg.v.(string); ok && s == "__all__" {
			meta.Fields = nil
			if meta.Exclude == nil {
				meta.Exclude = []string{}
			}
			return true, nil
		}
		meta.Fields, err = arg.strings()
	case "exclude":
		meta.Exclude, err = arg.strings()
	case "labels":
		meta.Labels, err = strMap()
	case "help_texts":
		meta.HelpTexts, err = strMap()
	case "error_messages":
		keys, vals, e := arg.members()
		if e != nil {
			return true, e
		}
		meta.ErrorMessages = map[string]map[string]string{}
		for i, k := range keys {
			codes, msgs, e := vals[i].members()
			if e != nil {
				return true, e
			}
			meta.ErrorMessages[k] = map[string]string{}
			for j, code := range codes {
				if meta.ErrorMessages[k][code], err = msgs[j].str(); err != nil {
					return true, err
				}
			}
		}
	case "widgets":
		keys, vals, e := arg.members()
		if e != nil {
			return true, e
		}
		meta.Widgets = map[string]widgets.Widget{}
		for i, k := range keys {
			if meta.Widgets[k], err = buildWidget(vals[i]); err != nil {
				return true, err
			}
		}
	case "field_classes":
		keys, vals, e := arg.members()
		if e != nil {
			return true, e
		}
		meta.FieldClasses = map[string]func() forms.Field{}
		for i, k := range keys {
			typ, e := vals[i].str()
			if e != nil {
				return true, e
			}
			mk, ok := fieldTypes[typ]
			if !ok {
				return true, specErr(vals[i].path, "unknown field type %q", typ)
			}
			meta.FieldClasses[k] = mk
		}
	default:
		return false, nil
	}
	return true, err
}

// modelFormKeys are the keys of "model_form" that are its Meta's or its
// own; the others are a form declaration's.
var modelFormKeys = map[string]bool{
	"model": true, "fields": true, "exclude": true, "labels": true, "help_texts": true, "error_messages": true,
	"widgets": true, "field_classes": true, "declared_fields": true, "instance": true, "clean_errors": true,
}

// runModelForm renders a case with "models" and "model_form".
func runModelForm(c *Case, env *Env, mn, n node) (*Result, error) {
	root := c.root
	r, err := c.renderers(env)
	if err != nil {
		return nil, err
	}
	mc, err := openModels(c, mn)
	if err != nil {
		return nil, err
	}
	defer mc.Close()
	o, err := n.object()
	if err != nil {
		return nil, err
	}
	meta := modelforms.Meta{Registry: &mc.reg, Storage: mc.storage}
	formObj := &ojson.Object{Values: map[string]any{}}
	var instanceID int64
	hasInstance := false
	for _, key := range o.Keys {
		arg := node{o.Values[key], n.child(key)}
		if !modelFormKeys[key] {
			formObj.Keys = append(formObj.Keys, key)
			formObj.Values[key] = arg.v
			continue
		}
		if handled, err := metaArg(&meta, key, arg); handled {
			if err != nil {
				return nil, err
			}
			continue
		}
		switch key {
		case "model":
			name, err := arg.str()
			if err != nil {
				return nil, err
			}
			if meta.Model, err = mc.lookup(arg.path, name); err != nil {
				return nil, err
			}
		case "declared_fields":
			formObj.Keys = append(formObj.Keys, "fields")
			formObj.Values["fields"] = arg.v
		case "instance":
			if arg.v == nil {
				continue
			}
			id, err := arg.integer()
			if err != nil {
				return nil, err
			}
			instanceID, hasInstance = int64(id), true
		}
	}
	if meta.Model == nil {
		return nil, specErr(n.path, "missing key \"model\"")
	}
	if meta.Fields == nil && meta.Exclude == nil {
		meta.Exclude = []string{} // "__all__"
	}
	decl, opts, err := buildFormIn(node{formObj, n.path}, mc)
	if err != nil {
		return nil, err
	}
	md, err := modelforms.Declare(modelforms.Meta{Model: meta.Model, Fields: meta.Fields, Exclude: meta.Exclude, Registry: meta.Registry})
	if err != nil {
		return nil, specErr(n.path, "%v", err)
	}
	if ce, ok := n.get("clean_errors"); ok && ce.v != nil {
		names := map[string]bool{}
		for _, f := range md.FieldNames() {
			names[f] = true
		}
		for _, nf := range decl.Fields {
			names[nf.Name] = true
		}
		if err := cleanErrors(decl, ce, names); err != nil {
			return nil, err
		}
	}
	meta.Form = decl
	if md, err = modelforms.Declare(meta); err != nil {
		return nil, specErr(n.path, "%v", err)
	}
	opts.Renderer = r
	opts.DefaultRenderer = env.DefaultRenderer
	if env.Language != "" {
		tr, err := translatorFor(env.Language)
		if err != nil {
			return nil, specErr("language", "%v", err)
		}
		opts.Translator = tr
	}
	for name, v := range opts.Initial {
		if mf, ok := meta.Model.Field(name); ok && mf.IsRelation() {
			target, _ := mc.reg.Lookup(mf.To)
			if opts.Initial[name], err = mc.resolvePKs(v, target); err != nil {
				return nil, specErr(n.child("initial"), "%s: %v", name, err)
			}
		}
	}
	mopts := modelforms.Options{Options: opts}
	if hasInstance {
		row, err := mc.db.Get(mc.ctx, meta.Model, instanceID)
		if err != nil {
			return nil, specErr(n.child("instance"), "%v", err)
		}
		mopts.Instance = &modelforms.Instance{Model: meta.Model, Row: row}
	}
	if bn, ok := root.get("bind"); ok && bn.v != nil {
		env.Bound = true
		if env.Data, env.Files, err = buildBind(bn); err != nil {
			return nil, err
		}
	}
	var f *modelforms.Form
	if env.Bound {
		f = md.Bind(mc.ctx, mc.db, env.Data, env.Files, mopts)
	} else {
		f = md.New(mc.ctx, mc.db, mopts)
	}
	env.Outputs = []string{"as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors"}
	if on, ok := root.get("outputs"); ok {
		if env.Outputs, err = on.strings(); err != nil {
			return nil, err
		}
	}
	var wanted []string
	save, pk := false, false
	for _, name := range env.Outputs {
		switch name {
		case "db_after_save":
			save = true
		case "instance_pk":
			pk = true
		default:
			wanted = append(wanted, name)
		}
	}
	out, err := FormOutputs(f.Form, wanted)
	if err != nil {
		return nil, err
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	if save {
		if f.IsValid() {
			if _, err := f.Save(mc.ctx, true); err != nil {
				return nil, fmt.Errorf("db_after_save: %w", err)
			}
		}
		if out["db_after_save"], err = mc.tables(); err != nil {
			return nil, err
		}
	}
	if pk {
		out["instance_pk"] = nil
		if id, ok := f.Instance().PK(); ok {
			out["instance_pk"] = id
		}
	}
	return &Result{Outputs: out, Form: f.Form}, nil
}

// buildModelField builds a ModelChoiceField or ModelMultipleChoiceField
// of a form over the case's models.
func buildModelField(n node, typ string, mc *caseModels) (string, forms.Field, error) {
	o, err := n.object()
	if err != nil {
		return "", nil, err
	}
	nn, ok := n.get("name")
	if !ok {
		return "", nil, specErr(n.path, "missing key \"name\"")
	}
	name, err := nn.str()
	if err != nil {
		return "", nil, err
	}
	qn, ok := n.get("queryset")
	if !ok {
		return "", nil, specErr(n.path, "%s needs \"queryset\" (a model's name)", typ)
	}
	qname, err := qn.str()
	if err != nil {
		return "", nil, err
	}
	m, err := mc.lookup(qn.path, qname)
	if err != nil {
		return "", nil, err
	}
	qs := modelforms.Queryset{Store: mc.db, Model: m, Context: mc.ctx}
	if fn, ok := n.get("queryset_filter"); ok && fn.v != nil {
		lookups, ok := specValue(fn.v).(map[string]any)
		if !ok {
			return "", nil, specErr(fn.path, "want an object of lookups")
		}
		if lookups, err = specreg.DecodeLookups(lookups); err != nil {
			return "", nil, specErr(fn.path, "%v", err)
		}
		if qs.Filter, err = orm.ParseFilter(lookups); err != nil {
			return "", nil, specErr(fn.path, "%v", err)
		}
		if err := qs.Filter.Check(m); err != nil {
			return "", nil, specErr(fn.path, "%v", err)
		}
	}
	var single *modelforms.ModelChoiceField
	var f forms.Field
	if typ == "ModelChoiceField" {
		single = modelforms.NewModelChoiceField(qs)
		f = single
	} else {
		mm := modelforms.NewModelMultipleChoiceField(qs)
		single, f = &mm.ModelChoiceField, mm
	}
	c := f.Core()
	blank, hasInitial := false, false
	for _, key := range o.Keys {
		arg := node{o.Values[key], n.child(key)}
		switch key {
		case "name", "type", "queryset", "queryset_filter":
		case "limit_choices_to":
			// Django applies it only in a ModelForm: on a plain form's
			// field it changes nothing. It must still be lookups.
			lookups, ok := specValue(arg.v).(map[string]any)
			if !ok && arg.v != nil {
				return "", nil, specErr(arg.path, "want an object of lookups")
			}
			lookups, err := specreg.DecodeLookups(lookups)
			if err != nil {
				return "", nil, specErr(arg.path, "%v", err)
			}
			if _, err := orm.ParseFilter(lookups); err != nil {
				return "", nil, specErr(arg.path, "%v", err)
			}
		case "to_field_name":
			if arg.v == nil {
				continue
			}
			if single.ToFieldName, err = arg.str(); err != nil {
				return "", nil, err
			}
			if _, ok := m.Field(single.ToFieldName); !ok {
				return "", nil, specErr(arg.path, "model %s has no field %q", m.Name(), single.ToFieldName)
			}
		case "empty_label":
			if typ != "ModelChoiceField" {
				return "", nil, specErr(arg.path, "%s has no argument \"empty_label\"", typ)
			}
			if arg.v == nil {
				single.EmptyLabel = nil
				continue
			}
			s, err := arg.str()
			if err != nil {
				return "", nil, err
			}
			single.EmptyLabel = &s
		case "blank":
			if blank, err = arg.boolean(); err != nil {
				return "", nil, err
			}
		case "initial":
			v, err := modelInitial(arg, qs)
			if err != nil {
				return "", nil, err
			}
			c.Initial, hasInitial = v, v != nil
		default:
			if err := setFieldArg(f, c, typ, key, arg, false); err != nil {
				return "", nil, err
			}
		}
	}
	if typ == "ModelChoiceField" {
		// Django's ModelChoiceField.__init__.
		_, radio := c.Widget.(*widgets.RadioSelect)
		if (c.Required() && hasInitial) || (radio && !blank) {
			single.EmptyLabel = nil
		}
	}
	return name, f, nil
}

// modelInitial reads a model choice field's initial: {"$pk": ID} (or a
// list of them) is that row of the model, whatever the queryset's
// filter; another value is the raw option value.
func modelInitial(n node, qs modelforms.Queryset) (any, error) {
	if l, ok := n.v.([]any); ok {
		out := make([]any, len(l))
		for i, e := range l {
			v, err := modelInitial(node{e, fmt.Sprintf("%s[%d]", n.path, i)}, qs)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	if o, ok := n.v.(*ojson.Object); ok && len(o.Keys) == 1 && o.Keys[0] == "$pk" {
		id, err := (node{o.Values["$pk"], n.child("$pk")}).integer()
		if err != nil {
			return nil, err
		}
		all := qs
		all.Filter = orm.Filter{}
		inst, err := all.Get(int64(id))
		if err != nil {
			return nil, err
		}
		if inst == nil {
			return nil, specErr(n.path, "model %s has no row with id %d", qs.Model.Name(), id)
		}
		return inst, nil
	}
	return typedValue(n, false)
}

// resolvePKs turns the {"$pk": ID} values of an initial (alone or in a
// list) into the rows of m they name.
func (mc *caseModels) resolvePKs(v any, m *orm.Model) (any, error) {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			r, err := mc.resolvePKs(e, m)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	case forms.OrderedJSON:
		if len(x.Keys) != 1 || x.Keys[0] != "$pk" {
			return v, nil
		}
		id, ok := x.Values["$pk"].(int64)
		if !ok {
			return nil, fmt.Errorf("$pk %v is not an id", x.Values["$pk"])
		}
		inst, err := (modelforms.Queryset{Store: mc.db, Model: m, Context: mc.ctx}).Get(id)
		if err != nil {
			return nil, err
		}
		if inst == nil {
			return nil, fmt.Errorf("model %s has no row with id %d", m.Name(), id)
		}
		return inst, nil
	}
	return v, nil
}

// resolveFormPKs is resolvePKs for the initial of a plain form's model
// choice fields.
func (mc *caseModels) resolveFormPKs(decl *forms.Declaration, initial map[string]any) error {
	if mc == nil {
		return nil
	}
	for _, nf := range decl.Fields {
		v, ok := initial[nf.Name]
		if !ok {
			continue
		}
		var qs modelforms.Queryset
		switch f := nf.Field.(type) {
		case *modelforms.ModelChoiceField:
			qs = f.Queryset
		case *modelforms.ModelMultipleChoiceField:
			qs = f.Queryset
		default:
			continue
		}
		r, err := mc.resolvePKs(v, qs.Model)
		if err != nil {
			return specErr("form.initial", "%s: %v", nf.Name, err)
		}
		initial[nf.Name] = r
	}
	return nil
}

// buildFormField builds one field of a form: a model choice field over
// the case's models, or any other field.
func buildFormField(n node, mc *caseModels) (string, forms.Field, error) {
	if tn, ok := n.get("type"); ok {
		if typ, _ := tn.v.(string); typ == "ModelChoiceField" || typ == "ModelMultipleChoiceField" {
			return buildModelField(n, typ, mc)
		}
	}
	return buildField(n, true)
}

// buildModelFormset reads "model_formset" and builds the formset.
func buildModelFormset(ctx context.Context, db orm.Store, reg *orm.Registry, env *Env, n node, st *caseStorage) (*modelforms.Formset, error) {
	if err := n.checkKeys("model", "fields", "exclude", "extra", "can_delete", "can_order", "max_num", "min_num",
		"validate_max", "validate_min", "absolute_max", "can_delete_extra", "edit_only", "prefix",
		"queryset_filter", "parent", "instance", "fk_name", "auto_id", "form_kwargs", "clean_errors",
		"labels", "help_texts", "error_messages", "widgets", "field_classes"); err != nil {
		return nil, err
	}
	var meta modelforms.Meta
	var o modelforms.FormsetOptions
	var args modelforms.FormsetArgs
	args.DefaultRenderer = env.DefaultRenderer
	if env.Language != "" {
		tr, err := translatorFor(env.Language)
		if err != nil {
			return nil, specErr("language", "%v", err)
		}
		args.Translator, args.FormOptions.Translator = tr, tr
	}
	fopts := []formsets.Option{formsets.Renderer(env.Renderer)}
	var parent *orm.Model
	var parentID int64
	hasInstance := false
	keys, vals, err := n.members()
	if err != nil {
		return nil, err
	}
	meta.Registry = reg
	meta.Storage = st
	for i, key := range keys {
		arg := vals[i]
		if arg.v == nil {
			if key == "auto_id" {
				args.NoAutoID = true // None: no ids
			}
			continue // None: the default
		}
		if handled, err := metaArg(&meta, key, arg); handled {
			if err != nil {
				return nil, err
			}
			continue
		}
		var err error
		switch key {
		case "auto_id":
			err = formsetAutoID(arg, &args.Options)
		case "form_kwargs":
			err = formsetFormKwargs(arg, &args.Options)
		case "model", "parent":
			var name string
			if name, err = arg.str(); err != nil {
				break
			}
			m, ok := reg.Lookup(name)
			if !ok {
				return nil, specErr(arg.path, "no model %q (models: %s)", name, reg.Names())
			}
			if key == "model" {
				meta.Model = m
			} else {
				parent = m
			}
		case "extra", "max_num", "min_num", "absolute_max",
			"can_order", "can_delete", "can_delete_extra", "validate_max", "validate_min":
			var o formsets.Option
			if o, err = factoryOption(key, arg); err == nil {
				fopts = append(fopts, o)
			}
		case "edit_only":
			o.EditOnly, err = arg.boolean()
		case "fk_name":
			o.FKName, err = arg.str()
		case "prefix":
			args.Prefix, err = arg.str()
		case "instance":
			var id int
			id, err = arg.integer()
			parentID, hasInstance = int64(id), true
		case "queryset_filter":
			m, ok := specValue(arg.v).(map[string]any)
			if !ok {
				return nil, specErr(arg.path, "want an object of lookups")
			}
			if m, err = specreg.DecodeLookups(m); err != nil {
				return nil, specErr(arg.path, "%v", err)
			}
			if args.Filter, err = orm.ParseFilter(m); err != nil {
				return nil, specErr(arg.path, "%v", err)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if meta.Model == nil {
		return nil, specErr(n.path, "missing key \"model\"")
	}
	if meta.Fields == nil && meta.Exclude == nil {
		meta.Exclude = []string{} // the reference's default: "__all__"
	}
	var d *modelforms.FormsetDeclaration
	if parent != nil {
		d, err = modelforms.DeclareInlineFormset(parent, meta, o, fopts...)
		if err != nil {
			return nil, specErr(n.path, "%v", err)
		}
		if hasInstance {
			row, err := db.Get(ctx, parent, parentID)
			if err != nil {
				return nil, specErr(n.child("instance"), "%v", err)
			}
			args.Parent = &modelforms.Instance{Model: parent, Row: row}
		}
	} else {
		if d, err = modelforms.DeclareFormset(meta, o, fopts...); err != nil {
			return nil, specErr(n.path, "%v", err)
		}
	}
	var fs *modelforms.Formset
	if env.Bound {
		fs, err = d.Bind(ctx, db, env.Data, env.Files, args)
	} else {
		fs, err = d.New(ctx, db, args)
	}
	if err != nil {
		return nil, err
	}
	if ce, ok := n.get("clean_errors"); ok && ce.v != nil {
		// Nothing is cleaned before the outputs are asked for.
		if d.Formsets().Clean, err = formsetCleanErrors(ce); err != nil {
			return nil, err
		}
	}
	return fs, nil
}

// specValue turns a decoded JSON value into the plain maps, lists and
// numbers the orm's spec readers take.
func specValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		return number(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = specValue(e)
		}
		return out
	case *ojson.Object:
		m := make(map[string]any, len(x.Keys))
		for k, e := range x.Values {
			m[k] = specValue(e)
		}
		return m
	}
	return v
}
