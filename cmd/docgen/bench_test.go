package main

import (
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/internal/floor"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// BenchmarkCommandVsFloor is the command itself, in process, on the v1.0
// corpus, against the floor: goldmark alone parsing the same pages on as
// many workers. Each iteration runs the floor, then the command, so that
// load from other work falls on both alike; x-floor is the command's time
// over the floor's.
//   - cold: into a fresh -out, without any cache;
//   - warm: again into an -out that holds the last run's output, the run
//     record and format cache in place (what go generate meets when the
//     docs did not change);
//   - one: the same after one page changed (a property added to a copy of
//     the corpus before each run): the other pages come from the parse
//     memo and their files from the cache.
func BenchmarkCommandVsFloor(b *testing.B) {
	needCorpus(b)
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s: %v", corpusDir, err)
	}
	fl := floor.New()
	tmp := b.TempDir()
	warmOut := filepath.Join(tmp, "warm")
	cold := 0
	pages := corpusDir
	command := func(b *testing.B, out string) {
		if code := run([]string{"-q", "-pkg", "graph", "-out", out, pages}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("docgen exited %d", code)
		}
	}
	for _, tc := range []struct {
		name, cache string
		job         func(b *testing.B)
	}{
		{"cold", "off", func(b *testing.B) {
			cold++
			command(b, filepath.Join(tmp, "cold", string(rune('a'+cold%26)), time.Now().Format("150405.000000000")))
		}},
		{"warm", filepath.Join(tmp, "cache"), func(b *testing.B) {
			command(b, warmOut)
			if !lastRunReplayed {
				b.Fatal("the warm run did its work again")
			}
		}},
		{"one", filepath.Join(tmp, "cache"), func(b *testing.B) {
			command(b, warmOut)
			if lastRunReplayed || lastMemo.Hits() != len(files)-1 {
				b.Fatalf("one page changed: replayed %v, %d of %d pages from the memo", lastRunReplayed, lastMemo.Hits(), len(files))
			}
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.Setenv("DOCGEN_CACHE", tc.cache)
			if tc.name == "one" {
				pages = copyPagesToTemp(b, corpusDir)
				defer func() { pages = corpusDir }()
			}
			if tc.name != "cold" {
				command(b, warmOut) // the run that fills -out, the record and the memo
			}
			var floorTime, job time.Duration
			for b.Loop() {
				if tc.name == "one" {
					changePage(b, pages) // outside both timings
				}
				t0 := time.Now()
				if err := fl.Parse(files); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				tc.job(b)
				floorTime, job = floorTime+t1.Sub(t0), job+time.Since(t1)
			}
			b.ReportMetric(float64(job)/float64(floorTime), "x-floor")
		})
	}
}

// BenchmarkResolveAndName is the serial stretch of a run between parsing
// and rendering, on the v1.0 corpus: resolving the pages into a schema and
// naming its Go identifiers run on one core, so every millisecond here is
// a millisecond of wall time with the second core idle. The pages are
// parsed again before each iteration, outside the timing, as Resolve
// takes them over.
func BenchmarkResolveAndName(b *testing.B) {
	needCorpus(b)
	files, err := parser.Files([]string{corpusDir})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		pages, diags, err := parser.ParseFiles(files)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		emit.Name(model.Resolve(pages, &diags))
	}
}
