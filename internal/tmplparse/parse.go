// Package tmplparse parses the subset of Django's template language the
// built-in form templates use into a tree: text, {{ var.path|filter }},
// and the tags if/elif/else, for/empty, with, include, spaceless, load
// and comment, and formwork's translate and langattrs (the accessible
// templates'). Two
// compilers read the tree: internal/tmplgen, which turns the built-in
// templates into the renderers' generated Go writers, and the renderers'
// theme programs, which compile a theme's overriding template at run
// time. Anything else is an error naming the template, line and
// construct; each compiler decides what that means (the generator
// fails, a theme template is rendered by its engine).
package tmplparse

import (
	"fmt"
	"strings"
)

// Node is a node of a template's tree: *Text, *Var, *If, *For, *With,
// *Include, *Spaceless, *Translate or *LangAttrs.
type Node interface{}

// Text is literal text, printed as is.
type Text struct{ Text string }

// Var is {{ expr|filter|... }}: Expr a dotted variable path, Filters
// the filters as written ("safe", "stringformat:'s'").
type Var struct {
	Expr    string
	Filters []string
	Line    int
}

// If is {% if Cond %}Then{% else %}Else{% endif %}. Cond is the
// condition as written; an {% elif %} is an If alone in Else.
type If struct {
	Cond       string
	Then, Else []Node
	Line       int
	HasElse    bool
}

// For is {% for Vars in Coll %}Body{% empty %}Empty{% endfor %}
// (HasEmpty when the loop has an {% empty %}). Index, set only by
// ParseJet, names a variable holding the 0-based index of the item.
type For struct {
	Vars     []string
	Coll     string
	Body     []Node
	Empty    []Node
	HasEmpty bool
	Line     int
	Index    string
}

// With is {% with Name=Expr|filter... %}Body{% endwith %}; Filters are
// as a Var's.
type With struct {
	Name, Expr string
	Filters    []string
	Body       []Node
	Line       int
}

// Translate is formwork's {% translate "Message" name=expr ... %}
// (renderers/accessible_i18n.go): Message translated by the context's
// translator, its %(name)s parameters the values of Params' dotted
// variable paths.
type Translate struct {
	Message string
	Params  [][2]string // name, expression
	Line    int
}

// LangAttrs is formwork's {% langattrs %}: the lang and dir attributes
// of the context's language.
type LangAttrs struct{ Line int }

// Include is {% include name [with k=v ...] %}: a literal Name, or
// the expression Expr giving the name at run time.
type Include struct {
	Name    string // a literal name, or ""
	Expr    string // the expression giving the name, when not literal
	Withs   [][2]string
	Line    int
	Literal bool
}

// Spaceless is {% spaceless %}Body{% endspaceless %}: what Body prints,
// without its leading and trailing whitespace and with the whitespace
// between tags (">  <") removed.
type Spaceless struct {
	Body []Node
	Line int
}

type parser struct {
	file string
	src  string
}

type parseError struct {
	file string
	line int
	msg  string
}

func (e *parseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

func (p *parser) errf(line int, format string, args ...any) error {
	return &parseError{p.file, line, fmt.Sprintf(format, args...)}
}

// token is text, a {{ }} or a {% %}.
type token struct {
	kind byte // 't', 'v', 'b'
	text string
	line int
}

// delim is one kind of tag of a template syntax, known by the character
// after its opening '{': what closes it, and the token it makes ('v' a
// variable, 'b' a block tag, 0 nothing: a comment). check, when set, sees
// the tag's untrimmed inside and refuses what the syntax cannot parse.
// trim says the tag may carry jet's trim markers: "- " right after its
// opening strips the whitespace (space, tab, CR, LF) ending the text just
// before the tag, " -" right before its end the whitespace starting the
// text just after; text with a comment between is not touched.
type delim struct {
	end   string
	kind  byte
	check func(inner string) string
	trim  bool
}

// trimSet is the whitespace jet's trim markers strip.
const trimSet = " \t\r\n"

// djangoDelims are the tags of Django's template language.
var djangoDelims = map[byte]delim{
	'{': {end: "}}", kind: 'v'},
	'%': {end: "%}", kind: 'b'},
	'#': {end: "#}"},
}

// tokens splits src into text and the tags of the syntax delims
// describes; one scanner serves both syntaxes.
func (p *parser) tokens(delims map[byte]delim) ([]token, error) {
	var out []token
	s := p.src
	line := 1
	// text is the index in out of the text just before the scanner, -1
	// when a tag or comment is; trimNext says the last tag ends with a
	// trim marker.
	text, trimNext := -1, false
	addText := func(t string) {
		if trimNext {
			t = strings.TrimLeft(t, trimSet)
		}
		if t != "" {
			out = append(out, token{'t', t, line})
			text = len(out) - 1
		}
	}
	for len(s) > 0 {
		i := strings.Index(s, "{")
		for i >= 0 && i+1 < len(s) {
			if _, ok := delims[s[i+1]]; ok {
				break
			}
			j := strings.Index(s[i+1:], "{")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 || i+1 >= len(s) {
			addText(s)
			break
		}
		if i > 0 {
			addText(s[:i])
			line += strings.Count(s[:i], "\n")
			s = s[i:]
		}
		d := delims[s[1]]
		j := strings.Index(s[2:], d.end)
		if j < 0 {
			return nil, p.errf(line, "unclosed %q", s[:2])
		}
		j += 2
		inner := s[2:j]
		right := false
		if d.trim {
			if strings.HasPrefix(inner, "- ") {
				inner = inner[2:]
				if text >= 0 && text == len(out)-1 {
					if t := strings.TrimRight(out[text].text, trimSet); t != "" {
						out[text].text = t
					} else {
						out = out[:text]
					}
				}
			}
			if strings.HasSuffix(inner, " -") {
				inner, right = inner[:len(inner)-2], true
			}
		}
		if d.check != nil {
			if msg := d.check(inner); msg != "" {
				return nil, p.errf(line, "%s", msg)
			}
		}
		if d.kind != 0 {
			out = append(out, token{d.kind, strings.TrimSpace(inner), line})
		}
		text, trimNext = -1, right
		line += strings.Count(s[:j+2], "\n")
		s = s[j+2:]
	}
	return out, nil
}

// Parse returns the nodes of the template src; file names it in errors.
func Parse(file, src string) ([]Node, error) {
	p := &parser{file: file, src: src}
	toks, err := p.tokens(djangoDelims)
	if err != nil {
		return nil, err
	}
	nodes, rest, end, err := p.block(toks, nil)
	if err != nil {
		return nil, err
	}
	if end != "" || len(rest) > 0 {
		return nil, p.errf(toks[len(toks)-len(rest)-1].line, "unexpected {%% %s %%}", end)
	}
	return nodes, nil
}

// block parses nodes until one of the tags in stop, which it returns.
func (p *parser) block(toks []token, stop []string) (nodes []Node, rest []token, end string, err error) {
	for len(toks) > 0 {
		t := toks[0]
		toks = toks[1:]
		switch t.kind {
		case 't':
			nodes = append(nodes, &Text{t.text})
		case 'v':
			parts := strings.Split(t.text, "|")
			v := &Var{Expr: strings.TrimSpace(parts[0]), Line: t.line}
			for _, f := range parts[1:] {
				v.Filters = append(v.Filters, strings.TrimSpace(f))
			}
			nodes = append(nodes, v)
		case 'b':
			fields := strings.Fields(t.text)
			if len(fields) == 0 {
				return nil, nil, "", p.errf(t.line, "empty tag")
			}
			tag := fields[0]
			for _, s := range stop {
				if tag == s {
					return nodes, toks, t.text, nil
				}
			}
			var n Node
			n, toks, err = p.tag(t, fields, toks)
			if err != nil {
				return nil, nil, "", err
			}
			nodes = append(nodes, n)
		}
	}
	if len(stop) > 0 {
		return nil, nil, "", p.errf(strings.Count(p.src, "\n")+1, "missing {%% %s %%}", stop[len(stop)-1])
	}
	return nodes, nil, "", nil
}

// ifTag parses an if tag's branches, an elif as an if in the else
// branch.
func (p *parser) ifTag(cond string, line int, toks []token) (Node, []token, error) {
	n := &If{Cond: cond, Line: line}
	body, rest, end, err := p.block(toks, []string{"elif", "else", "endif"})
	if err != nil {
		return nil, nil, err
	}
	n.Then = body
	switch f := strings.Fields(end); {
	case len(f) > 0 && f[0] == "elif":
		n.HasElse = true
		elifLine := toks[len(toks)-len(rest)-1].line
		var inner Node
		inner, rest, err = p.ifTag(strings.TrimSpace(strings.TrimPrefix(end, "elif")), elifLine, rest)
		if err != nil {
			return nil, nil, err
		}
		n.Else = []Node{inner}
	case end == "else":
		n.HasElse = true
		n.Else, rest, _, err = p.block(rest, []string{"endif"})
		if err != nil {
			return nil, nil, err
		}
	}
	return n, rest, nil
}

func (p *parser) tag(t token, f []string, toks []token) (Node, []token, error) {
	switch f[0] {
	case "if":
		return p.ifTag(strings.TrimSpace(strings.TrimPrefix(t.text, "if")), t.line, toks)
	case "for":
		in := -1
		for i, w := range f {
			if w == "in" {
				in = i
			}
		}
		if in < 2 || in != len(f)-2 {
			return nil, nil, p.errf(t.line, "for: want {%% for x[, y] in list %%}, got {%% %s %%}", t.text)
		}
		n := &For{Coll: f[len(f)-1], Line: t.line}
		for _, v := range strings.Split(strings.Join(f[1:in], ""), ",") {
			n.Vars = append(n.Vars, strings.TrimSpace(v))
		}
		body, rest, end, err := p.block(toks, []string{"empty", "endfor"})
		if err != nil {
			return nil, nil, err
		}
		n.Body = body
		if end == "empty" {
			n.HasEmpty = true
			if n.Empty, rest, _, err = p.block(rest, []string{"endfor"}); err != nil {
				return nil, nil, err
			}
		}
		return n, rest, nil
	case "with":
		if len(f) != 2 || !strings.Contains(f[1], "=") {
			return nil, nil, p.errf(t.line, "with: want {%% with name=value %%}, got {%% %s %%}", t.text)
		}
		k, v, _ := strings.Cut(f[1], "=")
		body, rest, _, err := p.block(toks, []string{"endwith"})
		if err != nil {
			return nil, nil, err
		}
		parts := strings.Split(v, "|")
		return &With{Name: k, Expr: parts[0], Filters: parts[1:], Body: body, Line: t.line}, rest, nil
	case "spaceless":
		if len(f) != 1 {
			return nil, nil, p.errf(t.line, "spaceless takes no arguments, got {%% %s %%}", t.text)
		}
		body, rest, _, err := p.block(toks, []string{"endspaceless"})
		if err != nil {
			return nil, nil, err
		}
		return &Spaceless{Body: body, Line: t.line}, rest, nil
	case "translate":
		n, err := p.translate(t)
		return n, toks, err
	case "langattrs":
		if len(f) != 1 {
			return nil, nil, p.errf(t.line, "langattrs takes no arguments")
		}
		return &LangAttrs{Line: t.line}, toks, nil
	case "load":
		// Django's {% load %}: formwork's tags need no library.
		return &Text{}, toks, nil
	case "include":
		if len(f) < 2 {
			return nil, nil, p.errf(t.line, "include: no template name")
		}
		n := &Include{Line: t.line}
		if q := f[1]; len(q) >= 2 && (q[0] == '"' || q[0] == '\'') && q[len(q)-1] == q[0] {
			n.Name, n.Literal = q[1:len(q)-1], true
		} else {
			n.Expr = q
		}
		rest := f[2:]
		if len(rest) > 0 {
			if rest[0] != "with" || len(rest) < 2 {
				return nil, nil, p.errf(t.line, "include: want \"with name=value\" after the name, got %q", strings.Join(rest, " "))
			}
			for _, kv := range rest[1:] {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					return nil, nil, p.errf(t.line, "include: want name=value, got %q", kv)
				}
				n.Withs = append(n.Withs, [2]string{k, v})
			}
		}
		return n, toks, nil
	}
	return nil, nil, p.errf(t.line, "tag {%% %s %%} is not supported", f[0])
}

// translate parses {% translate "message" name=expr ... %}: a quoted
// message without backslashes, then name=value pairs, each value a
// dotted variable path.
func (p *parser) translate(t token) (Node, error) {
	rest := strings.TrimSpace(strings.TrimPrefix(t.text, "translate"))
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return nil, p.errf(t.line, "translate: want a quoted message, got {%% %s %%}", t.text)
	}
	end := strings.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return nil, p.errf(t.line, "translate: unclosed message in {%% %s %%}", t.text)
	}
	n := &Translate{Message: rest[1 : end+1], Line: t.line}
	if strings.ContainsRune(n.Message, '\\') {
		return nil, p.errf(t.line, "translate: a backslash in the message is not supported")
	}
	for _, kv := range strings.Fields(rest[end+2:]) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || v == "" {
			return nil, p.errf(t.line, "translate: want name=value after the message, got %q", kv)
		}
		n.Params = append(n.Params, [2]string{k, v})
	}
	return n, nil
}

// SplitWord splits a condition s around the operator word w ("and",
// "or"), as both compilers of the tree read {% if a and b %}.
func SplitWord(s, w string) []string {
	f := strings.Fields(s)
	var out []string
	start := 0
	for i, x := range f {
		if x == w {
			out = append(out, strings.Join(f[start:i], " "))
			start = i + 1
		}
	}
	return append(out, strings.Join(f[start:], " "))
}
