package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/graphdocgen/docgen/model"
)

// tableRow is one row of a Properties or Relationships table.
type tableRow struct {
	Name        string
	Type        model.TypeRef
	Description model.Text
	Navigation  bool
	Pos         model.Pos
	offset      int
}

// Header names that identify a table's columns, compared in lower case.
var (
	nameHeaders = map[string]bool{"property": true, "property name": true, "name": true, "relationship": true, "relationship name": true}
	typeHeaders = map[string]bool{"type": true}
	descHeaders = map[string]bool{"description": true}
)

func (p *pageParser) table(t *east.Table) {
	nameCol, typeCol, descCol := -1, -1, -1
	var header *east.TableHeader
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*east.TableHeader); ok {
			header = h
		}
	}
	if header == nil {
		return
	}
	i := 0
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		h := strings.ToLower(p.inlineText(c))
		switch {
		case nameHeaders[h] && nameCol < 0:
			nameCol = i
		case typeHeaders[h] && typeCol < 0:
			typeCol = i
		case descHeaders[h] && descCol < 0:
			descCol = i
		}
		i++
	}
	tablePos := p.posOf(t.Pos())
	if nameCol < 0 || typeCol < 0 {
		p.diags.Warnf(tablePos, "table under a properties or relationships heading has no name or type column; skipped")
		return
	}
	for r := header.NextSibling(); r != nil; r = r.NextSibling() {
		row, ok := r.(*east.TableRow)
		if !ok {
			continue
		}
		cells := make([]ast.Node, 0, i)
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
		}
		if nameCol >= len(cells) || typeCol >= len(cells) {
			continue
		}
		name := cleanName(p.inlineText(cells[nameCol]))
		if name == "" {
			continue
		}
		tr := tableRow{
			Name:       name,
			Type:       parseType(p.typeText(cells[typeCol])),
			Navigation: p.section == sectionRelationships,
			Pos:        p.posOf(row.Pos()),
			offset:     row.Pos(),
		}
		if descCol >= 0 && descCol < len(cells) {
			tr.Description = p.textOf(cells[descCol], p.inlineText(cells[descCol]))
		}
		p.tables = append(p.tables, tr)
	}
}

// cleanName strips the markup that survives plain-text rendering of a name
// cell, such as stray asterisks from unbalanced bold.
func cleanName(s string) string {
	return strings.Trim(strings.TrimSpace(s), "*`_ ")
}

// typeText is a type cell's text; a linked type is named by its link text,
// never by the link target (targets carry prefixes such as intune-apps-).
func (p *pageParser) typeText(cell ast.Node) string {
	var link ast.Node
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && link == nil {
			link = l
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	whole := p.inlineText(cell)
	if link == nil {
		return whole
	}
	name := plainText(link, p.src.text)
	// Keep the collection marker written around the link.
	lower := strings.ToLower(whole)
	switch {
	case strings.HasSuffix(lower, "collection"), strings.HasPrefix(lower, "collection"):
		return name + " collection"
	}
	return name
}

// primitives maps loose spellings of Edm primitives to their Edm names.
var primitives = map[string]string{
	"string": "Edm.String", "str": "Edm.String",
	"boolean": "Edm.Boolean", "bool": "Edm.Boolean",
	"int32": "Edm.Int32", "int": "Edm.Int32", "integer": "Edm.Int32",
	"int64": "Edm.Int64", "long": "Edm.Int64",
	"int16": "Edm.Int16", "short": "Edm.Int16",
	"byte": "Edm.Byte", "sbyte": "Edm.SByte",
	"double": "Edm.Double", "float": "Edm.Double", "number": "Edm.Double",
	"single":         "Edm.Single",
	"decimal":        "Edm.Decimal",
	"datetimeoffset": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset", "timestamp": "Edm.DateTimeOffset",
	"date":      "Edm.Date",
	"timeofday": "Edm.TimeOfDay",
	"duration":  "Edm.Duration", "timespan": "Edm.Duration",
	"guid": "Edm.Guid", "uuid": "Edm.Guid",
	"binary": "Edm.Binary",
	"stream": "Edm.Stream",
	"json":   "Edm.Untyped", "untyped": "Edm.Untyped",
}

// PrimitiveName returns the Edm name for a loose primitive spelling.
func PrimitiveName(s string) (string, bool) {
	name, ok := primitives[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(s, "Edm."), "edm."))]
	return name, ok
}

// parseType reads a type cell: a primitive, a reference, or a collection of
// either, in the spellings the pages use.
func parseType(s string) model.TypeRef {
	s = strings.TrimSpace(s)
	var t model.TypeRef
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "collection(") && strings.HasSuffix(s, ")"):
		t.Collection, s = true, s[len("collection("):len(s)-1]
	case strings.HasPrefix(lower, "collection of "):
		t.Collection, s = true, s[len("collection of "):]
	case strings.HasSuffix(lower, " collection"):
		t.Collection, s = true, s[:len(s)-len(" collection")]
	}
	s = strings.TrimSpace(s)
	if name, ok := PrimitiveName(s); ok {
		t.Kind, t.Name = model.Primitive, name
		return t
	}
	// "String (identifier)", "string, maximum size 20": a primitive with a note.
	if head := leadingName(s); head != s {
		if name, ok := PrimitiveName(head); ok {
			t.Kind, t.Name = model.Primitive, name
			return t
		}
	}
	t.Kind, t.Name = model.Reference, s
	return t
}

// leadingName is the identifier (with dots) that starts s.
func leadingName(s string) string {
	for i, r := range s {
		if !(r == '.' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return s[:i]
		}
	}
	return s
}

// mergeProperties orders a resource's properties as the JSON sample does,
// then adds the rows the sample leaves out, in table order.
func mergeProperties(res *model.Resource, sample []sampleMember, rows []tableRow, diags *model.Diagnostics) []*model.Property {
	byName := map[string]*model.Property{}
	var tableOrder []*model.Property
	for _, row := range rows {
		if prev, dup := byName[row.Name]; dup {
			diags.Warnf(row.Pos, "property %q of %s is documented twice (first at %s); the first is kept", row.Name, res.Name, prev.Pos)
			continue
		}
		prop := &model.Property{
			Name: row.Name, Type: row.Type, Description: row.Description,
			Navigation: row.Navigation, InTable: true, Pos: row.Pos,
		}
		byName[row.Name] = prop
		tableOrder = append(tableOrder, prop)
	}

	var out []*model.Property
	placed := map[string]bool{}
	for _, m := range sample {
		if placed[m.Name] {
			continue
		}
		prop, ok := byName[m.Name]
		if !ok {
			if strings.Contains(m.Name, "@") {
				continue // instance annotations such as @odata.type are not properties
			}
			pos := model.Pos{File: res.Pos.File, Line: m.Line}
			diags.Warnf(pos, "property %q of %s is in the JSON representation but not in the tables", m.Name, res.Name)
			prop = &model.Property{Name: m.Name, Type: model.TypeRef{Kind: model.Primitive, Name: "Edm.String"}, Pos: pos}
			if m.EnumValues == nil {
				prop.Type = model.TypeRef{Kind: model.Primitive, Name: "Edm.Untyped"}
			}
		}
		prop.InSample = true
		prop.EnumValues = m.EnumValues
		placed[m.Name] = true
		out = append(out, prop)
	}
	for _, prop := range tableOrder {
		if placed[prop.Name] {
			continue
		}
		if !prop.Navigation && len(sample) > 0 {
			diags.Warnf(prop.Pos, "property %q of %s is in the tables but not in the JSON representation", prop.Name, res.Name)
		}
		out = append(out, prop)
	}
	return out
}
