package widgets

import (
	"net/url"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/renderers"
)

// FileInputContradiction is what ClearableFileInput.ValueFromData returns
// when a file is uploaded and the clear box checked at once: the field
// turns it into a validation error.
var FileInputContradiction = &contradiction{}

type contradiction struct{}

func (*contradiction) String() string { return "<FILE_INPUT_CONTRADICTION>" }

// StoredFile is an initial value of a ClearableFileInput that links to a
// stored file, as Django's FieldFile with a url.
type StoredFile interface {
	// URL is where the stored file is served; "" means no link.
	URL() string
}

// ClearableFileInput is a file input that, given a stored file, shows a
// link to it and a box to clear it.
type ClearableFileInput struct {
	Input
	// ClearCheckboxLabel, InitialText and InputText are the texts shown
	// around the link; "" means Django's "Clear", "Currently" and "Change".
	ClearCheckboxLabel string
	InitialText        string
	InputText          string
}

// NewClearableFileInput returns a ClearableFileInput with the given
// attributes.
func NewClearableFileInput(attrs renderers.Attrs) *ClearableFileInput {
	return &ClearableFileInput{Input: newInput(attrs)}
}

// ClearCheckboxName is the name of the clear box for a file input's name.
func (w *ClearableFileInput) ClearCheckboxName(name string) string { return name + "-clear" }

// ClearCheckboxID is the id of the clear box, given its name.
func (w *ClearableFileInput) ClearCheckboxID(name string) string { return name + "_id" }

// isInitial is Django's is_initial: the value is a stored file with a URL.
func isInitial(value any) bool {
	f, ok := value.(StoredFile)
	return ok && truthy(value) && f.URL() != ""
}

// FormatValue implements Widget: the stored file, as a template value
// with a url attribute that prints as the file's name; nil otherwise.
func (w *ClearableFileInput) FormatValue(value any) any {
	if !isInitial(value) {
		return nil
	}
	return renderers.Object{
		"url":             value.(StoredFile).URL(),
		"name":            pyfmt.Str(value),
		renderers.HTMLKey: pyfmt.Str(value),
	}
}

// Context implements Widget.
func (w *ClearableFileInput) Context(name string, value any, attrs renderers.Attrs) map[string]any {
	ctx := inputContext(w, w.typeOr("file"), name, value, attrs)
	cbName := w.ClearCheckboxName(name)
	ctx["checkbox_name"] = cbName
	ctx["checkbox_id"] = w.ClearCheckboxID(cbName)
	ctx["is_initial"] = isInitial(value)
	ctx["input_text"] = orDefault(w.InputText, "Change")
	ctx["initial_text"] = orDefault(w.InitialText, "Currently")
	ctx["clear_checkbox_label"] = orDefault(w.ClearCheckboxLabel, "Clear")
	final := ctx["attrs"].(renderers.Attrs)
	if _, ok := final["disabled"]; !ok {
		final["disabled"] = false
	}
	return ctx
}

// ValueFromData implements Widget: the uploaded file; false when the
// clear box is checked (the stored file is to be removed), or
// FileInputContradiction when both happen.
func (w *ClearableFileInput) ValueFromData(data url.Values, files Files, name string) any {
	upload := fileValue(files, name)
	if !w.Required {
		if cleared, _ := (&CheckboxInput{}).ValueFromData(data, files, w.ClearCheckboxName(name)).(bool); cleared {
			if truthy(upload) {
				return FileInputContradiction
			}
			return false
		}
	}
	return upload
}

// ValueOmitted implements Widget.
func (w *ClearableFileInput) ValueOmitted(data url.Values, files Files, name string) bool {
	_, inFiles := files[name]
	_, inData := data[w.ClearCheckboxName(name)]
	return !inFiles && !inData
}

// IsHidden implements Widget.
func (w *ClearableFileInput) IsHidden() bool { return w.typeOr("file") == "hidden" }

// UseRequiredAttribute implements Widget: not when there is an initial
// file.
func (w *ClearableFileInput) UseRequiredAttribute(initial any) bool {
	return !w.IsHidden() && !truthy(initial)
}

// NeedsMultipart reports that a form with this widget must be sent as
// multipart/form-data.
func (w *ClearableFileInput) NeedsMultipart() bool { return true }

// TemplateName implements Widget.
func (w *ClearableFileInput) TemplateName() string { return w.template(tplClearable) }

// Clone implements Widget.
func (w *ClearableFileInput) Clone() Widget { c := *w; c.Common = w.Common.clone(); return &c }
