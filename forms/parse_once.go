package forms

// A bound field's submitted data is read into a Go value (ToPython) when
// the form is cleaned and again when it is asked whether the data
// changed; Django parses it both times. A form parses each submitted
// string once: the bound field keeps what ToPython gave for it, so the
// second reading of a hostile number costs nothing.

// parsed is one ToPython result of a bound field's data.
type parsed struct {
	in  string
	out any
	err error
}

// toPython is bf's field's ToPython of v, read from bf's memory when v is
// the string it last parsed. ToPython is a pure function of its input
// (every field's is), so the result is the same.
func (bf *BoundField) toPython(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return bf.field.ToPython(v)
	}
	if p := bf.parsed; p != nil && p.in == s {
		return p.out, p.err
	}
	out, err := bf.field.ToPython(v)
	bf.parsed = &parsed{in: s, out: out, err: err}
	return out, err
}
