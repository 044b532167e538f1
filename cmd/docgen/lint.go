package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// runLint is "docgen lint [flags] PATH...": every check docgen makes, at
// the severities the catalogue gives for linting (a property the tables
// omit is an error in the docs even though a field can still be made),
// plus what only a linter looks at: Go names that collide after mapping
// and localized pages that differ in structure from their English page.
// Nothing is written. Exit status: 0 when no finding reaches -severity, 1
// when one does, 2 for usage errors and paths that do not exist.
func runLint(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen lint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the findings and the summary as one JSON object")
	failOn := fs.String("severity", "error", "the least severity that fails the run: error, warning or none")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: docgen lint [-json] [-severity error|warning|none] PATH...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	threshold, ok := map[string]int{"error": 1, "warning": 0, "none": 2}[*failOn]
	if !ok {
		fmt.Fprintf(stderr, "docgen lint: -severity %q: want error, warning or none\n", *failOn)
		return 2
	}
	files, err := parser.Files(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "docgen lint: %v\n", err)
		return 2
	}
	res := lint(files)

	if *asJSON {
		out := struct {
			Findings []finding   `json:"findings"`
			Summary  lintSummary `json:"summary"`
		}{res.findings, res.summary()}
		if out.Findings == nil {
			out.Findings = []finding{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "docgen lint: %v\n", err)
			return 2
		}
	} else {
		for _, f := range res.findings {
			fmt.Fprintln(stdout, f)
		}
		res.printSummary(stderr)
	}
	for _, f := range res.findings {
		if severityRank(f.Severity) >= threshold {
			return 1
		}
	}
	return 0
}

// finding is one lint result: "file:line[:col]: DGxxx: message" as text.
type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col,omitempty"`
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func (f finding) String() string {
	pos := model.Pos{File: f.File, Line: f.Line, Col: f.Col}
	return fmt.Sprintf("%s: %s: %s", pos.Full(), f.Code, f.Message)
}

func severityRank(s string) int {
	if s == model.Error.String() {
		return 1
	}
	return 0
}

type lintResult struct {
	findings []finding
	files    int
	types    int
	enums    int
	pairs    int // localized pages compared with their English page
}

type lintSummary struct {
	Files    int            `json:"files"`
	Types    int            `json:"types"`
	Enums    int            `json:"enums"`
	Compared int            `json:"localizedPagesCompared"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	ByCode   map[string]int `json:"byCode"`
}

func (r *lintResult) summary() lintSummary {
	s := lintSummary{Files: r.files, Types: r.types, Enums: r.enums, Compared: r.pairs, ByCode: map[string]int{}}
	for _, f := range r.findings {
		s.ByCode[f.Code]++
		if severityRank(f.Severity) == 1 {
			s.Errors++
		} else {
			s.Warnings++
		}
	}
	return s
}

// printSummary writes a table of counts by code, then the totals.
func (r *lintResult) printSummary(w io.Writer) {
	s := r.summary()
	fmt.Fprintf(w, "docgen lint: %d files, %d types, %d enums", s.Files, s.Types, s.Enums)
	if s.Compared > 0 {
		fmt.Fprintf(w, ", %d localized pages compared with English", s.Compared)
	}
	fmt.Fprintln(w)
	if len(s.ByCode) > 0 {
		fmt.Fprintf(w, "%-6s %-8s %6s  %s\n", "code", "severity", "count", "what")
		for _, c := range slices.Sorted(maps.Keys(s.ByCode)) {
			info := model.Catalogue[model.Code(c)]
			fmt.Fprintf(w, "%-6s %-8s %6d  %s\n", c, info.Lint, s.ByCode[c], info.Summary)
		}
	}
	fmt.Fprintf(w, "docgen lint: %d error(s), %d warning(s)\n", s.Errors, s.Warnings)
}

// lint parses and resolves files and gathers every finding, sorted by
// place.
func lint(files []string) *lintResult {
	pages, diags, _ := parser.ParseFiles(files) // unreadable files are DG004 findings
	pairs := localizedPairs(pages)
	// A localized page given with its English page documents the same
	// types: it is compared with it rather than resolved beside it, which
	// would report every difference twice.
	var resolve []*model.Page
	for _, p := range pages {
		if _, paired := pairs[p]; !paired {
			resolve = append(resolve, p)
		}
	}
	schema := model.Resolve(resolve, &diags)
	diags = append(diags, emit.NameCollisions(schema)...)
	for _, loc := range slices.SortedFunc(maps.Keys(pairs), func(a, b *model.Page) int { return cmp.Compare(a.Path, b.Path) }) {
		diags = append(diags, compareLocalized(loc, pairs[loc])...)
	}

	res := &lintResult{files: len(files), types: len(schema.Types), enums: len(schema.Enums), pairs: len(pairs)}
	for _, d := range diags {
		res.findings = append(res.findings, finding{
			File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Code: string(d.Code),
			Severity: model.Catalogue[d.Code].Lint.String(), Message: d.Message,
		})
	}
	slices.SortStableFunc(res.findings, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Code, b.Code))
	})
	return res
}

// localeSuffix is the locale some file names carry: asyncjobstatus.es-ES.md.
var localeSuffix = regexp.MustCompile(`(?i)\.[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// pageKey is what a localized page and its English page have in common:
// the file name without extension or locale, in lower case.
func pageKey(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return strings.ToLower(localeSuffix.ReplaceAllString(base, ""))
}

// localizedPairs matches each localized page with the English page given
// beside it: by file name (asyncjobstatus.md, asyncjobstatus.es-ES.md,
// es-ES/asyncjobstatus.md), else by the types they annotate.
func localizedPairs(pages []*model.Page) map[*model.Page]*model.Page {
	byKey := map[string][]*model.Page{}
	byType := map[string][]*model.Page{}
	for _, p := range pages {
		if p.Locale != "" {
			continue
		}
		byKey[pageKey(p.Path)] = append(byKey[pageKey(p.Path)], p)
		for _, r := range p.Resources {
			byType[strings.ToLower(r.Name)] = append(byType[strings.ToLower(r.Name)], p)
		}
	}
	pairs := map[*model.Page]*model.Page{}
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

// compareLocalized reports where a localized page's structure (read from
// its English halves) differs from its English page: resources, their
// annotation, their properties in order with types, and enum tables. Such
// a page was translated from an older English page, or its table cells
// were translated where they should not have been.
func compareLocalized(loc, en *model.Page) model.Diagnostics {
	var ds model.Diagnostics
	report := func(pos model.Pos, format string, args ...any) {
		if pos.Line <= 0 {
			pos = model.Pos{File: loc.Path, Line: 1}
		}
		ds.Report(pos, model.LocalizedDiffers, "localized page differs from %s: "+format, append([]any{en.Path}, args...)...)
	}
	enRes := map[string]*model.Resource{}
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
			{"baseType", lr.BaseType, er.BaseType},
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
			report(model.Pos{}, "it lacks the resource %s (%s)", er.Name, er.Pos)
		}
	}
	enEnums := map[string]*model.EnumDecl{}
	for _, e := range en.Enums {
		enEnums[strings.ToLower(e.Name)] = e
	}
	for _, le := range loc.Enums {
		ee, ok := enEnums[strings.ToLower(le.Name)]
		if !ok {
			report(le.Pos, "it has an enum table for %s, which the English page does not", le.Name)
			continue
		}
		names := func(ms []model.EnumMember) []string {
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
func compareProperties(lr, er *model.Resource, report func(model.Pos, string, ...any)) {
	enProps := map[string]*model.Property{}
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
		if p.Type != ep.Type {
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
