package parser

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/docgen/model"
)

// An intro paragraph that ends in a colon introduces what follows it: a
// list is kept with it, as a Go doc-comment list; anything else (a code
// block, a table) is not prose, and a comment ending in a dangling colon
// would mislead, so the paragraph is dropped.

// settleIntroduction drops a paragraph ending in ":" unless n, the next
// block, is a list (nil at the end of the page).
func (p *pageParser) settleIntroduction(n ast.Node) {
	if p.introduction == nil {
		return
	}
	if _, isList := n.(*ast.List); isList && p.inIntro {
		return
	}
	p.description = *p.introduction
	p.introduction = nil
}

// addList appends an intro list to the description as one paragraph of
// doc-comment list items ("  - item", "  1. item").
func (p *pageParser) addList(list *ast.List) {
	var english, localized []string
	anyLocalized := false
	n := list.Start
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "  - "
		if list.IsOrdered() {
			marker = fmt.Sprintf("  %d. ", n)
			n++
		}
		text := p.inlineText(item)
		if text == "" {
			continue
		}
		t := model.Text{English: text}
		if first := item.FirstChild(); first != nil && first.Lines().Len() > 0 {
			t = p.textOf(first, text) // the item's text block holds its source range
			t.English = text
		}
		english = append(english, marker+t.English)
		if t.Localized != "" {
			anyLocalized = true
			localized = append(localized, marker+t.Localized)
		} else {
			localized = append(localized, marker+t.English)
		}
	}
	p.introduction = nil
	if len(english) == 0 {
		return
	}
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + "\n\n" + b
	}
	p.description.English = join(p.description.English, strings.Join(english, "\n"))
	if anyLocalized || p.description.Localized != "" {
		p.description.Localized = join(p.description.Localized, strings.Join(localized, "\n"))
	}
}
