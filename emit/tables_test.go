package emit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// tablesTest is the test written into each package these tests build: it
// checks every generated table against its Go type by reflection.
const tablesTest = `package %s

import (
	"testing"

	"github.com/graphdocgen/docgen/internal/tablecheck"
)

func TestTables(t *testing.T) {
	for _, p := range tablecheck.All(ODataTypeNames(), NewByODataType) {
		t.Error(p)
	}
}
`

// TestGoldenTables builds the Go files of every golden case and checks
// their tables by reflection (the golden outputs are generated packages
// too; typeCheck only type-checks them).
func TestGoldenTables(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the golden packages; skipped with -short")
	}
	files, err := filepath.Glob(filepath.Join(casesDir, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s (%v)", casesDir, err)
	}
	// Inside the module, so the packages resolve graphrt and tablecheck.
	root, err := os.MkdirTemp(".", "goldentables-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, strings.TrimSuffix(filepath.Base(file), ".txtar"))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		pkg := ""
		for _, f := range ar.Files {
			if !strings.HasSuffix(f.Name, ".go") {
				continue
			}
			if pkg == "" {
				pkg = packageName(f.Data)
			}
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if pkg == "" {
			t.Fatalf("%s: no Go files", file)
		}
		test := strings.Replace(tablesTest, "%s", pkg, 1)
		if err := os.WriteFile(filepath.Join(dir, "tables_test.go"), []byte(test), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("go", "test", "-count=1", "-run", "^TestTables$", "./"+filepath.Base(root)+"/...").CombinedOutput()
	if err != nil {
		t.Fatalf("the golden tables: %v\n%s", err, limitLines(string(out), 60))
	}
	if got := strings.Count(string(out), "ok "); got != len(files) {
		t.Fatalf("%d of %d golden packages ran their table test:\n%s", got, len(files), out)
	}
}

// packageName is the name in a Go file's package clause.
func packageName(src []byte) string {
	for _, line := range strings.Split(string(src), "\n") {
		if name, ok := strings.CutPrefix(line, "package "); ok {
			return strings.TrimSpace(name)
		}
	}
	return ""
}
