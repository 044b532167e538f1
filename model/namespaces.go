package model

import "strings"

// inferredEnumName names an enum a property's type cell gives and only its
// description lists the values of: a bare identifier is in the owner's
// namespace, a qualified one
// (microsoft.graph.identityGovernance.lifecycleWorkflowProcessingStatus)
// in its own.
func inferredEnumName(written, ownerNamespace string) (string, bool) {
	if isIdentifier(written) {
		return ownerNamespace + "." + written, true
	}
	parts := strings.Split(written, ".")
	if len(parts) < 3 {
		return "", false
	}
	for _, part := range parts {
		if !isIdentifier(part) {
			return "", false
		}
	}
	return written, true
}

// matchNamespaceCase spells each enum's namespace as the types spell it:
// a namespace taken from a file name (enums-managedtenants.md) has lost its
// letter case (microsoft.graph.managedTenants).
func (r *resolver) matchNamespaceCase() {
	spelling := map[string]string{}
	for _, t := range r.byName {
		spelling[strings.ToLower(t.Namespace())] = t.Namespace()
	}
	for _, e := range r.enums {
		ns := namespaceOf(e.Name)
		if want, ok := spelling[strings.ToLower(ns)]; ok && want != ns {
			e.Name = want + e.Name[len(ns):]
		}
	}
}
