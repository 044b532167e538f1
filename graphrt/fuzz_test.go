package graphrt

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzDecoderRaw(f *testing.F) {
	for _, s := range stringInputs {
		f.Add([]byte(s))
	}
	for _, s := range []string{
		`{"a":[1,{"b":null}],"c":"\u00e9"}`, ` [ true , false , null ] `, `-0.5e+10`, `1e400`,
		`{"a":1,"a":2}`, `[1,]`, `{"a" 1}`, `[[[[[[[[]]]]]]]]`, `{"\ud800":"\udc00"}`, "[\"\xff\"]",
		"\t\n\r 0 \t", `01`, `[1 2]`, `{"a":1}x`, `nul`, `[-]`, `"\u12"`, "\xef\xbb\xbf1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		valid := json.Valid(in)

		d := newDecoder(in)
		raw, err := d.raw()
		if err == nil {
			err = d.end()
		}
		if valid != (err == nil) {
			t.Fatalf("Raw(%q): err %v, json.Valid %v", in, err, valid)
		}
		if valid && !bytes.Equal(raw, bytes.Trim(in, " \t\r\n")) {
			t.Fatalf("Raw(%q) = %q", in, raw)
		}

		d = newDecoder(in)
		serr := d.skip()
		if serr == nil {
			serr = d.end()
		}
		if (serr == nil) != valid || (serr != nil && serr.Error() != err.Error()) {
			t.Fatalf("Skip(%q) = %v, Raw gave %v", in, serr, err)
		}

		// Full decoding agrees with encoding/json on values and on errors
		// (including out-of-range numbers, which both reject).
		d = newDecoder(in)
		got, aerr := decodeAny(d)
		if aerr == nil {
			aerr = d.end()
		}
		var want any
		werr := json.Unmarshal(in, &want)
		if (aerr == nil) != (werr == nil) {
			t.Fatalf("decode %q: err %v, encoding/json err %v", in, aerr, werr)
		}
		if aerr == nil && !same(got, want) {
			t.Fatalf("decode %q: got %#v, encoding/json %#v", in, got, want)
		}
		if _, ok := aerr.(*DecodeError); aerr != nil && !ok {
			t.Fatalf("error without offset: %v", aerr)
		}
	})
}

func FuzzString(f *testing.F) {
	for _, s := range encodeStrings {
		f.Add(s)
	}
	for _, s := range stringInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Encoding matches encoding/json and decodes back to s (with
		// invalid UTF-8 replaced, as encoding/json does).
		var e Encoder
		e.objectStart()
		e.encKey(s)
		e.encString(s)
		e.objectEnd()
		enc := e.Bytes()
		if !json.Valid(enc) {
			t.Fatalf("invalid output %q", enc)
		}
		quoted := jsonString(t, s)
		if string(enc) != "{"+quoted+":"+quoted+"}" {
			t.Fatalf("String(%q) = %s, encoding/json %s", s, enc, quoted)
		}
		wantBack := s
		if !utf8.ValidString(s) {
			if err := json.Unmarshal([]byte(quoted), &wantBack); err != nil {
				t.Fatal(err)
			}
		}
		d := newDecoder(enc)
		err := d.object(func(key []byte) error {
			if string(key) != wantBack {
				t.Fatalf("key %q, want %q", key, wantBack)
			}
			got, err := d.decString()
			if got != wantBack {
				t.Fatalf("value %q, want %q", got, wantBack)
			}
			return err
		})
		if err != nil || d.end() != nil {
			t.Fatalf("decoding %s: %v", enc, err)
		}

		// s itself as a JSON document: Decoder.String agrees with
		// json.Unmarshal into a string.
		if strings.Trim(s, " \t\r\n") == "null" {
			return // encoding/json treats null as "leave unchanged"
		}
		d = newDecoder([]byte(s))
		got, err := d.decString()
		if err == nil {
			err = d.end()
		}
		var want string
		werr := json.Unmarshal([]byte(s), &want)
		if (err == nil) != (werr == nil) || err == nil && got != want {
			t.Fatalf("String(%q) = %q, %v; encoding/json %q, %v", s, got, err, want, werr)
		}
	})
}
