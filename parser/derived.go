package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/docgen/model"
)

// A base type's page may name the types derived from it, which their own
// pages sometimes do not ("Inherits from" is missing on
// acceptJoinResponse's page, while participantJoiningResponse's page lists
// it): a "Derived types" section, or a sentence such as "the derived types
// are [a](a.md) and [b](b.md)" or "This is the base type for … [room](room.md)
// and [roomList](roomlist.md)". And a page whose Methods table links to
// API pages documents an entity: something the API addresses by id.

// derivedMarker ends the text after which a sentence's links name derived
// types: "the derived types are", "derived types:", "base type for richer
// location types such as"; current pages also write "Base type of
// [a](a.md), [b](b.md), and [c](c.md).", "A base class for …", "x is the
// base type for …", "Represents a base type for …", "Base type for the
// [a](a.md) and [b](b.md) types.", "Subtypes include …" and "This type is
// inherited by …".
var derivedMarker = lazyRegexp(`(?i)(?:\bderived types?\b(?:\s+(?:are|include|is))?:?|\bbase (?:type|class|resource) (?:for|of)\b.*\bsuch as|(?:^|\bis |\brepresents )(?:the |an? )?base (?:type|class|resource) (?:for|of)(?: the)?|\bsubtypes? (?:are|include)|\b(?:type|resource) is inherited by)\s*$`)

// derivedTrailer is the text right after a sentence's links that makes
// them derived types: "[a](a.md) and [b](b.md) types inherit from this
// type" (callRecords' endpoint and userAgent pages), "… from which the
// [a](a.md) resource type is derived." (networkaccess' policyRule and
// policyLink): "derived" must end the sentence there, as "the [a](a.md)
// type is derived from [b](b.md)" names a's base, not this type.
var derivedTrailer = lazyRegexp(`(?i)^[\s),]*(?:(?:resource |entity |complex )?(?:types?|resources?|classes|objects))?\s*(?:(?:inherits?|derives?) from this\b|(?:is|are) derived\s*(?:\.|$))`)

// derivedHint is what a paragraph must mention to be read for derived
// types at all.
var derivedHint = lazyRegexp(`(?i)\bderived types?\b|\b(?:inherits?|derives?) from this\b|\bbase (?:type|class|resource)\b|\btypes derive\b|\bderived? from (?:this|the)\b|\bthat derive from\b|\binherited by\b|\bsubtypes?\b|\bimplementations of this\b|\bfrom which\b`)

// derivedAnnounced: a paragraph that ends in a colon and speaks of derived
// types announces a list of them ("Supported derived types:"), as current
// pages word it too: "The following types are derived from this resource
// type:", "Entities that derive from caseOperation include:", "This
// resource is inherited by the following resource types:", "This
// resource is the base type for the following evidence types:",
// "Implementations of this type include:", "This is an abstract type from
// which the following resources are derived:".
var derivedAnnounced = lazyRegexp(`(?i)(?:\bderived types?\b|\bderived from (?:this|the)\b|\bthat derive from\b|\binherited by the following\b|\bbase (?:type|class|resource) for the following\b|\bimplementations of this\b|\bsubtypes\b|\bfrom which the following\b.*\bderived\b).*:\s*$`)

// noteDerivedLinks records the links of an intro sentence (text is the
// paragraph's plain text) that follow a derivedMarker, up to the end of the sentence; a paragraph that announces
// a list hands over to the list after it.
func (p *pageParser) noteDerivedLinks(para *ast.Paragraph, text string) {
	if !mayMatch(text, "derive", "base ", "inherit", "subtype", "implementations") || !derivedHint().MatchString(text) {
		return // most paragraphs: one linear scan
	}
	var before strings.Builder
	collecting := false
	var sentenceLinks []ast.Node // links of the sentence so far, for a phrase after them
	afterLink := 0
	for child := para.FirstChild(); child != nil; child = child.NextSibling() {
		c := child
		if _, ok := c.(*ast.Emphasis); ok && c.ChildCount() == 1 {
			c = c.FirstChild() // **[x](x.md)**
		}
		if _, ok := c.(*ast.Link); ok && collecting {
			p.derivedLinks(c)
			continue
		}
		start := before.Len()
		writePlainNode(&before, child, p.src.text)
		if _, ok := c.(*ast.Link); ok {
			sentenceLinks, afterLink = append(sentenceLinks, c), before.Len()
			continue
		}
		if len(sentenceLinks) > 0 && derivedTrailer().MatchString(before.String()[afterLink:]) {
			// "The [a](a.md) and [b](b.md) types inherit from this type."
			for _, l := range sentenceLinks {
				p.derivedLinks(l)
			}
			sentenceLinks = nil
		}
		if strings.Contains(before.String()[start:], ". ") {
			collecting, sentenceLinks = false, nil // the sentence ended
		}
		if !collecting && isLinkNode(child.NextSibling()) {
			// The phrase must stand right before a link: "Base type for
			// **reasons** why an [x](x.md) …" names no derived type.
			tail := sentenceTail(lastBytes(before.String(), phraseWindow))
			collecting = mayMatch(tail, "derived type", "such as", "base ", "subtype", "inherited by") && derivedMarker().MatchString(strings.TrimSpace(tail)+" ")
		}
	}
	p.derivedListNext = mayMatch(before.String(), "derive", "inherited by", "base ", "implementations", "subtypes") && derivedAnnounced().MatchString(before.String())
}

// isLinkNode: a link, or one wrapped in emphasis (**[x](x.md)**).
func isLinkNode(n ast.Node) bool {
	if _, ok := n.(*ast.Emphasis); ok && n.ChildCount() == 1 {
		n = n.FirstChild()
	}
	_, ok := n.(*ast.Link)
	return ok
}

// derivedListLinks records the links of a list's items, not of the lists
// nested in them: a nested item derives from the item above it
// (artifact's page lists host, and under it hostname and ipAddress).
func (p *pageParser) derivedListLinks(list *ast.List) {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if _, nested := c.(*ast.List); !nested {
				p.derivedLinks(c)
			}
		}
	}
}

// derivedLinks records every link to a resource page inside n.
func (p *pageParser) derivedLinks(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := c.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		if strings.Contains(dest, "/api/") || strings.Contains(dest, "://") {
			return ast.WalkSkipChildren, nil
		}
		name := strings.Trim(plainText(l, p.src.text), "` *")
		if !isQualifiedName(name) {
			name = linkTargetName(dest)
		}
		if name != "" && linkTargetName(dest) != "" {
			p.derived = append(p.derived, model.DerivedRef{Name: name, Link: dest, Pos: p.posOf(nodeOffset(l))})
		}
		return ast.WalkSkipChildren, nil
	})
}
