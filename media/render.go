package media

import (
	"strings"

	"github.com/formwork/formwork/internal/pyurl"
)

// Renderer renders media to HTML. Its zero value, DefaultRenderer, renders
// as the reference does: without STATIC_URL, a relative path is only
// percent-encoded ("rel.js" stays "rel.js").
type Renderer struct {
	// StaticURL is Django's STATIC_URL setting; empty means unset (None).
	// As in Django, a value that does not start with "http://", "https://"
	// or "/" gets the script prefix "/" in front, and the result is
	// IRI-encoded before relative paths are joined to it with urljoin
	// ("http://media.example.com/static/" + "path/to/css1").
	StaticURL string
}

// DefaultRenderer is the renderer Media's own Render methods use.
var DefaultRenderer = Renderer{}

// Render returns the media's HTML, Django's Media.render(): the
// stylesheets, then the scripts, one element a line.
func (r Renderer) Render(m Media) string {
	return strings.Join(append(r.RenderCSS(m), r.RenderJS(m)...), "\n")
}

// RenderJS returns Django's Media.render_js(): a <script src="..."></script>
// element per merged script, or the HTML of an HTML asset.
func (r Renderer) RenderJS(m Media) []string {
	js := m.JS()
	out := make([]string, 0, len(js))
	for _, a := range js {
		if a.html {
			out = append(out, a.s)
			continue
		}
		out = append(out, `<script src="`+escape(r.AbsolutePath(a.s))+`"></script>`)
	}
	return out
}

// RenderCSS returns Django's Media.render_css(): for each medium in sorted
// order, a <link href="..." media="..." rel="stylesheet"> element per merged
// stylesheet, or the HTML of an HTML asset.
func (r Renderer) RenderCSS(m Media) []string {
	var out []string
	for _, ma := range sortedMediums(m.CSS()) {
		for _, a := range ma.Assets {
			if a.html {
				out = append(out, a.s)
				continue
			}
			out = append(out, `<link href="`+escape(r.AbsolutePath(a.s))+
				`" media="`+escape(ma.Medium)+`" rel="stylesheet">`)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// AbsolutePath returns Django's Media.absolute_path(path): a path starting
// with "http://", "https://" or "/" unchanged, any other through Static.
func (r Renderer) AbsolutePath(path string) string {
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") ||
		strings.HasPrefix(path, "/") {
		return path
	}
	return r.Static(path)
}

// Static returns Django's static(path) without django.contrib.staticfiles:
// urljoin(STATIC_URL, quote(path)).
func (r Renderer) Static(path string) string {
	quoted := pyurl.Quote(path, "/")
	if r.StaticURL == "" {
		return quoted
	}
	prefix := r.StaticURL
	if !strings.HasPrefix(prefix, "http://") && !strings.HasPrefix(prefix, "https://") &&
		!strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	return urljoin(pyurl.Quote(prefix, pyurl.IRISafe), quoted)
}

// AbsolutePath is DefaultRenderer.AbsolutePath(path).
func AbsolutePath(path string) string { return DefaultRenderer.AbsolutePath(path) }

// escape is Django's conditional_escape of a plain string (html.escape).
func escape(s string) string {
	if !strings.ContainsAny(s, `&<>"'`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#x27;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// The scheme lists of Python 3.11's urllib.parse.
var (
	usesRelative = schemes("", "ftp", "http", "gopher", "nntp", "imap", "wais", "file",
		"https", "shttp", "mms", "prospero", "rtsp", "rtsps", "rtspu", "sftp", "svn",
		"svn+ssh", "ws", "wss")
	usesNetloc = schemes("", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais",
		"file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtsps", "rtspu",
		"rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss")
	usesParams = schemes("", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp",
		"rtsp", "rtsps", "rtspu", "sip", "sips", "mms", "sftp", "tel")
)

func schemes(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

type parsedURL struct {
	scheme, netloc, path, params, query, fragment string
}

// urlparse is Python's urllib.parse.urlparse(url, scheme).
func urlparse(url, scheme string) parsedURL {
	url = strings.TrimLeftFunc(url, func(r rune) bool { return r <= ' ' })
	scheme = strings.TrimFunc(scheme, func(r rune) bool { return r <= ' ' })
	for _, c := range []string{"\t", "\r", "\n"} {
		url = strings.ReplaceAll(url, c, "")
		scheme = strings.ReplaceAll(scheme, c, "")
	}
	var p parsedURL
	if i := strings.IndexByte(url, ':'); i > 0 && isAlpha(url[0]) && isScheme(url[:i]) {
		scheme, url = strings.ToLower(url[:i]), url[i+1:]
	}
	p.scheme = scheme
	if strings.HasPrefix(url, "//") {
		end := len(url)
		for _, c := range []byte("/?#") {
			if i := strings.IndexByte(url[2:], c); i >= 0 && i+2 < end {
				end = i + 2
			}
		}
		p.netloc, url = url[2:end], url[end:]
	}
	if i := strings.IndexByte(url, '#'); i >= 0 {
		url, p.fragment = url[:i], url[i+1:]
	}
	if i := strings.IndexByte(url, '?'); i >= 0 {
		url, p.query = url[:i], url[i+1:]
	}
	if usesParams[p.scheme] && strings.Contains(url, ";") {
		var i int
		if slash := strings.LastIndexByte(url, '/'); slash >= 0 {
			i = strings.IndexByte(url[slash:], ';')
			if i >= 0 {
				i += slash
			}
		} else {
			i = strings.IndexByte(url, ';')
		}
		if i >= 0 {
			url, p.params = url[:i], url[i+1:]
		}
	}
	p.path = url
	return p
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlpha(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// urlunparse is Python 3.11's urllib.parse.urlunparse.
func urlunparse(p parsedURL) string {
	url := p.path
	if p.params != "" {
		url += ";" + p.params
	}
	if p.netloc != "" || p.scheme != "" && usesNetloc[p.scheme] && !strings.HasPrefix(url, "//") {
		if url != "" && url[0] != '/' {
			url = "/" + url
		}
		url = "//" + p.netloc + url
	}
	if p.scheme != "" {
		url = p.scheme + ":" + url
	}
	if p.query != "" {
		url += "?" + p.query
	}
	if p.fragment != "" {
		url += "#" + p.fragment
	}
	return url
}

// urljoin is Python 3.11's urllib.parse.urljoin(base, url).
func urljoin(base, url string) string {
	if base == "" {
		return url
	}
	if url == "" {
		return base
	}
	b := urlparse(base, "")
	u := urlparse(url, b.scheme)
	if u.scheme != b.scheme || !usesRelative[u.scheme] {
		return url
	}
	if usesNetloc[u.scheme] {
		if u.netloc != "" {
			return urlunparse(u)
		}
		u.netloc = b.netloc
	}
	if u.path == "" && u.params == "" {
		u.path, u.params = b.path, b.params
		if u.query == "" {
			u.query = b.query
		}
		return urlunparse(u)
	}
	baseParts := strings.Split(b.path, "/")
	if baseParts[len(baseParts)-1] != "" {
		baseParts = baseParts[:len(baseParts)-1]
	}
	var segments []string
	if strings.HasPrefix(u.path, "/") {
		segments = strings.Split(u.path, "/")
	} else {
		segments = append(baseParts, strings.Split(u.path, "/")...)
		if len(segments) > 2 {
			kept := []string{segments[0]}
			for _, s := range segments[1 : len(segments)-1] {
				if s != "" {
					kept = append(kept, s)
				}
			}
			segments = append(kept, segments[len(segments)-1])
		}
	}
	var resolved []string
	for _, seg := range segments {
		switch seg {
		case "..":
			if len(resolved) > 0 {
				resolved = resolved[:len(resolved)-1]
			}
		case ".":
		default:
			resolved = append(resolved, seg)
		}
	}
	if last := segments[len(segments)-1]; last == "." || last == ".." {
		resolved = append(resolved, "")
	}
	u.path = strings.Join(resolved, "/")
	if u.path == "" {
		u.path = "/"
	}
	return urlunparse(u)
}
