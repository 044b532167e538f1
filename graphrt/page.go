package graphrt

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Page is one response of a collection request:
//
//	{"@odata.context": "...", "@odata.count": 2, "@odata.nextLink": "...", "value": [...]}
//
// T is a generated type (Page[graph.User]), a string type, or
// json.RawMessage; for a base type with derived types, whose elements are
// interface values chosen by @odata.type, decode with decodeWith and encode
// with encodeWith, passing the generated DecodeXKind/EncodeXKind functions.
// Follow NextLink until it is absent to read the whole collection; the last
// page of a delta query carries DeltaLink instead. Other members are kept in
// AdditionalData, as in generated types.
type Page[T any] struct {
	Context        Opt[string] `json:"@odata.context"`
	Count          Opt[int64]  `json:"@odata.count"`
	NextLink       Opt[string] `json:"@odata.nextLink"`
	DeltaLink      Opt[string] `json:"@odata.deltaLink"`
	Value          Opt[[]T]    `json:"value"`
	AdditionalData Extra       `json:"-"`
}

// elemCodec finds how to read and write a T when the caller gives no
// function: a string or raw JSON. Generated types are handled in place by
// decodeValue and encodeValue, without copying.
func elemCodec[T any]() (dec func(*Decoder) (T, error), enc func(*Encoder, T), ok bool) {
	var zero T
	switch any(&zero).(type) {
	case *string:
		return func(d *Decoder) (T, error) {
				s, err := d.decString()
				return any(s).(T), err
			}, func(e *Encoder, v T) {
				e.encString(any(v).(string))
			}, true
	case *json.RawMessage:
		return func(d *Decoder) (T, error) {
				r, err := d.raw()
				return any(r).(T), err
			}, func(e *Encoder, v T) {
				encodeRaw(e, any(v).(json.RawMessage))
			}, true
	}
	return nil, nil, false
}

// isObject reports whether T is a generated struct type; TableOf may call
// the UnmarshalJSON of a T that is not, on a scratch value.
func isObject[T any]() bool {
	var zero T
	o, ok := any(&zero).(Object)
	return ok && TableOf(o) != nil
}

// noElemCodec says how to read or write a page of T: for a generated Kind
// interface, with the functions generated beside it.
func noElemCodec[T any]() error {
	t := reflect.TypeFor[T]()
	if t.Kind() == reflect.Interface && strings.HasSuffix(t.Name(), "Kind") {
		pkg := t.String()[:len(t.String())-len(t.Name())] // "graph."
		return fmt.Errorf("graphrt: Page[%s] holds values of several types: decode it with graphrt.UnmarshalPage(b, %sDecode%s) and encode it with graphrt.MarshalPage(p, %sEncode%s)",
			t, pkg, t.Name(), pkg, t.Name())
	}
	return fmt.Errorf("graphrt: Page[%s]: the element type is not a generated type, a string or json.RawMessage; use graphrt.UnmarshalPage and graphrt.MarshalPage with functions for it", t)
}

// decodeJSON reads a page whose elements are generated types, strings or
// raw JSON.
func (p *Page[T]) decodeJSON(d *Decoder) error {
	if isObject[T]() {
		return p.decode(d, nil)
	}
	dec, _, ok := elemCodec[T]()
	if !ok {
		return noElemCodec[T]()
	}
	return p.decode(d, dec)
}

// decodeWith reads a page, decoding each element with dec.
func (p *Page[T]) decodeWith(d *Decoder, dec func(*Decoder) (T, error)) error {
	return p.decode(d, dec)
}

// decode reads the page; a nil dec decodes generated elements in place.
func (p *Page[T]) decode(d *Decoder, dec func(*Decoder) (T, error)) error {
	*p = Page[T]{}
	return d.object(func(key []byte) error {
		at := d.save()
		err := p.member(d, key, dec)
		if _, isValue := err.(*DecodeError); !isValue {
			return err
		}
		// As in generated types: a value that does not fit (a count in
		// words, a value that is no array) is kept, not an error.
		return keepUnfit(d, at, err, &p.AdditionalData, key, func() {
			switch string(key) {
			case "@odata.context":
				p.Context = Opt[string]{}
			case "@odata.count":
				p.Count = Opt[int64]{}
			case "@odata.nextLink":
				p.NextLink = Opt[string]{}
			case "@odata.deltaLink":
				p.DeltaLink = Opt[string]{}
			case "value":
				p.Value = Opt[[]T]{}
			}
		})
	})
}

// member reads the member key of a page into its field, or AdditionalData.
func (p *Page[T]) member(d *Decoder, key []byte, dec func(*Decoder) (T, error)) error {
	switch string(key) {
	case "@odata.context":
		return d.optString(&p.Context)
	case "@odata.count":
		return d.optInt64(&p.Count)
	case "@odata.nextLink":
		return d.optString(&p.NextLink)
	case "@odata.deltaLink":
		return d.optString(&p.DeltaLink)
	case "value":
		if dec != nil {
			return decodeOptSlice(d, &p.Value, dec)
		}
		if optNull(d, &p.Value) {
			return nil
		}
		out := makeFor[T](d)
		err := d.array(func() error {
			var zero T
			out = append(out, zero)
			return Decode(d, any(&out[len(out)-1]).(Object))
		})
		if err == nil {
			p.Value = Some(out)
		}
		return err
	}
	return p.AdditionalData.decodeMember(d, key)
}

// encodeJSON writes a page whose elements are generated types, strings or
// raw JSON.
func (p *Page[T]) encodeJSON(e *Encoder) {
	if isObject[T]() {
		p.encode(e, nil)
		return
	}
	_, enc, ok := elemCodec[T]()
	if !ok {
		e.fail(noElemCodec[T]())
		e.encNull()
		return
	}
	p.encode(e, enc)
}

// encodeWith writes a page, encoding each element with enc.
func (p *Page[T]) encodeWith(e *Encoder, enc func(*Encoder, T)) { p.encode(e, enc) }

// encode writes the members in the order Graph sends them: the
// annotations, value, then the rest. A nil enc encodes generated elements
// in place.
func (p *Page[T]) encode(e *Encoder, enc func(*Encoder, T)) {
	extra := p.AdditionalData
	if len(extra) > 0 { // a member kept unfit, and set since, is written once
		extra = extra.without(func(name string) bool {
			switch name {
			case "@odata.context":
				return p.Context.Set
			case "@odata.count":
				return p.Count.Set
			case "@odata.nextLink":
				return p.NextLink.Set
			case "@odata.deltaLink":
				return p.DeltaLink.Set
			case "value":
				return p.Value.Set
			}
			return false
		})
	}
	b := e.beginObject(extra)
	b = putString(b, `"@odata.context":`, p.Context)
	b = putInt64(b, `"@odata.count":`, p.Count)
	b = putString(b, `"@odata.nextLink":`, p.NextLink)
	b = putString(b, `"@odata.deltaLink":`, p.DeltaLink)
	if enc != nil {
		b = putSlice(e, b, `"value":`, p.Value, enc)
	} else if p.Value.Set {
		var ok bool
		if b, ok = member(b, `"value":`, p.Value.Null); ok {
			e.buf = append(b, '[')
			for i := range p.Value.Value {
				Encode(e, any(&p.Value.Value[i]).(Object))
			}
			b = append(e.buf, ']')
		}
	}
	e.endObject(b, extra)
}

// MarshalJSON encodes the page; see encodeJSON.
func (p Page[T]) MarshalJSON() ([]byte, error) {
	e := acquireEncoder()
	p.encodeJSON(e)
	return releaseEncoder(e)
}

// UnmarshalJSON decodes the page; see decodeJSON.
func (p *Page[T]) UnmarshalJSON(b []byte) error { return unmarshalSelf(b, p) }

// UnmarshalPage decodes a collection response whose elements need a
// decoding function, such as a generated DecodeDirectoryObjectKind.
func UnmarshalPage[T any](b []byte, dec func(*Decoder) (T, error)) (Page[T], error) {
	var p Page[T]
	err := unmarshalSelf(b, pageWith[T]{&p, dec})
	return p, err
}

// MarshalPage encodes a collection response whose elements need an
// encoding function, such as a generated EncodeDirectoryObjectKind.
func MarshalPage[T any](p Page[T], enc func(*Encoder, T)) ([]byte, error) {
	e := acquireEncoder()
	p.encodeWith(e, enc)
	return releaseEncoder(e)
}

type pageWith[T any] struct {
	p   *Page[T]
	dec func(*Decoder) (T, error)
}

func (w pageWith[T]) decodeJSON(d *Decoder) error { return w.p.decodeWith(d, w.dec) }
