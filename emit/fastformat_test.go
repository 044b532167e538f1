package emit

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// compareFastFormat checks fastFormat against go/format on raw sources:
// where it takes a source it must give gofmt's bytes exactly; with
// mustTake it must take every one.
func compareFastFormat(t *testing.T, files []File, mustTake bool) (taken int) {
	t.Helper()
	for _, f := range files {
		got, ok := fastFormat(f.Content)
		if !ok {
			if mustTake {
				t.Errorf("%s: fastFormat declined it (go/format did the work)", f.Name)
			}
			continue
		}
		taken++
		want, err := format.Source(f.Content)
		if err != nil {
			t.Errorf("%s: fastFormat took a source go/format rejects: %v", f.Name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: fastFormat differs from go/format:\n%s", f.Name, limitLines(outdir.UnifiedDiff("gofmt", "fast", string(want), string(got)), 40))
		}
	}
	return taken
}

func rawFiles(t *testing.T, s *model.Schema, opts Options) []File {
	t.Helper()
	files, err := generateFiles(s, opts, true)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// casePages are the pages of every golden case and the fixtures, each
// case resolved alone.
func casePages(t *testing.T) [][][2]string {
	t.Helper()
	var sets [][][2]string
	for _, dir := range []string{casesDir, "../testdata/cases/parser"} {
		archives, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
		if err != nil || len(archives) == 0 {
			t.Fatalf("no cases in %s: %v", dir, err)
		}
		for _, file := range archives {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var pages [][2]string
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".md") {
					pages = append(pages, [2]string{f.Name, string(f.Data)})
				}
			}
			sets = append(sets, pages)
		}
	}
	sets = append(sets, [][2]string{readPage(t, enFixture)}, [][2]string{readPage(t, esFixture)})
	return sets
}

func resolvePages(pages [][2]string) *model.Schema {
	s, _ := resolvePagesDiags(pages)
	return s
}

// resolvePagesDiags parses pages (name, content pairs in order) and
// resolves them, with what both report.
func resolvePagesDiags(pages [][2]string) (*model.Schema, model.Diagnostics) {
	var parsed []*model.Page
	var diags model.Diagnostics
	for _, p := range pages {
		page, d := parser.Parse(p[0], []byte(p[1]))
		parsed = append(parsed, page)
		diags = append(diags, d...)
	}
	schema := model.Resolve(parsed, &diags)
	return schema, diags
}

// TestFastFormatMatches: fastFormat gives go/format's bytes, and takes
// every file docgen writes, for the golden cases and fixtures (both
// languages), resources with thousands of properties, described or not,
// and the whole v1.0 corpus.
func TestFastFormatMatches(t *testing.T) {
	t.Run("cases", func(t *testing.T) {
		n := 0
		for _, pages := range casePages(t) {
			for _, localized := range []bool{false, true} {
				n += compareFastFormat(t, rawFiles(t, resolvePages(pages), Options{Package: "graph", Localized: localized}), true)
			}
		}
		if n < 50 {
			t.Errorf("only %d files compared", n)
		}
	})
	t.Run("wide", func(t *testing.T) {
		for _, described := range []bool{true, false} {
			compareFastFormat(t, rawFiles(t, wideSchema(t, 2000, described), Options{Package: "graph"}), true)
		}
	})
	t.Run("corpus", func(t *testing.T) {
		schema, _ := corpusSchema(t, "formats the corpus output both ways")
		files := rawFiles(t, schema, Options{Package: "graph"})
		if n := compareFastFormat(t, files, true); n < 1000 {
			t.Errorf("only %d files compared", n)
		}
		formatted, err := Generate(schema, Options{Package: "graph"})
		if err != nil {
			t.Fatal(err)
		}
		checkImportsGrouped(t, formatted)
	})
}

// TestFastFormatDocComments: doc comments that go/doc/comment rewrites
// (old-style headings, lists, code blocks, link definitions, runs of
// blank lines) come out as gofmt writes them; plain ones are copied.
func TestFastFormatDocComments(t *testing.T) {
	for _, doc := range []string{
		"// Plain text.\n// \n// Another paragraph.",
		"// Intro.\n// \n// Old Style Heading\n// \n// Text after it.",
		"// A list:\n// \n//   - one\n//   - two\n//     continued\n// \n// After.",
		"// A list:\n//  * one\n//  * two",
		"// Numbered:\n// \n//   1. one\n//   2. two",
		"// Code:\n// \n//     x := 1\n// \n// After.",
		"// See [the docs].\n// \n// [the docs]: https://example.com/",
		"// One.\n// \n// \n// \n// Two.",
		"// \n// Leading blank line.",
		"// # A heading\n// \n// Text.",
		"// Refers to [User] and [graphrt.Opt].",
		"// https://example.com/a_b",
		"// ``quoted'' text",
	} {
		src := "package p\n\n" + doc + "\ntype T struct{\n" + doc + "\nA int `json:\"a\"`\n}\n"
		got, ok := fastFormat([]byte(src))
		if !ok {
			t.Errorf("declined %q", doc)
			continue
		}
		want, err := format.Source([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("doc %q:\n%s", doc, outdir.UnifiedDiff("gofmt", "fast", string(want), string(got)))
		}
	}
}

// TestFastFormatAligns: the columns gofmt aligns, in runs that comments
// and multi-line elements end.
func TestFastFormatAligns(t *testing.T) {
	src := "package p\n\ntype T struct{\nA graphrt.Opt [int32] `json:\"a\"`\nLonger graphrt.Opt [[] string] `json:\"longer\"`\n// c\nB graphrt.Opt [* T] `json:\"b\"`\nC graphrt.Opt [bool] `json:\"c\"`\nEmbedded\nD graphrt.Opt [bool] `json:\"d\"`\n}\n" +
		"const (\nX E = \"x\"\nLongerName E = \"longerName\"\n// doc\nY E = \"y\"\n)\n" +
		"var v = graphrt.Struct {\nBase : & t,\nBaseOffset : unsafe.Offsetof (T {} . A),\nFields : [] graphrt.Field {\n{Name : \"a\",List : true},\n},\nODataType : \"x\",\nExtra : 1,\n}\n"
	got, ok := fastFormat([]byte(src))
	if !ok {
		t.Fatal("declined")
	}
	want, err := format.Source([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("differs:\n%s", outdir.UnifiedDiff("gofmt", "fast", string(want), string(got)))
	}
}

// TestFastFormatDeclines: what docgen never writes goes to go/format.
func TestFastFormatDeclines(t *testing.T) {
	for _, src := range []string{
		"package p\n\nfunc f() {\nx := a + b\n}\n",                            // an operator it does not know
		"package p\n\nvar m map[string]int\n",                                 // a keyword it does not know
		"package p\n\nvar x = 1 // trailing comment\n",                        // a comment after code
		"package p\n\n//go:generate docgen\nfunc f() {\n}\n",                  // a directive in a doc comment
		"package p\n\nfunc f() {\n\nreturn\n}\n",                              // a blank line in a body
		"package p\n\nfunc f() {\ng(a,\nb)\n}\n",                              // a call over several lines
		"package p\n\nfunc f() {\n// lone\n}\n",                               // a comment before a closing brace
		"package p\n\nimport (\n\"unsafe\"\n\"fmt\"\n)\n",                     // imports gofmt would sort
		"package p\n\n/* block */\nfunc f() {\n}\n",                           // a block comment
		"package p\n\nfunc f() {\n}\n// dangling\n\nfunc g() {\n}\n",          // a comment documenting nothing
		"package p\n\nvar s = \"unterminated\n",                               // a broken literal
		"package p\n\nvar x = T{A: 1,\n}\n",                                   // a literal opened mid-line
		"package p\n\ntype T struct{\nA, B int\n}\n",                          // a field list
		"package p\n\nvar v = T {\n" + strings.Repeat("K", 41) + " : 1,\n}\n", // a key too long to align simply
		"package type\n", // a keyword for a package name
		"package p\n\ntype T struct{\nfunc int `json:\"a\"`\n}\n", // a keyword for a field name
		"package p\n\nconst (\n1x T = \"a\"\n)\n",                 // a name starting with a digit
		"package p\n\n// a\x00b\ntype T int\n",                    // NUL, which go/scanner rejects
		"package p\n\n// a\xffb\ntype T int\n",                    // invalid UTF-8
		"package p\n\n// a\rb\ntype T int\n",                      // a carriage return, dropped from comments
		"package p\n\n// a\ufeffb\ntype T int\n",                  // a byte order mark
	} {
		if out, ok := fastFormat([]byte(src)); ok {
			t.Errorf("took %q, giving:\n%s", src, out)
		}
	}
}

// FuzzFastFormat: for any page, every file docgen generates from it is
// formatted by fastFormat exactly as go/format formats it, or declined;
// and its direct items are the bytes jennifer prints for them.
func FuzzFastFormat(f *testing.F) {
	for _, name := range []string{enFixture, esFixture} {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(raw))
	}
	for _, dir := range []string{casesDir, "../testdata/cases/parser"} {
		archives, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
		for _, file := range archives {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				f.Fatal(err)
			}
			for _, p := range ar.Files {
				if strings.HasSuffix(p.Name, ".md") {
					f.Add(string(p.Data))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, page string) {
		schema := resolvePages([][2]string{{"page.md", page}})
		files, err := generateFiles(schema, Options{Package: "graph"}, true)
		if err != nil {
			return
		}
		compareFastFormat(t, files, false)
		directVsJennifer(t, schema, Options{Package: "graph"})
	})
}
