module github.com/graphdocgen/docgen/graphrt

// The oldest Go the runtime builds and passes its tests with (it uses
// range over int, reflect.TypeFor and base64's AppendEncode, all 1.22);
// .ci/run checks it with that toolchain.
go 1.22
