// Command i18ngen writes formwork's generated language data from the
// reference Django's own files: the message catalogs of every language
// Django ships (django/conf/locale/*/LC_MESSAGES/django.po, for the
// messages formwork's code uses) with their plural rules compiled to Go,
// and each language's formats (formats.py, as django.utils.formats
// resolves them). It needs python3 and the reference Django install, so
// it is run by hand (go generate ./i18n ./l10n) and its output is checked
// in; the same inputs give the same bytes.
//
//	go run ./internal/i18ngen -catalogs i18n/catalogs_django.go
//	go run ./internal/i18ngen -formats l10n/formats_django.go
//
// The messages taken are those whose English text (or, for a counting
// message, both its singular and plural) is a string literal in the
// library's Go source: what formwork can show is what its code says.
// (A literal that merely coincides with a msgid, such as the parameter
// name "sep", brings in a message nothing shows; that costs a few bytes.)
// langcases.py beside it writes the language cases of
// testdata/cases-extra (l10n_*.json), whose golden results the reference
// renders.
//
// The generator reads the .po files itself and checks every message it
// takes against the compiled .mo file that gettext reads at run time.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/formwork/formwork/internal/plural"
)

//go:embed dump.py
var dumpScript string

func main() {
	// The reference's install.sh and .ci/run find it at $ORACLE_HOME,
	// by default ~/.cache/django-oracle.
	oracle := os.Getenv("ORACLE_HOME")
	if oracle == "" {
		home, _ := os.UserHomeDir()
		oracle = filepath.Join(home, ".cache", "django-oracle")
	}
	site := flag.String("site", filepath.Join(oracle, "site"), "the directory holding the reference `django` package (default: $ORACLE_HOME/site)")
	root := flag.String("root", "", "the module's root directory (default: found from the working directory)")
	catalogs := flag.String("catalogs", "", "write the catalogs to this Go file (package i18n)")
	formats := flag.String("formats", "", "write the formats to this Go file (package l10n)")
	flag.Parse()
	if *catalogs == "" && *formats == "" {
		fail(fmt.Errorf("give -catalogs FILE or -formats FILE"))
	}
	if *root == "" {
		r, err := moduleRoot()
		if err != nil {
			fail(err)
		}
		*root = r
	}
	d, err := dump(*site)
	if err != nil {
		fail(err)
	}
	if *catalogs != "" {
		src, err := genCatalogs(d, *site, *root)
		if err != nil {
			fail(err)
		}
		if err := write(*catalogs, src); err != nil {
			fail(err)
		}
	}
	if *formats != "" {
		src, err := genFormats(d)
		if err != nil {
			fail(err)
		}
		if err := write(*formats, src); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "i18ngen:", err)
	os.Exit(1)
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

func write(path string, src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("%s: formatting the generated code: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

// dumped is what dump.py prints.
type dumped struct {
	Django    string              `json:"django"`
	Languages []dumpedLanguage    `json:"languages"`
	Fallbacks map[string][]string `json:"fallbacks"`
}

type dumpedLanguage struct {
	Code      string         `json:"code"`
	Name      string         `json:"name"`
	NameLocal string         `json:"name_local"`
	Bidi      bool           `json:"bidi"`
	Fallback  []string       `json:"fallback"`
	Chain     []string       `json:"chain"`
	Mo        []dumpedMo     `json:"mo"`
	Formats   map[string]any `json:"formats"`
}

type dumpedMo struct {
	Plural   string         `json:"plural"`
	Messages map[string]any `json:"messages"` // string, or {"0": ..., "1": ...}
}

func dump(site string) (*dumped, error) {
	cmd := exec.Command("python3", "-c", dumpScript)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+site)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("python3 dump.py with Django from %s: %w\n%s", site, err, stderr.String())
	}
	var d dumped
	if err := json.Unmarshal(out, &d); err != nil {
		return nil, fmt.Errorf("reading dump.py's output: %w", err)
	}
	if len(d.Languages) == 0 {
		return nil, fmt.Errorf("dump.py found no languages")
	}
	return &d, nil
}

// libraryDirs are the packages whose string literals say which Django
// messages formwork shows.
var libraryDirs = []string{"forms", "formsets", "modelforms", "orm", "validators", "widgets", "renderers", "l10n"}

// literals returns every string literal (and constant concatenation of
// literals) in the library's non-test Go files.
func literals(root string) (map[string]bool, error) {
	out := map[string]bool{}
	fset := token.NewFileSet()
	for _, dir := range libraryDirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok {
					if s, ok := constString(e); ok {
						out[s] = true
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func constString(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return constString(x.X)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok := constString(x.X)
		if !ok {
			return "", false
		}
		b, ok := constString(x.Y)
		return a + b, ok
	}
	return "", false
}

// message is one message formwork uses: its id in the generated table.
type message struct {
	Context, ID, Plural string
}

// key is the message's text in the generated table: a message with a
// context (pgettext's) is the context and the id joined by an EOT, as
// gettext keys them, and the code asks for it by that literal.
func (m message) key() string {
	id := m.ID
	if m.Context != "" {
		id = m.Context + "\x04" + m.ID
	}
	if m.Plural == "" {
		return id
	}
	return id + "\x00" + m.Plural
}

// language is one language's generated catalog.
type language struct {
	dumpedLanguage
	Header *plural.Header
	Forms  [][]string // by message index; nil when untranslated
}

func genCatalogs(d *dumped, site, root string) ([]byte, error) {
	lits, err := literals(root)
	if err != nil {
		return nil, err
	}
	localeDir := filepath.Join(site, "django", "conf", "locale")
	files := map[string]*poFile{}
	readChain := func(l dumpedLanguage) ([]*poFile, error) {
		var out []*poFile
		for _, mo := range l.Chain {
			p := strings.TrimSuffix(mo, ".mo") + ".po"
			if f, ok := files[p]; ok {
				out = append(out, f)
				continue
			}
			f, err := readPO(filepath.Join(localeDir, p))
			if err != nil {
				return nil, err
			}
			files[p] = f
			out = append(out, f)
		}
		return out, nil
	}

	// The messages: every msgid of any catalog whose English text the
	// code has (with its context, for a message that has one).
	seen := map[string]bool{}
	var msgs []message
	for _, l := range d.Languages {
		chain, err := readChain(l)
		if err != nil {
			return nil, err
		}
		for _, f := range chain {
			for _, e := range f.Entries {
				m := message{Context: e.Context, ID: e.ID, Plural: e.IDPlural}
				id := e.ID
				if e.Context != "" {
					id = e.Context + "\x04" + e.ID
				}
				if e.ID == "" || !lits[id] || (m.Plural != "" && !lits[m.Plural]) || seen[m.key()] {
					continue
				}
				seen[m.key()] = true
				msgs = append(msgs, m)
			}
		}
	}
	sort.Slice(msgs, func(i, j int) bool { return msgs[i].key() < msgs[j].key() })
	index := map[string]int{}
	for i, m := range msgs {
		index[m.key()] = i
	}

	var langs []*language
	for _, l := range d.Languages {
		chain, err := readChain(l)
		if err != nil {
			return nil, err
		}
		lang := &language{dumpedLanguage: l, Forms: make([][]string, len(msgs))}
		for ci, f := range chain {
			h, err := plural.ParseHeader(f.Header["Plural-Forms"])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Path, err)
			}
			if ci == 0 {
				lang.Header = h
			}
			for _, e := range f.Entries {
				i, ok := index[message{Context: e.Context, ID: e.ID, Plural: e.IDPlural}.key()]
				if !ok || !e.translated() || lang.Forms[i] != nil {
					continue
				}
				if err := checkMo(l.Mo[ci], e); err != nil {
					return nil, fmt.Errorf("%s: %w", f.Path, err)
				}
				if e.IDPlural != "" {
					if h.Source != lang.Header.Source {
						return nil, fmt.Errorf("%s: %q comes from a catalog with another plural rule than %s's", f.Path, e.ID, l.Code)
					}
					if len(e.Str) < h.N {
						return nil, fmt.Errorf("%s: %q has %d forms, nplurals is %d", f.Path, e.ID, len(e.Str), h.N)
					}
					// Some catalogs have more forms than their rule
					// picks from (Transifex's three for Spanish's two).
					lang.Forms[i] = e.Str[:h.N]
					continue
				}
				lang.Forms[i] = e.Str
			}
		}
		langs = append(langs, lang)
	}
	return catalogSource(d, msgs, langs)
}

// checkMo fails unless the .mo file gettext reads has e as the .po says.
func checkMo(mo dumpedMo, e *poEntry) error {
	key := e.ID
	if e.Context != "" {
		key = e.Context + "\x04" + e.ID // as Python's gettext keys it
	}
	got, ok := mo.Messages[key]
	if !ok {
		return fmt.Errorf("%q is translated in the .po file but not in the .mo file", e.ID)
	}
	var want any = e.Str[0]
	if e.IDPlural != "" {
		m := map[string]any{}
		for i, s := range e.Str {
			m[strconv.Itoa(i)] = s
		}
		want = m
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%q: the .po file has %q, the .mo file %q", e.ID, want, got)
	}
	return nil
}

func catalogSource(d *dumped, msgs []message, langs []*language) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ../internal/i18ngen -catalogs catalogs_django.go; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "// The translations below are Django %s's, from django/conf/locale/*/LC_MESSAGES/django.po,\n", d.Django)
	b.WriteString("// © the Django Software Foundation and individual contributors, BSD licence (see NOTICE).\n\n")
	b.WriteString("package i18n\n\nimport \"github.com/formwork/formwork/internal/plural\"\n\n")
	b.WriteString("// djangoMessages are the English texts of the messages of Django's catalogs\n")
	b.WriteString("// that formwork uses; a counting message is its singular and plural joined\n// by a NUL.\n")
	b.WriteString("var djangoMessages = [...]string{\n")
	for i, m := range msgs {
		fmt.Fprintf(&b, "\t%d: %s,\n", i, strconv.Quote(m.key()))
	}
	b.WriteString("}\n\n")

	// One function per distinct plural rule (by its compiled form, so
	// that "(n != 1)" and "(n!=1)" share one).
	goOf := map[string]string{} // source → Go
	var gos []string
	for _, l := range langs {
		g := l.Header.Expr.Go()
		if _, ok := goOf[l.Header.Source]; !ok {
			goOf[l.Header.Source] = g
		}
		gos = append(gos, g)
	}
	sort.Strings(gos)
	names := map[string]string{} // Go → function name
	for _, g := range gos {
		if _, ok := names[g]; ok {
			continue
		}
		names[g] = fmt.Sprintf("djangoPlural%d", len(names))
		var srcs []string
		for s, sg := range goOf {
			if sg == g {
				srcs = append(srcs, "plural="+s)
			}
		}
		sort.Strings(srcs)
		fmt.Fprintf(&b, "// %s is %s\nfunc %s(n int64) int { return int(%s) }\n\n", names[g], strings.Join(srcs, ", "), names[g], g)
	}
	rules := map[string]string{}
	for s, g := range goOf {
		rules[s] = names[g]
	}

	b.WriteString("// djangoLanguages are the languages of Django's LANGUAGES setting that\n")
	b.WriteString("// have a catalog, with their translations of djangoMessages (\"\" for none;\n")
	b.WriteString("// a counting message's forms joined by a NUL).\n")
	b.WriteString("var djangoLanguages = [...]djangoLanguage{\n")
	for _, l := range langs {
		fmt.Fprintf(&b, "\t{code: %q, name: %q, nameLocal: %q, bidi: %v, nplurals: %d, pluralSource: %q, plural: %s, messages: []string{\n",
			l.Code, l.Name, l.NameLocal, l.Bidi, l.Header.N, l.Header.Source, rules[l.Header.Source])
		for i, forms := range l.Forms {
			if forms == nil {
				fmt.Fprintf(&b, "\t\t%d: \"\",\n", i)
				continue
			}
			fmt.Fprintf(&b, "\t\t%d: %s,\n", i, strconv.Quote(strings.Join(forms, "\x00")))
		}
		b.WriteString("\t}},\n")
	}
	b.WriteString("}\n\n")

	b.WriteString("// djangoFallbacks are Django's LANG_INFO fallbacks: language codes that\n// are served by another language.\n")
	b.WriteString("var djangoFallbacks = map[string][]string{\n")
	var codes []string
	for c := range d.Fallbacks {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		fmt.Fprintf(&b, "\t%q: {", c)
		for i, f := range d.Fallbacks[c] {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q", f)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

func genFormats(d *dumped) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ../internal/i18ngen -formats formats_django.go; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "// The formats below are Django %s's, from django/conf/locale/*/formats.py as\n", d.Django)
	b.WriteString("// django.utils.formats.get_format resolves them for each language, © the\n")
	b.WriteString("// Django Software Foundation and individual contributors, BSD licence (see\n// ../i18n/NOTICE).\n\n")
	b.WriteString("package l10n\n\n")
	b.WriteString("// django holds the formats of every language of Django's LANGUAGES\n// setting that has a catalog, by code.\n")
	b.WriteString("var django = [...]Formats{\n")
	for _, l := range d.Languages {
		f := l.Formats
		str := func(k string) (string, error) {
			s, ok := f[k].(string)
			if !ok {
				return "", fmt.Errorf("%s: %s is %v, not a string", l.Code, k, f[k])
			}
			return s, nil
		}
		list := func(k string) (string, error) {
			items, ok := f[k].([]any)
			if !ok {
				return "", fmt.Errorf("%s: %s is %v, not a list", l.Code, k, f[k])
			}
			var parts []string
			for _, it := range items {
				s, ok := it.(string)
				if !ok {
					return "", fmt.Errorf("%s: %s has %v", l.Code, k, it)
				}
				parts = append(parts, strconv.Quote(s))
			}
			return "[]string{" + strings.Join(parts, ", ") + "}", nil
		}
		var grouping string
		switch g := f["NUMBER_GROUPING"].(type) {
		case float64:
			grouping = fmt.Sprintf("[]int{%d}", int(g))
		case []any:
			var parts []string
			for _, x := range g {
				n, ok := x.(float64)
				if !ok {
					return nil, fmt.Errorf("%s: NUMBER_GROUPING has %v", l.Code, x)
				}
				parts = append(parts, strconv.Itoa(int(n)))
			}
			grouping = "[]int{" + strings.Join(parts, ", ") + "}"
		default:
			return nil, fmt.Errorf("%s: NUMBER_GROUPING is %v", l.Code, g)
		}
		dec, err := str("DECIMAL_SEPARATOR")
		if err != nil {
			return nil, err
		}
		thou, err := str("THOUSAND_SEPARATOR")
		if err != nil {
			return nil, err
		}
		dateFormat, err := str("DATE_FORMAT")
		if err != nil {
			return nil, err
		}
		var named []string // the other display formats, as Go fields
		for _, nf := range []struct{ key, field string }{
			{"DATETIME_FORMAT", "DateTimeFormat"}, {"TIME_FORMAT", "TimeFormat"},
			{"SHORT_DATE_FORMAT", "ShortDateFormat"}, {"SHORT_DATETIME_FORMAT", "ShortDateTimeFormat"},
			{"YEAR_MONTH_FORMAT", "YearMonthFormat"}, {"MONTH_DAY_FORMAT", "MonthDayFormat"},
		} {
			v, err := str(nf.key)
			if err != nil {
				return nil, err
			}
			named = append(named, fmt.Sprintf("\t\t%s: %q,\n", nf.field, v))
		}
		di, err := list("DATE_INPUT_FORMATS")
		if err != nil {
			return nil, err
		}
		dti, err := list("DATETIME_INPUT_FORMATS")
		if err != nil {
			return nil, err
		}
		ti, err := list("TIME_INPUT_FORMATS")
		if err != nil {
			return nil, err
		}
		first, ok := f["FIRST_DAY_OF_WEEK"].(float64)
		if !ok {
			return nil, fmt.Errorf("%s: FIRST_DAY_OF_WEEK is %v", l.Code, f["FIRST_DAY_OF_WEEK"])
		}
		fmt.Fprintf(&b, "\t{\n\t\tCode: %q,\n\t\tDecimalSeparator: %q,\n\t\tThousandSeparator: %q,\n\t\tNumberGrouping: %s,\n",
			l.Code, dec, thou, grouping)
		fmt.Fprintf(&b, "\t\tDateInputFormats: %s,\n\t\tDateTimeInputFormats: %s,\n\t\tTimeInputFormats: %s,\n", di, dti, ti)
		fmt.Fprintf(&b, "\t\tFirstDayOfWeek: %d,\n\t\tDateFormat: %q,\n", int(first), dateFormat)
		b.WriteString(strings.Join(named, ""))
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
