package readfile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReadIsReadFile: Read and its portable form give os.ReadFile's bytes
// (cut at the limit) and os.ReadFile's errors, for files of every size
// around the buffer's, a directory, a missing file, and files whose
// stated size is not their length (/proc).
func TestReadIsReadFile(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, n := range []int{0, 1, 511, 512, 513, 4095, 4096, 100_001} {
		p := filepath.Join(dir, "f"+string(rune('a'+len(paths))))
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i*7 + n)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	paths = append(paths, "/proc/self/cmdline", "/proc/version", dir, filepath.Join(dir, "missing"))
	for _, p := range paths {
		want, wantErr := os.ReadFile(p)
		if _, err := os.Stat(p); err != nil && !os.IsNotExist(err) {
			continue // no /proc here
		} else if err != nil && p != filepath.Join(dir, "missing") {
			continue
		}
		for name, read := range map[string]func(string, int) ([]byte, error){"Read": Read, "portable": portable} {
			for _, limit := range []int{-1, 0, 1, len(want) - 1, len(want), len(want) + 1} {
				if limit < -1 {
					continue
				}
				got, err := read(p, limit)
				if limit == 0 && wantErr != nil && err == nil {
					continue // nothing to read, so a directory is not found out
				}
				if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
					t.Errorf("%s(%s, %d): error %v, want %v", name, p, limit, err, wantErr)
					continue
				}
				w := want
				if limit >= 0 && len(w) > limit {
					w = w[:limit]
				}
				if err == nil && !bytes.Equal(got, w) {
					t.Errorf("%s(%s, %d): %d bytes, want %d", name, p, limit, len(got), len(w))
				}
			}
		}
	}
}

// TestReadPipe: a file that is not regular (no size to go by) is read to
// its end.
func TestReadPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	want := bytes.Repeat([]byte("pipe "), 3000)
	go func() {
		w.Write(want)
		w.Close()
	}()
	path := "/proc/self/fd/" + itoa(int(r.Fd()))
	if _, err := os.Stat(path); err != nil {
		t.Skip("no /proc/self/fd here")
	}
	got, err := Read(path, -1)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("read %d bytes (%v), want %d", len(got), err, len(want))
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestStamp: a file read with ReadStamped keeps its stamp until it is
// written (even with bytes of the same size) or replaced; a directory or
// a missing file has none.
func TestStamp(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are kept on Linux only")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	os.WriteFile(path, []byte("one"), 0o644)
	b, stamp, err := ReadStamped(path, -1)
	if err != nil || string(b) != "one" || stamp == "" {
		t.Fatalf("ReadStamped = %q, %q, %v", b, stamp, err)
	}
	if Stamp(path) != stamp {
		t.Fatal("the stamp changed without a write")
	}
	os.WriteFile(path, []byte("two"), 0o644)
	if Stamp(path) == stamp {
		t.Error("a write of the same size kept the stamp")
	}
	_, stamp, _ = ReadStamped(path, -1)
	other := filepath.Join(dir, "g")
	os.WriteFile(other, []byte("two"), 0o644)
	os.Rename(other, path)
	if Stamp(path) == stamp {
		t.Error("a file replaced by a rename kept the stamp")
	}
	if Stamp(dir) != "" || Stamp(filepath.Join(dir, "missing")) != "" {
		t.Error("a directory or a missing file has a stamp")
	}
}
