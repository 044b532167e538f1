package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// API method pages are read line by line rather than through goldmark: all
// that matters on them is an annotation comment and the fenced block right
// after it, and a block's body must keep its page lines exactly so that
// findings inside the JSON name the page line. Fenced blocks are skipped as
// a whole, so a comment shown inside a code sample is not an annotation.

// saysExample recognises a request or response annotation, even a broken one.
var saysExample = lazyRegexp(`"blockType"\s*:\s*"(request|response)"`)

// IsAPIPage reports whether raw holds a request or response annotation:
// pages are told apart by what they hold, not by their folder.
func IsAPIPage(raw []byte) bool { return saysExample().Match(raw) }

var (
	statusLine  = regexp.MustCompile(`^HTTP(?:/\d(?:\.\d)?)?\s+(\d{3})\b`)
	requestLine = regexp.MustCompile(`^(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS)\s+(\S+)`)
	headerLine  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*\s*:`)
)

// ParseAPI reads the request and response examples of an API page. It
// returns nil when the page holds none. Broken annotations are reported
// (DG080, DG081) and their examples skipped or repaired.
func ParseAPI(path string, raw []byte) (*model.APIPage, model.Diagnostics) {
	var diags model.Diagnostics
	if len(raw) > MaxPageBytes || !IsAPIPage(raw) {
		return nil, diags // the resource parser reports the size
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	lines := bytes.Split(raw, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimSuffix(l, []byte("\r"))
	}
	page := &model.APIPage{Path: path}
	at := func(i int) model.Pos { return model.Pos{File: path, Line: i + 1} }
	for i := 0; i < len(lines); i++ {
		trimmed := bytes.TrimLeft(lines[i], " \t>")
		if marker, ok := fenceOpen(trimmed); ok {
			i = fenceEnd(lines, i, marker)
			continue
		}
		start := bytes.Index(lines[i], []byte("<!--"))
		if start < 0 || len(bytes.TrimSpace(lines[i][:start])) > 0 {
			continue
		}
		// The comment runs to the first "-->".
		end := i
		for end < len(lines) && !bytes.Contains(lines[end][min(len(lines[end]), indexAfter(end, i, start)):], []byte("-->")) {
			end++
		}
		if end == len(lines) {
			return page, diags // never closed: nothing after it is markup
		}
		comment := bytes.Join(lines[i:end+1], []byte("\n"))[start:]
		comment = comment[:bytes.Index(comment, []byte("-->"))+3]
		first := i
		i = end
		if !saysExample().Match(comment) {
			continue
		}
		ex := readExampleAnnotation(comment, model.Pos{File: path, Line: first + 1, Col: start + 1}, &diags)
		if ex == nil {
			continue
		}
		ex.Pos.Col = 0
		// The block follows after blank lines (and other comments, such as
		// a snippet marker).
		j := end + 1
		for j < len(lines) {
			t := bytes.TrimSpace(lines[j])
			if len(t) == 0 {
				j++
				continue
			}
			if bytes.HasPrefix(t, []byte("<!--")) && bytes.HasSuffix(t, []byte("-->")) && !saysExample().Match(t) {
				j++
				continue
			}
			break
		}
		if j < len(lines) {
			if marker, ok := fenceOpen(bytes.TrimLeft(lines[j], " \t>")); ok {
				close := fenceEnd(lines, j, marker)
				ex.HasFence, ex.FencePos = true, at(j)
				readBlock(ex, lines[j+1:close], j+1)
				i = close
			}
		}
		page.Examples = append(page.Examples, ex)
	}
	return page, diags
}

// indexAfter is where to look for "-->" on line l of a comment opened at
// column col of line first: after the "<!--" on the first line.
func indexAfter(l, first, col int) int {
	if l == first {
		return col + 4
	}
	return 0
}

// fenceOpen reports a fence opener (``` or ~~~, three or more) and returns
// its marker.
func fenceOpen(trimmed []byte) ([]byte, bool) {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(trimmed) && trimmed[n] == c {
			n++
		}
		if n >= 3 && (c == '~' || !bytes.Contains(trimmed[n:], []byte("`"))) {
			return trimmed[:n], true
		}
	}
	return nil, false
}

// fenceEnd is the index of the line closing a fence opened at line open,
// or len(lines) when it runs to the end of the page.
func fenceEnd(lines [][]byte, open int, marker []byte) int {
	for k := open + 1; k < len(lines); k++ {
		t := bytes.TrimSpace(bytes.TrimLeft(lines[k], " \t>"))
		if bytes.HasPrefix(t, marker) && len(bytes.Trim(t, string(marker[:1]))) == 0 {
			return k
		}
	}
	return len(lines)
}

// readBlock splits a fenced block into its first line (a status or
// request line), headers and body. lines[0] is page line first (0-based).
func readBlock(ex *model.APIExample, lines [][]byte, first int) {
	k := 0
	for k < len(lines) && len(bytes.TrimSpace(lines[k])) == 0 {
		k++
	}
	if k < len(lines) {
		head := bytes.TrimSpace(lines[k])
		if m := statusLine.FindSubmatch(head); m != nil {
			ex.Status, _ = strconv.Atoi(string(m[1]))
			k++
		} else if m := requestLine.FindSubmatch(head); m != nil {
			ex.Method, ex.URL = string(m[1]), string(m[2])
			k++
		}
		if k > 0 { // headers follow a status or request line only
			for k < len(lines) {
				t := bytes.TrimSpace(lines[k])
				if len(t) == 0 || !headerLine.Match(t) {
					break
				}
				if name, value, _ := strings.Cut(string(t), ":"); strings.EqualFold(strings.TrimSpace(name), "content-type") {
					media, _, _ := strings.Cut(value, ";")
					ex.ContentType = strings.ToLower(strings.TrimSpace(media))
				}
				k++
			}
		}
	}
	for k < len(lines) && len(bytes.TrimSpace(lines[k])) == 0 {
		k++
	}
	end := len(lines)
	for end > k && len(bytes.TrimSpace(lines[end-1])) == 0 {
		end--
	}
	if k < end {
		ex.Body = bytes.Join(lines[k:end], []byte("\n"))
		ex.BodyLine = first + k + 1
	}
}

// readExampleAnnotation reads a request or response annotation, repairing
// trailing commas and &quot; as the resource reader does (DG081), and
// reporting one it cannot read (DG080). pos is where the comment starts.
func readExampleAnnotation(comment []byte, pos model.Pos, diags *model.Diagnostics) *model.APIExample {
	body := bytes.TrimSuffix(bytes.TrimPrefix(comment, []byte("<!--")), []byte("-->"))
	lead := len("<!--")
	at := func(off int) model.Pos { return posIn(pos, comment, lead+off) }
	var orig []int // maps bytes of the repaired body back to body
	origOf := func(i int) int {
		switch {
		case orig == nil:
			return i
		case i < len(orig):
			return orig[i]
		case len(orig) == 0:
			return i
		}
		return orig[len(orig)-1] + 1 + i - len(orig)
	}
	var repairs []string
	var repairAt []model.Pos
	if n := bytes.Count(body, []byte("&quot;")); n > 0 {
		repairs, repairAt = append(repairs, fmt.Sprintf("&quot; read as a quote (%d times)", n)), append(repairAt, at(bytes.Index(body, []byte("&quot;"))))
		body, orig = replaceQuot(body)
	}
	if fixed, dropped := dropTrailingCommas(body); len(dropped) > 0 {
		kept := make([]int, 0, len(fixed))
		for i, j := 0, 0; i < len(body); i++ {
			if j < len(dropped) && dropped[j] == i {
				repairs, repairAt = append(repairs, "trailing comma removed"), append(repairAt, at(origOf(i)))
				j++
				continue
			}
			kept = append(kept, origOf(i))
		}
		body, orig = fixed, kept
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		p, msg := pos, err.Error()
		if off, what, ok := syntaxError(bytes.TrimSpace(body)); ok {
			trim := len(body) - len(bytes.TrimLeft(body, " \t\r\n"))
			p, msg = at(origOf(min(off+trim, len(body)))), what
		}
		kind := saysExample().FindSubmatch(body)
		diags.Report(p, model.APIAnnotationInvalid, "%s annotation is not valid JSON: %s; the example is not checked", kind[1], msg)
		return nil
	}
	for i, r := range repairs {
		diags.Report(repairAt[i], model.APIAnnotationRepaired, "example annotation repaired: %s", r)
	}
	str := func(key string) string {
		var s string
		_ = json.Unmarshal(fields[key], &s)
		return strings.TrimSpace(s)
	}
	flag := func(key string) bool {
		var b bool
		if json.Unmarshal(fields[key], &b) == nil {
			return b
		}
		return strings.EqualFold(str(key), "true")
	}
	ex := &model.APIExample{Pos: pos, Name: str("name")}
	if str("blockType") == "response" {
		ex.Kind = model.ResponseExample
	}
	key := "@odata.type"
	if str(key) == "" {
		key = "@type"
	}
	ex.Type = trimHash(str(key))
	if ex.Type != "" {
		ex.TypePos = pos
		if off := keyOffset(body, key); off >= 0 {
			ex.TypePos = at(origOf(off))
			ex.TypePos.Col = 0
		}
	}
	ex.IsCollection = flag("isCollection")
	ex.Truncated = flag("truncated")
	ex.IsEmpty = flag("isEmpty")
	return ex
}

// keyOffset is the offset of the quoted key in a JSON object's text, or -1.
func keyOffset(body []byte, key string) int {
	q := []byte(strconv.Quote(key))
	for off := 0; ; {
		i := bytes.Index(body[off:], q)
		if i < 0 {
			return -1
		}
		i += off
		rest := bytes.TrimLeft(body[i+len(q):], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			return i
		}
		off = i + len(q)
	}
}
