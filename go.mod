module github.com/graphdocgen/docgen

go 1.26.0

require (
	github.com/dave/jennifer v1.7.1
	github.com/yuin/goldmark v1.8.7
	golang.org/x/tools v0.52.0
)

require (
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
)

// The runtime is its own module (graphrt/); generated/ and the tests import
// it from this checkout. Users require a tagged graphrt version instead.
require github.com/graphdocgen/docgen/graphrt v0.0.0-00010101000000-000000000000

replace github.com/graphdocgen/docgen/graphrt => ./graphrt
