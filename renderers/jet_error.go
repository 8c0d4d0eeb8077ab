package renderers

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// jet reports a template error as a string only: "template: PATH:LINE: msg"
// when parsing, `Jet Runtime Error ("PATH":LINE): msg` when executing, the
// second wrapping the first when an included template does not parse.
// PATH is jet's own: the included name joined to the including template's
// directory ("/django/forms/formwork/formwork/messages.html" for
// formwork/messages.html), and an undefined variable's message prints the
// scope, formwork's internal variables with it.
var (
	jetParseWhere   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: (.*?):(\d+): `) })
	jetRuntimeWhere = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Jet Runtime Error \(("(?:[^"\\]|\\.)*"):(\d+)\): `) })
	jetUndefined    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`identifier ("(?:[^"\\]|\\.)*") not available in current \(.*\) or parent scope, global, or default variables`)
	})
)

// explain rewrites a jet error as a theme author reads it, in the form Go's
// text/template uses: "template: NAME:LINE: msg", NAME the template's own
// name (as the overlay holds it), the innermost template first and the
// including ones after it. An error that is not jet's is returned as it is.
func (l *jetLoader) explain(err error) error {
	if err == nil || errors.Unwrap(err) != nil {
		return err
	}
	msg := err.Error()
	type where struct {
		name string
		line string
	}
	var chain []where
	for {
		if m := jetRuntimeWhere().FindStringSubmatch(msg); m != nil {
			p, uerr := strconv.Unquote(m[1])
			if uerr != nil {
				break
			}
			chain = append(chain, where{l.templateName(p), m[2]})
			msg = msg[len(m[0]):]
			continue
		}
		if m := jetParseWhere().FindStringSubmatch(msg); m != nil {
			chain = append(chain, where{l.templateName(m[1]), m[2]})
			msg = msg[len(m[0]):]
			continue
		}
		break
	}
	if len(chain) == 0 {
		return err
	}
	msg = jetUndefined().ReplaceAllString(msg, "undefined variable $1")
	in := chain[len(chain)-1]
	s := fmt.Sprintf("template: %s:%s: %s", in.name, in.line, msg)
	for i := len(chain) - 2; i >= 0; i-- {
		s += fmt.Sprintf(" (included from %s:%s)", chain[i].name, chain[i].line)
	}
	return errors.New(s)
}

// templateName is the name a jet path stands for: the template the loader
// opens for it, else the path without jet's leading slash.
func (l *jetLoader) templateName(path string) string {
	if _, name, _ := l.find(path); name != "" {
		return name
	}
	return strings.TrimPrefix(path, "/")
}
