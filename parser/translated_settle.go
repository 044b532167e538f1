package parser

import (
	"slices"
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// settleTranslatedRows reads the translated property rows that pairing by
// place (pairTranslatedRows) left, as a translated table that lists its
// rows in another order than the representation does:
//   - one unnamed key left pairs with the one row whose type is the key's
//     ("说明" String with "description", not a configuration row);
//   - once no unnamed key is left, a row in Latin letters set apart only
//     because keys were unnamed ("error", "configuration") is no
//     translation anything stands for: it keeps its name, as on a page
//     whose keys all have rows.
func (p *pageParser) settleTranslatedRows(pr *pendingResource, rows []tableRow) []tableRow {
	if len(pr.res.TranslatedRows) == 0 || len(pr.translatedData) != len(pr.res.TranslatedRows) || len(pr.sample) == 0 {
		return rows
	}
	named := make(map[string]bool, len(rows))
	navShapes := map[string]bool{}
	for _, r := range rows {
		named[strings.ToLower(r.Name)] = true
		if r.Navigation && r.Type.Kind == model.Reference {
			navShapes[shapeKey(r.Type)] = true
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
	var left []int // translated property rows, in line order
	for i, d := range pr.translatedData {
		if d != nil && !d.Navigation {
			left = append(left, i)
		}
	}
	slices.SortStableFunc(left, func(a, b int) int {
		return pr.res.TranslatedRows[a].Pos.Line - pr.res.TranslatedRows[b].Pos.Line
	})
	pairs := map[int]string{} // translated row -> key
	// Two keys or more are not paired out of place: rows listed in another
	// order than the keys could take each other's names.
	if len(keys) == 1 {
		match := -1
		for _, i := range left {
			if rowIsValueType(pr.translatedData[i].Type, keys[0]) {
				if match >= 0 {
					match = -2 // two rows fit: neither is told
					break
				}
				match = i
			}
		}
		if match < 0 && len(left) == 1 && rowAgreesWithValue(pr.translatedData[left[0]].Type, keys[0]) {
			match = left[0]
		}
		if match >= 0 {
			pairs[match] = keys[0].Name
		}
	}
	var out []tableRow
	var was, names []string
	var first model.Pos
	done := map[int]bool{}
	for _, i := range left {
		key, ok := pairs[i]
		if !ok {
			continue
		}
		row := *pr.translatedData[i]
		row.Name, row.Pos = key, pr.res.TranslatedRows[i].Pos
		if len(was) == 0 || row.Pos.Line < first.Line {
			first = row.Pos
		}
		out = append(out, row)
		was = append(was, `"`+pr.res.TranslatedRows[i].Name+`"`)
		names = append(names, key)
		done[i] = true
	}
	if len(out) > 0 {
		p.diags.Report(first, model.PropertyNameInvalid, "%d table row(s) of %s name their property in translation (%s); read as the JSON representation's keys of the same types: %s", len(out), pr.res.Name, strings.Join(was, ", "), strings.Join(names, ", "))
	}
	if len(keys) == len(out) {
		for _, i := range left {
			if !done[i] && isIdentifier(pr.res.TranslatedRows[i].Name) {
				row := *pr.translatedData[i]
				row.Name, row.Pos = pr.res.TranslatedRows[i].Name, pr.res.TranslatedRows[i].Pos
				out = append(out, row)
				done[i] = true
			}
		}
	}
	if len(done) == 0 {
		return rows
	}
	pr.dropTranslated(done)
	return append(rows, out...)
}

// rowIsValueType: a row's type is the sample value's own, not only one
// that could stand for it (rowAgreesWithValue takes any reference for a
// string, as an enum's member): the same primitive, or a reference of the
// same name, in the same shape.
func rowIsValueType(t model.TypeRef, k sampleMember) bool {
	st, ok := sampleType(k.Value)
	if !ok || t.Collection != k.Array || t.Kind != st.Kind {
		return false
	}
	if t.Kind == model.Primitive {
		return t.Name == st.Name
	}
	return strings.EqualFold(lastSegment(t.Name), lastSegment(st.Name))
}
