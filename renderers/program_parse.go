package renderers

import (
	"fmt"
	"strings"
)

// The parser of theme programs (program.go): the subset of Django's
// template language the built-in form templates use, the one
// internal/tmplgen compiles: text, {{ var.path|filter }}, and the tags
// if/else, for, with, include and load. Anything else is an error naming
// the template, line and construct, and the engine renders the template.

type tnode interface{}

type ttext struct{ text string }

type tvar struct {
	expr    string
	filters []string
	line    int
}

type tif struct {
	cond       string
	then, els  []tnode
	line       int
	hasElse    bool
	elseBranch bool
}

type tfor struct {
	vars []string
	coll string
	body []tnode
	line int
}

type twith struct {
	name, expr string
	body       []tnode
	line       int
}

type tinclude struct {
	name    string // a literal name, or ""
	expr    string // the expression giving the name, when not literal
	withs   [][2]string
	line    int
	literal bool
}

type tparser struct {
	file string
	src  string
	pos  int
	line int
}

type tparseError struct {
	file string
	line int
	msg  string
}

func (e *tparseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

func (p *tparser) errf(line int, format string, args ...any) error {
	return &tparseError{p.file, line, fmt.Sprintf(format, args...)}
}

// token is text, a {{ }} or a {% %}.
type ttoken struct {
	kind byte // 't', 'v', 'b'
	text string
	line int
}

func (p *tparser) tokens() ([]ttoken, error) {
	var out []ttoken
	s := p.src
	line := 1
	for len(s) > 0 {
		i := strings.Index(s, "{")
		for i >= 0 && i+1 < len(s) && s[i+1] != '{' && s[i+1] != '%' && s[i+1] != '#' {
			j := strings.Index(s[i+1:], "{")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 || i+1 >= len(s) {
			out = append(out, ttoken{'t', s, line})
			break
		}
		if i > 0 {
			out = append(out, ttoken{'t', s[:i], line})
			line += strings.Count(s[:i], "\n")
			s = s[i:]
		}
		var end string
		switch s[1] {
		case '{':
			end = "}}"
		case '%':
			end = "%}"
		case '#':
			end = "#}"
		}
		j := strings.Index(s, end)
		if j < 0 {
			return nil, p.errf(line, "unclosed %q", s[:2])
		}
		inner := strings.TrimSpace(s[2:j])
		switch s[1] {
		case '{':
			out = append(out, ttoken{'v', inner, line})
		case '%':
			out = append(out, ttoken{'b', inner, line})
		}
		line += strings.Count(s[:j+2], "\n")
		s = s[j+2:]
	}
	return out, nil
}

// parseTemplate returns the template's nodes.
func parseTemplate(file, src string) ([]tnode, error) {
	p := &tparser{file: file, src: src}
	toks, err := p.tokens()
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
func (p *tparser) block(toks []ttoken, stop []string) (nodes []tnode, rest []ttoken, end string, err error) {
	for len(toks) > 0 {
		t := toks[0]
		toks = toks[1:]
		switch t.kind {
		case 't':
			nodes = append(nodes, &ttext{t.text})
		case 'v':
			parts := strings.Split(t.text, "|")
			v := &tvar{expr: strings.TrimSpace(parts[0]), line: t.line}
			for _, f := range parts[1:] {
				v.filters = append(v.filters, strings.TrimSpace(f))
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
			var n tnode
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
func (p *tparser) ifTag(cond string, line int, toks []ttoken) (tnode, []ttoken, error) {
	n := &tif{cond: cond, line: line}
	body, rest, end, err := p.block(toks, []string{"elif", "else", "endif"})
	if err != nil {
		return nil, nil, err
	}
	n.then = body
	switch f := strings.Fields(end); {
	case len(f) > 0 && f[0] == "elif":
		n.hasElse = true
		elifLine := toks[len(toks)-len(rest)-1].line
		var inner tnode
		inner, rest, err = p.ifTag(strings.TrimSpace(strings.TrimPrefix(end, "elif")), elifLine, rest)
		if err != nil {
			return nil, nil, err
		}
		n.els = []tnode{inner}
	case end == "else":
		n.hasElse = true
		n.els, rest, _, err = p.block(rest, []string{"endif"})
		if err != nil {
			return nil, nil, err
		}
	}
	return n, rest, nil
}

func (p *tparser) tag(t ttoken, f []string, toks []ttoken) (tnode, []ttoken, error) {
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
		n := &tfor{coll: f[len(f)-1], line: t.line}
		for _, v := range strings.Split(strings.Join(f[1:in], ""), ",") {
			n.vars = append(n.vars, strings.TrimSpace(v))
		}
		body, rest, end, err := p.block(toks, []string{"empty", "endfor"})
		if err != nil {
			return nil, nil, err
		}
		if end == "empty" {
			return nil, nil, p.errf(t.line, "for: {%% empty %%} is not supported")
		}
		n.body = body
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
		return &twith{name: k, expr: v, body: body, line: t.line}, rest, nil
	case "load":
		// Django's {% load %}: formwork's tags need no library.
		return &ttext{}, toks, nil
	case "include":
		if len(f) < 2 {
			return nil, nil, p.errf(t.line, "include: no template name")
		}
		n := &tinclude{line: t.line}
		if q := f[1]; len(q) >= 2 && (q[0] == '"' || q[0] == '\'') && q[len(q)-1] == q[0] {
			n.name, n.literal = q[1:len(q)-1], true
		} else {
			n.expr = q
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
				n.withs = append(n.withs, [2]string{k, v})
			}
		}
		return n, toks, nil
	}
	return nil, nil, p.errf(t.line, "tag {%% %s %%} is not supported by theme programs", f[0])
}
