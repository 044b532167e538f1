package graph

// Written by emit's TestCorpusRoundTrip into the package it generates from
// the whole v1.0 corpus: every type, reached through the registry, filled
// with synthetic values, survives encoding and decoding.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

var (
	extraType = reflect.TypeFor[graphrt.Extra]()
	rawType   = reflect.TypeFor[json.RawMessage]()
	implCache = map[reflect.Type][]string{}
)

// implementers lists the registry names whose values fit interface it,
// derived types first.
func implementers(it reflect.Type) []string {
	if names, ok := implCache[it]; ok {
		return names
	}
	var derived, base []string
	for _, n := range ODataTypeNames() {
		v := NewByODataType(n)
		if !reflect.TypeOf(v).Implements(it) {
			continue
		}
		if isBase(it, v) {
			base = append(base, n)
			continue
		}
		derived = append(derived, n)
	}
	implCache[it] = append(derived, base...)
	return implCache[it]
}

// isBase reports whether v is the base type of Kind interface it, whose
// name is the base's with "Kind" added.
func isBase(it reflect.Type, v any) bool {
	return reflect.TypeOf(v).Elem().Name()+"Kind" == it.Name()
}

// documented reports whether struct type t (or a base it embeds) has a
// property of that wire name.
func documented(t reflect.Type, name string) bool {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && documented(f.Type, name) || f.Tag.Get("json") == name {
			return true
		}
	}
	return false
}

// filler sets synthetic values. Each Opt field is absent, null or set by
// turns, so across the three modes every field is seen in every state.
type filler struct {
	mode int
	// annotate puts "@odata.type" into values placed in Kind slots, as a
	// decoded value has it; otherwise the encoder must add it.
	annotate bool
	n        int // counts fields, to rotate states and values
}

func (f *filler) fill(v reflect.Value, depth int) { f.fillStruct(v, v.Type(), depth) }

// fillStruct fills v, which is outer or a base that outer embeds.
func (f *filler) fillStruct(v reflect.Value, outer reflect.Type, depth int) {
	t := v.Type()
	for i := range t.NumField() {
		sf, fv := t.Field(i), v.Field(i)
		switch {
		case sf.Anonymous:
			f.fillStruct(fv, outer, depth)
		case sf.Type == extraType:
			var x graphrt.Extra
			for _, m := range []graphrt.Member{
				{Name: "@odata.etag", Value: json.RawMessage(`"W/\"` + fmt.Sprint(f.n) + `\""`)},
				{Name: "zz@odata.nextLink", Value: json.RawMessage(`"https://graph.microsoft.com/v1.0/next"`)},
				{Name: "zzUnknown", Value: json.RawMessage(`{"a":[1,null,1.50,"\u00e9"],"b":{}}`)},
			} {
				if !documented(outer, m.Name) { // shiftPreferences documents @odata.etag
					x = append(x, m)
				}
			}
			fv.Set(reflect.ValueOf(x))
		default:
			f.n++
			switch (f.n + f.mode) % 3 {
			case 0: // absent
			case 1:
				fv.FieldByName("Set").SetBool(true)
				fv.FieldByName("Null").SetBool(true)
			case 2:
				if f.value(fv.FieldByName("Value"), depth) {
					fv.FieldByName("Set").SetBool(true)
				}
			}
		}
	}
}

// value sets v, reporting false when it would rather leave the field
// absent (a nested object past the depth limit).
func (f *filler) value(v reflect.Value, depth int) bool {
	t := v.Type()
	switch t.PkgPath() + "." + t.Name() {
	case "github.com/graphdocgen/docgen/graphrt.DateTimeOffset":
		v.SetString([]string{"2024-03-09T17:45:12.1234567+05:30", "2024-03-09T17:45:12Z", "0001-01-01T00:00:00Z"}[f.n%3])
		return true
	case "github.com/graphdocgen/docgen/graphrt.Date":
		v.SetString("2024-02-29")
		return true
	case "github.com/graphdocgen/docgen/graphrt.TimeOfDay":
		v.SetString("15:04:05.0000000")
		return true
	case "github.com/graphdocgen/docgen/graphrt.Duration":
		v.SetString([]string{"-P1DT2H0.5S", "PT1H30M", "P3D"}[f.n%3])
		return true
	case "github.com/graphdocgen/docgen/graphrt.GUID":
		v.SetString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
		return true
	case "github.com/graphdocgen/docgen/graphrt.Decimal":
		v.Set(reflect.ValueOf(graphrt.Decimal{Text: "12345678901234567890.123456789", IsString: f.n%2 == 0}))
		return true
	case "github.com/graphdocgen/docgen/graphrt.Binary":
		v.SetString([]string{"AAH+/w==", "Binary", "-_8"}[f.n%3]) // kept as sent, canonical or not
		return true
	}
	if t == rawType { // by identity: with GOEXPERIMENT=jsonv2 its name is jsontext.Value
		v.SetBytes([]byte(`{"k":[true,null,1.50,{"@odata.type":"#x"}]}`))
		return true
	}
	switch t.Kind() {
	case reflect.String:
		if t.Name() != "string" {
			// An enum: a member Graph may add later, which must survive.
			v.SetString(fmt.Sprintf("someFutureMember%d", f.n))
		} else {
			v.SetString(fmt.Sprintf("s%d é \"q\" \\ \u2028 \x01", f.n))
		}
	case reflect.Bool:
		v.SetBool(f.n%2 == 0)
	case reflect.Int16, reflect.Int32:
		v.SetInt(int64(-f.n))
	case reflect.Int64:
		v.SetInt(9007199254740993 + int64(f.n))
	case reflect.Uint8:
		v.SetUint(uint64(f.n % 256))
	case reflect.Float32:
		v.SetFloat([]float64{1.5, math.Inf(-1), 3.4028234663852886e38}[f.n%3])
	case reflect.Float64:
		v.SetFloat([]float64{math.NaN(), math.Copysign(0, -1), 1e21, 0.1, math.Inf(1), 5e-324}[f.n%6])
	case reflect.Pointer:
		if depth >= 2 {
			return false
		}
		p := reflect.New(t.Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Interface:
		if depth >= 2 {
			return false
		}
		v.Set(f.kind(t, depth))
	case reflect.Slice:
		n := 2
		if depth >= 2 && (t.Elem().Kind() == reflect.Struct || t.Elem().Kind() == reflect.Interface) {
			n = 0
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			if t.Elem().Kind() == reflect.Interface && i == 1 {
				continue // a null element
			}
			if t.Elem().Kind() == reflect.Struct {
				f.fill(s.Index(i), depth+1)
			} else {
				f.value(s.Index(i), depth+1)
			}
		}
		v.Set(s)
	default:
		panic("no synthetic value for " + t.String())
	}
	return true
}

// kind picks a value for a Kind slot, derived types by turns.
func (f *filler) kind(it reflect.Type, depth int) reflect.Value {
	names := implementers(it)
	name := names[f.n%len(names)]
	obj := NewByODataType(name)
	f.fill(reflect.ValueOf(obj).Elem(), depth+1)
	if f.annotate && !isBase(it, obj) {
		extra := reflect.ValueOf(obj).Elem().FieldByName("AdditionalData")
		x := extra.Interface().(graphrt.Extra)
		x = append(graphrt.Extra{{Name: "@odata.type", Value: json.RawMessage(`"#` + name + `"`)}}, x...)
		extra.Set(reflect.ValueOf(x))
	}
	return reflect.ValueOf(obj)
}

func TestEveryTypeRoundTrips(t *testing.T) {
	names := ODataTypeNames()
	if len(names) < 900 {
		t.Fatalf("the registry lists %d types", len(names))
	}
	for _, name := range names {
		for mode := range 3 {
			f := &filler{mode: mode, annotate: mode != 2}
			v := NewByODataType(name)
			f.fill(reflect.ValueOf(v).Elem(), 0)
			check(t, name, mode, v, f.annotate)
		}
	}
}

func check(t *testing.T, name string, mode int, v graphrt.Object, annotated bool) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s (mode %d): %s", name, mode, fmt.Sprintf(format, args...))
	}
	// Through encoding/json, as users call it.
	b1, err := json.Marshal(v)
	if err != nil {
		fail("json.Marshal: %v", err)
		return
	}
	w := NewByODataType(name)
	if err := json.Unmarshal(b1, w); err != nil {
		fail("json.Unmarshal: %v\n%s", err, b1)
		return
	}
	if annotated {
		// Every value already carries what decoding gives it: the decoded
		// value is the very value encoded.
		if d := valueDiff(reflect.ValueOf(v), reflect.ValueOf(w), ""); d != "" {
			fail("decoded value differs from the encoded one at %s:\n%s", d, b1)
		}
	} else if d := kindDiff(reflect.ValueOf(v), reflect.ValueOf(w), ""); d != "" {
		fail("a value in a polymorphic slot came back as another type: %s", d)
	}
	b2, err := json.Marshal(w)
	if err != nil {
		fail("json.Marshal after decoding: %v", err)
		return
	}
	if annotated && !bytes.Equal(b1, b2) {
		fail("re-encoding changed the bytes:\n%s\n%s", b1, b2)
	}
	w2 := NewByODataType(name)
	if err := json.Unmarshal(b2, w2); err != nil || !sameValue(reflect.ValueOf(w), reflect.ValueOf(w2)) {
		fail("decode(encode(decode(x))) differs from decode(x) (%v)", err)
	}

	// The codec itself, byte for byte.
	c1, err := v.(json.Marshaler).MarshalJSON()
	if err != nil {
		fail("MarshalJSON: %v", err)
		return
	}
	u := NewByODataType(name)
	if err := u.(json.Unmarshaler).UnmarshalJSON(c1); err != nil {
		fail("UnmarshalJSON: %v", err)
		return
	}
	c2, err := u.(json.Marshaler).MarshalJSON()
	if err != nil || annotated && !bytes.Equal(c1, c2) {
		fail("MarshalJSON after UnmarshalJSON changed the bytes (%v):\n%s\n%s", err, c1, c2)
	}
}

// kindDiff returns the path to the first interface value whose dynamic
// type differs between a and b, or "".
func kindDiff(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + " (nil on one side)"
			}
			return ""
		}
		if a.Elem().Type() != b.Elem().Type() {
			return fmt.Sprintf("%s: %s became %s", path, a.Elem().Type(), b.Elem().Type())
		}
		return kindDiff(a.Elem(), b.Elem(), path)
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + " (nil on one side)"
			}
			return ""
		}
		return kindDiff(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Type() == extraType || a.Type() == rawType || a.Type().Elem().Kind() == reflect.Uint8 {
			return "" // no interfaces inside; decoding adds "@odata.type" to extras
		}
		if a.Len() != b.Len() {
			return path + " (length)"
		}
		for i := range a.Len() {
			if d := kindDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if d := kindDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	}
	return ""
}

// sameValue is reflect.DeepEqual, except that NaN equals NaN, -0 differs
// from +0, and raw JSON compares as json.Marshal re-encodes it (compact,
// with <, > and & escaped).
func sameValue(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Type() != b.Type() {
		return false
	}
	if a.Type() == rawType {
		return bytes.Equal(canonical(a.Bytes()), canonical(b.Bytes()))
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		return math.IsNaN(x) && math.IsNaN(y) || x == y && math.Signbit(x) == math.Signbit(y)
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).Name == "_" {
				continue // Opt's zero-size marker
			}
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// valueDiff returns the path where sameValue first fails, or "".
func valueDiff(a, b reflect.Value, path string) string {
	if sameValue(a, b) {
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !a.IsNil() && !b.IsNil() {
			return valueDiff(a.Elem(), b.Elem(), path)
		}
	case reflect.Slice:
		if a.Len() == b.Len() && a.Type() != rawType {
			for i := range a.Len() {
				if d := valueDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
					return d
				}
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if d := valueDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	}
	return fmt.Sprintf("%s (%v vs %v)", path, a, b)
}

func canonical(raw []byte) []byte {
	var c, h bytes.Buffer
	if json.Compact(&c, raw) != nil {
		return raw
	}
	json.HTMLEscape(&h, c.Bytes())
	return h.Bytes()
}
