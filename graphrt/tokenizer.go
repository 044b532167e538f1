package graphrt

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth is the deepest nesting of objects and arrays the Decoder accepts.
// It equals encoding/json's limit so both agree on which documents are valid,
// and it bounds the recursion in Skip and Raw.
const maxDepth = 10000

// jsonKind is the kind of a JSON value, as reported by Decoder.peek.
type jsonKind uint8

const (
	kindInvalid jsonKind = iota
	kindNull
	kindBool
	kindNumber
	kindString
	kindObject
	kindArray
)

func (k jsonKind) String() string {
	switch k {
	case kindNull:
		return "null"
	case kindBool:
		return "boolean"
	case kindNumber:
		return "number"
	case kindString:
		return "string"
	case kindObject:
		return "object"
	case kindArray:
		return "array"
	}
	return "invalid"
}

// kindOf maps the first byte of a value to its kind.
var kindOf = func() (t [256]jsonKind) {
	t['n'] = kindNull
	t['t'], t['f'] = kindBool, kindBool
	t['-'] = kindNumber
	for c := '0'; c <= '9'; c++ {
		t[c] = kindNumber
	}
	t['"'] = kindString
	t['{'] = kindObject
	t['['] = kindArray
	return t
}()

// plainSet[c] reports whether byte c needs no attention inside a string when
// only validating (bytes >= 0x80 are passed through, as encoding/json does).
var plainSet = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// DecodeError is a syntax, type or range error found while decoding.
// Offset is the byte offset in the input where the problem was detected;
// Path is where in the document it lies, in the form createdBy.user.id
// or value[3].members[0].id (empty at the top level).
type DecodeError struct {
	Path   string
	Offset int
	Msg    string
}

// Error reads "createdBy.user.id: expected string, found number (offset 27)".
func (e *DecodeError) Error() string {
	where := e.Path
	if where == "" {
		where = "graphrt"
	}
	return where + ": " + e.Msg + " (offset " + strconv.Itoa(e.Offset) + ")"
}

// maxPath bounds the path kept in a DecodeError: past it, outer steps are
// left out and the path starts with "…", so that an error deep in a
// hostile document costs no more than one at a sane depth.
const maxPath = 256

// inMember adds the member name key in front of the path of a
// DecodeError; the error is the decoder's own, so it is changed in place.
func inMember(err error, key []byte) error {
	if e, ok := err.(*DecodeError); ok && !strings.HasPrefix(e.Path, "…") {
		switch {
		case len(e.Path) >= maxPath:
			e.Path = "…" + e.Path
		case e.Path == "":
			e.Path = string(key)
		case e.Path[0] == '[':
			e.Path = string(key) + e.Path
		default:
			e.Path = string(key) + "." + e.Path
		}
	}
	return err
}

// inElement adds the array index i in front of the path of a DecodeError.
func inElement(err error, i int) error {
	if e, ok := err.(*DecodeError); ok && !strings.HasPrefix(e.Path, "…") {
		idx := "[" + strconv.Itoa(i) + "]"
		switch {
		case len(e.Path) >= maxPath:
			e.Path = "…" + e.Path
		case e.Path == "" || e.Path[0] == '[':
			e.Path = idx + e.Path
		default:
			e.Path = idx + "." + e.Path
		}
	}
	return err
}

// Decoder is a strict, allocation-light JSON tokenizer over a byte slice.
// The table walk (decodeStruct) and hand-written codecs drive it value by
// value. After any error the Decoder's
// state is unspecified; stop and report the error.
type Decoder struct {
	buf   []byte
	pos   int
	depth int
	// done records that the value expected at this point has been consumed.
	// Object and Array clear it before calling back so they can tell whether
	// the callback consumed exactly one value.
	done bool
	// scratch holds unescaped keys and strings. It is used as a stack: a key
	// stays valid while its callback runs even if nested values unescape more.
	scratch []byte
	// extras indexes large Extra values by name so duplicate detection stays
	// linear in hostile documents with many unknown members.
	extras map[*Extra]*extraIndex
	// spaced counts the runs of whitespace skipped, so rawCompact knows
	// whether a value needs compacting.
	spaced int
}

// newDecoder returns a Decoder reading b. b must not be modified while the
// Decoder is in use.
func newDecoder(b []byte) *Decoder { return &Decoder{buf: b} }

// Reset makes d read b from the start, keeping its scratch buffer.
func (d *Decoder) reset(b []byte) { *d = Decoder{buf: b, scratch: d.scratch[:0]} }

// decoderMark is where a Decoder stood before a value, so that restore can
// read the value again another way.
type decoderMark struct{ pos, depth, scratch int }

func (d *Decoder) save() decoderMark {
	return decoderMark{d.pos, d.depth, len(d.scratch)}
}

// restore goes back to m, before a value that has not been consumed.
func (d *Decoder) restore(m decoderMark) {
	d.pos, d.depth, d.scratch, d.done = m.pos, m.depth, d.scratch[:m.scratch], false
}

// Offset returns the current byte offset in the input.
func (d *Decoder) offset() int { return d.pos }

func (d *Decoder) errAt(off int, msg string) error { return &DecodeError{Offset: off, Msg: msg} }

func quoteChar(c byte) string {
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}

// expected reports that the byte at d.pos is not what the grammar requires.
func (d *Decoder) expected(what string) error {
	if d.pos >= len(d.buf) {
		return d.errAt(d.pos, "unexpected end of input; expected "+what)
	}
	return d.errAt(d.pos, "expected "+what+", found "+quoteChar(d.buf[d.pos]))
}

// mismatch reports that the value at d.pos is not of the wanted kind.
func (d *Decoder) mismatch(want string) error {
	c := d.buf[d.pos]
	if k := kindOf[c]; k != kindInvalid {
		return d.errAt(d.pos, "expected "+want+", found "+k.String())
	}
	return d.errAt(d.pos, "invalid character "+quoteChar(c)+" looking for beginning of value")
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ws skips whitespace; the common no-whitespace case is inlined.
func (d *Decoder) ws() {
	if d.pos < len(d.buf) && d.buf[d.pos] > ' ' {
		return
	}
	d.skipWS()
}

func (d *Decoder) skipWS() {
	i, b := d.pos, d.buf
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i > d.pos {
		d.spaced++
	}
	d.pos = i
}

// begin moves to the next value and returns its first byte.
func (d *Decoder) begin(want string) (byte, error) {
	d.ws()
	if d.done {
		return 0, d.errAt(d.pos, "a value was already read here; expected only one")
	}
	if d.pos >= len(d.buf) {
		return 0, d.errAt(d.pos, "unexpected end of input; expected "+want)
	}
	return d.buf[d.pos], nil
}

// peek returns the kind of the next value without consuming it, skipping
// whitespace. It returns KindInvalid at end of input, on a byte that cannot
// start a value, or when the current value has already been consumed.
func (d *Decoder) peek() jsonKind {
	d.ws()
	if d.done || d.pos >= len(d.buf) {
		return kindInvalid
	}
	return kindOf[d.buf[d.pos]]
}

// Null consumes a null and returns true if the next value is null; otherwise
// it consumes nothing and returns false.
func (d *Decoder) Null() bool {
	d.ws()
	if !d.done && len(d.buf)-d.pos >= 4 && string(d.buf[d.pos:d.pos+4]) == "null" {
		d.pos += 4
		d.done = true
		return true
	}
	return false
}

// Object reads an object, calling fn for each member with its unescaped key.
// The key is only valid during the call. fn must consume the member's value
// exactly once (decode it, Skip it or Raw it); otherwise Object fails.
func (d *Decoder) object(fn func(key []byte) error) error {
	if empty, err := d.enter("object", '{', '}'); empty || err != nil {
		return err
	}
	for {
		d.ws()
		if d.pos >= len(d.buf) || d.buf[d.pos] != '"' {
			return d.expected("string for object key")
		}
		mark := len(d.scratch)
		key, err := d.readString()
		if err != nil {
			return err
		}
		d.ws()
		if d.pos >= len(d.buf) || d.buf[d.pos] != ':' {
			return d.expected("':' after object key")
		}
		d.pos++
		d.done = false
		if err := fn(key); err != nil {
			return inMember(err, key)
		}
		if !d.done {
			d.ws()
			return d.errAt(d.pos, "value of member "+strconv.Quote(string(key))+" was not consumed")
		}
		d.scratch = d.scratch[:mark]
		d.ws()
		if d.pos < len(d.buf) {
			switch d.buf[d.pos] {
			case ',':
				d.pos++
				continue
			case '}':
				d.pos++
				d.depth--
				d.done = true
				return nil
			}
		}
		return d.expected("',' or '}'")
	}
}

// enter opens an object or array: it checks the opening bracket and the
// nesting depth, and consumes a container that is empty at once.
func (d *Decoder) enter(kind string, open, close byte) (empty bool, err error) {
	c, err := d.begin(kind)
	if err != nil {
		return false, err
	}
	if c != open {
		return false, d.mismatch(kind)
	}
	if d.depth++; d.depth > maxDepth {
		return false, d.errAt(d.pos, "exceeded maximum nesting depth of 10000")
	}
	d.pos++
	d.ws()
	if d.pos < len(d.buf) && d.buf[d.pos] == close {
		d.pos++
		d.depth--
		d.done = true
		return true, nil
	}
	return false, nil
}

// Array reads an array, calling fn once per element; fn must consume the
// element exactly once.
func (d *Decoder) array(fn func() error) error {
	if empty, err := d.enter("array", '[', ']'); empty || err != nil {
		return err
	}
	for i := 0; ; i++ {
		d.done = false
		if err := fn(); err != nil {
			return inElement(err, i)
		}
		if !d.done {
			d.ws()
			return d.errAt(d.pos, "array element was not consumed")
		}
		d.ws()
		if d.pos < len(d.buf) {
			switch d.buf[d.pos] {
			case ',':
				d.pos++
				continue
			case ']':
				d.pos++
				d.depth--
				d.done = true
				return nil
			}
		}
		return d.expected("',' or ']'")
	}
}

// String reads a string. Invalid UTF-8 and lone surrogate escapes become
// U+FFFD, as with encoding/json. Only the result is allocated.
func (d *Decoder) decString() (string, error) {
	c, err := d.begin("string")
	if err != nil {
		return "", err
	}
	if c != '"' {
		return "", d.mismatch("string")
	}
	mark := len(d.scratch)
	s, err := d.readString()
	if err != nil {
		return "", err
	}
	str := string(s)
	d.scratch = d.scratch[:mark]
	d.done = true
	return str, nil
}

// Bool reads true or false.
func (d *Decoder) decBool() (bool, error) {
	c, err := d.begin("boolean")
	if err != nil {
		return false, err
	}
	switch c {
	case 't':
		if err := d.literal("true"); err != nil {
			return false, err
		}
		d.done = true
		return true, nil
	case 'f':
		if err := d.literal("false"); err != nil {
			return false, err
		}
		d.done = true
		return false, nil
	}
	return false, d.mismatch("boolean")
}

// literal consumes word, reporting the first byte that differs.
func (d *Decoder) literal(word string) error {
	for i := 0; i < len(word); i++ {
		p := d.pos + i
		if p >= len(d.buf) {
			return d.errAt(p, "unexpected end of input in literal "+word)
		}
		if d.buf[p] != word[i] {
			return d.errAt(p, "invalid character "+quoteChar(d.buf[p])+" in literal "+word)
		}
	}
	d.pos += len(word)
	return nil
}

// Float64 reads a number. Following OData, it also accepts the strings "NaN",
// "INF", "-INF", "Infinity" and "-Infinity", and a number in string form
// (IEEE754Compatible=true). Numbers beyond float64's range are errors.
func (d *Decoder) decFloat64() (float64, error) { return d.float(64) }

// Float32 is Float64 for float32; numbers beyond float32's range are errors.
func (d *Decoder) decFloat32() (float32, error) {
	f, err := d.float(32)
	return float32(f), err
}

func (d *Decoder) float(bits int) (float64, error) {
	c, err := d.begin("number")
	if err != nil {
		return 0, err
	}
	start := d.pos
	var num []byte
	mark := len(d.scratch)
	switch {
	case c == '"':
		s, err := d.readString()
		if err != nil {
			return 0, err
		}
		switch string(s) {
		case "NaN":
			d.scratch = d.scratch[:mark]
			d.done = true
			return math.NaN(), nil
		case "INF", "Infinity":
			d.scratch = d.scratch[:mark]
			d.done = true
			return math.Inf(1), nil
		case "-INF", "-Infinity":
			d.scratch = d.scratch[:mark]
			d.done = true
			return math.Inf(-1), nil
		}
		if end, _, msg := scanNumber(s, 0); msg != "" || end != len(s) {
			return 0, d.errAt(start, "invalid number in string "+strconv.Quote(string(s)))
		}
		num = s
	case kindOf[c] == kindNumber:
		num, _, err = d.number()
		if err != nil {
			return 0, err
		}
	default:
		return 0, d.mismatch("number")
	}
	// string(num) does not escape, so short numbers convert without allocating.
	f, err := strconv.ParseFloat(string(num), bits)
	if err != nil {
		// The syntax was checked above, so this can only be a range error.
		return 0, d.errAt(start, "number "+string(num)+" is out of range for float"+strconv.Itoa(bits))
	}
	d.scratch = d.scratch[:mark]
	d.done = true
	return f, nil
}

// Int64 reads an integer, or an integer in string form such as "123" (OData
// IEEE754Compatible=true). A whole number written with a fraction or an
// exponent (5.0, 1.5e3) is read as that integer; fractions and overflow are
// errors.
func (d *Decoder) decInt64() (int64, error) {
	return d.integer(math.MinInt64, math.MaxInt64, true, "int64")
}

// Int32 reads an integer that fits in int32.
func (d *Decoder) decInt32() (int32, error) {
	v, err := d.integer(math.MinInt32, math.MaxInt32, false, "int32")
	return int32(v), err
}

// Int16 reads an integer that fits in int16.
func (d *Decoder) decInt16() (int16, error) {
	v, err := d.integer(math.MinInt16, math.MaxInt16, false, "int16")
	return int16(v), err
}

// Byte reads an integer in 0..255 (Edm.Byte).
func (d *Decoder) decByte() (uint8, error) {
	v, err := d.integer(0, math.MaxUint8, false, "uint8")
	return uint8(v), err
}

func (d *Decoder) integer(lo, hi int64, allowString bool, typ string) (int64, error) {
	c, err := d.begin("integer")
	if err != nil {
		return 0, err
	}
	start := d.pos
	mark := len(d.scratch)
	var num, text []byte // num: the digits parsed; text: as written
	switch {
	case c == '"' && allowString:
		s, err := d.readString()
		if err != nil {
			return 0, err
		}
		end, integer, msg := scanNumber(s, 0)
		if msg != "" || end != len(s) {
			return 0, d.errAt(start, "invalid integer in string "+strconv.Quote(string(s)))
		}
		if num, text = s, s; !integer {
			if num = wholeDigits(s, d.scratch[len(d.scratch):]); num == nil {
				return 0, d.errAt(start, "invalid integer in string "+strconv.Quote(string(s)))
			}
		}
	case kindOf[c] == kindNumber:
		var integer bool
		num, integer, err = d.number()
		if err != nil {
			return 0, err
		}
		if text = num; !integer {
			whole := wholeDigits(num, d.scratch[len(d.scratch):])
			if whole == nil {
				return 0, d.errAt(start, "number "+string(num)+" is not an integer")
			}
			num = whole
		}
	default:
		return 0, d.mismatch("integer")
	}
	v, ok := parseInt(num, lo, hi)
	if !ok {
		return 0, d.errAt(start, "number "+string(text)+" overflows "+typ)
	}
	d.scratch = d.scratch[:mark]
	d.done = true
	return v, nil
}

// parseInt converts a syntactically valid JSON integer, checking lo <= v <= hi.
func parseInt(s []byte, lo, hi int64) (int64, bool) {
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	var u uint64
	for _, c := range s {
		if u > (1<<63)/10 {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	if u > 1<<63 {
		return 0, false
	}
	// For u == 1<<63 the conversion wraps to MinInt64 and so does the
	// negation, which is exactly the value wanted.
	v := int64(u)
	if neg {
		v = -v
	} else if v < 0 {
		return 0, false
	}
	if v < lo || v > hi {
		return 0, false
	}
	return v, true
}

// number consumes a JSON number at d.pos.
func (d *Decoder) number() (num []byte, integer bool, err error) {
	start := d.pos
	end, integer, msg := scanNumber(d.buf, start)
	if msg != "" {
		return nil, false, d.errAt(end, msg)
	}
	d.pos = end
	return d.buf[start:end], integer, nil
}

// scanNumber matches the RFC 8259 number grammar at b[i:]. It returns the end
// of the number and whether it is an integer, or an error message and the
// offset of the offending byte.
func scanNumber(b []byte, i int) (end int, integer bool, msg string) {
	n := len(b)
	if i < n && b[i] == '-' {
		i++
	}
	if i >= n {
		return i, false, "unexpected end of input in number"
	}
	switch c := b[i]; {
	case c == '0':
		i++
		if i < n && isDigit(b[i]) {
			return i, false, "invalid number: leading zero"
		}
	case '1' <= c && c <= '9':
		i++
		for i < n && isDigit(b[i]) {
			i++
		}
	default:
		return i, false, "invalid character " + quoteChar(c) + " in number"
	}
	integer = true
	if i < n && b[i] == '.' {
		integer = false
		i++
		if i >= n || !isDigit(b[i]) {
			return i, false, "invalid number: expected digit after decimal point"
		}
		for i < n && isDigit(b[i]) {
			i++
		}
	}
	if i < n && (b[i] == 'e' || b[i] == 'E') {
		integer = false
		i++
		if i < n && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= n || !isDigit(b[i]) {
			return i, false, "invalid number: expected digit in exponent"
		}
		for i < n && isDigit(b[i]) {
			i++
		}
	}
	return i, integer, ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// wholeDigits rewrites a valid JSON number with a fraction or an exponent
// ("5.0", "1.5e3", "2E+1") as the digits of the integer it equals, with
// its sign, appended to buf; it returns nil when the number is not whole.
// A serializer may write any whole number so (JSON has one number type),
// and lint accepts it for an integer type, so the decoder must too: the
// value is kept, written back as a plain integer. A whole number of more
// than 20 digits is cut to 21, which still overflows every integer type.
func wholeDigits(num, buf []byte) []byte {
	neg := num[0] == '-'
	if neg {
		num = num[1:]
	}
	mant, exp := num, 0
	if i := bytes.IndexAny(num, "eE"); i >= 0 {
		mant = num[:i]
		ex := bytes.TrimPrefix(num[i+1:], []byte{'+'})
		e, ok := parseInt(ex, -1000, 1000)
		if !ok {
			e = 1001 // beyond any integer: only a zero mantissa passes
			if ex[0] == '-' {
				e = -1001
			}
		}
		exp = int(e)
	}
	var digits []byte
	if i := bytes.IndexByte(mant, '.'); i >= 0 {
		digits = append(append(digits, mant[:i]...), mant[i+1:]...)
		exp -= len(mant) - i - 1
	} else {
		digits = append(digits, mant...)
	}
	// Leading zeros carry no value; a zero mantissa is zero whatever the
	// exponent.
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	if len(digits) == 1 && digits[0] == '0' {
		return append(buf, '0')
	}
	for ; exp < 0; exp++ {
		if digits[len(digits)-1] != '0' {
			return nil
		}
		digits = digits[:len(digits)-1]
	}
	if len(digits)+exp > 20 {
		exp = 21 - len(digits) // too long for any integer: overflows in parseInt
		if exp < 0 {
			digits, exp = digits[:21], 0
		}
	}
	if neg {
		buf = append(buf, '-')
	}
	buf = append(buf, digits...)
	for ; exp > 0; exp-- {
		buf = append(buf, '0')
	}
	return buf
}

// readString consumes the string at d.pos (which is '"') and returns its
// unescaped content. Without escapes or invalid UTF-8 the result aliases the
// input; otherwise it is appended to d.scratch and the caller truncates
// d.scratch back when done with it.
func (d *Decoder) readString() ([]byte, error) {
	b := d.buf
	start := d.pos + 1
	i := start
	for i < len(b) {
		i = skipPlain(b, i)
		if i >= len(b) {
			break
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if safeSet[c] {
				i++
				continue
			}
			if c == '"' {
				d.pos = i + 1
				return b[start:i], nil
			}
			break // escape or control character
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			break // invalid UTF-8 must be replaced
		}
		i += size
	}
	return d.readStringSlow(start, i)
}

// readStringSlow unescapes from i on, having already validated b[start:i].
func (d *Decoder) readStringSlow(start, i int) ([]byte, error) {
	b := d.buf
	mark := len(d.scratch)
	out := append(d.scratch, b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			d.pos = i + 1
			d.scratch = out
			return out[mark:], nil
		case c == '\\':
			if i+1 >= len(b) {
				return nil, d.errAt(i+1, "unexpected end of input in string escape")
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, bad := hex4(b, i+2)
				if bad >= 0 {
					return nil, d.badHex(bad)
				}
				i += 6
				if utf16.IsSurrogate(r) {
					// Like encoding/json: a valid pair decodes to one rune,
					// anything else makes this half U+FFFD and leaves the
					// following escape to be decoded on its own.
					hi := r
					r = utf8.RuneError
					if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
						if lo, bad := hex4(b, i+2); bad < 0 {
							if dec := utf16.DecodeRune(hi, lo); dec != utf8.RuneError {
								r = dec
								i += 6
							}
						}
					}
				}
				out = utf8.AppendRune(out, r)
				continue
			default:
				return nil, d.errAt(i+1, "invalid escape character "+quoteChar(e)+" in string")
			}
			i += 2
		case c < 0x20:
			return nil, d.errAt(i, "invalid control character "+quoteChar(c)+" in string")
		case c < utf8.RuneSelf:
			j := i + 1
			for j < len(b) && b[j] < utf8.RuneSelf && safeSet[b[j]] {
				j++
			}
			out = append(out, b[i:j]...)
			i = j
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				out = append(out, "\uFFFD"...)
			} else {
				out = append(out, b[i:i+size]...)
			}
			i += size
		}
	}
	d.scratch = out[:mark]
	return nil, d.errAt(len(b), "unexpected end of input in string")
}

// hex4 parses four hex digits at b[i:]; bad is the offset of the first
// non-hex byte, or -1.
func hex4(b []byte, i int) (r rune, bad int) {
	for j := i; j < i+4; j++ {
		if j >= len(b) {
			return 0, j
		}
		c := b[j]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, j
		}
		r = r<<4 | rune(c)
	}
	return r, -1
}

func (d *Decoder) badHex(off int) error {
	if off >= len(d.buf) {
		return d.errAt(off, "unexpected end of input in \\u escape")
	}
	return d.errAt(off, "invalid character "+quoteChar(d.buf[off])+" in \\u escape")
}

// skipString validates the string at d.pos without unescaping. Like
// encoding/json's validator it does not check UTF-8.
func (d *Decoder) skipString() error {
	b := d.buf
	i := d.pos + 1
	for i < len(b) {
		i = skipUnspecial(b, i)
		if i >= len(b) {
			break
		}
		c := b[i]
		if plainSet[c] {
			i++
			continue
		}
		switch {
		case c == '"':
			d.pos = i + 1
			return nil
		case c == '\\':
			if i+1 >= len(b) {
				return d.errAt(i+1, "unexpected end of input in string escape")
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, bad := hex4(b, i+2); bad >= 0 {
					return d.badHex(bad)
				}
				i += 6
			default:
				return d.errAt(i+1, "invalid escape character "+quoteChar(e)+" in string")
			}
		default:
			return d.errAt(i, "invalid control character "+quoteChar(c)+" in string")
		}
	}
	return d.errAt(len(b), "unexpected end of input in string")
}

// Skip consumes and validates the next value, whatever its kind.
func (d *Decoder) skip() error {
	if _, err := d.begin("value"); err != nil {
		return err
	}
	if err := d.skipValue(); err != nil {
		return err
	}
	d.done = true
	return nil
}

// raw returns a fresh copy of the next value, verbatim and validated.
func (d *Decoder) raw() (json.RawMessage, error) {
	if _, err := d.begin("value"); err != nil {
		return nil, err
	}
	start := d.pos
	if err := d.skipValue(); err != nil {
		return nil, err
	}
	d.done = true
	out := make(json.RawMessage, d.pos-start)
	copy(out, d.buf[start:d.pos])
	return out, nil
}

// rawCompact is Raw without insignificant whitespace: the form in which
// encoding/json's Marshal hands a raw value back, so that kept values are
// the same whichever way a document was re-encoded. Graph sends compact
// JSON, for which this is a plain copy.
func (d *Decoder) rawCompact() (json.RawMessage, error) {
	if _, err := d.begin("value"); err != nil {
		return nil, err
	}
	start, spaced := d.pos, d.spaced
	if err := d.skipValue(); err != nil {
		return nil, err
	}
	d.done = true
	src := d.buf[start:d.pos]
	if d.spaced == spaced {
		return append(json.RawMessage(nil), src...), nil
	}
	out := make(json.RawMessage, 0, len(src))
	inString := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inString:
			if c == '\\' {
				out = append(out, c, src[i+1]) // validated: an escape has a next byte
				i++
				continue
			}
			inString = c != '"'
		case c == '"':
			inString = true
		case isSpace(c):
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// skipValue validates one value at d.pos (whitespace already skipped).
// Recursion is bounded by maxDepth.
func (d *Decoder) skipValue() error {
	if d.pos >= len(d.buf) {
		return d.errAt(d.pos, "unexpected end of input; expected value")
	}
	switch c := d.buf[d.pos]; c {
	case '{':
		if d.depth++; d.depth > maxDepth {
			return d.errAt(d.pos, "exceeded maximum nesting depth of 10000")
		}
		d.pos++
		d.ws()
		if d.pos < len(d.buf) && d.buf[d.pos] == '}' {
			d.pos++
			d.depth--
			return nil
		}
		for {
			d.ws()
			if d.pos >= len(d.buf) || d.buf[d.pos] != '"' {
				return d.expected("string for object key")
			}
			if err := d.skipString(); err != nil {
				return err
			}
			d.ws()
			if d.pos >= len(d.buf) || d.buf[d.pos] != ':' {
				return d.expected("':' after object key")
			}
			d.pos++
			d.ws()
			if err := d.skipValue(); err != nil {
				return err
			}
			d.ws()
			if d.pos < len(d.buf) {
				switch d.buf[d.pos] {
				case ',':
					d.pos++
					continue
				case '}':
					d.pos++
					d.depth--
					return nil
				}
			}
			return d.expected("',' or '}'")
		}
	case '[':
		if d.depth++; d.depth > maxDepth {
			return d.errAt(d.pos, "exceeded maximum nesting depth of 10000")
		}
		d.pos++
		d.ws()
		if d.pos < len(d.buf) && d.buf[d.pos] == ']' {
			d.pos++
			d.depth--
			return nil
		}
		for {
			d.ws()
			if err := d.skipValue(); err != nil {
				return err
			}
			d.ws()
			if d.pos < len(d.buf) {
				switch d.buf[d.pos] {
				case ',':
					d.pos++
					continue
				case ']':
					d.pos++
					d.depth--
					return nil
				}
			}
			return d.expected("',' or ']'")
		}
	case '"':
		return d.skipString()
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	default:
		if kindOf[c] == kindNumber {
			_, _, err := d.number()
			return err
		}
		return d.errAt(d.pos, "invalid character "+quoteChar(c)+" looking for beginning of value")
	}
}

// End checks that only whitespace remains after the top-level value.
func (d *Decoder) end() error {
	d.skipWS()
	if d.pos < len(d.buf) {
		return d.errAt(d.pos, "invalid character "+quoteChar(d.buf[d.pos])+" after top-level value")
	}
	return nil
}

// arrayLen counts the elements of the array that comes next, without
// consuming it; -1 when the next value is not a well-formed array (decoding
// it then reports the error).
func (d *Decoder) arrayLen() int {
	d.ws()
	if d.done || d.pos >= len(d.buf) || d.buf[d.pos] != '[' {
		return -1
	}
	la := Decoder{buf: d.buf, pos: d.pos + 1, depth: d.depth + 1}
	la.ws()
	if la.pos < len(la.buf) && la.buf[la.pos] == ']' {
		return 0
	}
	for n := 1; ; n++ {
		la.ws()
		if la.skipValue() != nil {
			return -1
		}
		la.ws()
		if la.pos >= len(la.buf) {
			return -1
		}
		switch la.buf[la.pos] {
		case ',':
			la.pos++
		case ']':
			return n
		default:
			return -1
		}
	}
}

// ODataType looks into the object that comes next and returns the string
// value of its top-level "@odata.type" member without the leading '#'
// ("microsoft.graph.user"), or nil when there is none, the next value is
// not an object, or the object is malformed before the member is found
// (decoding it then reports the error). Nothing is consumed. Graph writes
// the annotation first, so the look-ahead usually reads one member; without
// it the whole object is scanned once more. The result is valid until the
// next call on d. Keys match exactly, as everywhere in the Decoder.
func (d *Decoder) ODataType() []byte {
	d.ws()
	if d.done || d.pos >= len(d.buf) || d.buf[d.pos] != '{' {
		return nil
	}
	// A copy of the Decoder scans ahead; its scratch is d's spare capacity,
	// which d does not read.
	la := Decoder{buf: d.buf, pos: d.pos + 1, depth: d.depth + 1, scratch: d.scratch[len(d.scratch):]}
	for {
		la.ws()
		if la.pos >= len(la.buf) || la.buf[la.pos] != '"' {
			return nil
		}
		key, err := la.readString()
		if err != nil {
			return nil
		}
		isType := string(key) == odataType
		la.ws()
		if la.pos >= len(la.buf) || la.buf[la.pos] != ':' {
			return nil
		}
		la.pos++
		la.ws()
		if isType {
			if la.pos >= len(la.buf) || la.buf[la.pos] != '"' {
				return nil
			}
			v, err := la.readString()
			if err != nil {
				return nil
			}
			if len(v) > 0 && v[0] == '#' {
				v = v[1:]
			}
			return v
		}
		if la.skipValue() != nil {
			return nil
		}
		la.ws()
		if la.pos >= len(la.buf) || la.buf[la.pos] != ',' {
			return nil
		}
		la.pos++
	}
}
