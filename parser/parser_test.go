package parser

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/graphdocgen/docgen/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	enFixture = "../testdata/pages/en/asyncjobstatus.md"
	esFixture = "../testdata/pages/es-ES/asyncjobstatus.md"
	seedPage  = "../../shared/seed/asyncjobstatus.es-ES.md"
	casesDir  = "../testdata/cases/parser"
)

// asyncJobStatusMembers is the enum the JSON sample of every asyncJobStatus
// page lists, in documentation order.
var asyncJobStatusMembers = []string{"notStarted", "inProgress", "completed", "updating", "failed", "deletePending", "deleteFailed", "waiting"}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func parseFile(t *testing.T, path string) (*model.Page, model.Diagnostics) {
	t.Helper()
	return Parse(path, readFile(t, path))
}

// scrub zeroes, everywhere inside v (a pointer), the values for which drop
// reports true. It walks structs, pointers and slices, so fields added to
// the model later are covered without changing the tests.
func scrub(v any, drop func(reflect.Value) bool) {
	scrubValue(reflect.ValueOf(v), drop)
}

func scrubValue(v reflect.Value, drop func(reflect.Value) bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			scrubValue(v.Elem(), drop)
		}
		return
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			scrubValue(v.Index(i), drop)
		}
		return
	case reflect.Map:
		// Maps cannot be edited in place; the model holds none today.
		return
	}
	if v.CanSet() && drop(v) {
		v.Set(reflect.Zero(v.Type()))
		return
	}
	if v.Kind() == reflect.Struct {
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scrubValue(v.Field(i), drop)
			}
		}
	}
}

var (
	posType  = reflect.TypeFor[model.Pos]()
	textType = reflect.TypeFor[model.Text]()
)

func isPos(v reflect.Value) bool  { return v.Type() == posType }
func isText(v reflect.Value) bool { return v.Type() == textType }

// dropLocalized clears only the Localized half of every Text.
func dropLocalized(v reflect.Value) bool {
	if isText(v) {
		v.FieldByName("Localized").SetString("")
	}
	return false
}

// TestSeedMatchesEnglishFixture: the real localized seed page and the
// English fixture describe the same resource; only locale, prose and
// positions differ.
func TestSeedMatchesEnglishFixture(t *testing.T) {
	raw, err := os.ReadFile(seedPage)
	if err != nil {
		t.Skipf("../shared/seed not found: %v", err)
	}
	seed, seedDiags := Parse(seedPage, raw)
	en, enDiags := parseFile(t, enFixture)
	if seedDiags.HasErrors() || enDiags.HasErrors() {
		t.Fatalf("unexpected errors:\nseed: %v\nen:   %v", seedDiags, enDiags)
	}

	if seed.Locale != "es-ES" {
		t.Errorf("seed Locale = %q, want es-ES", seed.Locale)
	}
	if en.Locale != "" {
		t.Errorf("English fixture Locale = %q, want empty", en.Locale)
	}
	for _, page := range []*model.Page{seed, en} {
		checkAsyncJobStatus(t, page)
	}
	// The seed carries Spanish prose; the model keeps it beside the English.
	if len(seed.Resources) == 1 {
		res := seed.Resources[0]
		if res.Description.English == "" || res.Description.Localized == "" {
			t.Errorf("seed description = %+v, want both English and Spanish prose", res.Description)
		}
		for _, p := range res.Properties {
			if p.Description.English == "" || p.Description.Localized == "" || p.Description.English == p.Description.Localized {
				t.Errorf("seed %s description = %+v, want distinct English and Spanish text", p.Name, p.Description)
			}
		}
	}

	for _, page := range []*model.Page{seed, en} {
		page.Path, page.Locale = "", ""
		scrub(page, func(v reflect.Value) bool { return isPos(v) || isText(v) })
	}
	if diff := modelDiff(en, seed); diff != "" {
		t.Errorf("seed and English fixture differ beyond locale, prose and positions (-en +seed):\n%s", diff)
	}
}

// checkAsyncJobStatus asserts what every rendering of the asyncJobStatus page says.
func checkAsyncJobStatus(t *testing.T, page *model.Page) {
	t.Helper()
	if len(page.Resources) != 1 {
		t.Fatalf("%s: %d resources, want 1", page.Path, len(page.Resources))
	}
	res := page.Resources[0]
	if res.Name != "microsoft.graph.asyncJobStatus" {
		t.Errorf("%s: Name = %q", page.Path, res.Name)
	}
	if !slices.Equal(res.Aliases, []string{"oneDrive.asyncOperationStatus"}) {
		t.Errorf("%s: Aliases = %q", page.Path, res.Aliases)
	}
	var got []string
	for _, p := range res.Properties {
		got = append(got, p.Name+" "+typeString(p.Type))
	}
	want := []string{"percentageComplete Edm.Double", "status Edm.String"}
	if !slices.Equal(got, want) {
		t.Fatalf("%s: properties = %q, want %q", page.Path, got, want)
	}
	status := res.Properties[1]
	if !slices.Equal(status.EnumValues, asyncJobStatusMembers) {
		t.Errorf("%s: status enum values = %q, want %q", page.Path, status.EnumValues, asyncJobStatusMembers)
	}
	for _, p := range res.Properties {
		if !p.InSample || !p.InTable || p.Navigation {
			t.Errorf("%s: %s InSample=%v InTable=%v Navigation=%v, want true true false", page.Path, p.Name, p.InSample, p.InTable, p.Navigation)
		}
	}
}

// TestFixturesAgree: the English and es-ES fixtures give the same model
// apart from the locale, the Spanish text and positions (the files do not
// align line for line; TestLineNumbers checks positions).
func TestFixturesAgree(t *testing.T) {
	en, enDiags := parseFile(t, enFixture)
	es, esDiags := parseFile(t, esFixture)
	if len(enDiags) > 0 || len(esDiags) > 0 {
		t.Errorf("fixtures should parse cleanly:\nen: %v\nes: %v", enDiags, esDiags)
	}
	if es.Locale != "es-ES" {
		t.Errorf("es Locale = %q, want es-ES", es.Locale)
	}
	checkAsyncJobStatus(t, en)
	checkAsyncJobStatus(t, es)
	if t.Failed() {
		return
	}

	// The es-ES model has the Spanish text, the English one none.
	esRes := es.Resources[0]
	wantDesc := model.Text{
		English: "Reports how far a long-running, asynchronous job has progressed.\n\n" +
			"Calls that start background work, such as copying a drive item, hand back this resource so a client can poll it.",
		Localized: "Informa de cuánto ha avanzado un trabajo asincrónico de larga duración.\n\n" +
			"Las llamadas que inician trabajo en segundo plano, como copiar un elemento de unidad, devuelven este recurso para que el cliente pueda consultarlo.",
	}
	if esRes.Description != wantDesc {
		t.Errorf("es description:\n got %+v\nwant %+v", esRes.Description, wantDesc)
	}
	wantProps := []model.Text{
		{English: "How much of the job is done, as a number from 0 to 100.", Localized: "Cuánto del trabajo está hecho, como un número de 0 a 100."},
		{English: "Where the job stands; one of a fixed set of states.", Localized: "En qué punto está el trabajo; uno de un conjunto fijo de estados."},
	}
	for i, p := range esRes.Properties {
		if p.Description != wantProps[i] {
			t.Errorf("es %s description:\n got %+v\nwant %+v", p.Name, p.Description, wantProps[i])
		}
	}
	localized := 0
	scrub(en, func(v reflect.Value) bool {
		if isText(v) && v.FieldByName("Localized").String() != "" {
			localized++
		}
		return false
	})
	if localized > 0 {
		t.Errorf("English fixture has %d texts with a Localized half, want none", localized)
	}

	for _, page := range []*model.Page{en, es} {
		page.Path, page.Locale = "", ""
		scrub(page, func(v reflect.Value) bool { return isPos(v) || dropLocalized(v) })
	}
	if diff := modelDiff(en, es); diff != "" {
		t.Errorf("fixtures differ (-en +es):\n%s", diff)
	}
}

// lineOf is the 1-based line of the only occurrence of marker in raw.
func lineOf(t *testing.T, raw []byte, marker string) int {
	t.Helper()
	if n := bytes.Count(raw, []byte(marker)); n != 1 {
		t.Fatalf("marker %q occurs %d times, want once", marker, n)
	}
	i := bytes.Index(raw, []byte(marker))
	return 1 + bytes.Count(raw[:i], []byte("\n"))
}

// TestLineNumbers: positions and diagnostics point at original lines even
// after span pairs whose localized half spans two lines.
func TestLineNumbers(t *testing.T) {
	t.Run("fixtures", func(t *testing.T) {
		for _, tc := range []struct {
			path                    string
			annotation, pct, status string
		}{
			{enFixture, `"blockType": "resource"`, "| **percentageComplete**", "| **status**"},
			{esFixture, `"blockType": "resource"`, `data-ttu-id="d0c1-110"`, `data-ttu-id="d0c1-113"`},
		} {
			raw := readFile(t, tc.path)
			page, _ := Parse(tc.path, raw)
			checkAsyncJobStatus(t, page)
			if t.Failed() {
				return
			}
			res := page.Resources[0]
			for _, c := range []struct {
				what   string
				got    model.Pos
				marker string
			}{
				{"resource", res.Pos, tc.annotation},
				{"percentageComplete", res.Properties[0].Pos, tc.pct},
				{"status", res.Properties[1].Pos, tc.status},
			} {
				want := model.Pos{File: tc.path, Line: lineOf(t, raw, c.marker)}
				if c.got != want {
					t.Errorf("%s: position = %v, want %v", c.what, c.got, want)
				}
			}
		}
	})

	// Edit the es-ES fixture so that it yields diagnostics below the
	// two-line pairs: a table row the sample lacks, a sample key the tables
	// lack, and a broken second annotation at the end.
	t.Run("diagnostics after two-line pairs", func(t *testing.T) {
		raw := string(readFile(t, esFixture))
		statusRow := lineContaining(t, raw, `data-ttu-id="d0c1-113"`)
		extraRow := "| <span data-ttu-id=\"zz-1\">**extraLocal**</span><span class=\"sxs-lookup\"><span data-stu-id=\"zz-1\">**tableOnly**</span></span> | " +
			"<span data-ttu-id=\"zz-2\">Cadena</span><span class=\"sxs-lookup\"><span data-stu-id=\"zz-2\">String</span></span> | " +
			"<span data-ttu-id=\"zz-3\">Una fila que\nocupa dos líneas.</span><span class=\"sxs-lookup\"><span data-stu-id=\"zz-3\">A row over two lines.</span></span> |\n"
		raw = strings.Replace(raw, statusRow, statusRow+extraRow, 1)
		raw = strings.Replace(raw, `  "percentageComplete": 100.0,`, "  \"percentageComplete\": 100.0,\n  \"sampleOnly\": \"String\",", 1)
		raw += "\n<span data-ttu-id=\"zz-4\">Un párrafo\nen dos líneas.</span><span class=\"sxs-lookup\"><span data-stu-id=\"zz-4\">A paragraph.</span></span>\n\n" +
			"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.broken\" \"keyProperty\": \"id\" } -->\n\n```json\n{}\n```\n"

		const path = "edited.md"
		page, diags := Parse(path, []byte(raw))
		model.Resolve([]*model.Page{page}, &diags) // reports the sample-only key
		want := []string{
			fmt.Sprintf("%s:%d: error: ", path, lineOf(t, []byte(raw), `microsoft.graph.broken`)),
			fmt.Sprintf("%s:%d: warning: ", path, lineOf(t, []byte(raw), `"sampleOnly"`)),
			fmt.Sprintf("%s:%d: warning: ", path, lineOf(t, []byte(raw), `**extraLocal**`)),
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if len(got) != len(want) {
			t.Errorf("got %d diagnostics, want %d", len(got), len(want))
		}
		for _, w := range want {
			if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
				t.Errorf("no diagnostic starts with %q; got:\n%s", w, strings.Join(got, "\n"))
			}
		}
		if len(page.Resources) == 1 {
			for _, p := range page.Resources[0].Properties {
				if p.Name == "tableOnly" {
					if w := lineOf(t, []byte(raw), `**extraLocal**`); p.Pos.Line != w {
						t.Errorf("tableOnly at line %d, want %d", p.Pos.Line, w)
					}
				}
			}
		}
	})
}

// lineContaining returns the whole line (with its newline) holding marker.
func lineContaining(t *testing.T, s, marker string) string {
	t.Helper()
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("marker %q not found", marker)
	}
	start := strings.LastIndexByte(s[:i], '\n') + 1
	end := strings.IndexByte(s[i:], '\n')
	if end < 0 {
		return s[start:]
	}
	return s[start : i+end+1]
}

// TestCases runs the txtar cases in testdata/cases/parser: each holds a
// page.md and want.txt, the dump of the parsed model and diagnostics. A case
// may hold more pages (any other *.md file, read after page.md); when it
// does, or when resolution finds something, want.txt also lists the other
// pages' diagnostics and those of model.Resolve over all of them.
func TestCases(t *testing.T) {
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
			page, ok := archiveFile(ar, "page.md")
			if !ok {
				t.Fatal("no page.md section")
			}
			got := dumpCase(ar, page)
			checkWant(t, file, ar, "model", got)
		})
	}
}

// dumpCase is page.md's dump, then each other page's diagnostics, then
// resolution's.
func dumpCase(ar *txtar.Archive, page []byte) string {
	first, diags := Parse("page.md", page)
	var b strings.Builder
	b.WriteString(dumpPage(first, diags))
	pages := []*model.Page{first}
	for _, f := range ar.Files {
		if f.Name == "page.md" || !strings.HasSuffix(f.Name, ".md") {
			continue
		}
		p, diags := Parse(f.Name, f.Data)
		pages = append(pages, p)
		if len(diags) > 0 {
			fmt.Fprintf(&b, "%s diagnostics:\n", f.Name)
			writeDiags(&b, diags)
		}
	}
	var resolved model.Diagnostics
	model.Resolve(pages, &resolved)
	if len(resolved) > 0 {
		b.WriteString("resolution diagnostics:\n")
		writeDiags(&b, resolved)
	}
	return b.String()
}

func writeDiags(b *strings.Builder, diags model.Diagnostics) {
	for _, d := range diags {
		// With the column, which Diagnostic.String leaves out.
		fmt.Fprintf(b, "  %s: %s: %s [%s]\n", d.Pos.Full(), d.Severity, d.Message, d.Code)
	}
}

func archiveFile(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
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

// dumpPage renders a page and its diagnostics compactly: one line per
// non-zero field, nested values indented, zero values left out. It walks
// the model by reflection so that new model fields show up in want.txt.
func dumpPage(page *model.Page, diags model.Diagnostics) string {
	var b strings.Builder
	dumpStruct(&b, "", reflect.ValueOf(page).Elem())
	if len(diags) > 0 {
		b.WriteString("diagnostics:\n")
		writeDiags(&b, diags)
	}
	return b.String()
}

func dumpStruct(b *strings.Builder, indent string, v reflect.Value) {
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || v.Field(i).IsZero() {
			continue
		}
		fv := v.Field(i)
		if s, ok := scalar(fv); ok {
			fmt.Fprintf(b, "%s%s: %s\n", indent, f.Name, s)
			continue
		}
		fmt.Fprintf(b, "%s%s:\n", indent, f.Name)
		dumpValue(b, indent+"  ", fv)
	}
}

func dumpValue(b *strings.Builder, indent string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		dumpValue(b, indent, v.Elem())
	case reflect.Slice:
		for i := range v.Len() {
			e := v.Index(i)
			if s, ok := scalar(e); ok {
				fmt.Fprintf(b, "%s- %s\n", indent, s)
				continue
			}
			var item strings.Builder
			dumpValue(&item, indent+"  ", e)
			// "- " takes the place of the first line's indent.
			s := item.String()
			fmt.Fprintf(b, "%s- %s", indent, strings.TrimPrefix(s, indent+"  "))
		}
	case reflect.Struct:
		dumpStruct(b, indent, v)
	default:
		fmt.Fprintf(b, "%s%v\n", indent, v.Interface())
	}
}

// scalar renders the values that fit on one line.
func scalar(v reflect.Value) (string, bool) {
	switch x := v.Interface().(type) {
	case model.Pos:
		return x.String(), true
	case model.Text:
		s := strconv.Quote(x.English)
		if x.Localized != "" {
			s += " / " + strconv.Quote(x.Localized)
		}
		return s, true
	case model.TypeRef:
		return typeString(x), true
	case []string:
		return "[" + strings.Join(x, " ") + "]", true
	case string:
		return x, true
	case fmt.Stringer:
		return x.String(), true
	}
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int64, reflect.Int32:
		return fmt.Sprint(v.Interface()), true
	}
	return "", false
}

// typeString shows how a type was read: primitives by Edm name, references
// marked with ref, collections wrapped.
func typeString(t model.TypeRef) string {
	s := t.Name
	if t.Kind == model.Reference {
		s = "ref " + s
	}
	if t.Collection {
		s = "Collection(" + s + ")"
	}
	return s
}

// modelDiff is "" when a and b are deeply equal, else a line diff of their dumps.
func modelDiff(a, b *model.Page) string {
	if reflect.DeepEqual(a, b) {
		return ""
	}
	da, db := dumpPage(a, nil), dumpPage(b, nil)
	if da == db {
		return fmt.Sprintf("dumps agree but values differ:\n%#v\n%#v", a, b)
	}
	return lineDiff(da, db)
}

// lineDiff is a small LCS line diff for test failure messages: changed
// lines marked - and +, with two lines of context around them.
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var lines []string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			lines = append(lines, "  "+x[i])
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			lines = append(lines, "- "+x[i])
			i++
		default:
			lines = append(lines, "+ "+y[j])
			j++
		}
	}
	const context = 2
	near := func(k int) bool {
		for d := max(k-context, 0); d <= min(k+context, len(lines)-1); d++ {
			if lines[d][0] != ' ' {
				return true
			}
		}
		return false
	}
	var out strings.Builder
	skipped := false
	for k, l := range lines {
		if !near(k) {
			if !skipped {
				out.WriteString("  ...\n")
			}
			skipped = true
			continue
		}
		skipped = false
		out.WriteString(l + "\n")
	}
	return out.String()
}

const corpusDir = "../../shared/corpus/en/v1.0"

// TestCorpus parses every real page and checks what must hold whatever a
// page says: no panic; every resource annotation yields a resource or an
// error; every diagnostic and position is a line of the file; and the line
// a property points at names that property.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("../shared/corpus not found: %v", err)
	}
	files, err := Files([]string{corpusDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 1000 {
		t.Fatalf("found %d pages in %s, want the whole corpus", len(files), corpusDir)
	}
	pages, diags, err := ParseFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(files) {
		t.Fatalf("%d pages for %d files", len(pages), len(files))
	}
	lines := map[string][]string{}
	for _, f := range files {
		lines[f] = strings.Split(string(readFile(t, f)), "\n")
	}
	inFile := func(p model.Pos) bool {
		return p.Line >= 1 && p.Line <= len(lines[p.File])
	}
	errorsIn := map[string]bool{}
	for _, d := range diags {
		if !inFile(d.Pos) {
			t.Errorf("diagnostic outside its file: %v", d)
		}
		if d.Severity == model.Error {
			errorsIn[d.Pos.File] = true
		}
	}
	annotation := regexp.MustCompile(`"blockType"\s*:\s*"resource"`)
	resources, misplaced := 0, 0
	for i, page := range pages {
		if page.Path != files[i] {
			t.Fatalf("page %d is %s, want %s (order of files)", i, page.Path, files[i])
		}
		want := len(annotation.FindAllIndex(readFile(t, page.Path), -1))
		for _, res := range page.Resources {
			if res.Unannotated {
				want++ // read from the title, tables and sample (DG064)
			}
		}
		if got := len(page.Resources); got != want && !errorsIn[page.Path] {
			t.Errorf("%s: %d resources for %d annotations, and no error", page.Path, got, want)
		}
		for _, res := range page.Resources {
			resources++
			if res.Unannotated {
				if !inFile(res.Pos) || !strings.HasPrefix(lines[page.Path][res.Pos.Line-1], "# ") {
					t.Errorf("%s: unannotated resource %s at %v, which is not its title", page.Path, res.Name, res.Pos)
				}
			} else if !inFile(res.Pos) || !strings.Contains(lines[page.Path][res.Pos.Line-1], "<!--") {
				t.Errorf("%s: resource %s at %v, which is not its annotation", page.Path, res.Name, res.Pos)
			}
			for _, p := range res.Properties {
				if !inFile(p.Pos) {
					t.Errorf("%s.%s: position %v outside the file", res.Name, p.Name, p.Pos)
					continue
				}
				// In any letter case: a row spelt otherwise than the sample
				// is read with the sample's spelling (DG073).
				if line := lines[page.Path][p.Pos.Line-1]; !strings.Contains(strings.ToLower(line), strings.ToLower(p.Name)) {
					misplaced++
					if misplaced <= 10 {
						t.Errorf("%v: line does not name property %s of %s: %q", p.Pos, p.Name, res.Name, line)
					}
				}
				if p.InSample && (!inFile(p.SamplePos) || !strings.Contains(lines[page.Path][p.SamplePos.Line-1], `"`+p.Name+`"`)) {
					misplaced++
					if misplaced <= 10 {
						t.Errorf("%v: sample line does not hold the key %q of %s", p.SamplePos, p.Name, res.Name)
					}
				}
			}
		}
	}
	if misplaced > 10 {
		t.Errorf("... %d properties in all point at a line that does not name them", misplaced)
	}
	if resources < 1000 {
		t.Errorf("only %d resources read from the corpus", resources)
	}
}

// TestLineEndingsAndBOM: CRLF line endings and a byte-order mark change
// nothing in the model, positions included.
func TestLineEndingsAndBOM(t *testing.T) {
	for _, path := range []string{enFixture, esFixture} {
		raw := readFile(t, path)
		want := dumpPage(Parse("page.md", raw))
		for name, variant := range map[string][]byte{
			"crlf":     bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n")),
			"bom":      append([]byte("\ufeff"), raw...),
			"bom+crlf": append([]byte("\ufeff"), bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n"))...),
		} {
			if got := dumpPage(Parse("page.md", variant)); got != want {
				t.Errorf("%s, %s: model differs (-lf +%s):\n%s", path, name, name, lineDiff(want, got))
			}
		}
	}
}

func readFileF(f *testing.F, path string) []byte {
	f.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return raw
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.md", "a.md", "sub/c.md", "sub/d.MD", "notes.txt", "sub/e.md.bak", "dir.md/f.md"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("# x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"directory: every .md below it, in lexical order", j("."),
			j("a.md", "b.md", "dir.md/f.md", "sub/c.md", "sub/d.MD")},
		{"a file as given, whatever its extension", j("notes.txt", "a.md"), j("notes.txt", "a.md")},
		{"a file twice", j("a.md", "a.md"), j("a.md")},
		{"a file also inside a directory given", j("sub", "sub/c.md"), j("sub/c.md", "sub/d.MD")},
		{"a directory twice", j("sub", "b.md", "sub"), j("sub/c.md", "sub/d.MD", "b.md")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			if len(in) == 1 && in[0] == filepath.Join(dir, ".") {
				in = []string{dir}
			}
			got, err := Files(in)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Files(%q) =\n%q\nwant\n%q", in, got, tc.want)
			}
		})
	}
	if _, err := Files(j("missing.md")); err == nil {
		t.Error("Files of a missing path: no error")
	}
}

// TestParseFilesOrder: pages and diagnostics come back in the order of the
// files, however the work is scheduled.
func TestParseFilesOrder(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 40 {
		path := filepath.Join(dir, fmt.Sprintf("p%02d.md", i))
		// Each page warns once, at a line that identifies it.
		page := strings.Repeat("\n", i) + "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t" + strconv.Itoa(i) + "\", } -->\n\n```json\n{}\n```\n"
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	slices.Reverse(files)
	for range 5 {
		pages, diags, err := ParseFiles(files)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != len(files) || len(diags) != len(files) {
			t.Fatalf("%d pages, %d diagnostics for %d files", len(pages), len(diags), len(files))
		}
		for i, f := range files {
			if pages[i].Path != f || diags[i].Pos.File != f {
				t.Fatalf("item %d: page %s, diagnostic %v; want %s", i, pages[i].Path, diags[i].Pos, f)
			}
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "p"), ".md"))
			if diags[i].Pos.Line != n+1 || pages[i].Resources[0].Name != "microsoft.graph.t"+strconv.Itoa(n) {
				t.Fatalf("item %d: %v, %s", i, diags[i], pages[i].Resources[0].Name)
			}
		}
	}
	if _, _, err := ParseFiles([]string{filepath.Join(dir, "missing.md")}); err == nil {
		t.Error("ParseFiles of a missing file: no error")
	}
}

// checkWant compares got with the case's want.txt section, naming it what
// ("model"), or with -update rewrites the section.
func checkWant(t *testing.T, file string, ar *txtar.Archive, what, got string) {
	t.Helper()
	want, ok := archiveFile(ar, "want.txt")
	if *update {
		setArchiveFile(ar, "want.txt", []byte(got))
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !ok {
		t.Fatal("no want.txt section (run with -update to create it)")
	}
	if got != string(want) {
		t.Errorf("%s differs from want.txt (-want +got):\n%s", what, lineDiff(string(want), got))
	}
}

// TestCollapseSpace: collapseSpace is strings.Join(strings.Fields(s), " ")
// for every string of up to six characters from spaces of every kind
// (ASCII and Unicode) and letters.
func TestCollapseSpace(t *testing.T) {
	alphabet := []string{"a", "é", " ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u2003", "\x85", "\x1f", "!", "\u200f", "\u202e"}
	var walk func(s string, depth int)
	n := 0
	walk = func(s string, depth int) {
		n++
		if got, want := collapseSpace(s), strings.Join(strings.Fields(stripBidiControls(s)), " "); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, depth-1)
		}
	}
	walk("", 5)
	if n < 100000 {
		t.Fatalf("only %d strings", n)
	}
}
