package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestExeID: the executable's identity is the hash of its bytes, kept
// under its stamp and read back while the stamp holds; a write to the
// file (even of the same size) gives another stamp, so the new bytes are
// hashed.
func TestExeID(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	exe := filepath.Join(dir, "docgen")
	write := func(content string) string {
		t.Helper()
		if err := os.WriteFile(exe, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(content))
		return "exe-sha256:" + hex.EncodeToString(sum[:])
	}
	want := write("build one")
	if got := exeID(exe, cache, true); got != want {
		t.Fatalf("exeID = %q, want %q", got, want)
	}
	if got := exeID(exe, "", true); got != want {
		t.Fatalf("without a cache: exeID = %q, want %q", got, want)
	}
	unkept := t.TempDir()
	if got := exeID(exe, unkept, false); got != want {
		t.Fatalf("without keeping: exeID = %q, want %q", got, want)
	}
	if entries, _ := os.ReadDir(unkept); len(entries) != 0 {
		t.Fatal("exeID kept an identity when told not to")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the stamp is kept on Linux only")
	}
	records, _ := filepath.Glob(filepath.Join(cache, "exe-*.id"))
	if len(records) != 1 {
		t.Fatalf("%d records kept, want 1", len(records))
	}
	// The record is what answers while the stamp holds: a record naming
	// another id (as if the file had been hashed before) is believed.
	b, _ := os.ReadFile(records[0])
	stamp, _, _ := strings.Cut(string(b), "\n")
	other := "exe-sha256:" + strings.Repeat("ab", 32)
	os.WriteFile(records[0], []byte(stamp+"\n"+other), 0o644)
	if got := exeID(exe, cache, true); got != other {
		t.Fatalf("the kept id was not used: %q", got)
	}
	// A write of the same size: a new stamp, so the bytes are hashed.
	want = write("build two")
	if got := exeID(exe, cache, true); got != want {
		t.Fatalf("after the file changed: exeID = %q, want %q", got, want)
	}
	if records := mustGlob(t, filepath.Join(cache, "exe-*.id")); len(records) != 1 {
		t.Fatalf("%d records after a rebuild, want the one replaced", len(records))
	}
	// Damaged records are ignored.
	for _, damaged := range []string{"", stamp, "other stamp\n" + want, stamp + "\nnot an id"} {
		for _, r := range mustGlob(t, filepath.Join(cache, "exe-*.id")) {
			os.WriteFile(r, []byte(damaged), 0o644)
		}
		if got := exeID(exe, cache, true); got != want {
			t.Fatalf("with the record %q: exeID = %q, want %q", damaged, got, want)
		}
	}
	if exeID(filepath.Join(dir, "missing"), cache, true) != "" {
		t.Error("a missing executable has an identity")
	}
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil || len(m) == 0 {
		t.Fatalf("nothing matches %s (%v)", pattern, err)
	}
	return m
}
