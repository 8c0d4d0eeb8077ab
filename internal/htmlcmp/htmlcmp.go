// Package htmlcmp compares HTML fragments as Django's assertHTMLEqual does
// (django.test.html.parse_html): whitespace runs collapsed, attribute and
// class order ignored, boolean attributes equal however written, entities
// decoded. It is how formwork checks its output against the reference's.
package htmlcmp

import (
	"fmt"
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Node is a parsed element, or the root of a fragment (Name "").
type Node struct {
	Name     string
	Attrs    []Attr
	Children []any // string or *Node
}

// Attr is a normalised attribute; Bool marks a value-less one.
type Attr struct {
	Name, Value string
	Bool        bool
}

// booleanAttrs is django.test.html.BOOLEAN_ATTRIBUTES, including its
// "defer " (with a space), so that defer compares as Django compares it.
var booleanAttrs = map[string]bool{
	"allowfullscreen": true, "async": true, "autofocus": true, "autoplay": true,
	"checked": true, "controls": true, "default": true, "defer ": true,
	"disabled": true, "formnovalidate": true, "hidden": true, "ismap": true,
	"itemscope": true, "loop": true, "multiple": true, "muted": true,
	"nomodule": true, "novalidate": true, "open": true, "playsinline": true,
	"readonly": true, "required": true, "reversed": true, "selected": true,
	"truespeed": true,
}

var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true, "frame": true, "spacer": true,
}

func isASCIISpace(c byte) bool { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ' }

// collapse replaces runs of ASCII whitespace with one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		if isASCIISpace(s[i]) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(s[i])
	}
	return b.String()
}

func normalizeAttrs(attrs []Attr) []Attr {
	for i, a := range attrs {
		if a.Name == "class" && !a.Bool && a.Value != "" {
			var toks []string
			for _, t := range strings.FieldsFunc(a.Value, func(r rune) bool { return r < 0x80 && isASCIISpace(byte(r)) }) {
				toks = append(toks, t)
			}
			sort.Strings(toks)
			a.Value = strings.Join(toks, " ")
		}
		if booleanAttrs[a.Name] {
			if a.Bool || a.Value == "" || a.Value == a.Name {
				a = Attr{Name: a.Name, Bool: true}
			}
		} else if a.Bool {
			a = Attr{Name: a.Name}
		}
		attrs[i] = a
	}
	sort.SliceStable(attrs, func(i, j int) bool {
		if attrs[i].Name != attrs[j].Name {
			return attrs[i].Name < attrs[j].Name
		}
		if attrs[i].Bool != attrs[j].Bool {
			return attrs[i].Bool // None sorts before strings in Python 2-tuples... keep stable
		}
		return attrs[i].Value < attrs[j].Value
	})
	return attrs
}

func (n *Node) append(child any) {
	if s, ok := child.(string); ok {
		s = collapse(s)
		if len(n.Children) > 0 {
			if last, ok := n.Children[len(n.Children)-1].(string); ok {
				n.Children[len(n.Children)-1] = collapse(last + s)
				return
			}
		}
		if s != "" {
			n.Children = append(n.Children, s)
		}
		return
	}
	if len(n.Children) > 0 {
		if last, ok := n.Children[len(n.Children)-1].(string); ok && strings.TrimSpace(last) == "" && isPySpace(last) {
			n.Children = n.Children[:len(n.Children)-1]
		}
	}
	n.Children = append(n.Children, child)
}

// isPySpace is Python's str.isspace (non-empty, all whitespace).
func isPySpace(s string) bool { return s != "" && strings.TrimSpace(s) == "" }

func (n *Node) finalize() {
	for len(n.Children) > 0 {
		last, ok := n.Children[len(n.Children)-1].(string)
		if !ok {
			break
		}
		last = strings.TrimRight(last, " \t\n\r\f\v")
		if last != "" {
			n.Children[len(n.Children)-1] = last
			break
		}
		n.Children = n.Children[:len(n.Children)-1]
	}
	for i, c := range n.Children {
		switch x := c.(type) {
		case string:
			n.Children[i] = strings.TrimSpace(x)
		case *Node:
			x.finalize()
		}
	}
}

// Parse parses an HTML fragment as parse_html does.
func Parse(src string) (*Node, error) {
	root := &Node{}
	stack := []*Node{root}
	cur := func() *Node { return stack[len(stack)-1] }
	i := 0
	for i < len(src) {
		if src[i] != '<' {
			j := strings.IndexByte(src[i:], '<')
			if j < 0 {
				j = len(src) - i
			}
			cur().append(unescape(src[i : i+j]))
			i += j
			continue
		}
		rest := src[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				i = incomplete(cur(), src, i)
				continue
			}
			i += 4 + end + 3
			continue
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = incomplete(cur(), src, i)
				continue
			}
			i += end + 1
			continue
		case strings.HasPrefix(rest, "</"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = incomplete(cur(), src, i)
				continue
			}
			name := strings.ToLower(strings.TrimSpace(rest[2:end]))
			if f := strings.Fields(name); len(f) > 0 {
				name = f[0]
			}
			i += end + 1
			if len(stack) == 1 {
				return nil, fmt.Errorf("unexpected end tag </%s>", name)
			}
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if top.Name == name {
					break
				}
				if len(stack) == 1 {
					return nil, fmt.Errorf("unexpected end tag </%s>", name)
				}
			}
			continue
		}
		if len(rest) < 2 || !isLetter(rest[1]) {
			cur().append("<")
			i++
			continue
		}
		n, size, selfClose, err := parseStartTag(rest)
		if err != nil {
			i = incomplete(cur(), src, i)
			continue
		}
		i += size
		cur().append(n)
		if voidTags[n.Name] {
			continue
		}
		if selfClose {
			continue
		}
		if n.Name == "script" || n.Name == "style" {
			end := strings.Index(strings.ToLower(src[i:]), "</"+n.Name)
			if end < 0 {
				end = len(src) - i
			}
			if end > 0 {
				n.append(src[i : i+end])
			}
			i += end
			if i < len(src) {
				if gt := strings.IndexByte(src[i:], '>'); gt >= 0 {
					i += gt + 1
				} else {
					i = len(src)
				}
			}
			continue
		}
		stack = append(stack, n)
	}
	root.finalize()
	return root, nil
}

// incomplete handles markup at i that the input ends inside of, as
// Python's HTMLParser does on close(): text up to the next '>' (or else
// the next '<', or else just the '<') is data. It returns where to go on.
func incomplete(n *Node, src string, i int) int {
	k := i + 1
	if j := strings.IndexByte(src[i+1:], '>'); j >= 0 {
		k = i + 1 + j + 1
	} else if j := strings.IndexByte(src[i+1:], '<'); j >= 0 {
		k = i + 1 + j
	}
	n.append(unescape(src[i:k]))
	return k
}

// charref is html.unescape's pattern for one character reference.
var charref = regexp.MustCompile(`&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)`)

// unescape is Python's html.unescape. It differs from html.UnescapeString
// for numeric references to control characters and noncharacters, which
// Python drops.
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return charref.ReplaceAllStringFunc(s, func(ref string) string {
		if ref[1] != '#' {
			return html.UnescapeString(ref)
		}
		digits, base := strings.TrimSuffix(ref[2:], ";"), 10
		if digits[0] == 'x' || digits[0] == 'X' {
			digits, base = digits[1:], 16
		}
		n, err := strconv.ParseUint(digits, base, 32)
		switch {
		case err != nil || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) || n == 0:
			return "\ufffd"
		case n == 0x0d:
			return "\r"
		case n >= 0x80 && n <= 0x9f:
			return html.UnescapeString(ref) // the Windows-1252 table, as Python's
		case n <= 0x08 || n == 0x0b || (n >= 0x0e && n <= 0x1f) || n == 0x7f ||
			(n >= 0xfdd0 && n <= 0xfdef) || n&0xfffe == 0xfffe:
			return ""
		}
		return string(rune(n))
	})
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func parseStartTag(s string) (*Node, int, bool, error) {
	i := 1
	start := i
	for i < len(s) && !isASCIISpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	n := &Node{Name: strings.ToLower(s[start:i])}
	selfClose := false
	for {
		for i < len(s) && (isASCIISpace(s[i]) || (s[i] == '/' && i+1 < len(s) && s[i+1] != '>')) {
			i++
		}
		if i >= len(s) {
			return nil, 0, false, fmt.Errorf("unterminated tag <%s", n.Name)
		}
		if s[i] == '>' {
			i++
			break
		}
		if s[i] == '/' {
			selfClose = true
			i++
			continue
		}
		ns := i
		for i < len(s) && !isASCIISpace(s[i]) && s[i] != '=' && s[i] != '>' && !(s[i] == '/' && i+1 < len(s) && s[i+1] == '>') {
			i++
		}
		a := Attr{Name: strings.ToLower(s[ns:i])}
		for i < len(s) && isASCIISpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isASCIISpace(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					return nil, 0, false, fmt.Errorf("unterminated attribute value in <%s", n.Name)
				}
				a.Value = unescape(s[i+1 : i+1+end])
				i += end + 2
			} else {
				vs := i
				for i < len(s) && !isASCIISpace(s[i]) && s[i] != '>' {
					i++
				}
				a.Value = unescape(s[vs:i])
			}
		} else {
			a.Bool = true
		}
		n.Attrs = append(n.Attrs, a)
	}
	n.Attrs = normalizeAttrs(n.Attrs)
	return n, i, selfClose, nil
}

// document is parse_html's result: the root, or its only element child.
func document(root *Node) any {
	if len(root.Children) == 1 {
		if n, ok := root.Children[0].(*Node); ok {
			return n
		}
	}
	return root
}

// Options adjust the comparison.
type Options struct {
	// DropLegendFor ignores the for attribute of <legend> elements, which
	// the reference writes although HTML does not allow it.
	DropLegendFor bool
}

// Equal reports whether two fragments are equal as assertHTMLEqual says;
// a fragment that does not parse is unequal to everything.
func Equal(a, b string, opts Options) bool {
	na, err := Parse(a)
	if err != nil {
		return false
	}
	nb, err := Parse(b)
	if err != nil {
		return false
	}
	if opts.DropLegendFor {
		dropLegendFor(na)
		dropLegendFor(nb)
	}
	return equalAny(document(na), document(nb))
}

func dropLegendFor(n *Node) {
	if n.Name == "legend" {
		kept := n.Attrs[:0]
		for _, a := range n.Attrs {
			if a.Name != "for" {
				kept = append(kept, a)
			}
		}
		n.Attrs = kept
	}
	for _, c := range n.Children {
		if cn, ok := c.(*Node); ok {
			dropLegendFor(cn)
		}
	}
}

func equalAny(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case *Node:
		y, ok := b.(*Node)
		if !ok || x.Name != y.Name || len(x.Attrs) != len(y.Attrs) || len(x.Children) != len(y.Children) {
			return false
		}
		for i := range x.Attrs {
			if x.Attrs[i] != y.Attrs[i] {
				return false
			}
		}
		for i := range x.Children {
			if !equalAny(x.Children[i], y.Children[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// String writes a node back as normalised HTML, for messages.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *Node) write(b *strings.Builder) {
	if n.Name != "" {
		b.WriteString("<" + n.Name)
		for _, a := range n.Attrs {
			if a.Bool {
				b.WriteString(" " + a.Name)
			} else {
				fmt.Fprintf(b, " %s=%q", a.Name, a.Value)
			}
		}
		b.WriteString(">")
	}
	for _, c := range n.Children {
		switch x := c.(type) {
		case string:
			b.WriteString(html.EscapeString(x))
		case *Node:
			x.write(b)
		}
	}
	if n.Name != "" && !voidTags[n.Name] {
		b.WriteString("</" + n.Name + ">")
	}
}
