package parser

import (
	"slices"
	"strings"
	"unicode"

	"github.com/graphdocgen/docgen/model"
	"github.com/yuin/goldmark/ast"
)

// looksLikeGraphName: a name no translation produces, as Graph's own are
// spelt: camel case with a hump after a lower-case letter
// (lastEditedDateTime) or a digit. A row so named that the JSON
// representation lacks is a property the representation left out, not a
// translated name.
func looksLikeGraphName(name string) bool {
	if !isIdentifier(name) {
		return false
	}
	prevLower := false
	for _, r := range name {
		if unicode.IsDigit(r) || prevLower && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// translatedRowData is what a row with a translated name still says: its
// type and description, read as for any row.
func (p *pageParser) translatedRowData(cells []ast.Node, typeCol, descCol int, pos model.Pos) *tableRow {
	tr := &tableRow{Type: p.cellType(cells[typeCol]), Pos: pos}
	if descCol >= 0 && descCol < len(cells) {
		tr.Description = p.textOf(cells[descCol], p.inlineText(cells[descCol]))
		tr.Described = describedValues(cells[descCol], p.src.text)
	}
	return tr
}

// pairTranslatedRows gives the rows whose names were translated the
// names of the JSON representation's keys that no row names, when both
// are as many, in the same order, and each key's value agrees with its
// row's type (one value or a collection, an object or a primitive): the
// rows' types and listed values are then read as on the English page
// (DG031 says so). Otherwise the keys stand for the rows alone, typed
// from their values.
func (p *pageParser) pairTranslatedRows(pr *pendingResource, rows []tableRow) []tableRow {
	if len(pr.res.TranslatedRows) == 0 || len(pr.translatedData) != len(pr.res.TranslatedRows) {
		return rows
	}
	named := make(map[string]bool, len(rows))
	for _, r := range rows {
		named[strings.ToLower(r.Name)] = true
	}
	var keys []sampleMember
	for _, m := range pr.sample {
		if !named[strings.ToLower(m.Name)] && !strings.Contains(m.Name, "@") && !isODataTypeRow(m.Name) {
			keys = append(keys, m)
		}
	}
	if len(keys) != len(pr.res.TranslatedRows) {
		return rows
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	// Rows in other scripts are claimed before Latin ones: table order is
	// line order.
	slices.SortStableFunc(order, func(a, b int) int {
		return pr.res.TranslatedRows[a].Pos.Line - pr.res.TranslatedRows[b].Pos.Line
	})
	paired := make([]tableRow, len(keys))
	for i, k := range keys {
		data := pr.translatedData[order[i]]
		if data == nil || !rowAgreesWithValue(data.Type, k) {
			return rows
		}
		paired[i] = *data
		paired[i].Name = k.Name
		paired[i].Pos = pr.res.TranslatedRows[order[i]].Pos
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.Name
	}
	var was []string
	for _, i := range order {
		was = append(was, `"`+pr.res.TranslatedRows[i].Name+`"`)
	}
	p.diags.Report(paired[0].Pos, model.PropertyNameInvalid, "%d table row(s) of %s name their property in translation (%s); read as the JSON representation's keys in the same order: %s", len(keys), pr.res.Name, strings.Join(was, ", "), strings.Join(names, ", "))
	pr.res.TranslatedRows, pr.translatedData = nil, nil
	return append(rows, paired...)
}

// rowAgreesWithValue: a row's type and a sample value describe the same
// shape: both collections or neither, and an object where the row names a
// type of the docs, a primitive where it names a primitive (a string may
// also be an enum's member). A type the row names in translation agrees
// with anything.
func rowAgreesWithValue(t model.TypeRef, k sampleMember) bool {
	if t.Collection != k.Array {
		return false
	}
	st, ok := sampleType(k.Value)
	if !ok || t.Kind == model.Reference && !isTypeName(t.Name) {
		return true
	}
	switch {
	case t.Kind == model.Primitive && st.Kind == model.Primitive:
		return t.Name == st.Name || st.Name == "Edm.String" || t.Name == "Edm.String"
	case t.Kind == model.Primitive:
		return false // an object for a primitive row
	case st.Kind == model.Reference:
		return strings.EqualFold(lastSegment(t.Name), lastSegment(st.Name))
	default:
		return st.Name == "Edm.String" // an enum's member
	}
}

// lastSegment is a qualified name's short name.
func lastSegment(s string) string { return s[strings.LastIndexByte(s, '.')+1:] }
