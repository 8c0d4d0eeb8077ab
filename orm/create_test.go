package orm_test

import (
	"github.com/formwork/formwork/orm"
	"path/filepath"
	"reflect"
	"testing"
)

// Models for the create-twice test: a ForeignKey and a many-to-many
// field, so that every kind of table CreateTables makes is made twice.
type Shelf struct {
	Label string `formwork:"max_length=20,unique"`
}

type Volume struct {
	Shelf int64   `formwork:"fk=Shelf"`
	Title string  `formwork:"max_length=40"`
	Next  []int64 `formwork:"m2m=self,blank"`
}

func createTwiceModels(t *testing.T) (shelf, volume *orm.Model) {
	t.Helper()
	var err error
	if shelf, err = orm.ModelFromStruct(Shelf{}); err != nil {
		t.Fatal(err)
	}
	if volume, err = orm.ModelFromStruct(Volume{}); err != nil {
		t.Fatal(err)
	}
	return shelf, volume
}

// testCreateTwice: CreateTables on tables that exist (an application's
// second start) succeeds and keeps their rows and constraints.
func testCreateTwice(t *testing.T, db *orm.DB) {
	shelf, volume := createTwiceModels(t)
	if err := db.CreateTables(ctx, volume, shelf); err != nil {
		t.Fatal(err)
	}
	sid, err := db.Insert(ctx, shelf, orm.Row{"label": "A"})
	if err != nil {
		t.Fatal(err)
	}
	vid, err := db.Insert(ctx, volume, orm.Row{"shelf": sid, "title": "Dune"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(ctx, volume, vid, orm.Row{"next": []int64{vid}}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := db.CreateTables(ctx, shelf, volume); err != nil {
			t.Fatalf("CreateTables on existing tables: %v", err)
		}
	}
	r, err := db.Get(ctx, volume, vid)
	if err != nil || r["title"] != "Dune" || !reflect.DeepEqual(r["next"], []int64{vid}) {
		t.Errorf("after creating again: %v, %v", r, err)
	}
	if _, err := db.Insert(ctx, shelf, orm.Row{"label": "A"}); err == nil {
		t.Error("the existing table lost its unique constraint")
	}
}

// TestSQLiteFileCreateTables: an application that creates its tables on
// every start of a file database starts a second time (it failed with
// `table "shelf" already exists`) and finds its rows.
func TestSQLiteFileCreateTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.db")
	shelf, volume := createTwiceModels(t)
	for start := 1; start <= 3; start++ {
		db, err := orm.OpenSQLite(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.CreateTables(ctx, shelf, volume); err != nil {
			db.Close()
			t.Fatalf("start %d: %v", start, err)
		}
		if _, err := db.Insert(ctx, shelf, orm.Row{"label": string(rune('A' + start))}); err != nil {
			t.Fatal(err)
		}
		rows, err := db.List(ctx, shelf, orm.Filter{})
		db.Close()
		if err != nil || len(rows) != start {
			t.Fatalf("start %d: %d rows (%v), want %d", start, len(rows), err, start)
		}
	}
}
