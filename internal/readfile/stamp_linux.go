package readfile

import (
	"fmt"
	"syscall"
)

// StampsKept: files have stamps here.
const StampsKept = true

// stampOf names the state of a regular file: device, inode, size,
// modification and change times. Any write or rename changes it (the
// change time cannot be set back), as git's index relies on.
func stampOf(st *syscall.Stat_t) string {
	return fmt.Sprintf("%d:%d:%d:%d.%09d:%d.%09d", st.Dev, st.Ino, st.Size, st.Mtim.Sec, st.Mtim.Nsec, st.Ctim.Sec, st.Ctim.Nsec)
}

func stamp(path string) string {
	var st syscall.Stat_t
	if syscall.Stat(path, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return ""
	}
	return stampOf(&st)
}
