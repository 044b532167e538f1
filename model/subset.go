package model

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// SubsetOptions choose what Subset keeps besides the named types.
type SubsetOptions struct {
	// NoDerived leaves out the derived types that polymorphic decoding of a
	// kept property would need; such properties then decode as their
	// declared type (everything else kept in AdditionalData).
	NoDerived bool
}

// Kept explains why Subset kept each type or enum: its parent in the
// closure (empty for the named roots) and how the parent needs it.
type Kept struct {
	Parent string
	Reason string
}

// Subset keeps the types and enums whose names match patterns, and
// everything the types need to compile and decode: property types, base
// types, enums, and the derived types of every kept property type. A
// pattern is a type or enum name, qualified or short, or a glob
// (path.Match) over either, in any letter case; a pattern that matches
// nothing is an error naming it (all such patterns at once). The result
// shares Types and Enums with s; why maps each kept name to the reason it
// was kept.
func (s *Schema) Subset(patterns []string, opts SubsetOptions) (sub *Schema, why map[string]Kept, err error) {
	derived := map[*Type][]*Type{}
	for _, t := range s.Types {
		if t.Base != nil {
			derived[t.Base] = append(derived[t.Base], t)
		}
	}
	why = map[string]Kept{}
	keptTypes := map[*Type]bool{}
	keptEnums := map[*Enum]bool{}
	var queue []*Type
	keepType := func(t *Type, parent, reason string) {
		if keptTypes[t] {
			return
		}
		keptTypes[t] = true
		why[t.Name] = Kept{parent, reason}
		queue = append(queue, t)
	}

	var unmatched []string
	for _, given := range patterns {
		given = strings.TrimSpace(given)
		p := strings.ToLower(given) // names match in any case; messages keep the user's
		if p == "" {
			continue
		}
		matched := false
		for _, t := range s.Types { // sorted, so the closure's order is fixed
			if matchName(p, t.Name) {
				keepType(t, "", "named")
				matched = true
			}
		}
		// An enum is named like a type, and needs nothing else.
		for _, e := range s.Enums {
			if matchName(p, e.Name) {
				if !keptEnums[e] {
					keptEnums[e] = true
					why[e.Name] = Kept{"", "named"}
				}
				matched = true
			}
		}
		if !matched {
			msg := fmt.Sprintf("%q", given)
			if near := s.namesContaining(p, 3); len(near) > 0 {
				msg += " (did you mean " + strings.Join(near, ", ") + "?)"
			}
			unmatched = append(unmatched, msg)
		}
	}
	if len(unmatched) > 0 {
		return nil, nil, fmt.Errorf("no type or enum matches %s", strings.Join(unmatched, ", "))
	}

	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if t.Base != nil {
			keepType(t.Base, t.Name, "base type")
		}
		for _, f := range t.Fields {
			switch {
			case f.Type.Type != nil:
				keepType(f.Type.Type, t.Name, "property "+f.Name)
				if !opts.NoDerived {
					for _, d := range allDerived(f.Type.Type, derived) {
						keepType(d, f.Type.Type.Name, "derived type, for property "+t.Name+"."+f.Name)
					}
				}
			case f.Type.Enum != nil && !keptEnums[f.Type.Enum]:
				keptEnums[f.Type.Enum] = true
				why[f.Type.Enum.Name] = Kept{t.Name, "property " + f.Name}
			}
		}
	}

	sub = &Schema{}
	for _, t := range s.Types {
		if keptTypes[t] {
			sub.Types = append(sub.Types, t)
		}
	}
	for _, e := range s.Enums {
		if keptEnums[e] {
			sub.Enums = append(sub.Enums, e)
		}
	}
	return sub, why, nil
}

// namesContaining lists up to n short names of types and enums that
// contain the lower-case pattern (a partial name, "windowsArch"), sorted;
// none for a glob.
func (s *Schema) namesContaining(pattern string, n int) []string {
	if strings.ContainsAny(pattern, "*?[\\") {
		return nil
	}
	var names []string
	add := func(qualified string) {
		short := qualified[strings.LastIndexByte(qualified, '.')+1:]
		if strings.Contains(strings.ToLower(qualified), pattern) && !slices.Contains(names, short) {
			names = append(names, short)
		}
	}
	for _, t := range s.Types {
		add(t.Name)
	}
	for _, e := range s.Enums {
		add(e.Name)
	}
	slices.Sort(names)
	return names[:min(n, len(names))]
}

// matchName reports whether the lower-case pattern matches a qualified
// name or its short name (after the last dot), in any case.
func matchName(pattern, name string) bool {
	name = strings.ToLower(name)
	return match(pattern, name) || match(pattern, name[strings.LastIndexByte(name, '.')+1:])
}

func match(pattern, name string) bool {
	if pattern == name {
		return true
	}
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// allDerived lists every type below t, nearest first.
func allDerived(t *Type, derived map[*Type][]*Type) []*Type {
	var out []*Type
	for _, d := range derived[t] {
		out = append(out, d)
		out = append(out, allDerived(d, derived)...)
	}
	return out
}

// KeptPath renders the chain that pulled name into a subset:
// "microsoft.graph.identity <- property user of microsoft.graph.identitySet <- ...".
func KeptPath(why map[string]Kept, name string) string {
	var parts []string
	seen := map[string]bool{}
	for n := name; n != "" && !seen[n]; n = why[n].Parent {
		seen[n] = true
		k := why[n]
		if k.Parent == "" {
			parts = append(parts, n+" (named)")
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s of %s)", n, k.Reason, k.Parent))
	}
	return strings.Join(parts, " <- ")
}

// SortedNames lists the names in why, sorted.
func SortedNames(why map[string]Kept) []string {
	names := make([]string, 0, len(why))
	for n := range why {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
