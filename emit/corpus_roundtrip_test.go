package emit

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// TestCorpusRoundTrip runs testdata/corpus_roundtrip_test.go.txt against
// the package generated from the whole v1.0 corpus (corpusModule): every
// type, reached through the generated registry (NewByODataType), is
// filled with synthetic values (every property absent, null and set by
// turns; unknown enum members; instance annotations and unknown members in
// AdditionalData; derived types in polymorphic slots; NaN, -0 and the
// other awkward numbers) and must come back from json.Marshal and
// json.Unmarshal, and from the codec itself, exactly; and again with every
// Int64, Double, Single and Decimal in string form (IEEE754Compatible=true),
// which must come back as strings.
func TestCorpusRoundTrip(t *testing.T) {
	dir := corpusModule(t, "builds and tests a ~1,000-file package")
	// The tests are an external package, so the generated package is
	// compiled as TestBinaryBudget's program imports it: once for both.
	// It is vetted by cmd/docgen's TestCorpusBuilds; go test's vet step on
	// it is left out.
	cmd := exec.Command("go", "test", "-vet=off", "-count=1", "-v", "-run", "^(TestEveryTypeRoundTrips|TestNumbersInStringForm|TestTables|TestAPIExamples)$", "./graph")
	cmd.Dir = dir
	cmd.Env = corpusModuleEnv()
	if apiDir, err := filepath.Abs(apiExamplesDir); err == nil {
		cmd.Env = append(cmd.Env, "DOCGEN_API_DIR="+apiDir)
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

// The v1.0 corpus generated once for the tests that compile it
// (TestBinaryBudget's program and TestCorpusRoundTrip's tests), in a
// module of its own as scripts/measure.sh builds it: the ~1,000-file
// package is the largest compile of the test suite, and both tests share
// it through the build cache. TestMain removes it.
var (
	corpusModuleOnce sync.Once
	corpusModuleDir  string
	corpusModuleErr  error
)

// corpusModule skips t as corpusSchema does; otherwise it returns the
// module's directory: go.mod (module measure, graphrt from this checkout),
// graph/ (the generated package and the round trip's test files),
// tablecheck/ (a copy of internal/tablecheck, which another module may not
// import), and the budget's program (main.go, drive_item.json).
func corpusModule(t *testing.T, does string) string {
	t.Helper()
	skipWithoutCorpus(t, does)
	corpusModuleOnce.Do(func() { corpusModuleDir, corpusModuleErr = writeCorpusModule() })
	if corpusModuleErr != nil {
		t.Fatal(corpusModuleErr)
	}
	return corpusModuleDir
}

// corpusModuleEnv is the environment the module builds in; the same for
// every build, so that they share the generated package's compile.
func corpusModuleEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
}

func writeCorpusModule() (string, error) {
	schema, diags, err := parseCorpus()
	if err != nil {
		return "", err
	}
	if diags.HasErrors() {
		return "", fmt.Errorf("the corpus has errors:\n%v", diags)
	}
	files, err := Generate(schema, Options{Package: "graph"})
	if err != nil {
		return "", err
	}
	runtimeDir, err := filepath.Abs("../graphrt")
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "TestCorpusModule")
	if err != nil {
		return "", err
	}
	write := func(name string, data []byte) {
		if err == nil {
			err = os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
	}
	copyFile := func(name, src string) {
		data, readErr := os.ReadFile(src)
		if readErr != nil && err == nil {
			err = readErr
		}
		write(name, data)
	}
	write("go.mod", []byte("module measure\ngo 1.22\nrequire github.com/graphdocgen/docgen/graphrt v0.0.0\nreplace github.com/graphdocgen/docgen/graphrt => "+runtimeDir+"\n"))
	for _, f := range files {
		write(filepath.Join("graph", f.Name), f.Content)
	}
	copyFile("graph/roundtrip_test.go", "testdata/corpus_roundtrip_test.go.txt")
	copyFile("graph/api_examples_test.go", "testdata/api_examples_test.go.txt")
	write("graph/tables_test.go", []byte(corpusTablesTest))
	copyFile("tablecheck/tablecheck.go", "../internal/tablecheck/tablecheck.go")
	copyFile("main.go", "../scripts/measure/generated_main.go.txt")
	copyFile("drive_item.json", "../scripts/measure/drive_item.json")
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// corpusTablesTest checks every table of the generated package against
// its Go type by reflection.
const corpusTablesTest = `package graph_test

import (
	"testing"

	"measure/graph"
	"measure/tablecheck"
)

func TestTables(t *testing.T) {
	for _, p := range tablecheck.All(graph.ODataTypeNames(), graph.NewByODataType) {
		t.Error(p)
	}
}
`

func TestMain(m *testing.M) {
	code := m.Run()
	if corpusModuleDir != "" {
		os.RemoveAll(corpusModuleDir)
	}
	os.Exit(code)
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
	skipWithoutCorpus(t, does)
	schema, diags, err := parseCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return schema, diags
}

func skipWithoutCorpus(t testing.TB, does string) {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("../shared/corpus not found (%v): the test %s", err, does)
	}
	if testing.Short() {
		t.Skipf("the test %s; skipped with -short", does)
	}
}

func parseCorpus() (*model.Schema, model.Diagnostics, error) {
	paths, err := parser.Files([]string{corpusDir})
	if err != nil {
		return nil, nil, err
	}
	pages, diags, err := parser.ParseFiles(paths)
	if err != nil {
		return nil, nil, err
	}
	schema := model.Resolve(pages, &diags)
	return schema, diags, nil
}
