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
	_, err = orm.LoadSpec(context.Background(), db, &reg, []any{
		map[string]any{"name": "Author", "fields": []any{
			map[string]any{"name": "name", "type": "CharField", "max_length": 50, "unique": true},
			map[string]any{"name": "age", "type": "IntegerField", "null": true, "blank": true},
		}, "rows": []any{map[string]any{"name": "Ann", "age": 30}, map[string]any{"name": "Bob"}}},
	})
	if err != nil {
		log.Fatal(err)
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
	_, err = orm.LoadSpec(ctx, db, &reg, []any{
		map[string]any{"name": "Tag", "str": "#{slug}", "ordering": []any{"slug"}, "fields": []any{
			map[string]any{"name": "slug", "type": "SlugField", "unique": true},
			map[string]any{"name": "archived", "type": "BooleanField", "default": false},
		}, "rows": []any{map[string]any{"slug": "python"}, map[string]any{"slug": "go"}, map[string]any{"slug": "old", "archived": true}}},
		map[string]any{"name": "Article", "fields": []any{
			map[string]any{"name": "title", "type": "CharField", "max_length": 80},
			map[string]any{"name": "tags", "type": "ManyToManyField", "to": "Tag", "blank": true,
				"limit_choices_to": map[string]any{"archived": false}},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	article, _ := reg.Lookup("Article")
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
