package model

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
)

// Schema is the whole input after resolution: every type and enum, with
// references between them settled. It is what emit and the model dump read.
type Schema struct {
	Types []*Type // sorted by Name
	Enums []*Enum // sorted by Name
}

// Type is a resolved structured type (an entity when it has a key).
type Type struct {
	Name        string // namespace-qualified
	Aliases     []string
	Base        *Type // nil when the type has no base
	BaseName    string
	BaseSource  Source // where the base was read; "" without a base
	Key         string
	Open        bool
	Abstract    bool
	Description Text
	Fields      []*Field
	Page        string   // the page whose file holds the Go code
	Pages       []string // every page that annotates the type, Page first
	Pos         Pos
}

// ShortName is the name without its namespace.
func (t *Type) ShortName() string { return t.Name[strings.LastIndexByte(t.Name, '.')+1:] }

// Namespace is the qualifier of the name, e.g. microsoft.graph.
func (t *Type) Namespace() string { return namespaceOf(t.Name) }

func namespaceOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return ""
}

// Field is a resolved property or relationship.
type Field struct {
	Name        string // wire name
	Description Text
	Type        FieldType
	Navigation  bool
	TypeSource  Source // where the type was read: table or sample
	Pos         Pos
}

// FieldType is exactly one of Primitive, Type or Enum, maybe as a collection.
type FieldType struct {
	Primitive  string // Edm name, e.g. Edm.Double; Edm.Untyped when unresolved
	Type       *Type
	Enum       *Enum
	Collection bool
}

// String is the OData spelling: Edm.String, Collection(microsoft.graph.x).
func (f FieldType) String() string {
	if f.Collection {
		return "Collection(" + f.EdmName() + ")"
	}
	return f.EdmName()
}

// EdmName is the type's name as OData writes it.
func (f FieldType) EdmName() string {
	switch {
	case f.Type != nil:
		return f.Type.Name
	case f.Enum != nil:
		return f.Enum.Name
	}
	return f.Primitive
}

// Enum is a string enumeration with members in documentation order.
type Enum struct {
	Name        string // namespace-qualified
	Description Text
	Members     []EnumMember
	// Evolvable enums end their first-class members with unknownFutureValue;
	// members after it are sent only to clients that ask for them.
	Evolvable bool
	// Flags: a value may hold several members joined by commas
	// ("joiner,leaver"), as Graph's metadata marks an enum IsFlags; the
	// docs say so of the enum (bit values in its table, its page's text)
	// or of a property of its type ("a multi-valued enumeration").
	// A collection of the enum holds its values as an array instead.
	Flags bool
	// Sources lists where members were read, strongest first.
	Sources []EnumSource
	// Owner and Property name the property an enum was inferred from when the
	// docs give it no name of its own; its Go name comes from them.
	Owner    *Type
	Property string
	Page     string
	Pos      Pos
}

// Resolve builds the Schema from parsed pages, reporting what cannot be
// settled. Pages are taken in the order given; ties resolve to the first.
func Resolve(pages []*Page, diags *Diagnostics) *Schema {
	r := &resolver{optIn: map[*Enum]map[string]bool{}, byName: map[string]*Type{}, enumsByName: map[string]*Enum{}, diags: diags, sampleOnly: map[*Field]*Resource{}, baseMissing: map[*Type]bool{}, keyPos: map[*Type]Pos{}, addressable: map[*Type]bool{}, unresolved: map[*Field]string{}}
	type pending struct {
		t   *Type
		res *Resource
	}
	var work []pending
	for _, page := range pages {
		for _, res := range page.Resources {
			t := r.declare(page, res)
			work = append(work, pending{t, res})
		}
		for _, decl := range page.Enums {
			r.declareEnum(page, decl)
		}
	}
	for _, w := range work {
		if w.res.BaseType != "" && w.t.Base == nil {
			if base := r.lookupBase(w.res.BaseType, w.res.BaseLink, w.t.Namespace()); base != nil && base != w.t {
				w.t.Base, w.t.BaseName, w.t.BaseSource = base, base.Name, w.res.BaseSource
			} else {
				diags.Report(w.res.Pos, BaseUnknown, "base type %s of %s is not documented; its properties are not inherited", w.res.BaseType, w.t.Name)
				r.baseMissing[w.t] = true
				if base == nil {
					// The page still says which type it derives from.
					w.t.BaseName, w.t.BaseSource = r.undocumentedBaseName(w.res.BaseType, w.res.BaseLink, w.t.Namespace()), w.res.BaseSource
				}
			}
		}
		r.addFields(w.t, w.res)
		if w.res.Addressable {
			r.addressable[w.t] = true
		}
	}
	for _, w := range work {
		r.basesFromBasePage(w.t, w.res)
	}
	for _, w := range work {
		r.baseFromRows(w.t, w.res)
	}
	r.matchNamespaceCase()
	s := &Schema{Enums: r.enums}
	for _, t := range r.byName {
		s.Types = append(s.Types, t)
	}
	s.Types = uniqueSorted(s.Types)
	r.entityByKey(s.Types)
	for _, w := range work {
		r.proseOverEntity(w.t, w.res)
	}
	breakCycles(s.Types, diags)
	r.settleAlternatives()
	for _, t := range s.Types {
		dropInherited(t, diags)
	}
	r.reportUndocumented(s.Types)
	resources, typeOf := make([]*Resource, 0, len(work)), make(map[*Resource]*Type, len(work))
	for _, w := range work {
		resources, typeOf[w.res] = append(resources, w.res), w.t
	}
	r.reportUnreadTables(resources, typeOf)
	r.reportTranslatedRows(resources, typeOf)
	r.reportMissingKeys(s.Types)
	openFromBases(s.Types)
	s.Enums = dropUnusedInferred(s.Types, s.Enums)
	for _, e := range s.Enums {
		r.canonicalSentinel(e)
		placeOptIn(e, r.optIn[e])
		e.Evolvable = slices.ContainsFunc(e.Members, func(m EnumMember) bool { return strings.EqualFold(m.Name, sentinel) })
	}
	slices.SortFunc(s.Enums, func(a, b *Enum) int { return cmp.Compare(a.Name, b.Name) })
	return s
}

// sentinel is the member that ends an evolvable enum's first-class members.
// Graph spells it so in all but a few PascalCase enums, which send
// "UnknownFutureValue" (tokenIssuerType); it uses no other spelling.
const sentinel = "unknownFutureValue"

// canonicalSentinel spells an enum's sentinel as Graph sends it when a page
// lists it in a letter case Graph never uses ("unknownfuturevalue"): a
// generated constant in the page's spelling would never match the wire.
func (r *resolver) canonicalSentinel(e *Enum) {
	for i := range e.Members {
		m := &e.Members[i]
		if m.Name == sentinel || m.Name == "UnknownFutureValue" || !strings.EqualFold(m.Name, sentinel) {
			continue
		}
		pos := m.Pos
		if pos.Line == 0 {
			pos = e.Pos
		}
		r.diags.Report(pos, SentinelCase, "enum %s lists %q; read as %s, the spelling Graph sends", e.Name, m.Name, sentinel)
		m.Name = sentinel
	}
	// Two spellings of it become one member.
	seen := false
	e.Members = slices.DeleteFunc(e.Members, func(m EnumMember) bool {
		dup := m.Name == sentinel && seen
		seen = seen || m.Name == sentinel
		return dup
	})
}

// placeOptIn moves after the sentinel the members a source lists after it
// while a stronger one lists them before (a values table that ends with
// unknownFutureValue, while the description says `failed` needs the
// Prefer: include-unknown-enum-members header): they are sent only to
// clients that ask, as Graph's metadata orders them too.
func placeOptIn(e *Enum, optIn map[string]bool) {
	at := slices.IndexFunc(e.Members, func(m EnumMember) bool { return strings.EqualFold(m.Name, sentinel) })
	if at < 0 || len(optIn) == 0 {
		return
	}
	var before, moved []EnumMember
	for _, m := range e.Members[:at] {
		if optIn[strings.ToLower(m.Name)] {
			moved = append(moved, m)
		} else {
			before = append(before, m)
		}
	}
	if len(moved) == 0 {
		return
	}
	members := append(before, e.Members[at])
	members = append(members, moved...)
	e.Members = append(members, e.Members[at+1:]...)
}

type resolver struct {
	// optIn holds, per enum, the members (lower case) some source lists
	// after the sentinel: sent only to clients that ask for them.
	optIn       map[*Enum]map[string]bool
	byName      map[string]*Type // lower-case qualified names, short names and aliases
	enumsByName map[string]*Enum // lower-case qualified and short names
	enums       []*Enum
	diags       *Diagnostics
	// sampleOnly holds the fields that only a JSON representation lists,
	// with the resource whose sample lists them; whether that is a
	// finding depends on the base types (DG033, DG035).
	sampleOnly map[*Field]*Resource
	// baseMissing holds the types whose base is not documented: what they
	// inherit is unknown.
	baseMissing map[*Type]bool
	// keyPos is where the keyProperty a type uses is given.
	keyPos map[*Type]Pos
	// addressable holds the types whose page lists API methods for them.
	addressable map[*Type]bool
	// unresolved holds the type name a field's page wrote where no page
	// documents it (the field holds raw JSON), to compare definitions.
	unresolved map[*Field]string
	// alternatives are the fields whose type cell names several types;
	// they are typed once every base is known.
	alternatives []alternativeField
}

type alternativeField struct {
	f     *Field
	owner *Type
	p     *Property
}

// settleAlternatives types each field whose cell names several types ("[a]
// or [b]") as their nearest common base, which decodes every one of them
// by its @odata.type; without one, the first named type stays. Bases must
// be settled and acyclic.
func (r *resolver) settleAlternatives() {
	for _, a := range r.alternatives {
		named := []*Type{a.f.Type.Type}
		for _, name := range a.p.Type.Alternatives {
			t := r.lookup(name, a.owner.Namespace())
			if t == nil {
				r.diags.Report(a.p.Pos, AlternativeTypes, "type cell of %s.%s names %s or %s, and %s is not documented; typed as %s", a.owner.Name, a.f.Name, a.p.Type.Name, name, name, named[0].Name)
				named = nil
				break
			}
			named = append(named, t)
		}
		if named == nil {
			continue
		}
		var common *Type
		for c := named[0]; c != nil && common == nil; c = c.Base {
			if !slices.ContainsFunc(named[1:], func(t *Type) bool { return !derivesFrom(t, c) }) {
				common = c
			}
		}
		names := a.p.Type.Name + " or " + strings.Join(a.p.Type.Alternatives, " or ")
		if common == nil {
			r.diags.Report(a.p.Pos, AlternativeTypes, "type cell of %s.%s names %s, which share no base type; typed as %s", a.owner.Name, a.f.Name, names, named[0].Name)
			continue
		}
		a.f.Type.Type = common
		r.diags.Report(a.p.Pos, AlternativeTypes, "type cell of %s.%s names %s; typed as their common base %s, which decodes each by its @odata.type", a.owner.Name, a.f.Name, names, common.Name)
	}
}

func (r *resolver) declare(page *Page, res *Resource) *Type {
	key := strings.ToLower(res.Name)
	if t, ok := r.byName[key]; ok && strings.EqualFold(t.Name, res.Name) {
		// The same type annotated on another page: one Go type, fields merged.
		if t.Key != res.KeyProperty && res.KeyProperty != "" && t.Key != "" {
			r.diags.Report(cmp.Or(res.KeyPropertyPos, res.Pos), DefinitionConflict, "%s: keyProperty %q conflicts with %q at %s", res.Name, res.KeyProperty, t.Key, cmp.Or(r.keyPos[t], t.Pos))
		}
		if t.Key == "" {
			t.Key = res.KeyProperty
			r.keyPos[t] = res.KeyPropertyPos
		}
		t.Open = t.Open || res.OpenType
		t.Abstract = t.Abstract || res.Abstract
		t.Pages = append(t.Pages, page.Path)
		if isHomePage(page.Path, t) && !isHomePage(t.Page, t) {
			// user.md, not intune-devices-user.md, is where user lives.
			t.Page, t.Description, t.Pos = page.Path, res.Description, res.Pos
			t.Pages = append([]string{page.Path}, slices.DeleteFunc(t.Pages, func(p string) bool { return p == page.Path })...)
		}
		return t
	}
	t := &Type{
		Name: res.Name, Aliases: res.Aliases, Key: res.KeyProperty,
		Open: res.OpenType, Abstract: res.Abstract, Description: res.Description,
		Page: page.Path, Pages: []string{page.Path}, Pos: res.Pos,
	}
	r.byName[key] = t
	if t.Key != "" {
		r.keyPos[t] = res.KeyPropertyPos
	}
	short := strings.ToLower(t.ShortName())
	if prev, ok := r.byName[short]; !ok || t.Namespace() == "microsoft.graph" && prev.Namespace() != "microsoft.graph" {
		r.byName[short] = t // bare names in type cells mean microsoft.graph first
	}
	for _, a := range res.Aliases {
		if _, ok := r.byName[strings.ToLower(a)]; !ok {
			r.byName[strings.ToLower(a)] = t
		}
	}
	return t
}

// isHomePage reports whether a page is named after the type: user.md for
// microsoft.graph.user.
func isHomePage(path string, t *Type) bool {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	return strings.EqualFold(base, t.ShortName()+".md")
}

// declareEnum adds an enum table; a second table for the same enum adds
// the members the first lacks.
func (r *resolver) declareEnum(page *Page, decl *EnumDecl) {
	e := r.enumsByName[strings.ToLower(decl.Name)]
	if e == nil {
		e = &Enum{Name: decl.Name, Description: decl.Description, Page: page.Path, Pos: decl.Pos}
		r.addEnum(e)
	}
	e.Flags = e.Flags || decl.Flags
	r.mergeMembers(e, decl.Members, FromEnumTable, decl.Pos)
}

func (r *resolver) addEnum(e *Enum) {
	r.enums = append(r.enums, e)
	r.enumsByName[strings.ToLower(e.Name)] = e
	short := strings.ToLower(e.Name[strings.LastIndexByte(e.Name, '.')+1:])
	if prev, ok := r.enumsByName[short]; !ok || namespaceOf(e.Name) == "microsoft.graph" && namespaceOf(prev.Name) != "microsoft.graph" {
		r.enumsByName[short] = e
	}
}

// mergeMembers adds members in order. A member that differs from one already
// there only by letter case is the same member, spelt as first seen; a new
// member from a weaker source than the enum's first is reported.
func (r *resolver) mergeMembers(e *Enum, members []EnumMember, src EnumSource, pos Pos) {
	if !slices.Contains(e.Sources, src) {
		e.Sources = append(e.Sources, src)
	}
	var added []string
	have := make(map[string]bool, len(e.Members)) // a table can hold 100,000 rows
	for _, x := range e.Members {
		have[strings.ToLower(x.Name)] = true
	}
	afterSentinel := false
	for _, m := range members {
		if afterSentinel {
			if r.optIn[e] == nil {
				r.optIn[e] = map[string]bool{}
			}
			r.optIn[e][strings.ToLower(m.Name)] = true
		}
		afterSentinel = afterSentinel || strings.EqualFold(m.Name, sentinel)
		if have[strings.ToLower(m.Name)] {
			continue
		}
		have[strings.ToLower(m.Name)] = true
		e.Members = append(e.Members, m)
		added = append(added, m.Name)
	}
	switch {
	case len(added) == 0 || len(e.Members) == len(added):
	case e.Sources[0] < src:
		r.diags.Report(pos, EnumSourcesDisagree, "%s lists %s, which the %s for enum %s does not", src, strings.Join(added, ", "), e.Sources[0], e.Name)
	case src == FromEnumTable && e.Sources[0] == FromEnumTable && pos != e.Pos:
		// A second values table for one enum, on this page or another:
		// the members are merged, but the tables should agree.
		r.diags.Report(pos, EnumSourcesDisagree, "this %s for enum %s lists %s, which the one at %s does not; the members are merged", src, e.Name, strings.Join(added, ", "), e.Pos)
	}
}

func (r *resolver) lookup(name, fromNamespace string) *Type {
	return lookupIn(r.byName, name, fromNamespace)
}

func (r *resolver) lookupEnum(name, fromNamespace string) *Enum {
	return lookupIn(r.enumsByName, name, fromNamespace)
}

// lookupIn finds name in a map keyed by lower-case names; a bare name means
// the referring type's own namespace first. Resolving looks up every
// property's type this way, so ASCII names are lowered into a buffer on
// the stack rather than into new strings.
func lookupIn[V any](byName map[string]*V, name, fromNamespace string) *V {
	name = strings.TrimPrefix(name, "#")
	var buf [128]byte
	if len(fromNamespace)+1+len(name) > len(buf) || !isASCII(fromNamespace) || !isASCII(name) {
		name = strings.ToLower(name)
		if !strings.Contains(name, ".") && fromNamespace != "" {
			if v := byName[strings.ToLower(fromNamespace)+"."+name]; v != nil {
				return v
			}
		}
		if v := byName[name]; v != nil {
			return v
		}
		return byName[graphRelativeKey(name)]
	}
	if strings.IndexByte(name, '.') < 0 && fromNamespace != "" {
		key := appendLowerASCII(append(appendLowerASCII(buf[:0], fromNamespace), '.'), name)
		if v := byName[string(key)]; v != nil {
			return v
		}
	}
	if v := byName[string(appendLowerASCII(buf[:0], name))]; v != nil {
		return v
	}
	return byName[graphRelativeKey(name)]
}

// graphRelativeKey is the lookup key of a name whose namespace is written
// without its microsoft.graph prefix, as type cells sometimes do
// ("[termstore.term](termstore-term.md)" for microsoft.graph.termStore.term):
// every namespace of Graph's is under microsoft.graph. "" for other names.
func graphRelativeKey(name string) string {
	dot := strings.IndexByte(name, '.')
	if dot <= 0 || len(name) > len("microsoft.") && strings.EqualFold(name[:len("microsoft.")], "microsoft.") {
		return ""
	}
	return "microsoft.graph." + strings.ToLower(name)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func appendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func (r *resolver) addFields(t *Type, res *Resource) {
	have := make(map[string]*Field, len(t.Fields)+len(res.Properties))
	for _, f := range t.Fields {
		have[f.Name] = f
	}
	for _, p := range res.Properties {
		if prev, ok := have[p.Name]; ok {
			if p.InTable && prev.TypeSource == SourceSample {
				// Another page's table documents what a sample only showed:
				// the table's type replaces the one read from the sample.
				delete(r.sampleOnly, prev)
				prev.Type, prev.TypeSource, prev.Navigation = r.fieldType(t, p), SourceTable, p.Navigation
				if prev.Description.English == "" {
					prev.Description = p.Description
				}
				continue
			}
			prevName := declaredName(prev.Type)
			if written, ok := r.unresolved[prev]; ok {
				prevName = written // raw JSON now, but the page named a type
			}
			if prevName != r.peekType(t, p) {
				r.diags.Report(p.Pos, DefinitionConflict, "%s.%s is documented as %s here and differently at %s; the first is kept", t.Name, p.Name, p.Type, prev.Pos)
			}
			continue
		}
		f := &Field{Name: p.Name, Description: p.Description, Navigation: p.Navigation, Pos: p.Pos}
		f.Type, f.TypeSource = r.fieldType(t, p), SourceTable
		if p.Type.Kind == Reference && f.Type.Primitive == "Edm.Untyped" {
			r.unresolved[f] = p.Type.Name
		}
		if len(p.Type.Alternatives) > 0 && f.Type.Type != nil {
			r.alternatives = append(r.alternatives, alternativeField{f, t, p})
		}
		if p.InSample && !p.InTable {
			r.sampleOnly[f] = res
			f.TypeSource = SourceSample
		}
		have[p.Name] = f
		t.Fields = append(t.Fields, f)
	}
}

// peekType is the Edm name a property would resolve to, without side effects.
func (r *resolver) peekType(owner *Type, p *Property) string {
	if p.Type.Kind == Primitive {
		return p.Type.Name
	}
	if t := r.lookupRef(p.Type, owner); t != nil {
		return t.Name
	}
	if e := r.lookupEnumRef(p.Type, owner); e != nil {
		return e.Name
	}
	return p.Type.Name
}

// lookupRef resolves a type cell's type, as lookup does, unless the cell's
// link names a page of microsoft.graph while the only type of that short
// name is in another namespace: accessPackage's "[group](group.md)" is
// microsoft.graph.group, not termStore.group when only the latter's page
// is given.
func (r *resolver) lookupRef(ref TypeRef, owner *Type) *Type {
	if linksRootPage(ref) && owner.Namespace() != "microsoft.graph" {
		// microsoft.graph's page, though the owner's namespace may hold a
		// type of that short name too (externalConnectors.identity).
		if t := r.byName[strings.ToLower("microsoft.graph."+ref.Name)]; t != nil {
			return t
		}
	}
	t := r.lookup(ref.Name, owner.Namespace())
	if t != nil && !linkAllows(ref, t.Namespace(), owner.Namespace()) {
		return nil
	}
	return t
}

func (r *resolver) lookupEnumRef(ref TypeRef, owner *Type) *Enum {
	e := r.lookupEnum(ref.Name, owner.Namespace())
	if e != nil && !linkAllows(ref, namespaceOf(e.Name), owner.Namespace()) {
		return nil
	}
	return e
}

// adoptLetterCase gives an enum named all in lower case (a translated page
// names it only by its heading's anchor, <a name="bodytype-values">) the
// letter case of the first type cell that names it (bodyType), so that its
// Go name is the one the English page gives (BodyType, not Bodytype).
func adoptLetterCase(e *Enum, ref string) {
	short := e.Name[strings.LastIndexByte(e.Name, '.')+1:]
	refShort := ref[strings.LastIndexByte(ref, '.')+1:]
	if short != refShort && short == strings.ToLower(short) && strings.EqualFold(short, refShort) {
		e.Name = e.Name[:len(e.Name)-len(short)] + refShort
	}
}

// linkAllows reports whether a bare name linked to a page named after the
// type alone ("group.md", a page of microsoft.graph: other namespaces'
// pages carry their namespace, "termstore-group.md") may be the type found
// in namespace ns: only microsoft.graph's or the referring type's own.
func linkAllows(ref TypeRef, ns, ownerNS string) bool {
	return ns == "microsoft.graph" || ns == ownerNS || !linksRootPage(ref)
}

// linksRootPage: a bare name linked to a page named after the type alone.
func linksRootPage(ref TypeRef) bool {
	if ref.Link == "" || strings.Contains(ref.Name, ".") {
		return false
	}
	target, _, _ := strings.Cut(ref.Link, "#")
	target, _, _ = strings.Cut(target, "?")
	return strings.EqualFold(strings.TrimSuffix(path.Base(target), ".md"), ref.Name)
}

// fieldType settles a property's type: a documented type, a documented
// enum, an enum its values imply, or a primitive. What cannot be resolved is
// reported and falls back to raw JSON.
func (r *resolver) fieldType(owner *Type, p *Property) FieldType {
	ft := r.settleFieldType(owner, p)
	if ft.Enum != nil && p.MultiValued && !ft.Collection {
		ft.Enum.Flags = true // a collection holds its several values as an array
	}
	if ft.Enum != nil && p.Type.Kind == Reference {
		adoptLetterCase(ft.Enum, p.Type.Name)
	}
	return ft
}

func (r *resolver) settleFieldType(owner *Type, p *Property) FieldType {
	ft := FieldType{Collection: p.Type.Collection}
	values := r.valueMembers(p)
	switch {
	case p.Type.Kind == Reference:
		if t := r.lookupRef(p.Type, owner); t != nil {
			ft.Type = t
			return ft
		}
		e := r.lookupEnumRef(p.Type, owner)
		if e == nil && len(values) > 0 && !p.Navigation {
			// The docs name an enum they never tabulate: name it as written,
			// in the owner's namespace unless the name gives its own. A
			// relationship is never one: the values its description lists
			// belong to a property of the related type (a permission's
			// roles), and the type it names is a resource not given here.
			if name, ok := inferredEnumName(p.Type.Name, owner.Namespace()); ok {
				e = &Enum{Name: name, Page: owner.Page, Pos: p.Pos}
				r.addEnum(e)
			}
		}
		if e == nil {
			r.diags.Report(p.Pos, TypeUnknown, "type %q of %s.%s is not documented; the field holds raw JSON", p.Type.Name, owner.Name, p.Name)
			ft.Primitive = "Edm.Untyped"
			return ft
		}
		r.mergeValues(e, p, values)
		ft.Enum = e
	case p.Type.Name == "Edm.String" && len(values) > 0:
		if e := r.definedEnumFor(owner, p, owner.Name+upperFirst(p.Name), values); e != nil {
			ft.Enum = e // the documented enum, not a second one beside it
			return ft
		}
		e := &Enum{Name: owner.Name + upperFirst(p.Name), Owner: owner, Property: p.Name, Page: owner.Page, Pos: p.Pos}
		r.enums = append(r.enums, e) // not by name: only this property uses it
		r.mergeValues(e, p, values)
		ft.Enum = e
	default:
		ft.Primitive = p.Type.Name
	}
	return ft
}

type sourcedMembers struct {
	src     EnumSource
	members []EnumMember
}

// valueMembers lists the members a property's sample and description give.
func (r *resolver) valueMembers(p *Property) []sourcedMembers {
	var out []sourcedMembers
	for _, v := range []struct {
		src   EnumSource
		names []string
	}{{FromSample, p.EnumValues}, {FromDescription, p.DescribedValues}} {
		if len(v.names) == 0 {
			continue
		}
		sm := sourcedMembers{src: v.src}
		for _, n := range v.names {
			sm.members = append(sm.members, EnumMember{Name: n, Pos: p.Pos})
		}
		out = append(out, sm)
	}
	return out
}

func (r *resolver) mergeValues(e *Enum, p *Property, values []sourcedMembers) {
	for _, v := range values {
		pos := p.Pos
		if v.src == FromSample && p.SamplePos.Line > 0 {
			pos = p.SamplePos // a finding about the sample points at it
		}
		r.mergeMembers(e, v.members, v.src, pos)
	}
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// reportUndocumented reports the properties only a JSON representation
// lists, once inherited ones are gone: a sample may show a base type's
// properties, and an open type's sample shows example keys. When the page
// has no Properties section at all, that one cause is reported once,
// listing the properties it leaves undocumented (DG035), not each of them.
func (r *resolver) reportUndocumented(types []*Type) {
	for _, t := range types {
		if t.Open {
			continue
		}
		var causes []*Resource
		undocumented := map[*Resource][]string{}
		for _, f := range t.Fields {
			res := r.sampleOnly[f]
			switch {
			case res == nil:
			case len(res.TranslatedRows) > 0:
				if undocumented[res] == nil {
					causes = append(causes, res)
				}
				undocumented[res] = append(undocumented[res], f.Name)
			case res.NoPropertiesSection || res.UnreadTable.Line > 0:
				if undocumented[res] == nil {
					causes = append(causes, res)
				}
				// The sample is then the only source of the type: say what was read.
				typed := f.Name + " " + f.Type.String()
				if f.Type.EdmName() == "Edm.Untyped" {
					typed = f.Name + " (raw JSON)"
				}
				undocumented[res] = append(undocumented[res], typed)
			default:
				typed := "it holds raw JSON"
				switch {
				case f.Type.Enum != nil && f.Type.Enum.Owner != nil:
					typed = "it is read as a string enum of the values listed there"
				case f.Type.EdmName() != "Edm.Untyped":
					typed = "its type " + f.Type.String() + " is read from its value there"
				}
				r.diags.Report(f.Pos, PropertySampleOnly, "property %q of %s is in the JSON representation but not in the tables; %s", f.Name, t.Name, typed)
			}
		}
		for _, res := range causes {
			names := undocumented[res]
			if len(res.TranslatedRows) > 0 {
				continue // reportTranslatedRows names them
			}
			if res.NoPropertiesSection {
				r.diags.Report(cmp.Or(res.TypePos, res.Pos), NoPropertiesTable, "page has no Properties section for %s: %d of its properties are documented only by the JSON representation, typed from its values: %s", t.Name, len(names), strings.Join(names, ", "))
			}
		}
	}
}

// reportTranslatedRows reports the table rows of a resource whose
// property names were translated once, at the first of them, with the
// sample keys that stand for them (instead of a DG033 for each).
func (r *resolver) reportTranslatedRows(work []*Resource, types map[*Resource]*Type) {
	for _, res := range work {
		rows := res.TranslatedRows
		if len(rows) == 0 {
			continue
		}
		names := make([]string, len(rows))
		for i, row := range rows {
			names[i] = fmt.Sprintf("%q", row.Name)
		}
		msg := fmt.Sprintf("%d table row(s) of %s name their property in translation (%s), not as an identifier; skipped", len(rows), res.Name, strings.Join(names, ", "))
		var keys []string
		if t := types[res]; t != nil {
			for _, f := range t.Fields {
				if r.sampleOnly[f] == res {
					keys = append(keys, f.Name)
				}
			}
		}
		if len(keys) > 0 {
			msg += ", and the JSON representation's keys stand for them: " + strings.Join(keys, ", ")
		}
		r.diags.Report(rows[0].Pos, PropertyNameInvalid, "%s", msg)
	}
}

// reportUnreadTables reports each properties table that has no name or
// type column once, with the sample keys left undocumented because it
// could not be read (instead of a DG033 for each).
func (r *resolver) reportUnreadTables(work []*Resource, types map[*Resource]*Type) {
	for _, res := range work {
		if res.UnreadTable.Line == 0 {
			continue
		}
		var names []string
		if t := types[res]; t != nil && !t.Open {
			for _, f := range t.Fields {
				if r.sampleOnly[f] == res {
					names = append(names, f.Name)
				}
			}
		}
		msg := "table under a properties or relationships heading has no name or type column; skipped"
		if len(names) > 0 {
			msg += fmt.Sprintf(", so only the JSON representation documents %s of %s", strings.Join(names, ", "), res.Name)
		}
		r.diags.Report(res.UnreadTable, TableNoColumns, "%s", msg)
	}
}

// reportMissingKeys reports a keyProperty that names no property of the
// type or its bases (unless a base is undocumented, so unknown).
func (r *resolver) reportMissingKeys(types []*Type) {
	for _, t := range types {
		if t.Key == "" {
			continue
		}
		found, known := false, true
		for b := t; b != nil && !found; b = b.Base {
			found = slices.ContainsFunc(b.Fields, func(f *Field) bool { return f.Name == t.Key })
			known = known && !r.baseMissing[b]
		}
		if !found && known {
			r.diags.Report(cmp.Or(r.keyPos[t], t.Pos), KeyNotProperty, "keyProperty %q of %s is not one of its properties (or its base types')", t.Key, t.Name)
		}
	}
}

// dropInherited removes the fields a derived page documents again although a
// base type has them (user.md lists id): the base's field serves, so the
// wire name maps to one Go field.
func dropInherited(t *Type, diags *Diagnostics) {
	if t.Base == nil {
		return
	}
	inherited := map[string]*Field{}
	folded := map[string]*Field{} // by lower-case name
	for b := t.Base; b != nil; b = b.Base {
		for _, f := range b.Fields {
			if _, ok := inherited[f.Name]; !ok {
				inherited[f.Name] = f
			}
			if _, ok := folded[strings.ToLower(f.Name)]; !ok {
				folded[strings.ToLower(f.Name)] = f
			}
		}
	}
	t.Fields = slices.DeleteFunc(t.Fields, func(f *Field) bool {
		base, ok := inherited[f.Name]
		if !ok {
			// "ID" where entity declares "id": Graph's names are camelCase
			// and unique in any letter case along a chain, so it is the
			// inherited property, which the wire spells as the base does.
			if base, ok = folded[strings.ToLower(f.Name)]; ok {
				diags.Report(f.Pos, InheritedNameCase, "property %s of %s is spelt %s by its base type at %s; read as the inherited property", f.Name, t.Name, base.Name, base.Pos)
				if strings.EqualFold(t.Key, base.Name) {
					t.Key = base.Name
				}
				return true
			}
		}
		// A property only the sample lists has no documented type to disagree
		// with; types are compared as the pages give them (an invented enum
		// is the String its page says).
		if ok && declaredName(base.Type) != declaredName(f.Type) && f.Type.Primitive != "Edm.Untyped" {
			diags.Report(f.Pos, DefinitionConflict, "%s.%s is %s here but %s in a base type at %s; the base's is kept",
				t.Name, f.Name, declaredName(f.Type), declaredName(base.Type), base.Pos)
		}
		return ok
	})
}

// dropUnusedInferred removes enums named after a property that no field
// uses any more (the property was inherited after all).
func dropUnusedInferred(types []*Type, enums []*Enum) []*Enum {
	used := map[*Enum]bool{}
	for _, t := range types {
		for _, f := range t.Fields {
			used[f.Type.Enum] = true
		}
	}
	return slices.DeleteFunc(enums, func(e *Enum) bool { return e.Owner != nil && !used[e] })
}

// MaxInheritance caps the depth of a base type chain (Graph's deepest is
// five): everything after resolution walks chains, so a chain as long as
// the input would cost the square of it.
const MaxInheritance = 64

// breakCycles cuts inheritance loops so embedding stays finite, and chains
// deeper than MaxInheritance so that walking them stays cheap.
func breakCycles(types []*Type, diags *Diagnostics) {
	for _, t := range types {
		seen := map[*Type]bool{t: true}
		depth := 0
		for b := t.Base; b != nil; b = b.Base {
			if seen[b] {
				diags.Report(t.Pos, InheritanceCycle, "inheritance cycle through %s", b.Name)
				t.Base, t.BaseName = nil, ""
				break
			}
			if depth++; depth > MaxInheritance {
				diags.Report(t.Pos, InheritanceTooDeep, "%s has more than %d base types above it; its base type %s is cut", t.Name, MaxInheritance, t.BaseName)
				t.Base, t.BaseName = nil, ""
				break
			}
			seen[b] = true
		}
	}
}

func uniqueSorted(ts []*Type) []*Type {
	slices.SortFunc(ts, func(a, b *Type) int { return cmp.Compare(a.Name, b.Name) })
	return slices.CompactFunc(ts, func(a, b *Type) bool { return a == b })
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
