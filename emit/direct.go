package emit

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/docgen/model"
)

// Direct items. jennifer builds a statement of a dozen tokens for every
// struct field, codec table entry and enum constant, and prints each token
// through fmt: most of the time generation spent on a page. docgen's
// declarations are regular, so it writes their text itself, byte for byte
// as jennifer prints them: a whole declaration when every part of it can
// be written so (a struct, its codec table, an enum's declarations, a
// Kind interface and its codecs, the registry's functions), else its
// fields, entries and constants one by one, and runs of comment lines.
// jennifer gets one item in each one's place (an Id, which it prints as it
// is): a marker that fill replaces with the text (see file), or the text
// itself. The file's layout, header, package clause and imports are
// jennifer's.
//
// jennifer imports a package when it prints a name of it, and direct items
// are text to it, so an item names the packages its text uses and fill
// adds their imports. A file without markers (a stray marker byte in the
// input) takes only items that name no package; text jennifer would print
// another way (a comment line holding a line break) is left to jennifer.
//
// TestDirectItemsMatchJennifer renders every page of the golden cases, the
// corpus and resources of thousands of properties both ways and requires
// the same bytes; directItems switches the direct path off for it.
var directItems = func() (v atomic.Bool) { v.Store(true); return }()

// file is one generated file being built: jennifer's tree and, when items
// is set, the text of the direct items that stand in the tree as markers.
// jennifer copies the text of an item several times (into a token, its
// body buffer, its file buffer, each grown by doubling); a marker of a few
// bytes goes through those copies instead, and fill puts each item's text
// in its place once, when the tree has been rendered.
//
// With markers, a file whose every top-level part is a direct item, a
// blank line or a comment (most pages' files) never builds jennifer's
// tree: layout keeps those parts, and rawSource writes them as jennifer
// would. The first statement that needs jennifer (Type, Func, Var, Const,
// Add) gets the tree built from the layout first (materialize).
type file struct {
	*jen.File
	items  *directs
	layout *layout
}

// layout is a file's header comments, package comments and top-level
// parts, each as jennifer renders it.
type layout struct {
	pkg               string
	headers, comments []string
	parts             []part
}

// part is one top-level part: a direct item's marker, a blank line or a
// comment.
type part struct {
	kind byte // 'i' item, 'l' blank line, 'c' comment
	text string
}

func newFile(pkg string, markers bool) *file {
	f := &file{File: jen.NewFile(pkg)}
	if markers {
		f.items = new(directs)
		f.layout = &layout{pkg: pkg}
	}
	return f
}

// materialize builds jennifer's tree from the layout, for a statement
// only jennifer writes; from then on the file is jennifer's.
func (f *file) materialize() {
	if f.layout == nil {
		return
	}
	for _, p := range f.layout.parts {
		switch p.kind {
		case 'i':
			f.File.Add(jen.Id(p.text))
		case 'l':
			f.File.Line()
		default:
			f.File.Comment(p.text)
		}
	}
	f.layout = nil
}

// The top-level statements jennifer writes: the tree is built first.

func (f *file) Add(code ...jen.Code) *jen.Statement { f.materialize(); return f.File.Add(code...) }
func (f *file) Type() *jen.Statement                { f.materialize(); return f.File.Type() }
func (f *file) Func() *jen.Statement                { f.materialize(); return f.File.Func() }
func (f *file) Var() *jen.Statement                 { f.materialize(); return f.File.Var() }
func (f *file) Const() *jen.Statement               { f.materialize(); return f.File.Const() }

// Line adds a blank line.
func (f *file) Line() {
	if f.layout != nil {
		f.layout.parts = append(f.layout.parts, part{kind: 'l'})
		return
	}
	f.File.Line()
}

// Comment adds a comment line.
func (f *file) Comment(c string) {
	if f.layout != nil {
		f.layout.parts = append(f.layout.parts, part{kind: 'c', text: c})
		return
	}
	f.File.Comment(c)
}

func (f *file) HeaderComment(c string) {
	if f.layout != nil {
		f.layout.headers = append(f.layout.headers, c)
	}
	f.File.HeaderComment(c)
}

func (f *file) PackageComment(c string) {
	if f.layout != nil {
		f.layout.comments = append(f.layout.comments, c)
	}
	f.File.PackageComment(c)
}

// addItem adds a direct item at the top level (see item).
func (f *file) addItem(text string, imports ...string) {
	if f.layout == nil {
		f.File.Add(f.item(text, imports...))
		return
	}
	f.layout.parts = append(f.layout.parts, part{kind: 'i', text: f.marker(text, imports...)})
}

// rawSource renders f into buf without formatting it: the layout as
// jennifer writes a file (File.Render with NoFormat; no import, since
// only jennifer's statements name packages), or jennifer's tree.
func (f *file) rawSource(buf *bytes.Buffer) ([]byte, error) {
	l := f.layout
	if l == nil {
		return rawSource(f.File, buf)
	}
	buf.Reset()
	for _, h := range l.headers {
		writeComment(buf, h)
		buf.WriteByte('\n')
	}
	if len(l.headers) > 0 {
		buf.WriteByte('\n')
	}
	for _, c := range l.comments {
		writeComment(buf, c)
		buf.WriteByte('\n')
	}
	buf.WriteString("package ")
	buf.WriteString(l.pkg)
	buf.WriteString("\n\n")
	for _, p := range l.parts {
		buf.WriteByte('\n') // a file's items each start a line
		switch p.kind {
		case 'i':
			buf.WriteString(p.text)
		case 'l':
			buf.WriteByte('\n')
		default:
			writeComment(buf, p.text)
		}
	}
	return buf.Bytes(), nil
}

// writeComment writes a comment as jennifer's Comment renders it.
func writeComment(buf *bytes.Buffer, c string) {
	if strings.HasPrefix(c, "//") || strings.HasPrefix(c, "/*") {
		buf.WriteString(c)
		return
	}
	multi := strings.Contains(c, "\n")
	if multi {
		buf.WriteString("/*\n")
	} else {
		buf.WriteString("// ")
	}
	buf.WriteString(c)
	if multi {
		if !strings.HasSuffix(c, "\n") {
			buf.WriteByte('\n')
		}
		buf.WriteString("*/")
	}
}

// takes reports whether f can hold a direct item whose text names the
// packages imports ("" for none) without jennifer knowing: only with
// markers, since fill adds the imports then.
func (f *file) takes(imports ...string) bool {
	return f.items != nil || !slices.ContainsFunc(imports, func(p string) bool { return p != "" })
}

// item is a direct item's text as jennifer code: a marker, or with no
// items, the text itself. imports are the packages the text names ("" for
// none); see takes.
func (f *file) item(text string, imports ...string) jen.Code {
	if f.items == nil {
		return jen.Id(text)
	}
	return jen.Id(f.marker(text, imports...))
}

// marker records a direct item and returns the marker standing for it.
func (f *file) marker(text string, imports ...string) string {
	for _, imp := range imports {
		if imp != "" && !slices.Contains(f.items.imports, imp) {
			f.items.imports = append(f.items.imports, imp)
		}
	}
	marker := "\x01" + strconv.Itoa(len(f.items.texts)) + "\x01"
	f.items.texts = append(f.items.texts, text)
	return marker
}

// directs are the texts of one file's direct items, in the order their
// markers were made, and the packages they name that jennifer's tree may
// not import.
type directs struct {
	texts   []string
	imports []string
}

// declinedFills counts the files whose markers fill could not trust, for
// the tests.
var declinedFills atomic.Int64

// fill writes src, jennifer's rendering of a tree with markers, into dst
// with each marker replaced by its item's text. It is false unless src
// holds the markers 0 to n-1 in order and no other \x01 byte: the input
// can put one in a comment, and the caller then renders the file with its
// items inline.
func (d *directs) fill(dst *bytes.Buffer, src []byte) bool {
	if len(d.imports) > 0 {
		var ok bool
		if src, ok = withImports(src, d.imports); !ok {
			return false
		}
	}
	size := len(src)
	for _, t := range d.texts {
		size += len(t)
	}
	dst.Reset()
	dst.Grow(size)
	for next := 0; ; next++ {
		i := bytes.IndexByte(src, '\x01')
		if i < 0 {
			dst.Write(src)
			return next == len(d.texts)
		}
		n, index := i+1, 0
		for n < len(src) && n-i <= 9 && '0' <= src[n] && src[n] <= '9' {
			index = index*10 + int(src[n]-'0')
			n++
		}
		if next >= len(d.texts) || n == i+1 || n == len(src) || src[n] != '\x01' || index != next ||
			src[i+1] == '0' && n > i+2 { // strconv.Itoa writes no leading zero
			return false
		}
		dst.Write(src[:i])
		dst.WriteString(d.texts[next])
		src = src[n+1:]
	}
}

var itemBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// itemText builds one direct item.
type itemText struct {
	buf *[]byte
	b   []byte
	ok  bool
}

func newItemText() itemText {
	buf := itemBufs.Get().(*[]byte)
	return itemText{buf: buf, b: (*buf)[:0], ok: true}
}

// comment adds a comment line as jennifer's Comment prints it: after "// ",
// or as it is when it starts a comment itself.
func (it *itemText) comment(line string) {
	if strings.Contains(line, "\n") {
		it.ok = false // jennifer would print a /* */ block
		return
	}
	if !strings.HasPrefix(line, "//") && !strings.HasPrefix(line, "/*") {
		it.b = append(it.b, "// "...)
	}
	it.b = append(append(it.b, line...), '\n')
}

func (it *itemText) add(parts ...string) {
	for _, p := range parts {
		it.b = append(it.b, p...)
	}
}

// done is the item's text, and false when jennifer must print the item.
func (it *itemText) done() (string, bool) {
	s := string(it.b)
	*it.buf = it.b[:0]
	itemBufs.Put(it.buf)
	return s, it.ok
}

// elemTypeText is elemType as jennifer prints it, and the package it names
// besides graphrt ("" for none).
func (g *generator) elemTypeText(ft model.FieldType) (text, imp string) {
	switch {
	case ft.Type != nil && g.poly[ft.Type] != nil:
		return g.poly[ft.Type].kind, ""
	case ft.Type != nil:
		return g.typeNames[ft.Type], ""
	case ft.Enum != nil:
		return g.enumNames[ft.Enum], ""
	}
	p := g.primitiveOf(ft)
	return p.text, p.imports
}

// fieldText is fieldDecl's item: its doc lines and the field, and the
// package the field's type names besides graphrt.
func (g *generator) fieldText(doc []string, fld *model.Field) (text, imp string, ok bool) {
	it := newItemText()
	imp = g.addField(&it, doc, fld)
	text, ok = it.done()
	return text, imp, ok
}

// addField writes fieldText's text into it.
func (g *generator) addField(it *itemText, doc []string, fld *model.Field) (imp string) {
	for _, line := range doc {
		it.comment(line)
	}
	elem, imp := g.elemTypeText(fld.Type)
	it.add(g.fields[fld], " graphrt.Opt [")
	switch {
	case fld.Type.Collection:
		it.add("[] ")
	case fld.Type.Type != nil && g.poly[fld.Type.Type] == nil:
		it.add("* ")
	}
	it.add(elem, "] ")
	it.tag("json", fld.Name)
	return imp
}

// tag writes tagText(key, value): key:"value" backquoted, which the quoted
// value always allows (strconv.Quote escapes what a backquote cannot hold)
// unless a backquote is in it.
func (it *itemText) tag(key, value string) {
	if strings.ContainsRune(key, '`') || strings.ContainsRune(value, '`') {
		it.add(tagText(key, value))
		return
	}
	it.b = append(append(append(it.b, '`'), key...), ':')
	it.b = strconv.AppendQuote(it.b, value)
	it.b = append(it.b, '`')
}

// tagText is a struct tag of one key as jennifer's Tag prints it.
func tagText(key, value string) string {
	s := key + ":" + strconv.Quote(value)
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// entryText is fieldEntry's item.
func (g *generator) entryText(t *model.Type, fld *model.Field) (string, bool) {
	it := newItemText()
	g.addEntry(&it, t, fld)
	return it.done()
}

// addEntry writes entryText's text into it.
func (g *generator) addEntry(it *itemText, t *model.Type, fld *model.Field) {
	ft := fld.Type
	it.add("{Name : ")
	it.b = strconv.AppendQuote(it.b, fld.Name)
	it.add(",Offset : uint32 (unsafe.Offsetof (", g.typeNames[t], " {} . ", g.fields[fld], ")),")
	switch {
	case ft.Type != nil && g.poly[ft.Type] != nil:
		it.add("Type : & ", tableName(g.poly[ft.Type].kind))
	case ft.Type != nil:
		it.add("Type : (* ", g.typeNames[ft.Type], ") (nil)")
	case ft.Enum != nil:
		it.add("Kind : graphrt.FieldString")
	default:
		it.add("Kind : graphrt.", g.primitiveOf(ft).kind)
	}
	if ft.Collection {
		it.add(",List : true")
	}
	it.add("}")
}

// commentText is a run of comment lines as one item.
func commentText(lines []string) (string, bool) {
	it := newItemText()
	for _, line := range lines {
		it.comment(line)
	}
	if len(it.b) > 0 {
		it.b = it.b[:len(it.b)-1] // jennifer starts the next item's line
	}
	return it.done()
}

// constText is an enum constant's item: its doc lines and the spec.
func constText(doc []string, constName, enumName, value string) (string, bool) {
	it := newItemText()
	addConst(&it, doc, constName, enumName, value)
	return it.done()
}

// addConst writes constText's text into it.
func addConst(it *itemText, doc []string, constName, enumName, value string) {
	for _, line := range doc {
		it.comment(line)
	}
	it.add(constName, " ", enumName, " = ")
	it.b = strconv.AppendQuote(it.b, value)
}

// Doc comments and fields the same in every file, as jennifer prints them.
var (
	baseFieldText    = "// " + baseFieldDoc + "\n" // then the base's name
	extraFieldText   = "// " + extraFieldDoc[0] + "\n// " + extraFieldDoc[1] + "\nAdditionalData graphrt.Extra " + tagText("json", "-")
	marshalDocText   = mustCommentText(marshalDoc)
	unmarshalDocText = mustCommentText(unmarshalDoc)
	isKnownDocText   = mustCommentText(isKnownDoc)
)

func mustCommentText(s string) string {
	text, ok := commentText(commentLines(s))
	if !ok {
		panic("emit: a fixed doc comment is not a direct item: " + s)
	}
	return text
}

// codecFuncsText is codecFuncs' items (two doc comments and two functions)
// as one item.
func codecFuncsText(name string) string {
	table := tableName(name)
	it := newItemText()
	it.add(marshalDocText, "\n",
		"func (x ", name, ") MarshalJSON () ([] byte,error) {\n",
		"return graphrt.MarshalStruct (unsafe.Pointer (& x),& ", table, ")\n}\n",
		unmarshalDocText, "\n",
		"func (x * ", name, ") UnmarshalJSON (b [] byte) error {\n",
		"return graphrt.UnmarshalObject (b,x,& ", table, ")\n}")
	text, _ := it.done()
	return text
}

// enumFuncsText is the items of an enum's Values and IsKnown functions and
// their doc comments as one item; false when jennifer must write them.
func enumFuncsText(values, name, list string) (string, bool) {
	doc, ok := commentText(commentLines(fmt.Sprintf(valuesDoc, values, name)))
	if !ok {
		return "", false
	}
	it := newItemText()
	it.add(doc, "\n",
		"func ", values, " () [] ", name, " {\n",
		"return append([] ", name, " {},", list, " ...)\n}\n",
		isKnownDocText, "\n",
		"func (v ", name, ") IsKnown () bool {\n",
		"for _,k := range ", list, " {\n",
		"if k == v {\nreturn true\n}\n}\nreturn false\n}")
	return it.done()
}

// structText is structType's declaration of t (after its doc comment) as
// one item, and the package its fields name besides graphrt; false when a
// field is not a direct item.
func (g *generator) structText(t *model.Type) (text, imp string, ok bool) {
	it := newItemText()
	it.add("type ", g.typeNames[t], " struct{\n")
	if t.Base != nil {
		it.add(baseFieldText, g.typeNames[t.Base], "\n")
	}
	for _, fld := range t.Fields {
		if fieldImp := g.addField(&it, g.fieldDoc(t, fld), fld); fieldImp != "" {
			imp = fieldImp
		}
		it.add("\n")
	}
	if t.Base == nil {
		it.add(extraFieldText, "\n")
	}
	it.add("}")
	text, ok = it.done()
	return text, imp, ok
}

// tableText is the declaration of t's codec table as one item; false when
// an entry is not a direct item.
func (g *generator) tableText(t *model.Type) (string, bool) {
	name := g.typeNames[t]
	it := newItemText()
	it.add("var ", tableName(name), " = graphrt.Struct {\n")
	if t.Base != nil {
		base := g.typeNames[t.Base]
		it.add("Base : & ", tableName(base), ",\nBaseOffset : unsafe.Offsetof (", name, " {} . ", base, "),\nODataType : ", strconv.Quote(t.Name), ",\n")
	} else {
		it.add("Extra : unsafe.Offsetof (", name, " {} . AdditionalData),\n")
	}
	if len(t.Fields) > 0 {
		it.add("Fields : [] graphrt.Field {\n")
		for _, fld := range t.Fields {
			g.addEntry(&it, t, fld)
			it.add(",\n")
		}
		it.add("},\n")
	}
	it.add("}")
	return it.done()
}

// enumText is enumType's declarations of e (after its doc comment) as one
// item: the type, its constants, the list of them and its functions.
func (g *generator) enumText(e *model.Enum, name, list, values string) (string, bool) {
	consts := g.consts[e]
	funcs, ok := enumFuncsText(values, name, list)
	it := newItemText()
	it.ok = ok
	it.add("type ", name, " string\nconst (\n")
	for i, m := range e.Members {
		addConst(&it, wrap(g.text(m.Description), 72), consts[i], name, m.Name)
		it.add("\n")
	}
	it.add(")\nvar ", list, " = [] ", name, " {\n")
	for _, c := range consts {
		it.add(c, ",\n")
	}
	it.add("}\n", funcs)
	return it.done()
}
