package emit

import (
	"github.com/graphdocgen/docgen/model"
	"go/token"
	"strconv"
	"strings"
	"unicode"
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
type namespace map[string]claimant

// claimant is what took a name, for the collision report.
type claimant struct {
	what string
	pos  model.Pos
}

// reserve marks a name as taken without claiming a new one.
func (ns namespace) reserve(name, what string, pos model.Pos) {
	if _, taken := ns[name]; !taken {
		ns[name] = claimant{what, pos}
	}
}

// claim takes name, or name with the first free numeric suffix.
func (ns namespace) claim(name string) string { return ns.claimFor(name, claimant{}, nil) }

// claimFor is claim on behalf of c, reporting a suffixed name to diags
// (DG045) so that a rename never goes unsaid.
func (ns namespace) claimFor(name string, c claimant, diags *model.Diagnostics) string {
	prev, taken := ns[name]
	got := name
	for i := 2; taken; i++ {
		got = name + strconv.Itoa(i)
		_, taken = ns[got]
	}
	ns[got] = c
	if got != name && diags != nil {
		where := ""
		if prev.pos.Line > 0 {
			where = " at " + prev.pos.String()
		}
		diags.Report(c.pos, model.NameCollision, "%s maps to the Go name %s, already taken by %s%s; it becomes %s", c.what, name, prev.what, where, got)
	}
	return got
}
