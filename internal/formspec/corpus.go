package formspec

import (
	"fmt"
	"path/filepath"
)

// CorpusDirs are the corpus's case directories below the project's
// testdata: the reference's cases and formwork's own.
var CorpusDirs = []string{"cases", "cases-extra"}

// CorpusPaths returns the case files of every corpus directory below
// testdata (the project's testdata directory, as a test reaches it), in
// order; an empty or missing directory is an error, so that a sweep over
// the corpus never passes by finding nothing.
func CorpusPaths(testdata string) ([]string, error) {
	var paths []string
	for _, dir := range CorpusDirs {
		dir = filepath.Join(testdata, dir)
		p, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil || len(p) == 0 {
			return nil, fmt.Errorf("no cases in %s (%v)", dir, err)
		}
		paths = append(paths, p...)
	}
	return paths, nil
}
