// Command floor is the floor docgen's speed is measured against: it reads
// the .md pages of the directories given and parses each with goldmark on
// GOMAXPROCS workers, and does nothing else, as BenchmarkCorpusFloor does
// in-process. scripts/genspeed.sh times it beside docgen.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func main() {
	var files []string
	for _, dir := range os.Args[1:] {
		matches, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		files = append(files, matches...)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	next := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				raw, err := os.ReadFile(f)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
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
