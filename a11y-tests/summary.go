package a11y

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
)

// Summary counts violations per checker, per rule and per page.  Rule keys
// are "checker/rule" (see RuleKey): "axe/label", "vnu/Duplicate ID “…”.".
// The zero value is an empty summary; its String method prints a stable
// report.
type Summary struct {
	Pages      int                       // pages checked; 0 when not known
	Total      int                       // violations
	ByChecker  map[string]int            // checker ("axe", "vnu") -> count
	ByRule     map[string]int            // rule key -> count
	ByPage     map[string]int            // page name -> count
	ByPageRule map[string]map[string]int // page name -> rule key -> count
}

// Summarize counts violations per checker, rule and page.  Pages is left
// 0: only the caller knows how many pages had no violation.
func Summarize(vs []Violation) Summary {
	s := Summary{
		Total:      len(vs),
		ByChecker:  map[string]int{},
		ByRule:     map[string]int{},
		ByPage:     map[string]int{},
		ByPageRule: map[string]map[string]int{},
	}
	for _, v := range vs {
		k := RuleKey(v)
		s.ByChecker[v.Checker]++
		s.ByRule[k]++
		s.ByPage[v.Page]++
		m := s.ByPageRule[v.Page]
		if m == nil {
			m = map[string]int{}
			s.ByPageRule[v.Page] = m
		}
		m[k]++
	}
	return s
}

// RuleKey is the key of v's rule in a Summary: "checker/rule".
func RuleKey(v Violation) string { return v.Checker + "/" + v.Rule }

// Rules returns the rule keys, most frequent first, ties by name.
func (s Summary) Rules() []string { return sortedKeys(s.ByRule) }

// Checkers returns the checkers with violations, most first, ties by name.
func (s Summary) Checkers() []string { return sortedKeys(s.ByChecker) }

// FailedPages returns the names of the pages with violations, most
// violations first, ties by name.
func (s Summary) FailedPages() []string { return sortedKeys(s.ByPage) }

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// String prints a headline, the count per checker, and two tables: per
// rule (with the number of pages the rule fails on) and per page (with the
// page's rules), all in a stable order.
func (s Summary) String() string {
	var b strings.Builder
	if s.Pages > 0 {
		fmt.Fprintf(&b, "%d pages checked, %d with violations; ", s.Pages, len(s.ByPage))
	}
	if s.Total == 0 {
		b.WriteString("no violations\n")
		return b.String()
	}
	fmt.Fprintf(&b, "%d violations of %d rules", s.Total, len(s.ByRule))
	for _, c := range s.Checkers() {
		fmt.Fprintf(&b, "; %s %d", c, s.ByChecker[c])
	}
	b.WriteString("\n\n")

	pagesPerRule := map[string]int{}
	for _, rules := range s.ByPageRule {
		for k := range rules {
			pagesPerRule[k]++
		}
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "COUNT\tPAGES\tRULE\n")
	for _, k := range s.Rules() {
		fmt.Fprintf(tw, "%5d\t%5d\t%s\n", s.ByRule[k], pagesPerRule[k], k)
	}
	tw.Flush()
	b.WriteByte('\n')
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "COUNT\tPAGE\tRULES\n")
	for _, p := range s.FailedPages() {
		rules := sortedKeys(s.ByPageRule[p])
		parts := make([]string, len(rules))
		for i, k := range rules {
			parts[i] = fmt.Sprintf("%s ×%d", k, s.ByPageRule[p][k])
		}
		fmt.Fprintf(tw, "%5d\t%s\t%s\n", s.ByPage[p], p, strings.Join(parts, "; "))
	}
	tw.Flush()
	return b.String()
}
