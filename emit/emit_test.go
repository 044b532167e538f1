package emit

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	goparser "go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	casesDir  = "../testdata/cases/emit"
	enFixture = "../testdata/pages/en/asyncjobstatus.md"
	esFixture = "../testdata/pages/es-ES/asyncjobstatus.md"
)

// generate parses pages (name, content pairs in order), resolves them and
// renders Go. Errors in the input fail the test; warnings are returned.
func generate(t *testing.T, opts Options, pages ...[2]string) ([]File, model.Diagnostics) {
	t.Helper()
	var parsed []*model.Page
	var diags model.Diagnostics
	for _, p := range pages {
		page, d := parser.Parse(p[0], []byte(p[1]))
		parsed = append(parsed, page)
		diags = append(diags, d...)
	}
	schema := model.Resolve(parsed, &diags)
	if diags.HasErrors() {
		t.Fatalf("input has errors:\n%v", diags)
	}
	files, err := Generate(schema, opts)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return files, diags
}

func readPage(t *testing.T, path string) [2]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return [2]string{path, string(raw)}
}

// TestGolden runs the txtar cases in testdata/cases/emit. Each holds one or
// more pages (sections ending in .md, parsed in order) and the Go they
// generate: want.go when there is one file, else a section per file named
// as the file. Comment lines "package: NAME" and "localized: true" set the
// options. Every output must also type-check.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(casesDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no cases in %s", casesDir)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opts := Options{Package: "graph"}
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(line, "package: "); ok {
					opts.Package = strings.TrimSpace(v)
				}
				if strings.TrimSpace(line) == "localized: true" {
					opts.Localized = true
				}
			}
			var pages [][2]string
			wants := map[string][]byte{}
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".md") {
					pages = append(pages, [2]string{f.Name, string(f.Data)})
				} else {
					wants[f.Name] = f.Data
				}
			}
			out, _ := generate(t, opts, pages...)
			section := func(f File) string {
				if len(out) == 1 {
					return "want.go"
				}
				return f.Name
			}
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if strings.HasSuffix(f.Name, ".md") {
						kept = append(kept, f)
					}
				}
				ar.Files = kept
				for _, f := range out {
					setArchiveFile(ar, section(f), f.Content)
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				if len(wants) != len(out) {
					t.Errorf("generated %q; the case expects %d file(s) (run with -update)", fileNames(out), len(wants))
				}
				for _, f := range out {
					want, ok := wants[section(f)]
					if !ok {
						t.Errorf("no section %s for %s (run with -update)", section(f), f.Name)
						continue
					}
					if !bytes.Equal(f.Content, want) {
						t.Errorf("%s differs from %s:\n%s", f.Name, section(f), unifiedDiff(section(f), "got", string(want), string(f.Content)))
					}
				}
			}
			typeCheck(t, opts.Package, out...)
		})
	}
}

func setArchiveFile(ar *txtar.Archive, name string, data []byte) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = data
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
}

var (
	sourceImporterOnce sync.Once
	sourceImporter     types.Importer
	importerFset       = token.NewFileSet()
)

// typeCheck compiles generated files (as far as go/types does), importing
// graphrt from source, and fails the test on any error.
func typeCheck(t *testing.T, pkg string, files ...File) {
	t.Helper()
	sourceImporterOnce.Do(func() {
		sourceImporter = importer.ForCompiler(importerFset, "source", nil)
	})
	var asts []*ast.File
	for _, f := range files {
		a, err := goparser.ParseFile(importerFset, f.Name, f.Content, goparser.ParseComments)
		if err != nil {
			t.Errorf("%s does not parse: %v", f.Name, err)
			return
		}
		asts = append(asts, a)
	}
	var errs []string
	conf := types.Config{Importer: sourceImporter, Error: func(err error) { errs = append(errs, err.Error()) }}
	conf.Check(pkg, importerFset, asts, nil)
	if len(errs) > 0 {
		t.Errorf("generated code does not type-check:\n%s", strings.Join(errs, "\n"))
	}
}

var headerRE = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// TestGeneratedFileShape: for the fixtures, output is deterministic,
// gofmt'd, marked as generated, named after its page, and type-checks.
func TestGeneratedFileShape(t *testing.T) {
	for _, tc := range []struct {
		page, name string
		opts       Options
	}{
		{enFixture, "asyncjobstatus_gen.go", Options{Package: "en"}},
		{esFixture, "asyncjobstatus_gen.go", Options{Package: "es", Localized: true}},
	} {
		t.Run(tc.opts.Package, func(t *testing.T) {
			page := readPage(t, tc.page)
			first, diags := generate(t, tc.opts, page)
			if len(diags) > 0 {
				t.Errorf("fixture gives diagnostics: %v", diags)
			}
			for range 3 {
				again, _ := generate(t, tc.opts, page)
				if !slices.EqualFunc(first, again, func(a, b File) bool {
					return a.Name == b.Name && a.Page == b.Page && bytes.Equal(a.Content, b.Content)
				}) {
					t.Fatal("Generate is not deterministic")
				}
			}
			// The page's file, and the registry of @odata.type names, whose
			// header names the pages' directory.
			if len(first) != 2 || first[0].Name != tc.name || first[0].Page != tc.page ||
				first[1].Name != "registry_gen.go" || first[1].Page != filepath.Dir(tc.page) {
				t.Fatalf("files = %v, want %s for %s and registry_gen.go", fileNames(first), tc.name, tc.page)
			}
			for _, file := range first {
				src := file.Content
				formatted, err := format.Source(src)
				if err != nil {
					t.Fatalf("format.Source: %v", err)
				}
				if !bytes.Equal(formatted, src) {
					t.Errorf("%s is not gofmt'd:\n%s", file.Name, unifiedDiff("got", "gofmt", string(src), string(formatted)))
				}
				header, _, _ := strings.Cut(string(src), "\n")
				if !headerRE.MatchString(header) {
					t.Errorf("first line %q does not match %v", header, headerRE)
				}
				wantHeader := headerPrefix + file.Page + ". "
				if file.Name == "registry_gen.go" {
					wantHeader = headerPrefix + "the pages in " + file.Page + " "
				}
				if !strings.HasPrefix(header, wantHeader) {
					t.Errorf("first line %q does not start with %q", header, wantHeader)
				}
				f, err := goparser.ParseFile(token.NewFileSet(), "x.go", src, goparser.ParseComments|goparser.PackageClauseOnly)
				if err != nil {
					t.Fatal(err)
				}
				if !ast.IsGenerated(f) {
					t.Errorf("%s: ast.IsGenerated is false", file.Name)
				}
				if f.Name.Name != tc.opts.Package {
					t.Errorf("package %s, want %s", f.Name.Name, tc.opts.Package)
				}
			}
			typeCheck(t, tc.opts.Package, first...)
		})
	}
}

func fileNames(fs []File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

// TestLocalizedOption: -localized puts the Spanish prose in doc comments,
// otherwise the English; code is otherwise the same.
func TestLocalizedOption(t *testing.T) {
	es := readPage(t, esFixture)
	english, _ := generate(t, Options{Package: "es"}, es)
	spanish, _ := generate(t, Options{Package: "es", Localized: true}, es)
	if !bytes.Contains(spanish[0].Content, []byte("// Cuánto del trabajo está hecho")) {
		t.Errorf("localized output lacks the Spanish property comment:\n%s", spanish[0].Content)
	}
	if bytes.Contains(english[0].Content, []byte("Cuánto")) || !bytes.Contains(english[0].Content, []byte("// How much of the job is done")) {
		t.Errorf("default output should hold the English prose only:\n%s", english[0].Content)
	}
	strip := func(b []byte) string {
		var keep []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "//") {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	if a, b := strip(english[0].Content), strip(spanish[0].Content); a != b {
		t.Errorf("code differs beyond comments:\n%s", unifiedDiff("english", "spanish", a, b))
	}
}

// TestFileNames: file names come from page names, are unique, and sorted.
func TestFileNames(t *testing.T) {
	page := func(path, typ string) [2]string {
		return [2]string{path, fmt.Sprintf("# x\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.%s\" } -->\n\n```json\n{}\n```\n", typ)}
	}
	files, _ := generate(t, Options{Package: "p"},
		page("v1/Zeta.Thing-Two.md", "zeta"),
		page("v1/alpha.md", "alpha"),
		page("beta/alpha.md", "alpha2"),
	)
	got := fileNames(files)
	// beta/alpha.md sorts first, so it keeps the plain name; the registry
	// of @odata.type names has a file of its own.
	want := []string{"alpha2_gen.go", "alpha_gen.go", "registry_gen.go", "zeta_thing_two_gen.go"}
	if !slices.Equal(got, want) {
		t.Errorf("file names = %q, want %q", got, want)
	}
	for _, f := range files {
		if base := f.Name; base[0] == '_' || base[0] == '.' {
			t.Errorf("%s would be ignored by the go command", base)
		}
	}
	typeCheck(t, "p", files...)
}

func TestGoName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"webUrl", "WebURL"},
		{"id", "ID"},
		{"Id", "ID"},
		{"ids", "IDs"},
		{"userIds", "UserIDs"},
		{"userId", "UserID"},
		{"ipAddress", "IPAddress"},
		{"guid", "GUID"},
		{"displayName", "DisplayName"},
		{"percentageComplete", "PercentageComplete"},
		{"oneDrive.asyncOperationStatus", "OneDriveAsyncOperationStatus"},
		{"office365GroupId", "Office365GroupID"},
		{"HTTPSEnabled", "HTTPSEnabled"},
		// '@', '.', '-', '_' and spaces are word breaks and vanish.
		{"@odata.type", "OdataType"},
		{"@odata.etag", "OdataEtag"},
		{"first-name", "FirstName"},
		{"first name", "FirstName"},
		{"first_name", "FirstName"},
		{"x-ms-id", "XMsID"},
		// Go keywords cannot clash once capitalised.
		{"type", "Type"},
		{"func", "Func"},
		{"range", "Range"},
		// A leading digit, or nothing left at all, gets a prefix.
		{"3dModel", "X3dModel"},
		{"365", "X365"},
		{"", "X"},
		{"@", "X"},
		{"-", "X"},
		{"_", "X"},
		{"éclair", "Éclair"},
	} {
		if got := goName(tc.in); got != tc.want {
			t.Errorf("goName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestGoNameExported: whatever the input, the result is an exported Go
// identifier (the doc comment's promise). Scripts without letter case,
// such as Japanese, have no upper-case form, so they need a prefix too.
func TestGoNameExported(t *testing.T) {
	for _, in := range []string{"名前", "データ", "_名前", "über", "ǆungla", "Ωmega", "٣abc", "a\u0301b", "\u00a0x", "x\u200by"} {
		got := goName(in)
		if !token.IsIdentifier(got) || !token.IsExported(got) {
			t.Errorf("goName(%q) = %q, not an exported identifier", in, got)
		}
	}
}

func FuzzGoName(f *testing.F) {
	for _, s := range []string{"webUrl", "@odata.type", "3d", "", "名前", "a-b c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := goName(s)
		if !token.IsIdentifier(got) || !token.IsExported(got) {
			t.Errorf("goName(%q) = %q, not an exported identifier", s, got)
		}
		if goName(got) != got {
			t.Errorf("goName(%q) = %q, but goName(%q) = %q: not idempotent", s, got, got, goName(got))
		}
	})
}

func TestNamespaceClaim(t *testing.T) {
	ns := namespace{}
	var got []string
	for _, n := range []string{"X", "X", "X2", "X", "Y"} {
		got = append(got, ns.claim(n))
	}
	want := []string{"X", "X2", "X22", "X3", "Y"}
	if !slices.Equal(got, want) {
		t.Errorf("claims = %q, want %q", got, want)
	}
}

// numbered is n lines "1\n".."n\n".
func numbered(n int, change map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := change[i]; ok {
			if s != "" {
				b.WriteString(s + "\n")
			}
			continue
		}
		fmt.Fprintf(&b, "%d\n", i)
	}
	return b.String()
}

// TestUnifiedDiff compares with what GNU diff -u prints for the same texts.
func TestUnifiedDiff(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want string // without the ---/+++ lines
	}{
		{"identical", "a\nb\n", "a\nb\n", ""},
		{"both empty", "", "", ""},
		{"one line changed", numbered(10, nil), numbered(10, map[int]string{5: "five"}),
			"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"},
		{"changes far apart make two hunks", numbered(20, nil), numbered(20, map[int]string{1: "1x", 20: "20x"}),
			"@@ -1,4 +1,4 @@\n-1\n+1x\n 2\n 3\n 4\n" +
				"@@ -17,4 +17,4 @@\n 17\n 18\n 19\n-20\n+20x\n"},
		{"changes six lines apart share a hunk", numbered(20, nil), numbered(20, map[int]string{3: "3x", 10: "10x"}),
			"@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+3x\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+10x\n 11\n 12\n 13\n"},
		{"changes seven lines apart do not", numbered(20, nil), numbered(20, map[int]string{3: "3x", 11: "11x"}),
			"@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+3x\n 4\n 5\n 6\n" +
				"@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+11x\n 12\n 13\n 14\n"},
		{"insert at the top", numbered(10, nil), "0\n" + numbered(10, nil),
			"@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n"},
		{"delete a line", numbered(5, nil), numbered(5, map[int]string{3: ""}),
			"@@ -1,5 +1,4 @@\n 1\n 2\n-3\n 4\n 5\n"},
		{"newline added at the end", "a\nb\nc", "a\nb\nc\n",
			"@@ -1,3 +1,3 @@\n a\n b\n-c\n\\ No newline at end of file\n+c\n"},
		{"newline removed at the end", "a\nb\nc\n", "a\nb\nc",
			"@@ -1,3 +1,3 @@\n a\n b\n-c\n+c\n\\ No newline at end of file\n"},
		{"neither ends in a newline", "a\nb\nc", "a\nB\nc",
			"@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n\\ No newline at end of file\n"},
		{"from nothing", "", "x\ny\n", "@@ -0,0 +1,2 @@\n+x\n+y\n"},
		{"to nothing", "x\ny\n", "", "@@ -1,2 +0,0 @@\n-x\n-y\n"},
		{"one line to another", "x\n", "y\n", "@@ -1 +1 @@\n-x\n+y\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := unifiedDiff("old.go", "new.go", tc.a, tc.b)
			if tc.want == "" {
				if got != "" {
					t.Errorf("unifiedDiff = %q, want empty", got)
				}
				return
			}
			want := "--- old.go\n+++ new.go\n" + tc.want
			if got != want {
				t.Errorf("unifiedDiff:\n%s\nwant:\n%s", got, want)
			}
			if err := applyDiff(tc.a, got, tc.b); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestUnifiedDiffApplies: for edits of a generated file, the diff applied
// to the old text gives the new one.
func TestUnifiedDiffApplies(t *testing.T) {
	base := string(generateFixture(t))
	lines := strings.SplitAfter(base, "\n")
	edits := map[string]string{
		"first line":  strings.Replace(base, "// Code generated", "// Code edited", 1),
		"last line":   strings.TrimSuffix(base, "}\n") + "}",
		"many":        strings.ReplaceAll(base, "graphrt.", "rt."),
		"drop half":   strings.Join(lines[:len(lines)/2], ""),
		"add at end":  base + "\nvar extra = 1\n",
		"interleaved": strings.ReplaceAll(strings.ReplaceAll(base, "\treturn", "\t// note\n\treturn"), "graphrt.Opt", "graphrt.Option"),
	}
	for name, edited := range edits {
		t.Run(name, func(t *testing.T) {
			d := unifiedDiff("a", "b", base, edited)
			if err := applyDiff(base, d, edited); err != nil {
				t.Error(err)
			}
			d = unifiedDiff("b", "a", edited, base)
			if err := applyDiff(edited, d, base); err != nil {
				t.Error(err)
			}
		})
	}
}

func generateFixture(t *testing.T) []byte {
	t.Helper()
	files, _ := generate(t, Options{Package: "en"}, readPage(t, enFixture))
	return files[0].Content
}

// applyDiff applies a unified diff to a and checks the result is b, and
// that each hunk header counts its lines right.
func applyDiff(a, diff, b string) error {
	src := splitLines(a)
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return fmt.Errorf("diff has no ---/+++ header:\n%s", diff)
	}
	hunkRE := regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)
	var out []string
	next := 0 // index in src of the next line not yet copied
	i := 2
	for i < len(lines) && lines[i] != "" {
		m := hunkRE.FindStringSubmatch(lines[i])
		if m == nil {
			return fmt.Errorf("bad hunk header %q", lines[i])
		}
		num := func(s string, dflt int) int {
			if s == "" {
				return dflt
			}
			var n int
			fmt.Sscan(s, &n)
			return n
		}
		aStart, aCount := num(m[1], 0), num(m[2], 1)
		bCount := num(m[4], 1)
		from := aStart - 1
		if aCount == 0 {
			from = aStart
		}
		if from < next {
			return fmt.Errorf("hunk %q overlaps the previous one", lines[i])
		}
		out = append(out, src[next:from]...)
		next = from
		i++
		var sawA, sawB int
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			noNL := i < len(lines) && strings.HasPrefix(lines[i], `\ No newline at end of file`)
			if noNL {
				i++
			}
			text := l[1:]
			if noNL {
				text = strings.TrimSuffix(text, "\n")
			}
			switch l[0] {
			case ' ':
				if next >= len(src) || src[next] != text {
					return fmt.Errorf("context %q does not match line %d", text, next+1)
				}
				out = append(out, text)
				next++
				sawA++
				sawB++
			case '-':
				if next >= len(src) || src[next] != text {
					return fmt.Errorf("removed %q does not match line %d", text, next+1)
				}
				next++
				sawA++
			case '+':
				out = append(out, text)
				sawB++
			default:
				return fmt.Errorf("bad diff line %q", l)
			}
		}
		if sawA != aCount || sawB != bCount {
			return fmt.Errorf("hunk %q holds -%d +%d lines", m[0], sawA, sawB)
		}
	}
	out = append(out, src[next:]...)
	if got := strings.Join(out, ""); got != b {
		return fmt.Errorf("applying the diff gives\n%q\nwant\n%q\ndiff:\n%s", got, b, diff)
	}
	return nil
}

// docgenFile is a file with docgen's header.
func docgenFile(name, body string) File {
	return File{Name: name, Page: name + ".md", Content: []byte(headerPrefix + name + ".md. DO NOT EDIT.\n\npackage p\n" + body)}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot maps every entry under dir to its content ("<dir>" for directories).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			out[rel] = "<dir>"
			return nil
		}
		b, err := os.ReadFile(path)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffSnapshots(a, b map[string]string) string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			out = append(out, "removed "+k)
		} else if v != w {
			out = append(out, "changed "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, "added "+k)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out") // Write creates it
	a, b := docgenFile("a_gen.go", "var A = 1\n"), docgenFile("b_gen.go", "var B = 1\n")

	written, err := Write(dir, []File{a, b})
	if err != nil {
		t.Fatal(err)
	}
	wantWritten := []string{filepath.Join(dir, "a_gen.go"), filepath.Join(dir, "b_gen.go")}
	if !slices.Equal(written, wantWritten) {
		t.Errorf("written = %q, want %q", written, wantWritten)
	}
	want := map[string]string{"a_gen.go": string(a.Content), "b_gen.go": string(b.Content)}
	if d := diffSnapshots(want, snapshot(t, dir)); d != "" {
		t.Fatalf("after the first Write:\n%s", d)
	}
	for name := range want {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o644 {
			t.Errorf("%s has mode %v, want 0644", name, perm)
		}
	}

	// Unchanged files are not rewritten: give them an old mtime first, so
	// that any rewrite would show without waiting for the clock.
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for name := range want {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	b2 := docgenFile("b_gen.go", "var B = 2\n")
	written, err = Write(dir, []File{a, b2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(written, []string{filepath.Join(dir, "b_gen.go")}) {
		t.Errorf("second Write wrote %q, want only b_gen.go", written)
	}
	mtime := func(name string) time.Time {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return info.ModTime()
	}
	if !mtime("a_gen.go").Equal(old) {
		t.Errorf("unchanged a_gen.go was rewritten (mtime %v)", mtime("a_gen.go"))
	}
	if mtime("b_gen.go").Equal(old) {
		t.Error("changed b_gen.go was not rewritten")
	}

	// Orphans: docgen files no longer generated go; everything else stays.
	keep := map[string]string{
		"hand.go":      "package p\n\nvar Hand = 1\n",
		"other_gen.go": "// Code generated by stringer. DO NOT EDIT.\n\npackage p\n",
		"notes.txt":    headerPrefix + "x.md. DO NOT EDIT.\n",
		"late_test.go": "package p\n",
		"short.go":     "// Code",
	}
	writeFiles(t, dir, keep)
	writeFiles(t, dir, map[string]string{"gone_gen.go": string(docgenFile("gone_gen.go", "").Content)})
	if err := os.Mkdir(filepath.Join(dir, "sub.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	written, err = Write(dir, []File{a, b2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(written, []string{filepath.Join(dir, "gone_gen.go")}) {
		t.Errorf("third Write reports %q, want the removed orphan only", written)
	}
	want = map[string]string{"a_gen.go": string(a.Content), "b_gen.go": string(b2.Content), "sub.go": "<dir>"}
	for k, v := range keep {
		want[k] = v
	}
	if d := diffSnapshots(want, snapshot(t, dir)); d != "" {
		t.Errorf("after removing orphans:\n%s", d)
	}
}

// TestWriteKeepsHandWrittenFile: "only [docgen] files are ever
// overwritten" (write.go). A hand-written file that happens to have a
// generated file's name must survive Write, which should report an error.
func TestWriteKeepsHandWrittenFile(t *testing.T) {
	dir := t.TempDir()
	hand := "package p\n\n// Written by hand.\nvar A = 0\n"
	writeFiles(t, dir, map[string]string{"a_gen.go": hand})
	_, err := Write(dir, []File{docgenFile("a_gen.go", "var A = 1\n")})
	if got := snapshot(t, dir)["a_gen.go"]; got != hand {
		t.Errorf("Write replaced a file without docgen's header:\n%s", got)
	}
	if err == nil {
		t.Error("Write returned no error for a file it must not overwrite")
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	a, b := docgenFile("a_gen.go", "var A = 1\n"), docgenFile("b_gen.go", "var B = 1\n")
	if _, err := Write(dir, []File{a, b}); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"hand.go": "package p\n"})
	files := []File{a, b}

	diff, err := Check(dir, files)
	if err != nil || diff != "" {
		t.Fatalf("in sync: Check = %q, %v; want no diff", diff, err)
	}

	check := func(t *testing.T, want string) {
		t.Helper()
		before := snapshot(t, dir)
		diff, err := Check(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		if diff != want {
			t.Errorf("Check:\n%s\nwant:\n%s", diff, want)
		}
		if d := diffSnapshots(before, snapshot(t, dir)); d != "" {
			t.Errorf("Check changed the directory:\n%s", d)
		}
		if !strings.Contains(DescribeDrift(diff), fmt.Sprintf("%d file(s)", strings.Count(diff, "\n+++ "))) {
			t.Errorf("DescribeDrift = %q for %d files", DescribeDrift(diff), strings.Count(diff, "\n+++ "))
		}
	}
	aPath, bPath := filepath.Join(dir, "a_gen.go"), filepath.Join(dir, "b_gen.go")

	t.Run("changed", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{"a_gen.go": strings.Replace(string(a.Content), "A = 1", "A = 9", 1)})
		defer writeFiles(t, dir, map[string]string{"a_gen.go": string(a.Content)})
		header, _, _ := strings.Cut(string(a.Content), "\n")
		check(t, fmt.Sprintf("--- %s\n+++ %s\n@@ -1,4 +1,4 @@\n %s\n \n package p\n-var A = 9\n+var A = 1\n", aPath, aPath, header))
	})
	t.Run("missing", func(t *testing.T) {
		if err := os.Remove(bPath); err != nil {
			t.Fatal(err)
		}
		defer writeFiles(t, dir, map[string]string{"b_gen.go": string(b.Content)})
		body := strings.ReplaceAll(strings.TrimSuffix(string(b.Content), "\n"), "\n", "\n+")
		check(t, fmt.Sprintf("--- /dev/null\n+++ %s\n@@ -0,0 +1,4 @@\n+%s\n", bPath, body))
	})
	t.Run("orphan", func(t *testing.T) {
		orphan := docgenFile("old_gen.go", "")
		writeFiles(t, dir, map[string]string{"old_gen.go": string(orphan.Content)})
		defer os.Remove(filepath.Join(dir, "old_gen.go"))
		oPath := filepath.Join(dir, "old_gen.go")
		body := strings.ReplaceAll(strings.TrimSuffix(string(orphan.Content), "\n"), "\n", "\n-")
		check(t, fmt.Sprintf("--- %s\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-%s\n", oPath, body))
	})
	t.Run("all three", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{
			"a_gen.go":   strings.Replace(string(a.Content), "A = 1", "A = 9", 1),
			"old_gen.go": string(docgenFile("old_gen.go", "").Content),
		})
		if err := os.Remove(bPath); err != nil {
			t.Fatal(err)
		}
		defer func() {
			writeFiles(t, dir, map[string]string{"a_gen.go": string(a.Content), "b_gen.go": string(b.Content)})
			os.Remove(filepath.Join(dir, "old_gen.go"))
		}()
		diff, err := Check(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		for _, header := range []string{
			"--- " + aPath + "\n+++ " + aPath + "\n",
			"--- /dev/null\n+++ " + bPath + "\n",
			"--- " + filepath.Join(dir, "old_gen.go") + "\n+++ /dev/null\n",
		} {
			if strings.Count(diff, header) != 1 {
				t.Errorf("diff lacks %q:\n%s", header, diff)
			}
		}
		if got := DescribeDrift(diff); got != "3 file(s) differ from the docs" {
			t.Errorf("DescribeDrift = %q", got)
		}
	})
	t.Run("no directory", func(t *testing.T) {
		missing := filepath.Join(dir, "nothing")
		diff, err := Check(missing, files)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(diff, "--- /dev/null\n") != 2 {
			t.Errorf("Check of a missing directory:\n%s", diff)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Error("Check created the directory")
		}
	})
}

const corpusDir = "../../shared/corpus/en/v1.0"

// TestCorpusDeterministic generates the real corpus twice, from separate
// parses (ParseFiles schedules pages on every core, differently each
// time): the bytes must agree, and every file must be gofmt'd and carry
// the header.
func TestCorpusDeterministic(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("../shared/corpus not found: %v", err)
	}
	if testing.Short() {
		t.Skip("generates the whole corpus twice; skipped with -short")
	}
	paths, err := parser.Files([]string{corpusDir})
	if err != nil {
		t.Fatal(err)
	}
	gen := func() []File {
		pages, diags, err := parser.ParseFiles(paths)
		if err != nil {
			t.Fatal(err)
		}
		schema := model.Resolve(pages, &diags)
		files, err := Generate(schema, Options{Package: "graph"})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b := gen(), gen()
	if len(a) != len(b) || len(a) < 500 {
		t.Fatalf("%d and %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Content, b[i].Content) {
			t.Fatalf("%s: the two runs differ:\n%s", a[i].Name, unifiedDiff("first", "second", string(a[i].Content), string(b[i].Content)))
		}
	}
	seen := map[string]bool{}
	for _, f := range a {
		if seen[f.Name] {
			t.Errorf("file name %s used twice", f.Name)
		}
		seen[f.Name] = true
		header, _, _ := strings.Cut(string(f.Content), "\n")
		if !headerRE.MatchString(header) || !strings.HasPrefix(header, headerPrefix) {
			t.Errorf("%s: header %q", f.Name, header)
		}
		if formatted, err := format.Source(f.Content); err != nil || !bytes.Equal(formatted, f.Content) {
			t.Errorf("%s is not gofmt'd (%v)", f.Name, err)
		}
	}
}
