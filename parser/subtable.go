package parser

import (
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// subTable is a properties-style table under a sub-heading of a Properties
// section. Such a table may list more of the resource's properties (beta
// tiindicator's "Indicator observables - email") or describe something
// else: tokenLifetimePolicy's "Properties of a token lifetime policy
// definition" documents the JSON held inside its definition string.
type subTable struct {
	heading string
	pos     model.Pos
}

// dropForeignSubTables keeps the rows of a resource's sub-headed tables
// that describe the resource, and drops the others: a table whose names
// are all instance annotations (@...) silently, and with a finding (DG072)
// a table none of whose names is a key of the resource's JSON
// representation and that says it is about something else, by a heading
// "Properties of ..." or by names that are not camelCase. Without a sample
// there is nothing to tell them apart by, and every other table is kept.
func (p *pageParser) dropForeignSubTables(res *model.Resource, sample []sampleMember, rows []tableRow) []tableRow {
	keys := map[string]bool{}
	for _, m := range sample {
		keys[strings.ToLower(m.Name)] = true
	}
	type verdict struct{ annotations, inSample, capitalised, rows int }
	verdicts := map[int]*verdict{}
	for _, r := range rows {
		if r.subTable == 0 {
			continue
		}
		v := verdicts[r.subTable]
		if v == nil {
			v = &verdict{}
			verdicts[r.subTable] = v
		}
		v.rows++
		if strings.HasPrefix(r.Name, "@") {
			v.annotations++
		}
		if keys[strings.ToLower(r.Name)] {
			v.inSample++
		}
		if r.Name[0] >= 'A' && r.Name[0] <= 'Z' {
			v.capitalised++ // Graph's properties are camelCase; a policy definition's keys are not
		}
	}
	drop := map[int]bool{}
	for i := range p.subTables {
		v := verdicts[i+1]
		switch {
		case v == nil:
		case v.annotations == v.rows: // "Instance attributes": annotations, not properties
			drop[i+1] = true
		case v.inSample > 0 || len(sample) == 0:
		case !strings.HasPrefix(strings.ToLower(p.subTables[i].heading), "properties of ") && v.capitalised < v.rows:
			// Nothing says it is about something else: the sample may just
			// omit these properties (DG034 says so, row by row).
		default:
			drop[i+1] = true
			st := p.subTables[i]
			var names []string
			for _, r := range rows {
				if r.subTable == i+1 {
					names = append(names, r.Name)
				}
			}
			p.diags.Report(st.pos, model.TableNotProperties, "table under %q describes something other than %s: none of its names (%s) is a key of the JSON representation; not read as properties",
				st.heading, res.Name, strings.Join(names, ", "))
		}
	}
	if len(drop) == 0 {
		return rows
	}
	var kept []tableRow
	for _, r := range rows {
		if !drop[r.subTable] {
			kept = append(kept, r)
		}
	}
	return kept
}
