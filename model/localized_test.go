package model

import (
	"strings"
	"testing"
)

// TestLocalizedPairsAndCompare: a localized page pairs with its English
// page by file name (whatever the locale spelling or directory), and the
// comparison reports a retyped, a missing and a reordered property, and a
// changed enum table, each at the localized page's position.
func TestLocalizedPairsAndCompare(t *testing.T) {
	prop := func(name, typ string, line int, file string) *Property {
		return &Property{Name: name, Type: TypeRef{Name: typ}, Pos: Pos{File: file, Line: line}}
	}
	en := &Page{Path: "en/lamp.md", Resources: []*Resource{{
		Name: "microsoft.graph.lamp", Pos: Pos{File: "en/lamp.md", Line: 3},
		Properties: []*Property{prop("id", "Edm.String", 10, "en/lamp.md"), prop("watts", "Edm.Int32", 11, "en/lamp.md"), prop("on", "Edm.Boolean", 12, "en/lamp.md")},
	}}, Enums: []*EnumDecl{{Name: "microsoft.graph.glow", Members: []EnumMember{{Name: "warm"}, {Name: "cold"}}}}}
	loc := &Page{Path: "es-ES/Lamp.es-ES.md", Locale: "es-ES", Resources: []*Resource{{
		Name: "microsoft.graph.lamp", Pos: Pos{File: "es-ES/Lamp.es-ES.md", Line: 4},
		Properties: []*Property{prop("on", "Edm.Boolean", 20, "es-ES/Lamp.es-ES.md"), prop("watts", "Edm.Int64", 21, "es-ES/Lamp.es-ES.md")},
	}}, Enums: []*EnumDecl{{Name: "microsoft.graph.glow", Members: []EnumMember{{Name: "warm"}}, Pos: Pos{File: "es-ES/Lamp.es-ES.md", Line: 30}}}}
	other := &Page{Path: "de-DE/desk.md", Locale: "de-DE"}

	pairs := LocalizedPairs([]*Page{en, loc, other})
	if len(pairs) != 1 || pairs[loc] != en {
		t.Fatalf("pairs = %v; want only the Spanish page with the English one", pairs)
	}
	var got []string
	for _, d := range CompareLocalized(loc, en) {
		if d.Code != LocalizedDiffers {
			t.Errorf("code %s, want %s", d.Code, LocalizedDiffers)
		}
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"es-ES/Lamp.es-ES.md:21:", "watts is Edm.Int64 here, Edm.Int32 in English",
		"property microsoft.graph.lamp.id is missing",
		"properties of microsoft.graph.lamp are in another order",
		"es-ES/Lamp.es-ES.md:30:", "enum microsoft.graph.glow has members warm here, warm, cold in English",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("findings lack %q:\n%s", want, all)
		}
	}
	if d := CompareLocalized(en, en); len(d) != 0 {
		t.Errorf("a page compared with itself: %v", d)
	}
}

// TestSameTypeCell: a localized type cell that names the English one's
// type in another letter case, or qualified where English is short, is
// the same type; another type, or a collection, is not.
func TestSameTypeCell(t *testing.T) {
	ref := func(name string) TypeRef { return TypeRef{Kind: Reference, Name: name} }
	for _, tc := range []struct {
		a, b TypeRef
		same bool
	}{
		{ref("identity"), ref("Identity"), true},
		{ref("microsoft.graph.identity"), ref("identity"), true},
		{ref("followUpFlag"), ref("followupFlag"), true},
		{ref("microsoft.graph.identity"), ref("microsoft.graph.security.identity"), false},
		{ref("identity"), ref("identitySet"), false},
		{ref("identity"), TypeRef{Kind: Reference, Name: "identity", Collection: true}, false},
		{TypeRef{Kind: Primitive, Name: "Edm.String"}, ref("Edm.String"), false},
	} {
		if got := sameTypeCell(tc.a, tc.b); got != tc.same {
			t.Errorf("sameTypeCell(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
