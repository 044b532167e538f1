package emit

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestGoldenTables builds the Go files of every golden case and checks
// their tables by reflection (the golden outputs are generated packages
// too; TestGolden only compiles them). One test binary imports every case's
// package: a binary per case cost a link each.
func TestGoldenTables(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the golden packages; skipped with -short")
	}
	files, err := filepath.Glob(filepath.Join(casesDir, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s (%v)", casesDir, err)
	}
	// Inside the module, so the packages resolve graphrt and tablecheck;
	// in the repository's testdata, as buildSet's.
	root, err := os.MkdirTemp("../testdata", "_goldentables-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { removeInTestdata(root) })
	modPath := "github.com/graphdocgen/docgen/testdata/" + filepath.Base(root)
	var imports, checks strings.Builder
	for i, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		dir := filepath.Join(root, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		goFiles := 0
		for _, f := range ar.Files {
			if !strings.HasSuffix(f.Name, ".go") {
				continue
			}
			goFiles++
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if goFiles == 0 {
			t.Fatalf("%s: no Go files", file)
		}
		fmt.Fprintf(&imports, "\tc%d %q\n", i, modPath+"/"+name)
		fmt.Fprintf(&checks, "\t{%q, c%d.ODataTypeNames, c%d.NewByODataType},\n", name, i, i)
	}
	test := fmt.Sprintf(goldenTablesTest, imports.String(), checks.String())
	if err := os.MkdirAll(filepath.Join(root, "all"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "all", "tables_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "test", "-count=1", "-v", "-run", "^TestTables$", filepath.ToSlash(filepath.Join(root, "all"))).CombinedOutput()
	if err != nil {
		t.Fatalf("the golden tables: %v\n%s", err, limitLines(string(out), 60))
	}
	for _, file := range files {
		if name := strings.TrimSuffix(filepath.Base(file), ".txtar"); !strings.Contains(string(out), "--- PASS: TestTables/"+name+" ") {
			t.Errorf("the golden package %s ran no table test:\n%s", name, out)
		}
	}
}

// goldenTablesTest checks the tables of every golden package it imports
// (%s: the imports, %s: a row per package).
const goldenTablesTest = `package all

import (
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
	"github.com/graphdocgen/docgen/internal/tablecheck"
%s)

func TestTables(t *testing.T) {
	for _, c := range []struct {
		name  string
		names func() []string
		new   func(string) graphrt.Object
	}{
%s	} {
		t.Run(c.name, func(t *testing.T) {
			for _, p := range tablecheck.All(c.names(), c.new) {
				t.Error(p)
			}
		})
	}
}
`
