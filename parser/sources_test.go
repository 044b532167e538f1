package parser

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/model"
)

const sourcesDir = "../testdata/cases/sources"

// TestSourceCases runs the txtar cases in testdata/cases/sources: pages
// that say things about their types outside annotations and tables (bases
// in prose, types only in the sample, conventions of the current docs).
// want.txt holds every diagnostic, then the model dump of the resolved
// schema, which records where each base and property type was read.
func TestSourceCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sourcesDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no cases in %s", sourcesDir)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := resolveCase(t, ar)
			checkWant(t, file, ar, "result", got)
		})
	}
}

func resolveCase(t *testing.T, ar *txtar.Archive) string {
	t.Helper()
	var pages []*model.Page
	var diags model.Diagnostics
	for _, f := range ar.Files {
		if !strings.HasSuffix(f.Name, ".md") {
			continue
		}
		p, ds := Parse(f.Name, f.Data)
		pages = append(pages, p)
		diags = append(diags, ds...)
	}
	schema := model.Resolve(pages, &diags)
	dump, err := schema.MarshalDump()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("diagnostics:\n")
	writeDiags(&b, diags)
	b.WriteString("model:\n")
	b.Write(dump)
	return b.String()
}
