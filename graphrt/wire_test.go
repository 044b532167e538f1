package graphrt

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"
)

// The wire-format tables: each value as Graph sends it decodes, converts
// to its Go meaning, and encodes back as it came.

// roundTripField decodes {"v": in} with dec and encodes the result with
// enc, returning the value and the re-encoded member value.
func roundTripField[T any](t *testing.T, in string, dec func(*Decoder, *Opt[T]) error, enc func(*Encoder, []byte, Opt[T]) []byte) (T, string, error) {
	t.Helper()
	var o Opt[T]
	d := newDecoder([]byte(`{"v":` + in + `}`))
	err := d.object(func(key []byte) error { return dec(d, &o) })
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return o.Value, "", err
	}
	var e Encoder
	b := e.beginObject(nil)
	b = enc(&e, b, o)
	e.endObject(b, nil)
	if e.Err() != nil {
		t.Fatalf("%s: encode error %v", in, e.Err())
	}
	out := string(e.Bytes())
	return o.Value, strings.TrimSuffix(strings.TrimPrefix(out, `{"v":`), "}"), nil
}

func TestWireDateTimeOffset(t *testing.T) {
	base := time.Date(2024, 3, 9, 17, 45, 12, 0, time.UTC)
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{`"2024-03-09T17:45:12Z"`, base},
		{`"2024-03-09T17:45:12.1234567Z"`, base.Add(123456700)},
		{`"2024-03-09T17:45:12.1Z"`, base.Add(100 * time.Millisecond)},
		{`"2024-03-09T23:15:12.5+05:30"`, base.Add(500 * time.Millisecond)},
		{`"2024-03-09T09:45:12-08:00"`, base},
		{`"2024-03-09T17:45:12.000000000Z"`, base},
		{`"0001-01-01T00:00:00Z"`, time.Time{}},
	} {
		v, out, err := roundTripField(t, c.in, decodeOptString[DateTimeOffset], func(e *Encoder, b []byte, o Opt[DateTimeOffset]) []byte {
			return putEnum(b, `"v":`, o)
		})
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		got, err := v.Time()
		if err != nil || !got.Equal(c.want) {
			t.Errorf("%s: Time() = %v, %v; want %v", c.in, got, err, c.want)
		}
		if out != c.in {
			t.Errorf("%s re-encoded as %s: the text must be kept", c.in, out)
		}
	}
	// Graph's own format: seven fractional digits when there is a fraction
	// (it keeps 100 ns), the value's own offset, and the same instant back.
	for _, c := range []struct {
		t    time.Time
		want DateTimeOffset
	}{
		{base, "2024-03-09T17:45:12Z"},
		{base.Add(123456789), "2024-03-09T17:45:12.1234567Z"},
		{base.In(time.FixedZone("", -7*3600)), "2024-03-09T10:45:12-07:00"},
		{base.Add(time.Millisecond).In(time.FixedZone("", 5*3600+45*60)), "2024-03-09T23:30:12.0010000+05:45"},
	} {
		got := NewDateTimeOffset(c.t)
		if got != c.want {
			t.Errorf("NewDateTimeOffset(%v) = %s, want %s", c.t, got, c.want)
		}
		back, err := got.Time()
		if err != nil || !back.Equal(c.t.Truncate(100*time.Nanosecond)) {
			t.Errorf("%s: Time() = %v, %v; want %v", got, back, err, c.t)
		}
	}
	if _, err := DateTimeOffset("2024-03-09").Time(); err == nil {
		t.Error("a date alone is not a DateTimeOffset")
	}
}

func TestWireDate(t *testing.T) {
	v, out, err := roundTripField(t, `"2024-02-29"`, decodeOptString[Date], func(e *Encoder, b []byte, o Opt[Date]) []byte {
		return putEnum(b, `"v":`, o)
	})
	if err != nil || out != `"2024-02-29"` {
		t.Fatalf("Date round trip: %s, %v", out, err)
	}
	if got, err := v.Time(); err != nil || !got.Equal(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v, %v", got, err)
	}
	if got := NewDate(time.Date(2025, 1, 2, 23, 59, 0, 0, time.FixedZone("", 3600))); got != "2025-01-02" {
		t.Errorf("NewDate = %s", got)
	}
	for _, bad := range []Date{"2023-02-29", "2024-2-29", "2024-02-29T00:00:00Z"} {
		if _, err := bad.Time(); err == nil {
			t.Errorf("%s parsed", bad)
		}
	}
}

func TestWireTimeOfDay(t *testing.T) {
	for _, c := range []struct {
		in   TimeOfDay
		want time.Duration
	}{
		{"15:04:05.0000000", 15*time.Hour + 4*time.Minute + 5*time.Second},
		{"08:30:00.1234567", 8*time.Hour + 30*time.Minute + 123456700},
		{"23:59:59.999999999", 24*time.Hour - 1},
		{"00:00:00", 0},
		{"07:45", 7*time.Hour + 45*time.Minute},
	} {
		got, err := c.in.Duration()
		if err != nil || got != c.want {
			t.Errorf("%s: %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []TimeOfDay{"24:00:00", "12:60:00", "12:00:00Z", "noon"} {
		if _, err := bad.Duration(); err == nil {
			t.Errorf("%s parsed", bad)
		}
	}
	if got := NewTimeOfDay(time.Date(1, 1, 1, 9, 5, 7, 250*1e6, time.UTC)); got != "09:05:07.2500000" {
		t.Errorf("NewTimeOfDay = %s", got)
	}
	_, out, err := roundTripField(t, `"09:05:07.2500000"`, decodeOptString[TimeOfDay], func(e *Encoder, b []byte, o Opt[TimeOfDay]) []byte {
		return putEnum(b, `"v":`, o)
	})
	if err != nil || out != `"09:05:07.2500000"` {
		t.Errorf("round trip: %s, %v", out, err)
	}
}

func TestWireDuration(t *testing.T) {
	const day = 24 * time.Hour
	for _, c := range []struct {
		in   Duration
		want time.Duration
	}{
		{"PT1H30M", 90 * time.Minute},
		{"P1DT2H", day + 2*time.Hour},
		{"P3D", 3 * day},
		{"P2W", 14 * day},
		{"PT0S", 0},
		{"PT0.5S", 500 * time.Millisecond},
		{"PT1.2345678S", 1234567800},
		{"PT0.000000001S", 1},
		{"PT0.0000000009S", 0},
		{"P0.5D", 12 * time.Hour},
		{"PT1,5S", 1500 * time.Millisecond},
		{"-PT1M", -time.Minute},
		{"-P1DT0.5S", -(day + 500*time.Millisecond)},
		{"+PT10M", 10 * time.Minute},
		{"P200DT0.000000001S", 200*day + 1},
		{"PT2562047H47M16.854775807S", math.MaxInt64},
		{"-PT2562047H47M16.854775808S", math.MinInt64},
		{"P106751DT23H47M16.8547758S", math.MaxInt64 - 7},
	} {
		got, err := c.in.Duration()
		if err != nil || got != c.want {
			t.Errorf("%s: %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []Duration{"", "P", "PT", "P1Y", "P1M", "1H", "PT1D", "P1H", "PT1M1H", "PT1S1S", "PT.S", "PTS",
		"PT2562047H47M16.854775808S", "P1DT", "P-1D", "PT1HX", "PT99999999999999999999S"} {
		if got, err := bad.Duration(); err == nil {
			t.Errorf("%q parsed as %v", bad, got)
		}
	}
	for _, c := range []struct {
		d    time.Duration
		want Duration
	}{
		{90 * time.Minute, "PT1H30M"},
		{day + 2*time.Hour, "P1DT2H"},
		{3 * day, "P3D"},
		{0, "PT0S"},
		{1500 * time.Millisecond, "PT1.5S"},
		{-time.Minute, "-PT1M"},
		{-(day + 1), "-P1DT0.000000001S"},
		{math.MinInt64, "-P106751DT23H47M16.854775808S"},
	} {
		got := NewDuration(c.d)
		if got != c.want {
			t.Errorf("NewDuration(%v) = %s, want %s", c.d, got, c.want)
		}
		if back, err := got.Duration(); err != nil || back != c.d {
			t.Errorf("%s: Duration() = %v, %v; want %v", got, back, err, c.d)
		}
	}
}

// TestWireBinary: base64 comes back exactly as it was sent, canonical or
// not, and its bytes can be read.
func TestWireBinary(t *testing.T) {
	appendBin := func(e *Encoder, b []byte, o Opt[Binary]) []byte { return putBinary(b, `"v":`, o) }
	for _, c := range []struct {
		in   string
		want []byte
	}{
		{`"aGVsbG8="`, []byte("hello")},
		{`""`, []byte{}},
		{`"+/8="`, []byte{0xfb, 0xff}},
		{`"-_8="`, []byte{0xfb, 0xff}},                               // URL-safe
		{`"-_8"`, []byte{0xfb, 0xff}},                                // unpadded
		{`"Binary"`, []byte{0x06, 0x29, 0xda, 0xaf}},                 // a placeholder: stray bits in the last character
		{`"R0lGODdhEAYEAA7"`, []byte("GIF87a\x10\x06\x04\x00\x0e")},  // unpadded, stray bits
		{`"R0lGODdhEAYEAA4="`, []byte("GIF87a\x10\x06\x04\x00\x0e")}, // the same bytes, canonical
		{`"\u0061GVsbG8="`, []byte("hello")},                         // an escape is read, the text written plain
	} {
		v, out, err := roundTripField(t, c.in, (*Decoder).optBinary, appendBin)
		want := c.in
		if strings.Contains(c.in, `\u`) {
			want = `"aGVsbG8="`
		}
		if err != nil || out != want {
			t.Errorf("%s: written back as %s, %v", c.in, out, err)
			continue
		}
		if b, err := v.Bytes(); err != nil || !bytes.Equal(b, c.want) {
			t.Errorf("%s: Bytes() = %x, %v; want %x", c.in, b, err, c.want)
		}
	}
	// Text that is not base64 is kept too; Bytes reports it.
	for _, bad := range []string{`"a"`, `"!!!!"`, `"QQ="`, `"QQ==="`, `"+_8="`, `"QQ==QQ=="`, `"Adfsdfsdfsdfw=="`} {
		v, out, err := roundTripField(t, bad, (*Decoder).optBinary, appendBin)
		if err != nil || out != bad {
			t.Errorf("%s: written back as %s, %v", bad, out, err)
		}
		if b, err := v.Bytes(); err == nil {
			t.Errorf("%s: Bytes() = %x, want an error", bad, b)
		}
	}
	if _, _, err := roundTripField(t, `12`, (*Decoder).optBinary, appendBin); err == nil {
		t.Error("a number decoded as Binary")
	}
	if got := NewBinary([]byte("hello")); got != "aGVsbG8=" {
		t.Errorf("NewBinary = %s", got)
	}
}

func TestWireInt64(t *testing.T) {
	appendInt := func(e *Encoder, b []byte, o Opt[int64]) []byte { return putInt64(b, `"v":`, o) }
	for _, c := range []struct {
		in, out string
		want    int64
	}{
		{`9007199254740993`, `9007199254740993`, 9007199254740993},
		{`-9223372036854775808`, `-9223372036854775808`, math.MinInt64},
		// IEEE754Compatible=true sends Int64 as a string; it is read exactly
		// and written back as a string.
		{`"9007199254740993"`, `"9007199254740993"`, 9007199254740993},
		{`"-42"`, `"-42"`, -42},
		{`null`, `null`, 0},
		// A whole number in another spelling is kept by value.
		{`1e3`, `1000`, 1000},
		{`"4.0"`, `"4"`, 4},
	} {
		v, out, err := roundTripField(t, c.in, (*Decoder).optInt64, appendInt)
		if err != nil || v != c.want || out != c.out {
			t.Errorf("%s: %d, %s, %v", c.in, v, out, err)
		}
	}
	for _, bad := range []string{`9223372036854775808`, `"1.5"`, `1.5`, `"12 "`, `""`, `true`} {
		if v, _, err := roundTripField(t, bad, (*Decoder).optInt64, appendInt); err == nil {
			t.Errorf("%s decoded as %d", bad, v)
		}
	}
}

func TestWireDouble(t *testing.T) {
	appendF := func(e *Encoder, b []byte, o Opt[float64]) []byte { return putFloat64(b, `"v":`, o) }
	for _, c := range []struct {
		in, out string
		want    float64
	}{
		{`"NaN"`, `"NaN"`, math.NaN()},
		{`"INF"`, `"INF"`, math.Inf(1)},
		{`"-INF"`, `"-INF"`, math.Inf(-1)},
		{`"Infinity"`, `"INF"`, math.Inf(1)},
		{`1.5`, `1.5`, 1.5},
		{`"1.5"`, `"1.5"`, 1.5},
		{`"1E+2"`, `"100"`, 100},
		{`-0`, `-0`, math.Copysign(0, -1)},
		{`1e21`, `1e+21`, 1e21},
		{`0.1`, `0.1`, 0.1},
	} {
		v, out, err := roundTripField(t, c.in, (*Decoder).optFloat64, appendF)
		if err != nil || !same(v, c.want) || out != c.out {
			t.Errorf("%s: %v, %s, %v; want %v, %s", c.in, v, out, err, c.want, c.out)
		}
	}
	v32, out, err := roundTripField(t, `"-INF"`, (*Decoder).optFloat32, func(e *Encoder, b []byte, o Opt[float32]) []byte {
		return putFloat32(b, `"v":`, o)
	})
	if err != nil || !math.IsInf(float64(v32), -1) || out != `"-INF"` {
		t.Errorf("Single -INF: %v, %s, %v", v32, out, err)
	}
	v32, out, err = roundTripField(t, `"0.25"`, (*Decoder).optFloat32, func(e *Encoder, b []byte, o Opt[float32]) []byte {
		return putFloat32(b, `"v":`, o)
	})
	if err != nil || v32 != 0.25 || out != `"0.25"` {
		t.Errorf("Single in string form: %v, %s, %v", v32, out, err)
	}
	for _, bad := range []string{`"nan"`, `"inf"`, `1e400`} {
		if v, _, err := roundTripField(t, bad, (*Decoder).optFloat64, appendF); err == nil {
			t.Errorf("%s decoded as %v", bad, v)
		}
	}
}

func TestWireDecimal(t *testing.T) {
	appendDec := func(e *Encoder, b []byte, o Opt[Decimal]) []byte { return putDecimal(e, b, `"v":`, o) }
	for _, c := range []struct {
		in   string
		want Decimal
	}{
		// More digits than a float64 holds, and trailing zeros: kept.
		{`12345678901234567890.123456789`, Decimal{Text: "12345678901234567890.123456789"}},
		{`0.10`, Decimal{Text: "0.10"}},
		{`-1E-30`, Decimal{Text: "-1E-30"}},
		{`"79228162514264337593543950335"`, Decimal{Text: "79228162514264337593543950335", IsString: true}},
	} {
		v, out, err := roundTripField(t, c.in, (*Decoder).optDecimal, appendDec)
		if err != nil || v != c.want || out != c.in {
			t.Errorf("%s: %+v, %s, %v", c.in, v, out, err)
		}
	}
	if f, err := NewDecimal("0.10").Float64(); err != nil || f != 0.1 {
		t.Errorf("Float64 = %v, %v", f, err)
	}
	for _, bad := range []string{`true`, `[1]`, `{}`} {
		if v, _, err := roundTripField(t, bad, (*Decoder).optDecimal, appendDec); err == nil {
			t.Errorf("%s decoded as %+v", bad, v)
		}
	}
}

func TestRawCompact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"a":[1,2]}`, `{"a":[1,2]}`},
		{" { \"a\" :\t[ 1 ,\n2 ] , \"s\" : \" x \\\" y \\\\\" } ", `{"a":[1,2],"s":" x \" y \\"}`},
		{`"  "`, `"  "`},
		{` 12 `, `12`},
	} {
		d := newDecoder([]byte(c.in))
		got, err := d.rawCompact()
		if err == nil {
			err = d.end()
		}
		if err != nil || string(got) != c.want {
			t.Errorf("RawCompact(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := newDecoder([]byte(`[1,`)).rawCompact(); err == nil {
		t.Error("invalid input accepted")
	}
}

// TestODataTypeTwice: an object that names two types is an error (decoding
// it as one and re-encoding it as the other would change it); the same
// name twice is not.
func TestODataTypeTwice(t *testing.T) {
	var x Extra
	decodeInto := func(in string) error {
		x = nil
		d := newDecoder([]byte(in))
		return d.object(func(key []byte) error { return x.decodeMember(d, key) })
	}
	if err := decodeInto(`{"@odata.type":"#a","@odata.type":"#a","x":1,"x":2}`); err != nil || len(x) != 2 || string(x[1].Value) != "2" {
		t.Errorf("repeated members: %v %v", x, err)
	}
	if err := decodeInto(`{"@odata.type":"#a","@odata.type":"#b"}`); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("two types: %v", err)
	}
}
