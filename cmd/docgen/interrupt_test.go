package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/graphdocgen/docgen/internal/outdir"
)

// The interrupted-run tests run docgen in a child process (this test
// binary, re-executed into TestInterruptChild), stop it at a chosen step
// of its write with SIGINT, SIGTERM or SIGKILL, and check that -out holds
// the previous output byte for byte or the whole new one.

const (
	childEnv = "DOCGEN_TEST_CHILD_ARGS" // JSON list of docgen's arguments
	pauseEnv = "DOCGEN_TEST_PAUSE"      // "stage N" or "commit N": where the child stops
)

// TestInterruptChild is docgen's main in the child process; it does
// nothing in a normal test run.
func TestInterruptChild(t *testing.T) {
	raw := os.Getenv(childEnv)
	if raw == "" {
		t.Skip("runs only as the child of the interrupted-run tests")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	// As main does.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// Wait at the chosen step until the signal has cancelled ctx (SIGKILL
	// never lets it return).
	pause := os.Getenv(pauseEnv)
	writeStep = func(phase string, i int) {
		if fmt.Sprintf("%s %d", phase, i) == pause {
			fmt.Println("PAUSED")
			select {
			case <-ctx.Done():
			case <-time.After(time.Minute): // the parent died; do not linger
			}
		}
	}
	code := runContext(ctx, args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// interruptPages writes a directory of n pages; version changes every
// description, so every generated file changes between versions.
func interruptPages(t *testing.T, dir string, n, version int, skip int) {
	t.Helper()
	for i := range n {
		if i == skip {
			continue
		}
		page := fmt.Sprintf("# part%d resource type\n\nPart %d, version %d.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n"+
			"| weight | Double | Version %d of the weight. |\n\n## JSON representation\n\n"+
			"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.part%d\" } -->\n\n```json\n{ \"weight\": 1.5 }\n```\n",
			i, i, version, version, i)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("part%d.md", i)), page)
	}
}

// TestInterruptedRun: SIGINT or SIGTERM before the commit leaves the old
// output byte for byte (and exit 1); during the commit, the commit
// finishes (exit 1, all new output). SIGKILL can strike anywhere: before
// the commit the old files are untouched; during it, the next docgen run
// (or outdir.Recover) puts the old output back before anything else.
func TestInterruptedRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes; skipped with -short")
	}
	const pages = 12
	work := t.TempDir()
	oldIn, newIn := filepath.Join(work, "old"), filepath.Join(work, "new")
	interruptPages(t, oldIn, pages, 1, 3) // part3 is new in the new version
	interruptPages(t, newIn, pages, 2, 7) // part7 is gone: an orphan to remove
	// Every -out is work/<dir>/out, so that the page paths in the headers
	// (relative to -out: ../../new/part0.md) are the same in all of them.
	gen := func(in string) map[string]string {
		out := filepath.Join(work, "gen-"+filepath.Base(in), "out")
		writeFile(t, filepath.Join(out, "doc.go"), "package out\n") // a hand-written file beside
		if r := docgen(t, "-out", out, "-pkg", "out", in); r.code != 0 {
			t.Fatalf("generating %s: %v", in, r)
		}
		return snapshotAll(t, out)
	}
	oldOut, newOut := gen(oldIn), gen(newIn)
	// Files to stage (changed or new) and commit steps (those, then the
	// orphans' removals), counted from the outputs themselves.
	staged, removed := 0, 0
	for name, content := range newOut {
		if oldOut[name] != content {
			staged++
		}
	}
	for name := range oldOut {
		if _, ok := newOut[name]; !ok {
			removed++
		}
	}
	if staged < pages-1 || removed != 1 {
		t.Fatalf("%d files to stage and %d to remove; want every page's file changed and one orphan", staged, removed)
	}
	step := func(phase string, i int) string { return fmt.Sprintf("%s %d", phase, i) }
	lastCommit := staged + removed - 1

	for _, tc := range []struct {
		sig   syscall.Signal
		pause string
		want  string // "old", "new", or "old after recovery"
		code  int
	}{
		{syscall.SIGINT, step("stage", 0), "old", 1},
		{syscall.SIGINT, step("stage", staged/2), "old", 1},
		{syscall.SIGTERM, step("stage", staged-1), "old", 1},
		{syscall.SIGINT, step("commit", 0), "new", 1},
		{syscall.SIGTERM, step("commit", staged/2), "new", 1},
		{syscall.SIGKILL, step("stage", staged/2), "old files, staging left", -1},
		{syscall.SIGKILL, step("commit", 1), "old after recovery", -1},
		{syscall.SIGKILL, step("commit", lastCommit), "old after recovery", -1},
	} {
		t.Run(fmt.Sprintf("%v at %s", tc.sig, tc.pause), func(t *testing.T) {
			run, err := os.MkdirTemp(work, "run-")
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(run, "out")
			restore(t, out, oldOut)
			code, stderr := interruptChild(t, tc.sig, tc.pause, "-out", out, "-pkg", "out", newIn)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			now := snapshotAll(t, out)
			switch tc.want {
			case "old":
				sameTree(t, "after the signal", oldOut, now)
				if !strings.Contains(stderr, "interrupted") || !strings.Contains(stderr, "nothing written") {
					t.Errorf("stderr should say the run was interrupted and wrote nothing:\n%s", stderr)
				}
			case "new":
				sameTree(t, "after the signal", newOut, now)
				if !strings.Contains(stderr, "holds all of it") {
					t.Errorf("stderr should say the commit was finished:\n%s", stderr)
				}
			case "old files, staging left":
				sameTree(t, "after SIGKILL", oldOut, visible(now))
				if r := docgen(t, "-out", out, "-pkg", "out", newIn); r.code != 0 {
					t.Fatalf("the next run: %v", r)
				}
				sameTree(t, "after the next run", newOut, snapshotAll(t, out))
			case "old after recovery":
				if sameFiles(oldOut, visible(now)) || sameFiles(newOut, visible(now)) {
					t.Fatalf("killed mid-commit, yet -out is all old or all new: the kill missed the commit")
				}
				if r := docgen(t, "-check", "-out", out, "-pkg", "out", newIn); r.code != 2 || !strings.Contains(r.stderr, "interrupted docgen run") {
					t.Errorf("-check on a half-committed -out: want exit 2 and a clear message, got %v", r)
				}
				restored, err := outdir.Recover(out)
				if err != nil || !restored {
					t.Fatalf("Recover: %v, %v", restored, err)
				}
				sameTree(t, "after recovery", oldOut, snapshotAll(t, out))
				// And the next run would have done the same before writing.
				restore(t, out, now)
				if r := docgen(t, "-out", out, "-pkg", "out", newIn); r.code != 0 {
					t.Fatalf("the next run: %v", r)
				}
				sameTree(t, "after the next run", newOut, snapshotAll(t, out))
			}
		})
	}
}

// interruptChild runs docgen in a child process, waits until it pauses at
// the step, sends sig, and returns its exit code (-1 when killed) and
// stderr.
func interruptChild(t *testing.T, sig syscall.Signal, pause string, args ...string) (int, string) {
	t.Helper()
	raw, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+string(raw), pauseEnv+"="+pause)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// A child that never pauses would block here: go test -timeout ends it.
	paused := false
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if sc.Text() == "PAUSED" {
			paused = true
			break
		}
	}
	if !paused {
		cmd.Wait()
		t.Fatalf("the child ended without reaching %q:\n%s", pause, stderr.String())
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = bufio.NewReader(stdout).WriteTo(new(bytes.Buffer)) }()
	err = cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if err != nil && code == 0 {
		t.Fatal(err)
	}
	return code, stderr.String()
}

// snapshotAll maps every path under dir, hidden ones included, to its
// content, so leftovers show.
func snapshotAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(path)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// visible drops what lies in hidden directories (docgen's staging).
func visible(tree map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range tree {
		if !strings.HasPrefix(k, ".") {
			out[k] = v
		}
	}
	return out
}

// restore makes dir hold exactly tree.
func restore(t *testing.T, dir string, tree map[string]string) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for k, v := range tree {
		if strings.HasSuffix(k, "/") {
			if err := os.MkdirAll(filepath.Join(dir, k), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		writeFile(t, filepath.Join(dir, k), v)
	}
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

func sameTree(t *testing.T, when string, want, got map[string]string) {
	t.Helper()
	if sameFiles(want, got) {
		return
	}
	var diffs []string
	for k, v := range want {
		if w, ok := got[k]; !ok {
			diffs = append(diffs, "missing "+k)
		} else if v != w {
			diffs = append(diffs, "differs "+k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, "extra "+k)
		}
	}
	t.Errorf("%s, -out is not as expected: %s", when, strings.Join(diffs, ", "))
}

// TestConcurrentRuns: two docgen processes writing the same -out at once,
// from different inputs, take turns (an flock on the directory): -out
// ends holding one run's output whole, and each run succeeds. In every
// other round -out does not exist when they start: both stage beside it,
// and the second to commit writes into what the first made.
func TestConcurrentRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes; skipped with -short")
	}
	work := t.TempDir()
	inA, inB := filepath.Join(work, "a"), filepath.Join(work, "b")
	interruptPages(t, inA, 30, 1, -1)
	interruptPages(t, inB, 30, 2, -1)
	want := map[string]map[string]string{}
	for _, in := range []string{inA, inB} {
		// Beside work/out, so that the headers' page paths (../a/part0.md)
		// are those the concurrent runs write.
		out := filepath.Join(work, "out-"+filepath.Base(in))
		if r := docgen(t, "-out", out, "-pkg", "out", in); r.code != 0 {
			t.Fatal(r)
		}
		want[in] = snapshotAll(t, out)
	}
	out := filepath.Join(work, "out")
	for round := range 6 {
		if round%2 == 0 {
			if err := os.RemoveAll(out); err != nil {
				t.Fatal(err)
			}
		}
		var cmds []*exec.Cmd
		var errs []*bytes.Buffer
		for _, in := range []string{inA, inB} {
			raw, _ := json.Marshal([]string{"-out", out, "-pkg", "out", in})
			cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), childEnv+"="+string(raw), pauseEnv+"=none")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds, errs = append(cmds, cmd), append(errs, &stderr)
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d, run %d: %v\n%s", round, i, err, errs[i])
			}
		}
		got := snapshotAll(t, out)
		if !sameFiles(got, want[inA]) && !sameFiles(got, want[inB]) {
			t.Fatalf("round %d: -out holds neither output whole (%d files)", round, len(got))
		}
		if left := besideOut(t, work); len(left) > 0 {
			t.Fatalf("round %d: left beside -out: %v", round, left)
		}
	}
}

// besideOut lists the hidden entries of dir: a fresh run's staging left
// beside its -out.
func besideOut(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var hidden []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			hidden = append(hidden, e.Name())
		}
	}
	return hidden
}

// TestInterruptedFreshRun: into an -out that does not exist yet, a signal
// before the commit leaves no -out and nothing beside it; at the commit,
// the commit finishes; SIGKILL leaves no -out, and the next run removes
// what the killed one staged beside it.
func TestInterruptedFreshRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes; skipped with -short")
	}
	const pages = 8
	work := t.TempDir()
	in := filepath.Join(work, "pages")
	interruptPages(t, in, pages, 1, -1)
	ref := filepath.Join(work, "ref", "out") // same depth: same header paths
	if r := docgen(t, "-out", ref, "-pkg", "out", in); r.code != 0 {
		t.Fatal(r)
	}
	want := snapshotAll(t, ref)
	for _, tc := range []struct {
		sig   syscall.Signal
		pause string
		code  int
	}{
		{syscall.SIGINT, "stage 0", 1},
		{syscall.SIGTERM, fmt.Sprintf("stage %d", pages-1), 1},
		{syscall.SIGINT, "commit 0", 1},
		{syscall.SIGKILL, "stage 3", -1},
		{syscall.SIGKILL, "commit 0", -1},
	} {
		t.Run(fmt.Sprintf("%v at %s", tc.sig, tc.pause), func(t *testing.T) {
			run, err := os.MkdirTemp(work, "run-")
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(run, "out")
			code, stderr := interruptChild(t, tc.sig, tc.pause, "-out", out, "-pkg", "out", in)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			_, statErr := os.Stat(out)
			switch {
			case tc.pause == "commit 0" && tc.sig != syscall.SIGKILL:
				sameTree(t, "after the signal", want, snapshotAll(t, out))
				if !strings.Contains(stderr, "holds all of it") {
					t.Errorf("stderr should say the commit was finished:\n%s", stderr)
				}
			case statErr == nil:
				t.Fatalf("-out exists after %v at %s: %v", tc.sig, tc.pause, snapshotAll(t, out))
			case tc.sig != syscall.SIGKILL:
				if left := besideOut(t, run); len(left) > 0 {
					t.Errorf("left beside -out: %v", left)
				}
				if !strings.Contains(stderr, "nothing written") {
					t.Errorf("stderr should say nothing was written:\n%s", stderr)
				}
			default:
				if len(besideOut(t, run)) == 0 {
					t.Fatalf("SIGKILL at %s left nothing staged: the kill missed the run", tc.pause)
				}
				if r := docgen(t, "-out", out, "-pkg", "out", in); r.code != 0 {
					t.Fatalf("the next run: %v", r)
				}
				sameTree(t, "after the next run", want, snapshotAll(t, out))
				if left := besideOut(t, run); len(left) > 0 {
					t.Errorf("the next run left beside -out: %v", left)
				}
			}
		})
	}
}
