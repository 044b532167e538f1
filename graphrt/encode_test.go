package graphrt

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// jsonString is encoding/json's output for s without HTML escaping, with
// each invalid UTF-8 byte written as \ufffd, as encoding/json v1 does (and
// the Encoder does). Built with GOEXPERIMENT=jsonv2, encoding/json writes a
// raw U+FFFD instead: the invalid bytes are swapped for a sentinel first,
// which both versions write raw, and the sentinel for the escape after.
func jsonString(t testing.TB, s string) string {
	const sentinel = "\U0010FFFD" // a private-use character
	if !utf8.ValidString(s) && !strings.Contains(s, sentinel) {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteString(sentinel)
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size
		}
		return strings.ReplaceAll(jsonString(t, b.String()), sentinel, `\ufffd`)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

var encodeStrings = []string{
	"", "abc", `"quoted" \back\slash/`, "\b\f\n\r\t", "\x00\x01\x1f\x7f", "<&>",
	"héllo €😀", "\u2028\u2029", "\xff", "a\xffb", "\xe2\x82", "\xed\xa0\x80", "\xef\xbf\xbd",
	"\xf4\x90\x80\x80", "日本語",
}

func TestEncoderStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range encodeStrings {
		var e Encoder
		e.encString(s)
		if got, want := string(e.Bytes()), jsonString(t, s); got != want {
			t.Errorf("String(%q) = %s, encoding/json %s", s, got, want)
		}
	}
	var e Encoder
	e.encString("\x00<\u2028")
	if got := string(e.Bytes()); got != `"\u0000<\u2028"` {
		t.Errorf("got %s", got)
	}
}

func TestEncoderFloatsMatchEncodingJSON(t *testing.T) {
	vals := []float64{0, 1, -1, 0.1, 1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789, 1.7976931348623157e308,
		5e-324, 2.2250738585072014e-308, 1e-9, -1e-9, 100, 3.4028234663852886e38, 1.1, 0.3}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		f := math.Float64frombits(r.Uint64())
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			vals = append(vals, f)
		}
	}
	for _, f := range vals {
		for _, f := range []float64{f, -f} {
			want, _ := json.Marshal(f)
			var e Encoder
			e.encFloat64(f)
			if string(e.Bytes()) != string(want) {
				t.Errorf("Float64(%v) = %s, encoding/json %s", f, e.Bytes(), want)
			}
			f32 := float32(f)
			if math.IsInf(float64(f32), 0) {
				continue
			}
			want, _ = json.Marshal(f32)
			e = Encoder{}
			e.encFloat32(f32)
			if string(e.Bytes()) != string(want) {
				t.Errorf("Float32(%v) = %s, encoding/json %s", f32, e.Bytes(), want)
			}
		}
	}
	// Negative zero keeps its sign, as with encoding/json.
	var e Encoder
	e.encFloat64(math.Copysign(0, -1))
	if string(e.Bytes()) != "-0" {
		t.Errorf("-0 encoded as %s", e.Bytes())
	}
}

func TestEncoderNonFinite(t *testing.T) {
	var e Encoder
	e.arrayStart()
	e.encFloat64(math.NaN())
	e.encFloat64(math.Inf(1))
	e.encFloat64(math.Inf(-1))
	e.encFloat32(float32(math.NaN()))
	e.encFloat32(float32(math.Inf(1)))
	e.encFloat32(float32(math.Inf(-1)))
	e.arrayEnd()
	const want = `["NaN","INF","-INF","NaN","INF","-INF"]`
	if string(e.Bytes()) != want || e.Err() != nil {
		t.Fatalf("got %s, %v", e.Bytes(), e.Err())
	}
	// And back.
	d := newDecoder(e.Bytes())
	var got []float64
	err := d.array(func() error {
		f, err := d.decFloat64()
		got = append(got, f)
		return err
	})
	if err != nil || !math.IsNaN(got[0]) || !math.IsInf(got[1], 1) || !math.IsInf(got[2], -1) {
		t.Errorf("decoded %v, %v", got, err)
	}
}

func TestEncoderStructure(t *testing.T) {
	var e Encoder
	e.objectStart()
	e.encKey("a")
	e.encInt32(-1)
	e.encKey("b")
	e.arrayStart()
	e.arrayEnd()
	e.encKey("c")
	e.arrayStart()
	e.objectStart()
	e.objectEnd()
	e.objectStart()
	e.encKey("k\"ey")
	e.encNull()
	e.encKey("t")
	e.encBool(true)
	e.objectEnd()
	e.arrayStart()
	e.encInt16(-32768)
	e.encByte(255)
	e.encInt64(math.MinInt64)
	e.arrayEnd()
	e.arrayEnd()
	e.encKey("d")
	e.encRaw([]byte(`{"x": [1, 2]}`))
	e.encKey("e")
	e.encBool(false)
	e.objectEnd()
	const want = `{"a":-1,"b":[],"c":[{},{"k\"ey":null,"t":true},[-32768,255,-9223372036854775808]],"d":{"x": [1, 2]},"e":false}`
	if got := string(e.Bytes()); got != want || e.Err() != nil {
		t.Errorf("got  %s\nwant %s (%v)", got, want, e.Err())
	}
	if !json.Valid(e.Bytes()) {
		t.Error("invalid output")
	}
}

func TestEncoderRaw(t *testing.T) {
	var e Encoder
	e.arrayStart()
	e.encRaw([]byte(`{"a":`))
	e.encRaw([]byte(`1 2`))
	e.encRaw([]byte{})
	e.encRaw(nil) // like a nil json.RawMessage: null, no error
	e.encRaw([]byte(` "ok" `))
	e.arrayEnd()
	if got := string(e.Bytes()); got != `[null,null,null,null, "ok" ]` {
		t.Errorf("got %s", got)
	}
	err := e.Err()
	if !errors.Is(err, ErrInvalidRaw) || err.Error() != `graphrt: invalid raw JSON value "{\"a\":"` {
		t.Errorf("Err() = %v; want the first error", err)
	}
	e.Reset()
	if e.Err() != nil || len(e.Bytes()) != 0 {
		t.Error("Reset kept state")
	}
	e.encInt32(1)
	if string(e.Bytes()) != "1" {
		t.Errorf("after Reset: %s", e.Bytes())
	}
}

func TestEncodeOptAndSlices(t *testing.T) {
	strs := sliceEncoder((*Encoder).encString)
	var e Encoder
	e.objectStart()
	encodeOpt(&e, `"absent":`, Opt[[]string]{}, strs)
	encodeOpt(&e, `"null":`, Null[[]string](), strs)
	encodeOpt(&e, `"nil":`, Some[[]string](nil), strs)
	encodeOpt(&e, `"two":`, Some([]string{"a", "b"}), strs)
	encodeOpt(&e, `"nested":`, Some([][]int32{{1}, {}}), sliceEncoder(sliceEncoder((*Encoder).encInt32)))
	e.objectEnd()
	if got, want := string(e.Bytes()), `{"null":null,"nil":[],"two":["a","b"],"nested":[[1],[]]}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestOpt(t *testing.T) {
	var absent Opt[int]
	null, some := Null[int](), Some(5)
	if v, ok := Get(absent); ok || v != 0 || !IsAbsent(absent) || IsNull(absent) || Or(absent, 9) != 9 {
		t.Error("absent")
	}
	if v, ok := Get(null); ok || v != 0 || IsAbsent(null) || !IsNull(null) || Or(null, 9) != 9 {
		t.Error("null")
	}
	if v, ok := Get(some); !ok || v != 5 || IsAbsent(some) || IsNull(some) || Or(some, 9) != 5 {
		t.Error("some")
	}
}

func TestEncoderAllocs(t *testing.T) {
	var e Encoder
	raw := []byte(`{"a":[1,2,3]}`)
	run := func() {
		e.Reset()
		e.objectStart()
		e.encKey("name")
		e.encString("héllo \"world\"\n\xff")
		e.encKey("f")
		e.encFloat64(1.0 / 3)
		e.encKey("g")
		e.encFloat32(2.5e-8)
		e.encKey("i")
		e.encInt64(-123456789)
		e.encKey("r")
		e.encRaw(raw)
		e.encKey("n")
		e.encFloat64(math.NaN())
		e.objectEnd()
	}
	run() // grow the buffer
	if n := testing.AllocsPerRun(100, run); n != 0 {
		t.Errorf("encoding allocated %v times, want 0", n)
	}
}
