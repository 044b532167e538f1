package emit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// TestCorpusRoundTrip generates the whole v1.0 corpus into a package inside
// the module, adds testdata/corpus_roundtrip_test.go.txt to it, and runs
// it: every type, reached through the generated registry (NewByODataType),
// is filled with synthetic values (every property absent, null and set by
// turns; unknown enum members; instance annotations and unknown members in
// AdditionalData; derived types in polymorphic slots; NaN, -0 and the
// other awkward numbers) and must come back from json.Marshal and
// json.Unmarshal, and from the codec itself, exactly; and again with every
// Int64, Double, Single and Decimal in string form (IEEE754Compatible=true),
// which must come back as strings.
func TestCorpusRoundTrip(t *testing.T) {
	schema, diags := corpusSchema(t, "builds and tests a ~1,000-file package")
	if diags.HasErrors() {
		t.Fatalf("the corpus has errors:\n%v", diags)
	}
	files, err := Generate(schema, Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}

	// Inside the module, so the package resolves graphrt; a fresh name so
	// concurrent runs do not meet, "_" so that ./... patterns do not.
	dir, err := os.MkdirTemp(".", "_corpusrt-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	walk, err := os.ReadFile("testdata/corpus_roundtrip_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "roundtrip_test.go"), walk, 0o644); err != nil {
		t.Fatal(err)
	}
	// The tables, checked by reflection, and the API pages' response
	// examples, decoded and re-encoded (counted, when ../shared has them).
	examples, err := os.ReadFile("testdata/api_examples_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"tables_test.go": strings.Replace(tablesTest, "%s", "graph", 1), "api_examples_test.go": string(examples)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// This is the one compile of the whole corpus in the test suite
	// (cmd/docgen's TestCorpusBuilds only vets its output).
	cmd := exec.Command("go", "test", "-count=1", "-v", "-run", "^(TestEveryTypeRoundTrips|TestNumbersInStringForm|TestTables|TestAPIExamples)$", "./"+filepath.Base(dir))
	if apiDir, err := filepath.Abs(apiExamplesDir); err == nil {
		cmd.Env = append(os.Environ(), "DOCGEN_API_DIR="+apiDir)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test on the generated corpus: %v\n%s", err, limitLines(string(out), 60))
	}
	if !strings.Contains(string(out), "ok ") || !strings.Contains(string(out), "--- PASS: TestTables") {
		t.Fatalf("the generated corpus ran no test:\n%s", out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "api examples:") || strings.Contains(line, "numbers put in string form:") {
			t.Log(strings.TrimSpace(line))
		}
	}
}

// apiExamplesDir holds the API pages whose response examples the corpus
// round trip decodes; their test skips when it is absent.
const apiExamplesDir = "../../shared/corpus/en-api/v1.0"

func limitLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}

// corpusSchema skips t without ../shared, or with -short, saying what the
// test does ("builds ..."); otherwise it parses and resolves the v1.0
// corpus.
func corpusSchema(t testing.TB, does string) (*model.Schema, model.Diagnostics) {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("../shared/corpus not found (%v): the test %s", err, does)
	}
	if testing.Short() {
		t.Skipf("the test %s; skipped with -short", does)
	}
	paths, err := parser.Files([]string{corpusDir})
	if err != nil {
		t.Fatal(err)
	}
	pages, diags, err := parser.ParseFiles(paths)
	if err != nil {
		t.Fatal(err)
	}
	schema := model.Resolve(pages, &diags)
	return schema, diags
}
