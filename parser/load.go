package parser

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/graphdocgen/docgen/model"
)

// Files expands the command line's paths into markdown files: a file as
// given, a directory as every .md file below it, in lexical order. A path
// that cannot be read is an error.
func Files(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(path string) {
		if key := filepath.Clean(path); !seen[key] {
			seen[key] = true
			out = append(out, path)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".md") {
				add(path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ParseFiles reads and parses files on every core. Pages and diagnostics
// come back in the order of files, whatever the scheduling.
func ParseFiles(files []string) ([]*model.Page, model.Diagnostics, error) {
	type result struct {
		page  *model.Page
		diags model.Diagnostics
		err   error
	}
	results := make([]result, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Go(func() {
			for i := range next {
				raw, err := os.ReadFile(files[i])
				if err != nil {
					results[i].err = err
					continue
				}
				results[i].page, results[i].diags = Parse(files[i], raw)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	var pages []*model.Page
	var diags model.Diagnostics
	for _, r := range results {
		if r.err != nil {
			return nil, nil, fmt.Errorf("reading input: %w", r.err)
		}
		pages = append(pages, r.page)
		diags = append(diags, r.diags...)
	}
	return pages, diags, nil
}
