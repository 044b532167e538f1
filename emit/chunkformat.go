package emit

import (
	"bytes"
	"fmt"
	"go/format"
	"runtime"
	"sync"
	"sync/atomic"
)

// A resource with tens of thousands of properties gives two declarations
// of millions of bytes: its struct and its codec table. go/format holds a
// whole declaration's syntax tree, and formats it on one core. Both are
// regular enough to format in chunks and splice, with the same bytes as
// a result, because gofmt's alignment does not reach across the places
// where they are cut:
//   - a struct's fields align in sections that a comment line ends, so
//     the field list is cut before each doc comment;
//   - the elements of the table's Fields slice each stand on one line,
//     and gofmt aligns nothing across such elements.
// The declaration is formatted with the first chunk only (its skeleton),
// each further chunk alone inside a stand-in declaration, and the chunks'
// lines are put where the first chunk's end. TestChunkFormatMatches checks
// that over the corpus output with every declaration cut, and on a page
// of thousands of properties.

// chunkAbove is the size from which a declaration is formatted in chunks,
// and about the size of a chunk. A variable for that test.
var chunkAbove = func() (v atomic.Int64) { v.Store(256 << 10); return }()

// chunkFormatted counts the declarations formatted in chunks.
var chunkFormatted atomic.Int64

const piecePackage = "package p\n\n"

// formatPiece formats one top-level piece of a file (declarations without
// the package clause), in chunks when it is large and of a shape that
// allows it.
func formatPiece(piece []byte) ([]byte, error) {
	limit := int(chunkAbove.Load())
	if len(piece) >= limit {
		if out, ok := formatChunked(piece, limit); ok {
			chunkFormatted.Add(1)
			return out, nil
		}
	}
	return formatAlone(piece)
}

// formatAlone formats declarations as gofmt would in a file of their own.
func formatAlone(piece []byte) ([]byte, error) {
	b, err := format.Source(append([]byte(piecePackage), piece...))
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(b, []byte(piecePackage)) {
		return nil, fmt.Errorf("unexpected formatting of a piece")
	}
	return b[len(piecePackage):], nil
}

// listShape is one of the two lists formatChunked cuts: where it opens in
// jennifer's text and in gofmt's, the line that closes it in gofmt's, the
// stand-in declaration a chunk is formatted in, and how much deeper the
// list's lines stand in the real declaration than in the stand-in.
type listShape struct {
	open, formattedOpen, formattedClose []byte
	standIn                             string
	extraIndent                         string
	cutBefore                           func(line, prev []byte) bool
}

var (
	structShape = listShape{
		open: []byte(" struct{"), formattedOpen: []byte(" struct {"), formattedClose: []byte("}"),
		standIn: "type _ struct{\n",
		// A doc comment starts a new alignment section.
		cutBefore: func(line, prev []byte) bool {
			return bytes.HasPrefix(line, []byte("//")) && !bytes.HasPrefix(prev, []byte("//"))
		},
	}
	tableShape = listShape{
		open: []byte("Fields : [] graphrt.Field {"), formattedOpen: []byte("\tFields: []graphrt.Field{"), formattedClose: []byte("\t},"),
		standIn: "var _ = []graphrt.Field{\n", extraIndent: "\t",
		cutBefore: func(line, prev []byte) bool { return bytes.HasPrefix(line, []byte("{")) },
	}
)

// formatChunked formats piece in chunks of about limit bytes when it holds
// a large struct or Fields list; ok is false when it holds neither, or any
// step does not go as expected (the caller then formats it whole).
func formatChunked(piece []byte, limit int) (out []byte, ok bool) {
	lines := bytes.SplitAfter(piece, []byte("\n"))
	for _, shape := range []listShape{structShape, tableShape} {
		if out, ok := shape.format(lines, limit); ok {
			return out, true
		}
	}
	return nil, false
}

func (s listShape) format(lines [][]byte, limit int) ([]byte, bool) {
	// The list: from the line after its opening to the line before "}" or
	// "}," in jennifer's text (lines never hold those alone inside it).
	open := -1
	for i, l := range lines {
		if bytes.HasSuffix(bytes.TrimRight(l, "\n"), s.open) {
			open = i
			break
		}
	}
	if open < 0 {
		return nil, false
	}
	end := open + 1
	for end < len(lines) && !isClose(lines[end]) {
		end++
	}
	if end == len(lines) {
		return nil, false
	}
	// Chunks of about limit bytes, each starting where a cut is allowed.
	var chunks [][][]byte
	start, size := open+1, 0
	for i := open + 1; i < end; i++ {
		if size >= limit && i > start && s.cutBefore(lines[i], lines[i-1]) {
			chunks = append(chunks, lines[start:i])
			start, size = i, 0
		}
		size += len(lines[i])
	}
	chunks = append(chunks, lines[start:end])
	if len(chunks) < 2 {
		return nil, false
	}
	// The skeleton: the piece with its first chunk only.
	skeleton := bytes.Join(lines[:open+1], nil)
	skeleton = append(skeleton, bytes.Join(chunks[0], nil)...)
	skeleton = append(skeleton, bytes.Join(lines[end:], nil)...)
	formatted := make([][]byte, len(chunks))
	errs := make([]error, len(chunks))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Go(func() {
			for i := range next {
				if i == 0 {
					formatted[0], errs[0] = formatAlone(skeleton)
					continue
				}
				formatted[i], errs[i] = s.formatChunk(chunks[i])
			}
		})
	}
	for i := range chunks {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, false
		}
	}
	// Splice the chunks in before the line that closes the list in the
	// formatted skeleton.
	out := formatted[0]
	at := bytes.Index(out, s.formattedOpen)
	if at < 0 {
		return nil, false
	}
	closeAt := -1
	for pos := at; pos < len(out); {
		nl := bytes.IndexByte(out[pos:], '\n')
		if nl < 0 {
			break
		}
		line := out[pos : pos+nl]
		if pos > at && bytes.Equal(line, s.formattedClose) {
			closeAt = pos
			break
		}
		pos += nl + 1
	}
	if closeAt < 0 {
		return nil, false
	}
	var b bytes.Buffer
	b.Grow(len(out) + len(formatted)*limit*2)
	b.Write(out[:closeAt])
	for _, f := range formatted[1:] {
		b.Write(f)
	}
	b.Write(out[closeAt:])
	return b.Bytes(), true
}

// formatChunk formats a chunk of list lines inside the stand-in
// declaration and returns its lines as they stand in the real one.
func (s listShape) formatChunk(chunk [][]byte) ([]byte, error) {
	src := append([]byte(s.standIn), bytes.Join(chunk, nil)...)
	src = append(src, "}\n"...)
	b, err := formatAlone(src)
	if err != nil {
		return nil, err
	}
	// Drop the stand-in's first and last lines.
	first := bytes.IndexByte(b, '\n')
	last := bytes.LastIndex(bytes.TrimRight(b, "\n"), []byte("\n"))
	if first < 0 || last <= first {
		return nil, fmt.Errorf("unexpected formatting of a chunk")
	}
	body := b[first+1 : last+1]
	if s.extraIndent == "" {
		return body, nil
	}
	var out bytes.Buffer
	for _, l := range bytes.SplitAfter(body, []byte("\n")) {
		if len(l) > 0 {
			out.WriteString(s.extraIndent)
			out.Write(l)
		}
	}
	return out.Bytes(), nil
}

// isClose: a line of jennifer's text that closes a list.
func isClose(line []byte) bool {
	l := bytes.TrimRight(line, "\n")
	return bytes.Equal(l, []byte("}")) || bytes.Equal(l, []byte("},"))
}
