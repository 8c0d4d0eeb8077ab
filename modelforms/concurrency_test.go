package modelforms_test

import (
	"context"
	"fmt"
	"github.com/formwork/formwork/internal/specreg"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/modelforms"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/renderers"
)

// concurrentAuthors are the rows of the concurrency test's table.
var concurrentAuthors = []any{
	map[string]any{"name": "Author", "fields": []any{
		map[string]any{"name": "name", "type": "CharField", "max_length": 50, "unique": true},
		map[string]any{"name": "age", "type": "IntegerField", "null": true, "blank": true},
	}, "rows": []any{
		map[string]any{"name": "Ann", "age": 30}, map[string]any{"name": "Bob"},
		map[string]any{"name": "Cy", "age": 51}, map[string]any{"name": "Di", "age": 44},
	}},
}

// authorsData is goroutine i's submission: an edit of every row, either
// valid, with a bad age, or renaming a row to another's name (which the
// database check rejects). Nothing is saved.
func authorsData(i int) url.Values {
	v := url.Values{"form-TOTAL_FORMS": {"4"}, "form-INITIAL_FORMS": {"4"}}
	names := []string{"Ann", "Bob", "Cy", "Di"}
	for j, n := range names {
		p := fmt.Sprintf("form-%d-", j)
		v.Set(p+"id", fmt.Sprint(j+1))
		v.Set(p+"name", n)
		v.Set(p+"age", fmt.Sprint(20+i+j))
	}
	switch i % 3 {
	case 1:
		v.Set("form-2-age", "old")
	case 2:
		v.Set("form-3-name", "Ann")
	}
	return v
}

// TestSharedModelFormsetDeclaration binds one model formset declaration
// over one database from 32 goroutines at once, with each engine, and
// checks every result against a lone bind of the same data. Run it with
// -race.
func TestSharedModelFormsetDeclaration(t *testing.T) {
	ctx := context.Background()
	db, err := orm.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reg orm.Registry
	if _, err := specreg.LoadModels(ctx, db, &reg, concurrentAuthors); err != nil {
		t.Fatal(err)
	}
	author, _ := reg.Lookup("Author")
	decl, err := modelforms.DeclareFormset(modelforms.Meta{Model: author, Fields: []string{"name", "age"}},
		modelforms.FormsetOptions{EditOnly: true}, formsets.Extra(0))
	if err != nil {
		t.Fatal(err)
	}
	render := func(r renderers.Renderer, i int) (string, error) {
		args := modelforms.FormsetArgs{Options: formsets.Options{Renderer: r}, Order: []string{"id"}}
		fs, err := decl.Bind(ctx, db, authorsData(i), nil, args)
		if err != nil {
			return "", err
		}
		h, err := fs.AsDiv()
		return fmt.Sprint(fs.IsValid(), fs.TotalErrorCount(), fs.CleanedData()) + string(h), err
	}
	const goroutines = 32
	for _, tc := range []struct {
		name string
		r    renderers.Renderer
	}{
		{"DjangoTemplates", renderers.NewDjangoTemplates()},
		{"Jinja2", renderers.NewJinja2()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := make([]string, goroutines)
			errs := make([]error, goroutines)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := 0; i < goroutines; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					<-start
					got[i], errs[i] = render(tc.r, i)
				}(i)
			}
			close(start)
			wg.Wait()
			valid := 0
			for i := 0; i < goroutines; i++ {
				if strings.HasPrefix(got[i], "true") {
					valid++
				}
				if errs[i] != nil {
					t.Fatalf("goroutine %d: %v", i, errs[i])
				}
				want, err := render(tc.r, i)
				if err != nil {
					t.Fatal(err)
				}
				if got[i] != want {
					t.Errorf("goroutine %d got\n%s\nwant (bound alone)\n%s", i, got[i], want)
				}
			}
			// A third are valid; the others fail a field or the database
			// uniqueness check.
			if valid != (goroutines+2)/3 {
				t.Errorf("%d of %d submissions valid, want %d", valid, goroutines, (goroutines+2)/3)
			}
		})
	}
	rows, err := db.List(ctx, author, orm.Filter{}, "id")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[3]["name"] != "Di" {
		t.Errorf("rows changed without a save: %v", rows)
	}
}
