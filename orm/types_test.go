package orm_test

import (
	"encoding/json"
	"errors"
	"github.com/formwork/formwork/internal/specreg"
	"github.com/formwork/formwork/orm"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// loadSpec registers and creates the models of a spec list in db.
func loadSpec(t *testing.T, db *orm.DB, spec string) *orm.Registry {
	t.Helper()
	reg := &orm.Registry{}
	dec := json.NewDecoder(strings.NewReader(spec))
	dec.UseNumber() // keep 64-bit integers exact
	var specs []any
	if err := dec.Decode(&specs); err != nil {
		t.Fatal(err)
	}
	if _, err := specreg.LoadModels(ctx, db, reg, specs); err != nil {
		t.Fatal(err)
	}
	return reg
}

func lookup(t *testing.T, reg *orm.Registry, name string) *orm.Model {
	t.Helper()
	m, ok := reg.Lookup(name)
	if !ok {
		t.Fatalf("no model %s", name)
	}
	return m
}

func testNewTypes(t *testing.T, db *orm.DB) {
	reg := loadSpec(t, db, `[{"name": "Meetup", "fields": [
		{"name": "starts_at", "type": "DateTimeField"},
		{"name": "doors", "type": "TimeField", "null": true},
		{"name": "ticket", "type": "UUIDField", "null": true},
		{"name": "capacity", "type": "BigIntegerField"},
		{"name": "offset", "type": "SmallIntegerField", "default": 0},
		{"name": "seats", "type": "PositiveSmallIntegerField", "default": 1},
		{"name": "site", "type": "URLField", "blank": true},
		{"name": "extra", "type": "JSONField", "null": true},
		{"name": "pdf", "type": "FileField", "upload_to": "docs/", "blank": true}],
	 "rows": [{"starts_at": {"$datetime": "2024-06-01T19:00:00.250000"}, "doors": {"$time": "18:30:00"},
	           "ticket": {"$uuid": "A8098C1AF86E11DABD1A00112444BE1E"}, "capacity": 9223372036854775807,
	           "offset": -40000, "seats": 40000, "site": "https://x.example", "extra": {"b": [1, 2.5, null], "a": "é"},
	           "pdf": "docs/a b.pdf"}]}]`)
	m := lookup(t, reg, "Meetup")
	rows, err := db.List(ctx, m, orm.Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("List = %v, %v", rows, err)
	}
	got := specreg.RowToSpec(m, rows[0])
	want := map[string]any{
		"id":        int64(1),
		"starts_at": map[string]any{"$datetime": "2024-06-01T19:00:00.250000"},
		"doors":     map[string]any{"$time": "18:30:00"},
		"ticket":    map[string]any{"$uuid": "a8098c1a-f86e-11da-bd1a-00112444be1e"},
		"capacity":  int64(9223372036854775807),
		"offset":    int64(-40000), // no range on either backend, as on SQLite
		"seats":     int64(40000),
		"site":      "https://x.example",
		"extra":     map[string]any{"a": "é", "b": []any{json.Number("1"), json.Number("2.5"), nil}}, // numbers as stored
		"pdf":       "docs/a b.pdf",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("row\n%#v\nwant\n%#v", got, want)
	}
	if s := orm.StrValue(m.Fields()[1], rows[0]["starts_at"]); s != "2024-06-01 19:00:00.250000" {
		t.Errorf("str() of the datetime = %q", s)
	}
	for _, bad := range []orm.Row{
		{"starts_at": "June", "capacity": 1},
		{"starts_at": "2024-06-01 10:00", "capacity": 1, "seats": -1},
		{"starts_at": "2024-06-01 10:00", "capacity": 1, "ticket": "not-a-uuid"},
		{"starts_at": "2024-06-01 10:00", "capacity": 1, "extra": orm.JSON("{broken")},
		{"starts_at": "2024-06-01 10:00", "capacity": 1, "doors": "25:00"},
	} {
		if _, err := db.Insert(ctx, m, bad); err == nil {
			t.Errorf("Insert(%v) succeeded", bad)
		}
	}
	// A filter on a datetime compares as a datetime on both backends.
	f, err := orm.ParseFilter(map[string]any{"starts_at__gte": time.Date(2024, 6, 1, 19, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.List(ctx, m, f); err != nil || len(n) != 1 {
		t.Errorf("starts_at__gte: %v, %v", n, err)
	}
}

const tagModels = `[
	{"name": "Tag", "fields": [{"name": "slug", "type": "SlugField", "unique": true}],
	 "rows": [{"slug": "go"}, {"slug": "python"}, {"slug": "web"}]},
	{"name": "Article", "fields": [
		{"name": "title", "type": "CharField", "max_length": 20},
		{"name": "tags", "type": "ManyToManyField", "to": "Tag", "blank": true},
		{"name": "related", "type": "ManyToManyField", "to": "self", "blank": true}],
	 "rows": [{"title": "One", "tags": [3, 1]}, {"title": "Two", "related": [1]}]}]`

func testManyToMany(t *testing.T, db *orm.DB) {
	reg := loadSpec(t, db, tagModels)
	m := lookup(t, reg, "Article")
	check := func(id int64, tags, related []int64) {
		t.Helper()
		r, err := db.Get(ctx, m, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(r["tags"], tags) || !reflect.DeepEqual(r["related"], related) {
			t.Errorf("article %d: tags %v related %v, want %v %v", id, r["tags"], r["related"], tags, related)
		}
	}
	check(1, []int64{1, 3}, []int64{})
	check(2, []int64{}, []int64{1})
	rows, err := db.List(ctx, m, orm.Filter{})
	if err != nil || len(rows) != 2 || !reflect.DeepEqual(rows[0]["tags"], []int64{1, 3}) {
		t.Errorf("List = %v, %v", rows, err)
	}
	id, err := db.Insert(ctx, m, orm.Row{"title": "Three", "tags": []any{int64(2), int64(2), int64(1)}})
	if err != nil {
		t.Fatal(err)
	}
	check(id, []int64{1, 2}, []int64{})
	// Update sets only the many-to-many fields it is given.
	if err := db.Update(ctx, m, 1, orm.Row{"tags": []int64{2}}); err != nil {
		t.Fatal(err)
	}
	check(1, []int64{2}, []int64{})
	if err := db.Update(ctx, m, 2, orm.Row{"title": "Two!"}); err != nil {
		t.Fatal(err)
	}
	check(2, []int64{}, []int64{1})
	// A missing target fails the insert as a whole: no row is left.
	_, err = db.Insert(ctx, m, orm.Row{"title": "Bad", "tags": []int64{99}})
	if !errors.Is(err, orm.ErrConstraint) {
		t.Errorf("insert with tag 99: %v, want ErrConstraint", err)
	}
	if rows, _ := db.List(ctx, m, orm.Filter{}); len(rows) != 3 {
		t.Errorf("%d articles after the failed insert, want 3", len(rows))
	}
	if err := db.Delete(ctx, m, id); err != nil {
		t.Fatal(err)
	}
	if _, err := orm.ParseFilter(map[string]any{"tags": 1}); err != nil {
		t.Fatal(err)
	}
	f, _ := orm.ParseFilter(map[string]any{"tags": 1})
	if _, err := db.List(ctx, m, f); err == nil {
		t.Error("filtering on a many-to-many field succeeded")
	}
	if _, err := db.Insert(ctx, m, orm.Row{"title": "x", "tags": "1"}); err == nil {
		t.Error("a string many-to-many value was accepted")
	}
}

func testToField(t *testing.T, db *orm.DB) {
	reg := loadSpec(t, db, `[
		{"name": "Room", "fields": [{"name": "code", "type": "SlugField", "max_length": 8, "unique": true}],
		 "rows": [{"code": "lagoon"}, {"code": "attic"}]},
		{"name": "Booking", "fields": [{"name": "room", "type": "ForeignKey", "to": "Room", "to_field": "code"}],
		 "rows": [{"room": "attic"}]}]`)
	m := lookup(t, reg, "Booking")
	r, err := db.Get(ctx, m, 1)
	if err != nil || r["room"] != "attic" {
		t.Fatalf("Get = %v, %v", r, err)
	}
	f, err := orm.ParseFilter(map[string]any{"room": "attic"})
	if err != nil {
		t.Fatal(err)
	}
	if rows, err := db.List(ctx, m, f); err != nil || len(rows) != 1 {
		t.Errorf("filter by the target's code: %v, %v", rows, err)
	}
	if _, err := db.Insert(ctx, m, orm.Row{"room": "cellar"}); !errors.Is(err, orm.ErrConstraint) {
		t.Errorf("insert of an unknown code: %v, want ErrConstraint", err)
	}
	if _, err := db.Insert(ctx, m, orm.Row{"room": "toolongcode"}); err == nil {
		t.Error("a code longer than the target's max_length was accepted")
	}
	bad := &orm.Registry{}
	room, _ := reg.Lookup("Room")
	if err := bad.Register(room); err != nil {
		t.Fatal(err)
	}
	nonUnique := mustModel(t, `{"name": "B2", "fields": [{"name": "room", "type": "ForeignKey", "to": "Room", "to_field": "id2"}]}`)
	if err := bad.Register(nonUnique); err == nil {
		t.Error("a to_field that is not a field of the target was accepted")
	}
}

func testDateParts(t *testing.T, db *orm.DB) {
	reg := loadSpec(t, db, `[{"name": "Post", "fields": [
		{"name": "pub", "type": "DateField"}, {"name": "at", "type": "DateTimeField"}],
		"rows": [{"pub": {"$date": "2024-03-10"}, "at": {"$datetime": "2024-03-10T23:59:00"}},
		         {"pub": {"$date": "2025-03-01"}, "at": {"$datetime": "2025-12-01T00:00:00"}}]}]`)
	m := lookup(t, reg, "Post")
	for _, tc := range []struct {
		lookups map[string]any
		want    int
	}{
		{map[string]any{"pub__month": 3}, 2},
		{map[string]any{"pub__year": 2024}, 1},
		{map[string]any{"pub__day": 10, "pub__month": 3, "pub__year": 2024}, 1},
		{map[string]any{"at__day": 10}, 1},
		{map[string]any{"at__month": 12, "at__year": 2025}, 1},
		{map[string]any{"at__year": 2023}, 0},
	} {
		f, err := orm.ParseFilter(tc.lookups)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.List(ctx, m, f)
		if err != nil || len(rows) != tc.want {
			t.Errorf("%v: %d rows, %v; want %d", tc.lookups, len(rows), err, tc.want)
		}
	}
	f, _ := orm.ParseFilter(map[string]any{"id__year": 1})
	if _, err := db.List(ctx, m, f); err == nil {
		t.Error("a year lookup on an integer field succeeded")
	}
}

// Deleting a row deletes, as Django's on_delete=CASCADE, the rows whose
// ForeignKey points at it (through a to_field too, and on down), and the
// many-to-many links to and from each deleted row; a self-reference
// ends.
func testCascade(t *testing.T, db *orm.DB) {
	reg := loadSpec(t, db, `[
		{"name": "Tag", "fields": [{"name": "label", "type": "CharField", "max_length": 8}],
		 "rows": [{"label": "go"}, {"label": "py"}]},
		{"name": "Shelf", "fields": [{"name": "code", "type": "SlugField", "max_length": 8, "unique": true}],
		 "rows": [{"code": "a"}, {"code": "b"}]},
		{"name": "Book", "fields": [
			{"name": "shelf", "type": "ForeignKey", "to": "Shelf", "to_field": "code"},
			{"name": "tags", "type": "ManyToManyField", "to": "Tag", "blank": true}],
		 "rows": [{"shelf": "a", "tags": [1, 2]}, {"shelf": "b", "tags": [1]}, {"shelf": "a"}]},
		{"name": "Note", "fields": [
			{"name": "book", "type": "ForeignKey", "to": "Book"},
			{"name": "reply_to", "type": "ForeignKey", "to": "Note", "null": true, "blank": true}],
		 "rows": [{"book": 1}, {"book": 2}, {"book": 1, "reply_to": 1}]}]`)
	tag, shelf, book, note := lookup(t, reg, "Tag"), lookup(t, reg, "Shelf"), lookup(t, reg, "Book"), lookup(t, reg, "Note")
	left := func(m *orm.Model) []int64 {
		rows, err := db.List(ctx, m, orm.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return ids(rows)
	}
	if err := db.Delete(ctx, shelf, 1); err != nil {
		t.Fatalf("Delete(shelf a): %v", err)
	}
	if got := left(book); !slices.Equal(got, []int64{2}) {
		t.Errorf("books left %v, want [2]", got)
	}
	if got := left(note); !slices.Equal(got, []int64{2}) {
		t.Errorf("notes left %v, want [2] (3 replies to 1, both on book 1)", got)
	}
	if err := db.Delete(ctx, tag, 1); err != nil {
		t.Fatalf("Delete(tag go): %v", err)
	}
	b, err := db.Get(ctx, book, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := b["tags"].([]int64); !ok || len(got) != 0 {
		t.Errorf("book 2's tags after deleting its tag: %v", b["tags"])
	}
	if got := left(tag); !slices.Equal(got, []int64{2}) {
		t.Errorf("tags left %v, want [2]", got)
	}
}
