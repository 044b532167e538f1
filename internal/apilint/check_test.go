package apilint

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

func TestWireFormats(t *testing.T) {
	for _, tc := range []struct {
		check func(string) bool
		value string
		ok    bool
	}{
		{validDateTimeOffset, "2021-03-01T10:00:00Z", true},
		{validDateTimeOffset, "2021-03-01T10:00:00.1234567+01:00", true},
		{validDateTimeOffset, "2021-03-01T10:00Z", true}, // OData allows no seconds
		{validDateTimeOffset, "2021-03-01T10:00:00", false},
		{validDateTimeOffset, "2021-02-29T10:00:00Z", false},
		{validDateTimeOffset, "2021-03-01", false},
		{validDateTimeOffset, "String (timestamp)", false},
		{validDuration, "P1DT2H30M", true},
		{validDuration, "PT0.5S", true},
		{validDuration, "P1Y", true},
		{validDuration, "PT", false},
		{validDuration, "P", false},
		{validDuration, "1 hour", false},
		{validBase64, "SGVsbG8=", true},
		{validBase64, "SGVsbG8", true},
		{validBase64, "a-_b", true},
		{validBase64, "Binary", false},
		{validBase64, "base64Y3YxN2E1MWFlYw==", false},
	} {
		if got := tc.check(tc.value); got != tc.ok {
			t.Errorf("%q: valid %v, want %v", tc.value, got, tc.ok)
		}
	}
}

// TestLosslessExamples: over the real model, a response that holds a valid
// value for every property of a type (bases included, nested types two
// levels down) gives no finding at all, as a single value and in a
// collection. A checker that errs on what the docs document is worse than
// none.
func TestLosslessExamples(t *testing.T) {
	dir := "../../../shared/corpus/en/v1.0"
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Skipf("real corpus not present at %s", dir)
	}
	if testing.Short() {
		t.Skip("-short: the real corpus takes seconds")
	}
	pages, _, _ := parser.ParseFiles(files)
	var diags model.Diagnostics
	schema := model.Resolve(pages, &diags)
	c := New(schema, pages)
	page := &model.APIPage{Path: "lossless.md"}
	for _, ty := range schema.Types {
		body, err := json.MarshalIndent(sampleObject(ty, 0), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		coll, _ := json.MarshalIndent(map[string]any{"value": []any{sampleObject(ty, 0)}, "@odata.nextLink": "https://x"}, "", "  ")
		for _, ex := range []*model.APIExample{
			{Kind: model.ResponseExample, Type: ty.Name, HasFence: true, Status: 200, Body: body, BodyLine: 1},
			{Kind: model.ResponseExample, Type: ty.Name, IsCollection: true, HasFence: true, Status: 200, Body: coll, BodyLine: 1},
		} {
			page.Examples = append(page.Examples, ex)
		}
	}
	got := c.Check(page)
	for i, d := range got {
		if i < 20 {
			t.Errorf("lossless example: %s", d)
		}
	}
	if len(got) > 0 {
		t.Errorf("%d findings on %d lossless examples", len(got), len(page.Examples))
	}
	t.Logf("%d lossless examples over %d types: no finding", len(page.Examples), len(schema.Types))
}

// sampleObject is a valid value for every property of t and its bases.
func sampleObject(t *model.Type, depth int) map[string]any {
	obj := map[string]any{"@odata.type": "#" + t.Name}
	if depth > 1 {
		return obj
	}
	for b := t; b != nil; b = b.Base {
		for _, f := range b.Fields {
			if _, ok := obj[f.Name]; ok {
				continue
			}
			v := sampleValue(f.Type, depth)
			if f.Type.Collection {
				v = []any{v}
			}
			obj[f.Name] = v
		}
	}
	return obj
}

func sampleValue(ft model.FieldType, depth int) any {
	switch {
	case ft.Type != nil:
		return sampleObject(ft.Type, depth+1)
	case ft.Enum != nil:
		if len(ft.Enum.Members) > 0 {
			return ft.Enum.Members[0].Name
		}
		return "x"
	}
	switch ft.Primitive {
	case "Edm.Boolean":
		return true
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
		return 7
	case "Edm.Double", "Edm.Single", "Edm.Decimal":
		return 1.5
	case "Edm.DateTimeOffset":
		return "2021-03-01T10:00:00.1234567Z"
	case "Edm.Date":
		return "2021-03-01"
	case "Edm.TimeOfDay":
		return "10:00:00.0000000"
	case "Edm.Duration":
		return "P1DT2H30M"
	case "Edm.Binary":
		return "SGVsbG8="
	case "Edm.Untyped", "Edm.Json", "Edm.Stream":
		return map[string]any{"any": []any{1, "two"}}
	}
	return fmt.Sprintf("a %s", ft.Primitive)
}

// TestProseOnlyFacts: a root type whose page says in prose that it
// inherits, or that it is open, has properties the model does not know:
// none of its example's keys is reported unknown. Without the prose, one is.
func TestProseOnlyFacts(t *testing.T) {
	for _, tc := range []struct {
		prose string
		want  int
	}{
		{"A subclass of [outcome](outcome.md).", 0},
		{"Inherits from [outcome](outcome.md).", 0},
		{"This is an _open type_ of tokens.", 0},
		{"A grade for a student.", 1},
	} {
		grade := &model.Type{Name: "microsoft.graph.grade", Description: model.Text{English: tc.prose},
			Fields: []*model.Field{{Name: "points", Type: model.FieldType{Primitive: "Edm.Int32"}}}}
		c := New(&model.Schema{Types: []*model.Type{grade}}, nil)
		got := c.Check(&model.APIPage{Path: "p.md", Examples: []*model.APIExample{{
			Kind: model.ResponseExample, Type: "microsoft.graph.grade", HasFence: true, Status: 200,
			Body: []byte(`{"points": 3, "id": "x"}`), BodyLine: 1,
		}}})
		if len(got) != tc.want || tc.want == 1 && got[0].Code != model.APIPropertyUnknown {
			t.Errorf("%q: %v, want %d DG085", tc.prose, got, tc.want)
		}
	}
}

// TestWrappedEntity: a response that wraps one entity in {"value": {...}}
// is one finding at value, and the object inside is checked as the
// documented type; a type with a value property of its own is read as
// written.
func TestWrappedEntity(t *testing.T) {
	grade := &model.Type{Name: "microsoft.graph.grade",
		Fields: []*model.Field{{Name: "points", Type: model.FieldType{Primitive: "Edm.Int32"}}}}
	reading := &model.Type{Name: "microsoft.graph.reading",
		Fields: []*model.Field{{Name: "value", Type: model.FieldType{Type: grade}}}}
	c := New(&model.Schema{Types: []*model.Type{grade, reading}}, nil)
	for _, tc := range []struct {
		typ, body string
		want      []string // code and line of each finding
	}{
		{"microsoft.graph.grade", "{\n\"@odata.context\": \"x\",\n\"value\": {\n\"points\": \"three\"\n}\n}", []string{"DG085:3", "DG086:4"}},
		{"microsoft.graph.grade", "{\n\"value\": {\n\"points\": 3\n}\n}", []string{"DG085:2"}},
		{"microsoft.graph.grade", "{\n\"value\": [\n{\"points\": 3}\n]\n}", []string{"DG088:2"}},
		{"microsoft.graph.reading", "{\n\"value\": {\n\"points\": 3\n}\n}", nil},
	} {
		got := c.Check(&model.APIPage{Path: "p.md", Examples: []*model.APIExample{{
			Kind: model.ResponseExample, Type: tc.typ, HasFence: true, Status: 200, Body: []byte(tc.body), BodyLine: 1,
		}}})
		var codes []string
		for _, d := range got {
			codes = append(codes, fmt.Sprintf("%s:%d", d.Code, d.Pos.Line))
		}
		if fmt.Sprint(codes) != fmt.Sprint(tc.want) {
			t.Errorf("%s %q: %v, want %v (%v)", tc.typ, tc.body, codes, tc.want, got)
		}
	}
}
