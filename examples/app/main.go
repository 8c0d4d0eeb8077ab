// Command app serves formwork's example application (package
// exampleapp): a signup form, an author with their books (an inline
// formset), an edit-only model formset of books, a contact form and an
// order formset, on SQLite or PostgreSQL, its pages laid out for a theme
// pack.
//
//	go run ./examples/app [-addr 127.0.0.1:8000] [-theme bootstrap5|govuk] [-db FILE|postgres://...]
//
// Without -db the database is in memory and lost when the command ends;
// with an SQLite file or a PostgreSQL URL the tables are created on the
// first start and kept. The theme's stylesheet is served when
// .ci/themes-install.sh has installed it (the pages say how otherwise).
package main

import (
	"context"
	"flag"
	"log"
	"strings"

	"github.com/formwork/formwork/examples/exampleapp"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"

	// The Django template engine renders the templates a theme overrides.
	_ "github.com/formwork/formwork/renderers/djangoengine"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "listen on `ADDR`")
	theme := flag.String("theme", "", "render with the theme pack `NAME` ("+strings.Join(templates.ThemeNames(), ", ")+"); none: the built-in templates")
	db := flag.String("db", "", "the database: an SQLite file `DSN` or a postgres:// URL; none: in memory")
	flag.Parse()
	if err := renderers.CheckTheme(*theme); err != nil {
		log.Fatalf("-theme: %v", err)
	}
	a, err := exampleapp.Open(context.Background(), exampleapp.Config{DB: *db, Look: exampleapp.Look{Theme: *theme}})
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	log.Printf("listening on http://%s/", *addr)
	log.Fatal(exampleapp.NewServer(*addr, a).ListenAndServe())
}
