package renderers

import "bytes"

// AttrSet is a short list of attributes gathered to be written once, as
// WriteAttrs writes a map, without building the map: widgets that render
// natively overlay their declared attributes with a bound field's (id,
// required, disabled) and an option's (checked, selected) in one. The
// zero value is empty; an AttrSet holds at most MaxAttrSet attributes, and
// Set and SetAll report false beyond that, when the caller must fall
// back to a map.
type AttrSet struct {
	n    int
	keys [MaxAttrSet]string
	vals [MaxAttrSet]any
	// strs holds the values set with SetString (vals[i] is nil then), so
	// that a string needs no boxing.
	strs  [MaxAttrSet]string
	isStr uint32 // bit i: the value of keys[i] is strs[i]
}

// MaxAttrSet is how many attributes an AttrSet holds.
const MaxAttrSet = 16

// Len returns the number of attributes in s.
func (s *AttrSet) Len() int { return s.n }

// Get returns the value of attribute k.
func (s *AttrSet) Get(k string) (any, bool) {
	for i := 0; i < s.n; i++ {
		if s.keys[i] == k {
			return s.val(i), true
		}
	}
	return nil, false
}

// GetString returns the value of attribute k without boxing it when it
// is a string set with SetString; isStr is false when k holds a value of
// another kind (read it with Get), ok false when s has no k.
func (s *AttrSet) GetString(k string) (v string, isStr, ok bool) {
	for i := 0; i < s.n; i++ {
		if s.keys[i] == k {
			if s.isStr&(1<<i) != 0 {
				return s.strs[i], true, true
			}
			return "", false, true
		}
	}
	return "", false, false
}

func (s *AttrSet) val(i int) any {
	if s.isStr&(1<<i) != 0 {
		return s.strs[i]
	}
	return s.vals[i]
}

// slot returns the index of attribute k, added when missing; -1 when s
// is full.
func (s *AttrSet) slot(k string) int {
	for i := 0; i < s.n; i++ {
		if s.keys[i] == k {
			return i
		}
	}
	if s.n == MaxAttrSet {
		return -1
	}
	s.keys[s.n] = k
	s.n++
	return s.n - 1
}

// Set adds attribute k, or replaces its value.
func (s *AttrSet) Set(k string, v any) bool {
	i := s.slot(k)
	if i < 0 {
		return false
	}
	s.vals[i], s.strs[i] = v, ""
	s.isStr &^= 1 << i
	return true
}

// SetString is Set for a string value, which it stores without boxing.
func (s *AttrSet) SetString(k, v string) bool {
	i := s.slot(k)
	if i < 0 {
		return false
	}
	s.vals[i], s.strs[i] = nil, v
	s.isStr |= 1 << i
	return true
}

// Reset empties s. The slots keep their old contents until set again
// (a pooled AttrSet holds on to at most MaxAttrSet values).
func (s *AttrSet) Reset() { s.n, s.isStr = 0, 0 }

// CopyFrom makes s a copy of o.
func (s *AttrSet) CopyFrom(o *AttrSet) {
	s.Reset()
	copy(s.keys[:o.n], o.keys[:o.n])
	copy(s.vals[:o.n], o.vals[:o.n])
	copy(s.strs[:o.n], o.strs[:o.n])
	s.n, s.isStr = o.n, o.isStr
}

// SetAll sets every attribute of a, as BuildAttrs overlays a map.
func (s *AttrSet) SetAll(a Attrs) bool {
	if len(a) == 0 {
		return true
	}
	for k, v := range a {
		if !s.Set(k, v) {
			return false
		}
	}
	return true
}

// Write writes the attributes as WriteAttrs writes the same map: sorted
// in print order, each with a leading space.
func (s *AttrSet) Write(b *bytes.Buffer) {
	s.sortForPrint()
	for i := 0; i < s.n; i++ {
		if s.isStr&(1<<i) != 0 {
			b.WriteByte(' ')
			EscapeTo(b, s.keys[i])
			b.WriteString(`="`)
			EscapeTo(b, s.strs[i])
			b.WriteByte('"')
			continue
		}
		writeAttr(b, s.keys[i], s.vals[i])
	}
}

// sortForPrint puts the attributes in the order templates print them.
func (s *AttrSet) sortForPrint() {
	// An insertion sort on (rank, name): attribute lists are short.
	var ranks [MaxAttrSet]int
	for i := 0; i < s.n; i++ {
		ranks[i] = rankOf(s.keys[i])
	}
	for i := 1; i < s.n; i++ {
		for j := i; j > 0; j-- {
			if ranks[j] > ranks[j-1] || ranks[j] == ranks[j-1] && s.keys[j] >= s.keys[j-1] {
				break
			}
			s.swap(j, j-1)
			ranks[j], ranks[j-1] = ranks[j-1], ranks[j]
		}
	}
}

func (s *AttrSet) swap(i, j int) {
	s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
	s.vals[i], s.vals[j] = s.vals[j], s.vals[i]
	s.strs[i], s.strs[j] = s.strs[j], s.strs[i]
	bi, bj := s.isStr>>i&1, s.isStr>>j&1
	s.isStr &^= 1<<i | 1<<j
	s.isStr |= bi<<j | bj<<i
}

// writeAttr writes one attribute as attrs.html does: a true boolean as
// its bare name, a false one not at all.
func writeAttr(b *bytes.Buffer, k string, v any) {
	if x, ok := v.(bool); ok {
		if x {
			b.WriteByte(' ')
			EscapeTo(b, k)
		}
		return
	}
	b.WriteByte(' ')
	EscapeTo(b, k)
	b.WriteString(`="`)
	writeValue(b, v)
	b.WriteByte('"')
}

// WriteValue writes v as a template prints {{ v }}: safe markup as it
// is, anything else escaped.
func WriteValue(b *bytes.Buffer, v any) { writeValue(b, v) }

// Attrs returns the attributes of s as a map.
func (s *AttrSet) Attrs() Attrs {
	a := make(Attrs, s.n)
	for i := 0; i < s.n; i++ {
		a[s.keys[i]] = s.val(i)
	}
	return a
}

// Merge sets every attribute of o, as SetAll sets a map's.
func (s *AttrSet) Merge(o *AttrSet) bool {
	for i := 0; i < o.n; i++ {
		ok := false
		if o.isStr&(1<<i) != 0 {
			ok = s.SetString(o.keys[i], o.strs[i])
		} else {
			ok = s.Set(o.keys[i], o.vals[i])
		}
		if !ok {
			return false
		}
	}
	return true
}

// rankOf is attrRank[k], 25 for an attribute it does not list: a switch,
// cheaper than the map lookup on this hot path (TestRankOf keeps the two
// equal).
func rankOf(k string) int {
	switch k {
	case "type":
		return 1
	case "name":
		return 2
	case "value":
		return 3
	case "class":
		return 4
	case "cols":
		return 5
	case "rows":
		return 6
	case "maxlength":
		return 7
	case "minlength":
		return 8
	case "min":
		return 9
	case "max":
		return 10
	case "step":
		return 11
	case "placeholder":
		return 12
	case "autocomplete":
		return 13
	case "pattern":
		return 14
	case "size":
		return 15
	case "multiple":
		return 20
	case "checked":
		return 21
	case "selected":
		return 22
	case "required":
		return 30
	case "aria-describedby":
		return 31
	case "aria-invalid":
		return 32
	case "autofocus":
		return 33
	case "disabled":
		return 34
	case "readonly":
		return 35
	case "id":
		return 40
	case "lang":
		return 41
	}
	return 25
}
