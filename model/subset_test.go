package model

import (
	"slices"
	"strings"
	"testing"
)

// subsetSchema: drive -> item (property) -> baseItem (base); folderItem
// derives from item; drive has an enum; unrelated stands alone.
func subsetSchema() *Schema {
	base := &Type{Name: "microsoft.graph.baseItem"}
	item := &Type{Name: "microsoft.graph.item", Base: base}
	folder := &Type{Name: "microsoft.graph.folderItem", Base: item}
	kind := &Enum{Name: "microsoft.graph.driveKind", Members: []EnumMember{{Name: "personal"}}}
	drive := &Type{Name: "microsoft.graph.drive", Fields: []*Field{
		{Name: "root", Type: FieldType{Type: item}},
		{Name: "kind", Type: FieldType{Enum: kind}},
		{Name: "name", Type: FieldType{Primitive: "Edm.String"}},
	}}
	other := &Enum{Name: "microsoft.graph.unused"}
	unrelated := &Type{Name: "microsoft.graph.unrelated"}
	return &Schema{
		Types: []*Type{base, drive, folder, item, unrelated},
		Enums: []*Enum{kind, other},
	}
}

func names[T any](xs []T, name func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, name(x))
	}
	return out
}

func TestSubsetClosure(t *testing.T) {
	typeName := func(t *Type) string { return t.ShortName() }
	enumName := func(e *Enum) string { return e.Name }
	for _, tc := range []struct {
		patterns  []string
		opts      SubsetOptions
		wantTypes []string
		wantEnums []string
	}{
		{[]string{"microsoft.graph.drive"}, SubsetOptions{}, []string{"baseItem", "drive", "folderItem", "item"}, []string{"microsoft.graph.driveKind"}},
		{[]string{"DRIVE"}, SubsetOptions{NoDerived: true}, []string{"baseItem", "drive", "item"}, []string{"microsoft.graph.driveKind"}},
		{[]string{"microsoft.graph.unrel*"}, SubsetOptions{}, []string{"unrelated"}, nil},
		{[]string{"folderitem"}, SubsetOptions{}, []string{"baseItem", "folderItem", "item"}, nil},
		// An enum is named like a type, alone or by a glob.
		{[]string{"driveKind"}, SubsetOptions{}, nil, []string{"microsoft.graph.driveKind"}},
		{[]string{"MICROSOFT.GRAPH.unused"}, SubsetOptions{}, nil, []string{"microsoft.graph.unused"}},
		{[]string{"*kind", "unrelated"}, SubsetOptions{}, []string{"unrelated"}, []string{"microsoft.graph.driveKind"}},
		{[]string{"u*"}, SubsetOptions{}, []string{"unrelated"}, []string{"microsoft.graph.unused"}},
		{[]string{"driveKind", "drive"}, SubsetOptions{NoDerived: true}, []string{"baseItem", "drive", "item"}, []string{"microsoft.graph.driveKind"}},
	} {
		sub, _, err := subsetSchema().Subset(tc.patterns, tc.opts)
		if err != nil {
			t.Fatalf("%v: %v", tc.patterns, err)
		}
		if got := names(sub.Types, typeName); !slices.Equal(got, tc.wantTypes) {
			t.Errorf("%v %+v: types %v, want %v", tc.patterns, tc.opts, got, tc.wantTypes)
		}
		if got := names(sub.Enums, enumName); !slices.Equal(got, tc.wantEnums) {
			t.Errorf("%v %+v: enums %v, want %v", tc.patterns, tc.opts, got, tc.wantEnums)
		}
	}
}

func TestSubsetExplainsAndRejects(t *testing.T) {
	_, why, err := subsetSchema().Subset([]string{"drive"}, SubsetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	path := KeptPath(why, "microsoft.graph.baseItem")
	for _, want := range []string{"microsoft.graph.baseItem (base type of microsoft.graph.item)", "microsoft.graph.item (property root of microsoft.graph.drive)", "microsoft.graph.drive (named)"} {
		if !strings.Contains(path, want) {
			t.Errorf("path %q lacks %q", path, want)
		}
	}
	if _, _, err := subsetSchema().Subset([]string{"nosuchtype"}, SubsetOptions{}); err == nil || !strings.Contains(err.Error(), "nosuchtype") {
		t.Errorf("an unmatched pattern should be an error naming it, got %v", err)
	}
	_, why, err = subsetSchema().Subset([]string{"driveKind", "drive"}, SubsetOptions{})
	if err != nil || why["microsoft.graph.driveKind"] != (Kept{"", "named"}) {
		t.Errorf("an enum named and also needed is kept as named: %+v, %v", why["microsoft.graph.driveKind"], err)
	}
	// Every pattern that matches nothing is named at once, with the names
	// that contain it, whether types or enums; a glob gets no suggestion.
	_, _, err = subsetSchema().Subset([]string{"drive", "Kind", "nothing", "it?m*x", "ITEM*"}, SubsetOptions{})
	want := `no type or enum matches "Kind" (did you mean driveKind?), "nothing", "it?m*x"`
	if err == nil || err.Error() != want {
		t.Errorf("unmatched patterns:\n got %v\nwant %s", err, want)
	}
	_, _, err = subsetSchema().Subset([]string{"item_"}, SubsetOptions{})
	if err == nil || err.Error() != `no type or enum matches "item_"` {
		t.Errorf("a pattern contained in no name: %v", err)
	}
	_, _, err = subsetSchema().Subset([]string{"i"}, SubsetOptions{})
	if err == nil || !strings.HasSuffix(err.Error(), `"i" (did you mean baseItem, drive, driveKind?)`) {
		t.Errorf("at most three suggestions, sorted: %v", err)
	}
}
