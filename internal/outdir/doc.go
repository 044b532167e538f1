// Package outdir owns docgen's output directory: it stages, journals,
// locks and commits generated files so that a directory holds either its
// previous output or the whole new one, removes orphaned docgen files, and
// compares a directory with what a run would write (the drift check).
// It knows nothing about Go or markdown: a file is a name and bytes.
//
// The API, all in terms of File:
//   - WriteContext (and Write) puts files in place and returns a Result:
//     which files were written and which orphans removed, and how many
//     were unchanged.
//   - Check writes nothing and returns a Drift: the names of the changed,
//     missing and orphaned files, as data, and the unified diff to show.
//   - StageFile prepares an output outside the directory (docgen's -model
//     file) beside its final path, to be renamed into place with Commit
//     after the directory's commit, or dropped with Discard.
//   - Recover and Interrupted deal with a commit a killed run left behind.
package outdir

// File is one output file: a base name inside the directory and its bytes.
type File struct {
	Name    string
	Content []byte
}
