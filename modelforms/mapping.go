package modelforms

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/widgets"
)

// FormField returns the form field Django's model field.formfield() makes
// for mf, with its required flag from blank, label from verbose_name,
// initial from default and choices as a TypedChoiceField. A ForeignKey
// becomes a ModelChoiceField over every row of its target in qs.Store;
// qs.Model must be that target. FormField returns nil for the "id"
// AutoField, which has no form field.
func FormField(mf orm.Field, target Queryset) (forms.Field, error) {
	core := forms.FieldCore{
		Optional: mf.Blank,
		Label:    capfirst(mf.VerboseName),
		HelpText: mf.HelpText,
	}
	if mf.HasDefault {
		core.Initial = mf.Default
	}
	if mf.Choices != nil && mf.Type != orm.ForeignKey {
		includeBlank := mf.Blank || !mf.HasDefault
		if mf.Type == orm.BooleanField {
			includeBlank = !mf.HasDefault
		}
		var choices []forms.Choice
		if includeBlank && !blankDefined(mf.Choices) {
			choices = append(choices, forms.Choice{Value: "", Label: DefaultEmptyLabel})
		}
		choices = append(choices, modelChoices(mf.Choices)...)
		f := forms.NewTypedChoiceField(coerceFor(mf), choices...)
		f.FieldCore = core
		f.EmptyNil = mf.Null
		return f, nil
	}
	switch mf.Type {
	case orm.AutoField:
		return nil, nil
	case orm.CharField, orm.TextField:
		f := forms.NewCharField()
		f.FieldCore = core
		f.MaxLength = mf.MaxLength
		f.EmptyNil = mf.Null
		if mf.Type == orm.TextField {
			f.Widget = widgets.NewTextarea(nil)
		}
		return f, nil
	case orm.URLField:
		f := forms.NewURLField()
		f.FieldCore = core
		f.MaxLength = mf.MaxLength
		f.EmptyNil = mf.Null
		return f, nil
	case orm.BigIntegerField, orm.SmallIntegerField, orm.PositiveSmallIntegerField:
		f := forms.NewIntegerField()
		f.FieldCore = core
		switch mf.Type {
		case orm.BigIntegerField:
			f.MinValue, f.MaxValue = new(int64(math.MinInt64)), new(int64(math.MaxInt64))
		case orm.PositiveSmallIntegerField:
			f.MinValue = new(int64(0))
		}
		return f, nil
	case orm.TimeField:
		f := forms.NewTimeField()
		f.FieldCore = core
		return f, nil
	case orm.DateTimeField:
		f := forms.NewDateTimeField()
		f.FieldCore = core
		return f, nil
	case orm.UUIDField:
		f := forms.NewUUIDField()
		f.FieldCore = core
		return f, nil
	case orm.JSONField:
		f := forms.NewJSONField()
		f.FieldCore = core
		return f, nil
	case orm.FileField:
		f := forms.NewFileField()
		f.FieldCore = core
		f.MaxLength = mf.MaxLength
		return f, nil
	case orm.ImageField:
		f := forms.NewImageField()
		f.FieldCore = core
		f.MaxLength = mf.MaxLength
		return f, nil
	case orm.ManyToManyField:
		if target.Model == nil || target.Model.Name() != mf.To {
			return nil, fmt.Errorf("modelforms: field %s: queryset of %s needed for its choices", mf.Name, mf.To)
		}
		f := NewModelMultipleChoiceField(target)
		f.FieldCore = core
		return f, nil
	case orm.EmailField:
		f := forms.NewEmailField()
		f.FieldCore = core
		f.MaxLength = mf.MaxLength
		f.EmptyNil = mf.Null
		return f, nil
	case orm.SlugField:
		f := forms.NewSlugField()
		f.FieldCore = core
		f.MaxLength = mf.MaxLength
		f.EmptyNil = mf.Null
		return f, nil
	case orm.IntegerField, orm.PositiveIntegerField:
		f := forms.NewIntegerField()
		f.FieldCore = core
		if mf.Type == orm.PositiveIntegerField {
			f.MinValue = new(int64(0))
		}
		return f, nil
	case orm.FloatField:
		f := forms.NewFloatField()
		f.FieldCore = core
		return f, nil
	case orm.DecimalField:
		f := forms.NewDecimalField()
		f.FieldCore = core
		f.MaxDigits, f.DecimalPlaces = new(mf.MaxDigits), new(mf.DecimalPlaces)
		return f, nil
	case orm.BooleanField:
		// A checkbox's required means "must be checked", so a model
		// BooleanField is never required in its form.
		core.Optional = true
		if mf.Null {
			f := forms.NewNullBooleanField()
			f.FieldCore = core
			return f, nil
		}
		f := forms.NewBooleanField()
		f.FieldCore = core
		return f, nil
	case orm.DateField:
		f := forms.NewDateField()
		f.FieldCore = core
		return f, nil
	case orm.ForeignKey:
		if target.Model == nil || target.Model.Name() != mf.To {
			return nil, fmt.Errorf("modelforms: field %s: queryset of %s needed for its choices", mf.Name, mf.To)
		}
		f := NewModelChoiceField(target)
		f.FieldCore = core
		f.ToFieldName = mf.ToField
		if f.Required() && core.Initial != nil {
			f.EmptyLabel = nil
		}
		return f, nil
	}
	return nil, fmt.Errorf("modelforms: field %s: no form field for %s", mf.Name, mf.Type)
}

func blankDefined(choices [][2]any) bool {
	for _, c := range choices {
		if group, ok := c[1].([][2]any); ok {
			if blankDefined(group) {
				return true
			}
			continue
		}
		if c[0] == nil || c[0] == "" {
			return true
		}
	}
	return false
}

func modelChoices(choices [][2]any) []forms.Choice {
	out := make([]forms.Choice, 0, len(choices))
	for _, c := range choices {
		if group, ok := c[1].([][2]any); ok {
			out = append(out, forms.Choice{Value: pyfmt.Str(c[0]), Label: pyfmt.Str(c[0]), Group: modelChoices(group)})
			continue
		}
		out = append(out, forms.Choice{Value: c[0], Label: pyfmt.Str(c[1])})
	}
	return out
}

// coerceFor is the model field's to_python, as a TypedChoiceField coerce.
func coerceFor(mf orm.Field) forms.Coerce {
	switch mf.Type {
	case orm.IntegerField, orm.PositiveIntegerField, orm.BigIntegerField, orm.SmallIntegerField, orm.PositiveSmallIntegerField:
		return forms.CoerceInt
	case orm.FloatField:
		return forms.CoerceFloat
	case orm.DecimalField:
		return forms.CoerceDecimal
	case orm.BooleanField:
		return func(s string) (any, error) {
			switch s {
			case "t", "True", "1":
				return true, nil
			case "f", "False", "0":
				return false, nil
			}
			if mf.Null && s == "None" {
				return nil, nil
			}
			return nil, fmt.Errorf("%q is not true or false", s)
		}
	case orm.DateField:
		return func(s string) (any, error) {
			return time.Parse(time.DateOnly, strings.TrimSpace(s))
		}
	}
	return forms.CoerceStr
}
