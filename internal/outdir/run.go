package outdir

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/graphdocgen/docgen/internal/readfile"
)

// A Run records a completed run into a directory: the key of its whole
// input (the caller hashes the generator, the settings and every page),
// the files it left there and what it reported. A later run with the same
// key, into a directory that still holds exactly those files, has nothing
// to redo: its output would be the same bytes, since generation is
// deterministic. It lives beside the directory's Cache, outside the
// directory.
type Run struct {
	Key   Key       `json:"key"`
	Files []RunFile `json:"files"`
	// Extra is a file outside the directory the run also wrote (docgen's
	// -model), with the hash of its bytes; Path empty for none.
	Extra RunFile `json:"extra"`
	// Report is what the run printed before its summary, and Notes the
	// caller's own values (counts for that summary), both replayed as
	// they are.
	Report []byte            `json:"report"`
	Notes  map[string]string `json:"notes"`
}

// RunFile names a file (a name inside the directory, or a path for Extra)
// and the SHA-256 of its content.
type RunFile struct {
	Name string `json:"name"`
	Sum  Sum    `json:"sum"`
}

// Sum is a SHA-256, written in hex (as an array of 32 numbers it made the
// record four times larger and slower to write and read).
type Sum [sha256.Size]byte

func (s Sum) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(s[:])), nil }

func (s *Sum) UnmarshalText(b []byte) error {
	if len(b) != 2*len(s) {
		return errors.New("outdir: a sum is 64 hex digits")
	}
	_, err := hex.Decode(s[:], b)
	return err
}

// RunFiles pairs each file with the hash of its content.
func RunFiles(files []File) []RunFile {
	out := make([]RunFile, len(files))
	for i, f := range files {
		out[i] = RunFile{Name: f.Name, Sum: sha256.Sum256(f.Content)}
	}
	return out
}

func runPath(dir string) string { return CachePathWith(dir, ".run") }

// LoadRun returns the record of the last completed run into dir with the
// given key, or nil: no record, another key, or one that does not parse.
func LoadRun(dir string, key Key) *Run {
	path := runPath(dir)
	if path == "" || key == (Key{}) {
		return nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	// The key comes first (SaveRun writes Run's fields in order): a record
	// of other input, the common case, is known without decoding it all.
	keyJSON, err := json.Marshal(key)
	if err != nil || !bytes.HasPrefix(raw, append([]byte(`{"key":`), keyJSON...)) {
		return nil
	}
	var r Run
	if json.Unmarshal(raw, &r) != nil || r.Key != key {
		return nil
	}
	for _, f := range r.Files {
		if !validName(f.Name) {
			return nil
		}
	}
	return &r
}

// SaveRun records r as the last run into dir. Call it only once dir holds
// r.Files; a record the directory no longer matches is never used (InSync
// checks), so failing to save, or a stale record, costs only time.
func SaveRun(dir string, r *Run) error {
	path := runPath(dir)
	if path == "" || r.Key == (Key{}) {
		return nil
	}
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return writeAtomic(path, raw)
}

// InSync reports whether dir holds exactly the files of r, byte for byte,
// and no other docgen file; whether the Extra file has the recorded
// content; and whether no interrupted commit waits in dir. Any doubt
// (an unreadable file, a lock that cannot be taken) is a no.
func (r *Run) InSync(dir string) bool {
	if r == nil {
		return false
	}
	unlock, err := lockDir(dir, false) // not while a run is writing dir
	if err != nil {
		return false
	}
	defer unlock()
	if Interrupted(dir) {
		return false
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	want := make(map[string][sha256.Size]byte, len(r.Files))
	for _, f := range r.Files {
		want[f.Name] = f.Sum
	}
	var check []RunFile // read and hashed on every core below
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			if strings.HasPrefix(name, stagingPrefix) {
				return false // left by a run that was killed: a full run cleans it up
			}
			continue
		}
		sum, ok := want[name]
		if !ok {
			if strings.HasSuffix(name, ".go") && isDocgenFile(filepath.Join(dir, name)) {
				return false // an orphan a full run would remove
			}
			continue
		}
		if !e.Type().IsRegular() {
			return false
		}
		check = append(check, RunFile{Name: filepath.Join(dir, name), Sum: sum})
	}
	if len(check) != len(want) {
		return false
	}
	if r.Extra.Name != "" {
		check = append(check, r.Extra)
	}
	var next, failed atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(check), 1)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(check) && failed.Load() == 0; i = int(next.Add(1) - 1) {
				if !sameSum(check[i].Name, check[i].Sum) {
					failed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	return failed.Load() == 0
}

func sameSum(path string, sum [sha256.Size]byte) bool {
	content, err := readfile.Read(path, -1)
	return err == nil && sha256.Sum256(content) == sum
}

// KeyWriter hashes a run's key; each part is length-prefixed, so that no
// two different sequences of parts hash alike.
type KeyWriter struct{ h hash.Hash }

// NewKeyWriter starts an empty key.
func NewKeyWriter() *KeyWriter { return &KeyWriter{h: sha256.New()} }

// Add appends one part.
func (k *KeyWriter) Add(part []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(part)))
	k.h.Write(n[:])
	k.h.Write(part)
}

// AddString appends one part given as a string.
func (k *KeyWriter) AddString(part string) { k.Add([]byte(part)) }

// Sum is the key of the parts added.
func (k *KeyWriter) Sum() Key { return Key(k.h.Sum(nil)) }
