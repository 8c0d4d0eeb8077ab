package formspec

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/internal/ojson"
	"github.com/formwork/formwork/modelforms"
	"github.com/formwork/formwork/orm"
)

// runModels renders a case with "models" and "model_formset": the models
// are created in a fresh in-memory SQLite database, and the formset is
// modelformset_factory's, or inlineformset_factory's when it names a
// parent. As in the reference, the case's renderer is used but not its
// templates.
func runModels(c *Case, env *Env, mn node) (*Result, error) {
	root := c.root
	if _, err := c.renderers(env); err != nil {
		return nil, err
	}
	list, err := mn.list()
	if err != nil {
		return nil, err
	}
	specs := make([]any, len(list))
	for i, item := range list {
		specs[i] = specValue(item.v)
	}
	ctx := context.Background()
	db, err := orm.OpenMemory()
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var reg orm.Registry
	models, err := orm.LoadSpec(ctx, db, &reg, specs)
	if err != nil {
		return nil, specErr(mn.path, "%v", err)
	}
	fsn, ok := root.get("model_formset")
	if !ok {
		return nil, &SpecError{Msg: "missing key \"model_formset\""}
	}
	if bn, ok := root.get("bind"); ok && bn.v != nil {
		env.Bound = true
		if env.Data, env.Files, err = buildBind(bn); err != nil {
			return nil, err
		}
	}
	fs, err := buildModelFormset(ctx, db, &reg, env, fsn)
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
	if err != nil {
		return nil, err
	}
	if save {
		if fs.IsValid() {
			if _, err := fs.Save(ctx, true); err != nil {
				return nil, fmt.Errorf("db_after_save: %w", err)
			}
		}
		tables := map[string]any{}
		for _, m := range models {
			rows, err := db.List(ctx, m, orm.Filter{}, "id")
			if err != nil {
				return nil, fmt.Errorf("db_after_save: %w", err)
			}
			items := make([]any, len(rows))
			for i, row := range rows {
				items[i] = orm.RowToSpec(m, row)
			}
			tables[m.Name()] = items
		}
		out["db_after_save"] = tables
	}
	return &Result{Outputs: out}, nil
}

// buildModelFormset reads "model_formset" and builds the formset.
func buildModelFormset(ctx context.Context, db orm.Store, reg *orm.Registry, env *Env, n node) (*modelforms.Formset, error) {
	if err := n.checkKeys("model", "fields", "exclude", "extra", "can_delete", "can_order", "max_num", "min_num",
		"validate_max", "validate_min", "absolute_max", "can_delete_extra", "edit_only", "prefix",
		"queryset_filter", "parent", "instance", "fk_name", "auto_id", "form_kwargs", "clean_errors"); err != nil {
		return nil, err
	}
	var meta modelforms.Meta
	var o modelforms.FormsetOptions
	var args modelforms.FormsetArgs
	args.DefaultRenderer = env.DefaultRenderer
	fopts := []formsets.Option{formsets.Renderer(env.Renderer)}
	var parent *orm.Model
	var parentID int64
	hasInstance := false
	keys, vals, err := n.members()
	if err != nil {
		return nil, err
	}
	meta.Registry = reg
	for i, key := range keys {
		arg := vals[i]
		if arg.v == nil {
			if key == "auto_id" {
				args.NoAutoID = true // None: no ids
			}
			continue // None: the default
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
		case "fields":
			if s, ok := arg.v.(string); ok && s == "__all__" {
				meta.Exclude = []string{}
				break
			}
			meta.Fields, err = arg.strings()
		case "exclude":
			meta.Exclude, err = arg.strings()
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
		// The forms' fields are known once a formset is built; nothing
		// is cleaned before the outputs are asked for.
		has := func(name string) bool { return fs.EmptyForm().Field(name) != nil }
		if d.Formsets().Clean, err = formsetCleanErrors(ce, has); err != nil {
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
