package emit

import (
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

// namespace holds the identifiers taken in one Go scope and hands out
// unique ones: a second claim of a name gets a numeric suffix.
type namespace map[string]bool

func (ns namespace) claim(name string) string {
	if !ns[name] {
		ns[name] = true
		return name
	}
	for i := 2; ; i++ {
		n := name + strconv.Itoa(i)
		if !ns[n] {
			ns[n] = true
			return n
		}
	}
}
