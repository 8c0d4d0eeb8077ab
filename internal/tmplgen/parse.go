package main

import "github.com/formwork/formwork/internal/tmplparse"

// The generator compiles the tree internal/tmplparse makes of a
// template; these are its names for the tree's nodes.
type (
	node          = tmplparse.Node
	textNode      = tmplparse.Text
	varNode       = tmplparse.Var
	ifNode        = tmplparse.If
	forNode       = tmplparse.For
	withNode      = tmplparse.With
	includeNode   = tmplparse.Include
	spacelessNode = tmplparse.Spaceless
	// formwork's tags of the accessible templates.
	translateNode = tmplparse.Translate
	langAttrsNode = tmplparse.LangAttrs
)

func parse(file, src string) ([]node, error) { return tmplparse.Parse(file, src) }
