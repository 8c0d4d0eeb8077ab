package main

import (
	"net"
	"net/http"
	"strings"

	"github.com/formwork/formwork/examples/exampleapp"
)

// hostList is the --allow-host flag: host names, repeated or separated
// by commas.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*h = append(*h, normalHost(s))
		}
	}
	return nil
}

// allowedHosts are the Host values serve answers besides loopback: the
// host of the address it listens on (unless that is unspecified, 0.0.0.0
// or ::) and those of --allow-host.
func allowedHosts(addr string, extra []string) map[string]bool {
	ok := map[string]bool{}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "" {
		if ip := net.ParseIP(h); ip == nil || !ip.IsUnspecified() {
			ok[normalHost(h)] = true
		}
	}
	for _, h := range extra {
		ok[normalHost(h)] = true
	}
	return ok
}

// normalHost is a Host value without its port, brackets or final dot,
// in lower case.
func normalHost(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

// isLoopbackHost reports whether h names this machine's loopback:
// localhost (and its subdomains, RFC 6761) or a loopback address.
func isLoopbackHost(h string) bool {
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// guard wraps the preview server's handler: a request whose Host is
// neither loopback nor allowed gets 400 (Django's DisallowedHost), which
// stops a page on another site reaching the server by DNS rebinding;
// then exampleapp.Guard's cross-origin protection on every request that
// changes state, and its body limit.
func guard(h http.Handler, allowed map[string]bool) http.Handler {
	inner := exampleapp.Guard(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := normalHost(r.Host)
		if !isLoopbackHost(host) && !allowed[host] {
			http.Error(w, "formwork serve: this Host is not allowed; start serve with --allow-host to add it", http.StatusBadRequest)
			return
		}
		inner.ServeHTTP(w, r)
	})
}

// newServer is serve's http.Server: the guarded handler with the example
// application's timeouts (exampleapp.NewServer).
func newServer(addr string, h http.Handler, extraHosts []string) *http.Server {
	return exampleapp.NewServer(addr, guard(h, allowedHosts(addr, extraHosts)))
}
