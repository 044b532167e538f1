// Package generated holds docgen's checked-in output for the fixtures in
// testdata/pages: en from the English page, es from its localized copy with
// doc comments in Spanish. The drift check in .ci/run regenerates both.
package generated

//go:generate go run ../cmd/docgen -out en -pkg en ../testdata/pages/en
//go:generate go run ../cmd/docgen -out es -pkg es -localized ../testdata/pages/es-ES
