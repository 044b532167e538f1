package parser

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/graphdocgen/docgen/model"
)

// tableRow is one row of a Properties or Relationships table.
type tableRow struct {
	Name        string
	Type        model.TypeRef
	Description model.Text
	Navigation  bool
	Described   []string // members listed in the description
	// describedTranslated: Described follows a phrase in another language,
	// and so may hold members the translation translated (restoreTranslatedValues).
	describedTranslated bool
	inherited           []model.DerivedRef // "Inherited from [x](x.md)" in the description
	multiValued         bool               // the description says multi-valued (a flags enum)
	Pos                 model.Pos
	offset              int
	subTable            int // 1 + index in pageParser.subTables for a table under a sub-heading, else 0
}

// Header names that identify a table's columns, compared in lower case.
var (
	nameHeaders = map[string]bool{"property": true, "property name": true, "name": true, "relationship": true, "relationship name": true}
	typeHeaders = map[string]bool{"type": true}
	descHeaders = map[string]bool{"description": true}
	// A Methods table's header over a real properties table
	// (agreementFileData): read, and reported (DG071).
	methodNameHeaders = map[string]bool{"method": true}
	methodTypeHeaders = map[string]bool{"return type": true}
)

func (p *pageParser) table(t *east.Table) {
	header, cols := p.tableHeader(t)
	if header == nil {
		return
	}
	nameCol, typeCol, descCol := column(cols, nameHeaders), column(cols, typeHeaders), column(cols, descHeaders)
	tablePos := p.posOf(t.Pos())
	p.sectionTables++
	if nameCol < 0 || typeCol < 0 {
		if n, ty := column(cols, methodNameHeaders), column(cols, methodTypeHeaders); p.section.sub == "" && p.sectionTables == 1 && (nameCol >= 0 || n >= 0) && (typeCol >= 0 || ty >= 0) {
			p.diags.Report(tablePos, model.TableHeaderOddNames, "properties table header %q names no Property and Type columns; read as Property | Type (rename the columns)", p.sourceLine(rowStart(header)))
			nameCol, typeCol = max(nameCol, n), max(typeCol, ty)
		}
	}
	if (nameCol < 0 || typeCol < 0) && p.section.sub == "" && p.sectionTables == 1 && len(cols) >= 2 && p.translatedHeader(cols) {
		p.translatedTables = true
		// A header in another language over the section's table: the
		// docs template's order, Property | Type | Description, for the
		// columns its words do not name.
		if nameCol < 0 {
			nameCol = 0
		}
		if typeCol < 0 {
			typeCol = 1
		}
		if descCol < 0 && len(cols) >= 3 {
			descCol = 2
		}
	}
	if nameCol < 0 || typeCol < 0 {
		// Under a sub-heading, or after the section's properties table, a
		// table without those columns explains something (a legend of
		// colour constants, a list of options): no finding.
		if p.section.sub == "" && p.sectionTables == 1 {
			p.unreadTables = append(p.unreadTables, unreadTable{offset: t.Pos(), pos: tablePos})
		}
		return
	}
	sub := 0
	if p.section.sub != "" {
		p.subTables = append(p.subTables, subTable{heading: p.section.sub, pos: tablePos})
		sub = len(p.subTables)
	}
	ragged := p.checkRaggedTable(header, len(cols))
	// Room for every row at once: a row is large, and growing the slice
	// row by row copied a 100,000-row table's rows many times over.
	rows := 0
	for r := header.NextSibling(); r != nil; r = r.NextSibling() {
		rows++
	}
	p.tables = slices.Grow(p.tables, rows)
	for r := header.NextSibling(); r != nil; r = r.NextSibling() {
		row, ok := r.(*east.TableRow)
		if !ok {
			continue
		}
		cells := rowCells(row)
		if nameCol >= len(cells) || typeCol >= len(cells) {
			continue
		}
		name := cleanName(p.inlineText(cells[nameCol]))
		if name == "" {
			continue
		}
		if isODataTypeRow(name) {
			continue // documents the @odata.type annotation, not a property
		}
		if !isPropertyName(name) {
			if ragged[row.Pos()] {
				continue // the ragged row is the one finding (a description broken over two lines)
			}
			if p.locale != "" || hasNonASCIILetter(name) {
				// Reported at resolution, once per resource, with the
				// sample keys that stand for these rows.
				tr := translatedRow{TranslatedRow: model.TranslatedRow{Name: name, Pos: p.posOf(row.Pos())}, offset: row.Pos()}
				tr.row = p.translatedRowData(cells, typeCol, descCol, tr.Pos)
				p.translatedRows = append(p.translatedRows, tr)
				continue
			}
			p.diags.Report(p.posOf(row.Pos()), model.PropertyNameInvalid, "property name %q is not an identifier (a broken row?); skipped", name)
			continue
		}
		tr := tableRow{
			Name:       name,
			Type:       p.cellType(cells[typeCol]),
			Navigation: p.section.kind == sectionRelationships,
			Pos:        p.posOf(row.Pos()),
			offset:     row.Pos(),
			subTable:   sub,
		}
		if descCol >= 0 && descCol < len(cells) {
			tr.Description = p.textOf(cells[descCol], p.inlineText(cells[descCol]))
			tr.Described, tr.describedTranslated = describedValues(cells[descCol], p.src.text)
			tr.inherited = rowOrigins(cells[descCol], p.src.text, tr.Description.English, tr.Pos)
			tr.multiValued = isMultiValued(tr.Description.English)
		}
		p.tables = append(p.tables, tr)
	}
}

// translatedHeader: a header on a page in another language, or written in
// another script.
func (p *pageParser) translatedHeader(cols []string) bool {
	if p.locale != "" {
		return true
	}
	return slices.ContainsFunc(cols, func(c string) bool { return hasNonASCIILetter(c) || translatedHeaderWords[c] })
}

// translatedHeaderWords are column names of translated properties tables
// written in ASCII letters alone, for pages that do not name their locale
// ("Eigenschaft | Typ | Beschreibung").
var translatedHeaderWords = wordSet("eigenschaft", "typ", "beschreibung", "eigenschap", "beschrijving", "propriedade", "propiedad", "tipo", "descripcion", "descricao",
	"descrizione", "proprieta", "egenskap", "beskrivning", "vlastnost", "popis", "opis", "membre", "membro", "miembro", "medlem", "lid", "mitglied", "wert", "waarde", "valeur", "valore", "valor", "hodnota",
	"relation", "relatie", "relacja", "relace", "beziehung", "relazione", "relacion", "relacao")

// hasNonASCIILetter: s holds a letter of a script other than ASCII's, as
// translated text does and names in the docs never do.
func hasNonASCIILetter(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) })
}

// tableHeader returns a table's header row and its cells' text in lower case.
func (p *pageParser) tableHeader(t *east.Table) (*east.TableHeader, []string) {
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*east.TableHeader); ok {
			var cols []string
			for c := h.FirstChild(); c != nil; c = c.NextSibling() {
				cols = append(cols, strings.ToLower(p.inlineText(c)))
			}
			return h, cols
		}
	}
	return nil, nil
}

// checkRaggedTable reports rows whose source holds more or fewer cells than
// the header: goldmark drops the extra cells (often the rest of a
// description cut by an unescaped |) and pads missing ones. When every
// row is short by the same count, the header has a column too many (a
// stray empty header cell): that one cause is reported once, at the header.
func (p *pageParser) checkRaggedTable(header ast.Node, want int) (reported map[int]bool) {
	type ragged struct{ start, got int }
	var rows []ragged
	total := 0
	for r := header.NextSibling(); r != nil; r = r.NextSibling() {
		total++
		if got, ok := p.rowCellCount(r); ok && got != want {
			rows = append(rows, ragged{r.Pos(), got})
		}
	}
	if len(rows) > 1 && len(rows) == total && rows[0].got < want && !slices.ContainsFunc(rows, func(r ragged) bool { return r.got != rows[0].got }) {
		p.diags.Report(p.posOf(rowStart(header)), model.RaggedRow, "table header has %d cells, each of its %d rows %d: the header has a column no row fills (lines %d-%d)",
			want, total, rows[0].got, p.src.line(rows[0].start), p.src.line(rows[len(rows)-1].start))
		return nil
	}
	reported = map[int]bool{}
	for _, r := range rows {
		reported[r.start] = true
		if r.got > want {
			p.diags.Report(p.posOf(r.start), model.RaggedRow, "table row has %d cells, its header %d: the cells past the %s are dropped (an unescaped | in a cell?)", r.got, want, ordinal(want))
		} else {
			p.diags.Report(p.posOf(r.start), model.RaggedRow, "table row has %d cells, its header %d: the missing cells are read as empty", r.got, want)
		}
	}
	return reported
}

// rowCellCount counts the cells a row's source line holds.
func (p *pageParser) rowCellCount(row ast.Node) (int, bool) {
	start := row.Pos()
	if start < 0 || start >= len(p.src.text) {
		return 0, false
	}
	line := p.src.text[start:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return countCells(line), true
}

// rowStart is where a header or row begins in the source.
func rowStart(n ast.Node) int {
	if n.Pos() >= 0 {
		return n.Pos()
	}
	return blockStart(n)
}

// sourceLine is the text of the line holding offset, trimmed.
func (p *pageParser) sourceLine(offset int) string {
	offset = min(max(offset, 0), len(p.src.text))
	start := bytes.LastIndexByte(p.src.text[:offset], '\n') + 1
	line := p.src.text[start:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return strings.Join(strings.Fields(string(line)), " ")
}

// countCells counts a table row's cells as goldmark splits them: outer
// pipes dropped, then split at every | not preceded by a backslash.
func countCells(line []byte) int {
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(line, []byte("|"))
	if len(line) > 0 && line[len(line)-1] == '|' && (len(line) == 1 || line[len(line)-2] != '\\') {
		line = line[:len(line)-1]
	}
	if len(line) == 0 {
		return 0
	}
	n := 1
	for i, c := range line {
		if c == '|' && (i == 0 || line[i-1] != '\\') {
			n++
		}
	}
	return n
}

func ordinal(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return fmt.Sprintf("%dth", n)
	case n%10 == 1:
		return fmt.Sprintf("%dst", n)
	case n%10 == 2:
		return fmt.Sprintf("%dnd", n)
	case n%10 == 3:
		return fmt.Sprintf("%drd", n)
	}
	return fmt.Sprintf("%dth", n)
}

// column is the index of the first header in names, or -1.
func column(cols []string, names map[string]bool) int {
	for i, c := range cols {
		if names[c] {
			return i
		}
	}
	return -1
}

// rowCells lists a row's cells.
func rowCells(row ast.Node) []ast.Node {
	var cells []ast.Node
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		cells = append(cells, c)
	}
	return cells
}

// enumTable reads a Member | Value | Description table: the members of a
// named enum, or the values of one property ("x property values").
func (p *pageParser) enumTable(t *east.Table) {
	header, cols := p.tableHeader(t)
	if header == nil {
		return
	}
	if p.repeatedEnumTable(t) {
		return
	}
	memberCol := column(cols, map[string]bool{"member": true, "name": true, "members": true})
	if memberCol < 0 {
		memberCol = column(cols, map[string]bool{"value": true})
	}
	descCol := column(cols, descHeaders)
	if memberCol < 0 && len(cols) >= 1 && p.translatedHeader(cols) {
		// A translated header ("成员 | 说明", or "成员" alone): the docs
		// template's order, Member first and Description last.
		memberCol = 0
		if descCol < 0 && len(cols) >= 2 {
			descCol = len(cols) - 1
		}
	}
	if memberCol < 0 {
		p.diags.Report(p.posOf(t.Pos()), model.EnumNoMemberColumn, "enum table for %s has no Member column; skipped", p.section.name)
		return
	}
	valueCol := column(cols, map[string]bool{"value": true})
	if valueCol == memberCol {
		valueCol = -1
	}
	var bits flagValues
	var members []model.EnumMember
	seen := map[string]model.Pos{}
	p.checkRaggedTable(header, len(cols))
	for r := header.NextSibling(); r != nil; r = r.NextSibling() {
		cells := rowCells(r)
		if memberCol >= len(cells) {
			continue
		}
		// Members are wire strings and may hold spaces ("JIS B4"); Go names
		// are made from them later.
		name := cleanName(p.inlineText(cells[memberCol]))
		pos := p.posOf(r.Pos())
		if name == "" || isNullMember(name) {
			continue // a null row says the property may be null: no member
		}
		if hasNonASCIILetter(name) {
			// Graph's members are ASCII; a translation that translated
			// them ("текст" for text) names nothing the service sends.
			p.diags.Report(pos, model.EnumMemberTranslated, "enum table for %s lists %q, which is no member name (translated?); skipped", p.section.name, name)
			continue
		}
		if first, dup := seen[strings.ToLower(name)]; dup {
			p.diags.Report(pos, model.EnumMemberDuplicate, "enum table for %s lists %q again (first at %s); the first is kept", p.section.name, name, first)
			continue
		}
		seen[strings.ToLower(name)] = pos
		if valueCol >= 0 && valueCol < len(cells) {
			bits.add(p.inlineText(cells[valueCol]))
		}
		m := model.EnumMember{Name: name, Pos: pos}
		if descCol >= 0 && descCol < len(cells) {
			m.Description = p.textOf(cells[descCol], p.inlineText(cells[descCol]))
		}
		members = append(members, m)
	}
	if p.section.kind == sectionPropertyValues {
		key := strings.ToLower(p.section.name)
		for _, m := range members {
			p.propertyValues[key] = append(p.propertyValues[key], m.Name)
		}
		return
	}
	p.enums = append(p.enums, &model.EnumDecl{Name: p.section.name, Members: optInLast(members, p.section.optIn), Flags: valueCol >= 0 && bits.flags(len(members)), Pos: p.posOf(t.Pos())})
}

// flagValues watches an enum table's Value column for bit values.
type flagValues struct {
	values   int // cells read
	nonZero  int // distinct powers of two among them
	seen     uint64
	notFlags bool // a value that is not 0 or a power of two, or not a number
}

func (f *flagValues) add(cell string) {
	f.values++
	v, err := strconv.ParseUint(strings.TrimSpace(cell), 0, 64)
	switch {
	case err != nil || v&(v-1) != 0:
		f.notFlags = true
	case v != 0 && f.seen&v == 0:
		f.seen |= v
		f.nonZero++
	}
}

// flags reports whether every one of n members has a bit value (or 0), and
// at least three distinct bits: 1 and 2 alone, or 0 and 1, number an
// ordinary enum as well.
func (f *flagValues) flags(n int) bool {
	return !f.notFlags && f.nonZero >= 3 && f.values == n
}

// optInLast moves after unknownFutureValue the members the section's text
// says are sent only to clients that ask for them ("The following table
// lists the members of an evolvable enumeration. You must use the Prefer:
// include-unknown-enum-members request header to get the following values
// in this evolvable enum: `x`."), when the table lists them before it.
func optInLast(members []model.EnumMember, optIn []string) []model.EnumMember {
	at := slices.IndexFunc(members, func(m model.EnumMember) bool { return strings.EqualFold(m.Name, "unknownFutureValue") })
	if at < 0 || len(optIn) == 0 {
		return members
	}
	var before, moved []model.EnumMember
	for _, m := range members[:at] {
		if slices.ContainsFunc(optIn, func(o string) bool { return strings.EqualFold(o, m.Name) }) {
			moved = append(moved, m)
		} else {
			before = append(before, m)
		}
	}
	if len(moved) == 0 {
		return members
	}
	out := append(before, members[at])
	out = append(out, moved...)
	return append(out, members[at+1:]...)
}

// cleanName strips the markup that survives plain-text rendering of a name
// cell, such as stray asterisks from unbalanced bold, and a trailing note in
// parentheses ("isDefault (deprecated)"), and characters no name holds
// that translations leave in one (dropInvisible).
func cleanName(s string) string {
	s = strings.Trim(strings.TrimSpace(dropInvisible(s)), "*`_ ")
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// isPropertyName accepts identifiers and instance-annotation names
// (@odata.type), which some pages document as properties.
func isPropertyName(s string) bool {
	return isIdentifier(annotationPunct.Replace(s))
}

// annotationPunct is built once: a Replacer is costly to build.
var annotationPunct = strings.NewReplacer("@", "", ".", "", "-", "")

// cellType reads a type cell, with the alternatives a cell such as
// "[a](a.md) or [b](b.md)" names.
func (p *pageParser) cellType(cell ast.Node) model.TypeRef {
	t := parseType(p.typeText(cell))
	if t.Kind == model.Reference {
		t.Alternatives = p.alternatives(cell)
		t.Link = firstLink(cell)
	}
	return t
}

// firstLink is the target of a cell's first link, "" without one.
func firstLink(cell ast.Node) string {
	link := ""
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			link = string(l.Destination)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return link
}

// alternatives are the type names of a type cell's links after the first,
// when the links are joined by "or" (or commas): "[a](a.md) or
// [b](b.md)". A cell whose links are joined otherwise, or whose link texts
// are no type names, names no alternatives.
func (p *pageParser) alternatives(cell ast.Node) []string {
	var names []string
	var joins []string
	var last ast.Node
	for c := cell.FirstChild(); c != nil; c = c.NextSibling() {
		l, ok := c.(*ast.Link)
		if !ok {
			continue
		}
		if last != nil {
			var between strings.Builder
			for n := last.NextSibling(); n != l; n = n.NextSibling() {
				if t, ok := n.(*ast.Text); ok {
					between.Write(t.Segment.Value(p.src.text))
				} else {
					between.WriteString("?") // markup between links: no list
				}
			}
			joins = append(joins, strings.ToLower(strings.TrimSpace(between.String())))
		}
		name := strings.TrimSpace(plainText(l, p.src.text))
		if !isTypeName(name) {
			return nil
		}
		names = append(names, name)
		last = l
	}
	if len(names) < 2 {
		return nil
	}
	for i, j := range joins {
		if j != "or" && (j != "," || i == len(joins)-1) && j != ", or" && !translatedOr(j) {
			return nil
		}
	}
	return names[1:]
}

// typeText is a type cell's text; a linked type is named by its link text,
// never by the link target (targets carry prefixes such as intune-apps-).
func (p *pageParser) typeText(cell ast.Node) string {
	var link ast.Node
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && link == nil {
			link = l
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	whole := p.inlineText(cell)
	if link == nil {
		return whole
	}
	name := plainText(link, p.src.text)
	collection := linkedCollection(whole, name) || hasCollectionWord(strings.Replace(whole, name, " ", 1))
	if elem, ok := collectionLinkText(name); ok {
		collection, name = true, elem // "[Coleção microsoft.graph.x](x.md)"
	}
	if text := strings.TrimSpace(name); !isTypeName(text) || p.translatedPage() {
		// A translated link text ("[缩略图](thumbnail.md)",
		// "[Destinatario](recipient.md)"): the target names the type.
		if target := linkTargetName(string(link.(*ast.Link).Destination)); target != "" && (!isTypeName(text) || translatedLinkText(text, target)) {
			name = target
		}
	}
	if collection {
		return name + " collection"
	}
	return name
}

// linkedCollection reports whether a type cell marks its linked type as a
// collection: "[x](x.md) collection", "Collection of [x](x.md)",
// "Collection([x](x.md))", also when a description follows ("[x](x.md)
// collection. Holds…"). The marker must stand outside the link text:
// [siteCollection](sitecollection.md) is one siteCollection.
func linkedCollection(whole, linkText string) bool {
	before, after, found := strings.Cut(whole, linkText)
	if !found {
		return false
	}
	before = strings.ToLower(strings.TrimSpace(before))
	after = strings.ToLower(strings.TrimSpace(after))
	isWord := func(s string) bool { return s == "" || !(s[0] >= 'a' && s[0] <= 'z') }
	return strings.HasPrefix(after, "collection") && isWord(after[len("collection"):]) ||
		strings.HasSuffix(before, "collection of") || strings.HasSuffix(before, "collection(")
}

// primitives maps loose spellings of Edm primitives to their Edm names.
var primitives = map[string]string{
	"string": "Edm.String", "str": "Edm.String",
	// A URL is a string on the wire (Graph declares webUrl and its kind
	// Edm.String); some tables name what the string holds.
	"url": "Edm.String", "uri": "Edm.String",
	"boolean": "Edm.Boolean", "bool": "Edm.Boolean",
	"int32": "Edm.Int32", "int": "Edm.Int32", "integer": "Edm.Int32",
	"int64": "Edm.Int64", "long": "Edm.Int64",
	"int16": "Edm.Int16", "short": "Edm.Int16",
	"byte": "Edm.Byte", "sbyte": "Edm.SByte",
	"double": "Edm.Double", "float": "Edm.Double", "number": "Edm.Double",
	"single":         "Edm.Single",
	"decimal":        "Edm.Decimal",
	"datetimeoffset": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset", "timestamp": "Edm.DateTimeOffset",
	"date":      "Edm.Date",
	"timeofday": "Edm.TimeOfDay",
	"duration":  "Edm.Duration", "timespan": "Edm.Duration",
	"guid": "Edm.Guid", "uuid": "Edm.Guid",
	"binary": "Edm.Binary",
	"stream": "Edm.Stream",
	"json":   "Edm.Untyped", "untyped": "Edm.Untyped",
}

// PrimitiveName returns the Edm name for a loose primitive spelling.
func PrimitiveName(s string) (string, bool) {
	name, ok := primitives[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(s, "Edm."), "edm."))]
	return name, ok
}

// parseType reads a type cell: a primitive, a reference, or a collection of
// either, in the spellings the pages use.
func parseType(s string) model.TypeRef {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "["); ok {
		// Link markup that did not parse, such as "[x](x.md" without its ")".
		if text, _, ok := strings.Cut(rest, "]"); ok {
			s = text
		}
	}
	s = joinSpacedName(s) // "Microsoft. Graph. callRecords. CallType"
	var t model.TypeRef
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "collection(") && strings.HasSuffix(s, ")"):
		t.Collection, s = true, s[len("collection("):len(s)-1]
	case strings.HasPrefix(lower, "collection of "):
		t.Collection, s = true, s[len("collection of "):]
	case strings.HasSuffix(lower, " collection"):
		t.Collection, s = true, s[:len(s)-len(" collection")]
	}
	s = strings.TrimSpace(s)
	if !isTypeName(s) {
		if hasCollectionWord(s) {
			t.Collection, s = true, stripCollectionWords(s) // "Коллекция String"
		}
	} else if elem, ok := compoundCollection(s); ok {
		t.Collection, s = true, elem // "Zeichenfolgensammlung"
	}
	if name, ok := translatedPrimitives[strings.ToLower(s)]; ok {
		s = name
	} else if name, ok := translatedWithPrimitive(s); ok {
		s = name // "文字列型 (String)"
	}
	if name, ok := PrimitiveName(s); ok {
		t.Kind, t.Name = model.Primitive, name
		return t
	}
	// "String (identifier)", "string, maximum size 20": a primitive with a note.
	if head := leadingName(s); head != s {
		if name, ok := PrimitiveName(head); ok {
			t.Kind, t.Name = model.Primitive, name
			return t
		}
	}
	t.Kind, t.Name = model.Reference, s
	return t
}

// leadingName is the identifier (with dots) that starts s.
func leadingName(s string) string {
	for i, r := range s {
		if !(r == '.' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return s[:i]
		}
	}
	return s
}

// mergeProperties orders a resource's properties as the JSON sample does,
// then adds the rows the sample leaves out, in table order.
//
// translatedNames says the tables had rows whose names were translated and
// so skipped: the sample's keys then stand for them, even on an open type.
// A table type in another script (a translated word docgen does not know)
// is read from the sample's value when it has one.
func mergeProperties(res *model.Resource, sample []sampleMember, rows []tableRow, propertyValues map[string][]string, translatedNames bool, diags *model.Diagnostics) []*model.Property {
	byName := make(map[string]*model.Property, len(rows))
	tableOrder := make([]*model.Property, 0, len(rows))
	props := make([]model.Property, len(rows)) // one allocation for the rows' properties
	var describedInTranslation map[*model.Property]bool
	for i, row := range rows {
		if prev, dup := byName[row.Name]; dup {
			diags.Report(row.Pos, model.PropertyDuplicate, "property %q of %s is documented twice (first at %s); the first is kept", row.Name, res.Name, prev.Pos)
			continue
		}
		prop := &props[i]
		*prop = model.Property{
			Name: row.Name, Type: row.Type, Description: row.Description,
			Navigation: row.Navigation, InTable: true, Pos: row.Pos,
			DescribedValues: row.Described, MultiValued: row.multiValued,
		}
		byName[row.Name] = prop
		tableOrder = append(tableOrder, prop)
		if row.describedTranslated {
			if describedInTranslation == nil {
				describedInTranslation = map[*model.Property]bool{}
			}
			describedInTranslation[prop] = true
		}
	}

	out := make([]*model.Property, 0, len(tableOrder)+len(sample))
	placed := make(map[string]bool, len(sample))
	for _, m := range sample {
		if placed[m.Name] {
			continue
		}
		prop, ok := byName[m.Name]
		if !ok {
			if strings.Contains(m.Name, "@") || isODataTypeRow(m.Name) || res.OpenType && !translatedNames {
				// Instance annotations are not properties, and an open type's
				// sample shows example keys, not declared ones.
				continue
			}
			// Kept, typed from the sample; model.Resolve reports it (DG033)
			// unless another page or a base type documents it.
			pos := model.Pos{File: res.Pos.File, Line: m.Line}
			prop = &model.Property{Name: m.Name, Type: model.TypeRef{Kind: model.Primitive, Name: "Edm.Untyped"}, Pos: pos}
			if t, ok := sampleType(m.Value); ok {
				prop.Type, prop.TypedFromSample = t, true
			}
		}
		if prop.InTable && prop.Type.Kind == model.Reference && hasNonASCIILetter(prop.Type.Name) {
			if t, ok := sampleType(m.Value); ok {
				diags.Report(prop.Pos, model.TypeFromSample, "type %q of property %q of %s is no type name (translated?); typed %s from the JSON representation (line %d)", prop.Type.Name, m.Name, res.Name, t, m.Line)
				prop.Type, prop.TypedFromSample = t, true
			}
		}
		if prop.InTable && m.Array != prop.Type.Collection && prop.Type.Name != "Edm.Untyped" {
			// The JSON representation draws the wire's shape; where the two
			// disagree in the corpus (presence.availability and activity),
			// Graph's metadata and the API pages' responses side with it.
			what := "a collection in the JSON representation (line %d) but not in the table; typed as a collection"
			if prop.Type.Collection {
				what = "a collection in the table but not in the JSON representation (line %d); typed as one value"
			}
			diags.Report(prop.Pos, model.CollectionMismatch, "property %q of %s is "+what, m.Name, res.Name, m.Line)
			prop.Type.Collection = m.Array
		}
		prop.InSample = true
		prop.SamplePos = model.Pos{File: res.Pos.File, Line: m.Line}
		prop.EnumValues = m.EnumValues
		if describedInTranslation[prop] {
			prop.DescribedValues = restoreTranslatedValues(prop, res.Name, diags)
		}
		placed[m.Name] = true
		out = append(out, prop)
	}
	for _, prop := range tableOrder {
		if values, ok := propertyValues[strings.ToLower(prop.Name)]; ok && prop.DescribedValues == nil {
			prop.DescribedValues = values
		}
		if placed[prop.Name] {
			continue
		}
		if !prop.Navigation && len(sample) > 0 {
			diags.Report(prop.Pos, model.PropertyTableOnly, "property %q of %s is in the tables but not in the JSON representation", prop.Name, res.Name)
		}
		out = append(out, prop)
	}
	return out
}

// restoreTranslatedValues undoes a translation's translating of the
// members a description lists ("`texto`, `html`" on a Spanish page whose
// JSON representation, which translations leave alone, says "text |
// html"). When the two lists are as long (but for an unknownFutureValue
// the sample leaves out), and at every place they either name the same
// member or each names one the other list lacks, the description lists
// the sample's members in translation: the sample's are taken, and each
// one restored is reported (DG056). Lists that differ otherwise (another
// order, more members) are left as they are, for resolution to compare
// (DG051).
func restoreTranslatedValues(prop *model.Property, owner string, diags *model.Diagnostics) []string {
	described, sample := prop.DescribedValues, prop.EnumValues
	has := func(list []string, v string) bool {
		return slices.ContainsFunc(list, func(w string) bool { return strings.EqualFold(v, w) })
	}
	// The sentinel that ends an evolvable list is never translated, and
	// samples often leave it out: it stays, after the sample's members.
	var sentinel []string
	if n := len(described); n > 0 && strings.EqualFold(described[n-1], "unknownFutureValue") && !has(sample, described[n-1]) {
		described, sentinel = described[:n-1], described[n-1:]
	}
	if len(described) != len(sample) {
		return prop.DescribedValues
	}
	var places []int
	for i := range described {
		switch {
		case strings.EqualFold(described[i], sample[i]):
		case !has(sample, described[i]) && !has(described, sample[i]):
			places = append(places, i)
		default:
			return prop.DescribedValues // the same members in another order: no translation to undo
		}
	}
	if len(places) == 0 {
		return prop.DescribedValues
	}
	for _, i := range places {
		diags.Report(prop.Pos, model.EnumMemberRestored, "description of %q of %s lists %q where the JSON representation has %q (translated?); read as %q", prop.Name, owner, described[i], sample[i], sample[i])
	}
	return append(slices.Clone(sample), sentinel...)
}
