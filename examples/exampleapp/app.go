// Package exampleapp is a small net/http application built with formwork,
// the one a team would start from: a signup form (a form-level check that
// the passwords match, a terms checkbox, a date and a choice), an author
// with their books (a model form and an inline formset), an edit-only
// model formset of every book, a contact form and a formset of order
// lines, on SQLite (in memory, or a file) or PostgreSQL. Its tables are
// created on every start (orm.CreateTables leaves existing ones alone),
// every POST is checked for cross-origin requests and request bodies are
// bounded (Guard), and a request it cannot serve is logged and answered
// with the status text only. Messages follow the browser's
// Accept-Language (English, French, German, Simplified Chinese...). Its
// pages are laid out for the theme its forms render with (Look). Its
// links are relative, so it can be mounted under any path:
//
//	go run ./examples/app [-theme govuk] [-db app.db | -db postgres://...]
//	go run ./cmd/formwork serve --theme govuk     the app under /app/, beside the template gallery
package exampleapp

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/formsets"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/modelforms"
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
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

// Author, Book and Member are the application's models (orm structs).
type Author struct {
	Name string `formwork:"max_length=60,unique"`
}

// Book is a book of one author; the inline formset edits an author's
// books, the model formset every book's title and price.
type Book struct {
	Author int64           `formwork:"fk=Author"`
	Title  string          `formwork:"max_length=60"`
	Price  decimal.Decimal `formwork:"max_digits=6,decimal_places=2"`
}

// Member is who signed up. The password is not stored: an application
// keeps a hash of it (golang.org/x/crypto/bcrypt, say), which this
// example, with no such dependency, leaves out.
type Member struct {
	Username string    `formwork:"max_length=30,unique"`
	Email    string    `formwork:"type=EmailField"`
	Plan     string    `formwork:"max_length=10"`
	Born     time.Time `formwork:"type=DateField,verbose_name=date of birth"`
}

// Config is how Open builds the application.
type Config struct {
	// DB is the database: "" a fresh in-memory SQLite database, a
	// postgres:// (or postgresql://) URL a PostgreSQL server, anything
	// else an SQLite file name.
	DB string
	// Look is how the pages look.
	Look Look
}

// App is the example application, an http.Handler; what its handlers
// share is safe for concurrent use.
type App struct {
	db      *orm.DB
	contact *forms.Typed[Contact]
	line    *forms.Typed[Line]
	lines   *formsets.Declaration

	author, book, member *orm.Model
	signup               *modelforms.Declaration
	authorForm           *modelforms.Declaration
	authorBooks          *modelforms.FormsetDeclaration
	books                *modelforms.FormsetDeclaration

	look    Look
	cssFile string // the theme's stylesheet this app serves, or ""
	mux     *http.ServeMux
	handler http.Handler // mux behind Guard
}

// New builds the application over a fresh in-memory database, with the
// built-in templates.
func New(ctx context.Context) (*App, error) { return Open(ctx, Config{}) }

// NewWithLook builds the application as New does, rendering its forms
// and pages with look.
func NewWithLook(ctx context.Context, look Look) (*App, error) {
	return Open(ctx, Config{Look: look})
}

// OpenDB opens the database a Config.DB names.
func OpenDB(ctx context.Context, dsn string) (*orm.DB, error) {
	switch {
	case dsn == "":
		return orm.OpenMemory()
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return orm.OpenPostgres(ctx, dsn)
	}
	return orm.OpenSQLite(dsn)
}

// Open builds the application: it declares its forms, opens the
// database, creates the tables that do not exist yet and, when there are
// no authors, adds two with their books.
func Open(ctx context.Context, cfg Config) (*App, error) {
	a := &App{look: cfg.Look, mux: http.NewServeMux()}
	if a.look.Renderer == nil {
		a.look.Renderer = Renderer(a.look.Theme, nil, false)
	}
	if a.look.Stylesheet == "" && a.look.Theme != "" {
		// Serve the theme's stylesheet ourselves (examples/app).
		if a.cssFile, a.look.Install = ThemeCSS(a.look.Theme); a.cssFile != "" {
			a.look.Stylesheet = "theme.css"
		}
	}
	if err := a.declare(); err != nil {
		return nil, err
	}
	var err error
	if a.db, err = OpenDB(ctx, cfg.DB); err != nil {
		return nil, err
	}
	if err := a.migrate(ctx); err != nil {
		a.db.Close()
		return nil, err
	}
	a.mux.HandleFunc("GET /{$}", a.index)
	a.mux.HandleFunc("/signup", a.signupPage)
	a.mux.HandleFunc("/author", a.authorPage)
	a.mux.HandleFunc("/books", a.booksPage)
	a.mux.HandleFunc("/contact", a.contactPage)
	a.mux.HandleFunc("/order", a.orderPage)
	if a.cssFile != "" {
		a.mux.HandleFunc("GET /theme.css", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, a.cssFile) })
		a.mux.Handle("GET /assets/", govukAssets())
	}
	a.handler = Guard(a.mux)
	return a, nil
}

func (a *App) declare() error {
	var err error
	if a.contact, err = forms.For[Contact](); err != nil {
		return err
	}
	if a.line, err = forms.For[Line](); err != nil {
		return err
	}
	if a.lines, err = formsets.Declare(a.line.Declaration, formsets.Extra(2), formsets.CanDelete(true), formsets.MaxNum(5), formsets.ValidateMax(true)); err != nil {
		return fmt.Errorf("order lines: %w", err)
	}
	reg := &orm.Registry{}
	for _, m := range []struct {
		to *(*orm.Model)
		v  any
	}{{&a.author, Author{}}, {&a.book, Book{}}, {&a.member, Member{}}} {
		if *m.to, err = orm.ModelFromStruct(m.v); err != nil {
			return fmt.Errorf("model %T: %w", m.v, err)
		}
		if err := reg.Register(*m.to); err != nil {
			return err
		}
	}
	if a.signup, err = modelforms.Declare(modelforms.Meta{Model: a.member, Fields: []string{"username", "email", "plan", "born"},
		Form: signupExtra, Registry: reg,
		HelpTexts: map[string]string{"born": "For example, 1990-04-27."}}); err != nil {
		return fmt.Errorf("signup form: %w", err)
	}
	if a.authorForm, err = modelforms.Declare(modelforms.Meta{Model: a.author, Fields: []string{"name"}, Registry: reg}); err != nil {
		return fmt.Errorf("author form: %w", err)
	}
	if a.authorBooks, err = modelforms.DeclareInlineFormset(a.author, modelforms.Meta{Model: a.book, Fields: []string{"title", "price"}, Registry: reg},
		modelforms.FormsetOptions{}, formsets.Extra(1)); err != nil {
		return fmt.Errorf("an author's books: %w", err)
	}
	if a.books, err = modelforms.DeclareFormset(modelforms.Meta{Model: a.book, Fields: []string{"title", "price"}, Registry: reg},
		modelforms.FormsetOptions{EditOnly: true}, formsets.Extra(0)); err != nil {
		return fmt.Errorf("book formset: %w", err)
	}
	return nil
}

// migrate creates the tables (those that exist are left alone) and adds
// the first rows to an empty database, in one transaction.
func (a *App) migrate(ctx context.Context) error {
	if err := a.db.CreateTables(ctx, a.author, a.book, a.member); err != nil {
		return err
	}
	return a.db.InTx(ctx, func(s orm.Store) error {
		if rows, err := s.List(ctx, a.author, orm.Filter{}); err != nil || len(rows) > 0 {
			return err
		}
		for _, seed := range []struct {
			name  string
			books []orm.Row
		}{
			{"Frank Herbert", []orm.Row{{"title": "Dune", "price": decimal.RequireFromString("9.99")}}},
			{"Jane Austen", []orm.Row{{"title": "Emma", "price": decimal.RequireFromString("4.50")}}},
		} {
			id, err := s.Insert(ctx, a.author, orm.Row{"name": seed.name})
			if err != nil {
				return err
			}
			for _, b := range seed.books {
				b["author"] = id
				if _, err := s.Insert(ctx, a.book, b); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// ServeHTTP implements http.Handler, with the guards of Guard.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.handler.ServeHTTP(w, r) }

// Close closes the application's database.
func (a *App) Close() error { return a.db.Close() }

// translator is the request's language, from Accept-Language.
func translator(r *http.Request) *i18n.Translator {
	return i18n.Negotiate(r.Header.Get("Accept-Language"))
}

func (a *App) formOptions(r *http.Request) forms.Options {
	return forms.Options{Renderer: a.look.Renderer, Translator: translator(r)}
}

func (a *App) formsetOptions(r *http.Request) formsets.Options {
	return formsets.Options{Renderer: a.look.Renderer, Translator: translator(r)}
}

func (a *App) index(w http.ResponseWriter, r *http.Request) {
	authors, err := a.db.List(r.Context(), a.author, orm.Filter{}, "name")
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	a.show(w, r, "index", map[string]any{"Title": "formwork example", "Authors": rowsOf(authors, "name")})
}

// signupExtra are the signup form's fields that are not the member's:
// the plan as a choice, the password twice and the terms, checked
// together by its Clean.
var signupExtra = func() *forms.Declaration {
	d := forms.MustDeclare(
		forms.Named("plan", &forms.ChoiceField{Choices: []forms.Choice{{Value: "free", Label: "Free"}, {Value: "team", Label: "Team"}},
			FieldCore: forms.FieldCore{Widget: &widgets.RadioSelect{}}}),
		forms.Named("password", &forms.CharField{MinLength: 8, NoStrip: true, FieldCore: forms.FieldCore{Widget: &widgets.PasswordInput{}}}),
		forms.Named("password2", &forms.CharField{NoStrip: true, FieldCore: forms.FieldCore{Label: "Password confirmation", Widget: &widgets.PasswordInput{},
			HelpText: "Enter the same password as before, for verification."}}),
		forms.Named("terms", &forms.BooleanField{FieldCore: forms.FieldCore{Label: "I accept the terms of use"}}),
	)
	// Django's UserCreationForm.clean_password2, as a form-level check.
	d.Clean = func(f *forms.Form) error {
		p1, ok1 := forms.Cleaned[string](f, "password")
		p2, ok2 := forms.Cleaned[string](f, "password2")
		if ok1 && ok2 && p1 != p2 {
			f.AddError("password2", validators.NewError("The two password fields didn’t match.", "password_mismatch", nil))
		}
		return nil
	}
	return d
}()

func (a *App) signupPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	opts := modelforms.Options{Options: a.formOptions(r)}
	data := map[string]any{"Title": "Sign up"}
	var f *modelforms.Form
	if r.Method == http.MethodPost {
		values, files, err := formhttp.Data(r, formhttp.Limits{NoFiles: true})
		if err != nil {
			fail(w, http.StatusBadRequest, err)
			return
		}
		f = a.signup.Bind(ctx, a.db, values, files, opts)
		if f.IsValid() {
			if _, err := f.Save(ctx, true); err != nil {
				fail(w, http.StatusInternalServerError, err)
				return
			}
			name, _ := forms.Cleaned[string](f.Form, "username")
			data["Done"] = fmt.Sprintf("Welcome, %s.", name)
			f = a.signup.New(ctx, a.db, opts)
		}
	} else {
		f = a.signup.New(ctx, a.db, opts)
	}
	if err := f.Err(); err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	members, err := a.db.List(ctx, a.member, orm.Filter{}, "id")
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	data["Form"] = f.Form
	data["Members"] = members
	a.show(w, r, "signup", data)
}

func (a *App) authorPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	if err != nil || id < 1 {
		http.NotFound(w, r)
		return
	}
	row, err := a.db.Get(ctx, a.author, id)
	if errors.Is(err, orm.ErrNotFound) {
		http.NotFound(w, r)
		return
	} else if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	parent := &modelforms.Instance{Model: a.author, Row: row}
	fopts := modelforms.Options{Options: a.formOptions(r), Instance: parent}
	args := modelforms.FormsetArgs{Options: a.formsetOptions(r), Parent: parent, Order: []string{"id"}}
	data := map[string]any{"Title": fmt.Sprintf("%v and their books", row["name"])}
	var f *modelforms.Form
	var fs *modelforms.Formset
	if r.Method == http.MethodPost {
		values, files, rerr := formhttp.Data(r, formhttp.Limits{NoFiles: true})
		if rerr != nil {
			fail(w, http.StatusBadRequest, rerr)
			return
		}
		// The author and the books are saved together or not at all.
		saved := false
		err = a.db.InTx(ctx, func(s orm.Store) error {
			f = a.authorForm.Bind(ctx, s, values, files, fopts)
			if fs, err = a.authorBooks.Bind(ctx, s, values, files, args); err != nil {
				return err
			}
			formOK, setOK := f.IsValid(), fs.IsValid()
			if err := f.Err(); err != nil {
				return err
			}
			if !formOK || !setOK {
				return nil
			}
			if _, err := f.Save(ctx, true); err != nil {
				return err
			}
			if _, err := fs.Save(ctx, true); err != nil {
				return err
			}
			saved = true
			return nil
		})
		if err == nil && saved {
			data["Done"] = fmt.Sprintf("Saved: %d added, %d changed, %d deleted.", len(fs.NewObjects), len(fs.ChangedObjects), len(fs.DeletedObjects))
			if row, err = a.db.Get(ctx, a.author, id); err == nil {
				parent = &modelforms.Instance{Model: a.author, Row: row}
				fopts.Instance, args.Parent = parent, parent
				data["Title"] = fmt.Sprintf("%v and their books", row["name"])
				f = a.authorForm.New(ctx, a.db, fopts)
				fs, err = a.authorBooks.New(ctx, a.db, args)
			}
		}
	} else {
		f = a.authorForm.New(ctx, a.db, fopts)
		fs, err = a.authorBooks.New(ctx, a.db, args)
	}
	if err == nil {
		err = f.Err()
	}
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	books, err := a.authorsBooks(ctx, id)
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	data["Form"], data["Formset"], data["Books"] = f.Form, fs.Formset, books
	a.show(w, r, "author", data)
}

func (a *App) authorsBooks(ctx context.Context, author int64) ([]orm.Row, error) {
	filter, err := orm.Where("author", author)
	if err != nil {
		return nil, err
	}
	return a.db.List(ctx, a.book, filter, "id")
}

func (a *App) contactPage(w http.ResponseWriter, r *http.Request) {
	opts := a.formOptions(r)
	data := map[string]any{"Title": "Contact"}
	if r.Method != http.MethodPost {
		data["Form"] = a.contact.New(opts)
		a.show(w, r, "contact", data)
		return
	}
	f, err := formhttp.BindTyped(a.contact, r, opts, formhttp.Limits{NoFiles: true})
	if err != nil {
		fail(w, http.StatusBadRequest, err)
		return
	}
	if c, ok := f.Valid(); ok {
		data["Done"] = fmt.Sprintf("Thank you, %s: we will answer at %s.", c.Name, c.Email)
	}
	data["Form"] = f
	a.show(w, r, "contact", data)
}

func (a *App) orderPage(w http.ResponseWriter, r *http.Request) {
	opts := a.formsetOptions(r)
	data := map[string]any{"Title": "Order"}
	if r.Method != http.MethodPost {
		data["Formset"] = a.lines.New(opts)
		a.show(w, r, "order", data)
		return
	}
	values, files, err := formhttp.Data(r, formhttp.Limits{NoFiles: true})
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
	a.show(w, r, "order", data)
}

func (a *App) booksPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	args := modelforms.FormsetArgs{Options: a.formsetOptions(r), Order: []string{"id"}}
	data := map[string]any{"Title": "Books"}
	var fs *modelforms.Formset
	var err error
	if r.Method == http.MethodPost {
		values, files, rerr := formhttp.Data(r, formhttp.Limits{NoFiles: true})
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
	a.show(w, r, "books", data)
}

// show renders a page into a buffer first (forms.ExecuteTemplate), so a
// form that fails to render becomes a 500 rather than half a page.
func (a *App) show(w http.ResponseWriter, r *http.Request, name string, data map[string]any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	data["Look"] = a.look
	data["Lang"] = translator(r).Code()
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

// rowsOf lists rows by id with one field shown, for links.
func rowsOf(rows []orm.Row, field string) []map[string]any {
	out := make([]map[string]any, 0, len(rows))
	for _, r := range rows {
		id, _ := r.ID()
		out = append(out, map[string]any{"ID": id, "Label": r[field]})
	}
	return out
}
