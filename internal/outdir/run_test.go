package outdir

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRunRecordInSync: a record is found only under its own key and only while
// it parses; InSync holds only for exactly the recorded files.
func TestRunRecordInSync(t *testing.T) {
	t.Setenv("DOCGEN_CACHE", t.TempDir())
	dir := t.TempDir()
	files := []File{{Name: "a_gen.go", Content: []byte(headerPrefix + " a\n")}, {Name: "b_gen.go", Content: []byte(headerPrefix + " b\n")}}
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	k := NewKeyWriter()
	k.AddString("input")
	key := k.Sum()
	if err := SaveRun(dir, &Run{Key: key, Files: RunFiles(files)}); err != nil {
		t.Fatal(err)
	}
	other := NewKeyWriter()
	other.AddString("inpu")
	other.AddString("t")
	if other.Sum() == key {
		t.Fatal("parts are not delimited: \"inpu\"+\"t\" hashes as \"input\"")
	}
	if LoadRun(dir, other.Sum()) != nil {
		t.Error("a record was found under another key")
	}
	rec := LoadRun(dir, key)
	if !rec.InSync(dir) {
		t.Fatal("the directory as written is not in sync with its record")
	}

	// A file that is not a docgen file may sit beside the output.
	if err := os.WriteFile(filepath.Join(dir, "doc.go"), []byte("package x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !rec.InSync(dir) {
		t.Error("a hand-written file made the output count as out of sync")
	}
	stage := filepath.Join(dir, stagingPrefix+"x")
	if err := os.Mkdir(stage, 0o755); err != nil {
		t.Fatal(err)
	}
	if rec.InSync(dir) {
		t.Error("in sync with a killed run's staging directory left in place")
	}
	os.Remove(stage)
	rec.Extra = RunFile{Name: filepath.Join(dir, "missing.json")}
	if rec.InSync(dir) {
		t.Error("in sync with a missing extra file")
	}
	rec.Extra = RunFile{}

	if err := os.WriteFile(runPath(dir), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if LoadRun(dir, key) != nil {
		t.Error("a corrupt record was used")
	}
	if err := SaveRun(dir, &Run{Key: key, Files: []RunFile{{Name: "../escape.go"}}}); err != nil {
		t.Fatal(err)
	}
	if LoadRun(dir, key) != nil {
		t.Error("a record naming a path outside the directory was used")
	}
	var nilRun *Run
	if nilRun.InSync(dir) {
		t.Error("no record is in sync")
	}
}
