package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// TestRunTellsHeapSize pins what main's heap tuning is told: the
// number of pages before they are read (generation and lint), and their
// size once read (generation), and nothing on a replayed run.
func TestRunTellsHeapSize(t *testing.T) {
	t.Setenv("DOCGEN_CACHE", t.TempDir())
	var mu sync.Mutex // pages read as they are parsed are told from the workers
	var calls [][2]int
	adviseHeap = func(pages, inputBytes int) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, [2]int{pages, inputBytes})
	}
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

	// Many pages, parsed as they are read: the bytes read so far, once a
	// page, ending at the whole input.
	calls = nil
	shapes, err := filepath.Glob(filepath.Join(shapesPages, "*.md"))
	if err != nil || len(shapes) < 2 {
		t.Fatalf("no fixture pages in %s: %v", shapesPages, err)
	}
	shapesSize := 0
	for _, f := range shapes {
		info, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		shapesSize += int(info.Size())
	}
	if code := run([]string{"-q", "-out", filepath.Join(t.TempDir(), "shapes"), shapesPages}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("docgen on the shapes pages: exit %d", code)
	}
	if len(calls) != 1+len(shapes) || calls[0] != [2]int{len(shapes), 0} {
		t.Fatalf("generation over %d pages told %v, want the page count, then one size a page", len(shapes), calls)
	}
	most := 0
	for _, c := range calls[1:] {
		if c[0] != 0 || c[1] <= 0 {
			t.Errorf("a page read told %v, want {0, bytes so far}", c)
		}
		most = max(most, c[1])
	}
	if most != shapesSize {
		t.Errorf("the bytes told reach %d, want the input's %d", most, shapesSize)
	}

	calls = nil
	run([]string{"lint", enPages}, io.Discard, io.Discard)
	if want := [][2]int{{len(files), 0}}; !slices.Equal(calls, want) {
		t.Errorf("lint told %v, want %v", calls, want)
	}
}
