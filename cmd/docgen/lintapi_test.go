package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

const apiCorpusDir = "../../../shared/corpus/en-api/v1.0"

// apiCorpusCounts pins the API-example findings over the v1.0 resource and
// API pages. A change is either a fix (say which in the commit) or a
// regression: model changes (bases read from prose, for one) move DG085
// and DG090, and then these numbers are updated after reading the diff.
//
// DG087 went from 216 to 226 when "either `a` or `b`", "can be `a` or
// `b`" and <li> lists were read: 8 placeholders ("authenticationType-value")
// in the domain examples and 3 in administrativeUnit's ("visibility-value",
// "String") are now checked against the values the descriptions list, and
// servicePrincipal-get's "AzureADandPersonalMicrosoftAccount" is no longer
// flagged (only the first <li> value was read before).
//
// DG088 went from 26 to 24 when relationships the Methods table lists
// became collections (DG047): chatMessage-post's two examples send
// hostedContents as the array Graph's metadata declares.
//
// DG086 (21 -> 25), DG087 (226 -> 231), DG091 (82 -> 83) and DG085 (375 ->
// 378) grew when a response wrapping one entity in {"value": {...}} (18
// GET examples) became one finding and its inner object was checked, not
// skipped: placeholders such as "Boolean" and "String (timestamp)" there.
var apiCorpusCounts = map[string]int{
	"DG080": 1, "DG081": 15, "DG083": 5, "DG084": 85, "DG085": 370, "DG086": 25,
	"DG087": 231, "DG088": 24, "DG089": 7, "DG090": 2, "DG091": 83, "DG092": 16,
}

// quotedProperty is the property a finding names first, e.g. has no property "x".
var quotedProperty = regexp.MustCompile(`no property "([^"]+)"`)

// TestLintAPICorpus lints the v1.0 resource and API pages together: the
// API-example counts are stable, and each finding stands on the page line
// that holds the value it is about.
func TestLintAPICorpus(t *testing.T) {
	needCorpus(t)
	if _, err := os.Stat(apiCorpusDir); err != nil {
		t.Skipf("API pages not found (%v)", err)
	}
	r := docgen(t, "lint", "-json", "-severity", "none", corpusDir, apiCorpusDir)
	if r.code != 0 {
		t.Fatalf("lint: %v", r)
	}
	var out struct {
		Findings []finding
		Summary  lintSummary
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Summary.API == nil || out.Summary.API.Pages < 1200 || out.Summary.API.Examples < 3000 {
		t.Errorf("API pages read: %+v", out.Summary.API)
	}
	got := map[string]int{}
	lines := map[string][]string{}
	for _, f := range out.Findings {
		if f.Code < "DG080" || f.Code > "DG099" {
			continue
		}
		got[f.Code]++
		if _, ok := lines[f.File]; !ok {
			b, err := os.ReadFile(f.File)
			if err != nil {
				t.Fatal(err)
			}
			lines[f.File] = strings.Split(string(b), "\n")
		}
		if f.Line < 1 || f.Line > len(lines[f.File]) {
			t.Errorf("finding outside its file: %+v", f)
			continue
		}
		if m := quotedProperty.FindStringSubmatch(f.Message); m != nil && f.Code == "DG085" {
			if line := lines[f.File][f.Line-1]; !strings.Contains(line, `"`+m[1]+`"`) {
				t.Errorf("%s:%d: DG085 for %q, but the line is %q", f.File, f.Line, m[1], line)
			}
		}
	}
	for code, n := range apiCorpusCounts {
		if got[code] != n {
			t.Errorf("%s: %d findings, pinned %d", code, got[code], n)
		}
	}
	for code, n := range got {
		if _, ok := apiCorpusCounts[code]; !ok {
			t.Errorf("%s: %d findings, none pinned", code, n)
		}
	}
	if len(out.Summary.ByPage) == 0 {
		t.Error("no summary by page")
	}
}

// TestLintMetadata: docgen lint -metadata reports each kind of difference
// between the pages and a CSDL document, at the page line (or the
// metadata's line for what only the metadata has), and an unreadable
// document as one finding.
func TestLintMetadata(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/meta.xml", "\ufeff"+`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EnumType Name="lampColor"><Member Name="warm" /><Member Name="cold" /></EnumType>
<EntityType Name="lamp" BaseType="graph.device">
<Property Name="watts" Type="Edm.Int32" />
<Property Name="color" Type="graph.lampColor" />
<NavigationProperty Name="switches" Type="Collection(graph.switch)" />
</EntityType>
<EntityType Name="device" />
<EntityType Name="switch" />
</Schema>
</edmx:DataServices>
</edmx:Edmx>
`)
	writeFile(t, dir+"/pages/lamp.md", `# lamp resource type

## Properties

| Property | Type      | Description |
|:---------|:----------|:------------|
| watts    | Double    | Power.      |
| color    | lampColor | Light.      |
| height   | Int32     | Height.     |

### lampColor values

| Member |
|:-------|
| warm   |
| blue   |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.lamp" } -->

`+"```json\n{ \"watts\": 1.5, \"color\": \"warm\", \"height\": 2 }\n```\n")
	writeFile(t, dir+"/pages/shade.md", "# shade resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | Size. |\n\n"+
		"## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.shade\" } -->\n\n```json\n{ \"size\": 1 }\n```\n")
	r := docgen(t, "lint", "-severity", "none", "-metadata", dir+"/meta.xml", dir+"/pages")
	got := strings.ReplaceAll(r.stdout, dir, "$DIR")
	for _, want := range []string{
		"$DIR/pages/lamp.md:7: DG105: property watts of microsoft.graph.lamp is Edm.Double in the docs, Edm.Int32 in the metadata",
		"$DIR/pages/lamp.md:9: DG103: property height of microsoft.graph.lamp is documented but the metadata's microsoft.graph.lamp and its base types have no such property",
		"$DIR/pages/lamp.md:20: DG104: metadata navigation property switches (Collection(microsoft.graph.switch)) of microsoft.graph.lamp is not documented",
		"$DIR/pages/lamp.md:20: DG106: microsoft.graph.lamp derives from nothing in the docs, from microsoft.graph.device in the metadata",
		"$DIR/pages/lamp.md:16: DG107: member blue of enum microsoft.graph.lampColor is documented but not in the metadata's microsoft.graph.lampColor",
		"$DIR/pages/lamp.md:13: DG108: metadata member cold of microsoft.graph.lampColor is not documented for enum microsoft.graph.lampColor",
		"$DIR/pages/shade.md:11: DG101: type microsoft.graph.shade is documented but the metadata has no such type",
		"$DIR/meta.xml:10: DG102: metadata entity type microsoft.graph.device is not documented",
		"$DIR/meta.xml:11: DG102: metadata entity type microsoft.graph.switch is not documented",
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("no line %q in:\n%s", want, got)
		}
	}
	if r := docgen(t, "lint", "-metadata", dir+"/missing.xml", dir+"/pages"); r.code != 2 || !strings.Contains(r.stderr, "-metadata") {
		t.Errorf("missing metadata file: %v, want exit 2", r)
	}
	writeFile(t, dir+"/bad.xml", "<edmx:Edmx>\n<Schema>\n</edmx:Edmx>\n")
	r = docgen(t, "lint", "-metadata", dir+"/bad.xml", dir+"/pages")
	if want := dir + "/bad.xml:3: DG100: metadata is not a readable CSDL document"; r.code != 1 || !strings.Contains(r.stdout, want) {
		t.Errorf("unreadable metadata: %v\nwant %q", r, want)
	}
}

// BenchmarkLintAPICorpus: lint of the v1.0 resource pages alone (the
// baseline) and with the 2,102 API pages; report the ratio.
func BenchmarkLintAPICorpus(b *testing.B) {
	needCorpus(b)
	if _, err := os.Stat(apiCorpusDir); err != nil {
		b.Skipf("API pages not found (%v)", err)
	}
	for _, bc := range []struct {
		name  string
		paths []string
	}{{"resources", []string{corpusDir}}, {"resources+api", []string{corpusDir, apiCorpusDir}}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				var out, errs strings.Builder
				if code := run(append([]string{"lint", "-severity", "none"}, bc.paths...), &out, &errs); code != 0 {
					b.Fatalf("exit %d: %s", code, errs.String())
				}
			}
		})
	}
}

// TestLintAPIWithoutResources: API pages alone have no types to check
// against; their bodies are still checked as JSON, and the summary says so.
func TestLintAPIWithoutResources(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/api/kite-get.md", "# Get kite\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.kite\" } -->\n\n"+
		"```http\nHTTP/1.1 200 OK\n\n{ \"id\": \"7\", \"wings\": [1,] }\n```\n")
	r := docgen(t, "lint", dir+"/api")
	if r.code != 1 || !strings.Contains(r.stdout, "kite-get.md:8:25: DG084: response body is JSON only after a repair: trailing comma removed") ||
		strings.Contains(r.stdout, "DG082") || !strings.Contains(r.stderr, "no resource pages given: bodies checked as JSON only") {
		t.Errorf("API pages without resource pages: %v", r)
	}
}
