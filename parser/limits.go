package parser

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/graphdocgen/docgen/model"
)

// Limits on one page. Real Graph pages stay far below them (the largest
// v1.0 page is 82 KB, its longest line 1.4 KB, its deepest nesting two
// containers); they exist so that junk input costs bounded time and memory.
const (
	// MaxPageBytes caps a page: goldmark holds up to ~130 bytes of syntax
	// tree per input byte for dense inline markup, so 8 MiB costs about 1 GiB
	// at worst. ParseFiles reads no more than this (plus one byte) of a file.
	MaxPageBytes = 8 << 20
	// MaxLineBytes caps a line: no real line comes near it, and a few
	// goldmark paths cost the square of a line's length.
	MaxLineBytes = 64 << 10
	// MaxContainers caps the block quote and list markers that open one
	// line ("> > - 1. x"): goldmark's cost grows with their square.
	MaxContainers = 32
	// MaxDepth caps the depth of the syntax tree (nested emphasis, lists
	// nested by indentation): the tree is walked recursively.
	MaxDepth = 128
	// MaxSampleDepth caps nesting inside a JSON representation.
	MaxSampleDepth = 64
)

// Inline markup budget. Some goldmark paths cost the product of a block's
// size and its number of brackets or emphasis delimiters (an unmatched "]"
// rescans its block; mixed "*" and "_" delimiters pair up in quadratic
// time), and link reference definitions the product of definitions and
// lines. Every such markup character is charged the size of its block
// against a budget proportional to the page, and one the budget cannot
// pay for is read as text (DG008), so the work done is bounded by the
// budget. Real pages use at most 5% of it (user.md).
const (
	budgetPerByte = 16
	budgetBase    = 4 << 20
)

// markdown is shared: goldmark parsers are safe for concurrent use. It is
// goldmark's default parser with GFM tables (gfmtable.go), and with every
// inline parser and the link reference transformer wrapped to draw on the
// page's budget.
var markdown = gparser.NewParser(append(budgetedOptions(),
	gparser.WithParagraphTransformers(util.Prioritized(tableTransformer{}, tablePriority)),
	gparser.WithASTTransformers(util.Prioritized(pipeUnescaper{}, pipePriority)),
)...)

// budgetedOptions are goldmark's defaults with the budget, without tables.
func budgetedOptions() []gparser.Option {
	var inline []util.PrioritizedValue
	for _, v := range gparser.DefaultInlineParsers() {
		inline = append(inline, util.Prioritized(budgeted{v.Value.(gparser.InlineParser)}, v.Priority))
	}
	var para []util.PrioritizedValue
	for _, v := range gparser.DefaultParagraphTransformers() {
		if v.Value == gparser.LinkReferenceParagraphTransformer {
			v.Value = budgetedTransformer{v.Value.(gparser.ParagraphTransformer)}
		}
		para = append(para, v)
	}
	return []gparser.Option{
		gparser.WithBlockParsers(gparser.DefaultBlockParsers()...),
		gparser.WithInlineParsers(inline...),
		gparser.WithParagraphTransformers(para...),
	}
}

// budget is the inline markup budget of one page, shared by every goldmark
// pass over it (the page, then localized snippets).
type budget struct {
	left    int
	spentAt int // source offset of the first markup refused; -1 while none is
	// The block last charged and its size, since goldmark parses a block's
	// inlines together.
	block     ast.Node
	blockSize int
}

var budgetKey = gparser.NewContextKey()

func newBudget(pageBytes int) *budget {
	return &budget{left: budgetPerByte*pageBytes + budgetBase, spentAt: -1}
}

// charge takes cost from the budget; false means the budget cannot pay
// and the markup at offset is to be read as text. A refusal costs nothing,
// so cheaper markup elsewhere (a small block) is still read.
func (b *budget) charge(cost, offset int) bool {
	if b.left < cost {
		if b.spentAt < 0 {
			b.spentAt = offset
		}
		return false
	}
	b.left -= cost
	return true
}

// parse runs goldmark over src with budget b.
func parse(src []byte, b *budget) ast.Node {
	pc := gparser.NewContext()
	pc.Set(budgetKey, b)
	return markdown.Parse(text.NewReader(src), gparser.WithContext(pc))
}

// budgeted wraps an inline parser: each trigger character costs the size
// of its block.
type budgeted struct{ gparser.InlineParser }

func (w budgeted) Parse(parent ast.Node, block text.Reader, pc gparser.Context) ast.Node {
	if b, ok := pc.Get(budgetKey).(*budget); ok {
		if parent != b.block {
			b.block, b.blockSize = parent, blockSize(parent)
		}
		_, seg := block.PeekLine()
		if !b.charge(1+b.blockSize, seg.Start) {
			return nil
		}
	}
	return w.InlineParser.Parse(parent, block, pc)
}

// CloseBlock passes the end of a block on to parsers that keep state
// across it (the link parser).
func (w budgeted) CloseBlock(parent ast.Node, block text.Reader, pc gparser.Context) {
	if cb, ok := w.InlineParser.(gparser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}

// blockSize is the byte span of the block whose inlines are being parsed.
func blockSize(n ast.Node) int {
	for i := 0; n != nil && i < 8; i, n = i+1, n.Parent() {
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			return lines.At(lines.Len()-1).Stop - lines.At(0).Start
		}
	}
	return 0
}

// budgetedTransformer wraps the link reference definition transformer,
// whose cost is at most the square of the paragraph's lines.
type budgetedTransformer struct{ gparser.ParagraphTransformer }

func (w budgetedTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc gparser.Context) {
	if b, ok := pc.Get(budgetKey).(*budget); ok {
		lines := node.Lines()
		if lines.Len() > 1 && bytes.IndexByte(reader.Source()[lines.At(0).Start:lines.At(0).Stop], '[') >= 0 &&
			!b.charge(lines.Len()*lines.Len(), lines.At(0).Start) {
			return // definitions stay as paragraph text
		}
	}
	w.ParagraphTransformer.Transform(node, reader, pc)
}

// checkLines refuses a page with a line over MaxLineBytes or more than
// MaxContainers container markers opening one line, reporting the first.
func checkLines(raw []byte, path string, diags *model.Diagnostics) bool {
	line := 1
	for rest := raw; len(rest) > 0; line++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(l) > MaxLineBytes {
			diags.Report(model.Pos{File: path, Line: line, Col: MaxLineBytes + 1}, model.LineTooLong,
				"line is %d bytes long, over the limit of %d; page skipped", len(l), MaxLineBytes)
			return false
		}
		if n, col := containers(l); n > MaxContainers {
			diags.Report(model.Pos{File: path, Line: line, Col: col}, model.NestingTooDeep,
				"%d block quote or list markers open this line, over the limit of %d; page skipped", n, MaxContainers)
			return false
		}
	}
	return true
}

// containers counts the block quote and list markers that open a line,
// and returns the 1-based column just past the limit's marker. It
// over-counts rather than under-counts (a thematic break "- - -" counts).
func containers(l []byte) (n, col int) {
	i := 0
	for {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		if i >= len(l) {
			return n, col
		}
		spaceAfter := func(j int) bool { return j >= len(l) || l[j] == ' ' || l[j] == '\t' }
		switch c := l[i]; {
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && spaceAfter(i+1):
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j >= len(l) || l[j] != '.' && l[j] != ')' || !spaceAfter(j+1) {
				return n, col
			}
			i = j + 1
		default:
			return n, col
		}
		if n++; n == MaxContainers+1 {
			col = i
		}
	}
}

// treeDepth is the depth of the deepest node under doc and that node,
// found without recursion so that a deep tree cannot exhaust the stack.
func treeDepth(doc ast.Node) (int, ast.Node) {
	depth, max, deepest := 0, 0, doc
	n := doc
	for n != nil {
		if c := n.FirstChild(); c != nil {
			n = c
			depth++
			if depth > max {
				max, deepest = depth, n
			}
			continue
		}
		for n != nil && n != doc && n.NextSibling() == nil {
			n = n.Parent()
			depth--
		}
		if n == nil || n == doc {
			break
		}
		n = n.NextSibling()
	}
	return max, deepest
}
