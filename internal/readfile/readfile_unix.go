//go:build unix

package readfile

import (
	"io"
	"io/fs"
	"syscall"
)

// read opens, sizes, reads and closes the file with one system call each
// (and a second read only when the file changed size, is not regular or
// read short).
func read(path string, limit int) ([]byte, error) {
	b, _, err := readStamped(path, limit)
	return b, err
}

func readStamped(path string, limit int) ([]byte, string, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, "", &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	size, known := 512, int64(-1)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG {
		size, known = sizeFor(st.Size, limit), st.Size
	}
	stamp := ""
	if known >= 0 {
		stamp = stampOf(&st)
	}
	total := int64(0)
	b, err := fill(make([]byte, 0, size), limit, func(b []byte) (int, error) {
		for {
			n, err := syscall.Read(fd, b)
			switch {
			case err == syscall.EINTR:
				continue
			case err != nil:
				return 0, &fs.PathError{Op: "read", Path: path, Err: err}
			case n == 0:
				return 0, io.EOF
			}
			total += int64(n)
			if total == known && n < len(b) {
				// All the bytes the file had when it was opened, and a
				// short read: its end, found without a second call.
				return n, io.EOF
			}
			return n, nil
		}
	})
	return b, stamp, err
}
