package csdl

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

const testMetadata = "\ufeff" + `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="kiteColor">
        <Member Name="red" Value="0" />
        <Member Name="green" Value="1" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="kite" BaseType="graph.entity">
        <Property Name="span" Type="Edm.Single" />
        <Property Name="color" Type="graph.kiteColor" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <Property Name="rudder" Type="Edm.Boolean" />
      </EntityType>
      <ComplexType Name="pilot" BaseType="graph.person" />
      <ComplexType Name="person" />
      <ComplexType Name="balloon" />
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

// Pages with the same facts as the metadata, but for the differences each
// finding is about.
const entityPage = "# entity resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n\n" +
	"## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.entity\" } -->\n\n```json\n{ \"id\": \"String\" }\n```\n"

const kitePage = `# kite resource type

## Properties

| Property | Type              | Description |
|:---------|:------------------|:------------|
| span     | Double            | Wing span.  |
| color    | kiteColor         | Colour.     |
| tags     | String collection | Labels.     |
| tail     | String            | Tail.       |

### kiteColor values

| Member |
|:-------|
| red    |
| blue   |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.kite", "baseType": "microsoft.graph.entity" } -->

` + "```json\n{ \"span\": 1.5, \"color\": \"red\", \"tags\": [\"String\"], \"tail\": \"String\" }\n```\n"

const pilotPage = "# pilot resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | Name. |\n\n" +
	"## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.pilot\" } -->\n\n```json\n{ \"name\": \"String\" }\n```\n"

const gliderPage = "# glider resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| wings | Int32 | Wings. |\n\n" +
	"## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.glider\" } -->\n\n```json\n{ \"wings\": 2 }\n```\n"

func testSchema(t *testing.T) *model.Schema {
	t.Helper()
	var pages []*model.Page
	for name, text := range map[string]string{"entity.md": entityPage, "kite.md": kitePage, "pilot.md": pilotPage, "glider.md": gliderPage} {
		p, _ := parser.Parse(name, []byte(text))
		pages = append(pages, p)
	}
	slices.SortFunc(pages, func(a, b *model.Page) int { return strings.Compare(a.Path, b.Path) })
	var diags model.Diagnostics
	return model.Resolve(pages, &diags)
}

// TestCompare: one finding per kind of difference, at the page line that
// documents the thing, or at the metadata's line for what only it has.
func TestCompare(t *testing.T) {
	doc, err := Read(strings.NewReader(testMetadata))
	if err != nil {
		t.Fatal(err)
	}
	if k := doc.Lookup("microsoft.graph.kite"); k == nil || k.BaseType != "microsoft.graph.entity" || k.Props[2].Type != "Collection(Edm.String)" {
		t.Fatalf("aliases not resolved: %+v", k)
	}
	var got []string
	for _, d := range Compare(doc, "meta.xml", testSchema(t)) {
		got = append(got, d.Pos.String()+" "+string(d.Code)+" "+d.Message)
	}
	want := []string{
		"glider.md:11 DG101 type microsoft.graph.glider is documented but the metadata has no such type",
		"kite.md:7 DG105 property span of microsoft.graph.kite is Edm.Double in the docs, Edm.Single in the metadata",
		"kite.md:10 DG103 property tail of microsoft.graph.kite is documented but the metadata's microsoft.graph.kite and its base types have no such property",
		"kite.md:21 DG104 metadata property rudder (Edm.Boolean) of microsoft.graph.kite is not documented",
		"pilot.md:7 DG103 property name of microsoft.graph.pilot is documented but the metadata's microsoft.graph.pilot and its base types have no such property",
		"pilot.md:11 DG106 microsoft.graph.pilot derives from nothing in the docs, from microsoft.graph.person in the metadata",
		"kite.md:17 DG107 member blue of enum microsoft.graph.kiteColor is documented but not in the metadata's microsoft.graph.kiteColor",
		"kite.md:14 DG108 metadata member green of microsoft.graph.kiteColor is not documented for enum microsoft.graph.kiteColor",
		"meta.xml:20 DG102 metadata complex type microsoft.graph.person is not documented",
		"meta.xml:21 DG102 metadata complex type microsoft.graph.balloon is not documented",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, code := range []model.Code{model.MetadataTypeMissing, model.MetadataTypeUndocumented, model.MetadataPropertyMissing,
		model.MetadataPropertyUndocumented, model.MetadataPropertyType, model.MetadataBaseType, model.MetadataMemberMissing, model.MetadataMemberUndocumented} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, " "+string(code)+" ") }) {
			t.Errorf("no %s finding", code)
		}
	}
}

// TestReadLimits: broken, too deep and too large documents are errors with
// a line, never a panic.
func TestReadLimits(t *testing.T) {
	defer func(n int) { MaxBytes = n }(MaxBytes)
	MaxBytes = 1 << 10
	for name, tc := range map[string]struct {
		doc  string
		want string
	}{
		"not XML":   {"<Edmx>\n<Schema Namespace=\"a\">\n</Edmx>", "line 3"},
		"too deep":  {strings.Repeat("<a>", MaxDepth+1), "nested deeper"},
		"too large": {"<Edmx>" + strings.Repeat(" ", MaxBytes) + "</Edmx>", "larger than"},
	} {
		_, err := Read(strings.NewReader(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", name, err, tc.want)
		}
	}
	path := t.TempDir() + "/bad.xml"
	if err := os.WriteFile(path, []byte("<Edmx>\n<oops"), 0o644); err != nil {
		t.Fatal(err)
	}
	diags := CompareFile(path, &model.Schema{})
	if len(diags) != 1 || diags[0].Code != model.MetadataUnreadable || diags[0].Pos.Line != 2 {
		t.Errorf("unreadable metadata: %v, want one DG100 at line 2", diags)
	}
	var le *LineError
	if _, err := Read(strings.NewReader("<a>\n<b>\n</a>")); !errors.As(err, &le) || le.Line != 3 {
		t.Errorf("mismatched tags: %v, want a LineError at line 3", err)
	}
}

// TestRealMetadata reads Graph's v1.0 metadata (3.5 MB, with a BOM).
func TestRealMetadata(t *testing.T) {
	const path = "../../../shared/metadata/v1.0-2026-08.xml"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("real metadata not present (%v)", err)
	}
	defer f.Close()
	doc, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[TypeKind]int{}
	for _, ty := range doc.Order {
		counts[ty.Kind]++
	}
	// FORMAT.md: ~3,000 structured types and ~860 enums in v1.0.
	if counts[EnumType] < 800 || counts[EntityType]+counts[ComplexType] < 2500 {
		t.Errorf("types read: %v", counts)
	}
	u := doc.Lookup("microsoft.graph.user")
	if u == nil || u.BaseType != "microsoft.graph.directoryObject" {
		t.Fatalf("user: %+v", u)
	}
	if !slices.ContainsFunc(doc.AllProps(u), func(p Property) bool { return p.Name == "id" && p.Type == "Edm.String" }) {
		t.Error("user does not inherit id from entity")
	}
}

// TestCompareLetterCase: names are case-sensitive on the wire, so a name
// the metadata spells otherwise is reported once, on the docs side, with
// the metadata's spelling; the rest of the type is still compared.
func TestCompareLetterCase(t *testing.T) {
	doc, err := Read(strings.NewReader(`<Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EnumType Name="state"><Member Name="NotStarted" /></EnumType>
<EntityType Name="orgContact"><Property Name="sharePointIds" Type="Edm.String" /></EntityType>
</Schema>`))
	if err != nil {
		t.Fatal(err)
	}
	contact := &model.Type{Name: "microsoft.graph.orgcontact", Pos: model.Pos{File: "c.md", Line: 1},
		Fields: []*model.Field{{Name: "sharepointIds", Type: model.FieldType{Primitive: "Edm.String"}, Pos: model.Pos{File: "c.md", Line: 2}}}}
	state := &model.Enum{Name: "microsoft.graph.state", Pos: model.Pos{File: "e.md", Line: 1},
		Members: []model.EnumMember{{Name: "notStarted", Pos: model.Pos{File: "e.md", Line: 3}}}}
	var got []string
	for _, d := range Compare(doc, "m.xml", &model.Schema{Types: []*model.Type{contact}, Enums: []*model.Enum{state}}) {
		got = append(got, d.Pos.String()+" "+string(d.Code)+" "+d.Message)
	}
	want := []string{
		"c.md:1 DG101 type microsoft.graph.orgcontact is documented but the metadata spells it microsoft.graph.orgContact",
		"c.md:2 DG103 property sharepointIds of microsoft.graph.orgcontact is documented but the metadata spells it sharePointIds",
		"e.md:3 DG107 member notStarted of enum microsoft.graph.state is documented but the metadata's microsoft.graph.state spells it NotStarted",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCompareDeclaredBase: a base the annotation names but no page defines
// (DG041) is still the docs' base for the comparison.
func TestCompareDeclaredBase(t *testing.T) {
	doc, err := Read(strings.NewReader(`<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EntityType Name="shade" BaseType="graph.cover" /><EntityType Name="cover" /></Schema>`))
	if err != nil {
		t.Fatal(err)
	}
	shade := &model.Type{Name: "microsoft.graph.shade", Pos: model.Pos{File: "s.md", Line: 1}}
	page := &model.Page{Path: "s.md", Resources: []*model.Resource{{Name: "microsoft.graph.shade", BaseType: "cover"}}}
	for _, d := range Compare(doc, "m.xml", &model.Schema{Types: []*model.Type{shade}}, page) {
		if d.Code == model.MetadataBaseType {
			t.Errorf("declared base not used: %s", d)
		}
	}
	if n := len(Compare(doc, "m.xml", &model.Schema{Types: []*model.Type{shade}})); n != 2 { // DG106 and DG102 for cover
		t.Errorf("without the page: %d findings, want 2", n)
	}
}
