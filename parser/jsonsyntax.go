package parser

import (
	"strconv"
	"unicode/utf8"
)

// syntaxError locates the first JSON syntax error in b (RFC 8259) and says
// what was expected there. It is our own scanner because encoding/json's
// offsets and messages differ between its v1 and v2 implementations, and
// diagnostics must not.
func syntaxError(b []byte) (offset int, msg string, ok bool) {
	s := jsonScanner{buf: b}
	s.space()
	if !s.value(0) {
		return s.off, s.msg, true
	}
	s.space()
	if s.pos < len(b) {
		return s.pos, "invalid character " + quoteChar(b[s.pos]) + " after top-level value", true
	}
	return 0, "", false
}

// maxJSONDepth bounds nesting, so hostile input cannot exhaust the stack.
const maxJSONDepth = 10000

type jsonScanner struct {
	buf []byte
	pos int
	off int    // where the error is
	msg string // what is wrong there
}

func quoteChar(c byte) string {
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}

func (s *jsonScanner) fail(off int, msg string) bool {
	s.off, s.msg = off, msg
	return false
}

// expected reports that the byte at s.pos is not what the grammar requires.
func (s *jsonScanner) expected(what string) bool {
	if s.pos >= len(s.buf) {
		return s.fail(s.pos, "unexpected end of input; expected "+what)
	}
	return s.fail(s.pos, "expected "+what+", found "+quoteChar(s.buf[s.pos]))
}

func (s *jsonScanner) space() {
	for s.pos < len(s.buf) {
		switch s.buf[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *jsonScanner) value(depth int) bool {
	if s.pos >= len(s.buf) {
		return s.fail(s.pos, "unexpected end of input; expected value")
	}
	switch c := s.buf[s.pos]; {
	case c == '{' || c == '[':
		if depth >= maxJSONDepth {
			return s.fail(s.pos, "exceeded maximum nesting depth of 10000")
		}
		return s.container(c, depth+1)
	case c == '"':
		return s.str()
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	default:
		return s.fail(s.pos, "invalid character "+quoteChar(c)+" looking for beginning of value")
	}
}

func (s *jsonScanner) container(open byte, depth int) bool {
	closing, sep := byte('}'), "',' or '}'"
	if open == '[' {
		closing, sep = ']', "',' or ']'"
	}
	s.pos++
	s.space()
	if s.pos < len(s.buf) && s.buf[s.pos] == closing {
		s.pos++
		return true
	}
	for {
		if open == '{' {
			if s.pos >= len(s.buf) || s.buf[s.pos] != '"' {
				return s.expected("string for object key")
			}
			if !s.str() {
				return false
			}
			s.space()
			if s.pos >= len(s.buf) || s.buf[s.pos] != ':' {
				return s.expected("':' after object key")
			}
			s.pos++
			s.space()
		}
		if !s.value(depth) {
			return false
		}
		s.space()
		if s.pos >= len(s.buf) {
			return s.expected(sep)
		}
		switch s.buf[s.pos] {
		case ',':
			s.pos++
			s.space()
		case closing:
			s.pos++
			return true
		default:
			return s.expected(sep)
		}
	}
}

func (s *jsonScanner) literal(word string) bool {
	for i := 0; i < len(word); i++ {
		p := s.pos + i
		if p >= len(s.buf) {
			return s.fail(p, "unexpected end of input in literal "+word)
		}
		if s.buf[p] != word[i] {
			return s.fail(p, "invalid character "+quoteChar(s.buf[p])+" in literal "+word)
		}
	}
	s.pos += len(word)
	return true
}

func (s *jsonScanner) str() bool {
	b := s.buf
	for i := s.pos + 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			s.pos = i + 1
			return true
		case c == '\\':
			i++
			if i >= len(b) {
				return s.fail(i, "unexpected end of input in string escape")
			}
			switch e := b[i]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for k := 1; k <= 4; k++ {
					if i+k >= len(b) {
						return s.fail(i+k, "unexpected end of input in \\u escape")
					}
					if !isHex(b[i+k]) {
						return s.fail(i+k, "invalid character "+quoteChar(b[i+k])+" in \\u escape")
					}
				}
				i += 4
			default:
				return s.fail(i, "invalid escape character "+quoteChar(e)+" in string")
			}
		case c < 0x20:
			return s.fail(i, "invalid control character "+quoteChar(c)+" in string")
		}
	}
	return s.fail(len(b), "unexpected end of input in string")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (s *jsonScanner) number() bool {
	b, start := s.buf, s.pos
	i := s.pos
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if b[i] == '-' {
		i++
	}
	if i < len(b) && b[i] == '0' {
		i++
	} else if digits() == 0 {
		return s.fail(start, "invalid number "+strconv.Quote(string(b[start:min(i+1, len(b))])))
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return s.fail(start, "invalid number "+strconv.Quote(string(b[start:min(i+1, len(b))])))
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return s.fail(start, "invalid number "+strconv.Quote(string(b[start:min(i+1, len(b))])))
		}
	}
	s.pos = i
	return true
}
