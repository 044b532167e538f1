package outdir

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/graphdocgen/docgen/internal/readfile"
)

// CacheDir is the directory docgen keeps its caches in: $DOCGEN_CACHE, or
// os.UserCacheDir()/docgen; "" when DOCGEN_CACHE=off or there is none.
func CacheDir() string {
	root := os.Getenv("DOCGEN_CACHE")
	switch root {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(base, "docgen")
	}
	return root
}

// CachePath is where the warm-run cache of dir lives: outside dir, in the
// user's cache directory (os.UserCacheDir()/docgen, or the directory
// $DOCGEN_CACHE names), in a file named by a hash of dir's absolute path.
// -out then holds nothing but the output, so a drift check that asks git
// for untracked files stays clean. Empty, which disables the cache, when
// DOCGEN_CACHE=off or there is no cache directory.
func CachePath(dir string) string {
	root := CacheDir()
	if root == "" {
		return ""
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(root, hex.EncodeToString(sum[:12])+".cache")
}

// CachePathWith is CachePath with another extension, for the other
// records kept about dir (".run", docgen's ".pages"); "" when the cache is
// off.
func CachePathWith(dir, ext string) string {
	path := CachePath(dir)
	if path == "" {
		return ""
	}
	return strings.TrimSuffix(path, ".cache") + ext
}

// cacheHeader starts the file, followed by the generator's identity; a
// cache of another layout or another generator, or a line that does not
// parse, makes the whole cache count as missing.
const cacheHeader = "docgen cache 1 "

// Key identifies what a generated file was made from: the caller's hash of
// whatever decides its bytes (emit.File.Key). The cache is kept per
// generator, so the key need not name the generator.
type Key = [sha256.Size]byte

// Cache remembers, for each file of the last completed run, the key it was
// made from and the hash of the bytes written. A hit returns the bytes the
// directory holds only when they still hash to what was written, so a
// missing, stale, corrupt or hand-edited cache or output costs a cold
// run's work for the files concerned, never different output.
type Cache struct {
	dir     string
	entries map[Key]cacheEntry
	hits    atomic.Int64
	mu      sync.Mutex
	read    map[string]readFile // what Lookup read from each file of dir
	// prefetched holds what Prefetch read and verified, by file name,
	// once done is closed.
	prefetched map[string]stampedFile
	done       chan struct{}
}

type stampedFile struct {
	content []byte
	stamp   string
}

type readFile struct {
	content []byte
	sum     [sha256.Size]byte
}

type cacheEntry struct {
	name string
	sum  [sha256.Size]byte
}

// LoadCache reads dir's cache if the same generator wrote it. It never
// fails: no cache, one from another generator or one that cannot be read
// in full is an empty cache, and an empty generator uses no cache at all.
func LoadCache(dir, generator string) *Cache {
	c := &Cache{dir: dir, entries: map[Key]cacheEntry{}}
	if !validGenerator(generator) {
		return c
	}
	path := CachePath(dir)
	if path == "" {
		return c
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	entries, ok := parseCache(raw, generator)
	if ok {
		c.entries = entries
	}
	return c
}

// parseCache reads lines of "key sum name" after the header.
func parseCache(raw []byte, generator string) (map[Key]cacheEntry, bool) {
	entries := map[Key]cacheEntry{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != cacheHeader+generator {
		return nil, false
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 || !validName(fields[2]) {
			return nil, false
		}
		var k Key
		var e cacheEntry
		if !decodeHex(k[:], fields[0]) || !decodeHex(e.sum[:], fields[1]) {
			return nil, false
		}
		e.name = fields[2]
		entries[k] = e
	}
	return entries, sc.Err() == nil
}

func decodeHex(dst []byte, s string) bool {
	n, err := hex.Decode(dst, []byte(s))
	return err == nil && n == len(dst) && len(s) == 2*len(dst)
}

// validGenerator accepts a non-empty identity that fits on the header line.
func validGenerator(generator string) bool {
	return generator != "" && !strings.ContainsAny(generator, "\r\n")
}

// validName accepts a plain file name, never a path out of the directory.
func validName(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsAny(name, "/\\ \t\r\n")
}

// Prefetch reads every file the cache names and checks its bytes, on a
// goroutine of its own, so that the reads overlap the caller's serial work
// (resolving, naming). It takes no lock on the directory: Lookup uses a
// file read this way only while the file keeps the stamp it had when read
// (readfile.Stamp), so a file changed since, by hand or by a run that was
// writing the directory meanwhile, is read again. Where stamps are not
// kept, Prefetch does nothing.
func (c *Cache) Prefetch() {
	if c == nil || len(c.entries) == 0 || !readfile.StampsKept {
		return
	}
	c.done = make(chan struct{})
	entries := slices.Collect(maps.Values(c.entries))
	go func() {
		defer close(c.done)
		got := make(map[string]stampedFile, len(entries))
		for _, e := range entries {
			content, stamp, err := readfile.ReadStamped(filepath.Join(c.dir, e.name), -1)
			if err == nil && stamp != "" && sha256.Sum256(content) == e.sum {
				got[e.name] = stampedFile{content, stamp}
			}
		}
		c.prefetched = got
	}()
}

// Lookup returns the content of the file last written from key, read from
// the directory, if it is still byte for byte what was written. Safe for
// concurrent use.
func (c *Cache) Lookup(key Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	path := filepath.Join(c.dir, e.name)
	var content []byte
	if c.done != nil {
		<-c.done
		if p, ok := c.prefetched[e.name]; ok && readfile.Stamp(path) == p.stamp {
			content = p.content
		}
	}
	if content == nil {
		var err error
		content, err = readfile.Read(path, -1)
		if err != nil || sha256.Sum256(content) != e.sum {
			return nil, false
		}
	}
	c.mu.Lock()
	if c.read == nil {
		c.read = map[string]readFile{}
	}
	c.read[e.name] = readFile{content, e.sum}
	c.mu.Unlock()
	c.hits.Add(1)
	return content, true
}

// Holds reports whether a Lookup of this run read exactly content from the
// file name of the directory, so that the writer need not read it again
// (WriteOptions.Holds). Safe for concurrent use.
func (c *Cache) Holds(name string, content []byte) bool {
	_, ok := c.readAs(name, content)
	return ok
}

// Sum is the SHA-256 of content, which is to be written to the file name:
// known without hashing when a Lookup read exactly it from there. Safe
// for concurrent use.
func (c *Cache) Sum(name string, content []byte) [sha256.Size]byte {
	if read, ok := c.readAs(name, content); ok {
		return read.sum
	}
	return sha256.Sum256(content)
}

// readAs is what a Lookup read from the file name, if that was content.
func (c *Cache) readAs(name string, content []byte) (readFile, bool) {
	if c == nil {
		return readFile{}, false
	}
	c.mu.Lock()
	read, ok := c.read[name]
	c.mu.Unlock()
	return read, ok && bytes.Equal(read.content, content)
}

// Hits is how many lookups were answered from the directory.
func (c *Cache) Hits() int {
	if c == nil {
		return 0
	}
	return int(c.hits.Load())
}

// CacheFile is one file of a completed run and the key it was made from.
// Sum is the SHA-256 of its content, when the caller has it (zero: SaveCache
// computes it).
type CacheFile struct {
	Key Key
	Sum [sha256.Size]byte
	File
}

// SaveCache records files, which dir now holds, as the cache of dir for
// generator (the identity of the program that made them; empty saves
// nothing). Call it only after a write that completed: a cache describing
// files the directory does not hold would only miss (Lookup checks the
// bytes), but would be useless.
func SaveCache(dir, generator string, files []CacheFile) error {
	if !validGenerator(generator) {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(cacheHeader + generator + "\n")
	for _, f := range files {
		if !validName(f.Name) {
			continue
		}
		sum := f.Sum
		if sum == ([sha256.Size]byte{}) {
			sum = sha256.Sum256(f.Content)
		}
		b.WriteString(hex.EncodeToString(f.Key[:]))
		b.WriteByte(' ')
		b.WriteString(hex.EncodeToString(sum[:]))
		b.WriteByte(' ')
		b.WriteString(f.Name)
		b.WriteByte('\n')
	}
	path := CachePath(dir)
	if path == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return writeAtomic(path, b.Bytes())
}
