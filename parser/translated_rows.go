package parser

import (
	"fmt"
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
	tr := &tableRow{Type: p.cellType(cells[typeCol]), Navigation: p.section.kind == sectionRelationships, Pos: pos}
	if descCol >= 0 && descCol < len(cells) {
		tr.Description = p.textOf(cells[descCol], p.inlineText(cells[descCol]))
		tr.Described = describedValues(cells[descCol], p.src.text)
	}
	return tr
}

// pairTranslatedRows gives the rows whose names were translated the
// names of the JSON representation's keys that no row names, when both
// are as many, in the same order, each row follows the same named
// property as its key, and each key's value agrees with its row's type
// (one value or a collection, an object or a primitive): the rows' types
// and listed values are then read as on the English page (DG031 says
// so). Otherwise the keys stand for the rows alone, typed from their
// values.
func (p *pageParser) pairTranslatedRows(pr *pendingResource, rows []tableRow) []tableRow {
	if len(pr.res.TranslatedRows) == 0 || len(pr.translatedData) != len(pr.res.TranslatedRows) {
		return rows
	}
	named := make(map[string]bool, len(rows))
	for _, r := range rows {
		named[strings.ToLower(r.Name)] = true
	}
	// A key of a relationship row's type and shape is that relationship's
	// (left unpaired above, as two rows share its type): not a property's.
	navShapes := map[string]bool{}
	for _, r := range rows {
		if r.Navigation && r.Type.Kind == model.Reference {
			navShapes[shapeKey(r.Type)] = true
		}
	}
	for _, d := range pr.translatedData {
		if d != nil && d.Navigation && d.Type.Kind == model.Reference {
			navShapes[shapeKey(d.Type)] = true
		}
	}
	var keys []sampleMember
	for _, m := range pr.sample {
		if named[strings.ToLower(m.Name)] || strings.Contains(m.Name, "@") || isODataTypeRow(m.Name) {
			continue
		}
		if t, ok := sampleType(m.Value); ok && t.Kind == model.Reference && navShapes[shapeKey(t)] {
			continue
		}
		keys = append(keys, m)
	}
	nonNav := 0
	for _, d := range pr.translatedData {
		if d != nil && !d.Navigation {
			nonNav++
		}
	}
	if nonNav != len(pr.res.TranslatedRows) {
		return rows // a relationship in another script no key matched: places cannot be trusted
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
	rowAnchor, keyAnchor := placeAnchors(rows, pr.sample, named)
	paired := make([]tableRow, len(keys))
	for i, k := range keys {
		data := pr.translatedData[order[i]]
		if data == nil || data.Navigation || !rowAgreesWithValue(data.Type, k) {
			return rows
		}
		// Where the table and the representation list the same
		// properties in another order, places prove nothing: the row must
		// follow the same named property as the key does, unless its
		// type names the key's.
		if rowAnchor(pr.res.TranslatedRows[order[i]].Pos.Line) != keyAnchor(k.Name) && !sameReference(data.Type, k) {
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
	p.diags.Report(paired[0].Pos, model.PropertyNameInvalid, "%d table row(s) of %s name their property in translation (%s); read as the JSON representation's keys in the same places: %s", len(keys), pr.res.Name, strings.Join(was, ", "), strings.Join(names, ", "))
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

// pairTranslatedRelationships gives a relationship row whose name was
// translated ("Erweiterungen", "附件") the name of the one JSON key no row
// names whose value is the row's type, in the same shape
// ([{"@odata.type": "microsoft.graph.extension"}] for an extension
// collection). The representation seldom lists relationships, so a
// relationship is paired by its type, never by its place; one no key
// matches keeps its name (or stays skipped, in another script).
func (p *pageParser) pairTranslatedRelationships(pr *pendingResource, rows []tableRow) []tableRow {
	if len(pr.translatedData) != len(pr.res.TranslatedRows) {
		return rows // not from this file's readers
	}
	named := make(map[string]bool, len(rows))
	for _, r := range rows {
		named[strings.ToLower(r.Name)] = true
	}
	byType := map[string][]string{} // "extension[]" -> unnamed keys of that type
	for _, m := range pr.sample {
		if named[strings.ToLower(m.Name)] || strings.Contains(m.Name, "@") {
			continue
		}
		if t, ok := sampleType(m.Value); ok && t.Kind == model.Reference {
			k := shapeKey(t)
			byType[k] = append(byType[k], m.Name)
		}
	}
	if len(byType) == 0 {
		return rows
	}
	// Candidates: relationship rows in Latin letters no key names, and
	// relationship rows in other scripts. Two rows of one type pair with
	// nothing.
	inSample := make(map[string]bool, len(pr.sample))
	for _, m := range pr.sample {
		inSample[strings.ToLower(m.Name)] = true
	}
	rowsOfType := map[string]int{}
	for _, r := range rows {
		if r.Navigation && r.Type.Kind == model.Reference && !inSample[strings.ToLower(r.Name)] {
			rowsOfType[shapeKey(r.Type)]++
		}
	}
	for _, d := range pr.translatedData {
		if d != nil && d.Navigation && d.Type.Kind == model.Reference {
			rowsOfType[shapeKey(d.Type)]++
		}
	}
	var renamed []string
	var first model.Pos
	note := func(was, key string, pos model.Pos) {
		if len(renamed) == 0 || pos.Line < first.Line {
			first = pos
		}
		renamed = append(renamed, fmt.Sprintf("%q as %s", was, key))
	}
	keyFor := func(t model.TypeRef) string {
		k := shapeKey(t)
		if keys := byType[k]; len(keys) == 1 && rowsOfType[k] == 1 {
			return keys[0]
		}
		return ""
	}
	for i := range rows {
		r := &rows[i]
		if !r.Navigation || inSample[strings.ToLower(r.Name)] || looksLikeGraphName(r.Name) {
			continue
		}
		if key := keyFor(r.Type); key != "" {
			note(r.Name, key, r.Pos)
			r.Name = key
		}
	}
	kept := pr.res.TranslatedRows[:0:0]
	keptData := pr.translatedData[:0:0]
	for i, tr := range pr.res.TranslatedRows {
		d := pr.translatedData[i]
		if d != nil && d.Navigation {
			if key := keyFor(d.Type); key != "" {
				note(tr.Name, key, tr.Pos)
				row := *d
				row.Name, row.Pos = key, tr.Pos
				rows = append(rows, row)
				continue
			}
		}
		kept = append(kept, tr)
		keptData = append(keptData, d)
	}
	pr.res.TranslatedRows, pr.translatedData = kept, keptData
	if len(renamed) > 0 {
		p.diags.Report(first, model.PropertyNameInvalid, "%d relationship row(s) of %s name their property in translation; read by the JSON representation's key of their type: %s", len(renamed), pr.res.Name, strings.Join(renamed, ", "))
	}
	return rows
}

// shapeKey is a reference's short name in lower case, and whether it is a
// collection: what a relationship row and a sample value must share.
func shapeKey(t model.TypeRef) string {
	k := strings.ToLower(lastSegment(t.Name))
	if t.Collection {
		k += "[]"
	}
	return k
}

// placeAnchors returns, for a table line, the last property row above it
// that the representation also has, and for a key, the last key before it
// that a row names: the named property a translated row and its key
// follow ("" at the start). Both are looked up, not searched, so a table
// of many rows stays linear.
func placeAnchors(rows []tableRow, sample []sampleMember, named map[string]bool) (rowAnchor func(line int) string, keyAnchor func(key string) string) {
	inSample := make(map[string]bool, len(sample))
	for _, m := range sample {
		inSample[strings.ToLower(m.Name)] = true
	}
	type lineName struct {
		line int
		name string
	}
	var marks []lineName
	for _, r := range rows {
		if !r.Navigation && inSample[strings.ToLower(r.Name)] {
			marks = append(marks, lineName{r.Pos.Line, strings.ToLower(r.Name)})
		}
	}
	slices.SortFunc(marks, func(a, b lineName) int { return a.line - b.line })
	rowAnchor = func(line int) string {
		i, _ := slices.BinarySearchFunc(marks, line, func(m lineName, l int) int { return m.line - l })
		if i == 0 {
			return ""
		}
		return marks[i-1].name
	}
	before := make(map[string]string, len(sample))
	last := ""
	for _, m := range sample {
		if _, seen := before[m.Name]; !seen {
			before[m.Name] = last
		}
		if named[strings.ToLower(m.Name)] {
			last = strings.ToLower(m.Name)
		}
	}
	keyAnchor = func(key string) string { return before[key] }
	return rowAnchor, keyAnchor
}

// sameReference: the row names a type of the docs and the key's value is
// an object of that type.
func sameReference(t model.TypeRef, k sampleMember) bool {
	st, ok := sampleType(k.Value)
	return ok && t.Kind == model.Reference && st.Kind == model.Reference && strings.EqualFold(lastSegment(t.Name), lastSegment(st.Name))
}

// translatedPage: the page names a language other than English, or its
// properties table's header was translated.
func (p *pageParser) translatedPage() bool { return p.locale != "" || p.translatedTables }

// translatedLinkText: a link text in Latin letters that a translation made
// of the type its link targets ("[Destinatario](recipient.md)"): a plain
// word, not spelt as Graph spells names, that is not the target's name.
// A text that is the target's name in another letter case ("[ItemBody]
// (itembody.md)") is the type's own name.
func translatedLinkText(text, target string) bool {
	return !strings.EqualFold(text, target) && !strings.Contains(text, ".") && !looksLikeGraphName(text)
}

// nameRelationshipsFromAnnotation names the relationship rows whose names
// were translated and that no JSON key matched (the representation
// seldom lists relationships) after the annotation's optionalProperties,
// which stay in English: the name no row and no key has that is, in the
// singular, the row's type's name or its start or end ("drives" for a
// drive collection, "photos" for profilePhoto, "planner" for
// plannerGroup, "settings" for groupSetting), the one that names most of
// it. A row with no such name, or two that name as much, or whose name
// another row takes too, keeps its own.
func (p *pageParser) nameRelationshipsFromAnnotation(pr *pendingResource, rows []tableRow) []tableRow {
	if len(pr.res.OptionalProperties) == 0 || len(pr.translatedData) != len(pr.res.TranslatedRows) {
		return rows
	}
	used := make(map[string]bool, len(rows)+len(pr.sample))
	keys := make(map[string]bool, len(pr.sample))
	for _, r := range rows {
		used[strings.ToLower(r.Name)] = true
	}
	for _, m := range pr.sample {
		used[strings.ToLower(m.Name)] = true
		keys[strings.ToLower(m.Name)] = true
	}
	var free []string
	optional := make(map[string]bool, len(pr.res.OptionalProperties))
	for _, name := range pr.res.OptionalProperties {
		optional[strings.ToLower(name)] = true
	}
	for _, name := range pr.res.OptionalProperties {
		if isIdentifier(name) && !used[strings.ToLower(name)] {
			free = append(free, name)
		}
	}
	if len(free) == 0 {
		return rows
	}
	// The names that fit a type best: those that match the most of it.
	candidates := func(t model.TypeRef) []string {
		var out []string
		best := 0
		if t.Kind != model.Reference {
			return nil
		}
		for _, name := range free {
			switch n := namesType(name, lastSegment(t.Name)); {
			case n > best:
				out, best = []string{name}, n
			case n == best && n > 0:
				out = append(out, name)
			}
		}
		return out
	}
	// Each row its one candidate, each candidate one row.
	claims := map[string]int{}
	type pick struct {
		row  int // index in rows, or -1 - index in TranslatedRows
		name string
		was  string
		pos  model.Pos
	}
	var picks []pick
	for i, r := range rows {
		if !r.Navigation || looksLikeGraphName(r.Name) {
			continue
		}
		if keys[strings.ToLower(r.Name)] || !p.translatedPage() || optional[strings.ToLower(r.Name)] || namesType(r.Name, lastSegment(r.Type.Name)) > 0 {
			continue // an English name: the annotation's, or its type's
		}
		if c := candidates(r.Type); len(c) == 1 {
			claims[c[0]]++
			picks = append(picks, pick{row: i, name: c[0], was: r.Name, pos: r.Pos})
		}
	}
	for i, tr := range pr.res.TranslatedRows {
		if d := pr.translatedData[i]; d != nil && d.Navigation {
			if c := candidates(d.Type); len(c) == 1 {
				claims[c[0]]++
				picks = append(picks, pick{row: -1 - i, name: c[0], was: tr.Name, pos: tr.Pos})
			}
		}
	}
	var renamed []string
	var first model.Pos
	dropped := map[int]bool{}
	for _, pk := range picks {
		if claims[pk.name] != 1 {
			continue
		}
		if pk.row >= 0 {
			rows[pk.row].Name = pk.name
		} else {
			i := -1 - pk.row
			row := *pr.translatedData[i]
			row.Name, row.Pos = pk.name, pk.pos
			rows = append(rows, row)
			dropped[i] = true
		}
		if len(renamed) == 0 || pk.pos.Line < first.Line {
			first = pk.pos
		}
		renamed = append(renamed, fmt.Sprintf("%q as %s", pk.was, pk.name))
	}
	if len(dropped) > 0 {
		kept := pr.res.TranslatedRows[:0:0]
		keptData := pr.translatedData[:0:0]
		for i, tr := range pr.res.TranslatedRows {
			if !dropped[i] {
				kept = append(kept, tr)
				keptData = append(keptData, pr.translatedData[i])
			}
		}
		pr.res.TranslatedRows, pr.translatedData = kept, keptData
	}
	if len(renamed) > 0 {
		p.diags.Report(first, model.PropertyNameInvalid, "%d relationship row(s) of %s name their property in translation; read by the annotation's optionalProperties name of their type: %s", len(renamed), pr.res.Name, strings.Join(renamed, ", "))
	}
	return rows
}

// namesType is how many letters of a type's name a property name names,
// in the singular, whole or at the name's start or end (drives: drive,
// photos: profilePhoto, planner: plannerGroup, settings: groupSetting), in
// any letter case; 0 when it names none of it.
func namesType(name, typeName string) int {
	t := strings.ToLower(typeName)
	n := strings.ToLower(name)
	forms := []string{n, strings.TrimSuffix(n, "s"), strings.TrimSuffix(n, "es")}
	if stem, ok := strings.CutSuffix(n, "ies"); ok {
		forms = append(forms, stem+"y")
	}
	best := 0
	for _, f := range forms {
		if len(f) >= 3 && len(f) > best && (strings.HasPrefix(t, f) || strings.HasSuffix(t, f)) {
			best = len(f)
		}
	}
	return best
}
