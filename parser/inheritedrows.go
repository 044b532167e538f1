package parser

import (
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/docgen/model"
)

// inheritedFromName is a row's note on where its property comes from:
// "Inherited from [onlineMeetingBase](onlinemeetingbase.md)", or the name
// unlinked ("Inherited from onlineMeetingBase.").
var inheritedFromName = lazyRegexp(`(?i)\binherited from\s+([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)`)

// rowOrigins are the types a description cell names as its property's
// origin. A name counts when it is linked to its own page (a link whose
// file is named after it, as [entity](entity.md) or
// [host](security-host.md)), or cannot be an English word (camelCase or
// qualified): "inherited from [the parent](site.md)" names no type. text
// is the cell's plain text.
func rowOrigins(cell ast.Node, src []byte, text string, pos model.Pos) []model.DerivedRef {
	if !containsFoldASCII(text, "inherited from") {
		return nil
	}
	links := map[string]string{} // lower-case link text -> target
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links[strings.ToLower(plainText(l, src))] = string(l.Destination)
		}
		return ast.WalkContinue, nil
	})
	var out []model.DerivedRef
	for _, m := range inheritedFromName().FindAllStringSubmatch(text, -1) {
		name := m[1]
		link, linked := links[strings.ToLower(name)]
		if linked && !linksToOwnPage(name, link) {
			linked = false
		}
		if !linked && !isCamelCase(name) && !strings.Contains(name, ".") {
			continue
		}
		out = append(out, model.DerivedRef{Name: name, Link: link, Pos: pos})
	}
	return out
}

// linksToOwnPage: the link's file is the page of the type named ("x.md",
// or "namespace-x.md"), whatever its letter case.
func linksToOwnPage(name, link string) bool {
	file := strings.ToLower(strings.TrimSuffix(path.Base(strings.SplitN(link, "#", 2)[0]), ".md"))
	short := strings.ToLower(shortName(name))
	return file == short || strings.HasSuffix(file, "-"+short)
}

// inheritedFrom lists the origins a resource's rows name, each once (by
// name, in any letter case), in page order.
func inheritedFrom(rows []tableRow) []model.DerivedRef {
	var out []model.DerivedRef
	seen := map[string]bool{}
	for _, row := range rows {
		for _, ref := range row.inherited {
			if k := strings.ToLower(ref.Name); !seen[k] {
				seen[k] = true
				out = append(out, ref)
			}
		}
	}
	return out
}
