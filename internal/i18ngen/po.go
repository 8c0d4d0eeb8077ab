package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// poEntry is one message of a .po file.
type poEntry struct {
	Context  string
	ID       string
	IDPlural string
	// Str holds msgstr, or msgstr[0..] of a counting message.
	Str   []string
	Fuzzy bool
}

// translated reports whether gettext's msgfmt writes the entry into the
// .mo file: not fuzzy, and translated.
func (e *poEntry) translated() bool {
	if e.Fuzzy || len(e.Str) == 0 {
		return false
	}
	for _, s := range e.Str {
		if s != "" {
			return true
		}
	}
	return false
}

// poFile is a parsed .po file.
type poFile struct {
	Path    string
	Header  map[string]string
	Entries []*poEntry
}

// readPO parses a .po file: msgctxt, msgid, msgid_plural, msgstr and
// msgstr[N] keywords with their continued string lines, "#," flags;
// other comments are skipped.
func readPO(path string) (*poFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := &poFile{Path: path, Header: map[string]string{}}
	var cur *poEntry
	var target *string // the string continued lines append to
	fuzzy := false
	flush := func() {
		if cur != nil {
			out.Entries = append(out.Entries, cur)
		}
		cur, target = nil, nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		bad := func(why string) error { return fmt.Errorf("%s:%d: %s", path, line, why) }
		switch {
		case s == "":
			continue
		case strings.HasPrefix(s, "#,"):
			if cur != nil && cur.Str != nil {
				flush()
			}
			fuzzy = fuzzy || strings.Contains(s, "fuzzy")
			continue
		case strings.HasPrefix(s, "#"):
			continue
		case strings.HasPrefix(s, `"`):
			if target == nil {
				return nil, bad("string continues no keyword")
			}
			v, err := strconv.Unquote(s)
			if err != nil {
				return nil, bad(err.Error())
			}
			*target += v
			continue
		}
		kw, rest, ok := strings.Cut(s, " ")
		if !ok {
			return nil, bad("keyword without a string")
		}
		v, err := strconv.Unquote(strings.TrimSpace(rest))
		if err != nil {
			return nil, bad(err.Error())
		}
		switch {
		case kw == "msgctxt":
			flush()
			cur = &poEntry{Context: v, Fuzzy: fuzzy}
			fuzzy = false
			target = &cur.Context
		case kw == "msgid":
			if cur == nil || cur.Str != nil || cur.ID != "" {
				flush()
				cur = &poEntry{Fuzzy: fuzzy}
				fuzzy = false
			}
			cur.ID = v
			target = &cur.ID
		case kw == "msgid_plural":
			if cur == nil {
				return nil, bad("msgid_plural without msgid")
			}
			cur.IDPlural = v
			target = &cur.IDPlural
		case kw == "msgstr" || strings.HasPrefix(kw, "msgstr["):
			if cur == nil {
				return nil, bad("msgstr without msgid")
			}
			i := 0
			if kw != "msgstr" {
				i, err = strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(kw, "msgstr["), "]"))
				if err != nil || i != len(cur.Str) {
					return nil, bad("msgstr index out of order")
				}
			}
			cur.Str = append(cur.Str, v)
			target = &cur.Str[i]
		default:
			return nil, bad("unknown keyword " + kw)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	flush()
	for _, e := range out.Entries {
		if e.ID == "" && e.Context == "" && len(e.Str) == 1 {
			for _, l := range strings.Split(e.Str[0], "\n") {
				if k, v, ok := strings.Cut(l, ":"); ok {
					out.Header[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
			}
		}
	}
	return out, nil
}
