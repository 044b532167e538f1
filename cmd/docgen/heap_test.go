package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestRunTellsHeapSize pins what main's heap tuning is told: the
// number of pages before they are read (generation and lint), and their
// size once read (generation), and nothing on a replayed run.
func TestRunTellsHeapSize(t *testing.T) {
	t.Setenv("DOCGEN_CACHE", t.TempDir())
	var calls [][2]int
	adviseHeap = func(pages, inputBytes int) { calls = append(calls, [2]int{pages, inputBytes}) }
	t.Cleanup(func() { adviseHeap = nil })

	files, err := filepath.Glob(filepath.Join(enPages, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture pages in %s: %v", enPages, err)
	}
	size := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		size += len(b)
	}
	out := filepath.Join(t.TempDir(), "en")
	if code := run([]string{"-q", "-out", out, "-pkg", "en", enPages}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("docgen: exit %d", code)
	}
	if want := [][2]int{{len(files), 0}, {0, size}}; !slices.Equal(calls, want) {
		t.Errorf("generation told %v, want %v", calls, want)
	}

	calls = nil
	if code := run([]string{"-q", "-out", out, "-pkg", "en", enPages}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("second docgen: exit %d", code)
	}
	if want := [][2]int{{len(files), 0}}; !slices.Equal(calls, want) {
		t.Errorf("a replayed run told %v, want %v (only the page count, before the pages are read)", calls, want)
	}

	calls = nil
	run([]string{"lint", enPages}, io.Discard, io.Discard)
	if want := [][2]int{{len(files), 0}}; !slices.Equal(calls, want) {
		t.Errorf("lint told %v, want %v", calls, want)
	}
}
