package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/internal/outdir"
)

// TestWarmRunMatchesCold: a run into an -out that holds a previous run's
// output and cache gives exactly the bytes and the report a cold run into
// an empty -out gives, takes unchanged files from the format cache and
// unchanged pages from the parse memo: after no change, after one changed
// page, after a generator change, with a corrupt or missing cache or
// memo, and after a generated file was edited by hand.
func TestWarmRunMatchesCold(t *testing.T) {
	t.Setenv("DOCGEN_CACHE", t.TempDir()) // not the user's cache
	t.Run("fixture", func(t *testing.T) { warmMatchesCold(t, enPages, true) })
	t.Run("corpus", func(t *testing.T) {
		needCorpus(t)
		if testing.Short() {
			t.Skip("generates the corpus five times; skipped with -short")
		}
		warmMatchesCold(t, corpusDir, false)
	})
}

// warmMatchesCold runs the checks on the pages in dir; the cases about a
// damaged or foreign cache, which do not depend on the pages, only when
// all is set.
func warmMatchesCold(t *testing.T, pages string, all bool) {
	src := copyPagesToTemp(t, pages)
	tmp := t.TempDir()
	warm := filepath.Join(tmp, "warm")
	coldRuns := 0
	pageCount := len(mdFiles(t, src))
	// report is what a run printed but its last line (the summary, which
	// counts what was written).
	report := func(r result) string { return r.stderr[:strings.LastIndex(strings.TrimSuffix(r.stderr, "\n"), "\n")+1] }
	var wantReport string
	// cold generates src into a fresh directory and returns its Go files.
	cold := func() map[string]string {
		t.Helper()
		coldRuns++
		// Beside warm, at the same depth: headers record page paths
		// relative to -out.
		dir := filepath.Join(tmp, "cold"+string(rune('a'+coldRuns)))
		r := docgen(t, "-v", "-out", dir, "-pkg", "graph", src)
		if r.code != 0 {
			t.Fatalf("cold run: %v", r)
		}
		if lastCache.Hits() != 0 || lastMemo.Hits() != 0 {
			t.Fatalf("a cold run took %d files from a cache and %d pages from a memo", lastCache.Hits(), lastMemo.Hits())
		}
		wantReport = report(r)
		return goFiles(t, dir)
	}
	// warmRun generates src into warm, checks it and the report against
	// the last cold run's, and returns how many files came from the cache
	// and how many pages from the memo. The run record goes first, so that
	// every run does its work (TestRunRecord covers the record).
	warmRun := func(what string, want map[string]string) (files, pages int) {
		t.Helper()
		removeRunRecord(t, warm)
		r := docgen(t, "-v", "-out", warm, "-pkg", "graph", src)
		if r.code != 0 || lastRunReplayed {
			t.Fatalf("%s: replayed %v: %v", what, lastRunReplayed, r)
		}
		if got := goFiles(t, warm); !sameSnapshot(got, want) {
			t.Fatalf("%s: the warm output differs from a cold run's", what)
		}
		if got := report(r); got != wantReport {
			t.Fatalf("%s: the warm run reports\n%s\nwhere a cold run reports\n%s", what, got, wantReport)
		}
		return lastCache.Hits(), lastMemo.Hits()
	}

	want := cold()
	n := len(want)
	if hits, memo := warmRun("first run into -out", want); hits != 0 || memo != 0 {
		t.Errorf("first run into an empty -out: %d cache hits, %d pages recalled", hits, memo)
	}
	if hits, memo := warmRun("unchanged", want); hits != n || memo != pageCount {
		t.Errorf("unchanged input: %d of %d files from the cache, %d of %d pages recalled", hits, n, memo, pageCount)
	}
	// Again, with the run record of the last run in place.
	if r := docgen(t, "-v", "-out", warm, "-pkg", "graph", src); r.code != 0 || !lastRunReplayed {
		t.Errorf("unchanged input, the run record in place: replayed %v, %v", lastRunReplayed, r)
	} else if got := goFiles(t, warm); !sameSnapshot(got, want) {
		t.Error("a replayed run changed the output")
	}

	changePage(t, src)
	changed := cold()
	if sameSnapshot(changed, want) {
		t.Fatal("changing a page changed no output: the test changes nothing")
	}
	if hits, memo := warmRun("one page changed", changed); hits < n-2 || hits == n || memo != pageCount-1 {
		t.Errorf("one page changed: %d of %d files from the cache, want all but the page's and the registry; %d of %d pages recalled, want all but one", hits, n, memo, pageCount)
	}

	if !all {
		return
	}
	saved := generatorID
	t.Cleanup(func() { generatorID = saved })
	generatorID = func() string { return "another generator" }
	if hits, memo := warmRun("generator changed", changed); hits != 0 || memo != 0 {
		t.Errorf("after a generator change: %d files from the cache, %d pages recalled", hits, memo)
	}
	generatorID = saved

	// The memo is damaged: one byte changed (its checksum fails), then
	// cut short, then gone. Each run parses every page again.
	memoFile := memoPath(warm)
	warmRun("memo rebuilt", changed)
	b, err := os.ReadFile(memoFile)
	if err != nil {
		t.Fatalf("no parse memo after a run: %v", err)
	}
	for _, damaged := range [][]byte{flipByte(b, len(b)/2), b[:len(b)/2], nil} {
		if damaged == nil {
			if err := os.Remove(memoFile); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(memoFile, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, memo := warmRun("damaged memo", changed); memo != 0 {
			t.Errorf("a damaged or missing memo gave %d pages", memo)
		}
	}

	cacheFile := outdir.CachePath(warm)
	if err := os.WriteFile(cacheFile, []byte("docgen cache 1 "+generatorID()+"\nnot hex at all\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if hits, _ := warmRun("corrupt cache", changed); hits != 0 {
		t.Errorf("a corrupt cache gave %d hits", hits)
	}
	if err := os.Remove(cacheFile); err != nil {
		t.Fatal(err)
	}
	if hits, _ := warmRun("missing cache", changed); hits != 0 {
		t.Errorf("a missing cache gave %d hits", hits)
	}
	warmRun("cache rebuilt", changed)

	// A file edited by hand (header kept) is regenerated, not trusted.
	var edited string
	for name := range changed {
		edited = name
		break
	}
	path := filepath.Join(warm, edited)
	if err := os.WriteFile(path, []byte(changed[edited]+"\n// edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if hits, _ := warmRun("file edited by hand", changed); hits != n-1 && hits != n {
		t.Errorf("after one file was edited: %d of %d files from the cache", hits, n)
	}
}

// TestRunRecord: a run whose input (generator, settings, pages) is that of
// the last completed run into -out, while -out and -model still hold what
// that run wrote, is answered from the run record: same files, same
// report. Any difference makes the run do its work: a changed page, a
// changed generator or setting, an edited, missing or orphaned output
// file, or a changed -model file.
func TestRunRecord(t *testing.T) {
	t.Setenv("DOCGEN_CACHE", t.TempDir())
	src := copyPagesToTemp(t, enPages)
	tmp := t.TempDir()
	out := filepath.Join(tmp, "out")
	modelFile := filepath.Join(tmp, "model.json")
	args := []string{"-out", out, "-pkg", "graph", "-model", modelFile, src}

	// coldOutput generates src into a fresh directory beside out (headers
	// record page paths relative to -out) and returns its Go files.
	colds := 0
	coldOutput := func() map[string]string {
		t.Helper()
		colds++
		dir := filepath.Join(tmp, "cold"+string(rune('a'+colds)))
		if r := docgen(t, "-out", dir, "-pkg", "graph", src); r.code != 0 {
			t.Fatalf("cold run: %v", r)
		}
		return goFiles(t, dir)
	}
	// again runs docgen with args, checks that -out holds want, and says
	// whether the run record answered.
	again := func(what string, want map[string]string, args ...string) (result, bool) {
		t.Helper()
		r := docgen(t, args...)
		if r.code != 0 {
			t.Fatalf("%s: %v", what, r)
		}
		if got := goFiles(t, out); !sameSnapshot(got, want) {
			t.Fatalf("%s: the output differs from a cold run's", what)
		}
		return r, lastRunReplayed
	}
	mustReplay := func(what string, want map[string]string, full result) {
		t.Helper()
		r, replayed := again(what, want, args...)
		if !replayed {
			t.Fatalf("%s: the run did its work again", what)
		}
		if r.stderr != full.stderr {
			t.Errorf("%s: the replayed report differs from the full run's:\n%s\nwant:\n%s", what, r.stderr, full.stderr)
		}
	}
	mustRedo := func(what string, want map[string]string) result {
		t.Helper()
		r, replayed := again(what, want, args...)
		if replayed {
			t.Fatalf("%s: answered from the run record", what)
		}
		return r
	}

	want := coldOutput()
	mustRedo("first run", want)
	removeRunRecord(t, out)
	full := mustRedo("second run, the record removed", want)
	if !strings.Contains(full.stderr, "0 written") {
		t.Fatalf("a run over unchanged input wrote files: %s", full.stderr)
	}
	mustReplay("unchanged input and output", want, full)
	if r := docgen(t, "-check", "-out", out, "-pkg", "graph", "-model", modelFile, src); r.code != 0 || !lastRunReplayed || !strings.Contains(r.stderr, "matches the docs") {
		t.Errorf("-check on unchanged input and output: replayed %v, %v", lastRunReplayed, r)
	}
	if _, replayed := again("another setting (-v)", want, append([]string{"-v"}, args...)...); replayed {
		t.Error("-v was answered from the record of a run without it")
	}
	mustRedo("back to the first settings", want)

	// Output that is not what the record says.
	var name string
	for name = range want {
		break
	}
	if err := os.WriteFile(filepath.Join(out, name), []byte(want[name]+"// edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRedo("a file edited by hand", want)
	mustReplay("after the edit was undone", want, full)
	if err := os.Remove(filepath.Join(out, name)); err != nil {
		t.Fatal(err)
	}
	mustRedo("a file removed", want)
	orphan := filepath.Join(out, "zz_orphan_gen.go")
	if err := os.WriteFile(orphan, []byte(want[name]), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRedo("an orphaned docgen file", want)
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Errorf("the orphan was not removed: %v", err)
	}
	dump, err := os.ReadFile(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(modelFile, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRedo("a changed -model file", want)
	if got, _ := os.ReadFile(modelFile); string(got) != string(dump) {
		t.Error("the -model file was not restored")
	}

	// Input that is not what the record says.
	saved := generatorID
	generatorID = func() string { return "another generator" }
	mustRedo("another generator", want)
	generatorID = saved
	mustRedo("this generator again", want)
	changePage(t, src)
	changed := coldOutput()
	mustRedo("a changed page", changed)
	removeRunRecord(t, out)
	full = mustRedo("the changed page, the record removed", changed)
	mustReplay("the changed page again", changed, full)
}

// removeRunRecord deletes the run record of dir, if any.
func removeRunRecord(t *testing.T, dir string) {
	t.Helper()
	path := outdir.CachePathWith(dir, ".run")
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}

// copyPagesToTemp copies the .md pages of dir into a fresh directory.
func copyPagesToTemp(t testing.TB, dir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in %s (%v)", dir, err)
	}
	out := t.TempDir()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// changePage adds a property to the Properties table of the first page (in
// name order) that has one.
func changePage(t testing.TB, dir string) {
	t.Helper()
	editPropertiesTable(t, dir, func(table propertiesTable) []string {
		row := "| warmRunTestNote | String | Added by the warm-run test. |"
		return slices.Insert(table.lines, table.firstRow, row)
	})
}

// propertiesTable is a page's lines, and where the rows of the first
// table under its Properties heading start and end.
type propertiesTable struct {
	lines             []string
	firstRow, endRows int
}

// editPropertiesTable rewrites the first page (in name order) with a
// Properties table as edit returns its lines.
func editPropertiesTable(t testing.TB, dir string, edit func(propertiesTable) []string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		table := propertiesTable{lines: strings.Split(string(b), "\n"), firstRow: -1}
		inSection := false
		for i, line := range table.lines {
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "## Properties") {
				inSection = true
			} else if inSection && strings.HasPrefix(trimmed, "|") && strings.Trim(trimmed, "|-: ") == "" {
				table.firstRow = i + 1 // after the delimiter row
				break
			}
		}
		if table.firstRow < 0 {
			continue
		}
		table.endRows = table.firstRow
		for table.endRows < len(table.lines) && strings.HasPrefix(strings.TrimSpace(table.lines[table.endRows]), "|") {
			table.endRows++
		}
		if err := os.WriteFile(f, []byte(strings.Join(edit(table), "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("no page in %s has a Properties table to change", dir)
}

// flipByte is b with the byte at i changed.
func flipByte(b []byte, i int) []byte {
	out := slices.Clone(b)
	out[i] ^= 0x55
	return out
}

// mdFiles lists the pages in dir.
func mdFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in %s (%v)", dir, err)
	}
	return files
}

// goFiles maps each .go file in dir to its content.
func goFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, content := range snapshot(t, dir) {
		if strings.HasSuffix(name, ".go") {
			out[name] = content
		}
	}
	if len(out) == 0 {
		t.Fatalf("no Go files in %s", dir)
	}
	return out
}

// TestCheckWritesNoCache: -check writes nothing, in the cache directory
// either: no record, no file cache, no parse memo.
func TestCheckWritesNoCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("DOCGEN_CACHE", cache)
	out := t.TempDir()
	if r := docgen(t, "-check", "-out", out, "-pkg", "graph", enPages); r.code != 1 {
		t.Fatalf("-check of an empty -out: %v", r)
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 0 {
		t.Errorf("-check wrote %d file(s) in the cache directory", len(entries))
	}
}

// TestUnwritableCache: a cache directory that cannot be made costs only
// time: the run succeeds and says so in one warning, which -q silences.
func TestUnwritableCache(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOCGEN_CACHE", filepath.Join(blocker, "cache")) // under a file: never a directory
	r := docgen(t, "-out", t.TempDir(), "-pkg", "graph", enPages)
	if r.code != 0 || strings.Count(r.stderr, "warning: cannot save") != 1 {
		t.Errorf("want success and one warning: %v", r)
	}
	r = docgen(t, "-q", "-out", t.TempDir(), "-pkg", "graph", enPages)
	if r.code != 0 || r.stderr != "" {
		t.Errorf("-q: want success and silence: %v", r)
	}
}

// TestReadmeSummaryLine: the summary line the README shows, for the v1.0
// pages after one page's descriptions changed, is the one docgen prints
// now (the README elides the middle of the codes' list).
func TestReadmeSummaryLine(t *testing.T) {
	needCorpus(t)
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, shown, ok := strings.Cut(string(readme), "after one page's descriptions changed):\n\n```\n")
	if !ok {
		t.Fatal("README: no summary line after \"after one page's descriptions changed):\"")
	}
	shown, _, _ = strings.Cut(shown, "\n")

	t.Setenv("DOCGEN_CACHE", t.TempDir())
	pages := copyPagesToTemp(t, corpusDir)
	out := filepath.Join(t.TempDir(), "graph")
	if r := docgen(t, "-out", out, "-pkg", "graph", pages); r.code != 0 {
		t.Fatalf("first run: %v", r)
	}
	changeDescriptions(t, pages)
	r := docgen(t, "-out", out, "-pkg", "graph", pages)
	if r.code != 0 {
		t.Fatalf("second run: %v", r)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	got := strings.ReplaceAll(lines[len(lines)-1], out, "graph")
	// "(DG011 5, DG016 1, DG032 4, ...; 521 not shown" -> the first two codes, "...", the rest.
	head, rest, ok := strings.Cut(got, "(")
	codes, tail, ok2 := strings.Cut(rest, "; ")
	if !ok || !ok2 {
		t.Fatalf("summary line %q has no list of codes", got)
	}
	list := strings.Split(codes, ", ")
	elided := head + "(" + strings.Join(list[:min(2, len(list))], ", ") + ", ...; " + tail
	if elided != shown {
		t.Errorf("README's summary line differs from docgen's; now:\n%s", elided)
	}
}

// changeDescriptions appends a sentence to the description of every row
// of the first Properties table of the first page (in name order) that has
// one: rows a base type documents too are dropped from the output, so
// changing one row alone may change nothing.
func changeDescriptions(t testing.TB, dir string) {
	t.Helper()
	editPropertiesTable(t, dir, func(table propertiesTable) []string {
		for i := table.firstRow; i < table.endRows; i++ {
			table.lines[i] = strings.TrimSuffix(strings.TrimSpace(table.lines[i]), "|") + " Changed by the summary test. |"
		}
		return table.lines
	})
}
