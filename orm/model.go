// Package orm is the thin table adapter beneath formwork's model forms and
// model formsets: it describes a model's fields the way Django's model
// layer does and stores rows of them in SQLite or PostgreSQL.
//
// It is deliberately small. A Model is an ordered list of typed fields; a
// Row is a map from field name to a Go value (a ManyToManyField's value
// is the sorted ids of its targets, kept in a join table); a Store lists,
// reads, inserts, updates and deletes rows, answers uniqueness questions
// and runs a group of writes atomically. Both backends share one SQL layer, so a
// row written through either reads back with the same Go types and values.
package orm

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/formwork/formwork/internal/pyfmt"
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

	URLField                  FieldType = "URLField"
	BigIntegerField           FieldType = "BigIntegerField"
	SmallIntegerField         FieldType = "SmallIntegerField"
	PositiveSmallIntegerField FieldType = "PositiveSmallIntegerField"
	TimeField                 FieldType = "TimeField"     // a time of day on 0000-01-01 UTC
	DateTimeField             FieldType = "DateTimeField" // a naive date and time, held in UTC
	UUIDField                 FieldType = "UUIDField"     // a canonical lower-case, hyphenated string
	JSONField                 FieldType = "JSONField"     // JSON text (type JSON)
	FileField                 FieldType = "FileField"     // a stored file's name
	ImageField                FieldType = "ImageField"    // a stored file's name
	// ManyToManyField has no column: its value is the sorted []int64 of
	// the target rows' ids, kept in a join table.
	ManyToManyField FieldType = "ManyToManyField"
)

// isString reports whether values of the type are Go strings.
func (t FieldType) isString() bool {
	switch t {
	case CharField, TextField, EmailField, SlugField, URLField, FileField, ImageField:
		return true
	}
	return false
}

// isInteger reports whether values of the type are Go int64s.
func (t FieldType) isInteger() bool {
	switch t {
	case AutoField, IntegerField, PositiveIntegerField, ForeignKey,
		BigIntegerField, SmallIntegerField, PositiveSmallIntegerField:
		return true
	}
	return false
}

// isPositive reports whether the type holds only integers from 0 up.
func (t FieldType) isPositive() bool {
	return t == PositiveIntegerField || t == PositiveSmallIntegerField
}

// isDateLike reports whether values of the type are dates or datetimes,
// the fields unique_for_date and its kin may name.
func (t FieldType) isDateLike() bool { return t == DateField || t == DateTimeField }

func (t FieldType) valid() bool {
	switch t {
	case CharField, TextField, IntegerField, PositiveIntegerField, FloatField,
		DecimalField, BooleanField, DateField, EmailField, SlugField, ForeignKey,
		URLField, BigIntegerField, SmallIntegerField, PositiveSmallIntegerField,
		TimeField, DateTimeField, UUIDField, JSONField, FileField, ImageField, ManyToManyField:
		return true
	}
	return false
}

// Field describes one model field, with Django's model-field arguments.
type Field struct {
	Name string
	Type FieldType
	// To names the target model of a ForeignKey or ManyToManyField.
	To string
	// RelatedName is a ForeignKey's reverse accessor; empty means
	// "<model>_set" (see Model.RelatedName).
	RelatedName string
	// ToField is the target field a ForeignKey stores (Django's
	// to_field); empty means the target's id. The field must be unique.
	ToField string
	// LimitChoicesTo narrows the rows a ForeignKey or ManyToManyField
	// offers in a model form (Django's limit_choices_to), as lookups
	// ("active": true; see ParseFilter).
	LimitChoicesTo map[string]any
	// UniqueForDate, UniqueForMonth and UniqueForYear name a DateField
	// or DateTimeField: no two rows may have the same value of this field
	// on the same day, month or year of that one.
	UniqueForDate  string
	UniqueForMonth string
	UniqueForYear  string
	// UploadTo is the folder a FileField's uploads are stored under.
	UploadTo string

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

	// target is the target field of a ForeignKey with ToField, set when
	// the model is registered.
	target *Field
}

// IsManyToMany reports whether the field is a ManyToManyField.
func (f Field) IsManyToMany() bool { return f.Type == ManyToManyField }

// IsRelation reports whether the field points at another model.
func (f Field) IsRelation() bool { return f.Type == ForeignKey || f.Type == ManyToManyField }

// Target returns the field of the target model a ForeignKey stores: its
// ToField once the model is registered; ok is false for the id.
func (f Field) Target() (Field, bool) {
	if f.target == nil {
		return Field{}, false
	}
	return *f.target, true
}

// valueField is the field whose type a value of f has: the target field
// of a ForeignKey with to_field, else f.
func (f Field) valueField() Field {
	if f.target != nil {
		t := *f.target
		t.Null, t.Name = f.Null, f.Name
		return t
	}
	return f
}

// Editable reports whether model forms include the field.
func (f Field) Editable() bool { return !f.NotEditable }

// Column is the field's column name: Django's attname, which for a
// ForeignKey is "<name>_id".
func (f Field) Column() string {
	switch f.Type {
	case ForeignKey:
		return f.Name + "_id"
	case ManyToManyField:
		return "" // kept in a join table
	}
	return f.Name
}

// Model is a validated, immutable description of one table. Build one
// with NewModel or ModelFromStruct.
type Model struct {
	name           string
	verboseName    string
	table          string
	fields         []Field
	index          map[string]int
	uniqueTogether [][]string
	ordering       []string
	str            string
	// registry is where the model was registered: the models whose
	// relations point at it are found there, for Delete's cascade.
	registry atomic.Pointer[Registry]
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
	// Str is the model's __str__ as a template: "{name} ({sku})", each
	// {FIELD} replaced by the field's value as Python's str() writes it;
	// empty means Django's "Author object (1)". See Model.Str.
	Str string
}

var identRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`) })

// maxIdent keeps every name, and an "_id" column built from it, within
// PostgreSQL's 63-byte identifier limit.
const maxIdent = 60

func checkIdent(kind, name string) error {
	if !identRE().MatchString(name) {
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
	for _, f := range m.fields {
		for kind, other := range map[string]string{"unique_for_date": f.UniqueForDate, "unique_for_month": f.UniqueForMonth, "unique_for_year": f.UniqueForYear} {
			if other == "" {
				continue
			}
			if g, ok := m.Field(other); !ok || !g.Type.isDateLike() {
				return nil, fmt.Errorf("orm: model %s: field %s: %s names %q, which is not a DateField or DateTimeField of the model", def.Name, f.Name, kind, other)
			}
		}
	}
	if err := checkStrTemplate(m, def.Str); err != nil {
		return nil, fmt.Errorf("orm: model %s: str: %w", def.Name, err)
	}
	m.str = def.Str
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
		if g.Column() == f.Column() && f.Column() != "" {
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
	case URLField:
		if f.MaxLength == 0 {
			f.MaxLength = 200
		}
	case FileField, ImageField:
		if f.MaxLength == 0 {
			f.MaxLength = 100
		}
	case ManyToManyField:
		if f.To == "self" {
			f.To = m.name
		}
		if err := checkIdent("ManyToManyField target", f.To); err != nil {
			return fmt.Errorf("field %s: %w", f.Name, err)
		}
		if f.Unique || f.HasDefault || f.Null || f.Choices != nil {
			return fmt.Errorf("field %s: a ManyToManyField takes no unique, default, null or choices", f.Name)
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
	if !f.IsRelation() && (f.To != "" || f.RelatedName != "" || f.LimitChoicesTo != nil) {
		return fmt.Errorf("field %s: to, related_name and limit_choices_to apply only to ForeignKey and ManyToManyField", f.Name)
	}
	if f.Type != ForeignKey && f.ToField != "" {
		return fmt.Errorf("field %s: to_field applies only to ForeignKey", f.Name)
	}
	if f.LimitChoicesTo != nil {
		if _, err := ParseFilter(f.LimitChoicesTo); err != nil {
			return fmt.Errorf("field %s: limit_choices_to: %w", f.Name, err)
		}
	}
	if f.UploadTo != "" && f.Type != FileField && f.Type != ImageField {
		return fmt.Errorf("field %s: upload_to applies only to FileField and ImageField", f.Name)
	}
	if f.UploadTo != "" {
		if clean := path.Clean(strings.ReplaceAll(f.UploadTo, "\\", "/")); strings.HasPrefix(f.UploadTo, "/") || clean == ".." || strings.HasPrefix(clean, "../") {
			return fmt.Errorf("field %s: upload_to %q climbs out of the storage", f.Name, f.UploadTo)
		}
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
	if !ok || !f.IsRelation() {
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
	if f.IsManyToMany() || f.Type == JSONField {
		return orderTerm{}, fmt.Errorf("cannot order by %s %q", f.Type, name)
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

// columns returns the fields stored in the model's own table: every
// field but the many-to-many ones, the "id" primary key first.
func (m *Model) columns() []Field {
	out := make([]Field, 0, len(m.fields))
	for _, f := range m.fields {
		if !f.IsManyToMany() {
			out = append(out, f)
		}
	}
	return out
}

// ManyToMany returns the model's ManyToManyFields in order.
func (m *Model) ManyToMany() []Field {
	var out []Field
	for _, f := range m.fields {
		if f.IsManyToMany() {
			out = append(out, f)
		}
	}
	return out
}

// JoinTable is the table holding a ManyToManyField's pairs, with its
// two columns: Django's "<table>_<field>" with "<model>_id" and
// "<target>_id" ("from_<model>_id" and "to_<model>_id" when the field
// points at its own model).
func (m *Model) JoinTable(f Field) (table, from, to string) {
	src, dst := strings.ToLower(m.name), strings.ToLower(f.To)
	if src == dst {
		src, dst = "from_"+src, "to_"+dst
	}
	return m.table + "_" + f.Name, src + "_id", dst + "_id"
}

// strRE finds the {FIELD} references of a Str template.
var strRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([^{}]*)\}`) })

func checkStrTemplate(m *Model, tpl string) error {
	for _, sub := range strRE().FindAllStringSubmatch(tpl, -1) {
		name := sub[1]
		if name == "pk" {
			continue
		}
		f, ok := m.Field(name)
		if !ok {
			return fmt.Errorf("%q names unknown field %q", tpl, name)
		}
		if f.IsManyToMany() {
			return fmt.Errorf("%q names ManyToManyField %q", tpl, name)
		}
	}
	return nil
}

// Str is the row's __str__: the model's Str template with each {FIELD}
// replaced by the field's value as Python's str() writes it (a foreign
// key: its stored id or to_field value), or Django's default
// "Author object (1)" ("Author object (None)" before it is saved).
func (m *Model) Str(r Row) string {
	if m.str == "" {
		id := "None"
		if n, ok := r.ID(); ok {
			id = fmt.Sprint(n)
		}
		return m.name + " object (" + id + ")"
	}
	return strRE().ReplaceAllStringFunc(m.str, func(ref string) string {
		name := ref[1 : len(ref)-1]
		f, _ := m.Field(name)
		return StrValue(f, r[f.Name])
	})
}

// StrValue is Python's str() of a field's value.
func StrValue(f Field, v any) string {
	if t, ok := v.(time.Time); ok {
		frac := ""
		if us := t.Nanosecond() / 1000; us != 0 {
			frac = fmt.Sprintf(".%06d", us)
		}
		switch f.valueField().Type {
		case DateField:
			return t.Format(time.DateOnly)
		case TimeField:
			return t.Format("15:04:05") + frac
		case DateTimeField:
			return t.Format("2006-01-02 15:04:05") + frac
		}
	}
	if j, ok := v.(JSON); ok {
		return string(j)
	}
	return pyfmt.Str(v)
}
