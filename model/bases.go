package model

import (
	"path"
	"slices"
	"strings"
)

// lookupBase resolves a resource's base type. A base named in prose may be
// bare while its link names the file, and the file name its namespace:
// "Inherits from [alertEvidence](../resources/security-alertevidence.md)"
// on a page in another namespace means microsoft.graph.security.alertEvidence.
func (r *resolver) lookupBase(res *Resource, fromNamespace string) *Type {
	name := res.BaseType
	if res.BaseLink != "" && !strings.Contains(name, ".") {
		file := strings.ToLower(strings.TrimSuffix(path.Base(strings.SplitN(res.BaseLink, "#", 2)[0]), ".md"))
		if prefix, rest, ok := strings.Cut(file, "-"); ok && strings.EqualFold(rest, name) {
			for ns := fromNamespace; ns != ""; ns = namespaceOf(ns) {
				if t := r.byName[strings.ToLower(ns+"."+prefix+"."+name)]; t != nil {
					return t
				}
			}
		}
	}
	return r.lookup(name, fromNamespace)
}

// entityByKey gives entity as the base of a type whose annotation names no
// base (nor does its prose) but whose key is "id", entity's key: in Graph
// every such entity type derives from microsoft.graph.entity, which is
// where "id" is declared. It is reported, as it is an inference.
func (r *resolver) entityByKey(types []*Type) {
	entity := r.byName["microsoft.graph.entity"]
	if entity == nil || entity.Key != "id" || entity.Base != nil {
		return
	}
	for _, t := range types {
		// The type must have the id property too: a keyProperty naming no
		// property is a documentation error of its own (DG044).
		if t == entity || t.Base != nil || r.baseMissing[t] || t.Key != "id" || !slices.ContainsFunc(t.Fields, func(f *Field) bool { return f.Name == "id" }) {
			continue
		}
		t.Base, t.BaseName, t.BaseSource = entity, entity.Name, SourceAnnotation
		r.diags.Report(t.Pos, BaseFromKey, "%s names no base type but has the key id: it derives from %s, which declares that key", t.Name, entity.Name)
	}
}
