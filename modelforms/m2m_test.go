package modelforms

import (
	"context"
	"github.com/formwork/formwork/internal/specreg"
	"io"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/storage"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// The blog models: tags in slug order, articles with an author limited
// to active writers and any number of unarchived tags. Expected values
// are Django 4.2's over the same models.
var blogModels = `[
 {"name": "Writer", "str": "{name}", "ordering": ["name"], "fields": [
   {"name": "name", "type": "CharField", "max_length": 40},
   {"name": "active", "type": "BooleanField", "default": true}],
  "rows": [{"name": "Ada"}, {"name": "Brian", "active": false}, {"name": "Chen"}]},
 {"name": "Tag", "str": "#{slug}", "ordering": ["slug"], "fields": [
   {"name": "slug", "type": "SlugField", "max_length": 20, "unique": true},
   {"name": "archived", "type": "BooleanField", "default": false}],
  "rows": [{"slug": "python"}, {"slug": "go"}, {"slug": "legacy", "archived": true}, {"slug": "web"}]},
 {"name": "Article", "str": "{title}", "fields": [
   {"name": "title", "type": "CharField", "max_length": 80},
   {"name": "author", "type": "ForeignKey", "to": "Writer", "limit_choices_to": {"active": true}},
   {"name": "tags", "type": "ManyToManyField", "to": "Tag", "blank": true, "limit_choices_to": {"archived": false}},
   {"name": "published", "type": "DateField", "null": true, "blank": true}],
  "rows": [{"title": "Hello Go", "author": 1, "tags": [2, 4]}, {"title": "Old notes", "author": 2, "tags": [3]}]},
 {"name": "Post", "fields": [
   {"name": "pub", "type": "DateField", "verbose_name": "publication date"},
   {"name": "title", "type": "CharField", "max_length": 40, "unique_for_month": "pub"},
   {"name": "slug", "type": "SlugField", "max_length": 40, "unique_for_year": "pub"},
   {"name": "headline", "type": "CharField", "max_length": 40, "unique_for_date": "pub", "blank": true}],
  "rows": [{"pub": {"$date": "2024-03-10"}, "title": "Spring", "slug": "spring", "headline": "Buds"}]},
 {"name": "Report", "fields": [
   {"name": "name", "type": "CharField", "max_length": 40},
   {"name": "pdf", "type": "FileField", "upload_to": "reports/", "blank": true}],
  "rows": [{"name": "Q1", "pdf": "reports/q1.pdf"}]}
]`

type blog struct {
	db                                 *orm.DB
	reg                                *orm.Registry
	writer, tag, article, post, report *orm.Model
}

func eachBlog(t *testing.T, fn func(t *testing.T, b *blog)) {
	eachStore(t, func(t *testing.T, db *orm.DB) {
		b := &blog{db: db, reg: &orm.Registry{}}
		if _, err := specreg.LoadModels(context.Background(), db, b.reg, jsonDecode(t, blogModels).([]any)); err != nil {
			t.Fatal(err)
		}
		b.writer, _ = b.reg.Lookup("Writer")
		b.tag, _ = b.reg.Lookup("Tag")
		b.article, _ = b.reg.Lookup("Article")
		b.post, _ = b.reg.Lookup("Post")
		b.report, _ = b.reg.Lookup("Report")
		fn(t, b)
	})
}

func ids(t *testing.T, v any) []int64 {
	t.Helper()
	l, ok := v.([]any)
	if !ok {
		t.Fatalf("cleaned value %#v is not a list", v)
	}
	out := []int64{}
	for _, e := range l {
		id, _ := e.(*Instance).PK()
		out = append(out, id)
	}
	return out
}

func TestModelMultipleChoiceFieldClean(t *testing.T) {
	eachBlog(t, func(t *testing.T, b *blog) {
		qs := Queryset{Store: b.db, Model: b.tag}
		unarchived, err := orm.ParseFilter(map[string]any{"archived": false})
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name     string
			field    func() *ModelMultipleChoiceField
			value    any
			want     []int64 // cleaned ids, in the model's ordering
			wantErr  string
			wantCode string
		}{
			{name: "ordering, not submission", value: []string{"4", "1", "2"}, want: []int64{2, 1, 4}},
			{name: "repeats once", value: []string{"1", "1"}, want: []int64{1}},
			{name: "spaces as int()", value: []string{" 3 "}, want: []int64{3}},
			{name: "not an id", value: []string{"1", "abc"}, wantErr: "“abc” is not a valid value.", wantCode: "invalid_pk_value"},
			{name: "no such row", value: []string{"2", "9"}, wantErr: "Select a valid choice. 9 is not one of the available choices.", wantCode: "invalid_choice"},
			{name: "required", value: []string{}, wantErr: "This field is required.", wantCode: "required"},
			{name: "optional empty", value: nil, want: []int64{}, field: func() *ModelMultipleChoiceField {
				f := NewModelMultipleChoiceField(qs)
				f.Optional = true
				return f
			}},
			{name: "outside the filter", value: []string{"3"}, wantErr: "Select a valid choice. 3 is not one of the available choices.", wantCode: "invalid_choice",
				field: func() *ModelMultipleChoiceField {
					return NewModelMultipleChoiceField(Queryset{Store: b.db, Model: b.tag, Filter: unarchived})
				}},
			{name: "to_field_name", value: []string{"web", "go"}, want: []int64{2, 4}, field: func() *ModelMultipleChoiceField {
				f := NewModelMultipleChoiceField(qs)
				f.ToFieldName = "slug"
				return f
			}},
			{name: "to_field_name unknown value", value: []string{"rust"}, wantErr: "Select a valid choice. rust is not one of the available choices.",
				wantCode: "invalid_choice", field: func() *ModelMultipleChoiceField {
					f := NewModelMultipleChoiceField(qs)
					f.ToFieldName = "slug"
					return f
				}},
			{name: "custom message", value: []string{"x"}, wantErr: "Bad: x", wantCode: "invalid_pk_value", field: func() *ModelMultipleChoiceField {
				f := NewModelMultipleChoiceField(qs)
				f.ErrorMessages = map[string]string{"invalid_pk_value": "Bad: %(pk)s"}
				return f
			}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				f := NewModelMultipleChoiceField(qs)
				if tc.field != nil {
					f = tc.field()
				}
				var value any = tc.value
				if l, ok := tc.value.([]string); ok {
					value = l
				}
				got, err := forms.Clean(f, value)
				if tc.wantErr != "" {
					ve, ok := err.(interface{ Messages() []string })
					if err == nil || !ok {
						t.Fatalf("Clean(%v) = %v, %v; want error %q", tc.value, got, err, tc.wantErr)
					}
					if msgs := ve.Messages(); len(msgs) != 1 || msgs[0] != tc.wantErr {
						t.Errorf("messages %q, want %q", msgs, tc.wantErr)
					}
					if code := errorCode(err); code != tc.wantCode {
						t.Errorf("code %q, want %q", code, tc.wantCode)
					}
					return
				}
				if err != nil {
					t.Fatalf("Clean(%v): %v", tc.value, err)
				}
				if g := ids(t, got); !reflect.DeepEqual(g, tc.want) {
					t.Errorf("Clean(%v) = ids %v, want %v", tc.value, g, tc.want)
				}
			})
		}
	})
}

func TestModelMultipleChoiceFieldRender(t *testing.T) {
	eachBlog(t, func(t *testing.T, b *blog) {
		d := forms.MustDeclare(forms.Named("tags", NewModelMultipleChoiceField(Queryset{Store: b.db, Model: b.tag})))
		f := d.New(forms.Options{Initial: map[string]any{"tags": []any{int64(4), int64(2)}}})
		h, err := f.Field("tags").HTML()
		if err != nil {
			t.Fatal(err)
		}
		want := `<select name="tags" required id="id_tags" multiple>
  <option value="2" selected>#go</option>
  <option value="3">#legacy</option>
  <option value="1">#python</option>
  <option value="4" selected>#web</option>
</select>`
		assertHTML(t, string(h), want)
		// has_changed compares the sets of ids, whatever their order.
		bound := d.Bind(url.Values{"tags": {"2", "4"}}, nil, forms.Options{Initial: map[string]any{"tags": []any{int64(4), int64(2)}}})
		if bound.HasChanged() {
			t.Error("the same tags in another order count as changed")
		}
		bound = d.Bind(url.Values{"tags": {"2"}}, nil, forms.Options{Initial: map[string]any{"tags": []any{int64(4), int64(2)}}})
		if !bound.HasChanged() {
			t.Error("dropping a tag does not count as changed")
		}
	})
}

func articleForm(t *testing.T, b *blog, fields ...string) *Declaration {
	t.Helper()
	d, err := Declare(Meta{Model: b.article, Fields: fields, Registry: b.reg})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestModelFormManyToManySave(t *testing.T) {
	eachBlog(t, func(t *testing.T, b *blog) {
		ctx := context.Background()
		d := articleForm(t, b, "title", "author", "tags")
		// Create: the row, then its tags.
		f := d.Bind(ctx, b.db, url.Values{"title": {"New"}, "author": {"3"}, "tags": {"4", "1"}}, nil, Options{})
		if !f.IsValid() {
			t.Fatalf("errors: %v", f.Errors().JSON())
		}
		if got := ids(t, f.CleanedData()["tags"]); !reflect.DeepEqual(got, []int64{1, 4}) {
			t.Errorf("cleaned tags %v, want [1 4] (slug order: python, web)", got)
		}
		inst, err := f.Save(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := inst.Row["tags"]; !reflect.DeepEqual(got, []int64{1, 4}) {
			t.Errorf("instance tags after save %#v, want [1 4]", got)
		}
		id, _ := inst.PK()
		row, err := b.db.Get(ctx, b.article, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := row["tags"]; !reflect.DeepEqual(got, []int64{1, 4}) {
			t.Errorf("stored tags %v, want [1 4]", got)
		}
		// Edit: replace, then clear (no "tags" submitted).
		for _, tc := range []struct {
			data url.Values
			want []int64
		}{
			{url.Values{"title": {"Hello Go"}, "author": {"1"}, "tags": {"2"}}, []int64{2}},
			{url.Values{"title": {"Hello Go"}, "author": {"1"}}, []int64{}},
		} {
			row, _ := b.db.Get(ctx, b.article, 1)
			f := d.Bind(ctx, b.db, tc.data, nil, Options{Instance: &Instance{Model: b.article, Row: row}})
			if _, err := f.Save(ctx, true); err != nil {
				t.Fatalf("save %v: %v", tc.data, err)
			}
			row, _ = b.db.Get(ctx, b.article, 1)
			if !reflect.DeepEqual(row["tags"], tc.want) {
				t.Errorf("after %v: tags %v, want %v", tc.data, row["tags"], tc.want)
			}
		}
		// limit_choices_to narrows the model form's choices.
		f = d.Bind(ctx, b.db, url.Values{"title": {"X"}, "author": {"2"}, "tags": {"3"}}, nil, Options{})
		if f.IsValid() {
			t.Fatal("an inactive author and an archived tag were accepted")
		}
		got := f.Errors().JSON()
		if m := got["author"]; len(m) != 1 || m[0].Message != invalidModelChoice {
			t.Errorf("author errors %v", m)
		}
		if m := got["tags"]; len(m) != 1 || m[0].Message != "Select a valid choice. 3 is not one of the available choices." {
			t.Errorf("tags errors %v", m)
		}
	})
}

func TestModelFormSaveAtomic(t *testing.T) {
	eachBlog(t, func(t *testing.T, b *blog) {
		ctx := context.Background()
		d := articleForm(t, b, "title", "author", "tags")
		f := d.Bind(ctx, b.db, url.Values{"title": {"Doomed"}, "author": {"1"}, "tags": {"1"}}, nil, Options{})
		if !f.IsValid() {
			t.Fatalf("errors: %v", f.Errors().JSON())
		}
		// The tag goes away between validation and save: the join row's
		// foreign key fails, and the article must not stay behind.
		if err := b.db.Delete(ctx, b.tag, 1); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Save(ctx, true); err == nil {
			t.Fatal("saving tags that no longer exist succeeded")
		}
		if !f.Instance().Adding() {
			t.Error("the instance keeps the id of a rolled-back insert")
		}
		rows, err := b.db.List(ctx, b.article, orm.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Errorf("%d articles after a failed save, want 2", len(rows))
		}
	})
}

func TestModelFormUniqueForDate(t *testing.T) {
	eachBlog(t, func(t *testing.T, b *blog) {
		ctx := context.Background()
		d, err := Declare(Meta{Model: b.post, Registry: b.reg})
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			data url.Values
			edit bool
			want map[string]string // field → message; code is always unique_for_date
		}{
			{"month of any year", url.Values{"pub": {"2025-03-01"}, "title": {"Spring"}, "slug": {"s2"}}, false,
				map[string]string{"title": "Title must be unique for Publication date month."}},
			{"same year", url.Values{"pub": {"2024-12-31"}, "title": {"Winter"}, "slug": {"spring"}}, false,
				map[string]string{"slug": "Slug must be unique for Publication date year."}},
			{"same day", url.Values{"pub": {"2024-03-10"}, "title": {"Other"}, "slug": {"other"}, "headline": {"Buds"}}, false,
				map[string]string{"headline": "Headline must be unique for Publication date date."}},
			{"another day", url.Values{"pub": {"2024-04-10"}, "title": {"Other"}, "slug": {"other"}, "headline": {"Buds"}}, false, nil},
			{"the row itself", url.Values{"pub": {"2024-03-10"}, "title": {"Spring"}, "slug": {"spring"}, "headline": {"Buds"}}, true, nil},
			{"no date, no check", url.Values{"pub": {"soon"}, "title": {"Spring"}, "slug": {"spring"}}, false, nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				opts := Options{}
				if tc.edit {
					row, err := b.db.Get(ctx, b.post, 1)
					if err != nil {
						t.Fatal(err)
					}
					opts.Instance = &Instance{Model: b.post, Row: row}
				}
				f := d.Bind(ctx, b.db, tc.data, nil, opts)
				f.IsValid()
				errs := f.Errors().JSON()
				for field, msg := range tc.want {
					if l := errs[field]; len(l) != 1 || l[0].Message != msg || l[0].Code != "unique_for_date" {
						t.Errorf("%s errors %v, want %q (unique_for_date)", field, l, msg)
					}
				}
				for field, l := range errs {
					if _, ok := tc.want[field]; !ok && field != "pub" {
						t.Errorf("unexpected errors on %s: %v", field, l)
					}
				}
			})
		}
	})
}

func TestModelFormFiles(t *testing.T) {
	eachBlog(t, func(t *testing.T, b *blog) {
		ctx := context.Background()
		st := &storage.Memory{}
		d, err := Declare(Meta{Model: b.report, Registry: b.reg, Storage: st})
		if err != nil {
			t.Fatal(err)
		}
		row, _ := b.db.Get(ctx, b.report, 1)
		unbound := d.New(ctx, b.db, Options{Instance: &Instance{Model: b.report, Row: row}})
		h, err := unbound.Field("pdf").HTML()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(h), `Currently: <a href="/media/reports/q1.pdf">reports/q1.pdf</a>`) {
			t.Errorf("no link to the stored file in %s", h)
		}
		body := "%PDF-1.7"
		up := &widgets.UploadedFile{Name: "final plan!.pdf", Size: int64(len(body)), ContentType: "application/pdf",
			Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(body)), nil }}
		for _, tc := range []struct {
			name  string
			data  url.Values
			files widgets.Files
			want  string
		}{
			{"upload", url.Values{"name": {"Q1"}}, widgets.Files{"pdf": {up}}, "reports/final_plan.pdf"},
			{"kept", url.Values{"name": {"Q1 bis"}}, nil, "reports/final_plan.pdf"},
			{"cleared", url.Values{"name": {"Q1"}, "pdf-clear": {"on"}}, nil, ""},
		} {
			row, _ := b.db.Get(ctx, b.report, 1)
			f := d.Bind(ctx, b.db, tc.data, tc.files, Options{Instance: &Instance{Model: b.report, Row: row}})
			if _, err := f.Save(ctx, true); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			row, _ = b.db.Get(ctx, b.report, 1)
			if row["pdf"] != tc.want {
				t.Errorf("%s: pdf %q, want %q", tc.name, row["pdf"], tc.want)
			}
		}
		r, err := st.Open("reports/final_plan.pdf")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if string(got) != body {
			t.Errorf("stored content %q, want %q", got, body)
		}
	})
}

func errorCode(err error) string {
	ve, ok := err.(*validators.ValidationError)
	if !ok {
		return ""
	}
	if flat := ve.Flatten(); len(flat) > 0 {
		return flat[0].Code
	}
	return ve.Code
}

func assertHTML(t *testing.T, got, want string) {
	t.Helper()
	if !htmlcmp.Equal(got, want, htmlcmp.Options{}) {
		t.Errorf("HTML\n%s\nwant\n%s", got, want)
	}
}

func TestDeclareRelationErrors(t *testing.T) {
	eachBlog(t, func(t *testing.T, b *blog) {
		bad, err := orm.NewModel(orm.ModelDef{Name: "Bad", Fields: []orm.Field{
			{Name: "tags", Type: orm.ManyToManyField, To: "Tag", LimitChoicesTo: map[string]any{"colour": "red"}}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.reg.Register(bad); err != nil {
			t.Fatal(err)
		}
		_, err = Declare(Meta{Model: bad, Registry: b.reg})
		if err == nil || !strings.Contains(err.Error(), "tags") || !strings.Contains(err.Error(), "colour") {
			t.Errorf("limit_choices_to on an unknown field: %v", err)
		}
		if _, err := Declare(Meta{Model: b.article}); err == nil || !strings.Contains(err.Error(), "Registry") {
			t.Errorf("relations without a registry: %v", err)
		}
	})
}
