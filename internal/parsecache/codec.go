package parsecache

import (
	"encoding/binary"
	"errors"

	"github.com/graphdocgen/docgen/model"
)

// The codec writes what Parse returns for a page as a compact byte string:
// fields in declaration order, lengths and integers as varints, a nil slice
// or pointer apart from an empty one, and the page's own path (which every
// position repeats) as one byte. It is hand-written for speed: decoding
// the v1.0 corpus takes a few milliseconds where encoding/gob took 90.
// TestCodecCoversEveryField fills every field by reflection, so a field
// added to the model and not here fails the tests.

type encoder struct {
	b    []byte
	path string
}

func (e *encoder) uint(v int) { e.b = binary.AppendUvarint(e.b, uint64(v)) }
func (e *encoder) int(v int)  { e.b = binary.AppendVarint(e.b, int64(v)) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// str writes 0 for the page's path, else the length plus one and the bytes.
func (e *encoder) str(s string) {
	if s == e.path {
		e.uint(0)
		return
	}
	e.uint(len(s) + 1)
	e.b = append(e.b, s...)
}

// count writes 0 for nil, else the length plus one.
func (e *encoder) count(n int, isNil bool) bool {
	if isNil {
		e.uint(0)
		return false
	}
	e.uint(n + 1)
	return true
}

func (e *encoder) strs(ss []string) {
	if e.count(len(ss), ss == nil) {
		for _, s := range ss {
			e.str(s)
		}
	}
}

func (e *encoder) text(t model.Text) {
	e.str(t.English)
	e.str(t.Localized)
}

func (e *encoder) pos(p model.Pos) {
	e.str(p.File)
	e.int(p.Line)
	e.int(p.Col)
}

func (e *encoder) page(p *model.Page) {
	if !e.count(0, p == nil) {
		return
	}
	e.str(p.Path)
	e.str(p.Locale)
	e.str(p.Namespace)
	if e.count(len(p.Resources), p.Resources == nil) {
		for _, r := range p.Resources {
			e.resource(r)
		}
	}
	if e.count(len(p.Enums), p.Enums == nil) {
		for _, d := range p.Enums {
			e.enum(d)
		}
	}
}

func (e *encoder) resource(r *model.Resource) {
	if !e.count(0, r == nil) {
		return
	}
	e.str(r.Name)
	e.strs(r.Aliases)
	e.str(r.BaseType)
	e.str(string(r.BaseSource))
	e.str(r.BaseLink)
	e.str(r.KeyProperty)
	e.strs(r.OptionalProperties)
	e.bool(r.OpenType)
	e.bool(r.Abstract)
	e.text(r.Description)
	if e.count(len(r.Properties), r.Properties == nil) {
		for _, p := range r.Properties {
			e.property(p)
		}
	}
	e.pos(r.Pos)
	e.pos(r.KeyPropertyPos)
	e.pos(r.TypePos)
	e.bool(r.NoPropertiesSection)
	e.bool(r.Addressable)
	if e.count(len(r.DerivedTypes), r.DerivedTypes == nil) {
		for _, d := range r.DerivedTypes {
			e.str(d.Name)
			e.str(d.Link)
			e.pos(d.Pos)
		}
	}
	if e.count(len(r.InheritedFrom), r.InheritedFrom == nil) {
		for _, d := range r.InheritedFrom {
			e.str(d.Name)
			e.str(d.Link)
			e.pos(d.Pos)
		}
	}
	if e.count(len(r.TranslatedRows), r.TranslatedRows == nil) {
		for _, t := range r.TranslatedRows {
			e.str(t.Name)
			e.pos(t.Pos)
		}
	}
	e.pos(r.UnreadTable)
	e.bool(r.Unannotated)
	e.str(r.ProseBase)
	e.str(r.ProseBaseLink)
}

func (e *encoder) property(p *model.Property) {
	if !e.count(0, p == nil) {
		return
	}
	e.str(p.Name)
	e.int(int(p.Type.Kind))
	e.str(p.Type.Name)
	e.bool(p.Type.Collection)
	e.strs(p.Type.Alternatives)
	e.str(p.Type.Link)
	e.text(p.Description)
	e.strs(p.EnumValues)
	e.strs(p.DescribedValues)
	e.bool(p.MultiValued)
	e.bool(p.Navigation)
	e.bool(p.InSample)
	e.bool(p.InTable)
	e.bool(p.TypedFromSample)
	e.pos(p.Pos)
	e.pos(p.SamplePos)
}

func (e *encoder) enum(d *model.EnumDecl) {
	if !e.count(0, d == nil) {
		return
	}
	e.str(d.Name)
	e.text(d.Description)
	e.bool(d.Flags)
	if e.count(len(d.Members), d.Members == nil) {
		for _, m := range d.Members {
			e.str(m.Name)
			e.text(m.Description)
			e.pos(m.Pos)
		}
	}
	e.pos(d.Pos)
}

func (e *encoder) diags(ds model.Diagnostics) {
	if e.count(len(ds), ds == nil) {
		for _, d := range ds {
			e.pos(d.Pos)
			e.int(int(d.Severity))
			e.str(string(d.Code))
			e.str(d.Message)
		}
	}
}

// encode is the byte string of one Parse result; path is the page's path
// as given (and Page.Path).
func encode(path string, page *model.Page, diags model.Diagnostics) []byte {
	return appendEntry(nil, path, page, diags)
}

// appendEntry appends encode's bytes to b.
func appendEntry(b []byte, path string, page *model.Page, diags model.Diagnostics) []byte {
	e := encoder{b: b, path: path}
	e.page(page)
	e.diags(diags)
	return e.b
}

var errCorrupt = errors.New("parsecache: corrupt entry")

// decoder reads what encoder wrote. Any inconsistency sets failed, after
// which every read returns a zero value; decode then reports the entry as
// unusable rather than returning half of it.
type decoder struct {
	s      string // the entry; strings are cut from it without copying
	i      int
	path   string
	failed bool
}

func (d *decoder) uint() int {
	if d.failed {
		return 0
	}
	var v uint64
	var shift uint
	for {
		if d.i >= len(d.s) || shift > 63 {
			d.failed = true
			return 0
		}
		c := d.s[d.i]
		d.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
		shift += 7
	}
	if v>>62 != 0 { // no length or position is that large
		d.failed = true
		return 0
	}
	return int(v)
}

func (d *decoder) int() int {
	u := uint64(d.uint())
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return int(v)
}

func (d *decoder) bool() bool {
	if d.failed || d.i >= len(d.s) || d.s[d.i] > 1 {
		d.failed = true
		return false
	}
	d.i++
	return d.s[d.i-1] == 1
}

func (d *decoder) str() string {
	n := d.uint()
	if d.failed {
		return ""
	}
	if n == 0 {
		return d.path
	}
	n--
	if n > len(d.s)-d.i {
		d.failed = true
		return ""
	}
	s := d.s[d.i : d.i+n]
	d.i += n
	return s
}

// count is a slice's length, or -1 for nil. Every element takes at least
// one byte, which bounds what a corrupt count can make decode allocate.
func (d *decoder) count() int {
	n := d.uint()
	if d.failed || n == 0 {
		return -1
	}
	n--
	if n > len(d.s)-d.i {
		d.failed = true
		return -1
	}
	return n
}

func (d *decoder) present() bool { return d.count() >= 0 }

func (d *decoder) strs() []string {
	n := d.count()
	if n < 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) text() model.Text {
	return model.Text{English: d.str(), Localized: d.str()}
}

func (d *decoder) pos() model.Pos {
	return model.Pos{File: d.str(), Line: d.int(), Col: d.int()}
}

func (d *decoder) page() *model.Page {
	if !d.present() {
		return nil
	}
	p := &model.Page{Path: d.str(), Locale: d.str(), Namespace: d.str()}
	if n := d.count(); n >= 0 {
		p.Resources = make([]*model.Resource, n)
		for i := range p.Resources {
			p.Resources[i] = d.resource()
		}
	}
	if n := d.count(); n >= 0 {
		p.Enums = make([]*model.EnumDecl, n)
		for i := range p.Enums {
			p.Enums[i] = d.enum()
		}
	}
	return p
}

func (d *decoder) resource() *model.Resource {
	if !d.present() {
		return nil
	}
	r := &model.Resource{}
	r.Name = d.str()
	r.Aliases = d.strs()
	r.BaseType = d.str()
	r.BaseSource = model.Source(d.str())
	r.BaseLink = d.str()
	r.KeyProperty = d.str()
	r.OptionalProperties = d.strs()
	r.OpenType = d.bool()
	r.Abstract = d.bool()
	r.Description = d.text()
	if n := d.count(); n >= 0 {
		r.Properties = make([]*model.Property, n)
		for i := range r.Properties {
			r.Properties[i] = d.property()
		}
	}
	r.Pos = d.pos()
	r.KeyPropertyPos = d.pos()
	r.TypePos = d.pos()
	r.NoPropertiesSection = d.bool()
	r.Addressable = d.bool()
	if n := d.count(); n >= 0 {
		r.DerivedTypes = make([]model.DerivedRef, n)
		for i := range r.DerivedTypes {
			r.DerivedTypes[i] = model.DerivedRef{Name: d.str(), Link: d.str(), Pos: d.pos()}
		}
	}
	if n := d.count(); n >= 0 {
		r.InheritedFrom = make([]model.DerivedRef, n)
		for i := range r.InheritedFrom {
			r.InheritedFrom[i] = model.DerivedRef{Name: d.str(), Link: d.str(), Pos: d.pos()}
		}
	}
	if n := d.count(); n >= 0 {
		r.TranslatedRows = make([]model.TranslatedRow, n)
		for i := range r.TranslatedRows {
			r.TranslatedRows[i] = model.TranslatedRow{Name: d.str(), Pos: d.pos()}
		}
	}
	r.UnreadTable = d.pos()
	r.Unannotated = d.bool()
	r.ProseBase = d.str()
	r.ProseBaseLink = d.str()
	return r
}

func (d *decoder) property() *model.Property {
	if !d.present() {
		return nil
	}
	p := &model.Property{}
	p.Name = d.str()
	p.Type = model.TypeRef{Kind: model.TypeKind(d.int()), Name: d.str(), Collection: d.bool(), Alternatives: d.strs(), Link: d.str()}
	p.Description = d.text()
	p.EnumValues = d.strs()
	p.DescribedValues = d.strs()
	p.MultiValued = d.bool()
	p.Navigation = d.bool()
	p.InSample = d.bool()
	p.InTable = d.bool()
	p.TypedFromSample = d.bool()
	p.Pos = d.pos()
	p.SamplePos = d.pos()
	return p
}

func (d *decoder) enum() *model.EnumDecl {
	if !d.present() {
		return nil
	}
	e := &model.EnumDecl{Name: d.str(), Description: d.text(), Flags: d.bool()}
	if n := d.count(); n >= 0 {
		e.Members = make([]model.EnumMember, n)
		for i := range e.Members {
			e.Members[i] = model.EnumMember{Name: d.str(), Description: d.text(), Pos: d.pos()}
		}
	}
	e.Pos = d.pos()
	return e
}

func (d *decoder) diags() model.Diagnostics {
	n := d.count()
	if n < 0 {
		return nil
	}
	out := make(model.Diagnostics, n)
	for i := range out {
		out[i] = model.Diagnostic{Pos: d.pos(), Severity: model.Severity(d.int()), Code: model.Code(d.str()), Message: d.str()}
	}
	return out
}

// decode is the Parse result encode wrote, or an error when the entry is
// not exactly one well-formed result.
func decode(path, entry string) (*model.Page, model.Diagnostics, error) {
	d := decoder{s: entry, path: path}
	page := d.page()
	diags := d.diags()
	if d.failed || d.i != len(d.s) {
		return nil, nil, errCorrupt
	}
	return page, diags, nil
}
