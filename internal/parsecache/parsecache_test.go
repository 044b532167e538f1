package parsecache

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

const page1 = "# x resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The id. |\n"

func rd(path string, raw []byte) parser.Read { return parser.Read{Path: path, Bytes: raw} }

// TestMemoFile: what a run keeps is recalled by the next run of the same
// generator for the same path and bytes, and by nothing else; a file of
// another generator or a damaged one is an empty memo; Save writes only
// when something changed, and only the pages of the run.
func TestMemoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "m.pages")
	a, b := []byte(page1), []byte(page1+"| name | String | The name. |\n")
	pageA, diagsA := parser.Parse("a.md", a)
	pageB, diagsB := parser.Parse("b.md", b)

	m := Load(path, "gen 1")
	if _, _, ok := m.Recall(rd("a.md", a)); ok {
		t.Fatal("an empty memo recalled a page")
	}
	m.Keep(rd("a.md", a), pageA, diagsA)
	m.Keep(rd("b.md", b), pageB, diagsB)
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}

	m = Load(path, "gen 1")
	got, diags, ok := m.Recall(rd("a.md", a))
	if !ok || !reflect.DeepEqual(result{got, diags}, result{pageA, diagsA}) {
		t.Fatalf("recalled %v %+v, want what Parse returned", ok, got)
	}
	for _, miss := range []struct {
		path string
		raw  []byte
	}{{"b.md", a}, {"c.md", a}, {"a.md", b}, {"a.md", nil}} {
		if _, _, ok := m.Recall(rd(miss.path, miss.raw)); ok {
			t.Errorf("recalled %s with other bytes or another path", miss.path)
		}
	}
	// The reader's sum stands for the bytes: the same key.
	if _, _, ok := m.Recall(parser.Read{Path: "a.md", Bytes: a, Sum: sha256.Sum256(a)}); !ok {
		t.Error("a page read with its sum was not recalled")
	}
	if m.Hits() != 2 {
		t.Errorf("%d hits, want 2", m.Hits())
	}
	// This run used only a.md: b.md is dropped from the file.
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	m = Load(path, "gen 1")
	if _, _, ok := m.Recall(rd("b.md", b)); ok {
		t.Error("a page the last run did not use was kept")
	}
	// Nothing changed: Save leaves the file alone.
	m = Load(path, "gen 1")
	m.Recall(rd("a.md", a))
	before, _ := os.Stat(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(path), 0o555)
	if err := m.Save(path); err != nil {
		t.Errorf("saving an unchanged memo: %v", err)
	}
	os.Chmod(filepath.Dir(path), 0o755)
	if after, _ := os.Stat(path); !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged memo was written again")
	}

	if _, _, ok := Load(path, "gen 2").Recall(rd("a.md", a)); ok {
		t.Error("another generator's memo was used")
	}
	if Load(path, "") != nil || Load(path, "gen\n2") != nil {
		t.Error("a memo for an unknown or multi-line generator")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range raw {
		damaged := append([]byte(nil), raw...)
		damaged[i] ^= 1
		os.WriteFile(path, damaged, 0o644)
		if _, _, ok := Load(path, "gen 1").Recall(rd("a.md", a)); ok {
			t.Fatalf("a memo with byte %d of %d changed was used", i, len(raw))
		}
		os.WriteFile(path, raw[:i], 0o644)
		if _, _, ok := Load(path, "gen 1").Recall(rd("a.md", a)); ok {
			t.Fatalf("a memo cut to %d of %d bytes was used", i, len(raw))
		}
	}
	var nilMemo *Memo
	if _, _, ok := nilMemo.Recall(rd("a.md", a)); ok || nilMemo.Hits() != 0 || nilMemo.Save(path) != nil {
		t.Error("a nil memo did something")
	}
	nilMemo.Keep(rd("a.md", a), pageA, diagsA)
}

// TestRecallIsACopy: a recalled page is the caller's to change; the next
// recall is what Parse returned.
func TestRecallIsACopy(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/pages/en/asyncjobstatus.md")
	if err != nil {
		t.Fatal(err)
	}
	page, diags := parser.Parse("a.md", raw)
	if len(page.Resources) == 0 || len(page.Resources[0].Properties) == 0 {
		t.Fatal("the test page has no resource with properties")
	}
	want, _ := parser.Parse("a.md", raw)
	m := Load(filepath.Join(t.TempDir(), "m"), "g")
	m.Keep(rd("a.md", raw), page, diags)
	m.old = m.now // as the next run would load it
	got, _, _ := m.Recall(rd("a.md", raw))
	got.Resources[0].Properties[0].Name = "changed"
	got.Resources = append(got.Resources, &model.Resource{})
	again, _, _ := m.Recall(rd("a.md", raw))
	if !reflect.DeepEqual(again, want) {
		t.Error("changing a recalled page changed the memo")
	}
}
