// Command app serves formwork's example application (package
// exampleapp): a contact form, a formset and an edit-only model formset on
// an embedded SQLite database.
//
//	go run ./examples/app [-addr 127.0.0.1:8000]
package main

import (
	"context"
	"flag"
	"log"

	"github.com/formwork/formwork/examples/exampleapp"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "listen on `ADDR`")
	flag.Parse()
	a, err := exampleapp.New(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	log.Printf("listening on http://%s/", *addr)
	log.Fatal(exampleapp.NewServer(*addr, a).ListenAndServe())
}
