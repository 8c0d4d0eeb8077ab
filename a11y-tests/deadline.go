package a11y

import "time"

// Deadlines of a run, scaled with its number of pages so that a corpus
// that grows, or a machine that is busy, does not turn a fixed deadline
// into a failure: a fixed start-up allowance (starting Chromium and the
// Java checker) and a per-page one far above what a page takes (tens of
// milliseconds idle, about a second on a loaded 2-CPU machine). They
// stop a run that hangs; how fast a run is, benchmarks measure.
const (
	StartupAllowance = 2 * time.Minute
	PageAllowance    = 3 * time.Second
)

// Deadline is how long checking pages pages with every checker may take.
func Deadline(pages int) time.Duration {
	return StartupAllowance + time.Duration(pages)*PageAllowance
}
