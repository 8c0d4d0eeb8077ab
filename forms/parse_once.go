package forms

// A bound field's submitted data is read into a Go value (ToPython) when
// the form is cleaned and again when it is asked whether the data
// changed; Django parses it both times. A form parses each submitted
// string once: the bound field keeps what ToPython gave for it, so the
// second reading of a hostile number costs nothing.

// parsed is one ToPython result of a bound field's data.
type parsed struct {
	in   string
	out  any
	err  error
	done bool // whether in was parsed
}

// parser returns field's ToPython (bf's field, or its copy with the
// form's localized formats), read from bf's memory when v is the string it
// last parsed. ToPython is a pure function of its input (every field's
// is) and a form's formats do not change, so the result is the same.
func (bf *BoundField) parser(field Field) func(any) (any, error) {
	return func(v any) (any, error) {
		s, ok := v.(string)
		if !ok {
			return field.ToPython(v)
		}
		if p := &bf.parsed; p.done && p.in == s {
			return p.out, p.err
		}
		out, err := field.ToPython(v)
		bf.parsed = parsed{in: s, out: out, err: err, done: true}
		return out, err
	}
}
