package parser

import (
	"slices"

	"github.com/graphdocgen/docgen/model"
)

// sampleRepair is one thing that keeps a JSON representation from being
// valid JSON and that docgen reads past: a comment or a trailing comma.
type sampleRepair struct {
	offset int // in the sample body
	what   string
}

// sampleRepairs lists, in order, the comments (// and /* */) and the
// commas before a closing bracket that stand outside strings in a JSON
// representation. The sample scanner reads past them; the docs should not
// have them (a reader copying the sample gets invalid JSON), so each is
// reported where it stands (DG070).
func sampleRepairs(b []byte) []sampleRepair {
	var out []sampleRepair
	inString := false
	pendingComma := -1 // offset of a comma not yet followed by a value
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"', '\n': // an unclosed string ends at the line; the scanner reports it
				inString = false
			}
			continue
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			out = append(out, sampleRepair{i, "// comment skipped"})
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			out = append(out, sampleRepair{i, "/* */ comment skipped"})
			i += 2
			for i < len(b) && !(b[i] == '*' && i+1 < len(b) && b[i+1] == '/') {
				i++
			}
			i++
		case c == ',':
			if pendingComma >= 0 {
				out = append(out, sampleRepair{pendingComma, "extra comma skipped"})
			}
			pendingComma = i
		case c == '}' || c == ']':
			if pendingComma >= 0 {
				out = append(out, sampleRepair{pendingComma, "trailing comma skipped"})
			}
			pendingComma = -1
		default:
			if c == '"' {
				inString = true
			}
			pendingComma = -1
		}
	}
	// A comma is judged when what follows it is seen, maybe after a comment.
	slices.SortFunc(out, func(a, b sampleRepair) int { return a.offset - b.offset })
	return out
}

// reportSampleRepairs reports each repair at its line and column; at maps
// an offset in the body to its place in the file.
func reportSampleRepairs(body []byte, at func(int) model.Pos, diags *model.Diagnostics) {
	for _, r := range sampleRepairs(body) {
		diags.Report(at(r.offset), model.SampleRepaired, "JSON representation is not valid JSON: %s", r.what)
	}
}
