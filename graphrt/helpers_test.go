package graphrt

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// decodeAny decodes any value the way json.Unmarshal into an any does
// (objects to map[string]any with last-wins duplicates, numbers to float64),
// using only the Decoder's public methods. It lets tests compare whole
// documents against encoding/json.
func decodeAny(d *Decoder) (any, error) {
	switch d.peek() {
	case kindNull:
		if !d.Null() {
			return nil, d.skip() // e.g. "nul": let Skip produce the error
		}
		return nil, nil
	case kindBool:
		return d.decBool()
	case kindNumber:
		return d.decFloat64()
	case kindString:
		return d.decString()
	case kindArray:
		out := []any{}
		err := d.array(func() error {
			v, err := decodeAny(d)
			out = append(out, v)
			return err
		})
		return out, err
	case kindObject:
		out := map[string]any{}
		err := d.object(func(key []byte) error {
			v, err := decodeAny(d)
			out[string(key)] = v
			return err
		})
		return out, err
	}
	return nil, d.skip() // produces the right error for bad input or EOF
}

// same compares decoded values, treating NaN as equal to NaN and telling
// -0 from +0.
func same(a, b any) bool {
	if fa, ok := a.(float64); ok {
		fb, ok := b.(float64)
		return ok && (math.IsNaN(fa) && math.IsNaN(fb) || fa == fb && math.Signbit(fa) == math.Signbit(fb))
	}
	if fa, ok := a.(float32); ok {
		fb, ok := b.(float32)
		return ok && same(float64(fa), float64(fb))
	}
	return reflect.DeepEqual(a, b)
}

type decodeCase struct {
	in   string
	want any    // expected value when err is ""
	err  string // substring the error must contain, e.g. "offset 3: ..."
}

// runDecode decodes each case's input with fn followed by End.
func runDecode[T any](t *testing.T, cases []decodeCase, fn func(*Decoder) (T, error)) {
	t.Helper()
	for _, c := range cases {
		d := newDecoder([]byte(c.in))
		got, err := fn(d)
		if err == nil {
			err = d.end()
		}
		if c.err != "" {
			if err == nil {
				t.Errorf("%q: got %#v, want error containing %q", c.in, got, c.err)
			} else if !strings.Contains(atOffset(err), c.err) {
				t.Errorf("%q: error %q, want it to contain %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: unexpected error %v", c.in, err)
			continue
		}
		if !same(any(got), c.want) {
			t.Errorf("%q: got %#v, want %#v", c.in, got, c.want)
		}
	}
}

// Helpers the runtime itself does not need: they compose the tokenizer
// calls in the tests.

// StringDecoder reads a string into a string type such as a generated enum.
// Values outside the documented enum are kept as they are.
func stringDecoder[T ~string](d *Decoder) (T, error) {
	s, err := d.decString()
	return T(s), err
}

// sliceDecoder returns a decoder for []T. [] decodes to a non-nil empty slice
// so it re-encodes as [] rather than being confused with null.
func sliceDecoder[T any](dec func(*Decoder) (T, error)) func(*Decoder) ([]T, error) {
	return func(d *Decoder) ([]T, error) {
		var out []T
		err := d.array(func() error {
			v, err := dec(d)
			if err != nil {
				return err
			}
			if out == nil {
				out = make([]T, 0, 4) // skip the 1-2-4 growth steps
			}
			out = append(out, v)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = []T{}
		}
		return out, nil
	}
}

// encodeOpt writes key (in quotedKey form) and o's value: nothing when
// absent, null when null.
func encodeOpt[T any](e *Encoder, key string, o Opt[T], enc func(*Encoder, T)) {
	if !o.Set {
		return
	}
	e.quotedKey(key)
	if o.Null {
		e.encNull()
		return
	}
	enc(e, o.Value)
}

// sliceEncoder returns an encoder for []T. A nil slice encodes as []: an
// Opt around the slice is what carries null-ness.
func sliceEncoder[T any](enc func(*Encoder, T)) func(*Encoder, []T) {
	return func(e *Encoder, s []T) {
		e.arrayStart()
		for _, v := range s {
			enc(e, v)
		}
		e.arrayEnd()
	}
}

// Marshal encodes v into a new byte slice.
func Marshal(v selfEncoder) ([]byte, error) {
	e := acquireEncoder()
	v.encodeJSON(e)
	return releaseEncoder(e)
}
