// Package widgets holds Django's form widgets: each knows how to turn a
// value into the context of its template, and how to read its value back
// out of submitted data. A widget knows nothing of fields or forms; a
// bound field joins the two.
package widgets

import (
	"bytes"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/formwork/formwork/l10n"
	"github.com/formwork/formwork/media"
	"github.com/formwork/formwork/renderers"
)

// Widget is an HTML representation of an input element.
//
// Implementations embed Common (Base under another name) for the settings
// every widget has, and are treated as immutable once a form is declared: per-render state lives in
// the context a widget returns, never in the widget.
type Widget interface {
	// Base returns the settings every widget has.
	Base() *Base
	// Context returns what the widget's template sees under "widget":
	// name, is_hidden, required, value, attrs, template_name and the
	// widget's own keys (type, optgroups, subwidgets...).
	Context(name string, value any, attrs renderers.Attrs) map[string]any
	// FormatValue returns value as it appears in the template: a string,
	// nil for no value, or for choice widgets a []string of selected values.
	FormatValue(value any) any
	// ValueFromData returns the widget's value from submitted data, or nil
	// when it was not submitted.
	ValueFromData(data url.Values, files Files, name string) any
	// ValueOmitted reports whether the data says nothing of this widget.
	ValueOmitted(data url.Values, files Files, name string) bool
	// IDForLabel returns the id a <label> points at, "" for none.
	IDForLabel(id string) string
	// UseRequiredAttribute reports whether the required attribute is written.
	UseRequiredAttribute(initial any) bool
	// IsHidden reports whether the widget is a hidden input.
	IsHidden() bool
	// UseFieldset reports whether the widget is grouped in a <fieldset>
	// with a <legend> in the div style (radio and checkbox lists, widgets of
	// several parts).
	UseFieldset() bool
	// TemplateName is the template the widget renders with.
	TemplateName() string
	// Clone returns a copy whose attrs (and choices) can change alone.
	Clone() Widget
}

// Base holds what every widget has. Its zero value is a widget with no
// attributes and its type's template.
type Base struct {
	// Attrs are written on the rendered element.
	Attrs renderers.Attrs
	// Template overrides the widget type's template name.
	Template string
	// Required is set from the field: the widget belongs to a required field.
	Required bool
	// Localized renders numbers and dates in the active locale's format.
	Localized bool
	// Formats are the active language's formats; nil means English's.
	// The numbers of a Localized widget are written with its decimal
	// separator, date and time inputs write their values in its first
	// input format, and a SelectDateWidget orders its parts by its
	// DateFormat. Forms set it on a copy of the widget from their
	// translator.
	Formats *l10n.Formats
	// Translator is the active language's translator, nil for English:
	// the words a theme's template for the widget prints of its own
	// ({% translate %}, yesno's) are in its language, as under Django's
	// active translation. Forms set it on a copy of the widget, as
	// Formats.
	Translator renderers.Translator
	// Media are the widget's own CSS and JS assets.
	Media media.Media
	// Fieldset, when not nil, overrides the type's use_fieldset.
	Fieldset *bool
}

// Base returns b itself, so that embedding Common satisfies part of Widget.
func (b *Base) Base() *Base { return b }

// Common is Base under the name widgets embed it by: an embedded field
// named Base would hide the Base method that the Widget interface needs.
type Common = Base

// Files maps field names to uploaded files.
type Files map[string][]*UploadedFile

// Get returns the first file uploaded under name, or nil.
func (f Files) Get(name string) *UploadedFile {
	if list := f[name]; len(list) > 0 {
		return list[0]
	}
	return nil
}

// UploadedFile is a file submitted with a form.
type UploadedFile struct {
	Name        string
	Size        int64
	ContentType string
	// Open returns the file's content.
	Open func() (io.ReadCloser, error)
}

// TruncateFileName cuts a file name longer than 255 characters to 255,
// keeping its extension, as Django's UploadedFile does with the names it
// is given.
func TruncateFileName(name string) string {
	r := []rune(name)
	if len(r) <= 255 {
		return name
	}
	ext := []rune(filepath.Ext(strings.TrimLeft(name, ".")))
	stem := r[:len(r)-len(ext)]
	if len(ext) > 255 {
		ext = ext[:255]
	}
	return string(stem[:255-len(ext)]) + string(ext)
}

// String returns the file's name, as Django shows a file.
func (f *UploadedFile) String() string { return f.Name }

// Render renders w with the renderer: the widget's template with the
// widget's context.
func Render(w Widget, name string, value any, attrs renderers.Attrs, r renderers.Renderer) (renderers.HTML, error) {
	if r == nil {
		r = renderers.Default()
	}
	var extra renderers.AttrSet
	if extra.SetAll(attrs) {
		var b bytes.Buffer
		if writeFast(&b, w, name, value, &extra, r) {
			return renderers.HTML(b.String()), nil
		}
	}
	s, err := renderEngine(w, name, value, attrs, r)
	return renderers.HTML(s), err
}

// renderEngine renders w with the renderer's template of it, fed with
// the widget's context.
func renderEngine(w Widget, name string, value any, attrs renderers.Attrs, r renderers.Renderer) (string, error) {
	ctx := w.Context(name, value, attrs)
	tpl, _ := ctx["template_name"].(string)
	if tpl == "" {
		tpl = w.TemplateName()
	}
	return renderers.RenderString(r, tpl, renderers.Context{"widget": ctx})
}

// BuildAttrs returns base overlaid with extra, as a new map.
func BuildAttrs(base, extra renderers.Attrs) renderers.Attrs {
	out := make(renderers.Attrs, len(base)+len(extra))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// BaseContext is the part of a widget's context every widget shares.
func BaseContext(w Widget, name string, value any, attrs renderers.Attrs) map[string]any {
	b := w.Base()
	ctx := map[string]any{
		"name":          name,
		"is_hidden":     w.IsHidden(),
		"required":      b.Required,
		"value":         w.FormatValue(value),
		"attrs":         BuildAttrs(b.Attrs, attrs),
		"template_name": w.TemplateName(),
	}
	if b.Translator != nil {
		ctx[renderers.TranslatorKey] = b.Translator
	}
	return ctx
}

// Choice is one option of a choice widget or field, or a named group of
// options when Group is not nil (then Value is the group's label).
type Choice struct {
	Value any
	Label string
	Group []Choice
}
