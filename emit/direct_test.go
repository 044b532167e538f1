package emit

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
)

// directVsJennifer renders s with the direct items and with jennifer's
// statements, and fails on the first file that differs. It returns how
// many files were compared.
func directVsJennifer(t *testing.T, s *model.Schema, opts Options) int {
	t.Helper()
	t.Cleanup(func() { directItems.Store(true) })
	directItems.Store(false)
	want, wantErr := generateFiles(s, opts, true)
	directItems.Store(true)
	got, gotErr := generateFiles(s, opts, true)
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("jennifer: %v; direct: %v", wantErr, gotErr)
	}
	if len(want) != len(got) {
		t.Fatalf("%d files from jennifer, %d direct", len(want), len(got))
	}
	for i := range want {
		if want[i].Name != got[i].Name || !bytes.Equal(want[i].Content, got[i].Content) {
			t.Fatalf("%s differs:\n%s", want[i].Name, limitLines(outdir.UnifiedDiff("jennifer", "direct", string(want[i].Content), string(got[i].Content)), 40))
		}
	}
	return len(want)
}

// TestDirectItemsMatchJennifer: the fields, table entries and enum
// constants docgen writes itself are the bytes jennifer prints for them, in
// every file of the golden cases and fixtures (both languages), resources
// of thousands of properties (rendered in chunks) and the v1.0 corpus.
func TestDirectItemsMatchJennifer(t *testing.T) {
	declined := declinedFills.Load()
	t.Cleanup(func() {
		if n := declinedFills.Load() - declined; n != 0 {
			t.Errorf("%d files or chunks had their direct items written inline: fill declined their markers", n)
		}
	})
	t.Run("cases", func(t *testing.T) {
		n := 0
		for _, pages := range casePages(t) {
			for _, localized := range []bool{false, true} {
				n += directVsJennifer(t, resolvePages(pages), Options{Package: "graph", Localized: localized})
			}
		}
		if n < 50 {
			t.Errorf("only %d files compared", n)
		}
	})
	t.Run("wide", func(t *testing.T) {
		for _, described := range []bool{true, false} {
			directVsJennifer(t, wideSchema(t, 2500, described), Options{Package: "graph"})
		}
	})
	t.Run("corpus", func(t *testing.T) {
		s, _ := corpusSchema(t, "renders the corpus both ways")
		if n := directVsJennifer(t, s, Options{Package: "graph"}); n < 1000 {
			t.Errorf("only %d files compared", n)
		}
	})
}

// TestDirectItemsDecline: what a direct item cannot write as jennifer does
// is left to jennifer.
func TestDirectItemsDecline(t *testing.T) {
	if _, ok := constText([]string{"two\nlines"}, "EA", "E", "a"); ok {
		t.Error("a comment line holding a line break was written directly")
	}
	if _, ok := commentText([]string{"one", "two\nlines"}); ok {
		t.Error("a comment run with a line break in a line was written directly")
	}
	if got, _ := commentText([]string{"a", "", "b"}); got != "// a\n// \n// b" {
		t.Errorf("commentText = %q", got)
	}
	fld := &model.Field{Name: "data", Type: model.FieldType{Primitive: "Edm.Untyped", Collection: true}}
	g := &generator{fields: map[*model.Field]string{fld: "Data"}}
	if text, imp, ok := g.fieldText(nil, fld); text != "Data graphrt.Opt [[] json.RawMessage] `json:\"data\"`" || imp != "encoding/json" || !ok {
		t.Errorf("fieldText(raw JSON collection) = %q, %q, %v", text, imp, ok)
	}
	if (&file{}).takes("encoding/json") || !(&file{}).takes("") || !newFile("graph", true).takes("encoding/json") {
		t.Error("a file without markers takes an item that names a package it cannot import, or a file refuses one")
	}
	if got, _ := constText([]string{"// already a comment", "text"}, "EA", "E", `a"b`); got != "// already a comment\n// text\nEA E = \"a\\\"b\"" {
		t.Errorf("constText = %q", got)
	}
}

// TestFillRefusesOtherMarkers: fill takes the markers 0 to n-1, once each
// and in order, and nothing else that starts with the marker byte.
func TestFillRefusesOtherMarkers(t *testing.T) {
	d := &directs{texts: []string{"A", "B"}}
	var dst bytes.Buffer
	if !d.fill(&dst, []byte("x\x010\x01y\x011\x01z")) || dst.String() != "xAyBz" {
		t.Fatalf("fill = %q", dst.String())
	}
	for _, src := range []string{
		"\x011\x01\x010\x01",          // out of order
		"\x010\x01",                   // one missing
		"\x010\x01\x011\x01\x012\x01", // one too many
		"\x010\x01\x010\x01\x011\x01", // twice
		"\x010\x01 \x01 \x011\x01",    // a stray byte
		"\x010\x01\x011\x01\x01",      // a stray byte at the end
		"\x0100\x01\x011\x01",         // not as fill writes them
		"\x01\x01\x010\x01\x011\x01",
	} {
		if d.fill(&dst, []byte(src)) {
			t.Errorf("fill took %q", src)
		}
	}
}

// TestWithImports: the import a direct item needs joins jennifer's import
// block as jennifer would have written it.
func TestWithImports(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"package p\n\nvar x\n", "package p\n\nimport \"encoding/json\"\n\nvar x\n"},
		{"package p\n\nimport \"unsafe\"\n\nvar x\n", "package p\n\nimport (\n\"encoding/json\"\n\"unsafe\"\n)\n\nvar x\n"},
		{"// c\n\npackage p\n\nimport (\n\"encoding/json\"\n\"unsafe\"\n)\n\nvar x\n", "// c\n\npackage p\n\nimport (\n\"encoding/json\"\n\"unsafe\"\n)\n\nvar x\n"},
	} {
		got, ok := withImports([]byte(tc.in), []string{"encoding/json"})
		if !ok || string(got) != tc.want {
			t.Errorf("withImports(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// TestDirectItemsStrayMarkerByte: a page can put the marker byte in a
// description; the file is then written with its items inline, as jennifer
// writes it, in a small file and in chunks.
func TestDirectItemsStrayMarkerByte(t *testing.T) {
	before := declinedFills.Load()
	var sb strings.Builder
	sb.WriteString("# odd resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for i := range 2100 { // chunked from chunkAbove properties on
		fmt.Fprintf(&sb, "| p%d | String | Part \x01%d\x01 of \x01 it. |\n", i, i%3)
	}
	sb.WriteString("\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.odd\" } -->\n\n```json\n{}\n```\n")
	for _, rows := range []int{3, 2100} {
		text := sb.String()
		if rows < 2100 {
			lines := strings.SplitAfter(text, "\n")
			text = strings.Join(lines[:6+rows], "") + strings.Join(lines[len(lines)-8:], "")
		}
		s := resolvePages([][2]string{{"odd.md", text}})
		if len(s.Types) != 1 || len(s.Types[0].Fields) != rows || !strings.Contains(s.Types[0].Fields[0].Description.English, "\x01") {
			t.Fatalf("the page did not parse as expected: %d types", len(s.Types))
		}
		directVsJennifer(t, s, Options{Package: "graph"})
	}
	if declinedFills.Load() == before {
		t.Error("no fill declined a stray marker byte")
	}
	// The byte in a page's directory: every file's header names it, the
	// registry's among them.
	before = declinedFills.Load()
	directVsJennifer(t, resolvePages([][2]string{{"od\x01d/thing.md", "# thing resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The key. |\n\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.thing\" } -->\n\n```json\n{}\n```\n"}}), Options{Package: "graph"})
	if n := declinedFills.Load() - before; n < 2 {
		t.Errorf("%d fills declined a directory's stray marker byte; want the page's and the registry's", n)
	}
}

// TestItemTag: itemText.tag writes what tagText gives.
func TestItemTag(t *testing.T) {
	for _, v := range []string{"", "a", "a`b", "é", "\ufeff", "\x7f", "tab\t", "nl\n", "\xff", `q"q`, `back\slash`, "\u2028", "\x00"} {
		it := newItemText()
		it.tag("json", v)
		got, _ := it.done()
		if want := tagText("json", v); got != want {
			t.Errorf("tag(json, %q) = %s, tagText %s", v, got, want)
		}
	}
}

// TestLayoutMatchesJennifer: a file kept as a layout renders the bytes
// jennifer's tree of the same parts renders, and a statement only jennifer
// writes builds that tree first, the parts before it in place.
func TestLayoutMatchesJennifer(t *testing.T) {
	comments := []string{"plain", "", "// already one", "/* a block */", "two\nlines", "ends\n"}
	build := func(f *file, withFunc bool) {
		f.HeaderComment("Code generated by a test. DO NOT EDIT.")
		f.HeaderComment("second header")
		f.PackageComment("Package p is a test.")
		f.ImportName(RuntimePath, "graphrt")
		for _, c := range comments {
			f.Comment(c)
		}
		f.addItem("type A struct{\nX int\n}")
		f.Line()
		f.addItem("var b = graphrt.X", RuntimePath)
		if withFunc {
			f.Func().Id("F").Params().Block()
			f.Comment("after")
			f.addItem("var c = 3")
			f.Line()
		}
	}
	for _, withFunc := range []bool{false, true} {
		lazy := newFile("p", true)
		build(lazy, withFunc)
		if (lazy.layout != nil) == withFunc {
			t.Fatalf("withFunc=%v: layout kept %v", withFunc, lazy.layout != nil)
		}
		got, err := lazy.rawSource(new(bytes.Buffer))
		if err != nil {
			t.Fatal(err)
		}
		// The same parts straight into jennifer's tree, as before layouts.
		tree := newFile("p", true)
		tree.materialize()
		build(tree, withFunc)
		want, err := rawSource(tree.File, new(bytes.Buffer))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("withFunc=%v:\n%s", withFunc, outdir.UnifiedDiff("jennifer", "layout", string(want), string(got)))
		}
		if !bytes.Contains(got, []byte("\x010\x01")) || !bytes.Contains(got, []byte("\x011\x01")) {
			t.Errorf("withFunc=%v: the items' markers are missing:\n%q", withFunc, got)
		}
	}
}
