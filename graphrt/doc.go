// Package graphrt is the runtime imported by code that docgen generates from
// Microsoft Graph reference pages. It has no dependencies beyond the
// standard library and needs Go 1.22 or later.
//
// # Using generated types
//
// Decode a response with json.Unmarshal and encode a request body with
// json.Marshal; generated types implement both. Every documented property
// is an [Opt], which tells absent, null and a value apart (Graph's PATCH
// uses null to clear a property): build one with [Some] or [Null], read it
// with [Get], [Or], [IsNull] and [IsAbsent]. Properties the docs do not
// list, and instance annotations such as "@odata.etag", are kept in the
// type's AdditionalData, an [Extra], in the order they arrived, so that
// decoding and encoding again loses nothing. Control information
// ("@odata.context", "@odata.type", "@odata.etag", ...) is written before
// the properties, as OData JSON requires: a response whose properties
// arrive in documentation order re-encodes byte for byte.
//
// A property declared with a base type that has derived types holds a
// generated XKind interface, filled with the type "@odata.type" names. A
// collection response is a [Page]; a page of such a base type is read
// with [UnmarshalPage] and written with [MarshalPage], passing the
// generated DecodeXKind or EncodeXKind.
//
// A member whose value its documented type cannot hold (a string where
// the docs say Boolean, an integer out of range, a null inside a
// collection, a collection mixing numbers with numbers in string form)
// is no error: the property is left absent and the value is
// kept in AdditionalData under its name, so that a response that
// disagrees with the docs still decodes and encodes again unchanged.
// Decoding errors, for JSON that is not well formed or a document that is
// no object, are [*DecodeError] values that name the place in the document
// and the byte offset: "owner.displayName: invalid escape character 'q'
// in string (offset 27)".
//
// An Int64, Double or Single sent as a JSON string (OData's
// IEEE754Compatible=true form), alone or in a collection, is read exactly
// and written back as a string.
//
// # Wire types
//
// The OData primitives [DateTimeOffset], [Date], [TimeOfDay], [Duration],
// [Decimal], [Binary] and [GUID] keep the text they were sent, so that
// re-encoding gives it back exactly; methods parse it on demand, and the
// New functions format values the way Graph writes them.
//
// # For generated code
//
// [Struct], [Field], [FieldKind], [Poly], [Object], [TableOf], [MarshalStruct],
// [UnmarshalObject], [Decode], [Encode], [EncodeKind], [Decoder] and
// [Encoder] are what generated code calls; programs do not need them.
// Each generated type carries a static table, a [Struct] of member names,
// field offsets and wire kinds, which the runtime walks to encode and
// decode: a generated package holds data rather than code per field,
// which keeps it cheap to compile and small to link.
package graphrt
