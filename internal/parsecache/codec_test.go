package parsecache

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// result is what Parse returns, as one value for reflection.
type result struct {
	Page  *model.Page
	Diags model.Diagnostics
}

func roundTrip(t *testing.T, path string, r result) result {
	t.Helper()
	page, diags, err := decode(path, string(encode(path, r.Page, r.Diags)))
	if err != nil {
		t.Fatalf("decoding what was encoded: %v", err)
	}
	return result{page, diags}
}

// filler sets every field it reaches, so that a field the codec skips
// comes back different. Slices get two elements; with empty set, every
// slice is empty but not nil instead, and every string the page's path.
type filler struct {
	n     int
	empty bool
	path  string
}

func (f *filler) fill(t testing.TB, v reflect.Value, where string) {
	t.Helper()
	f.n++
	switch v.Kind() {
	case reflect.String:
		if f.empty {
			v.SetString(f.path)
		} else {
			v.SetString(fmt.Sprintf("s%d", f.n))
		}
	case reflect.Int:
		v.SetInt(int64(f.n*7919) - 5000) // negative ones too
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(t, v.Elem(), where)
	case reflect.Slice:
		n := 2
		if f.empty {
			n = 0
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			f.fill(t, v.Index(i), fmt.Sprintf("%s[%d]", where, i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			field := v.Type().Field(i)
			if !field.IsExported() {
				t.Fatalf("%s.%s is unexported: teach the codec and this test about it", where, field.Name)
			}
			f.fill(t, v.Field(i), where+"."+field.Name)
		}
	default:
		t.Fatalf("%s is a %s, which the codec does not write: teach it", where, v.Kind())
	}
}

// TestCodecCoversEveryField: every field of what Parse returns, at every
// depth, survives a round trip, whatever its value; so does every nil and
// every empty slice. A field added to the model and not to the codec
// fails here.
func TestCodecCoversEveryField(t *testing.T) {
	for _, f := range []*filler{{}, {empty: true, path: "p.md"}, {empty: true}} {
		var r result
		f.fill(t, reflect.ValueOf(&r).Elem(), "result")
		path := r.Page.Path
		if got := roundTrip(t, path, r); !reflect.DeepEqual(got, r) {
			t.Errorf("empty %v: round trip changed the value:\n got %+v\nwant %+v", f.empty, got.Page, r.Page)
		}
	}
	// nil everywhere: a nil page, nil diagnostics, nil elements.
	for _, r := range []result{
		{},
		{Page: &model.Page{Resources: []*model.Resource{nil}, Enums: []*model.EnumDecl{nil}}},
		{Page: &model.Page{Path: "x.md", Resources: []*model.Resource{{Properties: []*model.Property{nil, {}}}}}, Diags: model.Diagnostics{}},
	} {
		if got := roundTrip(t, "x.md", r); !reflect.DeepEqual(got, r) {
			t.Errorf("round trip changed %+v into %+v", r, got)
		}
	}
}

// TestCodecRejectsDamage: an entry cut short, extended or with a byte
// changed in its framing decodes to an error or to a value, never to a
// panic; cut short or extended, always to an error.
func TestCodecRejectsDamage(t *testing.T) {
	var r result
	(&filler{}).fill(t, reflect.ValueOf(&r).Elem(), "result")
	entry := string(encode(r.Page.Path, r.Page, r.Diags))
	for i := range len(entry) {
		if _, _, err := decode(r.Page.Path, entry[:i]); err == nil {
			t.Fatalf("an entry cut to %d of %d bytes decoded", i, len(entry))
		}
		b := []byte(entry)
		b[i] ^= 0xff
		decode(r.Page.Path, string(b)) // must not panic
	}
	if _, _, err := decode(r.Page.Path, entry+"x"); err == nil {
		t.Error("an entry with a byte more decoded")
	}
}

func FuzzDecode(f *testing.F) {
	var r result
	(&filler{}).fill(f, reflect.ValueOf(&r).Elem(), "result")
	f.Add(string(encode(r.Page.Path, r.Page, r.Diags)))
	f.Fuzz(func(t *testing.T, entry string) {
		page, diags, err := decode("p.md", entry)
		if err != nil {
			return
		}
		// What decodes re-encodes to the same entry.
		if again := string(encode("p.md", page, diags)); again != entry {
			page2, diags2, err := decode("p.md", again)
			if err != nil || !reflect.DeepEqual(result{page, diags}, result{page2, diags2}) {
				t.Fatalf("decode(encode(decode(x))) differs from decode(x)")
			}
		}
	})
}

const corpusDir = "../../../shared/corpus/en/v1.0"

// TestRoundTripPages: what Parse makes of every page of the test cases
// and, when it is there, of the corpus comes back equal, and holds no
// pointer twice (decoding could not share it).
func TestRoundTripPages(t *testing.T) {
	n := 0
	check := func(path string, raw []byte) {
		t.Helper()
		n++
		page, diags := parser.Parse(path, raw)
		r := result{page, diags}
		if got := roundTrip(t, path, r); !reflect.DeepEqual(got, r) {
			t.Fatalf("%s: the round trip changed what Parse returned", path)
		}
		if p := sharedPointer(reflect.ValueOf(r), map[uintptr]bool{}); p != "" {
			t.Fatalf("%s: %s is reached twice", path, p)
		}
	}
	archives, _ := filepath.Glob("../../testdata/cases/*/*.txtar")
	pages, _ := filepath.Glob("../../testdata/pages/*/*.md")
	if len(archives) == 0 || len(pages) == 0 {
		t.Fatal("no test cases found in ../../testdata")
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".md") {
				check(a+"/"+f.Name, f.Data)
			}
		}
	}
	for _, path := range pages {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		check(path, raw)
	}
	t.Logf("%d pages of the test cases", n)
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if len(files) == 0 {
		t.Skipf("the corpus is not at %s: its pages are skipped (it needs ../shared beside the repository)", corpusDir)
	}
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		check(path, raw)
	}
}

// sharedPointer names a pointer that v reaches twice, or is "".
func sharedPointer(v reflect.Value, seen map[uintptr]bool) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		if seen[v.Pointer()] {
			return v.Type().String()
		}
		seen[v.Pointer()] = true
		return sharedPointer(v.Elem(), seen)
	case reflect.Slice:
		for i := range v.Len() {
			if p := sharedPointer(v.Index(i), seen); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if p := sharedPointer(v.Field(i), seen); p != "" {
				return p
			}
		}
	}
	return ""
}

// BenchmarkDecodeCorpus decodes every page of the corpus, against
// BenchmarkParseCorpus (parsing them), both on one core.
func BenchmarkDecodeCorpus(b *testing.B) {
	paths, raws := corpusPages(b)
	entries := make([]string, len(paths))
	for i := range paths {
		page, diags := parser.Parse(paths[i], raws[i])
		entries[i] = string(encode(paths[i], page, diags))
	}
	b.ResetTimer()
	for b.Loop() {
		for i, e := range entries {
			if _, _, err := decode(paths[i], e); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParseCorpus(b *testing.B) {
	paths, raws := corpusPages(b)
	for b.Loop() {
		for i := range paths {
			parser.Parse(paths[i], raws[i])
		}
	}
}

func corpusPages(b *testing.B) ([]string, [][]byte) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if len(files) == 0 {
		b.Skipf("the corpus is not at %s", corpusDir)
	}
	var raws [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	return files, raws
}
