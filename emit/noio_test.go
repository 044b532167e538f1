package emit

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEmitDoesNoIO: emit turns a schema into files in memory and nothing
// else; the output directory is internal/outdir's. No non-test file of
// the package may import a package that reaches the file system.
func TestEmitDoesNoIO(t *testing.T) {
	forbidden := map[string]bool{"os": true, "io/fs": true, "io/ioutil": true, "os/exec": true, "syscall": true,
		"github.com/graphdocgen/docgen/internal/outdir": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); forbidden[path] {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
