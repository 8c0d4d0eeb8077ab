// Command loadtest puts formwork under load: it serves a contact form and
// a formset of order lines, declared once and rendered by both template
// engines, on a loopback test server in this process, and fires a bounded
// number of GET and POST requests at it in rounds. It reports requests per
// second, latency percentiles, errors (which must be 0) and how much the
// live heap grew between the first round and the last (which must stay
// under -maxgrowth).
//
//	go run ./loadtest -n 20000 -c 32 -rounds 5
//
// It sends traffic only to its own loopback server, and stops by itself
// after -n requests or -timeout.
package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/formwork/formwork/examples/exampleapp"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"time"
)

func main() {
	n := flag.Int("n", 20000, "requests in all")
	c := flag.Int("c", 32, "concurrent clients")
	rounds := flag.Int("rounds", 5, "rounds (the heap is compared between the first and the last)")
	timeout := flag.Duration("timeout", 0, "stop after this long (0: 10 minutes)")
	maxGrowth := flag.Int64("maxgrowth", 8<<20, "most live-heap growth in bytes allowed between the first round and the last")
	flag.Parse()
	if err := run(os.Stdout, Config{Requests: *n, Concurrency: *c, Rounds: *rounds, Timeout: *timeout}, *maxGrowth); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// run serves the app, loads it and writes the report to w; it fails when
// a request failed or the heap grew past maxGrowth.
func run(w io.Writer, cfg Config, maxGrowth int64) error {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Minute
	}
	a, err := exampleapp.New(context.Background())
	if err != nil {
		return err
	}
	defer a.Close()
	srv := httptest.NewServer(a) // loopback only
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: cfg.Concurrency, MaxIdleConnsPerHost: cfg.Concurrency}}
	defer client.CloseIdleConnections()
	rep, err := Run(context.Background(), client, srv.URL, cfg)
	if rep != nil {
		writeReport(w, cfg, rep)
	}
	if err != nil {
		return err
	}
	if _, errs, _, _ := rep.Totals(); errs != 0 {
		return fmt.Errorf("%d requests failed; first: %v", errs, rep.FirstErrors)
	}
	if g := rep.HeapGrowth(); g > maxGrowth {
		return fmt.Errorf("live heap grew by %d bytes between the first and the last round (limit %d)", g, maxGrowth)
	}
	return nil
}

func writeReport(w io.Writer, cfg Config, rep *Report) {
	fmt.Fprintf(w, "%d requests, concurrency %d, %d rounds\n", cfg.Requests, cfg.Concurrency, cfg.Rounds)
	for i, r := range rep.Rounds {
		fmt.Fprintf(w, "round %d: %d requests, %d errors, %.0f req/s, p50 %v, p99 %v, live heap %.1f MiB\n",
			i+1, r.Requests, r.Errors, float64(r.Requests)/r.Elapsed.Seconds(), r.P50, r.P99, float64(r.HeapAlloc)/(1<<20))
	}
	requests, errs, rps, p99 := rep.Totals()
	fmt.Fprintf(w, "total: %d requests, %d errors, %.0f req/s, worst p99 %v, heap growth %+.2f MiB\n",
		requests, errs, rps, p99, float64(rep.HeapGrowth())/(1<<20))
	for _, e := range rep.FirstErrors {
		fmt.Fprintln(w, "error:", e)
	}
}
