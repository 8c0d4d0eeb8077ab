// Package djangoengine runs Django-syntax templates on pongo2 for the
// renderers.DjangoTemplates and renderers.Accessible renderers: a theme's
// templates that go beyond what the built-in templates use, and every
// template when a renderer sets NoFastPath or Reload. The built-in
// templates render on Go writers generated from them and need no engine,
// so a program links this package, and pongo2, only when it imports it:
//
//	import _ "github.com/formwork/formwork/renderers/djangoengine"
//
// Importing it registers the engine with renderers.RegisterDjangoEngine.
// What pongo2 lacks of Django's template language, and Django's form
// templates use, is translated at load time into formwork's own tags and
// filters (compat.go); pongo2's filters that print something else than
// Django's are replaced with Django's (filters.go).
package djangoengine

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/flosch/pongo2/v6"

	"github.com/formwork/formwork/renderers"
)

func init() { renderers.RegisterDjangoEngine(engine{}) }

// engine is pongo2 as a renderers.DjangoEngine.
type engine struct{}

func (engine) NewSet(src renderers.DjangoSource) renderers.DjangoSet {
	s := &set{src: src}
	s.pongo = pongo2.NewSet("formwork", loader{src.Load})
	s.pongo.Globals.Update(globals())
	for _, t := range bannedTags {
		must(s.pongo.BanTag(t))
	}
	s.pongo.Debug = src.Reload
	return s
}

// set is one renderer's templates, parsed once each.
type set struct {
	src   renderers.DjangoSource
	pongo *pongo2.TemplateSet
}

// The keys that carry a render's own values through pongo2's contexts.
const (
	// setKey carries the set, so that dynamic includes find their
	// templates in it, parsed once, and its generated widget writers.
	setKey = "_fw_set"
	// chainKey carries the chain of templates being rendered through
	// includes (renderers.IncludeChain).
	chainKey = "_fw_chain"
)

// Render implements renderers.DjangoSet.
func (s *set) Render(w io.Writer, name string, ctx renderers.Context) error {
	tpl, err := s.pongo.FromCache(name)
	if err != nil {
		return err
	}
	// pongo2 copies the context it is given into its own.
	pctx := ctxPool.Get().(pongo2.Context)
	defer func() { clear(pctx); ctxPool.Put(pctx) }()
	lang := renderers.TranslatorOf(ctx)
	conv := py{lang: lang}
	for k, v := range ctx {
		pctx[k] = conv.context(v)
	}
	pctx[setKey] = s
	pctx[litKey] = safeLiteral
	pctx[chainKey] = []string{name}
	if lang != nil {
		pctx[langKey] = lang
	}
	return tpl.ExecuteWriter(pctx, w)
}

// ctxPool holds the maps given to pongo2, which copies them: one map
// serves every render and include.
var ctxPool = sync.Pool{New: func() any { return make(pongo2.Context, 16) }}

// loader gives pongo2 the renderer's templates, translated (Translate).
type loader struct {
	load func(name string) (string, error)
}

func (l loader) Abs(base, name string) string { return name }

func (l loader) Get(path string) (io.Reader, error) {
	src, err := l.load(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// The text Django's loaders raise, which callers look for.
			return nil, fmt.Errorf("TemplateDoesNotExist: %s", path)
		}
		return nil, err
	}
	return strings.NewReader(Translate(src)), nil
}

// bannedTags are pongo2 tags Django's template language does not have
// and formwork refuses in every template (Django reports an unknown tag
// the same way): ssi reads any file of the host, outside the template
// loaders; import and macro define templates that can call themselves
// past any depth check.
var bannedTags = []string{"ssi", "import", "macro"}

func init() {
	must(pongo2.RegisterTag("fw_fail", parseFail))
}

// parseFail is the tag {% fw_fail "message" %}, which fails to parse with
// that message: renderers.DjangoSource.Load writes it in place of an
// {% extends %} that would recurse, since pongo2 drops a loader's own
// error.
func parseFail(doc *pongo2.Parser, start *pongo2.Token, args *pongo2.Parser) (pongo2.INodeTag, *pongo2.Error) {
	msg := "fw_fail"
	if tok := args.MatchType(pongo2.TokenString); tok != nil {
		msg = tok.Val
	}
	return nil, args.Error(msg, start)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
