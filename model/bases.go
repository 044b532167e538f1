package model

import (
	"path"
	"slices"
	"strings"
)

// lookupBase resolves a type named with a link: a base, or a derived type
// its base's page lists. The name may be bare while its link names the
// file, and the file name its namespace: "Inherits from [alertEvidence](../resources/security-alertevidence.md)"
// on a page in another namespace means microsoft.graph.security.alertEvidence.
func (r *resolver) lookupBase(name, link, fromNamespace string) *Type {
	if link != "" && !strings.Contains(name, ".") {
		file := strings.ToLower(strings.TrimSuffix(path.Base(strings.SplitN(link, "#", 2)[0]), ".md"))
		if prefix, rest, ok := strings.Cut(file, "-"); ok && strings.EqualFold(rest, name) {
			for ns := fromNamespace; ns != ""; ns = namespaceOf(ns) {
				if t := r.byName[strings.ToLower(ns+"."+prefix+"."+name)]; t != nil {
					return t
				}
			}
		}
	}
	t := r.lookup(name, fromNamespace)
	if t != nil && link != "" && !linkAllows(TypeRef{Name: name, Link: link}, t.Namespace(), fromNamespace) {
		return nil // linked to microsoft.graph's page, found in another namespace
	}
	return t
}

// undocumentedBaseName qualifies the name of a base no given page
// documents, as lookupBase would find it: a qualified name as written; a
// bare one by its link's file, which names pages outside microsoft.graph
// after their namespace ("security-alertevidence.md") and the others after
// the type alone ("authenticationmethod.md"); else in the deriving type's
// namespace.
func (r *resolver) undocumentedBaseName(name, link, fromNamespace string) string {
	if strings.Contains(name, ".") || !isIdentifier(name) {
		return name
	}
	if link != "" {
		file := strings.ToLower(strings.TrimSuffix(path.Base(strings.SplitN(link, "#", 2)[0]), ".md"))
		if prefix, rest, ok := strings.Cut(file, "-"); ok && strings.EqualFold(rest, name) {
			return r.namespaceEndingIn(prefix) + "." + name
		}
		if file == strings.ToLower(name) {
			return "microsoft.graph." + name
		}
	}
	return fromNamespace + "." + name
}

// namespaceEndingIn is the namespace of a known type whose last part is
// short (in any letter case, as file names lose it), else
// microsoft.graph.short.
func (r *resolver) namespaceEndingIn(short string) string {
	found := ""
	for _, t := range r.byName {
		ns := t.Namespace()
		if strings.EqualFold(ns[strings.LastIndexByte(ns, '.')+1:], short) && (found == "" || ns < found) {
			found = ns
		}
	}
	if found == "" {
		return "microsoft.graph." + short
	}
	return found
}

// basesFromBasePage gives the types a base's page lists as derived from it
// that base, when neither their annotation nor their prose names one. It
// is reported, as their own page is silent.
func (r *resolver) basesFromBasePage(base *Type, res *Resource) {
	for _, d := range res.DerivedTypes {
		t := r.lookupBase(d.Name, d.Link, base.Namespace())
		if stem := linkStem(d.Link); t == nil && stem != "" && !strings.EqualFold(stem, d.Name) {
			// The link's text may shorten the name its page is filed
			// under: "[learningSelfInitiated](learningselfinitiatedcourse.md)".
			t = r.lookupBase(stem, d.Link, base.Namespace())
		}
		if t == nil || t == base || t.Base != nil || r.baseMissing[t] || derivesFrom(base, t) {
			continue
		}
		t.Base, t.BaseName, t.BaseSource = base, base.Name, SourceBasePage
		r.diags.Report(d.Pos, BaseFromBasePage, "the page of %s lists %s among its derived types, and %s's own page names no base: read as its base", base.Name, t.Name, t.ShortName())
	}
}

// linkStem is the type name a link to a resource page is filed under, in
// lower case and without the namespace prefix: "deltawingkite" for
// "../resources/deltawingkite.md", "alertevidence" for
// "security-alertevidence.md#values"; "" for a link to no such page.
func linkStem(link string) string {
	file := strings.SplitN(link, "#", 2)[0]
	if strings.Contains(file, "://") || !strings.HasSuffix(strings.ToLower(file), ".md") {
		return ""
	}
	stem := strings.ToLower(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	if i := strings.LastIndexByte(stem, '-'); i >= 0 {
		stem = stem[i+1:]
	}
	if !isIdentifier(stem) {
		return ""
	}
	return stem
}

// baseFromRows gives a type whose annotation, prose and base's page name
// no base the one its rows' "Inherited from [x](x.md)" notes name, as
// current pages do (onlineMeeting: onlineMeetingBase): the notes name
// ancestors, so the base is the one the others are ancestors of. entity,
// every entity's root, counts only when no other is named. A named type no
// given page documents is recorded by name (DG041) when it is the only
// one; several that cannot be ordered give none.
func (r *resolver) baseFromRows(t *Type, res *Resource) {
	if t.Base != nil || r.baseMissing[t] || res.BaseType != "" || len(res.InheritedFrom) == 0 {
		return
	}
	var documented []*Type
	var undocumented []DerivedRef
	for _, ref := range res.InheritedFrom {
		if b := r.lookupBase(ref.Name, ref.Link, t.Namespace()); b != nil {
			if !derivesFrom(b, t) && !slices.Contains(documented, b) { // t itself, or a cycle
				documented = append(documented, b)
			}
		} else if !strings.EqualFold(ref.Name, t.ShortName()) && !strings.EqualFold(ref.Name, t.Name) {
			undocumented = append(undocumented, ref)
		}
	}
	// An undocumented one that a documented one's chain names (its base's
	// page is missing) is an ancestor of it.
	undocumented = slices.DeleteFunc(undocumented, func(ref DerivedRef) bool {
		name := r.undocumentedBaseName(ref.Name, ref.Link, t.Namespace())
		return slices.ContainsFunc(documented, func(c *Type) bool {
			for ; c != nil; c = c.Base {
				if strings.EqualFold(c.BaseName, name) {
					return true
				}
			}
			return false
		})
	})
	if len(documented)+len(undocumented) > 1 {
		documented = slices.DeleteFunc(documented, func(b *Type) bool { return b.Name == "microsoft.graph.entity" })
	}
	names := func() string {
		var all []string
		for _, ref := range res.InheritedFrom {
			all = append(all, ref.Name)
		}
		return strings.Join(all, ", ")
	}
	switch {
	case len(undocumented) == 0:
		for _, c := range documented {
			if !slices.ContainsFunc(documented, func(o *Type) bool { return !derivesFrom(c, o) }) {
				t.Base, t.BaseName, t.BaseSource = c, c.Name, SourceRows
				r.diags.Report(res.InheritedFrom[0].Pos, BaseFromRows, "%s names no base type; its rows say properties are inherited from %s: read as deriving from %s", t.Name, names(), c.Name)
				return
			}
		}
	case len(undocumented) == 1 && len(documented) == 0:
		ref := undocumented[0]
		t.BaseName, t.BaseSource = r.undocumentedBaseName(ref.Name, ref.Link, t.Namespace()), SourceRows
		r.baseMissing[t] = true
		r.diags.Report(ref.Pos, BaseFromRows, "%s names no base type; its rows say properties are inherited from %s: read as deriving from %s, which is not documented, so its properties are not inherited", t.Name, names(), t.BaseName)
	}
}

// openFromBases makes open every type that derives from an open one: OData
// CSDL requires a type derived from an open type to be open too, so an
// instance may carry keys neither type declares, though the
// derived type's page rarely says so (communicationsIdentitySet, under
// identitySet). It runs after the findings that treat a page's own open
// type specially (its sample's keys are examples).
func openFromBases(types []*Type) {
	for _, t := range types {
		for b := t.Base; b != nil && !t.Open; b = b.Base {
			t.Open = b.Open
		}
	}
}

// derivesFrom reports whether t is base or derives from it: giving base
// such a t as its derived type would make a cycle.
func derivesFrom(t, base *Type) bool {
	for ; t != nil; t = t.Base {
		if t == base {
			return true
		}
	}
	return false
}

// entityByKey gives entity as the base of a type whose annotation names no
// base (nor does its prose, nor its base's page) but whose key is "id",
// entity's key, or which has an id property and API methods of its own, or
// which is the root of a hierarchy some Relationships row points into (an
// entity, even without an id row): in Graph every such entity type
// derives from microsoft.graph.entity, which is where "id" is declared. A
// relationship is a navigation property, whose target is an entity type
// (so for all 499 Relationships rows of the v1.0 corpus whose type the
// 2026 metadata knows), and so is every base of it: the root of that
// hierarchy must take the key from entity (callRecords.participantBase,
// under the participant a callRecord's participants_v2 row names). It is
// reported, as it is an inference.
func (r *resolver) entityByKey(types []*Type) {
	entity := r.byName["microsoft.graph.entity"]
	if entity == nil || entity.Key != "id" || entity.Base != nil {
		return
	}
	navigated := navigationRoots(types)
	for _, t := range types {
		// The type must have the id property too: a keyProperty naming no
		// property is a documentation error of its own (DG044).
		if t == entity || t.Base != nil || r.baseMissing[t] || t.Key != "id" && !r.addressable[t] && !navigated[t] {
			continue
		}
		// The type must have the id property too: a keyProperty naming no
		// property is a documentation error of its own (DG044), as many
		// complex types' annotations carry "keyProperty": "id". Only a
		// navigation target, an entity, may lack it: its key, id or none
		// named, can come from nowhere but a base.
		hasID := slices.ContainsFunc(t.Fields, func(f *Field) bool { return f.Name == "id" })
		if !hasID && (!navigated[t] || t.Key != "" && t.Key != "id") {
			continue
		}
		t.Base, t.BaseName, t.BaseSource = entity, entity.Name, SourceAnnotation // its keyProperty
		switch {
		case t.Key == "id" && hasID:
			r.diags.Report(t.Pos, BaseFromKey, "%s names no base type but has the key id: it derives from %s, which declares that key", t.Name, entity.Name)
		case hasID && r.addressable[t]:
			t.BaseSource = SourceAPIMethods
			r.diags.Report(t.Pos, BaseFromKey, "%s names no base type but has an id property and API methods of its own (an entity): it derives from %s, which declares that key", t.Name, entity.Name)
		default:
			t.BaseSource = SourceRelationship
			r.diags.Report(t.Pos, BaseFromKey, "%s names no base type, but a relationship points to it or to a type derived from it (an entity): it derives from %s, which declares the key id", t.Name, entity.Name)
		}
	}
}

// navigationRoots gives the roots of the hierarchies that Relationships
// rows point into: each target's topmost documented base (bases may still
// form a cycle here, which breakCycles reports later).
func navigationRoots(types []*Type) map[*Type]bool {
	roots := map[*Type]bool{}
	for _, t := range types {
		for _, f := range t.Fields {
			target := f.Type.Type
			if !f.Navigation || target == nil {
				continue
			}
			seen := map[*Type]bool{}
			for target.Base != nil && !seen[target] {
				seen[target] = true
				target = target.Base
			}
			roots[target] = true
		}
	}
	return roots
}

// proseOverEntity gives a type whose annotation names entity while its
// prose names another base (DG062) that base, when that one is documented,
// derives from entity and declares properties the page lists again (not
// the key): entity is the root every entity type reaches and an
// annotation's default, the prose names the nearer base, and the rows
// document what is inherited from it (userScopeTeamsAppInstallation lists
// teamsAppInstallation's teamsApp). Without such rows the annotation is
// kept (orgContact and subscribedSku name directoryObject in prose and
// list none of its properties; the metadata derives only orgContact from
// it).
func (r *resolver) proseOverEntity(t *Type, res *Resource) {
	root := t.Base
	if res.ProseBase == "" || root == nil || root.Name != "microsoft.graph.entity" || res.BaseSource != SourceAnnotation {
		return
	}
	b := r.lookupBase(res.ProseBase, res.ProseBaseLink, t.Namespace())
	if b == nil || b == root || derivesFrom(b, t) || !derivesFrom(b, root) {
		return
	}
	var shared []string
	for _, p := range res.Properties {
		if strings.EqualFold(p.Name, root.Key) {
			continue
		}
		for c := b; c != root; c = c.Base {
			if slices.ContainsFunc(c.Fields, func(f *Field) bool { return f.Name == p.Name }) {
				shared = append(shared, p.Name)
				break
			}
		}
	}
	if len(shared) == 0 {
		return
	}
	t.Base, t.BaseName, t.BaseSource = b, b.Name, SourceProse
	r.diags.Report(res.Pos, BaseProseOverEntity, "the annotation of %s names %s, its prose %s, whose properties %s the page lists: read as deriving from %s", t.Name, root.Name, b.Name, strings.Join(shared, ", "), b.Name)
}
