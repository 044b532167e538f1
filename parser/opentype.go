package parser

import (
	"github.com/graphdocgen/docgen/model"
)

// saysOpenType matches the sentence pages use to call a type open: "This
// is an open type", "It is an Open Type", "This type is an open type".
// A page that only mentions another open type ("used in the open type
// plannerAssignments") does not match.
var saysOpenType = lazyRegexp(`(?i)\b(this|it)( type| resource)? is an open type\b`)

// openTypeFromProse makes a resource open when its page's text says it is
// but its annotation lacks "openType": true. That missing flag is the one
// defect (DG074); its sample's keys are then examples, not undocumented
// properties.
func (p *pageParser) openTypeFromProse(res *model.Resource) {
	if res.OpenType || !(mayMatch(p.description.English, "open type") && saysOpenType().MatchString(p.description.English) || p.translatedPage() && saysTranslated(p.description.English, openWords)) {
		return
	}
	res.OpenType = true
	p.diags.Report(res.Pos, model.OpenTypeNotAnnotated, "the text calls %s an open type, but its resource annotation lacks \"openType\": true; read as open", res.Name)
}

// saysAbstract matches the sentences pages use to call their own type
// abstract: "This is an abstract type", "It is an abstract type", a
// description opening "An abstract base class" or "Represents an abstract
// base type". A page that names another abstract type ("derived from the
// extension abstract type") does not match.
var saysAbstract = lazyRegexp(`(?i)\b(?:this|it)(?: type| resource| class)? is an abstract\b|^(?:represents )?an abstract (?:base )?(?:type|class|resource)\b`)

// abstractFromProse makes a resource abstract when its page's text says
// it is but its annotation lacks "abstract": true (DG075).
func (p *pageParser) abstractFromProse(res *model.Resource) {
	if res.Abstract || !(mayMatch(p.description.English, "abstract") && saysAbstract().MatchString(p.description.English) || p.translatedPage() && saysTranslated(p.description.English, abstractWords)) {
		return
	}
	res.Abstract = true
	p.diags.Report(res.Pos, model.AbstractNotAnnotated, "the text calls %s an abstract type, but its resource annotation lacks \"abstract\": true; read as abstract", res.Name)
}
