package hugepages

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestAdviseBacksTheHeap grows the heap after Advise the way a run does,
// by small objects, and requires that they land in memory advised for huge
// pages (the "hg" flag of their mapping) and that the reservation itself
// was handed back.
func TestAdviseBacksTheHeap(t *testing.T) {
	if !allowed() || system().page == 0 {
		t.Skip("transparent huge pages are not in madvise mode here, or a limit is set: Advise does nothing")
	}
	if once.Load() {
		t.Skip("Advise acts once a process, and it has acted (an earlier -count round)")
	}
	const size = 64 << 20
	if !Advisable(size) {
		t.Fatal("Advisable = false where huge pages are in madvise mode")
	}
	if !Advise(size) {
		t.Fatal("Advise = false where huge pages are in madvise mode")
	}
	if Advise(size) || Advisable(size) {
		t.Error("a second Advise or Advisable = true: a second reservation could reuse the first, cleared byte by byte")
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse >= size {
		t.Fatalf("HeapInuse = %d MiB after Advise and a collection: the reservation is still live", ms.HeapInuse>>20)
	}
	if ms.NextGC >= size {
		t.Fatalf("the next heap goal is %d MiB: the reservation was counted live", ms.NextGC>>20)
	}
	var objs []*[48]byte
	for range (16 << 20) / 48 {
		o := new([48]byte)
		o[0] = 1
		objs = append(objs, o)
	}
	last := uintptr(unsafe.Pointer(objs[len(objs)-1]))
	flags, hugeKB := mappingOf(t, last)
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap grew into a mapping without the huge-page advice: VmFlags %q", flags)
	}
	// Whether the kernel had 2 MiB pages to give depends on its memory's
	// fragmentation; logged, not required.
	t.Logf("mapping of the newest object: VmFlags %q, AnonHugePages %d kB", flags, hugeKB)
	runtime.KeepAlive(objs)
}

// mappingOf reads /proc/self/smaps for the mapping holding addr.
func mappingOf(t *testing.T, addr uintptr) (flags string, anonHugeKB int) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := addrRange(line); ok {
			if in {
				break
			}
			in = lo <= addr && addr < hi
			continue
		}
		if !in {
			continue
		}
		if v, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			anonHugeKB, _ = strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			flags = strings.TrimSpace(v)
		}
	}
	if !in && flags == "" {
		t.Fatalf("no mapping in /proc/self/smaps holds %#x", addr)
	}
	return flags, anonHugeKB
}

// addrRange parses a mapping's header line ("lo-hi perms ...").
func addrRange(line string) (lo, hi uintptr, ok bool) {
	r, _, found := strings.Cut(line, " ")
	a, b, dash := strings.Cut(r, "-")
	if !found || !dash {
		return 0, 0, false
	}
	l, err1 := strconv.ParseUint(a, 16, 64)
	h, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(l), uintptr(h), true
}

// TestAlways follows the system's setting.
func TestAlways(t *testing.T) {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		t.Skipf("no transparent huge page setting here: %v", err)
	}
	if want := strings.Contains(string(b), "[always]"); Always() != want {
		t.Errorf("Always() = %v with the setting %q", !want, strings.TrimSpace(string(b)))
	}
}
