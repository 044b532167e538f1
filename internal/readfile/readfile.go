// Package readfile reads whole files, as os.ReadFile does, in fewer system
// calls where the platform allows: a warm docgen run reads every page and
// every generated file, some 2,400 small files, and os.Open alone makes
// three or four calls per file to set up a poller that a regular file
// never uses.
package readfile

import (
	"io"
	"os"
	"slices"
)

// Read returns the content of the file at path, but no more than limit
// bytes when limit >= 0. Errors are *fs.PathError, worded as os.ReadFile's.
func Read(path string, limit int) ([]byte, error) { return read(path, limit) }

// ReadStamped is Read, with the stamp of the file read (Stamp), or "" where
// stamps are not kept (outside Linux) or the file is not regular.
func ReadStamped(path string, limit int) ([]byte, string, error) { return readStamped(path, limit) }

// Stamp names the state of the regular file at path (device, inode, size,
// modification and change times, on Linux): a file whose stamp is the one
// it had when it was read still holds what was read. "" when unknown,
// which matches nothing.
func Stamp(path string) string { return stamp(path) }

// portable is Read with the os package.
func portable(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 512
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = sizeFor(info.Size(), limit)
	}
	return fill(make([]byte, 0, size), limit, f.Read)
}

// sizeFor is the buffer for a file of n bytes: one more, for the read
// that finds the end, so that a regular file takes one read.
func sizeFor(n int64, limit int) int {
	if limit >= 0 && n > int64(limit) {
		n = int64(limit)
	}
	return int(n) + 1
}

// fill reads into buf until the end of the file or limit bytes.
func fill(buf []byte, limit int, read func([]byte) (int, error)) ([]byte, error) {
	for limit < 0 || len(buf) < limit {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, max(cap(buf), 512))
		}
		end := cap(buf)
		if limit >= 0 {
			end = min(end, limit)
		}
		n, err := read(buf[len(buf):end])
		buf = buf[:len(buf)+n]
		if err == io.EOF || err == nil && n == 0 {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}
