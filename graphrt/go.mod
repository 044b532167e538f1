module github.com/graphdocgen/docgen/graphrt

go 1.24
