package djangoengine

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/renderers"

	"github.com/formwork/formwork/internal/pyfmt"
)

// pongo2 speaks most of Django's template language. What it lacks and
// Django's form templates use is translated at load time into tags and
// filters registered here under fw_ names, so that Django's own templates
// and a theme's Django templates run unchanged:
//
//   - {% for a, b in pairs %} unpacks tuples, iterates dict .items, and
//     sets Django's lower-case forloop.first/last/counter...;
//   - {% include expr with k=v only %} with a name computed at render time
//     finds the template in the renderer's cache instead of parsing it anew;
//   - {% spaceless %} strips only whitespace between tags, as Django does;
//   - "x is None", "x is not False", "x != None" and friends;
//   - |stringformat:'s' is Python's %-formatting;
//   - autoescaping (and |escape) writes ' as &#x27;, as Django's escape()
//     does, not pongo2's &#39;, so that the engine prints the same bytes
//     as Django and the fast path.
func init() {
	must(pongo2.RegisterTag("fw_for", parseFor))
	must(pongo2.RegisterTag("fw_include", parseInclude))
	must(pongo2.RegisterTag("fw_spaceless", parseSpaceless))
	must(pongo2.RegisterTag("fw_ifchanged", parseIfChanged))
	must(pongo2.RegisterTag("fw_widthratio", parseWidthRatio))
	must(pongo2.RegisterFilter("fw_stringformat", filterStringformat))
	// None read from an Object is not nil to pongo2 (pyvalues.go).
	must(pongo2.ReplaceFilter("default_if_none", func(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		if isNone(in) {
			return param, nil
		}
		return in, nil
	}))
	// Autoescaping and |escape write ' as Django's escape() does (&#x27;,
	// pongo2's own writes &#39;): text outputs (errors as_text) are
	// compared byte for byte.
	// As Django's conditional_escape, it leaves markup (a safe string, a
	// bound field, a label tag) as it is.
	must(pongo2.ReplaceFilter("escape", func(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		if isSafeValue(in) {
			return in, nil
		}
		if h, ok := renderers.IsSafe(in.Interface()); ok {
			return pongo2.AsSafeValue(h), nil
		}
		if o, ok := in.Interface().(renderers.Object); ok {
			if _, isText := o[renderers.HTMLKey].(string); !isText {
				return pongo2.AsSafeValue(o.String()), nil
			}
		}
		return pongo2.AsSafeValue(renderers.Escape(text(in))), nil
	}))
	// |safe of a list's repr prints it unescaped (pyvalues.go).
	must(pongo2.ReplaceFilter("safe", func(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
		if s, ok := plainText(in); ok {
			return pongo2.AsSafeValue(s), nil
		}
		return pongo2.AsSafeValue(in.Interface()), nil
	}))
	for _, c := range []struct {
		name string
		test func(v any) bool
	}{
		{"fw_is_none", func(v any) bool { return v == nil }},
		{"fw_isnot_none", func(v any) bool { return v != nil }},
		{"fw_is_true", func(v any) bool { b, ok := v.(bool); return ok && b }},
		{"fw_isnot_true", func(v any) bool { b, ok := v.(bool); return !(ok && b) }},
		{"fw_is_false", func(v any) bool { b, ok := v.(bool); return ok && !b }},
		{"fw_isnot_false", func(v any) bool { b, ok := v.(bool); return !(ok && !b) }},
	} {
		test := c.test
		must(pongo2.RegisterFilter(c.name, func(in, _ *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
			return pongo2.AsValue(test(raw(in))), nil
		}))
	}
}

var (
	tagRe      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)\{%-?\s*(.*?)\s*-?%\}`) })
	varRe      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)\{\{(.*?)\}\}`) })
	identityRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`([A-Za-z_][\w.]*)\s+(is\s+not|is|!=|==)\s+(None|True|False)\b`)
	})
	forItemsRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^for\s+(.+?)\s+in\s+(.+?)\.items(\s+reversed)?$`) })
)

// Translate rewrites Django template syntax that pongo2 lacks into
// formwork's pongo2 tags and filters. It changes nothing outside template
// tags and keeps every line where it was, so errors point at the source.
func Translate(src string) string {
	// What {% verbatim %} holds is printed as written: translate only
	// what lies between such blocks. (pongo2 reads only the unnamed
	// form: a named block, {% verbatim v %}...{% endverbatim v %}, is
	// written unnamed.)
	var b strings.Builder
	for {
		loc := verbatimRe().FindStringSubmatchIndex(src)
		if loc == nil {
			break
		}
		name := ""
		if loc[2] >= 0 {
			name = src[loc[2]:loc[3]]
		}
		end := endVerbatim(src[loc[1]:], name)
		if end == nil {
			break // not closed: pongo2 reports it
		}
		body := src[loc[1] : loc[1]+end[0]]
		b.WriteString(translate(src[:loc[0]]))
		if name == "" || !strings.Contains(body, "endverbatim") {
			b.WriteString("{% verbatim %}" + body + "{% endverbatim %}")
		} else {
			b.WriteString(src[loc[0] : loc[1]+end[1]])
		}
		src = src[loc[1]+end[1]:]
	}
	b.WriteString(translate(src))
	return b.String()
}

var (
	verbatimRe    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{%-?\s*verbatim(?:\s+(\S+?))?\s*-?%\}`) })
	endVerbatimRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{%-?\s*endverbatim(?:\s+(\S+?))?\s*-?%\}`) })
)

// endVerbatim is the index pair of the {% endverbatim name %} that closes
// a block named name ("" for none) in s, or nil.
func endVerbatim(s, name string) []int {
	off := 0
	for {
		loc := endVerbatimRe().FindStringSubmatchIndex(s[off:])
		if loc == nil {
			return nil
		}
		got := ""
		if loc[2] >= 0 {
			got = s[off+loc[2] : off+loc[3]]
		}
		if got == name {
			return []int{off + loc[0], off + loc[1]}
		}
		off += loc[1]
	}
}

func translate(src string) string {
	src = rewriteBlockTranslate(src)
	src = tagRe().ReplaceAllStringFunc(src, func(tag string) string {
		m := tagRe().FindStringSubmatch(tag)
		body := m[1]
		word := body
		if i := strings.IndexAny(body, " \t\n"); i >= 0 {
			word = body[:i]
		}
		switch word {
		case "for":
			if mm := forItemsRe().FindStringSubmatch(body); mm != nil {
				body = "for " + mm[1] + " in " + mm[2] + mm[3]
			}
			body = "fw_" + body
		case "include":
			body = "fw_" + body
		case "spaceless":
			body = "fw_spaceless"
		case "ifchanged", "widthratio":
			body = "fw_" + body
		case "if", "elif":
			body = rewriteCondition(rewriteIdentity(body))
		case "load":
			return ""
		case "with", "firstof", "cycle":
			body = word + safeLiterals(body[len(word):])
		}
		body = strings.ReplaceAll(body, "|stringformat:", "|fw_stringformat:")
		return "{% " + localized(literals(blockSuper(indexLookups(signedNumbers(body))))) + " %}"
	})
	return varRe().ReplaceAllStringFunc(src, func(v string) string {
		if strings.TrimSpace(v[2:len(v)-2]) == "None" {
			return "None" // {{ None }} prints None, as in Django
		}
		return safeLiterals(localized(literals(blockSuper(indexLookups(signedNumbers(strings.ReplaceAll(v, "|stringformat:", "|fw_stringformat:")))))))
	})
}

// A string literal of a Django template is a SafeString: {{ "<b>" }}
// prints <b>, |default:"&mdash;" gives &mdash; unescaped, and the filters
// that keep safety keep it. pongo2's literals are plain strings, so
// Translate writes each literal of a {{ }} tag (and of with and firstof)
// as a call of litKey, which Render puts in every context: a function
// returning the literal marked safe.
const litKey = "_fw_lit"

// safeLiteral is the function under litKey.
func safeLiteral(s string) *pongo2.Value { return pongo2.AsSafeValue(s) }

// safeLiterals writes each string literal of code as a litKey call.
func safeLiterals(code string) string {
	if !strings.ContainsAny(code, `"'`) {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); {
		if c := code[i]; c == '"' || c == '\'' {
			j := literalEnd(code, i)
			if j-i >= 2 && code[j-1] == c {
				b.WriteString(litKey + "(" + code[i:j] + ")")
			} else {
				b.WriteString(code[i:j]) // not closed: pongo2 reports it
			}
			i = j
			continue
		}
		b.WriteByte(code[i])
		i++
	}
	return b.String()
}

// localizedFilters are the filters that print in the active language
// (langKey).
var localizedFilters = []string{"floatformat", "yesno", "date", "time", "truncatechars", "truncatechars_html",
	"filesizeformat", "localize", "unlocalize"}

// textFilters are pongo2's filters that Django applies to str() of the
// value (stringfilter): a list's repr, a choice group's, is their input
// as text, not as the escaped markup it prints as.
var textFilters = []string{"upper", "lower", "title", "capfirst", "cut", "center", "ljust", "rjust",
	"linebreaksbr", "linebreaks", "addslashes", "wordcount", "striptags", "make_list", "urlize",
	"urlencode", "iriencode", "escapejs", "slugify"}

// keepSafeFilters are pongo2's filters that Django marks is_safe: their
// result is markup when their input was (a label tag, a string literal,
// a |safe string), which pongo2's forget. Translate writes each as
// fw_keep_NAME, which calls pongo2's and marks the result safe so.
var keepSafeFilters = []string{"lower", "cut", "center", "ljust", "rjust", "linebreaksbr", "addslashes", "slice"}

func init() {
	for _, name := range keepSafeFilters {
		must(pongo2.RegisterFilter("fw_keep_"+name, func(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
			out, err := pongo2.ApplyFilter(name, in, param)
			if err != nil {
				return nil, err
			}
			if out.IsString() {
				return sameSafety(in, out.String()), nil
			}
			return out, nil
		}))
	}
}

// localized writes |fw_lang:_fw_lang before each filter of
// localizedFilters in code and |fw_text before each of textFilters,
// spells each of keepSafeFilters fw_keep_NAME, and
// respells an error list's or dict's
// .as_data as |fw_as_data (an empty one is an Object without keys, which
// has no attributes: the filter sees it all the same), outside string
// literals.
func localized(code string) string {
	inCode := func(name string) bool { return strings.Contains(code, "|"+name) }
	if !strings.Contains(code, ".as_data") && !slices.ContainsFunc(localizedFilters, inCode) &&
		!slices.ContainsFunc(textFilters, inCode) && !slices.ContainsFunc(keepSafeFilters, inCode) {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); {
		c := code[i]
		if c == '"' || c == '\'' {
			j := literalEnd(code, i)
			b.WriteString(code[i:j])
			i = j
			continue
		}
		if c == '.' && strings.HasPrefix(code[i+1:], "as_data") && (i+8 == len(code) || !isIdent(code[i+8])) {
			b.WriteString("|fw_as_data")
			i += len(".as_data")
			continue
		}
		if c == '|' {
			named := func(name string) bool {
				end := i + 1 + len(name)
				return strings.HasPrefix(code[i+1:], name) && (end == len(code) || !isIdent(code[end]))
			}
			if slices.ContainsFunc(localizedFilters, named) {
				b.WriteString("|fw_lang:" + langKey)
			} else if slices.ContainsFunc(textFilters, named) {
				b.WriteString("|fw_text")
			}
			if slices.ContainsFunc(keepSafeFilters, named) {
				b.WriteString("|fw_keep_")
				i++
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// literals spells Django's True and False as pongo2's true and false
// outside string literals ({{ True|yesno }}, {% if x == False %}).
func literals(code string) string {
	if !strings.Contains(code, "True") && !strings.Contains(code, "False") {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); {
		switch c := code[i]; {
		case c == '"' || c == '\'':
			j := literalEnd(code, i)
			b.WriteString(code[i:j])
			i = j
		case isIdentStart(c) && (i == 0 || !isIdent(code[i-1]) && code[i-1] != '.'):
			j := i
			for j < len(code) && isIdent(code[j]) {
				j++
			}
			switch w := code[i:j]; w {
			case "True":
				b.WriteString("true")
			case "False":
				b.WriteString("false")
			default:
				b.WriteString(w)
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// literalEnd is the index just past the string literal that starts at
// code[i] (a quote), or len(code) when it is not closed.
func literalEnd(code string, i int) int {
	j := i + 1
	for j < len(code) && code[j] != code[i] {
		if code[j] == '\\' {
			j++
		}
		j++
	}
	return min(j+1, len(code))
}

func isIdentStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isIdent(c byte) bool      { return isIdentStart(c) || '0' <= c && c <= '9' }

func rewriteIdentity(cond string) string {
	return identityRe().ReplaceAllStringFunc(cond, func(s string) string {
		m := identityRe().FindStringSubmatch(s)
		op := strings.Join(strings.Fields(m[2]), " ")
		neg := op == "is not" || op == "!="
		name := "fw_is_"
		if neg {
			name = "fw_isnot_"
		}
		return m[1] + "|" + name + strings.ToLower(m[3])
	})
}

// ---------------------------------------------------------------- for

type forNode struct {
	vars     []string
	expr     pongo2.IEvaluator
	reversed bool
	body     *pongo2.NodeWrapper
	empty    *pongo2.NodeWrapper
}

func parseFor(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	node := &forNode{}
	for {
		tok := args.MatchType(pongo2.TokenIdentifier)
		if tok == nil {
			return nil, args.Error("for: expected a loop variable name", nil)
		}
		node.vars = append(node.vars, tok.Val)
		if args.Match(pongo2.TokenSymbol, ",") == nil {
			break
		}
	}
	if args.Match(pongo2.TokenKeyword, "in") == nil {
		return nil, args.Error("for: expected 'in'", nil)
	}
	expr, err := args.ParseExpression()
	if err != nil {
		return nil, err
	}
	node.expr = expr
	if args.MatchOne(pongo2.TokenIdentifier, "reversed") != nil {
		node.reversed = true
	}
	if args.Remaining() > 0 {
		return nil, args.Error("for: malformed arguments", nil)
	}
	wrapper, endargs, err := doc.WrapUntilTag("empty", "endfor")
	if err != nil {
		return nil, err
	}
	node.body = wrapper
	if endargs.Count() > 0 {
		return nil, endargs.Error("arguments not allowed here", nil)
	}
	if wrapper.Endtag == "empty" {
		wrapper, endargs, err = doc.WrapUntilTag("endfor")
		if err != nil {
			return nil, err
		}
		node.empty = wrapper
		if endargs.Count() > 0 {
			return nil, endargs.Error("arguments not allowed here", nil)
		}
	}
	return node, nil
}

func (n *forNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	forCtx := pongo2.NewChildExecutionContext(ctx)
	val, err := n.expr.Evaluate(forCtx)
	if err != nil {
		return err
	}
	items := renderers.IterItems(raw(val), len(n.vars) > 1)
	if len(items) == 0 {
		if n.empty != nil {
			return n.empty.Execute(forCtx, w)
		}
		return nil
	}
	if n.reversed {
		rev := make([]any, len(items))
		for i, it := range items {
			rev[len(items)-1-i] = it
		}
		items = rev
	}
	parent := ctx.Private["forloop"]
	count := len(items)
	// One forloop for the whole loop, updated in place as Django's is, so
	// that {% ifchanged %} keeps its state in it from one item to the next.
	loop := map[string]any{"parentloop": parent}
	forCtx.Private["forloop"] = loop
	for i, item := range items {
		loop["counter"], loop["counter0"], loop["revcounter"], loop["revcounter0"] = i+1, i, count-i, count-i-1
		loop["first"], loop["last"] = i == 0, i == count-1
		if len(n.vars) == 1 {
			forCtx.Private[n.vars[0]] = item
		} else {
			parts := renderers.IterItems(item, false)
			if len(parts) != len(n.vars) {
				return ctx.Error(fmt.Sprintf("Need %d values to unpack in for loop; got %d.", len(n.vars), len(parts)), nil)
			}
			for j, name := range n.vars {
				forCtx.Private[name] = parts[j]
			}
		}
		if err := n.body.Execute(forCtx, w); err != nil {
			return err
		}
	}
	return nil
}

// ---------------------------------------------------------------- include

type includeNode struct {
	name  pongo2.IEvaluator
	with  []string
	exprs []pongo2.IEvaluator
	only  bool
}

func parseInclude(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	node := &includeNode{}
	expr, err := args.ParseExpression()
	if err != nil {
		return nil, err
	}
	node.name = expr
	if args.MatchOne(pongo2.TokenIdentifier, "with") != nil {
		for args.Remaining() > 0 {
			if args.PeekOne(pongo2.TokenIdentifier, "only") != nil {
				break
			}
			key := args.MatchType(pongo2.TokenIdentifier)
			if key == nil {
				return nil, args.Error("include: expected a name after 'with'", nil)
			}
			if args.Match(pongo2.TokenSymbol, "=") == nil {
				return nil, args.Error("include: expected '=' after "+key.Val, nil)
			}
			value, err := args.ParseExpression()
			if err != nil {
				return nil, err
			}
			node.with = append(node.with, key.Val)
			node.exprs = append(node.exprs, value)
		}
	}
	if args.MatchOne(pongo2.TokenIdentifier, "only") != nil {
		node.only = true
	}
	if args.Remaining() > 0 {
		return nil, args.Error("include: malformed arguments", nil)
	}
	return node, nil
}

func (n *includeNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	nameVal, err := n.name.Evaluate(ctx)
	if err != nil {
		return err
	}
	name := nameVal.String()
	if name == "" {
		return ctx.Error("include: the template name is empty", nil)
	}
	s, _ := ctx.Public[setKey].(*set)
	if s == nil {
		return ctx.Error("include: no template set in this render", nil)
	}
	chain, _ := ctx.Public[chainKey].([]string)
	chain, rerr := renderers.IncludeChain(chain, name)
	if rerr != nil {
		return &pongo2.Error{Sender: "tag:include", OrigError: rerr}
	}
	if s.src.WriteWidget != nil && n.fast(ctx, w, s, name) {
		return nil
	}
	tpl, perr := s.pongo.FromCache(name)
	if perr != nil {
		return ctx.Error(fmt.Sprintf("include %q: %v", name, perr), nil)
	}
	inc := ctxPool.Get().(pongo2.Context)
	defer func() { clear(inc); ctxPool.Put(inc) }()
	if n.only {
		// The language stays active through an include with only, as a
		// Django render's translation.override does.
		inc[setKey] = s
		inc[litKey] = safeLiteral
		if t, ok := ctx.Public[langKey]; ok {
			inc[langKey] = t
		}
	} else {
		for k, v := range ctx.Public {
			inc[k] = v
		}
		for k, v := range ctx.Private {
			inc[k] = v
		}
	}
	inc[chainKey] = chain
	for i, key := range n.with {
		v, err := n.exprs[i].Evaluate(ctx)
		if err != nil {
			return err
		}
		inc[key] = v
	}
	if err := tpl.ExecuteWriter(inc, w); err != nil {
		return ctx.Error(fmt.Sprintf("include %q: %v", name, err), nil)
	}
	return nil
}

// fast writes an included built-in widget template the renderer does not
// override with its generated writer: the widget the include sees (its
// with widget=..., else the including context's) as a view.
func (n *includeNode) fast(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter, s *set, name string) bool {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufPool.Put(b)
	if !s.src.WriteWidget(b, name, func() (map[string]any, bool) { return n.widget(ctx) }) {
		return false
	}
	_, err := w.Write(b.Bytes())
	return err == nil
}

// widget is the widget context the include sees: its with widget=...,
// else the including context's; false when the include passes other
// names, which the widget's view does not carry.
func (n *includeNode) widget(ctx *pongo2.ExecutionContext) (map[string]any, bool) {
	var widget any
	found := false
	for i, key := range n.with {
		if key != "widget" {
			return nil, false
		}
		v, err := n.exprs[i].Evaluate(ctx)
		if err != nil {
			return nil, false
		}
		widget, found = raw(v), true
	}
	if !found {
		if n.only {
			return nil, false
		}
		widget, found = ctx.Private["widget"]
		if !found {
			widget, found = ctx.Public["widget"]
		}
	}
	m, ok := widget.(map[string]any)
	return m, found && ok
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// ---------------------------------------------------------------- spaceless

type spacelessNode struct{ body *pongo2.NodeWrapper }

func parseSpaceless(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	wrapper, _, err := doc.WrapUntilTag("endspaceless")
	if err != nil {
		return nil, err
	}
	return &spacelessNode{body: wrapper}, nil
}

var betweenTags = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`>\s+<`) })

func (n *spacelessNode) Execute(ctx *pongo2.ExecutionContext, w pongo2.TemplateWriter) *pongo2.Error {
	var buf bytes.Buffer
	if err := n.body.Execute(ctx, &buf); err != nil {
		return err
	}
	_, _ = w.WriteString(betweenTags().ReplaceAllString(strings.TrimSpace(buf.String()), "><"))
	return nil
}

// ---------------------------------------------------------------- filters

func filterStringformat(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	v := raw(in)
	spec := param.String()
	switch spec {
	case "s":
		if isSafeValue(in) {
			return pongo2.AsSafeValue(pyfmt.Str(v)), nil
		}
		if h, ok := renderers.IsSafe(v); ok {
			// Django's stringformat keeps safe input safe.
			return pongo2.AsSafeValue(h), nil
		}
		return pongo2.AsValue(pyfmt.Str(v)), nil
	case "r":
		return pongo2.AsValue(pyfmt.Repr(v)), nil
	}
	return pongo2.AsValue(fmt.Sprintf("%"+spec, v)), nil
}
