package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"

	"github.com/graphdocgen/docgen/internal/apilint"
	"github.com/graphdocgen/docgen/internal/csdl"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// apiStats counts what the API-page and metadata checks looked at.
type apiStats struct {
	Pages    int `json:"apiPages"`
	Examples int `json:"examples"`
	// TypedResponses and TypedRequests count the JSON bodies checked
	// against a type.
	TypedResponses int `json:"typedResponses"`
	TypedRequests  int `json:"typedRequests"`
	// Untyped is set when API pages were given without resource pages:
	// their bodies are checked as JSON only.
	Untyped  bool   `json:"untyped,omitempty"`
	Metadata string `json:"metadata,omitempty"`
}

// lintAPI checks the examples of every API page among files against the
// schema, and the schema against a CSDL document when metadata is set.
func lintAPI(files []string, pages []*model.Page, schema *model.Schema, metadata string) (model.Diagnostics, apiStats) {
	var st apiStats
	checker := apilint.New(schema, pages)
	type result struct {
		page  *model.APIPage
		diags model.Diagnostics
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Go(func() {
			for i := range next {
				raw, err := os.ReadFile(files[i])
				if err != nil {
					continue // reported by the resource parser (DG004)
				}
				page, diags := parser.ParseAPI(files[i], raw)
				results[i] = result{page, diags}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	// Roots of request paths come from the GET examples of every page, so
	// checking waits for all of them.
	var apiPages []*model.APIPage
	for _, r := range results {
		if r.page != nil {
			apiPages = append(apiPages, r.page)
		}
	}
	checker.Learn(apiPages)
	var diags model.Diagnostics
	for _, r := range results {
		diags = append(diags, r.diags...)
		if r.page != nil {
			st.Pages++
			st.Examples += len(r.page.Examples)
			diags = append(diags, checker.Check(r.page)...)
		}
	}
	st.TypedResponses, st.TypedRequests = checker.Checked(model.ResponseExample), checker.Checked(model.RequestExample)
	st.Untyped = st.Pages > 0 && !checker.Typed()
	if metadata != "" {
		st.Metadata = metadata
		diags = append(diags, csdl.CompareFile(metadata, schema, pages...)...)
	}
	return diags, st
}

// used reports whether API pages or metadata were part of the run: only
// then do the summaries hold their part, so that resource-only runs print
// as before.
func (st apiStats) used() bool { return st.Pages > 0 || st.Metadata != "" }

// addAPISummary adds the API counts and the findings by page to s.
func addAPISummary(s *lintSummary, r *lintResult) {
	if r.api.used() {
		api := r.api
		s.API, s.ByPage = &api, findingsByPage(r.findings)
	}
}

// checkMetadataPath refuses a -metadata path that does not exist, like
// the page paths (exit status 2); one that exists but cannot be read as
// CSDL is a DG100 finding.
func checkMetadataPath(path string) error {
	if path == "" {
		return nil
	}
	_, err := os.Stat(path)
	return err
}

// printAPISummary writes what the API checks read and the pages with the
// most findings.
func printAPISummary(w io.Writer, st apiStats, findings []finding) {
	if !st.used() {
		return
	}
	if st.Pages > 0 {
		fmt.Fprintf(w, "docgen lint: %d API pages, %d examples; checked against their type: %d response and %d request bodies", st.Pages, st.Examples, st.TypedResponses, st.TypedRequests)
		if st.Untyped {
			fmt.Fprint(w, " (no resource pages given: bodies checked as JSON only)")
		}
		fmt.Fprintln(w)
	}
	if st.Metadata != "" {
		fmt.Fprintf(w, "docgen lint: model compared with %s\n", st.Metadata)
	}
	byPage := findingsByPage(findings)
	if len(byPage) == 0 {
		return
	}
	files := slices.Collect(func(yield func(string) bool) {
		for f := range byPage {
			if !yield(f) {
				return
			}
		}
	})
	slices.SortFunc(files, func(a, b string) int {
		if byPage[a] != byPage[b] {
			return byPage[b] - byPage[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	const top = 10
	fmt.Fprintf(w, "%6s  %s (%d pages with findings; the first %d)\n", "count", "page", len(files), min(top, len(files)))
	for _, f := range files[:min(top, len(files))] {
		fmt.Fprintf(w, "%6d  %s\n", byPage[f], f)
	}
}

func findingsByPage(findings []finding) map[string]int {
	m := map[string]int{}
	for _, f := range findings {
		m[f.File]++
	}
	return m
}
