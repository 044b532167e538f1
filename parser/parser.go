// Package parser reads Microsoft Graph resource pages (English or localized
// markdown) into the plain data of package model. It owns goldmark: nothing
// outside this package sees a markdown node.
package parser

import (
	"bytes"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/docgen/model"
)

// Parse reads one page. path is used as given in positions and diagnostics.
// Input that breaks a limit (limits.go) is refused with an error and yields
// an empty page; nothing in raw can make Parse panic or run unbounded.
func Parse(path string, raw []byte) (*model.Page, model.Diagnostics) {
	p := &pageParser{path: path, namespace: namespaceFromFileName(path), propertyValues: map[string][]string{}}
	page := &model.Page{Path: path}
	if len(raw) > MaxPageBytes {
		p.diags.Report(p.at(1), model.TooLarge, "file is %d bytes, over the limit of %d; page skipped", len(raw), MaxPageBytes)
		return page, p.diags
	}
	if !utf8.Valid(raw) {
		p.diags.Report(byteColumn(path, raw, firstInvalidUTF8(raw)), model.NotUTF8, "file is not valid UTF-8 (byte 0x%02x); page skipped", raw[firstInvalidUTF8(raw)])
		return page, p.diags
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		p.diags.Report(byteColumn(path, raw, i), model.NULByte, "file contains a NUL byte; page skipped")
		return page, p.diags
	}
	if !checkLines(raw, path, &p.diags) {
		return page, p.diags
	}
	large := len(raw) >= collectAfter
	p.src = newSource(raw)
	if p.src.frontMatterOpen {
		p.diags.Report(p.at(1), model.FrontMatterOpen, "front matter opened with --- is never closed")
	}
	p.conceptual = strings.EqualFold(p.src.frontMatter["doc_type"], "conceptualPageType")
	page.Locale = pageLocale(p.src.frontMatter, path)
	p.locale = page.Locale
	p.budget = newBudget(p.src.lead + len(p.src.text)) // the page as goldmark would read it whole
	doc := parse(p.src.text, p.budget)
	if depth, deepest := treeDepth(doc); depth > MaxDepth {
		p.diags.Report(p.posOf(nodeOffset(deepest)), model.NestingTooDeep, "markdown nested %d levels deep, over the limit of %d; page skipped", depth, MaxDepth)
		return page, p.diags
	}
	p.walk(doc)
	p.settleIntroduction(nil)
	if large {
		// The syntax tree is garbage from here (the budget's last block was
		// the parser's only hold on it) and most of the heap, whose goal is
		// now about twice its size: collected now, its memory serves what
		// follows instead of the heap growing to that goal.
		p.budget.block = nil
		runtime.GC()
	}
	page.Resources = p.finish()
	p.applyProseBase(page.Resources)
	if p.tooDeep {
		return &model.Page{Path: path, Locale: page.Locale}, p.diags
	}
	if p.budget.spentAt >= 0 {
		p.diags.Report(p.posOf(p.budget.spentAt), model.LinkBudget, "link and emphasis markup too costly to parse (unmatched brackets or delimiters in a large block); from here such markup in large blocks is read as plain text")
	}
	page.Namespace = p.namespace
	p.reportFileNamespace()
	if p.enumPage != "" {
		for _, e := range p.enums {
			if e.Name == p.qualify(p.enumPage) {
				e.Description = p.description
				e.Flags = e.Flags || isMultiValued(p.description.English)
			}
		}
	}
	page.Enums = p.enums
	return page, p.diags
}

// sectionKind is what the nearest heading above a block says it is about.
type sectionKind int

const (
	sectionOther sectionKind = iota
	sectionProperties
	sectionRelationships
	sectionEnum           // "x values", or "Members" on an enum page
	sectionPropertyValues // "x property values": members for one property
	sectionMethods        // the page's API methods
	sectionDerived        // "Derived types": a table or list of them
)

type section struct {
	kind sectionKind
	name string // the enum (qualified) or the property the section is about
	// sub is the heading of a sub-section inside a Properties section: its
	// tables may be the resource's or describe something else (subtable.go).
	sub string
	// optIn are the members an enum section's text says need the Prefer:
	// include-unknown-enum-members header, before its table.
	optIn []string
}

type pageParser struct {
	path  string
	src   *source
	diags model.Diagnostics

	section     section
	description model.Text // prose paragraphs between the H1 and the next heading
	inIntro     bool
	namespace   string
	enumPage    string // the enum an "x enum type" page is about

	resources         []*pendingResource
	tables            []tableRow // property and relationship rows in page order
	enums             []*model.EnumDecl
	propertyValues    map[string][]string // "x property values" tables, by lower-case property name
	propertiesSection bool                // the page has a Properties heading (maybe saying "None")
	propsLevel        int                 // level of the Properties heading we are under, 0 when none
	sectionTables     int                 // tables seen under the current heading
	subTables         []subTable          // tables under sub-headings of a Properties section
	unreadTables      []unreadTable       // properties tables without name or type columns (DG030)
	unreadNext        int                 // unreadTables before it are claimed
	conceptual        bool                // doc_type conceptualPageType: no resource tables
	locale            string              // ms.contentlocale of a page not in English, else ""
	translatedTables  bool                // a properties table's header was translated
	translatedRows    []translatedRow     // table rows skipped for a translated property name
	derived           []model.DerivedRef  // types the page names as derived from its own (derived.go)
	derivedListNext   bool                // the intro paragraph before announced a list of them
	addressable       bool                // a Methods table links to API pages
	listMethods       []listMethod        // Methods table rows that list a relationship (methods.go)

	proseBase     *proseBase  // the base the intro's prose names (prose.go)
	enumTables    int         // enum tables read under the current heading (conventions.go)
	untitled      untitled    // what a page without annotation says of its type (untitled.go)
	introduction  *model.Text // the description before a paragraph ending in ":" (doclist.go)
	namespaceLine bool        // the page has a "Namespace:" line

	// enumHeadings holds where each enum heading's first table stands
	// (conventions.go).
	enumHeadings map[string]model.Pos

	budget  *budget // inline markup budget, shared with localized snippets
	tooDeep bool    // a localized snippet broke MaxDepth (reported)
}

// pendingResource is a resource annotation waiting for the page's tables.
type pendingResource struct {
	res    *model.Resource
	offset int // where the annotation stands, to assign tables
	sample []sampleMember
	// translatedData holds, for each of res.TranslatedRows, the row's type
	// and description (nil for a relationship row).
	translatedData []*tableRow
}

func (p *pageParser) at(line int) model.Pos { return model.Pos{File: p.path, Line: line} }

func (p *pageParser) posOf(offset int) model.Pos { return p.at(p.src.line(offset)) }

func (p *pageParser) walk(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		p.settleIntroduction(n)
		announced := p.derivedListNext // the block before ended "…derived types:"
		p.derivedListNext = false
		switch n := n.(type) {
		case *ast.List:
			if p.inIntro {
				p.addList(n)
			}
			if announced || p.section.kind == sectionDerived {
				p.derivedListLinks(n)
			}
		case *ast.Heading:
			p.heading(n)
		case *ast.HTMLBlock:
			p.htmlBlock(n)
		case *east.Table:
			switch p.section.kind {
			case sectionProperties, sectionRelationships:
				if !p.conceptual { // an overview's tables are not a resource's
					p.table(n)
				}
			case sectionEnum, sectionPropertyValues:
				p.enumTable(n)
			case sectionMethods:
				p.noteMethods(n)
			case sectionDerived:
				p.derivedLinks(n)
			}
		case *ast.FencedCodeBlock:
			p.noteSample(n)
		case *ast.Paragraph:
			if p.section.kind == sectionEnum && p.section.name != "" {
				var b strings.Builder
				writeMarked(&b, n, p.src.text)
				p.section.optIn = append(p.section.optIn, optInValues(b.String())...)
			}
			if p.inIntro {
				plain := p.inlineText(n)
				p.noteDerivedLinks(n, plain)
				p.addDescription(n, plain)
				p.findProseBase(n)
			}
		}
	}
}

func (p *pageParser) heading(h *ast.Heading) {
	title := strings.ToLower(p.inlineText(h))
	anchor := strings.ToLower(headingAnchor(h, p.src.text))
	p.inIntro = h.Level == 1
	words := strings.Fields(p.inlineText(h))
	p.section = section{}
	p.sectionTables = 0
	p.enumTables = 0
	if h.Level <= p.propsLevel {
		p.propsLevel = 0 // a heading as high as Properties ends it
	}
	p.noteTitle(h, words, title)
	enumName := ""
	if h.Level > 1 && mayBeTranslatedEnumHeading(title, anchor) {
		enumName = translatedEnumHeading(strings.Join(words, " "), anchor)
	}
	switch {
	case h.Level == 1 && len(words) == 3 && strings.EqualFold(words[1]+" "+words[2], "enum type"):
		p.enumPage = words[0]
	case len(words) == 2 && strings.EqualFold(words[1], "values") && isIdentifier(words[0]):
		p.section = section{kind: sectionEnum, name: p.qualify(words[0])}
	case len(words) == 3 && strings.EqualFold(words[1]+" "+words[2], "property values") && isIdentifier(words[0]):
		p.section = section{kind: sectionPropertyValues, name: words[0]}
	case enumName != "":
		p.section = section{kind: sectionEnum, name: p.qualify(enumName)}
	case p.enumPage != "" && title == "members":
		p.section = section{kind: sectionEnum, name: p.qualify(p.enumPage)}
	case anchor == "properties" || strings.Contains(title, "properties") && !strings.Contains(title, "instance") || anchor == "" && propertiesHeadings[strings.TrimSpace(title)]:
		p.section.kind = sectionProperties
		p.propertiesSection = true
		switch {
		case p.propsLevel > 0:
			p.section.sub = p.inlineText(h)
		case h.Level > 1: // a title such as "# properties resource type" opens no section
			p.propsLevel = h.Level
		}
	case anchor == "relationships" || strings.Contains(title, "relationships") || anchor == "" && (relationshipsHeadings[strings.TrimSpace(title)] || (p.locale != "" || p.translatedTables) && localizedOnlyHeadings[strings.TrimSpace(title)]):
		p.section.kind = sectionRelationships
	case anchor == "methods" || strings.TrimSpace(title) == "methods" || anchor == "" && methodsHeadings[strings.TrimSpace(title)]:
		p.section.kind = sectionMethods
	case anchor == "derived-types" || strings.TrimSpace(title) == "derived types" || anchor == "" && derivedTypesHeadings[strings.TrimSpace(title)]:
		p.section.kind = sectionDerived
	}
	if p.section.kind == sectionOther && p.propsLevel > 0 {
		// Any other sub-heading of Properties stays in it (tiindicator's
		// "Indicator observables - email"); subtable.go decides per table.
		p.section = section{kind: sectionProperties, sub: p.inlineText(h)}
	}
}

// qualify puts a bare name in the page's namespace.
func (p *pageParser) qualify(name string) string {
	if strings.Contains(name, ".") {
		return name
	}
	return p.namespace + "." + name
}

// headingAnchor returns the name of an <a name="..."> inside a heading.
func headingAnchor(h *ast.Heading, src []byte) string {
	for c := h.FirstChild(); c != nil; c = c.NextSibling() {
		raw, ok := c.(*ast.RawHTML)
		if !ok {
			continue
		}
		b := segmentsValue(raw.Segments, src)
		if _, rest, ok := strings.Cut(string(b), `name="`); ok {
			if name, _, ok := strings.Cut(rest, `"`); ok {
				return name
			}
		}
	}
	return ""
}

// addDescription appends an intro paragraph to the description; paragraphs
// are separated by a blank line. The namespace line and includes are not prose.
func (p *pageParser) addDescription(para *ast.Paragraph, t string) {
	if ns, ok := strings.CutPrefix(t, "Namespace:"); ok {
		if ns = strings.TrimSpace(ns); ns != "" && !strings.ContainsAny(ns, " ,") {
			p.namespace = ns
			p.namespaceLine = true
		}
		return
	}
	if m := translatedNamespaceLine().FindStringSubmatch(t); m != nil && (p.locale != "" || hasNonASCIILetter(t)) {
		p.namespace = m[1] // "Пространство имен: microsoft.graph", "命名空间：microsoft.graph"
		p.namespaceLine = true
		return
	}
	if t == "" || strings.HasPrefix(t, "[!INCLUDE") {
		return
	}
	d := p.textOf(para, t)
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + "\n\n" + b
	}
	before := p.description
	p.description.English = join(p.description.English, d.English)
	if d.Localized != "" {
		p.description.Localized = join(p.description.Localized, d.Localized)
	}
	if strings.HasSuffix(d.English, ":") {
		p.introduction = &before // kept only if a list follows (doclist.go)
	}
}

func (p *pageParser) htmlBlock(b *ast.HTMLBlock) {
	if b.HTMLBlockType != ast.HTMLBlockType2 {
		return
	}
	raw := segmentsValue(b.Lines(), p.src.text)
	if b.HasClosure() {
		raw = append(raw, b.ClosureLine.Value(p.src.text)...)
	}
	start := blockStart(b)
	ann, isResource := readAnnotation(raw, p.posOf(start), &p.diags)
	if !isResource {
		return
	}
	p.untitled.annotated = true
	if ann == nil {
		return // unreadable: already reported as an error
	}
	pr := &pendingResource{res: ann, offset: start}
	if fence := nextFence(b); fence != nil {
		body := segmentsValue(fence.Lines(), p.src.text)
		firstLine := p.src.line(start)
		if fence.Lines().Len() > 0 {
			firstLine = p.src.line(fence.Lines().At(0).Start)
		}
		pr.sample = readSample(body, p.path, firstLine, &p.diags)
		reportSampleRepairs(body, p.fenceOffsetPos(fence), &p.diags)
	} else {
		p.diags.Report(ann.Pos, model.AnnotationNoSample, "resource annotation for %s is not followed by a JSON block", ann.Name)
	}
	p.resources = append(p.resources, pr)
}

// nextFence finds the code block that belongs to an annotation: the next
// fenced block before any heading or other content.
func nextFence(n ast.Node) *ast.FencedCodeBlock {
	for s := n.NextSibling(); s != nil; s = s.NextSibling() {
		switch s := s.(type) {
		case *ast.FencedCodeBlock:
			return s
		case *ast.HTMLBlock:
			continue
		default:
			return nil
		}
	}
	return nil
}

func blockStart(n ast.Node) int {
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return n.Pos()
}

// finish joins each annotation with its sample and tables into a Resource.
func (p *pageParser) finish() []*model.Resource {
	p.resourceFromTitle()
	var out []*model.Resource
	next := 0 // p.tables and p.resources are both in page order
	for i, pr := range p.resources {
		// Tables stand before the JSON representation on Graph pages, so a
		// table belongs to the first annotation after it (or the last one).
		start := next
		for next < len(p.tables) && (p.tables[next].offset < pr.offset || i == len(p.resources)-1) {
			next++
		}
		p.claimUnreadTable(pr, i == len(p.resources)-1)
		rows := p.dropForeignSubTables(pr.res, pr.sample, p.tables[start:next])
		rows = matchSampleCase(pr.res, pr.sample, rows, &p.diags)
		pr.res.Description = p.description
		p.openTypeFromProse(pr.res)
		p.abstractFromProse(pr.res)
		p.claimTranslatedRows(pr, i == len(p.resources)-1)
		// Only a localized page without English halves has its names
		// translated; span pairs give the English ones.
		if (p.locale != "" || p.translatedTables) && len(p.src.pairs) == 0 {
			rows = translatedLatinRows(pr, rows)
			rows = p.pairTranslatedRelationships(pr, rows)
			rows = p.nameRelationshipsFromAnnotation(pr, rows)
		}
		rows = p.pairTranslatedRows(pr, rows)
		if (p.locale != "" || p.translatedTables) && len(p.src.pairs) == 0 {
			rows = p.settleTranslatedRows(pr, rows)
		}
		if len(p.resources) == 1 {
			// Methods and derived types are about the page's one type.
			pr.res.Addressable, pr.res.DerivedTypes = p.addressable, p.derived
			p.listedCollections(pr.res, pr.sample, rows)
		}
		pr.res.InheritedFrom = inheritedFrom(rows)
		pr.res.Properties = mergeProperties(pr.res, pr.sample, rows, p.propertyValues, len(pr.res.TranslatedRows) > 0, &p.diags)
		// A page with no Properties section: resolution reports it once,
		// with the sample keys it leaves undocumented (DG035), once
		// inherited ones are told apart.
		pr.res.NoPropertiesSection = !p.propertiesSection
		out = append(out, pr.res)
	}
	for _, u := range p.unreadTables {
		if !u.claimed { // no resource to tie it to: reported on its own
			p.diags.Report(u.pos, model.TableNoColumns, "table under a properties or relationships heading has no name or type column; skipped")
		}
	}
	return out
}

// unreadTable is a properties table that could not be read (DG030); it is
// reported with the resource it belongs to, once resolution knows which
// sample keys it leaves undocumented.
type unreadTable struct {
	offset  int
	pos     model.Pos
	claimed bool
}

// claimUnreadTable gives a resource the first unread table before its
// annotation (or any left, for the page's last resource), as rows are given.
func (p *pageParser) claimUnreadTable(pr *pendingResource, last bool) {
	// Tables and resources are in page order and each resource claims the
	// first unclaimed table, so only that one can qualify: a page of
	// thousands of resources stays linear.
	for i := p.unreadNext; i < len(p.unreadTables); i++ {
		u := &p.unreadTables[i]
		if u.claimed {
			continue
		}
		if u.offset < pr.offset || last {
			u.claimed = true
			pr.res.UnreadTable = u.pos
			p.unreadNext = i + 1
		}
		return
	}
}

// translatedRow is a skipped row and where it starts, to give it to the
// resource whose tables it stands in.
type translatedRow struct {
	model.TranslatedRow
	offset int
	row    *tableRow // what the row says besides its name; nil for a relationship
}

// claimTranslatedRows gives a resource the translated rows before its
// annotation that no earlier resource claimed (all that are left, for the
// last one). Rows and resources are both in page order, so one pass over
// the rows serves every resource.
func (p *pageParser) claimTranslatedRows(pr *pendingResource, last bool) {
	for len(p.translatedRows) > 0 && (p.translatedRows[0].offset < pr.offset || last) {
		pr.res.TranslatedRows = append(pr.res.TranslatedRows, p.translatedRows[0].TranslatedRow)
		pr.translatedData = append(pr.translatedData, p.translatedRows[0].row)
		p.translatedRows = p.translatedRows[1:]
	}
}

// segmentsValue joins the source bytes of a node's segments.
func segmentsValue(segs *text.Segments, src []byte) []byte {
	var b []byte
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// byteColumn is the position of byte i of raw: its line and 1-based column.
func byteColumn(path string, raw []byte, i int) model.Pos {
	lineStart := bytes.LastIndexByte(raw[:i], '\n') + 1
	return model.Pos{File: path, Line: 1 + bytes.Count(raw[:i], []byte("\n")), Col: i - lineStart + 1}
}

// nodeOffset is a source offset for a node, from it or the nearest
// ancestor that records one.
func nodeOffset(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

// firstInvalidUTF8 is the offset of the first byte that is not valid UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// fenceOffsetPos maps an offset in a fenced block's joined lines to its
// line and 1-based column in the file (a fence inside a list item has its
// indentation stripped from the lines goldmark gives).
func (p *pageParser) fenceOffsetPos(fence *ast.FencedCodeBlock) func(int) model.Pos {
	lines := fence.Lines()
	return func(off int) model.Pos {
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if n := seg.Stop - seg.Start; off >= n && i < lines.Len()-1 {
				off -= n
				continue
			}
			at := seg.Start + off
			lineStart := bytes.LastIndexByte(p.src.text[:at], '\n') + 1
			return model.Pos{File: p.path, Line: p.src.line(at), Col: at - lineStart + 1}
		}
		return p.posOf(fence.Pos())
	}
}

// translatedLatinRows sets apart, on a translated page, property rows
// whose names were translated into words of Latin script ("Betreff" for
// subject, "nome" for name), which pass for identifiers: a row whose name
// no key of the JSON representation has, while the representation has keys
// no row names. Those keys then stand for the rows, as for names in other
// scripts (DG031). Relationship rows are left alone: the representation
// seldom lists them.
func translatedLatinRows(pr *pendingResource, rows []tableRow) []tableRow {
	if len(pr.sample) == 0 {
		return rows
	}
	inSample := make(map[string]bool, len(pr.sample))
	for _, m := range pr.sample {
		inSample[strings.ToLower(m.Name)] = true
	}
	named := make(map[string]bool, len(rows))
	for _, r := range rows {
		named[strings.ToLower(r.Name)] = true
	}
	unnamedKeys := false
	for _, m := range pr.sample {
		if !named[strings.ToLower(m.Name)] && !strings.Contains(m.Name, "@") {
			unnamedKeys = true
			break
		}
	}
	if !unnamedKeys {
		return rows
	}
	kept := rows[:0:0]
	for _, r := range rows {
		if !r.Navigation && !inSample[strings.ToLower(r.Name)] && !looksLikeGraphName(r.Name) {
			pr.res.TranslatedRows = append(pr.res.TranslatedRows, model.TranslatedRow{Name: r.Name, Pos: r.Pos})
			pr.translatedData = append(pr.translatedData, &r)
			continue
		}
		kept = append(kept, r)
	}
	return kept
}
