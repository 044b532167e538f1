package model

import (
	"cmp"
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
	Key         string
	Open        bool
	Abstract    bool
	Description Text
	Fields      []*Field
	Page        string // the page whose file holds the Go code
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
	Pos         Pos
}

// FieldType is exactly one of Primitive, Type or Enum, maybe as a collection.
type FieldType struct {
	Primitive  string // Edm name, e.g. Edm.Double; Edm.Untyped when unresolved
	Type       *Type
	Enum       *Enum
	Collection bool
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
	Members     []string
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
	r := &resolver{byName: map[string]*Type{}, diags: diags}
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
	}
	for _, w := range work {
		if w.res.BaseType != "" && w.t.Base == nil {
			if base := r.lookup(w.res.BaseType); base != nil && base != w.t {
				w.t.Base, w.t.BaseName = base, base.Name
			} else {
				diags.Warnf(w.res.Pos, "base type %s of %s is not documented; its properties are not inherited", w.res.BaseType, w.t.Name)
			}
		}
		r.addFields(w.t, w.res)
	}
	s := &Schema{Enums: r.enums}
	for _, t := range r.byName {
		s.Types = append(s.Types, t)
	}
	s.Types = uniqueSorted(s.Types)
	breakCycles(s.Types, diags)
	slices.SortFunc(s.Enums, func(a, b *Enum) int { return cmp.Compare(a.Name, b.Name) })
	return s
}

type resolver struct {
	byName map[string]*Type // lower-case qualified names, short names and aliases
	enums  []*Enum
	diags  *Diagnostics
}

func (r *resolver) declare(page *Page, res *Resource) *Type {
	key := strings.ToLower(res.Name)
	if t, ok := r.byName[key]; ok && strings.EqualFold(t.Name, res.Name) {
		// The same type annotated on another page: one Go type, fields merged.
		if t.Key != res.KeyProperty && res.KeyProperty != "" && t.Key != "" {
			r.diags.Warnf(res.Pos, "%s: keyProperty %q conflicts with %q at %s", res.Name, res.KeyProperty, t.Key, t.Pos)
		}
		t.Open = t.Open || res.OpenType
		t.Abstract = t.Abstract || res.Abstract
		return t
	}
	t := &Type{
		Name: res.Name, Aliases: res.Aliases, Key: res.KeyProperty,
		Open: res.OpenType, Abstract: res.Abstract, Description: res.Description,
		Page: page.Path, Pos: res.Pos,
	}
	r.byName[key] = t
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

func (r *resolver) lookup(name string) *Type {
	return r.byName[strings.ToLower(strings.TrimPrefix(name, "#"))]
}

func (r *resolver) addFields(t *Type, res *Resource) {
	have := map[string]*Field{}
	for _, f := range t.Fields {
		have[f.Name] = f
	}
	for _, p := range res.Properties {
		if prev, ok := have[p.Name]; ok {
			if prev.Type.EdmName() != r.fieldType(t, p, false).EdmName() {
				r.diags.Warnf(p.Pos, "%s.%s is documented as %s here and differently at %s; the first is kept", t.Name, p.Name, p.Type, prev.Pos)
			}
			continue
		}
		f := &Field{Name: p.Name, Description: p.Description, Navigation: p.Navigation, Pos: p.Pos}
		f.Type = r.fieldType(t, p, true)
		have[p.Name] = f
		t.Fields = append(t.Fields, f)
	}
}

// fieldType settles a property's type. With report set, what cannot be
// resolved is reported and the field falls back to raw JSON.
func (r *resolver) fieldType(owner *Type, p *Property, report bool) FieldType {
	ft := FieldType{Collection: p.Type.Collection}
	if len(p.EnumValues) > 0 && (p.Type.Kind == Primitive && p.Type.Name == "Edm.String" || p.Type.Kind == Reference && r.lookup(p.Type.Name) == nil) {
		if report {
			ft.Enum = r.inferredEnum(owner, p)
		} else {
			ft.Enum = &Enum{Name: owner.Name + upperFirst(p.Name)}
		}
		return ft
	}
	switch p.Type.Kind {
	case Primitive:
		ft.Primitive = p.Type.Name
	case Reference:
		if t := r.lookup(p.Type.Name); t != nil {
			ft.Type = t
		} else {
			if report {
				r.diags.Warnf(p.Pos, "type %q of %s.%s is not documented; the field holds raw JSON", p.Type.Name, owner.Name, p.Name)
			}
			ft.Primitive = "Edm.Untyped"
		}
	}
	return ft
}

// inferredEnum names an enum the docs leave unnamed after its owner and property.
func (r *resolver) inferredEnum(owner *Type, p *Property) *Enum {
	e := &Enum{
		Name:    owner.Name + upperFirst(p.Name),
		Members: dedupe(p.EnumValues),
		Owner:   owner, Property: p.Name,
		Page: owner.Page, Pos: p.Pos,
	}
	if len(e.Members) != len(p.EnumValues) {
		r.diags.Warnf(p.Pos, "enum values of %s.%s list a member twice; kept once", owner.Name, p.Name)
	}
	r.enums = append(r.enums, e)
	return e
}

// breakCycles cuts inheritance loops so embedding stays finite.
func breakCycles(types []*Type, diags *Diagnostics) {
	for _, t := range types {
		seen := map[*Type]bool{t: true}
		for b := t.Base; b != nil; b = b.Base {
			if seen[b] {
				diags.Errorf(t.Pos, "inheritance cycle through %s", b.Name)
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

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
