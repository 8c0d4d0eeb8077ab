package formspec

import (
	"fmt"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
)

// runFormset renders a case with a "formset" key: a formset of the case's
// form, built as the reference's formset_factory and BaseFormSet(...) do.
func runFormset(env *Env, n node) (*Result, error) {
	decl, opts, err := buildFormset(env, n)
	if err != nil {
		return nil, err
	}
	env.Outputs = []string{"as_div", "is_valid", "errors", "non_form_errors"}
	if on, ok := env.Case.root.get("outputs"); ok {
		if env.Outputs, err = on.strings(); err != nil {
			return nil, err
		}
	}
	var fs *formsets.Formset
	if env.Bound {
		fs = decl.Bind(env.Data, env.Files, opts)
	} else {
		fs = decl.New(opts)
	}
	out, err := FormsetOutputs(fs, env.Outputs)
	if err != nil {
		return nil, err
	}
	return &Result{Outputs: out}, nil
}

// buildFormset reads the formset's factory and instance arguments.
func buildFormset(env *Env, n node) (*formsets.Declaration, formsets.Options, error) {
	var opts formsets.Options
	keys, vals, err := n.members()
	if err != nil {
		return nil, opts, err
	}
	fopts := []formsets.Option{formsets.Renderer(env.Renderer)}
	var templateName string
	for i, key := range keys {
		arg := vals[i]
		if arg.v == nil {
			continue // None: the default
		}
		var err error
		switch key {
		case "extra", "max_num", "min_num", "absolute_max",
			"can_order", "can_delete", "can_delete_extra", "validate_max", "validate_min":
			var o formsets.Option
			if o, err = factoryOption(key, arg); err == nil {
				fopts = append(fopts, o)
			}
		case "prefix":
			opts.Prefix, err = arg.str()
		case "template_name":
			templateName, err = arg.str()
		case "initial":
			opts.Initial, err = initialRows(arg)
		case "error_messages":
			ks, vs, e := arg.members()
			if e != nil {
				return nil, opts, e
			}
			opts.ErrorMessages = map[string]string{}
			for j, k := range ks {
				switch k {
				case formsets.CodeTooFewForms, formsets.CodeTooManyForms, formsets.CodeMissingManagementForm:
				default:
					return nil, opts, specErr(vs[j].path, "unknown formset error code")
				}
				if opts.ErrorMessages[k], err = vs[j].str(); err != nil {
					return nil, opts, err
				}
			}
		case "form_kwargs":
			opts.FormOptions, err = formKwargs(arg)
		default:
			err = specErr(arg.path, "unknown key")
		}
		if err != nil {
			return nil, opts, err
		}
	}
	decl, err := formsets.Declare(env.Decl, fopts...)
	if err != nil {
		return nil, opts, specErr(n.path, "%v", err)
	}
	decl.TemplateName = templateName
	opts.Translator = env.Options.Translator
	if opts.FormOptions.Translator == nil {
		opts.FormOptions.Translator = env.Options.Translator
	}
	return decl, opts, nil
}

func initialRows(n node) ([]map[string]any, error) {
	list, err := n.list()
	if err != nil {
		return nil, err
	}
	rows := make([]map[string]any, len(list))
	for i, rn := range list {
		keys, vals, err := rn.members()
		if err != nil {
			return nil, err
		}
		rows[i] = map[string]any{}
		for j, k := range keys {
			if rows[i][k], err = typedValue(vals[j], false); err != nil {
				return nil, err
			}
		}
	}
	return rows, nil
}

// formKwargs reads the arguments given to every form of the formset.
func formKwargs(n node) (forms.Options, error) {
	var o forms.Options
	keys, vals, err := n.members()
	if err != nil {
		return o, err
	}
	for i, key := range keys {
		arg := vals[i]
		var err error
		switch key {
		case "prefix":
			if arg.v != nil {
				o.Prefix, err = arg.str()
			}
		case "auto_id":
			switch v := arg.v.(type) {
			case bool:
				if v {
					o.AutoID = "%s"
				} else {
					o.NoAutoID = true
				}
			case string:
				if v == "" {
					o.NoAutoID = true
				} else {
					o.AutoID = v
				}
			case nil:
				o.NoAutoID = true
			default:
				err = specErr(arg.path, "want a string or a boolean, got %s", kind(arg.v))
			}
		case "label_suffix":
			if arg.v != nil {
				s, e := arg.str()
				o.LabelSuffix, err = &s, e
			}
		case "empty_permitted":
			o.EmptyPermitted, err = arg.boolean()
		case "use_required_attribute":
			b, e := arg.boolean()
			o.UseRequiredAttribute, err = &b, e
		case "initial":
			rows, e := initialRows(node{[]any{arg.v}, arg.path})
			if e != nil {
				return o, e
			}
			o.Initial, err = rows[0], e
		default:
			err = specErr(arg.path, "unknown form argument")
		}
		if err != nil {
			return o, err
		}
	}
	return o, nil
}

// FormsetOutputs computes the named outputs of a formset.
func FormsetOutputs(fs *formsets.Formset, wanted []string) (map[string]any, error) {
	out := make(map[string]any, len(wanted))
	for _, name := range wanted {
		v, err := formsetOutput(fs, name)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

func formsetOutput(fs *formsets.Formset, name string) (any, error) {
	switch name {
	case "as_div":
		return html(fs.AsDiv())
	case "as_p":
		return html(fs.AsP())
	case "as_table":
		return html(fs.AsTable())
	case "as_ul":
		return html(fs.AsUL())
	case "str":
		return html(fs.Render())
	case "management_form":
		return html(fs.ManagementForm().Render())
	case "is_valid":
		return fs.IsValid(), nil
	case "errors":
		errs := fs.Errors()
		out := make([]any, len(errs))
		for i, e := range errs {
			out[i] = errorsJSON(e.JSON())
		}
		return out, nil
	case "non_form_errors":
		l := fs.NonFormErrors().JSON()
		out := make([]any, len(l))
		for i, e := range l {
			out[i] = map[string]any{"message": e.Message, "code": e.Code}
		}
		return out, nil
	case "non_form_errors_html":
		return html(fs.NonFormErrors().HTML())
	case "total_error_count":
		return fs.TotalErrorCount(), nil
	case "total_form_count":
		return fs.TotalFormCount(), nil
	case "cleaned_data":
		if !fs.IsValid() {
			return nil, nil
		}
		out := []any{}
		for _, f := range fs.Forms() {
			out = append(out, cleanedJSON(f))
		}
		return out, nil
	case "has_changed":
		return fs.HasChanged(), nil
	case "empty_form":
		return html(fs.EmptyForm().AsDiv())
	case "deleted_forms":
		if !fs.IsValid() {
			return nil, nil
		}
		return formIndexes(fs, fs.DeletedForms()), nil
	case "ordered_forms":
		if !fs.IsValid() {
			return nil, nil
		}
		if !fs.Declaration().CanOrder {
			return nil, &SpecError{Path: "outputs", Msg: "ordered_forms needs can_order"}
		}
		return formIndexes(fs, fs.OrderedForms()), nil
	case "media":
		return fs.Media().Render(), nil
	}
	return nil, &SpecError{Path: "outputs", Msg: "unknown formset output " + name}
}

// formIndexes returns the positions of some of the formset's forms.
func formIndexes(fs *formsets.Formset, some []*forms.Form) []any {
	pos := map[*forms.Form]int{}
	for i, f := range fs.Forms() {
		pos[f] = i
	}
	out := make([]any, len(some))
	for i, f := range some {
		out[i] = pos[f]
	}
	return out
}

// factoryOption reads one formset_factory argument shared by formsets and
// model formsets: the counts and the switches.
func factoryOption(key string, arg node) (formsets.Option, error) {
	switch key {
	case "extra", "max_num", "min_num", "absolute_max":
		v, err := arg.integer()
		if err != nil {
			return nil, err
		}
		return map[string]func(int) formsets.Option{
			"extra": formsets.Extra, "max_num": formsets.MaxNum,
			"min_num": formsets.MinNum, "absolute_max": formsets.AbsoluteMax,
		}[key](v), nil
	}
	b, err := arg.boolean()
	if err != nil {
		return nil, err
	}
	return map[string]func(bool) formsets.Option{
		"can_order": formsets.CanOrder, "can_delete": formsets.CanDelete,
		"can_delete_extra": formsets.CanDeleteExtra, "validate_max": formsets.ValidateMax,
		"validate_min": formsets.ValidateMin,
	}[key](b), nil
}
