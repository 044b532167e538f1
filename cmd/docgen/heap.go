package main

import (
	"github.com/graphdocgen/docgen/internal/hugepages"
	"github.com/graphdocgen/docgen/parser"
)

// adviseHeap is told how large the input is: the number of pages before
// they are read, then (when the run will parse them) their bytes. main
// sets it to adviseHugePages; tests leave it nil, since Advise is for a
// process's fresh heap, not a test binary's.
var adviseHeap func(pages, inputBytes int)

// A run asks for huge pages from manyPages pages or bigInput bytes on.
// Below that, clearing whole 2 MiB pages and the early collection that
// frees the reservation cost about what the page faults they save do
// (docs/performance.md: 11 alternated runs each, medians, +1.4 ms for one
// page, +1.9 ms for 16 corpus pages, -2.6 ms for 64, -1.2 ms for 256, and
// 15-20% less for the whole corpus).
const (
	manyPages = 64
	bigInput  = 256 << 10
	// heapAdvice is the heap growth advised: several times a corpus run's
	// peak (30 MB) and the 100,000-row page's (270 MiB). It is address
	// space; what a run does not use costs nothing.
	heapAdvice = 512 << 20
)

func adviseHugePages(pages, inputBytes int) {
	if pages >= manyPages || inputBytes >= bigInput {
		hugepages.Advise(heapAdvice) // once a process
	}
}

func inputBytes(read []parser.Read) int {
	n := 0
	for _, r := range read {
		n += len(r.Bytes)
	}
	return n
}
