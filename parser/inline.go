package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/docgen/model"
)

// inlineText renders a node's inline content as plain text: emphasis and
// code markers dropped, links reduced to their text, <br> to a space.
func (p *pageParser) inlineText(n ast.Node) string {
	return plainText(n, p.src.text)
}

func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writePlain(&b, n, src)
	return strings.Join(strings.Fields(b.String()), " ")
}

func writePlain(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.URL(src))
		case *ast.RawHTML:
			// Tags carry no text; <br> separates words.
			b.WriteByte(' ')
		default:
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			writePlain(b, c, src)
		}
	}
}

// textOf pairs a block's English plain text with its localized rendering,
// recovered from the span pairs that stood in its source range.
func (p *pageParser) textOf(n ast.Node, english string) model.Text {
	t := model.Text{English: english}
	if len(p.src.pairs) == 0 || n.Lines().Len() == 0 {
		return t
	}
	start := n.Lines().At(0).Start
	end := n.Lines().At(n.Lines().Len() - 1).Stop
	if local, changed := p.src.localize(start, end); changed {
		t.Localized = snippetText(local)
	}
	return t
}

// snippetText renders a fragment of inline markdown as plain text.
func snippetText(s string) string {
	src := []byte(s)
	doc := markdown.Parser().Parse(text.NewReader(src))
	return plainText(doc, src)
}
