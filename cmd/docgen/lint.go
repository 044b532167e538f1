package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"

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
// when one does, 2 for usage errors and paths that do not exist or cannot
// be read (DG004), as under docgen.
func runLint(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen lint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the findings and the summary as one JSON object")
	failOn := fs.String("severity", "error", "the least severity that fails the run: error, warning or none")
	metadata := fs.String("metadata", "", "compare the docs' model with this OData CSDL document (EDMX XML)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: docgen lint [-json] [-severity error|warning|none] [-metadata FILE] PATH...")
		fs.PrintDefaults()
	}
	// Flags may come before or after the PATHs, as for generation.
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0 // asking for help is no error
	} else if err != nil {
		return 2
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	threshold, ok := map[string]int{"error": 1, "warning": 0, "none": 2}[*failOn]
	if !ok {
		fmt.Fprintf(stderr, "docgen lint: -severity %q: want error, warning or none\n", *failOn)
		return 2
	}
	files, err := parser.Files(paths)
	if err != nil {
		fmt.Fprintf(stderr, "docgen lint: %v\n", err)
		return 2
	}
	if err := checkMetadataPath(*metadata); err != nil {
		fmt.Fprintf(stderr, "docgen lint: -metadata: %v\n", err)
		return 2
	}
	if adviseHeap != nil {
		adviseHeap(len(files), 0)
	}
	res := lint(files, *metadata)

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
		// An unreadable page is a path error, as under docgen: exit 2.
		if f.Code == string(model.Unreadable) {
			return 2
		}
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
	api      apiStats
}

type lintSummary struct {
	Files    int            `json:"files"`
	Types    int            `json:"types"`
	Enums    int            `json:"enums"`
	Compared int            `json:"localizedPagesCompared"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	ByCode   map[string]int `json:"byCode"`
	ByPage   map[string]int `json:"byPage,omitempty"`
	API      *apiStats      `json:"api,omitempty"`
}

func (r *lintResult) summary() lintSummary {
	s := lintSummary{Files: r.files, Types: r.types, Enums: r.enums, Compared: r.pairs, ByCode: map[string]int{}}
	addAPISummary(&s, r)
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
	printAPISummary(w, r.api, r.findings)
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
func lint(files []string, metadata string) *lintResult {
	pages, diags, _ := parser.ParseFiles(files) // unreadable files are DG004 findings
	pairs := model.LocalizedPairs(pages)
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
	apiDiags, api := lintAPI(files, resolve, schema, metadata)
	diags = append(diags, apiDiags...)
	for _, loc := range slices.SortedFunc(maps.Keys(pairs), func(a, b *model.Page) int { return cmp.Compare(a.Path, b.Path) }) {
		diags = append(diags, model.CompareLocalized(loc, pairs[loc])...)
	}

	res := &lintResult{files: len(files), types: len(schema.Types), enums: len(schema.Enums), pairs: len(pairs), api: api}
	for _, d := range diags {
		if model.NotLinted[d.Code] {
			continue
		}
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
