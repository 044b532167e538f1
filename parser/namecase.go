package parser

import (
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// matchSampleCase settles names that the tables and the JSON
// representation spell differently only in letter case (printerID in the
// table, printerId in the sample): one property, not a table-only and a
// sample-only one whose Go names then collide. JSON keys are case
// sensitive and the sample shows the wire form, so its spelling is kept;
// the difference is reported once, at the row (DG073). A row is matched
// only when no row has the sample's exact spelling and no sample key has
// the row's.
func matchSampleCase(res *model.Resource, sample []sampleMember, rows []tableRow, diags *model.Diagnostics) []tableRow {
	exactRow := map[string]bool{}
	for _, r := range rows {
		exactRow[r.Name] = true
	}
	exactKey := map[string]bool{}
	for _, m := range sample {
		exactKey[m.Name] = true
	}
	var out []tableRow
	renamed := false
	for _, m := range sample {
		if exactRow[m.Name] {
			continue
		}
		for i, r := range rows {
			if exactKey[r.Name] || !strings.EqualFold(r.Name, m.Name) {
				continue
			}
			if !renamed {
				out = append([]tableRow(nil), rows...)
				renamed = true
			}
			diags.Report(r.Pos, model.NameCaseDiffers, "property %q of %s is spelt %q in the JSON representation (line %d); read as %q, the sample's spelling",
				r.Name, res.Name, m.Name, m.Line, m.Name)
			out[i].Name = m.Name
			exactRow[m.Name] = true
			break
		}
	}
	if !renamed {
		return rows
	}
	return out
}
