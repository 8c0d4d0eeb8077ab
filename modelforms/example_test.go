package modelforms_test

import (
	"context"
	"fmt"
	"log"
	"net/url"

	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/modelforms"
	"github.com/formwork/formwork/orm"
)

func setup() (*orm.DB, *orm.Registry) {
	db, err := orm.OpenMemory()
	if err != nil {
		log.Fatal(err)
	}
	var reg orm.Registry
	author, err := orm.NewModel(orm.ModelDef{Name: "Author", Fields: []orm.Field{
		{Name: "name", Type: orm.CharField, MaxLength: 50, Unique: true},
		{Name: "age", Type: orm.IntegerField, Null: true, Blank: true},
	}})
	if err != nil {
		log.Fatal(err)
	}
	if err := reg.Register(author); err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if err := db.CreateTables(ctx, author); err != nil {
		log.Fatal(err)
	}
	for _, r := range []orm.Row{{"name": "Ann", "age": 30}, {"name": "Bob"}} {
		if _, err := db.Insert(ctx, author, r); err != nil {
			log.Fatal(err)
		}
	}
	return db, &reg
}

// A model form validates against the database and saves a row.
func ExampleDeclare() {
	ctx := context.Background()
	db, reg := setup()
	defer db.Close()
	author, _ := reg.Lookup("Author")
	decl, err := modelforms.Declare(modelforms.Meta{Model: author, Fields: []string{"name", "age"}})
	if err != nil {
		log.Fatal(err)
	}

	taken := decl.Bind(ctx, db, url.Values{"name": {"Ann"}}, nil, modelforms.Options{})
	fmt.Println(taken.IsValid(), taken.Errors().Get("name").Messages())

	f := decl.Bind(ctx, db, url.Values{"name": {"Cy"}, "age": {"51"}}, nil, modelforms.Options{})
	inst, err := f.Save(ctx, true)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inst, inst.Row["name"], inst.Row["age"])
	// Output:
	// false [Author with this Name already exists.]
	// Author object (3) Cy 51
}

// A model formset edits the rows of a queryset and saves its changes in
// one transaction.
func ExampleDeclareFormset() {
	ctx := context.Background()
	db, reg := setup()
	defer db.Close()
	author, _ := reg.Lookup("Author")
	decl, err := modelforms.DeclareFormset(modelforms.Meta{Model: author, Fields: []string{"name", "age"}},
		modelforms.FormsetOptions{}, formsets.Extra(1))
	if err != nil {
		log.Fatal(err)
	}
	data := url.Values{
		"form-TOTAL_FORMS": {"3"}, "form-INITIAL_FORMS": {"2"},
		"form-0-id": {"1"}, "form-0-name": {"Ann"}, "form-0-age": {"31"},
		"form-1-id": {"2"}, "form-1-name": {"Bob"},
		"form-2-name": {"Dan"}, "form-2-age": {"20"},
	}
	fs, err := decl.Bind(ctx, db, data, nil, modelforms.FormsetArgs{})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := fs.Save(ctx, true); err != nil {
		log.Fatal(err)
	}
	for _, c := range fs.ChangedObjects {
		fmt.Println("changed", c.Instance, c.Fields)
	}
	fmt.Println("new", fs.NewObjects)
	rows, _ := db.List(ctx, author, orm.Filter{})
	for _, r := range rows {
		fmt.Println(r["id"], r["name"], r["age"])
	}
	// Output:
	// changed Author object (1) [age]
	// new [Author object (3)]
	// 1 Ann 31
	// 2 Bob <nil>
	// 3 Dan 20
}

// A model form's ManyToManyField is a ModelMultipleChoiceField over the
// target's rows (narrowed by limit_choices_to); saving writes the row,
// then its join rows, in one transaction.
func ExampleDeclare_manyToMany() {
	ctx := context.Background()
	db, err := orm.OpenMemory()
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	var reg orm.Registry
	tag, err := orm.NewModel(orm.ModelDef{Name: "Tag", Str: "#{slug}", Ordering: []string{"slug"}, Fields: []orm.Field{
		{Name: "slug", Type: orm.SlugField, Unique: true},
		{Name: "archived", Type: orm.BooleanField, Default: false, HasDefault: true},
	}})
	if err != nil {
		log.Fatal(err)
	}
	article, err := orm.NewModel(orm.ModelDef{Name: "Article", Fields: []orm.Field{
		{Name: "title", Type: orm.CharField, MaxLength: 80},
		{Name: "tags", Type: orm.ManyToManyField, To: "Tag", Blank: true,
			LimitChoicesTo: map[string]any{"archived": false}},
	}})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range []*orm.Model{tag, article} {
		if err := reg.Register(m); err != nil {
			log.Fatal(err)
		}
	}
	if err := db.CreateTables(ctx, tag, article); err != nil {
		log.Fatal(err)
	}
	for _, r := range []orm.Row{{"slug": "python"}, {"slug": "go"}, {"slug": "old", "archived": true}} {
		if _, err := db.Insert(ctx, tag, r); err != nil {
			log.Fatal(err)
		}
	}
	decl, err := modelforms.Declare(modelforms.Meta{Model: article, Registry: &reg})
	if err != nil {
		log.Fatal(err)
	}

	archived := decl.Bind(ctx, db, url.Values{"title": {"Hi"}, "tags": {"3"}}, nil, modelforms.Options{})
	fmt.Println(archived.IsValid(), archived.Errors().Get("tags").Messages())

	f := decl.Bind(ctx, db, url.Values{"title": {"Hi"}, "tags": {"1", "2"}}, nil, modelforms.Options{})
	fmt.Println(f.CleanedData()["tags"]) // in the Tag model's ordering
	inst, err := f.Save(ctx, true)
	if err != nil {
		log.Fatal(err)
	}
	id, _ := inst.PK()
	row, _ := db.Get(ctx, article, id)
	fmt.Println(row["title"], row["tags"])
	// Output:
	// false [Select a valid choice. 3 is not one of the available choices.]
	// [#go #python]
	// Hi [1 2]
}
