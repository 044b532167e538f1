package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/emit"
	"github.com/graphdocgen/docgen/model"
)

var update = flag.Bool("update", false, "rewrite the want.txt of the lint cases")

const lintCases = "../../testdata/cases/lint"

// caseDir writes every file of a txtar case but args and want.txt into a
// fresh directory.
func caseDir(t *testing.T, ar *txtar.Archive) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "args" || f.Name == "want.txt" {
			continue
		}
		writeFile(t, filepath.Join(dir, f.Name), string(f.Data))
	}
	return dir
}

func archiveData(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// TestLintCases runs the txtar cases in testdata/cases/lint: docgen with
// the case's args over a directory of its pages; want.txt holds the exit
// status, stdout and stderr, with the directory written $DIR.
func TestLintCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(lintCases, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s (%v)", lintCases, err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			args, ok := archiveData(ar, "args")
			if !ok {
				t.Fatal("no args section")
			}
			dir := caseDir(t, ar)
			r := docgen(t, append(strings.Fields(string(args)), dir)...)
			got := fmt.Sprintf("exit: %d\nstdout:\n%sstderr:\n%s", r.code, indent(r.stdout), indent(r.stderr))
			got = strings.ReplaceAll(got, dir, "$DIR")
			if *update {
				ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool { return f.Name == "want.txt" })
				ar.Files = append(ar.Files, txtar.File{Name: "want.txt", Data: []byte(got)})
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, _ := archiveData(ar, "want.txt")
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func indent(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		b.WriteString("  " + line)
	}
	return b.String()
}

// TestCollisionsMatchEmit: the renames DG045 predicts are the ones emit
// makes. It generates the collisions case and checks that every predicted
// name is declared, and that every declared name with a numeric suffix
// over a name also declared was predicted.
func TestCollisionsMatchEmit(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join(lintCases, "collisions.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := caseDir(t, ar)
	schema := resolveDir(t, dir)
	predicted := map[string]bool{}
	becomes := regexp.MustCompile(`; it becomes (\w+)$`)
	for _, d := range emit.NameCollisions(schema) {
		m := becomes.FindStringSubmatch(d.Message)
		if m == nil {
			t.Fatalf("DG045 message without the new name: %s", d.Message)
		}
		predicted[m[1]] = true
	}
	if len(predicted) < 5 {
		t.Fatalf("the case should make at least five collisions, got %v", predicted)
	}

	generated, err := emit.Generate(schema, emit.Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range generated {
		file, err := goparser.ParseFile(fset, f.Name, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				declared[n.Name.Name] = true
			case *ast.ValueSpec:
				for _, id := range n.Names {
					declared[id.Name] = true
				}
			case *ast.FuncDecl:
				if n.Recv == nil {
					declared[n.Name.Name] = true
				}
			case *ast.Field:
				for _, id := range n.Names {
					declared[id.Name] = true
				}
			}
			return true
		})
	}
	for name := range predicted {
		if !declared[name] {
			t.Errorf("DG045 predicts %s, which emit does not declare (emit's naming changed?)", name)
		}
	}
	suffixed := regexp.MustCompile(`^(.*[^0-9])([2-9])$`)
	for name := range declared {
		if of := strings.TrimPrefix(strings.TrimPrefix(name, "codecOf"), "valuesOf"); of != name && declared[of] {
			continue // a codec table or value list is named after its type, checked itself
		}
		if m := suffixed.FindStringSubmatch(name); m != nil && declared[m[1]] && !predicted[name] {
			t.Errorf("emit declares %s beside %s, a rename DG045 did not predict", name, m[1])
		}
	}
}

// TestLintExitStatus: -severity chooses what fails the run; usage errors
// and missing paths exit 2.
func TestLintExitStatus(t *testing.T) {
	dir := t.TempDir()
	warnOnly := filepath.Join(dir, "warn.md")
	writeFile(t, warnOnly, "# w resource type\n\n## Properties\n\n| Property | Type | Description |\n|--|--|--|\n| a | String | A. |\n| b | String | B. |\n\n"+
		"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.w\" } -->\n\n```json\n{ \"a\": \"String\" }\n```\n")
	clean := filepath.Join(dir, "clean.md")
	writeFile(t, clean, "# c resource type\n\n## Properties\n\n| Property | Type | Description |\n|--|--|--|\n| a | String | A. |\n\n"+
		"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.c\" } -->\n\n```json\n{ \"a\": \"String\" }\n```\n")
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"lint", warnOnly}, 0},
		{[]string{"lint", "-severity", "warning", warnOnly}, 1},
		{[]string{"lint", "-severity", "none", warnOnly}, 0},
		{[]string{"lint", "-severity", "warning", clean}, 0},
		{[]string{"lint", "-severity", "fatal", clean}, 2},
		{[]string{"lint"}, 2},
		{[]string{"lint", filepath.Join(dir, "missing.md")}, 2},
		{[]string{"lint", "-frobnicate", clean}, 2},
	} {
		r := docgen(t, tc.args...)
		if r.code != tc.code {
			t.Errorf("docgen %q: exit %d, want %d\n%v", tc.args, r.code, tc.code, r)
		}
	}
	if r := docgen(t, "lint", clean); r.stdout != "" || !strings.Contains(r.stderr, "0 error(s), 0 warning(s)") {
		t.Errorf("a clean page: want no findings and a zero summary, got %v", r)
	}
}

// TestLintSeed: the Spanish seed page and the English fixture describe the
// same resource, so linting both compares them and finds nothing; the seed
// with its English half edited (a property retyped) is reported.
func TestLintSeed(t *testing.T) {
	seed, err := os.ReadFile("../../../shared/seed/asyncjobstatus.es-ES.md")
	if err != nil {
		t.Skipf("../shared/seed not found: %v", err)
	}
	dir := t.TempDir()
	en := filepath.Join(dir, "asyncjobstatus.md")
	raw, err := os.ReadFile(filepath.Join(enPages, "asyncjobstatus.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, en, string(raw))
	es := filepath.Join(dir, "asyncjobstatus.es-ES.md")
	writeFile(t, es, string(seed))
	r := docgen(t, "lint", "-json", "-severity", "none", dir)
	var out struct {
		Findings []finding
		Summary  lintSummary
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("-json output: %v\n%s", err, r.stdout)
	}
	if out.Summary.Compared != 1 {
		t.Errorf("%d localized pages compared, want 1 (the seed with the fixture)", out.Summary.Compared)
	}
	for _, f := range out.Findings {
		if f.Code == string(model.LocalizedDiffers) {
			t.Errorf("the seed matches the fixture, yet: %s", f)
		}
	}

	// Retype percentageComplete in the seed's English half only.
	edited := regexp.MustCompile(`(<span data-stu-id="[^"]*">)Double(</span>)`).ReplaceAllString(string(seed), "${1}Int64${2}")
	if edited == string(seed) {
		t.Fatal("the seed has no Double type cell to edit")
	}
	writeFile(t, es, edited)
	r = docgen(t, "lint", dir)
	if r.code != 1 || !strings.Contains(r.stdout, ": DG060: localized page differs from "+en+": property microsoft.graph.asyncJobStatus.percentageComplete is Edm.Int64 here, Edm.Double in English") {
		t.Errorf("want a DG060 error for the retyped property, got %v", r)
	}
}

// TestLintCorpus lints the whole v1.0 corpus: it must finish, every
// finding must name a line of its file and a catalogued code, the summary
// must count the findings, and the summary table is logged (go test -v).
func TestLintCorpus(t *testing.T) {
	needCorpus(t)
	r := docgen(t, "lint", "-json", "-severity", "none", corpusDir)
	if r.code != 0 {
		t.Fatalf("lint -severity none: %v", r)
	}
	var out struct {
		Findings []finding
		Summary  lintSummary
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Summary.Files < 1000 || out.Summary.Types < 900 {
		t.Errorf("summary %+v: the whole corpus should be read", out.Summary)
	}
	lines := map[string]int{}
	byCode := map[string]int{}
	for _, f := range out.Findings {
		byCode[f.Code]++
		info, ok := model.Catalogue[model.Code(f.Code)]
		if !ok || f.Severity != info.Lint.String() {
			t.Errorf("finding with an uncatalogued code or wrong severity: %+v", f)
		}
		if _, ok := lines[f.File]; !ok {
			b, err := os.ReadFile(f.File)
			if err != nil {
				t.Fatal(err)
			}
			lines[f.File] = bytes.Count(b, []byte("\n")) + 1
		}
		if f.Line < 1 || f.Line > lines[f.File] {
			t.Errorf("finding outside its file: %+v", f)
		}
		switch model.Code(f.Code) {
		case model.Unreadable, model.TooLarge, model.LineTooLong, model.NestingTooDeep, model.LinkBudget:
			t.Errorf("a real page broke a limit: %+v", f)
		}
	}
	if fmt.Sprint(byCode) != fmt.Sprint(out.Summary.ByCode) {
		t.Errorf("summary by code %v, findings by code %v", out.Summary.ByCode, byCode)
	}
	if !slices.IsSortedFunc(out.Findings, func(a, b finding) int {
		return strings.Compare(fmt.Sprintf("%s\x00%09d", a.File, a.Line), fmt.Sprintf("%s\x00%09d", b.File, b.Line))
	}) {
		t.Error("findings are not sorted by file and line")
	}
	text := docgen(t, "lint", "-severity", "none", corpusDir)
	if n := strings.Count(text.stdout, "\n"); n != len(out.Findings) {
		t.Errorf("text output has %d lines for %d findings", n, len(out.Findings))
	}
	t.Logf("lint summary over the v1.0 corpus:\n%s", text.stderr)
}

// TestCatalogueDocumentedAndTested: every code in the catalogue has a row
// in the README's Diagnostics table with its severities, and a test with a
// page written for it: a want.txt that shows it, or a Go test that names
// its constant. The README lists no code the catalogue lacks.
func TestCatalogueDocumentedAndTested(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^\| (DG\d{3}) \| (error|warning) \| (error|warning) \|`)
	documented := map[model.Code][2]string{}
	for _, m := range row.FindAllSubmatch(readme, -1) {
		documented[model.Code(m[1])] = [2]string{string(m[2]), string(m[3])}
	}

	// Tests: want.txt files of every case, and Go test sources.
	var evidence strings.Builder
	for _, glob := range []string{"../../testdata/cases/*/*.txtar", "../../*/*_test.go", "../../cmd/docgen/*_test.go"} {
		matches, _ := filepath.Glob(glob)
		for _, m := range matches {
			b, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(m, ".txtar") {
				ar := txtar.Parse(b)
				b, _ = archiveData(ar, "want.txt")
			}
			evidence.Write(b)
		}
	}
	names := codeConstNames(t)
	for code, info := range model.Catalogue {
		if got, want := documented[code], [2]string{info.Severity.String(), info.Lint.String()}; got != want {
			t.Errorf("README Diagnostics row for %s: severities %q, want %q (docgen, lint)", code, got, want)
		}
		tested := strings.Contains(evidence.String(), "["+string(code)+"]") || // docgen's format
			strings.Contains(evidence.String(), ": "+string(code)+": ") || // lint's
			strings.Contains(evidence.String(), "model."+names[code]) // a Go test
		if !tested {
			t.Errorf("%s (%s) has no test: no want.txt shows it and no test names model.%s", code, info.Summary, names[code])
		}
	}
	for code := range documented {
		if _, ok := model.Catalogue[code]; !ok {
			t.Errorf("README documents %s, which the catalogue lacks", code)
		}
	}
}

// codeConstNames maps each code to the name of its constant in
// model/codes.go.
func codeConstNames(t *testing.T) map[model.Code]string {
	t.Helper()
	file, err := goparser.ParseFile(token.NewFileSet(), "../../model/codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	names := map[model.Code]string{}
	ast.Inspect(file, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if v, err := strconv.Unquote(lit.Value); err == nil {
				names[model.Code(v)] = vs.Names[0].Name
			}
		}
		return true
	})
	return names
}
