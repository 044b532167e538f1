package graphrt

import "encoding/json"

// The helpers below encode and decode one Opt field each. Generated code
// calls a specific one per field rather than EncodeOpt/DecodeOpt with a
// function value: direct calls the compiler can inline, and no closure
// built per call. Encoder helpers take the key in QuotedKey form.

func (e *Encoder) optKey(key string, set, null bool) bool {
	if !set {
		return false
	}
	e.QuotedKey(key)
	if null {
		e.Null()
		return false
	}
	return true
}

// OptString writes a string field.
func (e *Encoder) OptString(key string, o Opt[string]) {
	if e.optKey(key, o.Set, o.Null) {
		e.String(o.Value)
	}
}

// OptBool writes a boolean field.
func (e *Encoder) OptBool(key string, o Opt[bool]) {
	if e.optKey(key, o.Set, o.Null) {
		e.Bool(o.Value)
	}
}

// OptInt64 writes an Int64 field.
func (e *Encoder) OptInt64(key string, o Opt[int64]) {
	if e.optKey(key, o.Set, o.Null) {
		e.Int64(o.Value)
	}
}

// OptInt32 writes an Int32 field.
func (e *Encoder) OptInt32(key string, o Opt[int32]) {
	if e.optKey(key, o.Set, o.Null) {
		e.Int64(int64(o.Value))
	}
}

// OptInt16 writes an Int16 (or SByte) field.
func (e *Encoder) OptInt16(key string, o Opt[int16]) {
	if e.optKey(key, o.Set, o.Null) {
		e.Int64(int64(o.Value))
	}
}

// OptByte writes a Byte field.
func (e *Encoder) OptByte(key string, o Opt[uint8]) {
	if e.optKey(key, o.Set, o.Null) {
		e.Int64(int64(o.Value))
	}
}

// OptFloat64 writes a Double field.
func (e *Encoder) OptFloat64(key string, o Opt[float64]) {
	if e.optKey(key, o.Set, o.Null) {
		e.Float64(o.Value)
	}
}

// OptFloat32 writes a Single field.
func (e *Encoder) OptFloat32(key string, o Opt[float32]) {
	if e.optKey(key, o.Set, o.Null) {
		e.Float32(o.Value)
	}
}

// OptRaw writes a raw JSON field; an empty value is written as null.
func (e *Encoder) OptRaw(key string, o Opt[json.RawMessage]) {
	if e.optKey(key, o.Set, o.Null) {
		EncodeRaw(e, o.Value)
	}
}

// OptDecimal writes a Decimal field.
func (e *Encoder) OptDecimal(key string, o Opt[Decimal]) {
	if e.optKey(key, o.Set, o.Null) {
		o.Value.EncodeJSON(e)
	}
}

// OptBinary writes a Binary field.
func (e *Encoder) OptBinary(key string, o Opt[Binary]) {
	if e.optKey(key, o.Set, o.Null) {
		o.Value.EncodeJSON(e)
	}
}

// EncodeOptString writes a field of a string type: an enum, or one of the
// wire types kept as text (DateTimeOffset, Date, TimeOfDay, Duration, GUID).
func EncodeOptString[T ~string](e *Encoder, key string, o Opt[T]) {
	if e.optKey(key, o.Set, o.Null) {
		e.String(string(o.Value))
	}
}

// EncodeOptStrings writes a collection of a string type.
func EncodeOptStrings[T ~string](e *Encoder, key string, o Opt[[]T]) {
	if e.optKey(key, o.Set, o.Null) {
		e.ArrayStart()
		for _, v := range o.Value {
			e.String(string(v))
		}
		e.ArrayEnd()
	}
}

// EncodeOptPtr writes a nested object held by pointer; a nil pointer is null.
func EncodeOptPtr[T any, P interface {
	*T
	ObjectEncoder
}](e *Encoder, key string, o Opt[*T]) {
	if e.optKey(key, o.Set, o.Null) {
		if o.Value == nil {
			e.Null()
			return
		}
		P(o.Value).EncodeJSON(e)
	}
}

// EncodeOptObjects writes a collection of objects, each encoded in place.
func EncodeOptObjects[T any, P interface {
	*T
	ObjectEncoder
}](e *Encoder, key string, o Opt[[]T]) {
	if e.optKey(key, o.Set, o.Null) {
		e.ArrayStart()
		for i := range o.Value {
			P(&o.Value[i]).EncodeJSON(e)
		}
		e.ArrayEnd()
	}
}

// EncodeOptSlice writes any other collection with enc per element.
func EncodeOptSlice[T any](e *Encoder, key string, o Opt[[]T], enc func(*Encoder, T)) {
	if e.optKey(key, o.Set, o.Null) {
		e.ArrayStart()
		for _, v := range o.Value {
			enc(e, v)
		}
		e.ArrayEnd()
	}
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
func (d *Decoder) OptString(o *Opt[string]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.String()
	if err == nil {
		*o = Opt[string]{Value: v, Set: true}
	}
	return err
}

// OptBool reads a boolean field.
func (d *Decoder) OptBool(o *Opt[bool]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Bool()
	if err == nil {
		*o = Opt[bool]{Value: v, Set: true}
	}
	return err
}

// OptInt64 reads an Int64 field (a number, or a string holding one).
func (d *Decoder) OptInt64(o *Opt[int64]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Int64()
	if err == nil {
		*o = Opt[int64]{Value: v, Set: true}
	}
	return err
}

// OptInt32 reads an Int32 field.
func (d *Decoder) OptInt32(o *Opt[int32]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Int32()
	if err == nil {
		*o = Opt[int32]{Value: v, Set: true}
	}
	return err
}

// OptInt16 reads an Int16 (or SByte) field.
func (d *Decoder) OptInt16(o *Opt[int16]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Int16()
	if err == nil {
		*o = Opt[int16]{Value: v, Set: true}
	}
	return err
}

// OptByte reads a Byte field.
func (d *Decoder) OptByte(o *Opt[uint8]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Byte()
	if err == nil {
		*o = Opt[uint8]{Value: v, Set: true}
	}
	return err
}

// OptFloat64 reads a Double field, including "NaN", "INF" and "-INF".
func (d *Decoder) OptFloat64(o *Opt[float64]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Float64()
	if err == nil {
		*o = Opt[float64]{Value: v, Set: true}
	}
	return err
}

// OptFloat32 reads a Single field.
func (d *Decoder) OptFloat32(o *Opt[float32]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Float32()
	if err == nil {
		*o = Opt[float32]{Value: v, Set: true}
	}
	return err
}

// OptRaw reads any value verbatim.
func (d *Decoder) OptRaw(o *Opt[json.RawMessage]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.Raw()
	if err == nil {
		*o = Opt[json.RawMessage]{Value: v, Set: true}
	}
	return err
}

// OptDecimal reads a Decimal field.
func (d *Decoder) OptDecimal(o *Opt[Decimal]) error {
	if optNull(d, o) {
		return nil
	}
	var v Decimal
	err := v.DecodeJSON(d)
	if err == nil {
		*o = Opt[Decimal]{Value: v, Set: true}
	}
	return err
}

// OptBinary reads a Binary field.
func (d *Decoder) OptBinary(o *Opt[Binary]) error {
	if optNull(d, o) {
		return nil
	}
	var v Binary
	err := v.DecodeJSON(d)
	if err == nil {
		*o = Opt[Binary]{Value: v, Set: true}
	}
	return err
}

// DecodeOptString reads a field of a string type (an enum, or a wire type
// kept as text). Enum values outside the documented set are kept as they are.
func DecodeOptString[T ~string](d *Decoder, o *Opt[T]) error {
	if optNull(d, o) {
		return nil
	}
	v, err := d.String()
	if err == nil {
		*o = Opt[T]{Value: T(v), Set: true}
	}
	return err
}

// DecodeOptStrings reads a collection of a string type.
func DecodeOptStrings[T ~string](d *Decoder, o *Opt[[]T]) error {
	if optNull(d, o) {
		return nil
	}
	out := []T{} // [] stays distinct from null
	err := d.Array(func() error {
		v, err := d.String()
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

// DecodeOptPtr reads a nested object into a new value.
func DecodeOptPtr[T any, P interface {
	*T
	ObjectDecoder
}](d *Decoder, o *Opt[*T]) error {
	if optNull(d, o) {
		return nil
	}
	v := new(T)
	err := P(v).DecodeJSON(d)
	if err == nil {
		*o = Opt[*T]{Value: v, Set: true}
	}
	return err
}

// DecodeOptObjects reads a collection of objects, decoding each in place.
func DecodeOptObjects[T any, P interface {
	*T
	ObjectDecoder
}](d *Decoder, o *Opt[[]T]) error {
	if optNull(d, o) {
		return nil
	}
	out := []T{}
	err := d.Array(func() error {
		var zero T
		out = append(out, zero)
		return P(&out[len(out)-1]).DecodeJSON(d)
	})
	if err == nil {
		*o = Opt[[]T]{Value: out, Set: true}
	}
	return err
}

// DecodeOptSlice reads any other collection with dec per element.
func DecodeOptSlice[T any](d *Decoder, o *Opt[[]T], dec func(*Decoder) (T, error)) error {
	if optNull(d, o) {
		return nil
	}
	out := []T{}
	err := d.Array(func() error {
		v, err := dec(d)
		out = append(out, v)
		return err
	})
	if err == nil {
		*o = Opt[[]T]{Value: out, Set: true}
	}
	return err
}
