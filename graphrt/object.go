package graphrt

import (
	"errors"
	"reflect"
	"unsafe"
)

// Object is implemented by the pointer of every generated struct type.
// Generated types have no codec code but MarshalJSON and UnmarshalJSON
// over a table (a Struct). A table names a nested type by a nil pointer of
// it, (*T)(nil) as an Object, and reaches T's table through an interface
// call when it first needs it (see TableOf): that makes no static
// reference, so no initialisation cycle among types that nest each other,
// and costs no generic instantiation per type.
//
// The table is asked of UnmarshalJSON, not of a method of its own: every
// method of every type a program can reach stays in the binary with its
// symbol, line table and debug information, some 250 bytes per type even
// for a one-line method (226 KB of the v1.0 driveItem program).
type Object interface {
	UnmarshalJSON(b []byte) error
}

// tableQuery is the input with which TableOf asks a generated
// UnmarshalJSON for its table: empty, so no decoder reads it, and told
// apart from any other input by where it points.
var (
	tableQueryByte byte
	tableQuery     = unsafe.Slice(&tableQueryByte, 0)
)

// tableAnswer carries a table out of UnmarshalJSON, as its error.
type tableAnswer struct{ s *Struct }

func (tableAnswer) Error() string { return "graphrt: a codec table, not an error" }

// tableOfAny is TableOf of v if v is an Object, else nil.
func tableOfAny(v any) *Struct {
	o, _ := v.(Object)
	return TableOf(o)
}

// TableOf returns the table of v, a pointer (nil or not) to a generated
// struct type, or nil for any other Object. v's UnmarshalJSON is called
// with an empty input: a generated one answers without reading v, any
// other one should fail on it.
func TableOf(v Object) *Struct {
	if v == nil {
		return nil
	}
	if a, ok := v.UnmarshalJSON(tableQuery).(tableAnswer); ok {
		return a.s
	}
	return nil
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
	rv, t := reflect.ValueOf(v), TableOf(v)
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
	return decodeObjectAt(d, v, TableOf(v))
}

// decodeObjectAt is Decode with v's table, t, known.
func decodeObjectAt(d *Decoder, v any, t *Struct) error {
	rv := reflect.ValueOf(v)
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
// replacing what v held: the body of every generated UnmarshalJSON, v
// being a pointer to a generated struct and t its table (v is an any, not
// an Object, so that no static itab per type is needed). A top-level null leaves v unchanged, the convention
// encoding/json expects of UnmarshalJSON. Asked by TableOf, it returns t
// and leaves v alone (v may be nil then).
//
// Not inlined: inlined into every generated UnmarshalJSON it cost 79 KB
// in the v1.0 driveItem program, for one call saved per decode.
//
//go:noinline
func UnmarshalObject(b []byte, v any, t *Struct) error {
	if len(b) == 0 && unsafe.SliceData(b) == &tableQueryByte {
		return tableAnswer{t}
	}
	return unmarshal(b, v, t, nil)
}

// EncodeKind writes v, held in a slot declared with base, a nil pointer of
// the base type ((*T)(nil), named so rather than by its table so that no
// initialisation cycle can form): a value of a derived type gets its
// "@odata.type" (unless its AdditionalData carries one already). A nil v
// is null. base is an any, as Field.Type is, so that no static itab is
// needed for it.
func EncodeKind(e *Encoder, v Object, base any) {
	if v == nil {
		e.encNull()
		return
	}
	if t := TableOf(v); t != tableOfAny(base) && t.ODataType != "" {
		e.setTypeHint(t.ODataType)
	}
	Encode(e, v)
}
