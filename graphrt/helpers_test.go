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
	switch d.Peek() {
	case KindNull:
		if !d.Null() {
			return nil, d.Skip() // e.g. "nul": let Skip produce the error
		}
		return nil, nil
	case KindBool:
		return d.Bool()
	case KindNumber:
		return d.Float64()
	case KindString:
		return d.String()
	case KindArray:
		out := []any{}
		err := d.Array(func() error {
			v, err := decodeAny(d)
			out = append(out, v)
			return err
		})
		return out, err
	case KindObject:
		out := map[string]any{}
		err := d.Object(func(key []byte) error {
			v, err := decodeAny(d)
			out[string(key)] = v
			return err
		})
		return out, err
	}
	return nil, d.Skip() // produces the right error for bad input or EOF
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
		d := NewDecoder([]byte(c.in))
		got, err := fn(d)
		if err == nil {
			err = d.End()
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
