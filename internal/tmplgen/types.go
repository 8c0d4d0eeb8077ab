package main

// The view model as the generator knows it: for each template variable
// the Go expression that reads it from the renderers package's view
// types (renderers/view.go) and its type. A format's %s is the receiver.

type kind int

const (
	kString kind = iota
	kBool
	kInt
	kValue      // renderers.Value
	kMarkup     // prints itself (printFmt), errors returned
	kSlice      // a Go slice of elem
	kStruct     // attributes only
	kAttrSet    // renderers.AttrSet: .items, or any key
	kAttrItems  // attrs.items: (name, value) in print order
	kErrorItems // renderers.ErrorItems
	kOptions    // an OptGroupView's options: Src.Option(i), Start <= i < End
)

type attr struct {
	f string // Go expression, %s the receiver
	t *typ
}

type typ struct {
	name     string
	kind     kind
	attrs    map[string]attr
	elem     *typ
	ptrElem  bool   // a slice's elements are visited by address
	tuple    []attr // what {% for a, b in list %} unpacks, by position
	printFmt string // how a kMarkup prints: a call returning an error
	truthFmt string // a Go bool expression, for types whose truth is not their kind's
	iter     string // the attribute a {% for %} over this struct visits
	each     *attr  // what a {% for %} over this value visits, when it is no attribute
	// translatorFmt is the translator a value holds, for the translate
	// and langattrs tags, which look for one in the variables field,
	// form and formset (renderers.TranslatorOf).
	translatorFmt string
	// strType is the type of str(value) ({% with s=v|stringformat:"s" %}),
	// for the few values whose str() a template tests.
	strType *typ
	// deps are templates the value's meaning depends on: a writer using
	// it stands for them too.
	deps []string
}

var (
	tString = &typ{name: "string", kind: kString}
	tBool   = &typ{name: "bool", kind: kBool}
	tInt    = &typ{name: "int", kind: kInt}
	tValue  = &typ{name: "Value", kind: kValue}

	tAttrItem  = &typ{name: "attribute", kind: kStruct, tuple: []attr{{"%s.Key", tString}, {"%s.Val", tValue}}}
	tAttrItems = &typ{name: "attrs.items", kind: kAttrItems, elem: tAttrItem}
	tAttrSet   = &typ{name: "attrs", kind: kAttrSet, truthFmt: "%s.n > 0", attrs: map[string]attr{"items": {"%s", tAttrItems}}}

	tWidget = &typ{name: "WidgetView", kind: kStruct}

	tOptGroup = &typ{name: "OptGroupView", kind: kStruct, tuple: []attr{
		{"%s.Name", tString},
		{"%s", &typ{name: "options", kind: kOptions, elem: tWidget}},
		{"%s.Index", tInt},
	}}

	tLabelText = &typ{name: "LabelText", kind: kMarkup, printFmt: "%s.WriteHTML(b)"}
	tLabel     = &typ{name: "LabelView", kind: kStruct, attrs: map[string]attr{
		"use_tag": {"%s.UseTag", tBool},
		"tag":     {"%s.Tag", tString},
		"label":   {"(&%s.Label)", tLabelText},
		"attrs":   {"%s.Attrs", tAttrSet},
		"field":   {"%s.Field", tField},
	}}

	tErrorItem  = &typ{name: "error", kind: kMarkup, printFmt: "%s.WriteHTML(b)"}
	tErrorItems = &typ{name: "ErrorItems", kind: kErrorItems, elem: tErrorItem, truthFmt: "(%s != nil && %s.Len() > 0)"}
	tErrorList  = &typ{name: "ErrorListView", kind: kStruct, attrs: map[string]attr{
		"errors":      {"%s.Errors", tErrorItems},
		"error_class": {"%s.ErrorClass", tString},
	}}
	// tErrors is an error list as a value of a form or field
	// (field.errors, form.non_field_errors): an ErrorListView, false when
	// empty, whose loop visits its messages.
	tErrors = &typ{name: "error list", kind: kStruct, truthFmt: "(%s.Errors != nil && %s.Errors.Len() > 0)",
		each:  &attr{"%s.Errors", tErrorItems},
		attrs: map[string]attr{"error_class": {"%s.ErrorClass", tString}}}

	// An error dict: (field, error list) pairs, the list printed as its
	// HTML ({{ error }}) or its messages visited ({% for error in errors %}).
	tDictErrors = &typ{name: "ErrorListMarkup", kind: kErrorItems, elem: tErrorItem, printFmt: "%s.WriteHTML(b)", truthFmt: "(%s != nil && %s.Len() > 0)"}
	tDictItem   = &typ{name: "ErrorDictItem", kind: kStruct, tuple: []attr{{"%s.Field", tString}, {"%s.Errors", tDictErrors}}}
	tErrorDict  = &typ{name: "ErrorDictView", kind: kStruct, attrs: map[string]attr{
		"errors":      {"%s.Errors", &typ{name: "[]ErrorDictItem", kind: kSlice, elem: tDictItem, ptrElem: true}},
		"error_class": {"%s.ErrorClass", tString},
	}}

	tMarkupList = &typ{name: "MarkupList", kind: kMarkup, printFmt: "%s.WriteHTML(b)", truthFmt: "%s.Len() > 0",
		each: &attr{"%s", tErrorItems}}
	tField = &typ{name: "FieldView", kind: kMarkup, printFmt: "%s.WriteHTML(b)", translatorFmt: "%s.Translator()", attrs: map[string]attr{
		"css_classes":  {"%s.CSSClasses()", tString},
		"use_fieldset": {"%s.UseFieldset()", tBool},
		"label":        {"%s.Label()", tString},
		"help_text":    {"%s.HelpText()", tString},
		"label_tag":    {"%s", &typ{name: "label_tag", kind: kMarkup, printFmt: "%s.WriteLabelTag(b)"}},
		"legend_tag":   {"%s", &typ{name: "legend_tag", kind: kMarkup, printFmt: "%s.WriteLegendTag(b)"}},
		"id_for_label": {"%s.IDForLabel()", tString},
		"errors":       {"%s.Errors()", tErrors},
		"field":        {"%s", &typ{name: "field.field", kind: kStruct, attrs: map[string]attr{"required": {"%s.Required()", tBool}}}},
		// What the accessible templates read (forms/boundfield.go).
		"invalid":             {"%s.Invalid()", tBool},
		"helptext_id":         {"%s.HelpTextID()", tString},
		"errors_id":           {"%s.ErrorsID()", tString},
		"focus_id":            {"%s.FocusID()", tString},
		"legend_id":           {"%s.LegendID()", tString},
		"accessible_label":    {"%s.AccessibleLabel()", tString},
		"accessible_fieldset": {"%s.AccessibleFieldset()", tBool},
		"accessible_widget":   {"%s", &typ{name: "accessible_widget", kind: kMarkup, printFmt: "%s.WriteAccessibleWidget(b)"}},
	}}
	tFieldRow = &typ{name: "FieldRowView", kind: kStruct, tuple: []attr{{"%s.Field", tField}, {"%s.Errors", tMarkupList}}}
	tFields   = &typ{name: "[]FieldView", kind: kSlice, elem: tField}
	// str(form.errors) is the HTML of the built-in dict templates, which
	// is empty exactly when the form has no errors.
	tFormErrorsStr = &typ{name: "str(form.errors)", kind: kStruct, truthFmt: "%s.HasErrors",
		deps: []string{"django/forms/errors/dict/default.html", "django/forms/errors/dict/ul.html"}}
	tFormErrors = &typ{name: "form.errors", kind: kStruct, truthFmt: "%s.HasErrors", strType: tFormErrorsStr}
	tFormObj    = &typ{name: "form", kind: kStruct, translatorFmt: "%s.Translator", attrs: map[string]attr{
		"errors": {"%s", tFormErrors},
	}}
	tForm = &typ{name: "FormView", kind: kStruct, attrs: map[string]attr{
		"errors":        {"%s.Errors", tMarkupList},
		"fields":        {"%s.Fields", &typ{name: "[]FieldRowView", kind: kSlice, elem: tFieldRow, ptrElem: true}},
		"hidden_fields": {"%s.Hidden", tFields},
		"form":          {"%s", tFormObj},
	}}

	tFormMarkup = &typ{name: "FormMarkup", kind: kMarkup, printFmt: "%s.WriteHTML(b)", translatorFmt: "%s.Parts().Translator()", attrs: map[string]attr{
		"as_div":           {"%s", &typ{name: "as_div", kind: kMarkup, printFmt: "%s.WriteAsDiv(b)"}},
		"as_p":             {"%s", &typ{name: "as_p", kind: kMarkup, printFmt: "%s.WriteAsP(b)"}},
		"as_table":         {"%s", &typ{name: "as_table", kind: kMarkup, printFmt: "%s.WriteAsTable(b)"}},
		"as_ul":            {"%s", &typ{name: "as_ul", kind: kMarkup, printFmt: "%s.WriteAsUL(b)"}},
		"non_field_errors": {"%s.Parts().NonFieldErrors()", tErrors},
		"hidden_fields":    {"%s.Parts().HiddenFields()", tFields},
		"visible_fields":   {"%s.Parts().VisibleFields()", tFields},
	}}
	tFormsetObj = &typ{name: "formset", kind: kStruct, iter: "forms", translatorFmt: "%s.Formset.Translator()", attrs: map[string]attr{
		"management_form":   {"%s.ManagementForm", tFormMarkup},
		"forms":             {"%s.Forms", &typ{name: "[]FormMarkup", kind: kSlice, elem: tFormMarkup}},
		"total_error_count": {"%s.Formset.TotalErrorCount()", tInt},
		"non_form_errors":   {"%s.Formset.NonFormErrors()", tErrors},
	}}
	tFormset = &typ{name: "FormsetView", kind: kStruct, attrs: map[string]attr{"formset": {"%s", tFormsetObj}}}
)

func init() {
	tWidget.attrs = map[string]attr{
		"name":          {"%s.Name", tString},
		"type":          {"%s.Type", tString},
		"value":         {"%s.Value", tValue},
		"attrs":         {"%s.Attrs", tAttrSet},
		"optgroups":     {"%s.Optgroups", &typ{name: "[]OptGroupView", kind: kSlice, elem: tOptGroup, ptrElem: true}},
		"template_name": {"%s.TemplateName", tString},
		"label":         {"%s.Label", tString},
		"wrap_label":    {"%s.WrapLabel", tBool},
		"required":      {"%s.Required", tBool},
		"subwidgets":    {"%s.Subwidgets", &typ{name: "[]*WidgetView", kind: kSlice, elem: tWidget}},
		// ClearableFileInput's.
		"is_initial":           {"%s.IsInitial", tBool},
		"initial_text":         {"%s.InitialText", tString},
		"input_text":           {"%s.InputText", tString},
		"checkbox_name":        {"%s.CheckboxName", tString},
		"checkbox_id":          {"%s.CheckboxID", tString},
		"clear_checkbox_label": {"%s.ClearCheckboxLabel", tString},
	}
}

// view is one kind of root context: the Go type of the generated
// writers' x and the types of its variables.
type view struct {
	goType string // in package renderers
	table  string // the generated table of writers of this view
	t      *typ
	// widgetCtx is the variable that, set by {% include ... with
	// name=... %}, makes an included template's context this view.
	widgetCtx string
}

var (
	vWidget    = &view{goType: "WidgetView", table: "genWidget", t: &typ{name: "widget context", kind: kStruct, attrs: map[string]attr{"widget": {"%s", tWidget}}}, widgetCtx: "widget"}
	vLabel     = &view{goType: "LabelView", table: "genLabel", t: tLabel}
	vErrorList = &view{goType: "ErrorListView", table: "genErrorList", t: tErrorList}
	vErrorDict = &view{goType: "ErrorDictView", table: "genErrorDict", t: tErrorDict}
	vForm      = &view{goType: "FormView", table: "genForm", t: tForm}
	vFormset   = &view{goType: "FormsetView", table: "genFormset", t: tFormset}
	views      = []*view{vWidget, vLabel, vErrorList, vErrorDict, vForm, vFormset}
)

// roots are the built-in templates the fast path renders, by the view
// they are rendered from. The templates they include are found in the
// templates themselves.
var roots = map[*view][]string{
	vWidget: {
		"django/forms/widgets/input.html",
		"django/forms/widgets/text.html",
		"django/forms/widgets/number.html",
		"django/forms/widgets/email.html",
		"django/forms/widgets/url.html",
		"django/forms/widgets/password.html",
		"django/forms/widgets/hidden.html",
		"django/forms/widgets/date.html",
		"django/forms/widgets/datetime.html",
		"django/forms/widgets/time.html",
		"django/forms/widgets/checkbox.html",
		"django/forms/widgets/file.html",
		"django/forms/widgets/textarea.html",
		"django/forms/widgets/select.html",
		"django/forms/widgets/select_option.html",
		"django/forms/widgets/radio.html",
		"django/forms/widgets/checkbox_select.html",
		"django/forms/widgets/multiple_input.html",
		"django/forms/widgets/input_option.html",
		"django/forms/widgets/radio_option.html",
		"django/forms/widgets/checkbox_option.html",
		"django/forms/widgets/clearable_file_input.html",
		"django/forms/widgets/multiwidget.html",
		"django/forms/widgets/splitdatetime.html",
		"django/forms/widgets/splithiddendatetime.html",
		"django/forms/widgets/select_date.html",
		"django/forms/widgets/multiple_hidden.html",
	},
	vLabel: {"django/forms/label.html"},
	vErrorList: {
		"django/forms/errors/list/default.html",
		"django/forms/errors/list/ul.html",
		"django/forms/errors/list/text.txt",
	},
	vErrorDict: {
		"django/forms/errors/dict/default.html",
		"django/forms/errors/dict/ul.html",
		"django/forms/errors/dict/text.txt",
	},
	vForm: {
		"django/forms/div.html",
		"django/forms/p.html",
		"django/forms/ul.html",
		"django/forms/table.html",
		"django/forms/default.html",
	},
	vFormset: {
		"django/forms/formsets/default.html",
		"django/forms/formsets/div.html",
		"django/forms/formsets/p.html",
		"django/forms/formsets/table.html",
		"django/forms/formsets/ul.html",
	},
}
