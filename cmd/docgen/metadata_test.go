package main

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// metadataFile is Graph's CSDL of the same date as the corpus. It is never
// an input to generation: this test only measures how far what docgen
// reads from the pages agrees with what Graph itself declares.
const metadataFile = "../../../shared/metadata/v1.0-2026-08.xml"

// TestMetadataAgreement compares the base type of every type, and the type
// of every property, that both the resolved corpus and the metadata know.
// The pages have mistakes of their own, so agreement is a share, not all.
func TestMetadataAgreement(t *testing.T) {
	raw := readMetadata(t)
	meta := readCSDL(t, raw)
	schema := resolveDir(t, corpusDir)

	// An enum the docs leave unnamed (a String property with listed values)
	// is a string on the wire.
	wire := func(f *model.Field) string {
		name := f.Type.EdmName()
		if f.Type.Enum != nil && f.Type.Enum.Owner != nil {
			name = "Edm.String"
		}
		name = strings.ToLower(name)
		if f.Type.Collection {
			return "collection(" + name + ")"
		}
		return name
	}
	types, basesAgree, props, propsAgree := 0, 0, 0, 0
	for _, typ := range schema.Types {
		m, ok := meta[strings.ToLower(typ.Name)]
		if !ok {
			continue
		}
		types++
		if m.base == strings.ToLower(typ.BaseName) {
			basesAgree++
		} else if os.Getenv("DOCGEN_SHOW_DISAGREE") != "" { // lists them, for whoever works on bases
			t.Logf("BASE %s: docs %q (%s) metadata %q", typ.Name, typ.BaseName, typ.BaseSource, m.base)
		}
		for _, f := range typ.Fields {
			want, ok := m.props[f.Name]
			if !ok {
				continue
			}
			props++
			if wire(f) == want {
				propsAgree++
			} else if os.Getenv("DOCGEN_SHOW_DISAGREE") != "" {
				t.Logf("PROPERTY %s.%s: docs %q (%s) metadata %q", typ.Name, f.Name, wire(f), f.TypeSource, want)
			}
		}
	}
	basePct, propPct := 100*float64(basesAgree)/float64(types), 100*float64(propsAgree)/float64(props)
	t.Logf("agreement with Graph's metadata: base types %d/%d (%.1f%%), property types %d/%d (%.2f%%)", basesAgree, types, basePct, propsAgree, props, propPct)
	if basePct < 94 { // 925/982 (94.2%) since relationships mark entities (DG063)
		t.Errorf("base types agree with the metadata for %.1f%% of types; want at least 94%%", basePct)
	}
	if propPct < 98.3 { // 5,120 of 5,208 since DG047 read the Methods tables
		t.Errorf("property types agree with the metadata for %.2f%% of properties; want at least 98.3%%", propPct)
	}
}

// readMetadata is Graph's CSDL, for the tests that measure against it; they
// skip without the corpus or the metadata beside the repository.
func readMetadata(t *testing.T) []byte {
	t.Helper()
	needCorpus(t)
	raw, err := os.ReadFile(metadataFile)
	if err != nil {
		t.Skipf("../shared/metadata not found (%v)", err)
	}
	return raw
}

type csdlType struct {
	base  string            // lower-case qualified name, "" for none
	props map[string]string // name -> lower-case type, collection(x) for collections
}

// readCSDL reads the structured types of a CSDL document, aliases resolved.
func readCSDL(t *testing.T, raw []byte) map[string]csdlType {
	t.Helper()
	type property struct {
		Name string `xml:"Name,attr"`
		Type string `xml:"Type,attr"`
	}
	type structured struct {
		Name       string     `xml:"Name,attr"`
		BaseType   string     `xml:"BaseType,attr"`
		Properties []property `xml:"Property"`
		Navigation []property `xml:"NavigationProperty"`
	}
	var doc struct {
		Schemas []struct {
			Namespace string       `xml:"Namespace,attr"`
			Alias     string       `xml:"Alias,attr"`
			Entities  []structured `xml:"EntityType"`
			Complexes []structured `xml:"ComplexType"`
		} `xml:"DataServices>Schema"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	alias := map[string]string{}
	for _, s := range doc.Schemas {
		if s.Alias != "" {
			alias[s.Alias] = s.Namespace
		}
	}
	qualify := func(name string) string {
		inner, isCollection := strings.CutPrefix(name, "Collection(")
		inner = strings.TrimSuffix(inner, ")")
		if i := strings.LastIndexByte(inner, '.'); i >= 0 {
			if ns, ok := alias[inner[:i]]; ok {
				inner = ns + inner[i:]
			}
		}
		inner = strings.ToLower(inner)
		if isCollection {
			return "collection(" + inner + ")"
		}
		return inner
	}
	out := map[string]csdlType{}
	for _, s := range doc.Schemas {
		for _, st := range append(s.Entities, s.Complexes...) {
			ct := csdlType{base: qualify(st.BaseType), props: map[string]string{}}
			for _, p := range append(st.Properties, st.Navigation...) {
				ct.props[p.Name] = qualify(p.Type)
			}
			out[strings.ToLower(s.Namespace+"."+st.Name)] = ct
		}
	}
	return out
}

// TestMetadataFlagsEnums compares the enums docgen reads as multi-valued
// (bit values in their table, or "a multi-valued enumeration" in the text)
// with the enums Graph's metadata marks IsFlags: none that the metadata
// knows may be flags unless it marks them, and the 5 the corpus shows by
// bit values must stay found.
func TestMetadataFlagsEnums(t *testing.T) {
	raw := readMetadata(t)
	var doc struct {
		Schemas []struct {
			Namespace string `xml:"Namespace,attr"`
			Enums     []struct {
				Name    string `xml:"Name,attr"`
				IsFlags bool   `xml:"IsFlags,attr"`
			} `xml:"EnumType"`
		} `xml:"DataServices>Schema"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	flags := map[string]bool{} // lower-case qualified name -> IsFlags
	for _, s := range doc.Schemas {
		for _, e := range s.Enums {
			flags[strings.ToLower(s.Namespace+"."+e.Name)] = e.IsFlags
		}
	}
	schema := resolveDir(t, corpusDir)
	agree, missed := 0, 0
	for _, e := range schema.Enums {
		isFlags, known := flags[strings.ToLower(e.Name)]
		switch {
		case e.Flags && !known:
			// Graph has a String where the docs list values (subscription's
			// changeType, "combined using a comma-separated list").
		case e.Flags && !isFlags:
			t.Errorf("%s is read as multi-valued; the metadata does not mark it IsFlags", e.Name)
		case e.Flags:
			agree++
		case isFlags:
			missed++
		}
	}
	t.Logf("multi-valued enums: %d agree with the metadata's IsFlags, %d IsFlags enums of the corpus not read as such", agree, missed)
	if agree < 5 {
		t.Errorf("%d enums read as multi-valued agree with the metadata; want the corpus's 5 or more", agree)
	}
}

// resolveDir parses every page under dir and resolves them, failing the
// test when a page cannot be read.
func resolveDir(t *testing.T, dir string) *model.Schema {
	t.Helper()
	files, err := parser.Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	pages, diags, err := parser.ParseFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	return model.Resolve(pages, &diags)
}

// TestMetadataEnumProperties compares the properties Graph's metadata types
// as an enum with what docgen reads for them: how many get an enum (a
// documented one, or one made from the values a description or the sample
// lists), and how many of that enum's members the metadata's enum has (in
// any letter case). It also counts the String properties of the metadata
// docgen gives an enum, for the values their descriptions list: wire
// compatible (unknown members decode), but a sign of values read where
// there are none when it grows. Measured on the corpus: 422 of 423
// enum-typed properties get an enum, 99.5% of their members are known.
func TestMetadataEnumProperties(t *testing.T) {
	raw := readMetadata(t)
	meta := readCSDL(t, raw)
	enums := readCSDLEnums(t, raw)
	schema := resolveDir(t, corpusDir)
	enumProps, enumRead, members, known, stringsRead := 0, 0, 0, 0, 0
	for _, typ := range schema.Types {
		m, ok := meta[strings.ToLower(typ.Name)]
		if !ok {
			continue
		}
		for _, f := range typ.Fields {
			want := strings.TrimSuffix(strings.TrimPrefix(m.props[f.Name], "collection("), ")")
			have, isEnum := enums[want]
			if !isEnum {
				if want == "edm.string" && f.Type.Enum != nil {
					stringsRead++ // values the docs list for what Graph keeps a string
				}
				continue
			}
			enumProps++
			if f.Type.Enum == nil {
				if os.Getenv("DOCGEN_SHOW_DISAGREE") != "" {
					t.Logf("ENUM %s.%s: docs %s, metadata %s", typ.Name, f.Name, f.Type, want)
				}
				continue
			}
			enumRead++
			for _, mem := range f.Type.Enum.Members {
				members++
				if have[strings.ToLower(mem.Name)] {
					known++
				} else if os.Getenv("DOCGEN_SHOW_DISAGREE") != "" {
					t.Logf("MEMBER %s.%s: %s is not a member of %s", typ.Name, f.Name, mem.Name, want)
				}
			}
		}
	}
	t.Logf("enum-typed properties of the metadata: %d/%d read as an enum; their members: %d/%d known to the metadata (%.1f%%); String properties read as an enum: %d", enumRead, enumProps, known, members, 100*float64(known)/float64(members), stringsRead)
	if enumRead < 422 {
		t.Errorf("%d enum-typed properties read as an enum; want at least 422", enumRead)
	}
	if 100*known < 99*members {
		t.Errorf("%d of %d members of those enums are the metadata's; want at least 99%%", known, members)
	}
}

// readCSDLEnums reads the enum types of a CSDL document: lower-case
// qualified name to the set of its members' names in lower case.
func readCSDLEnums(t *testing.T, raw []byte) map[string]map[string]bool {
	t.Helper()
	var doc struct {
		Schemas []struct {
			Namespace string `xml:"Namespace,attr"`
			Enums     []struct {
				Name    string `xml:"Name,attr"`
				Members []struct {
					Name string `xml:"Name,attr"`
				} `xml:"Member"`
			} `xml:"EnumType"`
		} `xml:"DataServices>Schema"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for _, s := range doc.Schemas {
		for _, e := range s.Enums {
			set := map[string]bool{}
			for _, m := range e.Members {
				set[strings.ToLower(m.Name)] = true
			}
			out[strings.ToLower(s.Namespace+"."+e.Name)] = set
		}
	}
	return out
}
