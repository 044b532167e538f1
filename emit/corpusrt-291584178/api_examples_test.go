package graph

// Written by emit's TestCorpusRoundTrip into the package it generates from
// the whole v1.0 corpus: the response examples of the v1.0 API pages
// (DOCGEN_API_DIR) decode through json.Unmarshal into the generated types
// and are re-encoded with json.Marshal. It counts the examples that come
// back without loss (the same JSON value) and byte for byte (the compact
// input), and fails when one no longer decodes that did, which the lead
// can tell from the counts the test logs.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	annotationType = regexp.MustCompile(`"@?(?:odata\.)?type"\s*:\s*"#?([^"]+)"`)
	annotationColl = regexp.MustCompile(`"isCollection"\s*:\s*true`)
)

type apiExample struct {
	file, typ string
	collection bool
	body       []byte
}

// responseExamples returns every response example whose annotation names a
// type and whose body is strict JSON.
func responseExamples(t *testing.T, dir string) []apiExample {
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []apiExample
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for i := 0; i < len(lines); i++ {
			if !strings.HasPrefix(strings.TrimSpace(lines[i]), "<!--") {
				continue
			}
			var ann strings.Builder
			j := i
			for ; j < len(lines); j++ {
				ann.WriteString(lines[j] + "\n")
				if strings.Contains(lines[j], "-->") {
					break
				}
			}
			i = j
			a := ann.String()
			if !strings.Contains(a, `"response"`) {
				continue
			}
			m := annotationType.FindStringSubmatch(a)
			if m == nil {
				continue
			}
			// The next fence, its body after the first blank line.
			k := j + 1
			for k < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[k]), "```") {
				k++
			}
			var body strings.Builder
			inBody := false
			for k++; k < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[k]), "```"); k++ {
				if !inBody {
					inBody = strings.TrimSpace(lines[k]) == ""
					continue
				}
				body.WriteString(lines[k] + "\n")
			}
			b := bytes.TrimSpace([]byte(body.String()))
			if len(b) == 0 || b[0] != '{' || !json.Valid(b) {
				continue
			}
			out = append(out, apiExample{filepath.Base(p), m[1], annotationColl.MatchString(a), b})
		}
	}
	return out
}

// objectType is the type named by the object's own "@odata.type", else typ.
func objectType(raw []byte, typ string) string {
	var probe struct {
		Type string `json:"@odata.type"`
	}
	if json.Unmarshal(raw, &probe) == nil && probe.Type != "" && NewByODataType(probe.Type) != nil {
		return probe.Type
	}
	return typ
}

type outcome int

const (
	notDecoded outcome = iota
	lossy
	lossless
	exact
)

func roundTrip(raw []byte, typ string) (outcome, string) {
	v := NewByODataType(objectType(raw, typ))
	if v == nil {
		return notDecoded, "no type " + typ
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return notDecoded, err.Error()
	}
	out, err := json.Marshal(v)
	if err != nil {
		return notDecoded, err.Error()
	}
	var compact bytes.Buffer
	json.Compact(&compact, raw)
	if bytes.Equal(compact.Bytes(), out) {
		return exact, ""
	}
	var a, b any
	json.Unmarshal(raw, &a)
	json.Unmarshal(out, &b)
	if reflect.DeepEqual(a, b) {
		return lossless, compact.String() + "\n" + string(out)
	}
	return lossy, compact.String() + "\n" + string(out)
}

func TestAPIExamples(t *testing.T) {
	dir := os.Getenv("DOCGEN_API_DIR")
	if dir == "" {
		t.Skip("DOCGEN_API_DIR not set")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no API pages: %v", err)
	}
	examples := responseExamples(t, dir)
	counts := map[outcome]int{}
	var notes []string
	for _, ex := range examples {
		worst := exact
		var note string
		objects := []json.RawMessage{ex.body}
		if ex.collection {
			var page struct{ Value []json.RawMessage }
			if json.Unmarshal(ex.body, &page) != nil || len(page.Value) == 0 {
				continue
			}
			objects = page.Value
		}
		for _, o := range objects {
			if len(o) == 0 || o[0] != '{' {
				worst, note = notDecoded, "not an object"
				break
			}
			if r, n := roundTrip(o, ex.typ); r < worst {
				worst, note = r, n
			}
		}
		counts[worst]++
		if worst < exact && os.Getenv("DOCGEN_API_VERBOSE") != "" {
			notes = append(notes, ex.file+" ("+ex.typ+"):\n"+note)
		}
	}
	sort.Strings(notes)
	for _, n := range notes {
		t.Log(n)
	}
	t.Logf("api examples: %d with a typed JSON body; %d not decoded, %d lossy, %d lossless (%d of them byte-exact)",
		len(examples), counts[notDecoded], counts[lossy], counts[lossless]+counts[exact], counts[exact])
	if counts[lossless]+counts[exact] == 0 {
		t.Fatal("no example came back without loss")
	}
}
