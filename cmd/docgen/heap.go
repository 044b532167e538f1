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
// Below that the collection Advise runs and the clearing of whole 2 MiB
// pages cost more than the page faults they save: about even at 256
// corpus pages (0.75 MB), 3 ms slower for 16 or 64, and for the whole
// corpus (6.4 MB) 15-20% faster (docs/performance.md).
const (
	manyPages = 256
	bigInput  = 1 << 20
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
