package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/docgen/model"
)

// untitled gathers what a page says of its type when it carries no
// resource annotation (licenseassignmentstate.md, itempreviewinfo.md):
// the "x resource type" title and the JSON representation.
type untitled struct {
	name       string // x of "# x resource type"
	pos        model.Pos
	inJSON     bool // under a "JSON representation" heading
	sample     []byte
	sampleLine int
	hasSample  bool
	annotated  bool // the page has a resource annotation, even a broken one
}

// noteTitle records the H1 "x resource type" and whether the section a
// heading opens holds the JSON representation.
func (p *pageParser) noteTitle(h *ast.Heading, words []string, title string) {
	p.untitled.inJSON = strings.Contains(title, "json representation") || strings.Contains(title, "json") && translatedTitle(title)
	if h.Level == 1 && p.untitled.name == "" && len(words) == 3 && isIdentifier(words[0]) &&
		strings.EqualFold(words[1]+" "+words[2], "resource type") {
		p.untitled.name, p.untitled.pos = words[0], p.posOf(blockStart(h))
	} else if h.Level == 1 && p.untitled.name == "" && translatedTitle(title) {
		if name := translatedTitleName(strings.Join(words, " ")); name != "" {
			p.untitled.name, p.untitled.pos = name, p.posOf(blockStart(h)) // "Тип ресурса lamp", "lamp 资源类型"
		}
	}
}

// noteSample keeps the first JSON block of a JSON representation section
// that no annotation claims (an annotated one is read in htmlBlock).
func (p *pageParser) noteSample(fence *ast.FencedCodeBlock) {
	u := &p.untitled
	if u.hasSample || !u.inJSON || !strings.EqualFold(string(fence.Language(p.src.text)), "json") || fence.Lines().Len() == 0 {
		return
	}
	u.sample = segmentsValue(fence.Lines(), p.src.text)
	u.sampleLine = p.src.line(fence.Lines().At(0).Start)
	u.hasSample = true
}

// resourceFromTitle makes the page's type from its title, Properties table
// and JSON representation when it has all three and no annotation, so that
// the properties typed with it resolve. It is a warning: the annotation
// gives the key, base and open-ness a page without it cannot.
func (p *pageParser) resourceFromTitle() {
	u := p.untitled
	if u.annotated || u.name == "" || !u.hasSample || len(p.tables) == 0 {
		return
	}
	res := &model.Resource{Name: p.qualify(u.name), Pos: u.pos, Unannotated: true}
	p.diags.Report(u.pos, model.ResourceNoAnnotation, "page documents %s (title, Properties table, JSON representation) without a resource annotation; the type is read from them", res.Name)
	p.resources = append(p.resources, &pendingResource{
		res:    res,
		offset: len(p.src.text),
		sample: readSample(u.sample, p.path, u.sampleLine, &p.diags),
	})
}
