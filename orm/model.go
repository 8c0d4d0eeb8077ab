// Package orm is the thin table adapter beneath formwork's model forms and
// model formsets: it describes a model's fields the way Django's model
// layer does and stores rows of them in SQLite or PostgreSQL.
//
// It is deliberately small. A Model is an ordered list of typed fields; a
// Row is a map from field name to a Go value; a Store lists, reads,
// inserts, updates and deletes rows, answers uniqueness questions and runs
// a group of writes atomically. Both backends share one SQL layer, so a
// row written through either reads back with the same Go types and values.
package orm

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// FieldType names a model field type with Django's class name.
type FieldType string

// The supported model field types.
const (
	AutoField            FieldType = "AutoField" // the implicit "id" primary key
	CharField            FieldType = "CharField"
	TextField            FieldType = "TextField"
	IntegerField         FieldType = "IntegerField"
	PositiveIntegerField FieldType = "PositiveIntegerField"
	FloatField           FieldType = "FloatField"
	DecimalField         FieldType = "DecimalField"
	BooleanField         FieldType = "BooleanField"
	DateField            FieldType = "DateField"
	EmailField           FieldType = "EmailField"
	SlugField            FieldType = "SlugField"
	ForeignKey           FieldType = "ForeignKey"
)

// isString reports whether values of the type are Go strings.
func (t FieldType) isString() bool {
	switch t {
	case CharField, TextField, EmailField, SlugField:
		return true
	}
	return false
}

// isInteger reports whether values of the type are Go int64s.
func (t FieldType) isInteger() bool {
	switch t {
	case AutoField, IntegerField, PositiveIntegerField, ForeignKey:
		return true
	}
	return false
}

func (t FieldType) valid() bool {
	switch t {
	case CharField, TextField, IntegerField, PositiveIntegerField, FloatField,
		DecimalField, BooleanField, DateField, EmailField, SlugField, ForeignKey:
		return true
	}
	return false
}

// Field describes one model field, with Django's model-field arguments.
type Field struct {
	Name string
	Type FieldType
	// To names the target model of a ForeignKey.
	To string
	// RelatedName is a ForeignKey's reverse accessor; empty means
	// "<model>_set" (see Model.RelatedName).
	RelatedName string

	MaxLength int
	Null      bool
	Blank     bool
	Unique    bool

	// Default is used for a field missing from an inserted row when
	// HasDefault is set. It holds a value of the field's Go type.
	Default    any
	HasDefault bool

	// Choices are [value, label] pairs; a group is [group label, [][2]any].
	Choices [][2]any

	MaxDigits     int
	DecimalPlaces int

	// VerboseName defaults to Name with underscores turned into spaces.
	VerboseName string
	HelpText    string
	// NotEditable is Django's editable=False: the field is left out of
	// model forms. It is negative so that the zero Field is editable.
	NotEditable bool
	PrimaryKey  bool
}

// Editable reports whether model forms include the field.
func (f Field) Editable() bool { return !f.NotEditable }

// Column is the field's column name: Django's attname, which for a
// ForeignKey is "<name>_id".
func (f Field) Column() string {
	if f.Type == ForeignKey {
		return f.Name + "_id"
	}
	return f.Name
}

// Model is a validated, immutable description of one table. Build one
// with NewModel, ModelFromSpec or ModelFromStruct.
type Model struct {
	name           string
	verboseName    string
	table          string
	fields         []Field
	index          map[string]int
	uniqueTogether [][]string
	ordering       []string
}

// ModelDef is what NewModel builds a Model from.
type ModelDef struct {
	Name string
	// VerboseName defaults to Name split at capitals and lower-cased.
	VerboseName string
	// Fields are the declared fields; the "id" primary key is added first.
	Fields         []Field
	UniqueTogether [][]string
	// Ordering is the default List order ("-age", "name"); empty means id.
	Ordering []string
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// maxIdent keeps every name, and an "_id" column built from it, within
// PostgreSQL's 63-byte identifier limit.
const maxIdent = 60

func checkIdent(kind, name string) error {
	if !identRE.MatchString(name) {
		return fmt.Errorf("%s %q is not an identifier (letters, digits and _, not starting with a digit)", kind, name)
	}
	if len(name) > maxIdent {
		return fmt.Errorf("%s %q is longer than %d characters", kind, name, maxIdent)
	}
	return nil
}

// NewModel validates def and builds the model, adding the "id" AutoField
// first and filling in default verbose names.
func NewModel(def ModelDef) (*Model, error) {
	if err := checkIdent("model name", def.Name); err != nil {
		return nil, fmt.Errorf("orm: %w", err)
	}
	m := &Model{
		name:        def.Name,
		verboseName: def.VerboseName,
		table:       DefaultTable(def.Name),
		index:       make(map[string]int),
	}
	if m.verboseName == "" {
		m.verboseName = CamelCaseToSpaces(def.Name)
	}
	m.fields = append(m.fields, Field{
		Name: "id", Type: AutoField, PrimaryKey: true, Blank: true, VerboseName: "ID",
	})
	m.index["id"] = 0
	for _, f := range def.Fields {
		if err := m.addField(f); err != nil {
			return nil, fmt.Errorf("orm: model %s: %w", def.Name, err)
		}
	}
	for _, group := range def.UniqueTogether {
		if len(group) == 0 {
			return nil, fmt.Errorf("orm: model %s: empty unique_together entry", def.Name)
		}
		for _, name := range group {
			if _, ok := m.index[name]; !ok || name == "id" {
				return nil, fmt.Errorf("orm: model %s: unique_together names unknown field %q", def.Name, name)
			}
		}
		m.uniqueTogether = append(m.uniqueTogether, append([]string(nil), group...))
	}
	for _, o := range def.Ordering {
		if _, err := m.orderColumn(o); err != nil {
			return nil, fmt.Errorf("orm: model %s: ordering: %w", def.Name, err)
		}
	}
	m.ordering = append([]string(nil), def.Ordering...)
	return m, nil
}

func (m *Model) addField(f Field) error {
	if err := checkIdent("field name", f.Name); err != nil {
		return err
	}
	// Django's own rules (fields.E001, E002, E003): "__" separates
	// lookups, and pk and id are the primary key's names.
	switch {
	case strings.Contains(f.Name, "__"):
		return fmt.Errorf("field name %q contains \"__\"", f.Name)
	case strings.HasSuffix(f.Name, "_"):
		return fmt.Errorf("field name %q ends with an underscore", f.Name)
	case f.Name == "id" || f.Name == "pk":
		return fmt.Errorf("field name %q is reserved for the primary key", f.Name)
	}
	if _, dup := m.index[f.Name]; dup {
		return fmt.Errorf("duplicate field %q", f.Name)
	}
	for _, g := range m.fields {
		if g.Column() == f.Column() {
			return fmt.Errorf("field %q clashes with field %q (column %s)", f.Name, g.Name, f.Column())
		}
	}
	if !f.Type.valid() {
		return fmt.Errorf("field %s: unknown type %q", f.Name, f.Type)
	}
	if f.PrimaryKey {
		return fmt.Errorf("field %s: only the automatic id may be the primary key", f.Name)
	}
	switch f.Type {
	case EmailField:
		if f.MaxLength == 0 {
			f.MaxLength = 254
		}
	case SlugField:
		if f.MaxLength == 0 {
			f.MaxLength = 50
		}
	case CharField:
		if f.MaxLength <= 0 {
			return fmt.Errorf("field %s: CharField needs a positive max_length", f.Name)
		}
	case DecimalField:
		if f.MaxDigits < 1 || f.MaxDigits > 1000 {
			return fmt.Errorf("field %s: max_digits must be between 1 and 1000, not %d", f.Name, f.MaxDigits)
		}
		if f.DecimalPlaces < 0 || f.DecimalPlaces > f.MaxDigits {
			return fmt.Errorf("field %s: decimal_places must be between 0 and max_digits, not %d", f.Name, f.DecimalPlaces)
		}
	case ForeignKey:
		if f.To == "self" {
			f.To = m.name
		}
		if err := checkIdent("ForeignKey target", f.To); err != nil {
			return fmt.Errorf("field %s: %w", f.Name, err)
		}
	}
	if f.MaxLength < 0 {
		return fmt.Errorf("field %s: negative max_length", f.Name)
	}
	if f.Type != ForeignKey && (f.To != "" || f.RelatedName != "") {
		return fmt.Errorf("field %s: to and related_name apply only to ForeignKey", f.Name)
	}
	if f.VerboseName == "" {
		f.VerboseName = strings.ReplaceAll(f.Name, "_", " ")
	}
	if f.HasDefault {
		v, err := normalize(f, f.Default)
		if err != nil {
			return fmt.Errorf("field %s: default: %w", f.Name, err)
		}
		f.Default = v
	} else if f.Default != nil {
		return fmt.Errorf("field %s: Default set without HasDefault", f.Name)
	}
	choices, err := normalizeChoices(f, f.Choices)
	if err != nil {
		return fmt.Errorf("field %s: choices: %w", f.Name, err)
	}
	f.Choices = choices
	m.index[f.Name] = len(m.fields)
	m.fields = append(m.fields, f)
	return nil
}

func normalizeChoices(f Field, choices [][2]any) ([][2]any, error) {
	if choices == nil {
		return nil, nil
	}
	out := make([][2]any, 0, len(choices))
	for i, c := range choices {
		if group, ok := c[1].([][2]any); ok {
			inner, err := normalizeChoices(f, group)
			if err != nil {
				return nil, fmt.Errorf("group %d: %w", i, err)
			}
			out = append(out, [2]any{c[0], inner})
			continue
		}
		v, err := normalize(f, c[0])
		if err != nil {
			return nil, fmt.Errorf("choice %d: %w", i, err)
		}
		out = append(out, [2]any{v, c[1]})
	}
	return out, nil
}

// Name is the model's name ("BookReview").
func (m *Model) Name() string { return m.name }

// VerboseName is Django's verbose_name ("book review").
func (m *Model) VerboseName() string { return m.verboseName }

// VerboseNamePlural is Django's default verbose_name_plural.
func (m *Model) VerboseNamePlural() string { return m.verboseName + "s" }

// Table is the model's table name.
func (m *Model) Table() string { return m.table }

// Fields returns the fields in order, the "id" primary key first.
func (m *Model) Fields() []Field { return append([]Field(nil), m.fields...) }

// Field returns the named field; "pk" names the primary key.
func (m *Model) Field(name string) (Field, bool) {
	if name == "pk" {
		name = "id"
	}
	i, ok := m.index[name]
	if !ok {
		return Field{}, false
	}
	return m.fields[i], true
}

// UniqueTogether returns the unique_together groups.
func (m *Model) UniqueTogether() [][]string {
	out := make([][]string, len(m.uniqueTogether))
	for i, g := range m.uniqueTogether {
		out[i] = append([]string(nil), g...)
	}
	return out
}

// Ordering returns the default List order; empty means by id.
func (m *Model) Ordering() []string { return append([]string(nil), m.ordering...) }

// RelatedName returns the reverse accessor name of the ForeignKey named
// field: its RelatedName, or Django's default "<model>_set" ("book_set"),
// which is also an inline formset's default prefix.
func (m *Model) RelatedName(field string) (string, error) {
	f, ok := m.Field(field)
	if !ok || f.Type != ForeignKey {
		return "", fmt.Errorf("orm: model %s has no ForeignKey %q", m.name, field)
	}
	if f.RelatedName != "" {
		return f.RelatedName, nil
	}
	return strings.ToLower(m.name) + "_set", nil
}

// ForeignKeysTo returns the model's ForeignKey fields that point at target.
func (m *Model) ForeignKeysTo(target string) []Field {
	var out []Field
	for _, f := range m.fields {
		if f.Type == ForeignKey && f.To == target {
			out = append(out, f)
		}
	}
	return out
}

// DefaultTable is the table name of a model: its lower-cased name.
func DefaultTable(model string) string { return strings.ToLower(model) }

// CamelCaseToSpaces is Django's camel_case_to_spaces, which makes a
// model's default verbose name: "BookReview" → "book review",
// "HTTPResponse" → "http response".
func CamelCaseToSpaces(s string) string {
	// Django: re.sub('(((?<=[a-z])[A-Z])|([A-Z](?![A-Z]|$)))', ' \1', s).strip().lower()
	// A space goes before a capital preceded by a lower-case letter, and
	// before a capital followed by something other than a capital or the end.
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if isASCIIUpper(c) {
			afterLower := i > 0 && isASCIILower(r[i-1])
			nextOK := i+1 < len(r) && !isASCIIUpper(r[i+1])
			if afterLower || nextOK {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(c)
	}
	return strings.ToLower(strings.TrimFunc(b.String(), unicode.IsSpace))
}

func isASCIIUpper(c rune) bool { return 'A' <= c && c <= 'Z' }
func isASCIILower(c rune) bool { return 'a' <= c && c <= 'z' }

// orderColumn resolves one ordering term ("-age") to its field.
func (m *Model) orderColumn(term string) (orderTerm, error) {
	desc := strings.HasPrefix(term, "-")
	name := strings.TrimPrefix(term, "-")
	f, ok := m.Field(name)
	if !ok {
		return orderTerm{}, fmt.Errorf("unknown field %q in order %q", name, term)
	}
	return orderTerm{field: f, desc: desc}, nil
}

type orderTerm struct {
	field Field
	desc  bool
}

// ErrNotFound is returned (wrapped) when no row has the requested id.
var ErrNotFound = errors.New("orm: no such row")

// ErrConstraint is returned (wrapped, along with the database's own error)
// when the database refuses a write because of a unique, foreign-key, not
// null or check constraint.
var ErrConstraint = errors.New("orm: constraint violated")
