package graphrt_test

import (
	"encoding/json"
	"math"
	"testing"
	"unsafe"

	"github.com/graphdocgen/docgen/graphrt"
)

// Sample and Series have collections of every number type that may come
// in string form (IEEE754Compatible=true), at the top and nested, in the
// shape docgen generates (testdata/cases/emit/number-collections.txtar is
// the same shape, generated).
type Sample struct {
	Values         graphrt.Opt[[]int64] `json:"values"`
	AdditionalData graphrt.Extra        `json:"-"`
}

func (x Sample) MarshalJSON() ([]byte, error) {
	return graphrt.MarshalStruct(unsafe.Pointer(&x), &codecOfSample)
}
func (x *Sample) UnmarshalJSON(b []byte) error {
	return graphrt.UnmarshalObject(b, x, &codecOfSample)
}

var codecOfSample = graphrt.Struct{
	Extra: unsafe.Offsetof(Sample{}.AdditionalData),
	Fields: []graphrt.Field{
		{Name: "values", Offset: uint32(unsafe.Offsetof(Sample{}.Values)), Kind: graphrt.FieldInt64, List: true},
	},
}

type Series struct {
	Counts         graphrt.Opt[[]int64]           `json:"counts"`
	Scores         graphrt.Opt[[]float64]         `json:"scores"`
	Ratios         graphrt.Opt[[]float32]         `json:"ratios"`
	Amounts        graphrt.Opt[[]graphrt.Decimal] `json:"amounts"`
	Total          graphrt.Opt[int64]             `json:"total"`
	Latest         graphrt.Opt[*Sample]           `json:"latest"`
	Samples        graphrt.Opt[[]Sample]          `json:"samples"`
	AdditionalData graphrt.Extra                  `json:"-"`
}

func (x Series) MarshalJSON() ([]byte, error) {
	return graphrt.MarshalStruct(unsafe.Pointer(&x), &codecOfSeries)
}
func (x *Series) UnmarshalJSON(b []byte) error {
	return graphrt.UnmarshalObject(b, x, &codecOfSeries)
}

var codecOfSeries = graphrt.Struct{
	Extra: unsafe.Offsetof(Series{}.AdditionalData),
	Fields: []graphrt.Field{
		{Name: "counts", Offset: uint32(unsafe.Offsetof(Series{}.Counts)), Kind: graphrt.FieldInt64, List: true},
		{Name: "scores", Offset: uint32(unsafe.Offsetof(Series{}.Scores)), Kind: graphrt.FieldFloat64, List: true},
		{Name: "ratios", Offset: uint32(unsafe.Offsetof(Series{}.Ratios)), Kind: graphrt.FieldFloat32, List: true},
		{Name: "amounts", Offset: uint32(unsafe.Offsetof(Series{}.Amounts)), Kind: graphrt.FieldDecimal, List: true},
		{Name: "total", Offset: uint32(unsafe.Offsetof(Series{}.Total)), Kind: graphrt.FieldInt64},
		{Name: "latest", Offset: uint32(unsafe.Offsetof(Series{}.Latest)), Type: (*Sample)(nil)},
		{Name: "samples", Offset: uint32(unsafe.Offsetof(Series{}.Samples)), Type: (*Sample)(nil), List: true},
	},
}

// TestNumberCollectionsStringForm: a collection of Int64, Double, Single
// or Decimal whose numbers come in string form (IEEE754Compatible=true)
// decodes into its property and encodes again as it came, at the top, in
// nested objects and in collections of them; so do the plain form, empty
// and null collections and AdditionalData.
func TestNumberCollectionsStringForm(t *testing.T) {
	for _, in := range []string{
		`{"counts":["1","2","9007199254740993","-9223372036854775808"]}`,
		`{"counts":[1,2,9007199254740993]}`,
		`{"counts":[]}`,
		`{"counts":null}`,
		`{"counts":["7"],"total":"7"}`,
		`{"counts":["7"],"total":7}`,
		`{"scores":["1.5","-0.25","1e+21","NaN","-INF","INF"]}`,
		`{"scores":[1.5,"NaN",-2]}`,
		`{"scores":["NaN","INF"]}`,
		`{"scores":[]}`,
		`{"ratios":["0.125","3"]}`,
		`{"ratios":[0.125,3]}`,
		`{"amounts":["1.50",2.25,"-0.000"]}`,
		`{"latest":{"values":["4","5"]}}`,
		`{"samples":[{"values":["1","2"]},{"values":[3]},{"values":[]},{}]}`,
		`{"@odata.context":"x","counts":["1"],"extra":["1",2],"map":{"a":["3"],"b":[4.50]}}`,
	} {
		var x Series
		if err := json.Unmarshal([]byte(in), &x); err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		for _, name := range []string{"counts", "scores", "ratios", "amounts", "latest", "samples"} {
			if _, ok := x.AdditionalData.Get(name); ok {
				t.Errorf("%s: %s was kept in AdditionalData, not decoded", in, name)
			}
		}
		if out, err := json.Marshal(x); err != nil || string(out) != in {
			t.Errorf("%s: encodes as %s, %v", in, out, err)
		}
	}

	// The values are read exactly, whichever form they came in.
	var x Series
	in := `{"counts":["9007199254740993"],"scores":["0.1",null],"samples":[{"values":["-3"]}]}`
	if err := json.Unmarshal([]byte(in), &x); err != nil {
		t.Fatal(err)
	}
	if c, _ := graphrt.Get(x.Counts); len(c) != 1 || c[0] != 9007199254740993 {
		t.Errorf("counts: %v", c)
	}
	if s := x.Samples.Value; len(s) != 1 || len(s[0].Values.Value) != 1 || s[0].Values.Value[0] != -3 {
		t.Errorf("samples: %+v", s)
	}

	// Spellings change as they do for a single property: "4.0" is "4",
	// "Infinity" is "INF"; whitespace goes.
	for in, want := range map[string]string{
		`{"counts": [ "4.0" , "1e3" ] }`:      `{"counts":["4","1000"]}`,
		`{"scores":["Infinity","-Infinity"]}`: `{"scores":["INF","-INF"]}`,
		`{"scores":["1.50","Infinity"]}`:      `{"scores":["1.5","INF"]}`,
	} {
		var x Series
		if err := json.Unmarshal([]byte(in), &x); err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if out, err := json.Marshal(x); err != nil || string(out) != want {
			t.Errorf("%s: encodes as %s, %v; want %s", in, out, err, want)
		}
	}

	// A program's collection is written plain; one it changes after
	// decoding keeps the form it came in.
	y := Series{Counts: graphrt.Some([]int64{1, 2}), Scores: graphrt.Some([]float64{0.5, math.Inf(1)})}
	if out, err := json.Marshal(y); err != nil || string(out) != `{"counts":[1,2],"scores":[0.5,"INF"]}` {
		t.Errorf("built: %s, %v", out, err)
	}
	y = Series{}
	if err := json.Unmarshal([]byte(`{"counts":["1"]}`), &y); err != nil {
		t.Fatal(err)
	}
	y.Counts.Value = append(y.Counts.Value, 2)
	if out, err := json.Marshal(y); err != nil || string(out) != `{"counts":["1","2"]}` {
		t.Errorf("changed: %s, %v", out, err)
	}
}

// TestNumberCollectionsMixedKept: a collection that holds both forms, or a
// null, has no property value that writes it back as it came; it is kept
// verbatim in AdditionalData, where its object has it, and the property is
// left absent.
func TestNumberCollectionsMixedKept(t *testing.T) {
	for _, c := range []struct{ in, name, raw string }{
		{`{"counts":["1",2]}`, "counts", `["1",2]`},
		{`{"counts":[1,"2"]}`, "counts", `[1,"2"]`},
		{`{"counts":["1",null]}`, "counts", `["1",null]`},
		{`{"counts":[null]}`, "counts", `[null]`},
		{`{"counts":["1.5"]}`, "counts", `["1.5"]`},
		{`{"scores":["1.5",2,"NaN"]}`, "scores", `["1.5",2,"NaN"]`},
		{`{"ratios":[1,"2"]}`, "ratios", `[1,"2"]`},
		{`{"total":"3","samples":[{"values":["1",2]}]}`, "samples[0]", `["1",2]`},
		{`{"latest":{"values":[1,"2"]}}`, "latest", `[1,"2"]`},
	} {
		var x Series
		if err := json.Unmarshal([]byte(c.in), &x); err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		extra, name := x.AdditionalData, c.name
		switch c.name {
		case "samples[0]":
			extra, name = x.Samples.Value[0].AdditionalData, "values"
			if !graphrt.IsAbsent(x.Samples.Value[0].Values) || graphrt.Or(x.Total, 0) != 3 {
				t.Errorf("%s: %+v", c.in, x)
			}
		case "latest":
			extra, name = x.Latest.Value.AdditionalData, "values"
		default:
			if !graphrt.IsAbsent(x.Counts) || !graphrt.IsAbsent(x.Scores) || !graphrt.IsAbsent(x.Ratios) {
				t.Errorf("%s: the property is set: %+v", c.in, x)
			}
		}
		if v, ok := extra.Get(name); !ok || string(v) != c.raw {
			t.Errorf("%s: %s in AdditionalData is %s, %v", c.in, c.name, v, ok)
		}
		if out, err := json.Marshal(x); err != nil || string(out) != c.in {
			t.Errorf("%s: encodes as %s, %v", c.in, out, err)
		}
	}
	// JSON that is not well formed is still an error, at its place.
	for _, bad := range []string{`{"counts":["1",2,]}`, `{"counts":["1",2}`, `{"samples":[{"values":["1",]}]}`} {
		var x Series
		if err := json.Unmarshal([]byte(bad), &x); err == nil {
			t.Errorf("%s decoded", bad)
		}
	}
}

// seriesDoc has number collections in both forms, nested too.
var seriesDoc = []byte(`{"counts":["1","22","333","4444","55555","666666"],"scores":[0.5,1.25,2.125,3.0625],` +
	`"ratios":["0.5","0.25"],"total":"123456789012",` +
	`"samples":[{"values":[1,2,3,4]},{"values":["5","6","7","8"]},{"values":["9007199254740993"]}]}`)

func BenchmarkNumberCollections(b *testing.B) {
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(seriesDoc)))
		b.ReportAllocs()
		for range b.N {
			var x Series
			if err := x.UnmarshalJSON(seriesDoc); err != nil {
				b.Fatal(err)
			}
		}
	})
	var x Series
	if err := x.UnmarshalJSON(seriesDoc); err != nil {
		b.Fatal(err)
	}
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(int64(len(seriesDoc)))
		b.ReportAllocs()
		for range b.N {
			if _, err := x.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzNumberCollections: whatever decodes into Series encodes to JSON
// that decodes and encodes again to the same bytes, and a collection that
// decoded into its property comes back with each element in the form it
// came in (a string or a number).
func FuzzNumberCollections(f *testing.F) {
	for _, s := range []string{
		`{"counts":["1","2"],"scores":[1.5,"NaN"],"ratios":["0.5"]}`,
		`{"counts":["1",2],"scores":["1.5",null]}`,
		`{"samples":[{"values":["9007199254740993"]},{"values":[1]}],"latest":{"values":[]}}`,
		`{"amounts":["1.50",2.25],"total":"7","counts":[]}`,
		`{"scores":["Infinity","-INF",1e308],"counts":["-0","4.0","1e3"]}`,
		`{"counts":[1],"counts":["1",2]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var x Series
		if err := json.Unmarshal(in, &x); err != nil {
			return
		}
		out, err := json.Marshal(x)
		if err != nil || !json.Valid(out) {
			t.Fatalf("%s: encodes as %s, %v", in, out, err)
		}
		var y Series
		if err := json.Unmarshal(out, &y); err != nil {
			t.Fatalf("%s: its encoding %s does not decode: %v", in, out, err)
		}
		if again, err := json.Marshal(y); err != nil || string(again) != string(out) {
			t.Fatalf("%s: %s, then %s", in, out, again)
		}
		var before, after map[string]json.RawMessage
		if json.Unmarshal(in, &before) != nil || json.Unmarshal(out, &after) != nil {
			return
		}
		for name, set := range map[string]bool{"counts": x.Counts.Set, "scores": x.Scores.Set, "ratios": x.Ratios.Set} {
			if set && elementForms(before[name]) != elementForms(after[name]) {
				t.Fatalf("%s: %s came back as %s", in, before[name], after[name])
			}
		}
	})
}

// elementForms is the form of each element of a JSON array: s for a
// string, n for anything else.
func elementForms(raw json.RawMessage) string {
	var elems []json.RawMessage
	json.Unmarshal(raw, &elems)
	forms := make([]byte, len(elems))
	for i, e := range elems {
		forms[i] = 'n'
		if len(e) > 0 && e[0] == '"' {
			forms[i] = 's'
		}
	}
	return string(forms)
}
