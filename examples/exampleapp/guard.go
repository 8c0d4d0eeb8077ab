package exampleapp

import (
	"net/http"
	"time"

	"github.com/formwork/formwork/formhttp"
)

// MaxBodyBytes bounds a request body the application reads: Django's
// 2.5 MB of data (formhttp.DefaultMaxMemory) and room for the multipart
// framing. The forms' own limits (formhttp.Limits) refuse less; this
// stops what they never see, such as a body of another content type.
const MaxBodyBytes = formhttp.DefaultMaxMemory + 256<<10

// Guard wraps h as the application serves it: a request that changes
// state (POST, PUT, PATCH, DELETE) is refused with 403 when a browser
// says it comes from another site (net/http's CrossOriginProtection,
// the check Django's CSRF middleware makes on Origin), and no body is
// read past MaxBodyBytes.
func Guard(h http.Handler) http.Handler {
	limited := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		}
		h.ServeHTTP(w, r)
	})
	return http.NewCrossOriginProtection().Handler(limited)
}

// Server timeouts: a client has ReadHeaderTimeout to send its request
// line and headers, ReadTimeout for the whole request, WriteTimeout for
// the answer, and an idle keep-alive connection is closed after
// IdleTimeout, so that slow or silent clients cannot hold connections.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 60 * time.Second
	IdleTimeout       = 60 * time.Second
)

// NewServer returns an http.Server for h on addr with the timeouts
// above and a 64 KiB header limit; formwork serve uses it too.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}
