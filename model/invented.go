package model

import (
	"regexp"
	"strings"
)

// Invented enums: a String property whose values are listed gets an enum
// named after its owner and property. These rules keep such an enum from
// standing beside, or disagreeing with, what the docs define.

// declaredName is the type a field's page gives it, for comparing two
// definitions: an enum docgen invented for a String property is a String
// there, whatever name docgen made up for it.
func declaredName(ft FieldType) string {
	if ft.Enum != nil && ft.Enum.Owner != nil {
		return "Edm.String"
	}
	return ft.EdmName()
}

// camelWord finds names in prose that could name an enum: identifiers with
// an inner capital (workforceIntegrationSupportedEntities), not plain words.
var camelWord = regexp.MustCompile(`\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9_]*\b`)

// definedEnumFor finds the documented enum a String property with listed
// values stands for: one named as docgen would name the invented enum
// (enums.md's workforceIntegrationSupportedEntities for
// workforceIntegration.supportedEntities), or one the description names,
// provided every listed value is one of its members. Otherwise nil, and
// the property gets an enum of its own.
func (r *resolver) definedEnumFor(owner *Type, p *Property, inventedName string, values []sourcedMembers) *Enum {
	candidates := []string{inventedName}
	for _, w := range camelWord.FindAllString(p.Description.English, -1) {
		// The property's own name in its description names the property.
		if !strings.EqualFold(w, p.Name) {
			candidates = append(candidates, w)
		}
	}
	for _, name := range candidates {
		e := r.lookupEnum(name, owner.Namespace())
		if e == nil || e.Owner != nil || !membersCover(e, values) {
			continue
		}
		return e
	}
	return nil
}

// membersCover reports whether every listed value is a member of e, in
// any letter case.
func membersCover(e *Enum, values []sourcedMembers) bool {
	have := make(map[string]bool, len(e.Members))
	for _, m := range e.Members {
		have[strings.ToLower(m.Name)] = true
	}
	for _, v := range values {
		for _, m := range v.members {
			if !have[strings.ToLower(m.Name)] {
				return false
			}
		}
	}
	return len(have) > 0
}
