package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// BenchmarkCommandVsFloor is the command itself, in process, on the v1.0
// corpus, against the floor: goldmark alone parsing the same pages on as
// many workers. Each iteration runs the floor, then the command, so that
// load from other work falls on both alike; x-floor is the command's time
// over the floor's.
//   - cold: into a fresh -out, without any cache;
//   - warm: again into an -out that holds the last run's output, the run
//     record and format cache in place (what go generate meets when the
//     docs did not change).
func BenchmarkCommandVsFloor(b *testing.B) {
	needCorpus(b)
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s: %v", corpusDir, err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	tmp := b.TempDir()
	warmOut := filepath.Join(tmp, "warm")
	cold := 0
	command := func(b *testing.B, out string) {
		if code := run([]string{"-q", "-pkg", "graph", "-out", out, corpusDir}, io.Discard, io.Discard); code != 0 {
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
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.Setenv("DOCGEN_CACHE", tc.cache)
			if tc.name == "warm" {
				command(b, warmOut) // the run that fills -out and the record
			}
			var floor, job time.Duration
			for b.Loop() {
				t0 := time.Now()
				parseOnly(b, md, files)
				t1 := time.Now()
				tc.job(b)
				floor, job = floor+t1.Sub(t0), job+time.Since(t1)
			}
			b.ReportMetric(float64(job)/float64(floor), "x-floor")
		})
	}
}

// parseOnly is the floor: read each page and parse it with goldmark, on
// GOMAXPROCS workers.
func parseOnly(b *testing.B, md goldmark.Markdown, files []string) {
	next := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				raw, err := os.ReadFile(f)
				if err != nil {
					b.Error(err)
					continue
				}
				md.Parser().Parse(text.NewReader(raw))
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
}
