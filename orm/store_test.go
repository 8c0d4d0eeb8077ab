package orm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/formwork/formwork/internal/specreg"
	"github.com/formwork/formwork/orm"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The store suite runs against SQLite always and against PostgreSQL when
// FORMWORK_PG_DSN is set (see .ci/postgres.sh).

type opener func(t *testing.T) *orm.DB

func TestSQLite(t *testing.T) {
	runSuite(t, func(t *testing.T) *orm.DB {
		db, err := orm.OpenMemory()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}

func TestSQLiteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orm.db")
	db, err := orm.OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	m := mustModel(t, `{"name": "Note", "fields": [{"name": "text", "type": "TextField"}]}`)
	ctx := context.Background()
	if err := db.CreateTables(ctx, m); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Insert(ctx, m, orm.Row{"text": "kept"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = orm.OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.List(ctx, m, orm.Filter{})
	if err != nil || len(rows) != 1 || rows[0]["text"] != "kept" {
		t.Errorf("after reopening: %v, %v", rows, err)
	}
}

func TestPostgres(t *testing.T) {
	dsn := os.Getenv("FORMWORK_PG_DSN")
	if dsn == "" {
		const why = "FORMWORK_PG_DSN is not set; start a server with .ci/postgres.sh"
		if os.Getenv("CI") == "true" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	ctx := context.Background()
	admin, err := orm.OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	// A fresh schema per subtest, named for this run, so runs never collide.
	run := fmt.Sprintf("formwork_orm_%d_%d", os.Getpid(), time.Now().UnixNano())
	var seq atomic.Int64
	runSuite(t, func(t *testing.T) *orm.DB {
		schema := fmt.Sprintf("%s_%d", run, seq.Add(1))
		if err := admin.ExecForTest(ctx, "CREATE SCHEMA "+orm.QuoteIdent(schema)); err != nil {
			t.Fatal(err)
		}
		db, err := orm.OpenPostgres(ctx, withSearchPath(dsn, schema))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			db.Close()
			if err := admin.ExecForTest(ctx, "DROP SCHEMA "+orm.QuoteIdent(schema)+" CASCADE"); err != nil {
				t.Errorf("dropping schema %s: %v", schema, err)
			}
		})
		return db
	})
}

func withSearchPath(dsn, schema string) string {
	if u, err := url.Parse(dsn); err == nil && strings.Contains(dsn, "://") {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " search_path=" + schema
}

func TestPostgresBadDSN(t *testing.T) {
	_, err := orm.OpenPostgres(context.Background(), "postgres://u:p@127.0.0.1:1/db?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("connecting to port 1 succeeded")
	}
	if strings.Contains(err.Error(), ":p@") {
		t.Errorf("error shows the password: %v", err)
	}
	if _, err := orm.OpenPostgres(context.Background(), "postgres://%zz"); err == nil {
		t.Error("a malformed DSN was accepted")
	}
}

func runSuite(t *testing.T, open opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, db *orm.DB)
	}{
		{"RoundTrip", testRoundTrip},
		{"Defaults", testDefaults},
		{"WriteErrors", testWriteErrors},
		{"Filters", testFilters},
		{"FilterErrors", testFilterErrors},
		{"Order", testOrder},
		{"Exists", testExists},
		{"GetUpdateDelete", testGetUpdateDelete},
		{"Constraints", testConstraints},
		{"Transactions", testTransactions},
		{"Hostile", testHostile},
		{"Concurrent", testConcurrent},
		{"SpecCorpus", testSpecCorpus},
		{"ZeroValues", testZeroValues},
		{"NewTypes", testNewTypes},
		{"ManyToMany", testManyToMany},
		{"ToField", testToField},
		{"Cascade", testCascade},
		{"DateParts", testDateParts},
		{"CreateTwice", testCreateTwice},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

var ctx = context.Background()

const libraryModels = `[
	{"name": "Author", "fields": [
		{"name": "name", "type": "CharField", "max_length": 50, "unique": true},
		{"name": "age", "type": "IntegerField", "null": true, "blank": true}],
	 "rows": [{"name": "Ann", "age": 30}, {"name": "Bob", "age": null}, {"name": "Cy", "age": 51},
	          {"name": "ann_%", "age": 40}]},
	{"name": "Book", "fields": [
		{"name": "author", "type": "ForeignKey", "to": "Author"},
		{"name": "title", "type": "CharField", "max_length": 60},
		{"name": "price", "type": "DecimalField", "max_digits": 6, "decimal_places": 2},
		{"name": "published", "type": "DateField", "null": true},
		{"name": "in_print", "type": "BooleanField", "default": true}],
	 "unique_together": [["author", "title"]],
	 "rows": [{"author": 1, "title": "First", "price": {"$decimal": "9.99"}, "published": {"$date": "2020-01-31"}},
	          {"author": 1, "title": "Second", "price": {"$decimal": "12.50"}, "in_print": false},
	          {"author": 2, "title": "Other", "price": {"$decimal": "10"}, "published": {"$date": "2021-12-01"}},
	          {"author": 3, "title": "first", "price": {"$decimal": "-0.5"}, "published": {"$date": "1999-05-05"}}]}
]`

// library loads the Author and Book models with their rows.
func library(t *testing.T, db *orm.DB) (author, book *orm.Model) {
	t.Helper()
	var specs []any
	if err := json.Unmarshal([]byte(libraryModels), &specs); err != nil {
		t.Fatal(err)
	}
	var reg orm.Registry
	models, err := specreg.LoadModels(ctx, db, &reg, specs)
	if err != nil {
		t.Fatal(err)
	}
	return models[0], models[1]
}

func ids(rows []orm.Row) []int64 {
	out := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = r["id"].(int64)
	}
	return out
}

// sameValue compares row values exactly: a decimal must have the same
// value and scale, a date the same instant in UTC.
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case decimal.Decimal:
		y, ok := b.(decimal.Decimal)
		return ok && x.Equal(y) && x.Exponent() == y.Exponent()
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y) && x.Location() == time.UTC && y.Location() == time.UTC
	}
	return reflect.TypeOf(a) == reflect.TypeOf(b) && a == b
}

func sameRow(t *testing.T, got, want orm.Row) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("row has keys %v, want %v", sortedRowKeys(got), sortedRowKeys(want))
	}
	for k, w := range want {
		if g := got[k]; !sameValue(g, w) {
			t.Errorf("%s = %#v (%T), want %#v (%T)", k, g, g, w, w)
		}
	}
}

func sortedRowKeys(r orm.Row) []string {
	var keys []string
	for k := range r {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

const allTypes = `{"name": "Everything", "fields": [
	{"name": "char", "type": "CharField", "max_length": 10, "null": true},
	{"name": "text", "type": "TextField", "null": true},
	{"name": "int", "type": "IntegerField", "null": true},
	{"name": "pos", "type": "PositiveIntegerField", "null": true},
	{"name": "float", "type": "FloatField", "null": true},
	{"name": "dec", "type": "DecimalField", "max_digits": 8, "decimal_places": 2, "null": true},
	{"name": "whole", "type": "DecimalField", "max_digits": 30, "decimal_places": 0, "null": true},
	{"name": "fine", "type": "DecimalField", "max_digits": 30, "decimal_places": 10, "null": true},
	{"name": "flag", "type": "BooleanField", "null": true},
	{"name": "day", "type": "DateField", "null": true},
	{"name": "email", "type": "EmailField", "null": true},
	{"name": "slug", "type": "SlugField", "null": true},
	{"name": "parent", "type": "ForeignKey", "to": "self", "null": true}]}`

func testRoundTrip(t *testing.T, db *orm.DB) {
	m := mustModel(t, allTypes)
	if err := db.CreateTables(ctx, m); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		in, want  orm.Row
		wantFirst bool
	}{
		{"typical", orm.Row{"char": "Ann", "text": "line 1\nline 2 ✓ 日本語 🎉", "int": 42, "pos": uint8(7), "float": 0.1,
			"dec": dec("1.5"), "whole": "12345678901234567890123456789", "fine": "0.0000000001", "flag": true,
			"day": date(2022, 8, 3), "email": "a@b.example", "slug": "a-b", "parent": nil},
			orm.Row{"char": "Ann", "text": "line 1\nline 2 ✓ 日本語 🎉", "int": int64(42), "pos": int64(7), "float": 0.1,
				"dec": dec("1.50"), "whole": dec("12345678901234567890123456789"), "fine": dec("0.0000000001"), "flag": true,
				"day": date(2022, 8, 3), "email": "a@b.example", "slug": "a-b", "parent": nil}, false},
		{"limits", orm.Row{"char": "ññññññññññ", "text": "", "int": -2147483648, "pos": 2147483647, "float": -1e300,
			"dec": "-999999.99", "whole": "-999999999999999999999999999999", "fine": "99999999999999999999.9999999999",
			"flag": false, "day": "0001-01-01", "email": "", "slug": "", "parent": int64(1)},
			orm.Row{"char": "ññññññññññ", "text": "", "int": int64(-2147483648), "pos": int64(2147483647), "float": -1e300,
				"dec": dec("-999999.99"), "whole": dec("-999999999999999999999999999999"), "fine": dec("99999999999999999999.9999999999"),
				"flag": false, "day": date(1, 1, 1), "email": "", "slug": "", "parent": int64(1)}, false},
		{"json numbers and zero", orm.Row{"int": 2147483647.0, "float": json.Number("2.5"), "dec": 0, "whole": 0.0, "fine": "0",
			"day": time.Date(9999, 12, 31, 23, 59, 0, 0, time.FixedZone("x", -5*3600))},
			orm.Row{"char": nil, "text": nil, "int": int64(2147483647), "pos": nil, "float": 2.5, "dec": dec("0.00"),
				"whole": dec("0"), "fine": dec("0.0000000000"), "flag": nil, "day": date(9999, 12, 31),
				"email": nil, "slug": nil, "parent": nil}, false},
		{"all null", orm.Row{}, orm.Row{"char": nil, "text": nil, "int": nil, "pos": nil, "float": nil, "dec": nil, "whole": nil,
			"fine": nil, "flag": nil, "day": nil, "email": nil, "slug": nil, "parent": nil}, false},
	}
	for i, c := range cases {
		id, err := db.Insert(ctx, m, c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if id != int64(i+1) {
			t.Errorf("%s: id %d, want %d", c.name, id, i+1)
		}
		got, err := db.Get(ctx, m, id)
		if err != nil {
			t.Fatal(err)
		}
		c.want["id"] = id
		t.Run(c.name, func(t *testing.T) { sameRow(t, got, c.want) })
		// The read value must survive a second write unchanged.
		if err := db.Update(ctx, m, id, withoutID(got)); err != nil {
			t.Fatalf("%s: rewrite: %v", c.name, err)
		}
		again, _ := db.Get(ctx, m, id)
		t.Run(c.name+"/rewritten", func(t *testing.T) { sameRow(t, again, c.want) })
	}
	rows, err := db.List(ctx, m, orm.Filter{})
	if err != nil || !slices.Equal(ids(rows), []int64{1, 2, 3, 4}) {
		t.Errorf("List = %v, %v", rows, err)
	}
	if d := rows[0]["dec"].(decimal.Decimal); d.StringFixed(-d.Exponent()) != "1.50" {
		t.Errorf("decimal reads back as %s with exponent %d", d, d.Exponent())
	}
}

func withoutID(r orm.Row) orm.Row {
	out := orm.Row{}
	for k, v := range r {
		if k != "id" {
			out[k] = v
		}
	}
	return out
}

func testDefaults(t *testing.T, db *orm.DB) {
	m := mustModel(t, `{"name": "Settings", "fields": [
		{"name": "title", "type": "CharField", "max_length": 20},
		{"name": "note", "type": "TextField", "null": true},
		{"name": "count", "type": "IntegerField", "default": 3},
		{"name": "ratio", "type": "DecimalField", "max_digits": 4, "decimal_places": 2, "default": "0.5"},
		{"name": "on", "type": "BooleanField", "default": false},
		{"name": "since", "type": "DateField", "default": {"$date": "2000-02-29"}},
		{"name": "maybe", "type": "IntegerField", "null": true, "default": null}]}`)
	if err := db.CreateTables(ctx, m); err != nil {
		t.Fatal(err)
	}
	id, err := db.Insert(ctx, m, orm.Row{})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := db.Get(ctx, m, id)
	sameRow(t, got, orm.Row{"id": id, "title": "", "note": nil, "count": int64(3), "ratio": dec("0.50"),
		"on": false, "since": date(2000, 2, 29), "maybe": nil})

	// A model holding only its id inserts with DEFAULT VALUES.
	bare := mustModel(t, `{"name": "Bare", "fields": []}`)
	if err := db.CreateTables(ctx, bare); err != nil {
		t.Fatal(err)
	}
	for want := int64(1); want <= 2; want++ {
		if id, err := db.Insert(ctx, bare, nil); err != nil || id != want {
			t.Errorf("bare insert = %d, %v; want %d", id, err, want)
		}
	}
	// No default and not nullable: refused before reaching the database.
	strict := mustModel(t, `{"name": "Strict", "fields": [{"name": "n", "type": "IntegerField"}]}`)
	if err := db.CreateTables(ctx, strict); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Insert(ctx, strict, orm.Row{}); err == nil || !strings.Contains(err.Error(), "no value and no default") {
		t.Errorf("insert without n: %v", err)
	}
}

func testWriteErrors(t *testing.T, db *orm.DB) {
	m := mustModel(t, allTypes)
	strict := mustModel(t, `{"name": "Strict", "fields": [{"name": "n", "type": "IntegerField"}]}`)
	if err := db.CreateTables(ctx, m, strict); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		model *orm.Model
		row   orm.Row
		want  string
	}{
		{m, orm.Row{"char": "elevenchars"}, "max_length 10"},
		{m, orm.Row{"int": uint64(1 << 63)}, "does not fit a IntegerField"}, // int64's range, as SQLite's
		{m, orm.Row{"pos": -1}, "out of range for PositiveIntegerField"},
		{m, orm.Row{"int": 1.5}, "does not fit a IntegerField"},
		{m, orm.Row{"int": "3"}, "does not fit a IntegerField"},
		{m, orm.Row{"dec": "1.005"}, "more than 2 decimal places"},
		{m, orm.Row{"dec": "1000000"}, "more than 6 digits before the decimal point"},
		{m, orm.Row{"dec": "abc"}, "does not fit a DecimalField"},
		{m, orm.Row{"float": float64NaN()}, "not a finite number"},
		{m, orm.Row{"flag": 1}, "does not fit a BooleanField"},
		{m, orm.Row{"day": "2022-02-30"}, "not a date"},
		{m, orm.Row{"day": date(10000, 1, 1)}, "outside years 1 to 9999"},
		{m, orm.Row{"colour": "red"}, `unknown field "colour"`},
		{m, orm.Row{"id": int64(9)}, `"id" is assigned by the database`},
		{m, orm.Row{"text": "nul\x00byte"}, "NUL byte"},
		{m, orm.Row{"text": "bad \xff utf-8"}, "not valid UTF-8"},
		{m, orm.Row{"day": map[string]any{"$date": "soon"}}, "$date"},
		{strict, orm.Row{"n": nil}, "not nullable"},
	}
	for _, c := range cases {
		_, err := db.Insert(ctx, c.model, c.row)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Insert(%v) error = %v, want one containing %q", c.row, err, c.want)
		}
	}
	if rows, _ := db.List(ctx, m, orm.Filter{}); len(rows) != 0 {
		t.Errorf("refused inserts left %d rows", len(rows))
	}
}

func float64NaN() float64 { z := 0.0; return z / z }

func testFilters(t *testing.T, db *orm.DB) {
	author, book := library(t, db)
	cases := []struct {
		model  *orm.Model
		filter map[string]any
		want   []int64
	}{
		{author, nil, []int64{1, 2, 3, 4}},
		{author, map[string]any{"age__gte": 40.0}, []int64{3, 4}}, // a JSON number
		{author, map[string]any{"age__gt": 40}, []int64{3}},
		{author, map[string]any{"age__lt": int64(40)}, []int64{1}},
		{author, map[string]any{"age__lte": 40}, []int64{1, 4}},
		{author, map[string]any{"age": 30}, []int64{1}},
		{author, map[string]any{"age__exact": 30}, []int64{1}},
		{author, map[string]any{"age": nil}, []int64{2}},
		{author, map[string]any{"age__isnull": true}, []int64{2}},
		{author, map[string]any{"age__isnull": false}, []int64{1, 3, 4}},
		{author, map[string]any{"age__in": []any{30, 51, nil}}, []int64{1, 3}},
		{author, map[string]any{"age__in": []int{}}, nil},
		{author, map[string]any{"id__in": []int64{2, 4, 99}}, []int64{2, 4}},
		{author, map[string]any{"pk": 3}, []int64{3}},
		{author, map[string]any{"name": "Ann"}, []int64{1}},
		{author, map[string]any{"name": "ann"}, nil},
		{author, map[string]any{"name__iexact": "ANN"}, []int64{1}},
		{author, map[string]any{"name__contains": "nn"}, []int64{1, 4}},
		{author, map[string]any{"name__contains": "An"}, []int64{1}},
		{author, map[string]any{"name__icontains": "AN"}, []int64{1, 4}},
		{author, map[string]any{"name__contains": "%"}, []int64{4}}, // LIKE wildcards are literal
		{author, map[string]any{"name__contains": "_"}, []int64{4}},
		{author, map[string]any{"name__startswith": "A"}, []int64{1}},
		{author, map[string]any{"name__startswith": "a"}, []int64{4}},
		{author, map[string]any{"name__startswith": ""}, []int64{1, 2, 3, 4}},
		{author, map[string]any{"name__gt": "B"}, []int64{2, 3, 4}}, // code point order: "ann_%" > "Cy"
		{author, map[string]any{"name": "a string far longer than max_length fifty characters....."}, nil},
		{author, map[string]any{"age__gte": 30, "name__startswith": "C"}, []int64{3}},
		{book, map[string]any{"author": 1}, []int64{1, 2}},
		{book, map[string]any{"author__id": 1}, []int64{1, 2}},
		{book, map[string]any{"author__id__in": []any{2, 3}}, []int64{3, 4}},
		{book, map[string]any{"author": int64(2)}, []int64{3}},
		{book, map[string]any{"price__gt": "9.99"}, []int64{2, 3}}, // 10.00 > 9.99 numerically
		{book, map[string]any{"price__gte": dec("10")}, []int64{2, 3}},
		{book, map[string]any{"price__lt": 0}, []int64{4}},
		{book, map[string]any{"price__lte": decimal.RequireFromString("9.99")}, []int64{1, 4}},
		{book, map[string]any{"price": "12.5"}, []int64{2}},
		{book, map[string]any{"price": "12.500"}, []int64{2}},
		{book, map[string]any{"price": "12.501"}, nil},
		{book, map[string]any{"price__in": []any{"9.99", "10.00", "0.001"}}, []int64{1, 3}},
		{book, map[string]any{"published__gte": date(2020, 1, 31)}, []int64{1, 3}},
		{book, map[string]any{"published__lt": time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)}, []int64{4}},
		{book, map[string]any{"published": "2021-12-01"}, []int64{3}},
		{book, map[string]any{"published__isnull": true}, []int64{2}},
		{book, map[string]any{"in_print": false}, []int64{2}},
		{book, map[string]any{"in_print": true}, []int64{1, 3, 4}},
		{book, map[string]any{"title__iexact": "first"}, []int64{1, 4}},
	}
	for _, c := range cases {
		f, err := orm.ParseFilter(c.filter)
		if err != nil {
			t.Errorf("ParseFilter(%v): %v", c.filter, err)
			continue
		}
		rows, err := db.List(ctx, c.model, f)
		if err != nil {
			t.Errorf("List(%s, %v): %v", c.model.Name(), c.filter, err)
			continue
		}
		if got := ids(rows); !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("List(%s, %v) ids = %v, want %v", c.model.Name(), c.filter, got, c.want)
		}
	}
	// And combines filters; the inline formset's "author = parent" is one.
	byAuthor, _ := orm.Where("author", 1)
	cheap, _ := orm.Where("price__lt", 10)
	rows, err := db.List(ctx, book, byAuthor.And(cheap))
	if err != nil || !slices.Equal(ids(rows), []int64{1}) {
		t.Errorf("And: %v, %v", ids(rows), err)
	}
}

func testFilterErrors(t *testing.T, db *orm.DB) {
	author, book := library(t, db)
	cases := []struct {
		model  *orm.Model
		filter map[string]any
		want   string
	}{
		{author, map[string]any{"colour": 1}, `unknown field "colour"`},
		{author, map[string]any{"age__id": 1}, `"age" is not a ForeignKey`},
		{author, map[string]any{"age__contains": "3"}, `needs a text field`},
		{author, map[string]any{"age": "thirty"}, `does not fit a IntegerField`},
		{author, map[string]any{"age__gt": 1.5}, `does not fit a IntegerField`},
		{author, map[string]any{"name": "nul\x00"}, `NUL byte`},
		{book, map[string]any{"published__gt": "yesterday"}, `not a date`},
		{book, map[string]any{"price__in": []any{"x"}}, `DecimalField`},
	}
	for _, c := range cases {
		f, err := orm.ParseFilter(c.filter)
		if err != nil {
			t.Errorf("ParseFilter(%v): %v", c.filter, err)
			continue
		}
		_, err = db.List(ctx, c.model, f)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("List(%v) error = %v, want one containing %q", c.filter, err, c.want)
		}
		if _, err := db.Exists(ctx, c.model, f, 0); err == nil {
			t.Errorf("Exists(%v) succeeded", c.filter)
		}
	}
	if _, err := db.List(ctx, author, orm.Filter{}, "colour"); err == nil || !strings.Contains(err.Error(), `"colour"`) {
		t.Errorf("order by colour: %v", err)
	}
}

func testOrder(t *testing.T, db *orm.DB) {
	author, book := library(t, db)
	cases := []struct {
		model *orm.Model
		order []string
		want  []int64
	}{
		{author, nil, []int64{1, 2, 3, 4}},
		{author, []string{"age"}, []int64{2, 1, 4, 3}},  // NULL first ascending
		{author, []string{"-age"}, []int64{3, 4, 1, 2}}, // NULL last descending
		{author, []string{"name"}, []int64{1, 2, 3, 4}},
		{author, []string{"-name"}, []int64{4, 3, 2, 1}},
		{author, []string{"-pk"}, []int64{4, 3, 2, 1}},
		{book, []string{"price"}, []int64{4, 1, 3, 2}}, // numeric, not text, order
		{book, []string{"-author", "title"}, []int64{4, 3, 1, 2}},
		{book, []string{"published"}, []int64{2, 4, 1, 3}},
		{book, []string{"in_print", "-id"}, []int64{2, 4, 3, 1}},
	}
	for _, c := range cases {
		rows, err := db.List(ctx, c.model, orm.Filter{}, c.order...)
		if err != nil {
			t.Errorf("List(%v): %v", c.order, err)
			continue
		}
		if got := ids(rows); !slices.Equal(got, c.want) {
			t.Errorf("List order %v = %v, want %v", c.order, got, c.want)
		}
	}
	// A model's own ordering is the default.
	sorted := mustModel(t, `{"name": "Sorted", "fields": [{"name": "n", "type": "IntegerField"}], "ordering": ["-n"]}`)
	if err := db.CreateTables(ctx, sorted); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{2, 3, 1} {
		if _, err := db.Insert(ctx, sorted, orm.Row{"n": n}); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.List(ctx, sorted, orm.Filter{})
	if err != nil || !slices.Equal(ids(rows), []int64{2, 1, 3}) {
		t.Errorf("default ordering: %v, %v", ids(rows), err)
	}
}

func testExists(t *testing.T, db *orm.DB) {
	author, book := library(t, db)
	cases := []struct {
		model   *orm.Model
		filter  map[string]any
		exclude int64
		want    bool
	}{
		{author, map[string]any{"name": "Ann"}, 0, true},
		{author, map[string]any{"name": "Ann"}, 1, false}, // editing Ann itself
		{author, map[string]any{"name": "Ann"}, 2, true},
		{author, map[string]any{"name": "Dee"}, 0, false},
		{author, nil, 0, true},
		{book, map[string]any{"author": 1, "title": "First"}, 0, true}, // unique_together
		{book, map[string]any{"author": 3, "title": "First"}, 0, false},
		{book, map[string]any{"author": 1, "title": "First"}, 1, false},
	}
	for _, c := range cases {
		f, err := orm.ParseFilter(c.filter)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Exists(ctx, c.model, f, c.exclude)
		if err != nil || got != c.want {
			t.Errorf("Exists(%s, %v, exclude %d) = %v, %v; want %v", c.model.Name(), c.filter, c.exclude, got, err, c.want)
		}
	}
}

func testGetUpdateDelete(t *testing.T, db *orm.DB) {
	author, book := library(t, db)
	if _, err := db.Get(ctx, author, 99); !errors.Is(err, orm.ErrNotFound) {
		t.Errorf("Get(99) error = %v, want ErrNotFound", err)
	}
	if err := db.Update(ctx, author, 1, orm.Row{"age": 31}); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Get(ctx, author, 1)
	sameRow(t, got, orm.Row{"id": int64(1), "name": "Ann", "age": int64(31)}) // name untouched
	if err := db.Update(ctx, author, 99, orm.Row{"age": 1}); !errors.Is(err, orm.ErrNotFound) {
		t.Errorf("Update(99) error = %v, want ErrNotFound", err)
	}
	if err := db.Update(ctx, author, 99, orm.Row{}); !errors.Is(err, orm.ErrNotFound) {
		t.Errorf("empty Update(99) error = %v, want ErrNotFound", err)
	}
	if err := db.Update(ctx, author, 1, orm.Row{}); err != nil {
		t.Errorf("empty Update(1): %v", err)
	}
	if err := db.Update(ctx, author, 1, orm.Row{"colour": 1}); err == nil || !strings.Contains(err.Error(), `"colour"`) {
		t.Errorf("Update(colour): %v", err)
	}
	if err := db.Update(ctx, author, 1, orm.Row{"name": nil}); err == nil || !strings.Contains(err.Error(), "not nullable") {
		t.Errorf("Update(name: nil): %v", err)
	}
	if err := db.Delete(ctx, book, 4); err != nil {
		t.Fatal(err)
	}
	if err := db.Delete(ctx, book, 4); !errors.Is(err, orm.ErrNotFound) {
		t.Errorf("second Delete error = %v, want ErrNotFound", err)
	}
	// Ids keep counting after a delete, as Django's AutoField does.
	id, err := db.Insert(ctx, book, orm.Row{"author": 3, "title": "New", "price": 1})
	if err != nil || id != 5 {
		t.Errorf("insert after delete = %d, %v; want 5", id, err)
	}
}

func testConstraints(t *testing.T, db *orm.DB) {
	author, book := library(t, db)
	cases := []struct {
		name string
		do   func() error
	}{
		{"unique", func() error { _, err := db.Insert(ctx, author, orm.Row{"name": "Ann"}); return err }},
		{"unique on update", func() error { return db.Update(ctx, author, 2, orm.Row{"name": "Ann"}) }},
		{"unique_together", func() error {
			_, err := db.Insert(ctx, book, orm.Row{"author": 1, "title": "First", "price": 1})
			return err
		}},
		{"missing ForeignKey target", func() error {
			_, err := db.Insert(ctx, book, orm.Row{"author": 99, "title": "Ghost", "price": 1})
			return err
		}},
	}
	for _, c := range cases {
		if err := c.do(); !errors.Is(err, orm.ErrConstraint) {
			t.Errorf("%s: error = %v, want ErrConstraint", c.name, err)
		}
	}
	rows, _ := db.List(ctx, author, orm.Filter{})
	books, _ := db.List(ctx, book, orm.Filter{})
	if len(rows) != 4 || len(books) != 4 {
		t.Errorf("after refused writes: %d authors, %d books; want 4 and 4", len(rows), len(books))
	}
}

func testTransactions(t *testing.T, db *orm.DB) {
	author, book := library(t, db)
	count := func() int {
		rows, err := db.List(ctx, author, orm.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	boom := errors.New("boom")

	// Committed.
	err := db.InTx(ctx, func(s orm.Store) error {
		_, err := s.Insert(ctx, author, orm.Row{"name": "Dee"})
		return err
	})
	if err != nil || count() != 5 {
		t.Fatalf("commit: %v, %d rows", err, count())
	}
	// An error rolls everything back, including updates and deletes.
	err = db.InTx(ctx, func(s orm.Store) error {
		if _, err := s.Insert(ctx, author, orm.Row{"name": "Eve"}); err != nil {
			return err
		}
		if err := s.Update(ctx, author, 1, orm.Row{"name": "Changed"}); err != nil {
			return err
		}
		if err := s.Delete(ctx, book, 1); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("InTx error = %v, want boom", err)
	}
	first, _ := db.Get(ctx, author, 1)
	if count() != 5 || first["name"] != "Ann" {
		t.Errorf("after rollback: %d rows, first %v", count(), first)
	}
	if _, err := db.Get(ctx, book, 1); err != nil {
		t.Errorf("deleted book not restored: %v", err)
	}
	// A panic rolls back too, and goes on to the caller.
	func() {
		defer func() {
			if p := recover(); p != "bang" {
				t.Errorf("recovered %v, want bang", p)
			}
		}()
		db.InTx(ctx, func(s orm.Store) error {
			s.Insert(ctx, author, orm.Row{"name": "Fay"})
			panic("bang")
		})
	}()
	if count() != 5 {
		t.Errorf("after panic: %d rows, want 5", count())
	}
	// A nested InTx is a savepoint: its failure undoes only its own work.
	err = db.InTx(ctx, func(s orm.Store) error {
		if _, err := s.Insert(ctx, author, orm.Row{"name": "Gus"}); err != nil {
			return err
		}
		inner := s.InTx(ctx, func(s orm.Store) error {
			if _, err := s.Insert(ctx, author, orm.Row{"name": "Hal"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(inner, boom) {
			t.Errorf("inner error = %v", inner)
		}
		// The same name again fails as a constraint; undone by its savepoint.
		dup := s.InTx(ctx, func(s orm.Store) error {
			_, err := s.Insert(ctx, author, orm.Row{"name": "Gus"})
			return err
		})
		if !errors.Is(dup, orm.ErrConstraint) {
			t.Errorf("duplicate inside savepoint: %v", dup)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := db.List(ctx, author, orm.Filter{}, "name")
	var names []string
	for _, r := range rows {
		names = append(names, r["name"].(string))
	}
	if strings.Join(names, ",") != "Ann,Bob,Cy,Dee,Gus,ann_%" {
		t.Errorf("names after savepoints = %v", names)
	}
	// ForeignKeys are checked at commit: a formset may write rows in any
	// order, but a dangling reference fails the whole transaction.
	err = db.InTx(ctx, func(s orm.Store) error {
		if _, err := s.Insert(ctx, book, orm.Row{"author": 99, "title": "Later", "price": 1}); err != nil {
			return err
		}
		return s.Delete(ctx, author, 99) // nothing: the target never comes
	})
	if !errors.Is(err, orm.ErrConstraint) && !errors.Is(err, orm.ErrNotFound) {
		t.Errorf("dangling reference: %v", err)
	}
	if rows, _ := db.List(ctx, book, orm.Filter{}); len(rows) != 4 {
		t.Errorf("dangling reference left %d books", len(rows))
	}
	err = db.InTx(ctx, func(s orm.Store) error {
		_, err := s.Insert(ctx, book, orm.Row{"author": 99, "title": "Later", "price": 1})
		return err
	})
	if !errors.Is(err, orm.ErrConstraint) {
		t.Errorf("dangling reference at commit: %v, want ErrConstraint", err)
	}
	if rows, _ := db.List(ctx, book, orm.Filter{}); len(rows) != 4 {
		t.Errorf("dangling reference at commit left %d books", len(rows))
	}
}

func testHostile(t *testing.T, db *orm.DB) {
	// Reserved words as model and field names.
	m := mustModel(t, `{"name": "Order", "fields": [
		{"name": "select", "type": "TextField"},
		{"name": "group", "type": "IntegerField", "null": true},
		{"name": "user", "type": "ForeignKey", "to": "User", "null": true}]}`)
	user := mustModel(t, `{"name": "User", "fields": [{"name": "table", "type": "CharField", "max_length": 30}]}`)
	if err := db.CreateTables(ctx, m, user); err != nil { // User is created first
		t.Fatal(err)
	}
	values := []string{
		`O'Brien`, `"; DROP TABLE "order"; --`, `'); DELETE FROM "user"; --`, `\`, `\'`, `%`, `_`,
		`$1`, `?`, `:name`, "tab\there", "\u202e right-to-left", strings.Repeat("x", 100000),
	}
	for _, v := range values {
		id, err := db.Insert(ctx, m, orm.Row{"select": v})
		if err != nil {
			t.Fatalf("insert %.20q: %v", v, err)
		}
		f, _ := orm.Where("select", v)
		rows, err := db.List(ctx, m, f)
		if err != nil || len(rows) != 1 || rows[0]["id"] != id || rows[0]["select"] != v {
			t.Errorf("exact %.20q: %v rows, %v", v, len(rows), err)
		}
		f, _ = orm.Where("select__contains", v)
		if rows, err := db.List(ctx, m, f); err != nil || len(rows) == 0 {
			t.Errorf("contains %.20q: %v rows, %v", v, len(rows), err)
		}
	}
	if rows, _ := db.List(ctx, m, orm.Filter{}); len(rows) != len(values) {
		t.Errorf("%d rows, want %d", len(rows), len(values))
	}
	// NUL bytes and bad UTF-8 are refused as errors on every backend
	// (PostgreSQL cannot store them), in writes and in lookups.
	for _, v := range []string{"a\x00b", "\x00", "\xc3\x28"} {
		if _, err := db.Insert(ctx, m, orm.Row{"select": v}); err == nil {
			t.Errorf("insert %q succeeded", v)
		}
		if err := db.Update(ctx, m, 1, orm.Row{"select": v}); err == nil {
			t.Errorf("update %q succeeded", v)
		}
		for _, lookup := range []string{"select", "select__icontains", "select__in"} {
			var val any = v
			if lookup == "select__in" {
				val = []any{"ok", v}
			}
			f, err := orm.Where(lookup, val)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.List(ctx, m, f); err == nil {
				t.Errorf("%s %q succeeded", lookup, v)
			}
		}
	}
	// Hostile filter keys never reach SQL.
	for _, key := range []string{`select"; --`, `1=1 OR select`, `select__gt__lt`} {
		f, err := orm.ParseFilter(map[string]any{key: 1})
		if err == nil {
			_, err = db.List(ctx, m, f)
		}
		if err == nil {
			t.Errorf("filter key %q accepted", key)
		}
	}
	if _, err := db.List(ctx, m, orm.Filter{}, `select; DROP TABLE "order"`); err == nil {
		t.Error("hostile order accepted")
	}
	// Cancelled contexts give errors, not hangs or panics.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.List(cancelled, m, orm.Filter{}); err == nil {
		t.Error("List with a cancelled context succeeded")
	}
	if rows, err := db.List(ctx, m, orm.Filter{}); err != nil || len(rows) != len(values) {
		t.Errorf("after cancellation: %d rows, %v", len(rows), err)
	}
}

func testConcurrent(t *testing.T, db *orm.DB) {
	m := mustModel(t, `{"name": "Event", "fields": [{"name": "worker", "type": "IntegerField"}, {"name": "n", "type": "IntegerField"}]}`)
	if err := db.CreateTables(ctx, m); err != nil {
		t.Fatal(err)
	}
	const workers, each = 8, 25
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []int64
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range each {
				id, err := db.Insert(ctx, m, orm.Row{"worker": w, "n": n})
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				got = append(got, id)
				mu.Unlock()
				if _, err := db.Get(ctx, m, id); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	slices.Sort(got)
	for i, id := range got {
		if id != int64(i+1) {
			t.Fatalf("ids are not 1..%d: %v", workers*each, got)
		}
	}
	rows, err := db.List(ctx, m, orm.Filter{})
	if err != nil || len(rows) != workers*each {
		t.Errorf("List: %d rows, %v", len(rows), err)
	}
	// Each worker's rows were written in its own order.
	last := map[int64]int64{}
	for _, r := range rows {
		w, n := r["worker"].(int64), r["n"].(int64)
		if prev, ok := last[w]; ok && n <= prev {
			t.Errorf("worker %d: n %d after %d", w, n, prev)
		}
		last[w] = n
	}
}

// testSpecCorpus loads the models of the conformance cases and checks the
// tables against the reference's db_after_save where the formset saved
// nothing, and the queryset filter against the rows it must select.
func testSpecCorpus(t *testing.T, db *orm.DB) {
	// The project's copy of the shared corpus.
	dir := "../testdata"
	cases := []struct {
		name     string
		unsaved  bool    // golden db_after_save equals the loaded rows
		selected []int64 // ids the queryset_filter selects, if any
	}{
		{"model_formset_unique_in_db", true, nil},
		{"inline_formset_invalid_price", true, nil},
		{"model_formset_queryset_filter_tamper", false, []int64{3}},
	}
	for i, c := range cases {
		var cs struct {
			Models       []any `json:"models"`
			ModelFormset struct {
				QuerysetFilter map[string]any `json:"queryset_filter"`
				Model          string         `json:"model"`
			} `json:"model_formset"`
		}
		var golden struct {
			Outputs struct {
				DBAfterSave map[string][]map[string]any `json:"db_after_save"`
			} `json:"outputs"`
		}
		readJSON(t, filepath.Join(dir, "cases", c.name+".json"), &cs)
		readJSON(t, filepath.Join(dir, "golden", c.name+".json"), &golden)
		// Each case gets its own tables: a fresh database per case in the
		// formset runner, a fresh schema name here.
		for _, spec := range cs.Models {
			spec := spec.(map[string]any)
			spec["name"] = fmt.Sprintf("%s%d", spec["name"], i)
			for _, f := range spec["fields"].([]any) {
				if f := f.(map[string]any); f["to"] != nil {
					f["to"] = fmt.Sprintf("%s%d", f["to"], i)
				}
			}
		}
		var reg orm.Registry
		models, err := specreg.LoadModels(ctx, db, &reg, cs.Models)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.unsaved {
			got := map[string][]map[string]any{}
			for _, m := range models {
				rows, err := db.List(ctx, m, orm.Filter{})
				if err != nil {
					t.Fatal(err)
				}
				name := strings.TrimSuffix(m.Name(), fmt.Sprint(i))
				got[name] = []map[string]any{}
				for _, r := range rows {
					got[name] = append(got[name], specreg.RowToSpec(m, r))
				}
			}
			if a, b := canonicalJSON(t, got), canonicalJSON(t, golden.Outputs.DBAfterSave); a != b {
				t.Errorf("%s: tables\n%s\nwant (golden db_after_save)\n%s", c.name, a, b)
			}
		}
		if c.selected != nil {
			f, err := orm.ParseFilter(cs.ModelFormset.QuerysetFilter)
			if err != nil {
				t.Fatal(err)
			}
			m, _ := reg.Lookup(fmt.Sprintf("%s%d", cs.ModelFormset.Model, i))
			rows, err := db.List(ctx, m, f)
			if err != nil || !slices.Equal(ids(rows), c.selected) {
				t.Errorf("%s: queryset_filter selects %v, %v; want %v", c.name, ids(rows), err, c.selected)
			}
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// canonicalJSON re-encodes v through encoding/json so that int64 and
// float64 numbers compare by value.
func canonicalJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var generic any
	json.Unmarshal(data, &generic)
	data, _ = json.Marshal(generic)
	return string(data)
}

func testZeroValues(t *testing.T, db *orm.DB) {
	var zero orm.DB
	m := mustModel(t, `{"name": "Z", "fields": []}`)
	if _, err := zero.List(ctx, m, orm.Filter{}); err == nil {
		t.Error("List on a zero DB succeeded")
	}
	if err := zero.InTx(ctx, func(orm.Store) error { return nil }); err == nil {
		t.Error("InTx on a zero DB succeeded")
	}
	if err := zero.Close(); err != nil {
		t.Errorf("Close on a zero DB: %v", err)
	}
	if _, err := db.Insert(ctx, &orm.Model{}, orm.Row{}); err == nil {
		t.Error("Insert of a zero Model succeeded")
	}
	if err := db.CreateTables(ctx, nil); err == nil {
		t.Error("CreateTables(nil) succeeded")
	}
	a := mustModel(t, `{"name": "A", "fields": [{"name": "b", "type": "ForeignKey", "to": "B"}]}`)
	b := mustModel(t, `{"name": "B", "fields": [{"name": "a", "type": "ForeignKey", "to": "A"}]}`)
	if err := db.CreateTables(ctx, a, b); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("ForeignKey cycle: %v", err)
	}
}
