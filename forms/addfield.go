package forms

// AddField gives this form alone one more field, after its declared
// fields, or replaces the field of that name in place: what Django's
// form.fields[name] = field does. Formsets use it to add their ORDER and
// DELETE fields, model formsets their primary key field. Call it before
// the form is cleaned or rendered; it forgets any errors and changed data
// already computed.
func (f *Form) AddField(name string, field Field) {
	prepare(field)
	bf := newBoundField(f, field, name)
	if old := f.Field(name); old != nil {
		for i, b := range f.fields {
			if b == old {
				f.fields[i] = bf
			}
		}
	} else {
		f.fields = append(f.fields, bf)
	}
	if f.byName != nil {
		f.byName[name] = bf
	}
	f.errors = nil
	f.cleaned = nil
	f.didDiff = false
	f.changed = nil
}
