package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/docgen/model"
)

// primitive is how one Edm primitive appears in Go: its type and the graphrt
// functions that encode and decode it on Graph's wire format.
type primitive struct {
	goType   func() *jen.Statement
	encode   func() *jen.Statement
	decode   func() *jen.Statement
	readable string // for the README's mapping table
}

func rt(name string) *jen.Statement { return jen.Qual(RuntimePath, name) }

// builtin maps a primitive to a Go basic type and the Encoder/Decoder method
// of the given name.
func builtin(goType, method string) primitive {
	return primitive{
		goType: func() *jen.Statement { return jen.Id(goType) },
		encode: func() *jen.Statement { return jen.Parens(jen.Op("*").Add(rt("Encoder"))).Dot(method) },
		decode: func() *jen.Statement { return jen.Parens(jen.Op("*").Add(rt("Decoder"))).Dot(method) },
	}
}

// wireType maps a primitive to a graphrt type that carries its own codec.
func wireType(name string) primitive {
	return primitive{
		goType: func() *jen.Statement { return rt(name) },
		encode: func() *jen.Statement { return rt("EncodeObject").Types(rt(name)) },
		decode: func() *jen.Statement { return rt("DecodeObject").Types(rt(name)) },
	}
}

var rawJSON = primitive{
	goType: func() *jen.Statement { return jen.Qual("encoding/json", "RawMessage") },
	encode: func() *jen.Statement { return rt("EncodeRaw") },
	decode: func() *jen.Statement { return jen.Parens(jen.Op("*").Add(rt("Decoder"))).Dot("Raw") },
}

// Primitives is the Edm-to-Go mapping. Edm.Untyped also stands for any type
// the docs name but never define.
var Primitives = map[string]primitive{
	"Edm.String":         builtin("string", "String"),
	"Edm.Boolean":        builtin("bool", "Bool"),
	"Edm.Int16":          builtin("int16", "Int16"),
	"Edm.Int32":          builtin("int32", "Int32"),
	"Edm.Int64":          builtin("int64", "Int64"),
	"Edm.Byte":           builtin("uint8", "Byte"),
	"Edm.SByte":          builtin("int16", "Int16"), // no int8 on the wire helpers; int16 holds every value
	"Edm.Double":         builtin("float64", "Float64"),
	"Edm.Single":         builtin("float32", "Float32"),
	"Edm.Decimal":        wireType("Decimal"),
	"Edm.DateTimeOffset": wireType("DateTimeOffset"),
	"Edm.Date":           wireType("Date"),
	"Edm.TimeOfDay":      wireType("TimeOfDay"),
	"Edm.Duration":       wireType("Duration"),
	"Edm.Guid":           wireType("GUID"),
	"Edm.Binary":         wireType("Binary"),
	"Edm.Stream":         rawJSON,
	"Edm.Untyped":        rawJSON,
}

func (g *generator) primitiveOf(ft model.FieldType) primitive {
	if p, ok := Primitives[ft.Primitive]; ok {
		return p
	}
	return rawJSON
}

// elemType is the Go type of one value of the field (not the collection).
func (g *generator) elemType(ft model.FieldType) *jen.Statement {
	switch {
	case ft.Type != nil:
		return jen.Id(g.typeNames[ft.Type])
	case ft.Enum != nil:
		return jen.Id(g.enumNames[ft.Enum])
	}
	return g.primitiveOf(ft).goType()
}

// goType is the field's Go type inside Opt. A single nested object is held
// by pointer: recursive types (a user's manager is a user) stay finite and
// large entities are not copied.
func (g *generator) goType(ft model.FieldType) *jen.Statement {
	switch {
	case ft.Collection:
		return jen.Index().Add(g.elemType(ft))
	case ft.Type != nil:
		return jen.Op("*").Add(g.elemType(ft))
	}
	return g.elemType(ft)
}

func (g *generator) encoder(ft model.FieldType) *jen.Statement {
	var enc *jen.Statement
	switch {
	case ft.Type != nil && ft.Collection:
		enc = rt("EncodeObject").Types(jen.Id(g.typeNames[ft.Type]))
	case ft.Type != nil:
		enc = rt("EncodePtr").Types(jen.Id(g.typeNames[ft.Type]))
	case ft.Enum != nil:
		enc = rt("EncodeString").Types(jen.Id(g.enumNames[ft.Enum]))
	default:
		enc = g.primitiveOf(ft).encode()
	}
	if ft.Collection {
		return rt("SliceEncoder").Call(enc)
	}
	return enc
}

func (g *generator) decoder(ft model.FieldType) *jen.Statement {
	var dec *jen.Statement
	switch {
	case ft.Type != nil && ft.Collection:
		dec = rt("DecodeObject").Types(jen.Id(g.typeNames[ft.Type]))
	case ft.Type != nil:
		dec = rt("DecodePtr").Types(jen.Id(g.typeNames[ft.Type]))
	case ft.Enum != nil:
		dec = rt("StringDecoder").Types(jen.Id(g.enumNames[ft.Enum]))
	default:
		dec = g.primitiveOf(ft).decode()
	}
	if ft.Collection {
		return rt("SliceDecoder").Call(dec)
	}
	return dec
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
		jen.Var().Id("e").Add(rt("Encoder")),
		jen.Id("x").Dot("EncodeJSON").Call(jen.Op("&").Id("e")),
		jen.Return(jen.Id("e").Dot("Bytes").Call(), jen.Id("e").Dot("Err").Call()),
	)
	comment(f, "UnmarshalJSON decodes with exact, case-sensitive key matching; unknown keys go to AdditionalData.")
	f.Func().Params(x.Clone().Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Return(rt("Unmarshal").Call(jen.Id("b"), jen.Id("x"))),
	)
	comment(f, "EncodeJSON writes x as one JSON object.")
	f.Func().Params(x.Clone().Id(name)).Id("EncodeJSON").Params(enc.Clone()).Block(
		jen.Id("e").Dot("ObjectStart").Call(),
		jen.Id("x").Dot("encodeFields").Call(jen.Id("e")),
		jen.Id("x").Dot("AdditionalData").Dot("Encode").Call(jen.Id("e")),
		jen.Id("e").Dot("ObjectEnd").Call(),
	)
	f.Line()
	f.Func().Params(x.Clone().Id(name)).Id("encodeFields").Params(enc.Clone()).BlockFunc(func(b *jen.Group) {
		if t.Base != nil {
			b.Id("x").Dot(g.typeNames[t.Base]).Dot("encodeFields").Call(jen.Id("e"))
		}
		for _, fld := range t.Fields {
			b.Add(rt("EncodeOpt")).Call(jen.Id("e"), jen.Lit(fld.Name), jen.Id("x").Dot(g.fields[fld]), g.encoder(fld.Type))
		}
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
					s.Case(jen.Lit(fld.Name)).Block(jen.Return(jen.True(),
						rt("DecodeOpt").Call(jen.Id("d"), jen.Op("&").Id("x").Dot(g.fields[fld]), g.decoder(fld.Type))))
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
