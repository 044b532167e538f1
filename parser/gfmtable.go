package parser

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// GFM tables, read into the same nodes, at the same priorities and with
// the same corner cases as goldmark's extension.Table, without importing
// goldmark/extension: that package compiles linkify's regular expressions
// when the program starts (4-6 ms of every run, a third of a one-page
// run's start-up), and docgen needs only its tables.
// TestTablesMatchGoldmark holds both to the same trees over the corpus and
// constructed cases; FuzzTablesMatchGoldmark explores.

// tableTransformer turns a paragraph whose lines hold a header row and a
// delimiter row into a table: the lines before the header stay a
// paragraph, every line after the delimiter row is a body row.
type tableTransformer struct{}

// tablePriority and pipePriority are extension.Table's: tables are read
// after link reference definitions (100) are taken out of the paragraph.
const (
	tablePriority = 200
	pipePriority  = 0
)

func (tableTransformer) Transform(para *ast.Paragraph, reader text.Reader, pc gparser.Context) {
	lines := para.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		aligns := delimiterRow(lines.At(i), src)
		if aligns == nil {
			continue
		}
		header := gfmRow(lines.At(i-1), aligns, true, src, pc)
		if header.ChildCount() != len(aligns) {
			return // the first delimiter row decides, as in goldmark
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(para.Pos())
		table.AppendChild(table, east.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, gfmRow(lines.At(j), aligns, false, src, pc))
		}
		parent := para.Parent()
		lines.SetSliced(0, i-1)
		parent.InsertAfter(parent, para, table)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
			return
		}
		// The paragraph's new last line loses its newline. (When a setext
		// underline closed the paragraph before this, nothing trims it
		// after.)
		last := lines.At(i - 2)
		last.Stop--
		lines.Set(i-2, last)
		return
	}
}

// delimiterRow reads a line such as "|:--|--:|" into one alignment per
// column, or gives nil when the line is not a delimiter row.
func delimiterRow(seg text.Segment, src []byte) []east.Alignment {
	line := seg.Value(src) // with the segment's padding, as goldmark reads it
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	dashesOnly := true
	for _, c := range line {
		if c == '-' {
			continue
		}
		dashesOnly = false
		if c != '|' && c != ':' && !util.IsSpace(c) {
			return nil
		}
	}
	if dashesOnly { // a setext underline or a thematic break
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var aligns []east.Alignment
	for _, col := range cols {
		a, ok := columnAlignment(col)
		if !ok {
			return nil
		}
		aligns = append(aligns, a)
	}
	return aligns
}

// columnAlignment reads one delimiter cell: dashes with an optional colon
// at either end, between spaces.
func columnAlignment(col []byte) (east.Alignment, bool) {
	col = util.TrimRightSpace(util.TrimLeftSpace(col))
	left := len(col) > 0 && col[0] == ':'
	if left {
		col = col[1:]
	}
	right := len(col) > 0 && col[len(col)-1] == ':'
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 || len(bytes.Trim(col, "-")) != 0 {
		return east.AlignNone, false
	}
	switch {
	case left && right:
		return east.AlignCenter, true
	case left:
		return east.AlignLeft, true
	case right:
		return east.AlignRight, true
	}
	return east.AlignNone, true
}

// gfmRow splits a line into cells at the pipes that no backslash
// escapes. A header row keeps every cell, so that a count that does not
// match the delimiter row can refuse the table; a body row drops the cells
// past the last column and is padded with empty cells up to it.
func gfmRow(seg text.Segment, aligns []east.Alignment, header bool, src []byte, pc gparser.Context) *east.TableRow {
	trimmed := seg.TrimLeftSpace(src)
	trimmed = trimmed.TrimRightSpace(src)
	line := src[trimmed.Start:trimmed.Stop]
	row := east.NewTableRow(aligns)
	row.SetPos(seg.Start)
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > 0 && line[limit-1] == '|' {
		limit--
	}
	col := 0
	for ; pos < limit; col++ {
		align := east.AlignNone
		if col < len(aligns) {
			align = aligns[col]
		} else if !header {
			return row
		}
		cell := east.NewTableCell()
		// goldmark's cell position: the offset in the trimmed line, counted
		// from the untrimmed line's start.
		cell.SetPos(seg.Start + pos - seg.Padding)
		cell.Alignment = align
		var escapes *pipeEscapes
		backtick := false
		end := pos
		for ; end < limit; end++ {
			c := line[end]
			if c == '`' {
				backtick = true
			}
			if c != '|' {
				continue
			}
			if end == 0 || line[end-1] != '\\' {
				break
			}
			if backtick {
				// An escaped pipe inside a code span: the backslash is
				// dropped from the span once inlines are parsed.
				if escapes == nil {
					escapes = &pipeEscapes{cell: cell}
					list, _ := pc.Get(pipeEscapesKey).([]*pipeEscapes)
					pc.Set(pipeEscapesKey, append(list, escapes))
				}
				escapes.at = append(escapes.at, trimmed.Start+end-1)
			}
		}
		content := text.NewSegment(trimmed.Start+pos, trimmed.Start+end)
		content = content.TrimLeftSpace(src)
		content = content.TrimRightSpace(src)
		cell.Lines().Append(content)
		row.AppendChild(row, cell)
		pos = end + 1
	}
	for ; col < len(aligns); col++ {
		row.AppendChild(row, east.NewTableCell())
	}
	return row
}

// pipeEscapes are the source offsets of the backslashes before escaped
// pipes in one cell that holds a backtick.
type pipeEscapes struct {
	cell *east.TableCell
	at   []int
	done bool
}

var pipeEscapesKey = gparser.NewContextKey()

// pipeUnescaper removes, after inline parsing, the backslash of each
// escaped pipe found inside a code span of a table cell: "`a\|b`" in a cell
// is the code a|b. Like goldmark, it splits the span's text around every
// recorded backslash that falls in it, whichever cell recorded it.
type pipeUnescaper struct{}

func (pipeUnescaper) Transform(doc *ast.Document, reader text.Reader, pc gparser.Context) {
	list, _ := pc.Get(pipeEscapesKey).([]*pipeEscapes)
	if list == nil {
		return
	}
	pc.Set(pipeEscapesKey, nil)
	for _, e := range list {
		if e.done {
			continue
		}
		_ = ast.Walk(e.cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || n.Kind() != ast.KindCodeSpan {
				return ast.WalkContinue, nil
			}
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				if c.Kind() != ast.KindText {
					c = next
					continue
				}
				parent := c.Parent()
				span := c.(*ast.Text).Segment
				cur := c
				for _, other := range list {
					for _, at := range other.at {
						if at < span.Start || at >= span.Stop {
							continue
						}
						seg := cur.(*ast.Text).Segment
						before := ast.NewRawTextSegment(seg.WithStop(at))
						after := ast.NewRawTextSegment(seg.WithStart(at + 1))
						parent.InsertAfter(parent, cur, before)
						parent.InsertAfter(parent, before, after)
						parent.RemoveChild(parent, cur)
						cur = after
						other.done = true
					}
				}
				c = next
			}
			return ast.WalkContinue, nil
		})
	}
}
