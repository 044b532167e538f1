package graphrt

import (
	"encoding/json"
	"math"
	"strconv"
	"unsafe"
)

// The helpers below encode and decode one Opt field each, typed: the table
// walk (table.go) dispatches a field to one by its kind, and hand-written
// codecs (Page) call them directly.
//
// The put helpers write a member to b, the buffer beginObject returned,
// and return it: the buffer stays in a local variable of the walk instead
// of being stored into the Encoder (a heap object, so every store would
// pay a GC write barrier) after every member. key is the member name in
// quotedKey form; nothing is written when o is absent.

// member starts a member: the separator and the key. It returns false,
// having written null, when the value is null.
func member(b []byte, key string, null bool) ([]byte, bool) {
	b = append(sep(b), key...)
	if null {
		return append(b, "null"...), false
	}
	return b, true
}

// Each put helper tests Set itself and leaves the rest to an
// out-of-line function, so that it is small enough to be inlined: a
// property that is absent, as most are, costs a test and no call.

// putString writes a string field.
func putString(b []byte, key string, o Opt[string]) []byte {
	if !o.Set {
		return b
	}
	return stringMember(b, key, o.Value, o.Null)
}

func stringMember(b []byte, key string, v string, null bool) []byte {
	b, ok := member(b, key, null)
	if ok {
		b = appendString(b, v)
	}
	return b
}

// putEnum writes a field of a string type: an enum, or one of the wire
// types kept as text (DateTimeOffset, Date, TimeOfDay, Duration, GUID).
func putEnum[T ~string](b []byte, key string, o Opt[T]) []byte {
	if !o.Set {
		return b
	}
	return stringMember(b, key, string(o.Value), o.Null)
}

// putEnums writes a collection of a string type.
func putEnums[T ~string](b []byte, key string, o Opt[[]T]) []byte {
	if !o.Set {
		return b
	}
	return stringsMember(b, key, o.Value, o.Null)
}

func stringsMember[T ~string](b []byte, key string, v []T, null bool) []byte {
	b, ok := member(b, key, null)
	if ok {
		b = append(b, '[')
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, string(s))
		}
		b = append(b, ']')
	}
	return b
}

// putBool writes a boolean field.
func putBool(b []byte, key string, o Opt[bool]) []byte {
	if !o.Set {
		return b
	}
	return boolMember(b, key, o.Value, o.Null)
}

func boolMember(b []byte, key string, v, null bool) []byte {
	b, ok := member(b, key, null)
	if ok {
		b = strconv.AppendBool(b, v)
	}
	return b
}

// putInt64 writes an Int64 field.
func putInt64(b []byte, key string, o Opt[int64]) []byte {
	if !o.Set {
		return b
	}
	return intMember(b, key, o.Value, o.Null, o.quoted)
}

// intMember writes an integer member; quoted, in the string form it was
// read in (IEEE754Compatible=true).
func intMember(b []byte, key string, v int64, null, quoted bool) []byte {
	b, ok := member(b, key, null)
	if ok {
		if quoted {
			b = append(b, '"')
		}
		b = strconv.AppendInt(b, v, 10)
		if quoted {
			b = append(b, '"')
		}
	}
	return b
}

// putInt32 writes an Int32 field.
func putInt32(b []byte, key string, o Opt[int32]) []byte {
	if !o.Set {
		return b
	}
	return intMember(b, key, int64(o.Value), o.Null, false)
}

// putInt16 writes an Int16 (or SByte) field.
func putInt16(b []byte, key string, o Opt[int16]) []byte {
	if !o.Set {
		return b
	}
	return intMember(b, key, int64(o.Value), o.Null, false)
}

// putByte writes a Byte field.
func putByte(b []byte, key string, o Opt[uint8]) []byte {
	if !o.Set {
		return b
	}
	return intMember(b, key, int64(o.Value), o.Null, false)
}

// putFloat64 writes a Double field; NaN and ±Inf as "NaN", "INF", "-INF".
func putFloat64(b []byte, key string, o Opt[float64]) []byte {
	if !o.Set {
		return b
	}
	return floatMember(b, key, o.Value, 64, o.Null, o.quoted)
}

// putFloat32 writes a Single field.
func putFloat32(b []byte, key string, o Opt[float32]) []byte {
	if !o.Set {
		return b
	}
	return floatMember(b, key, float64(o.Value), 32, o.Null, o.quoted)
}

// floatMember writes a floating member; quoted, a finite value in the
// string form it was read in (NaN and ±Inf are strings anyway).
func floatMember(b []byte, key string, v float64, bits int, null, quoted bool) []byte {
	b, ok := member(b, key, null)
	if !ok {
		return b
	}
	if quoted && !math.IsNaN(v) && !math.IsInf(v, 0) {
		b = append(b, '"')
		b = appendFloat(b, v, bits)
		return append(b, '"')
	}
	return appendFloat(b, v, bits)
}

// putNumbers writes a collection of Int64 (bits 0), Double (64) or Single
// (32). Opt.quoted is the string form for the whole collection, as
// decodeOptNumbers read it: each finite element is written in it ("NaN"
// and "INF" are strings in either form).
func putNumbers[T int64 | float32 | float64](b []byte, key string, o Opt[[]T], bits int) []byte {
	if !o.Set {
		return b
	}
	b, ok := member(b, key, o.Null)
	if !ok {
		return b
	}
	b = append(b, '[')
	for i, v := range o.Value {
		if i > 0 {
			b = append(b, ',')
		}
		f := float64(v)
		quoted := o.quoted && f-f == 0 // finite
		if quoted {
			b = append(b, '"')
		}
		if bits == 0 {
			b = strconv.AppendInt(b, int64(v), 10)
		} else {
			b = appendFloat(b, f, bits)
		}
		if quoted {
			b = append(b, '"')
		}
	}
	return append(b, ']')
}

// putBinary writes a Binary field: its text, as it came.
func putBinary(b []byte, key string, o Opt[Binary]) []byte {
	if !o.Set {
		return b
	}
	return stringMember(b, key, string(o.Value), o.Null)
}

// The helpers below may write nested objects or report errors, so they
// take the Encoder too, and hand it the buffer while they use it.

// putRaw writes a raw JSON field; an empty value is written as null.
func putRaw(e *Encoder, b []byte, key string, o Opt[json.RawMessage]) []byte {
	return putOpt(e, b, key, o, encodeRaw)
}

// putDecimal writes a Decimal field.
func putDecimal(e *Encoder, b []byte, key string, o Opt[Decimal]) []byte {
	return putOpt(e, b, key, o, encodeSelf[Decimal])
}

// putOpt writes any other field with enc, such as a value held by a
// Kind interface with the generated EncodeXKind.
func putOpt[T any](e *Encoder, b []byte, key string, o Opt[T], enc func(*Encoder, T)) []byte {
	if !o.Set {
		return b
	}
	return optMember(e, b, key, o.Value, o.Null, enc)
}

func optMember[T any](e *Encoder, b []byte, key string, v T, null bool, enc func(*Encoder, T)) []byte {
	b, ok := member(b, key, null)
	if !ok {
		return b
	}
	e.buf = b
	enc(e, v)
	return e.buf
}

// putSlice writes any other collection with enc per element.
func putSlice[T any](e *Encoder, b []byte, key string, o Opt[[]T], enc func(*Encoder, T)) []byte {
	if !o.Set {
		return b
	}
	return sliceMember(e, b, key, o.Value, o.Null, enc)
}

func sliceMember[T any](e *Encoder, b []byte, key string, v []T, null bool, enc func(*Encoder, T)) []byte {
	b, ok := member(b, key, null)
	if !ok {
		return b
	}
	e.buf = append(b, '[')
	for _, x := range v {
		enc(e, x)
	}
	return append(e.buf, ']')
}

// decodeOptNumbers reads a collection of Int64, Double or Single. Its
// numbers may come in string form (IEEE754Compatible=true sends every
// one so), which the Opt remembers for the whole collection, having no
// room per element: a collection that holds both forms (["1", 2]) cannot
// be written back as it came, so it does not fit, and keepUnfit keeps it
// verbatim. "NaN", "INF" and "-INF" are strings in either form.
func decodeOptNumbers[T int64 | float32 | float64](d *Decoder, o *Opt[[]T], dec func(*Decoder) (T, error)) error {
	if optNull(d, o) {
		return nil
	}
	start := d.pos // optNull skipped the whitespace
	out := []T{}
	var quoted, plain bool
	err := d.array(func() error {
		inString := d.peek() == kindString
		v, err := dec(d)
		if f := float64(v); f-f == 0 { // finite
			quoted = quoted || inString
			plain = plain || !inString
		}
		out = append(out, v)
		return err
	})
	if err == nil && quoted && plain {
		err = d.errAt(start, "a collection holds numbers both plain and in string form")
	}
	if err == nil {
		*o = Opt[[]T]{Value: out, Set: true, quoted: quoted}
	}
	return err
}

// optNull consumes a null and marks o null; on a value it returns false.
func optNull[T any](d *Decoder, o *Opt[T]) bool {
	if d.Null() {
		*o = Opt[T]{Set: true, Null: true}
		return true
	}
	return false
}

// OptString reads a string field. On error o is left unchanged.
func (d *Decoder) optString(o *Opt[string]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.decString()
	if err == nil {
		*o = Opt[string]{Value: v, Set: true}
	}
	return err
}

// OptBool reads a boolean field.
func (d *Decoder) optBool(o *Opt[bool]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.decBool()
	if err == nil {
		*o = Opt[bool]{Value: v, Set: true}
	}
	return err
}

// OptInt64 reads an Int64 field (a number, or a string holding one, which
// is remembered so that putInt64 writes a string again).
func (d *Decoder) optInt64(o *Opt[int64]) error {
	if optNull(d, o) {
		return nil
	}
	quoted := d.peek() == kindString
	v, err := d.decInt64()
	if err == nil {
		*o = Opt[int64]{Value: v, Set: true, quoted: quoted}
	}
	return err
}

// OptInt32 reads an Int32 field.
func (d *Decoder) optInt32(o *Opt[int32]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.decInt32()
	if err == nil {
		*o = Opt[int32]{Value: v, Set: true}
	}
	return err
}

// OptInt16 reads an Int16 (or SByte) field.
func (d *Decoder) optInt16(o *Opt[int16]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.decInt16()
	if err == nil {
		*o = Opt[int16]{Value: v, Set: true}
	}
	return err
}

// OptByte reads a Byte field.
func (d *Decoder) optByte(o *Opt[uint8]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.decByte()
	if err == nil {
		*o = Opt[uint8]{Value: v, Set: true}
	}
	return err
}

// OptFloat64 reads a Double field, including "NaN", "INF" and "-INF".
func (d *Decoder) optFloat64(o *Opt[float64]) error {
	if optNull(d, o) {
		return nil
	}
	quoted := d.peek() == kindString
	v, err := d.decFloat64()
	if err == nil {
		*o = Opt[float64]{Value: v, Set: true, quoted: quoted}
	}
	return err
}

// OptFloat32 reads a Single field.
func (d *Decoder) optFloat32(o *Opt[float32]) error {
	if optNull(d, o) {
		return nil
	}
	quoted := d.peek() == kindString
	v, err := d.decFloat32()
	if err == nil {
		*o = Opt[float32]{Value: v, Set: true, quoted: quoted}
	}
	return err
}

// OptRaw reads any value verbatim but for insignificant whitespace.
func (d *Decoder) optRaw(o *Opt[json.RawMessage]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.rawCompact()
	if err == nil {
		*o = Opt[json.RawMessage]{Value: v, Set: true}
	}
	return err
}

// OptDecimal reads a Decimal field.
func (d *Decoder) optDecimal(o *Opt[Decimal]) error {
	if optNull(d, o) {
		return nil
	}
	var v Decimal
	err := v.decodeJSON(d)
	if err == nil {
		*o = Opt[Decimal]{Value: v, Set: true}
	}
	return err
}

// OptBinary reads a Binary field.
func (d *Decoder) optBinary(o *Opt[Binary]) error {
	if optNull(d, o) {
		return nil
	}
	var v Binary
	err := v.decodeJSON(d)
	if err == nil {
		*o = Opt[Binary]{Value: v, Set: true}
	}
	return err
}

// decodeOptString reads a field of a string type (an enum, or a wire type
// kept as text). Enum values outside the documented set are kept as they are.
func decodeOptString[T ~string](d *Decoder, o *Opt[T]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.decString()
	if err == nil {
		*o = Opt[T]{Value: T(v), Set: true}
	}
	return err
}

// decodeOptStrings reads a collection of a string type.
func decodeOptStrings[T ~string](d *Decoder, o *Opt[[]T]) error {
	if optNull(d, o) {
		return nil
	}
	out := []T{} // [] stays distinct from null
	err := d.array(func() error {
		v, err := d.decString()
		if cap(out) == 0 {
			out = make([]T, 0, 4) // skip the 1-2-4 growth steps
		}
		out = append(out, T(v))
		return err
	})
	if err == nil {
		*o = Opt[[]T]{Value: out, Set: true}
	}
	return err
}

// largeElem is the element size from which a collection is counted before
// it is decoded: one exact allocation then saves growing (and copying) a
// slice of big structs, such as a page of users, several times over.
const largeElem = 256

// makeFor returns an empty slice for the array that comes next: with room
// for all of it when T is large, else without.
func makeFor[T any](d *Decoder) []T {
	var zero T
	if unsafe.Sizeof(zero) >= largeElem {
		if n := d.arrayLen(); n > 0 {
			return make([]T, 0, n)
		}
	}
	return []T{}
}

// decodeOptSlice reads any other collection with dec per element.
func decodeOptSlice[T any](d *Decoder, o *Opt[[]T], dec func(*Decoder) (T, error)) error {
	if optNull(d, o) {
		return nil
	}
	out := []T{}
	err := d.array(func() error {
		v, err := dec(d)
		out = append(out, v)
		return err
	})
	if err == nil {
		*o = Opt[[]T]{Value: out, Set: true}
	}
	return err
}
