// Package specreg builds formwork values from the JSON of the case format
// (../shared/formspec/SPEC.md): validators by their Django name, widgets
// by their Django type, and models and rows for the orm package. It is
// the case-format harness's registry; the library packages do not import
// it, and a Go program declares the same things with the library's types.
package specreg
