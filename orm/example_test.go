package orm_test

import (
	"context"
	"fmt"
	"log"

	"github.com/formwork/formwork/orm"
	"github.com/shopspring/decimal"
)

// Define a model from Go struct tags, create its table, insert rows and
// list the ones a Django-style filter selects.
func Example() {
	type Book struct {
		Title string          `formwork:"max_length=60,unique"`
		Price decimal.Decimal `formwork:"max_digits=6,decimal_places=2"`
		Pages int             `formwork:"null"`
	}
	book, err := orm.ModelFromStruct(Book{})
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	db, err := orm.OpenMemory()
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if err := db.CreateTables(ctx, book); err != nil {
		log.Fatal(err)
	}
	for _, r := range []orm.Row{
		{"title": "Short", "price": "9.5", "pages": 90},
		{"title": "Long", "price": decimal.RequireFromString("24.99"), "pages": 900},
		{"title": "Unknown", "price": 12},
	} {
		if _, err := db.Insert(ctx, book, r); err != nil {
			log.Fatal(err)
		}
	}

	filter, err := orm.ParseFilter(map[string]any{"price__gte": "9.50", "title__icontains": "o"})
	if err != nil {
		log.Fatal(err)
	}
	rows, err := db.List(ctx, book, filter, "-price")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(book.Name(), "-", book.VerboseName())
	for _, r := range rows {
		price := r["price"].(decimal.Decimal)
		fmt.Println(r["id"], r["title"], price.StringFixed(2), r["pages"])
	}
	// Output:
	// Book - book
	// 2 Long 24.99 900
	// 3 Unknown 12.00 <nil>
	// 1 Short 9.50 90
}
