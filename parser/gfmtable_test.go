package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmarkTables is the parser docgen used before gfmtable.go: the same
// budgeted defaults, with goldmark's own table extension.
var goldmarkTables = goldmark.New(
	goldmark.WithParser(gparser.NewParser(budgetedOptions()...)),
	goldmark.WithExtensions(extension.Table),
).Parser()

// tableCases are tables at their corners: cell counts that differ from the
// delimiter row, alignments, escaped pipes in and out of code spans,
// padding from list items and block quotes, delimiter rows that are not
// (indented, a setext underline, a vertical tab), and tables after text or
// link reference definitions in the same paragraph.
var tableCases = []string{
	"| a | b |\n|---|---|\n| 1 | 2 |\n",
	"a | b\n--|--\n1 | 2 | 3\n4\n",
	"| a | b | c |\n|:--|--:|:-:|\n",
	"| a |\n|---|---|\n| 1 |\n",
	"| a | b |\n|---|\n",
	"intro line\nsecond line\n| a | b |\n| - | - |\n| x | y |\n",
	"[r]: /url\n| a | b |\n|---|---|\n| [x][r] | y |\n",
	"| `a\\|b` | c \\| d |\n|---|---|\n| `x\\|y\\|z` and `\\|` | `p`\\|q |\n",
	"| a |\n|---|\n| `one\\|two` | `three\\|four` |\n",
	"- item\n\n\t| a | b |\n\t|---|---|\n\t| 1 | 2 |\n",
	"> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
	"-\t| a |\n \t|---|\n",
	"| a | b |\n    |---|---|\n",
	"a\n---\n",
	"| a |\n|-\v-|\n",
	"| a |\n| \v--- |\n",
	"| a |\n|:|\n",
	"| a |\n|::|\n",
	"|\n|---|\n|\n",
	"| a | b |\n|---|---|\n|\n| |\n||\n",
	"\\| a | b |\n|---|---|\n",
	"| a | b \\|\n|---|---|\n",
	"| **a** | [b](c.md) |\n|---|---|\n| <span>x</span> | *y* |\n",
	"| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |\n",
	"| a |\r\n|---|\r\n| 1 |\r\n",
	"   | a |\n   |---|\n",
	"| a | b |\n| --- | --- |\n| `x` | `y\\|` |\n",
	// A line that could underline a setext heading closes the paragraph
	// before the table is read out of it.
	"intro\n| a |\n|---|\n-\n",
	"intro\r\n| a | b |\r\n|---|---|\r\n- item\r\n",
}

// TestTablesMatchGoldmark: docgen's table reader builds exactly the trees
// goldmark's table extension builds, for the constructed cases, the parser
// cases and, when ../shared is there, every resource and API page and the
// localized seed page.
func TestTablesMatchGoldmark(t *testing.T) {
	pages := map[string][]byte{}
	for i, c := range tableCases {
		pages[fmt.Sprintf("case %d", i)] = []byte(c)
	}
	// -short (the later CI passes) compares every seventh page.
	step := 1
	if testing.Short() {
		step = 7
	}
	for _, dir := range []string{corpusDir, apiCorpusDir} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for i, file := range files {
			if i%step != 0 {
				continue
			}
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			pages[file] = raw
		}
	}
	if raw, err := os.ReadFile(seedPage); err == nil {
		pages[seedPage] = raw
	}
	tables := 0
	for name, raw := range pages {
		why, n := tablesDiffer(raw)
		if why != "" {
			t.Errorf("%s: %s", name, why)
		}
		tables += n
	}
	if tables < len(tableCases) {
		t.Errorf("%d tables read in all: the cases should hold more", tables)
	}
	if len(pages) == len(tableCases) {
		t.Logf("../shared not found: compared the %d constructed cases only", len(tableCases))
	}
	t.Logf("%d pages, %d tables: the same trees", len(pages), tables)
}

// apiCorpusDir holds the API method pages, whose tables (parameters,
// headers, responses) are read too when docgen lints them.
const apiCorpusDir = "../../shared/corpus/en-api/v1.0"

// FuzzTablesMatchGoldmark: any input gives the tree goldmark gives.
func FuzzTablesMatchGoldmark(f *testing.F) {
	for _, c := range tableCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 4<<10 {
			return
		}
		if why, _ := tablesDiffer(raw); why != "" {
			t.Error(why)
		}
	})
}

// tablesDiffer parses raw with both parsers and describes the first
// difference between their trees, or gives ""; n counts docgen's tables.
func tablesDiffer(raw []byte) (why string, n int) {
	parseWith := func(p gparser.Parser) ast.Node {
		pc := gparser.NewContext()
		pc.Set(budgetKey, newBudget(len(raw)))
		return p.Parse(text.NewReader(raw), gparser.WithContext(pc))
	}
	ours, theirs := parseWith(markdown), parseWith(goldmarkTables)
	a := dumpTree(ours, raw)
	for _, line := range a {
		if strings.Contains(line, " Table pos=") {
			n++
		}
	}
	if reflect.DeepEqual(ours, theirs) {
		return "", n
	}
	b := dumpTree(theirs, raw)
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("node %d: docgen reads %s, goldmark %s", i, a[i], b[i]), n
		}
	}
	return fmt.Sprintf("docgen reads %d nodes, goldmark %d (the trees differ beyond what the dump shows)", len(a), len(b)), n
}

// dumpTree describes each node of a tree on a line: its depth, kind,
// position, lines or text segment, and table alignments.
func dumpTree(root ast.Node, src []byte) []string {
	var out []string
	depth := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		line := fmt.Sprintf("%d %s pos=%d", depth, n.Kind(), n.Pos())
		if n.Type() == ast.TypeBlock {
			for i := range n.Lines().Len() {
				s := n.Lines().At(i)
				line += fmt.Sprintf(" [%d:%d+%d]", s.Start, s.Stop, s.Padding)
			}
		}
		switch n := n.(type) {
		case *ast.Text:
			line += fmt.Sprintf(" %q raw=%v soft=%v hard=%v", n.Segment.Value(src), n.IsRaw(), n.SoftLineBreak(), n.HardLineBreak())
		case *east.Table:
			line += fmt.Sprintf(" %v", n.Alignments)
		case *east.TableCell:
			line += fmt.Sprintf(" %v", n.Alignment)
		}
		out = append(out, line)
		depth++
		return ast.WalkContinue, nil
	})
	return out
}
