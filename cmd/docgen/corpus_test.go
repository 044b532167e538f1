package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusDir is the English v1.0 corpus beside the repository.
const corpusDir = "../../../shared/corpus/en/v1.0"

func needCorpus(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("../shared/corpus not found (%v): the corpus tests run only beside the shared folder", err)
	}
}

// TestCorpusBuilds generates the whole v1.0 corpus into a package inside
// the module, vets it, and checks the counts against counts taken from the
// pages by plain text scanning, independently of the parser. Compiling the
// corpus is left to emit's TestCorpusRoundTrip, which compiles and runs the
// same output: the largest compile of the test suite happens once.
func TestCorpusBuilds(t *testing.T) {
	needCorpus(t)
	if testing.Short() {
		t.Skip("builds a ~1,000-file package; skipped with -short")
	}
	// Inside the module, so the package resolves graphrt; a fresh name so
	// concurrent test runs do not meet, "_" so that ./... patterns do not.
	out, err := os.MkdirTemp(".", "_corpusbuild-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(out) })
	modelFile := filepath.Join(t.TempDir(), "model.json")

	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-pkg", "graph", "-model", modelFile, corpusDir}, &stdout, &stderr); code != 0 {
		t.Fatalf("docgen exit %d:\n%s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), ": error: ") {
		t.Errorf("the corpus should generate with zero errors:\n%s", stderr.String())
	}
	t.Logf("diagnostics summary: %s", lastLine(stderr.String()))

	for _, args := range [][]string{{"vet", "./" + out}} {
		cmd := exec.Command("go", args...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}

	var raw []byte
	var dump struct {
		Types []struct {
			Name           string
			BaseType       string
			BaseTypeSource string
			Pages          []string
			Properties     []struct{ Name, Type, TypeSource string }
		}
		Enums []struct{ Name string }
	}
	raw, err = os.ReadFile(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &dump); err != nil {
		t.Fatal(err)
	}
	fields := 0
	proseBases, sampleTyped, rawJSON := 0, 0, 0
	for _, typ := range dump.Types {
		fields += len(typ.Properties)
		if typ.BaseTypeSource == "prose" {
			proseBases++
		}
		for _, p := range typ.Properties {
			switch {
			case p.Type == "Edm.Untyped":
				rawJSON++
			case p.TypeSource == "sample":
				sampleTyped++
			}
		}
	}
	t.Logf("facts beyond annotations and tables: %d bases from prose, %d sample-only properties typed from the sample, %d properties still raw JSON", proseBases, sampleTyped, rawJSON)
	want := countCorpus(t)
	t.Logf("corpus: %d resource types, %d table rows, %d enum tables; generated: %d types, %d fields, %d enums",
		len(want.types), len(want.rows), len(want.enums), len(dump.Types), fields, len(dump.Enums))

	generatedTypes := map[string]bool{}
	for _, typ := range dump.Types {
		generatedTypes[strings.ToLower(typ.Name)] = true
	}
	missing := 0
	for name := range want.types {
		if !generatedTypes[name] {
			missing++
			t.Logf("annotated type without a struct: %s", name)
		}
	}
	if got := len(want.types) - missing; got*100 < len(want.types)*98 {
		t.Errorf("%d of %d annotated types became structs; want at least 98%%", got, len(want.types))
	}
	// Every table row should be a field of a type documented on its page.
	// A derived page may document an inherited property again: the base's
	// field serves for it.
	byName := map[string]int{}
	for i, typ := range dump.Types {
		byName[typ.Name] = i
	}
	pageFields := map[string]bool{}
	for _, typ := range dump.Types {
		for i, ok := byName[typ.Name], true; ok; i, ok = byName[dump.Types[i].BaseType] {
			for _, p := range dump.Types[i].Properties {
				for _, page := range typ.Pages {
					pageFields[filepath.Base(page)+" "+strings.ToLower(p.Name)] = true
				}
			}
		}
	}
	found := 0
	for _, r := range want.rows {
		if pageFields[r] {
			found++
		} else {
			t.Logf("table row without a field: %s", r)
		}
	}
	if found*100 < len(want.rows)*99 {
		t.Errorf("%d of %d property and relationship rows became fields; want at least 99%%", found, len(want.rows))
	}
	generatedEnums := map[string]bool{}
	for _, e := range dump.Enums {
		generatedEnums[strings.ToLower(e.Name)] = true
	}
	for name := range want.enums {
		if !generatedEnums[name] {
			t.Errorf("enum table %s did not become an enum", name)
		}
	}
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

type corpusCounts struct {
	types map[string]bool // lower-case qualified names of resource annotations
	rows  []string        // "page name" of each Properties and Relationships row
	enums map[string]bool // lower-case qualified names of enum tables
}

var (
	commentRE  = regexp.MustCompile(`(?s)<!--(.*?)-->`)
	resourceRE = regexp.MustCompile(`"blockType"\s*:\s*"resource"`)
	typeNameRE = regexp.MustCompile(`"@(?:odata\.)?type"\s*:\s*"#?([^"]+)"`)
	valuesRE   = regexp.MustCompile(`^#{2,4}\s+(\w+)\s+values\s*$`)
	enumPageRE = regexp.MustCompile(`^#\s+(\w+)\s+enum type\s*$`)
	nsRE       = regexp.MustCompile(`^Namespace:\s*(\S+)\s*$`)
)

// countCorpus scans the pages line by line, without goldmark: annotations by
// regular expression, table rows as lines starting with a pipe under a
// Properties or Relationships heading, enums by their headings.
func countCorpus(t *testing.T) corpusCounts {
	c := corpusCounts{types: map[string]bool{}, enums: map[string]bool{}}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		hasResource := false
		for _, m := range commentRE.FindAllSubmatch(raw, -1) {
			if resourceRE.Match(m[1]) {
				if n := typeNameRE.FindSubmatch(m[1]); n != nil {
					c.types[strings.ToLower(string(n[1]))] = true
					hasResource = true
				}
			}
		}
		ns := "microsoft.graph"
		inTable, counting := false, false
		enumPage := ""
		sc := bufio.NewScanner(bytes.NewReader(raw))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if m := nsRE.FindStringSubmatch(line); m != nil {
				ns = m[1]
			}
			if strings.HasPrefix(line, "#") {
				h := strings.ToLower(line)
				counting = hasResource && (strings.Contains(h, "properties") && !strings.Contains(h, "instance") && !strings.Contains(h, "property values") || strings.Contains(h, "relationships"))
				inTable = false
				if m := enumPageRE.FindStringSubmatch(line); m != nil {
					enumPage = m[1]
				}
				if m := valuesRE.FindStringSubmatch(line); m != nil {
					c.enums[strings.ToLower(ns+"."+m[1])] = true
				}
				if enumPage != "" && h == "## members" {
					c.enums[strings.ToLower(ns+"."+enumPage)] = true
				}
				continue
			}
			if !counting || !strings.HasPrefix(line, "|") {
				inTable = inTable && line != ""
				continue
			}
			if strings.Contains(line, "---") && strings.Trim(line, "|:- \t") == "" {
				inTable = true // the delimiter row: data rows follow
				continue
			}
			if inTable {
				if name := rowName(line); name != "" {
					c.rows = append(c.rows, filepath.Base(f)+" "+strings.ToLower(name))
				}
			}
		}
	}
	return c
}

var linkRE = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// rowName is the first cell of a table row without its markup.
func rowName(line string) string {
	cell := strings.Split(strings.TrimPrefix(line, "|"), "|")[0]
	cell = linkRE.ReplaceAllString(cell, "$1")
	cell = strings.Trim(strings.TrimSpace(cell), "*`_ ")
	if i := strings.Index(cell, " ("); i > 0 {
		cell = cell[:i]
	}
	return cell
}

// TestCorpusSubsetBuilds generates only driveItem's closure, with and
// without derived types, and type-checks each on its own: a subset must
// compile without the rest of the corpus. go vet type-checks from source
// (an undefined name is an error there, as for the compiler) at a third of
// a build's cost, and vets the subsets too.
func TestCorpusSubsetBuilds(t *testing.T) {
	needCorpus(t)
	if testing.Short() {
		t.Skip("type-checks generated packages; skipped with -short")
	}
	vet := []string{"vet"}
	for _, args := range [][]string{{"-types", "microsoft.graph.driveItem"}, {"-types", "driveitem", "-no-derived"}} {
		out, err := os.MkdirTemp(".", "_corpusbuild-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(out) })
		var stdout, stderr bytes.Buffer
		if code := run(append(args, "-out", out, "-pkg", "graph", corpusDir), &stdout, &stderr); code != 0 {
			t.Fatalf("docgen %v: exit %d:\n%s", args, code, stderr.String())
		}
		kept := regexp.MustCompile(`-types kept (\d+) of (\d+) types`).FindStringSubmatch(stderr.String())
		if kept == nil || kept[1] == kept[2] {
			t.Fatalf("docgen %v should report a strict subset; stderr:\n%s", args, stderr.String())
		}
		if _, err := os.Stat(filepath.Join(out, "driveitem_gen.go")); err != nil {
			t.Errorf("docgen %v: driveItem's file missing: %v", args, err)
		}
		vet = append(vet, "./"+out)
		t.Logf("docgen %v kept %s of %s types", args, kept[1], kept[2])
	}
	if b, err := exec.Command("go", vet...).CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(vet, " "), err, b)
	}
}
