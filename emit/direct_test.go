package emit

import (
	"bytes"
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
	g := &generator{}
	if _, ok := g.goTypeText(model.FieldType{Primitive: "Edm.Untyped"}); ok {
		t.Error("json.RawMessage, of a package the item cannot import, was written directly")
	}
	if got, _ := constText([]string{"// already a comment", "text"}, "EA", "E", `a"b`); got != "// already a comment\n// text\nEA E = \"a\\\"b\"" {
		t.Errorf("constText = %q", got)
	}
}
