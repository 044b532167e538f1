package model

import (
	"iter"
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

// camelWords yields the names in prose that could name an enum: ASCII
// words (runs of letters, digits and _) that open with a lower-case letter
// and have an inner capital after lower-case letters and digits only
// (workforceIntegrationSupportedEntities), not plain words. It is the
// regexp \b[a-z][a-z0-9]*[A-Z][A-Za-z0-9_]*\b, scanned by hand: the regexp
// showed in CPU profiles of resolving the corpus, which runs on one core
// (TestCamelWordsMatchRegexp holds the two equal).
func camelWords(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(text); {
			if !isWordByte(text[i]) {
				i++
				continue
			}
			start := i
			for i < len(text) && isWordByte(text[i]) {
				i++
			}
			if isCamelWord(text[start:i]) && !yield(text[start:i]) {
				return
			}
		}
	}
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// isCamelWord reports whether word, a run of word bytes, opens with a
// lower-case letter followed by lower-case letters and digits up to a
// capital.
func isCamelWord(word string) bool {
	if word[0] < 'a' || word[0] > 'z' {
		return false
	}
	for j := 1; j < len(word); j++ {
		switch c := word[j]; {
		case 'A' <= c && c <= 'Z':
			return true
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return false
}

// definedEnumFor finds the documented enum a String property with listed
// values stands for: one named as docgen would name the invented enum
// (enums.md's workforceIntegrationSupportedEntities for
// workforceIntegration.supportedEntities), or one the description names,
// provided every listed value is one of its members. Otherwise nil, and
// the property gets an enum of its own.
func (r *resolver) definedEnumFor(owner *Type, p *Property, inventedName string, values []sourcedMembers) *Enum {
	candidates := []string{inventedName}
	for w := range camelWords(p.Description.English) {
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
