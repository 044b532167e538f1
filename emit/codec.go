package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/docgen/model"
)

// primitive is how one Edm primitive appears in Go: its type, and the
// graphrt.FieldKind under which the table-driven codecs encode and decode
// an Opt field of it (single or collection) on Graph's wire format.
type primitive struct {
	goType func() *jen.Statement
	kind   string // a graphrt FieldKind constant
	text   string // goType as jennifer prints it
	// imports is the package text names other than graphrt, which a direct
	// item must have its file import (direct.go); "" for none.
	imports string
}

func rt(name string) *jen.Statement { return jen.Qual(RuntimePath, name) }

func builtin(goType, kind string) primitive {
	return primitive{goType: func() *jen.Statement { return jen.Id(goType) }, kind: kind, text: goType}
}

// wireString is a graphrt wire type that holds the exact text Graph sent:
// on the wire it is a string.
func wireString(name string) primitive {
	return primitive{goType: func() *jen.Statement { return rt(name) }, kind: "FieldString", text: "graphrt." + name}
}

var rawJSON = primitive{
	goType:  func() *jen.Statement { return jen.Qual("encoding/json", "RawMessage") },
	kind:    "FieldRaw",
	text:    "json.RawMessage",
	imports: "encoding/json",
}

// Primitives is the Edm-to-Go mapping. Edm.Untyped also stands for any type
// the docs name but never define.
var Primitives = map[string]primitive{
	"Edm.String":         builtin("string", "FieldString"),
	"Edm.Boolean":        builtin("bool", "FieldBool"),
	"Edm.Int16":          builtin("int16", "FieldInt16"),
	"Edm.Int32":          builtin("int32", "FieldInt32"),
	"Edm.Int64":          builtin("int64", "FieldInt64"),
	"Edm.Byte":           builtin("uint8", "FieldByte"),
	"Edm.SByte":          builtin("int16", "FieldInt16"), // no int8 on the wire helpers; int16 holds every value
	"Edm.Double":         builtin("float64", "FieldFloat64"),
	"Edm.Single":         builtin("float32", "FieldFloat32"),
	"Edm.Decimal":        {goType: func() *jen.Statement { return rt("Decimal") }, kind: "FieldDecimal", text: "graphrt.Decimal"},
	"Edm.DateTimeOffset": wireString("DateTimeOffset"),
	"Edm.Date":           wireString("Date"),
	"Edm.TimeOfDay":      wireString("TimeOfDay"),
	"Edm.Duration":       wireString("Duration"),
	"Edm.Guid":           wireString("GUID"),
	"Edm.Binary":         {goType: func() *jen.Statement { return rt("Binary") }, kind: "FieldBinary", text: "graphrt.Binary"},
	"Edm.Stream":         rawJSON,
	"Edm.Untyped":        rawJSON,
}

func (g *generator) primitiveOf(ft model.FieldType) primitive {
	if p, ok := Primitives[ft.Primitive]; ok {
		return p
	}
	return rawJSON
}

// elemType is the Go type of one value of the field (not the collection):
// a struct, or for a base type with derived types its Kind interface.
func (g *generator) elemType(ft model.FieldType) *jen.Statement {
	switch {
	case ft.Type != nil && g.poly[ft.Type] != nil:
		return jen.Id(g.poly[ft.Type].kind)
	case ft.Type != nil:
		return jen.Id(g.typeNames[ft.Type])
	case ft.Enum != nil:
		return jen.Id(g.enumNames[ft.Enum])
	}
	return g.primitiveOf(ft).goType()
}

// goType is the field's Go type inside Opt. A single nested object is held
// by pointer: recursive types (a user's manager is a user) stay finite and
// large entities are not copied. A Kind interface holds a pointer already.
func (g *generator) goType(ft model.FieldType) *jen.Statement {
	switch {
	case ft.Collection:
		return jen.Index().Add(g.elemType(ft))
	case ft.Type != nil && g.poly[ft.Type] == nil:
		return jen.Op("*").Add(g.elemType(ft))
	}
	return g.elemType(ft)
}

// tableName is the unexported variable holding the graphrt table of a
// generated type or Kind interface; exported names are unique, so these are.
func tableName(goName string) string { return "codecOf" + goName }

// fieldEntry is one graphrt.Field of t's table: the member name, the
// field's offset, what it holds (a scalar kind, a nested type as a nil
// pointer of it, or a Kind interface's Poly), and whether it is a list.
func (g *generator) fieldEntry(t *model.Type, fld *model.Field) jen.Code {
	ft := fld.Type
	items := []jen.Code{
		keyed("Name", jen.Lit(fld.Name)),
		keyed("Offset", jen.Uint32().Call(jen.Qual("unsafe", "Offsetof").Call(jen.Id(g.typeNames[t]).Values().Dot(g.fields[fld])))),
	}
	switch {
	case ft.Type != nil && g.poly[ft.Type] != nil:
		items = append(items, keyed("Type", jen.Op("&").Id(tableName(g.poly[ft.Type].kind))))
	case ft.Type != nil:
		items = append(items, keyed("Type", jen.Parens(jen.Op("*").Id(g.typeNames[ft.Type])).Parens(jen.Nil())))
	case ft.Enum != nil:
		items = append(items, keyed("Kind", rt("FieldString")))
	default:
		items = append(items, keyed("Kind", rt(g.primitiveOf(ft).kind)))
	}
	if ft.Collection {
		items = append(items, keyed("List", jen.True()))
	}
	return jen.Values(items...)
}

// codecFuncs writes MarshalJSON and UnmarshalJSON of the type name, with
// their doc comments.
func codecFuncs(f *file, name string) {
	x := jen.Id("x")
	table := jen.Op("&").Id(tableName(name))
	comment(f, marshalDoc)
	f.Func().Params(x.Clone().Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(rt("MarshalStruct").Call(jen.Qual("unsafe", "Pointer").Call(jen.Op("&").Id("x")), table.Clone())),
	)
	comment(f, unmarshalDoc)
	f.Func().Params(x.Clone().Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Return(rt("UnmarshalObject").Call(jen.Id("b"), jen.Id("x"), table.Clone())),
	)
}

const (
	marshalDoc   = "MarshalJSON encodes the properties that are set, nulls included, then AdditionalData."
	unmarshalDoc = "UnmarshalJSON decodes with exact, case-sensitive key matching, replacing what x held; unknown keys go to AdditionalData."
)

// keyed is one key: value element of a composite literal, in the order
// given (jen.Dict would sort the keys).
func keyed(key string, value jen.Code) jen.Code { return jen.Id(key).Op(":").Add(value) }

// codecs writes MarshalJSON and UnmarshalJSON, and the table they walk:
// no other method per type, as each costs a program some 250 bytes per
// type it can reach (graphrt.TableOf asks UnmarshalJSON for the table). A derived type's table names
// its base's, so the wire stays flat.
func (g *generator) codecs(f *file, t *model.Type, sp *splicer) {
	name := g.typeNames[t]
	if directItems.Load() && f.takes(RuntimePath, "unsafe") {
		f.addItem(codecFuncsText(name), RuntimePath, "unsafe")
		if text, ok := g.tableText(t); ok {
			f.Line()
			f.addItem(text, RuntimePath, "unsafe")
			return
		}
	} else {
		codecFuncs(f, name)
	}
	f.Line()
	multi := jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}
	f.Var().Id(tableName(name)).Op("=").Add(rt("Struct")).CustomFunc(multi, func(d *jen.Group) {
		if t.Base != nil {
			d.Add(keyed("Base", jen.Op("&").Id(tableName(g.typeNames[t.Base]))))
			d.Add(keyed("BaseOffset", jen.Qual("unsafe", "Offsetof").Call(jen.Id(name).Values().Dot(g.typeNames[t.Base]))))
			d.Add(keyed("ODataType", jen.Lit(t.Name)))
		} else {
			d.Add(keyed("Extra", jen.Qual("unsafe", "Offsetof").Call(jen.Id(name).Values().Dot("AdditionalData"))))
		}
		if len(t.Fields) > 0 {
			entry := func(f *file, fs *jen.Group, fld *model.Field) {
				if directItems.Load() {
					if text, ok := g.entryText(t, fld); ok && f.takes(RuntimePath, "unsafe") {
						fs.Add(f.item(text, RuntimePath, "unsafe"))
						return
					}
				}
				fs.Add(g.fieldEntry(t, fld))
			}
			d.Add(keyed("Fields", jen.Index().Add(rt("Field")).CustomFunc(multi, func(fs *jen.Group) {
				if sp.chunked(t) {
					fs.Comment(sp.add(t.Fields, func(items func(*jen.Group)) jen.Code {
						return jen.Var().Id("_").Op("=").Index().Add(rt("Field")).CustomFunc(multi, items)
					}, entry))
					return
				}
				for _, fld := range t.Fields {
					entry(f, fs, fld)
				}
			})))
		}
	})
}
