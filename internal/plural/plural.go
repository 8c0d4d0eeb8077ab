// Package plural reads the plural expression of a gettext catalog's
// Plural-Forms header ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 :
// ...);"): the C expression that picks, for a count n, which of a
// message's translated forms to show. It evaluates the expression and
// writes it as Go source, so that the catalog generator can compile
// every language's rule into a function and the tests can check the
// compiled functions against the expression.
//
// The grammar is the one GNU gettext accepts: the integer n, decimal
// literals, parentheses, ! * / % + - < <= > >= == != && || and ?:, with
// C's precedence; comparisons and logical operators yield 0 or 1. Nothing
// else is accepted, so a hostile header cannot run code.
package plural

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Expr is a parsed plural expression.
type Expr struct {
	op   string // "n", "num", "?:", "!", or a binary operator
	num  int64
	args []*Expr
}

// Header is the parsed Plural-Forms header of a catalog.
type Header struct {
	// N is nplurals: how many forms each counting message has.
	N int
	// Source is the plural expression as the header writes it.
	Source string
	// Expr is the parsed expression.
	Expr *Expr
}

// ParseHeader reads a Plural-Forms header value ("nplurals=2;
// plural=(n != 1);").
func ParseHeader(h string) (*Header, error) {
	var out Header
	for _, part := range strings.Split(h, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "nplurals":
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 1 || n > 10 {
				return nil, fmt.Errorf("plural: nplurals %q is not a count of forms", v)
			}
			out.N = n
		case "plural":
			out.Source = strings.TrimSpace(v)
		}
	}
	if out.N == 0 || out.Source == "" {
		return nil, fmt.Errorf("plural: header %q lacks nplurals or plural", h)
	}
	e, err := Parse(out.Source)
	if err != nil {
		return nil, err
	}
	out.Expr = e
	return &out, nil
}

// Parse reads a plural expression.
func Parse(src string) (*Expr, error) {
	p := &parser{src: src}
	p.next()
	e, err := p.ternary(0)
	if err != nil {
		return nil, fmt.Errorf("plural: %q: %w", src, err)
	}
	if p.tok != "" {
		return nil, fmt.Errorf("plural: %q: unexpected %q", src, p.tok)
	}
	return e, nil
}

// maxDepth bounds the nesting of an expression, so that a hostile
// header cannot exhaust the stack.
const maxDepth = 64

type parser struct {
	src string
	pos int
	tok string // "" at the end
}

var symbols = []string{"&&", "||", "==", "!=", "<=", ">=", "?", ":", "(", ")", "!", "*", "/", "%", "+", "-", "<", ">"}

func (p *parser) next() {
	for p.pos < len(p.src) && strings.ContainsRune(" \t\r\n", rune(p.src[p.pos])) {
		p.pos++
	}
	if p.pos >= len(p.src) {
		p.tok = ""
		return
	}
	rest := p.src[p.pos:]
	if c := rest[0]; c >= '0' && c <= '9' {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		p.tok, p.pos = rest[:i], p.pos+i
		return
	}
	if rest[0] == 'n' {
		p.tok, p.pos = "n", p.pos+1
		return
	}
	for _, s := range symbols {
		if strings.HasPrefix(rest, s) {
			p.tok, p.pos = s, p.pos+len(s)
			return
		}
	}
	p.tok, p.pos = rest[:1], p.pos+1
}

var errDepth = errors.New("nested too deeply")

// binary operators by precedence level, loosest first.
var levels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"+", "-"}, {"*", "/", "%"}}

func (p *parser) ternary(depth int) (*Expr, error) {
	if depth > maxDepth {
		return nil, errDepth
	}
	c, err := p.binary(0, depth)
	if err != nil {
		return nil, err
	}
	if p.tok != "?" {
		return c, nil
	}
	p.next()
	a, err := p.ternary(depth + 1)
	if err != nil {
		return nil, err
	}
	if p.tok != ":" {
		return nil, fmt.Errorf("expected ':' at %d", p.pos)
	}
	p.next()
	b, err := p.ternary(depth + 1)
	if err != nil {
		return nil, err
	}
	return &Expr{op: "?:", args: []*Expr{c, a, b}}, nil
}

func (p *parser) binary(level, depth int) (*Expr, error) {
	if level == len(levels) {
		return p.unary(depth)
	}
	left, err := p.binary(level+1, depth)
	if err != nil {
		return nil, err
	}
	for contains(levels[level], p.tok) {
		op := p.tok
		p.next()
		right, err := p.binary(level+1, depth)
		if err != nil {
			return nil, err
		}
		left = &Expr{op: op, args: []*Expr{left, right}}
	}
	return left, nil
}

func (p *parser) unary(depth int) (*Expr, error) {
	if depth > maxDepth {
		return nil, errDepth
	}
	switch tok := p.tok; {
	case tok == "!":
		p.next()
		x, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &Expr{op: "!", args: []*Expr{x}}, nil
	case tok == "n":
		p.next()
		return &Expr{op: "n"}, nil
	case tok == "(":
		p.next()
		x, err := p.ternary(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.tok != ")" {
			return nil, fmt.Errorf("expected ')' at %d", p.pos)
		}
		p.next()
		return x, nil
	case tok != "" && tok[0] >= '0' && tok[0] <= '9':
		v, err := strconv.ParseInt(tok, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("number %q: %w", tok, err)
		}
		p.next()
		return &Expr{op: "num", num: v}, nil
	case tok == "":
		return nil, errors.New("unexpected end")
	default:
		return nil, fmt.Errorf("unexpected %q at %d", tok, p.pos)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Eval returns the expression's value for n. Division and remainder by
// zero yield 0 rather than failing; % and / round as Python's gettext
// does (toward negative infinity), which only matters for negative n.
func (e *Expr) Eval(n int64) int64 {
	switch e.op {
	case "n":
		return n
	case "num":
		return e.num
	case "!":
		return b2i(e.args[0].Eval(n) == 0)
	case "?:":
		if e.args[0].Eval(n) != 0 {
			return e.args[1].Eval(n)
		}
		return e.args[2].Eval(n)
	case "&&":
		return b2i(e.args[0].Eval(n) != 0 && e.args[1].Eval(n) != 0)
	case "||":
		return b2i(e.args[0].Eval(n) != 0 || e.args[1].Eval(n) != 0)
	}
	a, b := e.args[0].Eval(n), e.args[1].Eval(n)
	switch e.op {
	case "==":
		return b2i(a == b)
	case "!=":
		return b2i(a != b)
	case "<":
		return b2i(a < b)
	case "<=":
		return b2i(a <= b)
	case ">":
		return b2i(a > b)
	case ">=":
		return b2i(a >= b)
	case "+":
		return a + b
	case "-":
		return a - b
	case "*":
		return a * b
	case "/":
		return Div(a, b)
	case "%":
		return Mod(a, b)
	}
	panic("plural: unknown operator " + e.op) // unreachable: the parser makes no other
}

// Go returns the expression as Go source of an int64 expression of the
// int64 variable n, calling this package's B2I, Choose, Mod and Div.
func (e *Expr) Go() string { return e.goInt() }

func (e *Expr) goInt() string {
	switch e.op {
	case "n":
		return "n"
	case "num":
		return strconv.FormatInt(e.num, 10)
	case "?:":
		return "plural.Choose(" + e.args[0].goBool() + ", " + e.args[1].goInt() + ", " + e.args[2].goInt() + ")"
	case "!", "&&", "||", "==", "!=", "<", "<=", ">", ">=":
		return "plural.B2I(" + e.goBool() + ")"
	case "%":
		return "plural.Mod(" + e.args[0].goInt() + ", " + e.args[1].goInt() + ")"
	case "/":
		return "plural.Div(" + e.args[0].goInt() + ", " + e.args[1].goInt() + ")"
	}
	return "(" + e.args[0].goInt() + " " + e.op + " " + e.args[1].goInt() + ")"
}

// goBool writes e as a Go bool expression (C's e != 0).
func (e *Expr) goBool() string {
	switch e.op {
	case "!":
		return "!" + e.args[0].goBool()
	case "&&", "||":
		return "(" + e.args[0].goBool() + " " + e.op + " " + e.args[1].goBool() + ")"
	case "==", "!=", "<", "<=", ">", ">=":
		return "(" + e.args[0].goInt() + " " + e.op + " " + e.args[1].goInt() + ")"
	}
	return "(" + e.goInt() + " != 0)"
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// Choose is C's c ? a : b.
func Choose(c bool, a, b int64) int64 {
	if c {
		return a
	}
	return b
}

// B2I is C's int of a boolean: 1 or 0.
func B2I(b bool) int64 { return b2i(b) }

// Mod is Python's a % b (the sign of b); 0 when b is 0.
func Mod(a, b int64) int64 {
	if b == 0 {
		return 0
	}
	m := a % b
	if m != 0 && (m < 0) != (b < 0) {
		m += b
	}
	return m
}

// Div is Python's a // b; 0 when b is 0.
func Div(a, b int64) int64 {
	if b == 0 {
		return 0
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
