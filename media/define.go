package media

// Definition is a class's inner "class Media" in Django: its own
// stylesheets and scripts and how it extends the media of its parent
// (see Inherit).
type Definition struct {
	CSS    []MediumAssets
	JS     []Asset
	Extend Extend
}

// Extend is the "extend" attribute of a Media definition. The zero value
// is Django's default, extend = True.
type Extend struct {
	none  bool
	only  bool
	types []string
}

// ExtendAll is extend = True (the default): the parent's media, then the
// definition's own.
var ExtendAll = Extend{}

// ExtendNone is extend = False: the definition's own media only.
var ExtendNone = Extend{none: true}

// ExtendOnly is extend = ("css",) and the like: the parent's media of the
// given types ("css", "js"), then the definition's own. With no types it
// is the same as ExtendNone, as an empty tuple is false in Python.
func ExtendOnly(types ...string) Extend {
	return Extend{only: true, types: append([]string(nil), types...)}
}

// Media returns the definition's own media, Django's Media(definition).
func (d Definition) Media() Media { return New(d.CSS, d.JS) }

// Inherit returns the media of a class whose parent has media base and
// whose own Media definition is def (nil when the class defines none):
// Django's media_property. The error is Subset's, for an unknown type in
// ExtendOnly.
func Inherit(base Media, def *Definition) (Media, error) {
	if def == nil {
		return base, nil
	}
	e := def.Extend
	switch {
	case e.none || e.only && len(e.types) == 0:
		return def.Media(), nil
	case e.only:
		var m Media
		for _, t := range e.types {
			s, err := base.Subset(t)
			if err != nil {
				return Media{}, err
			}
			m = m.Add(s)
		}
		return m.Add(def.Media()), nil
	}
	return base.Add(def.Media()), nil
}
