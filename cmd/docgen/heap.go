package main

import (
	"github.com/graphdocgen/docgen/internal/gcpace"
	"github.com/graphdocgen/docgen/parser"
)

// adviseHeap is told how large the input is: the number of pages before
// they are read, then (when the run will parse them) their bytes. main
// sets it to tuneLargeRun; tests leave it nil: both tunings are for a
// process of its own, not for a test binary.
var adviseHeap func(pages, inputBytes int)

// A large run is one of manyPages pages or bigInput bytes or more. Below
// that, clearing whole 2 MiB pages and the early collection that frees
// the huge-page reservation cost about what the page faults they save do
// (docs/performance.md: 11 alternated runs each, medians, +1.4 ms for one
// page, +1.9 ms for 16 corpus pages, -2.6 ms for 64, -1.2 ms for 256, and
// 15-20% less for the whole corpus).
const (
	manyPages = 64
	bigInput  = 256 << 10
)

// tuneLargeRun tunes the heap of a large run (gcpace.TuneLargeRun).
func tuneLargeRun(pages, inputBytes int) {
	if pages >= manyPages || inputBytes >= bigInput {
		gcpace.TuneLargeRun()
	}
}

func inputBytes(read []parser.Read) int {
	n := 0
	for _, r := range read {
		n += len(r.Bytes)
	}
	return n
}
