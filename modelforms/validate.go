package modelforms

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/pyval"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/validators"
)

// cleanFields is Django's Model.clean_fields: each field not excluded is
// checked for null, blank, choices and max_length.
func cleanFields(inst *Instance, exclude map[string]bool) fieldErrors {
	var errs fieldErrors
	for _, f := range inst.Model.Fields() {
		if exclude[f.Name] || f.Type == orm.AutoField || f.IsManyToMany() {
			continue
		}
		raw := inst.Row[f.Name]
		empty := forms.IsEmpty(raw)
		if f.Blank && empty {
			continue
		}
		if err := validateField(f, raw, empty); err != nil {
			errs.add(f.Name, err)
		}
	}
	return errs
}

func validateField(f orm.Field, raw any, empty bool) *validators.ValidationError {
	if !f.Editable() {
		return nil
	}
	if f.Choices != nil && !empty && !inChoices(f.Choices, raw) {
		return validators.NewError("Value %(value)r is not a valid choice.", "invalid_choice", map[string]any{"value": raw})
	}
	if raw == nil && !f.Null {
		return validators.NewError("This field cannot be null.", "null", nil)
	}
	if !f.Blank && empty {
		return validators.NewError("This field cannot be blank.", "blank", nil)
	}
	if empty {
		return nil
	}
	if s, ok := raw.(string); ok && f.MaxLength > 0 {
		if n := utf8.RuneCountInString(s); n > f.MaxLength {
			return validators.NewError("Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
				"max_length", map[string]any{"limit_value": f.MaxLength, "show_value": n})
		}
	}
	return nil
}

// storableErrors checks that each integer field not excluded fits in
// SQLite's 64-bit INTEGER. Django 4.2 gives SQLite's integer fields no
// range validators, so a form with other errors shows none for them;
// saving one that does not fit raises OverflowError, a server error.
// formwork reports it as the field's error instead, where Django would
// save: only when the form has no other error (postClean).
func storableErrors(inst *Instance, exclude map[string]bool) fieldErrors {
	var errs fieldErrors
	for _, f := range inst.Model.Fields() {
		if exclude[f.Name] || !f.Editable() {
			continue
		}
		if raw := inst.Row[f.Name]; !forms.IsEmpty(raw) {
			if err := storableInteger(f, raw); err != nil {
				errs.add(f.Name, err)
			}
		}
	}
	return errs
}

func storableInteger(f orm.Field, raw any) *validators.ValidationError {
	var lo, hi int64
	switch f.Type {
	case orm.IntegerField, orm.SmallIntegerField, orm.BigIntegerField:
		lo, hi = math.MinInt64, math.MaxInt64
	case orm.PositiveIntegerField, orm.PositiveSmallIntegerField:
		lo, hi = 0, math.MaxInt64
	default:
		return nil
	}
	var n decimal.Decimal
	switch x := raw.(type) {
	case int64:
		n = decimal.NewFromInt(x)
	case decimal.Decimal:
		n = x
	case *big.Int:
		n = decimal.NewFromBigInt(x, 0)
	default:
		return nil
	}
	if n.LessThan(decimal.NewFromInt(lo)) {
		return validators.NewError("Ensure this value is greater than or equal to %(limit_value)s.", "min_value", map[string]any{"limit_value": lo})
	}
	if n.GreaterThan(decimal.NewFromInt(hi)) {
		return validators.NewError("Ensure this value is less than or equal to %(limit_value)s.", "max_value", map[string]any{"limit_value": hi})
	}
	return nil
}

func inChoices(choices [][2]any, v any) bool {
	for _, c := range choices {
		if group, ok := c[1].([][2]any); ok {
			if inChoices(group, v) {
				return true
			}
			continue
		}
		if pyval.Equal(c[0], v) {
			return true
		}
	}
	return false
}

// uniqueChecks is Django's Model._get_unique_checks: the unique_together
// groups, then the unique fields (the "id" primary key first), leaving
// out any check that names an excluded field.
func uniqueChecks(m *orm.Model, exclude map[string]bool) [][]string {
	var out [][]string
groups:
	for _, g := range m.UniqueTogether() {
		for _, name := range g {
			if exclude[name] {
				continue groups
			}
		}
		out = append(out, g)
	}
	for _, f := range m.Fields() {
		if (f.Unique || f.PrimaryKey) && !exclude[f.Name] {
			out = append(out, []string{f.Name})
		}
	}
	return out
}

// validateUnique is Django's Model.validate_unique against the database:
// for each check whose values are all set, is there another row with the
// same values?
func validateUnique(ctx context.Context, s orm.Store, inst *Instance, exclude map[string]bool, t validators.Translator) (fieldErrors, error) {
	var errs fieldErrors
	m := inst.Model
	selfID, saved := inst.PK()
checks:
	for _, check := range uniqueChecks(m, exclude) {
		lookup := map[string]any{}
		for _, name := range check {
			f, _ := m.Field(name)
			v := inst.Row[name]
			if v == nil || (f.PrimaryKey && saved) {
				continue checks
			}
			lookup[name] = v
		}
		filter, err := orm.ParseFilter(lookup)
		if err != nil {
			return errs, fmt.Errorf("modelforms: unique check on %s: %w", m.Name(), err)
		}
		if s == nil {
			return errs, fmt.Errorf("modelforms: unique check on %s without a Store", m.Name())
		}
		var excludeID int64
		if saved {
			excludeID = selfID
		}
		taken, err := s.Exists(ctx, m, filter, excludeID)
		if err != nil {
			return errs, fmt.Errorf("modelforms: unique check on %s: %w", m.Name(), err)
		}
		if !taken {
			continue
		}
		key := ""
		if len(check) == 1 {
			key = check[0]
		}
		errs.add(key, uniqueError(m, check, t))
	}
	if err := validateDates(ctx, s, inst, exclude, &errs); err != nil {
		return errs, err
	}
	return errs, nil
}

// validateDates is Django's _perform_date_checks: a field with
// unique_for_date (_month, _year) must not repeat its value among the
// rows whose date field falls on the same day (month, year).
func validateDates(ctx context.Context, s orm.Store, inst *Instance, exclude map[string]bool, errs *fieldErrors) error {
	m := inst.Model
	selfID, saved := inst.PK()
	for _, f := range m.Fields() {
		if exclude[f.Name] {
			continue
		}
		for _, c := range []struct{ kind, dateField string }{{"date", f.UniqueForDate}, {"year", f.UniqueForYear}, {"month", f.UniqueForMonth}} {
			if c.dateField == "" || exclude[c.dateField] {
				continue
			}
			t, ok := inst.Row[c.dateField].(time.Time)
			if !ok {
				continue // None: no check
			}
			// Django's lookups: day, month and year for "date"; only the
			// month (of any year) for "month"; the year for "year".
			lookup := map[string]any{f.Name: inst.Row[f.Name]}
			switch c.kind {
			case "date":
				lookup[c.dateField+"__day"] = int64(t.Day())
				lookup[c.dateField+"__month"] = int64(t.Month())
				lookup[c.dateField+"__year"] = int64(t.Year())
			case "month":
				lookup[c.dateField+"__month"] = int64(t.Month())
			default:
				lookup[c.dateField+"__year"] = int64(t.Year())
			}
			filter, err := orm.ParseFilter(lookup)
			if err != nil {
				return fmt.Errorf("modelforms: %s check on %s: %w", c.kind, m.Name(), err)
			}
			var excludeID int64
			if saved {
				excludeID = selfID
			}
			taken, err := s.Exists(ctx, m, filter, excludeID)
			if err != nil {
				return fmt.Errorf("modelforms: unique_for_%s check on %s: %w", c.kind, m.Name(), err)
			}
			if taken {
				df, _ := m.Field(c.dateField)
				errs.add(f.Name, validators.NewError("%(field_label)s must be unique for %(date_field_label)s %(lookup_type)s.", "unique_for_date", map[string]any{
					"model_name": capfirst(m.VerboseName()), "lookup_type": c.kind, "field": f.Name,
					"field_label": capfirst(f.VerboseName), "date_field": c.dateField, "date_field_label": capfirst(df.VerboseName),
				}))
			}
		}
	}
	return nil
}

// uniqueError is Django's Model.unique_error_message.
func uniqueError(m *orm.Model, check []string, t validators.Translator) *validators.ValidationError {
	params := map[string]any{"model_name": capfirst(m.VerboseName())}
	if len(check) == 1 {
		f, _ := m.Field(check[0])
		params["field_label"] = capfirst(f.VerboseName)
		return validators.NewError("%(model_name)s with this %(field_label)s already exists.", "unique", params)
	}
	labels := make([]string, len(check))
	for i, name := range check {
		f, _ := m.Field(name)
		labels[i] = capfirst(f.VerboseName)
	}
	params["field_labels"] = textList(t, labels, "and")
	return validators.NewError("%(model_name)s with this %(field_labels)s already exists.", "unique_together", params)
}
