// Package pyurl splits, joins and quotes URLs exactly as Python's
// urllib.parse.urlsplit, urlunsplit and quote do: what Django's URLField
// uses to complete a URL typed without a scheme, and what its media and
// its urlencode and iriencode filters use to percent-encode.
package pyurl

import (
	"errors"
	"net/netip"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// Parts are the five parts urlsplit returns.
type Parts struct {
	Scheme, Netloc, Path, Query, Fragment string
}

const schemeChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."

var usesNetloc = map[string]bool{"": true, "ftp": true, "http": true, "gopher": true, "nntp": true, "telnet": true, "imap": true, "wais": true, "file": true, "mms": true, "https": true, "shttp": true, "snews": true, "prospero": true, "rtsp": true, "rtsps": true, "rtspu": true, "rsync": true, "svn": true, "svn+ssh": true, "sftp": true, "nfs": true, "git": true, "git+ssh": true, "ws": true, "wss": true}

var ipvFuture = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v[a-fA-F0-9]+\..+$`) })

// Split is urlsplit(url): it fails where Python raises ValueError.
func Split(url string) (Parts, error) {
	url = strings.TrimLeft(url, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	url = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(url)
	var p Parts
	if i := strings.IndexByte(url, ':'); i > 0 && isASCIIAlpha(url[0]) {
		ok := true
		for _, c := range url[:i] {
			if !strings.ContainsRune(schemeChars, c) {
				ok = false
				break
			}
		}
		if ok {
			p.Scheme, url = strings.ToLower(url[:i]), url[i+1:]
		}
	}
	if strings.HasPrefix(url, "//") {
		rest := url[2:]
		end := len(rest)
		if j := strings.IndexAny(rest, "/?#"); j >= 0 {
			end = j
		}
		p.Netloc, url = rest[:end], rest[end:]
		open, closed := strings.Contains(p.Netloc, "["), strings.Contains(p.Netloc, "]")
		if open != closed {
			return Parts{}, errors.New("Invalid IPv6 URL")
		}
		if open && closed {
			_, after, _ := strings.Cut(p.Netloc, "[")
			host, _, _ := strings.Cut(after, "]")
			if err := checkBracketedHost(host); err != nil {
				return Parts{}, err
			}
		}
	}
	if i := strings.IndexByte(url, '#'); i >= 0 {
		url, p.Fragment = url[:i], url[i+1:]
	}
	if i := strings.IndexByte(url, '?'); i >= 0 {
		url, p.Query = url[:i], url[i+1:]
	}
	if err := checkNetloc(p.Netloc); err != nil {
		return Parts{}, err
	}
	p.Path = url
	return p, nil
}

func isASCIIAlpha(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func checkBracketedHost(host string) error {
	if strings.HasPrefix(host, "v") {
		if !ipvFuture().MatchString(host) {
			return errors.New("IPvFuture address is invalid")
		}
		return nil
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return errors.New("invalid IP address in brackets")
	}
	if addr.Is4() {
		return errors.New("An IPv4 address cannot be in brackets")
	}
	return nil
}

// checkNetloc is Python's _checknetloc: a non-ASCII netloc must not gain
// URL delimiters under NFKC normalisation.
func checkNetloc(netloc string) error {
	ascii := true
	for i := 0; i < len(netloc); i++ {
		if netloc[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return nil
	}
	n := strings.NewReplacer("@", "", ":", "", "#", "", "?", "").Replace(netloc)
	n2 := norm.NFKC.String(n)
	if n == n2 {
		return nil
	}
	for _, c := range "/?#@:" {
		if strings.ContainsRune(n2, c) {
			return errors.New("netloc contains invalid characters under NFKC normalization")
		}
	}
	return nil
}

// Join is urlunsplit(parts).
func Join(p Parts) string {
	url := p.Path
	if p.Netloc != "" || (p.Scheme != "" && usesNetloc[p.Scheme] && !strings.HasPrefix(url, "//")) {
		if url != "" && url[0] != '/' {
			url = "/" + url
		}
		url = "//" + p.Netloc + url
	}
	if p.Scheme != "" {
		url = p.Scheme + ":" + url
	}
	if p.Query != "" {
		url += "?" + p.Query
	}
	if p.Fragment != "" {
		url += "#" + p.Fragment
	}
	return url
}

// Quote is Python's urllib.parse.quote(s, safe): UTF-8 bytes other than
// ASCII letters, digits, "_.-~" and those in safe become %XX.
func Quote(s, safe string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == '.' || c == '-' || c == '~' ||
			c < 0x80 && strings.IndexByte(safe, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// IRISafe is what Django's iri_to_uri leaves unquoted: quote(iri, IRISafe).
const IRISafe = "/#%[]=:;$&()+,!?*@'~"
