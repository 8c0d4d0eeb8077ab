package formspec

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/modelforms"
	"github.com/formwork/formwork/validators"
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
	return &Result{Outputs: out, Formset: fs}, nil
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
			if key == "auto_id" {
				opts.NoAutoID = true // None: no ids
			}
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
			err = formsetFormKwargs(arg, &opts)
		case "auto_id":
			err = formsetAutoID(arg, &opts)
		case "clean_errors":
			// Read once the formset is declared.
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
	if ce, ok := n.get("clean_errors"); ok && ce.v != nil {
		if decl.Clean, err = formsetCleanErrors(ce); err != nil {
			return nil, opts, err
		}
	}
	opts.Translator = env.Options.Translator
	opts.DefaultRenderer = env.DefaultRenderer
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
			o.AutoID, o.NoAutoID, err = autoID(arg)
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
	if err := fs.Err(); err != nil {
		return nil, err
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

// formsetAutoID reads a formset's auto_id: Django's BaseFormSet(auto_id=...).
func formsetAutoID(arg node, opts *formsets.Options) (err error) {
	opts.AutoID, opts.NoAutoID, err = autoID(arg)
	return err
}

// autoID reads an auto_id argument (of a form, form_kwargs or a formset):
// a pattern with "%s" for the field's name, true for the name alone, or
// false, "" or null for no ids.
func autoID(arg node) (pattern string, none bool, err error) {
	switch v := arg.v.(type) {
	case bool:
		if v {
			return "%s", false, nil
		}
		return "", true, nil
	case string:
		if v == "" {
			return "", true, nil
		}
		return v, false, nil
	case nil:
		return "", true, nil
	}
	return "", false, specErr(arg.path, "want a string or a boolean, got %s", kind(arg.v))
}

// formsetFormKwargs reads form_kwargs into opts: the options of every
// form, and empty_permitted false, which makes extra forms required.
func formsetFormKwargs(arg node, opts *formsets.Options) error {
	fo, err := formKwargs(arg)
	if err != nil {
		return err
	}
	opts.FormOptions = fo
	if ep, ok := arg.get("empty_permitted"); ok {
		if b, _ := ep.v.(bool); !b {
			opts.RequireExtraForms = true
		}
	}
	return nil
}

// formsetCleanRule is one entry of a formset's clean_errors.
type formsetCleanRule struct {
	field, message, code string
	// cond is "" (always), "duplicate", "fewer_than", "sum_not" or
	// "sum_over".
	cond       string
	fields     []string // duplicate: the fields compared
	ignoreCase bool
	n          int    // fewer_than
	sumField   string // sum_not, sum_over
	limit      decimal.Decimal
	// limitFloat: the limit is a JSON number with a fraction, a Python
	// float; else an int or (a string) a Decimal, compared exactly.
	limitFloat bool
	limitF     float64
}

// formsetCleanErrors reads clean_errors into the formset's Clean hook, a
// clean() as Django's documentation writes one (SPEC.md, Formset). A
// field the forms do not have reads as None, as cleaned_data.get gives
// it: a condition on it never holds (a sum counts nothing).
func formsetCleanErrors(n node) (func(*formsets.Formset) error, error) {
	list, err := n.list()
	if err != nil {
		return nil, err
	}
	rules := make([]formsetCleanRule, 0, len(list))
	for _, en := range list {
		r, err := formsetCleanEntry(en)
		if err != nil {
			return nil, err
		}
		rules = append(rules, r)
	}
	return func(fs *formsets.Formset) error {
		counted := countedForms(fs)
		var raised []error
		for _, r := range rules {
			if r.field != "" {
				for _, f := range repeatingForms(counted, r) {
					if f.Field(r.field) == nil {
						// Django's add_error raises ValueError here.
						return fmt.Errorf("formset clean_errors: the form has no field named %q", r.field)
					}
					f.AddError(r.field, validators.NewError(r.message, r.code, nil))
				}
				continue
			}
			if r.holds(counted) {
				raised = append(raised, validators.NewError(r.message, r.code, nil))
			}
		}
		if len(raised) == 0 {
			return nil
		}
		return validators.Join(raised...)
	}, nil
}

func formsetCleanEntry(en node) (formsetCleanRule, error) {
	var r formsetCleanRule
	if err := en.checkKeys("field", "message", "code", "when"); err != nil {
		return r, err
	}
	mn, ok := en.get("message")
	if !ok {
		return r, specErr(en.path, "missing key \"message\"")
	}
	var err error
	if r.message, err = mn.str(); err != nil {
		return r, err
	}
	if cn, ok := en.get("code"); ok && cn.v != nil {
		if r.code, err = cn.str(); err != nil {
			return r, err
		}
	}
	if wn, ok := en.get("when"); ok && wn.v != nil {
		if err := r.readCondition(wn); err != nil {
			return r, err
		}
	}
	if fn, ok := en.get("field"); ok && fn.v != nil {
		if r.field, err = fn.str(); err != nil {
			return r, err
		}
		if r.cond != "duplicate" {
			return r, specErr(fn.path, "a formset clean error on a field needs a duplicate condition")
		}
	}
	return r, nil
}

func (r *formsetCleanRule) readCondition(wn node) error {
	keys, vals, err := wn.members()
	if err != nil {
		return err
	}
	for i, k := range keys {
		v := vals[i]
		switch k {
		case "duplicate":
			r.cond = k
			if s, ok := v.v.(string); ok {
				r.fields = []string{s}
			} else if r.fields, err = v.strings(); err != nil {
				return err
			}
			if len(r.fields) == 0 {
				return specErr(v.path, "want at least one field name")
			}
		case "ignore_case":
			if r.ignoreCase, err = v.boolean(); err != nil {
				return err
			}
		case "fewer_than":
			r.cond = k
			if r.n, err = v.integer(); err != nil {
				return err
			}
		case "sum_not", "sum_over":
			r.cond = k
			pair, err := v.list()
			if err != nil {
				return err
			}
			if len(pair) != 2 {
				return specErr(v.path, "want [FIELD, NUMBER]")
			}
			if r.sumField, err = pair[0].str(); err != nil {
				return err
			}
			var ok bool
			switch x := pair[1].v.(type) {
			case string:
				r.limit, err = decimal.NewFromString(x)
				ok = err == nil
			case json.Number:
				r.limit, err = decimal.NewFromString(x.String())
				ok = err == nil
				if strings.ContainsAny(x.String(), ".eE") {
					r.limitFloat = true
					r.limitF, err = x.Float64()
					ok = ok && err == nil
				}
			}
			if !ok {
				return specErr(pair[1].path, "want a number or a decimal string")
			}
		default:
			return specErr(v.path, "unknown formset clean_errors condition")
		}
	}
	if r.cond == "" {
		return specErr(wn.path, "want one condition: duplicate, fewer_than, sum_not or sum_over")
	}
	if r.ignoreCase && r.cond != "duplicate" {
		return specErr(wn.path, "ignore_case goes with a duplicate condition")
	}
	conds := 0
	for _, k := range keys {
		if k != "ignore_case" {
			conds++
		}
	}
	if conds != 1 {
		return specErr(wn.path, "want one condition")
	}
	return nil
}

// holds reports whether the rule's condition holds over the forms.
func (r formsetCleanRule) holds(counted []*forms.Form) bool {
	switch r.cond {
	case "duplicate":
		return len(repeatingForms(counted, r)) > 0
	case "fewer_than":
		n := 0
		for _, f := range counted {
			if len(f.CleanedData()) > 0 {
				n++
			}
		}
		return n < r.n
	case "sum_not", "sum_over":
		total, inf := r.sum(counted)
		if inf != 0 || math.IsInf(r.limitF, 0) {
			// Python's comparisons with an infinite float.
			if r.cond == "sum_not" {
				return float64(inf) != r.limitF
			}
			return inf > 0 && !math.IsInf(r.limitF, 1) || inf == 0 && math.IsInf(r.limitF, -1)
		}
		c := total.Cmp(r.exactLimit())
		if r.cond == "sum_not" {
			return c != 0
		}
		return c > 0
	}
	return true
}

// sum is Python's sum() of the field's non-null cleaned values, exactly:
// floats add up in floating point, as Python's do, integers and
// decimals exactly.
func (r formsetCleanRule) sum(counted []*forms.Form) (total decimal.Decimal, inf int) {
	total = decimal.Zero
	var ftotal float64
	isFloat := false
	for _, f := range counted {
		switch x := f.CleanedData()[r.sumField].(type) {
		case float64:
			if !isFloat {
				isFloat, ftotal = true, total.InexactFloat64()
			}
			ftotal += x
		default:
			d, ok := decimalOf(x)
			if !ok {
				continue
			}
			if isFloat {
				ftotal += d.InexactFloat64()
			} else {
				total = total.Add(d)
			}
		}
	}
	if isFloat {
		switch {
		case math.IsInf(ftotal, 1):
			return total, 1
		case math.IsInf(ftotal, -1) || math.IsNaN(ftotal):
			return total, -1
		}
		return exactFloat(ftotal), 0
	}
	return total, 0
}

func (r formsetCleanRule) exactLimit() decimal.Decimal {
	if r.limitFloat && !math.IsInf(r.limitF, 0) {
		return exactFloat(r.limitF)
	}
	return r.limit
}

// exactFloat returns the exact value of a float, as Python compares a
// float with an int or a Decimal (0.1 != Decimal("0.1")).
func exactFloat(f float64) decimal.Decimal {
	d, err := decimal.NewFromString(new(big.Float).SetFloat64(f).Text('f', 1100))
	if err != nil {
		return decimal.NewFromFloat(f)
	}
	return d
}

// countedForms returns the forms a formset's clean() looks at: those not
// marked for deletion.
func countedForms(fs *formsets.Formset) []*forms.Form {
	var out []*forms.Form
	for _, f := range fs.Forms() {
		if fs.Declaration().CanDelete && fs.ShouldDelete(f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// repeatingForms returns the forms whose values of the rule's fields an
// earlier form already had; forms with a null or empty value are passed
// over.
func repeatingForms(counted []*forms.Form, r formsetCleanRule) []*forms.Form {
	var seen [][]any
	var repeats []*forms.Form
next:
	for _, f := range counted {
		cd := f.CleanedData()
		key := make([]any, len(r.fields))
		for i, name := range r.fields {
			v := cd[name]
			if v == nil || v == "" {
				continue next
			}
			if s, ok := v.(string); ok && r.ignoreCase {
				v = strings.ToLower(s)
			}
			key[i] = comparable(v)
		}
		for _, k := range seen {
			if pyval.Equal(k, key) {
				repeats = append(repeats, f)
				continue next
			}
		}
		seen = append(seen, key)
	}
	return repeats
}

// comparable returns what a value is compared by: a model instance by
// its model and primary key, as Django's Model.__eq__ does.
func comparable(v any) any {
	if inst, ok := v.(*modelforms.Instance); ok && inst != nil && inst.Model != nil {
		if pk, ok := inst.PK(); ok {
			return fmt.Sprintf("%s#%d", inst.Model.Name(), pk)
		}
	}
	return v
}

// decimalOf returns a number's exact value; false for null and
// non-numbers.
func decimalOf(v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case int:
		return decimal.NewFromInt(int64(x)), true
	case int64:
		return decimal.NewFromInt(x), true
	case float64:
		return decimal.NewFromFloat(x), true
	case decimal.Decimal:
		return x, true
	}
	return decimal.Decimal{}, false
}
