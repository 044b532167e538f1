package parsecache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// TestPipelineLeavesPagesAlone: Keep holds parsed pages and Save encodes
// them later, while docgen resolves, names and renders the model from the
// same pages. That is right only while nothing after Parse changes a page
// or its diagnostics: every step docgen takes is run here, and each page
// must encode to the same bytes after them as before.
func TestPipelineLeavesPagesAlone(t *testing.T) {
	type input struct {
		name  string
		files map[string][]byte
	}
	var inputs []input
	archives, _ := filepath.Glob("../../testdata/cases/*/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no test cases found in ../../testdata")
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			t.Fatal(err)
		}
		in := input{a, map[string][]byte{}}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".md") {
				in.files[a+"/"+f.Name] = f.Data
			}
		}
		inputs = append(inputs, in)
	}
	if files, _ := filepath.Glob(filepath.Join(corpusDir, "*.md")); len(files) > 0 && !testing.Short() {
		in := input{"corpus", map[string][]byte{}}
		for _, path := range files {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			in.files[path] = raw
		}
		inputs = append(inputs, in)
	}
	for _, in := range inputs {
		var pages []*model.Page
		var diags []model.Diagnostics
		var before [][]byte
		for path, raw := range in.files {
			p, d := parser.Parse(path, raw)
			pages, diags = append(pages, p), append(diags, d)
			before = append(before, encode(path, p, d))
		}
		var all model.Diagnostics
		for _, d := range diags {
			all = append(all, d...)
		}
		schema := model.Resolve(pages, &all)
		for _, localized := range []bool{false, true} {
			names := emit.Name(schema)
			_ = names.Collisions()
			if sub, _, err := schema.Subset([]string{"*"}, model.SubsetOptions{}); err == nil {
				emit.Name(sub)
			}
			schema.RenamePages(func(p string) string { return "../" + p })
			if _, err := schema.MarshalDump(); err != nil {
				t.Fatal(err)
			}
			// Errors in a case's input are its point; rendering what can be
			// rendered is enough here.
			_, _ = names.Generate(emit.Options{Package: "p", Localized: localized})
		}
		for i, p := range pages {
			if !bytes.Equal(encode(p.Path, p, diags[i]), before[i]) {
				t.Errorf("%s: %s changed after Parse", in.name, p.Path)
			}
		}
	}
}
