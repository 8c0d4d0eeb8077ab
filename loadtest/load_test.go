package main

import (
	"bytes"
	"context"
	"github.com/formwork/formwork/examples/exampleapp"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestSmallLoad runs a small version of the load: 2,000 mixed requests
// from 32 clients in 4 rounds. Every answer must be right (status, valid
// or not, the expected text) and the live heap must not grow by more than
// 8 MiB from the first round to the last. Durations are reported, never
// asserted.
func TestSmallLoad(t *testing.T) {
	a, err := exampleapp.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(a)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 32}}
	defer client.CloseIdleConnections()

	cfg := Config{Requests: 2000, Concurrency: 32, Rounds: 4, Timeout: 5 * time.Minute}
	rep, err := Run(context.Background(), client, srv.URL, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	writeReport(&buf, cfg, rep)
	t.Log("\n" + buf.String())
	requests, errs, _, _ := rep.Totals()
	if requests != cfg.Requests || errs != 0 {
		t.Fatalf("%d of %d requests sent, %d failed: %v", requests, cfg.Requests, errs, rep.FirstErrors)
	}
	if g := rep.HeapGrowth(); g > 8<<20 {
		t.Errorf("live heap grew by %d bytes across the rounds", g)
	}
}

// TestRunStopsAtTimeout checks that a run bounded by a timeout stops and
// reports the requests it did not send as errors.
func TestRunStopsAtTimeout(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	rep, err := Run(context.Background(), srv.Client(), srv.URL, Config{Requests: 100, Concurrency: 4, Rounds: 2, Timeout: 50 * time.Millisecond})
	if err == nil {
		t.Fatal("Run returned no error at its timeout")
	}
	if _, errs, _, _ := rep.Totals(); errs == 0 {
		t.Fatal("a run stopped by its timeout reports no errors")
	}
}

func TestRunRejectsEmptyConfig(t *testing.T) {
	if _, err := Run(context.Background(), http.DefaultClient, "http://127.0.0.1:1", Config{}); err == nil {
		t.Fatal("Run accepted a config with no requests")
	}
}
