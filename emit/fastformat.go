package emit

import (
	"bytes"
	doccomment "go/doc/comment"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// fastFormat gives the bytes go/format.Source gives for the source jennifer
// writes for docgen's declarations, without building a syntax tree: the
// largest cost of a run, and most of the memory of a page with thousands of
// properties, was go/parser and go/printer. It works line by line, as
// jennifer already breaks lines where gofmt keeps them:
//
//   - indentation from the brackets left open at the end of earlier lines
//     (case clauses one level out);
//   - the spaces between the tokens of a line, by the rules gofmt applies
//     to the constructs docgen writes;
//   - the columns gofmt aligns: struct fields, constant specs and the
//     key: value lines of a composite literal, in runs of lines that no
//     comment or multi-line element interrupts;
//   - doc comments in the canonical form of go/doc/comment (gofmt reformats
//     every comment that starts a line and abuts the next token);
//   - gofmt's blank lines between top-level declarations.
//
// Anything else (an operator, keyword or layout docgen never writes) makes
// it return false, and the caller formats with go/format instead.
// TestFastFormatMatches compares the two on every file of the corpus
// output, the golden cases and the fuzzed pages.
func fastFormat(src []byte) ([]byte, bool) {
	// What go/scanner rejects or rewrites in any token or comment (NUL,
	// invalid UTF-8, a byte order mark, carriage returns, which it drops
	// from comments) is left to go/format, which reports or rewrites it.
	if !utf8.Valid(src) || bytes.IndexByte(src, 0) >= 0 || bytes.IndexByte(src, '\r') >= 0 || bytes.Contains(src, []byte("\ufeff")) {
		return nil, false
	}
	f := formatters.Get().(*fastFormatter)
	defer f.put()
	*f = fastFormatter{out: make([]byte, 0, len(src)+len(src)/8),
		stack: f.stack[:0], toks: f.toks[:0], columns: f.columns[:0], comment: f.comment[:0], cells: f.cells[:0]}
	if !f.run(src) {
		return nil, false
	}
	return f.out, true
}

// formatters keeps a fastFormatter's slices from file to file: grown anew
// for each, they were a tenth of formatting's time.
var formatters = sync.Pool{New: func() any { return new(fastFormatter) }}

// put returns f to formatters without what it points into: the source and
// the output are the caller's.
func (f *fastFormatter) put() {
	clear(f.toks[:cap(f.toks)])
	clear(f.columns[:cap(f.columns)])
	clear(f.comment[:cap(f.comment)])
	f.out, f.lastImport = nil, nil
	if cap(f.toks) <= 1<<16 && cap(f.columns) <= 1<<16 && cap(f.comment) <= 1<<16 && cap(f.cells) <= 1<<20 {
		formatters.Put(f)
	}
}

type tokKind uint8

const (
	tIdent  tokKind = iota // identifiers, keywords, numbers
	tString                // "..." or `...`
	tPunct                 // ( ) [ ] { } , ; . ... : := = == != * &
)

type tok struct {
	kind tokKind
	text []byte
}

func (t tok) is(s string) bool { return t.kind == tPunct && string(t.text) == s }

func (t tok) isWord(s string) bool { return t.kind == tIdent && string(t.text) == s }

// frame is a bracket left open at the end of a line.
type frame uint8

const (
	fBlock     frame = iota // a function, if or for body
	fSwitch                 // a switch body: case clauses one level out
	fStruct                 // struct fields
	fInterface              // interface methods
	fLiteral                // a composite literal's elements
	fImport                 // import ( ... )
	fConst                  // const ( ... )
)

// cellRow is a line of an aligned run: its cells (padded to the widest
// of the run) and the rest of the line.
type cellRow struct {
	indent int
	cells  [2][]byte
	n      int
	rest   []byte
}

type fastFormatter struct {
	out     []byte
	stack   []frame
	toks    []tok
	columns []cellRow // the aligned run being collected
	cells   []byte    // the text of its cells (cell)
	comment [][]byte  // comment lines waiting for the line they document
	blank   bool      // a blank line since the last line written
	// top-level declarations: the keyword of the last, for gofmt's rule
	// that a blank line separates declarations of different kinds and
	// any declaration with a doc comment.
	lastDecl   string
	started    bool   // something was written
	lastImport []byte // the previous import path of the group
}

func (f *fastFormatter) run(src []byte) bool {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		switch {
		case len(line) == 0:
			if len(f.comment) > 0 {
				// A comment not abutting a declaration: only the header,
				// written as it is.
				if f.started || len(f.stack) > 0 {
					return false
				}
				if !f.flushComment() {
					return false
				}
			}
			f.blank = true
		case bytes.HasPrefix(line, []byte("//")):
			f.comment = append(f.comment, line)
		default:
			if !f.code(line) {
				return false
			}
		}
	}
	if len(f.comment) > 0 || len(f.stack) > 0 {
		return false
	}
	f.flushRun()
	return true
}

// code handles one line of code.
func (f *fastFormatter) code(line []byte) bool {
	toks, ok := tokenize(line, f.toks[:0])
	f.toks = toks
	if !ok || len(toks) == 0 {
		return false
	}
	// Closing brackets at the start of the line end frames; others must
	// close on the line they open.
	closes := 0
	for closes < len(toks) && (toks[closes].is("}") || toks[closes].is(")")) {
		closes++
	}
	if closes > len(f.stack) || closes > 1 {
		return false
	}
	depth := len(f.stack) - closes
	var top frame = 255
	if len(f.stack) > 0 {
		top = f.stack[len(f.stack)-1]
	}
	if closes > 0 {
		want := ")"
		if top != fImport && top != fConst {
			want = "}"
		}
		if !toks[0].is(want) {
			return false
		}
		if len(f.comment) > 0 {
			return false
		}
	}
	// The brackets this line leaves open.
	open, ok := openAtEnd(toks[closes:])
	if !ok || open > 1 {
		return false
	}
	last := toks[len(toks)-1]

	// Blank lines: one at most, and only where gofmt keeps or adds one.
	blank := false
	if depth == 0 && closes == 0 {
		kw := string(toks[0].text)
		switch kw {
		case "package":
			if len(toks) != 2 || !isName(toks[1]) {
				return false
			}
		case "import", "type", "func", "var", "const":
		default:
			return false
		}
		if f.started {
			blank = f.blank || kw != f.lastDecl || len(f.comment) > 0 || f.lastDecl == "package"
		}
		f.lastDecl = kw
	} else if f.blank {
		if top != fImport || closes > 0 {
			return false
		}
		blank = true
	}
	f.blank = false

	indent := depth
	if closes == 0 && top == fSwitch && (toks[0].isWord("case") || toks[0].isWord("default")) {
		indent--
		if len(f.comment) > 0 {
			return false
		}
	}

	// What kind of line: an aligned one joins the run, anything else ends
	// it.
	if len(f.columns) == 0 {
		f.cells = f.cells[:0] // no row holds a cell
	}
	row, aligned, ok := f.alignedRow(toks, closes, open, top, indent)
	if !ok {
		return false
	}
	if !aligned || blank || len(f.comment) > 0 {
		f.flushRun()
	}
	if blank {
		f.out = append(f.out, '\n')
	}
	if len(f.comment) > 0 && !f.flushDoc(indent) {
		return false
	}
	if aligned {
		f.columns = append(f.columns, row)
	} else {
		f.writeIndent(indent)
		f.out = appendTokens(f.out, toks, toks[0].isWord("func"))
		f.out = append(f.out, '\n')
	}
	f.started = true

	if top == fImport && closes == 0 {
		// gofmt sorts each group of imports (a blank line ends a group):
		// jennifer's sorted list, split by groupImports, needs nothing.
		path := toks[len(toks)-1].text
		if !blank && f.lastImport != nil && bytes.Compare(f.lastImport, path) > 0 {
			return false
		}
		f.lastImport = path
	}
	if closes > 0 {
		f.stack = f.stack[:len(f.stack)-1]
		f.lastImport = nil
	}
	if open == 1 {
		switch {
		case last.is("("):
			switch {
			case depth == 0 && toks[0].isWord("import") && len(toks) == 2:
				f.stack = append(f.stack, fImport)
			case depth == 0 && toks[0].isWord("const") && len(toks) == 2:
				f.stack = append(f.stack, fConst)
			default:
				return false
			}
		case last.is("{"):
			f.stack = append(f.stack, blockKind(toks))
		default:
			return false
		}
	}
	return true
}

// blockKind is what a line ending in "{" opens.
func blockKind(toks []tok) frame {
	if len(toks) < 2 {
		return fLiteral
	}
	prev := toks[len(toks)-2]
	switch {
	case prev.isWord("struct"):
		return fStruct
	case prev.isWord("interface"):
		return fInterface
	case toks[0].isWord("switch"):
		return fSwitch
	case toks[0].isWord("func"), toks[0].isWord("if"), toks[0].isWord("for"):
		return fBlock
	}
	return fLiteral
}

// alignedRow recognises the lines gofmt aligns in columns: a struct field
// with a tag (name, type, tag), a constant spec (name, type, = value) and
// a key: value element on one line. Other lines in those places that gofmt
// would align differently are refused.
func (f *fastFormatter) alignedRow(toks []tok, closes, open int, top frame, indent int) (cellRow, bool, bool) {
	if closes > 0 {
		return cellRow{}, false, true
	}
	row := cellRow{indent: indent}
	switch top {
	case fStruct:
		last := toks[len(toks)-1]
		if last.kind == tString && len(toks) >= 3 && isName(toks[0]) && open == 0 {
			row.cells[0] = toks[0].text
			row.cells[1] = f.cell(nil, toks[1:len(toks)-1])
			row.n = 2
			row.rest = last.text
			return row, true, true
		}
		// an embedded type: a name, perhaps qualified
		embedded := len(toks) == 1 && isName(toks[0]) ||
			len(toks) == 3 && isName(toks[0]) && toks[1].is(".") && isName(toks[2])
		return row, false, embedded
	case fConst:
		if len(toks) >= 4 && isName(toks[0]) && isName(toks[1]) && toks[2].is("=") && open == 0 {
			row.cells[0] = toks[0].text
			row.cells[1] = toks[1].text
			row.n = 2
			row.rest = f.cell([]byte("= "), toks[3:])
			return row, true, true
		}
		return row, false, false
	case fLiteral:
		if len(toks) >= 3 && isName(toks[0]) && toks[1].is(":") {
			if len(toks[0].text) > 40 {
				return row, false, false // gofmt's alignment then depends on the keys' sizes
			}
			if open > 0 {
				return row, false, true // a multi-line value: not aligned
			}
			row.cells[0] = f.cell(toks[0].text, toks[1:2]) // the key and its colon
			row.n = 1
			row.rest = f.cell(nil, toks[2:])
			return row, true, true
		}
	}
	return row, false, true
}

// cell is prefix then toks as appendTokens writes them, kept in f.cells
// until the run is written: one buffer for the cells of every row, where
// each row's cells were allocated apart.
func (f *fastFormatter) cell(prefix []byte, toks []tok) []byte {
	start := len(f.cells)
	f.cells = appendTokens(append(f.cells, prefix...), toks, false)
	return f.cells[start:len(f.cells):len(f.cells)]
}

// flushRun writes the aligned run: each cell padded to the widest cell of
// its column plus one space, as gofmt's tabwriter does.
func (f *fastFormatter) flushRun() {
	if len(f.columns) == 0 {
		return
	}
	var width [2]int
	for _, r := range f.columns {
		for c := range r.n {
			width[c] = max(width[c], utf8.RuneCount(r.cells[c]))
		}
	}
	for _, r := range f.columns {
		f.writeIndent(r.indent)
		for c := range r.n {
			f.out = append(f.out, r.cells[c]...)
			for range width[c] + 1 - utf8.RuneCount(r.cells[c]) {
				f.out = append(f.out, ' ')
			}
		}
		f.out = append(f.out, r.rest...)
		f.out = append(f.out, '\n')
	}
	f.columns = f.columns[:0]
}

func (f *fastFormatter) writeIndent(n int) {
	for range n {
		f.out = append(f.out, '\t')
	}
}

// flushComment writes the waiting comment lines as they are (a comment
// that documents nothing: gofmt leaves its text alone).
func (f *fastFormatter) flushComment() bool {
	for _, c := range f.comment {
		if bytes.HasPrefix(c, []byte("/*")) {
			return false
		}
		f.out = append(f.out, c...)
		f.out = append(f.out, '\n')
	}
	f.comment = f.comment[:0]
	f.started = true
	return true
}

// flushDoc writes the waiting comment lines as the doc comment of the
// line that follows them, in go/doc/comment's canonical form.
func (f *fastFormatter) flushDoc(indent int) bool {
	lines, ok := docLines(f.comment)
	if !ok {
		return false
	}
	for _, l := range lines {
		f.writeIndent(indent)
		f.out = append(f.out, l...)
		f.out = append(f.out, '\n')
	}
	f.comment = f.comment[:0]
	return true
}

// docLines is what gofmt makes of a doc comment (go/printer's
// formatDocComment). Text that go/doc/comment prints unchanged is copied;
// anything it might change (indented lines, headings, link definitions,
// runs of blank lines) goes through it.
func docLines(raw [][]byte) ([][]byte, bool) {
	text := make([][]byte, len(raw))
	for i, c := range raw {
		rest, _ := bytes.CutPrefix(c, []byte("//"))
		if len(rest) > 0 && rest[0] != ' ' {
			return nil, false // perhaps a directive, which gofmt moves
		}
		text[i], _ = bytes.CutPrefix(rest, []byte(" "))
	}
	if plainDoc(text) {
		return raw, true // "// text" and "//", as written (trailing spaces trimmed)
	}
	var sb strings.Builder
	for _, t := range text {
		sb.Write(t)
		sb.WriteByte('\n')
	}
	var p doccomment.Parser
	var pr doccomment.Printer
	printed := pr.Comment(p.Parse(sb.String()))
	var out [][]byte
	for line := range bytes.Lines(printed) {
		line = bytes.TrimSuffix(line, []byte("\n"))
		switch {
		case len(line) == 0:
			out = append(out, []byte("//"))
		case line[0] == '\t':
			out = append(out, append([]byte("//"), line...))
		default:
			out = append(out, append([]byte("// "), line...))
		}
	}
	return out, true
}

// plainDoc reports whether go/doc/comment prints text unchanged: plain
// paragraphs separated by single blank lines, with nothing it could read
// as a heading, a list, a code block or a link definition, and no
// doubled quotes.
func plainDoc(text [][]byte) bool {
	n := len(text)
	if n == 0 || len(text[0]) == 0 || len(text[n-1]) == 0 {
		return false
	}
	for i, t := range text {
		if len(t) == 0 {
			if len(text[i-1]) == 0 {
				return false
			}
			continue
		}
		switch t[0] {
		case ' ', '\t', '#', '[':
			return false
		}
		if bytes.Contains(t, []byte("``")) || bytes.Contains(t, []byte("''")) {
			return false // printed as typographic quotes
		}
		// An old-style heading: a line alone between blank lines, before
		// more text, starting with an upper-case letter and ending in a
		// letter or digit.
		if i > 0 && len(text[i-1]) == 0 && i+2 < n && len(text[i+1]) == 0 {
			first, _ := utf8.DecodeRune(t)
			lastR, _ := utf8.DecodeLastRune(t)
			if unicode.IsUpper(first) && (unicode.IsLetter(lastR) || unicode.IsDigit(lastR)) {
				return false
			}
		}
	}
	return true
}

// openAtEnd counts the brackets a line leaves open; a line may not close
// more than it opened (that is done only by a line's leading brackets).
func openAtEnd(toks []tok) (int, bool) {
	depth := 0
	for _, t := range toks {
		if t.kind != tPunct {
			continue
		}
		switch string(t.text) {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth < 0 {
				return 0, false
			}
		}
	}
	if depth > 0 {
		last := toks[len(toks)-1]
		if depth > 1 || !(last.is("{") || last.is("(")) {
			return depth, false // a bracket left open mid-line
		}
	}
	return depth, true
}

// appendTokens writes tokens with the spaces gofmt puts between them.
// sig marks a function declaration's line, where ") (" separates the
// parameters from the results.
func appendTokens(out []byte, toks []tok, sig bool) []byte {
	parens := 0
	for i, t := range toks {
		if i > 0 && space(toks, i, sig && parens == 0) {
			out = append(out, ' ')
		}
		if t.kind == tPunct {
			switch string(t.text) {
			case "(":
				parens++
			case ")":
				parens--
			}
		}
		out = append(out, t.text...)
	}
	return out
}

// space reports whether gofmt writes a space between toks[i-1] and toks[i].
func space(toks []tok, i int, sigLevel bool) bool {
	a, b := toks[i-1], toks[i]
	if b.kind == tPunct {
		switch string(b.text) {
		case ")", "]", "}", ",", ";", ":", ".", "...":
			return false
		}
	}
	if a.kind == tPunct {
		switch string(a.text) {
		case "(", "[", "{", ".", "*", "&": // all * and & docgen writes are unary
			return false
		}
	}
	switch {
	case b.is("("):
		switch {
		case a.kind == tIdent:
			return isKeyword(a.text)
		case a.is(")"):
			return sigLevel // func F(params) (results)
		case a.is("]"):
			return false
		}
	case b.is("["):
		slice := i+1 < len(toks) && toks[i+1].is("]")
		if !slice {
			return !(a.kind == tIdent || a.is(")") || a.is("]"))
		}
		return !a.is("]")
	case b.is("{"):
		if i == len(toks)-1 { // a block, or a multi-line literal
			return blockKind(toks) != fLiteral
		}
		return false
	case a.is("]"):
		return !(b.kind == tIdent || b.is("*") || b.is("[") || b.is("(") || b.is("{"))
	}
	return true
}

// isName: an identifier, not a keyword and not starting with a digit (the
// names gofmt would reject there are left to go/format).
func isName(t tok) bool {
	return t.kind == tIdent && !goKeyword(t.text) && !(t.text[0] >= '0' && t.text[0] <= '9')
}

// isKeyword: the keywords tokenize accepts.
func isKeyword(w []byte) bool {
	switch string(w) {
	case "package", "import", "type", "struct", "interface", "func", "var", "const",
		"return", "switch", "case", "default", "if", "for", "range":
		return true
	}
	return false
}

// tokenize splits one line of code into tokens, refusing any token docgen
// does not write (other operators, comments after code, keywords such as
// map or go).
func tokenize(line []byte, toks []tok) ([]tok, bool) {
	i := 0
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '"':
			j := i + 1
			for j < len(line) && line[j] != '"' {
				if line[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(line) {
				return toks, false
			}
			toks = append(toks, tok{tString, line[i : j+1]})
			i = j + 1
		case c == '`':
			j := bytes.IndexByte(line[i+1:], '`')
			if j < 0 {
				return toks, false
			}
			toks = append(toks, tok{tString, line[i : i+j+2]})
			i += j + 2
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf:
			j := i
			for j < len(line) {
				if b := line[j]; b < utf8.RuneSelf {
					if b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' {
						j++
						continue
					}
					break
				}
				r, size := utf8.DecodeRune(line[j:])
				if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
					break
				}
				j += size
			}
			if j == i {
				return toks, false
			}
			w := line[i:j]
			if goKeyword(w) && !isKeyword(w) {
				return toks, false
			}
			toks = append(toks, tok{tIdent, w})
			i = j
		default:
			n := punct(line[i:])
			if n == 0 {
				return toks, false
			}
			toks = append(toks, tok{tPunct, line[i : i+n]})
			i += n
		}
	}
	return toks, true
}

// punct is the length of the punctuation token at the start of s, or 0
// for one docgen never writes.
func punct(s []byte) int {
	switch s[0] {
	case '.', ':', '=', '!': // may start a longer one
		for _, p := range [...]string{"...", ":=", "==", "!="} {
			if bytes.HasPrefix(s, []byte(p)) {
				return len(p)
			}
		}
	}
	switch s[0] {
	case '(', ')', '[', ']', '{', '}', ',', ';', '.', ':', '=', '*', '&':
		return 1
	}
	return 0
}

func goKeyword(w []byte) bool {
	switch string(w) {
	case "break", "case", "chan", "const", "continue", "default", "defer", "else",
		"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
		"map", "package", "range", "return", "select", "struct", "switch", "type", "var":
		return true
	}
	return false
}
