package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/internal/parsecache"
	"github.com/graphdocgen/docgen/parser"
)

// generatorID identifies this build of docgen for the warm-run cache
// (outdir.Cache): the hash of its own executable, so that any change to
// the generator, its dependencies or the Go release makes every cached
// file count as stale. Empty, which disables the cache, when the
// executable cannot be read. A variable so that tests can stand in for a
// changed generator.
var generatorID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return exeID(exe, outdir.CacheDir(), keepExeID.Load())
})

// keepExeID: generatorID may keep the executable's identity in the cache
// directory; false for -check.
var keepExeID atomic.Bool

// lastCache is the cache of the latest run, for the tests to count hits.
var lastCache *outdir.Cache

func loadCache(dir string) *outdir.Cache {
	lastCache = outdir.LoadCache(dir, generatorID())
	return lastCache
}

// saveCache records what a completed run wrote, and reports whether it
// could. Failing to is no error: the next run does all its work again; it
// is a warning, which -q silences.
func saveCache(stderr io.Writer, cfg *config, files []emit.File, sums *fileSums) bool {
	if err := outdir.SaveCache(cfg.out, generatorID(), cacheFiles(files, sums)); err != nil {
		if !cfg.quiet {
			fmt.Fprintf(stderr, "docgen: warning: cannot save the warm-run cache %s (the next run does all its work again): %v\n", outdir.CachePath(cfg.out), err)
		}
		return false
	}
	return true
}

// cacheFiles pairs each file with the key emit made it from.
func cacheFiles(files []emit.File, sums *fileSums) []outdir.CacheFile {
	var out []outdir.CacheFile
	for _, f := range files {
		if f.Key != ([32]byte{}) {
			out = append(out, outdir.CacheFile{Key: f.Key, Sum: sums.of(f.Name, f.Content), File: outdir.File{Name: f.Name}})
		}
	}
	return out
}

// fileSums holds the SHA-256 of each generated file, taken on every core
// as the files are made (or known from the cache that read them), so that
// the cache and the run record do not hash the output again.
type fileSums struct {
	mu sync.Mutex
	m  map[string][sha256.Size]byte
}

func (s *fileSums) add(name string, sum [sha256.Size]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string][sha256.Size]byte{}
	}
	s.m[name] = sum
}

// of is the sum of the file name holding content.
func (s *fileSums) of(name string, content []byte) [sha256.Size]byte {
	s.mu.Lock()
	sum, ok := s.m[name]
	s.mu.Unlock()
	if ok {
		return sum
	}
	return sha256.Sum256(content)
}

// lastMemo is the parse memo of the latest run, for the tests to count
// the pages it recalled.
var lastMemo *parsecache.Memo

// memoPath is where the parse memo of dir lives: beside its warm-run
// cache, "" when that is off.
func memoPath(dir string) string { return outdir.CachePathWith(dir, ".pages") }

// loadMemo is the parse memo of dir: what the last run into dir parsed,
// so that this one parses only the pages that changed. nil when the cache
// is off or the generator unknown.
func loadMemo(dir string) *parsecache.Memo {
	lastMemo = nil
	if path := memoPath(dir); path != "" {
		lastMemo = parsecache.Load(path, generatorID())
	}
	return lastMemo
}

// parserMemo is m as a parser.Memo: a nil interface for no memo.
func parserMemo(m *parsecache.Memo) parser.Memo {
	if m == nil {
		return nil
	}
	return m
}

// saveMemo keeps this run's parsed pages for the next; failing to is no
// error (saveCache has warned about the cache directory already).
func saveMemo(dir string, m *parsecache.Memo) {
	if path := memoPath(dir); path != "" {
		m.Save(path)
	}
}

// lastRunReplayed tells the tests whether the latest run was answered from
// its run record.
var lastRunReplayed bool

// runKey hashes everything a run's output and report depend on: the
// generator, the working directory (reports name pages as given), the
// settings and every page, path and bytes. The zero Key, which matches no
// record, when the cache is off, the generator is unknown or a page cannot
// be read (the full run then reports it).
func runKey(cfg *config, files []parser.Read) outdir.Key {
	if outdir.CachePath(cfg.out) == "" {
		return outdir.Key{}
	}
	id := generatorID()
	wd, err := os.Getwd()
	if id == "" || err != nil {
		return outdir.Key{}
	}
	k := outdir.NewKeyWriter()
	for _, part := range []string{"docgen run 1", id, wd, cfg.out, canonical(cfg.out), cfg.pkg, cfg.modelOut,
		fmt.Sprint(cfg.localized, cfg.verbose, cfg.quiet, cfg.noDerived, len(cfg.patterns))} {
		k.AddString(part)
	}
	for _, p := range cfg.patterns {
		k.AddString(p)
	}
	for _, f := range files {
		if f.Err != nil {
			return outdir.Key{}
		}
		k.AddString(f.Path)
		k.Add(f.Sum[:])
	}
	return k.Sum()
}

// replayRun finishes a run whose input is, byte for byte, that of the last
// completed run into -out, when -out (and -model) still hold what that run
// wrote: it prints what that run printed and touches nothing. ok is false
// when there is no such record; the run then does all its work.
func replayRun(cfg *config, key outdir.Key, stderr io.Writer) (code int, ok bool) {
	rec := outdir.LoadRun(cfg.out, key)
	if rec == nil || rec.Extra.Name != cfg.modelOut || !rec.InSync(cfg.out) {
		return 0, false
	}
	lastRunReplayed = true
	stderr.Write(rec.Report)
	if cfg.quiet {
		return 0, true
	}
	if cfg.check {
		fmt.Fprintf(stderr, "docgen: %s matches the docs; %s\n", cfg.out, rec.Notes["warnings"])
	} else {
		fmt.Fprintf(stderr, "docgen: %s%s: 0 written, %d unchanged, 0 removed; %s\n", rec.Notes["kept"], cfg.out, len(rec.Files), rec.Notes["warnings"])
	}
	return 0, true
}

// saveRun records a completed write for replayRun. report is what the run
// printed before its summary line.
func saveRun(stderr io.Writer, cfg *config, key outdir.Key, files []emit.File, sums *fileSums, dump, report []byte, kept, warnings string) {
	runFiles := make([]outdir.RunFile, len(files))
	for i, f := range files {
		runFiles[i] = outdir.RunFile{Name: f.Name, Sum: sums.of(f.Name, f.Content)}
	}
	rec := &outdir.Run{
		Key:    key,
		Files:  runFiles,
		Report: report,
		Notes:  map[string]string{"kept": kept, "warnings": warnings},
	}
	if cfg.modelOut != "" {
		rec.Extra = outdir.RunFile{Name: cfg.modelOut, Sum: sha256.Sum256(dump)}
	}
	if err := outdir.SaveRun(cfg.out, rec); err != nil && !cfg.quiet {
		fmt.Fprintf(stderr, "docgen: warning: cannot save the warm-run record (the next run does all its work again): %v\n", err)
	}
}
