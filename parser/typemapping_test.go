package parser

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeTypeSpellings: every spelling the README's type mapping lists
// for a primitive ("`String`, `string`, `Url`") is one the parser reads
// as that primitive, not as a type no page defines.
func TestReadmeTypeSpellings(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(readme), "\n### Type mapping\n")
	if !ok {
		t.Fatal(`README: no "### Type mapping" section`)
	}
	table, _, _ = strings.Cut(strings.TrimLeft(table, "\n"), "\n\n") // the table alone
	spelling := regexp.MustCompile("`([A-Za-z][A-Za-z0-9]*)`")
	checked := 0
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || strings.HasPrefix(strings.TrimSpace(cells[1]), "---") {
			continue
		}
		for _, m := range spelling.FindAllStringSubmatch(cells[1], -1) {
			checked++
			if _, ok := PrimitiveName(m[1]); !ok {
				t.Errorf("README's type mapping lists %q, which the parser does not read as a primitive", m[1])
			}
		}
	}
	if checked < 20 || checked > 40 {
		t.Errorf("%d spellings found in the README's type mapping, which lists about 30: is the table read alone?", checked)
	}
}
