//go:build linux

package hugepages

import (
	"bytes"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

func advisable(size int) bool {
	page := system().page
	return allowed() && page > 0 && size >= 4*page
}

func advise(size int) bool {
	if !advisable(size) {
		return false
	}
	page := system().page
	// No collection may begin while the reservation exists: one that
	// marked it live would set the next heap goal at twice its size, and
	// the run would grow without collecting.
	gcPercent := debug.SetGCPercent(-1)
	if gcPercent < 0 { // GOGC=off: the reservation would never be freed
		return false
	}
	done := make(chan error)
	// The reservation lives on another goroutine's stack, gone when it
	// returns, so that no stale pointer of this one can keep it alive.
	go func() {
		b := make([]byte, size+page) // fresh from the kernel: not cleared, not touched
		skip := int(-uintptr(unsafe.Pointer(unsafe.SliceData(b))) & uintptr(page-1))
		done <- syscall.Madvise(b[skip:skip+size], syscall.MADV_HUGEPAGE)
	}()
	err := <-done
	// The next collection, which the reservation's size starts at once,
	// frees it; until then the heap grows from memory before it.
	debug.SetGCPercent(gcPercent)
	return err == nil
}

func always() bool { return system().mode == "always" }

// allowed says whether a large reservation is both useful and safe here.
func allowed() bool {
	if strconv.IntSize < 64 || system().mode != "madvise" || system().strictOvercommit {
		return false
	}
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return false
		}
	}
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return false
	}
	var lim syscall.Rlimit
	return syscall.Getrlimit(syscall.RLIMIT_AS, &lim) == nil && lim.Cur == math.MaxUint64
}

// system is what the kernel says, read once: the THP mode ("always",
// "madvise" or "never"), the size of a transparent huge page (2 MiB on
// amd64, 512 MiB on arm64 kernels with 64 KiB pages; 0 when unknown) and
// whether overcommit is strict.
var system = sync.OnceValue(func() (s struct {
	mode             string
	page             int
	strictOvercommit bool
}) {
	enabled := readSys("/sys/kernel/mm/transparent_hugepage/enabled")
	if i := bytes.IndexByte(enabled, '['); i >= 0 {
		if j := bytes.IndexByte(enabled[i:], ']'); j > 0 {
			s.mode = string(enabled[i+1 : i+j])
		}
	}
	n, err := strconv.Atoi(string(bytes.TrimSpace(readSys("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"))))
	if err == nil && n > 0 && n&(n-1) == 0 {
		s.page = n
	}
	s.strictOvercommit = string(bytes.TrimSpace(readSys("/proc/sys/vm/overcommit_memory"))) == "2"
	return s
})

func readSys(path string) []byte {
	b, _ := os.ReadFile(path)
	return b
}
