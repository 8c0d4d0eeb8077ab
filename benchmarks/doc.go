// Package benchmarks measures rendering: for each workload of
// testdata/cases, one bind, validation and render of its first output
// (BenchmarkRender), against a hand-written floor producing the same bytes
// with no template engine (BenchmarkFloor). compare.py sets the numbers
// beside the reference Django's.
package benchmarks
