package main

import (
	"github.com/graphdocgen/docgen/internal/gcpace"
	"github.com/graphdocgen/docgen/internal/hugepages"
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
	// heapAdvice is the heap growth advised for huge pages: several times
	// a corpus run's peak (30 MB) and the 100,000-row page's (270 MiB).
	// It is address space; what a run does not use costs nothing.
	heapAdvice = 512 << 20
	// heapBudget is the heap a large run may grow to before it collects:
	// the corpus's live heap is 10 MB or less, and GOGC=100 collected it 20
	// times; with the budget it collects twice, about 15% faster, at
	// a peak RSS of about 60 MB instead of 35. A live heap of half the
	// budget or more is collected as GOGC=100 would (the 100,000-row
	// page, hostile pages).
	heapBudget = 64 << 20
)

// tuneLargeRun backs a large run's heap with huge pages and, where it has
// them, paces its collector by heapBudget; once a process. The budget
// needs the huge pages: growing the heap to it in 4 KiB pages costs more
// faults than the collections it saves (the corpus under
// GODEBUG=disablethp=1, five alternated runs: 16,200-17,400 faults and
// 0.28 s with the budget, 6,100-7,000 and 0.22-0.24 s without).
func tuneLargeRun(pages, inputBytes int) {
	if pages < manyPages && inputBytes < bigInput {
		return
	}
	advisable := hugepages.Advisable(heapAdvice)
	if advisable || hugepages.Always() {
		// Before the reservation: the budget's first estimate of the live
		// heap would count it (a needless collection at 4 MB followed).
		gcpace.Budget(heapBudget)
	}
	if advisable {
		hugepages.Advise(heapAdvice)
	}
}

func inputBytes(read []parser.Read) int {
	n := 0
	for _, r := range read {
		n += len(r.Bytes)
	}
	return n
}
