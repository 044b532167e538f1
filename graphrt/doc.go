// Package graphrt is the runtime imported by code that docgen generates from
// Microsoft Graph resource docs.
//
// Generated types keep every property they decode: documented properties go
// into [Opt] fields, which distinguish absent, null and a value (PATCH uses
// null to clear a property), and everything else goes into an [Extra] in
// arrival order, so decode followed by encode loses nothing.
//
// The JSON codec is hand-rolled rather than reflection based, and table
// driven: each generated type carries a static [Struct] (member names,
// field offsets, wire kinds) that [encodeStruct] and [decodeStruct] walk,
// so a generated package holds data rather than code per field, which
// keeps it cheap to compile and small to link. [Encoder] appends to a byte
// slice and places commas itself, with pre-quoted keys and the buffer kept
// in a local variable. [Decoder] is a strict RFC 8259 tokenizer over a byte
// slice that looks keys up without allocating, and can look ahead for an
// object's "@odata.type" ([Decoder.ODataType]) so that a slot declared
// with a base type decodes into the derived type the value names.
//
// [Page] is a collection response of any generated type; the OData wire
// types ([DateTimeOffset], [Date], [TimeOfDay], [Duration], [Decimal],
// [Binary], [GUID]) follow Graph's formats and keep the text they were sent.
package graphrt
