package graphrt

import (
	"errors"
	"reflect"
	"unsafe"
)

// Object is implemented by the pointer of every generated struct type.
// CodecTable returns the table the codecs walk; generated types have no
// other codec code. A table names a nested type by a nil pointer of it,
// (*T)(nil) as an Object, and reaches T's table through this method when
// it first needs it: an interface call, which makes no static reference
// (so no initialisation cycle among types that nest each other) and costs
// no generic instantiation per type.
type Object interface {
	CodecTable() *Struct
}

var (
	errNilObject = errors.New("graphrt: decoding into a nil pointer")
	errNoTable   = errors.New("graphrt: the Object is not a pointer to a generated struct")
)

// Encode writes v as one JSON object; a nil v, or a nil pointer in it, is
// null.
func Encode(e *Encoder, v Object) {
	if v == nil {
		e.encNull()
		return
	}
	rv, t := reflect.ValueOf(v), v.CodecTable()
	if rv.Kind() != reflect.Pointer || t == nil {
		e.fail(errNoTable)
		e.encNull()
		return
	}
	encodeStruct(e, rv.UnsafePointer(), t)
}

// Decode reads one JSON object into v, replacing what v held.
func Decode(d *Decoder, v Object) error {
	if v == nil {
		return errNilObject
	}
	rv, t := reflect.ValueOf(v), v.CodecTable()
	switch {
	case rv.Kind() != reflect.Pointer || t == nil:
		return errNoTable
	case rv.IsNil():
		return errNilObject
	}
	rv.Elem().SetZero() // typed: pointers are cleared with write barriers
	return decodeStruct(d, rv.UnsafePointer(), t)
}

// MarshalStruct encodes the generated value at x, described by s: the
// body of every generated MarshalJSON.
func MarshalStruct(x unsafe.Pointer, s *Struct) ([]byte, error) {
	e := acquireEncoder()
	encodeStruct(e, x, s)
	return releaseEncoder(e)
}

// UnmarshalObject decodes b, which must hold exactly one value, into v,
// replacing what v held: the body of every generated UnmarshalJSON. A
// top-level null leaves v unchanged, the convention encoding/json expects
// of UnmarshalJSON.
func UnmarshalObject(b []byte, v Object) error { return unmarshal(b, v, nil) }

// EncodeKind writes v, held in a slot declared with base, a nil pointer of
// the base type ((*T)(nil), named so rather than by its table so that no
// initialisation cycle can form): a value of a derived type gets its
// "@odata.type" (unless its AdditionalData carries one already). A nil v
// is null.
func EncodeKind(e *Encoder, v, base Object) {
	if v == nil {
		e.encNull()
		return
	}
	if t := v.CodecTable(); t != base.CodecTable() && t.ODataType != "" {
		e.setTypeHint(t.ODataType)
	}
	Encode(e, v)
}
