package validators

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Django's URLValidator pattern, with its lookarounds rewritten as the
// equivalent plain expressions Go's engine accepts: a label may neither
// start nor end with a hyphen.
// urlRegex is compiled on first use, not at program start.
var urlRegex = sync.OnceValue(func() *regexp.Regexp {
	const (
		ul       = `\x{a1}-\x{ffff}`
		ipv4     = `(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)(?:\.(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)){3}`
		ipv6     = `\[[0-9a-f:.]+\]`
		hostname = `[a-z` + ul + `0-9](?:[a-z` + ul + `0-9-]{0,61}[a-z` + ul + `0-9])?`
		domain   = `(?:\.` + hostname + `)*`
		tld      = `\.(?:[a-z` + ul + `](?:[a-z` + ul + `-]{0,61}[a-z` + ul + `])|xn--[a-z0-9]{1,59})\.?`
		host     = `(?:` + hostname + domain + tld + `|localhost)`
	)
	return regexp.MustCompile(`(?i)^(?:[a-z0-9.+-]*)://` +
		`(?:[^` + pySpace + `:@/]+(?::[^` + pySpace + `:@/]*)?@)?` +
		`(?:` + ipv4 + `|` + ipv6 + `|` + host + `)` +
		`(?::[0-9]{1,5})?` +
		`(?:[/?#][^` + pySpace + `]*)?\z`)
})

var urlIPv6Host = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\[(.+)\](?::[0-9]{1,5})?$`) })

// DefaultURLSchemes are the schemes URLValidator accepts by default.
var DefaultURLSchemes = []string{"http", "https", "ftp", "ftps"}

// URLValidator is Django's URLValidator: an absolute URL with one of
// Schemes, a host name (internationalized names are tried in their
// Punycode form), an IPv4 address or a bracketed IPv6 address, at most
// MaxLength characters.
type URLValidator struct {
	// Schemes are the accepted schemes, lower case; nil means
	// DefaultURLSchemes.
	Schemes []string
	// MaxLength is the longest acceptable URL in characters; zero means
	// 2048.
	MaxLength int
	// Message replaces the default message ("Enter a valid URL.") when
	// not empty.
	Message string
	// Code replaces the default code ("invalid") when not empty.
	Code string
}

// URL returns a URLValidator for the given schemes (none: the defaults).
func URL(schemes ...string) *URLValidator {
	v := &URLValidator{}
	if len(schemes) > 0 {
		v.Schemes = append([]string(nil), schemes...)
	}
	return v
}

func (v *URLValidator) fail(value any) error {
	return fail("Enter a valid URL.", v.Message, "invalid", v.Code, map[string]any{"value": value})
}

// Validate implements Validator. Values that are not strings are invalid.
func (v *URLValidator) Validate(value any) error {
	s, ok := value.(string)
	maxLen := v.MaxLength
	if maxLen == 0 {
		maxLen = 2048
	}
	if !ok || utf8.RuneCountInString(s) > maxLen {
		return v.fail(value)
	}
	if strings.ContainsAny(s, "\t\r\n") {
		return v.fail(value)
	}
	scheme, _, _ := strings.Cut(s, "://")
	schemes := v.Schemes
	if schemes == nil {
		schemes = DefaultURLSchemes
	}
	if !contains(schemes, strings.ToLower(scheme)) {
		return v.fail(value)
	}
	u, err := urlsplit(s)
	if err != nil {
		return v.fail(value)
	}
	if !urlRegex().MatchString(s) {
		if s == "" {
			return v.fail(value)
		}
		netloc, err := punycode(u.netloc)
		if err != nil {
			return v.fail(value)
		}
		ace := u
		ace.netloc = netloc
		joined := ace.unsplit()
		if !urlRegex().MatchString(joined) {
			return v.fail(joined)
		}
	} else if m := urlIPv6Host().FindStringSubmatch(u.netloc); m != nil {
		if !isIPv6Value(m[1]) {
			return v.fail(value)
		}
	}
	if h, ok := u.hostname(); !ok || utf8.RuneCountInString(h) > 253 {
		return v.fail(value)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitURL is Python's urllib.parse.SplitResult.
type splitURL struct {
	scheme, netloc, path, query, fragment string
}

var errInvalidIPv6URL = errors.New("Invalid IPv6 URL")

// urlsplit is Python 3.11's urllib.parse.urlsplit(url), including its
// ValueErrors.
func urlsplit(url string) (splitURL, error) {
	var u splitURL
	url = strings.TrimLeft(url, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"+
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	for _, c := range []string{"\t", "\r", "\n"} {
		url = strings.ReplaceAll(url, c, "")
	}
	if i := strings.IndexByte(url, ':'); i > 0 && isASCIILetter(url[0]) && isSchemeChars(url[:i]) {
		u.scheme, url = strings.ToLower(url[:i]), url[i+1:]
	}
	if strings.HasPrefix(url, "//") {
		end := len(url)
		if i := strings.IndexAny(url[2:], "/?#"); i >= 0 {
			end = i + 2
		}
		u.netloc, url = url[2:end], url[end:]
		open, closed := strings.Contains(u.netloc, "["), strings.Contains(u.netloc, "]")
		if open != closed {
			return u, errInvalidIPv6URL
		}
		if open {
			if err := checkBracketedNetloc(u.netloc); err != nil {
				return u, err
			}
		}
	}
	if i := strings.IndexByte(url, '#'); i >= 0 {
		url, u.fragment = url[:i], url[i+1:]
	}
	if i := strings.IndexByte(url, '?'); i >= 0 {
		url, u.query = url[:i], url[i+1:]
	}
	u.path = url
	return u, checkNetloc(u.netloc)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSchemeChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

var ipvFuture = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v[a-fA-F0-9]+\.(?s:.+)$`) })

// checkBracketedNetloc is urllib.parse._check_bracketed_netloc.
func checkBracketedNetloc(netloc string) error {
	hostPort := netloc[strings.LastIndexByte(netloc, '@')+1:]
	before, bracketed, found := strings.Cut(hostPort, "[")
	var hostname string
	if found {
		if before != "" {
			return errInvalidIPv6URL
		}
		var port string
		hostname, port, _ = strings.Cut(bracketed, "]")
		if port != "" && !strings.HasPrefix(port, ":") {
			return errInvalidIPv6URL
		}
	} else {
		hostname, _, _ = strings.Cut(hostPort, ":")
	}
	if strings.HasPrefix(hostname, "v") {
		if !ipvFuture().MatchString(hostname) {
			return errors.New("IPvFuture address is invalid")
		}
		return nil
	}
	if isIPv4(hostname) {
		return errors.New("An IPv4 address cannot be in brackets")
	}
	if !isIPv6(hostname) {
		return fmt.Errorf("%q does not appear to be an IPv4 or IPv6 address", hostname)
	}
	return nil
}

// checkNetloc is urllib.parse._checknetloc: characters whose NFKC form
// holds a URL delimiter are refused.
func checkNetloc(netloc string) error {
	if netloc == "" || isASCII(netloc) {
		return nil
	}
	n := strings.NewReplacer("@", "", ":", "", "#", "", "?", "").Replace(netloc)
	n2 := norm.NFKC.String(n)
	if n == n2 {
		return nil
	}
	if strings.ContainsAny(n2, "/?#@:") {
		return fmt.Errorf("netloc '%s' contains invalid characters under NFKC normalization", netloc)
	}
	return nil
}

// hostname is SplitResult.hostname; ok is false where Python's is None.
func (u splitURL) hostname() (string, bool) {
	info := u.netloc[strings.LastIndexByte(u.netloc, '@')+1:]
	var host string
	if _, bracketed, found := strings.Cut(info, "["); found {
		host, _, _ = strings.Cut(bracketed, "]")
	} else {
		host, _, _ = strings.Cut(info, ":")
	}
	if host == "" {
		return "", false
	}
	h, zone, found := strings.Cut(host, "%")
	if found {
		return pyLower(h) + "%" + zone, true
	}
	return pyLower(h), true
}

// pyLower lower-cases s; it only measures lengths here, where Go's
// mapping and Python's differ in nothing that matters.
func pyLower(s string) string { return strings.ToLower(s) }

var usesNetloc = map[string]bool{"": true, "ftp": true, "http": true, "gopher": true,
	"nntp": true, "telnet": true, "imap": true, "wais": true, "file": true, "mms": true,
	"https": true, "shttp": true, "snews": true, "prospero": true, "rtsp": true,
	"rtsps": true, "rtspu": true, "rsync": true, "svn": true, "svn+ssh": true,
	"sftp": true, "nfs": true, "git": true, "git+ssh": true, "ws": true, "wss": true}

// unsplit is Python's urllib.parse.urlunsplit.
func (u splitURL) unsplit() string {
	url := u.path
	if u.netloc != "" || u.scheme != "" && usesNetloc[u.scheme] && !strings.HasPrefix(url, "//") {
		if url != "" && url[0] != '/' {
			url = "/" + url
		}
		url = "//" + u.netloc + url
	}
	if u.scheme != "" {
		url = u.scheme + ":" + url
	}
	if u.query != "" {
		url += "?" + u.query
	}
	if u.fragment != "" {
		url += "#" + u.fragment
	}
	return url
}
