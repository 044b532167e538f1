package parser_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// TestInventedEnums resolves the pages of the invented-enums lint case and
// checks the schema emit sees: a String property with values that stands
// for a documented enum uses it (no second enum, so no Go name with a 2),
// and a derived page repeating its base's row leaves no enum of its own.
func TestInventedEnums(t *testing.T) {
	ar, err := txtar.ParseFile("../testdata/cases/lint/invented-enums.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var pages []*model.Page
	var diags model.Diagnostics
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".md") {
			p, d := parser.Parse(f.Name, f.Data)
			pages = append(pages, p)
			diags = append(diags, d...)
		}
	}
	schema := model.Resolve(pages, &diags)
	field := func(typ, name string) *model.Field {
		for _, ty := range schema.Types {
			if ty.Name == typ {
				for _, f := range ty.Fields {
					if f.Name == name {
						return f
					}
				}
			}
		}
		t.Fatalf("no field %s.%s", typ, name)
		return nil
	}
	for _, c := range []struct{ typ, field, enum string }{
		{"microsoft.graph.shipmentHarbor", "berthKinds", "microsoft.graph.shipmentHarborBerthKinds"},   // named as docgen would name it
		{"microsoft.graph.shipmentHarbor", "tide", "microsoft.graph.harborTideMode"},                   // named in the description
		{"microsoft.graph.lanternRecord", "supportedUse", "microsoft.graph.lanternRecordSupportedUse"}, // invented: nothing defines it
	} {
		f := field(c.typ, c.field)
		if f.Type.Enum == nil || f.Type.Enum.Name != c.enum {
			t.Errorf("%s.%s: enum %v, want %s", c.typ, c.field, f.Type.Enum, c.enum)
		}
	}
	if e := field("microsoft.graph.shipmentHarbor", "berthKinds").Type.Enum; e != nil && e.Owner != nil {
		t.Errorf("berthKinds uses an invented enum, want the documented one")
	}
	names := map[string]int{}
	for _, e := range schema.Enums {
		names[e.Name]++
		if strings.HasPrefix(e.Name, "microsoft.graph.kindledLantern") || strings.HasPrefix(e.Name, "microsoft.graph.wickBorder") {
			t.Errorf("enum %s: a row repeating the base's is the base's property, not a new enum", e.Name)
		}
	}
	for n, c := range names {
		if c > 1 {
			t.Errorf("enum %s declared %d times", n, c)
		}
	}
	for _, d := range diags {
		if d.Code == model.DefinitionConflict && !strings.Contains(d.Message, "kindledLantern.shade is Edm.String here but microsoft.graph.lanternShade") {
			t.Errorf("unexpected DG043: %s", d)
		}
	}
}
