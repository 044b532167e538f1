// Package hugepages asks Linux to back the Go heap with transparent huge
// pages where the system leaves that choice to each program (THP mode
// "madvise", the default of many distributions and of this project's
// machines).
//
// A run's heap is fresh memory, and every 4 KiB page of it costs a page
// fault when first touched: on a virtual machine, a few microseconds each.
// docgen's run over the v1.0 corpus took about 7,700 faults, the
// 100,000-row page about 67,000; with 2 MiB pages they take 2,300-3,400
// (docs/performance.md). The Go runtime does not advise its heap itself
// (Go 1.21 did, briefly), so docgen does it once, at start-up.
package hugepages

import "sync/atomic"

// Advise reserves size bytes of fresh heap, marks them MADV_HUGEPAGE and
// hands them back (the collection their size starts at once frees them),
// so that the next size bytes the heap grows by are backed by huge pages
// where the kernel has them. The reservation is address space only:
// nothing is touched, and memory the run never uses costs nothing.
//
// Call it first thing: memory the heap has already used and freed would
// be cleared byte by byte, so it acts once in a process and later calls do
// nothing. It reports whether it advised anything; it does nothing where
// it could not pay or could hurt: outside Linux, on 32-bit, unless THP is
// "madvise" (with "always" the heap has huge pages already), with
// GODEBUG=disablethp=1 or GOGC=off, with a Go memory limit, an
// address-space limit or strict overcommit (a large reservation could
// then fail).
func Advise(size int) bool {
	return once.CompareAndSwap(false, true) && advise(size)
}

var once atomic.Bool

// Advisable reports whether Advise(size) would advise here (unless
// GOGC=off, which Advise finds out itself), without doing it.
func Advisable(size int) bool { return !once.Load() && advisable(size) }

// Always reports whether the system backs every program's heap with huge
// pages already (THP mode "always"), where Advise has nothing to do.
func Always() bool { return always() }
