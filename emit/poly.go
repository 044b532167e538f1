package emit

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/docgen/model"
)

// Polymorphism. A slot (property or collection) declared with a type B that
// has derived types can hold any of them on the wire, told apart by
// "@odata.type". Such a slot is typed with an interface, BKind, which *B and
// the pointer of every type derived from B implement (GetB is defined once
// on *B and promoted through embedding). Per base B the generated
// DecodeBKind peeks at "@odata.type" and switches over B's derived types,
// and EncodeBKind switches on the dynamic type to write the annotation when
// it differs from B. Both are reached only from fields declared with B, so
// a program links the derived types only if it can meet them; a slot whose
// type has no derived types stays a plain *T or []T.

// polyBase is what a base type with derived types adds to the package.
type polyBase struct {
	kind    string        // the interface, e.g. DirectoryObjectKind
	getter  string        // the method on *B, e.g. GetDirectoryObject
	encode  string        // EncodeDirectoryObjectKind
	decode  string        // DecodeDirectoryObjectKind
	derived []*model.Type // every type below B, by name
}

// descendants maps every type that has derived types to all of them
// (transitively), sorted by name.
func descendants(types []*model.Type) map[*model.Type][]*model.Type {
	out := map[*model.Type][]*model.Type{}
	for _, t := range types {
		for b := t.Base; b != nil; b = b.Base {
			out[b] = append(out[b], t)
		}
	}
	for _, ds := range out {
		slices.SortFunc(ds, func(a, b *model.Type) int { return cmp.Compare(a.Name, b.Name) })
	}
	return out
}

// namePolymorphism claims the names polymorphism adds, after every other
// package-level name so that none of those changes because of it.
func (g *generator) namePolymorphism(s *model.Schema, pkg *namespace) {
	g.poly = map[*model.Type]*polyBase{}
	desc := descendants(s.Types)
	for _, t := range s.Types { // sorted by name: stable claims
		if len(desc[t]) == 0 {
			continue
		}
		name := g.typeNames[t]
		claim := func(n, what string) string {
			return pkg.claimFor(n, claimant{what: what + " of ", owner: t.Name, pos: t.Pos}, &g.collisions)
		}
		kind := claim(name+"Kind", "the Kind interface")
		g.poly[t] = &polyBase{
			kind:    kind,
			getter:  "Get" + name,
			encode:  claim("Encode"+kind, "the Kind encoder"),
			decode:  claim("Decode"+kind, "the Kind decoder"),
			derived: desc[t],
		}
	}
	if len(s.Types) > 0 {
		g.registryNew = pkg.claimFor("NewByODataType", claimant{what: "the registry function NewByODataType"}, &g.collisions)
		g.registryNames = pkg.claimFor("ODataTypeNames", claimant{what: "the registry function ODataTypeNames"}, &g.collisions)
	}
}

// odataNames are the "@odata.type" values (without '#') that name t: its
// qualified name and its aliases.
func odataNames(t *model.Type) []string {
	names := []string{t.Name}
	for _, a := range t.Aliases {
		names = append(names, strings.TrimPrefix(a, "#"))
	}
	return names
}

// typeCases lists the switch cases that construct each type: one case per
// type, with every name that is not already taken (by an earlier type, or by
// skip, the slot's own type, which the default case handles).
func typeCases(types []*model.Type, skip *model.Type) (cases [][]string, kept []*model.Type) {
	seen := map[string]bool{}
	if skip != nil {
		for _, n := range odataNames(skip) {
			seen[n] = true
		}
	}
	real := map[string]bool{} // a type's own name beats another's alias
	for _, t := range types {
		real[t.Name] = true
	}
	for _, t := range types {
		var names []string
		for i, n := range odataNames(t) {
			if i > 0 && real[n] {
				continue
			}
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
		if len(names) > 0 {
			cases = append(cases, names)
			kept = append(kept, t)
		}
	}
	return cases, kept
}

// polyDecls writes B's Kind interface, GetB and the Kind codecs.
func (g *generator) polyDecls(f *file, t *model.Type) {
	p := g.poly[t]
	name := g.typeNames[t]
	if directItems.Load() && f.takes(RuntimePath) {
		g.polyItems(f, t)
		return
	}
	comment(f, fmt.Sprintf(kindDoc, p.kind, t.Name, t.ShortName()))
	f.Type().Id(p.kind).Interface(
		rt("Object"),
		jen.Comment(p.getter+" returns the "+name+" part of the value."),
		jen.Id(p.getter).Params().Op("*").Id(name),
	)
	comment(f, fmt.Sprintf(getterDoc, p.getter, p.kind))
	f.Func().Params(jen.Id("x").Op("*").Id(name)).Id(p.getter).Params().Op("*").Id(name).Block(jen.Return(jen.Id("x")))

	cases, kept := typeCases(p.derived, t)
	comment(f, fmt.Sprintf(decodeDoc, p.decode, t.ShortName(), name))
	// v is an any, asserted to the Kind once chosen: converting each new(D)
	// to the Kind would make a static itab per derived type, some 100 bytes
	// of a program each (700 in the v1.0 driveItem program).
	f.Func().Id(p.decode).Params(jen.Id("d").Op("*").Add(rt("Decoder"))).Params(jen.Id(p.kind), jen.Error()).Block(
		jen.Var().Id("v").Any(),
		jen.Switch(jen.String().Parens(jen.Id("d").Dot("ODataType").Call())).BlockFunc(func(s *jen.Group) {
			for i, d := range kept {
				s.CaseFunc(func(c *jen.Group) {
					for _, n := range cases[i] {
						c.Lit(n)
					}
				}).Block(jen.Id("v").Op("=").New(jen.Id(g.typeNames[d])))
			}
			s.Default().Block(
				jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return(jen.Nil(), jen.Nil())),
				jen.Id("v").Op("=").New(jen.Id(name)),
			)
		}),
		jen.Id("k").Op(":=").Id("v").Assert(jen.Id(p.kind)),
		jen.If(jen.Err().Op(":=").Add(rt("Decode")).Call(jen.Id("d"), jen.Id("k")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Id("k"), jen.Nil()),
	)
	comment(f, fmt.Sprintf(encodeDoc, p.encode))
	f.Func().Id(p.encode).Params(jen.Id("e").Op("*").Add(rt("Encoder")), jen.Id("v").Id(p.kind)).Block(
		rt("EncodeKind").Call(jen.Id("e"), jen.Id("v"), jen.Parens(jen.Op("*").Id(name)).Parens(jen.Nil())),
	)
	f.Line()
	codecs := jen.Dict{jen.Id("Decode"): jen.Id(p.decode), jen.Id("Encode"): jen.Id(p.encode)}
	f.Var().Id(tableName(p.kind)).Op("=").Add(rt("Poly")).Types(jen.Id(p.kind)).Values(codecs)
}

// The doc comments of polyDecls.
const (
	kindDoc   = "%s is a %s or any type derived from it: a property or collection declared as %s holds one, chosen on decoding by the value's \"@odata.type\". Use a type switch to reach the derived type."
	getterDoc = "%s returns x; every derived type inherits it, so each implements %s."
	decodeDoc = "%s reads a value declared as %s as the type its \"@odata.type\" names, or as %s when the name is absent or not a type derived from it (the annotation then stays in AdditionalData). null gives nil."
	encodeDoc = "%s writes v, adding \"@odata.type\" when v is a derived type and does not carry the annotation in its AdditionalData already. nil is null."
)

// polyItems is polyDecls with each declaration a direct item.
func (g *generator) polyItems(f *file, t *model.Type) {
	p := g.poly[t]
	name := g.typeNames[t]
	comment(f, fmt.Sprintf(kindDoc, p.kind, t.Name, t.ShortName()))
	f.addItem("type "+p.kind+" interface{\ngraphrt.Object\n// "+p.getter+" returns the "+name+" part of the value.\n"+p.getter+" () * "+name+"\n}", RuntimePath)
	comment(f, fmt.Sprintf(getterDoc, p.getter, p.kind))
	f.addItem("func (x * " + name + ") " + p.getter + " () * " + name + " {\nreturn x\n}")
	cases, kept := typeCases(p.derived, t)
	comment(f, fmt.Sprintf(decodeDoc, p.decode, t.ShortName(), name))
	it := newItemText()
	it.add("func ", p.decode, " (d * graphrt.Decoder) (", p.kind, ",error) {\nvar v any\nswitch string (d . ODataType ()) {\n")
	for i, d := range kept {
		it.caseClause(cases[i])
		it.add("v = new(", g.typeNames[d], ")\n")
	}
	it.add("default: \nif d . Null () {\nreturn nil,nil\n}\nv = new(", name, ")\n}\n",
		"k := v .(", p.kind, ")\nif err := graphrt.Decode (d,k);err != nil {\nreturn nil,err\n}\nreturn k,nil\n}")
	decode, _ := it.done()
	f.addItem(decode, RuntimePath)
	comment(f, fmt.Sprintf(encodeDoc, p.encode))
	f.addItem("func "+p.encode+" (e * graphrt.Encoder,v "+p.kind+") {\ngraphrt.EncodeKind (e,v,(* "+name+") (nil))\n}", RuntimePath)
	f.Line()
	f.addItem("var "+tableName(p.kind)+" = graphrt.Poly ["+p.kind+"] {\nDecode:"+p.decode+",\nEncode:"+p.encode+",\n}", RuntimePath)
}

// registryFile renders the one file that maps every "@odata.type" name to
// a constructor. It is a function with a switch, not a map filled in init,
// so the linker keeps the types only in programs that call it. Like a
// page's file, it is taken from the last run when its key (registryKey) is
// unchanged.
func (g *generator) registryFile(s *model.Schema, pages []string) ([]byte, [32]byte, error) {
	return g.produce("registry.go", func() [32]byte { return g.registryKey(s, pages) },
		func(sc *scratch) ([]byte, error) { return g.registrySource(s, pages, directItems.Load(), sc) })
}

func (g *generator) registrySource(s *model.Schema, pages []string, markers bool, sc *scratch) ([]byte, error) {
	f := newFile(g.opts.Package, markers)
	f.HeaderComment("Code generated by docgen from the pages in " + commonDir(pages) + " (the @odata.type registry). DO NOT EDIT.")
	g.packageComment(f, commonDir(pages))
	f.ImportName(RuntimePath, "graphrt")
	cases, kept := typeCases(s.Types, nil)
	comment(f, fmt.Sprintf("%s returns a new, empty value of the type an \"@odata.type\" names, with or without the leading '#' (\"#microsoft.graph.user\"), or nil when no generated type has that name. Decode into the result with json.Unmarshal or graphrt.Decode. Programs that never call it do not link every type.", g.registryNew))
	if f.items != nil {
		g.registryItems(f, s, cases, kept)
		src, err := f.rawSource(&sc.tree)
		if err != nil {
			return nil, err
		}
		if !f.items.fill(&sc.src, src) {
			declinedFills.Add(1)
			return g.registrySource(s, pages, false, sc) // a stray marker byte: jennifer's statements
		}
		return sc.src.Bytes(), nil
	}
	f.Func().Id(g.registryNew).Params(jen.Id("name").String()).Add(rt("Object")).Block(
		jen.Switch(jen.Qual("strings", "TrimPrefix").Call(jen.Id("name"), jen.Lit("#"))).BlockFunc(func(sw *jen.Group) {
			for i, t := range kept {
				sw.CaseFunc(func(c *jen.Group) {
					for _, n := range cases[i] {
						c.Lit(n)
					}
				}).Block(jen.Return(jen.New(jen.Id(g.typeNames[t]))))
			}
		}),
		jen.Return(jen.Nil()),
	)
	comment(f, fmt.Sprintf("%s lists the qualified name of every generated type, sorted; each is accepted by %s.", g.registryNames, g.registryNew))
	f.Func().Id(g.registryNames).Params().Index().String().Block(
		jen.Return(jen.Index().String().CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(v *jen.Group) {
			for _, t := range s.Types {
				v.Lit(t.Name)
			}
		})),
	)
	return f.rawSource(&sc.tree)
}

// caseClause writes a switch case on the strings names, as jennifer's
// CaseFunc of Lits prints it, up to its first statement.
func (it *itemText) caseClause(names []string) {
	it.add("case ")
	for j, n := range names {
		if j > 0 {
			it.add(",")
		}
		it.b = strconv.AppendQuote(it.b, n)
	}
	it.add(": \n")
}

// registryItems is the registry's two functions as direct items, after
// the first one's doc comment.
func (g *generator) registryItems(f *file, s *model.Schema, cases [][]string, kept []*model.Type) {
	it := newItemText()
	it.add("func ", g.registryNew, " (name string) graphrt.Object {\nswitch strings.TrimPrefix (name,\"#\") {\n")
	for i, t := range kept {
		it.caseClause(cases[i])
		it.add("return new(", g.typeNames[t], ")\n")
	}
	it.add("}\nreturn nil\n}")
	text, _ := it.done()
	f.addItem(text, RuntimePath, "strings")
	comment(f, fmt.Sprintf("%s lists the qualified name of every generated type, sorted; each is accepted by %s.", g.registryNames, g.registryNew))
	it = newItemText()
	it.add("func ", g.registryNames, " () [] string {\nreturn [] string {\n")
	for _, t := range s.Types {
		it.add(strconv.Quote(t.Name), ",\n")
	}
	it.add("}\n}")
	text, _ = it.done()
	f.addItem(text)
}

// commonDir is the longest directory that holds every page, for the
// registry's header.
func commonDir(pages []string) string {
	if len(pages) == 0 {
		return "."
	}
	dir := filepath.ToSlash(filepath.Dir(pages[0]))
	for _, p := range pages[1:] {
		p = filepath.ToSlash(p)
		for dir != "." && dir != "/" && !strings.HasPrefix(p, dir+"/") {
			dir = filepath.ToSlash(filepath.Dir(dir))
		}
	}
	return dir
}
