package parser

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

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
	return collapseSpace(b.String())
}

// collapseSpace is strings.Join(strings.Fields(s), " "): words apart by
// single spaces (text outside ASCII also loses its direction controls,
// see stripBidiControls). ASCII text, nearly all of it, is done in one pass without
// the slice of words, and not copied when it is single-spaced already.
func collapseSpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return strings.Join(strings.Fields(stripBidiControls(s)), " ") // Unicode's spaces
		case isSpace(c) && (c != ' ' || i == 0 || i == len(s)-1 || isSpace(s[i+1])):
			clean = false
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		start := i
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		if start < i {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, s[start:i]...)
		}
	}
	return string(b)
}

func writePlain(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			writeText(b, c, src)
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
		t.Localized = p.snippetText(local, start)
	}
	return t
}

// snippetText renders a fragment of inline markdown (a localized half) as
// plain text. It draws on the page's budget; at is where the fragment
// stands in the page, for diagnostics.
func (p *pageParser) snippetText(s string, at int) string {
	src := []byte(s)
	spent := p.budget.spentAt >= 0
	doc := parse(src, p.budget)
	if !spent && p.budget.spentAt >= 0 {
		p.budget.spentAt = at
	}
	if depth, _ := treeDepth(doc); depth > MaxDepth {
		if !p.tooDeep {
			p.diags.Report(p.posOf(at), model.NestingTooDeep, "localized text nested %d levels deep, over the limit of %d; page skipped", depth, MaxDepth)
		}
		p.tooDeep = true
		return ""
	}
	return plainText(doc, src)
}

// valuesPhrase introduces a list of enum members in a description: the
// plural ("Possible values are:"), the singular a one-member list is
// written with ("The possible value is: `message`.", "Possible value:",
// "The only valid value is"), the property named in between ("Supported
// values for **dataType** are:"), and "can/must be one of", "One of:".
var valuesPhrase = lazyRegexp(`(?i)\b(?:possible|supported|valid|allowed|accepted) values? (?:for \w+ )?(?:are|is|include)\b:?|\b(?:possible|supported|valid|allowed|accepted) values?:|\b(?:can|must) be one of(?: the following)?(?: values)?:?|\bone of:`)

// valuesWords guard valuesPhrase (see mayMatch).
var valuesWords = []string{"value are", "values are", "value is", "values is", "value include", "values include", "value:", "values:", "value for", "values for", "one of"}

// describedValues finds the members a description lists after a phrase
// such as "Possible values are:", written in backticks or as a plain
// comma-separated list, up to the end of that sentence; or after the
// phrase in the docs' other languages, in backticks: translated then
// says so, as a translation may have translated the members too.
func describedValues(cell ast.Node, src []byte) (values []string, translated bool) {
	var b strings.Builder
	writeMarked(&b, cell, src)
	text := b.String()
	// Every alternative of valuesPhrase holds one of these: most
	// descriptions, which list no values, are spared the regexp.
	if mayMatch(text, valuesWords...) {
		// A description may introduce values twice, the first time without
		// listing them (a localized page moved the list): the first phrase
		// that lists values counts.
		// A phrase's list ends where the next phrase begins, so that a
		// cell of many phrases is read in one pass, not once a phrase.
		locs := slices.DeleteFunc(findValuesPhrases(text), func(loc []int) bool { return oneAmongMany(text[:loc[0]]) })
		for k, loc := range locs {
			end := len(text)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			out := valuesAfter(text[loc[1]:end])
			if items := lineItems(text[loc[1]:end]); len(items) > len(out) {
				out = items
			}
			if out != nil {
				return withOptInValues(out, text), false
			}
		}
	}
	if mayMatch(text, "either", "can be") {
		if out := eitherValues(text); out != nil {
			return out, false
		}
	}
	values = translatedValues(text)
	return values, values != nil
}

// eitherValues reads the members a description gives as "either `a` or
// `b`" or "can be `a` or `b`" ("The value is either `Managed` or
// `Federated`.", "This can either be `User`, `Group` or
// `ServicePrincipal`.", "Can be set to `HiddenMembership` or `Public`."):
// from the words to the end of their sentence there must be nothing but
// values in code spans, joined by commas and "or". Anything else there
// ("either `a` or `b` is set") is prose about values, not a list of them.
func eitherValues(text string) []string {
	for _, word := range []string{"either", "can be"} {
		for at := 0; ; {
			i := indexFoldASCII(text[at:], word)
			if i < 0 {
				break
			}
			i += at
			at = i + len(word)
			if i > 0 && isWordByte(text[i-1]) || at < len(text) && isWordByte(text[at]) {
				continue
			}
			rest := strings.TrimLeft(text[at:], " ")
			for _, filler := range []string{"set to ", "either ", "be "} {
				if j, ok := foldPrefix(rest, 0, filler); ok {
					rest = strings.TrimLeft(rest[j:], " ")
				}
			}
			if out := joinedValues(rest); out != nil {
				return out
			}
		}
	}
	return nil
}

// joinedValues reads "`a`, `b` or `c`" at the start of s, up to the end of
// the sentence or line: two or more values in code spans and, between
// them, only commas and "or"; nil for anything else. It stops at the
// first thing that is neither, so that trying it at every "either" of a
// long cell stays one pass.
func joinedValues(s string) []string {
	var out []string
	sawOr := false
	for i := 0; ; {
		if i >= len(s) || s[i] != '`' {
			return nil
		}
		end := strings.IndexByte(s[i+1:], '`')
		if end < 0 {
			return nil
		}
		v := strings.TrimSpace(s[i+1 : i+1+end])
		if !isIdentifier(v) {
			return nil
		}
		if v != "null" {
			out = append(out, v)
		}
		i += end + 2
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) || s[i] == '\n' || s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') {
			break // the end of the sentence or line
		}
		joined := false
		if s[i] == ',' {
			joined = true
			i++
			for i < len(s) && s[i] == ' ' {
				i++
			}
		}
		if j, ok := foldPrefix(s, i, "or "); ok {
			joined, sawOr = true, true
			i = j
			for i < len(s) && s[i] == ' ' {
				i++
			}
		}
		if !joined {
			return nil
		}
	}
	if !sawOr || len(out) < 2 {
		return nil
	}
	return out
}

// oneAmongMany reports whether the word before a values phrase makes it
// speak of one value among others, not of the values a property has: a
// bound or a default ("the maximum allowed value is `100`", "the default
// possible value is"), or one of several ("a possible value is `x`",
// "one valid value is").
func oneAmongMany(before string) bool {
	before = strings.TrimRight(before, " ")
	start := 0
	if i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		start = i + size
	}
	return oneAmongManyWords[strings.ToLower(before[start:])]
}

var oneAmongManyWords = wordSet(
	"maximum", "minimum", "max", "min", "highest", "lowest", "largest", "smallest", "greatest", "least",
	"default", "first", "last", "next", "previous", "initial",
	"a", "an", "one", "another", "each", "any", "every", "some", "other", "example",
)

// withOptInValues adds to the members a description lists those it names
// as sent only to clients that ask for them, which current pages often give
// in a sentence of their own ("Use the `Prefer:
// include-unknown-enum-members` request header to get the following values
// in this evolvable enum: `c`, `d`."): they follow unknownFutureValue,
// which is added when the list left it out.
func withOptInValues(out []string, text string) []string {
	extra := optInValues(text)
	if len(extra) == 0 {
		return out
	}
	if !slices.ContainsFunc(out, func(v string) bool { return strings.EqualFold(v, "unknownFutureValue") }) {
		out = append(out, "unknownFutureValue")
	}
	for _, v := range extra {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// optInValues reads the values listed after "following value(s) ...:" in
// the sentence that mentions include-unknown-enum-members.
func optInValues(text string) []string {
	i := indexFoldASCII(text, "include-unknown-enum-members")
	if i < 0 {
		return nil
	}
	rest := text[i:]
	j := indexFoldASCII(rest, "following value")
	if j < 0 || strings.Contains(rest[:j], ". ") {
		return nil // not that sentence's values
	}
	rest = rest[j:]
	k := strings.IndexByte(rest, ':')
	if k < 0 || strings.Contains(rest[:k], ". ") {
		return nil // no list in that sentence
	}
	return valuesAfter(rest[k+1:])
}

// indexFoldASCII is the index of the lower-case ASCII word in s, ignoring
// the case of ASCII letters, or -1.
func indexFoldASCII(s, word string) int {
	for i := 0; i+len(word) <= len(s); i++ {
		if _, ok := foldPrefix(s, i, word); ok {
			return i
		}
	}
	return -1
}

// translatedValues are the values in code spans after a translated
// phrase ("Os valores possíveis são: `text` e `html`.", "可能的值为 `text`
// 和 `html`。"), in the phrase's sentence.
func translatedValues(text string) []string {
	if !nonASCIILetter(text) && !mayMatch(text, translatedValuesWords...) {
		return nil
	}
	locs := valuesPhraseTranslated().FindAllStringIndex(text, -1)
	for k, loc := range locs {
		end := len(text) // as in describedValues: up to the next phrase
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		if out := translatedValuesAfter(text[loc[1]:end]); out != nil {
			return out
		}
	}
	return nil
}

// findValuesPhrases is valuesPhrase().FindAllStringIndex(s, -1), matched by
// hand: the case-insensitive alternation without a literal prefix made
// the regexp most of describedValues' time. Text holding one of the two
// letters outside ASCII that (?i) folds to ASCII ones (the Kelvin sign,
// the long s) is left to the regexp. TestFindValuesPhrases holds the two
// equal.
func findValuesPhrases(s string) [][]int {
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return valuesPhrase().FindAllStringIndex(s, -1)
	}
	var out [][]int
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue // \b: every alternative starts with a word byte
		}
		if end := valuesPhraseAt(s, i); end > 0 {
			out = append(out, []int{i, end})
			i = end - 1
		}
	}
	return out
}

// valuesPhraseAt is the end of the match of valuesPhrase that starts at i,
// after a word boundary, or 0: the alternatives in the regexp's order,
// optional parts taken when present.
func valuesPhraseAt(s string, i int) int {
	// (possible|supported|valid|allowed|accepted) values? ((for \w+ )?(are|is|include)\b:?|:)
	for _, w := range []string{"possible", "supported", "valid", "allowed", "accepted"} {
		if j, ok := foldPrefix(s, i, w); ok {
			if j, ok = foldPrefix(s, j, " value"); ok {
				if end := afterValueWord(s, optional(s, j, "s")); end > 0 {
					return end
				}
			}
			break // the words share no prefix: no other can match here
		}
	}
	// (can|must) be one of( the following)?( values)?:?
	for _, w := range []string{"can be one of", "must be one of"} {
		if j, ok := foldPrefix(s, i, w); ok {
			return optional(s, optional(s, optional(s, j, " the following"), " values"), ":")
		}
	}
	// one of:
	if j, ok := foldPrefix(s, i, "one of:"); ok {
		return j
	}
	return 0
}

// afterValueWord is the end of valuesPhrase's tail after "value(s)" ending
// at j, or 0: " (for \w+ )?(are|is|include)\b:?" or ":". "values" that
// is followed by neither is not tried as "value": the s would have to be
// a space or a colon.
func afterValueWord(s string, j int) int {
	if k, ok := foldPrefix(s, j, " "); ok {
		verbAt := k
		if f, ok := foldPrefix(s, k, "for "); ok {
			w := f
			for w < len(s) && isWordByte(s[w]) {
				w++
			}
			if w > f && w < len(s) && s[w] == ' ' && startsVerb(s, w+1) > 0 {
				verbAt = w + 1
			}
		}
		if end := startsVerb(s, verbAt); end > 0 {
			return optional(s, end, ":")
		}
	}
	if j < len(s) && s[j] == ':' {
		return j + 1
	}
	return 0
}

// startsVerb is the end of "are", "is" or "include" at i followed by a
// word boundary, or 0.
func startsVerb(s string, i int) int {
	for _, v := range []string{"are", "is", "include"} {
		if k, ok := foldPrefix(s, i, v); ok && (k == len(s) || !isWordByte(s[k])) {
			return k
		}
	}
	return 0
}

// foldPrefix reports whether s holds the lower-case ASCII word at i,
// ignoring the case of ASCII letters, and where it ends.
func foldPrefix(s string, i int, word string) (int, bool) {
	if len(s)-i < len(word) {
		return 0, false
	}
	for j := 0; j < len(word); j++ {
		c := s[i+j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[j] {
			return 0, false
		}
	}
	return i + len(word), true
}

// optional is the end of word at i when s holds it there, else i.
func optional(s string, i int, word string) int {
	if j, ok := foldPrefix(s, i, word); ok {
		return j
	}
	return i
}

// isWordByte is what \b counts as a word character: ASCII letters, digits
// and the underscore.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// valuesAfter reads the members listed in the sentence that starts s.
func valuesAfter(s string) []string {
	rest := sentence(s)
	var out []string
	if strings.Contains(rest, "`") {
		parts := strings.Split(rest, "`")
		for i := 1; i < len(parts); i += 2 {
			if v := strings.TrimSpace(parts[i]); isIdentifier(v) && v != "null" {
				out = append(out, v)
			}
		}
		return out
	}
	for f := range strings.FieldsFuncSeq(rest, func(r rune) bool { return r == ',' || r == ';' }) {
		f = strings.TrimSpace(f)
		f = strings.TrimPrefix(strings.TrimPrefix(f, "or "), "and ")
		f = strings.Trim(f, `"'. `)
		if !isIdentifier(f) {
			return nil // prose, not a list
		}
		if f != "null" {
			out = append(out, f)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// lineItems reads values given one a line after the phrase, each line
// opening with its value in a code span and going on to say what it
// means ("Possible values are:<br>`submitted`: under review.<br>`published`:
// approved."), where the first sentence holds only the first value. Lines
// are counted from the phrase's own; the list ends at the first that opens
// otherwise. Fewer than two values are no such list.
func lineItems(s string) []string {
	var out []string
	// Line by line, stopping at the first that opens otherwise: a cell
	// may hold many phrases, and each is tried.
	for i, rest, more := 0, s, true; more; i++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		if i == 0 && !more {
			return nil // one line: no list of lines
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue // the phrase ends its line, or a <br> and an <li> stand together
		}
		value, _, ok := strings.Cut(strings.TrimPrefix(line, "`"), "`")
		if !strings.HasPrefix(line, "`") || !ok || !isIdentifier(value) {
			break
		}
		if value != "null" {
			out = append(out, value)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// breaksLine reports whether raw HTML ends a line of a table cell: a line
// break (<br>, <br/>, <br />, and the </br> pages also write) or a list
// item's tag (<li>, </li>: values are also listed as <ul><li> items, one a
// line as after <br>).
func breaksLine(h *ast.RawHTML, src []byte) bool {
	if h.Segments.Len() != 1 {
		return false
	}
	var tag [5]byte // the tag without spaces, in lower case: no allocation a tag
	n := 0
	seg := h.Segments.At(0)
	for _, c := range seg.Value(src) {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case n == len(tag):
			return false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		tag[n] = c
		n++
	}
	switch string(tag[:n]) {
	case "<br>", "<br/>", "</br>", "<li>", "</li>":
		return true
	}
	return false
}

// lazyRegexp compiles a pattern the first time it is used, not when the
// program starts: start-up runs on one core before any page is read, and
// a run that never meets the phrase (-h, a page without it) never pays.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

// lazyLongestRegexp is lazyRegexp with leftmost-longest matching.
func lazyLongestRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp {
		re := regexp.MustCompile(pattern)
		re.Longest()
		return re
	})
}

// mayMatch is the cheap test before a case-insensitive phrase regexp
// (run at every link of a paragraph, the backtracking ones cost more than
// the rest of the walk): false only when s holds none of words (lower-case
// ASCII), each of which every alternative of the regexp holds. The two
// letters outside ASCII that (?i) folds to ASCII ones, the Kelvin sign and
// the long s, make it answer true.
func mayMatch(s string, words ...string) bool {
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	for _, w := range words {
		if containsFoldASCII(s, w) {
			return true
		}
	}
	return false
}

// nonASCIILetter reports whether s holds a letter outside ASCII: the gate
// of the translated phrases' regexps, each of which holds such a letter or
// a word the callers also look for. English text outside ASCII is mostly
// punctuation (’, “, —, a no-break space), which must not send every such
// description of an English page through those regexps.
func nonASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) {
				return true
			}
			i += size - 1
		}
	}
	return false
}

// containsFoldASCII reports whether s contains the lower-case ASCII word,
// ignoring the case of ASCII letters. It looks only where the word's
// first letter stands, in either case, found with IndexByte: every
// description passes through it several times, and most hold none of the
// words.
func containsFoldASCII(s, word string) bool {
	if word == "" {
		return true
	}
	first, upper := word[0], word[0]
	if 'a' <= first && first <= 'z' {
		upper -= 'a' - 'A'
	}
	next := func(c byte, from int) int {
		if k := strings.IndexByte(s[from:], c); k >= 0 {
			return from + k
		}
		return len(s)
	}
	lo, up := next(first, 0), len(s)
	if upper != first {
		up = next(upper, 0)
	}
	for {
		i := min(lo, up)
		if i+len(word) > len(s) {
			return false
		}
		if equalFoldASCII(s[i+1:i+len(word)], word[1:]) {
			return true
		}
		if i == lo {
			lo = next(first, i+1)
		} else {
			up = next(upper, i+1)
		}
	}
}

// equalFoldASCII reports whether s equals the lower-case ASCII word,
// ignoring the case of ASCII letters.
func equalFoldASCII(s, word string) bool {
	for j := 0; j < len(word); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[j] {
			return false
		}
	}
	return true
}

// sentence cuts s at the first full stop outside backticks.
func sentence(s string) string {
	inCode := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '`':
			inCode = !inCode
		case s[i] == '.' && !inCode && (i+1 == len(s) || s[i+1] == ' '):
			return s[:i]
		case s[i] == "。"[0] && !inCode && strings.HasPrefix(s[i:], "。"): // the ideographic full stop
			return s[:i]
		}
	}
	return s
}

// writeMarked is writePlain keeping code spans in backticks.
func writeMarked(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.CodeSpan:
			b.WriteByte('`')
			writePlain(b, c, src)
			b.WriteByte('`')
		case *ast.Text:
			writeText(b, c, src)
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			if breaksLine(c, src) {
				b.WriteString(" \n") // items of a list may stand one a line (lineItems); ". " still ends a sentence
			} else {
				b.WriteByte(' ')
			}
		default:
			writeMarked(b, c, src)
		}
	}
}

// writeText writes a text node as goldmark renders it: outside code spans
// (whose text is raw), a backslash before ASCII punctuation is dropped
// ("\_" is "_") and entity and numeric character references are
// resolved ("&lt;" is "<", "&#124;" is "|"); invisible format characters
// (a zero-width no-break space written as "&#65279;") carry no text.
func writeText(b *strings.Builder, t *ast.Text, src []byte) {
	v := t.Segment.Value(src)
	if t.IsRaw() || bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		b.Write(v)
	} else {
		n := 0
		for i := 0; i < len(v); i++ {
			switch v[i] {
			case '\\':
				if i+1 < len(v) && util.IsPunct(v[i+1]) {
					b.Write(v[n:i])
					n = i + 1
					i++ // the punctuation is kept as it is
				}
			case '&':
				if chars, end, ok := charRef(v, i); ok {
					b.Write(v[n:i])
					if r, size := utf8.DecodeRuneInString(chars); size != len(chars) || !unicode.Is(unicode.Cf, r) {
						b.WriteString(chars)
					}
					n = end
					i = end - 1
				}
			}
		}
		b.Write(v[n:])
	}
	if t.SoftLineBreak() || t.HardLineBreak() {
		b.WriteByte(' ')
	}
}

// charRef reads the character reference at v[i] ("&amp;", "&#124;",
// "&#x7C;"), with the limits goldmark reads them with, and gives its
// characters and the end of the reference.
func charRef(v []byte, i int) (chars string, end int, ok bool) {
	j := i + 1
	if j < len(v) && v[j] == '#' {
		j++
		base, start := 10, j
		if j < len(v) && (v[j] == 'x' || v[j] == 'X') {
			base, start = 16, j+1
		}
		k := start
		for k < len(v) && (base == 10 && v[k] >= '0' && v[k] <= '9' || base == 16 && util.IsHexDecimal(v[k])) {
			k++
		}
		digits := k - start
		if k == start || k >= len(v) || v[k] != ';' || base == 10 && digits >= 8 || base == 16 && digits >= 7 {
			return "", 0, false
		}
		n, _ := strconv.ParseUint(string(v[start:k]), base, 32)
		return string(util.ToValidRune(rune(n))), k + 1, true
	}
	k := j
	for k < len(v) && util.IsAlphaNumeric(v[k]) {
		k++
	}
	if k == j || k >= len(v) || v[k] != ';' {
		return "", 0, false
	}
	e, found := util.LookUpHTML5EntityByName(string(v[j:k]))
	if !found {
		return "", 0, false
	}
	return string(e.Characters), k + 1, true
}

// multiValued is how descriptions say a value may hold several members of
// its enum, comma-separated (a flags enum): "This is a multi-valued
// enumeration", "is a multi-valued property", "the property can contain
// multiple values in a comma-separated list", "Multiple values can be
// combined using a comma-separated list", "is indicated by comma-separated
// values".
var multiValued = lazyRegexp(`(?i)\bmulti-?valued\b|\bcan contain multiple values\b|\bmultiple values can be combined\b|\bcomma-separated values\b`)

func isMultiValued(description string) bool {
	return mayMatch(description, "multi", "multiple values", "comma-separated values") && multiValued().MatchString(description)
}
