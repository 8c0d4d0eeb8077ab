package a11y

import "context"

// Checkers returns the checkers Check runs: axe-core, including the
// results it could not decide (Impact "needs-review": that is how axe
// reports duplicate ids and an aria-describedby pointing at a missing id),
// and the Nu Html Checker's errors.  A correctly rendered, accessible form
// page gets no violation from either.
func Checkers() []Checker {
	return []Checker{Axe{NeedsReview: true}, VNU{}}
}

// Check runs every checker of Checkers over pages, concurrently, and
// returns the violations ordered by page (in the order of pages), checker,
// rule and target, together with their Summary.  Each page must have a
// unique, non-empty Name and a complete HTML document (see FullPage).
//
// When a checker fails on some pages, the violations found on the others
// are still returned; the error names the checker and the pages.  When
// tools are missing the error matches ErrToolsMissing; call RequireTools
// first in tests.
func Check(ctx context.Context, pages []Page) (Summary, []Violation, error) {
	vs, err := All(Checkers()...).Check(ctx, pages)
	s := Summarize(vs)
	s.Pages = len(pages)
	return s, vs, err
}
