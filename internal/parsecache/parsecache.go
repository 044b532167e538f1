// Package parsecache keeps what parser.Parse made of each page in the last
// run into an output directory, so that the next run parses only the pages
// that changed. It implements parser.Memo.
//
// An entry is found by the hash of the page's path and bytes; the file
// holding the entries names the generator that wrote it, so a change to
// docgen (any change to its executable) empties it. A file that is
// missing, truncated or altered (it ends with a checksum of the rest) is an
// empty memo: the run parses everything, as a cold run does.
package parsecache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/graphdocgen/docgen/internal/outdir"
	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// header starts the file, followed by the generator's identity and a
// newline; the entries follow (key, varint length, entry), then the
// SHA-256 of everything before it.
const header = "docgen pages 1 "

type key = [sha256.Size]byte

// Memo is the pages of the last run, and those of this one as they are
// recalled or parsed. Safe for concurrent use.
type Memo struct {
	generator string
	old       map[key]string // entries of the last run, not yet decoded

	mu      sync.Mutex
	now     map[key]string // the entries of this run's pages
	changed bool           // now differs from old
	hits    atomic.Int64
}

// Load reads the memo at path written by the same generator. It never
// fails: anything unreadable is an empty memo. An empty generator (docgen
// could not identify itself) gives nil, which keeps nothing.
func Load(path, generator string) *Memo {
	if generator == "" || strings.ContainsAny(generator, "\r\n") {
		return nil
	}
	m := &Memo{generator: generator, old: map[key]string{}, now: map[key]string{}}
	raw, err := os.ReadFile(path)
	if err != nil {
		return m
	}
	if entries, ok := parseFile(raw, generator); ok {
		m.old = entries
	}
	return m
}

func parseFile(raw []byte, generator string) (map[key]string, bool) {
	head := header + generator + "\n"
	if len(raw) < len(head)+sha256.Size || !bytes.HasPrefix(raw, []byte(head)) {
		return nil, false
	}
	body, sum := raw[:len(raw)-sha256.Size], raw[len(raw)-sha256.Size:]
	if sha256.Sum256(body) != key(sum) {
		return nil, false
	}
	body = body[len(head):]
	// Entries are cut from the file's bytes as strings, without a copy
	// (fresh memory costs more than the rest of Load): raw is never
	// written after this.
	all := unsafe.String(unsafe.SliceData(body), len(body))
	entries := make(map[key]string, len(body)/1024)
	for i := 0; i < len(body); {
		if len(body)-i < sha256.Size {
			return nil, false
		}
		k := key(body[i : i+sha256.Size])
		i += sha256.Size
		n, w := binary.Uvarint(body[i:])
		if w <= 0 || n > uint64(len(body)-i-w) {
			return nil, false
		}
		i += w
		entries[k] = all[i : i+int(n)]
		i += int(n)
	}
	return entries, true
}

// keyOf hashes what Parse's result depends on: the path as given (every
// position names it) and the bytes, by their SHA-256 (r.Sum, computed
// here when the reader did not).
func keyOf(r parser.Read) key {
	sum := r.Sum
	if sum == (key{}) {
		sum = sha256.Sum256(r.Bytes)
	}
	b := make([]byte, 0, binary.MaxVarintLen64+len(r.Path)+len(sum))
	b = binary.AppendUvarint(b, uint64(len(r.Path)))
	b = append(b, r.Path...)
	b = append(b, sum[:]...)
	return sha256.Sum256(b)
}

// Recall returns the page the last run parsed from the same path and
// bytes, decoded afresh (the caller may change it).
func (m *Memo) Recall(r parser.Read) (*model.Page, model.Diagnostics, bool) {
	if m == nil {
		return nil, nil, false
	}
	k := keyOf(r)
	entry, ok := m.old[k]
	if !ok {
		return nil, nil, false
	}
	page, diags, err := decode(r.Path, entry)
	if err != nil {
		return nil, nil, false
	}
	m.mu.Lock()
	m.now[k] = entry
	m.mu.Unlock()
	m.hits.Add(1)
	return page, diags, true
}

// Keep records what Parse made of the page read.
func (m *Memo) Keep(r parser.Read, page *model.Page, diags model.Diagnostics) {
	if m == nil {
		return
	}
	k := keyOf(r)
	// Encoded in a worker's scratch buffer, which has grown to the pages
	// seen, and kept as a copy of exactly its size.
	buf := scratch.Get().(*[]byte)
	*buf = appendEntry((*buf)[:0], r.Path, page, diags)
	entry := string(*buf)
	if cap(*buf) <= 1<<20 {
		scratch.Put(buf)
	}
	m.mu.Lock()
	m.now[k] = entry
	m.changed = true
	m.mu.Unlock()
}

var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// Hits is how many pages were recalled rather than parsed.
func (m *Memo) Hits() int {
	if m == nil {
		return 0
	}
	return int(m.hits.Load())
}

// Save writes this run's pages to path, replacing the last run's, unless
// they are the same. The file is replaced whole, never half-written.
func (m *Memo) Save(path string) error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.changed && len(m.now) == len(m.old) {
		return nil
	}
	keys := make([]key, 0, len(m.now))
	size := len(header) + len(m.generator) + 1 + sha256.Size
	for k, e := range m.now {
		keys = append(keys, k)
		size += sha256.Size + binary.MaxVarintLen64 + len(e)
	}
	slices.SortFunc(keys, func(a, b key) int { return bytes.Compare(a[:], b[:]) })
	b := make([]byte, 0, size)
	b = append(b, header...)
	b = append(b, m.generator...)
	b = append(b, '\n')
	for _, k := range keys {
		b = append(b, k[:]...)
		b = binary.AppendUvarint(b, uint64(len(m.now[k])))
		b = append(b, m.now[k]...)
	}
	sum := sha256.Sum256(b)
	b = append(b, sum[:]...)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return outdir.WriteAtomic(path, b)
}
