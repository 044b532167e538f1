// Package gcpace paces the garbage collector of a short-lived process
// by a heap budget instead of by GOGC alone.
//
// With GOGC=100 a run collects each time its heap doubles: a run whose
// live heap is 10 MB collects every 10 MB it allocates, 20 times a corpus run,
// each collection costing marking, sweeping and write barriers on both
// cores. Budget raises GOGC after each collection so that the next heap
// goal is the budget when the live heap is small, and leaves GOGC at 100
// when the live heap is large enough that GOGC=100 already allows the
// budget: a small run collects a few times, a large one (the 100,000-row
// page) peaks where it did.
package gcpace

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// maxPercent bounds GOGC: a live heap that is nearly nothing (start-up)
// would otherwise ask for an unbounded multiple.
const maxPercent = 1000

// Budget makes the heap goal after each collection at least budget bytes,
// through GOGC, from 100 (the default) up to maxPercent. It does nothing
// where GOGC is set otherwise (off, or not 100) or a memory limit is set:
// the user chose the pacing. It acts once in a process.
func Budget(budget uint64) bool {
	if !once.CompareAndSwap(false, true) || budget == 0 {
		return false
	}
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return false
	}
	if p := debug.SetGCPercent(100); p != 100 {
		debug.SetGCPercent(p)
		return false
	}
	p := &pacer{budget: budget, percent: 100}
	p.adjust()
	p.arm()
	return true
}

var once atomic.Bool

type pacer struct {
	budget  uint64
	percent int              // the GOGC last set
	goal    []metrics.Sample // the heap goal the last collection set
}

// arm sets a finalizer on a new object: it runs after the next collection
// that finds the object unreachable, which is the next one, and arms
// again.
func (p *pacer) arm() {
	runtime.SetFinalizer(new(sentinel), func(*sentinel) {
		p.adjust()
		p.arm()
	})
}

type sentinel struct{ _ [16]byte } // not tiny: tiny objects are batched and may not be collected

func (p *pacer) adjust() {
	// The heap goal the collection just set is its marked (live) heap
	// times 1+GOGC/100, or more for a tiny heap (the runtime's minimum
	// goal), so this over-estimates the live heap, if anything. The heap
	// in use would race with the sweep, which goes on while finalizers
	// run. runtime/metrics reads the goal without stopping the world:
	// ReadMemStats, which does, took about 2 ms at start-up (Go 1.26,
	// the corpus run), on one core before any page is read; the first
	// metrics.Read takes about 0.15 ms, later ones under a microsecond.
	if p.goal == nil {
		p.goal = []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	}
	metrics.Read(p.goal)
	var goal uint64
	if p.goal[0].Value.Kind() == metrics.KindUint64 {
		goal = p.goal[0].Value.Uint64()
	}
	live := goal * 100 / uint64(100+p.percent)
	percent := maxPercent
	if live > 0 && p.budget/live < maxPercent/100+1 {
		percent = int(p.budget*100/live) - 100
	}
	percent = max(100, percent)
	debug.SetGCPercent(percent)
	p.percent = percent
	if f := adjusted.Load(); f != nil {
		(*f)(live, percent)
	}
}

// adjusted, when set (by tests), is told each GOGC set, on the finalizer
// goroutine.
var adjusted atomic.Pointer[func(live uint64, percent int)]
