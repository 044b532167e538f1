package graphrt

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// A hand-written type shaped like generated code, holding every FieldKind
// single and as a list, a nested object, a collection of objects, and a
// base it embeds; its table is written as docgen writes one.

type tblBase struct {
	ID             Opt[string] `json:"id"`
	AdditionalData Extra       `json:"-"`
}

func (x *tblBase) UnmarshalJSON(b []byte) error { return UnmarshalObject(b, x, &tblBaseTable) }

var tblBaseTable = Struct{
	Extra:  unsafe.Offsetof(tblBase{}.AdditionalData),
	Fields: []Field{{Name: "id", Offset: uint32(unsafe.Offsetof(tblBase{}.ID)), Kind: FieldString}},
}

type tblEnum string

type tblAll struct {
	tblBase
	S   Opt[string]          `json:"s"`
	E   Opt[tblEnum]         `json:"e"`
	B   Opt[bool]            `json:"b"`
	I16 Opt[int16]           `json:"i16"`
	I32 Opt[int32]           `json:"i32"`
	I64 Opt[int64]           `json:"i64"`
	U8  Opt[uint8]           `json:"u8"`
	F32 Opt[float32]         `json:"f32"`
	F64 Opt[float64]         `json:"f64"`
	Dec Opt[Decimal]         `json:"dec"`
	Bin Opt[Binary]          `json:"bin"`
	Raw Opt[json.RawMessage] `json:"raw"`
	DT  Opt[DateTimeOffset]  `json:"dt"`

	SL   Opt[[]string]          `json:"sl"`
	EL   Opt[[]tblEnum]         `json:"el"`
	BL   Opt[[]bool]            `json:"bl"`
	I16L Opt[[]int16]           `json:"i16l"`
	I32L Opt[[]int32]           `json:"i32l"`
	I64L Opt[[]int64]           `json:"i64l"`
	U8L  Opt[[]uint8]           `json:"u8l"`
	F32L Opt[[]float32]         `json:"f32l"`
	F64L Opt[[]float64]         `json:"f64l"`
	DecL Opt[[]Decimal]         `json:"decl"`
	BinL Opt[[]Binary]          `json:"binl"`
	RawL Opt[[]json.RawMessage] `json:"rawl"`

	Child    Opt[*tblBase]  `json:"child"`
	Children Opt[[]tblBase] `json:"children"`
}

func (x tblAll) MarshalJSON() ([]byte, error) { return MarshalStruct(unsafe.Pointer(&x), &tblAllTable) }

func (x *tblAll) UnmarshalJSON(b []byte) error { return UnmarshalObject(b, x, &tblAllTable) }

var tblAllTable = Struct{
	Base:       &tblBaseTable,
	BaseOffset: unsafe.Offsetof(tblAll{}.tblBase),
	ODataType:  "test.all",
	Fields: []Field{
		{Name: "s", Offset: uint32(unsafe.Offsetof(tblAll{}.S)), Kind: FieldString},
		{Name: "e", Offset: uint32(unsafe.Offsetof(tblAll{}.E)), Kind: FieldString},
		{Name: "b", Offset: uint32(unsafe.Offsetof(tblAll{}.B)), Kind: FieldBool},
		{Name: "i16", Offset: uint32(unsafe.Offsetof(tblAll{}.I16)), Kind: FieldInt16},
		{Name: "i32", Offset: uint32(unsafe.Offsetof(tblAll{}.I32)), Kind: FieldInt32},
		{Name: "i64", Offset: uint32(unsafe.Offsetof(tblAll{}.I64)), Kind: FieldInt64},
		{Name: "u8", Offset: uint32(unsafe.Offsetof(tblAll{}.U8)), Kind: FieldByte},
		{Name: "f32", Offset: uint32(unsafe.Offsetof(tblAll{}.F32)), Kind: FieldFloat32},
		{Name: "f64", Offset: uint32(unsafe.Offsetof(tblAll{}.F64)), Kind: FieldFloat64},
		{Name: "dec", Offset: uint32(unsafe.Offsetof(tblAll{}.Dec)), Kind: FieldDecimal},
		{Name: "bin", Offset: uint32(unsafe.Offsetof(tblAll{}.Bin)), Kind: FieldBinary},
		{Name: "raw", Offset: uint32(unsafe.Offsetof(tblAll{}.Raw)), Kind: FieldRaw},
		{Name: "dt", Offset: uint32(unsafe.Offsetof(tblAll{}.DT)), Kind: FieldString},
		{Name: "sl", Offset: uint32(unsafe.Offsetof(tblAll{}.SL)), Kind: FieldString, List: true},
		{Name: "el", Offset: uint32(unsafe.Offsetof(tblAll{}.EL)), Kind: FieldString, List: true},
		{Name: "bl", Offset: uint32(unsafe.Offsetof(tblAll{}.BL)), Kind: FieldBool, List: true},
		{Name: "i16l", Offset: uint32(unsafe.Offsetof(tblAll{}.I16L)), Kind: FieldInt16, List: true},
		{Name: "i32l", Offset: uint32(unsafe.Offsetof(tblAll{}.I32L)), Kind: FieldInt32, List: true},
		{Name: "i64l", Offset: uint32(unsafe.Offsetof(tblAll{}.I64L)), Kind: FieldInt64, List: true},
		{Name: "u8l", Offset: uint32(unsafe.Offsetof(tblAll{}.U8L)), Kind: FieldByte, List: true},
		{Name: "f32l", Offset: uint32(unsafe.Offsetof(tblAll{}.F32L)), Kind: FieldFloat32, List: true},
		{Name: "f64l", Offset: uint32(unsafe.Offsetof(tblAll{}.F64L)), Kind: FieldFloat64, List: true},
		{Name: "decl", Offset: uint32(unsafe.Offsetof(tblAll{}.DecL)), Kind: FieldDecimal, List: true},
		{Name: "binl", Offset: uint32(unsafe.Offsetof(tblAll{}.BinL)), Kind: FieldBinary, List: true},
		{Name: "rawl", Offset: uint32(unsafe.Offsetof(tblAll{}.RawL)), Kind: FieldRaw, List: true},
		{Name: "child", Offset: uint32(unsafe.Offsetof(tblAll{}.Child)), Type: (*tblBase)(nil)},
		{Name: "children", Offset: uint32(unsafe.Offsetof(tblAll{}.Children)), Type: (*tblBase)(nil), List: true},
	},
}

// TestTableEveryKind: each kind decodes to its Go value and re-encodes to
// the same text, in table order with the base's fields first, and unknown
// members go to the root's AdditionalData.
func TestTableEveryKind(t *testing.T) {
	in := `{"id":"x1","s":"a\"b","e":"someNewMember","b":true,"i16":-32768,"i32":2147483647,` +
		`"i64":9007199254740993,"u8":255,"f32":1.5,"f64":-0.25,"dec":12.3400,"bin":"AAEC","raw":{"k":[1,null]},` +
		`"dt":"2024-03-09T17:45:12.1234567+01:00","sl":["p","q"],"el":[],"bl":[false,true],"i16l":[1],"i32l":[2,3],` +
		`"i64l":[4],"u8l":[5],"f32l":[0.5],"f64l":[1e+21],"decl":[1.10],"binl":["AQ=="],"rawl":["s",{}],` +
		`"child":{"id":"c","extra":1},"children":[{"id":"d"},{"id":"e","more":[true]}],"zzUnknown":null}`
	var x tblAll
	if err := json.Unmarshal([]byte(in), &x); err != nil {
		t.Fatal(err)
	}
	if Or(x.I64, 0) != 9007199254740993 || Or(x.E, "") != "someNewMember" || Or(x.I16, 0) != -32768 ||
		Or(x.Bin, "") != "AAEC" || Or(x.Dec, Decimal{}).Text != "12.3400" || Or(x.ID, "") != "x1" {
		t.Errorf("decoded %+v", x)
	}
	if x.EL.Value == nil || len(x.EL.Value) != 0 {
		t.Errorf("[] decoded to %#v; want a non-nil empty slice", x.EL.Value)
	}
	child, _ := Get(x.Child)
	if child == nil || Or(child.ID, "") != "c" || len(child.AdditionalData) != 1 {
		t.Errorf("child = %+v", child)
	}
	if kids := x.Children.Value; len(kids) != 2 || Or(kids[1].ID, "") != "e" || len(kids[1].AdditionalData) != 1 {
		t.Errorf("children = %+v", kids)
	}
	if len(x.AdditionalData) != 1 || x.AdditionalData[0].Name != "zzUnknown" {
		t.Errorf("AdditionalData = %+v", x.AdditionalData)
	}
	out, err := x.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Errorf("re-encoded\n%s\nwant\n%s", out, in)
	}
	via, err := json.Marshal(x) // a value: encoding/json calls the value method
	if err != nil || !strings.Contains(string(via), `"i64":9007199254740993`) {
		t.Errorf("json.Marshal = %s, %v", via, err)
	}
}

// TestTableNullAndAbsent: null is kept as null for every kind of field,
// and a field that never came is not written.
func TestTableNullAndAbsent(t *testing.T) {
	var names []string
	for _, f := range tblAllTable.Fields {
		names = append(names, `"`+f.Name+`":null`)
	}
	in := "{" + strings.Join(names, ",") + "}"
	var x tblAll
	if err := json.Unmarshal([]byte(in), &x); err != nil {
		t.Fatal(err)
	}
	if !IsNull(x.Child) || !IsNull(x.Children) || !IsNull(x.RawL) || !IsAbsent(x.ID) {
		t.Errorf("decoded %+v", x)
	}
	if out, _ := x.MarshalJSON(); string(out) != in {
		t.Errorf("re-encoded\n%s\nwant\n%s", out, in)
	}
	if out, _ := (tblAll{}).MarshalJSON(); string(out) != "{}" {
		t.Errorf("empty value encoded as %s", out)
	}
}

// TestTableErrors: malformed input anywhere in a table-driven value is an
// error at the right offset, and a failed nested decode leaves the field
// untouched; a well-formed value the field cannot hold is kept in
// AdditionalData instead, the field left absent.
func TestTableErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"children":[{"id":"a"},]}`, "offset 24"},
		{`{"children":[{"id":"a"}`, "offset 23"},
		{`{"child":{"id":5,}}`, "offset 17"},
	} {
		var x tblAll
		err := x.UnmarshalJSON([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one at %s", tc.in, err, tc.want)
		}
		if x.Child.Set || x.Children.Set {
			t.Errorf("%s: a failed field was set: %+v", tc.in, x)
		}
	}
	for _, in := range []string{`{"children":{}}`, `{"children":[1]}`, `{"child":[]}`, `{"i16":40000}`, `{"f32":1e39}`, `{"u8l":[1,256]}`, `{"b":"true"}`, `{"dt":7}`} {
		var x tblAll
		if err := x.UnmarshalJSON([]byte(in)); err != nil {
			t.Errorf("%s: %v", in, err)
		}
		if x.Child.Set || x.Children.Set || x.I16.Set || x.F32.Set || x.U8L.Set || x.B.Set || x.DT.Set || len(x.AdditionalData) != 1 {
			t.Errorf("%s: decoded %+v", in, x)
		}
		if out, err := x.MarshalJSON(); err != nil || string(out) != in {
			t.Errorf("%s: encoded %s, %v", in, out, err)
		}
	}
	var x tblAll
	if err := x.UnmarshalJSON([]byte(`{"child":{"id":5}}`)); err != nil || !x.Child.Set || x.Child.Value.ID.Set || len(x.Child.Value.AdditionalData) != 1 {
		t.Errorf("nested: %v, %+v", err, x.Child.Value)
	}
}

// TestTableUnknownKind: a table naming a kind graphrt does not know is an
// error from both directions, not a panic.
func TestTableUnknownKind(t *testing.T) {
	type bad struct {
		V              Opt[string]
		AdditionalData Extra
	}
	table := &Struct{
		Extra:  unsafe.Offsetof(bad{}.AdditionalData),
		Fields: []Field{{Name: "v", Offset: uint32(unsafe.Offsetof(bad{}.V)), Kind: 200}},
	}
	var x bad
	if err := decodeStruct(newDecoder([]byte(`{"v":"a"}`)), unsafe.Pointer(&x), table); err == nil {
		t.Error("decoding an unknown kind succeeded")
	}
	x.V = Some("a")
	if _, err := MarshalStruct(unsafe.Pointer(&x), table); err == nil {
		t.Error("encoding an unknown kind succeeded")
	}
}

// TestOptLayouts pins what the table walk relies on: an Opt of any pointer,
// slice or interface has the layout of Opt[unsafe.Pointer], Opt[rawSlice]
// or Opt[iface].
func TestOptLayouts(t *testing.T) {
	type big struct{ a [9]int64 }
	type kind interface{ UnmarshalJSON([]byte) error }
	checks := []struct {
		name               string
		size, set, wantSet uintptr
		wantSize           uintptr
	}{
		{"Opt[*big]", unsafe.Sizeof(Opt[*big]{}), unsafe.Offsetof(Opt[*big]{}.Set), unsafe.Offsetof(Opt[unsafe.Pointer]{}.Set), unsafe.Sizeof(Opt[unsafe.Pointer]{})},
		{"Opt[[]big]", unsafe.Sizeof(Opt[[]big]{}), unsafe.Offsetof(Opt[[]big]{}.Set), unsafe.Offsetof(Opt[rawSlice]{}.Set), unsafe.Sizeof(Opt[rawSlice]{})},
		{"Opt[kind]", unsafe.Sizeof(Opt[kind]{}), unsafe.Offsetof(Opt[kind]{}.Set), unsafe.Offsetof(Opt[iface]{}.Set), unsafe.Sizeof(Opt[iface]{})},
		{"Opt[tblEnum]", unsafe.Sizeof(Opt[tblEnum]{}), unsafe.Offsetof(Opt[tblEnum]{}.Set), unsafe.Offsetof(Opt[string]{}.Set), unsafe.Sizeof(Opt[string]{})},
	}
	for _, c := range checks {
		if c.size != c.wantSize || c.set != c.wantSet {
			t.Errorf("%s: size %d, Set at %d; want %d, %d", c.name, c.size, c.set, c.wantSize, c.wantSet)
		}
	}
}

// TestTablePlanConcurrent: the first uses of a table, racing, all see a
// complete plan (run with -race).
func TestTablePlanConcurrent(t *testing.T) {
	fresh := &Struct{
		Extra:  unsafe.Offsetof(tblBase{}.AdditionalData),
		Fields: []Field{{Name: "id", Offset: uint32(unsafe.Offsetof(tblBase{}.ID)), Kind: FieldString}},
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			var x tblBase
			err := decodeStruct(newDecoder([]byte(`{"id":"a","z":1}`)), unsafe.Pointer(&x), fresh)
			if err == nil && (Or(x.ID, "") != "a" || len(x.AdditionalData) != 1) {
				err = fmt.Errorf("decoded %+v", x)
			}
			if out, _ := MarshalStruct(unsafe.Pointer(&x), fresh); err == nil && string(out) != `{"id":"a","z":1}` {
				err = fmt.Errorf("encoded %s", out)
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestObjectMisuse: Encode and Decode refuse what is not a pointer to a
// generated struct, with an error rather than a panic.
func TestObjectMisuse(t *testing.T) {
	var nilAll *tblAll
	if err := Decode(newDecoder([]byte(`{}`)), nilAll); err == nil {
		t.Error("decoding into a nil *tblAll succeeded")
	}
	if err := Decode(newDecoder([]byte(`{}`)), nil); err == nil {
		t.Error("decoding into nil succeeded")
	}
	raw := &json.RawMessage{} // an Object, but not a generated type
	if err := Decode(newDecoder([]byte(`{}`)), raw); err == nil {
		t.Error("decoding into a json.RawMessage succeeded")
	}
	e := acquireEncoder()
	Encode(e, raw)
	if _, err := releaseEncoder(e); err == nil {
		t.Error("encoding a json.RawMessage succeeded")
	}
	e = acquireEncoder()
	Encode(e, nilAll)
	if out, err := releaseEncoder(e); err != nil || string(out) != "null" {
		t.Errorf("a nil *tblAll encoded as %s, %v; want null", out, err)
	}
}

// TestTableOf: a generated type's UnmarshalJSON answers TableOf, through a
// nil pointer too; any other Object has no table, and an ordinary input is
// decoded, never taken for the query.
func TestTableOf(t *testing.T) {
	if got := TableOf(&tblAll{}); got != &tblAllTable {
		t.Errorf("TableOf(&tblAll{}) = %p, want %p", got, &tblAllTable)
	}
	if got := TableOf((*tblBase)(nil)); got != &tblBaseTable {
		t.Errorf("TableOf((*tblBase)(nil)) = %p, want %p", got, &tblBaseTable)
	}
	var raw json.RawMessage
	if got := TableOf(&raw); got != nil {
		t.Errorf("TableOf(*json.RawMessage) = %p, want nil", got)
	}
	if got := TableOf(nil); got != nil {
		t.Errorf("TableOf(nil) = %p, want nil", got)
	}
	var x tblBase
	if err := x.UnmarshalJSON(make([]byte, 0, 1)); err == nil {
		t.Error("UnmarshalJSON of an empty input succeeded")
	} else if _, ok := err.(tableAnswer); ok {
		t.Error("UnmarshalJSON took an empty input for the table query")
	}
}
