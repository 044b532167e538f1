package emit

import (
	"bytes"
	"fmt"
	goparser "go/parser"
	"go/token"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

func TestGroupImports(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{ // jennifer's one sorted list: split, standard library first
			"package p\n\nimport (\n\"encoding/json\"\n\"github.com/x/y\"\nz \"strings\"\n\"unsafe\"\n)\n\nvar v int\n",
			"package p\n\nimport (\n\"encoding/json\"\nz \"strings\"\n\"unsafe\"\n\n\"github.com/x/y\"\n)\n\nvar v int\n",
		},
		{ // one group only: unchanged
			"package p\n\nimport (\n\"fmt\"\n\"unsafe\"\n)\n",
			"package p\n\nimport (\n\"fmt\"\n\"unsafe\"\n)\n",
		},
		{ // a single import is not a block
			"package p\n\nimport \"github.com/x/y\"\n",
			"package p\n\nimport \"github.com/x/y\"\n",
		},
	} {
		if got := string(groupImports([]byte(tc.in))); got != tc.want {
			t.Errorf("groupImports(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestSplitFormatMatches: formatting every file of the corpus output in
// pieces (the path large files take) gives exactly what formatting each
// whole file gives, and the pieces are used, not fallen back from; and
// every file groups its imports as goimports does.
func TestSplitFormatMatches(t *testing.T) {
	schema, _ := corpusSchema(t, "generates the whole corpus twice")
	saved, savedChunk := splitAbove.Load(), chunkAbove.Load()
	t.Cleanup(func() { splitAbove.Store(saved); chunkAbove.Store(savedChunk) })
	generateWith := func(split, chunk int64) []File {
		splitAbove.Store(split)
		chunkAbove.Store(chunk)
		files, err := Generate(schema, Options{Package: "graph"})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	whole := generateWith(math.MaxInt64, math.MaxInt64)
	checkImportsGrouped(t, whole)
	before, chunkedBefore := splitFormatted.Load(), chunkFormatted.Load()
	// Every struct and codec table is also cut at every place it may be
	// (chunk size 1), the path of a resource with thousands of properties.
	pieces := generateWith(0, 1)
	if n := chunkFormatted.Load() - chunkedBefore; n < int64(len(pieces)) {
		t.Errorf("only %d declarations were formatted in chunks", n)
	}
	// A file of a header and one declaration has nothing to split; on the
	// corpus that is one file in eight.
	if n := splitFormatted.Load() - before; n < int64(len(pieces))*3/4 {
		t.Errorf("only %d of %d files were formatted in pieces", n, len(pieces))
	}
	if len(whole) != len(pieces) {
		t.Fatalf("%d files whole, %d in pieces", len(whole), len(pieces))
	}
	for i := range whole {
		if !bytes.Equal(whole[i].Content, pieces[i].Content) {
			t.Errorf("%s differs when formatted in pieces:\n%s", whole[i].Name, outdir.UnifiedDiff("whole", "pieces", string(whole[i].Content), string(pieces[i].Content)))
		}
	}
}

// TestChunkFormatMatches: a resource of thousands of properties, whose
// struct and codec table are formatted in chunks, gives the bytes
// formatting them whole gives, at several chunk sizes; so does one whose
// properties have no descriptions (its struct has nowhere to be cut).
func TestChunkFormatMatches(t *testing.T) {
	saved, savedChunk := splitAbove.Load(), chunkAbove.Load()
	t.Cleanup(func() { splitAbove.Store(saved); chunkAbove.Store(savedChunk) })
	for _, described := range []bool{true, false} {
		schema := wideSchema(t, 3000, described)
		generate := func(chunk int64) []byte {
			chunkAbove.Store(chunk)
			files, err := Generate(schema, Options{Package: "graph"})
			if err != nil {
				t.Fatal(err)
			}
			return files[slices.IndexFunc(files, func(f File) bool { return f.Name == "wide_gen.go" })].Content
		}
		splitAbove.Store(math.MaxInt64)
		whole := generate(math.MaxInt64)
		splitAbove.Store(0)
		for _, chunk := range []int64{1, 1000, 64 << 10} {
			before := chunkFormatted.Load()
			got := generate(chunk)
			if chunkFormatted.Load() == before {
				t.Errorf("described %v, chunk %d: nothing was formatted in chunks", described, chunk)
			}
			if !bytes.Equal(got, whole) {
				t.Fatalf("described %v, chunk %d: differs from formatting whole:\n%s", described, chunk, limitLines(outdir.UnifiedDiff("whole", "chunks", string(whole), string(got)), 40))
			}
		}
	}
}

// wideSchema is one resource with rows properties, each a collection of
// an undocumented type, described or not.
func wideSchema(t *testing.T, rows int, described bool) *model.Schema {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("# wide resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for i := range rows {
		desc := ""
		if described {
			desc = fmt.Sprintf("Part %d.", i)
		}
		fmt.Fprintf(&sb, "| p%d | [part](part.md) collection | %s |\n", i, desc)
	}
	sb.WriteString("\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.wide\" } -->\n\n```json\n{}\n```\n")
	page, diags := parser.Parse("wide.md", []byte(sb.String()))
	return model.Resolve([]*model.Page{page}, &diags)
}

// checkImportsGrouped: in every file the imports are grouped as goimports
// groups them: the standard library, sorted, then a blank line, then the
// rest, sorted.
func checkImportsGrouped(t *testing.T, files []File) {
	t.Helper()
	grouped := 0
	for _, f := range files {
		fset := token.NewFileSet()
		file, err := goparser.ParseFile(fset, f.Name, f.Content, goparser.ImportsOnly)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		var std, other []string
		lastStdLine, firstOtherLine := 0, 0
		for _, spec := range file.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			line := fset.Position(spec.Pos()).Line
			if isStdImport([]byte(spec.Path.Value)) {
				if len(other) > 0 {
					t.Errorf("%s: %s after the non-standard imports", f.Name, path)
				}
				std, lastStdLine = append(std, path), line
			} else {
				if len(other) == 0 {
					firstOtherLine = line
				}
				other = append(other, path)
			}
		}
		if !slices.IsSorted(std) || !slices.IsSorted(other) {
			t.Errorf("%s: imports not sorted within their groups: %q %q", f.Name, std, other)
		}
		if len(std) > 0 && len(other) > 0 {
			grouped++
			if firstOtherLine != lastStdLine+2 {
				t.Errorf("%s: no blank line between the standard library and the rest", f.Name)
			}
		}
	}
	if grouped < 100 {
		t.Errorf("only %d files import both kinds: the test checks little", grouped)
	}
}
