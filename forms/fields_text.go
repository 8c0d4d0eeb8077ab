package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/formwork/formwork/internal/pyjson"
	"github.com/formwork/formwork/internal/pynum"
	"github.com/formwork/formwork/internal/pyurl"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// CharField cleans text: Django's CharField.
type CharField struct {
	FieldCore
	// MaxLength and MinLength limit the length in characters; 0 means the
	// field type's default: none for a CharField, 320 for an EmailField,
	// 39 for a GenericIPAddressField.
	MaxLength, MinLength int
	// NoMaxLength drops the field type's default MaxLength (Django's
	// max_length=None on an EmailField).
	NoMaxLength bool
	// NoStrip keeps leading and trailing whitespace.
	NoStrip bool
	// EmptyValue is what an empty input cleans to: "" when nil, unless
	// EmptyNil is set.
	EmptyValue any
	EmptyNil   bool
}

// NewCharField returns a CharField with Django's defaults: the same as
// &CharField{}.
func NewCharField() *CharField { return &CharField{} }

// withMaxLength returns a copy of f whose MaxLength is def when none is
// set: how a field type with a default limit (EmailField) applies it.
func (f *CharField) withMaxLength(def int) *CharField {
	if f.MaxLength != 0 || f.NoMaxLength {
		return f
	}
	c := *f
	c.MaxLength = def
	return &c
}

func (f *CharField) emptyValue() any {
	if f.EmptyNil {
		return nil
	}
	if f.EmptyValue == nil {
		return ""
	}
	return f.EmptyValue
}

// ToPython returns the value as a string, stripped unless NoStrip.
func (f *CharField) ToPython(value any) (any, error) { return f.toString(value, !f.NoStrip), nil }

func (f *CharField) toString(value any, strip bool) any {
	if !IsEmpty(value) {
		in, isStr := value.(string)
		s := in
		if !isStr {
			s = pyStr(value)
		}
		if strip {
			s = pynum.TrimSpace(s)
		}
		if !isStr || len(s) != len(in) {
			// A submitted string that needs no stripping keeps its box.
			value = s
		}
	}
	if IsEmpty(value) {
		return f.emptyValue()
	}
	return value
}

// ExtraValidators are the length validators and the null character check.
func (f *CharField) ExtraValidators() []validators.Validator {
	var vs []validators.Validator
	if f.MinLength > 0 {
		vs = append(vs, validators.MinLength(f.MinLength))
	}
	if f.MaxLength > 0 {
		vs = append(vs, validators.MaxLength(f.MaxLength))
	}
	return append(vs, validators.ProhibitNullCharacters())
}

// DefaultValidators implements ValidatorSource.
func (f *CharField) DefaultValidators() []validators.Validator { return nil }

// WidgetAttrs writes maxlength and minlength on visible widgets.
func (f *CharField) WidgetAttrs(w widgets.Widget) renderers.Attrs {
	a := renderers.Attrs{}
	if f.MaxLength > 0 && !w.IsHidden() {
		a["maxlength"] = itoa(f.MaxLength)
	}
	if f.MinLength > 0 && !w.IsHidden() {
		a["minlength"] = itoa(f.MinLength)
	}
	return a
}

// RegexField is a CharField whose value must match a regular expression.
// Unlike CharField it does not strip by default: set Strip.
type RegexField struct {
	CharField
	// Regex is the pattern, in Python's syntax as Django's validators
	// read it.
	Regex string
	Strip bool
}

// NewRegexField returns a required RegexField for pattern.
func NewRegexField(pattern string) *RegexField {
	return &RegexField{CharField: CharField{}, Regex: pattern}
}

// ToPython returns the value as a string, stripped only when Strip is set.
func (f *RegexField) ToPython(value any) (any, error) { return f.toString(value, f.Strip), nil }

// ExtraValidators adds the regular expression's validator after the
// CharField's.
func (f *RegexField) ExtraValidators() []validators.Validator {
	v, err := validators.NewRegex(f.Regex, 0)
	if err != nil {
		return append(f.CharField.ExtraValidators(), validators.Func(func(any) error {
			return fmt.Errorf("forms: RegexField pattern %q: %w", f.Regex, err)
		}))
	}
	return append(f.CharField.ExtraValidators(), v)
}

// EmailField cleans an email address; its MaxLength is 320 unless set
// (or NoMaxLength).
type EmailField struct{ CharField }

// emailMaxLength is Django's default max_length of an EmailField.
const emailMaxLength = 320

// NewEmailField returns an EmailField with Django's defaults: the same as
// &EmailField{}.
func NewEmailField() *EmailField { return &EmailField{} }

// ExtraValidators are the CharField's, with the default MaxLength.
func (f *EmailField) ExtraValidators() []validators.Validator {
	return f.withMaxLength(emailMaxLength).ExtraValidators()
}

// WidgetAttrs are the CharField's, with the default MaxLength.
func (f *EmailField) WidgetAttrs(w widgets.Widget) renderers.Attrs {
	return f.withMaxLength(emailMaxLength).WidgetAttrs(w)
}

// DefaultWidget implements DefaultWidgeter.
func (f *EmailField) DefaultWidget() widgets.Widget { return widgets.NewEmailInput(nil) }

// ToPython strips always.
func (f *EmailField) ToPython(value any) (any, error) { return f.toString(value, true), nil }

// DefaultValidators implements ValidatorSource.
func (f *EmailField) DefaultValidators() []validators.Validator {
	return []validators.Validator{validators.Email()}
}

// URLField cleans a URL, adding "http://" when no scheme is given.
type URLField struct {
	CharField
	// AssumeScheme is the scheme added to URLs typed without one
	// ("http" when "").
	AssumeScheme string
}

// NewURLField returns a required URLField.
func NewURLField() *URLField {
	return &URLField{CharField: CharField{}}
}

// DefaultWidget implements DefaultWidgeter.
func (f *URLField) DefaultWidget() widgets.Widget { return widgets.NewURLInput(nil) }

// DefaultErrorMessages implements ErrorMessager.
func (f *URLField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a valid URL."}
}

// DefaultValidators implements ValidatorSource.
func (f *URLField) DefaultValidators() []validators.Validator {
	return []validators.Validator{validators.URL()}
}

// ToPython completes the URL as Django does.
func (f *URLField) ToPython(value any) (any, error) {
	v := f.toString(value, true)
	s, ok := v.(string)
	if !ok || s == "" {
		return v, nil
	}
	invalid := func() error { return f.Error("invalid", "Enter a valid URL.", nil) }
	parts, err := pyurl.Split(s)
	if err != nil {
		return nil, invalid()
	}
	if parts.Scheme == "" {
		parts.Scheme = "http"
		if f.AssumeScheme != "" {
			parts.Scheme = f.AssumeScheme
		}
	}
	if parts.Netloc == "" {
		parts.Netloc, parts.Path = parts.Path, ""
		parts, err = pyurl.Split(pyurl.Join(parts))
		if err != nil {
			return nil, invalid()
		}
	}
	return pyurl.Join(parts), nil
}

// SlugField cleans a slug: ASCII letters, digits, hyphens and underscores,
// or any Unicode letters with AllowUnicode.
type SlugField struct {
	CharField
	AllowUnicode bool
}

// NewSlugField returns a required SlugField.
func NewSlugField() *SlugField {
	return &SlugField{CharField: CharField{}}
}

// DefaultValidators implements ValidatorSource.
func (f *SlugField) DefaultValidators() []validators.Validator {
	if f.AllowUnicode {
		return []validators.Validator{validators.UnicodeSlug()}
	}
	return []validators.Validator{validators.Slug()}
}

// UUIDField cleans a UUID into its canonical string form
// ("12345678-1234-5678-1234-567812345678"), as Python's uuid.UUID reads it.
type UUIDField struct{ CharField }

// NewUUIDField returns a required UUIDField.
func NewUUIDField() *UUIDField { return &UUIDField{CharField{}} }

// UUID is a cleaned UUID value.
type UUID string

// String returns the UUID's canonical form.
func (u UUID) String() string { return string(u) }

// DefaultErrorMessages implements ErrorMessager.
func (f *UUIDField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a valid UUID."}
}

// PrepareValue shows a UUID as its string.
func (f *UUIDField) PrepareValue(value any) any {
	if u, ok := value.(UUID); ok {
		return string(u)
	}
	return value
}

// ToPython parses the UUID.
func (f *UUIDField) ToPython(value any) (any, error) {
	if u, ok := value.(UUID); ok {
		return u, nil
	}
	v := f.toString(value, !f.NoStrip)
	if IsEmpty(v) {
		return nil, nil
	}
	u, ok := ParseUUID(pyStr(v))
	if !ok {
		return nil, f.Error("invalid", "Enter a valid UUID.", nil)
	}
	return u, nil
}

// ParseUUID reads a UUID as Python's uuid.UUID(hex) does: braces, "urn:uuid:"
// and hyphens are dropped and 32 hex digits must remain.
func ParseUUID(s string) (UUID, bool) {
	h := strings.ReplaceAll(strings.ReplaceAll(s, "urn:", ""), "uuid:", "")
	h = strings.Trim(h, "{}")
	h = strings.ReplaceAll(h, "-", "")
	if len(h) != 32 {
		return "", false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return "", false
		}
	}
	h = strings.ToLower(h)
	return UUID(h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]), true
}

// GenericIPAddressField cleans an IPv4 or IPv6 address.
type GenericIPAddressField struct {
	CharField
	// Protocol is "both" (when ""), "IPv4" or "IPv6".
	Protocol string
	// UnpackIPv4 turns ::ffff:a.b.c.d into a.b.c.d.
	UnpackIPv4 bool
}

// ipv6MaxLength is Django's MAX_IPV6_ADDRESS_LENGTH, the default
// max_length of a GenericIPAddressField.
const ipv6MaxLength = 39

// NewGenericIPAddressField returns a GenericIPAddressField with Django's
// defaults: the same as &GenericIPAddressField{}.
func NewGenericIPAddressField() *GenericIPAddressField { return &GenericIPAddressField{} }

// ExtraValidators are the CharField's, with the default MaxLength.
func (f *GenericIPAddressField) ExtraValidators() []validators.Validator {
	return f.withMaxLength(ipv6MaxLength).ExtraValidators()
}

// WidgetAttrs are the CharField's, with the default MaxLength.
func (f *GenericIPAddressField) WidgetAttrs(w widgets.Widget) renderers.Attrs {
	return f.withMaxLength(ipv6MaxLength).WidgetAttrs(w)
}

// DefaultValidators implements ValidatorSource.
func (f *GenericIPAddressField) DefaultValidators() []validators.Validator {
	protocol := f.Protocol
	if protocol == "" {
		protocol = "both"
	}
	vs, _, err := validators.IPAddressValidators(protocol, f.UnpackIPv4)
	if err != nil {
		return []validators.Validator{validators.Func(func(any) error { return err })}
	}
	return vs
}

// ToPython strips the address and cleans an IPv6 one.
func (f *GenericIPAddressField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return "", nil
	}
	s := pynum.TrimSpace(pyStr(value))
	if s != "" && strings.Contains(s, ":") {
		return cleanIPv6Address(s, f.UnpackIPv4, f.withMaxLength(ipv6MaxLength).MaxLength)
	}
	return s, nil
}

// JSONField cleans JSON text into Go values (map[string]any, []any,
// float64 or json.Number, string, bool, nil).
type JSONField struct{ CharField }

// NewJSONField returns a required JSONField.
func NewJSONField() *JSONField { return &JSONField{CharField{}} }

// InvalidJSON is submitted text that is not JSON, shown back as typed.
type InvalidJSON string

// JSONString is a cleaned JSON string value, told apart from raw input.
type JSONString = pyjson.String

// OrderedJSON is a cleaned JSON object: its keys in the order submitted,
// and its values.
type OrderedJSON = pyjson.Object

// DefaultWidget implements DefaultWidgeter.
func (f *JSONField) DefaultWidget() widgets.Widget { return widgets.NewTextarea(nil) }

// DefaultErrorMessages implements ErrorMessager.
func (f *JSONField) DefaultErrorMessages() map[string]string {
	return map[string]string{"invalid": "Enter a valid JSON."}
}

// ToPython decodes the JSON text.
func (f *JSONField) ToPython(value any) (any, error) {
	if f.Disabled {
		return value, nil
	}
	if IsEmpty(value) {
		return nil, nil
	}
	switch value.(type) {
	case map[string]any, OrderedJSON, []any, int, int64, float64, JSONString, json.Number:
		return value, nil
	}
	s := pyStr(value)
	v, err := decodeJSON(s)
	if err != nil {
		return nil, f.Error("invalid", "Enter a valid JSON.", map[string]any{"value": s})
	}
	if str, ok := v.(string); ok {
		return JSONString(str), nil
	}
	return v, nil
}

// decodeJSON decodes one JSON document, keeping objects' key order
// (OrderedJSON) and numbers' text (json.Number), as Python's json.loads
// keeps them.
func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	v, err := decodeJSONValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("extra data after JSON value")
	}
	return v, nil
}

// maxJSONDepth bounds nesting, so hostile input cannot exhaust the stack.
const maxJSONDepth = 1000

func decodeJSONValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxJSONDepth {
		return nil, errors.New("JSON nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '[':
			list := []any{}
			for dec.More() {
				v, err := decodeJSONValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return list, nil
		case '{':
			obj := OrderedJSON{Values: map[string]any{}}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeJSONValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				if _, dup := obj.Values[k]; !dup {
					obj.Keys = append(obj.Keys, k)
				}
				obj.Values[k] = v
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return obj, nil
		}
		return nil, errors.New("unexpected JSON delimiter")
	default:
		return t, nil
	}
}

// BoundData shows invalid JSON as typed.
func (f *JSONField) BoundData(data, initial any) any {
	if f.Disabled {
		return initial
	}
	if data == nil {
		return nil
	}
	v, err := decodeJSON(pyStr(data))
	if err != nil {
		return InvalidJSON(pyStr(data))
	}
	return v
}

// PrepareValue writes the value as JSON text.
func (f *JSONField) PrepareValue(value any) any {
	if s, ok := value.(InvalidJSON); ok {
		return string(s)
	}
	return pyjson.Dumps(value, false)
}

// HasChanged compares the decoded data with the initial value as JSON
// with sorted keys, as Django does: key order aside, but true is not 1.
// (Comparing the Go values themselves would call an object decoded in
// its submitted key order different from the same initial map.)
func (f *JSONField) HasChanged(initial, data any) bool {
	// Django's JSONField.has_changed asks Field.has_changed first and
	// then compares the JSON texts, with no None-is-"" rule. Field's
	// answer adds nothing the texts do not tell; its disabled shortcut
	// is not final here, and a disabled field's ToPython returns the
	// submitted text as it is: a disabled field posted "null" has
	// changed from an initial None, as in Django.
	d, err := f.ToPython(data)
	if err != nil {
		return true
	}
	return pyjson.Dumps(initial, true) != pyjson.Dumps(d, true)
}

// cleanIPv6Address is Django's clean_ipv6_address: the address in its
// compressed lower-case form, an IPv4-mapped one as ::ffff:a.b.c.d or,
// with unpack, a.b.c.d.
func cleanIPv6Address(s string, unpack bool, maxLength int) (any, error) {
	invalid := validators.NewError("This is not a valid IPv6 address.", "invalid", nil)
	if len([]rune(s)) > maxLength {
		return nil, invalid
	}
	addr, err := netip.ParseAddr(s)
	if err != nil || !addr.Is6() {
		return nil, invalid
	}
	addr = addr.WithZone("")
	if addr.Is4In6() {
		if unpack {
			return addr.Unmap().String(), nil
		}
		return "::ffff:" + addr.Unmap().String(), nil
	}
	return addr.String(), nil
}
