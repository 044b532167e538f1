package emit

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/graphdocgen/docgen/model"
)

// Direct items. jennifer builds a statement of a dozen tokens for every
// struct field, codec table entry and enum constant, and prints each token
// through fmt: most of the time generation spends on a page's properties.
// These items, and runs of comment lines, are regular, so docgen writes
// their text itself, byte for byte as jennifer prints them, and gives
// jennifer the text as one item (an Id, which jennifer prints as it is). The rest of the file (type and
// function declarations, imports, layout) is still jennifer's.
//
// A direct item names no package that jennifer would have to import:
// graphrt and unsafe only, which every type's codecs (MarshalJSON) use and
// so import anyway. An item that needs another package (a field of
// encoding/json's RawMessage), or text jennifer would print another way
// (a comment line holding a line break), is left to jennifer.
//
// TestDirectItemsMatchJennifer renders every page of the golden cases, the
// corpus and resources of thousands of properties both ways and requires
// the same bytes; directItems switches the direct path off for it.
var directItems = func() (v atomic.Bool) { v.Store(true); return }()

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

// elemTypeText is elemType as jennifer prints it.
func (g *generator) elemTypeText(ft model.FieldType) (string, bool) {
	switch {
	case ft.Type != nil && g.poly[ft.Type] != nil:
		return g.poly[ft.Type].kind, true
	case ft.Type != nil:
		return g.typeNames[ft.Type], true
	case ft.Enum != nil:
		return g.enumNames[ft.Enum], true
	}
	p := g.primitiveOf(ft)
	return p.text, p.text != "" // "": another package's type

}

// goTypeText is goType as jennifer prints it: "[] T", "* T" or "T".
func (g *generator) goTypeText(ft model.FieldType) (string, bool) {
	elem, ok := g.elemTypeText(ft)
	switch {
	case ft.Collection:
		return "[] " + elem, ok
	case ft.Type != nil && g.poly[ft.Type] == nil:
		return "* " + elem, ok
	}
	return elem, ok
}

// fieldText is fieldDecl's item: its doc lines and the field.
func (g *generator) fieldText(doc []string, fld *model.Field) (string, bool) {
	typ, ok := g.goTypeText(fld.Type)
	if !ok {
		return "", false
	}
	it := newItemText()
	for _, line := range doc {
		it.comment(line)
	}
	it.add(g.fields[fld], " graphrt.Opt [", typ, "] ", tagText("json", fld.Name))
	return it.done()
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
	ft := fld.Type
	it := newItemText()
	it.add("{Name : ", strconv.Quote(fld.Name), ",Offset : uint32 (unsafe.Offsetof (", g.typeNames[t], " {} . ", g.fields[fld], ")),")
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
	return it.done()
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
	for _, line := range doc {
		it.comment(line)
	}
	it.add(constName, " ", enumName, " = ", strconv.Quote(value))
	return it.done()
}
