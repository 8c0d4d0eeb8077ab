package modelforms

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/formwork/formwork/internal/specreg"
	"net/url"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, to make test schemas

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/internal/htmlcmp"
	"github.com/formwork/formwork/orm"
)

// Every test runs on SQLite, and on PostgreSQL when FORMWORK_PG_DSN is
// set (see .ci/postgres.sh). Expected messages and HTML come from Django
// 4.2 run over the same models.

// fixture is the database every test starts from.
type fixture struct {
	db     *orm.DB
	reg    *orm.Registry
	author *orm.Model
	book   *orm.Model
}

var fixtureModels = `[
 {"name": "Author", "fields": [
   {"name": "name", "type": "CharField", "max_length": 50, "unique": true},
   {"name": "age", "type": "IntegerField", "null": true, "blank": true}],
  "rows": [{"name": "Ann", "age": 30}, {"name": "Bob", "age": null}, {"name": "Cy", "age": 51}]},
 {"name": "Book", "fields": [
   {"name": "author", "type": "ForeignKey", "to": "Author"},
   {"name": "title", "type": "CharField", "max_length": 60},
   {"name": "price", "type": "DecimalField", "max_digits": 6, "decimal_places": 2}],
  "unique_together": [["author", "title"]],
  "rows": [{"author": 1, "title": "First", "price": {"$decimal": "9.99"}},
           {"author": 1, "title": "Second", "price": {"$decimal": "12.50"}}]}
]`

var pgSeq atomic.Int64

// eachDB runs fn on a fresh fixture in SQLite, then in PostgreSQL.
func eachDB(t *testing.T, fn func(t *testing.T, fx *fixture)) {
	eachStore(t, func(t *testing.T, db *orm.DB) { fn(t, load(t, db)) })
}

// eachStore runs fn on a fresh, empty database in SQLite, then in
// PostgreSQL.
func eachStore(t *testing.T, fn func(t *testing.T, db *orm.DB)) {
	t.Run("sqlite", func(t *testing.T) {
		db, err := orm.OpenMemory()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		fn(t, db)
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv("FORMWORK_PG_DSN")
		if dsn == "" {
			const why = "FORMWORK_PG_DSN is not set; start a server with .ci/postgres.sh"
			if os.Getenv("CI") == "true" {
				t.Fatal(why)
			}
			t.Skip(why)
		}
		admin, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { admin.Close() })
		// A fresh schema per subtest, named for this run, so runs never collide.
		schema := fmt.Sprintf("formwork_modelforms_%d_%d_%d", os.Getpid(), time.Now().UnixNano(), pgSeq.Add(1))
		ctx := context.Background()
		if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		db, err := orm.OpenPostgres(ctx, u.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			db.Close()
			if _, err := admin.ExecContext(ctx, `DROP SCHEMA "`+schema+`" CASCADE`); err != nil {
				t.Errorf("dropping schema %s: %v", schema, err)
			}
		})
		fn(t, db)
	})
}

func load(t *testing.T, db *orm.DB) *fixture {
	t.Helper()
	var specs []any
	dec := jsonDecode(t, fixtureModels)
	specs = dec.([]any)
	fx := &fixture{db: db, reg: &orm.Registry{}}
	if _, err := specreg.LoadModels(context.Background(), db, fx.reg, specs); err != nil {
		t.Fatal(err)
	}
	fx.author, _ = fx.reg.Lookup("Author")
	fx.book, _ = fx.reg.Lookup("Book")
	return fx
}

// rows returns a table as "id:field=value,..." strings, for comparisons.
func (fx *fixture) rows(t *testing.T, m *orm.Model) []string {
	t.Helper()
	rows, err := fx.db.List(context.Background(), m, orm.Filter{}, "id")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		var parts []string
		for _, f := range m.Fields() {
			parts = append(parts, fmt.Sprintf("%s=%v", f.Name, specreg.ToSpecValue(r[f.Name])))
		}
		out = append(out, strings.Join(parts, ","))
	}
	return out
}

func (fx *fixture) get(t *testing.T, m *orm.Model, id int64) *Instance {
	t.Helper()
	r, err := fx.db.Get(context.Background(), m, id)
	if err != nil {
		t.Fatal(err)
	}
	return &Instance{Model: m, Row: r}
}

func values(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func errorsOf(d *forms.ErrorDict) map[string][]string {
	out := map[string][]string{}
	for k, l := range d.JSON() {
		for _, e := range l {
			out[k] = append(out[k], e.Message+" ["+e.Code+"]")
		}
	}
	return out
}

func TestModelForm(t *testing.T) {
	eachDB(t, func(t *testing.T, fx *fixture) {
		ctx := context.Background()
		authorForm, err := Declare(Meta{Model: fx.author})
		if err != nil {
			t.Fatal(err)
		}
		bookForm, err := Declare(Meta{Model: fx.book, Registry: fx.reg})
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			decl     *Declaration
			instance int64 // 0: a new row
			data     url.Values
			errors   map[string][]string
			table    *orm.Model
			after    []string // the table after Save, when valid
		}{
			{name: "create", decl: authorForm, data: values("name", "Dan", "age", "40"),
				errors: map[string][]string{}, table: fx.author, after: []string{
					"id=1,name=Ann,age=30", "id=2,name=Bob,age=<nil>", "id=3,name=Cy,age=51", "id=4,name=Dan,age=40"}},
			{name: "unique", decl: authorForm, data: values("name", "Ann", "age", "3"),
				errors: map[string][]string{"name": {"Author with this Name already exists. [unique]"}}},
			{name: "edit keeps its own name", decl: authorForm, instance: 1, data: values("name", "Ann", "age", ""),
				errors: map[string][]string{}, table: fx.author, after: []string{
					"id=1,name=Ann,age=<nil>", "id=2,name=Bob,age=<nil>", "id=3,name=Cy,age=51"}},
			{name: "edit to a taken name", decl: authorForm, instance: 1, data: values("name", "Bob"),
				errors: map[string][]string{"name": {"Author with this Name already exists. [unique]"}}},
			{name: "bad age skips model checks of age", decl: authorForm, instance: 1, data: values("name", "Ann", "age", "x"),
				errors: map[string][]string{"age": {"Enter a whole number. [invalid]"}}},
			{name: "unique_together", decl: bookForm, data: values("author", "1", "title", "First", "price", "1"),
				errors: map[string][]string{"__all__": {"Book with this Author and Title already exists. [unique_together]"}}},
			{name: "unknown foreign key", decl: bookForm, data: values("author", "99", "title", "New", "price", "1"),
				errors: map[string][]string{"author": {"Select a valid choice. That choice is not one of the available choices. [invalid_choice]"}}},
			{name: "create book", decl: bookForm, data: values("author", "2", "title", "First", "price", "1.5"),
				errors: map[string][]string{}, table: fx.book, after: []string{
					"id=1,author=1,title=First,price=map[$decimal:9.99]",
					"id=2,author=1,title=Second,price=map[$decimal:12.50]",
					"id=3,author=2,title=First,price=map[$decimal:1.50]"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				// Each case starts from the fixture: undo what it saves.
				tx := errors.New("rollback")
				err := fx.db.InTx(ctx, func(s orm.Store) error {
					var inst *Instance
					if c.instance != 0 {
						r, err := s.Get(ctx, c.decl.Model(), c.instance)
						if err != nil {
							t.Fatal(err)
						}
						inst = &Instance{Model: c.decl.Model(), Row: r}
					}
					f := c.decl.Bind(ctx, s, c.data, nil, Options{Instance: inst})
					if got := errorsOf(f.Errors()); !reflect.DeepEqual(got, c.errors) {
						t.Errorf("errors = %v, want %v", got, c.errors)
					}
					if len(c.errors) > 0 {
						if _, err := f.Save(ctx, true); err == nil {
							t.Error("Save of an invalid form succeeded")
						}
						return tx
					}
					if _, err := f.Save(ctx, true); err != nil {
						t.Fatal(err)
					}
					rows, err := s.List(ctx, c.table, orm.Filter{}, "id")
					if err != nil {
						t.Fatal(err)
					}
					var got []string
					for _, r := range rows {
						var parts []string
						for _, fld := range c.table.Fields() {
							parts = append(parts, fmt.Sprintf("%s=%v", fld.Name, specreg.ToSpecValue(r[fld.Name])))
						}
						got = append(got, strings.Join(parts, ","))
					}
					if !reflect.DeepEqual(got, c.after) {
						t.Errorf("after Save:\n got %q\nwant %q", got, c.after)
					}
					return tx
				})
				if !errors.Is(err, tx) {
					t.Fatal(err)
				}
			})
		}
	})
}

// TestFieldMapping renders the fields model fields map to, as Django's
// modelform_factory(Thing, fields="__all__")().as_p() does.
func TestFieldMapping(t *testing.T) {
	m, err := specreg.ModelFromSpec(jsonDecode(t, `{"name": "Thing", "fields": [
		{"name": "kind", "type": "IntegerField", "choices": [[1, "One"], [2, "Two"]]},
		{"name": "body", "type": "TextField", "blank": true},
		{"name": "n", "type": "PositiveIntegerField", "default": 3},
		{"name": "ok", "type": "BooleanField"},
		{"name": "when", "type": "DateField", "null": true, "blank": true, "verbose_name": "the date"}]}`).(map[string]any))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Declare(Meta{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	f := d.New(context.Background(), nil, Options{})
	got, err := f.AsP()
	if err != nil {
		t.Fatal(err)
	}
	const want = `<p><label for="id_kind">Kind:</label><select name="kind" required id="id_kind">
<option value="" selected>---------</option><option value="1">One</option><option value="2">Two</option></select></p>
<p><label for="id_body">Body:</label><textarea name="body" cols="40" rows="10" id="id_body">
</textarea></p>
<p><label for="id_n">N:</label><input type="number" name="n" value="3" min="0" required id="id_n"></p>
<p><label for="id_ok">Ok:</label><input type="checkbox" name="ok" id="id_ok"></p>
<p><label for="id_when">The date:</label><input type="text" name="when" id="id_when"></p>`
	if !htmlcmp.Equal(string(got), want, htmlcmp.Options{}) {
		t.Errorf("as_p:\n%s\nwant\n%s", got, want)
	}
	// A typed choice cleans to the model's type.
	bf := d.Bind(context.Background(), nil, values("kind", "2", "n", "4"), nil, Options{})
	if !bf.IsValid() {
		t.Fatalf("errors: %v", errorsOf(bf.Errors()))
	}
	if v := bf.Instance().Row["kind"]; v != int64(2) {
		t.Errorf("kind = %#v, want int64 2", v)
	}
}

func TestDeclareErrors(t *testing.T) {
	m, err := specreg.ModelFromSpec(map[string]any{"name": "Note", "fields": []any{
		map[string]any{"name": "text", "type": "TextField"},
		map[string]any{"name": "stamp", "type": "IntegerField", "editable": false},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		meta Meta
		want string
	}{
		{Meta{}, "no model class"},
		{Meta{Model: m, Fields: []string{"text", "nope"}}, "Unknown field(s) (nope) specified for Note"},
		{Meta{Model: m, Fields: []string{"stamp"}}, "'stamp' cannot be specified for Note model form as it is a non-editable field"},
	} {
		if _, err := Declare(c.meta); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Declare(%+v) = %v, want an error with %q", c.meta.Fields, err, c.want)
		}
	}
	if _, err := DeclareFormset(Meta{Model: m}, FormsetOptions{}); err == nil {
		t.Error("DeclareFormset without Fields or Exclude succeeded")
	}
}

func jsonDecode(t *testing.T, s string) any {
	t.Helper()
	v, err := decodeJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func rowString(m *orm.Model, r orm.Row) string {
	var parts []string
	for _, f := range m.Fields() {
		parts = append(parts, fmt.Sprintf("%s=%v", f.Name, specreg.ToSpecValue(r[f.Name])))
	}
	return strings.Join(parts, ",")
}
