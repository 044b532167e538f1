package gcpace

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestBudget follows GOGC through collections: high while the live heap
// is small, 100 once it is large, high again when it shrinks.
func TestBudget(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: Budget leaves the pacing alone")
	}
	if once.Load() {
		t.Skip("Budget acts once a process, and it has acted (an earlier -count round)")
	}
	type step struct {
		live    uint64
		percent int
	}
	steps := make(chan step, 100)
	record := func(live uint64, percent int) {
		select {
		case steps <- step{live, percent}:
		default: // never block the finalizer goroutine
		}
	}
	adjusted.Store(&record)
	defer func() { adjusted.Store(nil); debug.SetGCPercent(100) }()

	const budget = 64 << 20
	if !Budget(budget) {
		t.Fatal("Budget = false with neither GOGC nor a memory limit set")
	}
	if Budget(budget) {
		t.Error("a second Budget = true")
	}
	// until collects until an adjustment after a collection satisfies
	// want: a finalizer of an earlier cycle may still report what that
	// cycle saw.
	until := func(what string, want func(step) bool) {
		t.Helper()
		var last step
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			runtime.GC()
			select {
			case last = <-steps:
				if want(last) {
					return
				}
			case <-time.After(20 * time.Millisecond):
			}
		}
		t.Fatalf("%s: after 10 s of collections the last GOGC set was %d, for %d bytes live", what, last.percent, last.live)
	}

	until("small live heap, want GOGC over 100", func(s step) bool { return s.percent > 100 })
	big := make([]byte, budget) // live, not touched
	until("live heap past the budget, want GOGC 100", func(s step) bool { return s.percent == 100 && s.live >= budget })
	runtime.KeepAlive(big)
	big = nil
	until("live heap shrunk again, want GOGC over 100", func(s step) bool { return s.percent > 100 && s.live < budget/2 })
}
