package emit

import (
	"bytes"
	goparser "go/parser"
	"go/token"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/graphdocgen/docgen/internal/outdir"
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
	saved := splitAbove.Load()
	t.Cleanup(func() { splitAbove.Store(saved) })
	generateWith := func(split int64) []File {
		splitAbove.Store(split)
		files, err := Generate(schema, Options{Package: "graph"})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	whole := generateWith(math.MaxInt64)
	checkImportsGrouped(t, whole)
	before := splitFormatted.Load()
	pieces := generateWith(0)
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
