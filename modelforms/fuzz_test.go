package modelforms

import (
	"context"
	"github.com/formwork/formwork/internal/specreg"
	"net/url"
	"strings"
	"testing"

	"github.com/formwork/formwork/orm"
)

// FuzzModelFormManyToMany binds hostile values to a model form with a
// limited ForeignKey and a ManyToManyField: cleaning never panics, a
// valid form only ever holds rows its querysets allow, and rendering
// works whatever was submitted.
func FuzzModelFormManyToMany(f *testing.F) {
	f.Add("Hello", "1", "2\x004", true)
	f.Add("", "2", "3", false)
	f.Add(strings.Repeat("x", 100), " 3 ", "1\x001\x00abc", true)
	f.Add("t", "9223372036854775808", "-1\x00\u00a0", false)
	db, err := orm.OpenMemory()
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	reg := &orm.Registry{}
	ctx := context.Background()
	var specs []any
	dec, err := decodeJSON(blogModels)
	if err != nil {
		f.Fatal(err)
	}
	specs = dec.([]any)
	if _, err := specreg.LoadModels(ctx, db, reg, specs); err != nil {
		f.Fatal(err)
	}
	article, _ := reg.Lookup("Article")
	decl, err := Declare(Meta{Model: article, Fields: []string{"title", "author", "tags"}, Registry: reg})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, author, tags string, edit bool) {
		data := url.Values{"title": {title}, "author": {author}, "tags": strings.Split(tags, "\x00")}
		opts := Options{}
		if edit {
			row, err := db.Get(ctx, article, 1)
			if err != nil {
				t.Fatal(err)
			}
			opts.Instance = &Instance{Model: article, Row: row}
		}
		form := decl.Bind(ctx, db, data, nil, opts)
		if _, err := form.AsDiv(); err != nil {
			t.Fatalf("render: %v", err)
		}
		if !form.IsValid() {
			return
		}
		if a := form.CleanedData()["author"].(*Instance); a.Row["active"] != true {
			t.Errorf("an inactive author was accepted: %v", a.Row)
		}
		for _, o := range form.CleanedData()["tags"].([]any) {
			if tag := o.(*Instance); tag.Row["archived"] != false {
				t.Errorf("an archived tag was accepted: %v", tag.Row)
			}
		}
	})
}

// BenchmarkModelFormManyToMany binds, validates and renders an edit form
// with a ForeignKey and a ManyToManyField (the queries included).
func BenchmarkModelFormManyToMany(b *testing.B) {
	db, err := orm.OpenMemory()
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	reg := &orm.Registry{}
	ctx := context.Background()
	dec, err := decodeJSON(blogModels)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := specreg.LoadModels(ctx, db, reg, dec.([]any)); err != nil {
		b.Fatal(err)
	}
	article, _ := reg.Lookup("Article")
	decl, err := Declare(Meta{Model: article, Fields: []string{"title", "author", "tags"}, Registry: reg})
	if err != nil {
		b.Fatal(err)
	}
	row, err := db.Get(ctx, article, 1)
	if err != nil {
		b.Fatal(err)
	}
	data := url.Values{"title": {"Hello Go"}, "author": {"3"}, "tags": {"1", "2"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		form := decl.Bind(ctx, db, data, nil, Options{Instance: &Instance{Model: article, Row: row}})
		if !form.IsValid() {
			b.Fatal(form.Errors().JSON())
		}
		if _, err := form.AsDiv(); err != nil {
			b.Fatal(err)
		}
	}
}
