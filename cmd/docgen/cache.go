package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/internal/outdir"
)

// generatorID identifies this build of docgen for the warm-run cache
// (outdir.Cache): the hash of its own executable, so that any change to
// the generator, its dependencies or the Go release makes every cached
// file count as stale. Empty, which disables the cache, when the
// executable cannot be read. A variable so that tests can stand in for a
// changed generator.
var generatorID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "exe-sha256:" + hex.EncodeToString(h.Sum(nil))
})

// lastCache is the cache of the latest run, for the tests to count hits.
var lastCache *outdir.Cache

func loadCache(dir string) *outdir.Cache {
	lastCache = outdir.LoadCache(dir, generatorID())
	return lastCache
}

// saveCache records what a completed run wrote. Failing to is no error:
// the next run formats every file again.
func saveCache(stderr io.Writer, dir string, files []emit.File) {
	if err := outdir.SaveCache(dir, generatorID(), cacheFiles(files)); err != nil {
		fmt.Fprintf(stderr, "docgen: warning: cannot save the warm-run cache %s (the next run formats every file again): %v\n", outdir.CachePath(dir), err)
	}
}

// cacheFiles pairs each file with the key emit made it from.
func cacheFiles(files []emit.File) []outdir.CacheFile {
	var out []outdir.CacheFile
	for _, f := range files {
		if f.Key != ([32]byte{}) {
			out = append(out, outdir.CacheFile{Key: f.Key, File: outdir.File{Name: f.Name, Content: f.Content}})
		}
	}
	return out
}
