package emit

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphdocgen/docgen/model"
)

// initialisms are written in capitals inside Go names, as golint and sqlc do.
var initialisms = map[string]bool{
	"API": true, "DNS": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true,
	"ID": true, "IDS": true, "IP": true, "JSON": true, "OS": true, "SMTP": true, "SQL": true,
	"SSL": true, "TLS": true, "TTL": true, "UI": true, "UPN": true, "URI": true, "URL": true,
	"UUID": true, "XML": true,
}

// goName turns a wire or type name into an exported Go identifier:
// camel-case words capitalised, initialisms in capitals, anything that is
// not a letter or digit dropped as a word break, and a leading digit or an
// empty result given a prefix so the name stays valid.
func goName(s string) string {
	name, ok, joined := goNameASCII(s)
	if !ok {
		name, joined = goNameRunes(s), true
	}
	if joined {
		// Two words written side by side can read as one: "U Pn" gives
		// UPn, which reads as the initialism UPN. Name the name again
		// until it names itself, so that goName(goName(s)) == goName(s)
		// (FuzzGoName). Each round joins words, so few are needed.
		for range len(name) {
			next := goNameRunes(name)
			if next == name {
				break
			}
			name = next
		}
	}
	return name
}

// goNameASCII is goNameRunes for ASCII s (almost every name Graph has), in
// one pass without the slices of words and runes goNameRunes builds:
// naming the corpus's fields spent a third of its time there. ok is false
// for any other s. joined reports that a word starting with a capital
// follows one ending with a capital, so that the name may read otherwise
// when named again. TestGoNameASCII and FuzzGoName hold it to goNameRunes.
func goNameASCII(s string) (name string, ok, joined bool) {
	b := make([]byte, 0, len(s)+2)
	for i := 0; i < len(s); {
		if s[i] >= utf8.RuneSelf {
			return "", false, false
		}
		if !isAlnumASCII(s[i]) {
			i++
			continue
		}
		// A word: letters and digits up to a separator or an upper-case
		// letter after a lower-case one or a digit.
		j := i + 1
		for ; j < len(s); j++ {
			c := s[j]
			if c >= utf8.RuneSelf {
				return "", false, false
			}
			if !isAlnumASCII(c) || isUpperASCII(c) && (isLowerASCII(s[j-1]) || isDigitASCII(s[j-1])) {
				break
			}
		}
		n := len(b)
		b = appendWordASCII(b, s[i:j])
		joined = joined || n > 0 && isUpperASCII(b[n-1]) && isUpperASCII(b[n])
		i = j
	}
	if len(b) == 0 {
		return "X", true, false
	}
	name = string(b)
	if !isUpperASCII(name[0]) {
		name = "X" + name // a digit
	}
	if token.IsKeyword(name) {
		name += "_"
	}
	return name, true, joined
}

// appendWordASCII appends w as goNameRunes writes a word: an initialism in
// capitals, another word with its first letter upper-cased.
func appendWordASCII(b []byte, w string) []byte {
	if len(w) <= maxInitialism {
		var up [16]byte // TestGoNameASCII: maxInitialism fits
		for i := 0; i < len(w); i++ {
			up[i] = upperASCII(w[i])
		}
		switch u := up[:len(w)]; {
		case string(u) == "IDS":
			return append(b, "IDs"...)
		case initialisms[string(u)]:
			return append(b, u...)
		}
	}
	b = append(b, upperASCII(w[0]))
	return append(b, w[1:]...)
}

// maxInitialism is the length of the longest initialism.
var maxInitialism = func() int {
	n := 0
	for k := range initialisms {
		n = max(n, len(k))
	}
	return n
}()

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigitASCII(c byte) bool { return '0' <= c && c <= '9' }
func isAlnumASCII(c byte) bool { return isUpperASCII(c) || isLowerASCII(c) || isDigitASCII(c) }

func upperASCII(c byte) byte {
	if isLowerASCII(c) {
		return c - 'a' + 'A'
	}
	return c
}

// goNameRunes is goName for any s, in one round.
func goNameRunes(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		upper := strings.ToUpper(w)
		switch {
		case upper == "IDS":
			b.WriteString("IDs")
		case initialisms[upper]:
			b.WriteString(upper)
		default:
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	name := b.String()
	if name == "" {
		return "X"
	}
	if r := []rune(name)[0]; !unicode.IsUpper(r) {
		name = "X" + name // a digit, or a letter with no upper case: not exported
	}
	if token.IsKeyword(name) {
		name += "_"
	}
	return name
}

// words splits at non-alphanumerics and at lower-to-upper case changes.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])) {
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// namespace holds the identifiers taken in one Go scope, with what took
// each, and hands out unique ones: a second claim of a name gets a numeric
// suffix.
type namespace struct {
	taken map[string]int32 // a claimant's index in by: small map slots
	by    []claimant
}

func newNamespace(size int) *namespace {
	return &namespace{taken: make(map[string]int32, size), by: make([]claimant, 0, size)}
}

// reset empties ns for another scope, keeping its memory unless a huge
// scope grew it: clearing a map costs its capacity, not its length.
func (ns *namespace) reset() {
	if len(ns.by) > 4096 {
		*ns = *newNamespace(64)
		return
	}
	clear(ns.taken)
	ns.by = ns.by[:0]
}

func (ns *namespace) set(name string, c claimant) {
	ns.taken[name] = int32(len(ns.by))
	ns.by = append(ns.by, c)
}

// claimant is what took a name, for the collision report: what, then
// owner, then "." and member when there is one. The words are joined only
// for a report: naming claims some 100,000 names for the corpus, which
// collide a few times.
type claimant struct {
	what, owner, member string
	pos                 model.Pos
	enumMember          bool // member %q of enum owner
}

func (c claimant) String() string {
	switch {
	case c.enumMember:
		return fmt.Sprintf("member %q of enum %s", c.member, c.owner)
	case c.member != "":
		return c.what + c.owner + "." + c.member
	}
	return c.what + c.owner
}

// reserve marks a name as taken without claiming a new one.
func (ns *namespace) reserve(name string, c claimant) {
	if _, taken := ns.taken[name]; !taken {
		ns.set(name, c)
	}
}

// claim takes name, or name with the first free numeric suffix.
func (ns *namespace) claim(name string) string { return ns.claimFor(name, claimant{}, nil) }

// claimFor is claim on behalf of c, reporting a suffixed name to diags
// (DG045) so that a rename never goes unsaid.
func (ns *namespace) claimFor(name string, c claimant, diags *model.Diagnostics) string {
	at, taken := ns.taken[name]
	got := name
	for i := 2; taken; i++ {
		got = name + strconv.Itoa(i)
		_, taken = ns.taken[got]
	}
	ns.set(got, c)
	if got != name && diags != nil {
		prev := ns.by[at]
		where := ""
		if prev.pos.Line > 0 {
			where = " at " + prev.pos.String()
		}
		diags.Report(c.pos, model.NameCollision, "%s maps to the Go name %s, already taken by %s%s; it becomes %s", c, name, prev, where, got)
	}
	return got
}
