package outdir

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Output safety: a write either leaves dir as it was or puts the whole new
// output in place, whatever stops it and whoever else writes dir.

// genFile is a file with docgen's header.
func genFile(name, body string) File {
	return File{Name: name, Content: []byte(headerPrefix + name + ".md. DO NOT EDIT.\n\npackage p\n" + body)}
}

func setTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if content == "<dir>" {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func treeDiff(want, got map[string]string) string {
	var out []string
	for k, v := range want {
		if w, ok := got[k]; !ok {
			out = append(out, "missing "+k)
		} else if v != w {
			out = append(out, "changed "+k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			out = append(out, "extra "+k)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// generations are an old and a new output: a changes, b goes (an
// orphan), c is new, and a hand-written file stays throughout.
func generations() (old, next []File, hand map[string]string) {
	old = []File{genFile("a_gen.go", "var A = 1\n"), genFile("b_gen.go", "var B = 1\n"), genFile("d_gen.go", "var D = 1\n")}
	next = []File{genFile("a_gen.go", "var A = 2\n"), genFile("c_gen.go", "var C = 2\n"), genFile("d_gen.go", "var D = 2\n")}
	hand = map[string]string{"doc.go": "package p\n"}
	return old, next, hand
}

// TestWriteCrashAnywhere: if the process died at any step of a write, the
// next run's Recover puts back the previous output exactly. The Step hook
// copies the directory as it stands at each step, which is what a SIGKILL
// there would leave; the test in cmd/docgen kills a real process.
func TestWriteCrashAnywhere(t *testing.T) {
	old, next, hand := generations()
	dir := t.TempDir()
	setTree(t, dir, hand)
	if _, err := Write(dir, old); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	var states []map[string]string
	var steps []string
	_, err := WriteContext(context.Background(), dir, next, WriteOptions{Step: func(phase string, i int) {
		steps = append(steps, fmt.Sprintf("%s %d", phase, i))
		states = append(states, snapshot(t, dir))
	}})
	if err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, dir)
	// Two changed files and one new are staged; three renames and a removal.
	if want := []string{"stage 0", "stage 1", "stage 2", "commit 0", "commit 1", "commit 2", "commit 3"}; !slices.Equal(steps, want) {
		t.Fatalf("steps %q, want %q", steps, want)
	}
	for i, state := range states {
		crashed := t.TempDir()
		setTree(t, crashed, state)
		if _, err := Recover(crashed); err != nil {
			t.Fatalf("%s: Recover: %v", steps[i], err)
		}
		if d := treeDiff(before, snapshot(t, crashed)); d != "" {
			t.Errorf("died at %s: Recover leaves\n%s", steps[i], d)
		}
		// The next write completes as if nothing had happened.
		if _, err := Write(crashed, next); err != nil {
			t.Fatal(err)
		}
		if d := treeDiff(after, snapshot(t, crashed)); d != "" {
			t.Errorf("died at %s, then wrote again:\n%s", steps[i], d)
		}
	}
	// Mid-commit states really are mixes: the rollback is what saves them.
	if mid := states[5]; mid["a_gen.go"] != string(next[0].Content) || mid["d_gen.go"] != string(old[2].Content) {
		t.Errorf("the state at commit 1 is not the expected mix: a=%q d=%q", mid["a_gen.go"], mid["d_gen.go"])
	}
}

// TestWriteCancelled: a cancelled context stops a write before its commit
// and leaves dir exactly as it was; once the commit has begun the write
// completes.
func TestWriteCancelled(t *testing.T) {
	old, next, hand := generations()
	for _, at := range []string{"stage 0", "stage 2"} {
		dir := t.TempDir()
		setTree(t, dir, hand)
		if _, err := Write(dir, old); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		ctx, cancel := context.WithCancel(context.Background())
		_, err := WriteContext(ctx, dir, next, WriteOptions{Step: func(phase string, i int) {
			if fmt.Sprintf("%s %d", phase, i) == at {
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "nothing written") {
			t.Errorf("cancelled at %s: err = %v, want context.Canceled and \"nothing written\"", at, err)
		}
		if d := treeDiff(before, snapshot(t, dir)); d != "" {
			t.Errorf("cancelled at %s: dir changed:\n%s", at, d)
		}
	}
	dir := t.TempDir()
	if _, err := Write(dir, old); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	res, err := WriteContext(ctx, dir, next, WriteOptions{Step: func(phase string, i int) {
		if phase == "commit" && i == 1 {
			cancel()
		}
	}})
	if err != nil || len(res.Written)+len(res.Removed) != 4 {
		t.Errorf("cancelled mid-commit: %+v, %v; want the commit finished", res, err)
	}
	want := map[string]string{}
	for _, f := range next {
		want[f.Name] = string(f.Content)
	}
	if d := treeDiff(want, snapshot(t, dir)); d != "" {
		t.Errorf("after a commit cancelled halfway:\n%s", d)
	}
}

// TestWriteFailsMidCommit: an error among the renames (here a directory
// standing where a file is to go) rolls the commit back at once.
func TestWriteFailsMidCommit(t *testing.T) {
	old, next, hand := generations()
	dir := t.TempDir()
	setTree(t, dir, hand)
	if _, err := Write(dir, old); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	_, err := WriteContext(context.Background(), dir, next, WriteOptions{Step: func(phase string, i int) {
		if phase == "commit" && i == 1 {
			// c_gen.go is renamed second: block it.
			if err := os.MkdirAll(filepath.Join(dir, "c_gen.go", "x"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}})
	if err == nil || !strings.Contains(err.Error(), "the previous output was restored") {
		t.Fatalf("err = %v, want a failure with the output restored", err)
	}
	got := snapshot(t, dir)
	delete(got, "c_gen.go")
	delete(got, filepath.Join("c_gen.go", "x"))
	if d := treeDiff(before, got); d != "" {
		t.Errorf("after the failed commit:\n%s", d)
	}
}

// TestWriteConcurrent: runs on one directory take turns. Each of several
// goroutines writes its own complete output again and again; every commit
// must run alone (no other run's step in between), and the directory ends
// holding one output whole.
func TestWriteConcurrent(t *testing.T) {
	dir := t.TempDir()
	const runs, rounds = 4, 5
	outputs := make([][]File, runs)
	for r := range runs {
		for _, name := range []string{"a_gen.go", "b_gen.go", "c_gen.go", "d_gen.go"} {
			outputs[r] = append(outputs[r], genFile(name, fmt.Sprintf("var X = %d\n", r)))
		}
	}
	var mu sync.Mutex
	var log []int // which run took each step
	var wg sync.WaitGroup
	for r := range runs {
		wg.Go(func() {
			for range rounds {
				_, err := WriteContext(context.Background(), dir, outputs[r], WriteOptions{Step: func(string, int) {
					mu.Lock()
					log = append(log, r)
					mu.Unlock()
					time.Sleep(time.Millisecond) // give the others a chance to interleave
				}})
				if err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	// A write's steps are 4 stage and 4 commit steps, all by one run.
	if len(log)%8 != 0 {
		t.Fatalf("%d steps, not whole writes", len(log))
	}
	for i := 0; i < len(log); i += 8 {
		if w := log[i : i+8]; slices.Min(w) != slices.Max(w) {
			t.Fatalf("steps of different runs interleave: %v", w)
		}
	}
	got := snapshot(t, dir)
	for _, out := range outputs {
		want := map[string]string{}
		for _, f := range out {
			want[f.Name] = string(f.Content)
		}
		if maps.Equal(want, got) {
			return
		}
	}
	t.Errorf("the directory holds no single output whole: %v", got)
}

// TestWriteOutErrors: an -out that cannot be used gives an error that
// names it and says why, and nothing is written anywhere.
func TestWriteOutErrors(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file.txt")
	setTree(t, base, map[string]string{"file.txt": "x"})
	files := []File{genFile("a_gen.go", "")}
	for _, tc := range []struct {
		dir, want string
	}{
		{file, "-out " + file + " is a file, not a directory"},
		{filepath.Join(file, "sub"), "-out " + filepath.Join(file, "sub") + ": not a directory"},
	} {
		_, err := Write(tc.dir, files)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Write(%s): %v, want %q", tc.dir, err, tc.want)
		}
	}
	if d := treeDiff(map[string]string{"file.txt": "x"}, snapshot(t, base)); d != "" {
		t.Errorf("something was written:\n%s", d)
	}

	// A read-only directory: root writes anyway, so only others can test it.
	ro := filepath.Join(base, "ro")
	setTree(t, base, map[string]string{"ro": "<dir>"})
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(ro, 0o755)
	if probe, err := os.CreateTemp(ro, "probe"); err == nil {
		probe.Close()
		os.Remove(probe.Name())
		t.Skip("this user can write into a read-only directory (root?): the read-only case cannot be tested here")
	}
	_, err := Write(ro, files)
	if want := "-out " + ro + " is not writable: permission denied; nothing written"; err == nil || err.Error() != want {
		t.Errorf("Write to a read-only dir: %v, want %q", err, want)
	}
}

// TestRecoverAndCheck: staging left by a run killed before its commit is
// removed; Check refuses a directory holding a begun commit, and Write
// rolls it back first.
func TestRecoverAndCheck(t *testing.T) {
	old, next, _ := generations()
	dir := t.TempDir()
	if _, err := Write(dir, old); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	setTree(t, dir, map[string]string{stagingPrefix + "1/new/a_gen.go": "half"})
	if restored, err := Recover(dir); err != nil || restored {
		t.Errorf("Recover of staging without a journal: %v, %v; want nothing to restore", restored, err)
	}
	if d := treeDiff(before, snapshot(t, dir)); d != "" {
		t.Errorf("stale staging not cleaned:\n%s", d)
	}

	// A commit that died after renaming a_gen.go.
	var crashed map[string]string
	if _, err := WriteContext(context.Background(), dir, next, WriteOptions{Step: func(phase string, i int) {
		if phase == "commit" && i == 1 {
			crashed = snapshot(t, dir)
		}
	}}); err != nil {
		t.Fatal(err)
	}
	dir2 := t.TempDir()
	setTree(t, dir2, crashed)
	if !Interrupted(dir2) {
		t.Fatal("Interrupted: false for a dir with a begun commit")
	}
	if _, err := Check(dir2, next); err == nil || !strings.Contains(err.Error(), "interrupted docgen run") {
		t.Errorf("Check of an interrupted dir: %v", err)
	}
	if _, err := Write(dir2, old); err != nil {
		t.Fatal(err)
	}
	if d := treeDiff(before, snapshot(t, dir2)); d != "" {
		t.Errorf("Write after a crash should leave the old output (it was rewritten with it):\n%s", d)
	}
}

// TestWriterStagesAsItGoes: files staged from several goroutines while
// others are made, then committed, give what WriteContext gives; a file
// staged with other bytes than the commit's, or not staged at all, is
// staged again by Commit; Abort leaves dir as it was.
func TestWriterStagesAsItGoes(t *testing.T) {
	old, next, hand := generations()
	want := func() map[string]string {
		dir := t.TempDir()
		setTree(t, dir, hand)
		if _, err := Write(dir, old); err != nil {
			t.Fatal(err)
		}
		if _, err := Write(dir, next); err != nil {
			t.Fatal(err)
		}
		return snapshot(t, dir)
	}()
	for _, tc := range []struct {
		name  string
		stage []File
	}{
		{"all staged", next},
		{"none staged", nil},
		{"one stale", append([]File{genFile("a_gen.go", "var A = 99\n")}, next[1:]...)},
		{"unchanged staged", old[2:]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			setTree(t, dir, hand)
			if _, err := Write(dir, old); err != nil {
				t.Fatal(err)
			}
			w, err := Begin(context.Background(), dir, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			for _, f := range tc.stage {
				wg.Go(func() { w.Stage(f) })
			}
			wg.Wait()
			res, err := w.Commit(next)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Written) != 3 || len(res.Removed) != 1 {
				t.Errorf("result %+v; want 3 written and 1 removed", res)
			}
			if d := treeDiff(want, snapshot(t, dir)); d != "" {
				t.Errorf("differs from WriteContext's output:\n%s", d)
			}
		})
	}
	// Holds answers for the files the caller read: they are taken as
	// unchanged without a read, and the result is WriteContext's. Holds is
	// trusted: a file it claims is not written even when it differs.
	t.Run("holds", func(t *testing.T) {
		for _, truthful := range []bool{true, false} {
			dir := t.TempDir()
			setTree(t, dir, hand)
			if _, err := Write(dir, old); err != nil {
				t.Fatal(err)
			}
			asked := 0
			holds := func(name string, content []byte) bool {
				asked++
				if !truthful {
					return true
				}
				b, err := os.ReadFile(filepath.Join(dir, name))
				return err == nil && bytes.Equal(b, content)
			}
			w, err := Begin(context.Background(), dir, WriteOptions{Holds: holds})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range next {
				w.Stage(f)
			}
			res, err := w.Commit(next)
			if err != nil {
				t.Fatal(err)
			}
			if asked != len(next) {
				t.Errorf("Holds asked %d times, want %d", asked, len(next))
			}
			if truthful {
				if d := treeDiff(want, snapshot(t, dir)); d != "" {
					t.Errorf("differs from WriteContext's output:\n%s", d)
				}
			} else if len(res.Written) != 0 {
				t.Errorf("files Holds claimed were written: %v", res.Written)
			}
		}
	})
	t.Run("abort", func(t *testing.T) {
		dir := t.TempDir()
		setTree(t, dir, hand)
		if _, err := Write(dir, old); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		w, err := Begin(context.Background(), dir, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range next {
			w.Stage(f)
		}
		w.Abort()
		if d := treeDiff(before, snapshot(t, dir)); d != "" {
			t.Errorf("Abort changed dir:\n%s", d)
		}
		// The lock is released: another write goes through.
		if _, err := Write(dir, next); err != nil {
			t.Fatal(err)
		}
	})
}
