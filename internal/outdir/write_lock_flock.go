//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package outdir

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// freshCommits: the lock below tells a fresh staging directory in use
// from one a killed run left, so Begin may stage beside a dir that does
// not exist and commit with one rename (write.go).
const freshCommits = true

// lockDir takes an flock on the directory itself, exclusive for writing,
// shared for reading. The kernel drops it when the process dies, however
// it dies, and it leaves no file behind. It waits for another holder up
// to LockTimeout.
func lockDir(dir string, exclusive bool) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	deadline := time.Now().Add(LockTimeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil && !namesFile(dir, f) {
			// A fresh commit renamed another directory to dir while this
			// run waited: the lock to take is that directory's.
			f.Close()
			return lockDir(dir, exclusive)
		}
		if err == nil {
			return func() { unlockFile(f) }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", dir, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("another docgen run is writing %s (waited %v)", dir, LockTimeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// lockFresh locks a fresh staging directory just made, and reports false
// when removeStaleFresh of another run took it first.
func lockFresh(dir string) (unlock func(), ok bool) {
	f, ok := tryLock(dir)
	if !ok {
		return nil, false
	}
	if !namesFile(dir, f) {
		unlockFile(f)
		return nil, false
	}
	return func() { unlockFile(f) }, true
}

// lockStale locks a fresh staging directory unless its run still holds it.
func lockStale(dir string) (unlock func(), ok bool) {
	f, ok := tryLock(dir)
	if !ok {
		return nil, false
	}
	return func() { unlockFile(f) }, true
}

// tryLock takes an exclusive flock on dir unless another holds one.
func tryLock(dir string) (*os.File, bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		f.Close()
		return nil, false
	}
	return f, true
}

func unlockFile(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	f.Close()
}

// namesFile reports whether path still names the file f has open.
func namesFile(path string, f *os.File) bool {
	now, err := os.Stat(path)
	if err != nil {
		return false
	}
	locked, err := f.Stat()
	return err == nil && os.SameFile(now, locked)
}
