module github.com/graphdocgen/docgen

go 1.26.0

require (
	github.com/dave/jennifer v1.7.1
	github.com/yuin/goldmark v1.8.7
	golang.org/x/tools v0.52.0
)

// The runtime is its own module (graphrt/, tagged graphrt/vX.Y.Z);
// generated/ and the tests import it. The requirement names the release
// tag, so that modules depending on docgen (go get -tool) resolve it; the
// replace, which only this module sees, builds against this checkout.
require github.com/graphdocgen/docgen/graphrt v0.1.0

replace github.com/graphdocgen/docgen/graphrt => ./graphrt
