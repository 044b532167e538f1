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
	adjusted = func(live uint64, percent int) { steps <- step{live, percent} }
	defer func() { adjusted = nil; debug.SetGCPercent(100) }()

	const budget = 64 << 20
	if !Budget(budget) {
		t.Fatal("Budget = false with neither GOGC nor a memory limit set")
	}
	if Budget(budget) {
		t.Error("a second Budget = true")
	}
	// next collects until the pacer has adjusted after a collection.
	next := func() step {
		t.Helper()
		for len(steps) > 0 {
			<-steps
		}
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			runtime.GC()
			select {
			case s := <-steps:
				return s
			case <-time.After(20 * time.Millisecond):
			}
		}
		t.Fatal("no adjustment after collections for 10 s: the pacer is not re-armed")
		return step{}
	}

	if s := next(); s.percent <= 100 || s.live >= budget/2 {
		t.Errorf("small live heap: GOGC %d for %d bytes live, want more than 100", s.percent, s.live)
	}
	big := make([]byte, budget) // live, not touched
	if s := next(); s.percent != 100 {
		t.Errorf("live heap past the budget: GOGC %d for %d bytes live, want 100", s.percent, s.live)
	}
	runtime.KeepAlive(big)
	big = nil
	if s := next(); s.percent <= 100 {
		t.Errorf("after the live heap shrank: GOGC %d for %d bytes live, want more than 100", s.percent, s.live)
	}
}
