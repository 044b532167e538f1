package parser_test

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/docgen/emit"
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
		pages, diags, err := parser.ParseFiles(files)
		if err != nil {
			b.Fatal(err)
		}
		schema := model.Resolve(pages, &diags)
		if _, err := emit.Generate(schema, emit.Options{Package: "graph"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCorpusFloor reads the same files and parses them with goldmark on
// the same number of workers, and nothing else: no tool built on goldmark
// can do the job faster than this.
func BenchmarkCorpusFloor(b *testing.B) {
	files := corpusFiles(b)
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	b.ReportAllocs()
	for b.Loop() {
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
}
