package outdir

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A dir that does not exist is staged beside it and committed with one
// rename: the same guarantees, fewer steps.

func wantTree(files []File) map[string]string {
	want := map[string]string{}
	for _, f := range files {
		want[f.Name] = string(f.Content)
	}
	return want
}

// TestWriteFresh: into a dir that does not exist (nor its parent), every
// file is staged and then committed in one step; the dir gets the mode a
// directory made by the user gets, and nothing stays beside it.
func TestWriteFresh(t *testing.T) {
	if !freshCommits {
		t.Skip("no fresh commits where flock is missing")
	}
	_, next, _ := generations()
	base := t.TempDir()
	dir := filepath.Join(base, "parent", "out")
	var steps []string
	res, err := WriteContext(context.Background(), dir, next, WriteOptions{Step: func(phase string, i int) {
		steps = append(steps, fmt.Sprintf("%s %d", phase, i))
		if _, err := os.Lstat(dir); err == nil {
			t.Errorf("%s %d: dir exists before the commit", phase, i)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"stage 0", "stage 1", "stage 2", "commit 0"}; !slices.Equal(steps, want) {
		t.Errorf("steps %q, want %q", steps, want)
	}
	var written []string
	for _, f := range next {
		written = append(written, filepath.Join(dir, f.Name))
	}
	if !slices.Equal(res.Written, written) || len(res.Removed) != 0 || res.Unchanged != 0 {
		t.Errorf("result %+v, want every file written", res)
	}
	if d := treeDiff(wantTree(next), snapshot(t, dir)); d != "" {
		t.Errorf("dir:\n%s", d)
	}
	if d := treeDiff(map[string]string{"out": "<dir>"}, onlyTop(snapshot(t, filepath.Join(base, "parent")))); d != "" {
		t.Errorf("beside dir:\n%s", d)
	}
	made := filepath.Join(base, "made")
	if err := os.Mkdir(made, 0o755); err != nil {
		t.Fatal(err)
	}
	if a, b := mode(t, made), mode(t, dir); a != b {
		t.Errorf("dir has mode %v, a directory made with 0755 has %v", b, a)
	}
	// An empty output still makes the dir, as with an existing one.
	empty := filepath.Join(base, "empty")
	if _, err := Write(empty, nil); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, base); got["empty"] != "<dir>" {
		t.Errorf("an empty write into a fresh dir made no dir")
	}
}

func onlyTop(tree map[string]string) map[string]string {
	maps.DeleteFunc(tree, func(k, _ string) bool { return strings.ContainsRune(k, filepath.Separator) })
	return tree
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode()
}

// TestWriteFreshCrashAnywhere: killed at any step, a fresh write leaves no
// dir (or the whole output, once renamed), and the next run removes what
// it staged and writes as if nothing had happened.
func TestWriteFreshCrashAnywhere(t *testing.T) {
	if !freshCommits {
		t.Skip("no fresh commits where flock is missing")
	}
	_, next, _ := generations()
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	var states []map[string]string
	var steps []string
	if _, err := WriteContext(context.Background(), dir, next, WriteOptions{Step: func(phase string, i int) {
		steps = append(steps, fmt.Sprintf("%s %d", phase, i))
		states = append(states, snapshot(t, parent))
	}}); err != nil {
		t.Fatal(err)
	}
	for i, state := range states {
		crashed := t.TempDir()
		setTree(t, crashed, state) // what SIGKILL would leave: no lock held
		if _, err := os.Lstat(filepath.Join(crashed, "out")); err == nil {
			t.Errorf("died at %s: out exists before the commit", steps[i])
		}
		if len(state) == 0 {
			t.Errorf("died at %s: nothing staged beside out", steps[i])
		}
		if _, err := Write(filepath.Join(crashed, "out"), next); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"out": "<dir>"}
		for name, content := range wantTree(next) {
			want[filepath.Join("out", name)] = content
		}
		if d := treeDiff(want, snapshot(t, crashed)); d != "" {
			t.Errorf("died at %s, then wrote again:\n%s", steps[i], d)
		}
	}
	// Recover, as Check's callers use it, removes it too.
	crashed := t.TempDir()
	setTree(t, crashed, states[len(states)-1])
	if _, err := Recover(filepath.Join(crashed, "out")); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, crashed); len(got) != 0 {
		t.Errorf("Recover left %v", slices.Sorted(maps.Keys(got)))
	}
}

// TestFreshInUseKept: the staging of a run still going is not stale.
func TestFreshInUseKept(t *testing.T) {
	if !freshCommits {
		t.Skip("no fresh commits where flock is missing")
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	w, err := Begin(context.Background(), dir, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w.Stage(genFile("a_gen.go", ""))
	removeStaleFresh(dir)
	if _, err := Recover(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(w.into, "a_gen.go")); err != nil {
		t.Fatalf("a run's staging was removed while it ran: %v", err)
	}
	w.Abort()
	if got := snapshot(t, parent); len(got) != 0 {
		t.Errorf("Abort left %v", slices.Sorted(maps.Keys(got)))
	}
}

// TestWriteFreshDirAppears: when dir is made by someone else while a fresh
// write stages, the write goes into it as into any existing dir: its
// docgen files are replaced or removed, its other files kept.
func TestWriteFreshDirAppears(t *testing.T) {
	if !freshCommits {
		t.Skip("no fresh commits where flock is missing")
	}
	old, next, hand := generations()
	for _, empty := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "out")
		res, err := WriteContext(context.Background(), dir, next, WriteOptions{Step: func(phase string, i int) {
			if phase == "commit" && i == 0 {
				if empty {
					if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
						t.Fatal(err)
					}
					return
				}
				if _, err := os.Stat(dir); err == nil {
					return // the second write's own commit steps
				}
				setTree(t, dir, hand)
				if _, err := Write(dir, old); err != nil {
					t.Fatal(err)
				}
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		want := wantTree(next)
		if !empty {
			maps.Copy(want, hand)
			if len(res.Removed) != 1 || filepath.Base(res.Removed[0]) != "b_gen.go" {
				t.Errorf("removed %v, want b_gen.go", res.Removed)
			}
		}
		if d := treeDiff(want, snapshot(t, dir)); d != "" {
			t.Errorf("empty=%v: dir:\n%s", empty, d)
		}
		if d := treeDiff(map[string]string{"out": "<dir>"}, onlyTop(snapshot(t, filepath.Dir(dir)))); d != "" {
			t.Errorf("empty=%v: beside dir:\n%s", empty, d)
		}
	}
}

// TestWriteFreshConcurrent: runs that all find dir missing stage apart;
// the first commit makes dir, the others write into it, and it ends
// holding one output whole with nothing left beside it.
func TestWriteFreshConcurrent(t *testing.T) {
	const runs = 6
	for round := range 10 {
		parent := t.TempDir()
		dir := filepath.Join(parent, "out")
		outputs := make([][]File, runs)
		for r := range runs {
			for _, name := range []string{"a_gen.go", "b_gen.go", "c_gen.go"} {
				outputs[r] = append(outputs[r], genFile(name, fmt.Sprintf("var X = %d\n", r)))
			}
		}
		var wg sync.WaitGroup
		for r := range runs {
			wg.Go(func() {
				if _, err := Write(dir, outputs[r]); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		got := snapshot(t, dir)
		if !slices.ContainsFunc(outputs, func(out []File) bool { return maps.Equal(wantTree(out), got) }) {
			t.Fatalf("round %d: the directory holds no single output whole: %v", round, got)
		}
		if d := treeDiff(map[string]string{"out": "<dir>"}, onlyTop(snapshot(t, parent))); d != "" {
			t.Fatalf("round %d: beside dir:\n%s", round, d)
		}
	}
}

// withoutContent is files as a caller that staged them commits them: the
// names alone.
func withoutContent(files []File) []File {
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = File{Name: f.Name}
	}
	return out
}

// TestCommitStagedWithoutContent: files staged and committed by name give
// WriteContext's output, into an existing dir, a fresh one, and a fresh
// one that someone made (with other files) while the run staged; a name
// committed without content that was never staged fails, writing nothing.
func TestCommitStagedWithoutContent(t *testing.T) {
	old, next, hand := generations()
	want := maps.Clone(hand)
	maps.Copy(want, wantTree(next))
	for _, tc := range []string{"existing", "fresh", "fresh, then made"} {
		t.Run(tc, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if tc == "existing" {
				setTree(t, dir, hand)
				if _, err := Write(dir, old); err != nil {
					t.Fatal(err)
				}
			}
			w, err := Begin(context.Background(), dir, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range next {
				w.Stage(f)
			}
			if tc == "fresh, then made" {
				setTree(t, dir, hand)
				if _, err := Write(dir, old[:1]); err != nil { // a_gen.go, then changed
					t.Fatal(err)
				}
			}
			res, err := w.Commit(withoutContent(next))
			if err != nil {
				t.Fatal(err)
			}
			wantTop := want
			if tc == "fresh" {
				wantTop = wantTree(next)
			}
			if d := treeDiff(wantTop, snapshot(t, dir)); d != "" {
				t.Errorf("dir:\n%s", d)
			}
			if len(res.Written) != len(next) {
				t.Errorf("written %v, want %d files", res.Written, len(next))
			}
			if d := treeDiff(map[string]string{"out": "<dir>"}, onlyTop(snapshot(t, filepath.Dir(dir)))); d != "" {
				t.Errorf("beside dir:\n%s", d)
			}
		})
	}
	for _, fresh := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "out")
		if !fresh {
			if _, err := Write(dir, old); err != nil {
				t.Fatal(err)
			}
		}
		before := snapshot(t, filepath.Dir(dir))
		w, err := Begin(context.Background(), dir, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		w.Stage(next[0])
		_, err = w.Commit(withoutContent(next))
		if err == nil || !strings.Contains(err.Error(), next[1].Name+": committed as staged, but never staged") {
			t.Errorf("fresh=%v: Commit of a file never staged: %v", fresh, err)
		}
		if d := treeDiff(before, snapshot(t, filepath.Dir(dir))); d != "" {
			t.Errorf("fresh=%v: the failed commit changed:\n%s", fresh, d)
		}
	}
}
