package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// goldenFixture is a generated file as docgen writes it, to diff against.
func goldenFixture(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../generated/en/asyncjobstatus_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// numbered is n lines "1\n".."n\n".
func numbered(n int, change map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := change[i]; ok {
			if s != "" {
				b.WriteString(s + "\n")
			}
			continue
		}
		fmt.Fprintf(&b, "%d\n", i)
	}
	return b.String()
}

// TestUnifiedDiff compares with what GNU diff -u prints for the same texts.
func TestUnifiedDiff(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want string // without the ---/+++ lines
	}{
		{"identical", "a\nb\n", "a\nb\n", ""},
		{"both empty", "", "", ""},
		{"one line changed", numbered(10, nil), numbered(10, map[int]string{5: "five"}),
			"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"},
		{"changes far apart make two hunks", numbered(20, nil), numbered(20, map[int]string{1: "1x", 20: "20x"}),
			"@@ -1,4 +1,4 @@\n-1\n+1x\n 2\n 3\n 4\n" +
				"@@ -17,4 +17,4 @@\n 17\n 18\n 19\n-20\n+20x\n"},
		{"changes six lines apart share a hunk", numbered(20, nil), numbered(20, map[int]string{3: "3x", 10: "10x"}),
			"@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+3x\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+10x\n 11\n 12\n 13\n"},
		{"changes seven lines apart do not", numbered(20, nil), numbered(20, map[int]string{3: "3x", 11: "11x"}),
			"@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+3x\n 4\n 5\n 6\n" +
				"@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+11x\n 12\n 13\n 14\n"},
		{"insert at the top", numbered(10, nil), "0\n" + numbered(10, nil),
			"@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n"},
		{"delete a line", numbered(5, nil), numbered(5, map[int]string{3: ""}),
			"@@ -1,5 +1,4 @@\n 1\n 2\n-3\n 4\n 5\n"},
		{"newline added at the end", "a\nb\nc", "a\nb\nc\n",
			"@@ -1,3 +1,3 @@\n a\n b\n-c\n\\ No newline at end of file\n+c\n"},
		{"newline removed at the end", "a\nb\nc\n", "a\nb\nc",
			"@@ -1,3 +1,3 @@\n a\n b\n-c\n+c\n\\ No newline at end of file\n"},
		{"neither ends in a newline", "a\nb\nc", "a\nB\nc",
			"@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n\\ No newline at end of file\n"},
		{"from nothing", "", "x\ny\n", "@@ -0,0 +1,2 @@\n+x\n+y\n"},
		{"to nothing", "x\ny\n", "", "@@ -1,2 +0,0 @@\n-x\n-y\n"},
		{"one line to another", "x\n", "y\n", "@@ -1 +1 @@\n-x\n+y\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := UnifiedDiff("old.go", "new.go", tc.a, tc.b)
			if tc.want == "" {
				if got != "" {
					t.Errorf("unifiedDiff = %q, want empty", got)
				}
				return
			}
			want := "--- old.go\n+++ new.go\n" + tc.want
			if got != want {
				t.Errorf("unifiedDiff:\n%s\nwant:\n%s", got, want)
			}
			if err := applyDiff(tc.a, got, tc.b); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestUnifiedDiffApplies: for edits of a generated file, the diff applied
// to the old text gives the new one.
func TestUnifiedDiffApplies(t *testing.T) {
	base := string(goldenFixture(t))
	lines := strings.SplitAfter(base, "\n")
	edits := map[string]string{
		"first line":  strings.Replace(base, "// Code generated", "// Code edited", 1),
		"last line":   strings.TrimSuffix(base, "}\n") + "}",
		"many":        strings.ReplaceAll(base, "graphrt.", "rt."),
		"drop half":   strings.Join(lines[:len(lines)/2], ""),
		"add at end":  base + "\nvar extra = 1\n",
		"interleaved": strings.ReplaceAll(strings.ReplaceAll(base, "\treturn", "\t// note\n\treturn"), "graphrt.Opt", "graphrt.Option"),
	}
	for name, edited := range edits {
		t.Run(name, func(t *testing.T) {
			d := UnifiedDiff("a", "b", base, edited)
			if err := applyDiff(base, d, edited); err != nil {
				t.Error(err)
			}
			d = UnifiedDiff("b", "a", edited, base)
			if err := applyDiff(edited, d, base); err != nil {
				t.Error(err)
			}
		})
	}
}

// applyDiff applies a unified diff to a and checks the result is b, and
// that each hunk header counts its lines right.
func applyDiff(a, diff, b string) error {
	src := splitLines(a)
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return fmt.Errorf("diff has no ---/+++ header:\n%s", diff)
	}
	hunkRE := regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)
	var out []string
	next := 0 // index in src of the next line not yet copied
	i := 2
	for i < len(lines) && lines[i] != "" {
		m := hunkRE.FindStringSubmatch(lines[i])
		if m == nil {
			return fmt.Errorf("bad hunk header %q", lines[i])
		}
		num := func(s string, dflt int) int {
			if s == "" {
				return dflt
			}
			var n int
			fmt.Sscan(s, &n)
			return n
		}
		aStart, aCount := num(m[1], 0), num(m[2], 1)
		bCount := num(m[4], 1)
		from := aStart - 1
		if aCount == 0 {
			from = aStart
		}
		if from < next {
			return fmt.Errorf("hunk %q overlaps the previous one", lines[i])
		}
		out = append(out, src[next:from]...)
		next = from
		i++
		var sawA, sawB int
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			noNL := i < len(lines) && strings.HasPrefix(lines[i], `\ No newline at end of file`)
			if noNL {
				i++
			}
			text := l[1:]
			if noNL {
				text = strings.TrimSuffix(text, "\n")
			}
			switch l[0] {
			case ' ':
				if next >= len(src) || src[next] != text {
					return fmt.Errorf("context %q does not match line %d", text, next+1)
				}
				out = append(out, text)
				next++
				sawA++
				sawB++
			case '-':
				if next >= len(src) || src[next] != text {
					return fmt.Errorf("removed %q does not match line %d", text, next+1)
				}
				next++
				sawA++
			case '+':
				out = append(out, text)
				sawB++
			default:
				return fmt.Errorf("bad diff line %q", l)
			}
		}
		if sawA != aCount || sawB != bCount {
			return fmt.Errorf("hunk %q holds -%d +%d lines", m[0], sawA, sawB)
		}
	}
	out = append(out, src[next:]...)
	if got := strings.Join(out, ""); got != b {
		return fmt.Errorf("applying the diff gives\n%q\nwant\n%q\ndiff:\n%s", got, b, diff)
	}
	return nil
}

// snapshot maps every entry under dir to its content ("<dir>" for directories).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			out[rel] = "<dir>"
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

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out") // Write creates it
	a, b := genFile("a_gen.go", "var A = 1\n"), genFile("b_gen.go", "var B = 1\n")

	res, err := Write(dir, []File{a, b})
	if err != nil {
		t.Fatal(err)
	}
	wantWritten := []string{filepath.Join(dir, "a_gen.go"), filepath.Join(dir, "b_gen.go")}
	if !slices.Equal(res.Written, wantWritten) || res.Removed != nil || res.Unchanged != 0 {
		t.Errorf("first Write: %+v, want written %q", res, wantWritten)
	}
	want := map[string]string{"a_gen.go": string(a.Content), "b_gen.go": string(b.Content)}
	if d := treeDiff(want, snapshot(t, dir)); d != "" {
		t.Fatalf("after the first Write:\n%s", d)
	}
	for name := range want {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o644 {
			t.Errorf("%s has mode %v, want 0644", name, perm)
		}
	}

	// Unchanged files are not rewritten: give them an old mtime first, so
	// that any rewrite would show without waiting for the clock.
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for name := range want {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	b2 := genFile("b_gen.go", "var B = 2\n")
	res, err = Write(dir, []File{a, b2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Written, []string{filepath.Join(dir, "b_gen.go")}) || res.Unchanged != 1 || res.Removed != nil {
		t.Errorf("second Write: %+v, want only b_gen.go written and one unchanged", res)
	}
	mtime := func(name string) time.Time {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return info.ModTime()
	}
	if !mtime("a_gen.go").Equal(old) {
		t.Errorf("unchanged a_gen.go was rewritten (mtime %v)", mtime("a_gen.go"))
	}
	if mtime("b_gen.go").Equal(old) {
		t.Error("changed b_gen.go was not rewritten")
	}

	// Orphans: docgen files no longer generated go; everything else stays.
	keep := map[string]string{
		"hand.go":      "package p\n\nvar Hand = 1\n",
		"other_gen.go": "// Code generated by stringer. DO NOT EDIT.\n\npackage p\n",
		"notes.txt":    headerPrefix + "x.md. DO NOT EDIT.\n",
		"late_test.go": "package p\n",
		"short.go":     "// Code",
	}
	setTree(t, dir, keep)
	setTree(t, dir, map[string]string{"gone_gen.go": string(genFile("gone_gen.go", "").Content)})
	if err := os.Mkdir(filepath.Join(dir, "sub.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err = Write(dir, []File{a, b2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != nil || res.Unchanged != 2 || !slices.Equal(res.Removed, []string{filepath.Join(dir, "gone_gen.go")}) {
		t.Errorf("third Write: %+v, want the orphan removed and two unchanged", res)
	}
	want = map[string]string{"a_gen.go": string(a.Content), "b_gen.go": string(b2.Content), "sub.go": "<dir>"}
	for k, v := range keep {
		want[k] = v
	}
	if d := treeDiff(want, snapshot(t, dir)); d != "" {
		t.Errorf("after removing orphans:\n%s", d)
	}
}

// TestWriteKeepsHandWrittenFile: "only [docgen] files are ever
// overwritten" (write.go). A hand-written file that happens to have a
// generated file's name must survive Write, which should report an error.
func TestWriteKeepsHandWrittenFile(t *testing.T) {
	dir := t.TempDir()
	hand := "package p\n\n// Written by hand.\nvar A = 0\n"
	setTree(t, dir, map[string]string{"a_gen.go": hand})
	_, err := Write(dir, []File{genFile("a_gen.go", "var A = 1\n")})
	if got := snapshot(t, dir)["a_gen.go"]; got != hand {
		t.Errorf("Write replaced a file without docgen's header:\n%s", got)
	}
	if err == nil {
		t.Error("Write returned no error for a file it must not overwrite")
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	a, b := genFile("a_gen.go", "var A = 1\n"), genFile("b_gen.go", "var B = 1\n")
	if _, err := Write(dir, []File{a, b}); err != nil {
		t.Fatal(err)
	}
	setTree(t, dir, map[string]string{"hand.go": "package p\n"})
	files := []File{a, b}

	drift, err := Check(dir, files)
	if err != nil || !drift.Clean() || drift.Diff != "" {
		t.Fatalf("in sync: Check = %+v, %v; want no drift", drift, err)
	}

	// check compares the diff text and the lists of changed, missing and
	// orphaned names (the data the CLI reports from).
	check := func(t *testing.T, want string, changed, missing, orphaned []string) {
		t.Helper()
		before := snapshot(t, dir)
		drift, err := Check(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		if drift.Diff != want {
			t.Errorf("Check:\n%s\nwant:\n%s", drift.Diff, want)
		}
		if !slices.Equal(drift.Changed, changed) || !slices.Equal(drift.Missing, missing) || !slices.Equal(drift.Orphaned, orphaned) {
			t.Errorf("Check = changed %q, missing %q, orphaned %q; want %q, %q, %q", drift.Changed, drift.Missing, drift.Orphaned, changed, missing, orphaned)
		}
		if drift.Clean() || drift.Count() != len(changed)+len(missing)+len(orphaned) {
			t.Errorf("Clean = %v, Count = %d", drift.Clean(), drift.Count())
		}
		if d := treeDiff(before, snapshot(t, dir)); d != "" {
			t.Errorf("Check changed the directory:\n%s", d)
		}
	}
	aPath, bPath := filepath.Join(dir, "a_gen.go"), filepath.Join(dir, "b_gen.go")

	t.Run("changed", func(t *testing.T) {
		setTree(t, dir, map[string]string{"a_gen.go": strings.Replace(string(a.Content), "A = 1", "A = 9", 1)})
		defer setTree(t, dir, map[string]string{"a_gen.go": string(a.Content)})
		header, _, _ := strings.Cut(string(a.Content), "\n")
		check(t, fmt.Sprintf("--- %s\n+++ %s\n@@ -1,4 +1,4 @@\n %s\n \n package p\n-var A = 9\n+var A = 1\n", aPath, aPath, header), []string{"a_gen.go"}, nil, nil)
	})
	t.Run("missing", func(t *testing.T) {
		if err := os.Remove(bPath); err != nil {
			t.Fatal(err)
		}
		defer setTree(t, dir, map[string]string{"b_gen.go": string(b.Content)})
		body := strings.ReplaceAll(strings.TrimSuffix(string(b.Content), "\n"), "\n", "\n+")
		check(t, fmt.Sprintf("--- /dev/null\n+++ %s\n@@ -0,0 +1,4 @@\n+%s\n", bPath, body), nil, []string{"b_gen.go"}, nil)
	})
	t.Run("orphan", func(t *testing.T) {
		orphan := genFile("old_gen.go", "")
		setTree(t, dir, map[string]string{"old_gen.go": string(orphan.Content)})
		defer os.Remove(filepath.Join(dir, "old_gen.go"))
		oPath := filepath.Join(dir, "old_gen.go")
		body := strings.ReplaceAll(strings.TrimSuffix(string(orphan.Content), "\n"), "\n", "\n-")
		check(t, fmt.Sprintf("--- %s\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-%s\n", oPath, body), nil, nil, []string{"old_gen.go"})
	})
	t.Run("all three", func(t *testing.T) {
		setTree(t, dir, map[string]string{
			"a_gen.go":   strings.Replace(string(a.Content), "A = 1", "A = 9", 1),
			"old_gen.go": string(genFile("old_gen.go", "").Content),
		})
		if err := os.Remove(bPath); err != nil {
			t.Fatal(err)
		}
		defer func() {
			setTree(t, dir, map[string]string{"a_gen.go": string(a.Content), "b_gen.go": string(b.Content)})
			os.Remove(filepath.Join(dir, "old_gen.go"))
		}()
		drift, err := Check(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		diff := drift.Diff
		for _, header := range []string{
			"--- " + aPath + "\n+++ " + aPath + "\n",
			"--- /dev/null\n+++ " + bPath + "\n",
			"--- " + filepath.Join(dir, "old_gen.go") + "\n+++ /dev/null\n",
		} {
			if strings.Count(diff, header) != 1 {
				t.Errorf("diff lacks %q:\n%s", header, diff)
			}
		}
		if got := drift.Summary(); got != "3 file(s) differ from the docs (1 changed, 1 missing, 1 orphaned)" {
			t.Errorf("Summary = %q", got)
		}
	})
	t.Run("no directory", func(t *testing.T) {
		missing := filepath.Join(dir, "nothing")
		drift, err := Check(missing, files)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(drift.Diff, "--- /dev/null\n") != 2 || len(drift.Missing) != 2 {
			t.Errorf("Check of a missing directory: %+v", drift)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Error("Check created the directory")
		}
	})
}

// TestStageFile: a staged file is invisible until Commit, Discard leaves
// no trace, and a bad path fails with its own name, not a temporary one.
func TestStageFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.json")
	s, err := StageFile(path, []byte("one"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("before Commit, %s exists (%v)", path, err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dir); len(got) != 1 || got["m.json"] != "one" {
		t.Errorf("after Commit: %q", got)
	}
	s, err = StageFile(path, []byte("two"))
	if err != nil {
		t.Fatal(err)
	}
	s.Discard()
	if got := snapshot(t, dir); len(got) != 1 || got["m.json"] != "one" {
		t.Errorf("after Discard: %q", got)
	}
	if s, err := StageFile(path, []byte("one")); err != nil || s.Changed() {
		t.Errorf("same bytes: Changed = %v, %v; want nothing to do", s != nil && s.Changed(), err)
	}
	for _, bad := range []string{dir, filepath.Join(dir, "no", "such", "m.json")} {
		_, err := StageFile(bad, []byte("x"))
		if err == nil || !strings.HasPrefix(err.Error(), bad+" ") || strings.Contains(err.Error(), ".tmp") {
			t.Errorf("StageFile(%s) = %v; want an error naming the path", bad, err)
		}
	}
}
