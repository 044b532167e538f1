package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestSourceWithoutCopy: a page without translation pairs is read in place,
// its text the rest of the page after the front matter; that text and its
// line numbers are those of the copy that has the front matter as empty
// lines, on every page of the cases and the corpus and on edge cases.
func TestSourceWithoutCopy(t *testing.T) {
	pages := [][]byte{
		nil, []byte("---\n"), []byte("---\na: b\n---\n"), []byte("---\na: b\n---"), []byte("---\r\nx: y\r\n---\r\n# t\r\n"),
		[]byte("\ufeff---\nms.locale: de\n---\n\n# x\n\ntext"), []byte("# no matter\n\nbody\n"), []byte("---\nnot closed\n# h\n"),
	}
	cases, _ := filepath.Glob(filepath.Join(casesDir, "*.txtar"))
	for _, c := range cases {
		ar, err := txtar.ParseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".md") {
				pages = append(pages, f.Data)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, raw)
	}
	inPlace := 0
	for _, raw := range pages {
		if sameSource(t, raw) {
			inPlace++
		}
	}
	if inPlace < len(pages)/2 {
		t.Errorf("only %d of %d pages read in place", inPlace, len(pages))
	}
}

// sameSource fails t unless raw's source read in place has the text and
// lines of its copy; it reports whether the text is raw's own bytes.
func sameSource(t *testing.T, raw []byte) bool {
	t.Helper()
	got, want := buildSource(raw, false), buildSource(raw, true)
	if strings.Repeat("\n", got.lead)+string(got.text) != string(want.text) {
		t.Fatalf("%.60q: the text is not the copy's", raw)
	}
	for off := 0; off <= len(got.text); off++ {
		if g, w := got.line(off), want.line(got.lead+off); g != w {
			t.Fatalf("%.60q: offset %d is on line %d, the copy says %d", raw, off, g, w)
		}
	}
	if got.frontMatterOpen != want.frontMatterOpen || len(got.frontMatter) != len(want.frontMatter) {
		t.Fatalf("%.60q: the front matter is read otherwise", raw)
	}
	return len(raw) > 0 && len(got.text) > 0 && &got.text[len(got.text)-1] == &raw[len(raw)-1]
}
