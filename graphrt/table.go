package graphrt

import (
	"encoding/json"
	"errors"
	"reflect"
	"sync/atomic"
	"unsafe"
)

// Table-driven codecs. Each generated struct type has one Struct: a static
// table of its own fields (name, offset, wire kind) that encodeStruct and
// decodeStruct walk. Code per field would be faster to run by a little but
// costs far more to build: compiling a per-field switch and append chain
// for a thousand types took gigabytes of compiler memory, while a table is
// data the compiler lays out without generating code.
//
// Tables are plain composite literals of constants, so the compiler
// initialises them statically: no init code runs, and the linker drops the
// table of every type a program cannot reach. A table never names another
// table except its base's (a tree), so package initialisation has no
// cycles even where types nest each other: a field names a nested type
// by a nil pointer of it, (*T)(nil), or by a Poly[K], and
// reaches T's table through an interface call on first use (TableOf),
// which the initialisation order does not look into. Values of nested types are
// allocated through reflect, so a table holds no function either.

// FieldKind is how a scalar field is held and written on the wire.
type FieldKind uint8

const (
	FieldString  FieldKind = iota // Opt[string] or any ~string type (enums, text wire types)
	FieldBool                     // Opt[bool]
	FieldInt16                    // Opt[int16]
	FieldInt32                    // Opt[int32]
	FieldInt64                    // Opt[int64]
	FieldByte                     // Opt[uint8]
	FieldFloat32                  // Opt[float32]
	FieldFloat64                  // Opt[float64]
	FieldDecimal                  // Opt[Decimal]
	FieldBinary                   // Opt[Binary]
	FieldRaw                      // Opt[json.RawMessage]
)

// Field is one property of a generated struct.
type Field struct {
	Name string // the JSON member name
	// Offset is that of the Opt field in the struct: a uint32 rather than
	// a uintptr, as Kind and List fit beside it then, which takes a
	// Field from 48 bytes to 40 (37 KB in the v1.0 driveItem program).
	// Generated code converts a constant, which fails to compile should
	// it not fit.
	Offset uint32
	Kind   FieldKind // for a scalar
	List   bool      // Opt[[]T] rather than Opt[T] (or Opt[*T])
	// Type is (*T)(nil) for a field holding generated struct type T (an
	// Opt[*T], or with List an Opt[[]T]), or the Poly of a field holding
	// a Kind interface (Opt[K], or with List Opt[[]K]). One field for both keeps tables,
	// which are most of a program's share of a generated package, small.
	// It is an any rather than an Object: a nil *T as an Object would
	// need a static itab per type (35 KB in the v1.0 driveItem program),
	// where TableOf's assertion finds one at run time, once per field.
	Type any
}

// polyCodec encodes and decodes one value of a field declared with a base
// type that has derived types. It is implemented by Poly only. Values cross it as
// copies, never as a pointer into the struct: an interface call would make
// escape analysis assume the pointer is kept, and every generated
// MarshalJSON would then copy its receiver to the heap. The Opt and list
// handling around it is not generic (decodePoly and the others below), so
// that each Kind costs a program two small methods, not a set of generic
// instantiations.
type polyCodec interface {
	decodeValue(d *Decoder) (iface, error)
	encodeValue(e *Encoder, v iface)
}

// iface is the layout of any interface with methods.
type iface struct{ tab, data unsafe.Pointer }

// rawSlice is the layout of any slice; Opt[rawSlice] is that of any
// Opt[[]T], as Opt[unsafe.Pointer] is that of any Opt[*T].
type rawSlice struct {
	data     unsafe.Pointer
	len, cap int
}

// decodeObject reads an Opt[*T] field, T described by f.
func decodeObject(d *Decoder, p unsafe.Pointer, f *planField) error {
	o := (*Opt[unsafe.Pointer])(p)
	if d.Null() {
		*o = Opt[unsafe.Pointer]{Set: true, Null: true}
		return nil
	}
	v := reflect.New(f.goType).UnsafePointer()
	if err := decodeStruct(d, v, f.obj); err != nil {
		return err
	}
	*o = Opt[unsafe.Pointer]{Value: v, Set: true}
	return nil
}

// decodeObjects reads an Opt[[]T] field into one array of exactly the
// elements the input holds, decoded in place.
func decodeObjects(d *Decoder, p unsafe.Pointer, f *planField) error {
	o := (*Opt[rawSlice])(p)
	if d.Null() {
		*o = Opt[rawSlice]{Set: true, Null: true}
		return nil
	}
	n := d.arrayLen()
	if n < 0 { // not a well-formed array: decoding it says where
		scratch := reflect.New(f.goType).UnsafePointer()
		if err := d.array(func() error { return decodeStruct(d, scratch, f.obj) }); err != nil {
			return err
		}
		return d.errAt(d.pos, "malformed array")
	}
	// A non-nil data pointer even for []: not null.
	data, i := reflect.MakeSlice(f.sliceType, n, n).UnsafePointer(), 0
	if n == 0 {
		data = unsafe.Pointer(&zeroArray)
	}
	err := d.array(func() error {
		if i == n {
			return d.errAt(d.pos, "array longer than counted")
		}
		i++
		return decodeStruct(d, unsafe.Add(data, uintptr(i-1)*f.size), f.obj)
	})
	if err == nil {
		*o = Opt[rawSlice]{Value: rawSlice{data, n, n}, Set: true}
	}
	return err
}

// zeroArray is where an empty slice points, as make([]T, 0) does.
var zeroArray [0]byte

func appendObject(e *Encoder, b []byte, p unsafe.Pointer, f *planField) []byte {
	o := (*Opt[unsafe.Pointer])(p)
	if !o.Set {
		return b
	}
	b, ok := member(b, f.key, o.Null)
	if !ok {
		return b
	}
	e.buf = b
	encodeStruct(e, o.Value, f.obj) // nil is null
	return e.buf
}

func appendObjects(e *Encoder, b []byte, p unsafe.Pointer, f *planField) []byte {
	o := (*Opt[rawSlice])(p)
	if !o.Set {
		return b
	}
	b, ok := member(b, f.key, o.Null)
	if !ok {
		return b
	}
	e.buf = append(b, '[')
	for i := range o.Value.len {
		encodeStruct(e, unsafe.Add(o.Value.data, uintptr(i)*f.size), f.obj)
	}
	return append(e.buf, ']')
}

// Poly is the polyCodec of a field holding K, a generated Kind interface, as
// Opt[K] or Opt[[]K]: the base type's generated functions pick the
// derived type.
type Poly[K any] struct {
	Decode func(*Decoder) (K, error)
	Encode func(*Encoder, K)
}

func (c *Poly[K]) decodeValue(d *Decoder) (iface, error) {
	k, err := c.Decode(d)
	return *(*iface)(unsafe.Pointer(&k)), err
}

func (c *Poly[K]) encodeValue(e *Encoder, v iface) { c.Encode(e, *(*K)(unsafe.Pointer(&v))) }

// decodePoly reads an Opt[K] field.
func decodePoly(d *Decoder, p unsafe.Pointer, c polyCodec) error {
	if d.Null() {
		*(*Opt[iface])(p) = Opt[iface]{Set: true, Null: true}
		return nil
	}
	v, err := c.decodeValue(d)
	if err == nil {
		*(*Opt[iface])(p) = Opt[iface]{Value: v, Set: true}
	}
	return err
}

// decodePolys reads an Opt[[]K] field. A []iface has the layout of any
// []K, and its words are pointers as an interface's are, for the GC too.
func decodePolys(d *Decoder, p unsafe.Pointer, c polyCodec) error {
	if d.Null() {
		*(*Opt[rawSlice])(p) = Opt[rawSlice]{Set: true, Null: true}
		return nil
	}
	out := []iface{}
	err := d.array(func() error {
		v, err := c.decodeValue(d)
		out = append(out, v)
		return err
	})
	if err == nil {
		*(*Opt[rawSlice])(p) = Opt[rawSlice]{Value: *(*rawSlice)(unsafe.Pointer(&out)), Set: true}
	}
	return err
}

func appendPoly(e *Encoder, b []byte, key string, o Opt[iface], c polyCodec) []byte {
	b, ok := member(b, key, o.Null)
	if !ok {
		return b
	}
	e.buf = b
	c.encodeValue(e, o.Value)
	return e.buf
}

func appendPolys(e *Encoder, b []byte, key string, o Opt[rawSlice], c polyCodec) []byte {
	b, ok := member(b, key, o.Null)
	if !ok {
		return b
	}
	e.buf = append(b, '[')
	for i := range o.Value.len {
		c.encodeValue(e, *(*iface)(unsafe.Add(o.Value.data, uintptr(i)*unsafe.Sizeof(iface{}))))
	}
	return append(e.buf, ']')
}

// Struct is the table of one generated struct type.
type Struct struct {
	// Base is the table of the embedded base type, at BaseOffset; nil for
	// a type without a base.
	Base       *Struct
	BaseOffset uintptr
	// Extra is the offset of AdditionalData in a type without a base (a
	// derived type has its base's).
	Extra uintptr
	// Fields are the type's own properties, in documentation order.
	Fields []Field
	// ODataType is the qualified name of a derived type, without "#":
	// the annotation it needs in a slot declared with its base is "#"
	// and this name.
	ODataType string
	plan      atomic.Pointer[plan] // built on first use
}

// plan is a Struct flattened with its bases: what encoding and decoding
// walk.
type plan struct {
	fields []planField       // base properties first, as on the wire
	index  map[string]uint32 // member name to fields index
	extra  uintptr
}

type planField struct {
	key    string // the member name in QuotedKey form
	offset uintptr
	set    uintptr // of the Opt's Set flag: most fields are absent
	str    bool    // a single string: the common case, written inline
	kind   FieldKind
	list   bool
	elem   polyCodec
	obj    *Struct // the table of a nested generated type T
	// For a nested T: T, []T and T's size, so that no generated code is
	// needed to allocate one or many.
	goType, sliceType reflect.Type
	size              uintptr
}

func (s *Struct) getPlan() *plan {
	if p := s.plan.Load(); p != nil {
		return p
	}
	p := &plan{index: map[string]uint32{}}
	s.flatten(p, 0)
	s.plan.Store(p) // a racing builder stores an equal plan
	return p
}

func (s *Struct) flatten(p *plan, offset uintptr) {
	if s.Base != nil {
		s.Base.flatten(p, offset+s.BaseOffset)
	} else {
		p.extra = offset + s.Extra
	}
	for _, f := range s.Fields {
		pf := planField{
			key:    string(appendString(nil, f.Name)) + ":",
			offset: offset + uintptr(f.Offset),
			kind:   f.Kind,
			list:   f.List,
		}
		if e, ok := f.Type.(polyCodec); ok {
			pf.elem = e
		} else if f.Type != nil {
			pf.obj = tableOfAny(f.Type)
			pf.goType = reflect.TypeOf(f.Type).Elem()
			pf.sliceType = reflect.SliceOf(pf.goType)
			pf.size = pf.goType.Size()
		}
		pf.set = pf.offset + setOffset(&pf)
		pf.str = pf.kind == FieldString && !pf.list && pf.obj == nil && pf.elem == nil
		if i, ok := p.index[f.Name]; ok { // a derived type redeclares it
			p.fields[i] = pf
			continue
		}
		p.index[f.Name] = uint32(len(p.fields))
		p.fields = append(p.fields, pf)
	}
}

// encodeStruct writes the generated value at x (null for nil), described
// by s: the properties that are set, nulls included, then AdditionalData.
func encodeStruct(e *Encoder, x unsafe.Pointer, s *Struct) {
	if x == nil {
		e.encNull()
		return
	}
	pl := s.getPlan()
	extra := *(*Extra)(unsafe.Add(x, pl.extra))
	if len(extra) > 0 {
		extra = unshadowed(extra, pl, x)
	}
	b := e.beginObject(extra)
	for i := range pl.fields {
		f := &pl.fields[i]
		switch {
		case !*(*bool)(unsafe.Add(x, f.set)):
		case f.str:
			o := (*Opt[string])(unsafe.Add(x, f.offset))
			b = stringMember(b, f.key, o.Value, o.Null)
		default:
			b = f.append(e, b, x)
		}
	}
	e.endObject(b, extra)
}

// unshadowed is extra without the members that name a property x has set:
// one whose value did not fit (keepUnfit) and that the program has set
// since is written once, as the property.
func unshadowed(extra Extra, pl *plan, x unsafe.Pointer) Extra {
	return extra.without(func(name string) bool {
		j, ok := pl.index[name]
		return ok && *(*bool)(unsafe.Add(x, pl.fields[j].set))
	})
}

// without is x less the members shadowed reports; x itself when there is
// none, else a copy: x is not changed.
func (x Extra) without(shadowed func(name string) bool) Extra {
	var kept Extra
	for i := range x {
		if shadowed(x[i].Name) {
			if kept == nil {
				kept = make(Extra, i, len(x)-1)
				copy(kept, x[:i])
			}
			continue
		}
		if kept != nil {
			kept = append(kept, x[i])
		}
	}
	if kept == nil {
		return x
	}
	return kept
}

// decodeStruct reads one JSON object into the zeroed generated value at x,
// described by s. Keys match exactly; unknown ones go to AdditionalData.
func decodeStruct(d *Decoder, x unsafe.Pointer, s *Struct) error {
	pl := s.getPlan()
	return d.object(func(key []byte) error {
		extra := (*Extra)(unsafe.Add(x, pl.extra))
		if i, ok := pl.index[string(key)]; ok {
			f := &pl.fields[i]
			at := d.save()
			err := f.decode(d, unsafe.Add(x, f.offset))
			if _, isValue := err.(*DecodeError); !isValue {
				return err // nil, or a table that is not well formed
			}
			set := unsafe.Add(x, f.set)
			return keepUnfit(d, at, err, extra, key, func() {
				*(*bool)(set) = false                              // Set
				*(*bool)(unsafe.Add(set, optNullAfterSet)) = false // Null
			})
		}
		return extra.decodeMember(d, key)
	})
}

// keepUnfit is called when the value of a documented member did not decode
// into its property: a JSON kind the documented type cannot hold (a string
// where the docs say Boolean, an object for an enum, a null inside a
// collection), a number out of range. The docs are often wrong where the
// service is not, so rather than fail the whole response the value is kept
// verbatim in AdditionalData under its name, as an unknown member is, and
// the property is left absent: the response decodes, and encodes again
// unchanged. The decoder goes back to where the value started; only JSON
// that is not well formed is still an error (read again, as raw JSON).
// err is the property's error; absent makes the property absent again.
func keepUnfit(d *Decoder, at decoderMark, err error, extra *Extra, key []byte, absent func()) error {
	d.restore(at)
	absent()
	kerr := extra.decodeMember(d, key)
	if kerr != nil && sameOffset(kerr, err) {
		return err // the same malformed JSON; the property's error has the exact path
	}
	return kerr
}

// sameOffset reports whether two decode errors stand at one byte.
func sameOffset(a, b error) bool {
	x, ok1 := a.(*DecodeError)
	y, ok2 := b.(*DecodeError)
	return ok1 && ok2 && x.Offset == y.Offset
}

// optNullAfterSet is how far Null lies after Set in every Opt.
const optNullAfterSet = unsafe.Offsetof(Opt[bool]{}.Null) - unsafe.Offsetof(Opt[bool]{}.Set)

// setOffset is where Set lies in the Opt that f describes.
func setOffset(f *planField) uintptr {
	switch {
	case f.list:
		return unsafe.Offsetof(Opt[[]byte]{}.Set) // every slice has one layout
	case f.obj != nil:
		return unsafe.Offsetof(Opt[unsafe.Pointer]{}.Set)
	case f.elem != nil:
		return unsafe.Offsetof(Opt[iface]{}.Set)
	}
	switch f.kind {
	case FieldString:
		return unsafe.Offsetof(Opt[string]{}.Set)
	case FieldBool:
		return unsafe.Offsetof(Opt[bool]{}.Set)
	case FieldInt16:
		return unsafe.Offsetof(Opt[int16]{}.Set)
	case FieldInt32:
		return unsafe.Offsetof(Opt[int32]{}.Set)
	case FieldInt64:
		return unsafe.Offsetof(Opt[int64]{}.Set)
	case FieldByte:
		return unsafe.Offsetof(Opt[uint8]{}.Set)
	case FieldFloat32:
		return unsafe.Offsetof(Opt[float32]{}.Set)
	case FieldFloat64:
		return unsafe.Offsetof(Opt[float64]{}.Set)
	case FieldDecimal:
		return unsafe.Offsetof(Opt[Decimal]{}.Set)
	case FieldBinary:
		return unsafe.Offsetof(Opt[Binary]{}.Set)
	case FieldRaw:
		return unsafe.Offsetof(Opt[json.RawMessage]{}.Set)
	}
	return unsafe.Offsetof(Opt[string]{}.Set) // unknown kind: append reports it
}

func (f *planField) append(e *Encoder, b []byte, x unsafe.Pointer) []byte {
	p := unsafe.Add(x, f.offset)
	switch {
	case f.obj != nil && f.list:
		return appendObjects(e, b, p, f)
	case f.obj != nil:
		return appendObject(e, b, p, f)
	case f.elem != nil && f.list:
		return appendPolys(e, b, f.key, *(*Opt[rawSlice])(p), f.elem)
	case f.elem != nil:
		return appendPoly(e, b, f.key, *(*Opt[iface])(p), f.elem)
	case f.list:
		return f.appendList(e, b, p)
	}
	switch f.kind {
	case FieldString:
		return putString(b, f.key, *(*Opt[string])(p))
	case FieldBool:
		return putBool(b, f.key, *(*Opt[bool])(p))
	case FieldInt16:
		return putInt16(b, f.key, *(*Opt[int16])(p))
	case FieldInt32:
		return putInt32(b, f.key, *(*Opt[int32])(p))
	case FieldInt64:
		return putInt64(b, f.key, *(*Opt[int64])(p))
	case FieldByte:
		return putByte(b, f.key, *(*Opt[uint8])(p))
	case FieldFloat32:
		return putFloat32(b, f.key, *(*Opt[float32])(p))
	case FieldFloat64:
		return putFloat64(b, f.key, *(*Opt[float64])(p))
	case FieldDecimal:
		return putDecimal(e, b, f.key, *(*Opt[Decimal])(p))
	case FieldBinary:
		return putBinary(b, f.key, *(*Opt[Binary])(p))
	case FieldRaw:
		return putRaw(e, b, f.key, *(*Opt[json.RawMessage])(p))
	}
	e.fail(errUnknownKind) // only a hand-written table could get here
	return b
}

var errUnknownKind = errors.New("graphrt: a table names an unknown FieldKind")

func (f *planField) appendList(e *Encoder, b []byte, p unsafe.Pointer) []byte {
	switch f.kind {
	case FieldString:
		return putEnums(b, f.key, *(*Opt[[]string])(p))
	case FieldBool:
		return putSlice(e, b, f.key, *(*Opt[[]bool])(p), (*Encoder).encBool)
	case FieldInt16:
		return putSlice(e, b, f.key, *(*Opt[[]int16])(p), (*Encoder).encInt16)
	case FieldInt32:
		return putSlice(e, b, f.key, *(*Opt[[]int32])(p), (*Encoder).encInt32)
	case FieldInt64:
		return putNumbers(b, f.key, *(*Opt[[]int64])(p), 0)
	case FieldByte:
		return putSlice(e, b, f.key, *(*Opt[[]uint8])(p), (*Encoder).encByte)
	case FieldFloat32:
		return putNumbers(b, f.key, *(*Opt[[]float32])(p), 32)
	case FieldFloat64:
		return putNumbers(b, f.key, *(*Opt[[]float64])(p), 64)
	case FieldDecimal:
		return putSlice(e, b, f.key, *(*Opt[[]Decimal])(p), encodeSelf[Decimal])
	case FieldBinary:
		return putSlice(e, b, f.key, *(*Opt[[]Binary])(p), encodeSelf[Binary])
	case FieldRaw:
		return putSlice(e, b, f.key, *(*Opt[[]json.RawMessage])(p), encodeRaw)
	}
	e.fail(errUnknownKind)
	return b
}

func (f *planField) decode(d *Decoder, p unsafe.Pointer) error {
	switch {
	case f.obj != nil && f.list:
		return decodeObjects(d, p, f)
	case f.obj != nil:
		return decodeObject(d, p, f)
	case f.elem != nil && f.list:
		return decodePolys(d, p, f.elem)
	case f.elem != nil:
		return decodePoly(d, p, f.elem)
	case f.list:
		return f.decodeList(d, p)
	}
	switch f.kind {
	case FieldString:
		return d.optString((*Opt[string])(p))
	case FieldBool:
		return d.optBool((*Opt[bool])(p))
	case FieldInt16:
		return d.optInt16((*Opt[int16])(p))
	case FieldInt32:
		return d.optInt32((*Opt[int32])(p))
	case FieldInt64:
		return d.optInt64((*Opt[int64])(p))
	case FieldByte:
		return d.optByte((*Opt[uint8])(p))
	case FieldFloat32:
		return d.optFloat32((*Opt[float32])(p))
	case FieldFloat64:
		return d.optFloat64((*Opt[float64])(p))
	case FieldDecimal:
		return d.optDecimal((*Opt[Decimal])(p))
	case FieldBinary:
		return d.optBinary((*Opt[Binary])(p))
	case FieldRaw:
		return d.optRaw((*Opt[json.RawMessage])(p))
	}
	return errUnknownKind
}

func (f *planField) decodeList(d *Decoder, p unsafe.Pointer) error {
	switch f.kind {
	case FieldString:
		return decodeOptStrings(d, (*Opt[[]string])(p))
	case FieldBool:
		return decodeOptSlice(d, (*Opt[[]bool])(p), (*Decoder).decBool)
	case FieldInt16:
		return decodeOptSlice(d, (*Opt[[]int16])(p), (*Decoder).decInt16)
	case FieldInt32:
		return decodeOptSlice(d, (*Opt[[]int32])(p), (*Decoder).decInt32)
	case FieldInt64:
		return decodeOptNumbers(d, (*Opt[[]int64])(p), (*Decoder).decInt64)
	case FieldByte:
		return decodeOptSlice(d, (*Opt[[]uint8])(p), (*Decoder).decByte)
	case FieldFloat32:
		return decodeOptNumbers(d, (*Opt[[]float32])(p), (*Decoder).decFloat32)
	case FieldFloat64:
		return decodeOptNumbers(d, (*Opt[[]float64])(p), (*Decoder).decFloat64)
	case FieldDecimal:
		return decodeOptSlice(d, (*Opt[[]Decimal])(p), decodeSelf[Decimal])
	case FieldBinary:
		return decodeOptSlice(d, (*Opt[[]Binary])(p), decodeSelf[Binary])
	case FieldRaw:
		return decodeOptSlice(d, (*Opt[[]json.RawMessage])(p), (*Decoder).rawCompact)
	}
	return errUnknownKind
}
