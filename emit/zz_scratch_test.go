package emit

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"testing"
)

func TestScratchTypes(t *testing.T) {
	src, _ := os.ReadFile("../generated/en/asyncjobstatus_gen.go")
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	_, err = conf.Check("en", fset, []*ast.File{f}, nil)
	t.Log(err)
}
