package parser_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/internal/floor"
	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

const benchCorpus = "../../shared/corpus/en/v1.0"

func corpusFiles(b *testing.B) []string {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(benchCorpus, "*.md"))
	if err != nil || len(files) == 0 {
		b.Skipf("../shared/corpus not found (%v): the corpus benchmarks run only beside the shared folder", err)
	}
	return files
}

// BenchmarkCorpus is docgen's whole job on the v1.0 corpus without disk
// writes: read, parse, resolve, emit, format. Compare it with
// BenchmarkCorpusFloor from the same run.
func BenchmarkCorpus(b *testing.B) {
	files := corpusFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		corpusOnce(b, files)
	}
}

func corpusOnce(b *testing.B, files []string) {
	pages, diags, err := parser.ParseFiles(files)
	if err != nil {
		b.Fatal(err)
	}
	schema := model.Resolve(pages, &diags)
	if _, err := emit.Generate(schema, emit.Options{Package: "graph"}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCorpusFloor reads the same files and parses them with goldmark on
// the same number of workers, and nothing else: no tool built on goldmark
// can do the job faster than this.
func BenchmarkCorpusFloor(b *testing.B) {
	files := corpusFiles(b)
	fl := floor.New()
	b.ReportAllocs()
	for b.Loop() {
		floorOnce(b, fl, files)
	}
}

func floorOnce(b *testing.B, fl *floor.Parser, files []string) {
	if err := fl.Parse(files); err != nil {
		b.Fatal(err)
	}
}

// widePage is a resource page whose Properties table has rows rows, each
// property a collection of another documented type.
func widePage(rows int) []byte {
	var sb strings.Builder
	sb.WriteString("# wide resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for i := range rows {
		fmt.Fprintf(&sb, "| **p%d** | [part](part.md) collection | Part %d. |\n", i, i)
	}
	sb.WriteString("\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.wide\" } -->\n\n```json\n{}\n```\n")
	return []byte(sb.String())
}

// BenchmarkWidePage is the cost per property: the whole job (parse,
// resolve, emit, format) on one page of 1k, 10k and 100k properties. Each
// iteration first parses the same page with goldmark alone (the floor),
// then does the job, so that load from other work falls on both alike.
// ns/property (the job's) should stay flat as rows grow; x-floor is the
// job's time over the floor's; B/op counts both.
func BenchmarkWidePage(b *testing.B) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	for _, rows := range []int{1_000, 10_000, 100_000} {
		raw := widePage(rows)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			var floor, job time.Duration
			for b.Loop() {
				t0 := time.Now()
				md.Parser().Parse(text.NewReader(raw))
				t1 := time.Now()
				page, diags := parser.Parse("wide.md", raw)
				schema := model.Resolve([]*model.Page{page}, &diags)
				if _, err := emit.Generate(schema, emit.Options{Package: "graph"}); err != nil {
					b.Fatal(err)
				}
				floor, job = floor+t1.Sub(t0), job+time.Since(t1)
			}
			b.ReportMetric(float64(job.Nanoseconds())/float64(b.N)/float64(rows), "ns/property")
			b.ReportMetric(float64(floor.Nanoseconds())/float64(b.N)/float64(rows), "floor-ns/property")
			b.ReportMetric(float64(job)/float64(floor), "x-floor")
		})
	}
}

// BenchmarkCorpusWarm is a second run into an up-to-date output directory
// when the run record cannot answer (a page changed, say): the whole job,
// with the format cache of the first run in place and the writes (none,
// the files being unchanged) included. Compare it with BenchmarkCorpusFloor
// from the same run; cmd/docgen's BenchmarkCommandVsFloor measures the
// command with its run record.
func BenchmarkCorpusWarm(b *testing.B) {
	files := corpusFiles(b)
	out := b.TempDir()
	warmOnce(b, files, out)
	b.ReportAllocs()
	for b.Loop() {
		warmOnce(b, files, out)
	}
}

// warmOnce is a run into out as cmd/docgen makes it: the cache of the
// previous run consulted, changed files written, the cache saved.
func warmOnce(b *testing.B, files []string, out string) {
	const generator = "docgen benchmarks"
	pages, diags, err := parser.ParseFiles(files)
	if err != nil {
		b.Fatal(err)
	}
	schema := model.Resolve(pages, &diags)
	cache := outdir.LoadCache(out, generator)
	generated, err := emit.Generate(schema, emit.Options{Package: "graph", Formatted: cache.Lookup})
	if err != nil {
		b.Fatal(err)
	}
	written := make([]outdir.CacheFile, len(generated))
	for i, f := range generated {
		written[i] = outdir.CacheFile{Key: f.Key, File: outdir.File{Name: f.Name, Content: f.Content}}
	}
	if _, err := outdir.Write(out, outFiles(written)); err != nil {
		b.Fatal(err)
	}
	if err := outdir.SaveCache(out, generator, written); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCorpusVsFloor reports the multiple of the floor directly: each
// iteration runs the floor and then the job (cold: BenchmarkCorpus's work;
// warm: BenchmarkCorpusWarm's, writes included, without the run record),
// back to back, so that
// load from other work on a shared machine falls on both alike. x-floor is
// the job's total time over the floor's.
func BenchmarkCorpusVsFloor(b *testing.B) {
	files := corpusFiles(b)
	fl := floor.New()
	out := b.TempDir()
	for _, tc := range []struct {
		name string
		job  func(b *testing.B)
	}{
		{"cold", func(b *testing.B) { corpusOnce(b, files) }},
		{"warm", func(b *testing.B) { warmOnce(b, files, out) }},
	} {
		tc.job(b) // warm-up; for "warm", the run that fills out
		b.Run(tc.name, func(b *testing.B) {
			var floorTime, job time.Duration
			for b.Loop() {
				t0 := time.Now()
				floorOnce(b, fl, files)
				t1 := time.Now()
				tc.job(b)
				floorTime, job = floorTime+t1.Sub(t0), job+time.Since(t1)
			}
			b.ReportMetric(float64(job)/float64(floorTime), "x-floor")
		})
	}
}

func outFiles(files []outdir.CacheFile) []outdir.File {
	out := make([]outdir.File, len(files))
	for i, f := range files {
		out[i] = f.File
	}
	return out
}
