//go:build !unix

package readfile

func read(path string, limit int) ([]byte, error) { return portable(path, limit) }

func readStamped(path string, limit int) ([]byte, string, error) {
	b, err := portable(path, limit)
	return b, "", err
}

func stamp(path string) string { return "" }

// StampsKept: files have no stamps here.
const StampsKept = false
