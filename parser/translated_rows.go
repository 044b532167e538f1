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
		tr.Described, tr.describedTranslated = describedValues(cells[descCol], p.src.text)
	}
	return tr
}

// pairTranslatedRows gives the rows whose names were translated the
// names of the JSON representation's keys that no row names, place by
// place: the translated rows between two named properties of the table
// (or its start or end) and the unnamed keys between the same two in the
// representation pair in order when they are as many and each key's
// value agrees with its row's type (one value or a collection, an object
// or a primitive). Their types and listed values are then read as on the
// English page (DG031 says so). Where the two list their properties in
// another order, or a place holds more keys than rows, nothing is paired
// there: those keys stand for the rows, typed from their values.
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
	// Places are told by properties, not relationships: the
	// representation lists relationships apart, if at all.
	properties := make(map[string]bool, len(rows))
	for _, r := range rows {
		if !r.Navigation {
			properties[strings.ToLower(r.Name)] = true
		}
	}
	rowPlace, keyPlace := places(rows, pr.sample, properties)
	type place [2]string
	rowsAt := map[place][]int{} // indexes into TranslatedRows, in line order
	var order []int
	for i, d := range pr.translatedData {
		if d != nil && !d.Navigation {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return pr.res.TranslatedRows[a].Pos.Line - pr.res.TranslatedRows[b].Pos.Line
	})
	for _, i := range order {
		at := rowPlace(pr.res.TranslatedRows[i].Pos.Line)
		rowsAt[at] = append(rowsAt[at], i)
	}
	keysAt := map[place][]sampleMember{}
	var places []place // in the representation's order
	for _, m := range pr.sample {
		if named[strings.ToLower(m.Name)] || strings.Contains(m.Name, "@") || isODataTypeRow(m.Name) {
			continue
		}
		if t, ok := sampleType(m.Value); ok && t.Kind == model.Reference && navShapes[shapeKey(t)] {
			continue
		}
		at := keyPlace(m.Name)
		if len(keysAt[at]) == 0 {
			places = append(places, at)
		}
		keysAt[at] = append(keysAt[at], m)
	}
	var paired []tableRow
	var was, names []string
	done := map[int]bool{}
	for _, at := range places {
		keys, idx := keysAt[at], rowsAt[at]
		if len(keys) != len(idx) {
			continue
		}
		agree := true
		for j, k := range keys {
			agree = agree && rowAgreesWithValue(pr.translatedData[idx[j]].Type, k)
		}
		if !agree {
			continue
		}
		for j, k := range keys {
			row := *pr.translatedData[idx[j]]
			row.Name, row.Pos = k.Name, pr.res.TranslatedRows[idx[j]].Pos
			paired = append(paired, row)
			was = append(was, `"`+pr.res.TranslatedRows[idx[j]].Name+`"`)
			names = append(names, k.Name)
			done[idx[j]] = true
		}
	}
	if len(paired) == 0 {
		return rows
	}
	first := paired[0].Pos
	for _, r := range paired {
		if r.Pos.Line < first.Line {
			first = r.Pos
		}
	}
	p.diags.Report(first, model.PropertyNameInvalid, "%d table row(s) of %s name their property in translation (%s); read as the JSON representation's keys in the same places: %s", len(paired), pr.res.Name, strings.Join(was, ", "), strings.Join(names, ", "))
	pr.dropTranslated(done)
	return append(rows, paired...)
}

// dropTranslated removes the translated rows whose indexes are in drop,
// with their data; none left is nil.
func (pr *pendingResource) dropTranslated(drop map[int]bool) {
	kept := pr.res.TranslatedRows[:0:0]
	keptData := pr.translatedData[:0:0]
	for i, tr := range pr.res.TranslatedRows {
		if !drop[i] {
			kept = append(kept, tr)
			keptData = append(keptData, pr.translatedData[i])
		}
	}
	if len(kept) == 0 {
		kept, keptData = nil, nil
	}
	pr.res.TranslatedRows, pr.translatedData = kept, keptData
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

// places returns where a translated row stands in the table and where a
// key stands in the representation: between which two properties that
// both name (named, "" at the start or end), in lower case. Both are looked up,
// not searched, so a table of many rows stays linear.
func places(rows []tableRow, sample []sampleMember, named map[string]bool) (rowPlace func(line int) [2]string, keyPlace func(key string) [2]string) {
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
	rowPlace = func(line int) [2]string {
		i, _ := slices.BinarySearchFunc(marks, line, func(m lineName, l int) int { return m.line - l })
		var at [2]string
		if i > 0 {
			at[0] = marks[i-1].name
		}
		if i < len(marks) {
			at[1] = marks[i].name
		}
		return at
	}
	at := make(map[string][2]string, len(sample))
	last := ""
	for _, m := range sample {
		if _, seen := at[m.Name]; !seen {
			at[m.Name] = [2]string{last, ""}
		}
		if named[strings.ToLower(m.Name)] {
			last = strings.ToLower(m.Name)
		}
	}
	next := ""
	for i := len(sample) - 1; i >= 0; i-- {
		m := sample[i]
		if a := at[m.Name]; a[1] == "" {
			a[1] = next
			at[m.Name] = a
		}
		if named[strings.ToLower(m.Name)] {
			next = strings.ToLower(m.Name)
		}
	}
	keyPlace = func(key string) [2]string { return at[key] }
	return rowPlace, keyPlace
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
// maxNamePairs bounds the rows times optionalProperties names that
// nameRelationshipsFromAnnotation compares, each with each: real pages
// have tens of each, and a page of thousands of both (5,000 each took a
// second) is no translation to repair.
const maxNamePairs = 1 << 20

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
	if len(free) == 0 || len(free)*(len(rows)+len(pr.res.TranslatedRows)) > maxNamePairs {
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
		pr.dropTranslated(dropped)
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
