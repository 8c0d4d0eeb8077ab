package djangoengine

import (
	"strconv"
	"strings"

	"github.com/flosch/pongo2/v6"
)

func init() { must(pongo2.ReplaceFilter("slice", filterSlice)) }

// filterSlice is Django's slice: value[slice(*bits)] of the argument's
// colon-separated bits ("1:", ":-1", "::2", "2" for the first two), on a
// string by character or on a list; the value as it is where Python
// raises (a bit that is no integer, a step of 0, a value that is neither).
func filterSlice(in, param *pongo2.Value) (*pongo2.Value, *pongo2.Error) {
	bits := strings.Split(param.String(), ":")
	if len(bits) > 3 {
		return in, nil
	}
	var idx [3]*int
	for i, b := range bits {
		if b == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(b))
		if err != nil {
			return in, nil
		}
		idx[i] = &n
	}
	if len(bits) == 1 {
		// slice(stop): Python's one-argument slice is [:stop].
		idx[0], idx[1] = nil, idx[0]
	}
	if s, ok := pyString(raw(in)); ok {
		runes := []rune(s)
		picked, ok := pySlice(len(runes), idx)
		if !ok {
			return in, nil
		}
		out := make([]rune, len(picked))
		for i, j := range picked {
			out[i] = runes[j]
		}
		return pongo2.AsValue(string(out)), nil
	}
	if items, ok := pySequence(raw(in)); ok {
		picked, ok := pySlice(len(items), idx)
		if !ok {
			return in, nil
		}
		out := make(pyList, len(picked))
		for i, j := range picked {
			out[i] = items[j]
		}
		return pongo2.AsValue(out), nil
	}
	if items, ok := objectItems(in); ok {
		picked, ok := pySlice(len(items), idx)
		if !ok {
			return in, nil
		}
		out := make(pyList, len(picked))
		for i, j := range picked {
			out[i] = items[j]
		}
		return pongo2.AsValue(out), nil
	}
	return in, nil
}

// pySlice is the indexes slice(start, stop, step).indices(n) visits; ok
// is false for a step of 0, where Python raises.
func pySlice(n int, idx [3]*int) ([]int, bool) {
	step := 1
	if idx[2] != nil {
		step = *idx[2]
	}
	if step == 0 {
		return nil, false
	}
	clamp := func(p *int, def, lo, hi int) int {
		if p == nil {
			return def
		}
		v := *p
		if v < 0 {
			v += n
		}
		return min(max(v, lo), hi)
	}
	var start, stop int
	if step > 0 {
		start, stop = clamp(idx[0], 0, 0, n), clamp(idx[1], n, 0, n)
	} else {
		start, stop = clamp(idx[0], n-1, -1, n-1), clamp(idx[1], -1, -1, n-1)
	}
	var out []int
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		out = append(out, i)
	}
	return out, true
}
