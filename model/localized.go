package model

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Localized pages given beside their English pages are compared with them
// (docgen lint) rather than resolved beside them.

// localeSuffix is the locale some file names carry: asyncjobstatus.es-ES.md.
var localeSuffix = regexp.MustCompile(`(?i)\.[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// pageKey is what a localized page and its English page have in common:
// the file name without extension or locale, in lower case.
func pageKey(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return strings.ToLower(localeSuffix.ReplaceAllString(base, ""))
}

// LocalizedPairs matches each localized page with the English page given
// beside it: by file name (asyncjobstatus.md, asyncjobstatus.es-ES.md,
// es-ES/asyncjobstatus.md), else by the types they annotate.
func LocalizedPairs(pages []*Page) map[*Page]*Page {
	byKey := map[string][]*Page{}
	byType := map[string][]*Page{}
	for _, p := range pages {
		if p.Locale != "" {
			continue
		}
		byKey[pageKey(p.Path)] = append(byKey[pageKey(p.Path)], p)
		for _, r := range p.Resources {
			byType[strings.ToLower(r.Name)] = append(byType[strings.ToLower(r.Name)], p)
		}
	}
	pairs := map[*Page]*Page{}
	for _, p := range pages {
		if p.Locale == "" {
			continue
		}
		if en := byKey[pageKey(p.Path)]; len(en) == 1 {
			pairs[p] = en[0]
			continue
		}
		if len(p.Resources) > 0 {
			if en := byType[strings.ToLower(p.Resources[0].Name)]; len(en) == 1 {
				pairs[p] = en[0]
			}
		}
	}
	return pairs
}

// CompareLocalized reports where a localized page's structure (read from
// its English halves) differs from its English page: resources, their
// annotation, their properties in order with types, and enum tables. Such
// a page was translated from an older English page, or its table cells
// were translated where they should not have been.
func CompareLocalized(loc, en *Page) Diagnostics {
	var ds Diagnostics
	report := func(pos Pos, format string, args ...any) {
		if pos.Line <= 0 {
			pos = Pos{File: loc.Path, Line: 1}
		}
		ds.Report(pos, LocalizedDiffers, "localized page differs from %s: "+format, append([]any{en.Path}, args...)...)
	}
	enRes := map[string]*Resource{}
	for _, r := range en.Resources {
		enRes[strings.ToLower(r.Name)] = r
	}
	seen := map[string]bool{}
	for _, lr := range loc.Resources {
		key := strings.ToLower(lr.Name)
		seen[key] = true
		er, ok := enRes[key]
		if !ok {
			report(lr.Pos, "it annotates %s, which the English page does not", lr.Name)
			continue
		}
		for _, f := range []struct {
			what     string
			loc, eng string
		}{
			{"baseType", annotatedBase(lr), annotatedBase(er)},
			{"keyProperty", lr.KeyProperty, er.KeyProperty},
			{"openType", strconv.FormatBool(lr.OpenType), strconv.FormatBool(er.OpenType)},
			{"abstract", strconv.FormatBool(lr.Abstract), strconv.FormatBool(er.Abstract)},
		} {
			if f.loc != f.eng {
				report(lr.Pos, "%s of %s is %q here, %q in English (%s)", f.what, lr.Name, f.loc, f.eng, er.Pos)
			}
		}
		compareProperties(lr, er, report)
	}
	for _, er := range en.Resources {
		if !seen[strings.ToLower(er.Name)] {
			report(Pos{}, "it lacks the resource %s (%s)", er.Name, er.Pos)
		}
	}
	enEnums := map[string]*EnumDecl{}
	for _, e := range en.Enums {
		enEnums[strings.ToLower(e.Name)] = e
	}
	for _, le := range loc.Enums {
		ee, ok := enEnums[strings.ToLower(le.Name)]
		if !ok {
			report(le.Pos, "it has an enum table for %s, which the English page does not", le.Name)
			continue
		}
		names := func(ms []EnumMember) []string {
			var out []string
			for _, m := range ms {
				out = append(out, m.Name)
			}
			return out
		}
		if l, e := names(le.Members), names(ee.Members); !slices.Equal(l, e) {
			report(le.Pos, "enum %s has members %s here, %s in English (%s)", le.Name, strings.Join(l, ", "), strings.Join(e, ", "), ee.Pos)
		}
	}
	return ds
}

// compareProperties reports properties missing, added, moved or retyped.
func compareProperties(lr, er *Resource, report func(Pos, string, ...any)) {
	enProps := map[string]*Property{}
	for _, p := range er.Properties {
		enProps[p.Name] = p
	}
	locNames := map[string]bool{}
	var common []string
	for _, p := range lr.Properties {
		locNames[p.Name] = true
		ep, ok := enProps[p.Name]
		if !ok {
			report(p.Pos, "property %s.%s is not in English (a translated name?)", lr.Name, p.Name)
			continue
		}
		common = append(common, p.Name)
		if !sameTypeCell(p.Type, ep.Type) {
			report(p.Pos, "property %s.%s is %s here, %s in English (%s)", lr.Name, p.Name, p.Type, ep.Type, ep.Pos)
		}
		if p.Navigation != ep.Navigation {
			report(p.Pos, "property %s.%s is a relationship in one page and not the other (%s)", lr.Name, p.Name, ep.Pos)
		}
		if !slices.Equal(p.EnumValues, ep.EnumValues) || !slices.Equal(p.DescribedValues, ep.DescribedValues) {
			report(p.Pos, "property %s.%s lists other values than in English (%s)", lr.Name, p.Name, ep.Pos)
		}
	}
	var enCommon []string
	for _, p := range er.Properties {
		if locNames[p.Name] {
			enCommon = append(enCommon, p.Name)
		} else {
			report(lr.Pos, "property %s.%s is missing (%s)", lr.Name, p.Name, p.Pos)
		}
	}
	if !slices.Equal(common, enCommon) {
		report(lr.Pos, "properties of %s are in another order than in English", lr.Name)
	}
}

// annotatedBase is the base an annotation names. A base read from prose is
// left out of the comparison: a translated page's prose is not English.
func annotatedBase(r *Resource) string {
	if r.BaseSource == SourceProse {
		return ""
	}
	return r.BaseType
}

// sameTypeCell reports whether two type cells name the same type as
// resolution reads them: letter case aside, and a name qualified in one
// (microsoft.graph.identity) short in the other (identity).
func sameTypeCell(a, b TypeRef) bool {
	if a.Kind != b.Kind || a.Collection != b.Collection || len(a.Alternatives) != len(b.Alternatives) {
		return false
	}
	same := func(x, y string) bool {
		if strings.EqualFold(x, y) {
			return true
		}
		short := func(s string) string { return s[strings.LastIndexByte(s, '.')+1:] }
		return (strings.Contains(x, ".") != strings.Contains(y, ".")) && strings.EqualFold(short(x), short(y))
	}
	if !same(a.Name, b.Name) {
		return false
	}
	for i := range a.Alternatives {
		if !same(a.Alternatives[i], b.Alternatives[i]) {
			return false
		}
	}
	return true
}
