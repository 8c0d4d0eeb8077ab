package renderers

//go:generate go run ../internal/tmplgen -templates ../templates -out builtin_gen.go
