package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/docgen/internal/outdir"
)

// exeID is the identity of the executable at path: the SHA-256 of its
// bytes. Hashing some 8 MB costs a warm run a tenth of its time, so the
// result is kept in cacheDir with the file's stamp (exeStamp: device,
// inode, size, modification and change times, as git's index keeps them),
// one record per executable path; an executable rebuilt, copied or written
// in place has another stamp and is hashed again (and its record
// replaced). Only with keep is a new identity written there (-check
// writes nothing). Empty when the file cannot be read.
func exeID(path, cacheDir string, keep bool) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return ""
	}
	stamp := exeStamp(path, info)
	var record string
	if stamp != "" && cacheDir != "" {
		sum := sha256.Sum256([]byte(path))
		record = filepath.Join(cacheDir, "exe-"+hex.EncodeToString(sum[:12])+".id")
		if b, err := os.ReadFile(record); err == nil {
			if kept, id, ok := strings.Cut(string(b), "\n"); ok && kept == stamp && strings.HasPrefix(id, "exe-sha256:") && len(id) == len("exe-sha256:")+64 {
				return id
			}
		}
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	id := "exe-sha256:" + hex.EncodeToString(h.Sum(nil))
	// The file may have changed while it was hashed: keep the id only
	// under a stamp taken after.
	if after, err := os.Stat(path); keep && record != "" && err == nil && exeStamp(path, after) == stamp {
		if os.MkdirAll(cacheDir, 0o755) == nil {
			outdir.WriteAtomic(record, []byte(stamp+"\n"+id))
		}
	}
	return id
}
