package parser

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// sampleMember is one top-level key of a resource's JSON representation.
type sampleMember struct {
	Name       string
	Line       int      // original line of the key
	EnumValues []string // from a "a | b | c" placeholder
	Array      bool     // the value is a JSON array
	Value      []byte   // the value's source text (sampletype.go reads a type from it)
}

// readSample reads the top-level keys of a pseudo-JSON sample in order. The
// samples hold type placeholders, trailing commas, comments and numbers with
// leading zeros, so this is a forgiving scanner rather than a JSON decoder;
// nested values are skipped.
func readSample(body []byte, file string, firstLine int, diags *model.Diagnostics) []sampleMember {
	s := &sampleScanner{b: body, line: firstLine}
	members, err := s.object()
	if err != nil {
		// A block that runs to the end of the file ends in a newline that
		// belongs to no line of it.
		lastLine := firstLine + bytes.Count(bytes.TrimSuffix(body, []byte("\n")), []byte("\n"))
		code := model.SampleUnreadable
		if s.tooDeep {
			code = model.SampleTooDeep
		}
		diags.Report(model.Pos{File: file, Line: min(s.line, lastLine)}, code, "JSON representation: %v; keys after this point are ignored", err)
	}
	for i, m := range members {
		if dup := firstDuplicate(m.EnumValues); dup != "" {
			diags.Report(model.Pos{File: file, Line: m.Line}, model.EnumMemberDuplicate, "JSON representation lists %q twice among the values of %q", dup, m.Name)
			members[i].EnumValues = dedupe(m.EnumValues)
		}
	}
	return members
}

var (
	collectionObject = regexp.MustCompile(`^\{\s*"@odata\.type"\s*:\s*"#?(?i:collection)\(`)
	collectionString = regexp.MustCompile(`^\s*#?(?i:collection)\(.*\)\s*$`)
)

type sampleScanner struct {
	b       []byte
	i       int
	line    int
	depth   int // brackets open inside the top-level object
	tooDeep bool
}

// open enters a nested object or array, refusing to go past MaxSampleDepth:
// skipping is recursive, and the stack must stay bounded.
func (s *sampleScanner) open() error {
	if s.depth++; s.depth > MaxSampleDepth {
		s.tooDeep = true
		return s.errorf("nested deeper than %d levels", MaxSampleDepth)
	}
	return nil
}

func (s *sampleScanner) errorf(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

// space skips white space and // or /* */ comments, counting lines.
func (s *sampleScanner) space() {
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '\n':
			s.line++
			s.i++
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '/' && s.i+1 < len(s.b) && s.b[s.i+1] == '/':
			for s.i < len(s.b) && s.b[s.i] != '\n' {
				s.i++
			}
		case c == '/' && s.i+1 < len(s.b) && s.b[s.i+1] == '*':
			s.i += 2
			for s.i < len(s.b) && !(s.b[s.i] == '*' && s.i+1 < len(s.b) && s.b[s.i+1] == '/') {
				if s.b[s.i] == '\n' {
					s.line++
				}
				s.i++
			}
			s.i += 2
		default:
			return
		}
	}
}

func (s *sampleScanner) peek() byte {
	s.space()
	if s.i >= len(s.b) {
		return 0
	}
	return s.b[s.i]
}

func (s *sampleScanner) object() ([]sampleMember, error) {
	if s.peek() != '{' {
		return nil, s.errorf("expected an object")
	}
	s.i++
	var members []sampleMember
	for {
		switch s.peek() {
		case '}':
			s.i++
			return members, nil
		case ',':
			s.i++ // tolerate stray and trailing commas
			continue
		case '"':
		default:
			return members, s.errorf("expected a quoted key")
		}
		line := s.line
		key, err := s.str()
		if err != nil {
			return members, err
		}
		if s.peek() != ':' {
			return members, s.errorf("expected ':' after %q", key)
		}
		s.i++
		m := sampleMember{Name: key, Line: line}
		s.space()
		valueStart := s.i
		switch s.peek() {
		case '"':
			v, err := s.str()
			if err != nil {
				return members, err
			}
			m.EnumValues = pipeValues(v)
			// "Collection(x)" says a collection as plainly as
			// {"@odata.type": "Collection(x)"} does (below).
			m.Array = collectionString.MatchString(v)
		case '[':
			// A collection of enum members is written ["a | b"].
			s.i++
			m.Array = true
			if err := s.open(); err != nil {
				return members, err
			}
			if s.peek() == '"' {
				v, err := s.str()
				if err != nil {
					return members, err
				}
				m.EnumValues = pipeValues(v)
			}
			if err := s.skipUntilClose(']'); err != nil {
				return members, err
			}
		default:
			start := s.i
			if err := s.skipValue(); err != nil {
				return members, err
			}
			// {"@odata.type": "Collection(x)"} is how some pages write a collection.
			m.Array = collectionObject.Match(s.b[start:s.i])
		}
		m.Value = s.b[valueStart:s.i]
		members = append(members, m)
	}
}

func (s *sampleScanner) str() (string, error) {
	s.i++ // opening quote
	var b strings.Builder
	for s.i < len(s.b) {
		c := s.b[s.i]
		s.i++
		switch c {
		case '"':
			return b.String(), nil
		case '\\':
			if s.i < len(s.b) {
				b.WriteByte(s.b[s.i])
				s.i++
			}
		case '\n':
			return "", s.errorf("string not closed")
		default:
			b.WriteByte(c)
		}
	}
	return "", s.errorf("string not closed")
}

// skipValue passes over a scalar or a nested value.
func (s *sampleScanner) skipValue() error {
	switch c := s.peek(); c {
	case '{', '[':
		s.i++
		if err := s.open(); err != nil {
			return err
		}
		if c == '{' {
			return s.skipUntilClose('}')
		}
		return s.skipUntilClose(']')
	case '"':
		_, err := s.str()
		return err
	case 0:
		return s.errorf("unexpected end of sample")
	default:
		start := s.i
		for s.i < len(s.b) && !strings.ContainsRune(",}] \t\r\n/", rune(s.b[s.i])) {
			s.i++
		}
		if s.i == start {
			return s.errorf("unexpected %q", c)
		}
		return nil
	}
}

// skipUntilClose skips to the bracket that closes one already opened.
func (s *sampleScanner) skipUntilClose(close byte) error {
	for {
		switch c := s.peek(); c {
		case close:
			s.i++
			s.depth--
			return nil
		case 0:
			return s.errorf("%q not closed", close)
		case ',', ':':
			s.i++
		case '}', ']':
			return s.errorf("unexpected %q", c)
		default:
			if err := s.skipValue(); err != nil {
				return err
			}
		}
	}
}

// pipeValues splits "a | b | c" into enum members, or returns nil when the
// text is a placeholder rather than a list of identifiers.
func pipeValues(v string) []string {
	if !strings.Contains(v, "|") {
		return nil
	}
	var out []string
	for part := range strings.SplitSeq(v, "|") {
		part = strings.TrimSpace(part)
		if !isIdentifier(part) {
			return nil
		}
		if isNullMember(part) {
			continue // says the property may be null; no member
		}
		out = append(out, part)
	}
	return out
}

// firstDuplicate is the first name listed twice (in any letter case).
func firstDuplicate(names []string) string {
	seen := map[string]bool{}
	for _, n := range names {
		if seen[strings.ToLower(n)] {
			return n
		}
		seen[strings.ToLower(n)] = true
	}
	return ""
}

// dedupe keeps the first of each name (in any letter case).
func dedupe(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			out = append(out, n)
		}
	}
	return out
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
