//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package outdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// freshCommits is off where flock is missing: a fresh staging directory a
// killed run left could not be told from one in use.
const freshCommits = false

func lockFresh(string) (func(), bool) { return nil, false }

func lockStale(string) (func(), bool) { return nil, false }

// lockDir, where flock is missing, creates a lock file exclusively. A run
// killed while holding it leaves it behind: the error says which file to
// delete. Readers do not lock.
func lockDir(dir string, exclusive bool) (unlock func(), err error) {
	if !exclusive {
		return func() {}, nil
	}
	path := filepath.Join(dir, ".docgen.lock")
	deadline := time.Now().Add(LockTimeout)
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("locking %s: %w", dir, err)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("another docgen run is writing %s, or one died holding %s (waited %v; delete it if no run is active)", dir, path, LockTimeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
