package emit

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/docgen/model"
)

// A resource of thousands of properties is one struct and one codec table
// in one file. Built as one jennifer tree, it is made on one core while the
// other waits, and the whole tree (a statement per token) is live at once:
// most of the time and memory of such a page. From chunkAbove properties,
// its fields and table entries are rendered in chunks of chunkSize instead,
// each chunk by jennifer in a file of its own, on every core, and spliced
// into the page's file where a marker line stands for them. jennifer
// renders an item the same way whatever holds it, so the spliced source is
// byte for byte the source of the whole tree (TestSpliceMatchesWhole).
// A struct or table written as one direct item (direct.go) needs no
// chunks: they serve jennifer's statements, when direct items are off or a
// declaration cannot be one.
var (
	chunkAbove = func() (v atomic.Int64) { v.Store(2000); return }()
	chunkSize  = func() (v atomic.Int64) { v.Store(1000); return }()
	// splicedFiles counts the files made of chunks, for the tests.
	splicedFiles atomic.Int64
)

// splicer collects, for one page, the chunks rendered apart and the marker
// each replaces.
type splicer struct {
	g    *generator
	jobs []spliceJob
}

type spliceJob struct {
	marker string
	render []func() (chunk, error) // in order
	chunks []chunk
}

// chunk is the inside of a container jennifer rendered: the lines between
// its first and last, and the imports the chunk used.
type chunk struct {
	lines   []byte
	imports [][]byte
}

// chunked reports whether t's fields are rendered apart.
func (sp *splicer) chunked(t *model.Type) bool {
	return sp != nil && int64(len(t.Fields)) >= chunkAbove.Load()
}

// add registers the chunks of one container: fields split in runs of
// chunkSize, each rendered by container around items. It returns the
// marker to put where the items go.
func (sp *splicer) add(fields []*model.Field, container func(items func(*jen.Group)) jen.Code, item func(*file, *jen.Group, *model.Field)) string {
	job := spliceJob{marker: fmt.Sprintf("\x00docgen splice %d\x00", len(sp.jobs))}
	size := int(max(chunkSize.Load(), 1))
	for start := 0; start < len(fields); start += size {
		part := fields[start:min(start+size, len(fields))]
		job.render = append(job.render, func() (chunk, error) {
			c, ok, err := sp.renderChunk(container, item, part, true)
			if !ok {
				declinedFills.Add(1) // a stray marker byte: the items inline
				c, _, err = sp.renderChunk(container, item, part, false)
			}
			return c, err
		})
	}
	sp.jobs = append(sp.jobs, job)
	return job.marker
}

// renderChunk renders part by container around items in a file of its
// own, its direct items as markers or inline (direct.go); ok is false when
// the markers cannot be filled in.
func (sp *splicer) renderChunk(container func(items func(*jen.Group)) jen.Code, item func(*file, *jen.Group, *model.Field), part []*model.Field, markers bool) (c chunk, ok bool, err error) {
	f := newFile(sp.g.opts.Package, markers)
	f.ImportName(RuntimePath, "graphrt")
	f.Add(container(func(grp *jen.Group) {
		for _, fld := range part {
			item(f, grp, fld)
		}
	}))
	var tree, filled bytes.Buffer
	src, err := f.rawSource(&tree)
	if err != nil {
		return chunk{}, true, err
	}
	if f.items != nil {
		if !f.items.fill(&filled, src) {
			return chunk{}, false, nil
		}
		src = filled.Bytes()
	}
	c, err = interior(src)
	return c, true, err
}

// run renders every chunk of the page, on every core.
func (sp *splicer) run() error {
	type task struct{ job, i int }
	var tasks []task
	for j := range sp.jobs {
		sp.jobs[j].chunks = make([]chunk, len(sp.jobs[j].render))
		for i := range sp.jobs[j].render {
			tasks = append(tasks, task{j, i})
		}
	}
	errs := make([]error, len(tasks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(tasks)) {
		wg.Go(func() {
			for n := int(next.Add(1) - 1); n < len(tasks); n = int(next.Add(1) - 1) {
				tk := tasks[n]
				sp.jobs[tk.job].chunks[tk.i], errs[n] = sp.jobs[tk.job].render[tk.i]()
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// splice puts the chunks into src, the page's file rendered with markers:
// each marker's line becomes its chunks' lines, and the import block holds
// every import a chunk used, sorted by path as jennifer sorts them. ok is
// false when src is not as expected (a marker found other than once, a
// path under two names); the caller renders the page whole instead.
func (sp *splicer) splice(src []byte) ([]byte, bool) {
	head, imports, body, ok := splitHead(src)
	if !ok {
		return nil, false
	}
	size := len(src)
	for _, job := range sp.jobs {
		for _, c := range job.chunks {
			imports = append(imports, c.imports...)
			size += len(c.lines)
		}
	}
	out, ok := appendHead(make([]byte, 0, size+64), head, imports)
	if !ok {
		return nil, false
	}
	for _, job := range sp.jobs {
		marker := []byte(job.marker)
		at := bytes.Index(body, marker)
		if at < 0 || bytes.Count(body, marker) != 1 {
			return nil, false
		}
		start := bytes.LastIndexByte(body[:at], '\n') + 1
		end := bytes.IndexByte(body[at:], '\n')
		if end < 0 {
			return nil, false
		}
		out = append(out, body[:start]...)
		for _, c := range job.chunks {
			out = append(out, c.lines...)
		}
		body = body[at+end+1:]
	}
	return append(out, body...), true
}

// appendHead appends head and an import block of imports to out, as
// jennifer writes them: sorted by path, each once. ok is false when a path
// comes under two names.
func appendHead(out, head []byte, imports [][]byte) ([]byte, bool) {
	slices.SortFunc(imports, func(a, b []byte) int { return bytes.Compare(importPath(a), importPath(b)) })
	imports = slices.CompactFunc(imports, bytes.Equal)
	for i := 1; i < len(imports); i++ {
		if bytes.Equal(importPath(imports[i-1]), importPath(imports[i])) {
			return nil, false
		}
	}
	out = append(out, head...)
	switch len(imports) {
	case 0:
	case 1:
		out = append(append(append(out, "import "...), imports[0]...), "\n\n"...)
	default:
		out = append(out, "import (\n"...)
		for _, line := range imports {
			out = append(append(out, line...), '\n')
		}
		out = append(out, ")\n\n"...)
	}
	return out, true
}

// withImports is src, a file jennifer rendered, importing paths too (each
// under its own name, as jennifer imports a path whose last element is
// the package's name).
func withImports(src []byte, paths []string) ([]byte, bool) {
	head, imports, body, ok := splitHead(src)
	if !ok {
		return nil, false
	}
	for _, p := range paths {
		imports = append(imports, []byte(strconv.Quote(p)))
	}
	out, ok := appendHead(make([]byte, 0, len(src)+64), head, imports)
	return append(out, body...), ok
}

// splitHead cuts the source jennifer renders for a file into what precedes
// the imports (header comments, package comment, package clause and its
// blank line), the import lines (`"path"` or `name "path"`) and the rest.
func splitHead(src []byte) (head []byte, imports [][]byte, body []byte, ok bool) {
	i := 0
	if !bytes.HasPrefix(src, []byte("package ")) {
		i = bytes.Index(src, []byte("\npackage ")) + 1
		if i == 0 {
			return nil, nil, nil, false
		}
	}
	eol := bytes.Index(src[i:], []byte("\n\n"))
	if eol < 0 {
		return nil, nil, nil, false
	}
	head, rest := src[:i+eol+2], src[i+eol+2:]
	switch {
	case bytes.HasPrefix(rest, []byte("import (\n")):
		end := bytes.Index(rest, []byte("\n)\n\n"))
		if end < 0 {
			return nil, nil, nil, false
		}
		for line := range bytes.Lines(rest[len("import (\n") : end+1]) {
			imports = append(imports, bytes.TrimSuffix(line, []byte("\n")))
		}
		return head, imports, rest[end+len("\n)\n\n"):], true
	case bytes.HasPrefix(rest, []byte("import ")):
		end := bytes.Index(rest, []byte("\n\n"))
		if end < 0 {
			return nil, nil, nil, false
		}
		return head, [][]byte{rest[len("import "):end]}, rest[end+2:], true
	}
	return head, nil, rest, true
}

// importPath is an import line's quoted path, without its name.
func importPath(line []byte) []byte {
	if i := bytes.IndexByte(line, '"'); i >= 0 {
		return line[i:]
	}
	return line
}

// interior reads a chunk file jennifer rendered: its imports, and the lines
// of its one declaration between the first and the last.
func interior(src []byte) (chunk, error) {
	_, imports, body, ok := splitHead(src)
	body = bytes.Trim(body, "\n")
	first, last := bytes.IndexByte(body, '\n'), bytes.LastIndexByte(body, '\n')
	if !ok || first < 0 {
		return chunk{}, fmt.Errorf("emit: a chunk rendered as %.80q, not as a declaration over several lines", src)
	}
	return chunk{lines: body[first+1 : last+1], imports: imports}, nil
}
