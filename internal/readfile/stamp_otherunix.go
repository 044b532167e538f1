//go:build unix && !linux

package readfile

import "syscall"

// StampsKept: files have no stamps here.
const StampsKept = false

// stampOf is empty where docgen does not rely on the change time.
func stampOf(st *syscall.Stat_t) string { return "" }

func stamp(path string) string { return "" }
