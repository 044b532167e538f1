// Package csdl reads an OData CSDL document (EDMX XML, such as Graph's
// $metadata) and compares the docs' model with it.
package csdl

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on what Read accepts: Graph's v1.0 metadata is 3.5 MB and nests
// 8 elements deep, so these leave room while keeping hostile input cheap.
// MaxBytes is a variable so that tests can lower it.
var MaxBytes = 64 << 20

const MaxDepth = 64

// Document is the part of a CSDL document the comparison needs.
type Document struct {
	Types map[string]*Type // by lower-case qualified name
	Order []*Type          // document order
}

// TypeKind tells the kinds of CSDL type apart.
type TypeKind int

const (
	EntityType TypeKind = iota
	ComplexType
	EnumType
)

func (k TypeKind) String() string {
	return [...]string{"entity type", "complex type", "enum type"}[k]
}

// Type is an EntityType, ComplexType or EnumType.
type Type struct {
	Name     string // qualified by its schema's namespace
	Kind     TypeKind
	BaseType string // qualified, aliases resolved; "" when none
	Abstract bool
	Open     bool
	Props    []Property
	Members  []string
	Line     int
}

// Property is a Property or NavigationProperty; Type is normalised
// (Collection(Edm.String), microsoft.graph.x with aliases resolved).
type Property struct {
	Name       string
	Type       string
	Navigation bool
	Line       int
}

// Read parses a CSDL document. A byte-order mark is skipped; input over
// MaxBytes or nested over MaxDepth is an error, as is XML that does not
// parse. Errors carry the line they stand on.
func Read(r io.Reader) (*Document, error) {
	br := bufio.NewReader(io.LimitReader(r, int64(MaxBytes)+1))
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		_, _ = br.Discard(3)
	}
	counter := &countingReader{r: br}
	dec := xml.NewDecoder(counter)
	doc := &Document{Types: map[string]*Type{}}
	var (
		depth     int
		namespace string
		aliases   = map[string]string{} // alias -> namespace, lower case
		current   *Type
		pending   []*Type // types whose names wait for every alias
	)
	for {
		tok, err := dec.Token()
		if counter.n > MaxBytes {
			return nil, fmt.Errorf("metadata is larger than %d bytes", MaxBytes)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return nil, &LineError{Line: line, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxDepth {
				line, _ := dec.InputPos()
				return nil, &LineError{Line: line, Err: fmt.Errorf("elements nested deeper than %d", MaxDepth)}
			}
			line, _ := dec.InputPos()
			attr := func(name string) string {
				for _, a := range t.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "Schema":
				namespace = attr("Namespace")
				if a := attr("Alias"); a != "" {
					aliases[strings.ToLower(a)] = namespace
				}
			case "EntityType", "ComplexType", "EnumType":
				kind := map[string]TypeKind{"EntityType": EntityType, "ComplexType": ComplexType, "EnumType": EnumType}[t.Name.Local]
				current = &Type{Name: namespace + "." + attr("Name"), Kind: kind, BaseType: attr("BaseType"), Line: line,
					Abstract: attr("Abstract") == "true", Open: attr("OpenType") == "true"}
				pending = append(pending, current)
			case "Property", "NavigationProperty":
				if current != nil {
					current.Props = append(current.Props, Property{Name: attr("Name"), Type: attr("Type"), Navigation: t.Name.Local == "NavigationProperty", Line: line})
				}
			case "Member":
				if current != nil && current.Kind == EnumType {
					current.Members = append(current.Members, attr("Name"))
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "EntityType", "ComplexType", "EnumType":
				current = nil
			}
		}
	}
	for _, t := range pending {
		t.BaseType = normalize(t.BaseType, aliases)
		for i := range t.Props {
			t.Props[i].Type = normalize(t.Props[i].Type, aliases)
		}
		key := strings.ToLower(t.Name)
		if _, dup := doc.Types[key]; !dup {
			doc.Types[key] = t
			doc.Order = append(doc.Order, t)
		}
	}
	return doc, nil
}

// LineError is a read error at a line of the document.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// normalize resolves a namespace alias and writes collections and Edm
// primitives one way: Collection(microsoft.graph.x), Edm.String.
func normalize(name string, aliases map[string]string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if inner, ok := strings.CutPrefix(name, "Collection("); ok && strings.HasSuffix(inner, ")") {
		return "Collection(" + normalize(strings.TrimSuffix(inner, ")"), aliases) + ")"
	}
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return name
	}
	ns, short := name[:i], name[i+1:]
	if strings.EqualFold(ns, "edm") {
		return "Edm." + short
	}
	if full, ok := aliases[strings.ToLower(ns)]; ok {
		ns = full
	}
	return ns + "." + short
}

// Lookup finds a type by qualified name, ignoring letter case.
func (d *Document) Lookup(name string) *Type {
	return d.Types[strings.ToLower(name)]
}

// AllProps lists a type's properties with its bases', nearest first.
func (d *Document) AllProps(t *Type) []Property {
	var out []Property
	seen := map[*Type]bool{}
	for b := t; b != nil && !seen[b]; b = d.Lookup(b.BaseType) {
		seen[b] = true
		out = append(out, b.Props...)
	}
	return out
}
