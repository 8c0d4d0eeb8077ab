package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config is one load run: Requests in all, sent by Concurrency clients,
// split into Rounds so that the heap can be compared between rounds.
type Config struct {
	Requests, Concurrency, Rounds int
	// Timeout bounds the whole run; requests not sent by then count as
	// not sent, and the run reports an error.
	Timeout time.Duration
}

// Round is what one round measured.
type Round struct {
	Requests int
	Errors   int
	Elapsed  time.Duration
	P50, P99 time.Duration
	// HeapAlloc is the live heap after the round and a forced GC.
	HeapAlloc uint64
}

// Report is what a run measured.
type Report struct {
	Rounds []Round
	// FirstErrors holds a few error descriptions, for the log.
	FirstErrors []string
}

// Totals sums the rounds: requests, errors, requests per second and the
// worst round's p99 latency.
func (r *Report) Totals() (requests, errs int, rps float64, p99 time.Duration) {
	var elapsed time.Duration
	for _, rd := range r.Rounds {
		requests += rd.Requests
		errs += rd.Errors
		elapsed += rd.Elapsed
		p99 = max(p99, rd.P99)
	}
	if elapsed > 0 {
		rps = float64(requests) / elapsed.Seconds()
	}
	return requests, errs, rps, p99
}

// HeapGrowth is the live heap after the last round less the live heap
// after the first: what the server kept from the rounds in between.
func (r *Report) HeapGrowth() int64 {
	if len(r.Rounds) < 2 {
		return 0
	}
	return int64(r.Rounds[len(r.Rounds)-1].HeapAlloc) - int64(r.Rounds[0].HeapAlloc)
}

// request is one kind of request of the mix, and what its answer must
// contain.
type request struct {
	method, path string
	form         func(i int) url.Values
	contains     string
}

// mix is the request mix over the example application (package
// exampleapp): its pages, valid and invalid submissions of the contact
// form and of the order formset, a formset posted without its management
// form, and edits of the edit-only book formset, one of which sneaks in a
// new row that must be ignored.
var mix = []request{
	{"GET", "/contact", nil, `name="email"`},
	{"POST", "/contact", func(i int) url.Values {
		return url.Values{"name": {"user " + strconv.Itoa(i)}, "email": {fmt.Sprintf("u%d@example.com", i)}, "topic": {"q"}, "message": {"hello"}}
	}, "Thank you, user "},
	{"POST", "/contact", func(i int) url.Values {
		return url.Values{"name": {"<b>" + strconv.Itoa(i)}, "email": {"not an address"}, "topic": {"x"}, "message": {""}}
	}, "Enter a valid email address."},
	{"GET", "/order", nil, "form-TOTAL_FORMS"},
	{"POST", "/order", func(i int) url.Values {
		return url.Values{"form-TOTAL_FORMS": {"2"}, "form-INITIAL_FORMS": {"0"}, "form-0-item": {"p" + strconv.Itoa(i)}, "form-0-quantity": {"3"}, "form-1-item": {""}, "form-1-quantity": {""}}
	}, "Ordered 3 items."},
	{"POST", "/order", func(i int) url.Values {
		return url.Values{"form-TOTAL_FORMS": {"1"}, "form-INITIAL_FORMS": {"0"}, "form-0-item": {"p"}, "form-0-quantity": {"many"}}
	}, "Enter a whole number."},
	{"POST", "/order", func(i int) url.Values { return url.Values{"form-0-item": {"p"}} }, "(Hidden field TOTAL_FORMS) This field is required."},
	{"GET", "/books", nil, `name="form-0-title"`},
	{"POST", "/books", func(i int) url.Values {
		return url.Values{"form-TOTAL_FORMS": {"3"}, "form-INITIAL_FORMS": {"2"},
			"form-0-id": {"1"}, "form-0-title": {"Dune"}, "form-0-price": {fmt.Sprintf("%d.99", i%100)},
			"form-1-id": {"2"}, "form-1-title": {"Emma"}, "form-1-price": {"4.50"},
			"form-2-id": {""}, "form-2-title": {"Sneaked in"}, "form-2-price": {"1.00"}}
	}, "Saved: "},
}

// Run fires cfg.Requests requests of the mix at baseURL and measures
// each round. It stops by itself: after the requests, or at the timeout.
// The live heap is read after each round and a forced GC: it measures the
// server when the server runs in this process, as the command's does.
func Run(ctx context.Context, client *http.Client, baseURL string, cfg Config) (*Report, error) {
	if cfg.Requests <= 0 || cfg.Concurrency <= 0 || cfg.Rounds <= 0 {
		return nil, errors.New("loadtest: requests, concurrency and rounds must be positive")
	}
	if cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.Timeout)
		defer cancel()
	}
	rep := &Report{}
	var errMu sync.Mutex
	next := 0
	for round := 0; round < cfg.Rounds; round++ {
		n := cfg.Requests / cfg.Rounds
		if round < cfg.Requests%cfg.Rounds {
			n++
		}
		jobs := make(chan int)
		lat := make([]time.Duration, n)
		var nerr atomic.Int64
		var wg sync.WaitGroup
		start := time.Now()
		for w := 0; w < cfg.Concurrency; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					i := next + j
					t0 := time.Now()
					err := do(ctx, client, baseURL, mix[i%len(mix)], i)
					lat[j] = time.Since(t0)
					if err != nil {
						nerr.Add(1)
						errMu.Lock()
						if len(rep.FirstErrors) < 5 {
							rep.FirstErrors = append(rep.FirstErrors, err.Error())
						}
						errMu.Unlock()
					}
				}
			}()
		}
		sent := 0
	send:
		for j := 0; j < n; j++ {
			select {
			case jobs <- j:
				sent++
			case <-ctx.Done():
				break send
			}
		}
		close(jobs)
		wg.Wait()
		elapsed := time.Since(start)
		next += n
		lat = lat[:sent]
		slices.Sort(lat)
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		rep.Rounds = append(rep.Rounds, Round{
			Requests: sent, Errors: int(nerr.Load()) + (n - sent), Elapsed: elapsed,
			P50: percentile(lat, 50), P99: percentile(lat, 99), HeapAlloc: ms.HeapAlloc,
		})
		if ctx.Err() != nil {
			return rep, fmt.Errorf("loadtest: stopped in round %d: %w", round+1, ctx.Err())
		}
	}
	return rep, nil
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

// do sends request i of kind rq and checks the answer.
func do(ctx context.Context, client *http.Client, baseURL string, rq request, i int) error {
	var body io.Reader
	if rq.form != nil {
		body = strings.NewReader(rq.form(i).Encode())
	}
	req, err := http.NewRequestWithContext(ctx, rq.method, baseURL+rq.path, body)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return fmt.Errorf("%s %s #%d: reading the body: %w", rq.method, rq.path, i, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s #%d: status %d: %.200s", rq.method, rq.path, i, resp.StatusCode, b)
	}
	if strings.Contains(string(b), "Sneaked in") {
		return fmt.Errorf("%s %s #%d: the edit-only formset created a row", rq.method, rq.path, i)
	}
	if !strings.Contains(string(b), rq.contains) {
		return fmt.Errorf("%s %s #%d: body lacks %q", rq.method, rq.path, i, rq.contains)
	}
	return nil
}
