package orm_test

import (
	"encoding/json"
	"github.com/formwork/formwork/internal/specreg"
	"github.com/formwork/formwork/orm"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestCamelCaseToSpaces(t *testing.T) {
	// Expected values from Django 4.2's django.utils.text.camel_case_to_spaces.
	cases := map[string]string{
		"BookReview": "book review", "Author": "author", "HTTPResponse": "http response",
		"HTMLParser2": "html parser2", "ABC": "abc", "A": "a", "myModel": "my model",
		"Book2Review": "book2 review", "URLToPDF": "url to pdf", "already_snake": "already_snake",
		"XMLHttpRequest": "xml http request", "Q1Report": "q1 report",
	}
	for in, want := range cases {
		if got := orm.CamelCaseToSpaces(in); got != want {
			t.Errorf("CamelCaseToSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnakeCase(t *testing.T) {
	cases := map[string]string{
		"Title": "title", "PublishedOn": "published_on", "ISBNCode": "isbn_code",
		"AuthorID": "author_id", "Page2Count": "page2_count",
	}
	for in, want := range cases {
		if got := orm.SnakeCase(in); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func specOf(t *testing.T, src string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(src), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestModelFromSpec(t *testing.T) {
	m, err := specreg.ModelFromSpec(specOf(t, `{"name": "BookReview", "fields": [
		{"name": "book_title", "type": "CharField", "max_length": 60, "unique": true, "help_text": "h"},
		{"name": "stars", "type": "PositiveIntegerField", "default": 3, "choices": [[1, "one"], ["Many", [[2, "two"], [3, "three"]]]]},
		{"name": "price", "type": "DecimalField", "max_digits": 6, "decimal_places": 2, "default": {"$decimal": "1.5"}},
		{"name": "email", "type": "EmailField", "blank": true, "editable": false},
		{"name": "on", "type": "DateField", "null": true, "default": {"$date": "2022-08-03"}},
		{"name": "parent", "type": "ForeignKey", "to": "self", "null": true}],
		"unique_together": [["book_title", "stars"]], "rows": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if m.Name() != "BookReview" || m.VerboseName() != "book review" || m.Table() != "bookreview" {
		t.Errorf("names = %q %q %q", m.Name(), m.VerboseName(), m.Table())
	}
	var names []string
	for _, f := range m.Fields() {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "id,book_title,stars,price,email,on,parent" {
		t.Errorf("field order = %s", got)
	}
	id, _ := m.Field("pk")
	if id.Type != orm.AutoField || !id.PrimaryKey || id.VerboseName != "ID" {
		t.Errorf("pk = %+v", id)
	}
	title, _ := m.Field("book_title")
	if title.VerboseName != "book title" || !title.Unique || title.MaxLength != 60 || title.HelpText != "h" || !title.Editable() {
		t.Errorf("book_title = %+v", title)
	}
	stars, _ := m.Field("stars")
	if stars.Default != int64(3) || !stars.HasDefault {
		t.Errorf("stars default = %#v", stars.Default)
	}
	wantChoices := [][2]any{{int64(1), "one"}, {"Many", [][2]any{{int64(2), "two"}, {int64(3), "three"}}}}
	if !reflect.DeepEqual(stars.Choices, wantChoices) {
		t.Errorf("choices = %#v", stars.Choices)
	}
	price, _ := m.Field("price")
	if d := price.Default.(decimal.Decimal); d.StringFixed(d.Exponent()*-1) != "1.50" {
		t.Errorf("price default = %v (exp %d)", d, d.Exponent())
	}
	email, _ := m.Field("email")
	if email.MaxLength != 254 || email.Editable() {
		t.Errorf("email = %+v", email)
	}
	on, _ := m.Field("on")
	if !on.Default.(time.Time).Equal(time.Date(2022, 8, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("on default = %v", on.Default)
	}
	parent, _ := m.Field("parent")
	if parent.To != "BookReview" || parent.Column() != "parent_id" {
		t.Errorf("parent = %+v", parent)
	}
	if rel, _ := m.RelatedName("parent"); rel != "bookreview_set" {
		t.Errorf("related name = %q", rel)
	}
	if got := m.UniqueTogether(); !reflect.DeepEqual(got, [][]string{{"book_title", "stars"}}) {
		t.Errorf("unique_together = %v", got)
	}
}

func TestModelFromSpecErrors(t *testing.T) {
	cases := []struct{ spec, want string }{
		{`{"fields": []}`, `"name"`},
		{`{"name": "A", "fields": [], "colour": 1}`, `unknown key "colour"`},
		{`{"name": "A b", "fields": []}`, `not an identifier`},
		{`{"name": "A", "fields": [{"name": "x", "type": "CharField"}]}`, `max_length`},
		{`{"name": "A", "fields": [{"name": "x", "type": "Char"}]}`, `unknown type "Char"`},
		{`{"name": "A", "fields": [{"name": "x", "type": "TextField", "colour": 1}]}`, `unknown key "colour"`},
		{`{"name": "A", "fields": [{"name": "x", "type": "TextField", "null": "yes"}]}`, `"null"`},
		{`{"name": "A", "fields": [{"name": "x", "type": "IntegerField", "default": "three"}]}`, `default`},
		{`{"name": "A", "fields": [{"name": "x", "type": "IntegerField", "choices": [[1]]}]}`, `choice 0`},
		{`{"name": "A", "fields": [{"name": "x", "type": "DecimalField", "max_digits": 2, "decimal_places": 3}]}`, `decimal_places`},
		{`{"name": "A", "fields": [{"name": "x__y", "type": "TextField"}]}`, `"__"`},
		{`{"name": "A", "fields": [{"name": "x_", "type": "TextField"}]}`, `underscore`},
		{`{"name": "A", "fields": [{"name": "id", "type": "TextField"}]}`, `reserved`},
		{`{"name": "A", "fields": [{"name": "x\"; DROP TABLE a; --", "type": "TextField"}]}`, `not an identifier`},
		{`{"name": "A", "fields": [{"name": "x", "type": "TextField"}, {"name": "x", "type": "TextField"}]}`, `duplicate field "x"`},
		{`{"name": "A", "fields": [{"name": "b", "type": "ForeignKey", "to": "B"}, {"name": "b_id", "type": "TextField"}]}`, `clashes`},
		{`{"name": "A", "fields": [{"name": "x", "type": "TextField"}], "unique_together": [["y"]]}`, `unknown field "y"`},
		{`{"name": "A", "fields": [{"name": "x", "type": "TextField", "to": "B"}]}`, `only to ForeignKey`},
		{`{"name": "A", "fields": [], "ordering": ["-nope"]}`, `unknown field "nope"`},
	}
	for _, c := range cases {
		_, err := specreg.ModelFromSpec(specOf(t, c.spec))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ModelFromSpec(%s) error = %v, want one containing %q", c.spec, err, c.want)
		}
	}
}

type Book struct {
	ID        int64
	Title     string           `formwork:"max_length=60,unique,verbose_name=book title"`
	Body      string           `formwork:"blank"`
	Price     decimal.Decimal  `formwork:"max_digits=6,decimal_places=2,default=0"`
	Pages     uint             `formwork:"default=1"`
	Rating    *float64         // nullable FloatField
	InPrint   bool             `formwork:"default=true"`
	Published time.Time        `formwork:"null"`
	Author    int64            `formwork:"fk=Author,related_name=books"`
	Contact   string           `formwork:"type=EmailField,editable=false"`
	Secret    string           `formwork:"-"`
	Cost      *decimal.Decimal `formwork:"max_digits=8,decimal_places=3"`
	internal  int
}

func TestModelFromStruct(t *testing.T) {
	m, err := orm.ModelFromStruct(&Book{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range m.Fields() {
		got = append(got, f.Name+":"+string(f.Type))
	}
	want := "id:AutoField title:CharField body:TextField price:DecimalField pages:PositiveIntegerField " +
		"rating:FloatField in_print:BooleanField published:DateField author:ForeignKey contact:EmailField cost:DecimalField"
	if strings.Join(got, " ") != want {
		t.Errorf("fields = %s\nwant %s", strings.Join(got, " "), want)
	}
	title, _ := m.Field("title")
	rating, _ := m.Field("rating")
	pages, _ := m.Field("pages")
	inPrint, _ := m.Field("in_print")
	price, _ := m.Field("price")
	contact, _ := m.Field("contact")
	cost, _ := m.Field("cost")
	switch {
	case title.MaxLength != 60 || !title.Unique || title.VerboseName != "book title":
		t.Errorf("title = %+v", title)
	case !rating.Null || !cost.Null || cost.DecimalPlaces != 3:
		t.Errorf("nullable pointers: rating %+v cost %+v", rating, cost)
	case pages.Default != int64(1) || inPrint.Default != true:
		t.Errorf("defaults: pages %#v in_print %#v", pages.Default, inPrint.Default)
	case price.Default.(decimal.Decimal).StringFixed(2) != "0.00":
		t.Errorf("price default = %v", price.Default)
	case contact.Editable() || contact.MaxLength != 254:
		t.Errorf("contact = %+v", contact)
	}
	if rel, _ := m.RelatedName("author"); rel != "books" {
		t.Errorf("related name = %q", rel)
	}
	_ = Book{}.internal
}

func TestModelFromStructErrors(t *testing.T) {
	type badKey struct {
		X string `formwork:"colour=red"`
	}
	type badNum struct {
		X string `formwork:"max_length=ten"`
	}
	type badType struct{ X []int }
	type badDefault struct {
		X int `formwork:"default=many"`
	}
	cases := []struct {
		v    any
		want string
	}{
		{badKey{}, `unknown tag key "colour"`},
		{badNum{}, `"max_length"`},
		{badType{}, `no model field type`},
		{badDefault{}, `"default"`},
		{42, `not a struct`},
	}
	for _, c := range cases {
		_, err := orm.ModelFromStruct(c.v)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ModelFromStruct(%T) error = %v, want one containing %q", c.v, err, c.want)
		}
	}
}

func TestRegistry(t *testing.T) {
	var reg orm.Registry // the zero Registry is usable
	author := mustModel(t, `{"name": "Author", "fields": [{"name": "name", "type": "TextField"}]}`)
	book := mustModel(t, `{"name": "Book", "fields": [{"name": "author", "type": "ForeignKey", "to": "Author"}]}`)
	if err := reg.Register(book); err == nil || !strings.Contains(err.Error(), `unregistered model "Author"`) {
		t.Errorf("registering Book before Author: %v", err)
	}
	for _, m := range []*orm.Model{author, book} {
		if err := reg.Register(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := reg.Register(mustModel(t, `{"name": "author", "fields": []}`)); err == nil {
		t.Error("a second model on table author was accepted")
	}
	if m, ok := reg.Lookup("Book"); !ok || m != book {
		t.Error("Lookup(Book) failed")
	}
	if _, ok := reg.Lookup("Nope"); ok {
		t.Error("Lookup(Nope) succeeded")
	}
	if got := reg.Names(); got != "Author, Book" {
		t.Errorf("Names = %q", got)
	}
}

func mustModel(t *testing.T, spec string) *orm.Model {
	t.Helper()
	m, err := specreg.ModelFromSpec(specOf(t, spec))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestParseFilterErrors(t *testing.T) {
	cases := []struct {
		key   string
		value any
		want  string
	}{
		{"age__foo", 1, `unknown lookup "foo"`},
		{"author__name__exact", 1, `unknown lookup "name"`},
		{"a__b__c", 1, `unsupported lookup path`},
		{"age__in", 3, `in needs a list`},
		{"age__isnull", "yes", `isnull needs true or false`},
		{"age__gt", nil, `cannot compare with null`},
		{"__gt", 1, `unsupported lookup path`},
	}
	for _, c := range cases {
		_, err := orm.ParseFilter(map[string]any{c.key: c.value})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.key) {
			t.Errorf("ParseFilter(%s: %v) error = %v, want one naming the key and containing %q", c.key, c.value, err, c.want)
		}
	}
}

func TestToSpecValue(t *testing.T) {
	cases := []struct {
		in   any
		want any
	}{
		{decimal.RequireFromString("12.50"), map[string]any{"$decimal": "12.50"}},
		{decimal.RequireFromString("5"), map[string]any{"$decimal": "5"}},
		{time.Date(2022, 8, 3, 0, 0, 0, 0, time.UTC), map[string]any{"$date": "2022-08-03"}},
		{int64(3), int64(3)},
		{nil, nil},
	}
	for _, c := range cases {
		if got := specreg.ToSpecValue(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ToSpecValue(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestModelFromStructRelations(t *testing.T) {
	type Article struct {
		ID     int64
		Title  string    `formwork:"max_length=60,unique_for_month=starts"`
		Tags   []int64   `formwork:"m2m=Tag,blank"`
		Room   string    `formwork:"fk=Room,to_field=code"`
		Starts time.Time `formwork:"type=DateTimeField,default=2024-01-02 03:04:05"`
		Doc    string    `formwork:"type=FileField,upload_to=docs/,blank"`
	}
	m, err := orm.ModelFromStruct(Article{})
	if err != nil {
		t.Fatal(err)
	}
	tags, _ := m.Field("tags")
	room, _ := m.Field("room")
	starts, _ := m.Field("starts")
	doc, _ := m.Field("doc")
	if !tags.IsManyToMany() || tags.To != "Tag" || room.ToField != "code" || doc.UploadTo != "docs/" || doc.MaxLength != 100 {
		t.Errorf("fields: %+v %+v %+v", tags, room, doc)
	}
	if want := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC); !starts.HasDefault || !starts.Default.(time.Time).Equal(want) {
		t.Errorf("starts default %v", starts.Default)
	}
	// unique_for_month names the Go field's snake_case name, not the Go name.
	type Bad struct {
		Title string `formwork:"max_length=9,unique_for_month=Starts"`
	}
	if _, err := orm.ModelFromStruct(Bad{}); err == nil || !strings.Contains(err.Error(), "unique_for_month") {
		t.Errorf("unique_for_month naming no date field: %v", err)
	}
}
