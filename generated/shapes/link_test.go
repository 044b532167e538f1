package shapes_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestLinkerDropsUnnamedTypes builds two small programs against this package
// and reads their symbol tables. One decodes an identitySet and never names
// User, Group or Device: none of their methods or codec tables may be linked
// in, which fails if a registry map, an init function or a table naming
// every type references them. The other
// calls NewByODataType and so must keep them: that proves the symbol check
// can see what it looks for.
func TestLinkerDropsUnnamedTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two programs; skipped with -short")
	}
	identityOnly := `
	var v shapes.IdentitySet
	if err := json.Unmarshal([]byte(os.Args[1]), &v); err != nil {
		panic(err)
	}
	out, _ := json.Marshal(v)
	os.Stdout.Write(out)`
	withRegistry := `
	v := shapes.NewByODataType(os.Args[1])
	out, _ := json.Marshal(v)
	os.Stdout.Write(out)`

	// Their methods, and their codec tables (data, kept only if reached).
	unnamed := regexp.MustCompile(`shapes\.\(?\*?(User|Group|Device)\)?\.|shapes\.codecOf(User|Group|Device)\b`)
	syms := buildAndListSymbols(t, identityOnly)
	if !strings.Contains(syms, "shapes.(*IdentitySet).DecodeJSON") && !strings.Contains(syms, "shapes.(*IdentitySet).UnmarshalJSON") {
		t.Fatalf("the identitySet program should link IdentitySet's decoder; symbols checked wrongly?")
	}
	if kept := unnamed.FindAllString(syms, 5); len(kept) > 0 {
		t.Errorf("a program that never names User, Group or Device links their methods: %v", kept)
	}
	if syms := buildAndListSymbols(t, withRegistry); !unnamed.MatchString(syms) {
		t.Errorf("a program calling NewByODataType should link every type; the symbol check sees none")
	}
}

func buildAndListSymbols(t *testing.T, body string) string {
	t.Helper()
	dir, err := os.MkdirTemp(".", "_linkcheck-") // inside the module, to import this package; "_": out of ./... patterns
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	src := "package main\n\nimport (\n\t\"encoding/json\"\n\t\"os\"\n\n\t\"github.com/graphdocgen/docgen/generated/shapes\"\n)\n\nfunc main() {" + body + "\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "prog")
	if out, err := exec.Command("go", "build", "-o", bin, "./"+dir).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "tool", "nm", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool nm: %v\n%s", err, out)
	}
	return string(out)
}
