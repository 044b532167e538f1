// Package graphrt is the runtime imported by code that docgen generates from
// Microsoft Graph resource docs.
//
// Generated types keep every property they decode: documented properties go
// into [Opt] fields, which distinguish absent, null and a value (PATCH uses
// null to clear a property), and everything else goes verbatim into an
// [Extra] in arrival order, so decode followed by encode loses nothing.
//
// The JSON codec is hand-rolled rather than reflection based: [Encoder]
// appends to a byte slice and places commas itself, and [Decoder] is a strict
// RFC 8259 tokenizer over a byte slice that hands object keys to generated
// switch statements without allocating.
package graphrt
