package graphrt

import "sync"

// Binding: how decoded values get into Go values. The tokenizer
// (tokenizer.go) reads JSON; the table walk (table.go) and the per-field
// helpers (fields.go) put what it reads into generated types; the
// functions here are the entry points and the generic glue they share.

// decodeOpt decodes into o: null gives Opt{Set: true, Null: true}, anything
// else is handed to dec. On error o is left unchanged.
func decodeOpt[T any](d *Decoder, o *Opt[T], dec func(*Decoder) (T, error)) error {
	if d.Null() {
		*o = Opt[T]{Set: true, Null: true}
		return nil
	}
	v, err := dec(d)
	if err != nil {
		return err
	}
	*o = Opt[T]{Value: v, Set: true}
	return nil
}

// selfDecoder is implemented by values that decode themselves: the OData
// wire types and Page (generated types implement Object instead).
type selfDecoder interface {
	decodeJSON(*Decoder) error
}

// decodeSelf decodes a value that decodes itself; it has the shape
// decodeOpt expects, e.g. decodeSelf[Decimal].
func decodeSelf[T any, P interface {
	*T
	selfDecoder
}](d *Decoder) (T, error) {
	var v T
	err := P(&v).decodeJSON(d)
	return v, err
}

var decoders = sync.Pool{New: func() any { return new(Decoder) }}

// unmarshalSelf decodes b, which must hold exactly one value, into v. A
// top-level null leaves v unchanged, the convention encoding/json expects of
// UnmarshalJSON. The Decoder comes from a pool, so its scratch buffer is
// reused across calls.
func unmarshalSelf(b []byte, v selfDecoder) error { return unmarshal(b, nil, nil, v) }

// unmarshal decodes the one value b holds into obj (whose table is t), or
// else with dec, on a pooled Decoder; a top-level null is consumed without
// decoding. It takes both rather than a closure, so that UnmarshalObject
// holds no closure of its own.
func unmarshal(b []byte, obj any, t *Struct, dec selfDecoder) error {
	d := decoders.Get().(*Decoder)
	d.reset(b)
	var err error
	switch {
	case d.Null():
		err = d.end()
	case obj != nil:
		err = decodeObjectAt(d, obj, t)
	default:
		err = dec.decodeJSON(d)
	}
	if err == nil {
		err = d.end()
	}
	d.reset(nil) // drop the reference to b and any Extra index
	if cap(d.scratch) <= maxPooledBuffer {
		decoders.Put(d)
	}
	return err
}
