// An application module that generates Graph types with docgen and
// decodes responses with them. It is a test of docgen used from another
// module (cmd/docgen/example_test.go): the replace directives point at
// this checkout. Your own go.mod has no replace: `go get -tool
// github.com/graphdocgen/docgen/cmd/docgen@VERSION` adds the tool line,
// and the generated code's import adds the runtime module.
module example.com/quickstart

go 1.26.0

tool github.com/graphdocgen/docgen/cmd/docgen

require github.com/graphdocgen/docgen/graphrt v0.1.0

require (
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/graphdocgen/docgen v0.0.0-00010101000000-000000000000 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
)

replace (
	github.com/graphdocgen/docgen => ../..
	github.com/graphdocgen/docgen/graphrt => ../../graphrt
)
