// Package generated holds docgen's checked-in output for the fixtures in
// testdata/pages: en from the English page, es from its localized copy with
// doc comments in Spanish. The drift check in .ci/run regenerates both.
//
// shapes is generated from our own pages in generated/testdata/shapes, which
// give a few v1.0 resources (user and its parts, the other directory objects,
// identitySet) their documented property names and types with descriptions
// of our own: the codec benchmarks, fuzz targets and polymorphism tests run
// on it.
package generated

//go:generate go run ../cmd/docgen -out en -pkg en ../testdata/pages/en
//go:generate go run ../cmd/docgen -out es -pkg es -localized ../testdata/pages/es-ES
//go:generate go run ../cmd/docgen -out shapes -pkg shapes testdata/shapes
