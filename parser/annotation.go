package parser

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// saysResource recognises an annotation meant as a resource even when it is
// not valid JSON, so that a broken one is an error rather than silently lost.
var saysResource = regexp.MustCompile(`"blockType"\s*:\s*"resource"`)

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
	var repairs []string
	if bytes.Contains(body, []byte("&quot;")) {
		body = bytes.ReplaceAll(body, []byte("&quot;"), []byte(`"`))
		repairs = append(repairs, "&quot; read as a quote")
	}
	if !saysResource.Match(body) {
		return nil, false
	}
	if fixed, n := dropTrailingCommas(body); n > 0 {
		body = fixed
		repairs = append(repairs, "trailing comma removed")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		diags.Report(pos, model.AnnotationInvalid, "resource annotation is not valid JSON: %v", err)
		return nil, true
	}
	for _, r := range repairs {
		diags.Report(pos, model.AnnotationRepaired, "resource annotation repaired: %s", r)
	}

	r := &model.Resource{Pos: pos}
	str := func(key string) string {
		var s string
		if raw, ok := fields[key]; ok && json.Unmarshal(raw, &s) != nil && string(raw) != "null" {
			diags.Report(pos, model.AnnotationField, "resource annotation: %q should be a string, got %s", key, raw)
		}
		_ = json.Unmarshal(fields[key], &s)
		return strings.TrimSpace(s)
	}
	flag := func(key string) bool {
		raw, ok := fields[key]
		if !ok {
			return false
		}
		var b bool
		if json.Unmarshal(raw, &b) == nil {
			return b
		}
		var s string
		if json.Unmarshal(raw, &s) == nil && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
			return strings.EqualFold(s, "true") // "abstract": "true" occurs in real pages
		}
		diags.Report(pos, model.AnnotationField, "resource annotation: %q should be true or false, got %s", key, raw)
		return false
	}

	r.Name = str("@odata.type")
	if r.Name == "" {
		r.Name = str("@type")
	}
	r.Name = strings.TrimPrefix(r.Name, "#")
	if r.Name == "" {
		diags.Report(pos, model.AnnotationNoType, "resource annotation names no type (@odata.type or @type)")
		return nil, true
	}
	if aka := str("@type.aka"); aka != "" {
		r.Aliases = append(r.Aliases, aka)
	}
	r.BaseType = strings.TrimPrefix(str("baseType"), "#")
	r.KeyProperty = str("keyProperty")
	if raw, ok := fields["optionalProperties"]; ok {
		if err := json.Unmarshal(raw, &r.OptionalProperties); err != nil {
			diags.Report(pos, model.AnnotationField, "resource annotation: optionalProperties should be a list of names, got %s", raw)
		}
	}
	r.OpenType = flag("openType")
	r.Abstract = flag("abstract")
	return r, true
}

// dropTrailingCommas removes commas that stand before a closing bracket,
// outside strings, and counts them.
func dropTrailingCommas(b []byte) ([]byte, int) {
	out := make([]byte, 0, len(b))
	n := 0
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
				n++
				continue
			}
		}
		out = append(out, c)
	}
	return out, n
}
