package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// unreadListCeiling is how many description cells of the corpus's resource
// and API pages TestCorpusUnreadValueLists finds listing values in code
// spans that describedValues does not read: 84 before the singular and
// "either" phrases were learnt, 56 since. Many are not members (another
// property's values, "Types include", claims); 12 are a noun phrase and a
// colon ("The importance of the message: `low`, `normal`, `high`."), left
// unread as nothing but the backticks says they are the property's
// values. Lower it when a phrase is learnt; a rise means a phrase stopped
// being read.
const unreadListCeiling = 56

// TestCorpusUnreadValueLists reports the description cells that hold a
// list of two or more identifiers in code spans (joined by commas, "or",
// "and") and of which describedValues reads nothing, outside examples
// ("for example", "such as", "e.g.") and query options (`$filter`).
// DOCGEN_SHOW_UNREAD=1 lists them.
func TestCorpusUnreadValueLists(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../shared/corpus/en/v1.0", "../../shared/corpus/en-api/v1.0"} {
		found, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		files = append(files, found...)
	}
	if len(files) == 0 {
		t.Skip("../shared/corpus not found: the corpus tests run only beside the shared folder")
	}
	cells, read, unread := 0, 0, 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc := parse(src, newBudget(len(src)))
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			row, ok := n.(*east.TableRow)
			if !entering || !ok || row.LastChild() == nil {
				return ast.WalkContinue, nil
			}
			cell := row.LastChild()
			var b strings.Builder
			writeMarked(&b, cell, src)
			if !holdsCodeList(b.String()) {
				return ast.WalkSkipChildren, nil
			}
			cells++
			if values, _ := describedValues(cell, src); len(values) > 0 {
				read++
				return ast.WalkSkipChildren, nil
			}
			unread++
			if os.Getenv("DOCGEN_SHOW_UNREAD") != "" {
				line := 1 + strings.Count(string(src[:cell.Lines().At(0).Start]), "\n")
				t.Logf("%s:%d: %s", file, line, b.String())
			}
			return ast.WalkSkipChildren, nil
		})
	}
	t.Logf("description cells listing identifiers in code spans: %d, values read from %d, none from %d (ceiling %d)", cells, read, unread, unreadListCeiling)
	if unread > unreadListCeiling {
		t.Errorf("%d cells list values describedValues does not read; the ceiling is %d (DOCGEN_SHOW_UNREAD=1 lists them)", unread, unreadListCeiling)
	}
}

// holdsCodeList reports whether a sentence of s, not an example nor about
// query options, holds two or more identifiers in code spans joined only
// by commas, "or" and "and".
func holdsCodeList(s string) bool {
	for sent := range strings.SplitSeq(s, ". ") {
		lower := strings.ToLower(sent)
		if strings.Contains(lower, "example") || strings.Contains(lower, "such as") || strings.Contains(lower, "e.g.") || strings.Contains(sent, "$") {
			continue
		}
		parts := strings.Split(sent, "`")
		run := 0
		for k := 1; k+1 < len(parts); k += 2 {
			if !isIdentifier(strings.TrimSpace(parts[k])) {
				run = 0
				continue
			}
			run++
			if run >= 2 {
				return true
			}
			if k+2 < len(parts) {
				switch strings.TrimSpace(parts[k+1]) {
				case ",", "or", "and", ", or", ", and":
				default:
					run = 0
				}
			}
		}
	}
	return false
}
