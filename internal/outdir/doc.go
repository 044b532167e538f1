// Package outdir owns docgen's output directory: it stages, journals,
// locks and commits generated files so that a directory holds either its
// previous output or the whole new one, removes orphaned docgen files, and
// compares a directory with what a run would write (the drift check).
// It knows nothing about Go or markdown: a file is a name and bytes.
package outdir

// File is one output file: a base name inside the directory and its bytes.
type File struct {
	Name    string
	Content []byte
}
