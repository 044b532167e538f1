package csdl

import (
	"errors"
	"os"
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// CompareFile reads the CSDL document at path and compares schema with it.
// A document that cannot be read is one DG100 finding.
func CompareFile(path string, schema *model.Schema, pages ...*model.Page) model.Diagnostics {
	var diags model.Diagnostics
	f, err := os.Open(path)
	if err != nil {
		diags.Report(model.Pos{File: path}, model.MetadataUnreadable, "cannot read metadata: %v", err)
		return diags
	}
	defer f.Close()
	doc, err := Read(f)
	if err != nil {
		pos := model.Pos{File: path}
		var le *LineError
		if errors.As(err, &le) {
			pos.Line, err = le.Line, le.Err
		}
		diags.Report(pos, model.MetadataUnreadable, "metadata is not a readable CSDL document: %v; not compared", err)
		return diags
	}
	return Compare(doc, path, schema, pages...)
}

// Compare reports where the docs' model and a CSDL document differ, each
// finding at the page line that documents the thing (or, for what only the
// metadata has, at the metadata's line; metaPath names that file). pages,
// when given, supply the base a type's annotation names where the docs do
// not define it.
func Compare(doc *Document, metaPath string, schema *model.Schema, pages ...*model.Page) model.Diagnostics {
	var diags model.Diagnostics
	declared := map[string]string{} // lower-case type name -> base as annotated
	for _, p := range pages {
		for _, r := range p.Resources {
			if k := strings.ToLower(r.Name); r.BaseType != "" && declared[k] == "" {
				base := r.BaseType
				if !strings.Contains(base, ".") {
					base = r.Namespace() + "." + base
				}
				declared[k] = base
			}
		}
	}
	documented := map[string]bool{}
	for _, t := range schema.Types {
		documented[strings.ToLower(t.Name)] = true
		compareType(doc, t, declared[strings.ToLower(t.Name)], &diags)
	}
	for _, e := range schema.Enums {
		if e.Owner != nil {
			compareInferredEnum(doc, e, &diags)
			continue
		}
		documented[strings.ToLower(e.Name)] = true
		mt := doc.Lookup(e.Name)
		switch {
		case mt == nil:
			diags.Report(e.Pos, model.MetadataTypeMissing, "enum %s is documented but the metadata has no such type", e.Name)
		case mt.Kind != EnumType:
			diags.Report(e.Pos, model.MetadataTypeMissing, "%s is documented as an enum but the metadata has it as an %s", e.Name, mt.Kind)
		default:
			if mt.Name != e.Name {
				diags.Report(e.Pos, model.MetadataTypeMissing, "enum %s is documented but the metadata spells it %s", e.Name, mt.Name)
			}
			compareMembers(e, mt, &diags)
		}
	}
	for _, mt := range doc.Order {
		if !documented[strings.ToLower(mt.Name)] {
			diags.Report(model.Pos{File: metaPath, Line: mt.Line}, model.MetadataTypeUndocumented, "metadata %s %s is not documented", mt.Kind, mt.Name)
		}
	}
	return diags
}

func compareType(doc *Document, t *model.Type, declaredBase string, diags *model.Diagnostics) {
	mt := doc.Lookup(t.Name)
	if mt == nil {
		diags.Report(t.Pos, model.MetadataTypeMissing, "type %s is documented but the metadata has no such type", t.Name)
		return
	}
	if mt.Kind == EnumType {
		diags.Report(t.Pos, model.MetadataTypeMissing, "%s is documented as a resource but the metadata has it as an enum type", t.Name)
		return
	}
	if mt.Name != t.Name {
		// Type names are case-sensitive on the wire (@odata.type).
		diags.Report(t.Pos, model.MetadataTypeMissing, "type %s is documented but the metadata spells it %s", t.Name, mt.Name)
	}
	base := t.BaseName
	if base == "" && t.Base == nil {
		base = declaredBase // named in the annotation, documented nowhere (DG041)
	}
	if !strings.EqualFold(base, mt.BaseType) {
		diags.Report(t.Pos, model.MetadataBaseType, "%s derives from %s in the docs, from %s in the metadata", t.Name, orNone(base), orNone(mt.BaseType))
	}
	meta := map[string]Property{}
	for _, p := range doc.AllProps(mt) {
		if _, ok := meta[strings.ToLower(p.Name)]; !ok {
			meta[strings.ToLower(p.Name)] = p
		}
	}
	for _, f := range t.Fields {
		if strings.Contains(f.Name, "@") {
			continue // an annotation row (@odata.etag), not a property
		}
		mp, ok := meta[strings.ToLower(f.Name)]
		if !ok {
			diags.Report(f.Pos, model.MetadataPropertyMissing, "property %s of %s is documented but the metadata's %s and its base types have no such property", f.Name, t.Name, mt.Name)
			continue
		}
		if mp.Name != f.Name {
			diags.Report(f.Pos, model.MetadataPropertyMissing, "property %s of %s is documented but the metadata spells it %s", f.Name, t.Name, mp.Name)
		}
		compareFieldType(doc, t, f, mp, diags)
	}
	docs := map[string]bool{}
	for b := t; b != nil; b = b.Base {
		for _, f := range b.Fields {
			docs[strings.ToLower(f.Name)] = true
		}
	}
	for _, p := range mt.Props {
		if !docs[strings.ToLower(p.Name)] {
			what := "property"
			if p.Navigation {
				what = "navigation property"
			}
			diags.Report(t.Pos, model.MetadataPropertyUndocumented, "metadata %s %s (%s) of %s is not documented", what, p.Name, p.Type, t.Name)
		}
	}
}

// compareFieldType compares a documented property's type with the
// metadata's. An unresolved docs type was reported already (DG040); an enum
// the docs name after its property has no name of its own to compare.
func compareFieldType(doc *Document, t *model.Type, f *model.Field, mp Property, diags *model.Diagnostics) {
	if f.Type.Primitive == "Edm.Untyped" && f.Type.Type == nil && f.Type.Enum == nil {
		return
	}
	docsType := f.Type.EdmName()
	if e := f.Type.Enum; e != nil && e.Owner != nil {
		docsType = "Edm.String" // what the type cell says; docgen named the values
	}
	if f.Type.Collection {
		docsType = "Collection(" + docsType + ")"
	}
	if strings.EqualFold(docsType, mp.Type) {
		return
	}
	if e := f.Type.Enum; e != nil && e.Owner != nil {
		inner := strings.TrimSuffix(strings.TrimPrefix(mp.Type, "Collection("), ")")
		if mt := doc.Lookup(inner); mt != nil && mt.Kind == EnumType && f.Type.Collection == strings.HasPrefix(mp.Type, "Collection(") {
			return
		}
	}
	diags.Report(f.Pos, model.MetadataPropertyType, "property %s of %s is %s in the docs, %s in the metadata", f.Name, t.Name, docsType, mp.Type)
}

// compareInferredEnum compares an enum the docs infer from one property's
// listed values with the enum type the metadata gives that property.
func compareInferredEnum(doc *Document, e *model.Enum, diags *model.Diagnostics) {
	mt := doc.Lookup(e.Owner.Name)
	if mt == nil {
		return
	}
	for _, p := range doc.AllProps(mt) {
		if strings.EqualFold(p.Name, e.Property) {
			inner := strings.TrimSuffix(strings.TrimPrefix(p.Type, "Collection("), ")")
			if et := doc.Lookup(inner); et != nil && et.Kind == EnumType {
				compareMembers(e, et, diags)
			}
			return
		}
	}
}

func compareMembers(e *model.Enum, mt *Type, diags *model.Diagnostics) {
	meta := map[string]string{}
	for _, m := range mt.Members {
		meta[strings.ToLower(m)] = m
	}
	docs := map[string]bool{}
	for _, m := range e.Members {
		docs[strings.ToLower(m.Name)] = true
		pos := m.Pos
		if pos.Line == 0 {
			pos = e.Pos
		}
		switch spelt, ok := meta[strings.ToLower(m.Name)]; {
		case !ok:
			diags.Report(pos, model.MetadataMemberMissing, "member %s of %s is documented but not in the metadata's %s", m.Name, docsEnum(e), mt.Name)
		case spelt != m.Name:
			// Members are case-sensitive on the wire.
			diags.Report(pos, model.MetadataMemberMissing, "member %s of %s is documented but the metadata's %s spells it %s", m.Name, docsEnum(e), mt.Name, spelt)
		}
	}
	for _, m := range mt.Members {
		if !docs[strings.ToLower(m)] {
			diags.Report(e.Pos, model.MetadataMemberUndocumented, "metadata member %s of %s is not documented for %s", m, mt.Name, docsEnum(e))
		}
	}
}

// docsEnum names an enum as the docs do: values a property lists in prose
// have no enum name of their own.
func docsEnum(e *model.Enum) string {
	if e.Owner != nil {
		return "the values of " + e.Owner.Name + "." + e.Property
	}
	return "enum " + e.Name
}

func orNone(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
}
