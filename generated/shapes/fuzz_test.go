package shapes

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/graphdocgen/docgen/graphrt"
)

// corpusDir holds the real v1.0 pages, beside the repository; when it is
// there, their JSON samples seed the fuzz targets.
const corpusDir = "../../../shared/corpus/en/v1.0"

var jsonBlock = regexp.MustCompile("(?s)```json\\s*\\n(.*?)\\n```")

// addSeeds adds our own documents, the benchmark documents, and the JSON
// blocks of the corpus pages for the types in this package.
func addSeeds(f *testing.F) {
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"manager":null}`, mixedMembers,
		`{"id":"1","id":"2","displayName":null,"accountEnabled":false,"@odata.etag":"W/\"1\"","x@odata.nextLink":"y"}`,
		`{"members":[{"@odata.type":"#microsoft.graph.group","members":[{"@odata.type":"#microsoft.graph.device","deviceVersion":-1}]}]}`,
		`{"manager":{"@odata.type":"#microsoft.graph.user","@odata.type":"#microsoft.graph.user"}}`,
		`{"manager":{"x":1,"@odata.type":"#microsoft.graph.group","displayName":"\ud83d\ude00"}}`,
		`{"value":[{"@odata.type":"#microsoft.graph.user","assignedLicenses":[{"skuId":"s","disabledPlans":[]}]}],"@odata.count":"3"}`,
		`{"ageGroup":"someFutureGroup","assignedPlans":[{"assignedDateTime":"2024-01-01T00:00:00.1234567+01:00"}]}`,
		`{"passwordProfile":{"password":"\u0000\"\\"},"onPremisesExtensionAttributes":{"extensionAttribute1":null}}`,
		`{"application":{"id":"a","displayName":"b"},"user":null,"DEVICE":{}}`,
		`{"":[],"@":"","id":"u","@x":1,"@odata.etag":"e"}`,
	} {
		f.Add([]byte(s))
	}
	f.Add(benchIdentitySet)
	f.Add(benchUser)
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	wanted := map[string]bool{}
	for _, n := range ODataTypeNames() {
		wanted[strings.ToLower(n[len("microsoft.graph."):])+".md"] = true
	}
	for _, p := range pages {
		if !wanted[strings.ToLower(filepath.Base(p))] {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, m := range jsonBlock.FindAllSubmatch(raw, -1) {
			f.Add(m[1])
		}
	}
}

// maxStruct is the size of the largest value one decoded byte can make the
// decoder allocate: a `{}` in a collection of users becomes a User.
var maxStruct = uint64(max(unsafe.Sizeof(User{}), unsafe.Sizeof(Group{}), unsafe.Sizeof(Device{})))

// allocated runs fn and returns the bytes it allocated.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// FuzzDecode: decoding arbitrary bytes into generated types never panics
// and allocates at most in proportion to the input; whatever decodes
// survives a round trip: decode(encode(decode(x))) equals decode(x), and
// encoding that gives the same bytes again.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		limit := 4*maxStruct*uint64(len(in)+2) + 1<<20
		check := func(name string, decode func([]byte) (any, error), encode func(any) ([]byte, error)) {
			var x any
			var err error
			if n := allocated(func() { x, err = decode(in) }); n > limit {
				t.Fatalf("%s: decoding %d bytes allocated %d bytes", name, len(in), n)
			}
			if err != nil {
				return
			}
			if !json.Valid(in) {
				t.Fatalf("%s accepted invalid JSON %q", name, in)
			}
			enc1, err := encode(x)
			if err != nil {
				t.Fatalf("%s: encoding what %q decoded to: %v", name, in, err)
			}
			y, err := decode(enc1)
			if err != nil {
				t.Fatalf("%s: decoding our own encoding %q: %v", name, enc1, err)
			}
			if !sameValue(reflect.ValueOf(x), reflect.ValueOf(y)) {
				t.Fatalf("%s: round trip changed the value\n in  %q\n out %q", name, in, enc1)
			}
			enc2, err := encode(y)
			if err != nil || !bytes.Equal(enc1, enc2) {
				t.Fatalf("%s: second encoding differs (%v):\n%q\n%q", name, err, enc1, enc2)
			}
		}
		check("User", func(b []byte) (any, error) {
			var x User
			return &x, json.Unmarshal(b, &x)
		}, func(x any) ([]byte, error) { return json.Marshal(x) })
		check("Group", func(b []byte) (any, error) {
			var x Group
			return &x, x.UnmarshalJSON(b)
		}, func(x any) ([]byte, error) { return x.(*Group).MarshalJSON() })
		check("IdentitySet", func(b []byte) (any, error) {
			var x IdentitySet
			return &x, x.UnmarshalJSON(b)
		}, func(x any) ([]byte, error) { return x.(*IdentitySet).MarshalJSON() })
		check("Page[User]", func(b []byte) (any, error) {
			var x graphrt.Page[User]
			return &x, x.UnmarshalJSON(b)
		}, func(x any) ([]byte, error) { return x.(*graphrt.Page[User]).MarshalJSON() })
		check("Page[DirectoryObjectKind]", func(b []byte) (any, error) {
			p, err := graphrt.UnmarshalPage(b, DecodeDirectoryObjectKind)
			return &p, err
		}, func(x any) ([]byte, error) {
			return graphrt.MarshalPage(*x.(*graphrt.Page[DirectoryObjectKind]), EncodeDirectoryObjectKind)
		})
	})
}

// annotationsFirst is x with its instance annotations ("@" and a
// namespace-qualified term, as graphrt tells them) moved to the front,
// each group in its own order.
func annotationsFirst(x graphrt.Extra) []graphrt.Member {
	if x == nil {
		return nil
	}
	isAnnotation := func(name string) bool {
		return len(name) > 1 && name[0] == '@' && strings.Contains(name[2:], ".")
	}
	out := []graphrt.Member{}
	for _, m := range x {
		if isAnnotation(m.Name) {
			out = append(out, m)
		}
	}
	for _, m := range x {
		if !isAnnotation(m.Name) {
			out = append(out, m)
		}
	}
	return out
}

// sameValue is reflect.DeepEqual, except that NaN equals NaN (the codec
// carries it as "NaN") and -0 differs from +0.
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
	if a.Type() == reflect.TypeFor[json.RawMessage]() {
		return bytes.Equal(canonical(a.Bytes()), canonical(b.Bytes()))
	}
	if a.Type() == reflect.TypeFor[graphrt.Extra]() {
		// Encoding writes instance annotations first, as OData requires.
		x, y := annotationsFirst(a.Interface().(graphrt.Extra)), b.Interface().(graphrt.Extra)
		return len(x) == len(y) && (x == nil) == (y == nil) && sameValue(reflect.ValueOf(x), reflect.ValueOf([]graphrt.Member(y)))
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
			if !a.Type().Field(i).IsExported() {
				continue // Opt's zero-size marker and its record of a number's spelling
			}
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// canonical is raw JSON as json.Marshal re-encodes a json.Marshaler's
// output: compact, with <, > and & in strings escaped. The generated codec
// keeps raw values byte for byte; json.Marshal, around it, may escape.
func canonical(raw []byte) []byte {
	var c, h bytes.Buffer
	if json.Compact(&c, raw) != nil {
		return raw
	}
	json.HTMLEscape(&h, c.Bytes())
	return h.Bytes()
}

// TestSameValue: the comparison the fuzz target relies on can fail.
func TestSameValue(t *testing.T) {
	u1 := &User{DisplayName: graphrt.Some("a")}
	u2 := &User{DisplayName: graphrt.Some("b")}
	nan := &DirectoryObject{}
	nan.AdditionalData = graphrt.Extra{{Name: "x", Value: json.RawMessage(`1`)}}
	for _, c := range []struct {
		a, b any
		want bool
	}{
		{u1, u2, false},
		{u1, &User{DisplayName: graphrt.Some("a")}, true},
		{&User{Manager: graphrt.Some[DirectoryObjectKind](u1)}, &User{Manager: graphrt.Some[DirectoryObjectKind](&Group{})}, false},
		{&User{BusinessPhones: graphrt.Some([]string{})}, &User{BusinessPhones: graphrt.Some[[]string](nil)}, false},
		{&User{DisplayName: graphrt.Null[string]()}, &User{}, false},
		{nan, &DirectoryObject{}, false},
		{json.RawMessage(`"<"`), json.RawMessage(`"\u003c"`), true},
		{json.RawMessage(`[1, 2]`), json.RawMessage(`[1,2]`), true},
		{json.RawMessage(`[1,2]`), json.RawMessage(`[2,1]`), false},
		{math.NaN(), math.NaN(), true},
		{math.Copysign(0, -1), 0.0, false},
	} {
		if got := sameValue(reflect.ValueOf(c.a), reflect.ValueOf(c.b)); got != c.want {
			t.Errorf("sameValue(%+v, %+v) = %v", c.a, c.b, got)
		}
	}
}
