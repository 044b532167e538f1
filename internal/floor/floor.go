// Package floor is the floor docgen's speed is measured against: reading
// pages and parsing each with goldmark on GOMAXPROCS workers, and nothing
// else. No tool built on goldmark can do docgen's job faster. The
// benchmarks that report multiples of the floor and scripts/floor (the
// same as a program) share it.
package floor

import (
	"errors"
	"os"
	"runtime"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Parser parses with goldmark and the table extension, as docgen does.
type Parser struct{ md goldmark.Markdown }

// New makes a Parser; make it once, outside what is timed.
func New() *Parser { return &Parser{md: goldmark.New(goldmark.WithExtensions(extension.Table))} }

// Parse reads and parses files; it returns the read errors, joined.
func (p *Parser) Parse(files []string) error {
	next := make(chan int)
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				raw, err := os.ReadFile(files[i])
				if err != nil {
					errs[i] = err
					continue
				}
				p.md.Parser().Parse(text.NewReader(raw))
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
