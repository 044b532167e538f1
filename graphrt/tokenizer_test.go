package graphrt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestDecodeError(t *testing.T) {
	d := newDecoder([]byte(`{"percentageComplete":1 "b":2}`))
	err := d.object(func([]byte) error { _, err := d.decFloat64(); return err })
	var de *DecodeError
	if !errors.As(err, &de) || de.Offset != 24 {
		t.Fatalf("got %v, want DecodeError at offset 24", err)
	}
	if want := `graphrt: expected ',' or '}', found '"' (offset 24)`; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

func TestNullAndPeek(t *testing.T) {
	kinds := map[string]jsonKind{
		"null": kindNull, " true": kindBool, "false": kindBool, "-1": kindNumber, "0": kindNumber,
		`"x"`: kindString, "{}": kindObject, "\n\t[]": kindArray, "": kindInvalid, "  ": kindInvalid,
		"x": kindInvalid, "+1": kindInvalid, "\xef\xbb\xbf{}": kindInvalid,
	}
	for in, want := range kinds {
		d := newDecoder([]byte(in))
		if got := d.peek(); got != want {
			t.Errorf("Peek(%q) = %v, want %v", in, got, want)
		}
		if got := d.peek(); got != want {
			t.Errorf("second Peek(%q) = %v, want %v (Peek must not consume)", in, got, want)
		}
	}
	for in, want := range map[string]bool{"null": true, " null ": true, "nul": false, "nulL": false, `"null"`: false, "1": false, "": false} {
		d := newDecoder([]byte(in))
		if got := d.Null(); got != want {
			t.Errorf("Null(%q) = %v, want %v", in, got, want)
		}
		if want {
			if err := d.end(); err != nil {
				t.Errorf("End after Null(%q): %v", in, err)
			}
		} else if d.offset() != len(in)-len(strings.TrimLeft(in, " ")) {
			t.Errorf("Null(%q) consumed input", in)
		}
	}
	// After a value has been read, the decoder does not offer another.
	d := newDecoder([]byte("null null"))
	if !d.Null() || d.Null() || d.peek() != kindInvalid {
		t.Error("second top-level value was offered")
	}
	if err := d.end(); err == nil || !strings.Contains(atOffset(err), "offset 5: invalid character 'n' after top-level value") {
		t.Errorf("End: %v", err)
	}
}

func TestBool(t *testing.T) {
	runDecode(t, []decodeCase{
		{in: "true", want: true},
		{in: " false ", want: false},
		{in: "tru", err: "offset 3: unexpected end of input in literal true"},
		{in: "trUe", err: "offset 2: invalid character 'U' in literal true"},
		{in: "falsey", err: "offset 5: invalid character 'y' after top-level value"},
		{in: "null", err: "offset 0: expected boolean, found null"},
		{in: `"true"`, err: "offset 0: expected boolean, found string"},
		{in: "1", err: "expected boolean, found number"},
		{in: "", err: "offset 0: unexpected end of input; expected boolean"},
		{in: "True", err: "offset 0: invalid character 'T' looking for beginning of value"},
	}, (*Decoder).decBool)
}

func TestInts(t *testing.T) {
	runDecode(t, []decodeCase{
		{in: "0", want: int64(0)},
		{in: "-0", want: int64(0)},
		{in: " 42 ", want: int64(42)},
		{in: "9223372036854775807", want: int64(math.MaxInt64)},
		{in: "-9223372036854775808", want: int64(math.MinInt64)},
		{in: "9223372036854775808", err: "offset 0: number 9223372036854775808 overflows int64"},
		{in: "-9223372036854775809", err: "overflows int64"},
		{in: "18446744073709551616", err: "overflows int64"},
		{in: "99999999999999999999999999", err: "overflows int64"},
		{in: `"123"`, want: int64(123)},
		{in: `"-9223372036854775808"`, want: int64(math.MinInt64)},
		{in: `"9223372036854775808"`, err: "overflows int64"},
		{in: `"1.5"`, err: `offset 0: invalid integer in string "1.5"`},
		{in: `"2.0"`, want: int64(2)},
		{in: `"1.5e"`, err: `invalid integer in string "1.5e"`},
		{in: `"01"`, err: "invalid integer in string"},
		{in: `""`, err: "invalid integer in string"},
		{in: `" 1"`, err: "invalid integer in string"},
		{in: `"+1"`, err: "invalid integer in string"},
		{in: `"1`, err: "offset 2: unexpected end of input in string"},
		{in: "1.5", err: "offset 0: number 1.5 is not an integer"},
		// A whole number in any JSON spelling is that integer; a fraction
		// is not.
		{in: "1.0", want: int64(1)},
		{in: "1e3", want: int64(1000)},
		{in: "1.5E+3", want: int64(1500)},
		{in: "-2.500e2", want: int64(-250)},
		{in: "1500e-2", want: int64(15)},
		{in: "0.0e-999999999999999999999", want: int64(0)},
		{in: "-0.000", want: int64(0)},
		{in: "00", err: "leading zero"},
		{in: "15e-1", err: "offset 0: number 15e-1 is not an integer"},
		{in: "1e-400", err: "is not an integer"},
		{in: "0.5", err: "is not an integer"},
		{in: "9.223372036854775807e18", want: int64(math.MaxInt64)},
		{in: "9.223372036854775808e18", err: "overflows int64"},
		{in: "1e19", err: "overflows int64"},
		{in: "1e400", err: "number 1e400 overflows int64"},
		{in: "1e999999999999999999999", err: "overflows int64"},
		{in: "123456789012345678901234e-2", err: "is not an integer"},
		{in: "12345678901234567890123400e-2", err: "number 12345678901234567890123400e-2 overflows int64"},
		{in: "01", err: "offset 1: invalid number: leading zero"},
		{in: "-01", err: "offset 2: invalid number: leading zero"},
		{in: "-", err: "offset 1: unexpected end of input in number"},
		{in: "-x", err: "offset 1: invalid character 'x' in number"},
		{in: "+1", err: "offset 0: invalid character '+' looking for beginning of value"},
		{in: "42x", err: "offset 2: invalid character 'x' after top-level value"},
		{in: "null", err: "expected integer, found null"},
		{in: "", err: "offset 0: unexpected end of input; expected integer"},
	}, (*Decoder).decInt64)

	runDecode(t, []decodeCase{
		{in: "2147483647", want: int32(math.MaxInt32)},
		{in: "-2147483648", want: int32(math.MinInt32)},
		{in: "2147483648", err: "offset 0: number 2147483648 overflows int32"},
		{in: "-2147483649", err: "overflows int32"},
		{in: "9223372036854775808", err: "overflows int32"},
		{in: `"1"`, err: "expected integer, found string"}, // string form is Int64-only (OData)
		{in: "2.0", want: int32(2)},
		{in: "2.5", err: "not an integer"},
	}, (*Decoder).decInt32)

	runDecode(t, []decodeCase{
		{in: "32767", want: int16(32767)},
		{in: "-32768", want: int16(-32768)},
		{in: "32768", err: "overflows int16"},
		{in: "-32769", err: "overflows int16"},
	}, (*Decoder).decInt16)

	runDecode(t, []decodeCase{
		{in: "0", want: uint8(0)},
		{in: "255", want: uint8(255)},
		{in: "256", err: "number 256 overflows uint8"},
		{in: "-1", err: "number -1 overflows uint8"},
		{in: "1e2", want: uint8(100)},
		{in: "2.56e2", err: "overflows uint8"},
	}, (*Decoder).decByte)
}

func TestFloats(t *testing.T) {
	runDecode(t, []decodeCase{
		{in: "0", want: 0.0},
		{in: "-0", want: math.Copysign(0, -1)},
		{in: "-0.0", want: math.Copysign(0, -1)},
		{in: "1.5", want: 1.5},
		{in: "1e3", want: 1000.0},
		{in: "1E+3", want: 1000.0},
		{in: "1e-3", want: 0.001},
		{in: "-1.0e+2", want: -100.0},
		{in: "12345678901234567890", want: 12345678901234567890.0},
		{in: "2.2250738585072014e-308", want: 2.2250738585072014e-308},
		{in: "4.9e-324", want: 5e-324},
		{in: "1e-400", want: 0.0},
		{in: "1.7976931348623157e308", want: math.MaxFloat64},
		{in: "1e400", err: "offset 0: number 1e400 is out of range for float64"},
		{in: "-1e400", err: "out of range"},
		{in: `"NaN"`, want: math.NaN()},
		{in: `"INF"`, want: math.Inf(1)},
		{in: `"-INF"`, want: math.Inf(-1)},
		{in: `"Infinity"`, want: math.Inf(1)},
		{in: `"-Infinity"`, want: math.Inf(-1)},
		{in: `"1.5"`, want: 1.5},
		{in: `"-2e3"`, want: -2000.0},
		{in: `"\u0031"`, want: 1.0}, // escapes in the string form are unescaped first
		{in: `"nan"`, err: `offset 0: invalid number in string "nan"`},
		{in: `"inf"`, err: "invalid number in string"},
		{in: `"+INF"`, err: "invalid number in string"},
		{in: `"1.5x"`, err: "invalid number in string"},
		{in: `"0x10"`, err: "invalid number in string"},
		{in: `""`, err: "invalid number in string"},
		{in: `"1e400"`, err: "out of range for float64"},
		{in: "NaN", err: "offset 0: invalid character 'N' looking for beginning of value"},
		{in: "Infinity", err: "invalid character 'I'"},
		{in: ".5", err: "invalid character '.'"},
		{in: "1.", err: "offset 2: invalid number: expected digit after decimal point"},
		{in: "1.e3", err: "offset 2: invalid number: expected digit after decimal point"},
		{in: "1e", err: "offset 2: invalid number: expected digit in exponent"},
		{in: "1e+", err: "offset 3: invalid number: expected digit in exponent"},
		{in: "00", err: "offset 1: invalid number: leading zero"},
		{in: "0.5.5", err: "offset 3: invalid character '.' after top-level value"},
		{in: "1 2", err: "offset 2: invalid character '2' after top-level value"},
		{in: "true", err: "expected number, found boolean"},
	}, (*Decoder).decFloat64)

	runDecode(t, []decodeCase{
		{in: "1.1", want: float32(1.1)},
		{in: "-0", want: float32(math.Copysign(0, -1))},
		{in: "3.4028234663852886e38", want: float32(math.MaxFloat32)},
		{in: "3.5e38", err: "offset 0: number 3.5e38 is out of range for float32"},
		{in: `"NaN"`, want: float32(math.NaN())},
		{in: `"-INF"`, want: float32(math.Inf(-1))},
		{in: `"2.5"`, want: float32(2.5)},
	}, (*Decoder).decFloat32)
}

// stringInputs is shared by the String tests and the fuzz seed corpus.
var stringInputs = []string{
	`""`, `"abc"`, `"\"\\\/\b\f\n\r\t"`, `"\u0000\u001f\u0041\u00e9\u20ac"`,
	`"\uD83D\uDE00"`, `"\ud83d\ude00x"`, `"héllo wörld €"`, `"😀"`,
	`"\uD83D"`, `"\uDE00"`, `"\uDE00\uD83D"`, `"\uD83Dx"`, `"\uD83D\u0041"`,
	`"\uD83D\uD83D\uDE00"`, `"\uD83D\"`, `"\uD83D\u"`, `"\uD83D\uZZZZ"`,
	"\"\xff\"", "\"a\xffb\"", "\"\xe2\x82\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"",
	"\"\xf4\x90\x80\x80\"", "\"\xef\xbf\xbd\"", "\"\\n\xff\"",
	"\"\u2028\u2029\"", `"\u2028"`,
	`"\x"`, `"\U0041"`, `"\u12"`, `"\u12G4"`, `"\`, `"abc`, `"`, "\"a\nb\"", "\"\t\"", "\"\x7f\"",
	`"a" `, ` "a"`, `"a"x`, `"a""b"`, `'a'`, `abc`, `null`, `1`, ``,
}

func TestStringMatchesEncodingJSON(t *testing.T) {
	for _, in := range stringInputs {
		if in == "null" {
			continue // encoding/json leaves the string unchanged; String is strict
		}
		d := newDecoder([]byte(in))
		got, err := d.decString()
		if err == nil {
			err = d.end()
		}
		var want string
		wantErr := json.Unmarshal([]byte(in), &want)
		if (err == nil) != (wantErr == nil) {
			t.Errorf("%q: err %v, encoding/json err %v", in, err, wantErr)
			continue
		}
		if err == nil && got != want {
			t.Errorf("%q: got %q, encoding/json %q", in, got, want)
		}
	}
}

func TestString(t *testing.T) {
	runDecode(t, []decodeCase{
		{in: `"\"\\\/\b\f\n\r\t"`, want: "\"\\/\b\f\n\r\t"},
		{in: `"\u00e9\u20AC"`, want: "é€"},
		{in: `"\uD83D\uDE00"`, want: "😀"},
		{in: `"\uD83D"`, want: "\uFFFD"},
		{in: `"\uDE00\uD83D"`, want: "\uFFFD\uFFFD"},
		{in: `"\uD83D\u0041"`, want: "\uFFFDA"},
		{in: `"\uD83D\uD83D\uDE00"`, want: "\uFFFD😀"},
		{in: "\"a\xffb\"", want: "a\uFFFDb"},
		{in: "\"\xed\xa0\x80\"", want: "\uFFFD\uFFFD\uFFFD"},
		{in: "\"\xe2\x82\"", want: "\uFFFD\uFFFD"},
		{in: `"\x"`, err: `offset 2: invalid escape character 'x' in string`},
		{in: `"\u12G4"`, err: `offset 5: invalid character 'G' in \u escape`},
		{in: `"\u12"`, err: `offset 5: invalid character '"' in \u escape`},
		{in: `"\uD83D\uZZZZ"`, err: `offset 9: invalid character 'Z' in \u escape`},
		{in: "\"a\nb\"", err: `offset 2: invalid control character '\n' in string`},
		{in: "\"\\n\x01\"", err: `offset 3: invalid control character '\x01' in string`},
		{in: `"abc`, err: "offset 4: unexpected end of input in string"},
		{in: `"ab\`, err: "offset 4: unexpected end of input in string escape"},
		{in: `"a"x`, err: "offset 3: invalid character 'x' after top-level value"},
		{in: `1`, err: "offset 0: expected string, found number"},
		{in: "\xff", err: "offset 0: invalid character byte 0xff looking for beginning of value"},
	}, (*Decoder).decString)

	type enum string
	runDecode(t, []decodeCase{{in: `"futureValue"`, want: enum("futureValue")}}, stringDecoder[enum])
}

func TestObject(t *testing.T) {
	// Keys are handed over unescaped; without escapes they alias the input.
	in := []byte(`{"plain":1, "esc\u0061ped" : 2,"\uD83D\uDE00":3}`)
	d := newDecoder(in)
	var keys []string
	err := d.object(func(key []byte) error {
		keys = append(keys, string(key))
		inInput := uintptr(unsafe.Pointer(unsafe.SliceData(key))) >= uintptr(unsafe.Pointer(&in[0])) &&
			uintptr(unsafe.Pointer(unsafe.SliceData(key))) < uintptr(unsafe.Pointer(&in[0]))+uintptr(len(in))
		if want := string(key) == "plain"; inInput != want {
			t.Errorf("key %q aliases input: %v, want %v", key, inInput, want)
		}
		_, err := d.decInt64()
		return err
	})
	if err != nil || d.end() != nil {
		t.Fatal(err)
	}
	if got := strings.Join(keys, ","); got != "plain,escaped,😀" {
		t.Errorf("keys %q", got)
	}

	// An escaped key stays intact while its value unescapes nested keys
	// and strings into the same scratch buffer.
	d = newDecoder([]byte(`{"o\u0075ter":{"in\u006eer":"v\u0061lue","x\u0079":[{"d\u0065ep":1}]},"n\u0065xt":2}`))
	var log []string
	var walk func(key []byte) error
	walk = func(key []byte) error {
		before := string(key)
		var err error
		switch d.peek() {
		case kindObject:
			err = d.object(walk)
		case kindArray:
			err = d.array(func() error { return d.object(walk) })
		case kindString:
			var s string
			s, err = d.decString()
			log = append(log, s)
		default:
			err = d.skip()
		}
		if string(key) != before {
			t.Errorf("key changed from %q to %q while decoding its value", before, key)
		}
		log = append(log, string(key))
		return err
	}
	if err := d.object(walk); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(log, ","); got != "value,inner,deep,xy,outer,next" {
		t.Errorf("got %s", got)
	}

	skip := func(d *Decoder) func([]byte) error { return func([]byte) error { return d.skip() } }
	for _, c := range []struct{ in, err string }{
		{`{}`, ""},
		{` { "a" : 1 , "b" : [ ] } `, ""},
		{`{"a":1 "b":2}`, `offset 7: expected ',' or '}', found '"'`},
		{`{"a":1,}`, `offset 7: expected string for object key, found '}'`},
		{`{,}`, `offset 1: expected string for object key, found ','`},
		{`{"a" 1}`, `offset 5: expected ':' after object key, found '1'`},
		{`{"a":}`, `offset 5: invalid character '}' looking for beginning of value`},
		{`{"a":1`, `offset 6: unexpected end of input; expected ',' or '}'`},
		{`{"a"`, `offset 4: unexpected end of input; expected ':' after object key`},
		{`{`, `offset 1: unexpected end of input; expected string for object key`},
		{`{a:1}`, `offset 1: expected string for object key, found 'a'`},
		{`{"a":1}}`, `offset 7: invalid character '}' after top-level value`},
		{`[]`, `offset 0: expected object, found array`},
		{`{"a\x":1}`, `offset 4: invalid escape character 'x' in string`},
	} {
		d := newDecoder([]byte(c.in))
		err := d.object(skip(d))
		if err == nil {
			err = d.end()
		}
		checkErr(t, c.in, err, c.err)
	}

	// The callback must consume exactly one value.
	d = newDecoder([]byte(`{"a":1}`))
	err = d.object(func([]byte) error { return nil })
	checkErr(t, "not consumed", err, `offset 5: value of member "a" was not consumed`)
	d = newDecoder([]byte(`{"a":1 2}`))
	err = d.object(func([]byte) error {
		if err := d.skip(); err != nil {
			return err
		}
		return d.skip()
	})
	checkErr(t, "two values", err, `offset 7: a value was already read here`)
	// Errors from the callback are returned as they are.
	sentinel := errors.New("stop")
	d = newDecoder([]byte(`{"a":1}`))
	if err := d.object(func([]byte) error { return sentinel }); err != sentinel {
		t.Errorf("got %v, want sentinel", err)
	}
}

// atOffset is a DecodeError as "offset N: message", without the path,
// which TestErrorPath checks: the form these tables were written in.
func atOffset(err error) string {
	var de *DecodeError
	if errors.As(err, &de) {
		return "offset " + strconv.Itoa(de.Offset) + ": " + de.Msg
	}
	return err.Error()
}

func checkErr(t *testing.T, name string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", name, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want %q", name, want)
	case want != "" && !strings.Contains(atOffset(err), want):
		t.Errorf("%s: error %q, want it to contain %q", name, err, want)
	}
}

func TestArray(t *testing.T) {
	ints := sliceDecoder((*Decoder).decInt32)
	runDecode(t, []decodeCase{
		{in: `[]`, want: []int32{}},
		{in: ` [ 1 , 2,3 ] `, want: []int32{1, 2, 3}},
		{in: `[1,]`, err: `offset 3: invalid character ']' looking for beginning of value`},
		{in: `[,1]`, err: `offset 1: invalid character ','`},
		{in: `[1 2]`, err: `offset 3: expected ',' or ']', found '2'`},
		{in: `[1`, err: `offset 2: unexpected end of input; expected ',' or ']'`},
		{in: `[`, err: `offset 1: unexpected end of input; expected integer`},
		{in: `[1]]`, err: `offset 3: invalid character ']' after top-level value`},
		{in: `[null]`, err: `offset 1: expected integer, found null`},
		{in: `{}`, err: `offset 0: expected array, found object`},
	}, ints)
	if v, err := ints(newDecoder([]byte("[]"))); err != nil || v == nil {
		t.Errorf("[] decoded to %#v, %v; want non-nil empty slice", v, err)
	}
	d := newDecoder([]byte(`[1,2]`))
	checkErr(t, "not consumed", d.array(func() error { return nil }), "offset 1: array element was not consumed")
}

// sameOpt compares Opts, which are not comparable with ==.
func sameOpt[T comparable](a, b Opt[T]) bool {
	return a.Value == b.Value && a.Set == b.Set && a.Null == b.Null
}

func TestDecodeOpt(t *testing.T) {
	var o Opt[int64]
	if err := decodeOpt(newDecoder([]byte("null")), &o, (*Decoder).decInt64); err != nil || !sameOpt(o, Null[int64]()) {
		t.Errorf("null: %+v %v", o, err)
	}
	if err := decodeOpt(newDecoder([]byte("7")), &o, (*Decoder).decInt64); err != nil || !sameOpt(o, Some[int64](7)) {
		t.Errorf("7: %+v %v", o, err)
	}
	if err := decodeOpt(newDecoder([]byte(`"x"`)), &o, (*Decoder).decInt64); err == nil || !sameOpt(o, Some[int64](7)) {
		t.Errorf("bad input: %+v %v; want error and unchanged Opt", o, err)
	}
}

func TestRawAndSkip(t *testing.T) {
	valid := []string{
		`null`, `true`, `false`, `0`, `-0.5e-7`, `"s\u00e9\""`, "\"\xff\"", `{}`, `[]`,
		`{"a":[1,{"b":null,"c":"\"}"}],"d":{}}`, `[[[[]]],{"":""}]`,
		"{ \"a\" :\t[ 1 ,\n2 ] }", `[1,"]",{"x":"[{"}]`,
	}
	for _, v := range valid {
		for _, ws := range []string{"", " \n\t\r"} {
			in := ws + v + ws
			d := newDecoder([]byte(in))
			raw, err := d.raw()
			if err == nil {
				err = d.end()
			}
			if err != nil || string(raw) != v {
				t.Errorf("Raw(%q) = %q, %v; want %q", in, raw, err, v)
			}
			d = newDecoder([]byte(in))
			if err := d.skip(); err != nil || d.end() != nil || d.offset() != len(in) {
				t.Errorf("Skip(%q): %v", in, err)
			}
		}
	}
	// Raw returns a copy, not an alias of the input.
	in := []byte(`{"a":1}`)
	raw, _ := newDecoder(in).raw()
	in[1] = 'X'
	if string(raw) != `{"a":1}` {
		t.Error("Raw aliases its input")
	}

	for _, c := range []struct{ in, err string }{
		{`{"a":}`, "offset 5: invalid character '}' looking for beginning of value"},
		{`[1,]`, "offset 3: invalid character ']' looking for beginning of value"},
		{`{"a" 1}`, "offset 5: expected ':' after object key"},
		{`{"a":1,}`, "offset 7: expected string for object key"},
		{`[1 2]`, "offset 3: expected ',' or ']'"},
		{`{"a":[1}`, "offset 7: expected ',' or ']', found '}'"},
		{`[{"a":1]`, "offset 7: expected ',' or '}', found ']'"},
		{`[tru]`, "offset 4: invalid character ']' in literal true"},
		{`[nulx]`, "offset 4: invalid character 'x' in literal null"},
		{`["\x"]`, "offset 3: invalid escape character 'x'"},
		{`["\u12G4"]`, "offset 6: invalid character 'G' in \\u escape"},
		{"[\"\x01\"]", "offset 2: invalid control character"},
		{`[01]`, "offset 2: invalid number: leading zero"},
		{`[1.]`, "offset 3: invalid number: expected digit after decimal point"},
		{`[-]`, "offset 2: invalid character ']' in number"},
		{`{"a":1}x`, "offset 7: invalid character 'x' after top-level value"},
		{`{"a":1} {}`, "offset 8: invalid character '{' after top-level value"},
		{`[`, "offset 1: unexpected end of input; expected value"},
		{``, "offset 0: unexpected end of input; expected value"},
		{`]`, "offset 0: invalid character ']' looking for beginning of value"},
	} {
		d := newDecoder([]byte(c.in))
		_, err := d.raw()
		if err == nil {
			err = d.end()
		}
		checkErr(t, "Raw "+c.in, err, c.err)
		if json.Valid([]byte(c.in)) {
			t.Errorf("%q: encoding/json says valid", c.in)
		}
		d = newDecoder([]byte(c.in))
		err = d.skip()
		if err == nil {
			err = d.end()
		}
		checkErr(t, "Skip "+c.in, err, c.err)
	}
}

func TestDepthLimit(t *testing.T) {
	nest := func(n int, open, close string) []byte {
		return []byte(strings.Repeat(open, n) + strings.Repeat(close, n))
	}
	const tooDeep = "exceeded maximum nesting depth of 10000"
	for _, c := range []struct {
		in  []byte
		err string // "" when valid
	}{
		{nest(maxDepth, "[", "]"), ""},
		{nest(maxDepth+1, "[", "]"), "offset 10000: " + tooDeep},
		{nest(maxDepth, `{"a":`, "}"), "offset 50000: invalid character '}'"}, // no innermost value
		{[]byte(strings.Repeat(`{"a":`, maxDepth-1) + "{}" + strings.Repeat("}", maxDepth-1)), ""},
		{[]byte(strings.Repeat(`{"a":`, maxDepth) + "{}" + strings.Repeat("}", maxDepth)), "offset 50000: " + tooDeep},
		{[]byte(strings.Repeat("[", 1<<20)), "offset 10000: " + tooDeep}, // an error, not a stack overflow
	} {
		if json.Valid(c.in) != (c.err == "") {
			t.Fatalf("encoding/json disagrees about %d bytes", len(c.in))
		}
		for name, f := range map[string]func(*Decoder) error{
			"Skip": (*Decoder).skip,
			"Raw":  func(d *Decoder) error { _, err := d.raw(); return err },
			"Any":  func(d *Decoder) error { _, err := decodeAny(d); return err },
			// The limit counts Object/Array levels and Skip levels together.
			"Mixed": func(d *Decoder) error {
				if d.peek() == kindObject {
					return d.object(func([]byte) error { return d.skip() })
				}
				return d.array(func() error { _, err := d.raw(); return err })
			},
		} {
			d := newDecoder(c.in)
			err := f(d)
			if err == nil {
				err = d.end()
			}
			checkErr(t, fmt.Sprintf("%s on %d bytes", name, len(c.in)), err, c.err)
		}
	}
}

// TestDecodeAnyMatchesEncodingJSON checks whole-document semantics, including
// duplicate keys, against json.Unmarshal into any.
func TestDecodeAnyMatchesEncodingJSON(t *testing.T) {
	docs := append([]string{
		`{"a":1,"a":2}`, `{"a":{"b":[1,2,{"c":null}]},"d":"\u00e9"}`, `[1e308, -1e-308, 0.1, 5e-324]`,
		`[1e309]`, `{"":""}`, `{"\u0000":"\ud800"}`, `[true,false,null]`, `{"a":1,}`, `[1,,2]`,
		"[1]\x00", " [ ] ", `{"a":"b"`, "{\"\xff\":1}",
	}, stringInputs...)
	for _, in := range docs {
		d := newDecoder([]byte(in))
		got, err := decodeAny(d)
		if err == nil {
			err = d.end()
		}
		var want any
		wantErr := json.Unmarshal([]byte(in), &want)
		if (err == nil) != (wantErr == nil) {
			t.Errorf("%q: err %v, encoding/json err %v", in, err, wantErr)
			continue
		}
		if err == nil && !same(got, want) {
			t.Errorf("%q: got %#v, encoding/json %#v", in, got, want)
		}
	}
}

func TestUnmarshalNullIsNoOp(t *testing.T) {
	x := testObj{Extra: Extra{{Name: "kept", Value: json.RawMessage("1")}}}
	if err := unmarshalSelf([]byte(" null "), &x); err != nil || len(x.Extra) != 1 {
		t.Errorf("null: %v %+v", err, x)
	}
	if err := unmarshalSelf([]byte(`{"a":1} x`), &x); err == nil || !strings.Contains(atOffset(err), "offset 8: invalid character 'x' after top-level value") {
		t.Errorf("trailing garbage: %v", err)
	}
	if err := unmarshalSelf([]byte(``), &x); err == nil || !strings.Contains(atOffset(err), "offset 0: unexpected end of input; expected object") {
		t.Errorf("empty: %v", err)
	}
}

// testObj is a minimal generated-style type for in-package tests.
type testObj struct{ Extra Extra }

func (x *testObj) decodeJSON(d *Decoder) error {
	*x = testObj{}
	return d.object(func(key []byte) error { return x.Extra.decodeMember(d, key) })
}

func TestDecoderAllocs(t *testing.T) {
	in := []byte(`{"plain":"text","esc\u0061ped":"v\u00e9","n":-12345,"f":1.25e3,"b":true,"z":null,"a":[1,2],"o":{"k":"v"}}`)
	d := newDecoder(in)
	var fn func(key []byte) error
	fn = func(key []byte) error {
		switch string(key) {
		case "n":
			_, err := d.decInt64()
			return err
		case "f":
			_, err := d.decFloat64()
			return err
		case "b":
			_, err := d.decBool()
			return err
		case "plain", "escaped", "z", "a", "k":
			return d.skip()
		}
		return d.object(fn)
	}
	run := func() {
		d.reset(in)
		if err := d.object(fn); err != nil {
			t.Fatal(err)
		}
	}
	run() // grow the scratch buffer
	if n := testing.AllocsPerRun(100, run); n != 0 {
		t.Errorf("walking a document allocated %v times, want 0", n)
	}
	for _, s := range []string{`"plain"`, `"esc\u0061ped"`} {
		b := []byte(s)
		if n := testing.AllocsPerRun(100, func() {
			d.reset(b)
			if _, err := d.decString(); err != nil {
				t.Fatal(err)
			}
		}); n != 1 {
			t.Errorf("String(%s) allocated %v times, want 1 (the result)", s, n)
		}
	}
}

func TestReset(t *testing.T) {
	d := newDecoder([]byte("1"))
	if _, err := d.decInt64(); err != nil {
		t.Fatal(err)
	}
	d.reset([]byte(" 2"))
	if v, err := d.decInt64(); v != 2 || err != nil || d.offset() != 2 {
		t.Errorf("after Reset: %v %v", v, err)
	}
	if !bytes.Equal(d.buf, []byte(" 2")) {
		t.Error("Reset did not replace the input")
	}
}

// TestErrorPathDepth: a deep document keeps the innermost part of the
// path, marked with "…", and building it costs no more than at a sane
// depth.
func TestErrorPathDepth(t *testing.T) {
	in := strings.Repeat(`{"a":[`, 5000) + `x` + strings.Repeat(`]}`, 5000)
	d := newDecoder([]byte(in))
	var walk func() error
	walk = func() error {
		if d.peek() == kindObject {
			return d.object(func([]byte) error { return walk() })
		}
		if d.peek() == kindArray {
			return d.array(walk)
		}
		_, err := d.decString()
		return err
	}
	err := walk()
	var de *DecodeError
	if !errors.As(err, &de) || !strings.HasPrefix(de.Path, "…") || !strings.HasSuffix(de.Path, "a[0].a[0]") || len(de.Path) > maxPath+20 {
		t.Errorf("path %q", de.Path)
	}
	if allocs := testing.AllocsPerRun(5, func() { d.reset([]byte(in)); walk() }); allocs > 200 {
		t.Errorf("%v allocations for one error", allocs)
	}
}
