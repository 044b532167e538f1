package outdir

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCache: a saved cache answers for its generator only, returns a file
// only while its bytes are what was saved, and any damage to the cache
// file makes it empty, never wrong.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DOCGEN_CACHE", t.TempDir())
	a := CacheFile{Key: sha256.Sum256([]byte("source a")), File: File{Name: "a_gen.go", Content: []byte(headerPrefix + "a\n")}}
	b := CacheFile{Key: sha256.Sum256([]byte("source b")), File: File{Name: "b_gen.go", Content: []byte(headerPrefix + "b\n")}}
	for _, f := range []CacheFile{a, b} {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := SaveCache(dir, "gen1", []CacheFile{a, b}); err != nil {
		t.Fatal(err)
	}

	// The cache lives outside the output: dir holds only what was written.
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 2 {
		t.Errorf("the output directory holds %v (%v), want only the two files", entries, err)
	}
	if path := CachePath(dir); !strings.HasPrefix(path, os.Getenv("DOCGEN_CACHE")) {
		t.Errorf("CachePath = %q, outside $DOCGEN_CACHE", path)
	}

	c := LoadCache(dir, "gen1")
	if got, ok := c.Lookup(a.Key); !ok || string(got) != string(a.Content) {
		t.Errorf("lookup of a: %q %v", got, ok)
	}
	if _, ok := c.Lookup(sha256.Sum256([]byte("source c"))); ok {
		t.Error("an unknown key hit")
	}
	if err := os.WriteFile(filepath.Join(dir, b.Name), []byte(headerPrefix+"b, edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Lookup(b.Key); ok {
		t.Errorf("an edited file hit: %q", got)
	}
	if c.Hits() != 1 {
		t.Errorf("%d hits, want 1", c.Hits())
	}
	// Holds: only what a Lookup read, under the name it read it from.
	if !c.Holds(a.Name, a.Content) {
		t.Error("Holds does not know the file a Lookup read")
	}
	if c.Holds(b.Name, b.Content) || c.Holds(b.Name, []byte(headerPrefix+"b, edited\n")) {
		t.Error("Holds knows a file no Lookup answered from")
	}
	if c.Holds(a.Name, []byte(headerPrefix+"other\n")) || c.Holds(b.Name, a.Content) {
		t.Error("Holds answers for other bytes or another name")
	}
	var none *Cache
	if none.Holds(a.Name, a.Content) {
		t.Error("a nil cache holds something")
	}
	if _, ok := LoadCache(dir, "gen2").Lookup(a.Key); ok {
		t.Error("another generator's cache hit")
	}
	if _, ok := LoadCache(dir, "").Lookup(a.Key); ok {
		t.Error("a cache hit without a generator identity")
	}

	good, err := os.ReadFile(CachePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	for name, damaged := range map[string]string{
		"truncated line": string(good[:len(good)-20]),
		"other layout":   "docgen cache 0 gen1\n" + string(good[len("docgen cache 1 gen1\n"):]),
		"path outside":   "docgen cache 1 gen1\n" + string(good[len("docgen cache 1 gen1\n"):len("docgen cache 1 gen1\n")+130]) + "../a_gen.go\n",
		"empty":          "",
	} {
		if err := os.WriteFile(CachePath(dir), []byte(damaged), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := LoadCache(dir, "gen1").Lookup(a.Key); ok {
			t.Errorf("%s: the damaged cache hit", name)
		}
	}
}

func TestCacheOff(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DOCGEN_CACHE", "off")
	if path := CachePath(dir); path != "" {
		t.Fatalf("CachePath with DOCGEN_CACHE=off = %q", path)
	}
	a := CacheFile{Key: sha256.Sum256([]byte("source a")), File: File{Name: "a_gen.go", Content: []byte(headerPrefix + "a\n")}}
	if err := os.WriteFile(filepath.Join(dir, a.Name), a.Content, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SaveCache(dir, "gen1", []CacheFile{a}); err != nil {
		t.Fatal(err)
	}
	if _, ok := LoadCache(dir, "gen1").Lookup(a.Key); ok {
		t.Error("a lookup hit with the cache off")
	}
}

// TestCachePrefetch: files read ahead by Prefetch answer Lookup only while
// they keep the stamp they were read with: one written since (with bytes
// of the same size) is read again and misses; one replaced by the same
// bytes is read again and hits; an untouched one hits.
func TestCachePrefetch(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DOCGEN_CACHE", t.TempDir())
	var files []CacheFile
	for _, name := range []string{"a_gen.go", "b_gen.go", "c_gen.go"} {
		f := CacheFile{Key: sha256.Sum256([]byte("source " + name)), File: File{Name: name, Content: []byte(headerPrefix + name + "\n")}}
		if err := os.WriteFile(filepath.Join(dir, name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if err := SaveCache(dir, "gen1", files); err != nil {
		t.Fatal(err)
	}
	c := LoadCache(dir, "gen1")
	c.Prefetch()
	if c.done != nil {
		<-c.done // read ahead before the changes below
	}
	a, b, cc := files[0], files[1], files[2]
	// b: written in place, same size, other bytes.
	if err := os.WriteFile(filepath.Join(dir, b.Name), []byte(strings.Replace(string(b.Content), "b", "x", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// c: replaced by a rename with the same bytes.
	tmp := filepath.Join(dir, "tmp")
	os.WriteFile(tmp, cc.Content, 0o644)
	if err := os.Rename(tmp, filepath.Join(dir, cc.Name)); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Lookup(a.Key); !ok || string(got) != string(a.Content) {
		t.Errorf("untouched file: %q %v", got, ok)
	}
	if got, ok := c.Lookup(b.Key); ok {
		t.Errorf("a file written since it was read ahead hit: %q", got)
	}
	if got, ok := c.Lookup(cc.Key); !ok || string(got) != string(cc.Content) {
		t.Errorf("a file replaced by the same bytes: %q %v", got, ok)
	}
	if !c.Holds(a.Name, a.Content) || c.Holds(b.Name, b.Content) {
		t.Error("Holds disagrees with the lookups")
	}
	var none *Cache
	none.Prefetch()
	LoadCache(t.TempDir(), "gen1").Prefetch() // no entries: nothing to do
}
