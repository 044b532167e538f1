package emit

import (
	"bytes"
	"math"
	"testing"

	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
)

// TestSpliceMatchesWhole: rendering fields and table entries in chunks and
// splicing them gives the very source the whole tree gives: for resources
// of thousands of properties (described or not, chunks of several sizes,
// the last one short) and for the whole corpus with every resource cut
// into chunks of three. Chunks serve jennifer's statements (direct items
// off, or declined), since a direct declaration is one item of any size.
func TestSpliceMatchesWhole(t *testing.T) {
	savedAbove, savedSize := chunkAbove.Load(), chunkSize.Load()
	t.Cleanup(func() { chunkAbove.Store(savedAbove); chunkSize.Store(savedSize); directItems.Store(true) })
	directItems.Store(false)
	compare := func(t *testing.T, s *model.Schema, above, size int64) {
		t.Helper()
		chunkAbove.Store(math.MaxInt64)
		whole := rawFiles(t, s, Options{Package: "graph"})
		chunkAbove.Store(above)
		chunkSize.Store(size)
		before := splicedFiles.Load()
		chunked := rawFiles(t, s, Options{Package: "graph"})
		if splicedFiles.Load() == before {
			t.Fatal("no file was spliced")
		}
		if len(whole) != len(chunked) {
			t.Fatalf("%d files whole, %d in chunks", len(whole), len(chunked))
		}
		for i := range whole {
			if !bytes.Equal(whole[i].Content, chunked[i].Content) {
				t.Fatalf("%s differs when spliced:\n%s", whole[i].Name, limitLines(outdir.UnifiedDiff("whole", "spliced", string(whole[i].Content), string(chunked[i].Content)), 40))
			}
		}
	}
	t.Run("wide", func(t *testing.T) {
		for _, described := range []bool{true, false} {
			s := wideSchema(t, 2500, described)
			for _, size := range []int64{1, 7, 1000, 5000} {
				compare(t, s, 2000, size)
			}
		}
	})
	t.Run("corpus", func(t *testing.T) {
		s, _ := corpusSchema(t, "splices every resource of the corpus")
		compare(t, s, 1, 3)
	})
}

// TestSpliceDeclines: a marker found twice (a page's text could hold one)
// makes splice decline, and the page is rendered whole.
func TestSpliceDeclines(t *testing.T) {
	sp := &splicer{jobs: []spliceJob{{marker: "\x00m\x00", chunks: []chunk{{lines: []byte("x\n")}}}}}
	src := []byte("package p\n\nvar a = 1 // \x00m\x00\nvar b = 1 // \x00m\x00\n")
	if out, ok := sp.splice(src); ok {
		t.Errorf("spliced a source with the marker twice:\n%s", out)
	}
	one := []byte("package p\n\nimport \"unsafe\"\n\nvar a = 1\n// \x00m\x00\nvar b = 1\n")
	out, ok := sp.splice(one)
	if want := "package p\n\nimport \"unsafe\"\n\nvar a = 1\nx\nvar b = 1\n"; !ok || string(out) != want {
		t.Errorf("splice = %q, %v; want %q", out, ok, want)
	}
}
