package parser

import (
	"path/filepath"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/graphdocgen/docgen/model"
)

// Conventions of the current docs (microsoft-graph-docs-contrib, 2024-2026)
// that look like properties or members but are not.

// isODataTypeRow: a Properties row named odata.type or @odata.type
// documents the type annotation a derived value carries; a field for it
// could never be filled.
func isODataTypeRow(name string) bool {
	return strings.EqualFold(strings.TrimPrefix(name, "@"), "odata.type")
}

// isNullMember: a "null" row in an enum table says the property may be
// null; null is no member of the enum.
func isNullMember(name string) bool { return strings.EqualFold(name, "null") }

// repeatedEnumTable reports a second table under one enum heading and
// tells the caller to skip it: such a table is another enum's, its heading
// lost (security-alertevidence.md's second "evidenceRemediationStatus
// values" table holds the verdict values), so merging would be wrong.
func (p *pageParser) repeatedEnumTable(t *east.Table) bool {
	if p.section.kind != sectionEnum {
		return false
	}
	if p.enumTables++; p.enumTables == 1 {
		return p.repeatedEnumHeading(t)
	}
	p.diags.Report(p.posOf(t.Pos()), model.EnumTableRepeated, "a second table under the heading of enum %s; it may belong to another enum, so it is not read (give it a heading of its own)", p.section.name)
	return true
}

// repeatedEnumHeading reports the table of a second heading naming an enum
// the page already gave a table, and tells the caller to skip it: current
// pages repeat a heading over another enum's values
// (security-alertevidence.md has two "evidenceRemediationStatus values"
// headings, the second over the verdict values), so merging would be wrong.
func (p *pageParser) repeatedEnumHeading(t *east.Table) bool {
	key := strings.ToLower(p.section.name)
	first, seen := p.enumHeadings[key]
	if !seen {
		if p.enumHeadings == nil {
			p.enumHeadings = map[string]model.Pos{}
		}
		p.enumHeadings[key] = p.posOf(t.Pos())
		return false
	}
	p.diags.Report(p.posOf(t.Pos()), model.EnumHeadingRepeated, "a second heading for enum %s on this page (its first table is at line %d); its table may belong to another enum, so it is not read (give it the right heading)", p.section.name, first.Line)
	return true
}

// enumsPageName is an enums page of a sub-namespace: enums-managedtenants.md.
var enumsPageName = lazyRegexp(`(?i)^enums-([a-z][a-z0-9]*)\.md$`)

// namespaceFromFileName is a page's namespace until a Namespace line says
// otherwise: microsoft.graph, or for enums-<namespace>.md the namespace its
// name gives (in lower case: resolution restores the types' spelling).
func namespaceFromFileName(path string) string {
	if m := enumsPageName().FindStringSubmatch(filepath.Base(filepath.ToSlash(path))); m != nil {
		return "microsoft.graph." + m[1]
	}
	return "microsoft.graph"
}

// reportFileNamespace says where an enums page's namespace came from when
// no Namespace line gives it.
func (p *pageParser) reportFileNamespace() {
	if p.namespaceLine || p.namespace == "microsoft.graph" || len(p.enums) == 0 {
		return
	}
	p.diags.Report(p.at(1), model.NamespaceFromFileName, "page has no Namespace line; its enums are put in %s, as its file name says", p.namespace)
}
