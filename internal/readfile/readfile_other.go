//go:build !unix

package readfile

func read(path string, limit int) ([]byte, error) { return portable(path, limit) }
