// Package formspec reads the form-spec case format (a form, formset or
// model formset declared in JSON, with bound data and the outputs wanted)
// and renders cases with formwork, producing result documents that can be
// compared output by output with the reference Django's.
package formspec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/internal/ojson"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// Case is one parsed case document.
type Case struct {
	// Name is the case's file name, when it was loaded from a file.
	Name string
	root node
	// renderer, when set by RunWith, replaces the case's renderer.
	renderer renderers.Renderer
	// openDB, when set, opens the empty database a case's models are
	// created in; nil means a fresh in-memory SQLite database.
	openDB func() (*orm.DB, error)
	// engineOnly, set by RunEngine, renders every template with the
	// engine.
	engineOnly bool
	// language, when set, replaces the case's "language" ("en" for
	// English).
	language string
}

// Result is what rendering a case produces: its outputs by name.
type Result struct {
	Outputs map[string]any `json:"outputs"`
	// Form and Formset are what the outputs were rendered from (one of
	// them is set), for tools that compare a page with the form it shows,
	// as the accessibility suite compares what a screen reader announces
	// with each field's label and errors.
	Form    *forms.Form       `json:"-"`
	Formset *formsets.Formset `json:"-"`
}

// ErrUnsupported reports a case of a kind formwork cannot render yet.
var ErrUnsupported = errors.New("not supported yet")

// Parse reads a case document.
func Parse(r io.Reader) (*Case, error) {
	v, err := ojson.Decode(r)
	if err != nil {
		return nil, &SpecError{Msg: "not a JSON document: " + err.Error()}
	}
	c := &Case{root: node{v: v}}
	if _, err := c.root.object(); err != nil {
		return nil, err
	}
	if err := c.root.checkKeys("renderer", "default_renderer", "templates", "form", "formset", "models", "model_formset", "model_form", "bind", "outputs", "language", "description", "comment", "iterations"); err != nil {
		return nil, err
	}
	return c, nil
}

// Load reads the case in a file.
func Load(path string) (*Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Name = filepath.Base(path)
	return c, nil
}

// Hooks let packages above forms (formsets, model formsets) render the
// kinds of case they own, so that this package needs no import of them.
type Hooks struct {
	// Formset renders a case with a "formset" key.
	Formset func(env *Env, fs node) (map[string]any, error)
}

// Env is what a case is rendered with: its renderer, its form
// declaration, its bound data and the outputs wanted.
type Env struct {
	Case     *Case
	Renderer renderers.Renderer
	Decl     *forms.Declaration
	Options  forms.Options
	Bound    bool
	Data     url.Values
	Files    widgets.Files
	Outputs  []string
	Language string
	// DefaultRenderer is the case's default_renderer (Django's
	// settings.FORM_RENDERER), nil when it has none.
	DefaultRenderer renderers.Renderer
}

// Run renders the case and returns its result.
func (c *Case) Run() (*Result, error) {
	root := c.root
	env := &Env{Case: c}
	if ln, ok := root.get("language"); ok {
		s, err := ln.str()
		if err != nil {
			return nil, err
		}
		env.Language = s
	}
	if c.language != "" {
		env.Language = c.language
	}
	var mc *caseModels
	if mn, ok := root.get("models"); ok {
		if _, isForm := root.get("form"); !isForm {
			return runModels(c, env, mn)
		}
		// A form whose model choice fields draw on the models.
		var err error
		if mc, err = openModels(c, mn); err != nil {
			return nil, err
		}
		defer mc.Close()
	}
	r, err := c.renderers(env)
	if err != nil {
		return nil, err
	}
	fn, ok := root.get("form")
	if !ok {
		return nil, &SpecError{Msg: "missing key \"form\""}
	}
	decl, opts, err := buildFormIn(fn, mc)
	if err != nil {
		return nil, err
	}
	if err := mc.resolveFormPKs(decl, opts.Initial); err != nil {
		return nil, err
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
	env.Decl, env.Options = decl, opts
	if bn, ok := root.get("bind"); ok && bn.v != nil {
		env.Bound = true
		if env.Data, env.Files, err = buildBind(bn); err != nil {
			return nil, err
		}
	}
	if fsn, ok := root.get("formset"); ok {
		return runFormset(env, fsn)
	}
	env.Outputs = []string{"as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors"}
	if on, ok := root.get("outputs"); ok {
		if env.Outputs, err = on.strings(); err != nil {
			return nil, err
		}
	}
	var f *forms.Form
	if env.Bound {
		f = decl.Bind(env.Data, env.Files, opts)
	} else {
		f = decl.New(opts)
	}
	out, err := FormOutputs(f, env.Outputs)
	if err != nil {
		return nil, err
	}
	return &Result{Outputs: out, Form: f}, nil
}

// renderers sets env's renderer and default renderer from the case's
// renderer, default_renderer and templates, and returns the renderer. As
// in the reference, with a default_renderer and no renderer the forms get
// no renderer of their own and use the default one; the templates are
// seen by both, never by Django's plain default renderer.
func (c *Case) renderers(env *Env) (renderers.Renderer, error) {
	rn, hasR := c.root.get("renderer")
	dn, hasD := c.root.get("default_renderer")
	tn, hasT := c.root.get("templates")
	if hasD {
		d, err := buildRenderer(dn, true, tn, hasT)
		if err != nil {
			return nil, err
		}
		env.DefaultRenderer = d
	}
	var r renderers.Renderer
	if hasR || !hasD {
		var err error
		if r, err = buildRenderer(rn, hasR, tn, hasT); err != nil {
			return nil, err
		}
	}
	if c.renderer != nil {
		r = c.renderer
	}
	r = c.engineRenderer(r)
	if env.DefaultRenderer != nil {
		env.DefaultRenderer = c.engineRenderer(env.DefaultRenderer)
	}
	env.Renderer = r
	return r, nil
}

// translatorFor returns the message translator of a language tag, from
// the built-in catalogs of package i18n (nil for English).
func translatorFor(lang string) (validators.Translator, error) {
	tr, err := i18n.For(lang)
	if err != nil {
		return nil, fmt.Errorf("language %q is %w: %v", lang, ErrUnsupported, err)
	}
	if tr.Code() == "en" {
		return nil, nil
	}
	return tr, nil
}

// buildForm reads the form declaration and the form's arguments.
func buildForm(n node) (*forms.Declaration, forms.Options, error) { return buildFormIn(n, nil) }

// buildFormIn is buildForm for a case with models (mc, nil when none),
// which its model choice fields draw on.
func buildFormIn(n node, mc *caseModels) (*forms.Declaration, forms.Options, error) {
	var opts forms.Options
	o, err := n.object()
	if err != nil {
		return nil, opts, err
	}
	d := &forms.Declaration{}
	names := map[string]bool{}
	var emptyPermitted bool
	useReq := true
	setUseReq := func(arg node) error {
		b, err := arg.boolean()
		useReq = b
		if !b {
			d.NoRequiredAttribute = true
		}
		return err
	}
	for _, key := range o.Keys {
		arg := node{o.Values[key], n.child(key)}
		var err error
		switch key {
		case "fields":
			list, e := arg.list()
			if e != nil {
				return nil, opts, e
			}
			for _, fnode := range list {
				name, f, e := buildFormField(fnode, mc)
				if e != nil {
					return nil, opts, e
				}
				if names[name] {
					return nil, opts, specErr(fnode.path, "field %q declared twice", name)
				}
				names[name] = true
				d.Fields = append(d.Fields, forms.Named(name, f))
			}
		case "prefix":
			if arg.v != nil {
				opts.Prefix, err = arg.str()
			}
		case "auto_id":
			opts.AutoID, opts.NoAutoID, err = autoID(arg)
		case "label_suffix":
			if arg.v != nil {
				s, e := arg.str()
				opts.LabelSuffix, err = &s, e
			}
		case "empty_permitted":
			emptyPermitted, err = arg.boolean()
			opts.EmptyPermitted = emptyPermitted
		case "use_required_attribute":
			err = setUseReq(arg)
		case "initial":
			keys, vals, e := arg.members()
			if e != nil {
				return nil, opts, e
			}
			opts.Initial = map[string]any{}
			for i, k := range keys {
				v, e := typedValue(vals[i], false)
				if e != nil {
					return nil, opts, e
				}
				opts.Initial[k] = v
			}
		case "template_name":
			d.TemplateName, err = arg.str()
		case "error_css_class":
			d.ErrorCSSClass, err = arg.str()
		case "required_css_class":
			d.RequiredCSSClass, err = arg.str()
		case "field_order":
			d.FieldOrder, err = arg.strings()
		case "media":
			d.Media, err = buildMedia(arg)
		case "class":
			err = classAttrs(d, arg, setUseReq)
		case "clean_errors":
			// Checked once every field is declared.
		default:
			err = specErr(arg.path, "unknown key")
		}
		if err != nil {
			return nil, opts, err
		}
	}
	if ce, ok := n.get("clean_errors"); ok && ce.v != nil {
		if err := cleanErrors(d, ce, names); err != nil {
			return nil, opts, err
		}
	}
	if emptyPermitted && useReq {
		return nil, opts, specErr(n.path, "The empty_permitted and use_required_attribute arguments may not both be True.")
	}
	if err := d.Prepare(); err != nil {
		return nil, opts, specErr(n.path, "%v", err)
	}
	return d, opts, nil
}

func classAttrs(d *forms.Declaration, n node, setUseReq func(node) error) error {
	keys, vals, err := n.members()
	if err != nil {
		return err
	}
	for i, k := range keys {
		var dst *string
		switch k {
		case "template_name":
			dst = &d.TemplateName
		case "template_name_div":
			dst = &d.TemplateNameDiv
		case "template_name_p":
			dst = &d.TemplateNameP
		case "template_name_table":
			dst = &d.TemplateNameTable
		case "template_name_ul":
			dst = &d.TemplateNameUL
		case "template_name_label":
			dst = &d.TemplateNameLabel
		case "error_css_class":
			dst = &d.ErrorCSSClass
		case "required_css_class":
			dst = &d.RequiredCSSClass
		case "field_order":
			l, err := vals[i].strings()
			if err != nil {
				return err
			}
			d.FieldOrder = l
			continue
		case "use_required_attribute":
			if err := setUseReq(vals[i]); err != nil {
				return err
			}
			continue
		default:
			return specErr(vals[i].path, "unknown form class attribute")
		}
		s, err := vals[i].str()
		if err != nil {
			return err
		}
		*dst = s
	}
	return nil
}

// cleanErrors builds the form's clean hook from clean_errors.
func cleanErrors(d *forms.Declaration, n node, fields map[string]bool) error {
	type rule struct {
		field, message, code string
		cond                 string
		a, b                 string
	}
	list, err := n.list()
	if err != nil {
		return err
	}
	var rules []rule
	for _, en := range list {
		if err := en.checkKeys("field", "message", "code", "when"); err != nil {
			return err
		}
		var r rule
		if fn, ok := en.get("field"); ok && fn.v != nil {
			if r.field, err = fn.str(); err != nil {
				return err
			}
			if !fields[r.field] {
				return specErr(fn.path, "the form has no field named %q", r.field)
			}
		}
		mn, ok := en.get("message")
		if !ok {
			return specErr(en.path, "missing key \"message\"")
		}
		if r.message, err = mn.str(); err != nil {
			return err
		}
		if cn, ok := en.get("code"); ok && cn.v != nil {
			if r.code, err = cn.str(); err != nil {
				return err
			}
		}
		if wn, ok := en.get("when"); ok && wn.v != nil {
			keys, vals, err := wn.members()
			if err != nil {
				return err
			}
			if len(keys) != 1 {
				return specErr(wn.path, "want one condition")
			}
			r.cond = keys[0]
			switch r.cond {
			case "equal", "different":
				pair, err := vals[0].strings()
				if err != nil {
					return err
				}
				if len(pair) != 2 {
					return specErr(vals[0].path, "want two field names")
				}
				r.a, r.b = pair[0], pair[1]
			case "present":
				if r.a, err = vals[0].str(); err != nil {
					return err
				}
			default:
				return specErr(vals[0].path, "unknown clean_errors condition")
			}
		}
		rules = append(rules, r)
	}
	d.Clean = func(f *forms.Form) error {
		cd := f.CleanedData()
		for _, r := range rules {
			switch r.cond {
			case "equal", "different":
				av, aok := cd[r.a]
				bv, bok := cd[r.b]
				if !aok || !bok || pyval.Equal(av, bv) != (r.cond == "equal") {
					continue
				}
			case "present":
				if v, ok := cd[r.a]; !ok || !pyval.Truthy(v) {
					continue
				}
			}
			f.AddError(r.field, validators.NewError(r.message, r.code, nil))
		}
		return nil
	}
	return nil
}

// buildBind reads {"data": {...}, "files": {...}}.
func buildBind(n node) (url.Values, widgets.Files, error) {
	if err := n.checkKeys("data", "files"); err != nil {
		return nil, nil, err
	}
	data := url.Values{}
	if dn, ok := n.get("data"); ok && dn.v != nil {
		keys, vals, err := dn.members()
		if err != nil {
			return nil, nil, err
		}
		for i, k := range keys {
			if l, ok := vals[i].v.([]any); ok {
				items := make([]string, len(l))
				for j, e := range l {
					s, err := (node{e, fmt.Sprintf("%s[%d]", vals[i].path, j)}).str()
					if err != nil {
						return nil, nil, err
					}
					items[j] = s
				}
				data[k] = items
				continue
			}
			s, err := vals[i].str()
			if err != nil {
				return nil, nil, err
			}
			data[k] = []string{s}
		}
	}
	files := widgets.Files{}
	if fnode, ok := n.get("files"); ok && fnode.v != nil {
		keys, vals, err := fnode.members()
		if err != nil {
			return nil, nil, err
		}
		for i, k := range keys {
			items := []node{vals[i]}
			if _, isList := vals[i].v.([]any); isList {
				items, _ = vals[i].list()
			}
			for _, item := range items {
				up, err := uploadedFile(item)
				if err != nil {
					return nil, nil, err
				}
				files[k] = append(files[k], up)
			}
		}
	}
	return data, files, nil
}

func uploadedFile(n node) (*widgets.UploadedFile, error) {
	if err := n.checkKeys("name", "content", "content_type"); err != nil {
		return nil, err
	}
	var name, content, ctype string
	ctype = "text/plain"
	for key, dst := range map[string]*string{"name": &name, "content": &content, "content_type": &ctype} {
		if v, ok := n.get(key); ok {
			s, err := v.str()
			if err != nil {
				return nil, err
			}
			*dst = s
		}
	}
	name, err := uploadName(name)
	if err != nil {
		return nil, specErr(n.path, "%v", err)
	}
	body := []byte(content)
	return &widgets.UploadedFile{
		Name:        name,
		Size:        int64(len(body)),
		ContentType: ctype,
		Open:        func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil },
	}, nil
}

// uploadName sanitises an uploaded file's name as Django's UploadedFile
// does: only its base name is kept, so that a name cannot climb out of the
// upload directory, and a long name is cut.
func uploadName(name string) (string, error) {
	name = widgets.TruncateFileName(name[strings.LastIndexByte(name, '/')+1:])
	if name == "" || name == "." || name == ".." {
		return "", fmt.Errorf("file name %q has no base name", name)
	}
	return name, nil
}

// JSON writes the result as the reference does: one-space indentation,
// sorted keys, no ASCII escaping.
func (r *Result) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// OwnTemplates reports whether the case brings templates of its own:
// an overlay ("templates") or a theme pack (a renderer's "theme"), which
// may need a template engine where the built-in templates need none.
func (c *Case) OwnTemplates() bool {
	if _, ok := c.root.get("templates"); ok {
		return true
	}
	for _, key := range []string{"renderer", "default_renderer"} {
		if rn, ok := c.root.get(key); ok {
			if _, ok := rn.get("theme"); ok {
				return true
			}
		}
	}
	return false
}
