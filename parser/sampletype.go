package parser

import (
	"bytes"
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// odataTypeValue is the type an object placeholder names:
// {"@odata.type": "microsoft.graph.x"} or "#Collection(microsoft.graph.x)".
var odataTypeValue = lazyRegexp(`^\{\s*"@odata\.type"\s*:\s*"#?((?i:collection)\()?([A-Za-z][\w.]*)\)?"`)

// sampleType reads a property's type from its placeholder value in the JSON
// representation, for a property no table lists: "String",
// "String (timestamp)", true, {"@odata.type": "microsoft.graph.x"},
// ["String"]. Numbers say too little (Int32, Int64, Double?) and objects
// without @odata.type nothing: ok is false for them.
func sampleType(value []byte) (t model.TypeRef, ok bool) {
	value = bytes.TrimSpace(value)
	if rest, isArray := bytes.CutPrefix(value, []byte("[")); isArray {
		rest = bytes.TrimSpace(rest)
		if len(rest) == 0 || rest[0] == ']' {
			return t, false
		}
		t, ok = scalarSampleType(rest)
		t.Collection = true
		return t, ok
	}
	return scalarSampleType(value)
}

// scalarSampleType reads the type of the value that starts b.
func scalarSampleType(b []byte) (model.TypeRef, bool) {
	switch {
	case len(b) == 0:
		return model.TypeRef{}, false
	case b[0] == '"':
		end := bytes.IndexByte(b[1:], '"')
		if end < 0 {
			return model.TypeRef{}, false
		}
		v := strings.TrimSpace(string(b[1 : 1+end]))
		// "String (timestamp)": the note names the wire format.
		if _, note, ok := strings.Cut(v, "("); ok {
			if name, ok := PrimitiveName(strings.TrimSpace(strings.TrimSuffix(note, ")"))); ok && name != "Edm.String" {
				return model.TypeRef{Kind: model.Primitive, Name: name}, true
			}
		}
		if name, ok := PrimitiveName(leadingName(v)); ok {
			return model.TypeRef{Kind: model.Primitive, Name: name}, true
		}
		if strings.Count(v, ".") >= 2 && isQualifiedName(v) {
			return model.TypeRef{Kind: model.Reference, Name: v}, true // "microsoft.graph.x"
		}
		// Any other string (an example value, "a | b" members): a string.
		return model.TypeRef{Kind: model.Primitive, Name: "Edm.String"}, true
	case b[0] == '{':
		m := odataTypeValue().FindSubmatch(b)
		if m == nil {
			return model.TypeRef{}, false
		}
		return model.TypeRef{Kind: model.Reference, Name: string(m[2]), Collection: len(m[1]) > 0}, true
	case bytes.HasPrefix(b, []byte("true")), bytes.HasPrefix(b, []byte("false")):
		return model.TypeRef{Kind: model.Primitive, Name: "Edm.Boolean"}, true
	}
	return model.TypeRef{}, false
}
