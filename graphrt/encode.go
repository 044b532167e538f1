package graphrt

import (
	"errors"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Encoder appends JSON to an internal buffer. Separators are placed
// automatically: every value method and Key writes the comma that precedes
// it when one is needed, so generated code never tracks "first member".
// Whether one is needed follows from the last byte written (no comma after
// '{', '[' or ':'), so code may also append to the buffer directly, as the
// put helpers do (see beginObject).
//
// The zero value is ready to use. Encoder does not check that calls form a
// well-nested document; that is the generated code's contract.
type Encoder struct {
	buf []byte
	err error
	// typeHint is an "@odata.type" value the next object must carry: set
	// by setTypeHint when a derived value fills a slot declared with its base.
	typeHint string
}

// ErrInvalidRaw is wrapped by the error recorded when Raw is given bytes that
// are not a single valid JSON value.
var ErrInvalidRaw = errors.New("graphrt: invalid raw JSON value")

// Bytes returns the encoded JSON. It aliases the Encoder's buffer.
func (e *Encoder) Bytes() []byte { return e.buf }

// Err returns the first error recorded while encoding, if any.
func (e *Encoder) Err() error { return e.err }

// Reset empties the Encoder for reuse, keeping its buffer's capacity.
func (e *Encoder) Reset() { *e = Encoder{buf: e.buf[:0]} }

func (e *Encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// sep appends the comma that separates a value from the one before it:
// after anything but the start of the document, '{', '[' or a key's ':'.
func sep(b []byte) []byte {
	if n := len(b); n > 0 {
		if c := b[n-1]; c != '{' && c != '[' && c != ':' {
			return append(b, ',')
		}
	}
	return b
}

// value prepares for a value: it writes the separating comma if needed.
func (e *Encoder) value() { e.buf = sep(e.buf) }

// initialCap is the first buffer size: most Graph objects encode to a few
// hundred bytes or more, so starting there avoids several growth steps.
const initialCap = 512

// ObjectStart writes '{'.
func (e *Encoder) objectStart() {
	if e.buf == nil {
		e.buf = make([]byte, 0, initialCap)
	}
	e.buf = append(sep(e.buf), '{')
	if e.typeHint != "" {
		e.typeHint = "" // only then: a pointer store costs a GC write barrier
	}
}

// beginObject starts a generated object whose unknown members are extra:
// it writes '{' and the control information, before any property as OData
// JSON requires: the instance annotations in extra (members whose name
// starts with '@': "@odata.context", "@odata.type", "@odata.etag", ...) in
// the order they arrived, and a pending setTypeHint as "@odata.type" after
// "@odata.context" unless extra carries that member already. It returns
// the buffer for the put helpers; hand it back with endObject. Holding
// the buffer in a local variable, rather than storing it into the Encoder
// after every member, is what makes generated encoding fast.
func (e *Encoder) beginObject(extra Extra) []byte {
	hint := e.typeHint
	e.objectStart()
	if hint == "" && len(extra) == 0 {
		return e.buf
	}
	if hint != "" && extra.has(odataType) {
		hint = ""
	}
	b := e.buf
	for i := range extra {
		m := &extra[i]
		if !isAnnotation(m.Name) {
			continue
		}
		if hint != "" && m.Name != odataContext {
			b = appendTypeHint(sep(b), hint)
			hint = ""
		}
		b = e.appendMember(b, m)
	}
	if hint != "" {
		b = appendTypeHint(sep(b), hint)
	}
	return b
}

// endObject takes back the buffer from beginObject, writes the members of
// extra that are not instance annotations, and '}'.
func (e *Encoder) endObject(b []byte, extra Extra) {
	for i := range extra {
		if m := &extra[i]; !isAnnotation(m.Name) {
			b = e.appendMember(b, m)
		}
	}
	e.buf = append(b, '}')
}

// isAnnotation reports whether a member name is an instance annotation
// ("@odata.etag", "@microsoft.graph.downloadUrl"): '@' and a
// namespace-qualified term, which OData writes before the properties. A
// property annotation ("members@odata.nextLink") is not one, nor is a
// name such as "@" or "@x" that names no term.
func isAnnotation(name string) bool {
	return len(name) > 1 && name[0] == '@' && strings.IndexByte(name[2:], '.') >= 0
}

// appendTypeHint writes the member "@odata.type": "#" + name. Tables hold
// the name without "#", the text the generated Decode functions match, so
// that a program stores it once.
func appendTypeHint(b []byte, name string) []byte {
	b = append(b, `"@odata.type":"#`...)
	n := len(b)
	b = appendString(b, name)
	copy(b[n:], b[n+1:]) // drop the opening quote appendString wrote
	return b[:len(b)-1]
}

// setTypeHint makes the next object written carry "@odata.type": "#" and
// name (such as "microsoft.graph.user"). EncodeKind calls it when the dynamic type of a
// value differs from the type its slot declares.
func (e *Encoder) setTypeHint(name string) { e.typeHint = name }

// ObjectEnd writes '}'.
func (e *Encoder) objectEnd() { e.buf = append(e.buf, '}') }

// ArrayStart writes '['.
func (e *Encoder) arrayStart() { e.buf = append(sep(e.buf), '[') }

// ArrayEnd writes ']'.
func (e *Encoder) arrayEnd() { e.buf = append(e.buf, ']') }

// Key writes an object member name (escaped) and ':'.
func (e *Encoder) encKey(name string) {
	e.buf = append(appendString(sep(e.buf), name), ':')
}

// quotedKey writes an object member name that is already in its JSON form
// with the colon, such as `"displayName":`. Tables quote each name once, so
// nothing is escaped per call.
func (e *Encoder) quotedKey(key string) { e.buf = append(sep(e.buf), key...) }

// Null writes null.
func (e *Encoder) encNull() {
	e.value()
	e.buf = append(e.buf, "null"...)
	if e.typeHint != "" {
		e.typeHint = "" // a nil value in a typed slot
	}
}

// Bool writes true or false.
func (e *Encoder) encBool(v bool) {
	e.value()
	e.buf = strconv.AppendBool(e.buf, v)
}

// String writes s as a JSON string, escaped like encoding/json without HTML
// escaping: quote, backslash and control characters are escaped, invalid
// UTF-8 becomes \ufffd, and U+2028/U+2029 are escaped.
func (e *Encoder) encString(s string) {
	e.value()
	e.buf = appendString(e.buf, s)
}

// Int64 writes v.
func (e *Encoder) encInt64(v int64) {
	e.value()
	e.buf = strconv.AppendInt(e.buf, v, 10)
}

// Int32 writes v.
func (e *Encoder) encInt32(v int32) { e.encInt64(int64(v)) }

// Int16 writes v.
func (e *Encoder) encInt16(v int16) { e.encInt64(int64(v)) }

// Byte writes v (Edm.Byte is unsigned).
func (e *Encoder) encByte(v uint8) { e.encInt64(int64(v)) }

// Float64 writes v the way encoding/json does; NaN and ±Inf, which JSON
// numbers cannot express, become the OData strings "NaN", "INF" and "-INF".
func (e *Encoder) encFloat64(v float64) { e.float(v, 64) }

// Float32 writes v with float32 precision; see Float64.
func (e *Encoder) encFloat32(v float32) { e.float(float64(v), 32) }

func (e *Encoder) float(f float64, bits int) {
	e.buf = appendFloat(sep(e.buf), f, bits)
}

func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"INF"`...)
	case math.IsInf(f, -1):
		return append(b, `"-INF"`...)
	}
	// Same as encoding/json's floatEncoder: ES6-style number formatting
	// (like %g but with different exponent cutoffs and no exponent padding).
	// The cutoffs must be compared at the value's own precision.
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// Clean up e-09 to e-9.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// encRaw writes b, which must be exactly one JSON value, verbatim. Invalid input
// records an error (see Err) and writes null so the output stays well formed.
// A nil b writes null without error, matching json.RawMessage.
func (e *Encoder) encRaw(b []byte) {
	if b == nil {
		e.encNull()
		return
	}
	if !valid(b) {
		e.fail(rawError(b))
		e.encNull()
		return
	}
	e.value()
	e.buf = append(e.buf, b...)
}

func rawError(b []byte) error {
	const max = 40
	s := string(b)
	if len(s) > max {
		s = s[:max] + "..."
	}
	return &rawErr{strconv.Quote(s)}
}

type rawErr struct{ quoted string }

func (r *rawErr) Error() string { return ErrInvalidRaw.Error() + " " + r.quoted }
func (r *rawErr) Unwrap() error { return ErrInvalidRaw }

// valid reports whether b is exactly one JSON value (surrounding whitespace
// allowed). It is json.Valid on the Decoder's validator, which is several
// times faster than encoding/json's scanner.
func valid(b []byte) bool {
	d := Decoder{buf: b}
	return d.skip() == nil && d.end() == nil
}

// selfEncoder is implemented by values that encode themselves: the OData
// wire types and Page (generated types implement Object instead).
type selfEncoder interface {
	encodeJSON(*Encoder)
}

// encodeSelf writes a value that encodes itself; it has the shape the
// put helpers expect.
func encodeSelf[T selfEncoder](e *Encoder, v T) { v.encodeJSON(e) }

var encoders = sync.Pool{New: func() any { return new(Encoder) }}

// maxPooledBuffer bounds the buffers kept for reuse, so one huge document
// does not pin its memory for the life of the process.
const maxPooledBuffer = 1 << 20

// acquireEncoder returns an empty Encoder from a pool. Pair it with
// releaseEncoder: the buffer is then reused, and a MarshalJSON costs one
// allocation of exactly the output's size.
func acquireEncoder() *Encoder {
	e := encoders.Get().(*Encoder)
	e.Reset()
	return e
}

// releaseEncoder returns a copy of what e encoded and its error, and puts
// e back in the pool; e must not be used afterwards.
func releaseEncoder(e *Encoder) ([]byte, error) {
	out := append([]byte(nil), e.buf...) // unlike make+copy, not zeroed first
	err := e.err
	if cap(e.buf) <= maxPooledBuffer {
		e.err = nil
		encoders.Put(e)
	}
	return out, err
}

const hexDigits = "0123456789abcdef"

// safeSet[b] reports whether ASCII byte b can appear unescaped in a JSON
// string (everything but control characters, quote and backslash).
var safeSet = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

// appendString is encoding/json's appendString with escapeHTML=false.
func appendString(dst []byte, src string) []byte {
	i := plainPrefix(src)
	if i == len(src) { // nearly always: one copy, no escapes
		dst = append(dst, '"')
		dst = append(dst, src...)
		return append(dst, '"')
	}
	dst = append(dst, '"')
	dst = append(dst, src[:i]...)
	start := i
	for i < len(src) {
		i = skipPlain(src, i)
		if i >= len(src) {
			break
		}
		if b := src[i]; b < utf8.RuneSelf {
			if safeSet[b] {
				i++
				continue
			}
			dst = append(dst, src[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(src[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, src[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		// U+2028/U+2029 are valid in JSON but break JavaScript/JSONP
		// consumers; encoding/json escapes them unconditionally too.
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, src[start:]...)
	return append(dst, '"')
}

// SWAR (SIMD within a register) tests on 8 bytes at once let the string
// loops skip runs of plain ASCII, the bulk of Graph's text, in one step.
const (
	lsb8 = 0x0101010101010101
	msb8 = 0x8080808080808080
)

// load8 reads 8 bytes of s at i, little-endian (the compiler merges the
// loads into one).
func load8[S string | []byte](s S, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// special8 marks (with its high bit) each byte of v that is a control
// character, '"' or '\\': the bytes a JSON string cannot hold as they are.
// The tests are the classic "has less than" and "has zero byte" ones; they
// may also mark bytes above a marked one, but the lowest mark is exact.
func special8(v uint64) uint64 {
	ctl := (v - 0x20*lsb8) & ^v & msb8
	q := v ^ ('"' * lsb8)
	bs := v ^ ('\\' * lsb8)
	return ctl | ((q - lsb8) & ^q & msb8) | ((bs - lsb8) & ^bs & msb8)
}

// plain8 also marks the bytes of multi-byte UTF-8 sequences.
func plain8(v uint64) uint64 { return v&msb8 | special8(v) }

// skipPlain returns the index of the first byte at or after i that plain8
// marks, reading 8 bytes at a time while 8 remain, or i itself when fewer
// do (the caller's byte loop takes over).
func skipPlain[S string | []byte](s S, i int) int {
	for i+8 <= len(s) {
		if m := plain8(load8(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	return i
}

// plainPrefix is the length of the longest prefix of s that a JSON string
// holds as it is (ASCII, no escapes).
func plainPrefix(s string) int {
	i := 0
	for i+8 <= len(s) {
		if m := plain8(load8(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	if j := len(s) - 8; j >= 0 {
		// The last 8 bytes, overlapping what was checked: the lowest mark
		// is exact, so it cannot fall before i.
		if m := plain8(load8(s, j)); m != 0 {
			return j + bits.TrailingZeros64(m)>>3
		}
		return len(s)
	}
	for i < len(s) && s[i] < utf8.RuneSelf && safeSet[s[i]] {
		i++
	}
	return i
}

// skipUnspecial is skipPlain for special8: bytes of UTF-8 sequences pass.
func skipUnspecial(b []byte, i int) int {
	for i+8 <= len(b) {
		if m := special8(load8(b, i)); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	return i
}
