package apilint

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// kind is a JSON value's kind.
type kind int

const (
	jsonNull kind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonObject
	jsonArray
)

func (k kind) String() string {
	return [...]string{"null", "a Boolean", "a number", "a string", "an object", "an array"}[k]
}

// node is one JSON value with the place it starts: a position tree is what
// lets a finding name the page line of the value at fault, which
// encoding/json cannot give.
type node struct {
	kind    kind
	line    int    // 0-based line within the body
	col     int    // 1-based byte column
	text    string // a string's value, a number's or Boolean's literal
	members []member
	elems   []*node
}

type member struct {
	key   string
	line  int
	value *node
}

// get returns the value of the first member named key, or nil.
func (n *node) get(key string) *node {
	for _, m := range n.members {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// repair is a change made so that a body would parse.
type repair struct {
	line, col int
	what      string
}

// syntaxErr is where and why a body stops being JSON.
type syntaxErr struct {
	line, col int
	msg       string
}

func (e *syntaxErr) Error() string { return e.msg }

// maxDepth bounds nesting, so hostile input cannot exhaust the stack.
const maxDepth = 256

// parseJSON reads a body as RFC 8259 JSON, except that it drops trailing
// commas before a closing bracket, recording each as a repair: the one
// mistake of real examples whose intent is never in doubt.
func parseJSON(b []byte) (*node, []repair, error) {
	p := &jsonParser{buf: b}
	p.space()
	n, err := p.value(0)
	if err != nil {
		return nil, p.repairs, err
	}
	p.space()
	if p.pos < len(b) {
		return nil, p.repairs, p.errorf("unexpected %s after the JSON value", describe(b, p.pos))
	}
	return n, p.repairs, nil
}

type jsonParser struct {
	buf       []byte
	pos       int
	line      int
	lineStart int
	repairs   []repair
}

func (p *jsonParser) col() int { return p.pos - p.lineStart + 1 }

func (p *jsonParser) errorf(format string, args ...any) error {
	return &syntaxErr{line: p.line, col: p.col(), msg: fmt.Sprintf(format, args...)}
}

func describe(b []byte, i int) string {
	if i >= len(b) {
		return "end of body"
	}
	r, _ := utf8.DecodeRune(b[i:])
	return strconv.QuoteRune(r)
}

func (p *jsonParser) space() {
	for p.pos < len(p.buf) {
		switch p.buf[p.pos] {
		case '\n':
			p.line++
			p.lineStart = p.pos + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		p.pos++
	}
}

func (p *jsonParser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, p.errorf("nested deeper than %d levels", maxDepth)
	}
	n := &node{line: p.line, col: p.col()}
	if p.pos >= len(p.buf) {
		return nil, p.errorf("body ends where a value should be")
	}
	switch c := p.buf[p.pos]; {
	case c == '{':
		n.kind = jsonObject
		return n, p.container('}', depth, func() error {
			keyLine := p.line
			if p.pos >= len(p.buf) || p.buf[p.pos] != '"' {
				return p.errorf("expected a quoted property name, found %s", describe(p.buf, p.pos))
			}
			key, err := p.str()
			if err != nil {
				return err
			}
			p.space()
			if p.pos >= len(p.buf) || p.buf[p.pos] != ':' {
				return p.errorf("expected ':' after property name %q, found %s", key, describe(p.buf, p.pos))
			}
			p.pos++
			p.space()
			v, err := p.value(depth + 1)
			if err != nil {
				return err
			}
			n.members = append(n.members, member{key, keyLine, v})
			return nil
		})
	case c == '[':
		n.kind = jsonArray
		return n, p.container(']', depth, func() error {
			v, err := p.value(depth + 1)
			if err != nil {
				return err
			}
			n.elems = append(n.elems, v)
			return nil
		})
	case c == '"':
		n.kind = jsonString
		s, err := p.str()
		n.text = s
		return n, err
	case c == '-' || c >= '0' && c <= '9':
		n.kind = jsonNumber
		start := p.pos
		if err := p.number(); err != nil {
			return nil, err
		}
		n.text = string(p.buf[start:p.pos])
		return n, nil
	default:
		for _, w := range []struct {
			word string
			k    kind
		}{{"true", jsonBool}, {"false", jsonBool}, {"null", jsonNull}} {
			if len(p.buf)-p.pos >= len(w.word) && string(p.buf[p.pos:p.pos+len(w.word)]) == w.word {
				p.pos += len(w.word)
				n.kind, n.text = w.k, w.word
				return n, nil
			}
		}
		return nil, p.errorf("unexpected %s where a value should be", describe(p.buf, p.pos))
	}
}

// container reads the items of an object or array; item reads one.
func (p *jsonParser) container(close byte, depth int, item func() error) error {
	p.pos++ // the opening bracket
	p.space()
	if p.pos < len(p.buf) && p.buf[p.pos] == close {
		p.pos++
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		p.space()
		if p.pos >= len(p.buf) {
			return p.errorf("body ends before the closing %q", close)
		}
		switch p.buf[p.pos] {
		case close:
			p.pos++
			return nil
		case ',':
			commaLine, commaCol := p.line, p.col()
			p.pos++
			p.space()
			if p.pos < len(p.buf) && p.buf[p.pos] == close {
				p.repairs = append(p.repairs, repair{commaLine, commaCol, "trailing comma removed"})
				p.pos++
				return nil
			}
		default:
			return p.errorf("expected ',' or %q, found %s", close, describe(p.buf, p.pos))
		}
	}
}

func (p *jsonParser) str() (string, error) {
	start := p.pos
	p.pos++
	simple := true
	for p.pos < len(p.buf) {
		c := p.buf[p.pos]
		switch {
		case c == '"':
			p.pos++
			raw := p.buf[start:p.pos]
			if simple {
				return string(raw[1 : len(raw)-1]), nil
			}
			return unescapeJSON(raw[1 : len(raw)-1]), nil
		case c == '\\':
			simple = false
			if p.pos+1 >= len(p.buf) {
				return "", p.errorf("string never closed")
			}
			e := p.buf[p.pos+1]
			if e == 'u' {
				if p.pos+6 > len(p.buf) || !isHex4(p.buf[p.pos+2:p.pos+6]) {
					return "", p.errorf("invalid \\u escape in a string")
				}
				p.pos += 6
				continue
			}
			if !isEscape(e) {
				p.pos++
				return "", p.errorf("invalid escape \\%c in a string", e)
			}
			p.pos += 2
		case c == '\n':
			return "", p.errorf("string not closed on its line")
		case c < 0x20:
			return "", p.errorf("control character %#02x in a string", c)
		default:
			p.pos++
		}
	}
	return "", p.errorf("string never closed")
}

func isEscape(c byte) bool {
	switch c {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	}
	return false
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func unescapeJSON(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		i++
		switch b[i] {
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
			if i+4 < len(b) {
				v, _ := strconv.ParseUint(string(b[i+1:i+5]), 16, 32)
				out = utf8.AppendRune(out, rune(v))
				i += 4
			}
		default:
			out = append(out, b[i])
		}
	}
	return string(out)
}

func (p *jsonParser) number() error {
	digits := func() int {
		n := 0
		for p.pos < len(p.buf) && p.buf[p.pos] >= '0' && p.buf[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.buf[p.pos] == '-' {
		p.pos++
	}
	start := p.pos
	if n := digits(); n == 0 {
		return p.errorf("expected a digit, found %s", describe(p.buf, p.pos))
	} else if n > 1 && p.buf[start] == '0' {
		p.pos = start
		return p.errorf("number with a leading zero")
	}
	if p.pos < len(p.buf) && p.buf[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return p.errorf("expected a digit after '.', found %s", describe(p.buf, p.pos))
		}
	}
	if p.pos < len(p.buf) && (p.buf[p.pos] == 'e' || p.buf[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.buf) && (p.buf[p.pos] == '+' || p.buf[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return p.errorf("expected a digit in the exponent, found %s", describe(p.buf, p.pos))
		}
	}
	return nil
}
