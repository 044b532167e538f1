// Package tablecheck checks by reflection that the graphrt tables of
// generated types describe the Go types they belong to. The runtime walks
// a table with unsafe pointer arithmetic, trusting every offset and wire
// kind; this is the check that the trust is deserved, run by the tests of
// every generated package (generated/, the emit goldens, the v1.0 corpus).
package tablecheck

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/graphdocgen/docgen/graphrt"
)

var (
	objectType = reflect.TypeFor[graphrt.Object]()
	extraType  = reflect.TypeFor[graphrt.Extra]()
	rawType    = reflect.TypeFor[json.RawMessage]()
	graphrtPkg = reflect.TypeFor[graphrt.Opt[int]]().PkgPath()
)

// All checks the table of every value newByName returns for names (a
// generated package's ODataTypeNames and NewByODataType) and returns the
// problems found, one per line.
func All(names []string, newByName func(string) graphrt.Object) []string {
	var problems []string
	for _, n := range names {
		v := newByName(n)
		if v == nil {
			problems = append(problems, n+": the registry returns nil")
			continue
		}
		problems = append(problems, Check(v)...)
	}
	return problems
}

// Check checks v's table, its bases' and the tables its fields name.
func Check(v graphrt.Object) []string {
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return []string{fmt.Sprintf("%s: an Object that is not a pointer to a struct", t)}
	}
	return checkStruct(t.Elem(), graphrt.TableOf(v))
}

func checkStruct(t reflect.Type, s *graphrt.Struct) []string {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, t.String()+": "+fmt.Sprintf(format, args...))
	}
	if s == nil {
		bad("TableOf gives nil")
		return problems
	}
	byOffset := map[uintptr]reflect.StructField{}
	for i := range t.NumField() {
		byOffset[t.Field(i).Offset] = t.Field(i)
	}
	described := map[string]bool{}
	if s.Base != nil {
		f, ok := byOffset[s.BaseOffset]
		switch {
		case !ok || !f.Anonymous || f.Type.Kind() != reflect.Struct:
			bad("BaseOffset %d is not an embedded struct", s.BaseOffset)
		case !reflect.PointerTo(f.Type).Implements(objectType):
			bad("the embedded %s is not a generated type", f.Type)
		default:
			described[f.Name] = true
			base := graphrt.TableOf(reflect.New(f.Type).Interface().(graphrt.Object))
			if base != s.Base {
				bad("Base is not the table of the embedded %s", f.Type)
			}
			problems = append(problems, checkStruct(f.Type, base)...)
		}
		if s.ODataType == "" || strings.HasPrefix(s.ODataType, "#") {
			bad("a derived type without its \"@odata.type\" name, unprefixed (%q)", s.ODataType)
		}
		if s.Extra != 0 {
			bad("a derived type with an Extra offset of its own")
		}
	} else {
		if f, ok := byOffset[s.Extra]; !ok || f.Type != extraType || f.Name != "AdditionalData" {
			bad("Extra %d is not the AdditionalData field", s.Extra)
		} else {
			described[f.Name] = true
		}
		if s.ODataType != "" {
			bad("a type without a base has an \"@odata.type\" (%q)", s.ODataType)
		}
	}
	names := map[string]bool{}
	for _, fld := range s.Fields {
		if names[fld.Name] {
			bad("member %q twice", fld.Name)
		}
		names[fld.Name] = true
		sf, ok := byOffset[uintptr(fld.Offset)]
		if !ok || sf.Anonymous {
			bad("member %q: offset %d is not a field", fld.Name, fld.Offset)
			continue
		}
		described[sf.Name] = true
		if p := checkField(fld, sf); p != "" {
			bad("member %q (field %s %s): %s", fld.Name, sf.Name, sf.Type, p)
		}
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && !described[f.Name] {
			bad("field %s is in no table entry", f.Name)
		}
	}
	return problems
}

// checkField compares one table entry with the struct field at its offset.
func checkField(fld graphrt.Field, sf reflect.StructField) string {
	if tag, _, _ := strings.Cut(sf.Tag.Get("json"), ","); tag != fld.Name {
		return fmt.Sprintf("json tag %q", tag)
	}
	if sf.Type.PkgPath() != graphrtPkg || !strings.HasPrefix(sf.Type.Name(), "Opt[") {
		return "not a graphrt.Opt"
	}
	v, _ := sf.Type.FieldByName("Value")
	x := v.Type
	if fld.List {
		if x.Kind() != reflect.Slice {
			return "List, but the value is not a slice"
		}
		x = x.Elem()
	}
	switch {
	case fld.Type == nil:
		want, ok := kindOf(x)
		if !ok || want != fld.Kind {
			return fmt.Sprintf("Kind %d for a value of type %s", fld.Kind, x)
		}
	case reflect.TypeOf(fld.Type).Kind() != reflect.Pointer:
		return fmt.Sprintf("Type %T is neither a nil pointer of a generated type nor a Poly", fld.Type)
	case strings.HasPrefix(reflect.TypeOf(fld.Type).Elem().Name(), "Poly["):
		poly := reflect.ValueOf(fld.Type).Elem()
		dec, enc := poly.FieldByName("Decode"), poly.FieldByName("Encode")
		if dec.IsNil() || enc.IsNil() {
			return "a Poly without its functions"
		}
		if k := dec.Type().Out(0); x != k || k.Kind() != reflect.Interface {
			return fmt.Sprintf("a Poly of %s for a value of type %s", k, x)
		}
	default:
		nested := reflect.TypeOf(fld.Type)
		want := nested
		if fld.List {
			want = nested.Elem()
		}
		if nested.Kind() != reflect.Pointer || x != want {
			return fmt.Sprintf("Type %s for a value of type %s", nested, x)
		}
		if o, _ := fld.Type.(graphrt.Object); graphrt.TableOf(o) == nil {
			return "a nested type without a table"
		}
	}
	return ""
}

// kindOf is the FieldKind that holds a value of Go type x.
func kindOf(x reflect.Type) (graphrt.FieldKind, bool) {
	switch x {
	case reflect.TypeFor[graphrt.Decimal]():
		return graphrt.FieldDecimal, true
	case reflect.TypeFor[graphrt.Binary]():
		return graphrt.FieldBinary, true
	case rawType:
		return graphrt.FieldRaw, true
	}
	switch x.Kind() {
	case reflect.String:
		return graphrt.FieldString, true
	case reflect.Bool:
		return graphrt.FieldBool, x == reflect.TypeFor[bool]()
	case reflect.Int16:
		return graphrt.FieldInt16, x == reflect.TypeFor[int16]()
	case reflect.Int32:
		return graphrt.FieldInt32, x == reflect.TypeFor[int32]()
	case reflect.Int64:
		return graphrt.FieldInt64, x == reflect.TypeFor[int64]()
	case reflect.Uint8:
		return graphrt.FieldByte, x == reflect.TypeFor[uint8]()
	case reflect.Float32:
		return graphrt.FieldFloat32, x == reflect.TypeFor[float32]()
	case reflect.Float64:
		return graphrt.FieldFloat64, x == reflect.TypeFor[float64]()
	}
	return 0, false
}
