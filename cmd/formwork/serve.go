package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/examples/exampleapp"
	"github.com/formwork/formwork/formhttp"
	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/i18n"
	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/templates"
)

// runServe is the serve subcommand: a preview server for theme authors.
func runServe(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8080", "listen on `ADDR` (loopback by default)")
	dir := fl.String("templates", "", "search theme templates in `DIR` before the built-in ones, reloaded on every request")
	theme := fl.String("theme", "", "render with the theme pack `NAME` ("+strings.Join(templates.ThemeNames(), ", ")+") under --templates")
	var extraHosts hostList
	fl.Var(&extraHosts, "allow-host", "also answer requests whose Host is `NAME` (repeat or separate by commas); loopback names and the --addr host are always allowed")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if err := renderers.CheckTheme(*theme); err != nil {
		fmt.Fprintf(stderr, "formwork: --theme: %v\n", err)
		return 2
	}
	h, err := newPreview(fl.Args(), *dir)
	if err != nil {
		fmt.Fprintf(stderr, "formwork: %v\n", err)
		return 1
	}
	h.theme = *theme
	// The example application (a contact form, a formset and an edit-only
	// model formset on SQLite) runs beside the gallery.
	app, err := exampleapp.NewWithLook(context.Background(), h.appLook())
	if err != nil {
		fmt.Fprintf(stderr, "formwork: example app: %v\n", err)
		return 1
	}
	defer app.Close()
	h.mux.Handle("/app/", http.StripPrefix("/app", app))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "formwork: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "formwork: previewing %d cases on http://%s/ and the example app on http://%s/app/\n", len(h.cases), ln.Addr(), ln.Addr())
	if err := newServer(*addr, h, extraHosts).Serve(ln); err != nil {
		fmt.Fprintf(stderr, "formwork: %v\n", err)
		return 1
	}
	return 0
}

// preview is the preview server: a gallery of cases, and each case
// rendered by every renderer side by side with a live form to submit.
type preview struct {
	cases     []string // case files
	templates string   // the theme's template directory, or ""
	theme     string   // the theme pack --theme names, or ""
	mux       *http.ServeMux
}

// defaultCaseGlobs are where cases are looked for when none are named.
var defaultCaseGlobs = []string{"examples/cases/*.json", "testdata/cases/*.json"}

func newPreview(cases []string, templates string) (*preview, error) {
	if len(cases) == 0 {
		for _, g := range defaultCaseGlobs {
			m, err := filepath.Glob(g)
			if err != nil {
				return nil, err
			}
			if len(m) > 0 {
				cases = m
				break
			}
		}
		if len(cases) == 0 {
			return nil, fmt.Errorf("no cases named and none found in %s", strings.Join(defaultCaseGlobs, " or "))
		}
	}
	if templates != "" {
		st, err := os.Stat(templates)
		if err != nil {
			return nil, fmt.Errorf("--templates: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("--templates: %s is not a directory", templates)
		}
	}
	sort.Strings(cases)
	p := &preview{cases: cases, templates: templates, mux: http.NewServeMux()}
	p.mux.HandleFunc("GET /{$}", p.gallery)
	p.mux.HandleFunc("GET /case/{name}", p.casePage)
	p.mux.HandleFunc("POST /case/{name}", p.casePage)
	p.mux.HandleFunc("GET /theme/{file}", p.serveThemeCSS)
	p.mux.Handle("GET /assets/", p.serveGovukAssets())
	return p, nil
}

func (p *preview) ServeHTTP(w http.ResponseWriter, r *http.Request) { p.mux.ServeHTTP(w, r) }

// rendererNames are the renderers every case is shown with, in order.
var rendererNames = []string{"DjangoTemplates", "DjangoDivFormRenderer", "Jinja2", "Jinja2DivFormRenderer", "AccessibleFormRenderer"}

// renderer builds a renderer by name over the theme directory, reloading
// templates on every render so that each edit shows on the next request.
// Django-syntax renderers search DIR; Jinja2 ones DIR/jinja2, since the
// two syntaxes cannot share files.
func (p *preview) renderer(name string) (renderers.Renderer, error) {
	var django, jinja fs.FS
	if p.templates != "" {
		django = os.DirFS(p.templates)
		if st, err := os.Stat(filepath.Join(p.templates, "jinja2")); err == nil && st.IsDir() {
			jinja = os.DirFS(filepath.Join(p.templates, "jinja2"))
		}
	}
	switch name {
	case "DjangoTemplates":
		return &renderers.DjangoTemplates{Overlay: django, Reload: true}, nil
	case "DjangoDivFormRenderer":
		return &renderers.DjangoTemplates{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Overlay: django, Reload: true}, nil
	case "Jinja2":
		return &renderers.Jinja2{Overlay: jinja, Reload: true}, nil
	case "Jinja2DivFormRenderer":
		return &renderers.Jinja2{FormTemplate: renderers.DivFormTemplate, FormsetTemplate: renderers.DivFormsetTemplate, Overlay: jinja, Reload: true}, nil
	case "AccessibleFormRenderer":
		return &renderers.Accessible{Overlay: django, Reload: true}, nil
	}
	return nil, fmt.Errorf("unknown renderer %q", name)
}

// caseByName finds a case file by its base name.
func (p *preview) caseByName(name string) (string, bool) {
	for _, c := range p.cases {
		if filepath.Base(c) == name {
			return c, true
		}
	}
	return "", false
}

type galleryItem struct {
	Name    string
	Preview template.HTML
	Err     *templateError
}

func (p *preview) gallery(w http.ResponseWriter, r *http.Request) {
	theme, terr := p.themeOf(r)
	if terr != nil {
		http.Error(w, terr.Error(), http.StatusBadRequest)
		return
	}
	items := make([]galleryItem, 0, len(p.cases))
	for _, path := range p.cases {
		it := galleryItem{Name: filepath.Base(path)}
		c, err := formspec.Load(path)
		if err == nil {
			var res *formspec.Result
			var rr renderers.Renderer
			if theme != "" {
				rr, _ = p.renderer("DjangoDivFormRenderer")
				rr = withTheme(rr, theme)
			}
			if res, err = runCase(c, rr); err == nil {
				it.Preview = firstHTML(res)
			} else {
				it.Err = p.explainRender(err)
			}
		} else {
			it.Err = p.explain(err)
		}
		items = append(items, it)
	}
	p.page(w, http.StatusOK, "gallery", map[string]any{"Title": "formwork preview", "Items": items, "Templates": p.templates, "Theme": p.themeInfo(theme)})
}

type rendering struct {
	Renderer string
	HTML     template.HTML
	Source   string
	Err      *templateError
}

func (p *preview) casePage(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	path, ok := p.caseByName(name)
	if !ok {
		http.Error(w, fmt.Sprintf("no case named %q", name), http.StatusNotFound)
		return
	}
	c, err := formspec.Load(path)
	if err != nil {
		p.page(w, http.StatusOK, "case", map[string]any{"Title": name, "Err": p.explain(err)})
		return
	}
	theme, terr := p.themeOf(r)
	if terr != nil {
		http.Error(w, terr.Error(), http.StatusBadRequest)
		return
	}
	var outs []rendering
	for _, rn := range rendererNames {
		out := rendering{Renderer: rn}
		rr, err := p.renderer(rn)
		rr = withTheme(rr, theme)
		var res *formspec.Result
		if err == nil {
			if res, err = runCase(c, rr); err != nil {
				out.Err = p.explainRender(err)
			}
		} else {
			out.Err = p.explain(err)
		}
		if err == nil {
			out.HTML = firstHTML(res)
			out.Source = string(out.HTML)
		}
		outs = append(outs, out)
	}
	data := map[string]any{"Title": name, "Renderings": outs, "Renderers": rendererNames, "Theme": p.themeInfo(theme), "ThemeQuery": theme}
	p.live(r, c, data)
	p.page(w, http.StatusOK, "case", data)
}

// live fills in the case's live form: unbound on GET, bound to the
// submission on POST, rendered by the renderer the query names.
func (p *preview) live(r *http.Request, c *formspec.Case, data map[string]any) {
	rn := r.URL.Query().Get("renderer")
	if rn == "" {
		rn = "DjangoDivFormRenderer"
	}
	data["LiveRenderer"] = rn
	prep, err := c.Prepare()
	if err != nil {
		data["LiveErr"] = p.explain(err)
		return
	}
	rr, err := p.renderer(rn)
	if err != nil {
		data["LiveErr"] = p.explain(err)
		return
	}
	if theme, err := p.themeOf(r); err == nil {
		rr = withTheme(rr, theme)
	}
	opts := forms.Options{Renderer: rr}
	tr := i18n.Negotiate(r.Header.Get("Accept-Language"))
	if lang := r.URL.Query().Get("lang"); lang != "" {
		if tr, err = i18n.For(lang); err != nil {
			data["LiveErr"] = p.explain(err)
			return
		}
	}
	opts.Translator = tr
	data["Lang"] = tr.Code()
	data["Dir"] = tr.Dir()
	var f *forms.Form
	if r.Method == http.MethodPost {
		if f, err = formhttp.Bind(prep.Decl, r, opts, formhttp.Limits{}); err != nil {
			data["LiveErr"] = p.explain(err)
			return
		}
		data["Submitted"] = true
		data["Valid"] = f.IsValid()
		if f.IsValid() {
			b, _ := json.MarshalIndent(formspec.JSONValue(f.CleanedData(), ""), "", "  ")
			data["Cleaned"] = string(b)
		}
	} else {
		f = prep.Decl.New(opts)
	}
	h, err := f.Render()
	if err != nil {
		data["LiveErr"] = p.explainRender(err)
		return
	}
	data["Live"] = inContainer(string(h))
	data["Multipart"] = f.IsMultipart()
}

// runCase renders a case with r (nil: its own renderer), turning a panic
// into an error so that one bad case never takes the server down.
func runCase(c *formspec.Case, r renderers.Renderer) (res *formspec.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error: %v", v)
		}
	}()
	if r == nil {
		return c.Run()
	}
	return c.RunWith(r)
}

// inContainer puts the table and ul styles' rows in the element they are
// written for (Django leaves the <table> or <ul> to the page), so that
// they lay out as they would on a real page.
func inContainer(h string) template.HTML {
	t := strings.TrimSpace(h)
	switch {
	case strings.HasPrefix(t, "<tr"):
		return template.HTML("<table>" + h + "</table>")
	case strings.HasPrefix(t, "<li"):
		return template.HTML("<ul>" + h + "</ul>")
	}
	return template.HTML(h)
}

// firstHTML picks the output to show: str, else as_div, else the first
// textual output.
func firstHTML(res *formspec.Result) template.HTML {
	for _, k := range []string{"str", "as_div", "as_table", "as_p", "as_ul"} {
		if s, ok := res.Outputs[k].(string); ok {
			return inContainer(s)
		}
	}
	keys := make([]string, 0, len(res.Outputs))
	for k := range res.Outputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if s, ok := res.Outputs[k].(string); ok {
			return inContainer(s)
		}
	}
	return ""
}

// templateError is an error as the page shows it: the message, and when
// it names a template file and line, that file, line and the line's text
// from the theme directory.
type templateError struct {
	Message string
	File    string
	Line    int
	Text    string
}

// jetWhere finds the template and line in a jet parse error, which has
// no type of its own ("template: NAME:LINE: ...").
var jetWhere = regexp.MustCompile(`template: /?([\w./-]+\.\w+):(\d+):`)

// explain shows an error's message alone: it names no file to read.
func (p *preview) explain(err error) *templateError {
	te := &templateError{Message: err.Error()}
	var se *formspec.SpecError
	if errors.As(err, &se) {
		te.Message = "case: " + se.Error()
	}
	return te
}

// explainRender shows an error a render serve ran itself returned, and
// where the engine says it is: pongo2's *Error carries its template's
// name and line; jet's parse errors start with them. The line's text is
// read only from the theme directory, through an os.Root, so no name
// (nor a symbolic link in the directory) reaches a file outside it, and
// an error that is not the engine's names no file at all.
func (p *preview) explainRender(err error) *templateError {
	te := p.explain(err)
	root := p.templates
	var pe *pongo2.Error
	if errors.As(err, &pe) && pe.Filename != "" && pe.Filename != "<string>" {
		te.File, te.Line = pe.Filename, pe.Line
	} else if m := jetWhere.FindStringSubmatch(err.Error()); m != nil {
		te.File = m[1]
		te.Line, _ = strconv.Atoi(m[2])
		root = filepath.Join(p.templates, "jinja2")
	}
	if te.File == "" || p.templates == "" {
		return te
	}
	text, ok := overlayLine(root, te.File, te.Line)
	if !ok {
		return te
	}
	te.Text = text
	te.File = filepath.Join(root, filepath.FromSlash(te.File))
	return te
}

// overlayLine returns line n of the template name in the directory root,
// when name is a valid relative path there and resolves, symbolic links
// followed, to a regular file inside root.
func overlayLine(root, name string, n int) (string, bool) {
	if !fs.ValidPath(name) || n < 1 {
		return "", false
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return "", false
	}
	defer r.Close()
	f, err := r.Open(name)
	if err != nil {
		return "", false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	b, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return "", false
	}
	lines := strings.Split(string(b), "\n")
	if n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

// page renders one of the preview's pages; a failure of the page itself
// is a 500 naming it.
func (p *preview) page(w http.ResponseWriter, status int, name string, data map[string]any) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "formwork serve: page "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

var pages = template.Must(template.New("pages").Parse(`
{{define "head"}}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title>
{{with .Theme}}{{if .CSS}}<link rel="stylesheet" href="/theme/{{.Name}}.css">{{end}}{{end}}<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
header{background:#0c4b33;color:#fff;padding:14px 24px}header a{color:#fff}
main{padding:18px 24px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px}
.themebar{background:#e8eef7;padding:8px 24px;font-size:14px}.themebar details{display:inline}
.card{background:#fff;border:1px solid #d5d9e0;border-radius:8px;padding:12px 16px;overflow:auto}
.card h2{font-size:16px;margin:0 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:6px}
.error{background:#fdecec;border:1px solid #e0a0a0;color:#8a1c1c;padding:8px;border-radius:6px;white-space:pre-wrap;font-family:monospace}
.errorlist{color:#b00020}.helptext{color:#5b6472;font-size:13px}
label{font-weight:600}input,select,textarea{font:inherit;margin:2px 0 8px}
pre.src{font-size:12px;background:#f7f7f9;padding:6px;overflow:auto;max-height:240px}
</style></head><body{{with .Theme}}{{if eq .Name "govuk"}} class="govuk-template__body govuk-frontend-supported"{{end}}{{end}}><header><a href="/">formwork preview</a> · {{.Title}}{{with .Theme}} · theme: <strong>{{if .Name}}{{.Name}}{{else}}built-in templates{{end}}</strong>{{end}}</header>
{{with .Theme}}<nav class="themebar">Theme: <a href="?theme=none">built-in</a>{{range .Names}} · <a href="?theme={{.}}">{{.}}</a>{{end}}
{{if .Overrides}} · <details><summary>{{.Name}} overrides {{len .Overrides}} templates</summary><ul>{{range .Overrides}}<li><code>{{.}}</code></li>{{end}}</ul></details>{{end}}
{{if .Install}}<div class="error">{{.Install}}</div>{{end}}</nav>{{end}}<main>{{end}}

{{define "error"}}<div class="error">{{if .File}}<strong>{{.File}}{{if .Line}}, line {{.Line}}{{end}}</strong>
{{if .Text}}<code>{{.Text}}</code>
{{end}}{{end}}{{.Message}}</div>{{end}}

{{define "gallery"}}{{template "head" .}}
<p>The example application runs at <a href="/app/">/app/</a>.</p>
<p>{{len .Items}} cases{{if .Templates}} · theme templates from <code>{{.Templates}}</code>, reloaded on every request{{end}}.</p>
<div class="grid">{{$t := .Theme.Name}}{{range .Items}}<section class="card"><h2><a href="/case/{{.Name}}{{if $t}}?theme={{$t}}{{end}}">{{.Name}}</a></h2>
{{if .Err}}{{template "error" .Err}}{{else}}{{.Preview}}{{end}}</section>
{{end}}</div></main></body></html>{{end}}

{{define "case"}}{{template "head" .}}
{{if .Err}}{{template "error" .Err}}{{else}}
<h1>{{.Title}}</h1>
<div class="grid">{{range .Renderings}}<section class="card renderer" id="{{.Renderer}}"><h2>{{.Renderer}}</h2>
{{if .Err}}{{template "error" .Err}}{{else}}{{.HTML}}<details><summary>HTML</summary><pre class="src">{{.Source}}</pre></details>{{end}}</section>
{{end}}</div>
<h2 id="live">Live form ({{.LiveRenderer}}{{if .Lang}}, {{.Lang}}{{end}})</h2>
<p>{{$t := .ThemeQuery}}{{range .Renderers}}<a href="?renderer={{.}}{{if $t}}&amp;theme={{$t}}{{end}}#live">{{.}}</a> {{end}}</p>
{{if .LiveErr}}{{template "error" .LiveErr}}{{else}}
{{if .Submitted}}<p class="status">{{if .Valid}}Valid. Cleaned data:</p><pre>{{.Cleaned}}</pre>{{else}}Not valid: the errors are shown below.</p>{{end}}{{end}}
<form class="card" method="post" action="?renderer={{.LiveRenderer}}{{if .ThemeQuery}}&amp;theme={{.ThemeQuery}}{{end}}#live"{{if .Multipart}} enctype="multipart/form-data"{{end}}{{if .Lang}} lang="{{.Lang}}" dir="{{.Dir}}"{{end}}>{{.Live}}
<button type="submit">Submit</button></form>{{end}}
{{end}}</main></body></html>{{end}}
`))
