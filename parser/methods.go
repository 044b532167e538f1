package parser

import (
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/graphdocgen/docgen/model"
)

// listMethod is a Methods table row that lists a relationship: its link
// goes to "<type>-list-<relationship>.md" or reads "List <relationship>",
// and its return type is a collection.
type listMethod struct {
	names []string // the relationship's name, lower case, as the link target and text give it
	typ   model.TypeRef
	line  int
}

// noteMethods reads a Methods table: whether it links to API pages (the
// type is addressable), and which relationships its rows list.
func (p *pageParser) noteMethods(t *east.Table) {
	_ = ast.Walk(t, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := c.(*ast.Link); ok && entering && strings.Contains(string(l.Destination), "api/") {
			p.addressable = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	header, cols := p.tableHeader(t)
	if header == nil {
		return
	}
	// A translation's link texts do not say "List" (listedRelationship).
	translated := p.translatedHeader(cols)
	typeCol := column(cols, methodTypeHeaders)
	if typeCol < 0 && len(cols) >= 2 && translated {
		typeCol = 1 // the docs template's Method | Return type | Description, translated
	}
	if typeCol < 0 {
		return
	}
	for r := header.NextSibling(); r != nil; r = r.NextSibling() {
		cells := rowCells(r)
		if typeCol >= len(cells) {
			continue
		}
		names := listedRelationship(cells[0], p.src.text, translated)
		if len(names) == 0 {
			continue
		}
		if typ := p.cellType(cells[typeCol]); typ.Kind == model.Reference && typ.Collection {
			p.listMethods = append(p.listMethods, listMethod{names: names, typ: typ, line: p.src.line(r.Pos())})
		}
	}
}

// listedRelationship is the relationship a method cell's link lists, lower
// case, as the API page's file name ("printer-list-connectors.md") and the
// link text ("List connectors") give it. The text must say "List": the
// file names also hold rows that get one value ("Get last index operation",
// "…-list-lastindexoperation.md"), except in a translation, whose verbs are
// not English.
func listedRelationship(cell ast.Node, src []byte, translated bool) []string {
	var names []string
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		text := plainText(l, src)
		words := strings.Fields(text)
		if len(words) == 0 || !strings.EqualFold(words[0], "list") && !translated && !hasNonASCIILetter(text) {
			return ast.WalkStop, nil
		}
		file, _, _ := strings.Cut(path.Base(string(l.Destination)), "#")
		file = strings.ToLower(file)
		if _, name, ok := strings.Cut(strings.TrimSuffix(file, ".md"), "-list-"); ok && strings.HasSuffix(file, ".md") && isIdentifier(name) {
			names = append(names, name)
		}
		if len(words) >= 2 && strings.EqualFold(words[0], "list") && isIdentifier(words[1]) {
			names = append(names, strings.ToLower(words[1]))
		}
		return ast.WalkStop, nil
	})
	return names
}

// listedCollections types as collections the relationships the tables give
// one value of while the Methods table lists them, returning a collection of
// the same type (servicePrincipal's appRoleAssignedTo: "[appRoleAssignment]"
// in the table, "List appRoleAssignedTo" returning "[appRoleAssignment]
// collection"): Graph's metadata and the API's responses side with the list.
// A JSON representation that shows the relationship settles its shape
// instead (mergeProperties, DG037).
func (p *pageParser) listedCollections(res *model.Resource, sample []sampleMember, rows []tableRow) {
	if len(p.listMethods) == 0 {
		return
	}
	for i := range rows {
		row := &rows[i]
		if !row.Navigation || row.Type.Kind != model.Reference || row.Type.Collection || slices.ContainsFunc(sample, func(m sampleMember) bool { return m.Name == row.Name }) {
			continue
		}
		for _, m := range p.listMethods {
			if !slices.Contains(m.names, strings.ToLower(row.Name)) || !strings.EqualFold(shortName(m.typ.Name), shortName(row.Type.Name)) {
				continue
			}
			p.diags.Report(row.Pos, model.ListedCollection, "relationship %q of %s is one %s in its table, but the Methods table lists it as a collection of them (line %d); typed as a collection", row.Name, res.Name, row.Type.Name, m.line)
			row.Type.Collection = true
			break
		}
	}
}
