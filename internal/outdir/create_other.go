//go:build !unix

package outdir

import "os"

func createFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

func renameFile(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
