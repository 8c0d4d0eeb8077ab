package tmplparse

import (
	"regexp"
	"strings"
	"sync"
)

// ParseJet parses a template in jet's syntax (the Jinja2 renderers'
// templates, templates/jet) into the tree Parse makes of the Django
// template it mirrors, so that the same compilers read it. The subset is
// the one the built-in jet templates and the theme packs use:
// {{ expr }} and {{ expr | safe }}, {{ if }}, {{ else if }}, {{ else }},
// {{ end }}, {{ range [k[, v] :=] x }}, {{ include "name" }} and
// {{ include expr }}, {{ a[, b] := x[, y] }}, {* comments *} and the
// trim markers of {{- x -}}.
// Expressions are rewritten into the Django forms the compilers know:
// iter(x) is x, items(x) is x.items, a call with no arguments f() is f,
// x[0] is x.0, nil is None, x != false is x is not False (and so on for
// true), !x is not x, && and || are and and or, and i == len(x) - 1 for
// the index i of a range over x is forloop.last. What is left (another
// call, arithmetic) reaches the compiler as written and is an error
// there.
func ParseJet(file, src string) ([]Node, error) {
	p := &parser{file: file, src: src}
	toks, err := p.tokens(jetDelims)
	if err != nil {
		return nil, err
	}
	// jet's parser skips the text before the first action while it is
	// only whitespace (looking for {{ extends }} and {{ import }}): it
	// prints none of it.
	for len(toks) > 0 && toks[0].kind == 't' && strings.TrimSpace(toks[0].text) == "" {
		toks = toks[1:]
	}
	j := &jetParser{p: p}
	nodes, rest, end, err := j.block(toks, false)
	if err != nil {
		return nil, err
	}
	if end != "" || len(rest) > 0 {
		return nil, p.errf(toks[len(toks)-len(rest)-1].line, "unexpected {{ %s }}", end)
	}
	return nodes, nil
}

// jetDelims are jet's tags: {{ }} actions, with their trim markers
// ("{{- " and " -}}", as jet's lexer knows them: the marker's space is
// part of it), and {* *} comments. A '-' at an edge of an action without
// its space is refused.
var jetDelims = map[byte]delim{
	'{': {end: "}}", kind: 'v', trim: true, check: func(inner string) string {
		if strings.HasPrefix(inner, "-") || strings.HasSuffix(inner, "-") {
			return "{{-x}}: a '-' at the edge of an action without a space is not supported"
		}
		return ""
	}},
	'*': {end: "*}"},
}

type jetParser struct {
	p *parser
	// ranges are the enclosing ranges' index variables and collections.
	ranges [][2]string
}

var (
	jetAssignRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*:=\s*(.+)$`)
	})
	jetRangeRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^range\s+(?:([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s*:=\s*)?(.+)$`)
	})
	jetIncRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^include\s+(.+)$`) })
	jetStmtRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(if|else|end|range|include|block|yield|extends|import|return|try|catch|macro)\b`)
	})
)

// block parses nodes until {{ else ... }} or {{ end }} when inner, which
// it returns.
func (j *jetParser) block(toks []token, inner bool) (nodes []Node, rest []token, end string, err error) {
	p := j.p
	for len(toks) > 0 {
		t := toks[0]
		toks = toks[1:]
		if t.kind == 't' {
			nodes = append(nodes, &Text{Text: t.text})
			continue
		}
		kw := jetStmtRe().FindString(t.text)
		switch kw {
		case "":
			if m := jetAssignRe().FindStringSubmatch(t.text); m != nil {
				n, rest, end, err := j.assign(t, m[1], m[2], toks, inner)
				if err != nil {
					return nil, nil, "", err
				}
				return append(nodes, n), rest, end, nil
			}
			v, err := j.varNode(t)
			if err != nil {
				return nil, nil, "", err
			}
			nodes = append(nodes, v)
		case "else", "end":
			if !inner {
				return nil, nil, "", p.errf(t.line, "unexpected {{ %s }}", t.text)
			}
			return nodes, toks, t.text, nil
		case "if":
			var n Node
			n, toks, err = j.ifStmt(strings.TrimSpace(t.text[2:]), t.line, toks)
			if err != nil {
				return nil, nil, "", err
			}
			nodes = append(nodes, n)
		case "range":
			var n Node
			n, toks, err = j.rangeStmt(t, toks)
			if err != nil {
				return nil, nil, "", err
			}
			nodes = append(nodes, n)
		case "include":
			m := jetIncRe().FindStringSubmatch(t.text)
			if m == nil {
				return nil, nil, "", p.errf(t.line, "include: no template name")
			}
			arg := strings.TrimSpace(m[1])
			n := &Include{Line: t.line}
			if lit, ok := jetString(arg); ok {
				n.Name, n.Literal = lit, true
			} else {
				x, err := j.expr(arg, t.line)
				if err != nil {
					return nil, nil, "", err
				}
				if strings.ContainsAny(x, " ,()") {
					return nil, nil, "", p.errf(t.line, "{{ %s }}: include with a context is not supported", t.text)
				}
				// jet's include sees the including scope: a widget
				// template named at run time prints the widget in it.
				n.Expr, n.Withs = x, [][2]string{{"widget", "widget"}}
			}
			nodes = append(nodes, n)
		default:
			return nil, nil, "", p.errf(t.line, "{{ %s }} is not supported", kw)
		}
	}
	if inner {
		return nil, nil, "", p.errf(strings.Count(p.src, "\n")+1, "missing {{ end }}")
	}
	return nodes, nil, "", nil
}

// assign is {{ a, b := x, y }}: a With for each name, around the rest of
// the block.
func (j *jetParser) assign(t token, lhs, rhs string, toks []token, inner bool) (Node, []token, string, error) {
	names := splitComma(lhs)
	exprs := splitComma(rhs)
	if len(names) != len(exprs) {
		return nil, nil, "", j.p.errf(t.line, "{{ %s }}: %d names for %d values", t.text, len(names), len(exprs))
	}
	for _, x := range exprs {
		for _, n := range names {
			if regexp.MustCompile(`(^|[^.\w])` + n + `\b`).MatchString(x) {
				return nil, nil, "", j.p.errf(t.line, "{{ %s }}: a value naming an assigned variable is not supported", t.text)
			}
		}
	}
	body, rest, end, err := j.block(toks, inner)
	if err != nil {
		return nil, nil, "", err
	}
	for i := len(names) - 1; i >= 0; i-- {
		x, err := j.expr(exprs[i], t.line)
		if err != nil {
			return nil, nil, "", err
		}
		body = []Node{&With{Name: names[i], Expr: x, Body: body, Line: t.line}}
	}
	return body[0], rest, end, nil
}

func (j *jetParser) ifStmt(cond string, line int, toks []token) (Node, []token, error) {
	c, err := j.expr(cond, line)
	if err != nil {
		return nil, nil, err
	}
	n := &If{Cond: c, Line: line}
	body, rest, end, err := j.block(toks, true)
	if err != nil {
		return nil, nil, err
	}
	n.Then = body
	switch {
	case strings.HasPrefix(end, "else if "):
		n.HasElse = true
		inner, r, err := j.ifStmt(strings.TrimSpace(strings.TrimPrefix(end, "else if ")), toks[len(toks)-len(rest)-1].line, rest)
		if err != nil {
			return nil, nil, err
		}
		n.Else, rest = []Node{inner}, r
	case end == "else":
		n.HasElse = true
		var e string
		n.Else, rest, e, err = j.block(rest, true)
		if err != nil {
			return nil, nil, err
		}
		if e != "end" {
			return nil, nil, j.p.errf(line, "if: want {{ end }} after {{ else }}, got {{ %s }}", e)
		}
	case end != "end":
		return nil, nil, j.p.errf(line, "if: unexpected {{ %s }}", end)
	}
	return n, rest, nil
}

func (j *jetParser) rangeStmt(t token, toks []token) (Node, []token, error) {
	m := jetRangeRe().FindStringSubmatch(t.text)
	if m == nil || m[1] == "" {
		return nil, nil, j.p.errf(t.line, "{{ %s }}: want {{ range k[, v] := x }}", t.text)
	}
	n := &For{Line: t.line}
	coll := strings.TrimSpace(m[3])
	switch {
	case strings.HasPrefix(coll, "items(") && strings.HasSuffix(coll, ")"):
		if m[2] == "" {
			return nil, nil, j.p.errf(t.line, "{{ %s }}: items() wants two variables", t.text)
		}
		n.Vars, coll = []string{m[1], m[2]}, coll[len("items("):len(coll)-1]+".items"
	case strings.HasPrefix(coll, "iter(") && strings.HasSuffix(coll, ")"):
		coll = coll[len("iter(") : len(coll)-1]
		if m[2] == "" {
			n.Vars = []string{m[1]}
		} else {
			n.Index, n.Vars = m[1], []string{m[2]}
		}
	default:
		if m[2] == "" {
			// One variable over a slice is its index in jet.
			return nil, nil, j.p.errf(t.line, "{{ %s }}: a range over a slice with one variable is not supported", t.text)
		}
		n.Index, n.Vars = m[1], []string{m[2]}
	}
	c, err := j.expr(coll, t.line)
	if err != nil {
		return nil, nil, err
	}
	n.Coll = c
	if strings.ContainsAny(c, " ()") {
		return nil, nil, j.p.errf(t.line, "{{ %s }}: ranging over %s is not supported", t.text, coll)
	}
	j.ranges = append(j.ranges, [2]string{n.Index, coll})
	body, rest, end, err := j.block(toks, true)
	j.ranges = j.ranges[:len(j.ranges)-1]
	if err != nil {
		return nil, nil, err
	}
	if end != "end" {
		return nil, nil, j.p.errf(t.line, "range: {{ %s }} is not supported", end)
	}
	n.Body = body
	return n, rest, nil
}

func (j *jetParser) varNode(t token) (Node, error) {
	parts := splitPipe(t.text)
	x, err := j.expr(parts[0], t.line)
	if err != nil {
		return nil, err
	}
	v := &Var{Expr: x, Line: t.line}
	for _, f := range parts[1:] {
		v.Filters = append(v.Filters, strings.TrimSpace(f))
	}
	return v, nil
}

var (
	jetLastRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b([A-Za-z_]\w*)\s*==\s*len\(\s*([\w.]+)\s*\)\s*-\s*1\b`)
	})
	jetCallRe    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(iter|items)\(\s*([\w.]+)\s*\)`) })
	jetEmptyRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b([A-Za-z_][\w.]*)\(\)`) })
	jetIndexRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[(\d+)\]`) })
	jetCmpRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*(==|!=)\s*(nil|true|false)\b`) })
	jetNotRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!([A-Za-z_(])`) })
	jetForloopRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bforloop\b`) })
)

// expr rewrites a jet expression into the Django form the compilers
// read.
func (j *jetParser) expr(s string, line int) (string, error) {
	if jetForloopRe().MatchString(s) {
		// forloop is the compilers' name for a loop's state; in jet it
		// is an ordinary (undefined) variable.
		return "", j.p.errf(line, "the variable forloop is not supported")
	}
	// Rewrite the code between string literals, never inside one.
	var out strings.Builder
	for s != "" {
		i := strings.IndexAny(s, "\"`")
		if i < 0 {
			out.WriteString(j.rewrite(s))
			break
		}
		k := strings.IndexByte(s[i+1:], s[i])
		if k < 0 {
			return "", j.p.errf(line, "unclosed string in %s", s)
		}
		lit, ok := jetString(s[i : i+k+2])
		if !ok {
			return "", j.p.errf(line, "the string %s is not supported", s[i:i+k+2])
		}
		out.WriteString(j.rewrite(s[:i]))
		out.WriteString(`"` + lit + `"`)
		s = s[i+k+2:]
	}
	return strings.Join(strings.Fields(out.String()), " "), nil
}

// rewrite rewrites code with no string literal in it.
func (j *jetParser) rewrite(s string) string {
	s = jetLastRe().ReplaceAllStringFunc(s, func(m string) string {
		sub := jetLastRe().FindStringSubmatch(m)
		for k := len(j.ranges) - 1; k >= 0; k-- {
			if j.ranges[k][0] == sub[1] {
				if j.ranges[k][1] == sub[2] && k == len(j.ranges)-1 {
					return "forloop.last"
				}
				break
			}
		}
		return m
	})
	s = jetCallRe().ReplaceAllStringFunc(s, func(m string) string {
		sub := jetCallRe().FindStringSubmatch(m)
		if sub[1] == "items" {
			return sub[2] + ".items"
		}
		return sub[2]
	})
	s = jetEmptyRe().ReplaceAllString(s, "$1")
	s = jetIndexRe().ReplaceAllString(s, ".$1")
	s = jetCmpRe().ReplaceAllStringFunc(s, func(m string) string {
		sub := jetCmpRe().FindStringSubmatch(m)
		switch sub[2] {
		case "nil":
			return " " + sub[1] + " None"
		case "true":
			if sub[1] == "==" {
				return " is True"
			}
			return " is not True"
		}
		if sub[1] == "==" {
			return " is False"
		}
		return " is not False"
	})
	s = strings.ReplaceAll(s, "&&", " and ")
	s = strings.ReplaceAll(s, "||", " or ")
	s = jetNotRe().ReplaceAllString(s, "not $1")
	return " " + s + " "
}

// jetString returns the string a jet literal without escapes stands for.
func jetString(s string) (string, bool) {
	if len(s) < 2 || (s[0] != '"' && s[0] != '`') || s[len(s)-1] != s[0] {
		return "", false
	}
	in := s[1 : len(s)-1]
	if strings.ContainsAny(in, "\\\"`") {
		return "", false
	}
	return in, true
}

func splitComma(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(x))
	}
	return out
}

// splitPipe splits at the | of filters, not at ||.
func splitPipe(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '|' {
			continue
		}
		if i+1 < len(s) && s[i+1] == '|' {
			i++
			continue
		}
		out = append(out, strings.TrimSpace(s[start:i]))
		start = i + 1
	}
	return append(out, strings.TrimSpace(s[start:]))
}
