// Package exampleapp is a small net/http application built with formwork:
// a contact form, a formset of order lines, and an edit-only model formset
// over an embedded SQLite database. Messages follow the browser's
// Accept-Language (English, French, German, Simplified Chinese). Its links
// are relative, so it can be mounted under any path:
//
//	go run ./examples/app                  the app alone
//	go run ./cmd/formwork serve            the app under /app/, beside the template gallery
package exampleapp

import (
	"context"
	"fmt"
	"html/template"
	"log"
	"net/http"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/modelforms"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/renderers"
)

// Contact is what the contact form collects; its tags declare the form.
type Contact struct {
	Name    string `formwork:"name,max_length=40,label=Your name"`
	Email   string `formwork:"email,type=EmailField"`
	Topic   string `formwork:"topic,type=ChoiceField,choices=q:Question|b:Bug,widget=RadioSelect"`
	Message string `formwork:"message,widget=Textarea"`
}

// Line is one order line of the order formset.
type Line struct {
	Item     string `formwork:"item,max_length=30"`
	Quantity int    `formwork:"quantity,min_value=1"`
}

// Book is the model the model formset edits.
type Book struct {
	Title string          `formwork:"max_length=60"`
	Price decimal.Decimal `formwork:"max_digits=6,decimal_places=2"`
}

// App is the example application, an http.Handler; what its handlers
// share is safe for concurrent use.
type App struct {
	db       *orm.DB
	contact  *forms.Typed[Contact]
	line     *forms.Typed[Line]
	lines    *formsets.Declaration
	books    *modelforms.FormsetDeclaration
	book     *orm.Model
	renderer renderers.Renderer
	// stylesheet is the URL the pages link to (NewWithLook), or "".
	stylesheet string
	mux        *http.ServeMux
	handler    http.Handler // mux behind Guard
}

// New builds the application over a fresh in-memory database.
func New(ctx context.Context) (*App, error) {
	a := &App{renderer: renderers.NewDjangoDivFormRenderer(), mux: http.NewServeMux()}
	var err error
	if a.contact, err = forms.For[Contact](); err != nil {
		return nil, err
	}
	if a.line, err = forms.For[Line](); err != nil {
		return nil, err
	}
	if a.lines, err = formsets.Declare(a.line.Declaration, formsets.Extra(2), formsets.CanDelete(true), formsets.MaxNum(5), formsets.ValidateMax(true)); err != nil {
		return nil, fmt.Errorf("order lines: %w", err)
	}
	if a.book, err = orm.ModelFromStruct(Book{}); err != nil {
		return nil, fmt.Errorf("book model: %w", err)
	}
	if a.books, err = modelforms.DeclareFormset(modelforms.Meta{Model: a.book, Fields: []string{"title", "price"}},
		modelforms.FormsetOptions{EditOnly: true}, formsets.Extra(0)); err != nil {
		return nil, fmt.Errorf("book formset: %w", err)
	}
	if a.db, err = orm.OpenMemory(); err != nil {
		return nil, err
	}
	if err := a.db.CreateTables(ctx, a.book); err != nil {
		return nil, err
	}
	for _, r := range []orm.Row{{"title": "Dune", "price": "9.99"}, {"title": "Emma", "price": "4.50"}} {
		if _, err := a.db.Insert(ctx, a.book, r); err != nil {
			return nil, err
		}
	}
	a.mux.HandleFunc("GET /{$}", a.index)
	a.mux.HandleFunc("/contact", a.contactPage)
	a.mux.HandleFunc("/order", a.orderPage)
	a.mux.HandleFunc("/books", a.booksPage)
	a.handler = Guard(a.mux)
	return a, nil
}

// ServeHTTP implements http.Handler, with the guards of Guard.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.handler.ServeHTTP(w, r) }

// Close closes the application's database.
func (a *App) Close() error { return a.db.Close() }

// translator is the request's language, from Accept-Language.
func translator(r *http.Request) *i18n.Translator {
	return i18n.Negotiate(r.Header.Get("Accept-Language"))
}

func (a *App) index(w http.ResponseWriter, r *http.Request) {
	a.show(w, "index", map[string]any{"Title": "formwork example"})
}

func (a *App) contactPage(w http.ResponseWriter, r *http.Request) {
	opts := forms.Options{Renderer: a.renderer, Translator: translator(r)}
	data := map[string]any{"Title": "Contact"}
	if r.Method != http.MethodPost {
		data["Form"] = a.contact.New(opts)
		a.show(w, "contact", data)
		return
	}
	f, err := a.contact.BindRequest(r, opts, forms.RequestLimits{})
	if err != nil {
		fail(w, http.StatusBadRequest, err)
		return
	}
	if c, ok := f.Valid(); ok {
		data["Done"] = fmt.Sprintf("Thank you, %s: we will answer at %s.", c.Name, c.Email)
	}
	data["Form"] = f
	a.show(w, "contact", data)
}

func (a *App) orderPage(w http.ResponseWriter, r *http.Request) {
	opts := formsets.Options{Renderer: a.renderer, Translator: translator(r)}
	data := map[string]any{"Title": "Order"}
	if r.Method != http.MethodPost {
		data["Formset"] = a.lines.New(opts)
		a.show(w, "order", data)
		return
	}
	values, files, err := forms.RequestData(r, forms.RequestLimits{NoFiles: true})
	if err != nil {
		fail(w, http.StatusBadRequest, err)
		return
	}
	fs := a.lines.Bind(values, files, opts)
	if fs.IsValid() {
		total := 0
		for i, cd := range fs.CleanedData() {
			if deleted, _ := cd["DELETE"].(bool); len(cd) == 0 || deleted {
				continue
			}
			// The line form checked the quantity fits an int (a larger
			// number is a validation error, not a panic).
			if q, ok := forms.Cleaned[int64](fs.Form(i), "quantity"); ok {
				total += int(q)
			}
		}
		data["Done"] = fmt.Sprintf("Ordered %d items.", total)
	}
	data["Formset"] = fs
	a.show(w, "order", data)
}

func (a *App) booksPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	args := modelforms.FormsetArgs{Options: formsets.Options{Renderer: a.renderer, Translator: translator(r)}, Order: []string{"id"}}
	data := map[string]any{"Title": "Books"}
	var fs *modelforms.Formset
	var err error
	if r.Method == http.MethodPost {
		values, files, rerr := forms.RequestData(r, forms.RequestLimits{NoFiles: true})
		if rerr != nil {
			fail(w, http.StatusBadRequest, rerr)
			return
		}
		fs, err = a.books.Bind(ctx, a.db, values, files, args)
		if err == nil && fs.IsValid() {
			if _, err = fs.Save(ctx, true); err == nil {
				data["Done"] = fmt.Sprintf("Saved: %d changed.", len(fs.ChangedObjects))
				fs, err = a.books.New(ctx, a.db, args)
			}
		}
	} else {
		fs, err = a.books.New(ctx, a.db, args)
	}
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	data["Formset"] = fs.Formset
	a.show(w, "books", data)
}

// show renders a page into a buffer first (forms.ExecuteTemplate), so a
// form that fails to render becomes a 500 rather than half a page.
func (a *App) show(w http.ResponseWriter, name string, data map[string]any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	data["Stylesheet"] = a.stylesheet
	if err := forms.ExecuteTemplate(w, pages, name, data); err != nil {
		fail(w, http.StatusInternalServerError, err)
	}
}

// fail answers a request that cannot be served: the error goes to the
// log, for the developer; the visitor sees only the status text, never an
// internal message (a request limit's, a template's, the database's).
func fail(w http.ResponseWriter, status int, err error) {
	log.Printf("exampleapp: %d: %v", status, err)
	http.Error(w, http.StatusText(status), status)
}

var pages = template.Must(template.New("pages").Funcs(forms.TemplateFuncs()).Parse(`
{{define "head"}}<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title>{{if .Stylesheet}}<link rel="stylesheet" href="{{.Stylesheet}}">{{end}}</head><body>
<nav><a href="./">Home</a> · <a href="contact">Contact</a> · <a href="order">Order</a> · <a href="books">Books</a></nav>
<h1>{{.Title}}</h1>{{if .Done}}<p class="done">{{.Done}}</p>{{end}}{{end}}
{{define "index"}}{{template "head" .}}<p>A contact form, a formset and a model formset.</p></body></html>{{end}}
{{define "contact"}}{{template "head" .}}<form method="post">{{.Form.HTML}}<button>Send</button></form></body></html>{{end}}
{{define "order"}}{{template "head" .}}<form method="post">{{formhtml .Formset}}<button>Order</button></form></body></html>{{end}}
{{define "books"}}{{template "head" .}}<form method="post">{{formhtml .Formset}}<button>Save</button></form></body></html>{{end}}
`))
