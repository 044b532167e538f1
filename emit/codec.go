package emit

import (
	"bytes"
	"encoding/json"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/docgen/model"
)

// primitive is how one Edm primitive appears in Go: its type, and the
// graphrt calls that encode and decode an Opt field of it (single and
// collection) on Graph's wire format. Each field gets one direct call to a
// typed helper: no function values, no closures built per call.
type primitive struct {
	goType func() *jen.Statement
	// encOpt and decOpt are the calls for a single value; key is the
	// member name in QuotedKey form, val the Opt, ptr its address.
	encOpt func(key, val jen.Code) *jen.Statement
	decOpt func(ptr jen.Code) *jen.Statement
	// encSlice and decSlice are the calls for a collection.
	encSlice func(key, val jen.Code) *jen.Statement
	decSlice func(ptr jen.Code) *jen.Statement
}

func rt(name string) *jen.Statement { return jen.Qual(RuntimePath, name) }

func eID() *jen.Statement { return jen.Id("e") }
func bID() *jen.Statement { return jen.Id("b") }
func dID() *jen.Statement { return jen.Id("d") }

// sliceWith is a collection handled by AppendSlice/DecodeOptSlice with
// per-element functions.
func sliceWith(p *primitive, elemEnc, elemDec func() *jen.Statement) {
	p.encSlice = func(key, val jen.Code) *jen.Statement {
		return rt("AppendSlice").Call(eID(), bID(), key, val, elemEnc())
	}
	p.decSlice = func(ptr jen.Code) *jen.Statement {
		return rt("DecodeOptSlice").Call(dID(), ptr, elemDec())
	}
}

// builtin maps a primitive to a Go basic type and the Encoder/Decoder
// methods Opt<method> (fields) and <method> (collection elements).
func builtin(goType, method string) primitive {
	p := primitive{
		goType: func() *jen.Statement { return jen.Id(goType) },
		encOpt: func(key, val jen.Code) *jen.Statement { return rt("Append"+method).Call(bID(), key, val) },
		decOpt: func(ptr jen.Code) *jen.Statement { return dID().Dot("Opt" + method).Call(ptr) },
	}
	sliceWith(&p,
		func() *jen.Statement { return jen.Parens(jen.Op("*").Add(rt("Encoder"))).Dot(method) },
		func() *jen.Statement { return jen.Parens(jen.Op("*").Add(rt("Decoder"))).Dot(method) })
	return p
}

// stringKind maps a string-kinded type (Go string, a generated enum, or a
// wire type kept as text) to the generic string helpers.
func stringKind(goType func() *jen.Statement) primitive {
	return primitive{
		goType:   goType,
		encOpt:   func(key, val jen.Code) *jen.Statement { return rt("AppendEnum").Call(bID(), key, val) },
		decOpt:   func(ptr jen.Code) *jen.Statement { return rt("DecodeOptString").Call(dID(), ptr) },
		encSlice: func(key, val jen.Code) *jen.Statement { return rt("AppendEnums").Call(bID(), key, val) },
		decSlice: func(ptr jen.Code) *jen.Statement { return rt("DecodeOptStrings").Call(dID(), ptr) },
	}
}

// wireString is a graphrt wire type that holds the exact text Graph sent.
func wireString(name string) primitive {
	return stringKind(func() *jen.Statement { return rt(name) })
}

// wireValue is a graphrt wire type with its own codec and Opt helpers;
// withEncoder says whether its Append helper needs the Encoder.
func wireValue(name string, withEncoder bool) primitive {
	p := primitive{
		goType: func() *jen.Statement { return rt(name) },
		encOpt: func(key, val jen.Code) *jen.Statement {
			if withEncoder {
				return rt("Append"+name).Call(eID(), bID(), key, val)
			}
			return rt("Append"+name).Call(bID(), key, val)
		},
		decOpt: func(ptr jen.Code) *jen.Statement { return dID().Dot("Opt" + name).Call(ptr) },
	}
	sliceWith(&p,
		func() *jen.Statement { return rt("EncodeObject").Types(rt(name)) },
		func() *jen.Statement { return rt("DecodeObject").Types(rt(name)) })
	return p
}

var rawJSON = func() primitive {
	p := primitive{
		goType: func() *jen.Statement { return jen.Qual("encoding/json", "RawMessage") },
		encOpt: func(key, val jen.Code) *jen.Statement { return rt("AppendRaw").Call(eID(), bID(), key, val) },
		decOpt: func(ptr jen.Code) *jen.Statement { return dID().Dot("OptRaw").Call(ptr) },
	}
	sliceWith(&p,
		func() *jen.Statement { return rt("EncodeRaw") },
		func() *jen.Statement { return jen.Parens(jen.Op("*").Add(rt("Decoder"))).Dot("RawCompact") })
	return p
}()

// Primitives is the Edm-to-Go mapping. Edm.Untyped also stands for any type
// the docs name but never define.
var Primitives = map[string]primitive{
	"Edm.String":         stringKind(func() *jen.Statement { return jen.String() }),
	"Edm.Boolean":        builtin("bool", "Bool"),
	"Edm.Int16":          builtin("int16", "Int16"),
	"Edm.Int32":          builtin("int32", "Int32"),
	"Edm.Int64":          builtin("int64", "Int64"),
	"Edm.Byte":           builtin("uint8", "Byte"),
	"Edm.SByte":          builtin("int16", "Int16"), // no int8 on the wire helpers; int16 holds every value
	"Edm.Double":         builtin("float64", "Float64"),
	"Edm.Single":         builtin("float32", "Float32"),
	"Edm.Decimal":        wireValue("Decimal", true),
	"Edm.DateTimeOffset": wireString("DateTimeOffset"),
	"Edm.Date":           wireString("Date"),
	"Edm.TimeOfDay":      wireString("TimeOfDay"),
	"Edm.Duration":       wireString("Duration"),
	"Edm.Guid":           wireString("GUID"),
	"Edm.Binary":         wireValue("Binary", false),
	"Edm.Stream":         rawJSON,
	"Edm.Untyped":        rawJSON,
}

func init() {
	// A plain string field uses the Encoder's own method rather than the
	// generic one: the common case deserves the shortest path.
	p := Primitives["Edm.String"]
	p.encOpt = func(key, val jen.Code) *jen.Statement { return rt("AppendString").Call(bID(), key, val) }
	p.decOpt = func(ptr jen.Code) *jen.Statement { return dID().Dot("OptString").Call(ptr) }
	Primitives["Edm.String"] = p
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

// fieldCodec returns the calls that encode and decode one field.
func (g *generator) fieldCodec(ft model.FieldType, key, val, ptr jen.Code) (enc, dec *jen.Statement) {
	switch {
	case ft.Type != nil && g.poly[ft.Type] != nil:
		p := g.poly[ft.Type]
		if ft.Collection {
			return rt("AppendSlice").Call(eID(), bID(), key, val, jen.Id(p.encode)),
				rt("DecodeOptSlice").Call(dID(), ptr, jen.Id(p.decode))
		}
		return rt("AppendOpt").Call(eID(), bID(), key, val, jen.Id(p.encode)),
			rt("DecodeOpt").Call(dID(), ptr, jen.Id(p.decode))
	case ft.Type != nil && ft.Collection:
		return rt("AppendObjects").Call(eID(), bID(), key, val), rt("DecodeOptObjects").Call(dID(), ptr)
	case ft.Type != nil:
		return rt("AppendPtr").Call(eID(), bID(), key, val), rt("DecodeOptPtr").Call(dID(), ptr)
	}
	var p primitive
	if ft.Enum != nil {
		p = stringKind(nil)
	} else {
		p = g.primitiveOf(ft)
	}
	if ft.Collection {
		return p.encSlice(key, val), p.decSlice(ptr)
	}
	return p.encOpt(key, val), p.decOpt(ptr)
}

// quotedKey is a member name in the form Encoder.QuotedKey takes: the JSON
// string and its colon, computed here so nothing is escaped at run time.
func quotedKey(name string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(name); err != nil {
		panic(err) // a Go string always encodes
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))) + ":"
}

// codecs writes MarshalJSON/UnmarshalJSON and the streaming methods behind
// them. A derived type calls its base's field methods, so the wire stays flat.
func (g *generator) codecs(f *jen.File, t *model.Type) {
	name := g.typeNames[t]
	x := jen.Id("x")
	enc := jen.Id("e").Op("*").Add(rt("Encoder"))
	dec := jen.Id("d").Op("*").Add(rt("Decoder"))

	comment(f, "MarshalJSON encodes the properties that are set, nulls included, then AdditionalData.")
	f.Func().Params(x.Clone().Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("e").Op(":=").Add(rt("AcquireEncoder")).Call(),
		jen.Id("x").Dot("EncodeJSON").Call(jen.Id("e")),
		jen.Return(rt("ReleaseEncoder").Call(jen.Id("e"))),
	)
	comment(f, "UnmarshalJSON decodes with exact, case-sensitive key matching; unknown keys go to AdditionalData.")
	f.Func().Params(x.Clone().Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Return(rt("Unmarshal").Call(jen.Id("b"), jen.Id("x"))),
	)
	comment(f, "EncodeJSON writes x as one JSON object (null for a nil x).")
	f.Func().Params(x.Clone().Op("*").Id(name)).Id("EncodeJSON").Params(enc.Clone()).Block(
		jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Id("e").Dot("Null").Call(), jen.Return()),
		jen.Id("b").Op(":=").Id("e").Dot("BeginObject").Call(jen.Id("x").Dot("AdditionalData")),
		jen.Id("b").Op("=").Id("x").Dot("appendFields").Call(jen.Id("e"), jen.Id("b")),
		jen.Id("e").Dot("EndObject").Call(jen.Id("b"), jen.Id("x").Dot("AdditionalData")),
	)
	f.Line()
	f.Func().Params(x.Clone().Op("*").Id(name)).Id("appendFields").Params(enc.Clone(), jen.Id("b").Index().Byte()).Index().Byte().BlockFunc(func(b *jen.Group) {
		if t.Base != nil {
			b.Id("b").Op("=").Id("x").Dot(g.typeNames[t.Base]).Dot("appendFields").Call(jen.Id("e"), jen.Id("b"))
		}
		for _, fld := range t.Fields {
			field := jen.Id("x").Dot(g.fields[fld])
			e, _ := g.fieldCodec(fld.Type, jen.Lit(quotedKey(fld.Name)), field, nil)
			b.Id("b").Op("=").Add(e)
		}
		b.Return(jen.Id("b"))
	})
	comment(f, "DecodeJSON reads one JSON object into x, replacing what x held.")
	f.Func().Params(x.Clone().Op("*").Id(name)).Id("DecodeJSON").Params(dec.Clone()).Error().Block(
		jen.Op("*").Id("x").Op("=").Id(name).Values(),
		jen.Return(jen.Id("d").Dot("Object").Call(jen.Func().Params(jen.Id("key").Index().Byte()).Error().Block(
			jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("x").Dot("decodeField").Call(jen.Id("d"), jen.Id("key")),
			jen.If(jen.Id("ok").Op("||").Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Return(jen.Id("x").Dot("AdditionalData").Dot("Decode").Call(jen.Id("d"), jen.Id("key"))),
		))),
	)
	f.Line()
	f.Func().Params(x.Clone().Op("*").Id(name)).Id("decodeField").Params(dec.Clone(), jen.Id("key").Index().Byte()).Params(jen.Bool(), jen.Error()).BlockFunc(func(b *jen.Group) {
		if len(t.Fields) > 0 {
			b.Switch(jen.String().Parens(jen.Id("key"))).BlockFunc(func(s *jen.Group) {
				for _, fld := range t.Fields {
					_, d := g.fieldCodec(fld.Type, nil, nil, jen.Op("&").Id("x").Dot(g.fields[fld]))
					s.Case(jen.Lit(fld.Name)).Block(jen.Return(jen.True(), d))
				}
			})
		}
		if t.Base != nil {
			b.Return(jen.Id("x").Dot(g.typeNames[t.Base]).Dot("decodeField").Call(jen.Id("d"), jen.Id("key")))
		} else {
			b.Return(jen.False(), jen.Nil())
		}
	})
}
