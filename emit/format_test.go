package emit

import (
	"fmt"
	goparser "go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

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
		if got := string(groupImports(nil, []byte(tc.in))); got != tc.want {
			t.Errorf("groupImports(%q)\n got %q\nwant %q", tc.in, got, tc.want)
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
