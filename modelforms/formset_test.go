package modelforms

import (
	"context"
	"errors"
	"net/url"
	"reflect"
	"testing"

	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/orm"
)

func formsetErrors(fs *Formset) ([]map[string][]string, []string) {
	var forms []map[string][]string
	for _, e := range fs.Errors() {
		forms = append(forms, errorsOf(e))
	}
	var nonForm []string
	for _, e := range fs.NonFormErrors().JSON() {
		nonForm = append(nonForm, e.Message+" ["+e.Code+"]")
	}
	return forms, nonForm
}

var (
	ok0  = map[string][]string{}
	dupe = map[string][]string{"__all__": {"Please correct the duplicate values below. []"}}
)

func TestModelFormset(t *testing.T) {
	eachDB(t, func(t *testing.T, fx *fixture) {
		ctx := context.Background()
		byAge, err := orm.ParseFilter(map[string]any{"age__gte": 40})
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			o        FormsetOptions
			opts     []formsets.Option
			filter   orm.Filter
			data     url.Values
			errors   []map[string][]string
			nonForm  []string
			authors  []string // the Author table after Save, when valid
			newCount int
		}{
			{name: "edit_only ignores new rows", o: FormsetOptions{EditOnly: true}, opts: []formsets.Option{formsets.Extra(0)},
				data: values("form-TOTAL_FORMS", "4", "form-INITIAL_FORMS", "3",
					"form-0-id", "1", "form-0-name", "Ann", "form-0-age", "31",
					"form-1-id", "2", "form-1-name", "Bob", "form-2-id", "3", "form-2-name", "Cy", "form-2-age", "51",
					"form-3-name", "Dan", "form-3-age", "5"),
				errors:  []map[string][]string{ok0, ok0, ok0, ok0},
				authors: []string{"id=1,name=Ann,age=31", "id=2,name=Bob,age=<nil>", "id=3,name=Cy,age=51"}},
			{name: "pk outside the queryset touches nothing", o: FormsetOptions{EditOnly: true}, opts: []formsets.Option{formsets.Extra(0)},
				filter:  byAge,
				data:    values("form-TOTAL_FORMS", "1", "form-INITIAL_FORMS", "1", "form-0-id", "1", "form-0-name", "Hijacked", "form-0-age", "99"),
				errors:  []map[string][]string{ok0},
				authors: []string{"id=1,name=Ann,age=30", "id=2,name=Bob,age=<nil>", "id=3,name=Cy,age=51"}},
			{name: "pk outside the table", opts: []formsets.Option{formsets.Extra(0)},
				data:   values("form-TOTAL_FORMS", "1", "form-INITIAL_FORMS", "1", "form-0-id", "99", "form-0-name", "X"),
				errors: []map[string][]string{{"id": {"Select a valid choice. That choice is not one of the available choices. [invalid_choice]"}}}},
			{name: "duplicates between forms", opts: []formsets.Option{formsets.Extra(2)},
				data: values("form-TOTAL_FORMS", "3", "form-INITIAL_FORMS", "1", "form-0-id", "1", "form-0-name", "Ann", "form-0-age", "30",
					"form-1-name", "Zed", "form-2-name", "Zed"),
				errors:  []map[string][]string{ok0, ok0, dupe},
				nonForm: []string{"Please correct the duplicate data for name. []"}},
			{name: "duplicate of a row in the database", opts: []formsets.Option{formsets.Extra(1)},
				data:   values("form-TOTAL_FORMS", "1", "form-INITIAL_FORMS", "0", "form-0-name", "Bob"),
				errors: []map[string][]string{{"name": {"Author with this Name already exists. [unique]"}}}},
			{name: "create, change and delete", opts: []formsets.Option{formsets.Extra(1), formsets.CanDelete(true)},
				data: values("form-TOTAL_FORMS", "4", "form-INITIAL_FORMS", "3",
					"form-0-id", "1", "form-0-name", "Ann", "form-0-age", "30",
					"form-1-id", "2", "form-1-name", "Bobby", "form-2-id", "3", "form-2-name", "Cy", "form-2-age", "51", "form-2-DELETE", "on",
					"form-3-name", "Dan"),
				errors:   []map[string][]string{ok0, ok0, ok0},
				authors:  []string{"id=1,name=Ann,age=30", "id=2,name=Bobby,age=<nil>", "id=4,name=Dan,age=<nil>"},
				newCount: 1},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				d, err := DeclareFormset(Meta{Model: fx.author, Fields: []string{"name", "age"}}, c.o, c.opts...)
				if err != nil {
					t.Fatal(err)
				}
				rollback := errors.New("rollback")
				err = fx.db.InTx(ctx, func(s orm.Store) error {
					fs, err := d.Bind(ctx, s, c.data, nil, FormsetArgs{Filter: c.filter})
					if err != nil {
						t.Fatal(err)
					}
					gotErrs, gotNon := formsetErrors(fs)
					if !reflect.DeepEqual(gotErrs, c.errors) || !reflect.DeepEqual(gotNon, c.nonForm) {
						t.Errorf("errors = %v %v, want %v %v", gotErrs, gotNon, c.errors, c.nonForm)
					}
					if c.authors == nil {
						if fs.IsValid() {
							t.Error("formset is valid")
						}
						if _, err := fs.Save(ctx, true); err == nil {
							t.Error("Save of an invalid formset succeeded")
						}
						return rollback
					}
					if _, err := fs.Save(ctx, true); err != nil {
						t.Fatal(err)
					}
					if len(fs.NewObjects) != c.newCount {
						t.Errorf("NewObjects = %v, want %d", fs.NewObjects, c.newCount)
					}
					if got := rowsIn(t, s, fx.author); !reflect.DeepEqual(got, c.authors) {
						t.Errorf("after Save:\n got %q\nwant %q", got, c.authors)
					}
					return rollback
				})
				if !errors.Is(err, rollback) {
					t.Fatal(err)
				}
			})
		}
	})
}

func rowsIn(t *testing.T, s orm.Store, m *orm.Model) []string {
	t.Helper()
	rows, err := s.List(context.Background(), m, orm.Filter{}, "id")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, rowString(m, r))
	}
	return out
}

func TestInlineFormset(t *testing.T) {
	eachDB(t, func(t *testing.T, fx *fixture) {
		ctx := context.Background()
		d, err := DeclareInlineFormset(fx.author, Meta{Model: fx.book, Fields: []string{"title", "price"}, Registry: fx.reg}, FormsetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Formsets().Prefix; got != "book_set" {
			t.Errorf("prefix = %q, want book_set", got)
		}
		parent := fx.get(t, fx.author, 1)
		cases := []struct {
			name    string
			data    url.Values
			errors  []map[string][]string
			nonForm []string
			books   []string
		}{
			{name: "duplicates between forms",
				data: values("book_set-TOTAL_FORMS", "2", "book_set-INITIAL_FORMS", "0",
					"book_set-0-title", "New", "book_set-0-price", "1", "book_set-1-title", "New", "book_set-1-price", "2"),
				errors:  []map[string][]string{ok0, dupe},
				nonForm: []string{"Please correct the duplicate data for title. []"}},
			{name: "another parent's id",
				data: values("book_set-TOTAL_FORMS", "1", "book_set-INITIAL_FORMS", "0",
					"book_set-0-title", "New", "book_set-0-price", "1", "book_set-0-author", "2"),
				errors: []map[string][]string{{"author": {"The inline value did not match the parent instance. [invalid_choice]"}}}},
			{name: "duplicate of a row in the database",
				data:   values("book_set-TOTAL_FORMS", "1", "book_set-INITIAL_FORMS", "0", "book_set-0-title", "First", "book_set-0-price", "1"),
				errors: []map[string][]string{{"__all__": {"Book with this Author and Title already exists. [unique_together]"}}}},
			{name: "create under the parent",
				data: values("book_set-TOTAL_FORMS", "3", "book_set-INITIAL_FORMS", "2",
					"book_set-0-id", "1", "book_set-0-title", "First", "book_set-0-price", "9.99",
					"book_set-1-id", "2", "book_set-1-title", "Second", "book_set-1-price", "12.50", "book_set-1-DELETE", "on",
					"book_set-2-title", "Third", "book_set-2-price", "3"),
				errors: []map[string][]string{ok0, ok0},
				books:  []string{"id=1,author=1,title=First,price=map[$decimal:9.99]", "id=3,author=1,title=Third,price=map[$decimal:3.00]"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				rollback := errors.New("rollback")
				err := fx.db.InTx(ctx, func(s orm.Store) error {
					fs, err := d.Bind(ctx, s, c.data, nil, FormsetArgs{Parent: parent})
					if err != nil {
						t.Fatal(err)
					}
					gotErrs, gotNon := formsetErrors(fs)
					if !reflect.DeepEqual(gotErrs, c.errors) || !reflect.DeepEqual(gotNon, c.nonForm) {
						t.Errorf("errors = %v %v, want %v %v", gotErrs, gotNon, c.errors, c.nonForm)
					}
					if c.books == nil {
						return rollback
					}
					if _, err := fs.Save(ctx, true); err != nil {
						t.Fatal(err)
					}
					if got := rowsIn(t, s, fx.book); !reflect.DeepEqual(got, c.books) {
						t.Errorf("after Save:\n got %q\nwant %q", got, c.books)
					}
					return rollback
				})
				if !errors.Is(err, rollback) {
					t.Fatal(err)
				}
			})
		}
	})
}

// TestSaveIsAtomic makes the second write of a Save fail (a row with the
// same unique name appears between validation and Save): nothing of the
// Save may stay, not even the first write.
func TestSaveIsAtomic(t *testing.T) {
	eachDB(t, func(t *testing.T, fx *fixture) {
		ctx := context.Background()
		d, err := DeclareFormset(Meta{Model: fx.author, Fields: []string{"name", "age"}}, FormsetOptions{}, formsets.Extra(1))
		if err != nil {
			t.Fatal(err)
		}
		data := values("form-TOTAL_FORMS", "4", "form-INITIAL_FORMS", "3",
			"form-0-id", "1", "form-0-name", "Ann", "form-0-age", "77",
			"form-1-id", "2", "form-1-name", "Bob", "form-2-id", "3", "form-2-name", "Cy", "form-2-age", "51",
			"form-3-name", "Dan")
		fs, err := d.Bind(ctx, fx.db, data, nil, FormsetArgs{})
		if err != nil {
			t.Fatal(err)
		}
		if !fs.IsValid() {
			t.Fatalf("invalid: %v", fs.Errors())
		}
		if _, err := fx.db.Insert(ctx, fx.author, orm.Row{"name": "Dan"}); err != nil {
			t.Fatal(err)
		}
		before := fx.rows(t, fx.author)
		_, err = fs.Save(ctx, true)
		if !errors.Is(err, orm.ErrConstraint) {
			t.Fatalf("Save = %v, want an orm.ErrConstraint", err)
		}
		if after := fx.rows(t, fx.author); !reflect.DeepEqual(after, before) {
			t.Errorf("a failed Save changed the table:\n got %q\nwant %q", after, before)
		}
		if fs.NewObjects != nil || fs.ChangedObjects != nil {
			t.Errorf("a failed Save reports objects: %v %v", fs.NewObjects, fs.ChangedObjects)
		}
	})
}

func TestUnboundFormset(t *testing.T) {
	eachDB(t, func(t *testing.T, fx *fixture) {
		ctx := context.Background()
		d, err := DeclareFormset(Meta{Model: fx.author, Fields: []string{"name"}}, FormsetOptions{}, formsets.Extra(2))
		if err != nil {
			t.Fatal(err)
		}
		fs, err := d.New(ctx, fx.db, FormsetArgs{Order: []string{"-name"}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := []int{fs.InitialFormCount(), fs.TotalFormCount()}, []int{3, 5}; !reflect.DeepEqual(got, want) {
			t.Errorf("initial, total = %v, want %v", got, want)
		}
		var got []any
		for _, f := range fs.InitialForms() {
			got = append(got, f.Field("id").Value(), f.Field("name").Value())
		}
		want := []any{int64(3), "Cy", int64(2), "Bob", int64(1), "Ann"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("initial forms show %v, want %v", got, want)
		}
	})
}
