package renderers

import (
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// JinjaError reports a template in Jinja2 syntax that TranslateJinja
// cannot translate: the template, the line, and the construct.
type JinjaError struct {
	Template string
	Line     int
	Msg      string
}

func (e *JinjaError) Error() string {
	return fmt.Sprintf("template %s, line %d: %s", e.Template, e.Line, e.Msg)
}

// TranslateJinja translates a template written in Jinja2 syntax, as
// Django's Jinja2 backend reads it (autoescape on, no trim_blocks), to
// the jet syntax the Jinja2 renderer runs, so that a theme written for
// Django's Jinja2 renderers renders unchanged.
//
// It takes what form templates use: {{ expressions }}, {# comments #},
// whitespace control ({%- -%}), if/elif/else, for loops (unpacking,
// else, loop.index, index0, revindex, revindex0, first, last, length),
// set, include (with context); literals (strings, numbers, lists,
// dicts, true/false/none), attribute and item access, method calls
// (with keyword arguments, a method NAME(k=v) is called as
// NAME_kwargs({k: v}); the properties errors, data, initial, media and
// changed_data are called where they are read), mapping.items(), the operators of Jinja (and,
// or, not, comparisons, in, ~, arithmetic, x if c else y), the tests
// sameas, none, defined, undefined, true and false, and the filters
// of Jinja2 3.1 (jinjaFilterSpecs) but random and urlize, with keyword
// arguments bound as Python binds them (sort(attribute='name',
// reverse=true)); an unknown filter, an unknown keyword argument, one
// given twice or too many arguments are translation errors. As in
// Jinja with autoescape on, Markup (what safe, escape, xmlattr, tojson
// return) stays Markup through string filters, which turn Django's safe
// strings (a label_tag(), a bound field's str()) into plain, escaped
// ones. None, an Object's attribute or method that is nil, prints None, as
// in Jinja; "x is none" and "x == none" are true for it and, as jet
// holds both as nil, for an undefined value (false in Jinja), and
// default replaces only the undefined one. Any other construct
// (macro, block, extends, import, call, filter blocks, raw...) is a
// *JinjaError naming it, the template and the line.
func TranslateJinja(name, src string) (string, error) {
	t := &jinjaTranslator{name: name}
	toks, err := t.lex(src)
	if err != nil {
		return "", err
	}
	return t.translate(toks)
}

// JinjaFS returns the templates of fsys, written in Jinja2 syntax, as the
// Jinja2 renderer reads them: each is translated with TranslateJinja when
// opened, and a template that cannot be translated fails to open with
// the *JinjaError. Use it as a Jinja2 renderer's Overlay.
func JinjaFS(fsys fs.FS) fs.FS { return jinjaFS{fsys} }

type jinjaFS struct{ fs.FS }

// Stat finds a template without translating it, so that one that cannot
// be translated is found and then fails to open, naming the problem.
func (j jinjaFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(j.FS, name) }

func (j jinjaFS) Open(name string) (fs.File, error) {
	f, err := j.FS.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return f, err
	}
	src, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	out, err := TranslateJinja(name, string(src))
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &memFile{name: name, r: strings.NewReader(out), size: int64(len(out)), info: st}, nil
}

// memFile is a translated template opened from a jinjaFS.
type memFile struct {
	name string
	r    *strings.Reader
	size int64
	info fs.FileInfo
}

func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Stat() (fs.FileInfo, error) { return sizedInfo{f.info, f.size}, nil }

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }

// ---------------------------------------------------------------- template tokens

type jinjaTokKind int

const (
	jText jinjaTokKind = iota
	jVar
	jBlock
	jComment
)

type jinjaTok struct {
	kind         jinjaTokKind
	text         string // the text, or the inside of the tag
	line         int
	ltrim, rtrim bool // a "-" after the opening or before the closing delimiter
}

type jinjaTranslator struct {
	name string
	line int
	// loops are the enclosing for loops, innermost last: the names of
	// their lists and indexes.
	loops []string
	// blocks are the open blocks ("for", "if"), innermost last.
	blocks []string
	nloop  int
	// out is the jet template in pieces; frames are the scopes Jinja's
	// set writes to (the template, each loop body), innermost last.
	out    []string
	frames []*jinjaFrame
}

// jinjaFrame is one scope of Jinja variables: a jet scope begins at
// out[at], where the names set in it are declared, so that a set inside
// an if is seen after it, as in Jinja.
type jinjaFrame struct {
	at    int
	names []string
	seen  map[string]bool
}

func (t *jinjaTranslator) pushFrame() {
	t.out = append(t.out, "") // the declarations, filled in by popFrame
	t.frames = append(t.frames, &jinjaFrame{at: len(t.out) - 1, seen: map[string]bool{}})
}

func (t *jinjaTranslator) popFrame() {
	f := t.frames[len(t.frames)-1]
	t.frames = t.frames[:len(t.frames)-1]
	var b strings.Builder
	for _, n := range f.names {
		// Until set, the name keeps what it had (a context variable).
		b.WriteString("{{ " + n + " := isset(" + n + ") ? " + n + " : nil }}")
	}
	t.out[f.at] = b.String()
}

func (t *jinjaTranslator) errf(format string, args ...any) error {
	return &JinjaError{Template: t.name, Line: t.line, Msg: fmt.Sprintf(format, args...)}
}

// lex splits a template into text and tags.
func (t *jinjaTranslator) lex(src string) ([]jinjaTok, error) {
	var toks []jinjaTok
	line := 1
	for len(src) > 0 {
		i := strings.Index(src, "{")
		for i >= 0 && (i+1 >= len(src) || !strings.ContainsRune("{%#", rune(src[i+1]))) {
			j := strings.Index(src[i+1:], "{")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			toks = append(toks, jinjaTok{kind: jText, text: src, line: line})
			break
		}
		if i > 0 {
			toks = append(toks, jinjaTok{kind: jText, text: src[:i], line: line})
			line += strings.Count(src[:i], "\n")
		}
		open := src[i+1]
		closeDelim := map[byte]string{'{': "}}", '%': "%}", '#': "#}"}[open]
		kind := map[byte]jinjaTokKind{'{': jVar, '%': jBlock, '#': jComment}[open]
		start := i + 2
		tok := jinjaTok{kind: kind, line: line}
		if start < len(src) && src[start] == '-' {
			tok.ltrim = true
			start++
		} else if start < len(src) && src[start] == '+' {
			start++
		}
		body := src[start:]
		end := t.findClose(body, closeDelim, kind == jComment)
		if end < 0 {
			t.line = line
			return nil, t.errf("unclosed %q", "{"+string(open))
		}
		inner := body[:end]
		if strings.HasSuffix(inner, "-") {
			tok.rtrim, inner = true, inner[:len(inner)-1]
		} else if strings.HasSuffix(inner, "+") {
			inner = inner[:len(inner)-1]
		}
		tok.text = strings.TrimSpace(inner)
		toks = append(toks, tok)
		stop := start + end + len(closeDelim)
		line += strings.Count(src[i:stop], "\n")
		src = src[stop:]
	}
	return toks, nil
}

// findClose returns the index of the closing delimiter in body, skipping
// string literals in tags.
func (t *jinjaTranslator) findClose(body, delim string, comment bool) int {
	if comment {
		return strings.Index(body, delim)
	}
	var quote byte
	depth := 0 // open brackets: as Jinja's lexer, "}}" inside {'a': {'b': 1}} does not close
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case depth == 0 && strings.HasPrefix(body[i:], delim):
			return i
		case c == '(' || c == '[' || c == '{':
			depth++
		case (c == ')' || c == ']' || c == '}') && depth > 0:
			depth--
		}
	}
	return -1
}

// translate writes the jet template.
func (t *jinjaTranslator) translate(toks []jinjaTok) (string, error) {
	// Whitespace control first: a "-" strips the whitespace of the text
	// beside the tag, newlines included.
	for i := range toks {
		if toks[i].kind == jText {
			continue
		}
		if toks[i].ltrim && i > 0 && toks[i-1].kind == jText {
			toks[i-1].text = strings.TrimRightFunc(toks[i-1].text, unicode.IsSpace)
		}
		if toks[i].rtrim && i+1 < len(toks) && toks[i+1].kind == jText {
			toks[i+1].text = strings.TrimLeftFunc(toks[i+1].text, unicode.IsSpace)
		}
	}
	t.pushFrame()
	for _, tok := range toks {
		t.line = tok.line
		switch tok.kind {
		case jText:
			t.out = append(t.out, jetText(tok.text))
		case jComment:
		case jVar:
			e, err := t.expr(tok.text)
			if err != nil {
				return "", err
			}
			t.out = append(t.out, "{{ jinja_print("+e+") }}")
		case jBlock:
			if err := t.statement(tok.text); err != nil {
				return "", err
			}
		}
	}
	if len(t.blocks) > 0 {
		return "", t.errf("unclosed {%% %s %%}: missing {%% end%s %%}", t.blocks[len(t.blocks)-1], t.blocks[len(t.blocks)-1])
	}
	t.popFrame()
	return strings.Join(t.out, ""), nil
}

func (t *jinjaTranslator) emit(s string) { t.out = append(t.out, s) }

// jetText writes Jinja text for jet, where "{*" opens a comment and a "{"
// before a tag would open one: those are printed as strings.
func jetText(s string) string {
	s = strings.ReplaceAll(s, "{*", `{{ "{*" }}`)
	if strings.HasSuffix(s, "{") {
		s = s[:len(s)-1] + `{{ "{" }}`
	}
	return s
}

func (t *jinjaTranslator) expr(src string) (string, error) {
	p, err := t.parser(src)
	if err != nil {
		return "", err
	}
	e, err := p.expression(false)
	if err != nil {
		return "", err
	}
	if !p.done() {
		return "", t.errf("unexpected %q in expression %q", p.peek().text, src)
	}
	return e, nil
}

// statement translates the inside of one {% %} tag.
func (t *jinjaTranslator) statement(src string) error {
	s, err := t.statementText(src)
	if err == nil {
		t.emit(s)
	}
	return err
}

func (t *jinjaTranslator) statementText(src string) (string, error) {
	word, rest, _ := strings.Cut(src, " ")
	rest = strings.TrimSpace(rest)
	if i := strings.IndexAny(word, "\t\n\r"); i >= 0 {
		word, rest = word[:i], strings.TrimSpace(src[i:])
	}
	switch word {
	case "if":
		e, err := t.expr(rest)
		if err != nil {
			return "", err
		}
		t.blocks = append(t.blocks, "if")
		return "{{ if " + truth(e) + " }}", nil
	case "elif":
		if t.top() != "if" {
			return "", t.errf("{%% elif %%} outside {%% if %%}")
		}
		e, err := t.expr(rest)
		if err != nil {
			return "", err
		}
		return "{{ else if " + truth(e) + " }}", nil
	case "else":
		if rest != "" {
			return "", t.errf("unexpected %q after else", rest)
		}
		switch t.top() {
		case "if":
		case "for":
			// The else of a loop runs outside its body's scope.
			t.popFrame()
			t.emit("{{ else }}")
			t.pushFrame()
			return "", nil
		default:
			return "", t.errf("{%% else %%} outside {%% if %%} or {%% for %%}")
		}
		return "{{ else }}", nil
	case "endif", "endfor":
		want := strings.TrimPrefix(word, "end")
		if t.top() != want {
			return "", t.errf("{%% %s %%} does not close {%% %s %%}", word, t.top())
		}
		t.blocks = t.blocks[:len(t.blocks)-1]
		if want == "for" {
			t.loops = t.loops[:len(t.loops)-1]
			t.popFrame()
		}
		return "{{ end }}", nil
	case "for":
		return t.forLoop(rest)
	case "set":
		return t.set(rest)
	case "include":
		return t.include(rest)
	case "":
		return "", t.errf("empty {%% %%} tag")
	}
	return "", t.errf("the Jinja2 construct {%% %s %%} is not supported", word)
}

func (t *jinjaTranslator) top() string {
	if len(t.blocks) == 0 {
		return ""
	}
	return t.blocks[len(t.blocks)-1]
}

// forLoop translates {% for TARGETS in EXPR %}: the items are listed once,
// so that loop.last and loop.length can be known.
func (t *jinjaTranslator) forLoop(src string) (string, error) {
	p, err := t.parser(src)
	if err != nil {
		return "", err
	}
	var targets []string
	paren := p.accept("(")
	for {
		tok := p.next()
		if tok.kind != eName {
			return "", t.errf("want a loop variable in {%% for %s %%}", src)
		}
		if err := t.checkName(tok.text); err != nil {
			return "", err
		}
		targets = append(targets, tok.text)
		if !p.accept(",") {
			break
		}
	}
	if paren && !p.accept(")") {
		return "", t.errf("want ) in {%% for %s %%}", src)
	}
	if tok := p.next(); tok.kind != eName || tok.text != "in" {
		return "", t.errf("want \"in\" in {%% for %s %%}", src)
	}
	iter, err := p.expression(true)
	if err != nil {
		return "", err
	}
	if !p.done() {
		what := p.peek().text
		if what == "if" || what == "recursive" {
			return "", t.errf("the Jinja2 construct {%% for ... %s %%} is not supported", what)
		}
		return "", t.errf("unexpected %q in {%% for %s %%}", what, src)
	}
	t.nloop++
	l := "jinja_loop" + strconv.Itoa(t.nloop)
	t.loops = append(t.loops, l)
	t.blocks = append(t.blocks, "for")
	if len(targets) == 1 {
		t.emit(fmt.Sprintf("{{ %s := jinja_list(%s) }}{{ range %s_i, %s := %s }}", l, iter, l, targets[0], l))
	} else {
		t.emit(fmt.Sprintf("{{ %s := jinja_list(%s) }}{{ range %s_i, %s_v := %s }}", l, iter, l, l, l))
		for i, name := range targets {
			// jinja_unpack: item i of exactly len(targets), as Python
			// unpacks (a groupby group as its grouper and list).
			t.emit(fmt.Sprintf("{{ %s := jinja_unpack(%s_v, %s, %s) }}", name, l, numberLit(strconv.Itoa(len(targets))), numberLit(strconv.Itoa(i))))
		}
	}
	t.pushFrame()
	return "", nil
}

// set translates {% set NAME = EXPR %}.
func (t *jinjaTranslator) set(src string) (string, error) {
	name, value, ok := strings.Cut(src, "=")
	name = strings.TrimSpace(name)
	if !ok {
		return "", t.errf("the Jinja2 construct {%% set %s %%}...{%% endset %%} is not supported", name)
	}
	if !isIdent(name) {
		return "", t.errf("the Jinja2 construct {%% set %s = ... %%} is not supported: set one name", name)
	}
	if err := t.checkName(name); err != nil {
		return "", err
	}
	e, err := t.expr(value)
	if err != nil {
		return "", err
	}
	if f := t.frames[len(t.frames)-1]; !f.seen[name] {
		f.seen[name] = true
		f.names = append(f.names, name)
	}
	return "{{ " + name + " = " + e + " }}", nil
}

// include translates {% include EXPR [with context] %}.
func (t *jinjaTranslator) include(src string) (string, error) {
	p, err := t.parser(src)
	if err != nil {
		return "", err
	}
	e, err := p.expression(false)
	if err != nil {
		return "", err
	}
	var rest []string
	for !p.done() {
		rest = append(rest, p.next().text)
	}
	switch strings.Join(rest, " ") {
	case "", "with context":
	default:
		return "", t.errf("the Jinja2 construct {%% include ... %s %%} is not supported", strings.Join(rest, " "))
	}
	return "{{ include " + e + " }}", nil
}

// jetKeywords cannot name variables in jet.
var jetKeywords = map[string]bool{
	"extends": true, "import": true, "include": true, "block": true, "end": true, "yield": true,
	"if": true, "else": true, "range": true, "try": true, "catch": true, "return": true,
	"and": true, "or": true, "not": true, "nil": true, "true": true, "false": true,
}

func (t *jinjaTranslator) checkName(name string) error {
	if jetKeywords[name] || strings.HasPrefix(name, "jinja_") {
		return t.errf("the variable name %q is not supported (a jet keyword or reserved prefix)", name)
	}
	return nil
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------- expressions

type exprKind int

const (
	eEOF exprKind = iota
	eName
	eNumber
	eString
	eOp
)

type exprTok struct {
	kind exprKind
	text string
}

type exprParser struct {
	t    *jinjaTranslator
	toks []exprTok
	pos  int
}

func (t *jinjaTranslator) parser(src string) (*exprParser, error) {
	toks, err := t.lexExpr(src)
	if err != nil {
		return nil, err
	}
	return &exprParser{t: t, toks: toks}, nil
}

var exprOps = []string{"==", "!=", "<=", ">=", "//", "**", "<", ">", "+", "-", "*", "/", "%", "~",
	"(", ")", "[", "]", "{", "}", ",", ":", ".", "|", "="}

func (t *jinjaTranslator) lexExpr(src string) ([]exprTok, error) {
	var toks []exprTok
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'' || c == '"':
			var sb strings.Builder
			j := i + 1
			for ; j < len(src) && src[j] != c; j++ {
				if src[j] == '\\' && j+1 < len(src) {
					j++
					switch src[j] {
					case 'n':
						sb.WriteByte('\n')
					case 't':
						sb.WriteByte('\t')
					default:
						sb.WriteByte(src[j])
					}
					continue
				}
				sb.WriteByte(src[j])
			}
			if j >= len(src) {
				return nil, t.errf("unclosed string in %q", src)
			}
			toks = append(toks, exprTok{eString, sb.String()})
			i = j + 1
		case c >= '0' && c <= '9':
			// Jinja's numbers: digits (with _), then a fraction only when
			// a digit follows the dot ("0..", "1.x" are 0 or 1 followed
			// by an attribute access, as Jinja lexes them).
			digits := func(j int) int {
				for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '_') {
					j++
				}
				return j
			}
			j := digits(i)
			if j+1 < len(src) && src[j] == '.' && src[j+1] >= '0' && src[j+1] <= '9' {
				j = digits(j + 1)
			}
			toks = append(toks, exprTok{eNumber, strings.ReplaceAll(src[i:j], "_", "")})
			i = j
		case c == '_' || isLetterAt(src, i):
			j := i
			for j < len(src) {
				r, n := utf8.DecodeRuneInString(src[j:])
				if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j += n
			}
			toks = append(toks, exprTok{eName, src[i:j]})
			i = j
		default:
			found := false
			for _, op := range exprOps {
				if strings.HasPrefix(src[i:], op) {
					toks = append(toks, exprTok{eOp, op})
					i += len(op)
					found = true
					break
				}
			}
			if !found {
				return nil, t.errf("unexpected character %q in %q", c, src)
			}
		}
	}
	return toks, nil
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func (p *exprParser) peek() exprTok {
	if p.pos >= len(p.toks) {
		return exprTok{kind: eEOF}
	}
	return p.toks[p.pos]
}

func (p *exprParser) next() exprTok {
	tok := p.peek()
	if p.pos < len(p.toks) {
		p.pos++
	}
	return tok
}

func (p *exprParser) done() bool { return p.pos >= len(p.toks) }

// accept consumes the operator op if it comes next.
func (p *exprParser) accept(op string) bool {
	if tok := p.peek(); tok.kind == eOp && tok.text == op {
		p.pos++
		return true
	}
	return false
}

// acceptName consumes the name (a keyword) if it comes next.
func (p *exprParser) acceptName(name string) bool {
	if tok := p.peek(); tok.kind == eName && tok.text == name {
		p.pos++
		return true
	}
	return false
}

func (p *exprParser) expect(op string) error {
	if !p.accept(op) {
		return p.t.errf("want %q, got %q", op, p.peek().text)
	}
	return nil
}

// expression parses a conditional expression; noCond leaves a trailing
// "if" alone (the iterable of a for loop).
func (p *exprParser) expression(noCond bool) (string, error) {
	a, err := p.or()
	if err != nil {
		return "", err
	}
	if noCond || !p.acceptName("if") {
		return a, nil
	}
	cond, err := p.or()
	if err != nil {
		return "", err
	}
	b := "nil"
	if p.acceptName("else") {
		if b, err = p.expression(false); err != nil {
			return "", err
		}
	}
	return "(" + truth(cond) + " ? " + a + " : " + b + ")", nil
}

// boolPrefixes begin the translations that are a bool already: a
// comparison (or a chain of them), a test, a not.
var boolPrefixes = []string{"jinja_cmp(", "(jinja_cmp(", "jinja_in(", "!jinja_in(", "jinja_test(", "!jinja_test(",
	"jinja_is_none(", "!jinja_is_none(", "isset(", "!isset(", "!("}

// truth is e as a condition: Python's bool() of it (jinja_bool), as jet
// finds true what Python does not (a Decimal or float zero, an empty list
// that is not nil), unless e is a bool already.
func truth(e string) string {
	if e == "true" || e == "false" {
		return e
	}
	for _, p := range boolPrefixes {
		if strings.HasPrefix(e, p) {
			return e
		}
	}
	return "jinja_bool(" + e + ")"
}

func (p *exprParser) or() (string, error) {
	a, err := p.and()
	if err != nil {
		return "", err
	}
	for p.acceptName("or") {
		b, err := p.and()
		if err != nil {
			return "", err
		}
		a = "(" + truth(a) + " ? " + a + " : " + b + ")" // the value, as Python's or
	}
	return a, nil
}

func (p *exprParser) and() (string, error) {
	a, err := p.not()
	if err != nil {
		return "", err
	}
	for p.acceptName("and") {
		b, err := p.not()
		if err != nil {
			return "", err
		}
		a = "(" + truth(a) + " ? " + b + " : " + a + ")" // the value, as Python's and
	}
	return a, nil
}

func (p *exprParser) not() (string, error) {
	if p.acceptName("not") {
		a, err := p.not()
		if err != nil {
			return "", err
		}
		return "!(" + truth(a) + ")", nil
	}
	return p.compare()
}

var compareOps = map[string]bool{"==": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}

func (p *exprParser) compare() (string, error) {
	a, err := p.concat()
	if err != nil {
		return "", err
	}
	// A chain (a < b < c) is Python's a < b and b < c, b read twice.
	var chain []string
	prev := a
	for {
		tok := p.peek()
		var op string
		switch {
		case tok.kind == eOp && compareOps[tok.text]:
			p.pos++
			op = tok.text
		case tok.kind == eName && tok.text == "in":
			p.pos++
			op = "in"
		case tok.kind == eName && tok.text == "not" && p.pos+1 < len(p.toks) && p.toks[p.pos+1].text == "in":
			p.pos += 2
			op = "not in"
		case tok.kind == eName && tok.text == "is":
			p.pos++
			if a, err = p.test(a); err != nil {
				return "", err
			}
			continue
		default:
			return a, nil
		}
		b, err := p.concat()
		if err != nil {
			return "", err
		}
		var link string
		switch {
		case (op == "==" || op == "!=") && (prev == "nil" || b == "nil"):
			// x == None: None or, as jet cannot tell them apart, undefined.
			x := prev
			if prev == "nil" {
				x = b
			}
			link = "jinja_is_none(" + x + ")"
			if op == "!=" {
				link = "!" + link
			}
		case op == "in":
			link = "jinja_in(" + prev + ", " + b + ")"
		case op == "not in":
			link = "!jinja_in(" + prev + ", " + b + ")"
		default:
			link = "jinja_cmp(" + prev + ", \"" + op + "\", " + b + ")"
		}
		chain = append(chain, link)
		prev = b
		// Python stops at the first false link; so does jet's ?:.
		a = chain[len(chain)-1]
		for i := len(chain) - 2; i >= 0; i-- {
			a = "(" + chain[i] + " ? " + a + " : false)"
		}
	}
}

// test translates "x is [not] TEST [ARG]".
func (p *exprParser) test(a string) (string, error) {
	neg := p.acceptName("not")
	tok := p.next()
	if tok.kind != eName {
		return "", p.t.errf("want a test name after \"is\"")
	}
	var out string
	switch tok.text {
	case "sameas", "eq", "equalto":
		arg, err := p.testArg()
		if err != nil {
			return "", err
		}
		switch {
		case arg == "nil":
			out = "jinja_is_none(" + a + ")"
		case a == "nil":
			out = "jinja_is_none(" + arg + ")"
		default:
			out = "(" + a + " == " + arg + ")"
		}
	case "none":
		out = "jinja_is_none(" + a + ")"
	case "true":
		out = "(" + a + " == true)"
	case "false":
		out = "(" + a + " == false)"
	case "defined":
		out = "isset(" + a + ")"
	case "undefined":
		out = "!isset(" + a + ")"
	case "string", "number", "integer", "float", "boolean", "mapping", "iterable",
		"sequence", "callable", "odd", "even", "lower", "upper", "escaped":
		out = "jinja_test(\"" + tok.text + "\", " + a + ")"
	case "divisibleby", "in", "ne", "lt", "le", "gt", "ge":
		arg, err := p.testArg()
		if err != nil {
			return "", err
		}
		switch tok.text {
		case "divisibleby":
			out = "jinja_test(\"divisibleby\", " + a + ", " + arg + ")"
		case "in":
			out = "jinja_in(" + a + ", " + arg + ")"
		default:
			op := map[string]string{"ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}[tok.text]
			out = "jinja_cmp(" + a + ", \"" + op + "\", " + arg + ")"
		}
	default:
		return "", p.t.errf("the Jinja2 test %q is not supported", tok.text)
	}
	if neg {
		return "!" + out, nil
	}
	return out, nil
}

func (p *exprParser) testArg() (string, error) {
	if p.accept("(") {
		e, err := p.expression(false)
		if err != nil {
			return "", err
		}
		return e, p.expect(")")
	}
	return p.postfix(false)
}

func (p *exprParser) concat() (string, error) {
	a, err := p.add()
	if err != nil {
		return "", err
	}
	for p.accept("~") {
		b, err := p.add()
		if err != nil {
			return "", err
		}
		a = "(str(" + a + ") + str(" + b + "))"
	}
	return a, nil
}

func (p *exprParser) add() (string, error) {
	a, err := p.mul()
	if err != nil {
		return "", err
	}
	for {
		tok := p.peek()
		if tok.kind != eOp || (tok.text != "+" && tok.text != "-") {
			return a, nil
		}
		p.pos++
		b, err := p.mul()
		if err != nil {
			return "", err
		}
		a = "(" + a + " " + tok.text + " " + b + ")"
	}
}

func (p *exprParser) mul() (string, error) {
	a, err := p.unary()
	if err != nil {
		return "", err
	}
	for {
		tok := p.peek()
		if tok.kind != eOp || !strings.Contains(" * / % // ** ", " "+tok.text+" ") {
			return a, nil
		}
		if tok.text == "//" || tok.text == "**" {
			return "", p.t.errf("the operator %s is not supported", tok.text)
		}
		p.pos++
		b, err := p.unary()
		if err != nil {
			return "", err
		}
		if tok.text == "/" {
			a = "jinja_div(" + a + ", " + b + ")" // true division, as Python's
			continue
		}
		a = "(" + a + " " + tok.text + " " + b + ")"
	}
}

// unary parses a unary minus or plus and its operand; as in Jinja, the
// filters after the operand apply to the negated value: -3|abs is 3.
func (p *exprParser) unary() (string, error) { return p.unaryOp(true) }

func (p *exprParser) unaryOp(filters bool) (string, error) {
	neg := p.accept("-")
	if !neg && !p.accept("+") {
		return p.postfix(filters)
	}
	a, err := p.unaryOp(false)
	if err != nil {
		return "", err
	}
	if neg {
		a = "(" + numberLit("0") + " - " + a + ")"
	}
	for filters && p.accept("|") {
		if a, err = p.filter(a); err != nil {
			return "", err
		}
	}
	return a, nil
}

// postfix parses a primary and its attribute, item, call and filter
// suffixes.
func (p *exprParser) postfix(filters bool) (string, error) {
	tok := p.peek()
	if tok.kind == eName && tok.text == "loop" && len(p.t.loops) > 0 {
		p.pos++
		return p.loopAttr()
	}
	a, err := p.primary()
	if err != nil {
		return "", err
	}
	// chain: a name and its attributes, which jet reads itself; other
	// values (literals, parenthesised expressions, items) are read with
	// jinja_attr.
	chain := tok.kind == eName && !map[string]bool{"true": true, "True": true, "false": true, "False": true, "none": true, "None": true}[tok.text]
	for {
		switch {
		case p.accept("."):
			attr := p.next()
			if attr.kind != eName && attr.kind != eNumber {
				return "", p.t.errf("want an attribute name after \".\"")
			}
			if attr.kind == eNumber {
				a = "jinja_index(" + a + ", " + numberLit(attr.text) + ")"
				chain = false
				continue
			}
			if attr.text == "items" && p.peek().kind == eOp && p.peek().text == "(" {
				p.pos++
				if err := p.expect(")"); err != nil {
					return "", p.t.errf("items() takes no arguments")
				}
				a = "jinja_items(" + a + ")"
				chain = false
				continue
			}
			if errorListMethods[attr.text] && p.peek().kind == eOp && p.peek().text == "(" &&
				(!chain || strings.HasSuffix(a, "errors") || strings.HasSuffix(a, "errors()")) {
				// An error list's or dict's as_ul() and as_text(): an
				// empty one (an Object without keys to jet) has them too.
				p.pos++
				if err := p.expect(")"); err != nil {
					return "", p.t.errf("%s() takes no arguments", attr.text)
				}
				a = "jinja_method(" + a + ", " + strconv.Quote(attr.text) + ")"
				chain = false
				continue
			}
			if !chain {
				if p.peek().kind == eOp && p.peek().text == "(" {
					return "", p.t.errf("calling the method %s() of a computed value is not supported", attr.text)
				}
				a = "jinja_attr(" + a + ", " + strconv.Quote(attr.text) + ")"
				continue
			}
			if p.peek().kind == eOp && p.peek().text == "(" {
				switch attr.text {
				case "keys", "values", "get", "update", "pop", "append", "split", "format", "startswith", "endswith":
					return "", p.t.errf("the method %s() is not supported", attr.text)
				}
				p.pos++
				args, kwargs, err := p.arguments()
				if err != nil {
					return "", err
				}
				if len(kwargs) > 0 {
					if len(args) > 0 {
						return "", p.t.errf("a call of %s() with both positional and keyword arguments is not supported", attr.text)
					}
					a = a + "." + attr.text + "_kwargs(map(" + strings.Join(kwargs, ", ") + "))"
				} else {
					a = a + "." + attr.text + "(" + strings.Join(args, ", ") + ")"
				}
				chain = false
				continue
			}
			if jinjaPropertyOrValue[attr.text] {
				a = "jinja_prop(" + a + ", " + strconv.Quote(attr.text) + ")"
				chain = false
				continue
			}
			a = a + "." + attr.text
			if jinjaProperties[attr.text] {
				a += "()"
			}
		case p.accept("["):
			idx, err := p.expression(false)
			if err != nil {
				return "", err
			}
			if p.peek().text == ":" {
				return "", p.t.errf("slices are not supported")
			}
			if err := p.expect("]"); err != nil {
				return "", err
			}
			a = "jinja_index(" + a + ", " + idx + ")"
			chain = false
		case p.accept("("):
			args, kwargs, err := p.arguments()
			if err != nil {
				return "", err
			}
			if len(kwargs) > 0 {
				return "", p.t.errf("keyword arguments are supported on methods only")
			}
			if !chain {
				return "", p.t.errf("calling a computed value is not supported")
			}
			a = a + "(" + strings.Join(args, ", ") + ")"
			chain = false
		case filters && p.accept("|"):
			if a, err = p.filter(a); err != nil {
				return "", err
			}
			chain = false
		default:
			return a, nil
		}
	}
}

// loopAttr translates loop.ATTR of the innermost for loop.
func (p *exprParser) loopAttr() (string, error) {
	l := p.t.loops[len(p.t.loops)-1]
	if !p.accept(".") {
		return "", p.t.errf("the loop variable is supported only as loop.ATTR")
	}
	attr := p.next()
	one := numberLit("1")
	switch attr.text {
	case "index":
		return "(" + l + "_i + " + one + ")", nil
	case "index0":
		return l + "_i", nil
	case "revindex":
		return "(len(" + l + ") - " + l + "_i)", nil
	case "revindex0":
		return "(len(" + l + ") - " + l + "_i - " + one + ")", nil
	case "first": // comparisons: jet's float literals are exact here
		return "(" + l + "_i == 0)", nil
	case "last":
		return "(" + l + "_i == len(" + l + ") - 1)", nil
	case "length":
		return "len(" + l + ")", nil
	}
	return "", p.t.errf("loop.%s is not supported", attr.text)
}

// arguments parses a call's arguments after "(": positional ones, and
// keyword ones as "name", value pairs for map().
func (p *exprParser) arguments() (args, kwargs []string, err error) {
	for !p.accept(")") {
		if len(args)+len(kwargs)/2 > 0 {
			if err := p.expect(","); err != nil {
				return nil, nil, err
			}
			if p.accept(")") {
				break
			}
		}
		if tok := p.peek(); tok.kind == eName && p.pos+1 < len(p.toks) && p.toks[p.pos+1].text == "=" {
			p.pos += 2
			v, err := p.expression(false)
			if err != nil {
				return nil, nil, err
			}
			kwargs = append(kwargs, strconv.Quote(tok.text), v)
			continue
		}
		if len(kwargs) > 0 {
			return nil, nil, p.t.errf("a positional argument after keyword arguments")
		}
		v, err := p.expression(false)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, v)
	}
	return args, kwargs, nil
}

// numberLit writes a number literal: an integer as jinja_int("N"), since
// jet reads every literal as a float, a float as it is.
func numberLit(s string) string {
	if strings.ContainsAny(s, ".eE") {
		return s
	}
	return "jinja_int(" + strconv.Quote(s) + ")"
}

// jinjaProperties are the attributes Django computes as properties
// (BoundField.errors, .data, .initial, Form.errors, .media, .changed_data) and formwork's
// template objects as methods: read without a call, they are called.
var jinjaProperties = map[string]bool{"errors": true, "data": true, "initial": true, "media": true, "changed_data": true}

// jinjaPropertyOrValue are the attribute names that are a property of
// one object (BoundField.subwidgets, a method of its template object)
// and a plain value of another (a MultiWidget context's subwidgets):
// jinja_prop reads them, calling a method.
var jinjaPropertyOrValue = map[string]bool{"subwidgets": true}

// errorListMethods are the methods of error lists and dicts that
// jinja_method calls.
var errorListMethods = map[string]bool{"as_ul": true, "as_text": true}

func (p *exprParser) filter(a string) (string, error) {
	name := p.next()
	if name.kind != eName {
		return "", p.t.errf("want a filter name after \"|\"")
	}
	if _, ok := jinjaFilterSpecs[name.text]; !ok {
		return "", p.t.errf("the Jinja2 filter %q is not supported", name.text)
	}
	var args, kwargs []string
	if p.accept("(") {
		var err error
		if args, kwargs, err = p.arguments(); err != nil {
			return "", err
		}
	}
	call, err := translateFilter(name.text, a, args, kwargs)
	if err != nil {
		return "", p.t.errf("%s", err)
	}
	return call, nil
}

// noneItems writes the items of a list or dict literal, none as
// jinja_none(): Python's None, which jet's nil cannot be there.
func noneItems(items []string) []string {
	for i, e := range items {
		if e == "nil" {
			items[i] = "jinja_none()"
		}
	}
	return items
}

func (p *exprParser) primary() (string, error) {
	tok := p.next()
	switch tok.kind {
	case eEOF:
		return "", p.t.errf("unexpected end of expression")
	case eString:
		return strconv.Quote(tok.text), nil
	case eNumber:
		return numberLit(tok.text), nil
	case eName:
		switch tok.text {
		case "true", "True":
			return "true", nil
		case "false", "False":
			return "false", nil
		case "none", "None":
			return "nil", nil
		case "and", "or", "not", "if", "else", "in", "is":
			return "", p.t.errf("unexpected %q", tok.text)
		}
		if err := p.t.checkName(tok.text); err != nil {
			return "", err
		}
		return tok.text, nil
	}
	switch tok.text {
	case "(":
		e, err := p.expression(false)
		if err != nil {
			return "", err
		}
		if p.accept(",") {
			items := []string{e}
			for !p.accept(")") {
				v, err := p.expression(false)
				if err != nil {
					return "", err
				}
				items = append(items, v)
				if !p.accept(",") {
					if err := p.expect(")"); err != nil {
						return "", err
					}
					break
				}
			}
			return "jinja_tuple(" + strings.Join(noneItems(items), ", ") + ")", nil
		}
		return e, p.expect(")")
	case "[":
		var items []string
		for !p.accept("]") {
			v, err := p.expression(false)
			if err != nil {
				return "", err
			}
			items = append(items, v)
			if !p.accept(",") {
				if err := p.expect("]"); err != nil {
					return "", err
				}
				break
			}
		}
		return "slice(" + strings.Join(noneItems(items), ", ") + ")", nil
	case "{":
		var items []string
		for !p.accept("}") {
			k := p.next()
			if k.kind != eString {
				return "", p.t.errf("dict keys must be strings")
			}
			if err := p.expect(":"); err != nil {
				return "", err
			}
			v, err := p.expression(false)
			if err != nil {
				return "", err
			}
			items = append(items, strconv.Quote(k.text), v)
			if !p.accept(",") {
				if err := p.expect("}"); err != nil {
					return "", err
				}
				break
			}
		}
		return "map(" + strings.Join(noneItems(items), ", ") + ")", nil
	}
	return "", p.t.errf("unexpected %q", tok.text)
}
