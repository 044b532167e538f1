package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/docgen/model"
)

// proseBase is a base type named in a page's prose rather than its
// annotation: "Inherits from [alertEvidence](../resources/security-alertevidence.md)".
type proseBase struct {
	name string // the link text (or code span, or camelCase word) as written
	link string // the link target, "" without a link
	pos  model.Pos
	text string // the phrase, for diagnostics
}

// inheritsTail ends the text before a link or code span that names a base:
// "Inherits from", "Derived from", "derives from", with a few filler words
// ("Inherits from base class [x]"), or "A subclass of", "is a type of",
// "creates a subclass from".
// "Inherited from" is left out: rows use it for a single property's origin.
var inheritsTail = lazyRegexp(`(?i)(?:\b(?:inherits|derives|derived) from|(?:^|\bis )an? (?:subclass|type) of|\bsubclass from)\s+(?:(?:the|a|an|base|abstract|class|type|resource|complex)\s+){0,3}$`)

// inheritsWord is the same phrase followed by a plain name. Only a name
// that cannot be an English word (camelCase or qualified) counts.
var inheritsWord = lazyRegexp(`(?i)\b(?:inherits|derives|derived) from\s+([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)`)

// findProseBase looks for the first sentence of an intro paragraph that
// names the page's base type.
func (p *pageParser) findProseBase(para *ast.Paragraph) {
	if p.proseBase != nil {
		return
	}
	var before strings.Builder
	for child := para.FirstChild(); child != nil; child = child.NextSibling() {
		c := child
		if _, ok := c.(*ast.Emphasis); ok && c.ChildCount() == 1 {
			c = c.FirstChild() // **[x](x.md)**
		}
		switch c := c.(type) {
		case *ast.Link, *ast.CodeSpan:
			text := sentenceTail(lastBytes(before.String(), phraseWindow))
			var loc []int
			if mayMatch(text, "inherit", "deriv", "subclass", "type of") {
				loc = inheritsTail().FindStringIndex(text)
			}
			if loc == nil && (nonASCIILetter(text) || mayMatch(text, translatedInheritWords...)) {
				loc = inheritsTailTranslated().FindStringIndex(text)
			}
			if loc == nil && isDefiningArticle(before.String(), child, p.src.text) {
				loc = []int{0, len(text)} // "An [educationOutcome](…) that gives a grade."
			}
			verbAfter := ""
			if loc == nil {
				if verbAfter = translatedVerbAfter(child, p.src.text); verbAfter != "" {
					loc = []int{len(text), len(text)} // "[x](x.md) から継承します"
				}
			}
			if loc != nil {
				name := strings.Trim(plainText(c, p.src.text), "` *")
				if l, ok := c.(*ast.Link); ok && (!isQualifiedName(name) || p.translatedPage() && translatedLinkText(name, linkTargetName(string(l.Destination)))) {
					name = linkTargetName(string(l.Destination)) // translated link text
				}
				if isQualifiedName(name) {
					at := ast.Node(c)
					if c.FirstChild() != nil {
						at = c.FirstChild() // the link text: its own line in a long paragraph
					}
					pb := &proseBase{name: name, pos: p.posOf(nodeOffset(at)), text: text[loc[0]:] + name + verbAfter}
					if l, ok := c.(*ast.Link); ok {
						pb.link = string(l.Destination)
					}
					p.proseBase = pb
					return
				}
			}
		}
		writePlainNode(&before, child, p.src.text)
	}
	text := before.String()
	if !mayMatch(text, "inherits", "derive") {
		return
	}
	if m := inheritsWord().FindStringSubmatchIndex(text); m != nil {
		name := strings.TrimRight(text[m[2]:m[3]], ".")
		if strings.Contains(name, ".") || isCamelCase(name) {
			p.proseBase = &proseBase{name: name, pos: p.posOf(blockStart(para)), text: text[m[0]:m[2]] + name}
		}
	}
}

// writePlainNode writes one inline node as plain text.
func writePlainNode(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(n.Value)
	case *ast.RawHTML:
		b.WriteByte(' ')
	default:
		writePlain(b, n, src)
	}
}

// sentenceTail is the last sentence of s (what follows the last full
// stop, Latin or ideographic).
func sentenceTail(s string) string {
	if i := strings.LastIndex(s, "。"); i >= 0 {
		s = s[i+len("。"):]
	}
	if i := strings.LastIndex(s, ". "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// phraseWindow is how much of the text before a link the phrase
// patterns look at: they end at the link and are a few words long, and a
// bounded window keeps a paragraph of thousands of links linear.
const phraseWindow = 300

// lastBytes is the end of s, at most n bytes, starting at a rune.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// translatedVerbAfter returns the words right after a link that say the
// link names the base, as in languages that put the verb last; "" when
// there are none.
func translatedVerbAfter(link ast.Node, src []byte) string {
	next, ok := link.NextSibling().(*ast.Text)
	if !ok {
		return ""
	}
	return string(inheritsHeadTranslated().Find(next.Segment.Value(src)))
}

// isQualifiedName accepts an identifier or a dotted, namespace-qualified one.
func isQualifiedName(s string) bool {
	if s == "" || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	for part := range strings.SplitSeq(s, ".") {
		if !isIdentifier(part) {
			return false
		}
	}
	return true
}

// applyProseBase gives the page's one resource the base its prose names,
// when the annotation names none, and reports a disagreement otherwise:
// the annotation wins.
func (p *pageParser) applyProseBase(resources []*model.Resource) {
	pb := p.proseBase
	if pb == nil || len(resources) != 1 {
		return
	}
	res := resources[0]
	if strings.EqualFold(shortName(pb.name), res.ShortName()) {
		return // "x derives from y": the name before "from" was not the base
	}
	if res.BaseType == "" {
		res.BaseType, res.BaseSource, res.BaseLink = pb.name, model.SourceProse, pb.link
		p.diags.Report(pb.pos, model.BaseFromProse, "the annotation of %s names no base type; the prose %q is read as its base", res.Name, pb.text)
		return
	}
	if !sameTypeName(res.BaseType, pb.name) {
		res.ProseBase, res.ProseBaseLink = pb.name, pb.link
		kept := "the annotation is kept"
		if strings.EqualFold(res.BaseType, "microsoft.graph.entity") {
			kept += " unless the page lists properties of the prose's type (DG054)"
		}
		p.diags.Report(pb.pos, model.BaseProseDisagrees, "the prose %q names another base type for %s than its annotation, %s; %s", pb.text, res.Name, res.BaseType, kept)
	}
}

func shortName(name string) string { return name[strings.LastIndexByte(name, '.')+1:] }

// sameTypeName compares a qualified name with one that may be bare.
func sameTypeName(qualified, name string) bool {
	if strings.Contains(name, ".") {
		return strings.EqualFold(qualified, name)
	}
	return strings.EqualFold(shortName(qualified), name)
}

// isCamelCase: a lower-case first letter and an upper-case one later, as
// Graph type names are (apiAuthenticationConfigurationBase), unlike words.
func isCamelCase(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z' && strings.ToLower(s) != s
}

// isDefiningArticle: a paragraph that opens "A [x](x.md) that …" or
// "An [x](x.md) which …" defines the page's type as a kind of x.
func isDefiningArticle(before string, link ast.Node, src []byte) bool {
	if a := strings.TrimSpace(before); !strings.EqualFold(a, "a") && !strings.EqualFold(a, "an") {
		return false
	}
	next, ok := link.NextSibling().(*ast.Text)
	if !ok {
		return false
	}
	after := string(next.Segment.Value(src))
	return strings.HasPrefix(after, " that ") || strings.HasPrefix(after, " which ")
}
