package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphdocgen/docgen/model"
)

// saysResource recognises an annotation meant as a resource even when it is
// not valid JSON, so that a broken one is an error rather than silently lost.
var saysResource = lazyRegexp(`"blockType"\s*:\s*"resource"`)

// readAnnotation reads an HTML comment. It returns isResource=false for
// comments that are not resource annotations, and a nil resource with an
// error reported when one is but cannot be read.
func readAnnotation(comment []byte, pos model.Pos, diags *model.Diagnostics) (res *model.Resource, isResource bool) {
	body := bytes.TrimSpace(comment)
	body = bytes.TrimPrefix(body, []byte("<!--"))
	body = bytes.TrimSuffix(bytes.TrimSpace(body), []byte("-->"))
	body = bytes.TrimSpace(body)
	if !bytes.HasPrefix(body, []byte("{")) {
		return nil, false
	}
	// body is a slice of comment; at maps each byte of the repaired body
	// back to comment, so that positions name the original text.
	lead := cap(comment) - cap(body)
	at := func(off int) model.Pos { return posIn(pos, comment, lead+off) }
	type repair struct {
		pos  model.Pos
		what string
	}
	var repairs []repair
	var orig []int
	if n := bytes.Count(body, []byte("&quot;")); n > 0 {
		first := bytes.Index(body, []byte("&quot;"))
		body, orig = replaceQuot(body)
		repairs = append(repairs, repair{at(first), fmt.Sprintf("&quot; read as a quote (%d times)", n)})
	}
	if !saysResource().Match(body) {
		return nil, false
	}
	origOf := func(i int) int {
		if orig == nil || i >= len(orig) {
			if orig != nil {
				return orig[len(orig)-1] + 1 + i - len(orig)
			}
			return i
		}
		return orig[i]
	}
	if fixed, dropped := dropTrailingCommas(body); len(dropped) > 0 {
		kept := make([]int, 0, len(fixed))
		for i, j := 0, 0; i < len(body); i++ {
			if j < len(dropped) && dropped[j] == i {
				repairs = append(repairs, repair{at(origOf(i)), "trailing comma removed"})
				j++
				continue
			}
			kept = append(kept, origOf(i))
		}
		body, orig = fixed, kept
	}
	if !json.Valid(body) {
		var v map[string]json.RawMessage
		p, msg := pos, fmt.Sprint(json.Unmarshal(body, &v))
		if off, what, ok := syntaxError(body); ok {
			p, msg = at(origOf(min(off, len(body)))), what
		}
		diags.Report(p, model.AnnotationInvalid, "resource annotation is not valid JSON: %s", msg)
		return nil, true
	}
	for _, r := range repairs {
		diags.Report(r.pos, model.AnnotationRepaired, "resource annotation repaired: %s", r.what)
	}
	members := objectMembers(body)
	// fields holds each key's value, the last of a repeated key's as
	// encoding/json would; keyPos is where that key stands, so that
	// findings about one key point at it rather than at the comment.
	fields := make(map[string]json.RawMessage, len(members))
	keyPos := make(map[string]model.Pos, len(members))
	seen := make(map[string]bool, len(members))
	for _, m := range members {
		fields[m.key] = m.raw
		keyPos[m.key] = at(origOf(m.off))
		if seen[m.key] {
			diags.Report(keyPos[m.key], model.AnnotationRepeated, "resource annotation has %q twice; the last value is used", m.key)
		}
		seen[m.key] = true
	}
	for _, m := range members {
		if !annotationKeys[m.key] && seen[m.key] {
			diags.Report(keyPos[m.key], model.AnnotationUnknown, "resource annotation key %q is not one docgen or ApiDoctor knows (a typo?); ignored", m.key)
			seen[m.key] = false // once per key
		}
	}
	posOf := func(key string) model.Pos {
		if p, ok := keyPos[key]; ok {
			return p
		}
		return pos
	}

	r := &model.Resource{Pos: pos}
	str := func(key string) string {
		raw, ok := fields[key]
		if !ok {
			return ""
		}
		s, ok := jsonString(raw)
		if !ok && string(raw) != "null" {
			diags.Report(posOf(key), model.AnnotationField, "resource annotation: %q should be a string, got %s", key, raw)
		}
		return strings.TrimSpace(s)
	}
	flag := func(key string) bool {
		raw, ok := fields[key]
		if !ok {
			return false
		}
		switch string(raw) {
		case "true":
			return true
		case "false", "null": // null leaves a bool as it was
			return false
		}
		var s string
		if json.Unmarshal(raw, &s) == nil && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
			return strings.EqualFold(s, "true") // "abstract": "true" occurs in real pages
		}
		diags.Report(posOf(key), model.AnnotationField, "resource annotation: %q should be true or false, got %s", key, raw)
		return false
	}

	r.Name = str("@odata.type")
	if r.Name == "" {
		r.Name = str("@type")
	}
	r.Name = trimHash(r.Name)
	if r.Name == "" {
		diags.Report(pos, model.AnnotationNoType, "resource annotation names no type (@odata.type or @type)")
		return nil, true
	}
	if aka := str("@type.aka"); aka != "" {
		r.Aliases = append(r.Aliases, aka)
	}
	r.BaseType = trimHash(str("baseType"))
	if r.BaseType != "" {
		r.BaseSource = model.SourceAnnotation
	}
	r.KeyProperty = str("keyProperty")
	if r.KeyProperty != "" {
		r.KeyPropertyPos = posOf("keyProperty")
	}
	r.TypePos = posOf("@odata.type")
	if _, ok := keyPos["@odata.type"]; !ok {
		r.TypePos = posOf("@type")
	}
	if raw, ok := fields["optionalProperties"]; ok {
		if err := json.Unmarshal(raw, &r.OptionalProperties); err != nil {
			diags.Report(posOf("optionalProperties"), model.AnnotationField, "resource annotation: optionalProperties should be a list of names, got %s", raw)
		}
	}
	r.OpenType = flag("openType")
	r.Abstract = flag("abstract")
	return r, true
}

// jsonString is the string a JSON value (valid, as json.Unmarshal checked
// it) holds, and false when it is not a string. A string without escapes
// and of valid UTF-8, as annotations' are, is its bytes between the quotes;
// others are left to encoding/json.
func jsonString(raw json.RawMessage) (string, bool) {
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		inner := raw[1 : len(raw)-1]
		if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
			return string(inner), true
		}
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err == nil
}

// trimHash drops the "#" that OData puts before a type name in a payload
// ("#microsoft.graph.user"), however many a page repeats, spaces between
// them included, and the spaces around what is left.
func trimHash(s string) string {
	return strings.TrimSpace(strings.TrimLeftFunc(s, func(r rune) bool { return r == '#' || unicode.IsSpace(r) }))
}

// annotationKeys are the keys a code block annotation may hold: those
// docgen reads and those ApiDoctor's annotation model defines.
var annotationKeys = map[string]bool{
	"blockType": true, "@odata.type": true, "@type": true, "@type.aka": true, "@odata.annotations": true,
	"@property.aka": true, "baseType": true, "keyProperty": true, "openType": true, "abstract": true,
	"optionalProperties": true, "isMediaEntity": true, "nullableProperties": true, "truncated": true,
	"isCollection": true, "collectionProperty": true, "isEmpty": true, "isComposable": true, "opaqueUrl": true,
	"name": true, "expectError": true, "sampleKeys": true, "longRunningResponseType": true,
	"idempotent": true, "scopes": true, "apiVersions": true, "tags": true,
}

// member is one top-level member of a JSON object: its key, the offset
// of the key's opening quote, and its value as it stands.
type member struct {
	key string
	off int
	raw json.RawMessage
}

// objectMembers lists the top-level members of a valid JSON object in
// order, repeats included.
func objectMembers(body []byte) []member {
	s := jsonScanner{buf: body}
	s.space()
	if s.pos >= len(body) || body[s.pos] != '{' {
		return nil
	}
	s.pos++
	var out []member
	for {
		s.space()
		if s.pos >= len(body) || body[s.pos] != '"' {
			return out
		}
		start := s.pos
		if !s.str() {
			return out
		}
		k, ok := jsonString(body[start:s.pos])
		if !ok {
			return out
		}
		s.space()
		if s.pos >= len(body) || body[s.pos] != ':' {
			return out
		}
		s.pos++
		s.space()
		at := s.pos
		if !s.value(0) {
			return out
		}
		out = append(out, member{k, start, body[at:s.pos:s.pos]})
		s.space()
		if s.pos >= len(body) || body[s.pos] != ',' {
			return out
		}
		s.pos++
	}
}

// posIn is the position of byte off of an annotation comment that starts
// at pos: its line, and its 1-based column when the comment starts a line.
func posIn(pos model.Pos, comment []byte, off int) model.Pos {
	off = min(max(off, 0), len(comment))
	pos.Line += bytes.Count(comment[:off], []byte("\n"))
	pos.Col = off - (bytes.LastIndexByte(comment[:off], '\n') + 1) + 1
	return pos
}

// replaceQuot turns every &quot; into a quote, and maps each byte of the
// result to its offset in b.
func replaceQuot(b []byte) ([]byte, []int) {
	out := make([]byte, 0, len(b))
	orig := make([]int, 0, len(b))
	for i := 0; i < len(b); i++ {
		orig = append(orig, i)
		if bytes.HasPrefix(b[i:], []byte("&quot;")) {
			out = append(out, '"')
			i += len("&quot;") - 1
			continue
		}
		out = append(out, b[i])
	}
	return out, orig
}

// dropTrailingCommas removes commas that stand before a closing bracket,
// outside strings, and returns the offsets in b of those it removed.
func dropTrailingCommas(b []byte) ([]byte, []int) {
	out := make([]byte, 0, len(b))
	var dropped []int
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			out = append(out, c)
			if c == '\\' && i+1 < len(b) {
				i++
				out = append(out, b[i])
			} else if c == '"' {
				inString = false
			}
			continue
		}
		if c == '"' {
			inString = true
		}
		if c == ',' {
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
				j++
			}
			if j < len(b) && (b[j] == '}' || b[j] == ']') {
				dropped = append(dropped, i)
				continue
			}
		}
		out = append(out, c)
	}
	return out, dropped
}
