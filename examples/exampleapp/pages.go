package exampleapp

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path/filepath"

	"github.com/formwork/formwork/forms"
)

// appTemplates are the application's own form templates, used with the
// built-in templates only (Renderer): a formset shows each form in a
// fieldset of its own, with the formset's non-form errors above them.
//
//go:embed templates
var appTemplatesFS embed.FS

var appTemplates = mustSub(appTemplatesFS, "templates")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// govukAssets serves the fonts and images GOV.UK Frontend's stylesheet
// names under /assets/.
func govukAssets() http.Handler {
	return http.StripPrefix("/assets/", http.FileServer(http.Dir(filepath.Join(CSSDir(), "govuk-frontend", "dist", "govuk", "assets"))))
}

// pageCSS lays out the pages with the built-in templates, and separates
// a formset's forms in every theme.
const pageCSS = `
body.plain{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
.plain .page{max-width:46rem;margin:0 auto;padding:1rem 1.5rem 3rem;background:#fff;min-height:100vh}
.plain nav a{margin-right:.75rem}
.plain label{font-weight:600;display:block}
.plain input:not([type=checkbox]):not([type=radio]),.plain select,.plain textarea{font:inherit;padding:.35rem;border:1px solid #8a94a6;border-radius:4px;width:100%;max-width:28rem;box-sizing:border-box}
.plain form>div,.plain fieldset>div{margin-bottom:.9rem}
.plain .errorlist{color:#b00020;margin:.2rem 0;padding-left:1.2rem}
.plain .helptext{color:#4d5566;font-size:.9rem;display:block}
.plain button{font:inherit;padding:.45rem 1.2rem;border:0;border-radius:4px;background:#0c4b33;color:#fff;cursor:pointer}
.plain table{border-collapse:collapse;margin:1rem 0}.plain th,.plain td{border-bottom:1px solid #d5d9e0;padding:.3rem .8rem;text-align:left}
.plain .done{background:#e3f4ea;border-left:4px solid #0c7a43;padding:.5rem .8rem}
.install{background:#fdecec;border:1px solid #e0a0a0;color:#8a1c1c;padding:.5rem .8rem;border-radius:4px;font-family:monospace}
fieldset.formset-form{border:1px solid #b8bfcc;border-radius:6px;padding:.6rem 1rem;margin:0 0 1rem}
fieldset.formset-form>legend{font-weight:700;padding:0 .3rem}
.govuk-template__body fieldset.govuk-fieldset{border-bottom:1px solid #b1b4b6;padding-bottom:1rem;margin-bottom:1.5rem}
`

// navLink is one link of the pages' navigation, relative to the app.
type navLink struct{ Href, Label string }

var nav = []navLink{{"./", "Home"}, {"signup", "Sign up"}, {"author?id=1", "An author"}, {"books", "Books"}, {"contact", "Contact"}, {"order", "Order"}}

// pages are the application's page templates; each page is laid out for
// the Look's theme: GOV.UK Frontend's or Bootstrap's containers, buttons,
// notices and tables, or the application's own stylesheet.
var pages = template.Must(template.New("pages").Funcs(forms.TemplateFuncs()).Funcs(template.FuncMap{
	"navLinks": func() []navLink { return nav },
	"args": func(kv ...any) map[string]any {
		m := make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m[fmt.Sprint(kv[i])] = kv[i+1]
		}
		return m
	},
}).Parse(`
{{define "head"}}<!DOCTYPE html><html lang="{{.Lang}}"{{if eq .Look.Theme "govuk"}} class="govuk-template"{{end}}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{.Title}}</title>
{{if .Look.Stylesheet}}<link rel="stylesheet" href="{{.Look.Stylesheet}}">{{end}}<style>` + pageCSS + `</style></head>
{{$t := .Look.Theme}}<body class="{{if eq $t "govuk"}}govuk-template__body govuk-frontend-supported{{else if eq $t "bootstrap5"}}bg-light{{else}}plain{{end}}">
<div class="{{if eq $t "govuk"}}govuk-width-container{{else if eq $t "bootstrap5"}}container bg-white py-3{{else}}page{{end}}">
<nav class="{{if eq $t "bootstrap5"}}nav mb-3{{else if eq $t "govuk"}}govuk-body{{end}}">{{range navLinks}}<a class="{{if eq $t "govuk"}}govuk-link govuk-!-margin-right-3{{else if eq $t "bootstrap5"}}nav-link ps-0 pe-3{{end}}" href="{{.Href}}">{{.Label}}</a> {{end}}</nav>
{{if .Look.Install}}<p class="install">{{.Look.Install}}</p>{{end}}
<main{{if eq $t "govuk"}} class="govuk-main-wrapper"{{end}}>
<h1{{if eq $t "govuk"}} class="govuk-heading-l"{{else if eq $t "bootstrap5"}} class="h2 mb-3"{{end}}>{{.Title}}</h1>
{{if .Done}}<p role="status" class="{{if eq $t "govuk"}}govuk-notification-banner govuk-body govuk-!-padding-2{{else if eq $t "bootstrap5"}}alert alert-success{{else}}done{{end}}">{{.Done}}</p>{{end}}{{end}}

{{define "foot"}}</main></div></body></html>{{end}}

{{define "button"}}<button type="submit" class="{{if eq .Look.Theme "govuk"}}govuk-button{{else if eq .Look.Theme "bootstrap5"}}btn btn-primary{{end}}">{{.Label}}</button>{{end}}

{{define "table"}}{{if eq .Theme "govuk"}}govuk-table{{else if eq .Theme "bootstrap5"}}table table-sm{{end}}{{end}}

{{define "index"}}{{template "head" .}}<p>A signup form, an author with their books (a model form and an inline formset), an edit-only model formset of every book, a contact form and a formset of order lines.</p>
<h2>Authors</h2><ul>{{range .Authors}}<li><a href="author?id={{.ID}}">{{.Label}}</a></li>{{end}}</ul>
{{template "foot" .}}{{end}}

{{define "signup"}}{{template "head" .}}<form method="post" novalidate>{{.Form.HTML}}{{template "button" (args "Look" .Look "Label" "Sign up")}}</form>
<h2>Members</h2><table class="{{template "table" .Look}}" id="members"><thead><tr><th>Username</th><th>Email</th><th>Plan</th><th>Date of birth</th></tr></thead><tbody>
{{range .Members}}<tr><td>{{.username}}</td><td>{{.email}}</td><td>{{.plan}}</td><td>{{.born.Format "2006-01-02"}}</td></tr>{{end}}</tbody></table>
{{template "foot" .}}{{end}}

{{define "author"}}{{template "head" .}}<form method="post" novalidate>{{.Form.HTML}}<h2>Books</h2>{{formhtml .Formset}}{{template "button" (args "Look" .Look "Label" "Save")}}</form>
<h2>Saved books</h2><table class="{{template "table" .Look}}" id="books"><thead><tr><th>Title</th><th>Price</th></tr></thead><tbody>
{{range .Books}}<tr><td>{{.title}}</td><td>{{.price.StringFixed 2}}</td></tr>{{end}}</tbody></table>
{{template "foot" .}}{{end}}

{{define "contact"}}{{template "head" .}}<form method="post" novalidate>{{.Form.HTML}}{{template "button" (args "Look" .Look "Label" "Send")}}</form>{{template "foot" .}}{{end}}
{{define "order"}}{{template "head" .}}<form method="post" novalidate>{{formhtml .Formset}}{{template "button" (args "Look" .Look "Label" "Order")}}</form>{{template "foot" .}}{{end}}
{{define "books"}}{{template "head" .}}<form method="post" novalidate>{{formhtml .Formset}}{{template "button" (args "Look" .Look "Label" "Save")}}</form>{{template "foot" .}}{{end}}
`))
