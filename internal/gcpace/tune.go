package gcpace

import "github.com/graphdocgen/docgen/internal/hugepages"

const (
	// heapAdvice is the heap growth advised for huge pages: several times
	// a corpus run's peak (30 MB) and the 100,000-row page's (270 MiB).
	// It is address space; what a run does not use costs nothing.
	heapAdvice = 512 << 20
	// heapBudget is the heap a large run may grow to before it collects:
	// the corpus's live heap is 10 MB or less, and GOGC=100 collected it 20
	// times; with the budget it collects twice, about 15% faster, at a peak
	// RSS of about 60 MB instead of 35. A live heap of half the budget or
	// more is collected as GOGC=100 would (the 100,000-row page, hostile
	// pages).
	heapBudget = 64 << 20
)

// TuneLargeRun is the heap tuning of a large run, docgen's and
// scripts/floor -tuned's: huge pages (internal/hugepages) and, where the
// heap has them, Budget(heapBudget); once a process. The budget needs the
// huge pages: growing the heap to it in 4 KiB pages costs more faults
// than the collections it saves (the corpus under GODEBUG=disablethp=1,
// five alternated runs: 16,200-17,400 faults and 0.28 s with the budget,
// 6,100-7,000 and 0.22-0.24 s without).
func TuneLargeRun() {
	advisable := hugepages.Advisable(heapAdvice)
	if advisable || hugepages.Always() {
		// Before the reservation: the budget's first estimate of the live
		// heap would count it (a needless collection at 4 MB followed).
		Budget(heapBudget)
	}
	if advisable {
		hugepages.Advise(heapAdvice)
	}
}
