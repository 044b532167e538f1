package parser

import (
	"bytes"
	"sort"
	"strings"
)

// source is a page prepared for goldmark: front matter blanked (or cut off)
// and span pairs replaced by their English half, with enough bookkeeping to map byte offsets
// back to original lines and to recover the localized half of any range.
type source struct {
	text        []byte
	lineStarts  []int // byte offset where each line of text begins
	origLine    []int // original 1-based line of each line of text
	pairs       []spanPair
	frontMatter map[string]string
	// frontMatterOpen: the page opens a front matter block with --- and
	// never closes it.
	frontMatterOpen bool
	// lead is how many lines of front matter precede text, when text is
	// the rest of the page as it is (not a copy with the matter as empty
	// lines).
	lead int
}

// spanPair records where an English half landed in text and what it replaced.
type spanPair struct {
	start, end int // range of the English half in text
	localized  string
}

// spanPairRE matches a translation pair. It runs over the raw file, before any
// block structure exists, because a localized half may contain newlines that
// would otherwise split table rows.
var spanPairRE = lazyRegexp(`(?s)<span data-ttu-id="[^"]*">(.*?)</span><span class="sxs-lookup"><span data-stu-id="[^"]*">(.*?)</span></span>`)

func newSource(raw []byte) *source { return buildSource(raw, false) }

// buildSource is newSource; with copied, the text is always the copy with
// the front matter as empty lines (for the test that compares the two).
func buildSource(raw []byte, copied bool) *source {
	s := &source{frontMatter: map[string]string{}}
	blank, raw := s.blankFrontMatter(raw)
	if !copied && !bytes.Contains(raw, spanPairStart) {
		// No translation pair: the text is the page after its front
		// matter, as it is, and its first line the line after the matter.
		s.text, s.lead = raw, blank
		lines := bytes.Count(raw, newline) + 1
		s.lineStarts = append(make([]int, 0, lines), 0)
		s.origLine = append(make([]int, 0, lines), blank+1)
		for i := bytes.IndexByte(raw, '\n'); i >= 0; {
			s.lineStarts = append(s.lineStarts, i+1)
			s.origLine = append(s.origLine, blank+len(s.lineStarts))
			j := bytes.IndexByte(raw[i+1:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
		}
		return s
	}

	// Build the text and, for each line of it, the original line it starts
	// on: the front matter's blank lines, then raw with each span pair
	// replaced by its English half, in one copy.
	lines := blank + bytes.Count(raw, []byte("\n")) + 1
	out := make([]byte, 0, blank+len(raw))
	origLine := 1
	s.origLine = append(make([]int, 0, lines), 1)
	s.lineStarts = append(make([]int, 0, lines), 0)
	copyText := func(b []byte) {
		for {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				out = append(out, b...)
				return
			}
			out = append(out, b[:i+1]...)
			b = b[i+1:]
			origLine++
			s.lineStarts = append(s.lineStarts, len(out))
			s.origLine = append(s.origLine, origLine)
		}
	}
	for range blank {
		copyText(newline)
	}
	last := 0
	for _, m := range spanPairRE().FindAllSubmatchIndex(raw, -1) {
		copyText(raw[last:m[0]])
		localized := raw[m[2]:m[3]]
		start := len(out)
		copyText(raw[m[4]:m[5]])
		s.pairs = append(s.pairs, spanPair{start: start, end: len(out), localized: string(localized)})
		// Newlines dropped with the rest of the pair still count as original lines.
		origLine += bytes.Count(raw[m[0]:m[1]], []byte("\n")) - bytes.Count(raw[m[4]:m[5]], []byte("\n"))
		last = m[1]
	}
	copyText(raw[last:])
	s.text = out
	return s
}

var (
	newline       = []byte("\n")
	spanPairStart = []byte(`<span data-ttu-id="`) // spanPairRE's literal start
)

// blankFrontMatter finds a leading YAML block, which the text replaces with
// empty lines (blank of them), so goldmark does not read it as a thematic
// break and heading, and line numbers hold; rest is what follows it. It
// keeps the simple `key: value` pairs for the page's locale. A block that
// never closes is left to goldmark (blank is 0, rest all of raw), and
// frontMatterOpen set for the caller to report.
func (s *source) blankFrontMatter(raw []byte) (blank int, rest []byte) {
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	if !bytes.HasPrefix(raw, []byte("---\n")) && !bytes.HasPrefix(raw, []byte("---\r\n")) {
		return 0, raw
	}
	// Line by line up to the closing "---" (not the whole page).
	rest = raw[bytes.IndexByte(raw, '\n')+1:]
	for i := 1; len(rest) > 0; i++ {
		raw1, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		line := strings.TrimRight(string(raw1), "\r")
		if line == "---" {
			return i + 1, rest
		}
		if k, v, ok := strings.Cut(line, ":"); ok {
			s.frontMatter[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	// Not closed: leave it to goldmark; the caller reports it.
	s.frontMatter = map[string]string{}
	s.frontMatterOpen = true
	return 0, raw
}

// line maps a byte offset in text to the original 1-based line.
func (s *source) line(offset int) int {
	i := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	return s.origLine[i]
}

// localize returns text[start:end] with every English half inside it replaced
// by its localized half, and whether any replacement happened.
func (s *source) localize(start, end int) (string, bool) {
	i := sort.Search(len(s.pairs), func(i int) bool { return s.pairs[i].end > start })
	var b strings.Builder
	pos, changed := start, false
	for ; i < len(s.pairs) && s.pairs[i].start < end; i++ {
		p := s.pairs[i]
		if p.start < pos || p.end > end {
			continue // straddles the range: keep the English
		}
		b.Write(s.text[pos:p.start])
		b.WriteString(strings.ReplaceAll(p.localized, "\n", " "))
		pos, changed = p.end, true
	}
	b.Write(s.text[pos:end])
	return b.String(), changed
}
