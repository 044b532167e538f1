package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/model"
)

// Pathological inputs: each must be parsed in bounded time and memory or
// refused with an error. None of these tests times anything: a regression
// to quadratic time shows as a hang that go test -timeout ends, and
// BenchmarkPathological measures the speed.

// resourcePage is a small valid page whose resource must survive whatever
// junk is put before it.
const resourcePage = `
## Properties

| Property | Type                        | Description      |
|:---------|:----------------------------|:-----------------|
| **id**   | String                      | The key.         |
| owner    | [identitySet](identity.md)  | Who has it.      |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.thing" } -->

` + "```json\n{\n  \"id\": \"String\",\n  \"owner\": {\"@odata.type\": \"microsoft.graph.identitySet\"}\n}\n```\n"

// codesOf lists the codes of diags.
func codesOf(diags model.Diagnostics) []model.Code {
	var out []model.Code
	for _, d := range diags {
		out = append(out, d.Code)
	}
	return out
}

// fill repeats unit, one per line or all on one paragraph, to about n bytes.
func fill(unit string, n int) string {
	return strings.Repeat(unit, n/len(unit))
}

// pathological are inputs for which goldmark alone takes quadratic time or
// worse (measured: the first two take minutes at 1 MB without the budget).
var pathological = []struct {
	name, unit string
}{
	{"unclosed link destinations on one line", "[a]("},
	{"unclosed link destinations, one per line", "[a](\n"},
	{"unclosed angle destinations, one per line", "[a](<x\n"},
	{"mixed emphasis delimiters", "*_a"},
	{"mixed emphasis delimiters, one per line", "*_a\n"},
	{"strong and underscore", "**a_"},
	{"brackets, one per line", "[x\n"},
	{"images, one per line", "![\n"},
	{"link reference definitions", "[r]: /u\n"},
	{"raw HTML openers", "<a b='\n"},
}

// TestPathologicalMarkup: a page of nearly MaxPageBytes of each pattern
// is read to the end, the budget reported (DG008) where it matters, and a
// resource documented after the junk is still read.
func TestPathologicalMarkup(t *testing.T) {
	// A full-size page of each pattern takes most of a minute in all;
	// -short reads a 512 KiB page of each instead.
	size := MaxPageBytes
	if testing.Short() {
		size = 512 << 10
	}
	for _, tc := range pathological {
		t.Run(tc.name, func(t *testing.T) {
			// Lines under the limit, in one paragraph or many.
			unit := tc.unit
			if !strings.Contains(unit, "\n") {
				unit = strings.Repeat(unit, 1000/len(unit)) + "\n"
			}
			junk := fill(unit, size-len(resourcePage)-100)
			page, diags := Parse("junk.md", []byte("# thing resource type\n\n"+junk+"\n"+resourcePage))
			if len(page.Resources) != 1 || len(page.Resources[0].Properties) != 2 {
				t.Fatalf("the resource after the junk was not read: %+v; %v", page.Resources, diags)
			}
			for _, d := range diags {
				if d.Severity == model.Error {
					t.Errorf("an error for markup that is only costly: %v", d)
				}
			}
			props := page.Resources[0].Properties
			if props[0].Name != "id" || props[1].Type.Name != "identitySet" {
				t.Errorf("properties read as %q %q", props[0].Name, props[1].Type.Name)
			}
		})
	}
}

// TestMarkupBudgetReported: when the budget runs out, DG008 names the line
// where markup began to be read as text, and markup before it still counts.
func TestMarkupBudgetReported(t *testing.T) {
	junk := fill("[a](\n", 512<<10)
	raw := "# thing resource type\n\nIntro with a [link](x.md).\n\n## Notes\n\n" + junk + resourcePage
	page, diags := Parse("junk.md", []byte(raw))
	var got []model.Diagnostic
	for _, d := range diags {
		if d.Code == model.LinkBudget {
			got = append(got, d)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one DG008, got %v", codesOf(diags))
	}
	// The junk paragraph starts on line 7, and costs its whole size per
	// bracket: the budget lasts a few dozen brackets into it.
	if line := got[0].Pos.Line; line < 7 || line > 7+200 {
		t.Errorf("DG008 at line %d, want near the start of the junk (line 7)", line)
	}
	if len(page.Resources) != 1 {
		t.Errorf("resource lost: %v", codesOf(diags))
	}
	if d := page.Resources[0].Description.English; d != "Intro with a link." {
		t.Errorf("intro before the junk = %.200q; its link should still be read", d)
	}
}

func TestPageTooLarge(t *testing.T) {
	// Long lines: the test is about the size, and a paragraph of millions
	// of short lines would take seconds to parse at the limit.
	raw := []byte("# big resource type\n" + resourcePage + strings.Repeat(strings.Repeat("x", 1023)+"\n", MaxPageBytes/1024+1))
	page, diags := Parse("big.md", raw)
	if !slices.Equal(codesOf(diags), []model.Code{model.TooLarge}) || diags[0].Severity != model.Error || diags[0].Pos.Line != 1 {
		t.Errorf("want one DG005 error at line 1, got %v", diags)
	}
	if len(page.Resources) != 0 {
		t.Error("a refused page yields resources")
	}
	// At the limit exactly, the page is read.
	at := raw[:MaxPageBytes]
	if _, diags := Parse("big.md", at); slices.Contains(codesOf(diags), model.TooLarge) {
		t.Errorf("a page of exactly MaxPageBytes refused: %v", codesOf(diags))
	}

	// ParseFiles reads no more than the limit and a byte of a huge file,
	// and goes on with the other files.
	dir := t.TempDir()
	big, small := filepath.Join(dir, "big.md"), filepath.Join(dir, "small.md")
	if err := os.WriteFile(big, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(small, []byte("# small resource type\n"+resourcePage), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, diags, err := ParseFiles([]string{big, small})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(codesOf(diags), []model.Code{model.TooLarge}) || diags[0].Pos.File != big {
		t.Errorf("want DG005 for big.md only, got %v", diags)
	}
	if len(pages) != 2 || len(pages[1].Resources) != 1 {
		t.Errorf("small.md not parsed after big.md was refused")
	}
	if want := fmt.Sprintf("file is %d bytes", MaxPageBytes+1); !strings.Contains(diags[0].Message, want) {
		t.Errorf("message %q: want %q (the file read no further than the limit)", diags[0].Message, want)
	}
}

func TestLineTooLong(t *testing.T) {
	long := "| id | String | " + strings.Repeat("word ", MaxLineBytes/5) + "|"
	raw := "# long resource type\n\n## Properties\n\n| Property | Type | Description |\n|---|---|---|\n" + long + "\n"
	page, diags := Parse("long.md", []byte(raw))
	if !slices.Equal(codesOf(diags), []model.Code{model.LineTooLong}) {
		t.Fatalf("want DG006, got %v", diags)
	}
	if p := diags[0].Pos; p.Line != 7 || p.Col != MaxLineBytes+1 {
		t.Errorf("DG006 at %v, want line 7, column %d", p.Full(), MaxLineBytes+1)
	}
	if len(page.Resources) != 0 {
		t.Error("a refused page yields resources")
	}
	// A line of exactly MaxLineBytes is fine.
	ok := strings.Repeat("a", MaxLineBytes)
	if _, diags := Parse("ok.md", []byte(ok+"\n")); len(diags) != 0 {
		t.Errorf("a line at the limit: %v", diags)
	}
}

// TestHugeTable: a Properties table of 100,000 rows is read in full.
func TestHugeTable(t *testing.T) {
	const rows = 100_000
	var b strings.Builder
	b.WriteString("# wide resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for i := range rows {
		fmt.Fprintf(&b, "| **p%d** | [part](part.md) collection | Possible values are: `a`, `b`. |\n", i)
	}
	b.WriteString("\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.wide\" } -->\n\n```json\n{\n  \"p0\": [\"a | b\"]\n}\n```\n")
	if b.Len() > MaxPageBytes {
		t.Fatalf("test page is %d bytes, over the limit", b.Len())
	}
	page, diags := Parse("wide.md", []byte(b.String()))
	if len(page.Resources) != 1 {
		t.Fatalf("%d resources; diagnostics %v", len(page.Resources), codesOf(diags)[:min(5, len(diags))])
	}
	props := page.Resources[0].Properties
	if len(props) != rows {
		t.Fatalf("%d properties, want %d", len(props), rows)
	}
	last := props[rows-1]
	if last.Name != fmt.Sprintf("p%d", rows-1) || last.Type.Name != "part" || !last.Type.Collection ||
		!slices.Equal(last.DescribedValues, []string{"a", "b"}) || last.Pos.Line != 6+rows {
		t.Errorf("last row read as %+v", last)
	}
	// Every row but the sample's first is table-only: one warning each.
	if n := len(diags); n != rows-1 {
		t.Errorf("%d diagnostics, want %d DG034", n, rows-1)
	}
}

// TestHugeEnumTable: an enum table of 100,000 members is read and merged
// in linear time, with the sample's extra value appended and reported.
func TestHugeEnumTable(t *testing.T) {
	const rows = 100_000
	var b strings.Builder
	b.WriteString("# dial resource type\n\n## Properties\n\n| Property | Type | Description |\n|--|--|--|\n| kind | bigEnum | Which. |\n\n### bigEnum values\n\n| Member | Description |\n|--|--|\n")
	for i := range rows {
		fmt.Fprintf(&b, "| m%d | Member %d. |\n", i, i)
	}
	b.WriteString("\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.dial\" } -->\n\n```json\n{ \"kind\": \"m1 | m2 | extra\" }\n```\n")
	page, diags := Parse("dial.md", []byte(b.String()))
	schema := model.Resolve([]*model.Page{page}, &diags)
	if len(schema.Enums) != 1 || len(schema.Enums[0].Members) != rows+1 || schema.Enums[0].Members[rows].Name != "extra" {
		t.Fatalf("enums %d; want one of %d members ending in extra", len(schema.Enums), rows+1)
	}
	if !slices.Equal(codesOf(diags), []model.Code{model.EnumSourcesDisagree}) {
		t.Errorf("diagnostics %v, want one DG051", codesOf(diags))
	}
}

// TestDeepInheritance: a chain of 5,000 types each deriving from the last
// resolves in linear time: chains deeper than model.MaxInheritance are cut
// with an error (DG046), so nothing after resolution walks a long chain.
func TestDeepInheritance(t *testing.T) {
	const n = 5_000
	var b strings.Builder
	for i := range n {
		base := ""
		if i > 0 {
			base = fmt.Sprintf(`, "baseType": "microsoft.graph.t%d"`, i-1)
		}
		fmt.Fprintf(&b, "\n## Properties\n\n| Property | Type | Description |\n|--|--|--|\n| p%d | String | One. |\n\n"+
			"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t%d\"%s } -->\n\n```json\n{ \"p%d\": \"String\" }\n```\n", i, i, base, i)
	}
	page, diags := Parse("chain.md", []byte(b.String()))
	if len(diags) != 0 {
		t.Fatalf("parsing: %v", codesOf(diags)[:min(5, len(diags))])
	}
	schema := model.Resolve([]*model.Page{page}, &diags)
	if len(diags) == 0 || !diags.HasErrors() {
		t.Fatal("no error for a chain of 5,000 base types")
	}
	for _, d := range diags {
		if d.Code != model.InheritanceTooDeep {
			t.Fatalf("unexpected %v", d)
		}
	}
	for _, typ := range schema.Types {
		depth := 0
		for b := typ.Base; b != nil; b = b.Base {
			depth++
		}
		if depth > model.MaxInheritance {
			t.Fatalf("%s still has %d base types above it", typ.Name, depth)
		}
	}
	// A chain at the limit is fine.
	short := strings.Join(strings.SplitAfter(b.String(), "```\n")[:model.MaxInheritance+1], "")
	page, diags = Parse("chain.md", []byte(short))
	if model.Resolve([]*model.Page{page}, &diags); len(diags) != 0 {
		t.Errorf("a chain of %d: %v", model.MaxInheritance+1, diags)
	}
}

// TestManyResources: resources and rows are matched in one pass, not one
// per pair; 20,000 annotations on a page must not take quadratic time.
func TestManyResources(t *testing.T) {
	const n = 20_000
	var b strings.Builder
	b.WriteString("# many resource types\n")
	for i := range n {
		fmt.Fprintf(&b, "\n## Properties\n\n| Property | Type | Description |\n|--|--|--|\n| p%d | String | One. |\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t%d\" } -->\n\n```json\n{ \"p%d\": \"String\" }\n```\n", i, i, i)
	}
	page, diags := Parse("many.md", []byte(b.String()))
	if len(diags) != 0 || len(page.Resources) != n {
		t.Fatalf("%d resources, diagnostics %v", len(page.Resources), codesOf(diags)[:min(5, len(diags))])
	}
	for i, r := range page.Resources {
		if len(r.Properties) != 1 || r.Properties[0].Name != fmt.Sprintf("p%d", i) {
			t.Fatalf("resource %d has %+v", i, r.Properties)
		}
	}
}

// TestUnreadable: a file that cannot be read is a DG004 error naming the
// cause, and the files around it are still parsed.
func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	if err := os.WriteFile(good, []byte("# good resource type\n"+resourcePage), 0o644); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.md")
	if err := os.Symlink(filepath.Join(dir, "nowhere.md"), dangling); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	asDir := filepath.Join(dir, "folder.md")
	if err := os.Mkdir(asDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(files, dangling) {
		t.Fatalf("Files(%s) = %q; want the dangling link listed", dir, files)
	}
	files = append(files, asDir) // as if named on the command line
	pages, diags, err := ParseFiles(files)
	if err == nil {
		t.Error("ParseFiles: no error for unreadable files")
	}
	var unreadable []string
	for _, d := range diags {
		if d.Code == model.Unreadable {
			if d.Severity != model.Error || d.Pos.Line != 1 {
				t.Errorf("DG004 should be an error at line 1: %v", d)
			}
			unreadable = append(unreadable, filepath.Base(d.Pos.File)+": "+d.Message)
		}
	}
	want := []string{"dangling.md: cannot read file: no such file or directory", "folder.md: cannot read file: is a directory"}
	slices.Sort(unreadable)
	if !slices.Equal(unreadable, want) {
		t.Errorf("DG004 diagnostics:\n%q\nwant\n%q", unreadable, want)
	}
	for _, p := range pages {
		if p.Path == good && len(p.Resources) != 1 {
			t.Error("good.md not parsed beside the unreadable files")
		}
	}
}

// BenchmarkPathological measures each pathological pattern at 1 MiB (MB/s
// in the output); compare with BenchmarkPlainText, the floor.
func BenchmarkPathological(b *testing.B) {
	for _, tc := range pathological {
		unit := tc.unit
		if !strings.Contains(unit, "\n") {
			unit = strings.Repeat(unit, 1000/len(unit)) + "\n"
		}
		raw := []byte(fill(unit, 1<<20))
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				Parse("p.md", raw)
			}
		})
	}
}

func BenchmarkPlainText(b *testing.B) {
	raw := []byte(fill("plain words in a paragraph\n", 1<<20))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Parse("p.md", raw)
	}
}

// BenchmarkHugeTable parses a Properties table of 100,000 rows.
func BenchmarkHugeTable(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "| **p%d** | [part](part.md) collection | Part %d. |\n", i, i)
	}
	sb.WriteString("\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.wide\" } -->\n\n```json\n{}\n```\n")
	raw := []byte(sb.String())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Parse("p.md", raw)
	}
}

// phraseCells is a Properties table whose description cells each repeat
// unit (a "possible values" phrase and no value) up to the line length
// limit, then end with tail. Each phrase is tried, and reading a cell must
// stay one pass over it: before, each phrase scanned the rest of its cell
// (18 s for a 5 MB page of English phrases, 14 s for 2 MB of Chinese).
func phraseCells(unit, tail string, rows int, locale bool) []byte {
	var sb strings.Builder
	if locale {
		sb.WriteString("---\nms.contentlocale: zh-CN\n---\n")
	}
	sb.WriteString("# thing resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	cell := strings.Repeat(unit, (MaxLineBytes-200)/len(unit)) + tail
	for i := range rows {
		fmt.Fprintf(&sb, "| p%d | String | %s |\n", i, cell)
	}
	sb.WriteString("\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.thing\" } -->\n\n```json\n{ \"p0\": \"String\" }\n```\n")
	return []byte(sb.String())
}

// phraseCases are phraseCells' cells: English phrases each followed by a
// line break and no list, the last by one; Chinese phrases each followed
// by a code span that is no value.
var phraseCases = []struct {
	name, unit, tail string
	locale           bool
	want             []string
}{
	{"english", "Possible values are:<br>x ", "Possible values are: last, one.", false, []string{"last", "one"}},
	{"translated", "可能的值为 `-` ", "", true, nil},
	{"either", "either `a` and ", "Either `x` or `y`.", false, []string{"x", "y"}},
}

// TestManyValuesPhrases: the values after the last of many phrases in a
// cell are read, and none where no phrase lists any.
func TestManyValuesPhrases(t *testing.T) {
	for _, tc := range phraseCases {
		page, diags := Parse("thing.md", phraseCells(tc.unit, tc.tail, 4, tc.locale))
		if len(page.Resources) != 1 || len(page.Resources[0].Properties) != 4 {
			t.Fatalf("%s: read %+v (%v)", tc.name, page.Resources, diags)
		}
		for _, p := range page.Resources[0].Properties {
			if !slices.Equal(p.DescribedValues, tc.want) {
				t.Errorf("%s: %s lists %q, want %q", tc.name, p.Name, p.DescribedValues, tc.want)
			}
		}
	}
}

// BenchmarkManyValuesPhrases reads 20 such cells (about 1.3 MB; MB/s in
// the output).
func BenchmarkManyValuesPhrases(b *testing.B) {
	for _, tc := range phraseCases {
		raw := phraseCells(tc.unit, tc.tail, 20, tc.locale)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				Parse("thing.md", raw)
			}
		})
	}
}

// TestRelationshipNamingBounded: translated relationship rows are named
// from the annotation's optionalProperties by comparing each row with
// each name; above maxNamePairs such pairs (no real page comes near) the
// rows are left as they are, so that a page of thousands of both stays
// linear. A page of one such row and name is renamed.
func TestRelationshipNamingBounded(t *testing.T) {
	page := func(n int) []byte {
		var sb strings.Builder
		sb.WriteString("---\nms.contentlocale: zh-CN\n---\n# thing 资源类型\n\n## 属性\n\n| 属性 | 类型 | 描述 |\n|:--|:--|:--|\n| id | String | 键。 |\n\n## 关系\n\n| 关系 | 类型 | 描述 |\n|:--|:--|:--|\n")
		var opts []string
		for i := range n {
			fmt.Fprintf(&sb, "| 关系%d | [part%d](part%d.md) 集合 | 描述。 |\n", i, i, i)
			opts = append(opts, fmt.Sprintf("%q", fmt.Sprintf("part%ds", i)))
		}
		fmt.Fprintf(&sb, "\n<!-- { \"blockType\": \"resource\", \"optionalProperties\": [%s], \"@odata.type\": \"microsoft.graph.thing\" } -->\n\n```json\n{ \"id\": \"String\" }\n```\n", strings.Join(opts, ","))
		return []byte(sb.String())
	}
	renamed := func(n int) bool {
		_, diags := Parse("thing.md", page(n))
		for _, d := range diags {
			if strings.Contains(d.Message, "optionalProperties name of their type") {
				return true
			}
		}
		return false
	}
	if under := 1; !renamed(under) {
		t.Errorf("%d row and name: not renamed", under)
	}
	if over := 1100; renamed(over) { // 1,100 x 1,100 pairs
		t.Errorf("%d rows and names, over maxNamePairs: renamed", over)
	}
}
