package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/model"
)

// Fuzz targets for everything that reads untrusted text: the page parser,
// the annotation reader and the JSON-sample reader. Each must return for
// any input without panicking, in time bounded by the limits (a hang is
// ended by go test -timeout), with every position inside its input. Seeds
// are our fixtures and cases, and real pages from ../shared/corpus when it
// is there.

// corpusSeedPages picks every 30th page of the corpus: 41 real pages of
// every size, without slowing each fuzzing run down with all 1,239.
func corpusSeedPages(f *testing.F) [][]byte {
	f.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	var out [][]byte
	for i := 0; i < len(files); i += 30 {
		out = append(out, readFileF(f, files[i]))
	}
	return out
}

var (
	commentRE = regexp.MustCompile(`(?s)<!--.*?-->`)
	jsonRE    = regexp.MustCompile("(?s)```json\\s*\\n(.*?)```")
)

// corpusPieces gathers every resource annotation and every JSON block of
// the corpus (when present) and of the parser cases.
func corpusPieces(f *testing.F) (comments, samples [][]byte) {
	f.Helper()
	var pages [][]byte
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	for _, file := range files {
		pages = append(pages, readFileF(f, file))
	}
	pages = append(pages, casePages(f)...)
	seen := map[string]bool{}
	for _, page := range pages {
		for _, c := range commentRE.FindAll(page, -1) {
			if saysResource().Match(bytes.ReplaceAll(c, []byte("&quot;"), []byte(`"`))) && !seen[string(c)] {
				seen[string(c)] = true
				comments = append(comments, c)
			}
		}
		for _, m := range jsonRE.FindAllSubmatch(page, -1) {
			if !seen[string(m[1])] {
				seen[string(m[1])] = true
				samples = append(samples, m[1])
			}
		}
	}
	return comments, samples
}

// casePages are the pages of the parser cases.
func casePages(f *testing.F) [][]byte {
	f.Helper()
	cases, _ := filepath.Glob(filepath.Join(casesDir, "*.txtar"))
	var out [][]byte
	for _, c := range cases {
		ar, err := txtar.ParseFile(c)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".md") {
				out = append(out, file.Data)
			}
		}
	}
	return out
}

// lineCount is the number of lines of raw: a final newline ends the last
// line rather than starting another.
func lineCount(raw []byte) int {
	n := bytes.Count(raw, []byte("\n"))
	if len(raw) > 0 && raw[len(raw)-1] != '\n' || n == 0 {
		n++
	}
	return n
}

// FuzzParse: any input parses without panicking; a page's text read in
// place is the copy's; every position names a line of the input (and a
// column within it); a page refused by a limit yields nothing; resolution over the page does not panic either and
// points inside it.
func FuzzParse(f *testing.F) {
	for _, path := range []string{enFixture, esFixture} {
		f.Add(readFileF(f, path))
	}
	for _, page := range casePages(f) {
		f.Add(page)
	}
	if _, err := os.Stat(corpusDir); err == nil {
		for _, page := range corpusSeedPages(f) {
			f.Add(page)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) <= MaxPageBytes {
			sameSource(t, raw) // the text read in place is its copy's
		}
		page, diags := Parse("page.md", raw)
		lines := bytes.Split(raw, []byte("\n"))
		n := lineCount(raw)
		check := func(what string, p model.Pos) {
			if p.File != "page.md" || p.Line < 1 || p.Line > n {
				t.Fatalf("%s at %v; the input has %d lines", what, p.Full(), n)
			}
			if p.Col > 0 && p.Col > len(lines[p.Line-1])+1 {
				t.Fatalf("%s at %v; that line has %d bytes", what, p.Full(), len(lines[p.Line-1]))
			}
		}
		refused := false
		for _, d := range diags {
			check("diagnostic "+d.Message, d.Pos)
			if _, ok := model.Catalogue[d.Code]; !ok {
				t.Fatalf("diagnostic with an uncatalogued code: %v", d)
			}
			switch d.Code {
			case model.NotUTF8, model.NULByte, model.TooLarge, model.LineTooLong, model.NestingTooDeep:
				refused = true
			}
		}
		if refused && (len(page.Resources) > 0 || len(page.Enums) > 0) {
			t.Fatalf("a refused page yields %d resources and %d enums", len(page.Resources), len(page.Enums))
		}
		for _, res := range page.Resources {
			check("resource "+res.Name, res.Pos)
			if res.Name == "" {
				t.Fatal("a resource without a name")
			}
			for _, p := range res.Properties {
				check("property "+p.Name, p.Pos)
				if !p.InSample && !p.InTable {
					t.Fatalf("property %s is in neither the sample nor a table", p.Name)
				}
			}
		}
		for _, e := range page.Enums {
			check("enum "+e.Name, e.Pos)
			for _, m := range e.Members {
				check("member "+m.Name, m.Pos)
			}
		}
		var resolved model.Diagnostics
		model.Resolve([]*model.Page{page}, &resolved)
		for _, d := range resolved {
			check("resolution diagnostic "+d.Message, d.Pos)
		}
	})
}

// FuzzAnnotation: an HTML comment is either not a resource annotation (no
// diagnostics), or a resource with a name and no error, or nil with an
// error; every position lies inside the comment.
func FuzzAnnotation(f *testing.F) {
	for _, c := range []string{
		`<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x", "keyProperty": "id", } -->`,
		`<!-- { &quot;blockType&quot;: &quot;resource&quot;, &quot;@type&quot;: &quot;x&quot; } -->`,
		"<!--\n{\n  \"blockType\": \"resource\",\n  \"baseType\": null,\n  \"abstract\": \"true\"\n}\n-->",
		`<!-- { "blockType": "resource" "@odata.type": "x" } -->`,
		`<!-- { "type": "#page.annotation" } -->`,
		`<!-- { "blockType": "resource", "@odata.type": "## ", "baseType": "##microsoft.graph.entity" } -->`,
	} {
		f.Add([]byte(c))
	}
	comments, _ := corpusPieces(f)
	for _, c := range comments {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, comment []byte) {
		const first = 7
		var diags model.Diagnostics
		res, isResource := readAnnotation(comment, model.Pos{File: "page.md", Line: first}, &diags)
		last := first + bytes.Count(comment, []byte("\n"))
		lines := bytes.Split(comment, []byte("\n"))
		for _, d := range diags {
			if d.Pos.File != "page.md" || d.Pos.Line < first || d.Pos.Line > last {
				t.Fatalf("%v outside the comment (lines %d-%d)", d, first, last)
			}
			if d.Pos.Col > len(lines[d.Pos.Line-first])+1 {
				t.Fatalf("%v: column past the end of its line %q", d.Pos.Full(), lines[d.Pos.Line-first])
			}
		}
		switch {
		case !isResource:
			if res != nil || len(diags) > 0 {
				t.Fatalf("not a resource annotation, yet %v %v", res, diags)
			}
		case res == nil:
			if !diags.HasErrors() {
				t.Fatalf("an unreadable resource annotation without an error: %v", diags)
			}
		default:
			if res.Name == "" || diags.HasErrors() {
				t.Fatalf("resource %q with diagnostics %v", res.Name, diags)
			}
			if strings.HasPrefix(res.Name, "#") || strings.HasPrefix(res.BaseType, "#") {
				t.Fatalf("names keep their #: %q %q", res.Name, res.BaseType)
			}
		}
	})
}

// FuzzSample: any JSON representation yields keys in order, each at a line
// of the block, enum values that are distinct identifiers, and at most one
// finding about where reading stopped.
func FuzzSample(f *testing.F) {
	for _, s := range []string{
		"{\n  \"a\": \"String\",\n  \"b\": \"x | y\",\n  \"c\": [\"p | q\"],\n}\n",
		"{ /* c */ \"n\": 007, // d\n \"o\": {\"@odata.type\": \"Collection(x)\"} }",
		"{ \"a\": [[[[[[]]]]]], \"b\": \"unclosed",
		"[1, 2]",
		"{\"a\": 1, // after the comma\n}",
	} {
		f.Add([]byte(s))
	}
	_, samples := corpusPieces(f)
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		const first = 20
		var diags model.Diagnostics
		members := readSample(body, "page.md", first, &diags)
		last := first + max(0, bytes.Count(bytes.TrimSuffix(body, []byte("\n")), []byte("\n")))
		stops := 0
		for _, d := range diags {
			if d.Pos.Line < first || d.Pos.Line > last {
				t.Fatalf("%v outside the block (lines %d-%d)", d, first, last)
			}
			switch d.Code {
			case model.SampleUnreadable, model.SampleTooDeep:
				stops++
			case model.EnumMemberDuplicate:
			default:
				t.Fatalf("unexpected finding %v", d)
			}
		}
		if stops > 1 {
			t.Fatalf("%d findings about where reading stopped", stops)
		}
		prev := first
		for _, m := range members {
			if m.Line < prev || m.Line > last {
				t.Fatalf("key %q at line %d, after line %d, block ends at %d", m.Name, m.Line, prev, last)
			}
			prev = m.Line
			if !utf8.ValidString(m.Name) && utf8.Valid(body) {
				t.Fatalf("key %q is not valid UTF-8 though the block is", m.Name)
			}
			seen := map[string]bool{}
			for _, v := range m.EnumValues {
				if !isIdentifier(v) || seen[strings.ToLower(v)] {
					t.Fatalf("enum values %q of %q: not distinct identifiers", m.EnumValues, m.Name)
				}
				seen[strings.ToLower(v)] = true
			}
		}
		// Every repair points at a comma or the start of a comment, in order;
		// a sample with none of them left over is valid JSON once they go.
		prevRepair := -1
		for _, r := range sampleRepairs(body) {
			if r.offset <= prevRepair || r.offset >= len(body) {
				t.Fatalf("repair %+v out of order or outside the body", r)
			}
			prevRepair = r.offset
			if c := body[r.offset]; c != ',' && !(c == '/' && r.offset+1 < len(body) && (body[r.offset+1] == '/' || body[r.offset+1] == '*')) {
				t.Fatalf("repair %+v points at %q", r, c)
			}
		}
	})
}
