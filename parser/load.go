package parser

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/graphdocgen/docgen/internal/readfile"
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
// come back in the order of files, whatever the scheduling. A file that
// cannot be read is a DG004 error, and one over MaxPageBytes a DG005 error
// (only MaxPageBytes+1 bytes of it are read); the other files are still
// parsed, so that one run reports every problem. The error is non-nil when
// some file could not be read; the DG004 diagnostics say which and why.
// A file is read when a worker reaches it; ParseRead parses files read
// beforehand by ReadFiles.
func ParseFiles(files []string) ([]*model.Page, model.Diagnostics, error) {
	return parseAll(len(files), nil, func(i int) Read {
		raw, err := readPage(files[i])
		return Read{Path: files[i], Bytes: raw, Err: err}
	}, nil)
}

// Read is one file as ReadFiles read it.
type Read struct {
	Path  string
	Bytes []byte // no more than MaxPageBytes+1
	Err   error
	// Sum is the SHA-256 of Bytes when ReadFiles read them (zero
	// otherwise), for callers that key a cache by the pages.
	Sum [sha256.Size]byte
}

// ReadFiles reads files on every core, each as ParseFiles would, so that a
// caller can look at the pages and then parse them without reading them
// again. With sum, each is hashed too (Read.Sum), for a caller that keys
// its caches by the pages (docgen knows from them whether a run can be
// skipped, and which pages it parsed before).
func ReadFiles(files []string, sum bool) []Read {
	out := make([]Read, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				raw, err := readPage(files[i])
				out[i] = Read{Path: files[i], Bytes: raw, Err: err}
				if sum && err == nil {
					out[i].Sum = sha256.Sum256(raw)
				}
			}
		})
	}
	wg.Wait()
	return out
}

// Memo remembers what Parse made of a page before. Parse is a function of
// a page's path and bytes alone, so a memo keyed by both (and by the
// parser's build) may answer for it. Its methods are called from every
// worker at once.
type Memo interface {
	// Recall returns what Parse made of the page read, if it is known.
	Recall(r Read) (*model.Page, model.Diagnostics, bool)
	// Keep is told what Parse made of the page read, before anyone else
	// sees the result.
	Keep(r Read, page *model.Page, diags model.Diagnostics)
}

// ParseRead is ParseFiles for files ReadFiles read, taking from memo, when
// it is not nil, what it recalls of a page, and telling it what the other
// pages gave. The largest pages are parsed first, so that no large page is
// left to parse on one core at the end while the others wait. A page's
// Bytes are dropped from files when a worker takes it, so that pages
// parsed leave the heap rather than the whole input staying live to the
// end.
func ParseRead(files []Read, memo Memo) ([]*model.Page, model.Diagnostics, error) {
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(files[b].Bytes) - len(files[a].Bytes) })
	return parseAll(len(files), order, func(i int) Read {
		r := files[i]
		files[i].Bytes = nil
		return r
	}, memo)
}

// collectAfter is the page size from which Parse collects garbage once it
// is done with the page's syntax tree, some 100 MB or more.
const collectAfter = 1 << 20

// parseAll parses n files, handing them to the workers in order (file
// order when nil); results come back in file order.
func parseAll(n int, order []int, read func(i int) Read, memo Memo) ([]*model.Page, model.Diagnostics, error) {
	type result struct {
		page  *model.Page
		diags model.Diagnostics
	}
	results := make([]result, n)
	// Workers take the next index themselves: a channel would wake a
	// goroutine per page.
	var next atomic.Int64
	// Parsing holds ~100 bytes per input byte at worst; bytes in flight are
	// capped so that a few huge pages do not all peak at once.
	inFlight := newWeighted(MaxPageBytes)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < n; k = int(next.Add(1) - 1) {
				i := k
				if order != nil {
					i = order[k]
				}
				r := read(i)
				if r.Err != nil {
					page := &model.Page{Path: r.Path}
					var diags model.Diagnostics
					diags.Report(model.Pos{File: r.Path, Line: 1}, model.Unreadable, "cannot read file: %v", unwrapPath(r.Err))
					results[i] = result{page, diags}
					continue
				}
				if memo != nil {
					if page, diags, ok := memo.Recall(r); ok {
						results[i] = result{page, diags}
						continue
					}
				}
				w := min(len(r.Bytes), MaxPageBytes)
				raw := r.Bytes
				if memo == nil || r.Sum != ([sha256.Size]byte{}) {
					// Parse holds the bytes as long as it needs them (its
					// text is cut from them, or copied), and a memo keys the
					// page by its Sum: the Read need not keep them.
					r.Bytes = nil
				}
				inFlight.acquire(w)
				results[i].page, results[i].diags = Parse(r.Path, raw)
				inFlight.release(w)
				if memo != nil {
					memo.Keep(r, results[i].page, results[i].diags)
				}
			}
		})
	}
	wg.Wait()

	var pages []*model.Page
	var diags model.Diagnostics
	unreadable := 0
	for _, r := range results {
		pages = append(pages, r.page)
		diags = append(diags, r.diags...)
		if len(r.diags) > 0 && r.diags[0].Code == model.Unreadable {
			unreadable++
		}
	}
	if unreadable > 0 {
		return pages, diags, fmt.Errorf("reading input: %d file(s) cannot be read", unreadable)
	}
	return pages, diags, nil
}

// readPage reads a file, but no more than one byte over MaxPageBytes: a
// huge file is refused by Parse without being held in memory.
func readPage(path string) ([]byte, error) {
	return readfile.Read(path, MaxPageBytes+1)
}

// unwrapPath drops the path from an *fs.PathError: the diagnostic already
// names the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// weighted is a counting semaphore over bytes.
type weighted struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int
}

func newWeighted(n int) *weighted {
	w := &weighted{free: n}
	w.cond = sync.NewCond(&w.mu)
	return w
}

func (w *weighted) acquire(n int) {
	w.mu.Lock()
	for w.free < n {
		w.cond.Wait()
	}
	w.free -= n
	w.mu.Unlock()
}

func (w *weighted) release(n int) {
	w.mu.Lock()
	w.free += n
	w.mu.Unlock()
	w.cond.Broadcast()
}
